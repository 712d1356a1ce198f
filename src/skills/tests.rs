//! Unit tests of the vocabulary: spellings, versions, families, the short
//! ambiguous words both ways, word boundaries and the loader's refusals.

use super::*;

fn vocab() -> &'static Vocabulary {
    Vocabulary::builtin()
}

/// The canonical names `find` gives for `text`, in order.
fn found(text: &str) -> Vec<&'static str> {
    let v = vocab();
    v.find(text).iter().map(|m| v.name(m.skill)).collect()
}

fn id(name: &str) -> SkillId {
    vocab()
        .canonical(name)
        .unwrap_or_else(|| panic!("{name} is not in the vocabulary"))
}

#[test]
fn the_builtin_vocabulary_and_its_examples_hold() {
    if let Err(e) = Vocabulary::from_toml(DEFAULT_SKILLS, DEFAULT_SKILLS_NAME) {
        panic!("{e}");
    }
}

#[test]
fn the_builtin_vocabulary_loads_with_several_hundred_skills() {
    assert!(vocab().len() >= 300, "only {} skills", vocab().len());
}

#[test]
fn aliases_name_one_skill() {
    let v = vocab();
    for (alias, name) in [
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("GCP", "GCP"),
        ("Google Cloud", "GCP"),
        ("Node", "Node.js"),
        ("NodeJS", "Node.js"),
        ("golang", "Go"),
        ("JS", "JavaScript"),
        ("sklearn", "scikit-learn"),
        ("Amazon Web Services", "AWS"),
        ("react-native", "React Native"),
    ] {
        assert_eq!(
            v.canonical(alias).map(|id| v.name(id)),
            Some(name),
            "{alias}"
        );
    }
    assert_eq!(v.canonical("not a skill at all"), None);
}

#[test]
fn versions_are_ignored() {
    let v = vocab();
    for (written, name) in [
        ("Java 21", "Java"),
        ("Spring Boot 3.4", "Spring Boot"),
        ("Python3", "Python"),
        ("python 3.12", "Python"),
        ("Vue.js 3", "Vue.js"),
        ("Node 20.x", "Node.js"),
        ("C++17", "C++"),
    ] {
        assert_eq!(
            v.canonical(written).map(|id| v.name(id)),
            Some(name),
            "{written}"
        );
    }
    // A spelling that holds a number keeps it.
    assert_eq!(v.canonical("S3").map(|id| v.name(id)), Some("Amazon S3"));
    assert_eq!(
        found("Python3, Java 21 and Spring Boot 3.4"),
        ["Python", "Java", "Spring Boot"]
    );
    assert_eq!(found("Moved the frontend to Vue3"), ["Vue.js"]);
}

#[test]
fn implies_gives_the_families_a_skill_is_work_in() {
    let v = vocab();
    let names =
        |skill: &str| -> Vec<&str> { v.implies(id(skill)).iter().map(|&i| v.name(i)).collect() };
    assert!(names("Spring Boot").contains(&"Java"));
    assert!(names("Django").contains(&"Python"));
    let next = names("Next.js");
    assert!(
        next.contains(&"React") && next.contains(&"JavaScript"),
        "{next:?}"
    );
    assert!(names("Java").is_empty());
}

#[test]
fn the_longest_spelling_wins() {
    assert_eq!(found("Built services on Spring Boot"), ["Spring Boot"]);
    assert_eq!(found("React Native and React"), ["React Native", "React"]);
    assert_eq!(found("Google Cloud Platform"), ["GCP"]);
}

#[test]
fn c_is_not_found_inside_other_names() {
    for text in [
        "C# and .NET services",
        "C++ trading systems",
        "Objective-C apps",
        "CI/CD with GitHub Actions",
        "a Node.js API",
        "USB-C firmware",
    ] {
        assert!(!found(text).contains(&"C"), "{text}: {:?}", found(text));
    }
    assert_eq!(found("C# and .NET services"), ["C#", ".NET"]);
    assert_eq!(
        found("CI/CD with GitHub Actions"),
        ["CI/CD", "GitHub Actions"]
    );
    assert_eq!(found("Objective-C apps"), ["Objective-C"]);
    assert_eq!(found("a Node.js API"), ["Node.js"]);
    assert_eq!(found("Languages: C, C++"), ["C", "C++"]);
}

#[test]
fn a_name_inside_a_longer_word_is_not_a_mention() {
    assert_eq!(found("JavaScript"), ["JavaScript"]);
    assert!(found("Reactive programming").is_empty());
    assert!(found("Gopher").is_empty());
}

