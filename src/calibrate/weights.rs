//! Tuning family weights — only where the data support it. Each resume's
//! capped family evidence, engineering years, gates and true level in; new
//! family weights (with the thresholds that go with them) out, or the
//! reason the weights stay as they are.
//!
//! A coordinate search tries each family's weight at a few multiples of
//! its original value, fitting the thresholds afresh for every trial, and
//! keeps a change only when it improves within-one, then exact accuracy.
//! Weights have many more ways to overfit than thresholds, so the result is
//! accepted only when the whole procedure, run leave-one-out, beats the
//! leave-one-out accuracy of fitting the thresholds alone. Gates read raw
//! evidence, not weights, so they are not affected. Deterministic.

use super::fit::{Accuracy, Case, best_thresholds};
use crate::classify::level_for;
use crate::rubric::{Level, Rubric};

/// The multiples of a family's original weight the search tries.
pub const FACTORS: [f64; 5] = [0.5, 0.75, 1.0, 1.25, 1.5];
/// Rounds of the coordinate search (each visits every family).
const ROUNDS: usize = 3;

/// How a score is built from family evidence: the rubric's rule, as in
/// `classify` (capped family evidence × weight, plus the years prior once
/// the evidence reaches its floor).
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    pub weights: Vec<f64>,
    pub min_evidence_score: f64,
    pub points_per_year: f64,
    pub max_points: f64,
}

impl Scoring {
    pub fn of(rubric: &Rubric) -> Scoring {
        Scoring {
            weights: rubric.families.iter().map(|f| f.weight).collect(),
            min_evidence_score: rubric.years.min_evidence_score,
            points_per_year: rubric.years.points_per_year,
            max_points: rubric.years.max_points,
        }
    }

    /// The score a resume gets under `weights`.
    pub fn score(&self, s: &Scored, weights: &[f64]) -> f64 {
        let evidence: f64 = s
            .family_raw
            .iter()
            .zip(weights)
            .map(|(raw, w)| round2(raw * w))
            .sum();
        let years = if evidence >= self.min_evidence_score {
            (s.years.max(0.0) * self.points_per_year).min(self.max_points)
        } else {
            0.0
        };
        round2(evidence + years)
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// One labelled resume as the weight search sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub truth: Level,
    pub gates_met: Vec<bool>,
    /// Per family, rubric order: evidence after the cap, before the weight.
    pub family_raw: Vec<f64>,
    pub years: f64,
}

/// The outcome of the weight search.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightFit {
    pub old: Vec<f64>,
    /// The weights the search found (equal to `old` when nothing helped).
    pub new: Vec<f64>,
    /// The thresholds fitted together with `new`.
    pub thresholds: Vec<f64>,
    pub in_sample: Accuracy,
    pub leave_one_out: Accuracy,
    /// Whether the new weights are written.
    pub accepted: bool,
    /// Why, in words.
    pub note: String,
}

fn cases_at(scored: &[Scored], scoring: &Scoring, weights: &[f64]) -> Vec<Case> {
    scored
        .iter()
        .map(|s| Case {
            truth: s.truth,
            score: scoring.score(s, weights),
            gates_met: s.gates_met.clone(),
        })
        .collect()
}

