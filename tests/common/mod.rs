//! Builders for test inputs made at test time, so no large or hostile
//! binaries live in git.

#![allow(dead_code)]

pub mod docx;
pub mod pdf;

/// The rows of a CSV (a ranking, a report) as column name → cell.
pub fn csv_rows(bytes: &[u8]) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}
