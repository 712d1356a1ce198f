//! Probe questions: what an interviewer asks to verify a piece of evidence
//! or to look for what a level expects and the resume does not show. They
//! are rubric data (`questions = [...]` on signals, metrics and level
//! expectations), so a hiring team edits them without touching Rust.
//!
//! Takes a question as written and gives its placeholders (checked when the
//! rubric loads) and its text with them filled; [`unasked`] lists what a
//! rubric gives no question for, for `rubric check` to warn about. Nothing
//! here chooses which questions a brief asks: that is `brief`'s job.

use super::Rubric;

/// A probe question an interviewer asks, as the rubric writes it: text
/// with placeholders in braces, checked when the rubric loads. Signals,
/// metrics and flags may use `{quote}` (the resume's own words); level
/// expectations `{level}` (the level whose expectation is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question(pub String);

impl Question {
    /// The placeholders a signal's, metric's or flag's question may use.
    pub const EVIDENCE_PLACEHOLDERS: &'static [&'static str] = &["quote"];
    /// The placeholders a level expectation's question may use.
    pub const EXPECTATION_PLACEHOLDERS: &'static [&'static str] = &["level"];

    /// The question with each `{name}` replaced by its value; a name
    /// without a value stays as written (loading has refused unknown ones).
    pub fn fill(&self, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(self.0.len());
        let mut rest = self.0.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match values.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => out.push_str(value),
                        None => out.push_str(&rest[open..open + close + 2]),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The placeholder names the question uses, in order, or why its
    /// braces do not form placeholders.
    pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
        let mut names = Vec::new();
        let mut rest = text;
        loop {
            let open = rest.find('{');
            let close = rest.find('}');
            match (open, close) {
                (None, None) => return Ok(names),
                (Some(o), Some(c)) if o < c => {
                    let name = &rest[o + 1..c];
                    if name.is_empty() || name.contains('{') {
                        return Err(format!(
                            "a '{{' at \"{}\" does not open a placeholder such as {{quote}}",
                            &rest[o..=c]
                        ));
                    }
                    names.push(name);
                    rest = &rest[c + 1..];
                }
                (Some(_), None) => {
                    return Err("a '{' is never closed; placeholders are written {quote}".into());
                }
                _ => {
                    return Err(
                        "a '}' closes no placeholder; placeholders are written {quote}".into(),
                    );
                }
            }
        }
    }
}

/// What the rubric gives no question for, as warnings: each signal, metric
/// and level expectation without one, then each family none of whose rules
/// has one (a brief can never ask about that family's claims).
pub fn unasked(rubric: &Rubric) -> Vec<String> {
    let mut warnings = Vec::new();
    for s in rubric.signals.iter().filter(|s| s.questions.is_empty()) {
        warnings.push(format!("signal \"{}\" has no `questions`", s.id));
    }
    for m in rubric.metrics.iter().filter(|m| m.questions.is_empty()) {
        warnings.push(format!("metric \"{}\" has no `questions`", m.id));
    }
    for rule in &rubric.levels {
        for e in rule.expects.iter().filter(|e| e.questions.is_empty()) {
            warnings.push(format!(
                "{} expectation \"{}\" has no `questions`",
                rule.level, e.need
            ));
        }
    }
    for (index, family) in rubric.families.iter().enumerate() {
        let asked = rubric
            .signals
            .iter()
            .filter(|s| s.family == index)
            .any(|s| !s.questions.is_empty())
            || rubric
                .metrics
                .iter()
                .filter(|m| m.family == index)
                .any(|m| !m.questions.is_empty());
        if !asked {
            warnings.push(format!(
                "family \"{}\": none of its signals or metrics has a question, so a brief never asks about its evidence",
                family.id
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_read_and_filled() {
        let q = Question("You wrote '{quote}' — at {level}?".into());
        assert_eq!(
            Question::placeholders(&q.0).unwrap(),
            vec!["quote", "level"]
        );
        assert_eq!(
            q.fill(&[("quote", "cut p99 to 84 ms"), ("level", "staff")]),
            "You wrote 'cut p99 to 84 ms' — at staff?"
        );
        assert_eq!(q.fill(&[]), q.0);
    }

    #[test]
    fn stray_braces_are_refused() {
        assert!(Question::placeholders("a } b").is_err());
        assert!(Question::placeholders("a { b").is_err());
        assert!(Question::placeholders("a {} b").is_err());
        assert!(Question::placeholders("a {x{y} b").is_err());
        assert_eq!(
            Question::placeholders("no braces").unwrap(),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_default_rubric_asks_about_everything() {
        let rubric = crate::rubric::load_default().unwrap();
        assert_eq!(unasked(&rubric), Vec::<String>::new());
        for f in &rubric.flags {
            assert!(!f.questions.is_empty(), "flag {} has no question", f.id);
        }
    }

    /// The default rubric with its first `from` replaced by `to`.
    fn default_with(from: &str, to: &str) -> Result<Rubric, crate::rubric::RubricError> {
        let text = crate::rubric::DEFAULT_RUBRIC.replacen(from, to, 1);
        assert_ne!(text, crate::rubric::DEFAULT_RUBRIC, "{from:?} not found");
        crate::rubric::load_str(&text, "edited.toml")
    }

    #[test]
    fn bad_questions_are_refused_where_they_are_written() {
        let unknown = default_with("“{quote}”", "“{quot}”")
            .unwrap_err()
            .to_string();
        assert!(
            unknown.contains("no placeholder is called {quot}"),
            "{unknown}"
        );
        assert!(unknown.starts_with("edited.toml:"), "{unknown}");
        let stray = default_with("“{quote}”", "“{quote”")
            .unwrap_err()
            .to_string();
        assert!(stray.contains("placeholder"), "{stray}");
        let empty = default_with("questions = [\"", "questions = [\" \", \"")
            .unwrap_err()
            .to_string();
        assert!(empty.contains("a question is empty"), "{empty}");
        // Nothing to quote on an expectation.
        let expect = default_with(
            "questions = [\"Tell me about a feature",
            "questions = [\"{quote}: tell me about a feature",
        )
        .unwrap_err()
        .to_string();
        assert!(expect.contains("{level}"), "{expect}");
    }

    #[test]
    fn a_rubric_without_questions_loads_with_warnings() {
        let text: String = crate::rubric::DEFAULT_RUBRIC
            .lines()
            .filter(|l| !l.starts_with("questions = "))
            .collect::<Vec<_>>()
            .join("\n");
        let rubric = crate::rubric::load_str(&text, "bare.toml").unwrap();
        let warnings = unasked(&rubric);
        assert!(
            warnings
                .iter()
                .any(|w| w == "signal \"tradeoff\" has no `questions`")
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("family \"scale\": none of its"))
        );
    }
}
