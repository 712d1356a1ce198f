//! Fitting the level model to labelled resumes: each resume's feature
//! values and true level in; the feature weights and four thresholds of an
//! ordered logistic model out, and the same fit cross-validated.
//!
//! The fit maximises the likelihood of the true levels under the model,
//! with a small ridge penalty on the weights so a feature that a few
//! resumes happen to share cannot take an extreme weight. The thresholds
//! are kept in order by fitting the first and the (log) gaps after it. The
//! optimiser is BFGS with a backtracking line search from a fixed start:
//! no randomness, so the same labels always give the same rubric.
//! Cross-validation splits by person (the label file's `group`, else the
//! file) into folds chosen by a hash of the name, so a PDF and a DOCX of
//! one resume never sit on both sides, and the folds do not depend on the
//! order of the labels file.
//!
//! A maximum-likelihood fit is too sure of itself on resumes it has not
//! seen. So the fitted scores and thresholds are divided by a temperature
//! (≥ 1) chosen by cross-validation inside the training data alone: the one
//! whose held-out levels are most often right, then whose held-out
//! probabilities are most likely. The outer cross-validation repeats that
//! choice in every fold, so the figures it reports never saw their own
//! resumes.

use crate::classify::model::{probabilities, sigmoid};
use crate::rubric::Level;

/// The ridge penalty on the weights: with features of order 1 it moves a
/// weight only where few resumes speak for it.
pub const RIDGE: f64 = 0.5;

/// One labelled resume as the fit sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub values: Vec<f64>,
    pub truth: Level,
    /// Whose resume it is: samples of one group share a fold.
    pub group: String,
    /// Fit only: always on the training side, never judged.
    pub train_only: bool,
}

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub weights: Vec<f64>,
    pub thresholds: [f64; 4],
}

impl Fitted {
    /// The probability of each level for feature values.
    pub fn probabilities(&self, values: &[f64]) -> [f64; 5] {
        let score: f64 = self.weights.iter().zip(values).map(|(w, v)| w * v).sum();
        probabilities(score, &self.thresholds)
    }
}

/// Parameters: weights, then the first threshold, then ln of each gap.
fn unpack(p: &[f64], k: usize) -> (&[f64], [f64; 4]) {
    let mut t = [p[k]; 4];
    for j in 1..4 {
        t[j] = t[j - 1] + p[k + j].exp();
    }
    (&p[..k], t)
}

/// Penalised negative log-likelihood and its gradient.
fn loss(p: &[f64], samples: &[Sample], ridge: f64) -> (f64, Vec<f64>) {
    let k = p.len() - 4;
    let (w, t) = unpack(p, k);
    let mut value = 0.0;
    let mut grad = vec![0.0; p.len()];
    let mut grad_t = [0.0; 4];
    for s in samples {
        let z: f64 = w.iter().zip(&s.values).map(|(w, v)| w * v).sum();
        let y = s.truth.index();
        // P(level ≥ y) and P(level ≥ y + 1).
        let (a, da) = if y == 0 {
            (1.0, 0.0)
        } else {
            let a = sigmoid(z - t[y - 1]);
            (a, a * (1.0 - a))
        };
        let (b, db) = if y == 4 {
            (0.0, 0.0)
        } else {
            let b = sigmoid(z - t[y]);
            (b, b * (1.0 - b))
        };
        let prob = (a - b).max(1e-12);
        value -= prob.ln();
        let dz = -(da - db) / prob;
        for (g, v) in grad.iter_mut().zip(&s.values) {
            *g += dz * v;
        }
        if y > 0 {
            grad_t[y - 1] += da / prob;
        }
        if y < 4 {
            grad_t[y] -= db / prob;
        }
    }
    for (j, wj) in w.iter().enumerate() {
        value += ridge * wj * wj;
        grad[j] += 2.0 * ridge * wj;
    }
    // Thresholds through the parameterisation: t_j = p_k + Σ_{i≤j} e^{gap_i}.
    for (j, g) in grad_t.iter().enumerate() {
        grad[k] += g;
        for i in 1..=j {
            grad[k + i] += g * p[k + i].exp();
        }
    }
    (value, grad)
}

/// Temperatures tried, lowest first.
const TEMPERATURES: [f64; 6] = [1.0, 1.2, 1.4, 1.6, 1.8, 2.0];

