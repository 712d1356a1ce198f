//! The ranking as JSON lines: one object per input with everything in the
//! record, full evidence arrays included. Values are not neutralised:
//! JSON is read by programs, not spreadsheets.

use std::io::Write;

use super::Record;

/// Write one record as one line.
pub fn write(out: &mut impl Write, record: &Record) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}
