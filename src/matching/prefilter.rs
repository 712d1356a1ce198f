//! A literal prefilter for the rubric's phrase regexes: one pass over a
//! sentence tells which signals (or flags) could match it, so only those
//! run their regex.
//!
//! Every match of a phrase regex contains one of a few literal words: the
//! words it opens with ("own", "owned", "led", "mentor"...), or a longer,
//! rarer word inside it ("architecture" in "led the architecture").
//! regex-syntax lists them from the regex itself, so a recruiter's new
//! phrase or pattern is covered without anything to keep in step; one
//! Aho–Corasick automaton over the words of every signal and flag finds, in
//! a single pass, every rule that could match. A rule with no such word
//! (a pattern such as `\b\w{4,}\b`) always runs. Without this, each of a
//! resume's ~60 sentences ran all ~25 regexes, and that was most of the
//! assessment time.
//!
//! The regexes are case-insensitive, so the words are found ignoring ASCII
//! case. Unicode case folding also lets "k" match the Kelvin sign and "s"
//! the long s, which no ASCII search sees: a text holding either skips the
//! prefilter, as does any rule whose words are not all ASCII.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Capture, Class, Hir, HirKind, Look, Repetition};

use super::rule_regex::RuleRegex;

/// Which rules of a list may match a text.
#[derive(Debug, Clone)]
pub struct Prefilter {
    rules: usize,
    /// The automaton over every rule's words, lower-cased.
    searcher: Option<AhoCorasick>,
    /// For each word of the searcher, the rule it opens.
    owner: Vec<WordOwner>,
    /// Rules without a word list: they always run.
    always: Vec<usize>,
    /// Rules whose word list holds only where `\d`, `\w` and `\s` mean
    /// their ASCII selves (`\d+-team` opens with "0" to "9"): they run on
    /// every text that is not all ASCII.
    ascii_only: Vec<usize>,
}

impl Prefilter {
    /// Build from rules, in rule order, reading each from its syntax tree
    /// (which needs no rule compiled). The words found are matched
    /// ignoring ASCII case, whatever the case flags say: a rule may be a
    /// candidate more often than it needs, never less.
    pub fn new<'a>(rules: impl IntoIterator<Item = &'a RuleRegex>) -> Prefilter {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        let mut ascii_only = Vec::new();
        let mut rules_seen = 0;
        for (rule, regex) in rules.into_iter().enumerate() {
            rules_seen += 1;
            let unicode_words = words_of_hir(regex.hir(), true);
            let listed = match unicode_words {
                Some(list) => Some(list),
                None => {
                    let list = words_of_rule(regex.as_str(), false);
                    if list.is_some() {
                        ascii_only.push(rule);
                    }
                    list
                }
            };
            match listed {
                Some(list) => {
                    for word in list {
                        owner.push(WordOwner {
                            rule,
                            at_word_start: word.at_word_start,
                        });
                        words.push(word.text);
                    }
                }
                None => always.push(rule),
            }
        }
        let searcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // A few hundred short words: a full DFA is small, and it is the
            // fastest kind for a search run on every sentence.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        Prefilter {
            rules: rules_seen,
            searcher,
            owner,
            always,
            ascii_only,
        }
    }

    /// For each rule, whether it may match `text`. A `false` is certain:
    /// that rule's regex does not match.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let unfoldable = text.contains(['\u{212A}', '\u{017F}']);
        let mut may = vec![unfoldable; self.rules];
        for &rule in &self.always {
            may[rule] = true;
        }
        if !text.is_ascii() {
            for &rule in &self.ascii_only {
                may[rule] = true;
            }
        }
        if unfoldable {
            return may;
        }
        let Some(searcher) = &self.searcher else {
            // Cannot happen with literal words, but never lose a rule.
            return vec![true; self.rules];
        };
        for found in searcher.find_overlapping_iter(text) {
            let owner = &self.owner[found.pattern().as_usize()];
            if owner.at_word_start && ends_in_word_char(&text[..found.start()]) {
                continue;
            }
            may[owner.rule] = true;
        }
        may
    }
}

/// The rule a word belongs to: every match of that rule contains one of
/// its words.
#[derive(Debug, Clone)]
struct WordOwner {
    rule: usize,
    /// The regex puts a word boundary (`\b`) before this word, and the word
    /// starts with a word character: it cannot match inside a word, so
    /// "own" in "known" does not make the ownership rule a candidate.
    at_word_start: bool,
}

