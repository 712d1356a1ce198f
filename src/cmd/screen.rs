//! `levelscan screen PATH...`: the batch ranking. Every file found is one
//! row, whatever became of it.
//!
//! Order of work: load the rubric (a bad one stops here, exit 2, nothing
//! written), open the outputs, discover files (sorted by path), screen each
//! in an isolated worker process on the rayon pool, mark duplicates and
//! shared contacts, rank, redact if asked, write, and print the summary.
//! The output is a function of the files and flags alone: never of `-j`,
//! of the order the filesystem lists files, or of timing (except a file
//! that times out).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use levelscan::dedupe::{DuplicateKind, Fingerprint, find_duplicates, normalise_email};
use levelscan::isolate::WorkerPool;
use levelscan::rank::rank;
use levelscan::redact::redact;
use levelscan::report::{self, Record, STATUS_DUPLICATE};
use levelscan::rubric::{Level, Rubric, load_default, load_file};
use levelscan::screen::Screened;
use levelscan::walk::{Found, discover};

use super::parallel;
use super::progress::Progress;
use super::summary::{Counted, Summary};
use super::{CommandError, Outcome};
use crate::cli::{RankingFormat, ScreenArgs};

pub fn run(args: &ScreenArgs) -> Result<Outcome, CommandError> {
    let started = Instant::now();
    let rubric: Rubric = match &args.rubric {
        Some(path) => load_file(path)?,
        None => load_default()?,
    };
    let mut ranking_out = open_output(args.output.as_deref())?;
    let mut evidence_out = args
        .evidence
        .as_deref()
        .map(|p| open_output(Some(p)))
        .transpose()?;
    let mut html_out = args
        .html
        .as_deref()
        .map(|p| open_output(Some(p)))
        .transpose()?;

    let outputs: Vec<PathBuf> = [
        args.output.as_deref(),
        args.evidence.as_deref(),
        args.html.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter_map(|p| p.canonicalize().ok())
    .collect();
    let found: Vec<Found> = discover(&args.paths)
        .into_iter()
        // This run's own outputs, written into the folder it screens, are
        // not applicants.
        .filter(|f| {
            outputs.is_empty()
                || f.path()
                    .canonicalize()
                    .map_or(true, |c| !outputs.contains(&c))
        })
        .collect();

    let (threads, pool) = parallel::start(&args.batch, &args.limits, args.rubric.as_deref())?;
    let progress = Progress::new(found.len() as u64, args.quiet);
    let keep_all_evidence =
        args.format == RankingFormat::Jsonl || args.evidence.is_some() || args.html.is_some();

    let screened: Vec<Screened> = threads.install(|| {
        found
            .par_iter()
            .map(|entry| {
                let mut result = screen_entry(entry, &pool);
                if !keep_all_evidence {
                    // Only the CSV's strongest quotes are written: holding
                    // the rest would make memory grow with the folder.
                    for family in &mut result.record.families {
                        family.evidence.truncate(report::csv::QUOTES_PER_CELL);
                    }
                }
                // A file the parser could not survive deserves a word while
                // the run goes on; the row carries the same note.
                if result.record.status == "error" && !args.quiet {
                    progress.warn(&format!("{}: {}", result.record.file, result.record.note));
                }
                progress.file_done();
                result
            })
            .collect()
    });
    progress.finish();
    drop(pool);

    let mut records = mark_duplicates(screened);
    let mut summary: Summary<Level> = Summary::default();
    for record in &records {
        summary.add(counted(record));
    }
    rank(&mut records);
    if args.redact {
        records.iter_mut().for_each(redact);
    }

    let families: Vec<String> = rubric.families.iter().map(|f| f.id.clone()).collect();
    match args.format {
        RankingFormat::Csv => report::csv::write(&mut ranking_out, &records, &families, args.bom)?,
        RankingFormat::Jsonl => report::jsonl::write(&mut ranking_out, &records)?,
    }
    ranking_out.flush()?;
    if let Some(out) = evidence_out.as_mut() {
        report::evidence::write(out, &records, args.bom)?;
        out.flush()?;
    }
    if let Some(out) = html_out.as_mut() {
        let rubric_flags = rubric.flag_descriptions();
        let page = report::html::ScreenPage {
            records: &records,
            rubric_flags: &rubric_flags,
            redacted: args.redact,
        };
        report::html::write_screen(out, &page)?;
        out.flush()?;
    }

    summary.elapsed = started.elapsed();
    eprintln!("levelscan: {summary}");
    Ok(if summary.all_assessed() {
        Outcome::Complete
    } else {
        Outcome::SomeInputsFailed
    })
}

/// Standard output for `-` or no file, else the file (created now, so a
/// path that cannot be written stops the run before any work).
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>, CommandError> {
    match path {
        None => Ok(Box::new(BufWriter::new(std::io::stdout()))),
        Some(p) if p.as_os_str() == "-" => Ok(Box::new(BufWriter::new(std::io::stdout()))),
        Some(p) => {
            let file = File::create(p)
                .map_err(|e| CommandError::Usage(format!("{}: cannot write: {e}", p.display())))?;
            Ok(Box::new(BufWriter::new(file)))
        }
    }
}

/// One discovered entry through its worker; every way it can go wrong
/// becomes its row.
fn screen_entry(entry: &Found, pool: &WorkerPool<Screened>) -> Screened {
    let display = entry.path().display().to_string();
    match entry {
        Found::Error { error, .. } => Screened {
            bytes: None,
            text: None,
            record: Record::not_assessed(display, "error", error.to_string()),
        },
        Found::File(path) => match pool.run(path) {
            Ok(mut screened) => {
                screened.record.file = display;
                screened
            }
            Err(failure) => Screened {
                bytes: None,
                text: None,
                record: Record::not_assessed(display, "error", failure.to_string()),
            },
        },
    }
}

/// Same bytes or same text as an earlier file (in path order): the later
/// row becomes `duplicate of X`. Two different resumes with one contact
/// email both get `same_contact`.
fn mark_duplicates(screened: Vec<Screened>) -> Vec<Record> {
    let fingerprints: Vec<Fingerprint> = screened
        .iter()
        .map(|s| Fingerprint {
            path: PathBuf::from(&s.record.file),
            bytes: s.bytes,
            text: s.text,
            email: s.record.email.as_deref().and_then(normalise_email),
        })
        .collect();
    let verdicts = find_duplicates(&fingerprints);
    let names: Vec<String> = screened.iter().map(|s| s.record.file.clone()).collect();
    screened
        .into_iter()
        .zip(verdicts)
        .map(|(s, verdict)| {
            let mut record = s.record;
            if let Some((original, kind)) = verdict.duplicate_of {
                let how = match kind {
                    DuplicateKind::SameBytes => "same file",
                    DuplicateKind::SameText => "same text",
                };
                return Record::not_assessed(
                    record.file,
                    STATUS_DUPLICATE,
                    format!("duplicate of {} ({how})", names[original]),
                );
            }
            if verdict.same_contact && record.is_assessed() {
                record.flags.push("same_contact".into());
                record.flags.sort();
            }
            record
        })
        .collect()
}

fn counted(record: &Record) -> Counted<Level> {
    match record.status.as_str() {
        "ok" => Counted::Level(
            record
                .level
                .as_deref()
                .and_then(Level::from_name)
                .unwrap_or(Level::Entry),
        ),
        "duplicate" => Counted::Duplicate,
        "unsupported" => Counted::Unsupported,
        "no_text" => Counted::NoText,
        "encrypted" => Counted::Encrypted,
        _ => Counted::Error,
    }
}
