//! Reading postings written inline: sections, prose, choices, pluses,
//! the level and years, what is not assessed, and what is refused.

use super::*;
use crate::extract::extract_bytes;

fn read(text: &str) -> Result<Job, JobError> {
    let doc = extract_bytes(text.as_bytes(), "md", &Limits::default()).expect("text extracts");
    let rubric = crate::rubric::load_default().expect("default rubric loads");
    read_posting(&doc.lines, "posting.md", Vocabulary::builtin(), &rubric)
}

fn names(list: &[Requirement]) -> Vec<String> {
    let v = Vocabulary::builtin();
    list.iter()
        .map(|r| {
            r.any_of
                .iter()
                .map(|&s| v.name(s))
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn a_sectioned_posting_gives_required_and_nice() {
    let job = read(
        "# Senior Backend Engineer\n\nAcme builds logistics software with Elixir.\n\n## Requirements\n\n- 5+ years building backend services\n- Strong Go and PostgreSQL\n- Kafka is a plus\n\n## Nice to have\n\n- gRPC\n- Terraform\n\n## Benefits\n\n- Free Java classes\n",
    )
    .unwrap();
    assert_eq!(job.title.as_deref(), Some("Senior Backend Engineer"));
    assert_eq!(job.level, Some(Level::Senior));
    assert_eq!(job.years_min, Some(5.0));
    assert_eq!(names(&job.required), ["Go", "PostgreSQL"]);
    assert_eq!(names(&job.nice), ["Kafka", "gRPC", "Terraform"]);
    assert_eq!(job.required[0].quote, "- Strong Go and PostgreSQL");
}

#[test]
fn one_of_a_list_is_one_requirement() {
    let job = read("Backend Engineer\n\nRequirements:\n- Fluency in one of Ruby, PHP, Python, Go\n- Python, Go or Java\n").unwrap();
    assert_eq!(
        names(&job.required),
        ["Ruby|PHP|Python|Go", "Python|Go|Java"]
    );
}

#[test]
fn a_prose_posting_is_read_by_its_sentences() {
    let job = read(
        "Data Engineer\n\nWe are a small analytics company. We are looking for someone with at least 3 years of experience with Python and SQL. You know Airflow well. Experience with Snowflake would be a plus. You will build pipelines on AWS.\n",
    )
    .unwrap();
    assert_eq!(job.years_min, Some(3.0));
    assert_eq!(job.level, Some(Level::Mid));
    assert_eq!(names(&job.required), ["Python", "SQL", "Apache Airflow"]);
    assert_eq!(names(&job.nice), ["Snowflake", "AWS"]);
    // A paragraph's requirement is quoted by its sentence.
    assert_eq!(job.required[2].quote, "You know Airflow well.");
}

#[test]
fn degrees_and_ages_are_not_assessed() {
    let job = read("Junior Developer\n\nRequirements\n- BS in Computer Science\n- Recent graduate\n- JavaScript\n").unwrap();
    assert_eq!(names(&job.required), ["JavaScript"]);
    assert_eq!(job.not_assessed.len(), 2, "{:?}", job.not_assessed);
    assert!(job.not_assessed[0].starts_with("degree requirement: not assessed"));
}

#[test]
fn a_resume_is_not_a_posting() {
    let e = read("Jane Doe\njane@example.com\n\n## Experience\n\nSenior Engineer, Acme (2019-2024)\n- Built Go services\n\n## Education\n\nBSc Computer Science\n\n## Skills\n\nGo, Kafka\n").unwrap_err();
    assert!(matches!(e, JobError::NotAPosting { .. }), "{e}");
    assert!(
        e.to_string()
            .starts_with("posting.md: not a job posting: it reads as a resume"),
        "{e}"
    );
}

#[test]
fn a_novel_is_not_a_posting() {
    let e = read("Chapter One\n\nIt was a bright cold day in April, and the clocks were striking thirteen. She walked home through the rain and thought about the sea.\n").unwrap_err();
    assert!(matches!(e, JobError::NotAPosting { .. }), "{e}");
}

#[test]
fn requirement_lists_from_the_command_line() {
    let v = Vocabulary::builtin();
    let list = parse_requirement_list("go, kafka, postgres|mysql", v).unwrap();
    assert_eq!(names(&list), ["Go", "Kafka", "PostgreSQL|MySQL"]);
    let list = parse_requirement_list("one of python, go", v).unwrap();
    assert_eq!(names(&list), ["Python|Go"]);
    let e = parse_requirement_list("go, kafak", v)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("unknown skill \"kafak\"") && e.contains("did you mean Kafka?"),
        "{e}"
    );
    assert!(parse_requirement_list(" , ", v).is_err());
}

#[test]
fn the_json_shape_is_the_contract() {
    let job =
        read("Staff Engineer\n\nRequirements\n- 8+ years\n- Go or Rust\n- Kubernetes\n").unwrap();
    let json = serde_json::to_string(&job.to_json(Vocabulary::builtin())).unwrap();
    assert_eq!(
        json,
        r#"{"title":"Staff Engineer","level":"staff","years_min":8.0,"required":[{"one_of":["Go","Rust"]},"Kubernetes"],"nice":[],"not_assessed":[]}"#
    );
}

#[test]
fn the_title_skill_stays_required_when_only_the_duties_name_it() {
    let job = read(
        "# Junior ML Engineer\n\n## What you'll do\n\n- Hands-on ML development\n\n## What you need\n\n- Experience in SQL and Python\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Machine Learning", "SQL", "Python"]);
    assert!(job.nice.is_empty(), "{:?}", names(&job.nice));
}

#[test]
fn a_choice_met_by_a_required_skill_is_dropped() {
    let job = read(
        "# Junior JavaScript/Node.js Developer\n\n## Qualifications\n\n- Strong Node.js and JavaScript\n- A cloud such as AWS, GCP or Azure\n- AWS and Docker\n\n## Nice to have\n\n- React or Node.js\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        ["JavaScript", "Node.js", "AWS", "Docker"]
    );
    assert!(job.nice.is_empty(), "{:?}", names(&job.nice));
}

#[test]
fn a_nested_preferred_list_is_nice() {
    let job = read(
        "# Staff Backend Engineer\n\n## You have\n\n- 8+ years of experience\n- Skills with:\n  - Java, Spring Boot\n  - Preferred skills:\n  - Jenkins, Datadog\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Java", "Spring Boot"]);
    assert_eq!(names(&job.nice), ["Jenkins", "Datadog"]);
}

