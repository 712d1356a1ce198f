//! PDF fonts: from a font dictionary to "what text does this code show, and
//! how wide is it".
//!
//! Decoding follows the order that gives what a reader sees: the font's
//! ToUnicode CMap first; then its /Encoding (a base encoding plus
//! /Differences with standard glyph names); then the font's built-in
//! encoding. A code none of these can map becomes U+FFFD, which the clean-up
//! turns into a bullet or nothing — never a stray letter. Widths come from
//! /Widths (simple fonts) or /W and /DW (composite fonts), in glyph space.
//!
//! lopdf resolves each of these pieces; this module only decides the order
//! and builds a 256-entry table (simple fonts) so the hot loop is a lookup.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use std::io::Read;

use lopdf::{Dictionary, Document, Object, Stream};

use super::cmap::{CodeKeyed, CodeMap};
use super::std14;
use super::streams::Inflater;

/// A font ready for the content-stream interpreter.
#[derive(Debug)]
pub struct Font {
    /// `BaseFont`, for diagnostics.
    pub name: String,
    pub bold: bool,
    /// Scale from glyph-space widths to text space (1/1000, or a Type3
    /// font's FontMatrix).
    pub width_scale: f32,
    /// Simple fonts: text and width per code.
    simple: Option<Box<[SimpleGlyph; 256]>>,
    /// Simple fonts with a ToUnicode CMap: the encoding of the codes the
    /// CMap leaves out, read the first time one is shown. Reading it can
    /// mean inflating the font program (its built-in encoding), and most
    /// such fonts never show a code their CMap leaves out.
    deferred: Option<DeferredEncoding>,
    /// Composite fonts: text per code from the ToUnicode CMap.
    composite_text: CodeKeyed<Rc<str>>,
    /// U+FFFD, shared by every code without a mapping.
    unmapped: Rc<str>,
    composite_widths: CodeKeyed<f32>,
    composite_default_width: f32,
    /// Whether any code had to be shown as U+FFFD for want of a mapping.
    pub has_unmapped: bool,
}

#[derive(Debug)]
struct DeferredEncoding {
    dict: Dictionary,
    symbolic: bool,
    limit: usize,
    encoding: OnceCell<SimpleEncoding>,
}

#[derive(Debug, Clone, Default)]
struct SimpleGlyph {
    text: Option<Rc<str>>,
    width: f32,
}

/// One decoded character code.
#[derive(Debug)]
pub struct DecodedCode<'a> {
    pub text: &'a Rc<str>,
    /// Width in glyph space (usually thousandths of the font size).
    pub width: f32,
    /// Whether this is the single-byte code 32, which word spacing (Tw)
    /// applies to.
    pub is_space_code: bool,
}

