//! A resume against a posting's requirements: `shown` only in work the
//! person did, `listed` in skills lists, summaries and tool lines (so a
//! stuffed skills list never shows a skill), `absent` otherwise; aliases,
//! versions and implied families; short ambiguous words; "one of"
//! requirements; the fit number.

use levelscan::assess::{Assessment, assess_for_job};
use levelscan::extract::{Limits, extract_bytes};
use levelscan::jobfit::{Depth, Importance, JobContext, JobSpec, LevelFit, RequirementVerdict};
use levelscan::rubric::{Level, load_default};
use levelscan::skills::Vocabulary;

fn spec(required: &[&[&str]], nice: &[&[&str]]) -> JobSpec {
    let lists = |l: &[&[&str]]| -> Vec<Vec<String>> {
        l.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    };
    JobSpec {
        file: "test posting".into(),
        level: Some(Level::Senior),
        years_min: Some(5.0),
        required: lists(required),
        nice: lists(nice),
    }
}

fn run(resume: &str, spec: &JobSpec) -> Assessment {
    let rubric = load_default().expect("default rubric loads");
    let vocab = Vocabulary::builtin();
    let job = spec.resolve(vocab).expect("the posting's skills are known");
    let ctx = JobContext {
        job: &job,
        vocab,
        rules: rubric.job.as_ref().expect("the default rubric has [job]"),
    };
    let doc = extract_bytes(resume.as_bytes(), "md", &Limits::default()).expect("text extracts");
    assess_for_job(&doc, &rubric, Some(&ctx))
}

fn verdict<'a>(a: &'a Assessment, requirement: &str) -> &'a RequirementVerdict {
    let fit = a.job.as_ref().expect("matched against the posting");
    fit.requirements
        .iter()
        .find(|r| r.requirement == requirement)
        .unwrap_or_else(|| panic!("no verdict for {requirement}: {:#?}", fit.requirements))
}

const BACKEND: &str = "\
Sam Doe
sam@example.com

Experience

Senior Software Engineer, Freightline — Jan 2019 – Mar 2024
- Built the shipment-tracking service in Go, consuming Kafka events and writing to PostgreSQL.
- Migrated 40 cron jobs to Kubernetes CronJobs.

Software Engineer, Parcelly — Jun 2015 – Dec 2018
- Wrote the billing API in Python (Django), cutting invoice errors by 30%.

Skills
Go, Kafka, PostgreSQL, Redis, Kubernetes, Terraform, gRPC, Python
";

#[test]
fn work_shows_a_skill_a_list_only_lists_it_and_the_rest_is_absent() {
    let a = run(
        BACKEND,
        &spec(
            &[&["Go"], &["Kafka"], &["Redis"], &["Rust"]],
            &[&["Terraform"]],
        ),
    );
    let go = verdict(&a, "Go");
    assert_eq!(go.depth, Depth::Shown);
    assert_eq!(go.year, Some(2024), "the latest role it was shown in");
    // The fifth text line (blank lines are not lines of the document).
    assert_eq!((go.page, go.line), (Some(1), Some(5)));
    assert!(
        go.quote
            .as_deref()
            .unwrap()
            .starts_with("Built the shipment-tracking service in Go"),
        "{go:?}"
    );
    assert_eq!(verdict(&a, "Kafka").depth, Depth::Shown);
    assert_eq!(verdict(&a, "Redis").depth, Depth::Listed);
    assert_eq!(verdict(&a, "Redis").year, None);
    assert_eq!(verdict(&a, "Rust").depth, Depth::Absent);
    assert_eq!(verdict(&a, "Rust").quote, None);
    assert_eq!(verdict(&a, "Terraform").depth, Depth::Listed);
    assert_eq!(verdict(&a, "Terraform").importance, Importance::Nice);
}

