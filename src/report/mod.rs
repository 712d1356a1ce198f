//! Reports: the ranking's records and the formats they are written in.
//!
//! A [`Record`] is one input file's row — flat, serialisable, the same for
//! every format — built from an assessment or from the reason a file could
//! not be assessed. Each format lives in its own file (`csv`, `jsonl`,
//! `evidence`, `html`); cell safety (formula neutralising, quote cutting) in
//! `cells`. Writing never changes a record: ranking and redaction happen
//! before.

pub mod cells;
pub mod csv;
pub mod evidence;
pub mod html;
pub mod jsonl;
pub mod spill;

use serde::{Deserialize, Serialize};

use crate::assess::Assessment;
use crate::classify::FeatureValue;
use crate::jobfit::JobFit;
use crate::rubric::Rubric;

/// Row statuses (design.md): `ok` is assessed, the rest say why not.
pub const STATUS_OK: &str = "ok";
pub const STATUS_DUPLICATE: &str = "duplicate";

/// One piece of evidence as reported: a verbatim quote with its place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub family: String,
    pub signal: String,
    pub weight: f64,
    pub page: u32,
    pub line: u32,
    pub quote: String,
    /// What matched inside the quote: the phrase, or the normalised number
    /// ("28,000/s"), which may not appear in the quote as written.
    #[serde(default)]
    pub matched: String,
}

/// A family's score and its evidence, strongest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyResult {
    pub family: String,
    pub score: f64,
    pub evidence: Vec<Quote>,
}

/// One input file's row in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 1..N over assessed rows; none for the rest.
    pub rank: Option<usize>,
    /// The path as given or found.
    pub file: String,
    pub status: String,
    pub level: Option<String>,
    pub score: Option<f64>,
    pub confidence: Option<f64>,
    pub candidate: Option<String>,
    pub email: Option<String>,
    pub claimed_title: Option<String>,
    pub claimed_level: Option<String>,
    pub claim_check: Option<String>,
    pub years_experience: Option<f64>,
    /// One per rubric family, in rubric order (empty unless assessed).
    pub families: Vec<FamilyResult>,
    pub flags: Vec<String>,
    /// What the next level up needs and was not found.
    pub missing_for_next: Vec<String>,
    /// Why the row is not `ok`; on an assessed row, what text was hidden
    /// when `hidden_text` is raised, so a recruiter can judge the flag.
    pub note: String,
    /// Why the claim check says what it says (JSONL and explain only).
    #[serde(default)]
    pub claim_reason: String,
    /// The IC level the evidence reads as: `level` itself, or for the
    /// management track the IC reading beside it (JSONL only).
    #[serde(default)]
    pub ic_level: Option<String>,
    /// The model's probability of each IC level, entry first (JSONL only).
    #[serde(default)]
    pub probabilities: Option<[f64; 5]>,
    /// Each model feature's value and what it added to the score (JSONL
    /// only): what calibration refits from.
    #[serde(default)]
    pub features: Vec<FeatureValue>,
    /// The resume against the job posting (`--job` only): its fit and each
    /// requirement's verdict with its quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<JobFit>,
}

/// How much of the hidden text a row's note quotes.
const HIDDEN_NOTE_CHARS: usize = 160;

impl Record {
    /// The row of an assessed resume.
    pub fn assessed(file: String, a: &Assessment, rubric: &Rubric) -> Record {
        let families = rubric
            .families
            .iter()
            .map(|family| {
                let score = a
                    .families
                    .iter()
                    .find(|f| f.family == family.id)
                    .map_or(0.0, |f| f.score);
                let mut evidence: Vec<Quote> = a
                    .evidence
                    .iter()
                    .filter(|e| e.family == family.id)
                    .map(|e| Quote {
                        family: e.family.clone(),
                        signal: e.signal.clone(),
                        weight: e.weight,
                        page: e.page,
                        line: e.line,
                        quote: e.quote.clone(),
                        matched: e.detail.clone(),
                    })
                    .collect();
                // Strongest first; place breaks ties so order is stable.
                evidence.sort_by(|x, y| {
                    y.weight
                        .total_cmp(&x.weight)
                        .then((x.page, x.line).cmp(&(y.page, y.line)))
                });
                FamilyResult {
                    family: family.id.clone(),
                    score,
                    evidence,
                }
            })
            .collect();
        Record {
            rank: None,
            file,
            status: STATUS_OK.into(),
            level: Some(a.reported_level().into()),
            score: Some(a.score),
            confidence: Some(a.confidence),
            candidate: a.candidate.clone(),
            email: a.email.clone(),
            claimed_title: a.claimed_title.clone(),
            claimed_level: a.claimed_level.clone(),
            claim_check: Some(a.claim_check.name().into()),
            years_experience: Some(a.years_experience),
            families,
            flags: a.flags.clone(),
            missing_for_next: a.missing_for_next.clone(),
            note: a
                .flag_evidence
                .iter()
                .find(|f| f.flag == "hidden_text" && !f.quote.is_empty())
                .map(|f| {
                    format!(
                        "hidden text: {}",
                        cells::cut_at_word(&f.quote, HIDDEN_NOTE_CHARS)
                    )
                })
                .unwrap_or_default(),
            claim_reason: a.claim_reason.clone(),
            ic_level: Some(a.level.name().into()),
            probabilities: Some(a.probabilities),
            features: a.features.clone(),
            job: a.job.clone(),
        }
    }

    /// The row of a file that could not be assessed.
    pub fn not_assessed(file: String, status: &str, note: String) -> Record {
        Record {
            rank: None,
            file,
            status: status.into(),
            level: None,
            score: None,
            confidence: None,
            candidate: None,
            email: None,
            claimed_title: None,
            claimed_level: None,
            claim_check: None,
            years_experience: None,
            families: Vec::new(),
            flags: Vec::new(),
            missing_for_next: Vec::new(),
            note,
            claim_reason: String::new(),
            ic_level: None,
            probabilities: None,
            features: Vec::new(),
            job: None,
        }
    }

    pub fn is_assessed(&self) -> bool {
        self.status == STATUS_OK
    }

    /// The IC level the evidence reads as (a manager's too), when assessed.
    pub fn ic_level(&self) -> Option<crate::rubric::Level> {
        crate::rubric::Level::from_name(self.ic_level.as_deref()?)
    }
}
