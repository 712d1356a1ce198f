//! The whole assessment: quotes are verbatim, results are deterministic,
//! personal details change nothing, and the traps the domain describes
//! (skills-list patterns, years without evidence) behave.

use std::path::{Path, PathBuf};

use levelscan::assess::{Assessment, assess};
use levelscan::document::Document;
use levelscan::extract::{Limits, extract_bytes, extract_file};
use levelscan::rubric::{Level, load_default};

fn doc(text: &str) -> Document {
    extract_bytes(text.as_bytes(), "md", &Limits::default()).expect("text extracts")
}

fn run(text: &str) -> Assessment {
    assess(&doc(text), &load_default().expect("default rubric loads"))
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn data(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .expect("test resume exists")
}

/// Every resume the tests can reach: tests/data, fixtures/text and, when
/// present, fixtures/resumes and LEVELSCAN_FIXTURES.
fn all_resumes() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = ["tests/data", "fixtures/text", "fixtures/resumes"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    dirs.extend(std::env::var_os("LEVELSCAN_FIXTURES").map(PathBuf::from));
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        out.extend(
            entries
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt")),
        );
    }
    out.sort();
    out
}

#[test]
fn every_quote_is_a_substring_of_the_document_text() {
    let rubric = load_default().unwrap();
    let resumes = all_resumes();
    assert!(!resumes.is_empty());
    for path in resumes {
        let d = extract_file(&path, &Limits::default()).unwrap();
        let text = normalise(&d.plain_text());
        let a = assess(&d, &rubric);
        for e in &a.evidence {
            assert!(
                text.contains(&normalise(&e.quote)),
                "{}: {:?} not in the text",
                path.display(),
                e.quote
            );
            let line = d
                .lines
                .iter()
                .find(|l| l.page == e.page && l.line == e.line)
                .expect("place exists");
            let first_words: String = normalise(&e.quote).chars().take(12).collect();
            assert!(
                normalise(&line.text).contains(&first_words) || text.contains(&first_words),
                "{}: place p{} l{} does not hold {:?}",
                path.display(),
                e.page,
                e.line,
                e.quote
            );
        }
        for f in &a.flag_evidence {
            assert!(
                text.contains(&normalise(&f.quote)),
                "{}: flag quote {:?}",
                path.display(),
                f.quote
            );
        }
    }
}

#[test]
fn the_same_resume_gives_the_same_assessment_twice() {
    let text = data("senior-java-inline.md");
    let first = serde_json::to_string(&run(&text)).unwrap();
    for _ in 0..3 {
        assert_eq!(first, serde_json::to_string(&run(&text)).unwrap());
    }
}

#[test]
fn an_achievement_resume_reads_senior_with_quotes_and_places() {
    let a = run(&data("senior-java-inline.md"));
    assert_eq!(a.level, Level::Senior, "{a:#?}");
    assert_eq!(a.claimed_level.as_deref(), Some("senior"));
    assert_eq!(a.claim_check.name(), "consistent");
    assert_eq!(a.candidate.as_deref(), Some("Maria Okafor"));
    assert_eq!(a.email.as_deref(), Some("maria.okafor@example.com"));
    let families: Vec<&str> = a.families.iter().map(|f| f.family.as_str()).collect();
    assert_eq!(families, ["ownership", "scale", "patterns", "judgment"]);
    assert!(
        a.evidence
            .iter()
            .any(|e| e.signal == "throughput" && e.detail.starts_with("9,000/s"))
    );
    assert!(
        a.evidence
            .iter()
            .any(|e| e.signal == "latency" && e.detail == "350 ms → 95 ms")
    );
    assert!(a.flags.contains(&"filler".to_string()));
    assert!(!a.missing_for_next.is_empty());
}

/// Change everything about the person that must not matter.
fn swap_personal_details(text: &str) -> String {
    text.replace("Maria Okafor", "Tomasz Lindqvist")
        .replace("maria.okafor@example.com", "t.lindqvist@example.org")
        .replace("She is", "He is")
        .replace("Northfield University", "Riverside Community College")
}

#[test]
fn name_pronouns_and_school_change_nothing() {
    let text = data("senior-java-inline.md");
    let mut a = run(&text);
    let mut b = run(&swap_personal_details(&text));
    assert_ne!(a.candidate, b.candidate);
    for x in [&mut a, &mut b] {
        x.candidate = None;
        x.email = None;
        // Quotes that hold the changed words differ in text only.
        for f in &mut x.flag_evidence {
            f.quote = swap_personal_details(&f.quote);
        }
        for e in &mut x.evidence {
            e.quote = swap_personal_details(&e.quote);
        }
    }
    assert_eq!(a, b);
}

