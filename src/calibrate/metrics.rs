//! Agreement between true and predicted levels: (true, predicted) pairs
//! in, the figures a hiring team reads out — a 5 × 5 confusion matrix,
//! exact and within-one accuracy, mean absolute level error, Spearman ρ and
//! Kendall τ-b (ties handled), per-level precision and recall.
//!
//! Pure arithmetic on levels as ordinals 0..4. A figure with no data behind
//! it (precision of a level never predicted, a correlation with no spread)
//! is `None`, never a made-up 0 or 1.

use crate::rubric::Level;

/// The figures for one set of pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub n: usize,
    /// `confusion[true][predicted]`, levels lowest first.
    pub confusion: [[usize; 5]; 5],
    /// Fraction predicted exactly.
    pub exact: f64,
    /// Fraction predicted within one level.
    pub within_one: f64,
    /// Mean of |true − predicted| in levels.
    pub mean_abs_error: f64,
    pub spearman: Option<f64>,
    pub kendall_tau_b: Option<f64>,
    /// Per level, lowest first: of those predicted at the level, the
    /// fraction truly there.
    pub precision: [Option<f64>; 5],
    /// Per level: of those truly at the level, the fraction predicted there.
    pub recall: [Option<f64>; 5],
}

/// Compute every figure; `None` for an empty set.
pub fn metrics(pairs: &[(Level, Level)]) -> Option<Metrics> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len();
    let mut confusion = [[0usize; 5]; 5];
    for (t, p) in pairs {
        confusion[t.index()][p.index()] += 1;
    }
    let diffs = pairs.iter().map(|(t, p)| t.index().abs_diff(p.index()));
    let exact = diffs.clone().filter(|d| *d == 0).count() as f64 / n as f64;
    let within_one = diffs.clone().filter(|d| *d <= 1).count() as f64 / n as f64;
    let mean_abs_error = diffs.sum::<usize>() as f64 / n as f64;
    let xs: Vec<f64> = pairs.iter().map(|(t, _)| t.index() as f64).collect();
    let ys: Vec<f64> = pairs.iter().map(|(_, p)| p.index() as f64).collect();
    let mut precision = [None; 5];
    let mut recall = [None; 5];
    for l in 0..5 {
        let hit = confusion[l][l] as f64;
        let predicted: usize = (0..5).map(|t| confusion[t][l]).sum();
        let truly: usize = confusion[l].iter().sum();
        precision[l] = (predicted > 0).then(|| hit / predicted as f64);
        recall[l] = (truly > 0).then(|| hit / truly as f64);
    }
    Some(Metrics {
        n,
        confusion,
        exact,
        within_one,
        mean_abs_error,
        spearman: spearman(&xs, &ys),
        kendall_tau_b: kendall_tau_b(&xs, &ys),
        precision,
        recall,
    })
}

/// Ranks 1..n, tied values sharing the mean of the ranks they span.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        // Positions start..=end hold ranks start+1 ..= end+1.
        let rank = (start + end) as f64 / 2.0 + 1.0;
        for &i in &order[start..=end] {
            ranks[i] = rank;
        }
        start = end + 1;
    }
    ranks
}

fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Spearman's ρ: Pearson's r of the average ranks, which is the right
/// definition when values tie (the 1 − 6Σd²/… shortcut is not).
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    pearson(&average_ranks(xs), &average_ranks(ys))
}

