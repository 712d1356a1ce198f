//! The ranking as JSON lines: one object per input with everything in the
//! record, full evidence arrays included. Values are not neutralised:
//! JSON is read by programs, not spreadsheets.

use std::io::Write;

use super::Record;

pub fn write(out: &mut impl Write, records: &[Record]) -> std::io::Result<()> {
    for record in records {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
