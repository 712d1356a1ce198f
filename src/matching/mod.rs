//! The text-matching engine every stage after extraction shares: the
//! rubric's phrases turned into regexes in all their forms (`inflect`),
//! regexes compiled once and run with ASCII word boundaries where that
//! finds the same (`rule_regex`, `ascii_bounds`), the literal prefilter
//! that rules out most rules before any regex runs (`prefilter`), and the
//! word sets metric extraction looks up (`metric_words`).
//!
//! Nothing here knows what a rubric means: `rubric` loads and checks the
//! file and builds its rules from these pieces; `segment` and `detect` use
//! them directly for their own fixed patterns.

pub mod ascii_bounds;
pub mod inflect;
pub mod metric_words;
pub mod prefilter;
pub mod rule_regex;

/// Every line of the fixture resumes, as written and again with a bullet,
/// a dash and `tail` added (characters outside ASCII, as real lines have):
/// real text for tests that check rules against one another.
#[cfg(test)]
pub(crate) fn fixture_lines(tail: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for line in text.lines() {
            lines.push(line.to_string());
            lines.push(format!("• {line} — {tail}"));
        }
    }
    lines
}
