//! Calibration: measuring a rubric against resumes whose level a hiring
//! team already knows, and tuning its level thresholds.
//!
//! Takes the labels (`labels`) and each labelled file's screened record
//! (the batch runs them like `screen` does), and gives a [`Calibration`]:
//! the agreement figures (`metrics`), claim-check agreement (`claims`),
//! per-signal lift (`lift`), and the resumes as cases for fitting
//! thresholds (`fit`) and family weights (`weights`), written out by
//! `rewrite`. `text` and `report` render it. Everything here after the labels file is read is pure; files that
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
pub mod weights;

use std::collections::BTreeSet;

use crate::classify::{gates_met_by_level, level_for};
use crate::report::Record;
use crate::rubric::{Level, Rubric};

use claims::{ClaimAgreement, ClaimCase};
use fit::{Case, Fit};
use labels::Label;
use lift::LiftRow;
use metrics::Metrics;
use weights::{Scored, Scoring, WeightFit};

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
    /// Per family, rubric order: evidence after the cap, before the
    /// weight (none when a family's weight is 0 and it cannot be known).
    pub family_raw: Option<Vec<f64>>,
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
        let family_raw = rubric
            .families
            .iter()
            .map(|family| {
                let scored = record.families.iter().find(|f| f.family == family.id)?;
                (family.weight > 0.0).then(|| scored.score / family.weight)
            })
            .collect();
        observations.push(Observation {
            label: label.clone(),
            record,
            predicted,
            score,
            gates_met,
            margin: (margin * 100.0).round() / 100.0,
            family_raw,
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

/// What the family-weight search did.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightOutcome {
    Searched(WeightFit),
    /// Why no search was made.
    NotTried(String),
}

/// A fit of thresholds and, where the data support it, family weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Tuned {
    /// The thresholds written, with the accuracy of the rubric written.
    pub fit: Fit,
    pub weights: WeightOutcome,
    /// Family ids, rubric order.
    pub families: Vec<String>,
}

impl Tuned {
    /// The family weights to write, when they change.
    pub fn new_weights(&self) -> Option<&[f64]> {
        match &self.weights {
            WeightOutcome::Searched(w) if w.accepted => Some(&w.new),
            _ => None,
        }
    }
}

/// Fit the thresholds, then search family weights and keep them only when
/// held-out accuracy improves. `None` when nothing was assessed.
pub fn tune(cal: &Calibration, rubric: &Rubric) -> Option<Tuned> {
    let cases = cal.cases();
    if cases.is_empty() {
        return None;
    }
    let original = thresholds(rubric);
    let mut fitted = fit::fit(&cases, &original);
    let scoring = Scoring::of(rubric);
    let weights = match cal.scored(&scoring) {
        Ok(scored) => {
            let w = weights::fit_weights(&scored, &scoring, &original, fitted.leave_one_out);
            if w.accepted {
                fitted.thresholds = w.thresholds.clone();
                for b in &mut fitted.boundaries {
                    b.new = w.thresholds[b.level.index()];
                }
                fitted.after = w.in_sample;
                fitted.leave_one_out = w.leave_one_out;
            }
            WeightOutcome::Searched(w)
        }
        Err(why) => WeightOutcome::NotTried(why),
    };
    Some(Tuned {
        fit: fitted,
        weights,
        families: rubric.families.iter().map(|f| f.id.clone()).collect(),
    })
}

impl Calibration {
    /// The assessed resumes as the weight search sees them, or why the
    /// scores cannot be rebuilt from what the assessment reported.
    pub fn scored(&self, scoring: &Scoring) -> Result<Vec<Scored>, String> {
        let mut out = Vec::new();
        for o in &self.observations {
            let Some(family_raw) = o.family_raw.clone() else {
                return Err("a family has weight 0, so its evidence cannot be re-weighted".into());
            };
            let s = Scored {
                truth: o.label.level,
                gates_met: o.gates_met.clone(),
                family_raw,
                years: o.record.years_experience.unwrap_or(0.0),
            };
            if (scoring.score(&s, &scoring.weights) - o.score).abs() > 0.011 {
                return Err(format!(
                    "{}: the score cannot be rebuilt from its family scores and years",
                    o.label.file
                ));
            }
            out.push(s);
        }
        Ok(out)
    }

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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::report::{FamilyResult, Quote};
    use crate::rubric::load_default;

