//! The number a recruiter sorts by: `job_fit`, 0–100, from the verdicts on
//! the posting's requirements, the level against the posting's and the
//! years against the years asked. The points of each part are the rubric's
//! (`[job] fit_weights`); a part the posting does not ask for (no
//! nice-to-haves, no level, no years) gives its points to the others, so a
//! resume that meets everything asked scores 100 whatever was asked.

use serde::{Deserialize, Serialize};

use super::{Depth, Importance, RequirementVerdict};
use crate::rubric::{JobRules, Level};

/// The assessed level against the posting's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelFit {
    Below,
    At,
    Above,
}

impl LevelFit {
    pub fn of(assessed: Level, wanted: Level) -> LevelFit {
        match assessed.cmp(&wanted) {
            std::cmp::Ordering::Less => LevelFit::Below,
            std::cmp::Ordering::Equal => LevelFit::At,
            std::cmp::Ordering::Greater => LevelFit::Above,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LevelFit::Below => "below",
            LevelFit::At => "at",
            LevelFit::Above => "above",
        }
    }
}

/// The level part's credit: at or above the posting's level 1, one level
/// below 0.5, lower 0.
fn level_credit(assessed: Level, wanted: Level) -> f64 {
    match wanted.index().saturating_sub(assessed.index()) {
        0 => 1.0,
        1 => 0.5,
        _ => 0.0,
    }
}

/// What one requirement's verdict earns ([`RequirementVerdict::credit`]).
pub(super) fn depth_credit(depth: Depth, rules: &JobRules) -> f64 {
    match depth {
        Depth::Shown => 1.0,
        Depth::Listed => rules.listed_credit,
        Depth::Absent => 0.0,
    }
}

/// The mean credit of one importance's requirements; none when the
/// posting has none of them.
fn requirement_credit(verdicts: &[RequirementVerdict], importance: Importance) -> Option<f64> {
    let credits: Vec<f64> = verdicts
        .iter()
        .filter(|v| v.importance == importance)
        .map(|v| v.credit)
        .collect();
    (!credits.is_empty()).then(|| credits.iter().sum::<f64>() / credits.len() as f64)
}

/// `job_fit` from 0 to 100, whole points. `level` is the assessed IC level
/// and the posting's, when it names one.
pub fn job_fit(
    verdicts: &[RequirementVerdict],
    level: Option<(Level, Level)>,
    years: f64,
    years_min: Option<f64>,
    rules: &JobRules,
) -> f64 {
    let w = rules.weights;
    let parts = [
        (
            w.required,
            requirement_credit(verdicts, Importance::Required),
        ),
        (w.nice, requirement_credit(verdicts, Importance::Nice)),
        (
            w.level,
            level.map(|(assessed, wanted)| level_credit(assessed, wanted)),
        ),
        (
            w.years,
            years_min
                .filter(|&asked| asked > 0.0)
                .map(|asked| (years / asked).min(1.0)),
        ),
    ];
    let points: f64 = parts
        .iter()
        .filter(|(_, c)| c.is_some())
        .map(|(w, _)| w)
        .sum();
    if points <= 0.0 {
        return 0.0;
    }
    let earned: f64 = parts.iter().map(|(w, c)| w * c.unwrap_or(0.0)).sum();
    (100.0 * earned / points).round()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::FitWeights;

    fn rules() -> JobRules {
        JobRules {
            work_verbs: Default::default(),
            tool_labels: Default::default(),
            teaching_words: Default::default(),
            teaching_phrases: Default::default(),
            aside_words: Default::default(),
            role_words: Default::default(),
            weights: FitWeights {
                required: 60.0,
                nice: 10.0,
                level: 20.0,
                years: 10.0,
            },
            listed_credit: 0.4,
        }
    }

    fn verdict(importance: Importance, depth: Depth) -> RequirementVerdict {
        RequirementVerdict {
            requirement: "Go".into(),
            importance,
            depth,
            credit: depth_credit(depth, &rules()),
            skill: None,
            year: None,
            page: None,
            line: None,
            quote: None,
        }
    }

    #[test]
    fn everything_asked_met_is_100_whatever_was_asked() {
        let v = [verdict(Importance::Required, Depth::Shown)];
        assert_eq!(job_fit(&v, None, 0.0, None, &rules()), 100.0);
        let level = Some((Level::Staff, Level::Senior));
        assert_eq!(job_fit(&v, level, 9.0, Some(5.0), &rules()), 100.0);
    }

    #[test]
    fn listed_earns_less_than_shown_and_absent_nothing() {
        let r = rules();
        let shown = job_fit(
            &[verdict(Importance::Required, Depth::Shown)],
            None,
            0.0,
            None,
            &r,
        );
        let listed = job_fit(
            &[verdict(Importance::Required, Depth::Listed)],
            None,
            0.0,
            None,
            &r,
        );
        let absent = job_fit(
            &[verdict(Importance::Required, Depth::Absent)],
            None,
            0.0,
            None,
            &r,
        );
        assert_eq!((shown, listed, absent), (100.0, 40.0, 0.0));
    }

    #[test]
    fn level_and_years_weigh_their_points() {
        let v = [verdict(Importance::Required, Depth::Shown)];
        // Required 60 of 90 points met, one level below: 10 of 30 more.
        let fit = job_fit(&v, Some((Level::Mid, Level::Senior)), 0.0, None, &rules());
        assert_eq!(fit, (100.0 * (60.0 + 10.0) / 80.0_f64).round());
        // Half the years asked: 5 of 10 points.
        let fit = job_fit(&v, None, 2.5, Some(5.0), &rules());
        assert_eq!(fit, (100.0 * 65.0 / 70.0_f64).round());
        assert_eq!(LevelFit::of(Level::Mid, Level::Senior), LevelFit::Below);
        assert_eq!(LevelFit::of(Level::Staff, Level::Senior), LevelFit::Above);
    }
}