struct RuleWord {
    text: Vec<u8>,
    at_word_start: bool,
}

fn ends_in_word_char(before: &str) -> bool {
    // Most texts are ASCII: answer those without the Unicode table.
    match before.as_bytes().last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => before
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character),
    }
}

/// Words one of which every match of `source` contains, lower-cased, or
/// `None` when there is no such finite ASCII list. The rarest list is
/// kept for each alternative of the regex (a phrase, a pattern): the words
/// its matches open with, or those opening one of its parts, when longer
/// ("architecture" rather than "led" in "led the architecture",
/// "objective" in `^\s*objective`). Short, common opening words made most
/// sentences candidates of rules they did not match. Without `unicode`,
/// classes are read as ASCII: the list then holds for ASCII texts only.
fn words_of_rule(source: &str, unicode: bool) -> Option<Vec<RuleWord>> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(unicode)
        .utf8(unicode)
        .build()
        .parse(source)
        .ok()?;
    words_of_hir(&hir, unicode)
}

/// [`words_of_rule`] of a parsed rule; `unicode` says how it was parsed.
fn words_of_hir(hir: &Hir, unicode: bool) -> Option<Vec<RuleWord>> {
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_total(2_000);
    let (_, words) = required_words(&without_case_variants(hir), false, unicode, &extractor)?;
    Some(words)
}

/// `hir` with each case-insensitive letter (`[Kk\u{212A}]` from `(?i)k`)
/// read as its lower-case ASCII self. The words are searched for ignoring
/// ASCII case, and a text with the Kelvin sign or the long s runs every
/// rule, so nothing is lost; without this, "searching" alone has 48 case
/// variants and longer phrases more than the extractor lists.
fn without_case_variants(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(class) => match ascii_letter_of(class) {
            Some(letter) => Hir::literal([letter]),
            None => hir.clone(),
        },
        HirKind::Concat(parts) => {
            // A phrase is a run of letters: gather each run into one
            // literal here rather than one per letter for `Hir::concat`
            // to join (this ran in every worker's start-up).
            let mut kept = Vec::with_capacity(parts.len());
            let mut letters = Vec::new();
            for part in parts {
                match part.kind() {
                    HirKind::Literal(literal) => letters.extend_from_slice(&literal.0),
                    HirKind::Class(class) if let Some(letter) = ascii_letter_of(class) => {
                        letters.push(letter)
                    }
                    _ => {
                        if !letters.is_empty() {
                            kept.push(Hir::literal(std::mem::take(&mut letters)));
                        }
                        kept.push(without_case_variants(part));
                    }
                }
            }
            if !letters.is_empty() {
                kept.push(Hir::literal(letters));
            }
            Hir::concat(kept)
        }
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.iter().map(without_case_variants).collect())
        }
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            sub: Box::new(without_case_variants(&repetition.sub)),
            ..repetition.clone()
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(without_case_variants(&capture.sub)),
            ..capture.clone()
        }),
        _ => hir.clone(),
    }
}

/// The lower-case letter a class stands for when it holds one ASCII letter
/// in its cases, and perhaps the Kelvin sign or long s that fold to it.
fn ascii_letter_of(class: &Class) -> Option<u8> {
    // A letter's cases are at most three characters (k, K, Kelvin sign).
    let mut chars = ['\0'; 3];
    let mut count = 0;
    let mut take = |c: char| {
        if count == chars.len() {
            return false;
        }
        chars[count] = c;
        count += 1;
        true
    };
    let fits = match class {
        Class::Unicode(class) => class
            .iter()
            .flat_map(|range| range.start()..=range.end())
            .all(&mut take),
        Class::Bytes(class) => class
            .iter()
            .flat_map(|range| range.start()..=range.end())
            .all(|b| take(char::from(b))),
    };
    if !fits {
        return None;
    }
    let chars = &chars[..count];
    let letter = chars
        .iter()
        .find(|c| c.is_ascii_alphabetic())?
        .to_ascii_lowercase();
    chars
        .iter()
        .all(|&c| {
            c.to_ascii_lowercase() == letter
                || (c == '\u{212A}' && letter == 'k')
                || (c == '\u{017F}' && letter == 's')
        })
        .then_some(letter as u8)
}

