//! Checks a DOCX must pass before any of its XML is interpreted.
//!
//! Takes the raw bytes of a zip package and gives the decompressed bytes of
//! the parts asked for, each checked to be well-formed XML of bounded depth.
//! A zip header's sizes are never trusted: every entry is decompressed in
//! small chunks while its real size, the package's running total and the
//! compression ratio are counted, so a zip bomb is refused after reading no
//! more than the limit allows. Corrupt deflate data and CRC mismatches come
//! back as errors naming the part. This module must never allocate what a
//! header claims, nor read an entry nobody asked for (pictures stay packed).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use zip::ZipArchive;
use zip::result::ZipError;

/// More entries than any real Word file has (a resume holds a few dozen);
/// beyond this the package is refused before anything is decompressed.
pub const MAX_ENTRIES: usize = 5_000;

/// Deepest element nesting accepted in an XML part. A normal resume stays
/// under 30; every nested table adds three levels (table, row, cell), so
/// this still allows twenty or so tables inside one another.
pub const MAX_DEPTH: usize = 100;

/// Largest decompressed/compressed ratio accepted for an entry bigger than
/// [`RATIO_FLOOR`]. WordprocessingML compresses 5-30×; bombs compress
/// thousands of times.
const MAX_RATIO: u64 = 200;

/// Entries smaller than this are not ratio-checked: a tiny part full of
/// repeated markup can compress very well and is harmless.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// A zip package opened for bounded reading.
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased entry name (forward slashes, no leading slash) → index.
    /// Part names in Office packages are case-insensitive.
    index: HashMap<String, usize>,
    /// Decompressed bytes the package may still produce.
    budget: u64,
}

impl<'a> Package<'a> {
    /// Open the zip's central directory; `budget` is the total number of
    /// decompressed bytes all reads together may produce.
    pub fn open(bytes: &'a [u8], budget: u64) -> Result<Self, String> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a readable zip archive ({e})"))?;
        if archive.len() > MAX_ENTRIES {
            return Err(format!(
                "the zip holds {} entries, more than the {MAX_ENTRIES} a Word file could need",
                archive.len()
            ));
        }
        let mut index = HashMap::with_capacity(archive.len());
        for i in 0..archive.len() {
            if let Some(name) = archive.name_for_index(i) {
                index.insert(normalise_name(name), i);
            }
        }
        Ok(Package {
            archive,
            index,
            budget,
        })
    }

    /// The latest modification date of the zip's entries (`YYYY-MM-DD`):
    /// the date the file was saved, for packages whose core properties
    /// carry none. Read from the central directory; nothing is inflated.
    pub fn saved_date(&mut self) -> Option<String> {
        let mut latest: Option<(u16, u8, u8)> = None;
        for i in 0..self.archive.len() {
            let Ok(entry) = self.archive.by_index_raw(i) else {
                continue;
            };
            let Some(t) = entry.last_modified() else {
                continue;
            };
            // DOS dates start in 1980; writers that leave the field empty
            // write that floor, which is no date at all.
            if t.year() > 1980 {
                let date = (t.year(), t.month(), t.day());
                latest = latest.max(Some(date));
            }
        }
        latest.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
    }

    /// Whether the package holds an entry of this name.
    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(&normalise_name(name))
    }

    /// The decompressed bytes of one entry, or `None` when there is no such
    /// entry. Errors name the entry and what is wrong with it.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(&i) = self.index.get(&normalise_name(name)) else {
            return Ok(None);
        };
        let mut entry = match self.archive.by_index(i) {
            Ok(entry) => entry,
            Err(ZipError::UnsupportedArchive(what)) => {
                return Err(format!("{name}: {what}"));
            }
            Err(e) => return Err(format!("{name}: unreadable zip entry ({e})")),
        };
        if entry.encrypted() {
            return Err(format!("{name}: the zip entry is password-protected"));
        }
        let compressed = entry.compressed_size().max(1);
        let mut data = Vec::new();
        // Read straight into `data`, 64 KiB at most between checks: the
        // limits stop a bomb early, and no scratch buffer is zeroed and
        // copied for every part (most parts are a few kilobytes).
        loop {
            match (&mut entry).take(64 * 1024).read_to_end(&mut data) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Err(format!("{name}: corrupt compressed data ({e})")),
            };
            let size = data.len() as u64;
            if size > self.budget {
                return Err(format!(
                    "{name}: decompresses past the limit on decompressed bytes \
                     (a zip bomb, or raise --max-decompressed-bytes)"
                ));
            }
            if size > RATIO_FLOOR && size / compressed > MAX_RATIO {
                return Err(format!(
                    "{name}: compressed more than {MAX_RATIO} times (a zip bomb)"
                ));
            }
        }
        self.budget -= data.len() as u64;
        // A byte-order mark is legal before an XML declaration but the XML
        // reader does not expect it.
        if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
            data.drain(..3);
        }
        Ok(Some(data))
    }

    /// Read an entry and check it is well-formed XML of bounded depth.
    pub fn read_xml(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        match self.read(name)? {
            Some(xml) => {
                check_xml(name, &xml)?;
                Ok(Some(xml))
            }
            None => Ok(None),
        }
    }
}

