//! The ranking as CSV: one row per input, columns in the order design.md
//! fixes, a `<family>_score` and `<family>_evidence` pair per rubric family
//! in rubric order. Every cell passes through [`cells::neutralise`].
//!
//! UTF-8 throughout; with `bom`, a byte-order mark first, so Excel opens
//! non-ASCII quotes correctly (LibreOffice Calc reads UTF-8 either way).

use std::io::Write;

use super::Record;
use super::cells::{cut_at_word, neutralise};
use crate::jobfit::{Depth, Importance};

/// Quotes per evidence cell, and characters per quote.
pub const QUOTES_PER_CELL: usize = 3;
const QUOTE_CHARS: usize = 140;

/// The columns a screen with `--job` adds after the others.
pub const JOB_COLUMNS: [&str; 6] = [
    "job_fit",
    "level_fit",
    "required_shown",
    "required_listed",
    "required_missing",
    "nice_shown",
];

/// The ranking written one record at a time, so a batch never needs all
/// its records in memory. `families` are the rubric's family ids in order;
/// with `job`, the [`JOB_COLUMNS`] follow.
pub struct RankingWriter<W: Write> {
    writer: ::csv::Writer<W>,
    families: Vec<String>,
    job: bool,
}

impl<W: Write> RankingWriter<W> {
    /// Write the byte-order mark (with `bom`) and the header.
    pub fn new(mut out: W, families: &[String], job: bool, bom: bool) -> std::io::Result<Self> {
        if bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut writer = ::csv::Writer::from_writer(out);
        let mut header: Vec<String> = [
            "rank",
            "file",
            "status",
            "level",
            "score",
            "confidence",
            "candidate",
            "email",
            "claimed_title",
            "claimed_level",
            "claim_check",
            "years_experience",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for family in families {
            header.push(format!("{family}_score"));
            header.push(format!("{family}_evidence"));
        }
        header.push("flags".into());
        header.push("note".into());
        if job {
            header.extend(JOB_COLUMNS.iter().map(|c| c.to_string()));
        }
        writer.write_record(&header)?;
        Ok(RankingWriter {
            writer,
            families: families.to_vec(),
            job,
        })
    }

    pub fn write(&mut self, record: &Record) -> std::io::Result<()> {
        let mut cells = row(record, &self.families);
        if self.job {
            cells.extend(job_cells(record));
        }
        self.writer
            .write_record(cells.iter().map(|c| neutralise(c)))?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map_or(String::new(), |v| format!("{v:.decimals$}"))
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn row(r: &Record, families: &[String]) -> Vec<String> {
    let mut cells = vec![
        r.rank.map_or(String::new(), |n| n.to_string()),
        r.file.clone(),
        r.status.clone(),
        text(&r.level),
        number(r.score, 2),
        number(r.confidence, 2),
        text(&r.candidate),
        text(&r.email),
        text(&r.claimed_title),
        text(&r.claimed_level),
        text(&r.claim_check),
        number(r.years_experience, 1),
    ];
    for family in families {
        match r.families.iter().find(|f| &f.family == family) {
            Some(f) if r.is_assessed() => {
                cells.push(format!("{:.2}", f.score));
                cells.push(evidence_cell(f));
            }
            _ => {
                cells.push(String::new());
                cells.push(String::new());
            }
        }
    }
    cells.push(r.flags.join(";"));
    cells.push(r.note.clone());
    cells
}

/// The `--job` columns: the fit, the level against the posting's, and the
/// requirements by depth, `; `-separated, a shown one with the latest year
/// of a dated role it was shown in ("Go (2024); Kafka").
fn job_cells(r: &Record) -> Vec<String> {
    let Some(fit) = r.job.as_ref().filter(|_| r.is_assessed()) else {
        return vec![String::new(); JOB_COLUMNS.len()];
    };
    let shown = |importance: Importance| {
        fit.requirements
            .iter()
            .filter(|v| v.importance == importance && v.depth == Depth::Shown)
            .map(|v| match v.year {
                Some(year) => format!("{} ({year})", v.requirement),
                None => v.requirement.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        format!("{:.0}", fit.job_fit),
        fit.level_fit.map_or(String::new(), |l| l.name().into()),
        shown(Importance::Required),
        fit.labels(Importance::Required, Depth::Listed).join("; "),
        fit.labels(Importance::Required, Depth::Absent).join("; "),
        shown(Importance::Nice),
    ]
}

/// The strongest few quotes with their places:
/// `owned the shipment-tracking gRPC service … (p1 l12) | …`.
fn evidence_cell(family: &super::FamilyResult) -> String {
    family
        .evidence
        .iter()
        .take(QUOTES_PER_CELL)
        .map(|q| {
            format!(
                "{} (p{} l{})",
                cut_at_word(&q.quote, QUOTE_CHARS),
                q.page,
                q.line
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
