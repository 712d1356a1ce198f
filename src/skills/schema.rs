//! The vocabulary file as written: serde types that mirror
//! `rubrics/skills.toml` key for key, with their places in the file
//! (`Spanned`) so that a problem can be reported on its line. Nothing here
//! checks names or builds the matcher: that is `load`.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillsFile {
    pub vocabulary: Header,
    #[serde(rename = "skill", default)]
    pub skills: Vec<Spanned<SkillDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub name: String,
    pub version: u32,
    /// For the people who edit the file; not used by the program.
    #[serde(default)]
    #[allow(dead_code)]
    pub description: Option<String>,
    /// Words on each side of a mention that `near` and `not_near` look at.
    #[serde(default = "default_window")]
    pub window: usize,
    /// Capitalised words that sit beside a skill in a job title or heading
    /// ("Senior Ruby Engineer"), so that beside one of them a skill that is
    /// `also_a_name` is still the skill.
    #[serde(default)]
    pub title_words: Vec<String>,
}

fn default_window() -> usize {
    4
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillDef {
    pub name: Spanned<String>,
    pub category: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub implies: Vec<Spanned<String>>,
    /// Spellings (the name or aliases) that count only in context.
    #[serde(default)]
    pub needs_context: Vec<Spanned<String>>,
    /// The kinds of context that make such a spelling count.
    #[serde(default)]
    pub context: Vec<ContextKind>,
    /// Words or phrases that, within the window, say it is the technology.
    #[serde(default)]
    pub near: Vec<Spanned<String>>,
    /// Words or phrases that, within the window, say it is not.
    #[serde(default)]
    pub not_near: Vec<Spanned<String>>,
    /// The spelling is also a person's name ("Ruby", "Jenkins",
    /// "Cassandra"): beside another Capitalised word that is not a title
    /// word ("Cassandra Smith", "Mary Jenkins") it is a name, never a skill.
    #[serde(default)]
    pub also_a_name: bool,
    /// The skill names a kind of tool ("NoSQL", "CI/CD", "Containers"):
    /// a posting's examples of its own kind ("NoSQL databases (Cassandra,
    /// MongoDB)") are one choice with it.
    #[serde(default)]
    pub kind: bool,
    #[serde(default)]
    pub examples: Examples,
}

/// The kinds of context that make an ambiguous spelling count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    /// An item in a list of other skills ("Python, Go, Rust").
    List,
    /// One of the skill's `near` words within the window.
    Near,
    /// Followed by a version number ("Go 1.22", "C99").
    Version,
    /// Spelt exactly as in `needs_context` (capitalised), inside a
    /// sentence of ordinary words: not its first word, not in a run of
    /// Capitalised Title Words.
    Case,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(rename = "match", default)]
    pub matches: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}