#[test]
fn hard_wrapped_lines_and_unusual_headings_are_read() {
    let job = read(
        "# Staff Engineer\n\nAbout the Role:\n\nThe new environment requires knowledge of containers,\n\ncomponentization, C#, Python, HTML,\n\nand JavaScript.\n\nThis role requires\n\n- 12+ years of experience or a master's degree\nand 8+ years of experience\n- git\n\nThe successful applicant's skillset:\n\n- Docker\n\nBonus points if you have\n\n- Kafka\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        [
            "Containers",
            "C#",
            "Python",
            "HTML",
            "JavaScript",
            "Git",
            "Docker"
        ]
    );
    assert_eq!(names(&job.nice), ["Kafka"]);
    assert_eq!(job.years_min, Some(8.0));
}

#[test]
fn minimum_and_preferred_labels_split_one_section() {
    let job = read(
        "Systems Engineer\n\n**What you will bring:**\n\nMinimum:\n- Proficient in C++ development in a Linux environment\nPreferred:\n- Experience with ONNX\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["C++", "Linux"]);
    assert_eq!(names(&job.nice), ["ONNX"]);
}

#[test]
fn a_line_before_a_known_sub_heading_stays_content() {
    // "Strong Go skills" before "Nice to have:" is the last requirement,
    // not a heading over "Nice to have:".
    let job = read(
        "Backend Engineer\n\n## Requirements\n\nOperating Linux servers in production\nStrong Go skills\nNice to have:\n- Ansible\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Linux", "Go"]);
    assert_eq!(names(&job.nice), ["Ansible"]);
}

