//! A literal prefilter for the rubric's phrase regexes: one pass over a
//! sentence tells which signals (or flags) could match it, so only those
//! run their regex.
//!
//! Every match of a phrase regex starts with one of a few literal words
//! ("own", "owned", "led", "mentor"...). regex-syntax lists them from the
//! regex itself, so a recruiter's new phrase or pattern is covered without
//! anything to keep in step; one Aho–Corasick automaton over all of them
//! finds, in a single pass, every rule that could match. A rule whose
//! matches can start anywhere (a pattern opening with `\w+`) has no such
//! list and always runs. Without this, each of a resume's ~60 sentences ran
//! all ~25 regexes, and that was most of the assessment time.
//!
//! The regexes are case-insensitive, so the words are found ignoring ASCII
//! case. Unicode case folding also lets "k" match the Kelvin sign and "s"
//! the long s, which no ASCII search sees: a text holding either skips the
//! prefilter, as does any rule whose words are not all ASCII.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// Which rules of a list may match a text.
#[derive(Debug, Clone)]
pub struct Prefilter {
    rules: usize,
    searcher: Option<AhoCorasick>,
    /// For each word of the searcher, the rule it opens.
    owner: Vec<Opening>,
    /// Rules without a word list: they always run.
    always: Vec<usize>,
    /// Rules whose word list holds only where `\d`, `\w` and `\s` mean
    /// their ASCII selves (`\d+-team` opens with "0" to "9"): they run on
    /// every text that is not all ASCII.
    ascii_only: Vec<usize>,
}

impl Prefilter {
    /// Build from the rules' regex sources, in rule order. A source may
    /// start with `(?i)`; what follows is read case-sensitively, and the
    /// words found are then matched ignoring case.
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> Prefilter {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        let mut ascii_only = Vec::new();
        let mut rules = 0;
        for (rule, source) in sources.into_iter().enumerate() {
            rules += 1;
            let words_of_rule = match opening_words(source, true) {
                Some(list) => Some(list),
                None => {
                    let list = opening_words(source, false);
                    if list.is_some() {
                        ascii_only.push(rule);
                    }
                    list
                }
            };
            match words_of_rule {
                Some(list) => {
                    for word in list {
                        owner.push(Opening {
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
        if searcher.is_none() {
            // Cannot happen with literal words, but never lose a rule.
            always = (0..rules).collect();
        }
        Prefilter {
            rules,
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
        if let (Some(searcher), false) = (&self.searcher, unfoldable) {
            for found in searcher.find_overlapping_iter(text) {
                let opening = &self.owner[found.pattern().as_usize()];
                if opening.at_word_start && ends_in_word_char(&text[..found.start()]) {
                    continue;
                }
                may[opening.rule] = true;
            }
        }
        may
    }
}

/// A word a rule's matches may start with.
#[derive(Debug, Clone)]
struct Opening {
    rule: usize,
    /// The regex puts a word boundary (`\b`) before this word, and the word
    /// starts with a word character: it cannot match inside a word, so
    /// "own" in "known" does not make the ownership rule a candidate.
    at_word_start: bool,
}

struct OpeningWord {
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

/// The words every match of `source` starts with, lower-cased, or `None`
/// when there is no such finite ASCII list. Each branch of a top-level
/// alternation (a phrase, a pattern) is read on its own, so the words of a
/// phrase that opens with `\b` are known to start a word. Without
/// `unicode`, classes are read as ASCII: the list then holds for ASCII
/// texts only.
fn opening_words(source: &str, unicode: bool) -> Option<Vec<OpeningWord>> {
    let body = source.strip_prefix("(?i)").unwrap_or(source);
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(unicode)
        .utf8(unicode)
        .build()
        .parse(body)
        .ok()?;
    let branches = match hir.kind() {
        HirKind::Alternation(branches) => branches.as_slice(),
        _ => std::slice::from_ref(&hir),
    };
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_total(2_000);
    let mut words = Vec::new();
    for branch in branches {
        let bounded = starts_with_word_boundary(branch, unicode);
        let seq = extractor.extract(branch);
        for literal in seq.literals()? {
            let bytes = literal.as_bytes();
            if bytes.is_empty() || !bytes.is_ascii() {
                return None;
            }
            words.push(OpeningWord {
                at_word_start: bounded && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_'),
                text: bytes.to_ascii_lowercase(),
            });
        }
    }
    Some(words)
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
    use crate::rubric::inflect::combined_source;
    use crate::rubric::schema::Inflect;
    use regex::Regex;

    fn phrases(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn opening_words_come_from_phrases_and_patterns() {
        let source = combined_source(
            &phrases(&["own", "take over"]),
            Inflect::Verb,
            &[r"\b(?:led|drove)\b".to_string()],
        );
        let words: Vec<String> = opening_words(&source, true)
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
        // A pattern that may start with any word has no list.
        assert!(opening_words(r"(?i)\w+ing\b", true).is_none());
        // Read as ASCII, "\d+-team" opens with a digit.
        assert!(opening_words(r"(?i)\b\d+-team\b", true).is_none());
        assert_eq!(opening_words(r"(?i)\b\d+-team\b", false).unwrap().len(), 10);
    }

    #[test]
    fn only_rules_whose_words_occur_are_candidates() {
        let sources = [
            combined_source(&phrases(&["own"]), Inflect::Verb, &[]),
            combined_source(&phrases(&["mentor"]), Inflect::Verb, &[]),
            r"(?i)\b\w+ed\b".to_string(),
        ];
        let filter = Prefilter::new(sources.iter().map(String::as_str));
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
        let filter = Prefilter::new([r"(?i)\b\d+-team\b"]);
        assert_eq!(filter.candidates("ran a 4-team effort"), [true]);
        assert_eq!(filter.candidates("ran the team"), [false]);
        // "٤-team" (an Arabic-Indic four) matches \d: non-ASCII texts run it.
        assert_eq!(filter.candidates("ran a \u{664}-team effort"), [true]);
        assert!(
            Regex::new(r"(?i)\b\d+-team\b")
                .unwrap()
                .is_match("\u{664}-team")
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
                let signals = rubric.signal_prefilter.candidates(line);
                for (k, signal) in rubric.signals.iter().enumerate() {
                    if signal.regex.is_match(line) {
                        assert!(signals[k], "{} hidden in {line:?}", signal.id);
                    }
                    skipped += usize::from(!signals[k]);
                }
                let flags = rubric.flag_prefilter.candidates(line);
                for (k, flag) in rubric.flags.iter().enumerate() {
                    if flag.regex.is_match(line) {
                        assert!(flags[k], "{} hidden in {line:?}", flag.id);
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked} lines");
        // And it does filter: most (line, signal) pairs never run a regex.
        assert!(skipped * 2 > checked * rubric.signals.len(), "{skipped}");
    }
}
