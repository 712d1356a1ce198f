//! Classification: evidence, engineering years, the claimed title and the
//! rubric in; a level with its probability, a score, the features behind
//! it, the claim check and what the next level up would show out.
//!
//! The level comes from the rubric's fitted `[model]` (see `model`): every
//! feature (`features`) adds its weight × value to the score, and the
//! thresholds turn the score into a probability per level. Nothing is a
//! hard gate and no evidence is set aside: keyword lists are weighed down
//! where they are found (skills lists, hidden text never reaches here), not
//! thrown away. This must never read names, schools or anything else about
//! the person.

pub mod claims;
pub mod features;
pub mod model;

use serde::Serialize;

use crate::detect::Evidence;
use crate::rubric::{Expectation, Level, Rubric};

pub use claims::{
    ClaimCheck, claim_check, claimed_level, title_rule, title_value, verdict_for_level,
};

/// One family's contribution to the report, in rubric order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyScore {
    pub family: String,
    /// Capped and weighted.
    pub score: f64,
    /// Evidence items counted for the family.
    pub evidence: usize,
}

/// One model feature as it counted for this resume.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct FeatureValue {
    pub name: String,
    pub value: f64,
    /// weight × value: what it added to the score.
    pub contribution: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub level: Level,
    /// The model's probability of each level, entry first.
    pub probabilities: [f64; 5],
    pub score: f64,
    /// The probability of the level given.
    pub confidence: f64,
    pub families: Vec<FamilyScore>,
    pub features: Vec<FeatureValue>,
    /// "staff typically shows: … — none found", for the level above.
    pub missing_for_next: Vec<String>,
}

pub(crate) fn round2(v: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0 so output never shows "-0".
    (v * 100.0).round() / 100.0 + 0.0
}

/// Score the evidence and decide the level.
pub fn classify(
    evidence: &[Evidence],
    years_engineering: f64,
    title: f64,
    rubric: &Rubric,
) -> Classification {
    let inputs = features::Inputs {
        evidence,
        years_engineering,
        title,
    };
    let values = features::values(&inputs, rubric);
    let (score, probabilities, level) = decide(&values, rubric);
    let features = rubric
        .model
        .features
        .iter()
        .zip(&values)
        .zip(&rubric.model.weights)
        .map(|(((name, _), v), w)| FeatureValue {
            name: name.clone(),
            value: round2(*v),
            contribution: round2(v * w),
        })
        .collect();
    let raw = features::family_raw(evidence, rubric);
    let families = rubric
        .families
        .iter()
        .zip(raw)
        .map(|(f, raw)| FamilyScore {
            family: f.id.clone(),
            score: round2(raw * f.weight),
            evidence: evidence.iter().filter(|e| e.family == f.id).count(),
        })
        .collect();
    Classification {
        level,
        confidence: round2(probabilities[level.index()]),
        probabilities,
        score: round2(score),
        families,
        features,
        missing_for_next: missing_for_next(level, evidence, rubric),
    }
}

/// Score, level probabilities and the most probable level of a resume
/// whose feature values are known (calibration re-decides with these).
pub fn decide(values: &[f64], rubric: &Rubric) -> (f64, [f64; 5], Level) {
    let score = model::score(&rubric.model, values);
    let p = model::probabilities(score, &rubric.model.thresholds);
    (score, p, model::most_probable(&p))
}

fn matches(expect: &Expectation, e: &Evidence, rubric: &Rubric) -> bool {
    expect.signals.contains(&e.signal)
        || rubric
            .family_index(&e.family)
            .is_some_and(|f| expect.families.contains(&f))
}

/// An expectation of the rubric that a resume's evidence does not meet.
#[derive(Debug, Clone)]
pub struct Unmet<'r> {
    /// The level whose `[[level.expect]]` it is.
    pub level: Level,
    pub expect: &'r Expectation,
    /// How far short the evidence falls: "none found", "found 1, typically 2".
    pub found: String,
}

/// What the level above typically shows (its expectations and those of
/// the levels below it) and this resume does not.
fn missing_for_next(level: Level, evidence: &[Evidence], rubric: &Rubric) -> Vec<String> {
    let Some(next) = level.next() else {
        return Vec::new();
    };
    unmet_up_to(next, evidence, rubric)
        .into_iter()
        .map(|u| format!("{next} typically shows: {} — {}", u.expect.need, u.found))
        .collect()
}

/// The expectations of every level up to `target` (lowest level first, in
/// rubric order) that the evidence does not meet.
pub fn unmet_up_to<'r>(target: Level, evidence: &[Evidence], rubric: &'r Rubric) -> Vec<Unmet<'r>> {
    let mut out = Vec::new();
    for l in rubric.levels.iter().skip(1).take(target.index()) {
        for expect in &l.expects {
            let (n, w) = evidence
                .iter()
                .filter(|e| matches(expect, e, rubric))
                .fold((0, 0.0), |(n, w), e| (n + 1, w + e.weight));
            if n >= expect.min_count && w + 1e-9 >= expect.min_weight {
                continue;
            }
            let found = if n == 0 {
                "none found".to_string()
            } else if n < expect.min_count {
                format!("found {n}, typically {}", expect.min_count)
            } else {
                format!(
                    "found weight {}, typically {}",
                    round2(w),
                    expect.min_weight
                )
            };
            out.push(Unmet {
                level: l.level,
                expect,
                found,
            });
        }
    }
    out
}
