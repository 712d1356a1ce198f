//! Per-signal lift: for each signal (or flag), how often it fires among the
//! labelled resumes at each true level, and how well firing tracks level.
//!
//! Takes each resume's true level and the set of signal ids that fired in
//! it; gives one row per id with the rate at each level and Spearman ρ
//! between "fired" (0/1) and the true level. A recruiter reads down the ρ
//! column: high means the signal separates levels, near zero means noise,
//! negative means it fires more at junior levels. Pure counting.

use std::collections::BTreeSet;

use super::metrics::spearman;
use crate::rubric::Level;

/// One signal's row.
#[derive(Debug, Clone, PartialEq)]
pub struct LiftRow {
    pub id: String,
    /// Per true level, lowest first: fraction of that level's resumes in
    /// which the signal fired; `None` when no resume has the level.
    pub rate: [Option<f64>; 5],
    /// Resumes in which it fired, all levels.
    pub fired: usize,
    /// Spearman ρ between firing and true level (`None` when it fires in
    /// all or none of the resumes, or only one level is labelled).
    pub rho: Option<f64>,
}

/// One row per id, in the order given.
pub fn lift(ids: &[String], resumes: &[(Level, BTreeSet<String>)]) -> Vec<LiftRow> {
    let mut per_level = [0usize; 5];
    for (level, _) in resumes {
        per_level[level.index()] += 1;
    }
    let truth: Vec<f64> = resumes.iter().map(|(l, _)| l.index() as f64).collect();
    ids.iter()
        .map(|id| {
            let mut hits = [0usize; 5];
            let fired: Vec<f64> = resumes
                .iter()
                .map(|(level, ids)| {
                    let on = ids.contains(id);
                    if on {
                        hits[level.index()] += 1;
                    }
                    if on { 1.0 } else { 0.0 }
                })
                .collect();
            let mut rate = [None; 5];
            for l in 0..5 {
                rate[l] = (per_level[l] > 0).then(|| hits[l] as f64 / per_level[l] as f64);
            }
            LiftRow {
                id: id.clone(),
                rate,
                fired: hits.iter().sum(),
                rho: spearman(&truth, &fired),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rates_per_level_and_direction() {
        let resumes = vec![
            (Level::Entry, set(&["filler"])),
            (Level::Entry, set(&[])),
            (Level::Senior, set(&["strong_ownership"])),
            (Level::Staff, set(&["strong_ownership", "filler"])),
        ];
        let ids = vec![
            "strong_ownership".to_string(),
            "filler".into(),
            "never".into(),
        ];
        let rows = lift(&ids, &resumes);
        assert_eq!(rows[0].rate, [Some(0.0), None, Some(1.0), Some(1.0), None]);
        assert_eq!(rows[0].fired, 2);
        assert!(rows[0].rho.unwrap() > 0.8);
        assert_eq!(rows[1].rate, [Some(0.5), None, Some(0.0), Some(1.0), None]);
        assert_eq!(rows[2].fired, 0);
        assert_eq!(rows[2].rho, None);
    }
}
