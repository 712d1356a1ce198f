//! The rubric: what counts as evidence of seniority, and how much.
//!
//! Takes a TOML rubric (the default `rubrics/backend.toml` is compiled into
//! the binary) and gives a checked, compiled [`Rubric`]: families, signals
//! with their regexes built once, metric readers, section weights, level
//! thresholds with gates, anti-signal flags and the title → claimed-level
//! map. Loading is strict (see `load`); after loading nothing here does I/O
//! or can fail, so the later stages are pure functions of text and rubric.

pub mod examples;
pub mod load;
pub mod questions;
pub mod schema;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::matching::rule_regex::RuleRegex;

use crate::matching::ascii_bounds::AsciiBounds;
use crate::matching::metric_words::{ContextWords, MetricWords};
use crate::matching::prefilter::Prefilter;
use serde::Serialize;

pub use load::{RubricError, load_default, load_default_deferred, load_file, load_str};
pub use questions::Question;
pub use schema::{Context, FlagWhen, Measure, Scope};

/// The default rubric's text, as shipped.
pub const DEFAULT_RUBRIC: &str = include_str!("../../rubrics/backend.toml");
/// The name the default rubric is reported under in messages.
pub const DEFAULT_RUBRIC_NAME: &str = "rubrics/backend.toml";

/// The five levels, lowest first. Their names are part of the output
/// contract, so they are fixed here rather than in the rubric.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Entry,
    Mid,
    Senior,
    Staff,
    Principal,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Entry,
        Level::Mid,
        Level::Senior,
        Level::Staff,
        Level::Principal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Level::Entry => "entry",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Staff => "staff",
            Level::Principal => "principal",
        }
    }

    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == name)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Level> {
        Level::ALL.get(self.index() + 1).copied()
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The parts of a resume, as segmentation finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Everything above the first heading: name, contact, headline.
    Header,
    Summary,
    Experience,
    Projects,
    Skills,
    Education,
    Other,
}

impl SectionKind {
    pub const ALL: [SectionKind; 7] = [
        SectionKind::Header,
        SectionKind::Summary,
        SectionKind::Experience,
        SectionKind::Projects,
        SectionKind::Skills,
        SectionKind::Education,
        SectionKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Header => "header",
            SectionKind::Summary => "summary",
            SectionKind::Experience => "experience",
            SectionKind::Projects => "projects",
            SectionKind::Skills => "skills",
            SectionKind::Education => "education",
            SectionKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A signal family (ownership, scale, patterns, judgment in the default).
#[derive(Debug, Clone)]
pub struct Family {
    pub id: String,
    /// Multiplies the family's capped score in the total.
    pub weight: f64,
    /// The most the family can contribute before its weight, so volume in
    /// one family cannot stand in for the others.
    pub cap: f64,
    pub description: String,
}

/// Phrases or patterns that feed one family.
#[derive(Debug, Clone)]
pub struct Signal {
    pub id: String,
    /// Index into [`Rubric::families`].
    pub family: usize,
    pub weight: f64,
    /// Only the strongest `max_hits` items of this signal count.
    pub max_hits: usize,
    pub context: Context,
    /// How far beyond the writer's team the signal reaches (the model's
    /// `scope` feature reads the widest one found).
    pub scope: Option<Scope>,
    /// Leading or growing people (the model's `leadership` feature counts
    /// these items).
    pub leadership: bool,
    pub regex: RuleRegex,
    /// The regex with ASCII word boundaries, where that finds the same.
    pub bounds: AsciiBounds,
    pub describe: String,
    /// Probe questions for an item of this signal (see [`Question`]).
    pub questions: Vec<Question>,
    pub examples_match: Vec<String>,
    pub examples_no_match: Vec<String>,
}

/// A magnitude tier: values at or above `at_least` earn `weight`.
#[derive(Debug, Clone, Copy)]
pub struct Tier {
    pub at_least: f64,
    pub weight: f64,
}

/// A reader of numbers with units (throughput, latency, money, counts).
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: String,
    pub family: usize,
    pub measure: Measure,
    /// Lower-case unit words (nouns such as "regions", or "rps").
    pub units: Vec<String>,
    /// Units that mean "per second" on their own (rps, qps).
    pub implied_per_second: Vec<String>,
    /// Multipliers applied to a value by unit (e.g. tb = 1, pb = 1000).
    pub unit_factors: BTreeMap<String, f64>,
    /// Words one of which must appear in the sentence (lower case).
    pub context: Vec<String>,
    pub weight: f64,
    /// Ascending by `at_least`.
    pub tiers: Vec<Tier>,
    pub improvement_weight: f64,
    pub max_hits: usize,
    pub describe: String,
    /// Probe questions for a number of this kind (see [`Question`]).
    pub questions: Vec<Question>,
    pub examples_match: Vec<String>,
    pub examples_no_match: Vec<String>,
    /// The context words and units, compiled for fast look-ups.
    pub words: MetricWords,
}

impl Metric {
    /// The weight a normalised value earns: the highest tier it reaches, or
    /// the base weight when the metric has no tiers. Below the first tier a
    /// value earns nothing: "3 requests per second" is not scale.
    pub fn weight_for(&self, value: f64) -> f64 {
        if self.tiers.is_empty() {
            return self.weight;
        }
        self.tiers
            .iter()
            .rev()
            .find(|t| value >= t.at_least)
            .map_or(0.0, |t| t.weight)
    }
}

/// Evidence a level typically shows. Not a gate: the model decides the
/// level; these say what the next level up would show and was not found.
#[derive(Debug, Clone)]
pub struct Expectation {
    /// What is needed, in words a candidate would understand.
    pub need: String,
    /// Indices into [`Rubric::signals`] or [`Rubric::metrics`] by id.
    pub signals: Vec<String>,
    pub families: Vec<usize>,
    pub min_count: usize,
    pub min_weight: f64,
    /// What to ask when the expectation is not met (see [`Question`]).
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone)]
pub struct LevelRule {
    pub level: Level,
    pub expects: Vec<Expectation>,
}

