//! Word (DOCX) resumes: a zip of WordprocessingML parts in, located lines
//! out, with hidden text set apart.
//!
//! Takes the bytes of a `.docx` (or `.dotx`/`.docm`) and gives a
//! [`Document`]: header lines first (contact details often live there,
//! hinted `HeaderFooter`), then the body in reading order (paragraphs,
//! tables row by row and cell by cell, text boxes, hyperlink text; heading
//! styles hinted `HeadingStyle`), then footnotes and endnotes, then footer
//! lines. Pages are counted from explicit page and section breaks. It must
//! never hang, overflow its stack or panic on a hostile file, and never put
//! text a reader cannot see into the lines.
//!
//! Why not docx-rs: docx-rs 0.4.22 hangs on malformed XML, recurses per
//! nested table, unwraps corrupt deflate data and trusts zip header sizes;
//! and even on a well-formed file its reader loses what this stage needs.
//! Run colour, font size and cell shading are private fields (so white and
//! tiny text cannot be told from real text), `w:vanish w:val="0"` reads as
//! hidden, footnotes are never read, only the last section's headers and
//! footers are kept, VML text boxes are dropped, and elements are matched
//! by the literal prefix `w:` rather than their namespace. So the parts are
//! read here directly with quick-xml, behind the same guards the issue asks
//! for in front of docx-rs: `guard` (zip and XML checks), `package` (which
//! parts), `styles` and `props` (formatting), `body` (the walk), `meta`
//! (date, page colour).

mod body;
mod guard;
mod meta;
mod package;
mod props;
mod styles;

use std::collections::HashSet;

use crate::document::{Diagnostics, Document, HiddenText, Line, SectionHint};
use crate::extract::{ExtractError, Limits};

use body::{PartText, read_part};
use guard::Package;
use package::Kind;
use styles::Styles;

fn damaged(detail: String) -> ExtractError {
    ExtractError::Damaged {
        format: "DOCX",
        detail,
    }
}

/// A zip that is not a Word document. `extension` (lower case) only shapes
/// the message: an `.xlsx` renamed `.docx` is "named .docx but the content
/// is an Excel workbook (.xlsx), not a Word document".
fn not_a_word_document(actual: &'static str, extension: &str) -> ExtractError {
    match extension {
        "docx" | "docm" | "dotx" | "doc" | "pdf" => ExtractError::WrongContent {
            extension: extension.into(),
            actual,
        },
        _ => ExtractError::Unsupported(actual.into()),
    }
}

/// Whether an OLE compound file is a password-protected Office Open XML
/// document: Word saves those as an OLE container whose directory names an
/// `EncryptedPackage` stream (names are UTF-16LE), not as a zip.
pub fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name)
}

/// Extract a Word document's text within `limits`; any other zip (a
/// workbook, an OpenDocument file) is refused, named. `extension` (lower
/// case) only shapes that message.
pub fn extract(bytes: &[u8], extension: &str, limits: &Limits) -> Result<Document, ExtractError> {
    // The zip's directory is read and its parts told apart once, here: the
    // format check before extraction only looks at the zip's signature.
    let mut package = Package::open(bytes, limits.max_decompressed_bytes).map_err(damaged)?;
    let (main, core) = match package::classify(&mut package).map_err(damaged)? {
        Kind::Word { main, core } => (main, core),
        Kind::Other(actual) => return Err(not_a_word_document(actual, extension)),
    };
    let parts = package::read_parts(&mut package, &main, core.as_deref()).map_err(damaged)?;
    Ok(assemble(parts))
}

/// Lines in their final order with 1-based pages; line numbers come last.
struct Assembly {
    lines: Vec<Line>,
    hidden: Vec<HiddenText>,
    seen_hidden: HashSet<(u32, String)>,
}

impl Assembly {
    fn push(&mut self, page: u32, text: String, section_hint: Option<SectionHint>) {
        self.lines.push(Line {
            page,
            line: 0,
            column: 0,
            text,
            section_hint,
        });
    }

    /// Hidden text of a part; `page` overrides the part's own pages for
    /// headers, footers and notes. The same hidden text repeated by, say, a
    /// first-page and a default header is one finding.
    fn hide(&mut self, part: &PartText, page: Option<u32>) {
        for h in &part.hidden {
            let page = page.unwrap_or(h.page + 1);
            if self.seen_hidden.insert((page, h.text.clone())) {
                self.hidden.push(HiddenText {
                    page,
                    reason: h.reason,
                    text: h.text.clone(),
                });
            }
        }
    }

    /// Lines of headers or footers, each distinct line once: Word keeps
    /// separate first-page, even-page and per-section variants that mostly
    /// repeat one another.
    fn header_footer(&mut self, parts: &[PartText], page: u32) {
        let mut seen = HashSet::new();
        for part in parts {
            for line in &part.lines {
                if seen.insert(line.text.clone()) {
                    self.push(page, line.text.clone(), Some(SectionHint::HeaderFooter));
                }
            }
            self.hide(part, Some(page));
        }
    }
}

