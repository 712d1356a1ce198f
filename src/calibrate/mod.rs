//! Calibration: measuring a rubric against resumes whose level a hiring
//! team already knows, and fitting its level model to them.
//!
//! Takes the labels (`labels`) and each labelled file's screened record
//! (the batch runs them like `screen` does), and gives a [`Calibration`]:
//! agreement figures (`metrics`), claim-check agreement and false
//! accusations (`claims`), how often each confidence band is right, how
//! well the management track is recognised, and per-signal lift (`lift`).
//! With a fit (`fit`), the same figures are given for the model refitted
//! with each resume held out (k-fold cross-validation), and `rewrite`
//! writes the fitted rubric. `text` and `report` render it. Everything here
//! after the labels file is read is pure; files that could not be assessed
//! are carried in the result and listed, never dropped from view, and never
//! counted in a figure.

pub mod claims;
pub mod fit;
pub mod labels;
pub mod lift;
pub mod metrics;
pub mod report;
pub mod rewrite;
pub mod text;

use std::collections::BTreeSet;

use crate::classify::model::most_probable;
use crate::classify::{ClaimCheck, claim_check};
use crate::rank::RankLevel;
use crate::report::Record;
use crate::rubric::{Level, Rubric};

use claims::{ClaimAgreement, ClaimCase};
use fit::{Fitted, Sample};
use labels::{Label, Truth};
use lift::LiftRow;
use metrics::Metrics;

/// Folds of the cross-validation a fit reports.
pub const FOLDS: usize = 5;

/// One labelled resume that was assessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub label: Label,
    pub record: Record,
    /// What levelscan reported: an IC level or the management track.
    pub reported: RankLevel,
    /// The IC level the assessment gave (a manager's too).
    pub assessed_ic: Level,
    /// The model's probability of each IC level.
    pub probabilities: [f64; 5],
    /// The model's feature values, in the rubric's model order; `None`
    /// when the record does not carry them all (another rubric's record).
    pub values: Option<Vec<f64>>,
    /// Evidence items the resume showed (the claim check needs enough).
    pub evidence_items: usize,
}

impl Observation {
    /// The IC level the assessment gave (a manager's too).
    pub fn ic_level(&self) -> Level {
        self.assessed_ic
    }
}

/// One labelled resume that could not be assessed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct NotAssessed {
    pub label: Label,
    pub status: String,
    pub note: String,
}

/// How often answers given with a confidence in `[low, high)` were right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub low: f64,
    pub high: f64,
    pub n: usize,
    pub right: usize,
}

/// How well the management track is told apart from the IC ladder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ManagementAgreement {
    /// Resumes labelled management.
    pub labelled: usize,
    /// Of those, reported as management.
    pub recognised: usize,
    /// IC-labelled resumes reported as management.
    pub ic_as_management: usize,
}

/// The agreement of one set of answers (as assessed, or cross-validated)
/// with the labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// IC-labelled resumes: true level against the model's IC level.
    pub metrics: Option<Metrics>,
    /// `None` when no resume has a claim a title rule knows.
    pub claims: Option<ClaimAgreement>,
    pub management: ManagementAgreement,
    /// Confidence bands, lowest first.
    pub reliability: Vec<Band>,
    /// The IC level each IC-labelled observation was given, in order
    /// (`None` for management labels).
    pub predicted: Vec<Option<Level>>,
}

/// Everything calibration measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// Assessed resumes, in labels-file order.
    pub observations: Vec<Observation>,
    pub not_assessed: Vec<NotAssessed>,
    /// The rubric as it is, on these labels.
    pub agreement: Agreement,
    /// Signals and metrics of the rubric, in rubric order.
    pub signal_lift: Vec<LiftRow>,
    /// Anti-signal flags: the rubric's, then any other raised (hidden text).
    pub flag_lift: Vec<LiftRow>,
}