/// The rarest word list of `hir` (see [`words_of_rule`]) with the length of
/// its shortest word. `bounded`: a word boundary (`\b`) comes just before.
fn required_words(
    hir: &Hir,
    bounded: bool,
    unicode: bool,
    extractor: &Extractor,
) -> Option<(usize, Vec<RuleWord>)> {
    let bounded = bounded || starts_with_word_boundary(hir, unicode);
    let opening = ascii_words(&extractor.extract(hir), bounded);
    let mut best = opening.and_then(|list| Some((list.iter().map(|w| w.text.len()).min()?, list)));
    let mut consider = |candidate: Option<(usize, Vec<RuleWord>)>| {
        if let Some(candidate) = candidate
            && best.as_ref().is_none_or(|b| candidate.0 > b.0)
        {
            best = Some(candidate);
        }
    };
    match hir.kind() {
        // Every part of a sequence matches somewhere inside its match.
        HirKind::Concat(parts) => {
            for (i, part) in parts.iter().enumerate() {
                let after_boundary = if i == 0 {
                    bounded
                } else {
                    is_word_boundary(&parts[i - 1], unicode)
                };
                consider(required_words(part, after_boundary, unicode, extractor));
            }
        }
        // One of the alternatives matches: the union of their lists.
        HirKind::Alternation(branches) => {
            let mut shortest = usize::MAX;
            let mut union = Vec::new();
            let all = branches.iter().all(|branch| {
                match required_words(branch, bounded, unicode, extractor) {
                    Some((len, words)) => {
                        shortest = shortest.min(len);
                        union.extend(words);
                        true
                    }
                    None => false,
                }
            });
            if all {
                consider(Some((shortest, union)));
            }
        }
        HirKind::Capture(capture) => {
            consider(required_words(&capture.sub, bounded, unicode, extractor));
        }
        _ => {}
    }
    best
}

/// A literal sequence as words to search for, or `None` when it is
/// infinite, holds the empty word (a part that may match nothing) or a
/// word beyond ASCII.
fn ascii_words(seq: &Seq, bounded: bool) -> Option<Vec<RuleWord>> {
    let mut words = Vec::new();
    for literal in seq.literals()? {
        let bytes = literal.as_bytes();
        if bytes.is_empty() || !bytes.is_ascii() {
            return None;
        }
        words.push(RuleWord {
            // After `\b`, a word that starts with a word character starts
            // a word: "own" in "known" is not one.
            at_word_start: bounded && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_'),
            text: bytes.to_ascii_lowercase(),
        });
    }
    (!words.is_empty()).then_some(words)
}

/// Whether `hir` is a word-boundary assertion (`\b`), read as in
/// [`starts_with_word_boundary`].
fn is_word_boundary(hir: &Hir, unicode: bool) -> bool {
    matches!(hir.kind(), HirKind::Look(_)) && starts_with_word_boundary(hir, unicode)
}