/// Fit the model and temper it (see the module comment).
pub fn fit(samples: &[Sample], features: usize, ridge: f64) -> Fitted {
    let raw = fit_raw(samples, features, ridge);
    let t = temperature(samples, features, ridge);
    Fitted {
        weights: raw.weights.iter().map(|w| round4(w / t)).collect(),
        thresholds: raw.thresholds.map(|v| round4(v / t)),
    }
}

/// The samples a model of fold `f` is fitted on: every other fold's, and
/// the fit-only rows (`set = train`) always.
fn training_set(samples: &[Sample], fold: &[usize], f: usize) -> Vec<Sample> {
    samples
        .iter()
        .zip(fold)
        .filter(|(s, k)| **k != f || s.train_only)
        .map(|(s, _)| s.clone())
        .collect()
}

/// The temperature whose inner cross-validated levels are most often
/// right (then most likely), from the samples alone.
fn temperature(samples: &[Sample], features: usize, ridge: f64) -> f64 {
    // Each judged sample's held-out score and thresholds.
    let mut held: Vec<(f64, [f64; 4], Level)> = Vec::new();
    // Folds of their own: the outer folds hash the bare group name.
    let fold: Vec<usize> = samples
        .iter()
        .map(|s| fold_of(&format!("{}#inner", s.group), FOLDS_INSIDE))
        .collect();
    for f in 0..FOLDS_INSIDE {
        let train = training_set(samples, &fold, f);
        if train.len() == samples.len() {
            continue;
        }
        let m = fit_raw(&train, features, ridge);
        for (s, k) in samples.iter().zip(&fold) {
            if *k == f && !s.train_only {
                let z: f64 = m.weights.iter().zip(&s.values).map(|(w, v)| w * v).sum();
                held.push((z, m.thresholds, s.truth));
            }
        }
    }
    let judge = |t: f64| {
        let mut right = 0usize;
        let mut loglik = 0.0;
        for (z, th, truth) in &held {
            let p = probabilities(z / t, &th.map(|v| v / t));
            right += usize::from(crate::classify::model::most_probable(&p) == *truth);
            loglik += p[truth.index()].max(1e-12).ln();
        }
        (right, loglik)
    };
    let mut best = (TEMPERATURES[0], judge(TEMPERATURES[0]));
    for &t in &TEMPERATURES[1..] {
        let j = judge(t);
        if j.0 > best.1.0 || (j.0 == best.1.0 && j.1 > best.1.1 + 1e-9) {
            best = (t, j);
        }
    }
    best.0
}

/// Folds of the cross-validation that chooses the temperature.
const FOLDS_INSIDE: usize = 5;

/// The maximum-likelihood fit (see `fit`).
fn fit_raw(samples: &[Sample], features: usize, ridge: f64) -> Fitted {
    // Start: no weights, thresholds one apart around zero.
    let mut p = vec![0.0; features + 4];
    p[features] = -1.5;
    let n = p.len();
    let (mut f, mut g) = loss(&p, samples, ridge);
    // BFGS with an inverse-Hessian estimate, starting from the identity.
    let mut h = identity(n);
    for _ in 0..500 {
        let dir: Vec<f64> = (0..n)
            .map(|i| -(0..n).map(|j| h[i][j] * g[j]).sum::<f64>())
            .collect();
        let slope: f64 = dir.iter().zip(&g).map(|(d, g)| d * g).sum();
        let dir = if slope < 0.0 {
            dir
        } else {
            h = identity(n);
            g.iter().map(|g| -g).collect()
        };
        let slope: f64 = dir.iter().zip(&g).map(|(d, g)| d * g).sum();
        let mut step = 1.0;
        let (next, fnext, gnext) = loop {
            let cand: Vec<f64> = p.iter().zip(&dir).map(|(p, d)| p + step * d).collect();
            let (fc, gc) = loss(&cand, samples, ridge);
            if fc <= f + 1e-4 * step * slope || step < 1e-10 {
                break (cand, fc, gc);
            }
            step *= 0.5;
        };
        let s: Vec<f64> = next.iter().zip(&p).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = gnext.iter().zip(&g).map(|(a, b)| a - b).collect();
        let converged = (f - fnext).abs() < 1e-10 * (1.0 + f.abs());
        p = next;
        f = fnext;
        g = gnext;
        if converged || g.iter().map(|v| v * v).sum::<f64>().sqrt() < 1e-7 {
            break;
        }
        bfgs_update(&mut h, &s, &y);
    }
    let (w, t) = unpack(&p, features);
    Fitted {
        weights: w.iter().map(|v| round4(*v)).collect(),
        thresholds: t.map(round4),
    }
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0 + 0.0
}

