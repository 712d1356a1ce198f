//! Fitting level thresholds to labelled resumes: each resume's true level,
//! score and which levels' gates it meets in; the thresholds that maximise
//! within-one accuracy, then exact accuracy, then stay closest to the
//! original ones, out — with the accuracy before, after and left one out.
//!
//! Candidate thresholds are the midpoints between neighbouring distinct
//! scores and the original value, with a few extra points per gap for the
//! rare split that needs two boundaries in one gap (see
//! [`candidate_values`]). The search over every ordered choice of the four
//! boundaries (mid, senior, staff, principal) is exact: a resume's level
//! depends only on which two neighbouring thresholds its score falls
//! between, so a dynamic programme over the sorted candidates finds the
//! best combination without trying them all. Gates are not moved; a resume
//! held down by a gate stays held. Deterministic: no randomness; among
//! equally accurate choices, midpoints before extra points, then the
//! thresholds nearest the original, then the lowest.
//!
//! A boundary moves only when both levels beside it have at least
//! [`MIN_LABELS_PER_LEVEL`] labelled resumes; otherwise it keeps its value
//! and the fit says why.

use crate::classify::level_for;
use crate::rubric::Level;

/// Labelled resumes a level needs on each side of a boundary before the
/// data may move it: with one example, the fit would just memorise it.
pub const MIN_LABELS_PER_LEVEL: usize = 2;

/// One labelled, assessed resume as the fit sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub truth: Level,
    pub score: f64,
    /// Per level, lowest first: whether that level's own gates hold.
    pub gates_met: Vec<bool>,
}

/// Counts of right answers over `n` resumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accuracy {
    pub n: usize,
    pub exact: usize,
    pub within_one: usize,
}

impl Accuracy {
    pub fn exact_rate(&self) -> f64 {
        rate(self.exact, self.n)
    }
    pub fn within_one_rate(&self) -> f64 {
        rate(self.within_one, self.n)
    }
    pub(crate) fn add(&mut self, truth: Level, predicted: Level) {
        let off = truth.index().abs_diff(predicted.index());
        self.n += 1;
        self.exact += usize::from(off == 0);
        self.within_one += usize::from(off <= 1);
    }
}

fn rate(k: usize, n: usize) -> f64 {
    if n == 0 { 0.0 } else { k as f64 / n as f64 }
}

/// What happened to one boundary (a level's `min_score`).
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    pub level: Level,
    pub old: f64,
    pub new: f64,
    /// Why the boundary was not allowed to move, when it was not.
    pub kept_because: Option<String>,
}

/// The outcome of a fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Every level's `min_score`, lowest first (entry's never moves).
    pub thresholds: Vec<f64>,
    /// Mid, senior, staff and principal.
    pub boundaries: Vec<Boundary>,
    /// In sample, under the original thresholds.
    pub before: Accuracy,
    /// In sample, under the fitted thresholds.
    pub after: Accuracy,
    /// Each resume predicted by thresholds fitted on all the others: the
    /// honest estimate of how the fitted rubric does on new resumes.
    pub leave_one_out: Accuracy,
}

/// Accuracy of `thresholds` on `cases`.
pub fn accuracy(cases: &[Case], thresholds: &[f64]) -> Accuracy {
    let mut acc = Accuracy::default();
    for c in cases {
        acc.add(c.truth, level_for(c.score, thresholds, &c.gates_met));
    }
    acc
}

/// The best thresholds for `cases` and their in-sample accuracy, without
/// the leave-one-out estimate (for searches that fit many times).
pub(crate) fn best_thresholds(cases: &[Case], original: &[f64]) -> (Vec<f64>, Accuracy) {
    let (t, _) = fit_thresholds(cases, original);
    let acc = accuracy(cases, &t);
    (t, acc)
}

/// Fit the thresholds. `original` holds every level's `min_score`, lowest
/// first, as the rubric has them.
pub fn fit(cases: &[Case], original: &[f64]) -> Fit {
    let (thresholds, boundaries) = fit_thresholds(cases, original);
    let mut leave_one_out = Accuracy::default();
    for (i, held_out) in cases.iter().enumerate() {
        let rest: Vec<Case> = cases
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| c.clone())
            .collect();
        let (t, _) = fit_thresholds(&rest, original);
        leave_one_out.add(
            held_out.truth,
            level_for(held_out.score, &t, &held_out.gates_met),
        );
    }
    Fit {
        before: accuracy(cases, original),
        after: accuracy(cases, &thresholds),
        thresholds,
        boundaries,
        leave_one_out,
    }
}