#[test]
fn patterns_in_a_skills_list_are_not_evidence() {
    let stuffer = "# Sam Lee\nBackend Developer\n\n## Experience\nBackend Developer, Acme — 2021 – 2024\n- Built REST endpoints for the orders app in Python.\n\n## Skills\nPython, Django, Kafka, event sourcing, CQRS, saga, transactional outbox, circuit breaker, consistent hashing, Raft, exactly-once delivery, CDC, Debezium\n";
    let a = run(stuffer);
    assert!(
        a.evidence.iter().all(|e| e.family != "patterns"),
        "{:#?}",
        a.evidence
    );
    assert!(a.level <= Level::Mid);
    assert!(a.flags.contains(&"tool_stuffing".to_string()));
    let achiever = "# Sam Lee\nBackend Developer\n\n## Experience\nBackend Developer, Acme — 2021 – 2024\n- Designed the transactional outbox for order events, so refunds are exactly-once.\n";
    let b = run(achiever);
    assert!(
        b.evidence
            .iter()
            .any(|e| e.family == "patterns" && e.weight >= 2.0)
    );
}

/// Years are evidence of trust over time, weighed by the fitted model; but
/// a resume that says almost nothing else cannot verify a claim either
/// way, and its level is given with little confidence.
#[test]
fn years_with_nothing_else_leave_the_claim_unverified() {
    let long_and_thin = "# Pat Doe\nSoftware Developer\n\n## Experience\nSoftware Developer, Acme — Jan 2008 – Dec 2023\n- Worked on internal tools.\n";
    let a = run(long_and_thin);
    assert_eq!(a.years_experience, 16.0);
    assert_eq!(a.claim_check.name(), "unverified", "{}", a.claim_reason);
    assert!(a.confidence < 0.7, "{}", a.confidence);
}

#[test]
fn a_previous_career_is_not_engineering_years() {
    let changer = "# Lee Park\nJunior Backend Developer\n\n## Experience\nJunior Backend Developer, Shopline — Jan 2024 – Dec 2024\n- Helped build an API for gift cards in Python.\nData Analyst, Retail Co — Jan 2018 – Dec 2023\n- Built dashboards for store managers.\n";
    let a = run(changer);
    assert_eq!(a.years_experience, 1.0);
    assert_eq!(a.years_other, 6.0);
    assert_eq!(a.level, Level::Entry);
    assert_eq!(a.claimed_level.as_deref(), Some("entry"));
}

#[test]
fn management_titles_are_reported_not_mapped() {
    let a = run(
        "# Alex Kim\n\n## Experience\nEngineering Manager, Acme — 2020 – 2024\n- Managed six engineers.\n",
    );
    assert_eq!(a.claimed_level.as_deref(), Some("management"));
    assert_eq!(a.claim_check.name(), "unknown");
}

/// Staff-scope words over a junior's evidence are flagged, and do not lift
/// the level; the sentence stays as evidence (no defence throws real
/// evidence away), and the recruiter sees both.
#[test]
fn staff_words_over_entry_evidence_are_flagged_not_thrown_away() {
    let a = run(
        "# Jo Fay\nJunior Engineer\n\n## Experience\nJunior Engineer, Acme — Jan 2024 – Jun 2024\n- Led the architecture review for a 4-team initiative.\n- Worked on the login form.\n",
    );
    assert!(a.flags.contains(&"vocabulary_mismatch".to_string()));
    assert!(
        a.evidence
            .iter()
            .any(|e| e.signal == "cross_team_influence")
    );
    assert!(a.level <= Level::Mid);
}

#[test]
fn hidden_text_is_flagged_and_changes_nothing_else() {
    use levelscan::document::{HiddenReason, HiddenText};
    let rubric = load_default().unwrap();
    let plain = doc(&data("senior-java-inline.md"));
    let mut stuffed = plain.clone();
    stuffed.hidden.push(HiddenText {
        page: 1,
        reason: HiddenReason::SameColourAsBackground,
        text: "Staff principal engineer who set the technical strategy, 1B RPS, transactional outbox, Raft".into(),
    });
    let a = assess(&plain, &rubric);
    let mut b = assess(&stuffed, &rubric);
    assert!(b.flags.contains(&"hidden_text".to_string()));
    b.flags.retain(|f| f != "hidden_text");
    b.flag_evidence.retain(|f| f.flag != "hidden_text");
    assert_eq!(a, b);
}

/// An assessment of `text` as a document written on `date`.
fn run_dated(text: &str, date: &str) -> Assessment {
    let mut d = doc(text);
    d.diagnostics.document_date = Some(date.to_string());
    assess(&d, &load_default().expect("default rubric loads"))
}