/// One input of the level model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// ln(1 + the family's capped evidence); index into [`Rubric::families`].
    Family(usize),
    /// The widest reach found: 0 the writer's team, 1 across teams, 2 the
    /// organisation.
    Scope,
    /// ln(1 + items of leadership signals).
    Leadership,
    /// ln(1 + professional engineering years).
    Years,
    /// The level the title claims (entry 0 … principal 4).
    Title,
}

impl Feature {
    pub const BUILT_IN: [(&'static str, Feature); 4] = [
        ("scope", Feature::Scope),
        ("leadership", Feature::Leadership),
        ("years", Feature::Years),
        ("title", Feature::Title),
    ];
}

/// The level model: score = Σ weight × feature; the level is the most
/// probable one under an ordered logistic model with these thresholds.
#[derive(Debug, Clone)]
pub struct Model {
    /// What it was fitted on, as the rubric says.
    pub fitted_on: String,
    /// Its cross-validated accuracy there, as the fit wrote it.
    pub cross_validated: String,
    /// Feature names as written, with what they read.
    pub features: Vec<(String, Feature)>,
    pub weights: Vec<f64>,
    /// Four ascending boundaries: mid, senior, staff, principal.
    pub thresholds: Vec<f64>,
    /// The `title` feature when no title is found.
    pub untitled: f64,
    /// The `title` feature for a management title.
    pub management: f64,
}

/// When a claim is judged: how sure the model must be that the level is
/// below (or above) what the title claims, and how much evidence a
/// resume needs before its claim is judged at all.
#[derive(Debug, Clone)]
pub struct ClaimRules {
    pub overclaimed_probability: f64,
    pub underclaimed_probability: f64,
    pub min_evidence: usize,
}

/// How a resume is matched against a job posting (`--job`).
#[derive(Debug, Clone)]
pub struct JobRules {
    /// Every form of the verbs that make a sentence work the person did
    /// ("built", "owns", "migrating"), lowercase.
    pub work_verbs: BTreeSet<String>,
    /// Words that end a label before a list of tools ("Technologies
    /// used:", "Stack:"), lowercase: the skills after its colon are listed.
    pub tool_labels: BTreeSet<String>,
    /// Words that make what follows them a course, a class or a workshop
    /// taught or taken ("training courses on … Python"), lowercase: a
    /// skill so named is listed, not work shown.
    pub teaching_words: BTreeSet<String>,
    /// Two-word teaching phrases ("training sessions"), lowercase: the
    /// second word alone would name other things ("user sessions").
    pub teaching_phrases: Vec<(String, String)>,
    /// Words that set the skill named soon after them aside from the
    /// person's work ("future migration to Postgres", "advocated for …
    /// testing", "decommissioning a Python monolith"), lowercase.
    pub aside_words: Vec<String>,
    /// Words that end a role's title ("analyst", "developer"), lowercase:
    /// "started as a data quality analyst" names a title, not work.
    pub role_words: Vec<String>,
    /// Points of `job_fit` for required skills, nice-to-haves, level and
    /// years; they sum to 100.
    pub weights: FitWeights,
    /// What a requirement only listed earns, against 1 for shown.
    pub listed_credit: f64,
}

/// The parts of `job_fit`, as points out of 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitWeights {
    pub required: f64,
    pub nice: f64,
    pub level: f64,
    pub years: f64,
}

#[derive(Debug, Clone)]
pub struct FlagRule {
    pub id: String,
    pub regex: RuleRegex,
    /// The regex with ASCII word boundaries, where that finds the same.
    pub bounds: AsciiBounds,
    /// Empty means every section.
    pub sections: Vec<SectionKind>,
    pub when: FlagWhen,
    /// The flag is dropped when this family has evidence from an
    /// achievement sentence (umbrella words with a real pattern behind them).
    pub unless_family: Option<usize>,
    pub describe: String,
    /// Probe questions about the sentence that raised it (see [`Question`]).
    pub questions: Vec<Question>,
    pub examples_match: Vec<String>,
    pub examples_no_match: Vec<String>,
}

