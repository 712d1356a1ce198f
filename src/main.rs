//! The `levelscan` binary: parse the command line, run the command, and map
//! the outcome to an exit code in one place (0 all assessed, 1 some inputs
//! could not be assessed, 2 usage or rubric error).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// Screening allocates and frees many small objects for every file (a
/// PDF's objects, lines, sentences, evidence): mimalloc makes a batch
/// 6–12% faster than the system allocator (README "Performance"). Its
/// workers are also told to keep freed memory (`worker_pool_config` in
/// `src/cmd/parallel.rs`): change both together.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(cmd::Outcome::Complete) => ExitCode::from(0),
        Ok(cmd::Outcome::SomeInputsFailed) => ExitCode::from(1),
        // `levelscan screen … | head`: a closed pipe is the reader's choice,
        // not an error worth a message.
        Err(cmd::CommandError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(0)
        }
        Err(e) => {
            eprintln!("levelscan: {e}");
            ExitCode::from(2)
        }
    }
}