impl Font {
    /// Build a font from its dictionary. Never fails: an unreadable font
    /// yields a font whose codes are all unmapped, so the page still reads.
    pub fn load(doc: &Document, dict: &Dictionary, limit: usize, inflater: &mut Inflater) -> Font {
        let name = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|_| "(unnamed)".to_string());
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let descriptor = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok();
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").and_then(Object::as_float).ok())
            .unwrap_or(400.0);
        let lower = name.to_lowercase();
        let bold = weight >= 600.0
            || ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|w| lower.contains(w));
        let to_unicode = to_unicode_map(doc, dict, limit, inflater);

        if subtype == b"Type0" {
            return Font::composite(doc, dict, name, bold, to_unicode);
        }

        let width_scale = if subtype == b"Type3" {
            dict.get(b"FontMatrix")
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| m.first())
                .and_then(|v| v.as_float().ok())
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let symbolic = descriptor
            .and_then(|d| d.get(b"Flags").and_then(Object::as_i64).ok())
            .is_some_and(|flags| flags & 4 != 0);

        let mut table: Box<[SimpleGlyph; 256]> =
            Box::new(std::array::from_fn(|_| SimpleGlyph::default()));
        let has_widths = fill_simple_widths(doc, dict, descriptor, &name, width_scale, &mut table);
        if let Some(to_unicode) = to_unicode {
            for (code, glyph) in table.iter_mut().enumerate() {
                glyph.text = to_unicode.lookup(code as u32, 1).cloned();
            }
            if !has_widths {
                standard_widths(&name, &mut table);
            }
            return Font {
                deferred: Some(DeferredEncoding {
                    dict: dict.clone(),
                    symbolic,
                    limit,
                    encoding: OnceCell::new(),
                }),
                ..Font::simple(name, bold, width_scale, table, false)
            };
        }
        let encoding = SimpleEncoding::from_font(doc, dict, descriptor, &name, symbolic, limit);
        for (code, glyph) in table.iter_mut().enumerate() {
            glyph.text = encoding.decode(code as u8).cloned();
        }
        if !has_widths {
            standard_widths(&name, &mut table);
        }
        // A simple font always has codes it does not use; it counts as
        // unmapped only if it has no mapping at all.
        let has_unmapped = encoding.is_empty();
        Font::simple(name, bold, width_scale, table, has_unmapped)
    }

    fn simple(
        name: String,
        bold: bool,
        width_scale: f32,
        table: Box<[SimpleGlyph; 256]>,
        has_unmapped: bool,
    ) -> Font {
        Font {
            name,
            bold,
            width_scale,
            simple: Some(table),
            deferred: None,
            composite_text: CodeKeyed::default(),
            unmapped: Rc::from("\u{FFFD}"),
            composite_widths: CodeKeyed::default(),
            composite_default_width: 1000.0,
            has_unmapped,
        }
    }

    fn composite(
        doc: &Document,
        dict: &Dictionary,
        name: String,
        bold: bool,
        to_unicode: Option<CodeMap>,
    ) -> Font {
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        let default_width = descendant
            .and_then(|d| d.get(b"DW").and_then(Object::as_float).ok())
            .unwrap_or(1000.0);
        let mut widths = CodeKeyed::default();
        if let Some(w) =
            descendant.and_then(|d| d.get_deref(b"W", doc).and_then(Object::as_array).ok())
        {
            parse_cid_widths(doc, w, &mut widths);
        }
        let has_unmapped = to_unicode.is_none();
        Font {
            name,
            bold,
            width_scale: 0.001,
            simple: None,
            deferred: None,
            composite_text: to_unicode.map(|m| m.two_byte).unwrap_or_default(),
            unmapped: Rc::from("\u{FFFD}"),
            composite_widths: widths,
            composite_default_width: default_width,
            has_unmapped,
        }
    }

    /// A stand-in for a font the page names but does not define, so its
    /// text is still placed (and shows as unmapped).
    pub fn missing(name: &str) -> Font {
        // Without a font, ASCII is the only reasonable guess.
        let table = Box::new(std::array::from_fn(|code| SimpleGlyph {
            text: (32..127)
                .contains(&code)
                .then(|| Rc::from((code as u8 as char).to_string())),
            width: 500.0,
        }));
        Font::simple(name.to_string(), false, 0.001, table, true)
    }

    /// Split a string operand into codes and decode each. `doc` is the
    /// document the font came from.
    pub fn decode<'a>(
        &'a self,
        doc: &Document,
        bytes: &[u8],
        mut each: impl FnMut(DecodedCode<'a>),
    ) {
        if let Some(table) = &self.simple {
            for &b in bytes {
                let glyph = &table[b as usize];
                let text = glyph.text.as_ref().or_else(|| self.deferred_text(doc, b));
                each(DecodedCode {
                    text: text.unwrap_or(&self.unmapped),
                    width: glyph.width,
                    is_space_code: b == 32,
                });
            }
            return;
        }
        for pair in bytes.chunks(2) {
            let code = pair.iter().fold(0u32, |acc, &b| acc << 8 | b as u32);
            each(DecodedCode {
                text: self.composite_text.get(&code).unwrap_or(&self.unmapped),
                width: self
                    .composite_widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.composite_default_width),
                is_space_code: false,
            });
        }
    }

    /// The text of a code a simple font's ToUnicode CMap leaves out, from
    /// its encoding, read now if it has not been.
    fn deferred_text(&self, doc: &Document, code: u8) -> Option<&Rc<str>> {
        let deferred = self.deferred.as_ref()?;
        let encoding = deferred.encoding.get_or_init(|| {
            let descriptor = deferred
                .dict
                .get_deref(b"FontDescriptor", doc)
                .and_then(Object::as_dict)
                .ok();
            SimpleEncoding::from_font(
                doc,
                &deferred.dict,
                descriptor,
                &self.name,
                deferred.symbolic,
                deferred.limit,
            )
        });
        encoding.decode(code)
    }
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, o)| o)
}