/// Each ambiguous word, as the technology and as ordinary English.
#[test]
fn ambiguous_words_need_their_context() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Go",
            "Rewrote the ingestion workers in Go",
            "Led the go-to-market plan",
        ),
        ("Go", "Python, Go, Java", "We go above and beyond"),
        ("C", "Languages: C, C++, Python", "Raised a Series C round"),
        (
            "C",
            "Wrote firmware in C for microcontrollers",
            "Briefed C-level executives",
        ),
        ("R", "Statistical modelling in R", "Led the R&D team"),
        (
            "Rust",
            "Wrote the storage engine in Rust",
            "Ran a modded Rust game server",
        ),
        (
            "Swift",
            "Built the iOS app in Swift",
            "Integrated the SWIFT network for payments",
        ),
        (
            "Spring",
            "Java, Spring, Hibernate",
            "Teaching assistant, Spring 2021",
        ),
        (
            "Express.js",
            "Node.js with Express",
            "Engineer at American Express",
        ),
        (
            "Ruby on Rails",
            "Maintained a large Rails monolith",
            "Put guard rails on deploys",
        ),
        (
            "Flask",
            "Python, Flask, SQLAlchemy",
            "Washed each lab flask",
        ),
        (
            "Ember.js",
            "Migrated the app from Ember to React",
            "Stirred the last ember of the fire",
        ),
        (
            "Chef",
            "Configuration management with Chef and Terraform",
            "Worked as a sous chef",
        ),
        (
            "Puppet",
            "Chef, Puppet, Ansible",
            "Volunteered at a puppet theatre",
        ),
        ("Redux", "React, Redux, TypeScript", "Mad Max redux cuts"),
        (
            "React",
            "Built the dashboard in React",
            "Able to react quickly to incidents",
        ),
        (
            "Node.js",
            "Rewrote the billing service in Node",
            "Drained each node of the cluster",
        ),
        (
            "Ruby",
            "Built APIs in Ruby",
            "Reported to Ruby Patel, VP Engineering",
        ),
    ];
    for &(name, yes, no) in cases {
        assert!(
            found(yes).contains(&name),
            "{name} should be found in {yes:?}: {:?}",
            found(yes)
        );
        assert!(
            !found(no).contains(&name),
            "{name} should not be found in {no:?}: {:?}",
            found(no)
        );
    }
}

#[test]
fn offsets_point_at_the_words_as_written() {
    let text = "Shipped Go services on k8s";
    let v = vocab();
    let spans: Vec<&str> = v.find(text).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(spans, ["Go", "k8s"]);
}

#[test]
fn text_that_is_not_ascii_is_searched_safely() {
    assert_eq!(
        found("Entwicklung mit Kubernetes und Go — für Zürich"),
        ["Kubernetes", "Go"]
    );
    assert!(found("ÄÖÜ ß 日本語 🙂").is_empty());
}

// ---- the loader's refusals ----

const HEADER: &str = "[vocabulary]\nname = \"t\"\nversion = 1\n";

