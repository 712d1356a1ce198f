//! A rubric regex's copy with ASCII word boundaries, for the many sentences
//! where it finds exactly what the regex finds, faster.
//!
//! The regex engine's fastest searcher (a lazy DFA) cannot look at a
//! Unicode word boundary (`\b`) beside a character outside ASCII: it gives
//! up there and a slower engine searches the sentence again. A quarter of
//! resume lines hold such a character — a bullet, a dash, a middle dot —
//! and every rubric phrase is bounded by `\b`. On a text whose characters
//! outside ASCII are none of them word characters (no "é", no "ß"), an ASCII
//! boundary and a Unicode one are the same everywhere: both see those
//! characters as gaps. So there the copy, whose boundaries are ASCII and
//! which the lazy DFA handles whole, answers instead; everywhere else the
//! regex itself does. Plain ASCII text goes to the copy too: there both
//! are as fast, and with most sentences answered by the copies, a worker
//! compiles a rule's own regex only when a text with word characters
//! beyond ASCII ("é", "ß") is a candidate for it (rules are compiled on
//! first use: `RuleRegex::deferred`).

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta;
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

use super::rule_regex::{self, RuleRegex};

/// The ASCII-boundary copy of one regex, made the first time a text can use
/// it (a process that never assesses, like the batch's parent, never builds
/// one; building all of them up front added 15 ms to every start).
#[derive(Debug, Clone, Default)]
pub struct AsciiBounds {
    /// `None` inside when the regex has no Unicode word boundary (nothing
    /// to gain) or the copy cannot be built (the regex itself answers).
    copy: OnceLock<Option<meta::Regex>>,
}

impl AsciiBounds {
    /// The leftmost match of `regex` (always the same regex for one
    /// `AsciiBounds`) in `text`, exactly as `regex.find` gives it.
    pub fn find(&self, regex: &RuleRegex, text: &str) -> Option<Range<usize>> {
        match self.copy_for(regex, text) {
            Some(copy) => copy.find(text).map(|m| m.range()),
            None => regex.find(text),
        }
    }

    /// Whether `regex` matches `text`.
    pub fn is_match(&self, regex: &RuleRegex, text: &str) -> bool {
        match self.copy_for(regex, text) {
            Some(copy) => copy.is_match(text),
            None => regex.is_match(text),
        }
    }

    /// The copy, where it answers for `regex` on `text`.
    fn copy_for(&self, regex: &RuleRegex, text: &str) -> Option<&meta::Regex> {
        if !same_bounds(text) {
            return None;
        }
        self.copy.get_or_init(|| ascii_copy(regex.hir())).as_ref()
    }
}

/// The copy of the regex compiled from `hir` (its Unicode syntax tree, as
/// the rule keeps it: parsing the rule again cost as much as building the
/// copy), if it has a Unicode word boundary to replace and builds.
fn ascii_copy(hir: &Hir) -> Option<meta::Regex> {
    let mut replaced = false;
    let ascii = with_ascii_bounds(hir, &mut replaced);
    if !replaced {
        return None;
    }
    // Only `find` and `is_match` run on the copy: no capture groups, so the
    // engines that resolve them need not be built.
    let config = rule_regex::config().onepass(false).backtrack(false);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(&ascii)
        .ok()
}

/// Whether ASCII and Unicode word boundaries fall at the same places in
/// `text`: none of its characters outside ASCII is a word character.
fn same_bounds(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || !regex_syntax::is_word_character(c))
}

