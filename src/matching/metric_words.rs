//! A metric's words, compiled once when the rubric loads, so that reading
//! numbers does not search every sentence for every word of every metric.
//!
//! Two questions are asked for every number in a sentence, for every metric:
//! does a context word of the metric stand in the sentence ("p99",
//! "latency"), and could one of its units start right here ("regions",
//! "daily active users")? The first is one Aho–Corasick pass over the
//! sentence for all metrics at once ([`ContextWords`]). The second
//! compares the letters that open the place in the sentence with the
//! letters that open each unit: where no unit opens with them, no unit can
//! match, and the unit-by-unit comparison is skipped.
//! Both answers are exactly what the plain searches would give; these are
//! shortcuts, never filters of their own.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// The context words of one or many metrics, found in one pass.
#[derive(Debug, Clone)]
pub struct ContextWords {
    lists: usize,
    /// Lists with no words: every sentence qualifies.
    empty: Vec<usize>,
    /// Every list's words (lower case), and the list each comes from.
    words: Vec<String>,
    owner: Vec<usize>,
    /// The automaton over `words`, built by the first search: the parent of
    /// a screen loads the rubric but never reads a number.
    searcher: OnceLock<AhoCorasick>,
}

impl ContextWords {
    /// One list of lower-case words per metric.
    pub fn new<'a>(lists: impl IntoIterator<Item = &'a [String]>) -> Self {
        let mut found = ContextWords {
            lists: 0,
            empty: Vec::new(),
            words: Vec::new(),
            owner: Vec::new(),
            searcher: OnceLock::new(),
        };
        for (list, words) in lists.into_iter().enumerate() {
            found.lists += 1;
            if words.is_empty() {
                found.empty.push(list);
            }
            for word in words {
                found.words.push(word.clone());
                found.owner.push(list);
            }
        }
        found
    }

    /// How many lists (metrics) it answers for.
    pub fn lists(&self) -> usize {
        self.lists
    }

    /// For each list, whether one of its words stands as a whole word in
    /// `lower_sentence` (not inside a longer word); true for a list with
    /// no words.
    pub fn found_in(&self, lower_sentence: &str) -> Vec<bool> {
        let mut found = vec![false; self.lists];
        for &list in &self.empty {
            found[list] = true;
        }
        if self.words.is_empty() {
            return found;
        }
        let searcher = self.searcher.get_or_init(|| {
            AhoCorasick::builder()
                // Every occurrence is reported, overlapping ones included,
                // so a word that fails the word-boundary test at one place
                // can still pass it at another, and a word two metrics
                // share is reported for both.
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.words)
                .expect("a few hundred short words always compile")
        });
        for m in searcher.find_overlapping_iter(lower_sentence) {
            let list = self.owner[m.pattern().as_usize()];
            if found[list] {
                continue;
            }
            let before = lower_sentence[..m.start()].chars().next_back();
            let after = lower_sentence[m.end()..].chars().next();
            found[list] = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
        }
        found
    }
}

/// The compiled units of one metric (its context words are in the
/// rubric's [`ContextWords`], shared by all metrics).
#[derive(Debug, Clone)]
pub struct MetricWords {
    /// The letters each unit and its singular open with, lower case.
    unit_heads: FxHashSet<String>,
    /// Some unit opens with something other than a letter ("5xx errors").
    unit_without_head: bool,
}

impl MetricWords {
    /// `units` is every unit list the metric reads, lower case, as the
    /// rubric loader keeps them.
    pub fn new<'a>(units: impl IntoIterator<Item = &'a String>) -> Self {
        let mut unit_heads = FxHashSet::default();
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
            unit_heads,
            unit_without_head,
        }
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

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn words(units: &[&str]) -> MetricWords {
        MetricWords::new(&strings(units))
    }

    /// Whether one of `context` stands in `text`, as one metric's list.
    fn context_in(context: &[&str], text: &str) -> bool {
        ContextWords::new([strings(context).as_slice()]).found_in(text)[0]
    }

    #[test]
    fn context_words_count_only_as_whole_words() {
        let w = ["p99", "latency", "response time"];
        assert!(context_in(&w, "cut p99 from 480ms to 84ms"));
        assert!(context_in(&w, "lowered the response time, a lot"));
        assert!(!context_in(&w, "the p999 tail"));
        assert!(!context_in(&w, "no latencyish words"));
        assert!(context_in(&[], "anything"));
    }

    #[test]
    fn an_overlapping_occurrence_can_still_be_a_whole_word() {
        // "aa" first occurs inside "aaa", then alone.
        assert!(context_in(&["aa"], "aaa aa"));
    }

    #[test]
    fn units_may_start_only_where_their_letters_open() {
        let w = words(&["regions", "daily active users", "5xx errors", "tb"]);
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
        let letters_only = words(&["regions"]);
        assert!(!letters_only.may_start_unit("-5 of them"));
    }

    #[test]
    fn many_lists_are_answered_in_one_pass() {
        let lists: Vec<Vec<String>> = [&["p99", "latency"][..], &[], &["latency", "aa"]]
            .iter()
            .map(|l| l.iter().map(|w| w.to_string()).collect())
            .collect();
        let all = ContextWords::new(lists.iter().map(Vec::as_slice));
        assert_eq!(all.found_in("cut latency"), [true, true, true]);
        assert_eq!(all.found_in("p99 only"), [true, true, false]);
        assert_eq!(all.found_in("aaa aa"), [false, true, true]);
        assert_eq!(all.found_in("latencyish p999"), [false, true, false]);
        // The same answers as each list alone, on the default rubric's
        // metrics and every example sentence of the rubric.
        let rubric = crate::rubric::load_default().unwrap();
        let mut sentences: Vec<String> = Vec::new();
        for m in &rubric.metrics {
            sentences.extend(m.examples_match.iter().chain(&m.examples_no_match).cloned());
        }
        for s in &rubric.signals {
            sentences.extend(s.examples_match.iter().cloned());
        }
        let mut agreed = 0;
        for sentence in &sentences {
            let lower = sentence.to_lowercase();
            let together = rubric.metric_contexts.found_in(&lower);
            for (k, metric) in rubric.metrics.iter().enumerate() {
                let alone = ContextWords::new([metric.context.as_slice()]).found_in(&lower)[0];
                assert_eq!(together[k], alone, "{} in {lower:?}", metric.id);
                agreed += usize::from(together[k]);
            }
        }
        assert!(agreed > 20, "{agreed}");
    }
}