/// Measure. `records[i]` is the screened record of `labels[i]`.
pub fn calibrate(labels: &[Label], records: Vec<Record>, rubric: &Rubric) -> Calibration {
    let mut observations = Vec::new();
    let mut not_assessed = Vec::new();
    for (label, record) in labels.iter().zip(records) {
        let reported = record.level.as_deref().and_then(RankLevel::from_name);
        let (Some(reported), Some(assessed_ic), Some(probabilities), true) = (
            reported,
            record.ic_level(),
            record.probabilities,
            record.is_assessed(),
        ) else {
            not_assessed.push(NotAssessed {
                label: label.clone(),
                status: record.status.clone(),
                note: record.note.clone(),
            });
            continue;
        };
        let values = rubric
            .model
            .features
            .iter()
            .map(|(name, _)| {
                record
                    .features
                    .iter()
                    .find(|f| &f.name == name)
                    .map(|f| f.value)
            })
            .collect();
        let evidence_items = record.families.iter().map(|f| f.evidence.len()).sum();
        observations.push(Observation {
            label: label.clone(),
            record,
            reported,
            assessed_ic,
            probabilities,
            values,
            evidence_items,
        });
    }

    let assessed: Vec<Answer> = observations
        .iter()
        .map(|o| Answer {
            level: o.assessed_ic,
            verdict: o.record.claim_check.clone().unwrap_or_default(),
            confidence: o.record.confidence.unwrap_or(0.0),
        })
        .collect();
    let agreement = agreement(&observations, &assessed, rubric);

    let fired: Vec<(Level, BTreeSet<String>)> = observations
        .iter()
        .filter(|o| !o.label.train_only)
        .filter_map(|o| {
            let ids = o
                .record
                .families
                .iter()
                .flat_map(|f| f.evidence.iter().map(|q| q.signal.clone()))
                .collect();
            Some((o.label.truth.level()?, ids))
        })
        .collect();
    let raised: Vec<(Level, BTreeSet<String>)> = observations
        .iter()
        .filter(|o| !o.label.train_only)
        .filter_map(|o| {
            Some((
                o.label.truth.level()?,
                o.record.flags.iter().cloned().collect(),
            ))
        })
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
        agreement,
        signal_lift: lift::lift(&signal_ids, &fired),
        flag_lift: lift::lift(&flag_ids, &raised),
        observations,
        not_assessed,
    }
}

/// One answer for one observation: as assessed, or from a model fitted
/// without it.
#[derive(Debug, Clone)]
struct Answer {
    level: Level,
    verdict: String,
    confidence: f64,
}

/// Confidence bands a reliability table shows.
const BANDS: [(f64, f64); 4] = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)];

fn agreement(observations: &[Observation], answers: &[Answer], rubric: &Rubric) -> Agreement {
    let mut pairs = Vec::new();
    let mut predicted = Vec::new();
    let mut management = ManagementAgreement::default();
    let mut bands: Vec<Band> = BANDS
        .iter()
        .map(|&(low, high)| Band {
            low,
            high,
            n: 0,
            right: 0,
        })
        .collect();
    let mut claim_cases = Vec::new();
    for (o, a) in observations.iter().zip(answers) {
        if o.label.train_only {
            continue;
        }
        let level = a.level;
        match o.label.truth {
            Truth::Management => {
                management.labelled += 1;
                management.recognised += usize::from(o.reported == RankLevel::Management);
                predicted.push(None);
            }
            Truth::Ic(truth) => {
                management.ic_as_management += usize::from(o.reported == RankLevel::Management);
                pairs.push((truth, level));
                predicted.push(Some(level));
                if let Some(band) = bands
                    .iter_mut()
                    .find(|b| a.confidence >= b.low && a.confidence < b.high)
                {
                    band.n += 1;
                    band.right += usize::from(level == truth);
                }
                // The claim the team knows, else the one levelscan read.
                let claimed = o
                    .label
                    .claimed
                    .clone()
                    .or_else(|| o.record.claimed_level.clone());
                if let Some(claimed) = claimed {
                    claim_cases.push(ClaimCase {
                        file: o.label.file.clone(),
                        line: o.label.line,
                        truth,
                        labelled_claim: o.label.claimed.is_some(),
                        claimed,
                        read: o.record.claimed_level.clone(),
                        verdict: a.verdict.clone(),
                    });
                }
            }
        }
    }
    Agreement {
        metrics: metrics::metrics(&pairs),
        claims: (!claim_cases.is_empty()).then(|| claims::agreement(&claim_cases, rubric)),
        management,
        reliability: bands,
        predicted,
    }
}