fn refused(body: &str) -> String {
    match Vocabulary::from_toml(&format!("{HEADER}{body}"), "test.toml") {
        Ok(_) => panic!("accepted:\n{body}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_small_vocabulary_loads() {
    let v = Vocabulary::from_toml(
        &format!("{HEADER}[[skill]]\nname = \"Java\"\ncategory = \"language\"\n\n[[skill]]\nname = \"Spring Boot\"\ncategory = \"backend\"\nimplies = [\"java\"]\n"),
        "t.toml",
    )
    .unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(
        v.implies(v.canonical("spring-boot").unwrap()),
        [v.canonical("Java").unwrap()]
    );
}

#[test]
fn an_unknown_key_is_refused_with_its_line() {
    let e = refused("[[skill]]\nname = \"Java\"\ncategory = \"language\"\nalias = [\"jvm\"]\n");
    assert!(e.starts_with("test.toml:7:"), "{e}");
    assert!(e.contains("unknown field `alias`"), "{e}");
}

#[test]
fn a_name_given_twice_is_refused() {
    let e = refused(
        "[[skill]]\nname = \"Java\"\ncategory = \"language\"\n[[skill]]\nname = \"java\"\ncategory = \"language\"\n",
    );
    assert!(
        e.contains("test.toml:8:") && e.contains("already a spelling of \"Java\""),
        "{e}"
    );
}

#[test]
fn an_alias_claimed_by_two_skills_is_refused() {
    let e = refused(
        "[[skill]]\nname = \"Go\"\ncategory = \"l\"\naliases = [\"golang\"]\n[[skill]]\nname = \"Gopher\"\ncategory = \"l\"\naliases = [\"golang\"]\n",
    );
    assert!(
        e.contains("\"golang\" is already a spelling of \"Go\""),
        "{e}"
    );
}

#[test]
fn an_unmatchable_spelling_is_refused() {
    let e = refused("[[skill]]\nname = \"--\"\ncategory = \"l\"\n");
    assert!(e.contains("cannot be matched"), "{e}");
    let e = refused("[[skill]]\nname = \"Zürich\"\ncategory = \"l\"\n");
    assert!(e.contains("ASCII"), "{e}");
}

#[test]
fn a_kind_is_what_its_examples_imply() {
    let v = Vocabulary::from_toml(
        &format!("{HEADER}[[skill]]\nname = \"NoSQL\"\ncategory = \"database\"\nkind = true\n\n[[skill]]\nname = \"MongoDB\"\ncategory = \"database\"\nimplies = [\"NoSQL\"]\n"),
        "t.toml",
    )
    .unwrap();
    let (nosql, mongo) = (
        v.canonical("NoSQL").unwrap(),
        v.canonical("MongoDB").unwrap(),
    );
    assert!(v.is_example_of(mongo, nosql));
    assert!(!v.is_example_of(nosql, mongo));
    // The built-in kinds: a NoSQL store is an example of NoSQL; AWS, which
    // Lambda implies, is a platform, not a kind.
    assert!(vocab().is_example_of(id("Cassandra"), id("NoSQL")));
    assert!(vocab().is_example_of(id("Jenkins"), id("CI/CD")));
    assert!(!vocab().is_example_of(id("AWS Lambda"), id("AWS")));
    // A kind that nothing implies would do nothing: a slip in the file.
    let e = refused("[[skill]]\nname = \"NoSQL\"\ncategory = \"database\"\nkind = true\n");
    assert!(
        e.contains("\"NoSQL\" is a kind, but no skill implies it") && e.starts_with("test.toml:"),
        "{e}"
    );
}

#[test]
fn implies_naming_no_skill_is_refused() {
    let e =
        refused("[[skill]]\nname = \"Django\"\ncategory = \"backend\"\nimplies = [\"Pyhton\"]\n");
    assert!(
        e.contains("implies \"Pyhton\", which no skill is called") && e.starts_with("test.toml:7:"),
        "{e}"
    );
}

#[test]
fn context_rules_are_checked() {
    // needs_context naming a spelling the skill does not have.
    let e = refused(
        "[[skill]]\nname = \"Go\"\ncategory = \"l\"\nneeds_context = [\"Goo\"]\ncontext = [\"list\"]\nexamples.match = [\"a\"]\nexamples.no_match = [\"b\"]\n",
    );
    assert!(
        e.contains("needs_context \"Goo\" is not one of its spellings"),
        "{e}"
    );
    // A context kind that does not exist.
    let e = refused(
        "[[skill]]\nname = \"Go\"\ncategory = \"l\"\nneeds_context = [\"Go\"]\ncontext = [\"vibes\"]\n",
    );
    assert!(e.contains("unknown variant `vibes`"), "{e}");
    // Context words without needs_context.
    let e = refused("[[skill]]\nname = \"Go\"\ncategory = \"l\"\nnear = [\"golang\"]\n");
    assert!(e.contains("apply only to needs_context spellings"), "{e}");
    // needs_context without examples.
    let e = refused(
        "[[skill]]\nname = \"Go\"\ncategory = \"l\"\nneeds_context = [\"Go\"]\ncontext = [\"list\"]\n",
    );
    assert!(e.contains("needs examples"), "{e}");
}

#[test]
fn an_example_that_does_not_hold_is_refused() {
    let e = refused(
        "[[skill]]\nname = \"Kafka\"\ncategory = \"data\"\nexamples.match = [\"We used RabbitMQ\"]\n",
    );
    assert!(
        e.contains("skill \"Kafka\": example should match but does not: \"We used RabbitMQ\""),
        "{e}"
    );
    let e = refused(
        "[[skill]]\nname = \"Kafka\"\ncategory = \"data\"\nexamples.no_match = [\"Kafka Streams\"]\n",
    );
    assert!(e.contains("should not match but does"), "{e}");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let e = Vocabulary::load(Path::new("/no/such/skills.toml"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("/no/such/skills.toml: cannot read"), "{e}");
}

#[test]
fn strip_version_leaves_names_that_are_numbers_alone() {
    assert_eq!(strip_version("java 21"), "java");
    assert_eq!(strip_version("python3"), "python");
    assert_eq!(strip_version("spring boot 3.4.x"), "spring boot");
    assert_eq!(strip_version("vue.js v3"), "vue.js");
    assert_eq!(strip_version("2024"), "2024");
    assert_eq!(strip_version("redux"), "redux");
}

/// A link names where something is, not a skill the person used.
#[test]
fn web_addresses_name_no_skill() {
    let v = vocab();
    for text in [
        "https://github.com/acme/ledger",
        "github.com/zenithar",
        "www.kafka.apache.org",
        "see gitlab.com/acme for the code",
        "BricksetBot (github:LBreda/bricksetbot), a Telegram bot",
    ] {
        assert!(v.find(text).is_empty(), "{text}: {:?}", v.find(text));
    }
    for (text, skill) in [
        ("Built the UI in Node.js/TypeScript", "TypeScript"),
        ("Moved CI to GitHub Actions and GitHub", "GitHub"),
        ("Wrote ASP.NET/C# services", "C#"),
        ("Stack: Go/Kafka", "Kafka"),
        ("Tech:Go/Kafka", "Kafka"),
    ] {
        let names: Vec<&str> = v.skills_in(text).iter().map(|&id| v.name(id)).collect();
        assert!(names.contains(&skill), "{text}: {names:?}");
    }
}
