//! Command-line flags (clap derive). Only this file knows about clap: each
//! subcommand's flags are turned into the library's plain option structs in
//! `cmd/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Screen backend-engineering resumes for seniority, with every score backed
/// by verbatim quotes. Offline and deterministic.
#[derive(Debug, Parser)]
#[command(name = "levelscan", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text levelscan sees in one resume (PDF, DOCX, TXT, MD).
    Extract(ExtractArgs),
    /// Explain one resume's level: evidence quoted with its place, flags,
    /// the claim check and what the next level up needs.
    Explain(ExplainArgs),
    /// Print the default rubric or check a rubric file.
    #[command(subcommand)]
    Rubric(RubricCommand),
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The resume to explain.
    pub file: PathBuf,
    /// A rubric TOML file instead of the built-in default.
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// Write the built-in default rubric to stdout, to edit.
    Print,
    /// Load a rubric strictly and test every rule's examples.
    Check {
        /// The rubric TOML file.
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The resume to read.
    pub file: PathBuf,
    /// `text`: one line per text line, pages split by a form feed. `json`:
    /// located lines, hidden text and diagnostics.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Bounds on what one file may cost.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// Largest file accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 32)]
    pub max_file_mib: u64,
    /// Pages read from one PDF.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max_pages: u32,
    /// Bytes one file may decompress to, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_decompressed_mib: u64,
}

impl LimitArgs {
    pub fn to_limits(&self) -> levelscan::extract::Limits {
        levelscan::extract::Limits {
            max_file_bytes: self.max_file_mib.saturating_mul(1024 * 1024),
            max_pages: self.max_pages,
            max_decompressed_bytes: self.max_decompressed_mib.saturating_mul(1024 * 1024),
            ..levelscan::extract::Limits::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}
