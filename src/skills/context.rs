//! Context rules for spellings that are also ordinary words: "Go" the
//! language, not "go to market"; "C" the language, not "C-level" or
//! "Series C"; "Swift" the language, not the bank network.
//!
//! Takes one candidate mention and its text; says whether the context
//! accepts it, rejects it, or leaves it to the list rule (an item beside
//! accepted skills in a list). The rules are data from the vocabulary
//! (`needs_context`, `context`, `near`, `not_near`); nothing here knows any
//! particular skill.

use rustc_hash::FxHashMap;

use super::matcher::Candidate;
use super::schema::ContextKind;
use crate::extract::dictionary::is_word;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ContextRule {
    pub kinds: Vec<ContextKind>,
    /// Lower-case phrases that, within the window, accept the mention.
    pub near: Phrases,
    /// Lower-case phrases that, within the window, reject it whatever else.
    pub not_near: Phrases,
    /// Words on each side looked at.
    pub window: usize,
    /// Whether the spelling is also a person's name.
    pub also_a_name: bool,
    /// Lower-case title words ("senior", "engineer") that do not make a
    /// Capitalised neighbour a name.
    pub title_words: std::sync::Arc<[String]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    Accepted,
    /// Accepted only as an item of a list of accepted skills.
    IfListed,
    Rejected,
}

impl ContextRule {
    pub fn judge(&self, text: &str, c: &Candidate, written: &str) -> Verdict {
        if self.also_a_name && self.reads_as_a_name(text, c) {
            return Verdict::Rejected;
        }
        let window = self.window_text(text, c);
        if self.not_near.any_in(&window) {
            return Verdict::Rejected;
        }
        let accepted = self.kinds.iter().any(|kind| match kind {
            ContextKind::List => false,
            ContextKind::Near => self.near.any_in(&window),
            ContextKind::Version => followed_by_version(&text[c.end..]),
            ContextKind::Case => spelt_as_a_name(text, c, written),
        });
        if accepted {
            Verdict::Accepted
        } else if self.kinds.contains(&ContextKind::List) {
            Verdict::IfListed
        } else {
            Verdict::Rejected
        }
    }

    /// "Cassandra Smith", "Mary Jenkins": directly beside another
    /// Capitalised word that is not a title word, the mention is part of a
    /// person's name. A sentence's first word is capitalised anyway, so
    /// there it counts only when it is no English word ("Mary", not
    /// "Replaced").
    fn reads_as_a_name(&self, text: &str, c: &Candidate) -> bool {
        let is_capitalised = |word: &str| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && word.chars().any(char::is_lowercase)
                && !self
                    .title_words
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(word))
        };
        let before = text[..c.start].strip_suffix(' ').and_then(|b| {
            let word = b.rsplit(' ').next()?;
            let opens_sentence = b[..b.len() - word.len()]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|ch| matches!(ch, '.' | '!' | '?' | ':' | '•' | '-' | '|'));
            Some(is_capitalised(word) && !(opens_sentence && is_word(&word.to_lowercase())))
        });
        let after = text[c.end..]
            .strip_prefix(' ')
            .and_then(|a| a.split(' ').next())
            .map(|w| w.trim_end_matches([',', '.', ';', ':', ')']))
            .is_some_and(is_capitalised);
        before == Some(true) || after
    }

    /// The mention with up to `window` words on each side, as the text has
    /// them (so "http://" stays one piece), lower case.
    fn window_text(&self, text: &str, c: &Candidate) -> String {
        let from = start_of_words_before(text, c.start, self.window);
        let to = end_of_words_after(text, c.end, self.window);
        text[from..to].to_lowercase()
    }
}

/// A rule's phrases, indexed by their first word. A rule may have a
/// hundred phrases ("documentation", "monitoring" and "performance" are
/// ordinary words too), and every mention of its spelling is judged: the
/// phrases tried against a window are those whose first word is one of the
/// window's words (a phrase that matches as whole words starts where a word
/// of the window starts and opens with all of that word), and those that
/// open with no letter or digit ("(go)", ".net"), which are always tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Phrases {
    phrases: Vec<String>,
    /// First word → the phrases opening with it, by index.
    by_first_word: FxHashMap<String, Vec<usize>>,
    /// The phrases opening with no letter or digit.
    unindexed: Vec<usize>,
}

impl Phrases {
    /// `phrases` are lower case.
    pub fn new(phrases: Vec<String>) -> Phrases {
        let mut by_first_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut unindexed = Vec::new();
        for (i, phrase) in phrases.iter().enumerate() {
            match first_word(phrase) {
                Some(word) => by_first_word.entry(word.to_string()).or_default().push(i),
                None => unindexed.push(i),
            }
        }
        Phrases {
            phrases,
            by_first_word,
            unindexed,
        }
    }

    /// Whether `window` (lower case) holds one of the phrases as whole
    /// words, as [`contains_phrase`] reads it.
    pub fn any_in(&self, window: &str) -> bool {
        let tried = |i: &usize| contains_phrase(window, &self.phrases[*i]);
        self.unindexed.iter().any(tried)
            || window
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .filter_map(|word| self.by_first_word.get(word))
                .any(|candidates| candidates.iter().any(tried))
    }
}

/// The run of letters and digits a phrase opens with, if it opens with one.
fn first_word(phrase: &str) -> Option<&str> {
    let end = phrase
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(phrase.len());
    (end > 0).then(|| &phrase[..end])
}