#[test]
fn a_label_with_a_plus_reaches_its_items() {
    let job = read(
        "Cloud Engineer\n\n## Requirements\n\n- **Core services:**\n    - Amazon S3, Amazon EC2\n- **Data Science (Advantageous):**\n    - Amazon SageMaker\n- **Scripting:**\n    - Python\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Amazon S3", "Amazon EC2", "Python"]);
    assert_eq!(names(&job.nice), ["Amazon SageMaker"]);
}

#[test]
fn a_posting_of_duties_only_is_read_not_refused() {
    // Front matter gives the title; "Primarily responsible for:" heads the
    // duties; nothing is under a requirements heading.
    let job = read("---\ntitle: Site Reliability Engineer\npermalink: /positions/sre/\nteam: platform\n---\n\nKeeps the agency's platforms up.\n\nPrimarily responsible for:\n\n- Managing configuration with Terraform and Ansible\n- Building dashboards in Grafana\n").unwrap();
    assert_eq!(job.title.as_deref(), Some("Site Reliability Engineer"));
    assert_eq!(names(&job.required), ["Site Reliability Engineering"]);
    assert_eq!(names(&job.nice), ["Terraform", "Ansible", "Grafana"]);
}

#[test]
fn a_project_overview_is_still_not_a_posting() {
    let e = read(
        "# Logsift\n\n## Overview\n\nLogsift is a Go library that parses and indexes log files.\n",
    )
    .unwrap_err();
    assert!(matches!(e, JobError::NotAPosting { .. }), "{e}");
}

#[test]
fn sentences_that_say_required_or_preferred_make_a_posting() {
    let job = read("Software Engineer\n\nThe lab runs research computing on OpenStack.\n\nExperience with Python or Java required.\n\nLinux experience required.\n\nKubernetes experience preferred.\n").unwrap();
    assert_eq!(names(&job.required), ["Python|Java", "Linux"]);
    assert_eq!(names(&job.nice), ["Kubernetes"]);
}

#[test]
fn a_long_lead_in_that_asks_opens_the_requirements_inside_the_duties() {
    let job = read("# Database Engineer\n\n**What you will be doing:**\n\n- Run our MySQL fleet\n\nIn this role you'll also have the chance to:\n\n- Tune Redis with the product teams\n\nYou may be a good fit to this role if you:\n\n- Have operated PostgreSQL in production\n").unwrap();
    assert_eq!(names(&job.required), ["PostgreSQL"]);
    assert_eq!(names(&job.nice), ["MySQL", "Redis"]);
}

#[test]
fn front_matter_keys_over_lists_are_headings() {
    // A posting kept wholly in YAML front matter: each list under its key.
    let job = read("---\ntitle: \"React Developer\"\nlocation: \"Remote\"\nrequirements:\n  - \"Experience with TypeScript\"\n  - \"Familiarity with GraphQL\"\nresponsibilities:\n  - \"Participate in code reviews\"\ndate: \"2024-05-18\"\n---\n").unwrap();
    assert_eq!(job.title.as_deref(), Some("React Developer"));
    assert_eq!(names(&job.required), ["React", "TypeScript", "GraphQL"]);
    assert_eq!(names(&job.nice), ["Code Review"]);
}

#[test]
fn a_bare_list_of_asks_is_a_posting_without_a_title() {
    // No heading, no title line: only what is asked, item by item.
    let job = read("\n- Experience in embedded Linux driver development\n- Familiar with compilers, debuggers and source control such as Git\n- Experience with communication protocols: CAN, Ethernet, Bluetooth\n- Knowledge about the MISRA standard\n- Unit testing frameworks is a plus\n").unwrap();
    assert_eq!(job.title, None);
    assert_eq!(names(&job.required), ["Linux", "Git"]);
    assert_eq!(names(&job.nice), ["Unit Testing"]);
}