/// `hir` with every Unicode word-boundary assertion made ASCII; `replaced`
/// is set when there was one.
fn with_ascii_bounds(hir: &Hir, replaced: &mut bool) -> Hir {
    match hir.kind() {
        HirKind::Look(look) => {
            let ascii = match look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                other => *other,
            };
            *replaced |= ascii != *look;
            Hir::look(ascii)
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(with_ascii_bounds(&rep.sub, replaced)),
            ..rep.clone()
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(with_ascii_bounds(&capture.sub, replaced)),
            ..capture.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(
            subs.iter()
                .map(|sub| with_ascii_bounds(sub, replaced))
                .collect(),
        ),
        HirKind::Alternation(subs) => Hir::alternation(
            subs.iter()
                .map(|sub| with_ascii_bounds(sub, replaced))
                .collect(),
        ),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "• Owned the billing service end to end",
        "Led 4 teams — owned the rollout · 2019–2021",
        "naïve owner: owned it",
        "Ownedé it, then owned",
        "\u{212A}afka owned by the team",
        "plain ASCII owned",
        "→owned← and ownership",
        "",
    ];

    #[test]
    fn the_copy_finds_what_the_regex_finds() {
        let sources = [
            r"(?i)\b(?:own(?:s|ed|ing)?|led)\b",
            r"(?i)\Bwn",
            r"\b\w+ed\b",
            r"(?i)\b[[:word:]]+\b(?:\s+\b(?:the|it)\b)?",
            r"\<own",
            r"ship\>",
        ];
        for source in sources {
            let regex = RuleRegex::new(source).unwrap();
            let reference = regex::Regex::new(source).unwrap();
            let bounds = AsciiBounds::default();
            assert!(ascii_copy(regex.hir()).is_some(), "{source} has a copy");
            for text in TEXTS {
                let expected = reference.find(text).map(|m| m.range());
                assert_eq!(bounds.find(&regex, text), expected, "{source} in {text:?}");
                assert_eq!(bounds.is_match(&regex, text), expected.is_some());
            }
        }
    }

    #[test]
    fn only_texts_without_word_characters_beyond_ascii_use_the_copy() {
        assert!(same_bounds("• led — 2019–2021 ·"));
        assert!(same_bounds("plain"));
        assert!(!same_bounds("naïve"));
        assert!(!same_bounds("\u{212A}afka"));
        assert!(
            ascii_copy(RuleRegex::new(r"(?i)own").unwrap().hir()).is_none(),
            "no boundary to replace"
        );
    }

    /// On every line of the fixture resumes and every rule of the default
    /// rubric, the copy answers as the regex does.
    #[test]
    fn the_default_rubric_answers_the_same_on_every_fixture_line() {
        let rubric = crate::rubric::load_default().unwrap();
        let reference = |rule: &RuleRegex| regex::Regex::new(rule.as_str()).unwrap();
        let signals: Vec<regex::Regex> =
            rubric.signals.iter().map(|s| reference(&s.regex)).collect();
        let flags: Vec<regex::Regex> = rubric.flags.iter().map(|f| reference(&f.regex)).collect();
        let mut compared = 0;
        for line in crate::rubric::fixture_lines("end") {
            let line = line.as_str();
            for (signal, reference) in rubric.signals.iter().zip(&signals) {
                let expected = reference.find(line).map(|m| m.range());
                assert_eq!(signal.bounds.find(&signal.regex, line), expected);
                compared += usize::from(same_bounds(line) && expected.is_some());
            }
            for (flag, reference) in rubric.flags.iter().zip(&flags) {
                let expected = reference.is_match(line);
                assert_eq!(flag.bounds.is_match(&flag.regex, line), expected);
            }
        }
        assert!(compared > 300, "{compared} matches found by the copy");
    }

    /// A rubric whose rules are compiled on first use answers as the regex
    /// crate does, and on text without word characters beyond ASCII
    /// compiles no rule's own regex where the rule has a copy.
    #[test]
    fn copies_answer_for_deferred_rules_without_compiling_them() {
        let compiled = crate::rubric::load_default().unwrap();
        let deferred = crate::rubric::load_default_deferred().unwrap();
        let lines = crate::rubric::fixture_lines("end");
        let plain: Vec<&String> = lines.iter().filter(|l| same_bounds(l)).collect();
        assert!(
            plain.len() * 10 > lines.len() * 9,
            "fixture lines are mostly plain"
        );
        let signals = deferred.signals.iter().map(|s| (&s.regex, &s.bounds));
        let rules: Vec<(&RuleRegex, &AsciiBounds)> = signals
            .chain(deferred.flags.iter().map(|f| (&f.regex, &f.bounds)))
            .collect();
        let references: Vec<regex::Regex> = rules
            .iter()
            .map(|(rule, _)| regex::Regex::new(rule.as_str()).unwrap())
            .collect();
        for line in &plain {
            for ((rule, bounds), reference) in rules.iter().zip(&references) {
                let expected = reference.find(line).map(|m| m.range());
                assert_eq!(bounds.find(rule, line), expected, "{line:?}");
                assert_eq!(bounds.is_match(rule, line), expected.is_some());
            }
        }
        let mut with_copies = 0;
        for (rule, bounds) in rules {
            if bounds.copy.get().is_some_and(Option::is_some) {
                with_copies += 1;
                assert!(!rule.is_compiled(), "{} was compiled", rule.as_str());
            }
        }
        assert!(with_copies > 20, "{with_copies} rules answered by copies");
        // A word character beyond ASCII takes the rule's own regex.
        let naive = &deferred.signals[0];
        assert_eq!(
            naive.bounds.find(&naive.regex, "naïve: owned it"),
            compiled.signals[0].regex.find("naïve: owned it")
        );
        assert!(naive.regex.is_compiled());
    }
}
