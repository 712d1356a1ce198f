//! The job posting `screen --job` and `explain --job` match resumes
//! against: the skill vocabulary loaded, the posting read (with `--must`
//! and `--nice` in place of its lists), and that reading handed to every
//! worker as a [`JobSpec`] — so a posting that cannot be read stops the run
//! before anything is written (exit 2), and every resume is matched
//! against the same reading.

use std::path::Path;

use levelscan::extract::Limits;
use levelscan::job::{Requirement, parse_requirement_list, read_job};
use levelscan::jobfit::{JobSpec, ResolvedJob};
use levelscan::rubric::{JobRules, Rubric};
use levelscan::skills::Vocabulary;

use super::CommandError;
use crate::cli::JobArgs;

/// The skill vocabulary of a run: the built-in one, or a file's.
pub enum Skills {
    Builtin,
    File(Vocabulary),
}

impl Skills {
    pub fn load(path: Option<&Path>) -> Result<Skills, CommandError> {
        match path {
            None => Ok(Skills::Builtin),
            Some(path) => Vocabulary::load(path)
                .map(Skills::File)
                .map_err(|e| CommandError::Usage(e.to_string())),
        }
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        match self {
            Skills::Builtin => Vocabulary::builtin(),
            Skills::File(v) => v,
        }
    }
}

/// What the run was asked to match against, when `--job`, `--must` or
/// `--nice` was given: the posting's reading with the overrides applied.
/// The rubric's title rules read the level of the posting's title.
pub fn read_posting(
    args: &JobArgs,
    limits: &Limits,
    vocab: &Vocabulary,
    rubric: &Rubric,
) -> Result<Option<JobSpec>, CommandError> {
    if !args.given() {
        return Ok(None);
    }
    let usage = |e: levelscan::job::JobError| CommandError::Usage(e.to_string());
    let names = |list: &[Requirement]| -> Vec<Vec<String>> {
        list.iter()
            .map(|r| {
                r.any_of
                    .iter()
                    .map(|&id| vocab.name(id).to_string())
                    .collect()
            })
            .collect()
    };
    let mut spec = match &args.job {
        Some(path) => {
            let job = read_job(path, limits, vocab, rubric).map_err(usage)?;
            JobSpec {
                file: path.display().to_string(),
                level: job.level,
                years_min: job.years_min,
                required: names(&job.required),
                nice: names(&job.nice),
            }
        }
        None => JobSpec {
            file: "--must/--nice".into(),
            level: None,
            years_min: None,
            required: Vec::new(),
            nice: Vec::new(),
        },
    };
    if let Some(list) = &args.must {
        spec.required = names(&parse_requirement_list(list, vocab).map_err(usage)?);
    }
    if let Some(list) = &args.nice {
        spec.nice = names(&parse_requirement_list(list, vocab).map_err(usage)?);
    }
    if spec.required.is_empty() && spec.nice.is_empty() {
        return Err(CommandError::Usage(format!(
            "{}: no skill of the vocabulary among the posting's requirements; name them with --must \"go, kafka\"",
            spec.file
        )));
    }
    Ok(Some(spec))
}

/// The rubric's `[job]` table, which a run with a posting needs.
pub fn job_rules(rubric: &Rubric) -> Result<&JobRules, CommandError> {
    rubric.job.as_ref().ok_or_else(|| {
        CommandError::Usage(format!(
            "rubric {:?} has no [job] table, which --job needs (see rubrics/README.md, \"Job fit\")",
            rubric.name
        ))
    })
}

/// For a command that assesses one resume in this process (`explain`,
/// `brief`): the posting read and resolved, with the rubric's `[job]`
/// table, when one was given.
pub fn resolved_posting(
    args: &JobArgs,
    limits: &Limits,
    rubric: &Rubric,
    skills: &Skills,
) -> Result<Option<(ResolvedJob, JobRules)>, CommandError> {
    let Some(spec) = read_posting(args, limits, skills.vocabulary(), rubric)? else {
        return Ok(None);
    };
    let job = spec
        .resolve(skills.vocabulary())
        .map_err(CommandError::Usage)?;
    Ok(Some((job, job_rules(rubric)?.clone())))
}

/// A worker's side: the parent's reading, resolved against the same
/// vocabulary.
pub fn resolve_spec(spec_json: &str, vocab: &Vocabulary) -> Result<ResolvedJob, CommandError> {
    let spec: JobSpec = serde_json::from_str(spec_json)
        .map_err(|e| CommandError::Usage(format!("the posting's reading: {e}")))?;
    spec.resolve(vocab).map_err(CommandError::Usage)
}