#[test]
fn a_short_posting_that_seeks_a_role_is_a_posting() {
    // A role sought in prose, with one line that asks.
    let job = read("# Systems Engineer\n\n## Description\n\nThe lab is looking for a backend engineer with experience scaling distributed systems. Should be comfortable working with C++ and/or Rust.\n\n## Contact\n\njobs@example.org\n").unwrap();
    assert_eq!(names(&job.required), ["Distributed Systems", "C++|Rust"]);
    // A lead-in that asks for the list after it, and a role sought.
    let job = read("Senior Software Engineer (API)\n\nWe are looking for software engineers to build our cloud-based insurance platform. For technical skills, a combination of:\n\n* NoSQL databases (MongoDB, DynamoDB, etc.)\n* Python\n\nIf you are interested, contact us.\n").unwrap();
    assert!(
        names(&job.required).contains(&"Python".to_string()),
        "{:?}",
        names(&job.required)
    );
    // A title naming a role and the duties addressed to the candidate.
    let job = read("# Senior Fullstack Engineer\n\n## Description\n\nSenior fullstack engineer to support our engineering efforts. You will be expected to lead your own projects. Our current stack involves javascript, typescript and python.\n").unwrap();
    assert_eq!(names(&job.nice), ["JavaScript", "TypeScript", "Python"]);
    // A role needed, in one paragraph that also calls a framework a plus.
    let job = read("Junior Backend Developer\n\nWe need a junior backend developer who can build REST APIs, work with SQL databases, write clean Python code and use Git. Experience with Flask is preferred.\n").unwrap();
    assert_eq!(job.title.as_deref(), Some("Junior Backend Developer"));
    assert!(
        names(&job.required).contains(&"Python".to_string()),
        "{:?}",
        names(&job.required)
    );
    assert_eq!(names(&job.nice), ["Flask"]);
}

#[test]
fn a_lead_in_that_trails_off_and_calls_its_list_a_plus_makes_it_nice() {
    let job = read("# Software Engineer\n\n## What we're looking for\n\nTechnically, you are a strong fit for this position, if ...\n\n* You are an expert in Java or Kotlin.\n\nThe icing on the cake would be, if ...\n\n* You know the internals of Apache Kafka.\n* You know Python.\n\n## What we offer\n\n* Equity\n").unwrap();
    assert_eq!(names(&job.required), ["Java|Kotlin"]);
    assert_eq!(names(&job.nice), ["Kafka", "Python"]);
}

#[test]
fn what_the_sentence_seeking_the_role_names_gives_way_to_a_plus() {
    let posting = |extra: &str| {
        format!(
            "# [Apply Here](https://example.com/apply)\n## Python/Javascript Programmer\n\nThe firm is now looking for a worker to fill the position of Python/Javascript Programmer.\n\n#### Required Experience:\n\n- 0-3 years programming experience\n- Experience with JavaScript, Python, and Ember.js is a plus.\n{extra}"
        )
    };
    let job = read(&posting("")).unwrap();
    // The call to apply is not the title; the line after it is.
    assert_eq!(job.title.as_deref(), Some("Python/Javascript Programmer"));
    assert!(job.required.is_empty(), "{:?}", names(&job.required));
    assert_eq!(names(&job.nice)[..3], ["JavaScript", "Python", "Ember.js"]);
    // Asked for outright as well, it stays required.
    let job = read(&posting("- Strong Python\n")).unwrap();
    assert_eq!(names(&job.required), ["Python"]);
}

#[test]
fn years_under_an_education_heading_and_a_title_after_a_broken_sentence() {
    let job = read("To scale our team, we are looking for a\nJunior Big Data Software Engineer\n\n### Your Profile\n\n- Python or Scala\n\n### Education\n\n- MS degree in Computer Science with +5 years of relevant experience\n").unwrap();
    assert_eq!(
        job.title.as_deref(),
        Some("Junior Big Data Software Engineer")
    );
    assert_eq!(job.years_min, Some(5.0));
}