#[test]
fn a_stuffed_skills_list_and_summary_never_show_a_skill() {
    let stuffer = "\
Alex Roe

Summary
Expert in Go, Kafka, PostgreSQL, Kubernetes, gRPC, Redis, Terraform and AWS.

Experience

Software Engineer, Shopsy — 2020 – 2024
- Built internal dashboards and reports for the sales team.
- Technologies used: Go, Kafka, PostgreSQL, Kubernetes, gRPC, Redis
- Worked with Go, Kafka, PostgreSQL and gRPC.

Skills
Go, Golang, Kafka, Apache Kafka, PostgreSQL, Postgres, Kubernetes, k8s, gRPC, Redis, Terraform, AWS
";
    let required: &[&[&str]] = &[
        &["Go"],
        &["Kafka"],
        &["PostgreSQL"],
        &["Kubernetes"],
        &["gRPC"],
    ];
    let a = run(stuffer, &spec(required, &[]));
    for r in required {
        let v = verdict(&a, r[0]);
        assert_eq!(v.depth, Depth::Listed, "{v:?}");
    }
    // The honest resume that shows three of the five fits better than the
    // stuffer that lists all five.
    let honest = run(BACKEND, &spec(required, &[]));
    let fit = |a: &Assessment| a.job.as_ref().unwrap().job_fit;
    assert!(
        fit(&honest) > fit(&a),
        "honest {} vs stuffer {}",
        fit(&honest),
        fit(&a)
    );
}

#[test]
fn aliases_versions_and_families_name_one_skill() {
    let resume = "\
Experience

Backend Engineer, Ledgerly — 2018 – 2023
- Built the settlement service with Spring Boot 3.4 on k8s, backed by Postgres 15.
- Rewrote the importer in golang.
";
    let a = run(
        resume,
        &spec(&[&["Java"], &["Kubernetes"], &["PostgreSQL"], &["Go"]], &[]),
    );
    let java = verdict(&a, "Java");
    assert_eq!(
        java.depth,
        Depth::Shown,
        "a Spring Boot service is Java work"
    );
    assert_eq!(java.skill.as_deref(), Some("Java"));
    for skill in ["Kubernetes", "PostgreSQL", "Go"] {
        assert_eq!(verdict(&a, skill).depth, Depth::Shown, "{skill}");
    }
}

/// Resumes in other languages write work as nouns ("Entwicklung von …",
/// "Desarrollo de …"): that is work shown, as in English.
#[test]
fn work_written_in_other_languages_shows_its_skills() {
    let resume = "\
Berufserfahrung

Cloud Engineer, Acme GmbH — 2019 – 2024
- Entwicklung von Terraform-Modulen für die Public Cloud.
- Migration der Applikationen nach Kubernetes.

Kenntnisse
Terraform, Kubernetes, Ansible
";
    let a = run(
        resume,
        &spec(&[&["Terraform"], &["Kubernetes"]], &[&["Ansible"]]),
    );
    assert_eq!(verdict(&a, "Terraform").depth, Depth::Shown);
    assert_eq!(verdict(&a, "Kubernetes").depth, Depth::Shown);
    assert_eq!(verdict(&a, "Ansible").depth, Depth::Listed);
}

/// A skill that names what another party or component did ("supported by
/// a Django backend") is not the person's work: listed, not shown.
#[test]
fn a_skill_in_a_passive_agent_phrase_is_not_shown() {
    let resume = "\
Experience

Lead Frontend Developer, Pixelworks — 2015 – 2019
- Built the analytics dashboard, written in TypeScript and supported by a Django, Python backend.
";
    let a = run(
        resume,
        &spec(&[&["TypeScript"], &["Django"], &["Python"]], &[]),
    );
    assert_eq!(verdict(&a, "TypeScript").depth, Depth::Shown);
    assert_eq!(verdict(&a, "Django").depth, Depth::Listed);
    assert_eq!(verdict(&a, "Python").depth, Depth::Listed);
}

#[test]
fn a_tag_row_with_names_between_its_skills_is_not_work() {
    // A role's tag row run into its first bullet by the layout, with tools
    // the vocabulary does not know between its skills; and a sidebar's
    // labels and entries run into a sentence the same way.
    let resume = "\
Robin Example

Experience

Backend Consultant, Northwind — Mar 2021 – May 2023
Review Kotlin Gradle Legacy code GitLab CI Eclipse IDE Solaris Redis Oracle Database Rewrote the invoicing back end for the finance team.
- Led the rollout of the shipping API, DATABASES Oracle 19 MongoDB EDITORS Vim Emacs Terraform HOSTING Hetzner Render planned with the platform team.
- Built the order service in Go With Kafka And PostgreSQL Pipelines.
";
    let a = run(
        resume,
        &spec(
            &[
                &["GitLab CI"],
                &["Redis"],
                &["MongoDB"],
                &["Terraform"],
                &["Go"],
                &["Kafka"],
                &["PostgreSQL"],
            ],
            &[],
        ),
    );
    for tag in ["GitLab CI", "Redis", "MongoDB", "Terraform"] {
        assert_eq!(verdict(&a, tag).depth, Depth::Listed, "{tag}");
    }
    // Title case written as prose keeps its link words: still work.
    for worked in ["Go", "Kafka", "PostgreSQL"] {
        assert_eq!(verdict(&a, worked).depth, Depth::Shown, "{worked}");
    }
}