/// Kendall's τ-b: (concordant − discordant) / √((n0 − n1)(n0 − n2)), where
/// n1 and n2 count the pairs tied in x and in y.
pub fn kendall_tau_b(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let (mut concordant, mut discordant, mut tied_x, mut tied_y, mut pairs) = (0i64, 0i64, 0, 0, 0);
    for i in 0..xs.len() {
        for j in i + 1..xs.len() {
            pairs += 1;
            let dx = xs[i] - xs[j];
            let dy = ys[i] - ys[j];
            if dx == 0.0 {
                tied_x += 1;
            }
            if dy == 0.0 {
                tied_y += 1;
            }
            if dx * dy > 0.0 {
                concordant += 1;
            } else if dx * dy < 0.0 {
                discordant += 1;
            }
        }
    }
    let denominator = (((pairs - tied_x) as f64) * ((pairs - tied_y) as f64)).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) as f64 / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Six hand-checked pairs:
    ///   entry→entry, entry→mid, mid→mid, senior→mid, staff→staff,
    ///   principal→staff.
    fn six() -> Vec<(Level, Level)> {
        vec![
            (Entry, Entry),
            (Entry, Mid),
            (Mid, Mid),
            (Senior, Mid),
            (Staff, Staff),
            (Principal, Staff),
        ]
    }

    #[test]
    fn confusion_accuracy_and_error_by_hand() {
        let m = metrics(&six()).unwrap();
        assert_eq!(m.n, 6);
        assert_eq!(
            m.confusion,
            [
                [1, 1, 0, 0, 0],
                [0, 1, 0, 0, 0],
                [0, 1, 0, 0, 0],
                [0, 0, 0, 1, 0],
                [0, 0, 0, 1, 0],
            ]
        );
        // Three exact; the other three are one level off.
        assert!(close(m.exact, 0.5));
        assert!(close(m.within_one, 1.0));
        assert!(close(m.mean_abs_error, 0.5));
    }

    #[test]
    fn precision_and_recall_by_hand() {
        let m = metrics(&six()).unwrap();
        // Predicted entry once (right); mid three times (one right);
        // senior never; staff twice (one right); principal never.
        assert_eq!(m.precision[0], Some(1.0));
        assert!(close(m.precision[1].unwrap(), 1.0 / 3.0));
        assert_eq!(m.precision[2], None);
        assert_eq!(m.precision[3], Some(0.5));
        assert_eq!(m.precision[4], None);
        // Two entry (one found); mid found; senior and principal missed.
        assert_eq!(
            m.recall,
            [Some(0.5), Some(1.0), Some(0.0), Some(1.0), Some(0.0)]
        );
    }

    #[test]
    fn spearman_with_ties_by_hand() {
        // True 0,0,1,2,3,4 → ranks 1.5,1.5,3,4,5,6.
        // Predicted 0,1,1,1,3,3 → ranks 1,3,3,3,5.5,5.5.
        // Deviations from the mean rank 3.5:
        //   x: -2,-2,-0.5,0.5,1.5,2.5   (Σx² = 17)
        //   y: -2.5,-0.5,-0.5,-0.5,2,2  (Σy² = 15)
        //   Σxy = 5+1+0.25-0.25+3+5 = 14
        // ρ = 14 / √(17 × 15)
        let m = metrics(&six()).unwrap();
        let expected = 14.0 / 255f64.sqrt();
        assert!(close(m.spearman.unwrap(), expected), "{:?}", m.spearman);
    }

    #[test]
    fn kendall_tau_b_with_ties_by_hand() {
        // 15 pairs. Tied in true: (1,2) only → n1 = 1. Tied in predicted:
        // (2,3),(2,4),(3,4),(5,6) → n2 = 4. Pair (1,2): x tied, neither.
        // Discordant: none (no pair has true up and predicted down).
        // Concordant: every pair untied in both = 15 − 1 − 4 = 10
        // (no pair is tied in both).
        // τ-b = 10 / √((15 − 1)(15 − 4)) = 10 / √154.
        let m = metrics(&six()).unwrap();
        let expected = 10.0 / 154f64.sqrt();
        assert!(
            close(m.kendall_tau_b.unwrap(), expected),
            "{:?}",
            m.kendall_tau_b
        );
    }

    #[test]
    fn perfect_and_reversed_orders() {
        let xs = [0.0, 1.0, 2.0, 3.0];
        let rev = [3.0, 2.0, 1.0, 0.0];
        assert!(close(spearman(&xs, &xs).unwrap(), 1.0));
        assert!(close(kendall_tau_b(&xs, &rev).unwrap(), -1.0));
        assert!(close(spearman(&xs, &rev).unwrap(), -1.0));
    }

    #[test]
    fn no_spread_gives_no_correlation() {
        let pairs = [(Mid, Mid), (Senior, Mid), (Staff, Mid)];
        let m = metrics(&pairs).unwrap();
        assert_eq!(m.spearman, None);
        assert_eq!(m.kendall_tau_b, None);
        assert!(metrics(&[]).is_none());
    }

    #[test]
    fn kendall_counts_a_discordant_pair() {
        // (0,0),(1,2),(2,1): pairs (1,2)+ (1,3)+ (2,3)− → (2−1)/3.
        let xs = [0.0, 1.0, 2.0];
        let ys = [0.0, 2.0, 1.0];
        assert!(close(kendall_tau_b(&xs, &ys).unwrap(), 1.0 / 3.0));
    }
}
