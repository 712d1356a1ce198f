//! Job fit: one resume against one job posting's requirements (`--job`).
//!
//! Takes the resume's sentences (as `detect` quotes them), its roles, its
//! assessed level and years, and the posting's requirements resolved
//! against the skill vocabulary; gives, for every requirement, how deep the
//! resume shows it — `shown` (named in a sentence of work the person did,
//! quoted with its place and the year of its role), `listed` (named only in
//! a skills list, a summary, a job title or a "Tech:" line) or `absent` —
//! and a `job_fit` from 0 to 100 a recruiter can read. Pure and
//! deterministic like every stage after extraction: the vocabulary and the
//! rubric's `[job]` table decide, never the file's name or the clock.
//!
//! Stuffing a skills list with a posting's words earns `listed`, never
//! `shown`: only a sentence with a work verb in the Experience or Projects
//! section shows a skill, and a sentence that is mostly a list of tools
//! does not.

mod depth;
mod mention;
mod score;

use serde::{Deserialize, Serialize};

use crate::detect::sentences::Sentence;
use crate::document::Document;
use crate::rubric::{JobRules, Level};
use crate::segment::Segmented;
use crate::skills::{SkillId, SpellingFilter, Vocabulary};

pub use depth::Depth;
pub use score::LevelFit;

/// Whether the posting requires a skill or would like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Required,
    Nice,
}

/// A posting's requirements by canonical skill name: what a screen's
/// parent read from the posting (and `--must`/`--nice`), handed to every
/// worker as is, so that every resume is matched against the same reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSpec {
    pub file: String,
    pub level: Option<Level>,
    pub years_min: Option<f64>,
    /// Each requirement is met by any one of its skills.
    pub required: Vec<Vec<String>>,
    pub nice: Vec<Vec<String>>,
}

/// A [`JobSpec`] with its names resolved against a vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedJob {
    /// The posting's file (or `--must/--nice`), as reports name it.
    pub posting: String,
    pub level: Option<Level>,
    pub years_min: Option<f64>,
    pub requirements: Vec<ResolvedRequirement>,
    /// Passes the texts that may name a skill meeting a requirement (the
    /// skill itself, or one that implies it): the rest are not searched.
    /// It also tells which skills those are (`keeps`).
    pub filter: SpellingFilter,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedRequirement {
    pub importance: Importance,
    /// The requirement as reported: "Go", or "one of Ruby, PHP, Python".
    pub label: String,
    pub any_of: Vec<SkillId>,
}

impl JobSpec {
    /// Resolve every name; a name the vocabulary does not know is an error
    /// naming it (the parent and the workers must read the same skills).
    pub fn resolve(&self, vocab: &Vocabulary) -> Result<ResolvedJob, String> {
        let mut requirements = Vec::new();
        for (importance, list) in [
            (Importance::Required, &self.required),
            (Importance::Nice, &self.nice),
        ] {
            for names in list {
                let any_of = names
                    .iter()
                    .map(|name| {
                        vocab
                            .canonical(name)
                            .ok_or_else(|| format!("{}: unknown skill {name:?}", self.file))
                    })
                    .collect::<Result<Vec<SkillId>, String>>()?;
                if any_of.is_empty() {
                    continue;
                }
                requirements.push(ResolvedRequirement {
                    importance,
                    label: requirement_label(&any_of, vocab),
                    any_of,
                });
            }
        }
        let filter = vocab.filter(|skill| {
            requirements_met_by(&requirements, skill, vocab)
                .next()
                .is_some()
        });
        Ok(ResolvedJob {
            posting: self.file.clone(),
            level: self.level,
            years_min: self.years_min,
            requirements,
            filter,
        })
    }
}

/// The requirements a mention of `skill` meets, by index, each with the
/// skill that meets it: the skill itself asked for, or a family it is
/// work in (a Spring Boot service is Java work).
pub fn requirements_met_by<'r>(
    requirements: &'r [ResolvedRequirement],
    skill: SkillId,
    vocab: &'r Vocabulary,
) -> impl Iterator<Item = (usize, SkillId)> + 'r {
    std::iter::once(skill)
        .chain(vocab.implies(skill).iter().copied())
        .flat_map(move |family| {
            requirements
                .iter()
                .enumerate()
                .filter(move |(_, r)| r.any_of.contains(&family))
                .map(move |(i, _)| (i, family))
        })
}

/// "Go", or "one of Ruby, PHP, Python".
pub fn requirement_label(any_of: &[SkillId], vocab: &Vocabulary) -> String {
    let names: Vec<&str> = any_of.iter().map(|&id| vocab.name(id)).collect();
    if names.len() == 1 {
        names[0].to_string()
    } else {
        format!("one of {}", names.join(", "))
    }
}

/// One requirement's verdict for one resume. What an absent requirement
/// lacks (the skill, its place, its quote) is left out of the JSON rather
/// than written as null: every record crosses from a worker to the
/// parent and back from disk, so a ranking of many requirements pays for
/// each byte several times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementVerdict {
    pub requirement: String,
    pub importance: Importance,
    pub depth: Depth,
    /// What it earns toward `job_fit`: 1 shown, the rubric's listed
    /// credit, 0 absent.
    #[serde(default)]
    pub credit: f64,
    /// The skill that met it (one of a "one of" requirement's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// The latest year of a dated role it was shown in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The sentence or list line that names it, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A resume against a posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobFit {
    /// The posting matched against (its file, or `--must/--nice`).
    #[serde(default)]
    pub posting: String,
    /// 0–100: see [`score::job_fit`].
    pub job_fit: f64,
    /// The assessed level against the posting's; none when the posting
    /// names no level.
    pub level_fit: Option<LevelFit>,
    /// The posting's requirements in its order, required first.
    pub requirements: Vec<RequirementVerdict>,
}

impl JobFit {
    /// The requirements of one importance at one depth, by label.
    pub fn labels(&self, importance: Importance, depth: Depth) -> Vec<&str> {
        self.requirements
            .iter()
            .filter(|r| r.importance == importance && r.depth == depth)
            .map(|r| r.requirement.as_str())
            .collect()
    }
}

/// What a resume is matched against: the posting, the skills, and the
/// rubric's `[job]` table.
#[derive(Debug, Clone, Copy)]
pub struct JobContext<'a> {
    pub job: &'a ResolvedJob,
    pub vocab: &'a Vocabulary,
    pub rules: &'a JobRules,
}

/// Match one resume against a posting. `level` and `years` are the
/// assessment's IC level and engineering years.
pub fn match_job(
    doc: &Document,
    seg: &Segmented,
    sentences: &[Sentence],
    level: Level,
    years: f64,
    ctx: &JobContext,
) -> JobFit {
    let job = ctx.job;
    let requirements = depth::verdicts(doc, seg, sentences, ctx);
    let level_fit = job.level.map(|wanted| LevelFit::of(level, wanted));
    let job_fit = score::job_fit(
        &requirements,
        job.level.map(|wanted| (level, wanted)),
        years,
        job.years_min,
        ctx.rules,
    );
    JobFit {
        posting: job.posting.clone(),
        job_fit,
        level_fit,
        requirements,
    }
}