/// Entry names as Office compares them: case-insensitive, forward slashes,
/// no leading slash (Windows zippers write backslashes).
fn normalise_name(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

/// Check that `xml` is one well-formed element tree no deeper than
/// [`MAX_DEPTH`], with valid attributes and entity references and no DOCTYPE
/// (Office XML never has one; it is how entity-expansion attacks start).
pub fn check_xml(part: &str, xml: &[u8]) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().enable_all_checks(true);
    let mut depth = 0usize;
    let mut roots = 0usize;
    let malformed = |reader: &Reader<&[u8]>, what: String| {
        format!(
            "{part}: malformed XML near byte {}: {what}",
            reader.buffer_position()
        )
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(&reader, e.to_string()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                if depth == 0 {
                    roots += 1;
                    if roots > 1 {
                        return Err(malformed(&reader, "more than one root element".into()));
                    }
                }
                for attr in e.attributes() {
                    let attr = attr.map_err(|e| malformed(&reader, e.to_string()))?;
                    attr.decoded_and_normalized_value(XmlVersion::Implicit1_0, e.decoder())
                        .map_err(|e| malformed(&reader, e.to_string()))?;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(format!(
                            "{part}: elements nested more than {MAX_DEPTH} deep \
                             (tables inside tables?)"
                        ));
                    }
                }
            }
            Event::End(_) => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| malformed(&reader, "closing tag with no opening tag".into()))?;
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| malformed(&reader, e.to_string()))?;
                if depth == 0 && !text.trim().is_empty() {
                    return Err(malformed(&reader, "text outside the root element".into()));
                }
            }
            Event::GeneralRef(r) => {
                if depth == 0 {
                    return Err(malformed(&reader, "text outside the root element".into()));
                }
                if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(_)) => {}
                        _ => return Err(malformed(&reader, "bad character reference".into())),
                    }
                } else {
                    let name = r.decode().map_err(|e| malformed(&reader, e.to_string()))?;
                    if !matches!(name.as_ref(), "amp" | "lt" | "gt" | "quot" | "apos") {
                        return Err(malformed(&reader, format!("unknown entity &{name};")));
                    }
                }
            }
            Event::DocType(_) => {
                return Err(malformed(&reader, "a DOCTYPE declaration".into()));
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if depth != 0 {
        return Err(format!(
            "{part}: the XML ends inside an open element (truncated or malformed)"
        ));
    }
    if roots == 0 {
        return Err(format!("{part}: no XML element at all"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_xml_passes() {
        check_xml(
            "a.xml",
            br#"<?xml version="1.0"?><a x="1">t &amp; &#65;<b/></a>"#,
        )
        .unwrap();
    }

    #[test]
    fn unterminated_attribute_quote_is_refused() {
        let err = check_xml("word/document.xml", br#"<a><b x="1><c/></b></a>"#).unwrap_err();
        assert!(err.starts_with("word/document.xml:"), "{err}");
    }

    #[test]
    fn truncated_xml_is_refused() {
        let err = check_xml("p.xml", b"<a><b></b>").unwrap_err();
        assert!(err.contains("ends inside an open element"), "{err}");
    }

    #[test]
    fn mismatched_tags_are_refused() {
        assert!(check_xml("p.xml", b"<a><b></a></b>").is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let xml = format!(
            "{}{}",
            "<t>".repeat(MAX_DEPTH + 1),
            "</t>".repeat(MAX_DEPTH + 1)
        );
        let err = check_xml("p.xml", xml.as_bytes()).unwrap_err();
        assert!(err.contains("nested more than"), "{err}");
        let ok = format!("{}{}", "<t>".repeat(MAX_DEPTH), "</t>".repeat(MAX_DEPTH));
        check_xml("p.xml", ok.as_bytes()).unwrap();
    }

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        assert!(check_xml("p.xml", b"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>").is_err());
        assert!(check_xml("p.xml", b"<a>&x;</a>").is_err());
    }

    #[test]
    fn two_roots_or_stray_text_are_refused() {
        assert!(check_xml("p.xml", b"<a/><b/>").is_err());
        assert!(check_xml("p.xml", b"<a/>junk").is_err());
        assert!(check_xml("p.xml", b"").is_err());
    }
}
