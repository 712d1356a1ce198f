//! ToUnicode CMaps: the text each character code of a font stands for.
//!
//! A ToUnicode CMap is a small PostScript program. What matters in it are
//! the `bfchar` sections (one code → text) and the `bfrange` sections (a run
//! of codes → text that counts up, or → a list of texts). They are read here
//! with the content-stream lexer, which already knows hex strings and
//! arrays. lopdf can parse a CMap too, but only while resolving a whole font
//! encoding, and it stores the result in range trees that then have to be
//! walked code by code; on resumes, whose every font carries a CMap, that
//! was a tenth of the time spent extracting a file.
//!
//! Like lopdf, a later mapping of a code replaces an earlier one, a range's
//! text counts up in its last UTF-16 unit, and only one- and two-byte codes
//! are kept (resume fonts use no others).
//!
//! Each text is stored once, as the shared string the interpreter hands on
//! to every glyph, in tables keyed by code with a fast integer hash: a CID
//! font's CMap maps hundreds of codes and every file brings its own, so
//! building them was a tenth of a resume's extraction when each entry went
//! through a UTF-16 buffer, a `String` and a second copy, under SipHash.

use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

use super::lexer::{Lexer, Operand};

/// Text per code. The keys are at most 65,536 codes a font declares, not
/// attacker-chosen hash inputs in any way that matters: the table is capped.
pub type CodeKeyed<V> = HashMap<u32, V, FxBuildHasher>;

/// A hostile CMap may declare 0000–FFFF many times over; a font needs at
/// most this many codes.
const MAX_CODES: usize = 65_536;

/// A ToUnicode CMap flattened into look-up tables, by code length.
#[derive(Debug, Default, PartialEq)]
pub struct CodeMap {
    pub one_byte: CodeKeyed<Rc<str>>,
    pub two_byte: CodeKeyed<Rc<str>>,
}

impl CodeMap {
    /// Read a decompressed ToUnicode stream. Never fails: what cannot be read
    /// is skipped, so a damaged CMap still maps the codes it states clearly.
    pub fn parse(data: &[u8]) -> CodeMap {
        let mut map = CodeMap::default();
        let mut lexer = Lexer::new(data);
        let mut scratch = Scratch::default();
        while let Some((operator, operands)) = lexer.next() {
            match operator {
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        let Some(code) = code_of(&pair[0], &mut scratch.bytes) else {
                            continue;
                        };
                        if let Some(text) = pair[1].string_bytes(&mut scratch.bytes) {
                            map.insert(code, text_of(text, 0, &mut scratch.text));
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        map.insert_range(&triple[0], &triple[1], &triple[2], &mut scratch);
                    }
                }
                _ => {}
            }
        }
        map
    }

    pub fn is_empty(&self) -> bool {
        self.one_byte.is_empty() && self.two_byte.is_empty()
    }

    pub fn lookup(&self, code: u32, bytes: usize) -> Option<&Rc<str>> {
        match bytes {
            1 => self.one_byte.get(&code),
            _ => self.two_byte.get(&code),
        }
    }

    fn table(&mut self, code_len: usize) -> Option<&mut CodeKeyed<Rc<str>>> {
        match code_len {
            1 => Some(&mut self.one_byte),
            2 => Some(&mut self.two_byte),
            _ => None,
        }
    }

    fn insert(&mut self, (value, length): (u32, usize), text: Rc<str>) {
        if let Some(table) = self.table(length)
            && (table.len() < MAX_CODES || table.contains_key(&value))
        {
            table.insert(value, text);
        }
    }

    fn insert_range(
        &mut self,
        low: &Operand,
        high: &Operand,
        target: &Operand,
        scratch: &mut Scratch,
    ) {
        let (Some((first, length)), Some((last, high_length))) = (
            code_of(low, &mut scratch.bytes),
            code_of(high, &mut scratch.bytes),
        ) else {
            return;
        };
        if length != high_length {
            return;
        }
        let Some(table) = self.table(length) else {
            return;
        };
        let last = last.min(first.saturating_add(MAX_CODES as u32 - 1));
        for (offset, code) in (first..=last).enumerate() {
            if table.len() >= MAX_CODES && !table.contains_key(&code) {
                return;
            }
            let (text, add) = match target {
                Operand::Array(texts) => (texts.get(offset), 0),
                _ => (Some(target), offset as u16),
            };
            let Some(text) = text.and_then(|t| t.string_bytes(&mut scratch.bytes)) else {
                return;
            };
            let text = text_of(text, add, &mut scratch.text);
            table.insert(code, text);
        }
    }
}

