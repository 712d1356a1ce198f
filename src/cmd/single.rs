//! One resume assessed in this process, as `explain` and `brief` do: the
//! rubric loaded strictly, a posting (when given) read and resolved, then
//! the resume read — one file the user chose, not a folder of strangers'
//! files, so no worker process. A bad rubric or posting stops the command
//! before the resume is read (exit 2); a resume that cannot be read is
//! reported on stderr and gives no assessment (exit 1).

use std::path::Path;

use levelscan::assess::{Assessment, assess_for_job};
use levelscan::extract::extract_file;
use levelscan::jobfit::JobContext;
use levelscan::rubric::{Rubric, load_default, load_file};

use super::CommandError;
use super::posting::{Skills, resolved_posting};
use crate::cli::{JobArgs, LimitArgs};

/// The rubric, and the resume's assessment unless it could not be read.
pub fn assess_one(
    file: &Path,
    rubric: Option<&Path>,
    job: &JobArgs,
    limits: &LimitArgs,
) -> Result<(Rubric, Option<Assessment>), CommandError> {
    let rubric: Rubric = match rubric {
        Some(path) => load_file(path)?,
        None => load_default()?,
    };
    let limits = limits.to_limits();
    let skills = Skills::load(job.skills.as_deref())?;
    let posting = resolved_posting(job, &limits, &rubric, &skills)?;
    let ctx = posting.as_ref().map(|(job, rules)| JobContext {
        job,
        vocab: skills.vocabulary(),
        rules,
    });
    let assessment = match extract_file(file, &limits) {
        Ok(doc) => Some(assess_for_job(&doc, &rubric, ctx.as_ref())),
        Err(e) => {
            eprintln!("levelscan: {}: {e}", file.display());
            None
        }
    };
    Ok((rubric, assessment))
}
