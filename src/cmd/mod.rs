//! Orchestration, one module per subcommand: turn flags into options, call
//! the library, write the output. This is the only code that prints.

pub mod brief;
pub mod calibrate;
pub mod explain;
pub mod extract;
pub mod job;
pub mod parallel;
pub mod posting;
pub mod progress;
pub mod rubric;
pub mod screen;
pub mod single;
pub mod summary;
pub mod worker;

use std::io::Write;

use crate::cli::{Cli, Command};

/// How a command ended, mapped to the process exit code in `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was assessed: exit 0.
    Complete,
    /// Done, but some inputs could not be assessed: exit 1.
    SomeInputsFailed,
}

/// A failure that stops the command before it writes anything: exit 2.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A flag that cannot be acted on (an output that cannot be written).
    #[error("{0}")]
    Usage(String),
    /// The worker processes or threads could not be started.
    #[error("cannot start the batch: {0}")]
    Worker(String),
    #[error(transparent)]
    Rubric(#[from] levelscan::rubric::RubricError),
    #[error(transparent)]
    Job(#[from] levelscan::job::JobError),
    #[error(transparent)]
    Skills(#[from] levelscan::skills::SkillsError),
    #[error(transparent)]
    Labels(#[from] levelscan::calibrate::labels::LabelsError),
    #[error("{file}: {count} rubric example(s) fail:\n{details}")]
    RubricExamples {
        file: String,
        count: usize,
        details: String,
    },
}

pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Screen(args) => screen::run(&args)?,
        Command::Extract(args) => extract::run(&args, &mut out)?,
        Command::Worker(args) => worker::run(&args)?,
        Command::Explain(args) => explain::run(&args, &mut out)?,
        Command::Brief(args) => brief::run(&args, &mut out)?,
        Command::Job(args) => job::run(&args, &mut out)?,
        Command::Rubric(command) => rubric::run(&command, &mut out)?,
        Command::Calibrate(args) => calibrate::run(&args, &mut out)?,
    };
    out.flush()?;
    Ok(outcome)
}
