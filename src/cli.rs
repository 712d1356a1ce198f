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
    /// Screen a folder of resumes: one ranked row per file, every score
    /// backed by quotes.
    Screen(ScreenArgs),
    /// Print the text levelscan sees in one resume (PDF, DOCX, TXT, MD).
    Extract(ExtractArgs),
    /// Internal: serve file requests from a parent levelscan process (the
    /// isolation workers of `screen`). Not for direct use.
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
    /// Explain one resume's level: evidence quoted with its place, flags,
    /// the claim check and what the next level up needs.
    Explain(ExplainArgs),
    /// Write a one-page interview brief for one resume: what it shows, what
    /// it does not show yet, and the questions to ask (DOCX, HTML or
    /// Markdown by the output's extension).
    Brief(BriefArgs),
    /// Print what levelscan reads from a job posting (TXT, MD, PDF, DOCX):
    /// title, level, years, required and nice-to-have skills, and what is
    /// not assessed.
    Job(PostingArgs),
    /// Print the default rubric or check a rubric file.
    #[command(subcommand)]
    Rubric(RubricCommand),
    /// Measure a rubric against resumes of known level (a labels CSV), show
    /// where it goes wrong and why, and fit its level thresholds.
    Calibrate(CalibrateArgs),
}

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// CSV with a header naming at least `file` and `level` (and optionally
    /// `claimed`); paths are relative to this file's folder.
    #[arg(long, value_name = "FILE")]
    pub labels: PathBuf,
    /// A rubric TOML file instead of the built-in default.
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Also write one CSV row per labelled file: true and predicted level,
    /// score, confidence, margin, family scores.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Fit the level thresholds to the labels and write the tuned rubric
    /// here (comments and layout kept, a header saying what changed).
    #[arg(long, value_name = "OUT.toml")]
    pub fit: Option<PathBuf>,
    /// Also write the calibration as one self-contained HTML page
    /// (confusion-matrix heatmap, agreement figures, lift tables,
    /// misclassified files with their evidence).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub batch: BatchArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// Resume files and folders (folders are walked recursively; hidden
    /// entries are skipped).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the ranking here; `-` or nothing means standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `csv` (one row per file) or `jsonl` (one JSON object per file, full
    /// evidence included).
    #[arg(long, value_enum, default_value_t = RankingFormat::Csv)]
    pub format: RankingFormat,
    /// Also write every evidence item as a CSV row (file, family, signal,
    /// weight, page, line, quote).
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// Also write the report as one self-contained HTML page (summary,
    /// sortable table, a card per candidate) to open in a browser.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// A rubric TOML file instead of the built-in default.
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Blind screening: remove names, emails, phone numbers and links from
    /// every field and quote. Levels and scores do not change.
    #[arg(long)]
    pub redact: bool,
    /// Also write an interview brief for each assessed candidate into this
    /// folder (created if missing), named after the resume's file.
    #[arg(long, value_name = "DIR")]
    pub briefs: Option<PathBuf>,
    /// With `--briefs`: only the top N candidates by rank.
    #[arg(long, value_name = "N", requires = "briefs", value_parser = clap::value_parser!(u64).range(1..))]
    pub top: Option<u64>,
    /// With `--briefs`: the briefs' format.
    #[arg(long, value_enum, default_value_t = BriefFormat::Docx, requires = "briefs")]
    pub brief_format: BriefFormat,
    /// Start CSV files with a UTF-8 byte-order mark, so Excel shows
    /// non-ASCII quotes correctly (LibreOffice needs no mark).
    #[arg(long)]
    pub bom: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub job: JobArgs,
    #[command(flatten)]
    pub batch: BatchArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// A job posting to match resumes against, and what may override it.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JobArgs {
    /// Match every resume against this job posting (TXT, MD, PDF or DOCX):
    /// each requirement shown, listed or absent with its quote, a job_fit
    /// from 0 to 100, and the ranking by fit. `levelscan job JOB` shows
    /// what is read from it.
    #[arg(long, value_name = "JOB")]
    pub job: Option<PathBuf>,
    /// Required skills instead of the posting's, comma-separated ("go,
    /// kafka"); "ruby|python" is one requirement either meets. Works
    /// without --job too.
    #[arg(long, value_name = "LIST")]
    pub must: Option<String>,
    /// Nice-to-have skills instead of the posting's, as --must.
    #[arg(long, value_name = "LIST")]
    pub nice: Option<String>,
    /// A skill vocabulary TOML file instead of the built-in
    /// rubrics/skills.toml.
    #[arg(long, value_name = "FILE")]
    pub skills: Option<PathBuf>,
}