/// The objective, compared lexicographically: within-one count, exact
/// count, then the smaller total distance from the original thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Value {
    within: i64,
    exact: i64,
    /// Thresholds taken from the extra points inside a gap (see
    /// [`candidate_values`]): used only when they buy accuracy.
    extras: i64,
    distance: f64,
}

impl Value {
    fn better_than(&self, other: &Value) -> bool {
        (self.within, self.exact, other.extras)
            .cmp(&(other.within, other.exact, self.extras))
            .then(other.distance.total_cmp(&self.distance))
            .is_gt()
    }
    fn plus(self, (within, exact): (i64, i64), extra: bool, distance: f64) -> Value {
        Value {
            within: self.within + within,
            exact: self.exact + exact,
            extras: self.extras + i64::from(extra),
            distance: self.distance + distance,
        }
    }
}

/// The highest level a resume's gates allow: the walk stops at the first
/// level whose gates fail.
fn gate_cap(case: &Case) -> usize {
    (1..5)
        .find(|&l| !case.gates_met.get(l).copied().unwrap_or(false))
        .map_or(4, |l| l - 1)
}

/// Credit sums over the cases sorted by score, one row per band level:
/// `below(band, t)` is the (within-one, exact) credit of every case scoring
/// under `t` were it in that band, so any band `[lo, hi)` costs two
/// look-ups and the search stays fast for thousands of labels.
struct Credit {
    scores: Vec<f64>,
    prefix: Vec<Vec<(i64, i64)>>,
}

impl Credit {
    fn new(cases: &[Case]) -> Credit {
        let mut sorted: Vec<(f64, usize, usize)> = cases
            .iter()
            .map(|c| (c.score, c.truth.index(), gate_cap(c)))
            .collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let prefix = (0..5)
            .map(|band| {
                let mut sums = vec![(0, 0)];
                for &(_, truth, cap) in &sorted {
                    let off = truth.abs_diff(band.min(cap));
                    let (w, e) = sums[sums.len() - 1];
                    sums.push((w + i64::from(off <= 1), e + i64::from(off == 0)));
                }
                sums
            })
            .collect();
        Credit {
            scores: sorted.iter().map(|s| s.0).collect(),
            prefix,
        }
    }

    fn below(&self, band: usize, t: f64) -> (i64, i64) {
        self.prefix[band][self.scores.partition_point(|s| *s < t)]
    }

    fn total(&self, band: usize) -> (i64, i64) {
        self.prefix[band][self.scores.len()]
    }
}

/// Candidate thresholds as (value, extra). In every gap between
/// neighbouring distinct scores — and below the lowest, above the highest —
/// the midpoint is the plain candidate (the widest margin on both sides)
/// and four more points are extras, so that up to four boundaries can
/// share one gap (a level nobody in the data reaches). With them every way
/// of splitting the scores into levels is reachable, which makes the
/// search a global optimum; extras are chosen only when they buy accuracy.
/// Scores carry two decimals, so points at sixths of a gap, rounded to
/// three decimals, stay distinct and strictly inside it.
fn candidate_values(scores: &[f64], floor: f64) -> Vec<(f64, bool)> {
    let round3 = |v: f64| (v * 1000.0).round() / 1000.0;
    let (Some(&low), Some(&high)) = (scores.first(), scores.last()) else {
        return Vec::new();
    };
    let mut gaps: Vec<(f64, f64)> = scores.windows(2).map(|w| (w[0], w[1])).collect();
    if low > floor {
        gaps.push((floor, low));
    }
    let mut out = Vec::new();
    for (lo, hi) in gaps {
        for k in 1..=5 {
            out.push((round3(lo + (hi - lo) * f64::from(k) / 6.0), k != 3));
        }
    }
    for k in 1..=5 {
        out.push((high.floor() + f64::from(k), k != 1));
    }
    out.retain(|(v, _)| *v > floor);
    out
}