/// A fitted model with its cross-validated and in-sample agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFit {
    pub fitted: Fitted,
    /// Feature names, model order.
    pub features: Vec<String>,
    /// The weights and thresholds the rubric had.
    pub old_weights: Vec<f64>,
    pub old_thresholds: Vec<f64>,
    /// IC-labelled resumes the fit used, and of those, fit only.
    pub samples: usize,
    pub train_only: usize,
    /// Each resume judged by a model fitted without its fold.
    pub cross_validated: Agreement,
    /// The fitted model on the resumes it was fitted on.
    pub in_sample: Agreement,
    /// Each IC-labelled file with its cross-validated level probabilities,
    /// in labels order.
    pub held_out: Vec<(String, [f64; 5])>,
}

/// Why a fit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FitError {
    #[error("cannot fit: no IC-labelled resume was assessed")]
    NoSamples,
    #[error(
        "cannot fit: {0} was assessed without the model's features (its record comes from another rubric)"
    )]
    MissingFeatures(String),
    #[error(
        "cannot fit: the labels hold no {0} resume; every level needs examples (at least one each) for its threshold"
    )]
    LevelMissing(Level),
}

/// Fit the level model to the IC-labelled resumes, with `FOLDS`-fold
/// cross-validation of the same fit.
pub fn fit_model(cal: &Calibration, rubric: &Rubric) -> Result<ModelFit, FitError> {
    let mut samples = Vec::new();
    let mut used = Vec::new();
    for o in &cal.observations {
        let Some(truth) = o.label.truth.level() else {
            continue;
        };
        let Some(values) = o.values.clone() else {
            return Err(FitError::MissingFeatures(o.label.file.clone()));
        };
        samples.push(Sample {
            values,
            truth,
            group: o
                .label
                .group
                .clone()
                .unwrap_or_else(|| o.label.file.clone()),
            train_only: o.label.train_only,
        });
        used.push(o.clone());
    }
    if samples.is_empty() {
        return Err(FitError::NoSamples);
    }
    if let Some(level) = Level::ALL
        .into_iter()
        .find(|l| !samples.iter().any(|s| s.truth == *l))
    {
        return Err(FitError::LevelMissing(level));
    }
    let k = rubric.model.features.len();
    let fitted = fit::fit(&samples, k, fit::RIDGE);
    let cv = fit::cross_validate(&samples, k, FOLDS, fit::RIDGE);
    let held_out = used
        .iter()
        .zip(&cv)
        .filter(|(o, _)| !o.label.train_only)
        .map(|(o, p)| (o.label.file.clone(), *p))
        .collect();
    let answers = |probs: Vec<[f64; 5]>| -> Vec<Answer> {
        used.iter()
            .zip(probs)
            .map(|(o, p)| {
                let rule = o
                    .record
                    .claimed_level
                    .as_deref()
                    .and_then(|c| claims::rule_for_claim(c, rubric));
                let (verdict, _) = claim_check(rule, &p, o.evidence_items, &rubric.claims);
                Answer {
                    level: most_probable(&p),
                    verdict: verdict.name().to_string(),
                    confidence: p[most_probable(&p).index()],
                }
            })
            .collect()
    };
    let in_sample_probs = samples
        .iter()
        .map(|s| fitted.probabilities(&s.values))
        .collect();
    // The track comes from the title, not the model: the fit leaves it as
    // the rubric measured it.
    let with_track = |mut a: Agreement| {
        a.management = cal.agreement.management;
        a
    };
    Ok(ModelFit {
        features: rubric
            .model
            .features
            .iter()
            .map(|(n, _)| n.clone())
            .collect(),
        old_weights: rubric.model.weights.clone(),
        old_thresholds: rubric.model.thresholds.clone(),
        samples: samples.len(),
        train_only: samples.iter().filter(|s| s.train_only).count(),
        cross_validated: with_track(agreement(&used, &answers(cv), rubric)),
        in_sample: with_track(agreement(&used, &answers(in_sample_probs), rubric)),
        held_out,
        fitted,
    })
}

/// Whether a verdict is an accusation ("overclaimed").
pub fn is_accusation(verdict: &str) -> bool {
    verdict == ClaimCheck::Overclaimed.name()
}