/// Where the `count`-th word before `at` starts (0 when there are fewer).
fn start_of_words_before(text: &str, at: usize, count: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, ch) in text[..at].char_indices().rev() {
        if ch.is_whitespace() {
            if in_word {
                words += 1;
                if words == count {
                    return i + ch.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// Where the `count`-th word after `at` ends (the text's end when there
/// are fewer).
fn end_of_words_after(text: &str, at: usize, count: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, ch) in text[at..].char_indices() {
        if ch.is_whitespace() {
            if in_word {
                words += 1;
                if words == count {
                    return at + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// Whether `haystack` holds `phrase` as whole words (where the phrase starts
/// or ends with a letter or digit).
pub(super) fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    let word = |ch: Option<char>| ch.is_some_and(|ch| ch.is_alphanumeric());
    let first_is_word = word(phrase.chars().next());
    let last_is_word = word(phrase.chars().next_back());
    // A window is a few words and a rule has dozens of phrases: a plain
    // scan costs less than setting up a substring searcher for each phrase.
    // (A phrase's first byte never continues a character, so every place
    // it matches is a character boundary.)
    let (text, wanted) = (haystack.as_bytes(), phrase.as_bytes());
    let Some(&first) = wanted.first() else {
        return false;
    };
    (0..(text.len() + 1).saturating_sub(wanted.len()))
        .filter(|&at| text[at] == first && text[at..].starts_with(wanted))
        .any(|at| {
            let joined_before = first_is_word && word(haystack[..at].chars().next_back());
            let joined_after = last_is_word && word(haystack[at + phrase.len()..].chars().next());
            !joined_before && !joined_after
        })
}

/// "Go 1.22", "C99", "Swift 5": a version number follows. A year ("Spring
/// 2023") is not a version.
fn followed_by_version(rest: &str) -> bool {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest.strip_prefix(['v', 'V']).unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return false;
    }
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    !year && !rest[digits.len()..].starts_with(|ch: char| ch.is_alphabetic())
}

/// Spelt exactly as the vocabulary writes it ("Go", "Rust") in the middle
/// of a sentence of ordinary words: not the sentence's first word (any word
/// is capitalised there) and not among Capitalised Title Words ("Ready Set
/// Go", "the Rust Belt").
fn spelt_as_a_name(text: &str, c: &Candidate, written: &str) -> bool {
    if &text[c.start..c.end] != written {
        return false;
    }
    let before = text[..c.start].trim_end();
    let sentence_start = before.chars().next_back().is_none_or(|ch| {
        matches!(
            ch,
            '.' | '!' | '?' | ':' | ';' | '•' | '·' | '*' | '-' | '–' | '—' | '(' | '"' | '|'
        )
    });
    if sentence_start {
        return false;
    }
    let title_word = |w: Option<&str>| {
        w.is_some_and(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        })
    };
    // The word before counts only when it is not the sentence's first
    // word, which is capitalised anyway ("Strong Go in production").
    let previous = before.split_whitespace().next_back();
    let previous_opens_sentence = previous.is_some_and(|w| {
        before[..before.len() - w.len()]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|ch| {
                matches!(
                    ch,
                    '.' | '!'
                        | '?'
                        | ':'
                        | ';'
                        | '•'
                        | '·'
                        | '*'
                        | '-'
                        | '–'
                        | '—'
                        | '('
                        | '"'
                        | '|'
                )
            })
    });
    let in_title_words = (title_word(previous) && !previous_opens_sentence)
        || title_word(text[c.end..].split_whitespace().next());
    !in_title_words
}

/// Whether the text between two mentions only separates list items:
/// commas, slashes, "and", "or", brackets; or holds one or two items the
/// vocabulary lacks, each a capitalised name between commas ("RDS, ELB,
/// AutoScaling, Lambda").
pub(super) fn list_gap(gap: &str) -> bool {
    if gap.len() > 16 {
        return unknown_names_between_commas(gap);
    }
    let words: Vec<&str> = gap
        .split(|ch: char| ch.is_whitespace() || ",;/|&+()[]·•*".contains(ch))
        .filter(|w| !w.is_empty())
        .collect();
    let separators_only = words.len() <= 2
        && words
            .iter()
            .all(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "or"))
        && (gap.contains(|ch: char| ",;/|&+()[]·•*".contains(ch)) || !words.is_empty());
    separators_only || unknown_names_between_commas(gap)
}

fn unknown_names_between_commas(gap: &str) -> bool {
    let Some(items) = gap
        .trim()
        .strip_prefix(',')
        .and_then(|g| g.strip_suffix(','))
    else {
        return false;
    };
    let items: Vec<&str> = items.split(',').map(str::trim).collect();
    items.len() <= 2
        && items.iter().all(|item| {
            item.starts_with(|c: char| c.is_ascii_uppercase())
                && item.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::{Phrases, contains_phrase};

    /// The index only narrows which phrases are tried: it finds a phrase
    /// wherever trying every phrase would.
    #[test]
    fn indexed_phrases_are_found_wherever_every_phrase_is() {
        let phrases: Vec<String> = [
            "go to market",
            "golang",
            "(go)",
            ".net",
            "c++",
            "node.js",
            "on-call",
            "api",
            "é-commerce",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        let index = Phrases::new(phrases.clone());
        let windows = [
            "our go to market plan",
            "built in go (golang) and rust",
            "we use go)",
            "written in (go) mostly",
            "ported to .net 8",
            "dotnet and c++17",
            "c++ services",
            "node.js/typescript",
            "nodejs",
            "an on-call rotation",
            "rapid prototyping",
            "public apis",
            "l'é-commerce",
            "",
        ];
        for window in windows {
            let every = phrases.iter().any(|p| contains_phrase(window, p));
            assert_eq!(index.any_in(window), every, "{window:?}");
        }
    }
}