fn fit_thresholds(cases: &[Case], original: &[f64]) -> (Vec<f64>, Vec<Boundary>) {
    let mut per_level = [0usize; 5];
    for c in cases {
        per_level[c.truth.index()] += 1;
    }
    let mut scores: Vec<f64> = cases.iter().map(|c| c.score).collect();
    scores.sort_by(f64::total_cmp);
    scores.dedup();
    let floor = original.first().copied().unwrap_or(0.0);
    let candidates_all = candidate_values(&scores, floor);
    // Candidates per boundary 1..=4 and why a boundary is held.
    let mut kept: Vec<Option<String>> = Vec::new();
    let mut candidates: Vec<Vec<(f64, bool)>> = Vec::new();
    for l in 1..5 {
        let (below, here) = (per_level[l - 1], per_level[l]);
        let reason = [(l - 1, below), (l, here)]
            .into_iter()
            .find(|(_, n)| *n < MIN_LABELS_PER_LEVEL)
            .map(|(lv, n)| {
                format!(
                    "only {n} labelled {} resume{}; at least {MIN_LABELS_PER_LEVEL} are needed on each side of a boundary to move it",
                    Level::ALL[lv],
                    if n == 1 { "" } else { "s" }
                )
            });
        let mut c = vec![(original[l], false)];
        if reason.is_none() {
            c.extend(candidates_all.iter().copied());
            // Equal values: keep the plain one (sorted first).
            c.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            c.dedup_by(|later, first| later.0 == first.0);
        }
        candidates.push(c);
        kept.push(reason);
    }

    let credit = Credit::new(cases);
    // best[b][j]: the best value of the cases scoring below candidate j of
    // boundary b (bands 0..=b), with the boundaries up to b chosen; back
    // holds the candidate of boundary b − 1 it came from. A band between
    // two boundaries earns below(t) − below(prev), so the best previous
    // boundary is a running maximum of best − below(prev) over the sorted
    // candidates: linear, not quadratic, in the number of candidates.
    let mut best: Vec<Vec<Option<Value>>> = Vec::new();
    let mut back: Vec<Vec<usize>> = Vec::new();
    for b in 0..4 {
        let mut row = Vec::new();
        let mut from = Vec::new();
        let mut running: Option<(Value, usize)> = None;
        let mut j = 0;
        for &(t, extra) in &candidates[b] {
            let distance = (t - original[b + 1]).abs();
            let here = credit.below(b, t);
            let chosen = if b == 0 {
                Some((Value::default().plus(here, extra, distance), 0))
            } else {
                let previous = &candidates[b - 1];
                while j < previous.len() && previous[j].0 < t {
                    if let Some(v) = best[b - 1][j] {
                        let (pw, pe) = credit.below(b, previous[j].0);
                        let v = v.plus((-pw, -pe), false, 0.0);
                        if running.is_none_or(|(r, _)| v.better_than(&r)) {
                            running = Some((v, j));
                        }
                    }
                    j += 1;
                }
                running.map(|(v, from)| (v.plus(here, extra, distance), from))
            };
            row.push(chosen.map(|(v, _)| v));
            from.push(chosen.map_or(0, |(_, j)| j));
        }
        best.push(row);
        back.push(from);
    }
    let (all_w, all_e) = credit.total(4);
    let mut end: Option<(Value, usize)> = None;
    for (j, &(t, _)) in candidates[3].iter().enumerate() {
        let Some(v) = best[3][j] else { continue };
        let (w, e) = credit.below(4, t);
        let v = v.plus((all_w - w, all_e - e), false, 0.0);
        if end.is_none_or(|(c, _)| v.better_than(&c)) {
            end = Some((v, j));
        }
    }

    let mut thresholds = original.to_vec();
    // The original thresholds are always a feasible path, so `end` exists
    // for any rubric that loaded; the fallback keeps them.
    if let Some((_, mut j)) = end {
        for b in (0..4).rev() {
            thresholds[b + 1] = candidates[b][j].0;
            j = back[b][j];
        }
    }
    let boundaries = (1..5)
        .map(|l| Boundary {
            level: Level::ALL[l],
            old: original[l],
            new: thresholds[l],
            kept_because: kept[l - 1].clone(),
        })
        .collect();
    (thresholds, boundaries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    fn case(truth: Level, score: f64) -> Case {
        Case {
            truth,
            score,
            gates_met: vec![true; 5],
        }
    }

    const ORIGINAL: [f64; 5] = [0.0, 7.0, 19.0, 31.0, 40.0];

    fn spread() -> Vec<Case> {
        vec![
            case(Entry, 1.0),
            case(Entry, 3.0),
            case(Mid, 5.0),
            case(Mid, 6.0),
            case(Senior, 12.0),
            case(Senior, 14.0),
            case(Staff, 22.0),
            case(Staff, 25.0),
            case(Principal, 33.0),
            case(Principal, 36.0),
        ]
    }

    #[test]
    fn separable_scores_are_fitted_exactly() {
        let f = fit(&spread(), &ORIGINAL);
        assert_eq!(f.after.exact, 10);
        assert_eq!(f.thresholds, vec![0.0, 4.0, 9.0, 18.0, 29.0]);
        assert!(f.before.exact < 10);
        assert!(f.boundaries.iter().all(|b| b.kept_because.is_none()));
    }

    #[test]
    fn a_level_with_one_label_keeps_its_boundary_and_says_why() {
        let mut cases = spread();
        cases.pop();
        let f = fit(&cases, &ORIGINAL);
        let principal = &f.boundaries[3];
        assert_eq!(principal.new, 40.0);
        assert!(
            principal
                .kept_because
                .as_deref()
                .unwrap()
                .contains("only 1 labelled principal resume"),
            "{principal:?}"
        );
        // The staff boundary still moves, below the one principal's score.
        assert_eq!(f.boundaries[2].new, 18.0);
    }

    #[test]
    fn ties_go_to_the_threshold_nearest_the_original() {
        // Entry at 1 and 3, mid at 9 and 10: any mid threshold in (3, 9]
        // is perfect; the candidates are 2, 6, 9.5 and the original 7.
        let cases = vec![
            case(Entry, 1.0),
            case(Entry, 3.0),
            case(Mid, 9.0),
            case(Mid, 10.0),
        ];
        let f = fit(&cases, &ORIGINAL);
        assert_eq!(f.thresholds[1], 7.0);
    }

    #[test]
    fn a_gate_held_resume_is_not_chased_by_thresholds() {
        let mut cases = spread();
        // A senior whose senior gates fail is predicted mid whatever the
        // thresholds: within one, never exact.
        cases[5].gates_met[2] = false;
        let f = fit(&cases, &ORIGINAL);
        assert_eq!(f.after.within_one, 10);
        assert_eq!(f.after.exact, 9);
    }

    #[test]
    fn leave_one_out_is_reported_and_deterministic() {
        let a = fit(&spread(), &ORIGINAL);
        let b = fit(&spread(), &ORIGINAL);
        assert_eq!(a, b);
        assert_eq!(a.leave_one_out.n, 10);
        // Leaving out one of two labels leaves one: that boundary is kept
        // at the original, which misplaces some held-out resumes.
        assert!(a.leave_one_out.exact <= a.after.exact);
    }

    /// The best (within-one, exact) over every ordered choice of four
    /// thresholds, with four points in every gap between scores and
    /// beyond them: every way to split the scores into levels.
    fn brute_force(cases: &[Case]) -> (usize, usize) {
        let mut scores: Vec<f64> = cases.iter().map(|c| c.score).collect();
        scores.sort_by(f64::total_cmp);
        scores.dedup();
        let mut edges = vec![0.0];
        edges.extend(scores.iter().copied());
        let mut values: Vec<f64> = Vec::new();
        for w in edges.windows(2) {
            for k in 1..=4 {
                values.push(w[0] + (w[1] - w[0]) * f64::from(k) / 5.0);
            }
        }
        for k in 1..=4 {
            values.push(scores[scores.len() - 1] + f64::from(k));
        }
        values.retain(|v| *v > 0.0);
        values.sort_by(f64::total_cmp);
        let mut best = (0, 0);
        let n = values.len();
        for a in 0..n {
            for b in a + 1..n {
                for c in b + 1..n {
                    for d in c + 1..n {
                        let t = [0.0, values[a], values[b], values[c], values[d]];
                        let acc = accuracy(cases, &t);
                        best = best.max((acc.within_one, acc.exact));
                    }
                }
            }
        }
        best
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]
        #[test]
        fn the_search_finds_the_global_best(
            raw in proptest::collection::vec(
                (1u32..3000, proptest::collection::vec(proptest::bool::weighted(0.85), 5)),
                10..12,
            )
        ) {
            // Every level labelled at least twice, so every boundary may
            // move and the optimum is unconstrained.
            let cases: Vec<Case> = raw
                .into_iter()
                .enumerate()
                .map(|(i, (score, gates))| Case {
                    truth: Level::ALL[i % 5],
                    score: f64::from(score) / 100.0,
                    gates_met: gates,
                })
                .collect();
            let f = fit(&cases, &ORIGINAL);
            proptest::prop_assert_eq!((f.after.within_one, f.after.exact), brute_force(&cases));
        }
    }
}
