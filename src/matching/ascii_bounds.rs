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
//! first use: `RuleRegex::deferred`). The pipeline's own constant patterns
//! with `\b` (dates, years, numbers and units, title words) take the same
//! two forms through [`FixedRegex`].

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

/// One of the pipeline's own constant patterns (dates, years, numbers and
/// units, title words), compiled on first use in the two forms the rubric's
/// rules have: with ASCII word boundaries for texts where they fall where
/// Unicode ones do, and as written for the others. Captures included, the
/// answers are the pattern's own; on a date line with an en dash the lazy
/// DFA finds the match instead of the backtracking engine searching the
/// whole line.
#[derive(Debug)]
pub struct FixedRegex {
    source: String,
    ascii: OnceLock<regex::Regex>,
    unicode: OnceLock<regex::Regex>,
}

impl FixedRegex {
    /// `source` must be a constant that compiles (its tests compile it).
    pub fn new(source: impl Into<String>) -> FixedRegex {
        let source = source.into();
        // The ASCII form is made by rewriting each `\b` of the source: an
        // escaped backslash before a `b` would be rewritten too.
        assert!(!source.contains(r"\\"), "no escaped backslash: {source}");
        FixedRegex {
            source,
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The form that answers for `haystack`: search `haystack` itself with
    /// it, not a longer text.
    pub fn for_text(&self, haystack: &str) -> &regex::Regex {
        let compile = |source: &str| {
            regex::Regex::new(source)
                .unwrap_or_else(|e| panic!("a constant pattern compiles: {source}: {e}"))
        };
        if same_bounds(haystack) {
            self.ascii
                .get_or_init(|| compile(&self.source.replace(r"\b", r"(?-u:\b)")))
        } else {
            self.unicode.get_or_init(|| compile(&self.source))
        }
    }
}

/// For tests of the modules that own a [`FixedRegex`]: on every fixture
/// line, plain, between a bullet and a dash, and beside a word character
/// beyond ASCII, and on what follows each digit of those lines (some
/// patterns read what follows a number), it captures exactly what the
/// regex crate captures with the pattern as written; most of those texts
/// take the ASCII form.
#[cfg(test)]
pub(crate) fn assert_same_as_written(fixed: &FixedRegex) {
    let written = regex::Regex::new(&fixed.source).unwrap();
    let captured = |regex: &regex::Regex, text: &str| -> Vec<Vec<Option<Range<usize>>>> {
        regex
            .captures_iter(text)
            .map(|caps| caps.iter().map(|m| m.map(|m| m.range())).collect())
            .collect()
    };
    let (mut texts, mut plain, mut found) = (0, 0, 0);
    for line in crate::matching::fixture_lines("end").into_iter().chain(
        crate::matching::fixture_lines("naïve")
            .into_iter()
            .filter(|l| l.starts_with('•')),
    ) {
        let after_digits = line
            .char_indices()
            .filter(|&(i, _)| line[..i].ends_with(|c: char| c.is_ascii_digit()));
        for (start, _) in std::iter::once((0, ' ')).chain(after_digits) {
            let text = &line[start..];
            let expected = captured(&written, text);
            assert_eq!(captured(fixed.for_text(text), text), expected, "{text:?}");
            texts += 1;
            plain += usize::from(same_bounds(text));
            found += usize::from(!expected.is_empty());
        }
    }
    assert!(
        plain * 2 > texts,
        "{plain} of {texts} texts take the ASCII form"
    );
    assert!(
        found >= 10,
        "{found} texts with a match for {}",
        fixed.source
    );
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
        for line in crate::matching::fixture_lines("end") {
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
        let lines = crate::matching::fixture_lines("end");
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
