//! `levelscan screen PATH...`: the batch ranking. Every file found is one
//! row, whatever became of it.
//!
//! Order of work: start the worker processes (they load the rubric
//! meanwhile), load the rubric (a bad one stops here, exit 2, nothing
//! written), read the posting if there is one (likewise) and hand the
//! workers its reading, open the outputs, discover files (sorted by
//! path), screen each in a worker, one lane per rayon thread (each record
//! spilled to a temporary file as it arrives), mark duplicates and shared
//! contacts, rank, then read the records back in ranking order, redact if
//! asked, write, write the interview briefs if asked, and print the
//! summary.
//! The output is a function of the files and flags alone: never of `-j`,
//! of the order the filesystem lists files, or of timing (except a file
//! that times out).

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use levelscan::brief::{self, Brief, Format};
use levelscan::dedupe::{
    ContentHash, DuplicateKind, Fingerprint, Verdict, find_duplicates, normalise_email,
};
use levelscan::isolate::Failure;
use levelscan::rank::{RankKey, RankLevel, ranking};
use levelscan::redact::redact;
use levelscan::report::csv::RankingWriter;
use levelscan::report::evidence::EvidenceWriter;
use levelscan::report::spill::{Spill, SpillReader};
use levelscan::report::{self, Record, STATUS_DUPLICATE, STATUS_OK};
use levelscan::rubric::{Level, Rubric, load_default_deferred, load_file};
use levelscan::screen::{BriefRequest, RecordKeys, ScreenedRaw};
use levelscan::walk::{Found, discover_skipping};

use super::parallel::{self, WorkerJob};
use super::posting::{Skills, job_rules, read_posting};
use super::progress::Progress;
use super::summary::{Counted, Summary};
use super::{CommandError, Outcome};
use crate::cli::{RankingFormat, ScreenArgs};

