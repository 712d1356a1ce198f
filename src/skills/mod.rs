//! The skill vocabulary: which technologies a text names, however it spells
//! them.
//!
//! Takes the vocabulary (`rubrics/skills.toml`, compiled in, or a file the
//! recruiter gives) and any text; gives every skill mention in it, left to
//! right, as a canonical [`SkillId`] with its byte range. Aliases and
//! spellings ("k8s", "Postgres", "golang") name one skill; version numbers
//! ("Java 21", "Python3") are ignored; a short word that is also ordinary
//! English ("Go", "C", "Swift") counts only where its context says it is the
//! technology. `find` runs on every sentence of every resume of a batch, so
//! the vocabulary builds one trie of its spellings when it is loaded and never compiles
//! anything per call. Nothing here reads a name, a school or any other trait
//! of a person: the vocabulary holds technologies only.

mod context;
pub mod examples;
mod filter;
mod load;
mod matcher;
mod schema;
mod trie;

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub use filter::SpellingFilter;
pub use load::SkillsError;

use matcher::Matcher;

/// The vocabulary's text, as shipped.
pub const DEFAULT_SKILLS: &str = include_str!("../../rubrics/skills.toml");
/// The name the built-in vocabulary is reported under in messages.
pub const DEFAULT_SKILLS_NAME: &str = "rubrics/skills.toml";

/// One skill of a vocabulary: an index into it, cheap to copy and compare.
/// Ids are only meaningful with the vocabulary that gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillId(u16);

impl SkillId {
    /// The skill's position in the vocabulary file (0-based).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// One place a text names a skill: `text[start..end]` is the words as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillMention {
    pub skill: SkillId,
    pub start: usize,
    pub end: usize,
}

/// A loaded, checked vocabulary with its matcher.
#[derive(Debug)]
pub struct Vocabulary {
    /// `[vocabulary] name` and `version`, to trace results to a vocabulary.
    pub name: String,
    pub version: u32,
    skills: Vec<Skill>,
    /// Every spelling, normalised by [`normalise`], to its skill.
    by_spelling: FxHashMap<String, SkillId>,
    matcher: Matcher,
}

/// One skill as loaded.
#[derive(Debug)]
struct Skill {
    name: String,
    category: String,
    /// Every skill this one is work in, transitively, without itself.
    implies: Vec<SkillId>,
    /// Names a kind of tool whose examples stand in for it.
    kind: bool,
}