fn identity(n: usize) -> Vec<Vec<f64>> {
    (0..n)
        .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
        .collect()
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, skipped when sᵀy is not
/// positive (the curvature condition fails).
fn bfgs_update(h: &mut [Vec<f64>], s: &[f64], y: &[f64]) {
    let sy: f64 = s.iter().zip(y).map(|(a, b)| a * b).sum();
    if sy <= 1e-12 {
        return;
    }
    let rho = 1.0 / sy;
    let n = s.len();
    let hy: Vec<f64> = (0..n)
        .map(|i| (0..n).map(|j| h[i][j] * y[j]).sum())
        .collect();
    let yhy: f64 = y.iter().zip(&hy).map(|(a, b)| a * b).sum();
    for i in 0..n {
        for j in 0..n {
            h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
    }
}

/// The fold a group falls in: a hash of its name, so folds do not depend
/// on the order of the labels file.
pub fn fold_of(group: &str, folds: usize) -> usize {
    // FNV-1a: stable across platforms and releases.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in group.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % folds as u64) as usize
}

/// Each sample's level probabilities from a model fitted without its fold
/// (a train-only sample is in every training side; its own answer is from
/// the full fit's folds and never used).
pub fn cross_validate(
    samples: &[Sample],
    features: usize,
    folds: usize,
    ridge: f64,
) -> Vec<[f64; 5]> {
    let fold: Vec<usize> = samples.iter().map(|s| fold_of(&s.group, folds)).collect();
    let mut out = vec![[0.0; 5]; samples.len()];
    for f in 0..folds {
        let train = training_set(samples, &fold, f);
        if train.is_empty() {
            continue;
        }
        let model = fit(&train, features, ridge);
        for (i, s) in samples.iter().enumerate() {
            if fold[i] == f {
                out[i] = model.probabilities(&s.values);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::model::most_probable;

    /// Levels that follow one feature are recovered in order, and the
    /// gradient agrees with the loss.
    #[test]
    fn a_feature_that_carries_level_is_found() {
        let mut samples = Vec::new();
        for (i, level) in Level::ALL.into_iter().enumerate() {
            for j in 0..8 {
                samples.push(Sample {
                    values: vec![i as f64 + (j as f64 - 3.5) * 0.1, (j % 3) as f64],
                    truth: level,
                    group: format!("{i}-{j}"),
                    train_only: false,
                });
            }
        }
        let m = fit(&samples, 2, 0.01);
        assert!(m.weights[0] > 2.0, "{m:?}");
        assert!(m.weights[1].abs() < 0.5 * m.weights[0], "{m:?}");
        assert!(m.thresholds.windows(2).all(|w| w[0] < w[1]));
        let right = samples
            .iter()
            .filter(|s| most_probable(&m.probabilities(&s.values)) == s.truth)
            .count();
        assert_eq!(right, samples.len());
        let cv = cross_validate(&samples, 2, 5, 0.01);
        let right = samples
            .iter()
            .zip(&cv)
            .filter(|(s, p)| most_probable(p) == s.truth)
            .count();
        assert!(right >= samples.len() - 2, "{right}");
    }

    #[test]
    fn the_gradient_is_the_loss_s_slope() {
        let samples: Vec<Sample> = (0..10)
            .map(|i| Sample {
                values: vec![i as f64 * 0.3, (i % 4) as f64],
                truth: Level::ALL[i % 5],
                group: i.to_string(),
                train_only: false,
            })
            .collect();
        let p = vec![0.3, -0.2, -0.5, 0.1, 0.4, -0.3];
        let (_, g) = loss(&p, &samples, 0.5);
        for i in 0..p.len() {
            let mut up = p.clone();
            up[i] += 1e-6;
            let mut down = p.clone();
            down[i] -= 1e-6;
            let numeric = (loss(&up, &samples, 0.5).0 - loss(&down, &samples, 0.5).0) / 2e-6;
            assert!((numeric - g[i]).abs() < 1e-4, "{i}: {numeric} vs {}", g[i]);
        }
    }

    #[test]
    fn folds_follow_the_group_not_the_order() {
        assert_eq!(fold_of("alice", 5), fold_of("alice", 5));
        let spread: std::collections::BTreeSet<usize> =
            (0..50).map(|i| fold_of(&format!("p{i}"), 5)).collect();
        assert_eq!(spread.len(), 5);
    }
}
