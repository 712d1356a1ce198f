//! Redaction for blind screening: names, email addresses, phone numbers and
//! links removed from every field and every quote of a record.
//!
//! The level, scores and evidence weights are computed before redaction and
//! are left as they are: redaction changes what is shown, never the
//! verdict. The file path is kept, since it is how the recruiter finds the
//! resume again; name files neutrally for a fully blind screen.

use std::sync::OnceLock;

use regex::Regex;

use crate::report::Record;

/// What replaces removed text.
pub const REDACTED: &str = "[redacted]";

fn patterns() -> &'static [Regex; 3] {
    static PATTERNS: OnceLock<[Regex; 3]> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // Email addresses.
            Regex::new(r"(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}").expect("valid"),
            // Links: with a scheme, www., or a bare profile host.
            Regex::new(
                r"(?i)\b(?:https?://\S+|www\.\S+|(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com)/\S*)",
            )
            .expect("valid"),
            // Phone numbers: 7+ digits with optional +, spaces, dots,
            // dashes and brackets between them.
            Regex::new(r"\+?\(?\d[\d\s().\-]{5,}\d").expect("valid"),
        ]
    })
}

/// Redact one text, also removing each word of the candidate's name.
pub fn redact_text(text: &str, name_words: &[String]) -> String {
    let mut out = text.to_string();
    for pattern in patterns() {
        out = pattern
            .replace_all(&out, |caps: &regex::Captures| {
                let found = &caps[0];
                // A phone pattern also matches years and figures
                // ("2019 - 2023", "12,000,000"): only runs of 7+ digits
                // without a date shape are phones.
                let digits = found.chars().filter(char::is_ascii_digit).count();
                let link_or_email =
                    found.contains('@') || found.contains('/') || found.contains("www.");
                let phone = digits >= 7 && !looks_like_years(found);
                if link_or_email || phone {
                    REDACTED.to_string()
                } else {
                    found.to_string()
                }
            })
            .into_owned();
    }
    redact_names(&out, name_words)
}

/// Remove each word of the candidate's name from `text`, and nothing else.
/// In any case: a header in capitals or a file named in lower case spells
/// the name too. (A name that is also a word, "Grant", takes "grant" with
/// it: a blind screen would rather lose a word than show a name.)
pub fn redact_names(text: &str, name_words: &[String]) -> String {
    let mut out = text.to_string();
    for word in name_words {
        let pattern = format!(r"(?i)\b{}\b", regex::escape(word));
        if let Ok(re) = Regex::new(&pattern) {
            out = re.replace_all(&out, REDACTED).into_owned();
        }
    }
    out
}

fn looks_like_years(text: &str) -> bool {
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    numbers
        .iter()
        .all(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

/// The words of a name worth removing (two letters or more).
pub fn name_words(name: Option<&str>) -> Vec<String> {
    name.map(|n| {
        n.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// Redact a whole record.
pub fn redact(record: &mut Record) {
    let names = name_words(record.candidate.as_deref());
    record.candidate = None;
    record.email = None;
    let fix = |s: &mut String| *s = redact_text(s, &names);
    if let Some(t) = record.claimed_title.as_mut() {
        fix(t);
    }
    for family in &mut record.families {
        for q in &mut family.evidence {
            fix(&mut q.quote);
            fix(&mut q.matched);
        }
    }
    for m in &mut record.missing_for_next {
        fix(m);
    }
    fix(&mut record.note);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_and_names_go() {
        let names = name_words(Some("Adaeze Nwosu"));
        assert_eq!(
            redact_text(
                "Adaeze Nwosu · adaeze.nwosu@example.com · +44 555 0102",
                &names
            ),
            "[redacted] [redacted] · [redacted] · [redacted]"
        );
        assert_eq!(
            redact_text(
                "see https://github.com/someone and linkedin.com/in/someone",
                &[]
            ),
            "see [redacted] and [redacted]"
        );
    }

    #[test]
    fn figures_and_dates_stay() {
        let text = "Jan 2019 - Mar 2023: 28K RPS, 12,000,000 events/day, p99 480ms";
        assert_eq!(redact_text(text, &[]), text);
        assert_eq!(redact_text("2019 - 2023", &[]), "2019 - 2023");
    }
}
