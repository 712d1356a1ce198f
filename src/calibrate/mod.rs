//! Calibration: measuring a rubric against resumes whose level a hiring
//! team already knows, and tuning its level thresholds.
//!
//! Takes the labels (`labels`) and each labelled file's screened record
//! (the batch runs them like `screen` does), and gives a [`Calibration`]:
//! the agreement figures (`metrics`), claim-check agreement (`claims`),
//! per-signal lift (`lift`), and the resumes as cases for fitting
//! thresholds (`fit`, written out by `rewrite`). `text` and `report` render
//! it. Everything here after the labels file is read is pure; files that
//! could not be assessed are carried in the result and listed, never
//! dropped from view, and never counted in a figure.

pub mod claims;
pub mod fit;
pub mod labels;
pub mod lift;
pub mod metrics;
pub mod report;
pub mod rewrite;
pub mod text;

use std::collections::BTreeSet;

use crate::classify::{gates_met_by_level, level_for};
use crate::report::Record;
use crate::rubric::{Level, Rubric};

use claims::{ClaimAgreement, ClaimCase};
use fit::Case;
use labels::Label;
use lift::LiftRow;
use metrics::Metrics;

/// One labelled resume that was assessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub label: Label,
    pub record: Record,
    pub predicted: Level,
    pub score: f64,
    /// Per level, lowest first: whether that level's own gates hold.
    pub gates_met: Vec<bool>,
    /// Distance from the score to the nearest level threshold.
    pub margin: f64,
}

/// One labelled resume that could not be assessed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct NotAssessed {
    pub label: Label,
    pub status: String,
    pub note: String,
}

/// Everything calibration measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// Assessed resumes, in labels-file order.
    pub observations: Vec<Observation>,
    pub not_assessed: Vec<NotAssessed>,
    /// `None` when nothing was assessed.
    pub metrics: Option<Metrics>,
    /// `None` when no label has a `claimed` value.
    pub claims: Option<ClaimAgreement>,
    /// Signals and metrics of the rubric, in rubric order.
    pub signal_lift: Vec<LiftRow>,
    /// Anti-signal flags: the rubric's, then any other raised (hidden text).
    pub flag_lift: Vec<LiftRow>,
    /// Files whose level, re-derived from score, gates and thresholds, is
    /// not the level the assessment gave: the fit would be working from a
    /// different rule than the classifier. Empty unless something is wrong.
    pub rederive_mismatches: Vec<String>,
}

/// The thresholds of a rubric, lowest level first.
pub fn thresholds(rubric: &Rubric) -> Vec<f64> {
    rubric.levels.iter().map(|l| l.min_score).collect()
}

/// Measure. `records[i]` is the screened record of `labels[i]`.
pub fn calibrate(labels: &[Label], records: Vec<Record>, rubric: &Rubric) -> Calibration {
    let original = thresholds(rubric);
    let mut observations = Vec::new();
    let mut not_assessed = Vec::new();
    let mut rederive_mismatches = Vec::new();
    for (label, record) in labels.iter().zip(records) {
        let predicted = record.level.as_deref().and_then(Level::from_name);
        let (Some(predicted), Some(score), true) = (predicted, record.score, record.is_assessed())
        else {
            not_assessed.push(NotAssessed {
                label: label.clone(),
                status: record.status.clone(),
                note: record.note.clone(),
            });
            continue;
        };
        let items: Vec<(&str, &str, f64)> = record
            .families
            .iter()
            .flat_map(|f| f.evidence.iter())
            .map(|q| (q.family.as_str(), q.signal.as_str(), q.weight))
            .collect();
        let gates_met = gates_met_by_level(&items, rubric);
        if level_for(score, &original, &gates_met) != predicted {
            rederive_mismatches.push(label.file.clone());
        }
        let margin = original
            .iter()
            .skip(1)
            .map(|t| (score - t).abs())
            .fold(f64::INFINITY, f64::min);
        observations.push(Observation {
            label: label.clone(),
            record,
            predicted,
            score,
            gates_met,
            margin: (margin * 100.0).round() / 100.0,
        });
    }

    let pairs: Vec<(Level, Level)> = observations
        .iter()
        .map(|o| (o.label.level, o.predicted))
        .collect();
    let claim_cases: Vec<ClaimCase> = observations
        .iter()
        .filter_map(|o| {
            Some(ClaimCase {
                file: o.label.file.clone(),
                line: o.label.line,
                truth: o.label.level,
                claimed: o.label.claimed.clone()?,
                read: o.record.claimed_level.clone(),
                verdict: o.record.claim_check.clone().unwrap_or_default(),
            })
        })
        .collect();
    let claims = (!claim_cases.is_empty()).then(|| claims::agreement(&claim_cases, rubric));

    let fired: Vec<(Level, BTreeSet<String>)> = observations
        .iter()
        .map(|o| {
            let ids = o
                .record
                .families
                .iter()
                .flat_map(|f| f.evidence.iter().map(|q| q.signal.clone()))
                .collect();
            (o.label.level, ids)
        })
        .collect();
    let raised: Vec<(Level, BTreeSet<String>)> = observations
        .iter()
        .map(|o| (o.label.level, o.record.flags.iter().cloned().collect()))
        .collect();
    let signal_ids: Vec<String> = rubric
        .signals
        .iter()
        .map(|s| s.id.clone())
        .chain(rubric.metrics.iter().map(|m| m.id.clone()))
        .collect();
    let mut flag_ids: Vec<String> = rubric.flags.iter().map(|f| f.id.clone()).collect();
    let others: BTreeSet<String> = raised
        .iter()
        .flat_map(|(_, f)| f.iter())
        .filter(|f| !flag_ids.contains(f))
        .cloned()
        .collect();
    flag_ids.extend(others);

    Calibration {
        metrics: metrics::metrics(&pairs),
        claims,
        signal_lift: lift::lift(&signal_ids, &fired),
        flag_lift: lift::lift(&flag_ids, &raised),
        observations,
        not_assessed,
        rederive_mismatches,
    }
}

impl Calibration {
    /// The assessed resumes as the threshold fit sees them.
    pub fn cases(&self) -> Vec<Case> {
        self.observations
            .iter()
            .map(|o| Case {
                truth: o.label.level,
                score: o.score,
                gates_met: o.gates_met.clone(),
            })
            .collect()
    }
}