impl JobArgs {
    /// Whether a posting (or a list of skills) was given at all.
    pub fn given(&self) -> bool {
        self.job.is_some() || self.must.is_some() || self.nice.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    Docx,
    Html,
    Md,
}

impl BriefFormat {
    pub fn to_format(self) -> levelscan::brief::Format {
        match self {
            BriefFormat::Docx => levelscan::brief::Format::Docx,
            BriefFormat::Html => levelscan::brief::Format::Html,
            BriefFormat::Md => levelscan::brief::Format::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankingFormat {
    Csv,
    Jsonl,
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
    pub job: JobArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
pub struct BriefArgs {
    /// The resume to brief.
    pub file: PathBuf,
    /// Where to write the brief: `.docx`, `.html` or `.md` decides the
    /// format; `-` writes Markdown to standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT", required = true)]
    pub output: PathBuf,
    /// A rubric TOML file instead of the built-in default.
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Blind: no name, email, phone number or link anywhere in the brief.
    #[arg(long)]
    pub redact: bool,
    #[command(flatten)]
    pub job: JobArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
pub struct PostingArgs {
    /// The job posting.
    pub file: PathBuf,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// A skill vocabulary TOML file instead of the built-in
    /// rubrics/skills.toml.
    #[arg(long, value_name = "FILE")]
    pub skills: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// Write the built-in default rubric to stdout, to edit.
    Print,
    /// Load a rubric (or a skill vocabulary such as rubrics/skills.toml)
    /// strictly and test every rule's examples.
    Check {
        /// The rubric or skill vocabulary TOML file.
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

#[derive(Debug, clap::Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub limits: LimitArgs,
    /// The rubric the batch was given (the built-in default without it).
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Send only each family's strongest N quotes (all without it): a
    /// ranking CSV shows no more.
    #[arg(long, value_name = "N")]
    pub quotes_per_family: Option<usize>,
    /// Match every resume against a job posting as the parent read it:
    /// the first frame on standard input, before any path, is that
    /// reading (a `JobSpec` as JSON), so every resume is matched against
    /// the same one.
    #[arg(long)]
    pub job_from_parent: bool,
    /// The skill vocabulary the batch was given.
    #[arg(long, value_name = "FILE")]
    pub skills: Option<PathBuf>,
    /// Also send each assessed file's interview brief (for `screen
    /// --briefs`).
    #[arg(long)]
    pub brief: bool,
    /// Build those briefs redacted.
    #[arg(long, requires = "brief")]
    pub redact: bool,
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

/// How a batch runs: threads, and the bounds on each file's worker process.
/// Shared by the commands that read many files (`screen`, `calibrate`).
#[derive(Debug, Clone, clap::Args)]
pub struct BatchArgs {
    /// Files read at once [default: all cores].
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Seconds one file may take before it is given up as `timeout`.
    #[arg(long, value_name = "SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout_secs: u64,
    /// Memory one file's worker process may use, in MiB, before the file is
    /// given up as `out of memory`.
    #[arg(long, value_name = "MIB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(64..=1_048_576))]
    pub max_memory_mib: u64,
}

impl LimitArgs {
    /// The same limits as arguments for a worker process, so workers read
    /// each file under exactly the limits the user gave.
    pub fn to_worker_args(&self) -> Vec<std::ffi::OsString> {
        [
            ("--max-file-mib", self.max_file_mib.to_string()),
            ("--max-pages", self.max_pages.to_string()),
            (
                "--max-decompressed-mib",
                self.max_decompressed_mib.to_string(),
            ),
        ]
        .into_iter()
        .flat_map(|(flag, value)| [flag.into(), value.into()])
        .collect()
    }

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
