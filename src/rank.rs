//! Ranking: records in, records in ranking order with ranks out.
//!
//! Assessed rows come first, ordered by level (principal first), then
//! score (highest first), then file path; they are numbered 1..N. Rows not
//! assessed follow in path order, unranked. The order depends only on the
//! records, never on the order they arrived in.

use std::cmp::Ordering;

use crate::report::Record;
use crate::rubric::Level;

fn level_index(record: &Record) -> usize {
    record
        .level
        .as_deref()
        .and_then(Level::from_name)
        .map_or(0, Level::index)
}

fn ranking_order(a: &Record, b: &Record) -> Ordering {
    b.is_assessed()
        .cmp(&a.is_assessed())
        .then_with(|| {
            if a.is_assessed() {
                level_index(b)
                    .cmp(&level_index(a))
                    .then(b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)))
            } else {
                Ordering::Equal
            }
        })
        .then_with(|| a.file.cmp(&b.file))
}

/// Sort into ranking order and number the assessed rows.
pub fn rank(records: &mut [Record]) {
    records.sort_by(ranking_order);
    let mut next = 1;
    for record in records.iter_mut() {
        record.rank = record.is_assessed().then(|| {
            next += 1;
            next - 1
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessed(file: &str, level: &str, score: f64) -> Record {
        let mut r = Record::not_assessed(file.into(), "ok", String::new());
        r.level = Some(level.into());
        r.score = Some(score);
        r
    }

    #[test]
    fn level_then_score_then_path_and_failures_last() {
        let mut records = vec![
            Record::not_assessed("a.pdf".into(), "error", "crashed".into()),
            assessed("b.pdf", "senior", 30.0),
            assessed("c.pdf", "staff", 10.0),
            assessed("d.pdf", "senior", 40.0),
            assessed("a2.pdf", "senior", 30.0),
            Record::not_assessed("0.pdf".into(), "duplicate", "duplicate of b.pdf".into()),
        ];
        rank(&mut records);
        let order: Vec<(&str, Option<usize>)> =
            records.iter().map(|r| (r.file.as_str(), r.rank)).collect();
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
}