/// Widths of a simple font: /FirstChar + /Widths, else /MissingWidth, else
/// a guess by family (monospaced fonts are 600 wide, others about 500).
/// Returns whether the font states its widths.
fn fill_simple_widths(
    doc: &Document,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    name: &str,
    width_scale: f32,
    table: &mut [SimpleGlyph; 256],
) -> bool {
    let missing = descriptor
        .and_then(|d| d.get(b"MissingWidth").and_then(Object::as_float).ok())
        .filter(|w| *w > 0.0);
    let guess = if name.to_lowercase().contains("courier") || name.to_lowercase().contains("mono") {
        600.0
    } else {
        500.0
    };
    // For Type3 fonts widths are in the font's own units; the guess is in
    // thousandths, so convert it.
    let guess = guess * 0.001 / width_scale;
    for glyph in table.iter_mut() {
        glyph.width = missing.unwrap_or(guess);
    }
    let first = dict
        .get(b"FirstChar")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .clamp(0, 255) as usize;
    let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) else {
        return false;
    };
    for (i, w) in widths.iter().enumerate() {
        if let (Some(glyph), Ok(w)) = (table.get_mut(first + i), deref(doc, w).as_float()) {
            glyph.width = w;
        }
    }
    true
}

/// A standard font without /Widths takes the widths every reader knows
/// for it, by the character each code shows.
fn standard_widths(name: &str, table: &mut [SimpleGlyph; 256]) {
    if !std14::is_standard(name) {
        return;
    }
    for glyph in table.iter_mut() {
        if let Some(w) = glyph.text.as_deref().and_then(|t| std14::width(name, t)) {
            glyph.width = w;
        }
    }
}