#[test]
fn a_bold_html_line_over_a_list_heads_it_after_an_html_sidebar() {
    // A careers page in HTML inside Markdown: the sidebar's "Location"
    // heading must not swallow the requirements that a bold line opens.
    let job = read("# Software Engineer\n\n<h5 class=\"mb-2\">Location</h5>\n<p>Belgium - Remote</p>\n<p>\n<b>You fit this role if you have</b>\n<ul>\n<li>Advanced knowledge of the <b>Rust</b> programming language</li>\n<li>Experience with Git</li>\n</ul>\n</p>\n").unwrap();
    assert_eq!(names(&job.required), ["Rust", "Git"]);
}

#[test]
fn a_position_specification_is_the_requirements() {
    // A plain-text posting with unmarked headings, the duties first.
    let job = read(
        "Software Engineer\n\nPrincipal Duties And Responsibilities\n\n    Build and run our services on Kubernetes.\n\nPosition Specifications\n\n    2+ years of Java experience.\n    Experience with Kafka.\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Java", "Kafka"]);
    assert_eq!(names(&job.nice), ["Kubernetes"]);
}

#[test]
fn what_strong_candidates_may_also_have_is_a_plus() {
    let job = read(
        "Software Engineer\n\nYou may be a good fit if you:\n- Are an expert in React development\n\nStrong candidates may also have experience with:\n- Scaling TypeScript projects\n- Working with container orchestration\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["React"]);
    assert_eq!(names(&job.nice), ["TypeScript", "Containers"]);
}

#[test]
fn what_we_look_for_heads_the_requirements() {
    let job = read(
        "# Senior Back-End Developer\n\n## What we look for\n- 5 years of experience in backend development\n- Relational and NoSQL Databases\n- RESTful APIs\n- Good to have experience with:\n  - Ruby on Rails\n\n## What we provide\n- Fun\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["NoSQL", "RESTful APIs"]);
    assert_eq!(names(&job.nice), ["Ruby on Rails"]);
}

#[test]
fn a_heading_ending_in_for_is_not_joined_to_the_line_after() {
    // Plain text: "What We're Looking For" ends in "for" but ends no phrase.
    let job = read(
        "Full-Stack Engineer\n\nWhat You'll Do\n\nBuild features\n\nWhat We're Looking For\n\nStrong full-stack skills (React + Go)\nExperience with Kafka\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["React", "Go", "Kafka"]);
}

#[test]
fn a_heading_of_what_the_candidate_knows_heads_requirements() {
    let job = read(
        "# Platform Engineer\n\n### Technical requirements:\n\n* Linux-based systems in production\n* web servers (e.g. nginx, Apache)\n\n### Some familiarity and understanding of the following tools:\n\n* maven\n* unit testing\n\n### You can expect to:\n\n* Run Kafka clusters\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        ["Linux", "NGINX|Apache HTTP Server", "Maven", "Unit Testing"]
    );
    // "You can expect to:" heads duties, not a demand.
    assert_eq!(names(&job.nice), ["Kafka"]);
}

#[test]
fn a_duties_heading_over_a_list_of_what_the_candidate_has_heads_requirements() {
    let job = read(
        "# Test Engineer\n\n## Essential Functions\n\n- Strong coding ability in Java\n- Strong knowledge of Jenkins\n- Experience with AWS (public cloud)\n- Kafka experience.\n\n## What you'll be doing\n\n- Contribute to hands-on ML development in Python\n- Develop the data required to build models\n- Share what the team learns about Docker\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Java", "Jenkins", "AWS", "Kafka"]);
    assert_eq!(names(&job.nice), ["Machine Learning", "Python", "Docker"]);
}

#[test]
fn what_would_help_is_a_plus() {
    let job = read(
        "# Security Engineer\n\n## Requirements\n\n- Python\n\n**Helpful Knowledge and Experience**\n\n- Knowledge of GDPR\n- Strong Azure or AWS knowledge\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Python"]);
    assert_eq!(names(&job.nice), ["GDPR", "Azure|AWS"]);
}

#[test]
fn an_html_heading_that_closes_on_its_line_heads_its_section() {
    // Items that ask in no words of their own are required only because a
    // "<h2>…</h2>" line, opened and closed at once, heads them.
    let job = read("# Java Engineer\n\n<h2 class=\"major\">Who are we looking for?</h2>\n<p>We strive to stay on top of the game.</p>\n<h2 class=\"major\">What are the requirements?</h2>\n<ul>\n<li>REST API's are no stranger to you</li>\n<li>Application Servers and Containers</li>\n</ul>\n").unwrap();
    assert_eq!(names(&job.required), ["Java", "RESTful APIs", "Containers"]);
}

#[test]
fn a_deeper_markdown_heading_is_a_part_of_the_section_above() {
    // "### AWS Cloud Services" comes after a list, where a heading of no
    // known kind would open a section of its own.
    let job = read(
        "# Senior Engineer\n\nWe are looking for a senior engineer.\n\n## Required Technical Skills\n\n### Node.js\n- Node.js\n\n### AWS Cloud Services\n- 3+ years with AWS\n- Kafka\n\n### DevOps\n- Docker containerization\n\n## Benefits\n\n### Perks\n- Free Go lessons\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        ["Node.js", "AWS", "Kafka", "Docker", "Containers"]
    );
    assert!(job.nice.is_empty());
}

#[test]
fn a_sub_heading_of_the_nice_to_haves_is_a_part_of_them() {
    // "### Advanced Experience" would head requirements on its own; under
    // "## Preferred Qualifications" it is a part of the plus, and so is
    // its sibling of no known kind. A sub-heading that says it is
    // required still is.
    let job = read(
        "# Data Engineer\n\n## Required Qualifications\n\n### Technical Skills\n- Strong experience with Apache Spark\n\n## Preferred Qualifications\n\n### Advanced Experience\n- Knowledge of change data capture (CDC) patterns\n\n### Machine Learning Infrastructure\n- Experience with ML frameworks (TensorFlow, PyTorch)\n\n### Must have\n- Strong SQL\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Apache Spark", "SQL"]);
    assert_eq!(
        names(&job.nice),
        [
            "Change Data Capture",
            "Machine Learning",
            "TensorFlow|PyTorch"
        ]
    );
}

