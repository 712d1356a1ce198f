//! `levelscan rubric print` writes the built-in rubric out for editing;
//! `levelscan rubric check FILE` loads one strictly and tests every rule's
//! examples, so a rubric is known good before any resume meets it. A rule
//! without probe questions is a warning, not an error: the rubric still
//! screens, but the interview brief has nothing to ask about it. The same
//! command checks a skill vocabulary (a file with a `[vocabulary]` table,
//! like `rubrics/skills.toml`): loading it runs every skill's examples.

use std::io::Write;

use levelscan::rubric::{DEFAULT_RUBRIC, examples::check_examples, load_file, questions};
use levelscan::skills::Vocabulary;

use super::{CommandError, Outcome};
use crate::cli::RubricCommand;

pub fn run(command: &RubricCommand, out: &mut impl Write) -> Result<Outcome, CommandError> {
    match command {
        RubricCommand::Print => out.write_all(DEFAULT_RUBRIC.as_bytes())?,
        RubricCommand::Check { file } if is_vocabulary(file) => {
            let vocabulary = Vocabulary::load(file)?;
            writeln!(
                out,
                "{}: ok — skill vocabulary \"{}\" version {}, {} skills; every example holds",
                file.display(),
                vocabulary.name,
                vocabulary.version,
                vocabulary.len()
            )?;
        }
        RubricCommand::Check { file } => {
            let rubric = load_file(file)?;
            let failures = check_examples(&rubric);
            if !failures.is_empty() {
                return Err(CommandError::RubricExamples {
                    file: file.display().to_string(),
                    count: failures.len(),
                    details: failures.join("\n"),
                });
            }
            for warning in questions::unasked(&rubric) {
                eprintln!("levelscan: {}: warning: {warning}", file.display());
            }
            writeln!(
                out,
                "{}: ok — {} families, {} signals, {} metrics, {} flags, {} title rules; every example holds",
                file.display(),
                rubric.families.len(),
                rubric.signals.len(),
                rubric.metrics.len(),
                rubric.flags.len(),
                rubric.titles.len()
            )?;
        }
    }
    Ok(Outcome::Complete)
}

/// Whether the file is a skill vocabulary rather than a rubric: its TOML
/// has a `[vocabulary]` table. A file that does not parse is left to the
/// rubric loader, whose message says where it breaks.
fn is_vocabulary(file: &std::path::Path) -> bool {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .is_some_and(|table| table.contains_key("vocabulary"))
}