#[test]
fn courses_under_an_educational_experience_heading_are_not_work() {
    let resume = "\
Kim Example

Experience

Software Engineer, Lakeside — Jan 2020 – Dec 2024
- Built the reporting service in Java.

Other Educational Experiences
I moved from Chemistry to Computer Science in 2012, with good results in Linear Algebra, Operating Systems, Object-Oriented Programming and Databases, and developed a compiler for a toy language in Haskell.
";
    let a = run(
        resume,
        &spec(
            &[&["Object-Oriented Programming"], &["Haskell"], &["Java"]],
            &[],
        ),
    );
    assert_eq!(
        verdict(&a, "Object-Oriented Programming").depth,
        Depth::Listed
    );
    assert_eq!(verdict(&a, "Haskell").depth, Depth::Listed);
    assert_eq!(verdict(&a, "Java").depth, Depth::Shown);
}

#[test]
fn mentoring_people_is_work_and_a_mentor_named_is_not() {
    let mentored = "\
Alex Example

Experience

Engineering Lead, Harbourline — Feb 2019 – Jan 2025
- Mentored four junior developers through their first on-call rotations.
";
    let coached = "\
Alex Example

Experience

Engineering Lead, Harbourline — Feb 2019 – Jan 2025
- Chaired the weekly incident reviews, coaching senior engineers on their reports.
";
    let named = "\
Alex Example

Experience

Engineering Lead, Harbourline — Feb 2019 – Jan 2025
- Chosen for the staff programme on the advice of my mentor.
";
    let depth =
        |resume: &str| verdict(&run(resume, &spec(&[&["Mentoring"]], &[])), "Mentoring").depth;
    assert_eq!(depth(mentored), Depth::Shown);
    assert_eq!(depth(coached), Depth::Shown);
    assert_eq!(depth(named), Depth::Listed);
}

#[test]
fn short_ambiguous_words_count_only_as_the_technology() {
    let resume = "\
Experience

Product Engineer, Marketly — 2019 – 2024
- Led the go-to-market launch of the new pricing page with the C-level team after our Series C.
- Built the payments integration with the SWIFT network for R&D partners.
";
    let a = run(resume, &spec(&[&["Go"], &["C"], &["Swift"], &["R"]], &[]));
    for skill in ["Go", "C", "Swift", "R"] {
        assert_eq!(verdict(&a, skill).depth, Depth::Absent, "{skill}");
    }
}

#[test]
fn one_of_is_met_by_any_of_its_skills() {
    let a = run(BACKEND, &spec(&[&["Ruby", "PHP", "Python"]], &[]));
    let v = verdict(&a, "one of Ruby, PHP, Python");
    assert_eq!(v.depth, Depth::Shown);
    assert_eq!(v.skill.as_deref(), Some("Python"));
    assert_eq!(v.year, Some(2018));
}

#[test]
fn the_fit_weighs_requirements_level_and_years() {
    let a = run(BACKEND, &spec(&[&["Go"], &["Kafka"]], &[]));
    let fit = a.job.as_ref().unwrap();
    // Both required skills shown and 9 years against 5 asked: only the
    // level can take points away.
    match fit.level_fit {
        Some(LevelFit::At | LevelFit::Above) => assert_eq!(fit.job_fit, 100.0),
        Some(LevelFit::Below) => assert!(fit.job_fit < 100.0 && fit.job_fit >= 80.0),
        None => panic!("the posting names a level"),
    }
    let none = run(
        "Experience\n\nBarista, Beanery — 2020 – 2024\n- Made coffee.\n",
        &spec(&[&["Go"], &["Kafka"]], &[]),
    );
    assert!(none.job.as_ref().unwrap().job_fit < 20.0, "{:?}", none.job);
}