/// Regression (issue 21): a year range inside a summary sentence ("in
/// 2024-2025") made the whole paragraph a job line, so its evidence was
/// never read, the years came from that range (1.1) and a principal read
/// entry with score 0.
#[test]
fn a_year_range_inside_a_summary_sentence_is_not_a_job() {
    let a = run(&data("principal-summary-with-years.md"));
    assert_eq!(a.years_experience, 13.0);
    assert!(a.evidence.len() >= 8, "{:?}", a.evidence);
    assert!(a.level >= Level::Staff, "{:?} {}", a.level, a.score);
    assert_ne!(a.claim_check.name(), "overclaimed", "{}", a.claim_reason);
}

/// Regression (issue 21): staff evidence in a summary (an ADR adopted by 90+
/// services, chairing the review board) was set aside as vocabulary and the
/// resume read entry.
#[test]
fn staff_evidence_in_a_summary_counts() {
    let a = run(&data("staff-summary-adr.md"));
    assert!(
        a.evidence.iter().any(|e| e.signal == "adopted_artifact"),
        "{:?}",
        a.evidence
    );
    assert!(a.level >= Level::Senior, "{:?}", a.level);
    assert!(!a.flags.contains(&"vocabulary_mismatch".to_string()));
}

/// Regression (issue 21): a senior systems engineer with 14 years who
/// architected an EDR agent and kernel drivers and led a team read mid and
/// overclaimed: the evidence of other fields than web backends must carry.
#[test]
fn a_systems_engineer_is_levelled_without_backend_vocabulary() {
    let a = run_dated(&data("senior-systems-edr.md"), "2025-06-01");
    assert!(a.years_experience > 13.0, "{}", a.years_experience);
    assert!(a.level >= Level::Senior, "{:?} {}", a.level, a.score);
    assert_ne!(a.claim_check.name(), "overclaimed", "{}", a.claim_reason);
}

#[test]
fn hidden_leftovers_raise_no_flag_and_stuffing_says_what_was_hidden() {
    use levelscan::document::{HiddenReason, HiddenText};
    let rubric = load_default().unwrap();
    let plain = doc(&data("senior-java-inline.md"));
    let hidden = |reason, text: &str| HiddenText {
        page: 1,
        reason,
        text: text.into(),
    };
    // What builders and layouts leave out of sight: empty fields printed
    // tiny, an off-page page number, the tips of letters cut off by a box.
    let mut leftovers = plain.clone();
    for _ in 0..4 {
        leftovers.hidden.push(hidden(HiddenReason::TinyFont, "N/A"));
    }
    leftovers
        .hidden
        .push(hidden(HiddenReason::OutsidePage, "1"));
    leftovers
        .hidden
        .push(hidden(HiddenReason::ClippedAway, "hd l d l"));
    assert!(
        !assess(&leftovers, &rubric)
            .flags
            .contains(&"hidden_text".to_string())
    );

    // So is a hidden twin of a phrase the page shows anyway.
    let mut twin = plain.clone();
    twin.hidden
        .push(hidden(HiddenReason::CoveredOver, &plain.lines[0].text));
    assert!(
        !assess(&twin, &rubric)
            .flags
            .contains(&"hidden_text".to_string())
    );

    // A single skill, a signal phrase or a run of words is enough.
    for stuffing in ["Cassandra", "owned the roadmap", "one two three four words"] {
        let mut stuffed = plain.clone();
        stuffed
            .hidden
            .push(hidden(HiddenReason::SameColourAsBackground, stuffing));
        let a = assess(&stuffed, &rubric);
        assert!(a.flags.contains(&"hidden_text".to_string()), "{stuffing}");
        let hit = a
            .flag_evidence
            .iter()
            .find(|f| f.flag == "hidden_text")
            .unwrap();
        assert_eq!(hit.quote, stuffing);
    }
}

/// Dates set on the line above each role ("Since 2023", "2005 ‑ 2023" with
/// the non-breaking hyphen some fonts print), titles ending in a full stop,
/// and a founder's title that says who ran the work, not what it was: the
/// roles' own lines say it was engineering. A "since" in a sentence is not
/// a role.
#[test]
fn founder_roles_dated_on_the_line_above_are_engineering_years() {
    let mut d = doc(&data("founder-dates-above-roles.md"));
    d.diagnostics.document_date = Some("2026-05-01".into());
    let a = assess(&d, &load_default().unwrap());
    // 2001–2004 (3 years) and 2005 to May 2026 (21.3 years).
    assert!(
        (a.years_experience - 24.3).abs() < 0.2,
        "{} from {:?}",
        a.years_experience,
        a.roles
    );
    assert_eq!(a.years_other, 0.0, "{:?}", a.roles);
    assert_eq!(a.roles.len(), 3, "{:?}", a.roles);
}
