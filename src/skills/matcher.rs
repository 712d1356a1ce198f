//! Finding skill mentions: one trie of every spelling (`trie`), built when
//! the vocabulary is loaded, tried at each word start.
//!
//! A spelling counts only as a whole word: "Java" is not in "JavaScript",
//! "C" is not in "C#", "C++", "Objective-C" or "CI/CD". A version glued to a
//! word ("Python3", "Vue3") is allowed. Spellings are tried only where a
//! word starts; where they overlap, the leftmost and then longest wins
//! ("Spring Boot" over "Spring"); a longest spelling that is not a whole
//! word where it stands is not replaced by a shorter one at the same place
//! ("Spring Bootcamp" names nothing). Spellings
//! that need context are then judged by `context`. Matching is ASCII
//! case-insensitive; the vocabulary holds ASCII spellings only, so byte
//! offsets always fall on character boundaries of the text.

use super::context::{self, ContextRule, Verdict};
use super::trie::SpellingTrie;
use super::{SkillId, SkillMention};

/// One spelling in the trie.
#[derive(Debug)]
pub(super) struct Spelling {
    pub skill: SkillId,
    /// The spelling as written in the vocabulary (for the `case` context).
    pub written: String,
    /// Index into `Matcher::rules` when this spelling needs context.
    pub rule: Option<usize>,
}

#[derive(Debug)]
pub(super) struct Matcher {
    trie: SpellingTrie,
    spellings: Vec<Spelling>,
    rules: Vec<ContextRule>,
}

/// A mention found in the text before its context is judged.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub spelling: usize,
    pub start: usize,
    pub end: usize,
}

/// Top-level domains of the addresses resumes print ("github.com/acme",
/// "gitlab.io/…"), so that "Node.js/TypeScript" is not taken for one.
const WEB_DOMAINS: &[&str] = &[
    "com", "org", "net", "io", "dev", "co", "ai", "app", "me", "edu", "gov", "info", "tech", "xyz",
    "gg", "ly", "us", "uk", "de", "fr", "ca", "in", "br", "eu", "page", "site",
];

/// The end of the web address `at` is in, if it is in one: a
/// space-delimited token with "://", opening with "www.", or a lower-case
/// domain followed by a path ("github.com/acme").
fn url_end(text: &str, at: usize) -> Option<usize> {
    let start = crate::matching::after_last(&text[..at], char::is_whitespace);
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let token = &text[start..end];
    let domain_with_path = token.split_once('/').is_some_and(|(host, _)| {
        let lower_case = host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        lower_case
            && host
                .rsplit_once('.')
                .is_some_and(|(_, tld)| WEB_DOMAINS.contains(&tld))
    });
    // "github:LBreda/bricksetbot": a site's short link, scheme and path.
    let scheme_path = token
        .trim_start_matches(['(', '['])
        .split_once(':')
        .is_some_and(|(scheme, path)| {
            !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_lowercase())
                && path.contains('/')
        });
    let url = token.contains("://") || token.starts_with("www.") || domain_with_path || scheme_path;
    url.then_some(end)
}

impl Matcher {
    /// Build the trie; `spellings[i].written` is spelling i.
    pub fn new(spellings: Vec<Spelling>, rules: Vec<ContextRule>) -> Matcher {
        let trie = SpellingTrie::new(spellings.iter().map(|s| s.written.as_str()));
        Matcher {
            trie,
            spellings,
            rules,
        }
    }

