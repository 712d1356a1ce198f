//! The `explain` and `rubric` commands as a user runs them: output shape,
//! and a bad rubric refused with exit 2 and `file:line:col: message`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn levelscan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn resume() -> &'static str {
    "tests/data/senior-java-inline.md"
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_explain");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn explain_text_shows_level_claim_families_and_next_level() {
    let out = levelscan(&["explain", resume()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("level: senior"), "{text}");
    assert!(text.contains("claim check: consistent"), "{text}");
    for family in ["ownership —", "scale —", "patterns —", "judgment —"] {
        assert!(text.contains(family), "{family} missing:\n{text}");
    }
    assert!(text.contains("p1 l7 (experience)"), "{text}");
    assert!(text.contains("how the level is decided:"), "{text}");
    assert!(text.contains("staff typically shows:"), "{text}");
}

#[test]
fn explain_json_is_one_flat_record() {
    let out = levelscan(&["explain", resume(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["level"], "senior");
    assert_eq!(v["claimed_level"], "senior");
    assert!(v["evidence"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(v["families"][0]["family"] == "ownership");
}

#[test]
fn rubric_print_writes_the_default_and_check_accepts_it() {
    let out = levelscan(&["rubric", "print"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        levelscan::rubric::DEFAULT_RUBRIC
    );
    let out = levelscan(&["rubric", "check", "rubrics/backend.toml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("every example holds"));
}

#[test]
fn a_bad_rubric_exits_2_with_file_line_and_column() {
    let text = levelscan::rubric::DEFAULT_RUBRIC.replacen("max_hits = 5", "max_hitz = 5", 1);
    let line = text[..text.find("max_hitz").unwrap()].matches('\n').count() + 1;
    let path = scratch("bad.toml", &text);
    for args in [
        vec!["rubric", "check", path.to_str().unwrap()],
        vec!["explain", resume(), "--rubric", path.to_str().unwrap()],
    ] {
        let out = levelscan(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "nothing is written on a rubric error"
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("{}:{line}:", path.display())),
            "{err}"
        );
        assert!(err.contains("max_hitz"), "{err}");
    }
}

#[test]
fn a_rubric_whose_examples_fail_is_refused() {
    let text = levelscan::rubric::DEFAULT_RUBRIC.replacen(
        "\"Designed the outbox\"]",
        "\"Designed the outbox\", \"Attended meetings\"]",
        1,
    );
    let path = scratch("examples.toml", &text);
    let out = levelscan(&["rubric", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Attended meetings"));
}
