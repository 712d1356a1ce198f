//! `levelscan brief FILE -o OUT`: the one-page interview brief for one
//! resume, in the format the output's extension names. The rubric is
//! loaded (strictly) and the output's format checked before the resume is
//! read; the resume is read in this process, as `explain` reads it — one
//! file the user chose, not a folder of strangers' files.

use std::io::Write;

use levelscan::assess::assess_for_job;
use levelscan::brief::{self, Format};
use levelscan::extract::extract_file;
use levelscan::jobfit::JobContext;
use levelscan::rubric::{Rubric, load_default, load_file};

use super::posting::{Skills, resolved_posting};
use super::{CommandError, Outcome};
use crate::cli::BriefArgs;

pub fn run(args: &BriefArgs, stdout: &mut impl Write) -> Result<Outcome, CommandError> {
    let format = Format::from_path(&args.output).ok_or_else(|| {
        CommandError::Usage(format!(
            "{}: the brief's format comes from the extension: .docx, .html or .md (or - for Markdown on standard output)",
            args.output.display()
        ))
    })?;
    let rubric: Rubric = match &args.rubric {
        Some(path) => load_file(path)?,
        None => load_default()?,
    };
    // A posting that cannot be read stops here, before the resume is read.
    let skills = Skills::load(args.job.skills.as_deref())?;
    let job = resolved_posting(&args.job, &args.limits.to_limits(), &rubric, &skills)?;
    let ctx = job.as_ref().map(|(job, rules)| JobContext {
        job,
        vocab: skills.vocabulary(),
        rules,
    });
    let doc = match extract_file(&args.file, &args.limits.to_limits()) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("levelscan: {}: {e}", args.file.display());
            return Ok(Outcome::SomeInputsFailed);
        }
    };
    let assessment = assess_for_job(&doc, &rubric, ctx.as_ref());
    if args.redact && assessment.candidate.is_none() {
        // Redaction removes the name levelscan finds; one it cannot find
        // may still be in a quote (a profile slug, a signature).
        eprintln!(
            "levelscan: {}: warning: no name found in the resume, so redaction could remove none; read the brief before sharing it",
            args.file.display()
        );
    }
    let brief = brief::build(
        &args.file.display().to_string(),
        &assessment,
        &rubric,
        args.redact,
    );
    if args.output.as_os_str() == "-" {
        brief::write(&brief, format, stdout)?;
    } else {
        let mut bytes = Vec::new();
        brief::write(&brief, format, &mut bytes)?;
        std::fs::write(&args.output, bytes).map_err(|e| {
            CommandError::Usage(format!("{}: cannot write: {e}", args.output.display()))
        })?;
    }
    Ok(Outcome::Complete)
}