/// The level a title claims, or `None` for management titles.
#[derive(Debug, Clone)]
pub struct TitleRule {
    /// The claim as reported, e.g. `senior`, `management`.
    pub claim: String,
    /// What `claimed_level` reports: the level's name unless the rubric
    /// says otherwise (e.g. `intern`).
    pub report: String,
    pub regex: RuleRegex,
    /// Words that overrule `regex` when they are in the title too.
    pub unless: Option<RuleRegex>,
    pub level: Option<Level>,
    /// The assessed levels that count as consistent with this claim.
    pub accepts: Vec<Level>,
}

impl TitleRule {
    /// Whether a title makes this claim.
    pub fn claims(&self, title: &str) -> bool {
        self.regex.is_match(title) && !self.unless.as_ref().is_some_and(|u| u.is_match(title))
    }
}

#[derive(Debug, Clone)]
pub struct SectionWeights {
    pub by_kind: BTreeMap<SectionKind, f64>,
}

impl SectionWeights {
    pub fn get(&self, kind: SectionKind) -> f64 {
        self.by_kind.get(&kind).copied().unwrap_or(1.0)
    }
}

#[derive(Debug, Clone)]
pub struct Scoring {
    /// Signals that make a sentence an achievement (with a metric, too).
    pub achievement_signals: Vec<String>,
    pub bare_mention_factor: f64,
    pub list_line_factor: f64,
    /// Multiplies items under a role outside engineering.
    pub other_career_factor: f64,
    pub list_min_items: usize,
    pub tool_stuffing_min_items: usize,
    /// Items weighing less than this after all factors are not evidence
    /// (a pattern named only in a skills list).
    pub min_item_weight: f64,
}

#[derive(Debug, Clone)]
pub struct YearsRule {
    pub engineering_titles: RuleRegex,
    /// Internships, co-ops, student and teaching jobs: shown apart, never
    /// professional years.
    pub student_titles: RuleRegex,
    /// Careers outside engineering. A role whose title matches none of the
    /// three lists (or has no title) counts as engineering.
    pub other_titles: RuleRegex,
    /// Titles that say who ran the work, not what it was ("Founder and
    /// Manager"): checked before `other_titles`, they leave the kind to the
    /// role's own lines, as an untitled role's.
    pub undecided_titles: RuleRegex,
    /// Dated entries that are not jobs even with a title in them
    /// ("Personal Projects", "AWS Certified Developer", "… Nanodegree"):
    /// their months are no one's years.
    pub not_jobs: RuleRegex,
    /// Words that describe engineering work: an untitled role whose own
    /// lines hold one counts as engineering.
    pub engineering_work: RuleRegex,
}

/// A loaded, checked rubric.
#[derive(Debug, Clone)]
pub struct Rubric {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub families: Vec<Family>,
    pub sections: SectionWeights,
    pub scoring: Scoring,
    pub years: YearsRule,
    pub signals: Vec<Signal>,
    pub metrics: Vec<Metric>,
    /// Every metric's context words, found in one pass over a sentence.
    pub metric_contexts: ContextWords,
    /// One per level, entry first.
    pub levels: Vec<LevelRule>,
    pub flags: Vec<FlagRule>,
    pub titles: Vec<TitleRule>,
    pub model: Model,
    pub claims: ClaimRules,
    /// How `--job` matches a resume to a posting; none when the rubric has
    /// no `[job]` table.
    pub job: Option<JobRules>,
    /// Which signals and flags could match a sentence, before their
    /// regexes run: every signal, then every flag, so one pass over a
    /// sentence answers for both. Read through [`Rubric::candidates`],
    /// which builds it on first use: working out each rule's words is a
    /// sixth of loading a rubric, and the parent of a screen, which loads
    /// one without assessing, never needs them.
    prefilter: OnceLock<Prefilter>,
}

/// Which of a rubric's signals and flags may match one sentence; a `false`
/// is certain.
pub struct Candidates {
    may: Vec<bool>,
    signals: usize,
}

impl Candidates {
    pub fn signal(&self, index: usize) -> bool {
        self.may[index]
    }

    pub fn flag(&self, index: usize) -> bool {
        self.may[self.signals + index]
    }
}

impl Rubric {
    /// Which signals and flags may match `text`.
    pub fn candidates(&self, text: &str) -> Candidates {
        let prefilter = self.prefilter.get_or_init(|| {
            Prefilter::new(
                self.signals
                    .iter()
                    .map(|s| &s.regex)
                    .chain(self.flags.iter().map(|f| &f.regex)),
            )
        });
        Candidates {
            may: prefilter.candidates(text),
            signals: self.signals.len(),
        }
    }

    /// (flag id, the sentence that explains it), in rubric order: what
    /// reports show beside a raised flag.
    pub fn flag_descriptions(&self) -> Vec<(String, String)> {
        self.flags
            .iter()
            .map(|f| (f.id.clone(), f.describe.clone()))
            .collect()
    }

    pub fn family_index(&self, id: &str) -> Option<usize> {
        self.families.iter().position(|f| f.id == id)
    }

    pub fn level_rule(&self, level: Level) -> &LevelRule {
        &self.levels[level.index()]
    }
}
