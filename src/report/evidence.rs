//! `--evidence FILE`: one CSV row per evidence item — file, family, signal,
//! weight, page, line, quote — for recruiters who filter and pivot the
//! evidence itself. Cells are neutralised like the ranking's.

use std::io::Write;

use super::Record;
use super::cells::neutralise;

pub fn write(out: &mut impl Write, records: &[Record], bom: bool) -> std::io::Result<()> {
    if bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record([
        "file", "family", "signal", "weight", "page", "line", "quote",
    ])?;
    for record in records.iter().filter(|r| r.is_assessed()) {
        for family in &record.families {
            for q in &family.evidence {
                let cells = [
                    record.file.clone(),
                    q.family.clone(),
                    q.signal.clone(),
                    format!("{:.2}", q.weight),
                    q.page.to_string(),
                    q.line.to_string(),
                    q.quote.clone(),
                ];
                writer.write_record(cells.iter().map(|c| neutralise(c)))?;
            }
        }
    }
    writer.flush()?;
    Ok(())
}
