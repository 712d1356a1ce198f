//! Ranking: each row's key in, the rows' order with their ranks out.
//!
//! Assessed rows come first, ordered by job fit when the screen matched a
//! posting (highest first), then level (principal first, the management
//! track after the IC ladder), then score (highest first), then file path; they are numbered 1..N. Rows not assessed follow in path
//! order, unranked. The order depends only on the records, never on the
//! order they arrived in.

use std::cmp::Ordering;
use std::fmt;

use crate::rubric::Level;

/// A row's reported level as the ranking orders it: every IC level above
/// the management track, which a screen for an IC opening lists last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RankLevel {
    Management,
    Ic(Level),
}

impl RankLevel {
    /// A reported level name: a level's or `management`.
    pub fn from_name(name: &str) -> Option<RankLevel> {
        match name {
            "management" => Some(RankLevel::Management),
            _ => Level::from_name(name).map(RankLevel::Ic),
        }
    }

    /// Its place in [`RankKey::level`]: management 0, entry 1 … principal 5.
    pub fn order(self) -> usize {
        match self {
            RankLevel::Management => 0,
            RankLevel::Ic(l) => l.index() + 1,
        }
    }
}

impl fmt::Display for RankLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RankLevel::Management => f.write_str("management"),
            RankLevel::Ic(l) => write!(f, "{l}"),
        }
    }
}

/// What the ranking order looks at in a row: a batch keeps just this in
/// memory for each file, not the whole record.
#[derive(Debug, Clone, Copy)]
pub struct RankKey<'a> {
    pub assessed: bool,
    /// [`RankLevel::order`]; 0 when not assessed.
    pub level: usize,
    pub score: f64,
    /// `job_fit` when the screen matched a posting.
    pub fit: Option<f64>,
    pub file: &'a str,
}

fn ranking_order(a: &RankKey, b: &RankKey) -> Ordering {
    b.assessed
        .cmp(&a.assessed)
        .then_with(|| {
            if a.assessed {
                let fit = |k: &RankKey| k.fit.unwrap_or(f64::NEG_INFINITY);
                fit(b)
                    .total_cmp(&fit(a))
                    .then(b.level.cmp(&a.level))
                    .then(b.score.total_cmp(&a.score))
            } else {
                Ordering::Equal
            }
        })
        .then_with(|| a.file.cmp(b.file))
}

/// The ranking of rows known by their keys: each row's index in `keys`,
/// in ranking order, with its rank (assessed rows only).
pub fn ranking(keys: &[RankKey]) -> Vec<(usize, Option<usize>)> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| ranking_order(&keys[a], &keys[b]));
    let mut next = 0;
    order
        .into_iter()
        .map(|i| {
            let rank = keys[i].assessed.then(|| {
                next += 1;
                next
            });
            (i, rank)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Record;

    fn key_of(record: &Record) -> RankKey<'_> {
        RankKey {
            assessed: record.is_assessed(),
            level: record
                .level
                .as_deref()
                .and_then(RankLevel::from_name)
                .map_or(0, RankLevel::order),
            score: record.score.unwrap_or(0.0),
            fit: record.job.as_ref().map(|j| j.job_fit),
            file: &record.file,
        }
    }

    fn assessed(file: &str, level: &str, score: f64) -> Record {
        let mut r = Record::not_assessed(file.into(), "ok", String::new());
        r.level = Some(level.into());
        r.score = Some(score);
        r
    }

    #[test]
    fn level_then_score_then_path_and_failures_last() {
        let records = [
            Record::not_assessed("a.pdf".into(), "error", "crashed".into()),
            assessed("b.pdf", "senior", 30.0),
            assessed("c.pdf", "staff", 10.0),
            assessed("d.pdf", "senior", 40.0),
            assessed("a2.pdf", "senior", 30.0),
            Record::not_assessed("0.pdf".into(), "duplicate", "duplicate of b.pdf".into()),
        ];
        let keys: Vec<RankKey> = records.iter().map(key_of).collect();
        let order: Vec<(&str, Option<usize>)> = ranking(&keys)
            .into_iter()
            .map(|(i, rank)| (records[i].file.as_str(), rank))
            .collect();
        assert_eq!(
            order,
            [
                ("c.pdf", Some(1)),
                ("d.pdf", Some(2)),
                ("a2.pdf", Some(3)),
                ("b.pdf", Some(4)),
                ("0.pdf", None),
                ("a.pdf", None),
            ]
        );
    }

    #[test]
    fn job_fit_first_then_level_and_score_break_ties() {
        let with_fit = |file: &str, level: &str, score: f64, fit: f64| {
            let mut r = assessed(file, level, score);
            r.job = Some(crate::jobfit::JobFit {
                posting: "posting.md".into(),
                job_fit: fit,
                level_fit: None,
                requirements: Vec::new(),
            });
            r
        };
        let records = [
            with_fit("staff.pdf", "staff", 50.0, 40.0),
            with_fit("mid.pdf", "mid", 10.0, 90.0),
            with_fit("senior.pdf", "senior", 20.0, 90.0),
            with_fit("senior-low.pdf", "senior", 5.0, 90.0),
        ];
        let keys: Vec<RankKey> = records.iter().map(key_of).collect();
        let order: Vec<&str> = ranking(&keys)
            .into_iter()
            .map(|(i, _)| records[i].file.as_str())
            .collect();
        assert_eq!(
            order,
            ["senior.pdf", "senior-low.pdf", "mid.pdf", "staff.pdf"]
        );
    }
}