pub fn run(args: &ScreenArgs) -> Result<Outcome, CommandError> {
    let started = Instant::now();
    let keep_all_evidence =
        args.format == RankingFormat::Jsonl || args.evidence.is_some() || args.html.is_some();
    // Only the CSV's strongest quotes are written: without another report,
    // the workers need not send the rest.
    let quotes_per_family = (!keep_all_evidence).then_some(report::csv::QUOTES_PER_CELL);
    // Workers first: each loads the rubric (and, with a posting, the skill
    // vocabulary) while this process loads the same, reads the posting,
    // opens the outputs and discovers the files. A rubric that does not
    // load stops the run here all the same (dropping the pool stops the
    // workers).
    // Briefs are built by the workers, from the same assessment as the
    // record: the parent never parses a resume, so a hostile file stays
    // isolated, and no file is read twice. Every assessed file's brief comes
    // back (its rank is known only at the end) and waits on disk.
    let brief_request = args.briefs.is_some().then_some(BriefRequest {
        redact: args.redact,
    });
    let worker_job = args.job.given().then(|| WorkerJob {
        skills: args.job.skills.clone(),
    });
    let (threads, pool) = parallel::start::<ScreenedRaw>(
        &args.batch,
        &args.limits,
        args.rubric.as_deref(),
        quotes_per_family,
        worker_job.as_ref(),
        brief_request,
    )?;
    // The parent matches no rule: the embedded rubric (which its tests
    // compile) is read without compiling its regexes; a rubric file is
    // compiled whole, so that a bad pattern stops the run.
    let rubric: Rubric = match &args.rubric {
        Some(path) => load_file(path)?,
        None => load_default_deferred()?,
    };
    // The posting is read with the rubric whose title rules read its level
    // (and whose [job] table it needs). One that cannot be read stops the
    // run with nothing written; otherwise the workers, which wait for it,
    // are handed its reading.
    let posting = if args.job.given() {
        job_rules(&rubric)?;
        let skills = Skills::load(args.job.skills.as_deref())?;
        let spec = read_posting(
            &args.job,
            &args.limits.to_limits(),
            skills.vocabulary(),
            &rubric,
        )?;
        if let Some(spec) = &spec {
            parallel::greet_with_posting(&pool, spec);
        }
        spec
    } else {
        None
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
    if let Some(dir) = &args.briefs {
        std::fs::create_dir_all(dir).map_err(|e| {
            CommandError::Usage(format!(
                "{}: cannot create the briefs folder: {e}",
                dir.display()
            ))
        })?;
    }

    // This run's own outputs, written into the folder it screens, are not
    // applicants: nor is the briefs folder (an earlier run's briefs
    // included).
    let outputs: Vec<&Path> = [
        args.output.as_deref(),
        args.evidence.as_deref(),
        args.html.as_deref(),
        args.briefs.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let found: Vec<Found> = discover_skipping(&args.paths, &outputs);

    let progress = Progress::new(found.len() as u64, args.quiet);

    // Each record goes to disk as it arrives; the parent keeps only what
    // duplicates, ranking and the summary need, so its memory stays flat
    // however many files the folder holds.
    let new_spill = || {
        Spill::new().map_err(|e| {
            CommandError::Worker(format!(
                "cannot create a temporary file for the records in {} (set TMPDIR to a writable folder): {e}",
                std::env::temp_dir().display()
            ))
        })
    };
    let spill = Mutex::new(new_spill()?);
    let brief_spill = Mutex::new(new_spill()?);
    // What the parent does with each screened file, on the lane's thread
    // while its worker goes on to the next file: the record is filed away
    // as the JSON it came in, and only its keys are read.
    let keep = |(screened, keys): (ScreenedRaw, RecordKeys)| -> std::io::Result<Row> {
        // A file the parser could not survive deserves a word while the run
        // goes on; the row carries the same note.
        if keys.status == "error" && !args.quiet {
            progress.warn(&format!("{}: {}", keys.file, keys.note));
        }
        progress.file_done();
        let spilled = spill
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(screened.record.get())?;
        let brief = match &screened.brief {
            Some(brief) => Some(
                brief_spill
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .push(brief.get())?,
            ),
            None => None,
        };
        Ok(Row::new(spilled, brief, keys, &screened))
    };
    let files: Vec<&Path> = found
        .iter()
        .filter_map(|entry| match entry {
            Found::File(path) => Some(path.as_path()),
            Found::Error { .. } => None,
        })
        .collect();
    let mut file_rows = pool
        .run_all(&threads, &files, |i, result| {
            keep(screened(files[i], result))
        })
        .into_iter();
    let rows: Vec<std::io::Result<Row>> = found
        .iter()
        .map(|entry| match entry {
            Found::File(_) => file_rows
                .next()
                .expect("one screened row for every file found"),
            Found::Error { path, error } => keep(not_assessed(Record::not_assessed(
                path.display().to_string(),
                "error",
                error.to_string(),
            ))),
        })
        .collect();
    progress.finish();
    // The workers exit while the report is written; the pool reaps them
    // when it is dropped, at the end of the run.
    pool.stop();
    let rows: Vec<Row> = rows.into_iter().collect::<std::io::Result<_>>()?;
    let spill = spill
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let brief_spill = brief_spill
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());

    let verdicts = find_duplicates(&rows.iter().map(Row::fingerprint).collect::<Vec<_>>());
    let mut summary: Summary<RankLevel> = Summary::default();
    for (row, verdict) in rows.iter().zip(&verdicts) {
        summary.add(match verdict.duplicate_of {
            Some(_) => Counted::Duplicate,
            None => row.counted(),
        });
    }
    let keys: Vec<RankKey> = rows
        .iter()
        .zip(&verdicts)
        .map(|(row, verdict)| RankKey {
            assessed: row.status == STATUS_OK && verdict.duplicate_of.is_none(),
            level: row.level.map_or(0, RankLevel::order),
            score: row.score,
            fit: row.fit,
            file: &row.file,
        })
        .collect();
    let mut ranked = Ranked {
        order: ranking(&keys),
        rows: &rows,
        verdicts: &verdicts,
        spilled: spill.into_reader()?,
        redact: args.redact,
    };

    let families: Vec<String> = rubric.families.iter().map(|f| f.id.clone()).collect();
    match args.format {
        RankingFormat::Csv => {
            let mut writer =
                RankingWriter::new(&mut ranking_out, &families, posting.is_some(), args.bom)?;
            ranked.for_each(|record| writer.write(record))?;
            writer.finish()?;
        }
        RankingFormat::Jsonl => {
            ranked.for_each(|record| report::jsonl::write(&mut ranking_out, record))?;
        }
    }
    ranking_out.flush()?;
    if let Some(out) = evidence_out.as_mut() {
        let mut writer = EvidenceWriter::new(out, args.bom)?;
        ranked.for_each(|record| writer.write(record))?;
        writer.finish()?;
    }
    if let Some(out) = html_out.as_mut() {
        // The page shows every card, so it needs every record at once.
        let mut records = Vec::with_capacity(rows.len());
        ranked.for_each(|record| {
            records.push(record.clone());
            Ok(())
        })?;
        let rubric_flags = rubric.flag_descriptions();
        let page = report::html::ScreenPage {
            records: &records,
            rubric_flags: &rubric_flags,
            redacted: args.redact,
        };
        report::html::write_screen(out, &page)?;
        out.flush()?;
    }

    if let Some(dir) = &args.briefs {
        let top = args.top.map_or(usize::MAX, |n| n as usize);
        let chosen: Vec<usize> = ranked
            .order
            .iter()
            .filter(|(_, rank)| rank.is_some_and(|r| r <= top))
            .map(|&(row, _)| row)
            .collect();
        write_briefs(
            dir,
            args.brief_format.to_format(),
            &chosen,
            &rows,
            brief_spill.into_reader()?,
        )?;
    }

    summary.elapsed = started.elapsed();
    eprintln!("levelscan: {summary}");
    Ok(if summary.all_assessed() {
        Outcome::Complete
    } else {
        Outcome::SomeInputsFailed
    })
}

/// Write the briefs of the `chosen` rows into `dir`, each named after its
/// resume's file (`cv.pdf` → `cv.docx`). Names are given in path order, so
/// two resumes with one name (`a/cv.pdf`, `b/cv.pdf`) always get `cv` and
/// `cv-2` the same way round; names are compared without case, as a
/// Windows or macOS disk would.
fn write_briefs(
    dir: &Path,
    format: Format,
    chosen: &[usize],
    rows: &[Row],
    mut briefs: SpillReader,
) -> Result<(), CommandError> {
    let mut by_path: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|&row| rows[row].brief.is_some())
        .collect();
    by_path.sort_by(|&a, &b| rows[a].file.cmp(&rows[b].file));
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for row in by_path {
        let stem = Path::new(&rows[row].file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "resume".to_string());
        let name = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|name| !taken.contains(&name.to_lowercase()))
            .expect("some numbered name is free");
        taken.insert(name.to_lowercase());
        let brief: Brief = briefs.get_as(rows[row].brief.expect("filtered above"))?;
        let path = dir.join(format!("{name}.{}", format.extension()));
        let mut bytes = Vec::new();
        brief::write(&brief, format, &mut bytes)?;
        std::fs::write(&path, bytes)
            .map_err(|e| CommandError::Usage(format!("{}: cannot write: {e}", path.display())))?;
    }
    Ok(())
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