#[test]
fn without_a_posting_nothing_is_matched() {
    let rubric = load_default().unwrap();
    let doc = extract_bytes(BACKEND.as_bytes(), "md", &Limits::default()).unwrap();
    assert_eq!(assess_for_job(&doc, &rubric, None).job, None);
}

// ------------------------------------------------------------- the CLI

use std::path::Path;
use std::process::Command;

fn levelscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("levelscan runs")
}

fn write_resumes(dir: &Path) {
    std::fs::write(dir.join("backend.md"), BACKEND).unwrap();
    std::fs::write(
        dir.join("frontend.md"),
        "Experience\n\nFrontend Engineer, Pixelry — 2016 – 2024\n- Built the checkout in React and TypeScript.\n\nSkills\nReact, TypeScript, Go\n",
    )
    .unwrap();
}

#[test]
fn screen_with_must_and_nice_adds_the_job_columns_and_ranks_by_fit() {
    let dir = tempfile::tempdir().unwrap();
    write_resumes(dir.path());
    let out = dir.path().join("ranking.csv");
    let run = levelscan(&[
        "screen",
        dir.path().to_str().unwrap(),
        "--must",
        "go, kafka",
        "--nice",
        "terraform",
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[header.len() - 6..],
        [
            "job_fit",
            "level_fit",
            "required_shown",
            "required_listed",
            "required_missing",
            "nice_shown"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // The Go and Kafka resume first; the React one lists Go and has no Kafka.
    assert!(rows[0][col("file")].ends_with("backend.md"));
    assert_eq!(&rows[0][col("required_shown")], "Go (2024); Kafka (2024)");
    assert_eq!(&rows[0][col("nice_shown")], "");
    assert!(rows[1][col("file")].ends_with("frontend.md"));
    assert_eq!(&rows[1][col("required_listed")], "Go");
    assert_eq!(&rows[1][col("required_missing")], "Kafka");
    let fit = |r: &csv::StringRecord| r[col("job_fit")].parse::<f64>().unwrap();
    assert!(fit(&rows[0]) > fit(&rows[1]));
    // No level in a --must list: no level fit.
    assert_eq!(&rows[0][col("level_fit")], "");
}

#[test]
fn the_ranking_is_the_same_whether_or_not_the_requirement_quotes_are_kept() {
    // With the CSV alone the workers send no requirement quotes (the CSV
    // quotes none); with the evidence CSV they send them all.
    let dir = tempfile::tempdir().unwrap();
    write_resumes(dir.path());
    let screen = |extra: &[&str], ranking: &Path| {
        let mut args = vec![
            "screen",
            dir.path().to_str().unwrap(),
            "--must",
            "go, kafka",
            "--nice",
            "react",
            "-o",
            ranking.to_str().unwrap(),
            "--quiet",
        ];
        args.extend_from_slice(extra);
        let run = levelscan(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(ranking).unwrap()
    };
    let out = tempfile::tempdir().unwrap();
    let alone = screen(&[], &out.path().join("alone.csv"));
    let evidence = out.path().join("evidence.csv");
    let with_evidence = screen(
        &["--evidence", evidence.to_str().unwrap()],
        &out.path().join("with.csv"),
    );
    assert_eq!(alone, with_evidence);
    let evidence = std::fs::read_to_string(&evidence).unwrap();
    assert!(
        evidence.contains("Kafka: shown") && evidence.contains("React: shown"),
        "{evidence}"
    );
}

#[test]
fn an_unknown_skill_stops_the_run_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write_resumes(dir.path());
    let out = dir.path().join("ranking.csv");
    let run = levelscan(&[
        "screen",
        dir.path().to_str().unwrap(),
        "--must",
        "go, flurbo",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("flurbo"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn explain_and_brief_show_the_requirements() {
    let dir = tempfile::tempdir().unwrap();
    write_resumes(dir.path());
    let resume = dir.path().join("frontend.md");
    let run = levelscan(&[
        "explain",
        resume.to_str().unwrap(),
        "--must",
        "react, kafka",
    ]);
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("job fit: "), "{text}");
    assert!(
        text.contains("shown   React p1 l3, 2024: \"Built the checkout in React and TypeScript.\""),
        "{text}"
    );
    assert!(text.contains("absent  Kafka"), "{text}");
    let run = levelscan(&[
        "brief",
        resume.to_str().unwrap(),
        "--must",
        "react, kafka",
        "-o",
        "-",
    ]);
    let brief = String::from_utf8_lossy(&run.stdout);
    assert!(brief.contains("Requirements not shown"), "{brief}");
    assert!(brief.contains("Kafka: not on the resume"), "{brief}");
    assert!(!brief.contains("React:"), "React is shown: {brief}");
}

#[test]
fn the_html_report_has_the_requirements_matrix() {
    let dir = tempfile::tempdir().unwrap();
    write_resumes(dir.path());
    let html = dir.path().join("report.html");
    let run = levelscan(&[
        "screen",
        dir.path().to_str().unwrap(),
        "--must",
        "go, kafka",
        "-o",
        dir.path().join("r.csv").to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(run.status.success());
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.contains("<table class=\"matrix\">"));
    assert!(
        page.contains("<summary>● shown 2024</summary>"),
        "a shown cell with its year"
    );
    assert!(
        page.contains("<summary>○ listed</summary>"),
        "a listed cell"
    );
    assert!(
        page.contains("<td class=\"absent\">—</td>"),
        "an absent cell"
    );
}

/// A project's tags — after a pipe, or in parentheses after its name —
/// name its tools, not work shown with them; the description run on after
/// them still shows what it names, and tools in parentheses after work
/// stay work.
#[test]
fn a_projects_tag_list_after_a_pipe_or_its_name_is_not_work() {
    let resume = "\
Jordan Example

Experience

Backend Engineer, Nordpay — Mar 2019 – Feb 2024
- Built the checkout services (Go, gRPC) for the payments team.

Projects

Parcel tracker bot for creating delivery alerts | Telegram Bot API, k8s, Redis, PostgreSQL 2024
- Wrote the bot's webhook handler in Python.
Harvest (Django, SQLite, HTML/CSS) May 2019 Designed and implemented a Django-based site for listing farm produce, with search by village.
";
    let a = run(
        resume,
        &spec(
            &[
                &["Kubernetes"],
                &["Redis"],
                &["PostgreSQL"],
                &["Python"],
                &["SQLite"],
                &["Django"],
                &["Go"],
                &["gRPC"],
            ],
            &[],
        ),
    );
    for tag in ["Kubernetes", "Redis", "PostgreSQL", "SQLite"] {
        assert_eq!(verdict(&a, tag).depth, Depth::Listed, "{tag}");
    }
    for worked in ["Python", "Django", "Go", "gRPC"] {
        assert_eq!(verdict(&a, worked).depth, Depth::Shown, "{worked}");
    }
}

/// "Site reliability" alone is also how reliable a web site is: the
/// discipline needs its own words beside it.
#[test]
fn a_sites_reliability_is_not_site_reliability_engineering() {
    let depth = |bullet: &str| {
        let resume = format!("Experience\n\nWeb Developer, Artful — 2016 – 2020\n- {bullet}\n");
        let requirement = "Site Reliability Engineering";
        verdict(&run(&resume, &spec(&[&[requirement]], &[])), requirement).depth
    };
    assert_eq!(
        depth(
            "Improved site reliability for modern and legacy browsers, cutting page load time by 80%."
        ),
        Depth::Absent
    );
    assert_eq!(
        depth("Built the site reliability team's on-call rotation and its first SLOs."),
        Depth::Shown
    );
}

/// In a resume whose titles sit above their dates, a title no list knows
/// ("Profesor Java") is still its role's header: it does not join the
/// previous role's last sentence, so a course's subject under it is not
/// lent that sentence's work verb.
#[test]
fn an_unknown_title_above_its_dates_is_no_part_of_the_sentence_before() {
    let resume = "\
Robin Example

Experience

Northwind
Software Engineer
June 2018 - May 2020
Maintained the invoicing back end and its reports for the finance team.
Lakeside Labs
Intern
June 2016 - September 2016
Worked as a developer on a project using technologies such as PHP
and JavaScript
Don Bosco School
Profesor Java
July 2015 - October 2015
Taught the tenth year of the software course.
-Introduction to Java
-Variables, methods
";
    let a = run(resume, &spec(&[&["Java"], &["PHP"]], &[]));
    assert_eq!(verdict(&a, "PHP").depth, Depth::Shown);
    assert_eq!(verdict(&a, "Java").depth, Depth::Listed);
}

/// The depth of `requirement` when `bullet` is a role's only bullet.
fn depth_in_a_bullet(bullet: &str, requirement: &str) -> Depth {
    let resume =
        format!("Experience\n\nSoftware Engineer, Harbor Freightways — 2018 – 2023\n- {bullet}\n");
    verdict(&run(&resume, &spec(&[&[requirement]], &[])), requirement).depth
}

/// Each (bullet, skill) pair, the bullet a role's only one, reads `depth`.
fn assert_depth_in_bullets(pairs: &[(&str, &str)], depth: Depth) {
    for (bullet, skill) in pairs {
        assert_eq!(depth_in_a_bullet(bullet, skill), depth, "{bullet}");
    }
}

/// A skill named as the setting of the work rather than worked with: a
/// future target, advocacy, a system being retired, the team's tools said
/// by its manager, a role's title inside a sentence. Each stays `listed`;
/// the same skill as the object of the person's work is `shown`.
#[test]
fn a_skill_beside_the_work_but_not_worked_with_is_not_shown() {
    let listed = [
        (
            "Designed a storage abstraction to allow future migration to Postgres.",
            "PostgreSQL",
        ),
        (
            "Built the payments gateway while decommissioning a Ruby monolith.",
            "Ruby",
        ),
        (
            "I advocated for accessibility, performance and load testing becoming part of every release.",
            "Load Testing",
        ),
        (
            "My team used a blend of Spark, Scala and Python for the forecasts.",
            "Python",
        ),
        (
            "Started as a data quality analyst, and eventually became the team's lead.",
            "Data Quality",
        ),
        (
            "Joined as an AWS solutions architect and ran the cost reviews.",
            "AWS",
        ),
    ];
    assert_depth_in_bullets(&listed, Depth::Listed);
    let shown = [
        (
            "Migrated the storage layer to Postgres, cutting query time by half.",
            "PostgreSQL",
        ),
        (
            "Decommissioned the legacy cron host and rewrote its jobs in Python.",
            "Python",
        ),
        (
            "My team and I built the forecasting service in Python.",
            "Python",
        ),
        (
            "Worked as a developer and built the AWS Lambda ingestion for invoices.",
            "AWS",
        ),
        (
            "Advocated for and built the load testing suite in k6.",
            "Load Testing",
        ),
    ];
    assert_depth_in_bullets(&shown, Depth::Shown);
}

/// A skill as the subject of a course, a talk or a training session is
/// `listed`, whether it is named by one teaching word or by two ("training
/// sessions", "topics covered"); "sessions" and "topics" alone are other
/// things ("user sessions in Redis", "Kafka topics").
#[test]
fn training_sessions_and_course_topics_are_not_work_with_their_subject() {
    let listed = [
        (
            "Organised meetups and training sessions on the use of Kubernetes for the whole company.",
            "Kubernetes",
        ),
        (
            "Taught the backend module. Topics covered include the principles of REST APIs.",
            "RESTful APIs",
        ),
    ];
    assert_depth_in_bullets(&listed, Depth::Listed);
    let shown = [
        (
            "Moved user sessions in Redis to a cluster and cut logouts by 90%.",
            "Redis",
        ),
        (
            "Designed the Kafka topics in Avro and built their consumers in Go.",
            "Go",
        ),
    ];
    assert_depth_in_bullets(&shown, Depth::Shown);
}

/// A part of a sentence that only points to a link ("the git commit
/// information can be accessed from this link: …") is no work with what it
/// names, even when the sentence reader ran it into the work before it
/// (an abbreviation's full stop, "Inc. The …"); a link beside work done
/// with the skill leaves it shown.
#[test]
fn a_pointer_to_a_link_is_not_work() {
    assert_eq!(
        depth_in_a_bullet(
            "Fixed a memory leak in the scheduler used by Graph Inc. The git commit information can be accessed from this link: https://example.org/commit/1",
            "Git"
        ),
        Depth::Listed
    );
    assert_eq!(
        depth_in_a_bullet(
            "Moved the team's repositories to Git and wrote the branching guide (link: https://example.org/guide).",
            "Git"
        ),
        Depth::Shown
    );
}
