//! The level model: feature values and the rubric's `[model]` in; a score,
//! the probability of each level and the most probable level out.
//!
//! An ordered logistic ("proportional odds") model: the score is the
//! weighted sum of the features, and the chance that a resume is at level k
//! or above is σ(score − threshold_k). Its parameters are fitted on
//! labelled resumes by `calibrate --fit`, so the probabilities mean what
//! they say on data like that: a level shown with confidence 0.9 is right
//! about nine times in ten.

use crate::rubric::{Level, Model};

/// σ(x), the logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Σ weight × value.
pub fn score(model: &Model, values: &[f64]) -> f64 {
    model.weights.iter().zip(values).map(|(w, v)| w * v).sum()
}

/// The probability of each level, entry first, for a score under the given
/// thresholds (four, ascending). They sum to 1.
pub fn probabilities(score: f64, thresholds: &[f64]) -> [f64; 5] {
    // P(level ≥ k) for k = mid … principal.
    let at_least: Vec<f64> = thresholds.iter().map(|t| sigmoid(score - t)).collect();
    let mut p = [0.0; 5];
    for (k, slot) in p.iter_mut().enumerate() {
        let this = if k == 0 { 1.0 } else { at_least[k - 1] };
        let above = at_least.get(k).copied().unwrap_or(0.0);
        *slot = (this - above).max(0.0);
    }
    p
}

/// The most probable level (the lower one on a tie).
pub fn most_probable(p: &[f64; 5]) -> Level {
    let mut best = 0;
    for k in 1..5 {
        if p[k] > p[best] {
            best = k;
        }
    }
    Level::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_sum_to_one_and_follow_the_score() {
        let t = [0.0, 2.0, 4.0, 6.0];
        for s in [-5.0, 0.0, 1.0, 3.0, 5.0, 9.0] {
            let p = probabilities(s, &t);
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
        assert_eq!(most_probable(&probabilities(-5.0, &t)), Level::Entry);
        assert_eq!(most_probable(&probabilities(1.0, &t)), Level::Mid);
        assert_eq!(most_probable(&probabilities(3.0, &t)), Level::Senior);
        assert_eq!(most_probable(&probabilities(5.0, &t)), Level::Staff);
        assert_eq!(most_probable(&probabilities(9.0, &t)), Level::Principal);
    }
}
