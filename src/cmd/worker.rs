//! `levelscan __worker`: the process side of parser isolation. Started by
//! the batch's worker pool, never by a user (the subcommand is hidden). It
//! reads file paths on standard input and answers each with the
//! extraction result on standard output, until standard input closes.

use levelscan::isolate::{jobs, worker};

use super::{CommandError, Outcome};
use crate::cli::WorkerArgs;

pub fn run(args: &WorkerArgs) -> Result<Outcome, CommandError> {
    let limits = args.limits.to_limits();
    worker::serve_stdio(|path| jobs::extract(path, &limits))?;
    Ok(Outcome::Complete)
}
