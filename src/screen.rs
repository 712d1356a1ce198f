//! One file through the whole pipeline, as a batch worker runs it: read the
//! bytes once, hash them, extract, assess, and send back a compact result
//! (the record and the hashes duplicate detection needs — never the text,
//! so memory stays flat however many files a batch holds). For `screen
//! --briefs` the interview brief is built here too, from the assessment the
//! record comes from: the parent then writes briefs without ever parsing a
//! file itself, so a hostile file stays in its worker.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::assess::assess_for_job;
use crate::brief::{self, Brief};
use crate::dedupe::ContentHash;
use crate::extract::{self, Limits};
use crate::jobfit::JobContext;
use crate::report::Record;
use crate::rubric::Rubric;

/// What the batch learns about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screened {
    /// Hash of the file's bytes (none when it could not be read).
    pub bytes: Option<ContentHash>,
    /// Hash of the normalised extracted text (none without text).
    pub text: Option<ContentHash>,
    /// The row: assessed, or the reason it is not.
    pub record: Record,
    /// The interview brief of an assessed file, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<Brief>,
}

/// Whether the worker also builds each assessed file's interview brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefRequest {
    /// Build it redacted (no name, email, phone or link).
    pub redact: bool,
}

/// A [`Screened`] as the batch's parent reads it from a worker: the hashes,
/// and the record still as the JSON it was sent in. The parent needs only a
/// few of its fields ([`RecordKeys`]) while the batch runs; the rest it
/// files away unread, instead of building every quote to write it out
/// again.
#[derive(Debug, Deserialize)]
pub struct ScreenedRaw {
    pub bytes: Option<ContentHash>,
    pub text: Option<ContentHash>,
    pub record: Box<serde_json::value::RawValue>,
    /// The brief, also as sent, when one was asked for.
    #[serde(default)]
    pub brief: Option<Box<serde_json::value::RawValue>>,
}

/// The fields of a [`Record`] that ranking, duplicates and the summary
/// need before the records are read back.
#[derive(Debug, Deserialize)]
pub struct RecordKeys {
    pub file: String,
    pub status: String,
    pub level: Option<String>,
    pub score: Option<f64>,
    pub email: Option<String>,
    pub note: String,
    /// With `--job`, the fit the ranking orders by first.
    #[serde(default)]
    pub job: Option<JobFitKey>,
}

/// The part of a record's job fit the ranking needs.
#[derive(Debug, Deserialize)]
pub struct JobFitKey {
    pub job_fit: f64,
}

impl ScreenedRaw {
    /// The record's keys, read from its JSON.
    pub fn keys(&self) -> serde_json::Result<RecordKeys> {
        serde_json::from_str(self.record.get())
    }
}

/// Keep only each family's strongest `quotes` evidence items (they are
/// sorted strongest first) and no requirement's quote, nor the skill and
/// place it names: what the CSV ranking needs, which quotes that many per
/// family and names the posting's requirements (with the year each was
/// shown in) without quoting them.
pub fn keep_strongest(record: &mut Record, quotes: usize) {
    for family in &mut record.families {
        family.evidence.truncate(quotes);
    }
    for verdict in record.job.iter_mut().flat_map(|fit| &mut fit.requirements) {
        verdict.quote = None;
        verdict.skill = None;
        verdict.page = None;
        verdict.line = None;
    }
}

/// Screen one file, match it against a posting when one is given, and
/// build its brief when asked. `display` is the path as the report shows
/// it.
pub fn screen_file(
    path: &Path,
    display: String,
    limits: &Limits,
    rubric: &Rubric,
    job: Option<&JobContext>,
    brief_request: Option<BriefRequest>,
) -> Screened {
    let bytes = match extract::read_file(path, limits) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Screened {
                bytes: None,
                text: None,
                record: Record::not_assessed(display, e.status(), e.to_string()),
                brief: None,
            };
        }
    };
    let bytes_hash = Some(ContentHash::of_bytes(&bytes));
    let extension = extract::extension_of(path);
    match extract::extract_bytes(&bytes, &extension, limits) {
        Ok(doc) => {
            drop(bytes);
            let assessment = assess_for_job(&doc, rubric, job);
            Screened {
                bytes: bytes_hash,
                text: ContentHash::of_text(&doc.plain_text()),
                brief: brief_request
                    .map(|request| brief::build(&display, &assessment, rubric, request.redact)),
                record: Record::assessed(display, &assessment, rubric),
            }
        }
        Err(e) => Screened {
            bytes: bytes_hash,
            text: None,
            record: Record::not_assessed(display, e.status(), e.to_string()),
            brief: None,
        },
    }
}
