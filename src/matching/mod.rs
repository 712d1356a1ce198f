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

/// English month names and their short forms, lower case, as resumes print
/// dates ("Sep 2021", "March 2020").
pub const MONTH_NAMES: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Where the text after the last character of `text` that matches `pred`
/// starts (0 when none does). The offset is always a character boundary,
/// whatever the width of the character found ("’", "•", a no-break
/// space): `rfind(...) + 1` is one only for ASCII.
pub fn after_last(text: &str, pred: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn after_last_lands_on_a_character_boundary() {
        use super::after_last;
        assert_eq!(after_last("Fortune 500’s", |c| !c.is_alphanumeric()), 14);
        assert_eq!(after_last("• Go", |c| c == '•'), "•".len());
        assert_eq!(after_last("a\u{a0}b", char::is_whitespace), 3);
        assert_eq!(after_last("plain", char::is_whitespace), 0);
    }
}