#[test]
fn what_would_be_good_or_beneficial_is_a_plus() {
    let job = read(
        "# Software Engineer\n\n### Your Professional Profile:\n+ 5+ years of developing software in Java\n\n## Technologies\n\nIt would be good if you have experience with most of the following:\n\n* Ruby\n\n## Beneficial Skills\n\n* Git\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Java"]);
    assert_eq!(names(&job.nice), ["Ruby", "Git"]);
    assert_eq!(job.years_min, Some(5.0));
}

#[test]
fn a_kind_beside_its_examples_on_one_line_is_the_choice_s_kind() {
    let job = read(
        "Platform Engineer\n\nMust have:\n- **CI/CD & Automation**: Proven experience building CI/CD pipelines using tools like GitHub Actions, Jenkins, or similar platforms.\n- **Infrastructure as Code**: Experience with Terraform, CloudFormation, or similar IaC tools.\n- Strong Linux skills\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        [
            "CI/CD|GitHub Actions|Jenkins",
            "Terraform|AWS CloudFormation|Infrastructure as Code",
            "Linux"
        ]
    );
    // On a line of its own, the kind asked alone still settles a choice
    // of its examples elsewhere: whoever meets CI/CD meets it.
    let job = read(
        "Platform Engineer\n\nRequirements:\n- Experience with CI/CD\n- Build pipelines in CI/CD tools such as Jenkins or CircleCI\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["CI/CD"]);
}