fn assemble(parts: package::Parts) -> Document {
    let styles = parts
        .styles
        .as_deref()
        .map(Styles::parse)
        .unwrap_or_default();
    let page_fill = meta::page_fill(
        &parts.main,
        parts
            .headers
            .iter()
            .chain(&parts.footers)
            .map(Vec::as_slice),
    );
    let read = |xml: &Vec<u8>| read_part(xml, &styles, page_fill);
    let body = read(&parts.main);
    let headers: Vec<PartText> = parts.headers.iter().map(read).collect();
    let footers: Vec<PartText> = parts.footers.iter().map(read).collect();
    let notes: Vec<PartText> = parts.notes.iter().map(read).collect();
    let pages = body.pages.max(1);

    let mut out = Assembly {
        lines: Vec::new(),
        hidden: Vec::new(),
        seen_hidden: HashSet::new(),
    };
    out.header_footer(&headers, 1);
    for line in &body.lines {
        let hint = line.heading.then_some(SectionHint::HeadingStyle);
        out.push(line.page + 1, line.text.clone(), hint);
    }
    out.hide(&body, None);
    // Footnotes print at the foot of their page; which page is not known
    // without laying the document out, so they go with the last.
    for part in &notes {
        for line in &part.lines {
            out.push(pages, line.text.clone(), None);
        }
        out.hide(part, Some(pages));
    }
    out.header_footer(&footers, pages);

    number_lines(&mut out.lines);
    Document {
        lines: out.lines,
        hidden: out.hidden,
        diagnostics: Diagnostics {
            format: "docx".into(),
            pages,
            // Core properties first; a package without them (some
            // converters) is dated by when its zip was saved.
            document_date: parts
                .core
                .as_deref()
                .and_then(meta::document_date)
                .or(parts.saved),
            warnings: parts.warnings,
            ..Diagnostics::default()
        },
    }
}

/// 1-based line numbers within each page, in the order lines were placed.
fn number_lines(lines: &mut [Line]) {
    let mut page = 0;
    let mut n = 0;
    for line in lines {
        if line.page != page {
            page = line.page;
            n = 0;
        }
        n += 1;
        line.line = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;

    fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, data) in entries {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn minimal_document_reads() {
        let bytes = zip(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            (
                "word/document.xml",
                r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"#,
            ),
        ]);
        let doc = extract(&bytes, "docx", &Limits::default()).unwrap();
        assert_eq!(doc.plain_text(), "Hello\n");
        assert_eq!(doc.diagnostics.pages, 1);
    }

    /// Why a zip named `.{extension}` is not read, as the batch says it.
    fn refused(bytes: &[u8], extension: &str) -> ExtractError {
        crate::extract::extract_bytes(bytes, extension, &Limits::default()).unwrap_err()
    }

    /// The document date comes from the core properties part the content
    /// types name, wherever it lies, and from `docProps/core.xml` where
    /// they name none.
    #[test]
    fn the_document_date_is_read_from_the_core_part_named() {
        let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"#;
        let core = |date: &str| {
            format!(
                r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:modified>{date}T10:00:00Z</dcterms:modified></cp:coreProperties>"#
            )
        };
        let named = CONTENT_TYPES.replace(
            "</Types>",
            r#"<Override PartName="/meta/props.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#,
        );
        let (elsewhere, default) = (core("2023-04-05"), core("2019-01-02"));
        let date = |entries: &[(&str, &str)]| {
            let doc = extract(&zip(entries), "docx", &Limits::default()).unwrap();
            doc.diagnostics.document_date
        };
        assert_eq!(
            date(&[
                ("[Content_Types].xml", &named),
                ("word/document.xml", document),
                ("meta/props.xml", &elsewhere),
                ("docProps/core.xml", &default),
            ]),
            Some("2023-04-05".to_string())
        );
        assert_eq!(
            date(&[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("word/document.xml", document),
                ("docProps/core.xml", &default),
            ]),
            Some("2019-01-02".to_string())
        );
    }

    #[test]
    fn other_office_files_are_named() {
        let bytes = zip(&[(
            "[Content_Types].xml",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        )]);
        let err = refused(&bytes, "docx");
        assert_eq!(
            err.to_string(),
            "named .docx but the content is an Excel workbook (.xlsx), not a Word document"
        );
        assert_eq!(err.status(), "unsupported");
        let err = refused(&bytes, "xlsx");
        assert_eq!(
            err.to_string(),
            "an Excel workbook (.xlsx), not a Word document"
        );
    }

    #[test]
    fn plain_zips_and_odt_are_named() {
        let odt = zip(&[("mimetype", "application/vnd.oasis.opendocument.text")]);
        assert!(refused(&odt, "odt").to_string().contains(".odt"));
        let plain = zip(&[("notes.txt", "hi")]);
        assert_eq!(
            refused(&plain, "pdf").to_string(),
            "named .pdf but the content is a zip archive, not a Word document"
        );
    }

    #[test]
    fn password_protected_documents_are_recognised() {
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend([0u8; 504]);
        assert!(!is_encrypted_package(&ole));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(is_encrypted_package(&ole));
        assert_eq!(
            crate::extract::extract_bytes(&ole, "docx", &Limits::default()),
            Err(ExtractError::Encrypted)
        );
    }

    #[test]
    fn lines_are_numbered_per_page() {
        let mut lines: Vec<Line> = [1, 1, 2, 2, 2]
            .into_iter()
            .map(|page| Line {
                page,
                line: 0,
                column: 0,
                text: "x".into(),
                section_hint: None,
            })
            .collect();
        number_lines(&mut lines);
        let numbers: Vec<u32> = lines.iter().map(|l| l.line).collect();
        assert_eq!(numbers, [1, 2, 1, 2, 3]);
    }
}
