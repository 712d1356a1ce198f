//! `--evidence FILE`: one CSV row per evidence item — file, family, signal,
//! weight, page, line, quote — for recruiters who filter and pivot the
//! evidence itself. Cells are neutralised like the ranking's.

use std::io::Write;

use super::Record;
use super::cells::neutralise;
use crate::jobfit::Importance;

/// The evidence table written one record at a time.
pub struct EvidenceWriter<W: Write> {
    writer: ::csv::Writer<W>,
}

impl<W: Write> EvidenceWriter<W> {
    /// Write the byte-order mark (with `bom`) and the header.
    pub fn new(mut out: W, bom: bool) -> std::io::Result<Self> {
        if bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record([
            "file", "family", "signal", "weight", "page", "line", "quote",
        ])?;
        Ok(EvidenceWriter { writer })
    }

    /// The record's evidence rows; none unless it was assessed.
    pub fn write(&mut self, record: &Record) -> std::io::Result<()> {
        if !record.is_assessed() {
            return Ok(());
        }
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
                self.writer
                    .write_record(cells.iter().map(|c| neutralise(c)))?;
            }
        }
        // With `--job`: a row per requirement the resume names, its family
        // `required` or `nice`, its signal the requirement and its depth
        // ("Go: shown"), its weight what it earns toward `job_fit`.
        for v in record.job.iter().flat_map(|fit| &fit.requirements) {
            let (Some(page), Some(line), Some(quote)) = (v.page, v.line, &v.quote) else {
                continue;
            };
            let cells = [
                record.file.clone(),
                match v.importance {
                    Importance::Required => "required".into(),
                    Importance::Nice => "nice".into(),
                },
                format!("{}: {}", v.requirement, v.depth.name()),
                format!("{:.2}", v.credit),
                page.to_string(),
                line.to_string(),
                quote.clone(),
            ];
            self.writer
                .write_record(cells.iter().map(|c| neutralise(c)))?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}
