//! `levelscan extract FILE`: the text levelscan sees, for a recruiter who
//! wants to know why a quote reads as it does, or an engineer chasing a
//! parse problem.

use std::io::Write;

use serde::Serialize;

use levelscan::document::{Diagnostics, HiddenText, Line};
use levelscan::extract::extract_file;

use super::{CommandError, Outcome};
use crate::cli::{ExtractArgs, TextOrJson};

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    lines: &'a [Line],
    hidden: &'a [HiddenText],
    diagnostics: &'a Diagnostics,
}

pub fn run(args: &ExtractArgs, out: &mut impl Write) -> Result<Outcome, CommandError> {
    let limits = args.limits.to_limits();
    let doc = match extract_file(&args.file, &limits) {
        Ok(doc) => doc,
        Err(e) => {
            // The file could not be read: say which and why, exit 1 as for
            // any input that could not be assessed.
            eprintln!("levelscan: {}: {e}", args.file.display());
            return Ok(Outcome::SomeInputsFailed);
        }
    };
    match args.format {
        TextOrJson::Text => {
            out.write_all(doc.plain_text().as_bytes())?;
            if !doc.hidden.is_empty() {
                eprintln!(
                    "{}: {} hidden text run(s) left out (see --format json)",
                    args.file.display(),
                    doc.hidden.len()
                );
            }
        }
        TextOrJson::Json => {
            let report = JsonReport {
                file: args.file.display().to_string(),
                lines: &doc.lines,
                hidden: &doc.hidden,
                diagnostics: &doc.diagnostics,
            };
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(Outcome::Complete)
}