/// A file's result from its worker, with its record's keys; every way the
/// worker can fail becomes the note. (The worker names the file as
/// `path.display()` does.)
fn screened(path: &Path, result: Result<ScreenedRaw, Failure>) -> (ScreenedRaw, RecordKeys) {
    let failure = match result {
        Ok(screened) => match screened.keys() {
            Ok(keys) => return (screened, keys),
            Err(e) => Failure::Crashed(format!("unreadable reply from the worker: {e}")),
        },
        Err(failure) => failure,
    };
    not_assessed(Record::not_assessed(
        path.display().to_string(),
        "error",
        failure.to_string(),
    ))
}

/// A record made here, for a file no worker screened, in the form a
/// worker's reply takes.
fn not_assessed(record: Record) -> (ScreenedRaw, RecordKeys) {
    let json = serde_json::to_string(&record).expect("a record always serialises");
    let screened = ScreenedRaw {
        bytes: None,
        text: None,
        record: serde_json::value::RawValue::from_string(json).expect("serde_json wrote JSON"),
        brief: None,
    };
    // Read back like a worker's record, so both kinds of row get their
    // keys the same way.
    let keys = screened.keys().expect("a record's own JSON holds its keys");
    (screened, keys)
}

/// What the parent keeps of one screened file while the batch runs: where
/// its record was spilled, and what duplicates, ranking and the summary
/// need.
struct Row {
    spilled: usize,
    /// Where its interview brief was spilled, when one was built.
    brief: Option<usize>,
    file: String,
    status: String,
    level: Option<RankLevel>,
    score: f64,
    fit: Option<f64>,
    bytes: Option<ContentHash>,
    text: Option<ContentHash>,
    email: Option<String>,
}

