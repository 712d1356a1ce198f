//! `levelscan brief FILE -o OUT`: the one-page interview brief for one
//! resume, in the format the output's extension names. The rubric is
//! loaded (strictly) and the output's format checked before the resume is
//! read; the resume is read in this process, as `explain` reads it — one
//! file the user chose, not a folder of strangers' files.

use std::io::Write;

use levelscan::brief::{self, Format};

use super::single::assess_one;
use super::{CommandError, Outcome};
use crate::cli::BriefArgs;

pub fn run(args: &BriefArgs, stdout: &mut impl Write) -> Result<Outcome, CommandError> {
    let format = Format::from_path(&args.output).ok_or_else(|| {
        CommandError::Usage(format!(
            "{}: the brief's format comes from the extension: .docx, .html or .md (or - for Markdown on standard output)",
            args.output.display()
        ))
    })?;
    let (rubric, assessment) =
        assess_one(&args.file, args.rubric.as_deref(), &args.job, &args.limits)?;
    let Some(assessment) = assessment else {
        return Ok(Outcome::SomeInputsFailed);
    };
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
