//! Rubric files: every rubric (and skill vocabulary) in rubrics/ loads and
//! its examples hold; bad rubrics are refused with a place and a fix.

use std::path::Path;

use levelscan::rubric::{RubricError, examples::check_examples, load_file, load_str};

#[test]
fn every_rubric_loads_and_its_examples_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("rubrics/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no rubric found in {}", dir.display());
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable rubric");
        if text
            .parse::<toml::Table>()
            .is_ok_and(|t| t.contains_key("vocabulary"))
        {
            // A skill vocabulary: loading it runs its examples.
            if let Err(e) = levelscan::skills::Vocabulary::load(&path) {
                panic!("{e}");
            }
            continue;
        }
        let rubric = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let failures = check_examples(&rubric);
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            path.display(),
            failures.join("\n")
        );
    }
}

fn default_text() -> String {
    levelscan::rubric::DEFAULT_RUBRIC.to_string()
}

fn error_of(text: &str) -> (usize, String) {
    match load_str(text, "test.toml") {
        Err(RubricError::Invalid {
            line,
            message,
            file,
            ..
        }) => {
            assert_eq!(file, "test.toml");
            (line, message)
        }
        Err(e) => panic!("unexpected error kind: {e}"),
        Ok(_) => panic!("the rubric was accepted"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle present")]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn unknown_key_is_refused_with_its_line() {
    let text = default_text().replacen("weight = 1.8\n", "wieght = 1.8\n", 1);
    let (line, message) = error_of(&text);
    assert_eq!(line, line_of(&text, "wieght"));
    assert!(message.contains("wieght"), "{message}");
}

#[test]
fn bad_pattern_is_refused() {
    let text = default_text().replacen(r"'\bopted for\b'", r"'\bopted (for\b'", 1);
    let (line, message) = error_of(&text);
    assert_eq!(line, line_of(&text, r"\bopted (for"));
    assert!(message.contains("not a valid regex"), "{message}");
}

#[test]
fn thresholds_out_of_order_are_refused() {
    // The model's thresholds descending, whatever the fitted values are.
    let text = default_text();
    let start = text
        .find("\nthresholds = [")
        .expect("model thresholds present")
        + 1;
    let end = start + text[start..].find('\n').unwrap();
    let text = format!(
        "{}thresholds = [4.0, 3.0, 2.0, 1.0]{}",
        &text[..start],
        &text[end..]
    );
    let (line, message) = error_of(&text);
    assert_eq!(line, line_of(&text, "thresholds = [4.0, 3.0"));
    assert!(message.contains("four ascending numbers"), "{message}");
}

#[test]
fn a_model_feature_no_rubric_knows_is_refused() {
    let text = default_text().replacen("\"scope\", \"leadership\"", "\"scope\", \"leedership\"", 1);
    let (line, message) = error_of(&text);
    assert_eq!(line, line_of(&text, "leedership"));
    assert!(
        message.contains("no feature is called \"leedership\"") && message.contains("leadership"),
        "{message}"
    );
}

#[test]
fn unknown_family_is_refused() {
    let text = default_text().replacen("family = \"judgment\"", "family = \"judgement\"", 1);
    let (line, message) = error_of(&text);
    assert_eq!(line, line_of(&text, "\"judgement\""));
    assert!(
        message.contains("does not exist") && message.contains("judgment"),
        "{message}"
    );
}

#[test]
fn gate_naming_an_unknown_signal_is_refused() {
    let text = default_text().replacen(
        "signals = [\"org_direction\"]",
        "signals = [\"org_directon\"]",
        1,
    );
    let (_, message) = error_of(&text);
    assert!(message.contains("org_directon"), "{message}");
}

#[test]
fn error_message_reads_file_line_column() {
    let text = default_text().replacen("weight = 1.8\n", "wieght = 1.8\n", 1);
    let err = load_str(&text, "mine.toml").unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("mine.toml:{}:", line_of(&text, "wieght"))),
        "{err}"
    );
}
