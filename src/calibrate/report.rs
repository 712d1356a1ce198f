//! The `--report` CSV: one row per usable labelled file — file, status,
//! true and predicted level, score, confidence, margin to the nearest
//! level threshold, one score per rubric family, and a note for a file that
//! could not be assessed (its figures left empty). Rows follow the labels
//! file. Cells a spreadsheet would run as formulas are neutralised.

use std::io::Write;

use super::Calibration;
use crate::report::cells::neutralise;

/// Write the report; `families` are the rubric's family ids in order.
pub fn write(out: &mut impl Write, cal: &Calibration, families: &[String]) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "file",
        "status",
        "true",
        "predicted",
        "score",
        "confidence",
        "margin",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(families.iter().map(|f| format!("{f}_score")));
    header.push("note".into());
    writer.write_record(&header)?;

    // Both lists follow the labels file: merge them back by line.
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for o in &cal.observations {
        let mut row = vec![
            neutralise(&o.label.file),
            o.record.status.clone(),
            o.label.level.name().into(),
            o.predicted.name().into(),
            (o.score + 0.0).to_string(),
            o.record.confidence.map_or(String::new(), |c| c.to_string()),
            o.margin.to_string(),
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
        row.push(String::new());
        rows.push((o.label.line, row));
    }
    for n in &cal.not_assessed {
        let mut row = vec![
            neutralise(&n.label.file),
            n.status.clone(),
            n.label.level.name().into(),
        ];
        row.extend(std::iter::repeat_n(String::new(), 4 + families.len()));
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
