//! The `--report` CSV: one row per usable labelled file — file, status,
//! true level, the level reported (an IC level or `management`), score,
//! confidence, claimed level and claim check, one score per rubric family,
//! and a note for a file that could not be assessed (its figures left
//! empty). Rows follow the labels
//! file. Cells a spreadsheet would run as formulas are neutralised.

use std::io::Write;

use super::{Calibration, ModelFit};
use crate::classify::model::most_probable;
use crate::report::cells::neutralise;

/// Write the report; `families` are the rubric's family ids in order. With
/// a fit, two more columns give each IC-labelled file's level and
/// confidence from the model fitted without its fold.
pub fn write(
    out: &mut impl Write,
    cal: &Calibration,
    families: &[String],
    fit: Option<&ModelFit>,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "file",
        "status",
        "true",
        "predicted",
        "score",
        "confidence",
        "claimed_level",
        "claim_check",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(families.iter().map(|f| format!("{f}_score")));
    if fit.is_some() {
        header.push("cv_predicted".into());
        header.push("cv_confidence".into());
    }
    header.push("note".into());
    writer.write_record(&header)?;

    // Both lists follow the labels file: merge them back by line.
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for o in &cal.observations {
        let mut row = vec![
            neutralise(&o.label.file),
            o.record.status.clone(),
            o.label.truth.name().into(),
            o.reported.to_string(),
            o.record
                .score
                .map_or(String::new(), |s| (s + 0.0).to_string()),
            o.record.confidence.map_or(String::new(), |c| c.to_string()),
            o.record.claimed_level.clone().unwrap_or_default(),
            o.record.claim_check.clone().unwrap_or_default(),
        ];
        for family in families {
            let score = o
                .record
                .families
                .iter()
                .find(|f| &f.family == family)
                .map_or(0.0, |f| f.score);
            // `+ 0.0` turns a -0 into 0.
            row.push((score + 0.0).to_string());
        }
        if let Some(fit) = fit {
            let held = fit.held_out.iter().find(|(f, _)| f == &o.label.file);
            match held {
                Some((_, p)) => {
                    let level = most_probable(p);
                    row.push(level.name().into());
                    row.push(format!("{:.2}", p[level.index()]));
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        row.push(String::new());
        rows.push((o.label.line, row));
    }
    for n in &cal.not_assessed {
        let mut row = vec![
            neutralise(&n.label.file),
            n.status.clone(),
            n.label.truth.name().into(),
        ];
        let fit_columns = if fit.is_some() { 2 } else { 0 };
        row.extend(std::iter::repeat_n(
            String::new(),
            5 + families.len() + fit_columns,
        ));
        row.push(neutralise(&n.note));
        rows.push((n.label.line, row));
    }
    rows.sort_by_key(|(line, _)| *line);
    for (_, row) in rows {
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}
