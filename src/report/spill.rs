//! Records kept on disk while a batch runs, so the parent's memory does not
//! grow with the folder: a record (quotes, flags, notes: a few kilobytes)
//! is written to an unnamed temporary file as it arrives, and only its place
//! in the file stays in memory. Ranking needs a few small keys per file;
//! the writers read the records back one at a time, in ranking order.
//!
//! The file is deleted by the operating system when the spill is dropped,
//! even if the run is killed.

use std::fs::File;
use std::io::{self, BufWriter, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};

use super::Record;

/// Where one record lies in the file.
#[derive(Debug, Clone, Copy)]
struct Extent {
    offset: u64,
    len: u32,
}

/// Records written so far; [`Spill::push`] hands back the number that
/// reads each one again.
pub struct Spill {
    out: BufWriter<File>,
    extents: Vec<Extent>,
    end: u64,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        // Records arrive by the thousand a second: a large buffer writes
        // them out in a few big writes rather than one per handful (the
        // default 8 KiB made system calls a fifth of the filing thread's
        // time).
        Ok(Spill {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            extents: Vec::new(),
            end: 0,
        })
    }

    /// Store a record given as its JSON (as a worker sent it, or
    /// `serde_json::to_string` of a [`Record`]); the number returned reads
    /// it back.
    pub fn push(&mut self, record_json: &str) -> io::Result<usize> {
        let bytes = record_json.as_bytes();
        let len = u32::try_from(bytes.len())
            .map_err(|_| io::Error::other("a record of more than 4 GiB"))?;
        self.out.write_all(bytes)?;
        self.extents.push(Extent {
            offset: self.end,
            len,
        });
        self.end += u64::from(len);
        Ok(self.extents.len() - 1)
    }

    /// Done writing: read the records back.
    pub fn into_reader(self) -> io::Result<SpillReader> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(SpillReader {
            file,
            extents: self.extents,
            buffer: Vec::new(),
        })
    }
}

pub struct SpillReader {
    file: File,
    extents: Vec<Extent>,
    buffer: Vec<u8>,
}

impl SpillReader {
    /// The record [`Spill::push`] numbered `index`.
    pub fn get(&mut self, index: usize) -> io::Result<Record> {
        self.get_as(index)
    }

    /// What [`Spill::push`] numbered `index`, read as a `T` (a spill may
    /// hold other JSON than records: `screen --briefs` keeps the briefs in
    /// one).
    pub fn get_as<T: serde::de::DeserializeOwned>(&mut self, index: usize) -> io::Result<T> {
        let extent = self
            .extents
            .get(index)
            .copied()
            .ok_or_else(|| io::Error::other(format!("no spilled record {index}")))?;
        self.buffer.resize(extent.len as usize, 0);
        read_exact_at(&self.file, &mut self.buffer, extent.offset)?;
        // One UTF-8 check of the whole record, then a parse that need not
        // check every string again (`from_slice` does, string by string).
        let json = std::str::from_utf8(&self.buffer).map_err(io::Error::other)?;
        Ok(serde_json::from_str(json)?)
    }
}

/// Fill `buffer` from `file` at `offset`: one `pread` on Unix, where
/// records are read back a thousand a second.
#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(not(unix))]
fn read_exact_at(mut file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_as_written_in_any_order() {
        let records: Vec<Record> = (0..50)
            .map(|i| {
                let mut r =
                    Record::not_assessed(format!("r{i}.pdf"), "ok", "é \"quoted\"\n".repeat(i));
                r.score = Some(i as f64 / 3.0);
                r
            })
            .collect();
        let mut spill = Spill::new().unwrap();
        let numbers: Vec<usize> = records
            .iter()
            .map(|r| spill.push(&serde_json::to_string(r).unwrap()).unwrap())
            .collect();
        let mut reader = spill.into_reader().unwrap();
        for (record, &n) in records.iter().zip(&numbers).rev() {
            assert_eq!(&reader.get(n).unwrap(), record);
        }
        assert!(reader.get(50).is_err());
    }
}