/// Coordinate search: (weights, thresholds, in-sample accuracy).
fn search(
    scored: &[Scored],
    scoring: &Scoring,
    original: &[f64],
) -> (Vec<f64>, Vec<f64>, Accuracy) {
    let evaluate = |weights: &[f64]| {
        let cases = cases_at(scored, scoring, weights);
        let (t, acc) = best_thresholds(&cases, original);
        (t, acc)
    };
    let mut weights = scoring.weights.clone();
    let (mut thresholds, mut acc) = evaluate(&weights);
    for _ in 0..ROUNDS {
        let mut changed = false;
        for f in 0..weights.len() {
            for factor in FACTORS {
                let candidate = scoring.weights[f] * factor;
                if candidate == weights[f] {
                    continue;
                }
                let mut trial = weights.clone();
                trial[f] = candidate;
                let (t, a) = evaluate(&trial);
                if (a.within_one, a.exact) > (acc.within_one, acc.exact) {
                    weights = trial;
                    thresholds = t;
                    acc = a;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    (weights, thresholds, acc)
}

/// Search family weights; accept them only if leave-one-out accuracy
/// beats `thresholds_only_loo`, that of fitting the thresholds alone.
pub fn fit_weights(
    scored: &[Scored],
    scoring: &Scoring,
    original: &[f64],
    thresholds_only_loo: Accuracy,
) -> WeightFit {
    let (new, thresholds, in_sample) = search(scored, scoring, original);
    let mut out = WeightFit {
        old: scoring.weights.clone(),
        new,
        thresholds,
        in_sample,
        leave_one_out: thresholds_only_loo,
        accepted: false,
        note: String::new(),
    };
    if out.new == out.old {
        out.note = "kept: no change of a family weight improves accuracy on these labels".into();
        return out;
    }
    let mut loo = Accuracy::default();
    for (i, held_out) in scored.iter().enumerate() {
        let rest: Vec<Scored> = scored
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, s)| s.clone())
            .collect();
        let (w, t, _) = search(&rest, scoring, original);
        let level = level_for(scoring.score(held_out, &w), &t, &held_out.gates_met);
        loo.add(held_out.truth, level);
    }
    out.leave_one_out = loo;
    out.accepted =
        (loo.within_one, loo.exact) > (thresholds_only_loo.within_one, thresholds_only_loo.exact);
    let figures = format!(
        "leave-one-out within one {}/{}, exact {}/{}, against {}/{} and {}/{} with the thresholds alone",
        loo.within_one,
        loo.n,
        loo.exact,
        loo.n,
        thresholds_only_loo.within_one,
        thresholds_only_loo.n,
        thresholds_only_loo.exact,
        thresholds_only_loo.n
    );
    out.note = if out.accepted {
        format!("changed: {figures}")
    } else {
        format!(
            "kept: new weights would fit these labels better in sample, but not on held-out resumes ({figures})"
        )
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::fit::fit;
    use Level::*;

    const ORIGINAL: [f64; 5] = [0.0, 7.0, 19.0, 31.0, 40.0];

    fn scoring() -> Scoring {
        Scoring {
            weights: vec![1.0, 1.0],
            min_evidence_score: 6.0,
            points_per_year: 0.5,
            max_points: 3.0,
        }
    }

    fn scored(truth: Level, a: f64, b: f64) -> Scored {
        Scored {
            truth,
            gates_met: vec![true; 5],
            family_raw: vec![a, b],
            years: 0.0,
        }
    }

    #[test]
    fn the_score_follows_the_rubric_rule() {
        let s = Scored {
            years: 10.0,
            ..scored(Mid, 2.0, 3.0)
        };
        // 5 < 6: no years prior.
        assert_eq!(scoring().score(&s, &[1.0, 1.0]), 5.0);
        // 2×1.5 + 3×1 = 6 ≥ 6: the prior adds min(10 × 0.5, 3).
        assert_eq!(scoring().score(&s, &[1.5, 1.0]), 9.0);
    }

    #[test]
    fn a_noisy_family_loses_weight_when_held_out_data_agree() {
        // Family A tracks level; family B swings 9 points up and down and
        // makes neighbouring levels overlap (entry reaches 11, mid starts
        // at 10). At half B's weight every level separates.
        let mut data = Vec::new();
        for (i, level) in Level::ALL.into_iter().enumerate() {
            let swing = if i % 2 == 0 {
                [9.0, 0.0, 9.0]
            } else {
                [0.0, 9.0, 0.0]
            };
            for (k, b) in swing.into_iter().enumerate() {
                data.push(scored(level, 10.0 * i as f64 + k as f64, b));
            }
        }
        let s = scoring();
        let cases = cases_at(&data, &s, &s.weights);
        let baseline = fit(&cases, &ORIGINAL);
        assert!(baseline.after.exact < 15);
        let w = fit_weights(&data, &s, &ORIGINAL, baseline.leave_one_out);
        assert!(w.accepted, "{w:?}");
        // B loses weight relative to A (raising A does the same job).
        assert!(w.new[1] / w.new[0] < 1.0, "{w:?}");
        assert_eq!(w.in_sample.exact, 15);
        assert!(w.note.starts_with("changed"), "{}", w.note);
        // Deterministic.
        assert_eq!(w, fit_weights(&data, &s, &ORIGINAL, baseline.leave_one_out));
    }

    #[test]
    fn nothing_to_gain_keeps_the_weights() {
        let data: Vec<Scored> = Level::ALL
            .into_iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let v = 3.0 + 9.0 * i as f64;
                [scored(l, v, 0.0), scored(l, v + 1.0, 0.0)]
            })
            .collect();
        let s = scoring();
        let cases = cases_at(&data, &s, &s.weights);
        let baseline = fit(&cases, &ORIGINAL);
        assert_eq!(baseline.after.exact, 10);
        let w = fit_weights(&data, &s, &ORIGINAL, baseline.leave_one_out);
        assert!(!w.accepted);
        assert_eq!(w.new, w.old);
        assert!(w.note.contains("no change"), "{}", w.note);
    }
}
