//! The rubric file as written: serde types that mirror `rubrics/*.toml` one
//! to one, with unknown keys refused (`deny_unknown_fields`).
//!
//! Takes TOML text (through `load`) and gives these raw, unchecked records;
//! values that later checks must point at keep their place in the file
//! (`Spanned`). Nothing here compiles patterns or cross-checks names: that is
//! `load`'s job, so this file stays a plain description of the format.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub use crate::matching::inflect::Inflect;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricFile {
    pub rubric: Meta,
    #[serde(rename = "family")]
    pub families: Vec<Spanned<FamilyDef>>,
    pub sections: SectionWeightsDef,
    pub scoring: ScoringDef,
    pub years: YearsDef,
    #[serde(default, rename = "signal")]
    pub signals: Vec<Spanned<SignalDef>>,
    #[serde(default, rename = "metric")]
    pub metrics: Vec<Spanned<MetricDef>>,
    #[serde(rename = "level")]
    pub levels: Vec<Spanned<LevelDef>>,
    #[serde(default, rename = "flag")]
    pub flags: Vec<Spanned<FlagDef>>,
    #[serde(default, rename = "title")]
    pub titles: Vec<Spanned<TitleDef>>,
    pub model: Spanned<ModelDef>,
    pub claims: ClaimsDef,
    /// How `--job` weighs a resume against a posting; optional, so a
    /// rubric without it still screens (without `--job`).
    #[serde(default)]
    pub job: Option<Spanned<JobDef>>,
}

/// How a resume is matched against a job posting's requirements.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobDef {
    pub work_verbs: Vec<String>,
    #[serde(default)]
    pub tool_labels: Vec<String>,
    #[serde(default)]
    pub teaching_words: Vec<String>,
    #[serde(default)]
    pub aside_words: Vec<String>,
    #[serde(default)]
    pub role_words: Vec<String>,
    pub fit_weights: FitWeightsDef,
    pub listed_credit: f64,
}

/// The parts of `job_fit`, as points out of their sum.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitWeightsDef {
    pub required: f64,
    pub nice: f64,
    pub level: f64,
    pub years: f64,
}

/// The level model: a weighted sum of named features against four
/// thresholds, fitted by `levelscan calibrate --fit`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelDef {
    #[serde(default)]
    pub fitted_on: String,
    #[serde(default)]
    pub cross_validated: String,
    pub features: Vec<Spanned<String>>,
    pub weights: Spanned<Vec<f64>>,
    pub thresholds: Spanned<Vec<f64>>,
    pub untitled: f64,
    pub management: f64,
}

/// When a claimed level is judged against the evidence.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimsDef {
    pub overclaimed_probability: f64,
    pub underclaimed_probability: f64,
    pub min_evidence: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    pub version: u32,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyDef {
    pub id: String,
    pub weight: f64,
    pub cap: f64,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionWeightsDef {
    pub header: f64,
    pub summary: f64,
    pub experience: f64,
    pub projects: f64,
    pub skills: f64,
    pub education: f64,
    pub other: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    pub achievement_signals: Vec<Spanned<String>>,
    pub bare_mention_factor: f64,
    pub list_line_factor: f64,
    pub other_career_factor: f64,
    pub list_min_items: usize,
    pub tool_stuffing_min_items: usize,
    pub min_item_weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearsDef {
    pub engineering_titles: Vec<String>,
    pub student_titles: Vec<String>,
    pub other_titles: Vec<String>,
    /// Optional: a rubric written before it existed has none.
    #[serde(default)]
    pub undecided_titles: Vec<String>,
    /// Optional, as `undecided_titles`.
    #[serde(default)]
    pub not_jobs: Vec<String>,
    pub engineering_work: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    #[default]
    Any,
    Achievement,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default, rename = "match")]
    pub matches: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalDef {
    pub id: String,
    pub family: Spanned<String>,
    pub weight: f64,
    pub max_hits: usize,
    #[serde(default)]
    pub context: Context,
    #[serde(default)]
    pub scope: Option<Scope>,
    #[serde(default)]
    pub leadership: bool,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub inflect: Inflect,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub describe: String,
    /// What an interviewer asks to verify an item of this signal; `{quote}`
    /// is the resume's own words (checked by `load`).
    #[serde(default)]
    pub questions: Vec<Spanned<String>>,
    pub examples: Examples,
}

/// How far beyond the writer's own team a signal reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    CrossTeam,
    Org,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Rate,
    Latency,
    Money,
    Count,
    Percent,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierDef {
    pub at_least: f64,
    pub weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    pub id: String,
    pub family: Spanned<String>,
    pub measure: Measure,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub implied_per_second: Vec<String>,
    #[serde(default)]
    pub unit_factors: BTreeMap<String, f64>,
    #[serde(default)]
    pub context: Vec<String>,
    pub weight: f64,
    #[serde(default)]
    pub tiers: Option<Spanned<Vec<TierDef>>>,
    #[serde(default)]
    pub improvement_weight: f64,
    pub max_hits: usize,
    #[serde(default)]
    pub describe: String,
    /// What an interviewer asks to verify a number of this kind.
    #[serde(default)]
    pub questions: Vec<Spanned<String>>,
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    pub id: Spanned<String>,
    #[serde(default, rename = "expect")]
    pub expects: Vec<Spanned<ExpectDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectDef {
    pub need: String,
    #[serde(default)]
    pub signals: Vec<Spanned<String>>,
    #[serde(default)]
    pub families: Vec<Spanned<String>>,
    #[serde(default = "one")]
    pub min_count: usize,
    #[serde(default)]
    pub min_weight: f64,
    /// What an interviewer asks when the expectation is not met; `{level}`
    /// is the level being checked.
    #[serde(default)]
    pub questions: Vec<Spanned<String>>,
}

fn one() -> usize {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FlagWhen {
    #[default]
    Always,
    NoMetricInSentence,
    AssessedAtMostMid,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagDef {
    pub id: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub inflect: Inflect,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub sections: Vec<Spanned<String>>,
    #[serde(default)]
    pub when: FlagWhen,
    #[serde(default)]
    pub unless_family: Option<Spanned<String>>,
    #[serde(default)]
    pub describe: String,
    /// What an interviewer asks about the sentence that raised the flag.
    #[serde(default)]
    pub questions: Vec<Spanned<String>>,
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleDef {
    pub claim: String,
    #[serde(default)]
    pub report: Option<String>,
    pub words: Vec<String>,
    /// Words that, beside one of `words`, mean the title is not this
    /// claim (a bank's "Vice President, Software Engineer" is an IC).
    #[serde(default)]
    pub unless: Vec<String>,
    pub level: Spanned<String>,
    pub accepts: Vec<Spanned<String>>,
}