#[test]
fn plain_headings_in_the_singular_or_asking_what_you_bring_open_the_requirements() {
    let job = read(
        "SOFTWARE ENGINEER\n\nJOB DESCRIPTION\n\nDevelop the RESTful API.\n\nJOB REQUIREMENT\n\nDatabase development and design with MS-SQL.\n\nAt least 2 years of coding experience.\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["SQL Server"]);
    assert_eq!(names(&job.nice), ["RESTful APIs"]);
    let job = read(
        "Frontend Developer\n\nDevelop web applications using Angular\n\nWhat experience you'll bring\n\nStrong proficiency in HTML and CSS\n\nPreferred Qualifications\n\nFamiliarity with Agile methodologies\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["HTML", "CSS"]);
    assert_eq!(names(&job.nice), ["Agile"]);
    // A phrase with its purpose after it is still the phrase.
    let job = read(
        "Data Engineer\n\nWhat You'll Be Doing In This Role\n\nYou will build data ingestion into Hadoop\n\nWhat You'll Need To Succeed\n\nGood understanding of how Kafka works\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Kafka"]);
    assert_eq!(names(&job.nice), ["Hadoop"]);
}

#[test]
fn tools_name_the_stack_except_inside_the_requirements() {
    let job = read(
        "Junior Full-Stack Developer\n\nAbout Company:\nWe build a risk platform.\n\nTechnical Stack & Tools\nFrontend: Next.js, React, Tailwind CSS\n\nProfile We Are Looking For\nTechnical Foundation: Demonstrated experience building projects with FastAPI.\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["FastAPI"]);
    assert_eq!(names(&job.nice), ["Next.js", "React", "Tailwind CSS"]);
    let job = read(
        "Frontend Engineer\n\nRequirements:\nSkills: Proficient in JavaScript.\nTools: Experience with version control systems (e.g., Git).\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["JavaScript", "Git"]);
}

#[test]
fn a_lead_in_to_the_following_requirements_after_the_duties_heads_them() {
    let job = read(
        "Bioinformatics Software Engineer\n\n## The Position\nYou will maintain our workflow system on AWS.\nSuccessful candidates will meet many of the following requirements\n- You have strong experience in Python and a strong understanding of Linux.\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Python", "Linux"]);
    assert_eq!(names(&job.nice), ["AWS"]);
}

#[test]
fn bold_skill_names_group_as_plain_ones() {
    let job = read(
        "Senior Engineer\n\n## Requirements\n- Experience with frameworks like **Tokio**, **Axum**, or similar.\n- Hands-on experience with containerization (**Docker**) and orchestration (`Kubernetes`, Nomad, etc.).\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        [
            "Tokio|Axum",
            "Containers|Docker",
            "Kubernetes|HashiCorp Nomad"
        ]
    );
}

#[test]
fn a_duty_line_that_opens_by_asking_is_a_demand() {
    let job = read(
        "Python Developer\n\nJob Duties/Accountabilities:\n* Writing scalable code using Python.\n* Coordinating with front-end developers.\n* Integrating data storage solutions.\n* Experience in Django, Docker and Linux\n* knowledge sharing and mentoring with the rest of a team\n\nBenefits:\nFlexible hours\n\nHow to apply:\nSend us your resume and qualifications.\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        ["Python", "Django", "Docker", "Linux"]
    );
    assert_eq!(names(&job.nice), ["Mentoring"]);
}

#[test]
fn a_lead_in_asking_for_experience_among_the_duties_asks_for_its_list() {
    let job = read(
        "Senior Software Engineer, Observability\n\n## Job description\nYou will work on our observability platform.\nWe are looking for new teammates who have 6+ years industry experience in and/or similarly interested:\n- Metrics Frameworks: Prometheus, Grafana\n- Cloud-Native technologies: Kubernetes, Docker\nAcme is committed to open source. That's why we are looking for an experienced developer to drive our open source projects, like:\n- All our integrations with Terraform\n\n## Requirements\n- Strong Go\n",
    )
    .unwrap();
    assert_eq!(
        names(&job.required),
        [
            "Observability",
            "Prometheus",
            "Grafana",
            "Kubernetes",
            "Docker",
            "Go"
        ]
    );
    assert_eq!(names(&job.nice), ["Terraform"]);
}

#[test]
fn two_heading_phrases_joined_by_a_slash_are_one_heading() {
    let job = read(
        "Java Developer\n\nRequired Technical Skills\nStrong proficiency in Java\nNice to Have / Plus Skills\nAWS cloud exposure\n",
    )
    .unwrap();
    assert_eq!(names(&job.required), ["Java"]);
    assert_eq!(names(&job.nice), ["AWS"]);
}
