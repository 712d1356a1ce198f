//! Orchestration, one module per subcommand: turn flags into options, call
//! the library, write the output. This is the only code that prints.

pub mod extract;
// Building blocks of the batch commands (`screen`, `calibrate`): each is
// complete and tested, and is used as soon as those commands are wired.
#[allow(dead_code)]
pub mod parallel;
#[allow(dead_code)]
pub mod progress;
#[allow(dead_code)]
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
}

pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(&args, &mut out)?,
        Command::Worker(args) => worker::run(&args)?,
    };
    out.flush()?;
    Ok(outcome)
}