impl Row {
    fn new(spilled: usize, brief: Option<usize>, keys: RecordKeys, screened: &ScreenedRaw) -> Row {
        Row {
            spilled,
            brief,
            level: keys.level.as_deref().and_then(RankLevel::from_name),
            score: keys.score.unwrap_or(0.0),
            fit: keys.job.map(|j| j.job_fit),
            email: keys.email.as_deref().and_then(normalise_email),
            file: keys.file,
            status: keys.status,
            bytes: screened.bytes,
            text: screened.text,
        }
    }

    fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            path: PathBuf::from(&self.file),
            bytes: self.bytes,
            text: self.text,
            email: self.email.clone(),
        }
    }

    fn counted(&self) -> Counted<RankLevel> {
        match self.status.as_str() {
            STATUS_OK => Counted::Level(self.level.unwrap_or(RankLevel::Ic(Level::Entry))),
            STATUS_DUPLICATE => Counted::Duplicate,
            "unsupported" => Counted::Unsupported,
            "no_text" => Counted::NoText,
            "encrypted" => Counted::Encrypted,
            _ => Counted::Error,
        }
    }
}

/// The batch's records in ranking order, read back from the spill with
/// their final rank, duplicate verdict and redaction applied.
struct Ranked<'a> {
    /// (row, rank) in ranking order.
    order: Vec<(usize, Option<usize>)>,
    rows: &'a [Row],
    verdicts: &'a [Verdict],
    spilled: SpillReader,
    redact: bool,
}

impl Ranked<'_> {
    fn for_each(
        &mut self,
        mut write: impl FnMut(&Record) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        for &(row, rank) in &self.order {
            let verdict = &self.verdicts[row];
            // A duplicate's row names the file and its original only: its
            // record is not read back (in a folder of copies, most are).
            let mut record = match duplicate_record(&self.rows[row], verdict, self.rows) {
                Some(duplicate) => duplicate,
                None => with_contact(self.spilled.get(self.rows[row].spilled)?, verdict),
            };
            record.rank = rank;
            if self.redact {
                redact(&mut record);
            }
            write(&record)?;
        }
        Ok(())
    }
}

/// Same bytes or same text as an earlier file (in path order): the later
/// row becomes `duplicate of X`.
fn duplicate_record(row: &Row, verdict: &Verdict, rows: &[Row]) -> Option<Record> {
    let (original, kind) = verdict.duplicate_of?;
    let how = match kind {
        DuplicateKind::SameBytes => "same file",
        DuplicateKind::SameText => "same text",
    };
    Some(Record::not_assessed(
        row.file.clone(),
        STATUS_DUPLICATE,
        format!("duplicate of {} ({how})", rows[original].file),
    ))
}

/// Two different resumes with one contact email both get `same_contact`.
fn with_contact(mut record: Record, verdict: &Verdict) -> Record {
    if verdict.same_contact && record.is_assessed() {
        record.flags.push("same_contact".into());
        record.flags.sort();
    }
    record
}