/// Whether `hir` opens with a word-boundary assertion (`\b`). An ASCII
/// boundary (`(?-u:\b)`) sees "é" as a gap, so in a Unicode reading it does
/// not count; in an ASCII reading, which holds for ASCII texts only, the
/// two are the same.
fn starts_with_word_boundary(hir: &Hir, unicode: bool) -> bool {
    match hir.kind() {
        HirKind::Look(look) => {
            matches!(look, Look::WordUnicode | Look::WordStartUnicode)
                || (!unicode && matches!(look, Look::WordAscii | Look::WordStartAscii))
        }
        HirKind::Concat(parts) => parts
            .first()
            .is_some_and(|first| starts_with_word_boundary(first, unicode)),
        HirKind::Capture(capture) => starts_with_word_boundary(&capture.sub, unicode),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::inflect::Inflect;
    use crate::matching::inflect::combined_source;
    use regex::Regex;

    fn phrases(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| p.to_string()).collect()
    }

    /// The prefilter of rules compiled from `sources`.
    fn filter_of<S: AsRef<str>>(sources: &[S]) -> Prefilter {
        let rules: Vec<RuleRegex> = sources
            .iter()
            .map(|s| RuleRegex::new(s.as_ref()).unwrap())
            .collect();
        Prefilter::new(&rules)
    }

    #[test]
    fn opening_words_come_from_phrases_and_patterns() {
        let source = combined_source(
            &phrases(&["own", "take over"]),
            Inflect::Verb,
            &[r"\b(?:led|drove)\b".to_string()],
        );
        let words: Vec<String> = words_of_rule(&source, true)
            .unwrap()
            .into_iter()
            .map(|w| String::from_utf8(w.text).unwrap())
            .collect();
        for expected in ["own", "owned", "owning", "led", "drove", "taking"] {
            assert!(
                words.iter().any(|w| expected.starts_with(w.as_str())),
                "{expected} not covered by {words:?}"
            );
        }
        // A pattern that may start with any word is known by a word inside
        // it, which may be inside a word; one with no word has no list.
        let inside: Vec<(Vec<u8>, bool)> = words_of_rule(r"(?i)\w+ing\b", true)
            .unwrap()
            .into_iter()
            .map(|w| (w.text, w.at_word_start))
            .collect();
        assert_eq!(inside, [(b"ing".to_vec(), false)]);
        assert!(words_of_rule(r"(?i)\b\w{4,}\b", true).is_none());
        // "\d{2,}" holds no word in Unicode's reading; read as ASCII it
        // opens with a digit.
        assert!(words_of_rule(r"(?i)\b\d{2,}\b", true).is_none());
        let digits = words_of_rule(r"(?i)\b\d{2,}\b", false).unwrap();
        assert!(digits.iter().all(|w| w.text[0].is_ascii_digit()));
    }

    #[test]
    fn a_longer_word_inside_a_phrase_is_preferred_to_its_opening() {
        let sources = [
            combined_source(&phrases(&["led the architecture"]), Inflect::Verb, &[]),
            // Nested case flags, an anchor and a part that may be empty.
            r"(?i)(?:(?i)^\s*objective\b)|(?:(?i)\bseeking\s+(?:\w+\s+){0,4}role\b)".to_string(),
        ];
        let filter = filter_of(&sources);
        assert_eq!(filter.candidates("Led the team of five"), [false, false]);
        assert_eq!(
            filter.candidates("LED THE ARCHITECTURE review"),
            [true, false]
        );
        assert_eq!(
            filter.candidates("Objective: a backend role"),
            [false, true]
        );
        assert_eq!(filter.candidates("Seeking a senior role"), [false, true]);
        // Words inside a phrase may sit inside a longer word: still found.
        assert_eq!(filter.candidates("microarchitecture"), [true, false]);
        let words: Vec<Vec<u8>> = words_of_rule(&sources[1], true)
            .unwrap()
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, [b"objective".to_vec(), b"seeking".to_vec()]);
    }

    #[test]
    fn only_rules_whose_words_occur_are_candidates() {
        let sources = [
            combined_source(&phrases(&["own"]), Inflect::Verb, &[]),
            combined_source(&phrases(&["mentor"]), Inflect::Verb, &[]),
            r"(?i)\b\w{4,}\b".to_string(),
        ];
        let filter = filter_of(&sources);
        assert_eq!(filter.candidates("OWNED the ledger"), [true, false, true]);
        assert_eq!(filter.candidates("Mentored two"), [false, true, true]);
        assert_eq!(filter.candidates("nothing here"), [false, false, true]);
        // A phrase bounded by \b is not found inside another word.
        assert_eq!(filter.candidates("well known"), [false, false, true]);
        // The Kelvin sign folds to "k": such a text runs every rule.
        assert_eq!(filter.candidates("\u{212A}afka"), [true, true, true]);
    }

    #[test]
    fn ascii_word_lists_hold_for_ascii_texts_only() {
        let filter = filter_of(&[r"(?i)\b\d{2,}\b"]);
        assert_eq!(filter.candidates("ran a 40-team effort"), [true]);
        assert_eq!(filter.candidates("ran the team"), [false]);
        // "٤٤" (Arabic-Indic fours) matches \d: non-ASCII texts run it.
        assert_eq!(
            filter.candidates("ran a \u{664}\u{664}-team effort"),
            [true]
        );
        assert!(
            Regex::new(r"(?i)\b\d{2,}\b")
                .unwrap()
                .is_match("\u{664}\u{664}-team")
        );
    }

    /// The prefilter never hides a match: on every sentence of the
    /// fixture resumes, a rule whose regex matches is a candidate.
    #[test]
    fn no_default_rubric_match_is_filtered_out() {
        let rubric = crate::rubric::load_default().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes");
        let mut checked = 0;
        let mut skipped = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for line in text.lines() {
                let may = rubric.candidates(line);
                for (k, signal) in rubric.signals.iter().enumerate() {
                    if signal.regex.is_match(line) {
                        assert!(may.signal(k), "{} hidden in {line:?}", signal.id);
                    }
                    skipped += usize::from(!may.signal(k));
                }
                for (k, flag) in rubric.flags.iter().enumerate() {
                    if flag.regex.is_match(line) {
                        assert!(may.flag(k), "{} hidden in {line:?}", flag.id);
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked} lines");
        // And it does filter: most (line, signal) pairs never run a regex.
        assert!(skipped * 2 > checked * rubric.signals.len(), "{skipped}");
    }

    /// Read from the compiled rules' syntax trees, every rule of the default
    /// rubric has the words it has when its source is parsed again.
    #[test]
    fn rules_read_from_their_trees_as_from_their_sources() {
        let rubric = crate::rubric::load_default().unwrap();
        let rules = rubric
            .signals
            .iter()
            .map(|s| &s.regex)
            .chain(rubric.flags.iter().map(|f| &f.regex));
        let as_pairs = |words: Option<Vec<RuleWord>>| {
            words.map(|list| {
                list.into_iter()
                    .map(|w| (w.text, w.at_word_start))
                    .collect::<Vec<_>>()
            })
        };
        let mut with_words = 0;
        for rule in rules {
            let from_tree = as_pairs(words_of_hir(rule.hir(), true));
            with_words += usize::from(from_tree.is_some());
            assert_eq!(
                from_tree,
                as_pairs(words_of_rule(rule.as_str(), true)),
                "{}",
                rule.as_str()
            );
        }
        assert!(with_words > 20, "{with_words}");
    }

    /// The prefilter never hides a match on sentences made at random from
    /// the words of every rule's examples, in any case, joined by spaces,
    /// hyphens, bullets and letters, and cut inside words.
    #[test]
    fn no_match_is_filtered_out_of_random_sentences() {
        use proptest::prelude::*;
        let rubric = crate::rubric::load_default().unwrap();
        let mut vocabulary: Vec<String> = rubric
            .signals
            .iter()
            .flat_map(|s| &s.examples_match)
            .chain(rubric.flags.iter().flat_map(|f| &f.examples_match))
            .flat_map(|e| e.split_whitespace())
            .map(str::to_string)
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        const JOINS: [&str; 7] = [" ", "-", " \u{2022} ", "", "micro", "\u{e9}", " I "];
        let config = proptest::test_runner::Config {
            cases: 2_000,
            failure_persistence: None,
            ..Default::default()
        };
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            config,
            proptest::test_runner::TestRng::deterministic_rng(
                proptest::test_runner::RngAlgorithm::ChaCha,
            ),
        );
        let matched = std::cell::Cell::new(0usize);
        let words = prop::collection::vec(
            (
                0..vocabulary.len(),
                0..JOINS.len(),
                any::<bool>(),
                0..4usize,
            ),
            1..12,
        );
        runner
            .run(&words, |picked| {
                let mut text = String::new();
                for (word, join, upper, cut) in picked {
                    let word = &vocabulary[word];
                    let word = if cut == 3 {
                        &word[word.char_indices().nth(1).map_or(0, |(i, _)| i)..]
                    } else {
                        word.as_str()
                    };
                    text.push_str(&if upper {
                        word.to_uppercase()
                    } else {
                        word.to_string()
                    });
                    text.push_str(JOINS[join]);
                }
                let may = rubric.candidates(&text);
                for (k, signal) in rubric.signals.iter().enumerate() {
                    let found = signal.regex.is_match(&text);
                    matched.set(matched.get() + usize::from(found));
                    prop_assert!(!found || may.signal(k), "{} in {text:?}", signal.id);
                }
                for (k, flag) in rubric.flags.iter().enumerate() {
                    let found = flag.regex.is_match(&text);
                    matched.set(matched.get() + usize::from(found));
                    prop_assert!(!found || may.flag(k), "{} in {text:?}", flag.id);
                }
                Ok(())
            })
            .unwrap();
        // The sentences do match: the check is not empty.
        assert!(matched.get() > 500, "{} matches", matched.get());
    }
}
