//! A metric's words, compiled once when the rubric loads, so that reading
//! numbers does not search every sentence for every word of every metric.
//!
//! Two questions are asked for every number in a sentence, for every metric:
//! does a context word of the metric stand in the sentence ("p99",
//! "latency"), and could one of its units start right here ("regions",
//! "daily active users")? The first is one Aho–Corasick pass over the
//! sentence. The second compares the letters that open the place in the
//! sentence with the letters that open each unit: where no unit opens with
//! them, no unit can match, and the unit-by-unit comparison is skipped.
//! Both answers are exactly what the plain searches would give; these are
//! shortcuts, never filters of their own.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// The compiled words of one metric.
#[derive(Debug, Clone)]
pub struct MetricWords {
    /// The context words (lower case); `None` when the metric has none and
    /// every sentence qualifies.
    context: Option<AhoCorasick>,
    /// The letters each unit and its singular open with, lower case.
    unit_heads: HashSet<String>,
    /// Some unit opens with something other than a letter ("5xx errors").
    unit_without_head: bool,
}

impl MetricWords {
    /// `context` and `units` are lower case, as the rubric loader keeps
    /// them; `units` is every unit list the metric reads.
    pub fn new<'a>(context: &[String], units: impl IntoIterator<Item = &'a String>) -> Self {
        let context = (!context.is_empty()).then(|| {
            AhoCorasick::builder()
                // Every occurrence is reported, overlapping ones included, so
                // a word that fails the word-boundary test at one place can
                // still pass it at another.
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(context)
                .expect("a few hundred short words always compile")
        });
        let mut unit_heads = HashSet::new();
        let mut unit_without_head = false;
        for unit in units {
            // The same forms `starts_with_unit` tries: the unit, and its
            // singular when it ends in "s".
            let singular = unit.strip_suffix('s').filter(|s| s.len() >= 2);
            for form in std::iter::once(unit.as_str()).chain(singular) {
                let head = letters_opening(form);
                if head.is_empty() {
                    unit_without_head = true;
                } else {
                    unit_heads.insert(head.to_string());
                }
            }
        }
        MetricWords {
            context,
            unit_heads,
            unit_without_head,
        }
    }

    /// Whether one of the context words stands as a whole word in
    /// `lower_sentence` (not inside a longer word); true when the metric has
    /// no context words.
    pub fn context_in(&self, lower_sentence: &str) -> bool {
        let Some(context) = &self.context else {
            return true;
        };
        context.find_overlapping_iter(lower_sentence).any(|m| {
            let before = lower_sentence[..m.start()].chars().next_back();
            let after = lower_sentence[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// Whether a unit of the metric may start at the beginning of `text`:
    /// false only when none can. A unit matches as a whole word, so the
    /// letters opening `text` are exactly the letters opening the unit.
    pub fn may_start_unit(&self, text: &str) -> bool {
        let head = letters_opening(text);
        if head.is_empty() {
            return self.unit_without_head;
        }
        if !head.is_ascii() {
            // Lower-casing beyond ASCII can change letters and lengths
            // (the Kelvin sign becomes "k"): let the full comparison decide.
            return true;
        }
        const SHORT: usize = 32;
        if head.len() > SHORT {
            return self.unit_heads.contains(&head.to_ascii_lowercase());
        }
        let mut lower = [0u8; SHORT];
        let lower = &mut lower[..head.len()];
        lower.copy_from_slice(head.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).expect("ASCII stays UTF-8");
        self.unit_heads.contains(lower)
    }
}

/// The run of letters `text` opens with.
fn letters_opening(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(context: &[&str], units: &[&str]) -> MetricWords {
        let context: Vec<String> = context.iter().map(|s| s.to_string()).collect();
        let units: Vec<String> = units.iter().map(|s| s.to_string()).collect();
        MetricWords::new(&context, &units)
    }

    #[test]
    fn context_words_count_only_as_whole_words() {
        let w = words(&["p99", "latency", "response time"], &[]);
        assert!(w.context_in("cut p99 from 480ms to 84ms"));
        assert!(w.context_in("lowered the response time, a lot"));
        assert!(!w.context_in("the p999 tail"));
        assert!(!w.context_in("no latencyish words"));
        assert!(words(&[], &[]).context_in("anything"));
    }

    #[test]
    fn an_overlapping_occurrence_can_still_be_a_whole_word() {
        // "aa" first occurs inside "aaa", then alone.
        assert!(words(&["aa"], &[]).context_in("aaa aa"));
    }

    #[test]
    fn units_may_start_only_where_their_letters_open() {
        let w = words(&[], &["regions", "daily active users", "5xx errors", "tb"]);
        assert!(w.may_start_unit("regions across"));
        assert!(w.may_start_unit("Region."));
        assert!(w.may_start_unit("DAILY active users"));
        assert!(w.may_start_unit("TB of logs"));
        assert!(w.may_start_unit("5xx errors"), "a unit without a head");
        assert!(!w.may_start_unit("years of"));
        assert!(!w.may_start_unit("regionally"));
        assert!(!w.may_start_unit("tbs"));
        // Beyond ASCII the full comparison decides.
        assert!(w.may_start_unit("\u{212A}elvin"));
        let letters_only = words(&[], &["regions"]);
        assert!(!letters_only.may_start_unit("-5 of them"));
    }
}