/// Buffers reused across a CMap's entries: a string operand's bytes and
/// the text they decode to.
#[derive(Default)]
struct Scratch {
    bytes: Vec<u8>,
    text: String,
}

/// A source code string as one number, big-endian, with its length in
/// bytes; `None` when the operand is no string.
fn code_of(operand: &Operand, scratch: &mut Vec<u8>) -> Option<(u32, usize)> {
    let bytes = operand.string_bytes(scratch)?;
    let value = bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
    Some((value, bytes.len()))
}

/// UTF-16BE bytes as text, `add` added to the last code unit (a range's
/// count); an odd last byte is dropped, unpaired surrogates become U+FFFD.
/// Decoded through `scratch`, so the text is allocated once, as itself.
fn text_of(bytes: &[u8], add: u16, scratch: &mut String) -> Rc<str> {
    let count = bytes.len() / 2;
    let units = bytes.chunks_exact(2).enumerate().map(|(i, pair)| {
        let unit = u16::from_be_bytes([pair[0], pair[1]]);
        if i + 1 == count {
            unit.wrapping_add(add)
        } else {
            unit
        }
    });
    scratch.clear();
    scratch.extend(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)));
    Rc::from(scratch.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0011> <0066006C> <0012> <D835DC00> endbfchar
2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <00790079>] endbfrange
1 beginbfchar <0003> <00A0> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn chars_ranges_and_arrays_map_codes_to_text() {
        let map = CodeMap::parse(SAMPLE);
        let text = |code| map.lookup(code, 2).map(|t| &**t);
        // A later bfchar replaces an earlier one.
        assert_eq!(text(0x03), Some("\u{a0}"));
        assert_eq!(text(0x11), Some("fl"));
        assert_eq!(text(0x12), Some("\u{1d400}"));
        assert_eq!(text(0x24), Some("A"));
        assert_eq!(text(0x26), Some("C"));
        assert_eq!(text(0x27), None);
        assert_eq!(text(0x30), Some("x"));
        assert_eq!(text(0x31), Some("yy"));
        assert!(map.one_byte.is_empty());
    }

    #[test]
    fn huge_and_broken_ranges_are_bounded() {
        let map = CodeMap::parse(
            b"3 beginbfrange <0000> <FFFF> <0041> <0000> <FFFF> <0041> <00> <0010> <0041> endbfrange \
              1 beginbfchar <41> endbfchar <zz",
        );
        assert_eq!(map.two_byte.len(), MAX_CODES);
        assert!(map.one_byte.is_empty());
    }

    /// On every ToUnicode CMap of the fixture PDFs, the same text per code
    /// as lopdf's CMap parser.
    #[test]
    fn agrees_with_lopdf_on_the_fixtures() {
        use lopdf::{Dictionary, Encoding, Object};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
        let mut cmaps = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let doc = lopdf::Document::load(entry.path()).unwrap();
            for object in doc.objects.values() {
                let Ok(font) = object.as_dict() else { continue };
                let Ok(Object::Reference(id)) = font.get(b"ToUnicode") else {
                    continue;
                };
                let stream = doc.get_object(*id).unwrap().as_stream().unwrap();
                let ours = CodeMap::parse(&stream.decompressed_content().unwrap());

                let mut probe = Dictionary::new();
                probe.set("Type", Object::Name(b"Font".to_vec()));
                probe.set("Encoding", Object::Name(b"Identity-H".to_vec()));
                probe.set("ToUnicode", Object::Reference(*id));
                let Ok(Encoding::UnicodeMapEncoding(theirs)) = probe.get_font_encoding(&doc) else {
                    panic!("lopdf reads no CMap in {}", entry.path().display());
                };
                for code_len in [1usize, 2] {
                    for code in 0..=0xFFFFu32 {
                        if code_len == 1 && code > 0xFF {
                            break;
                        }
                        let expected = theirs
                            .get(code, code_len as u8)
                            .map(|u| String::from_utf16_lossy(&u));
                        assert_eq!(
                            ours.lookup(code, code_len).map(|t| t.to_string()),
                            expected,
                            "{} code {code:#x}",
                            entry.path().display()
                        );
                    }
                }
                cmaps += 1;
            }
        }
        assert!(cmaps > 40, "{cmaps} CMaps");
    }
}