impl Vocabulary {
    /// The vocabulary compiled into the binary (`rubrics/skills.toml`),
    /// loaded and checked once per process.
    pub fn builtin() -> &'static Vocabulary {
        static BUILTIN: OnceLock<Vocabulary> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The shipped file and its examples are checked by this crate's
            // tests, so failing here is a build defect, not bad input.
            load::load(DEFAULT_SKILLS, DEFAULT_SKILLS_NAME, load::Examples::Trust)
                .unwrap_or_else(|e| panic!("the built-in skill vocabulary is invalid: {e}"))
        })
    }

    /// Read and load a vocabulary file strictly (see [`Vocabulary::from_toml`]).
    pub fn load(path: &Path) -> Result<Vocabulary, SkillsError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SkillsError::Read {
            file: file.clone(),
            message: e.to_string(),
        })?;
        Vocabulary::from_toml(&text, &file)
    }

    /// Load a vocabulary from TOML text; `origin` names it in messages.
    /// Strict: unknown keys, duplicate names, an alias claimed by two
    /// skills, an unmatchable spelling, an `implies` naming no skill or an
    /// example that does not hold is refused with the line it is on.
    pub fn from_toml(text: &str, origin: &str) -> Result<Vocabulary, SkillsError> {
        load::load(text, origin, load::Examples::Check)
    }

    /// The skill a name or alias stands for: case-insensitive, a trailing
    /// version ignored ("Spring Boot 3.4", "python3", "Vue.js 3").
    pub fn canonical(&self, name_or_alias: &str) -> Option<SkillId> {
        let wanted = normalise(name_or_alias);
        if let Some(&id) = self.by_spelling.get(&wanted) {
            return Some(id);
        }
        let unversioned = strip_version(&wanted);
        (unversioned.len() < wanted.len())
            .then(|| self.by_spelling.get(unversioned).copied())
            .flatten()
    }

    /// The skill's canonical name.
    pub fn name(&self, id: SkillId) -> &str {
        &self.skills[id.index()].name
    }

    /// The skill's category (`language`, `backend`, `data`, ...).
    pub fn category(&self, id: SkillId) -> &str {
        &self.skills[id.index()].category
    }

    /// Whether the skill names a kind of tool ("NoSQL", "CI/CD"), so that a
    /// list of skills that are work in it gives examples of it.
    pub fn is_kind(&self, id: SkillId) -> bool {
        self.skills[id.index()].kind
    }

    /// Whether `example` is a tool of the kind `kind` names: "Cassandra"
    /// of "NoSQL", "Jenkins" of "CI/CD".
    pub fn is_example_of(&self, example: SkillId, kind: SkillId) -> bool {
        self.is_kind(kind) && self.implies(example).contains(&kind)
    }

    /// The families this skill is work in, transitively: Spring Boot gives
    /// Spring and Java; Next.js gives React, JavaScript.
    pub fn implies(&self, id: SkillId) -> &[SkillId] {
        &self.skills[id.index()].implies
    }

    /// How many skills the vocabulary holds.
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// Every skill id, in file order.
    pub fn ids(&self) -> impl Iterator<Item = SkillId> + '_ {
        (0..self.skills.len()).map(|i| SkillId(i as u16))
    }

    /// Every mention of a skill in `text`, left to right, non-overlapping;
    /// where spellings overlap the longest wins ("Spring Boot" over
    /// "Spring", "Objective-C" over "C"), and a spelling that needs context
    /// counts only where its context rules accept it.
    pub fn find(&self, text: &str) -> Vec<SkillMention> {
        self.matcher.find(text)
    }

    /// A quick test for texts that may name one of the skills `keep`
    /// accepts, to skip [`Vocabulary::find`] on the rest (see `filter`).
    pub fn filter(&self, keep: impl Fn(SkillId) -> bool) -> SpellingFilter {
        let kept: Vec<bool> = self.ids().map(keep).collect();
        SpellingFilter::new(kept.clone(), self.matcher.spellings_of(&kept))
    }

    /// The distinct skills `text` names, in order of first mention.
    pub fn skills_in(&self, text: &str) -> Vec<SkillId> {
        let mut seen = Vec::new();
        for m in self.find(text) {
            if !seen.contains(&m.skill) {
                seen.push(m.skill);
            }
        }
        seen
    }
}

/// A spelling as looked up: lower case, inner whitespace collapsed, trimmed.
fn normalise(spelling: &str) -> String {
    // One string built in place: loading calls this for every spelling and
    // phrase of the vocabulary, in every process of a screen.
    let mut out = String::with_capacity(spelling.len());
    for word in spelling.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// A normalised spelling without a trailing version: "java 21" → "java",
/// "python3" → "python", "spring boot 3.4.x" → "spring boot", "vue.js v3" →
/// "vue.js". A spelling that is only a number is left alone.
fn strip_version(spelling: &str) -> &str {
    let bytes = spelling.as_bytes();
    let mut end = bytes.len();
    while end > 0 && (bytes[end - 1].is_ascii_digit() || matches!(bytes[end - 1], b'.' | b'x')) {
        end -= 1;
    }
    if end == bytes.len() || !bytes[end..].iter().any(u8::is_ascii_digit) {
        return spelling;
    }
    let mut stem = spelling[..end].trim_end();
    if let Some(s) = stem
        .strip_suffix(" v")
        .or_else(|| stem.strip_suffix('v').filter(|s| s.ends_with(' ')))
    {
        stem = s.trim_end();
    }
    if stem.is_empty() { spelling } else { stem }
}

#[cfg(test)]
mod tests;