    fn label(line: usize, file: &str, level: Level) -> Label {
        Label {
            line,
            file: file.into(),
            path: PathBuf::from(file),
            level,
            claimed: None,
        }
    }

    fn quote(family: &str, signal: &str, weight: f64) -> Quote {
        Quote {
            family: family.into(),
            signal: signal.into(),
            weight,
            page: 1,
            line: 1,
            quote: format!("{signal} sentence"),
            matched: signal.into(),
        }
    }

    /// An assessed record with the given evidence, as a worker would send.
    fn record(file: &str, level: Level, score: f64, evidence: Vec<Quote>) -> Record {
        let mut r = Record::not_assessed(file.into(), "ok", String::new());
        r.level = Some(level.name().into());
        r.score = Some(score);
        r.confidence = Some(0.5);
        r.claim_check = Some("unknown".into());
        r.families = ["ownership", "scale", "patterns", "judgment"]
            .iter()
            .map(|f| FamilyResult {
                family: f.to_string(),
                score: evidence
                    .iter()
                    .filter(|q| q.family == *f)
                    .map(|q| q.weight)
                    .sum(),
                evidence: evidence
                    .iter()
                    .filter(|q| q.family == *f)
                    .cloned()
                    .collect(),
            })
            .collect();
        r
    }

    #[test]
    fn gates_and_thresholds_re_derive_the_level_and_failures_are_kept_apart() {
        let rubric = load_default().unwrap();
        let t = thresholds(&rubric);
        let mid_gate = vec![quote("ownership", "strong_ownership", 3.0)];
        let labels = vec![
            label(2, "a.md", Level::Mid),
            label(3, "b.md", Level::Senior),
            label(4, "c.pdf", Level::Staff),
        ];
        let records = vec![
            // Above the mid threshold with the mid gate met: mid.
            record("a.md", Level::Mid, t[1] + 1.0, mid_gate.clone()),
            // Above the senior threshold without the senior gates: held at
            // mid, exactly as the classifier would.
            record("b.md", Level::Mid, t[2] + 0.5, mid_gate),
            Record::not_assessed("c.pdf".into(), "encrypted", "encrypted".into()),
        ];
        let cal = calibrate(&labels, records, &rubric);
        assert!(
            cal.rederive_mismatches.is_empty(),
            "{:?}",
            cal.rederive_mismatches
        );
        assert_eq!(cal.observations.len(), 2);
        assert!(cal.observations[0].gates_met[1]);
        assert!(!cal.observations[1].gates_met[2]);
        assert_eq!(cal.observations[0].margin, 1.0);
        assert_eq!(cal.observations[1].margin, 0.5);
        assert_eq!(cal.not_assessed.len(), 1);
        assert_eq!(cal.not_assessed[0].label.line, 4);
        let m = cal.metrics.as_ref().unwrap();
        assert_eq!(m.n, 2, "the encrypted file is not in the figures");
        assert_eq!(m.exact, 0.5);
        assert!(cal.claims.is_none());
        let cases = cal.cases();
        assert_eq!(cases[1].truth, Level::Senior);
        // These made-up scores are not the sum of their family scores: the
        // weight search must refuse rather than work from wrong numbers.
        let why = cal.scored(&Scoring::of(&rubric)).unwrap_err();
        assert!(why.contains("cannot be rebuilt"), "{why}");
        // A level the record claims but the thresholds do not give is
        // caught: the fit would be working from another rule.
        let wrong = vec![record("a.md", Level::Staff, t[1] + 1.0, vec![])];
        let cal = calibrate(&labels[..1], wrong, &rubric);
        assert_eq!(cal.rederive_mismatches, vec!["a.md".to_string()]);
    }
}