    /// Every spelling of the skills `kept` marks (indexed by skill), with
    /// its skill.
    pub fn spellings_of<'a>(
        &'a self,
        kept: &'a [bool],
    ) -> impl Iterator<Item = (SkillId, &'a str)> {
        self.spellings
            .iter()
            .filter(|s| kept[s.skill.index()])
            .map(|s| (s.skill, s.written.as_str()))
    }

    pub fn find(&self, text: &str) -> Vec<SkillMention> {
        // Spellings start where words start, so the trie is tried at each
        // word start, taking the longest spelling there.
        // (Unanchored, one-letter spellings such as "c" and "r" would match
        // inside nearly every word and each would have to be refused.)
        let bytes = text.as_bytes();
        let mut kept: Vec<Candidate> = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !starts_word(bytes, at) {
                at += 1;
                continue;
            }
            if let Some((spelling, len)) = self.trie.longest_at_start(&bytes[at..]) {
                let c = Candidate {
                    spelling,
                    start: at,
                    end: at + len,
                };
                if let Some(end) = url_end(text, c.start) {
                    // "github.com/acme", "https://gitlab.com/…": a link
                    // names where something is, not a skill used.
                    at = end;
                    continue;
                }
                if self.whole_word(text, &c) {
                    kept.push(c);
                    at = c.end;
                    continue;
                }
            }
            at += 1;
        }
        if kept
            .iter()
            .all(|c| self.spellings[c.spelling].rule.is_none())
        {
            return kept.iter().map(|c| self.mention(c)).collect();
        }
        let verdicts = self.judge(text, &kept);
        kept.iter()
            .zip(verdicts)
            .filter(|(_, v)| *v == Verdict::Accepted)
            .map(|(c, _)| self.mention(c))
            .collect()
    }

    fn mention(&self, c: &Candidate) -> SkillMention {
        SkillMention {
            skill: self.spellings[c.spelling].skill,
            start: c.start,
            end: c.end,
        }
    }

    /// Each kept candidate's verdict: plain spellings are accepted; the
    /// rest by their own context first, then as items of a list whose
    /// neighbours are accepted, until nothing changes.
    fn judge(&self, text: &str, kept: &[Candidate]) -> Vec<Verdict> {
        let mut verdicts: Vec<Verdict> = kept
            .iter()
            .map(|c| match self.spellings[c.spelling].rule {
                None => Verdict::Accepted,
                Some(rule) => self.rules[rule].judge(text, c, &self.spellings[c.spelling].written),
            })
            .collect();
        loop {
            let mut changed = false;
            for i in 0..kept.len() {
                if verdicts[i] != Verdict::IfListed {
                    continue;
                }
                let beside = |j: usize| verdicts[j] == Verdict::Accepted;
                let listed = (i > 0
                    && beside(i - 1)
                    && context::list_gap(&text[kept[i - 1].end..kept[i].start]))
                    || (i + 1 < kept.len()
                        && beside(i + 1)
                        && context::list_gap(&text[kept[i].end..kept[i + 1].start]));
                if listed {
                    verdicts[i] = Verdict::Accepted;
                    changed = true;
                }
            }
            if !changed {
                return verdicts;
            }
        }
    }

    /// Whether the candidate stands as a word of its own.
    fn whole_word(&self, text: &str, c: &Candidate) -> bool {
        let spelling = &self.spellings[c.spelling];
        let written = spelling.written.as_bytes();
        let ambiguous = spelling.rule.is_some();
        let before = text[..c.start].chars().next_back();
        let after = text[c.end..].chars().next();
        if written[0].is_ascii_alphanumeric() {
            if before.is_some_and(|ch| ch.is_alphanumeric() || ch == '_') {
                return false;
            }
            // "Objective-C", "USB-C", "AT&T", "main.go": joined to the
            // word before, a short ambiguous word is part of another name.
            if ambiguous && before.is_some_and(is_joiner) {
                let mut back = text[..c.start].chars().rev().skip(1);
                if back.next().is_some_and(char::is_alphanumeric) {
                    return false;
                }
            }
        }
        let last = written[written.len() - 1];
        if last.is_ascii_alphanumeric() {
            let glued_to_next = match after {
                Some('#' | '+') => true,
                // "Python3", "Vue3": a version glued to a name is allowed.
                Some(ch) if ch.is_alphanumeric() || ch == '_' => {
                    !(last.is_ascii_alphabetic() && glued_version(&text[c.end..]))
                }
                // "C-level", "R&D", "Go.dev": joined to the next word.
                Some(ch) if ambiguous && is_joiner(ch) => text[c.end + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if glued_to_next {
                return false;
            }
        }
        true
    }
}

/// Whether a spelling may start at byte `at`: an ASCII letter or digit
/// after something that is not one (a non-ASCII letter before it is refused
/// later, by `whole_word`), or a "." opening a word (".NET").
fn starts_word(bytes: &[u8], at: usize) -> bool {
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let after_gap = at == 0 || !word_byte(bytes[at - 1]);
    // "ethers.js", "web3.js": the tail of a dotted name is no word of its
    // own (a numbered item, "1.Python", still starts one).
    let dotted_tail = at >= 2
        && bytes[at - 1] == b'.'
        && bytes[..at - 1]
            .iter()
            .rev()
            .take_while(|&&b| word_byte(b))
            .any(u8::is_ascii_alphabetic);
    match bytes[at] {
        b if b.is_ascii_alphanumeric() => after_gap && !dotted_tail,
        b'.' => after_gap && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric),
        _ => false,
    }
}

fn is_joiner(ch: char) -> bool {
    matches!(ch, '-' | '.' | '&' | '\'' | '\u{2019}' | '@')
}

/// Whether `rest` opens with a version number that ends the word: "3",
/// "3.11", "2.x".
fn glued_version(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let len = bytes
        .iter()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'x'))
        .count();
    !rest[len..]
        .chars()
        .next()
        .is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
}