/// The /W array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn parse_cid_widths(doc: &Document, w: &[Object], widths: &mut CodeKeyed<f32>) {
    // A hostile file could declare a huge range; resumes need few glyphs.
    const MAX_ENTRIES: usize = 65_536;
    let mut i = 0;
    while i < w.len() && widths.len() < MAX_ENTRIES {
        let Ok(first) = deref(doc, &w[i]).as_i64() else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Ok(v) = deref(doc, v).as_float() {
                        widths.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Ok(last), Some(Ok(v))) = (
                    last.as_i64(),
                    w.get(i + 2).map(|o| deref(doc, o).as_float()),
                ) else {
                    break;
                };
                let span = (last - first).clamp(0, MAX_ENTRIES as i64);
                for code in first..=first + span {
                    widths.insert(code as u32, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// Read a font's /ToUnicode CMap, if it has one that maps anything.
fn to_unicode_map(
    doc: &Document,
    dict: &Dictionary,
    limit: usize,
    inflater: &mut Inflater,
) -> Option<CodeMap> {
    let stream = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
        .ok()?;
    let data = inflater.decoded(stream, limit).ok()?;
    let mut map = CodeMap::parse(&data);
    for text in map.one_byte.values_mut().chain(map.two_byte.values_mut()) {
        if text.contains(SOFT_HYPHEN) {
            *text = Rc::from(printed_hyphens(text));
        }
    }
    (!map.is_empty()).then_some(map)
}

const SOFT_HYPHEN: char = '\u{AD}';

/// A glyph a PDF paints is seen, so a soft hyphen it maps to is a printed
/// hyphen. LuaTeX with fontspec maps the hyphen glyph of some fonts to
/// U+00AD (the font's cmap gives one glyph both code points), so every
/// "high-impact" and "2019-2021" came out with an invisible character
/// that the clean-up drops: "highimpact". (In a DOCX a soft hyphen is only
/// a place a word may break, and stays invisible.)
fn printed_hyphens(text: &str) -> String {
    text.replace(SOFT_HYPHEN, "-")
}

/// A simple font's code → text table from /Encoding, or its built-in one.
#[derive(Debug)]
struct SimpleEncoding {
    table: Vec<Option<Rc<str>>>,
}

impl SimpleEncoding {
    fn is_empty(&self) -> bool {
        self.table.iter().all(Option::is_none)
    }

    fn decode(&self, code: u8) -> Option<&Rc<str>> {
        self.table.get(code as usize)?.as_ref()
    }

    fn from_font(
        doc: &Document,
        dict: &Dictionary,
        descriptor: Option<&Dictionary>,
        name: &str,
        symbolic: bool,
        limit: usize,
    ) -> SimpleEncoding {
        let encoding_object = dict.get(b"Encoding").ok().map(|o| deref(doc, o));
        let (base_name, differences) = match encoding_object {
            Some(Object::Name(n)) => (Some(n.clone()), None),
            Some(Object::Dictionary(d)) => (
                d.get(b"BaseEncoding")
                    .and_then(Object::as_name)
                    .ok()
                    .map(<[u8]>::to_vec),
                d.get_deref(b"Differences", doc)
                    .and_then(Object::as_array)
                    .ok(),
            ),
            _ => (None, None),
        };
        let mut table: Vec<Option<Rc<str>>> = match base_name {
            Some(base) => base_table(doc, &base, limit).to_vec(),
            // No /Encoding base: the font program's own encoding where an
            // embedded Type 1 font states one. Otherwise symbolic fonts
            // (Wingdings-like bullet and icon fonts, Symbol, ZapfDingbats)
            // have no letters to give: their codes become private-use
            // characters, which the clean-up turns into bullets or nothing.
            None => descriptor
                .and_then(|d| type1_builtin_encoding(doc, d, limit))
                .unwrap_or_else(|| {
                    if symbolic || is_symbol_font(name) {
                        (0..256)
                            .map(|c| char::from_u32(0xF000 + c).map(|c| Rc::from(c.to_string())))
                            .collect()
                    } else {
                        base_table(doc, b"StandardEncoding", limit).to_vec()
                    }
                }),
        };
        if let Some(differences) = differences {
            let mut code = 0usize;
            for item in differences {
                match deref(doc, item) {
                    Object::Integer(c) => code = (*c).clamp(0, 255) as usize,
                    Object::Name(glyph) => {
                        if code < 256 {
                            table[code] = glyph_name_to_text(doc, glyph, limit);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        SimpleEncoding { table }
    }
}

/// The built-in encoding of an embedded Type 1 font program (FontFile):
/// its clear-text header's `/Encoding StandardEncoding def`, or the
/// `dup <code> /<glyph> put` entries of its own encoding array.
fn type1_builtin_encoding(
    doc: &Document,
    descriptor: &Dictionary,
    limit: usize,
) -> Option<Vec<Option<Rc<str>>>> {
    let stream = descriptor
        .get_deref(b"FontFile", doc)
        .and_then(Object::as_stream)
        .ok()?;
    let header = type1_clear_text(stream, limit);
    let header = String::from_utf8_lossy(&header);
    if header.contains("/Encoding StandardEncoding def") {
        return Some(base_table(doc, b"StandardEncoding", limit).to_vec());
    }
    let mut table = vec![None; 256];
    let mut found = false;
    let tokens: Vec<&str> = header.split_whitespace().collect();
    for w in tokens.windows(4) {
        if let ["dup", code, glyph, "put"] = w
            && let (Ok(code), Some(glyph)) = (code.parse::<usize>(), glyph.strip_prefix('/'))
            && code < 256
        {
            table[code] = glyph_name_to_text(doc, glyph.as_bytes(), limit);
            found = true;
        }
    }
    found.then_some(table)
}

/// The start of an embedded Type 1 program: its clear-text part, which ends
/// at "eexec", and not the encrypted glyph programs after it, which are most
/// of the stream and of no use here. Inflating only that much matters: the
/// whole programs of a TeX resume's fonts cost more than its pages.
fn type1_clear_text(stream: &Stream, limit: usize) -> Vec<u8> {
    const CHUNK: usize = 2 << 10;
    let most = limit.min(1 << 20);
    let mut program = match stream.filters().as_deref() {
        Ok([b"FlateDecode"]) => {
            let mut inflate = flate2::read::ZlibDecoder::new(stream.content.as_slice());
            let mut out = Vec::new();
            while out.len() < most {
                let start = out.len();
                // A damaged stream gives what inflated before the damage.
                match (&mut inflate).take(CHUNK as u64).read_to_end(&mut out) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                // Look again from just before the new bytes, as the marker
                // may straddle two chunks.
                if crate::extract::find(&out[start.saturating_sub(5)..], b"eexec").is_some() {
                    break;
                }
            }
            out
        }
        Ok([]) | Err(_) => stream.content[..stream.content.len().min(most)].to_vec(),
        Ok(_) => stream
            .decompressed_content_with_limit(limit)
            .unwrap_or_else(|_| stream.content.clone()),
    };
    // Only the clear-text part holds the encoding; the rest is encrypted.
    if let Some(end) = crate::extract::find(&program, b"eexec") {
        program.truncate(end);
    }
    program
}

fn is_symbol_font(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "symbol",
        "dingbat",
        "wingding",
        "webdings",
        "fontawesome",
        "awesome",
        "icon",
    ]
    .iter()
    .any(|s| lower.contains(s))
}

/// The base encodings a font may name; each is read from lopdf once per
/// thread and then shared.
const BASE_ENCODINGS: [&[u8]; 5] = [
    b"StandardEncoding",
    b"WinAnsiEncoding",
    b"MacRomanEncoding",
    b"MacExpertEncoding",
    b"PDFDocEncoding",
];

/// A code → text table of a simple font.
type CodeTable = Rc<[Option<Rc<str>>]>;
/// Glyph name → its text, if it names a known character.
type GlyphTexts = HashMap<Box<[u8]>, Option<Rc<str>>>;

thread_local! {
    /// Base encodings and glyph names mean the same in every file, while
    /// resolving one through lopdf builds a whole throw-away encoding: on
    /// resumes, with a dozen fonts each, that was a tenth of the extraction
    /// time. So each is resolved once per thread.
    static BASE_TABLES: RefCell<HashMap<&'static [u8], CodeTable>> =
        RefCell::new(HashMap::new());
    static GLYPH_TEXT: RefCell<GlyphTexts> =
        RefCell::new(HashMap::new());
}

/// Glyph names remembered per thread at most: a crafted file may invent
/// any number of them.
const MAX_REMEMBERED_GLYPHS: usize = 8_192;

/// The 256 entries of a named base encoding, decoded one byte at a time by
/// lopdf's tables.
fn base_table(doc: &Document, base: &[u8], limit: usize) -> CodeTable {
    let Some(&known) = BASE_ENCODINGS.iter().find(|&&name| name == base) else {
        return vec![None; 256].into();
    };
    if let Some(table) = BASE_TABLES.with_borrow(|tables| tables.get(known).cloned()) {
        return table;
    }
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    probe.set("Encoding", Object::Name(base.to_vec()));
    let table: CodeTable = match probe.get_font_encoding_with_limit(doc, limit) {
        Ok(encoding) => (0..=255u8)
            .map(|b| {
                encoding
                    .bytes_to_string(&[b])
                    .ok()
                    .filter(|s| !s.is_empty())
                    .map(Rc::from)
            })
            .collect(),
        Err(_) => vec![None; 256].into(),
    };
    BASE_TABLES.with_borrow_mut(|tables| tables.insert(known, table.clone()));
    table
}

/// The text of a standard glyph name: `uniXXXX`, `uXXXX[XX]`, or a name from
/// the Adobe Glyph List, which lopdf knows. lopdf exposes that list only
/// through encodings, so the name is looked up by decoding code 0 of a
/// one-entry /Differences encoding (code 0 has no glyph in the base
/// encoding, so an unknown name gives nothing back).
fn glyph_name_to_text(doc: &Document, glyph: &[u8], limit: usize) -> Option<Rc<str>> {
    if let Some(text) = GLYPH_TEXT.with_borrow(|known| known.get(glyph).cloned()) {
        return text;
    }
    let text = resolve_glyph_name(doc, glyph, limit).map(|t| Rc::from(printed_hyphens(&t)));
    GLYPH_TEXT.with_borrow_mut(|known| {
        if known.len() < MAX_REMEMBERED_GLYPHS {
            known.insert(glyph.into(), text.clone());
        }
    });
    text
}

/// [`glyph_name_to_text`] without the memory.
fn resolve_glyph_name(doc: &Document, glyph: &[u8], limit: usize) -> Option<String> {
    let name = std::str::from_utf8(glyph).ok()?;
    // "f_f_i", "T_h" and "a.sc" style names: the part before a dot, and
    // ligatures joined by underscores.
    let base = name.split('.').next().unwrap_or(name);
    if base.contains('_') {
        let parts: Option<String> = base
            .split('_')
            .map(|p| resolve_glyph_name(doc, p.as_bytes(), limit))
            .collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
    {
        let units: Option<Vec<u16>> = hex
            .as_bytes()
            .chunks(4)
            .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        return units.map(|u| String::from_utf16_lossy(&u));
    }
    if let Some(hex) = base.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Ok(cp) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(cp).map(String::from);
    }
    let mut differences = Dictionary::new();
    differences.set(
        "Differences",
        Object::Array(vec![
            Object::Integer(0),
            Object::Name(base.as_bytes().to_vec()),
        ]),
    );
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    probe.set("Encoding", Object::Dictionary(differences));
    let encoding = probe.get_font_encoding_with_limit(doc, limit).ok()?;
    encoding
        .bytes_to_string(&[0])
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| numeric_glyph_name(base))
}

/// Bitmap (Type3) fonts made by TeX and some converters name glyphs by
/// their code: "a36", "g65", "cid36". Printable ASCII codes are taken as
/// the character, as poppler does; anything else stays unmapped.
fn numeric_glyph_name(name: &str) -> Option<String> {
    let digits_at = name.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = name.split_at(digits_at);
    if prefix.is_empty() || prefix.len() > 3 || !prefix.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let code: u32 = digits.parse().ok()?;
    if !(33..127).contains(&code) {
        return None;
    }
    char::from_u32(code).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_resolve() {
        let doc = Document::new();
        let text = |n: &str| glyph_name_to_text(&doc, n.as_bytes(), 1 << 20);
        assert_eq!(text("A").as_deref(), Some("A"));
        assert_eq!(text("fi").as_deref(), Some("\u{FB01}"));
        assert_eq!(text("uni0041").as_deref(), Some("A"));
        assert_eq!(text("u1F600").as_deref(), Some("😀"));
        assert_eq!(text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(text("a.sc").as_deref(), Some("a"));
        assert_eq!(text("notaglyphname"), None);
        assert_eq!(text("a36").as_deref(), Some("$"));
        assert_eq!(text("a136"), None);
    }

    #[test]
    fn a_type1_program_gives_its_own_encoding() {
        let mut doc = Document::with_version("1.5");
        let program = b"%!PS-AdobeFont-1.0: Test\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /B put\ndup 66 /fi put\nreadonly def\ncurrentfile eexec\n\x01\x02";
        let file = doc.add_object(lopdf::Stream::new(Dictionary::new(), program.to_vec()));
        let mut descriptor = Dictionary::new();
        descriptor.set("FontFile", Object::Reference(file));
        let table = type1_builtin_encoding(&doc, &descriptor, 1 << 20).unwrap();
        assert_eq!(table[65].as_deref(), Some("B"));
        assert_eq!(table[66].as_deref(), Some("\u{FB01}"));
        assert_eq!(table[67], None);
    }

    #[test]
    fn a_painted_soft_hyphen_is_a_hyphen() {
        let doc = Document::new();
        assert_eq!(
            glyph_name_to_text(&doc, b"uni00AD", 1 << 20).as_deref(),
            Some("-")
        );
        let mut doc = Document::with_version("1.5");
        let cmap = b"2 beginbfchar <2D> <00AD> <41> <0041> endbfchar";
        let cmap = doc.add_object(lopdf::Stream::new(Dictionary::new(), cmap.to_vec()));
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("ToUnicode", Object::Reference(cmap));
        let font = Font::load(&doc, &dict, 1 << 20, &mut Inflater::default());
        let mut text = String::new();
        font.decode(&doc, b"A-A", |code| text.push_str(code.text));
        assert_eq!(text, "A-A");
    }

    #[test]
    fn base_encodings_decode() {
        let doc = Document::new();
        let win = base_table(&doc, b"WinAnsiEncoding", 1 << 20);
        assert_eq!(win[b'a' as usize].as_deref(), Some("a"));
        assert_eq!(win[0x95].as_deref(), Some("•"));
    }

    /// A code the ToUnicode CMap leaves out takes its text from the
    /// encoding — here the font program's own, read only when such a code
    /// is shown.
    #[test]
    fn codes_a_cmap_leaves_out_fall_back_to_the_encoding() {
        let mut doc = Document::with_version("1.5");
        let program = b"%!PS-AdobeFont-1.0: Test\n/Encoding 256 array\ndup 66 /fi put\nreadonly def\ncurrentfile eexec\n";
        let file = doc.add_object(lopdf::Stream::new(Dictionary::new(), program.to_vec()));
        let cmap = b"1 beginbfchar <41> <005A> endbfchar";
        let cmap = doc.add_object(lopdf::Stream::new(Dictionary::new(), cmap.to_vec()));
        let mut descriptor = Dictionary::new();
        descriptor.set("FontFile", Object::Reference(file));
        let descriptor = doc.add_object(descriptor);
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("FontDescriptor", Object::Reference(descriptor));
        dict.set("ToUnicode", Object::Reference(cmap));
        let font = Font::load(&doc, &dict, 1 << 20, &mut Inflater::default());
        let shown = |bytes: &[u8]| {
            let mut text = String::new();
            font.decode(&doc, bytes, |code| text.push_str(code.text));
            text
        };
        assert!(font.deferred.as_ref().unwrap().encoding.get().is_none());
        assert_eq!(shown(b"AA"), "ZZ");
        // Nothing but the CMap was needed so far.
        assert!(font.deferred.as_ref().unwrap().encoding.get().is_none());
        assert_eq!(shown(b"AB"), "Z\u{FB01}");
        assert_eq!(shown(b"C"), "\u{FFFD}");
        assert!(!font.has_unmapped);
    }
}
