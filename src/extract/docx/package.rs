//! The parts of a Word package, found the way Office finds them.
//!
//! Takes a zip opened by the guard and gives what kind of package it is
//! (from `[Content_Types].xml`, or an OpenDocument/EPUB `mimetype`) and, for
//! a Word document, the bytes of the parts text is read from: the main
//! document, its styles, every header and footer it relates to (all
//! sections, first-page and even-page variants), footnotes and endnotes,
//! and the core properties. Every XML part is checked by the guard before it
//! is returned. It must never read pictures or other parts nobody reads.

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::guard::Package;
use super::props::{attributes, value};

/// Content types of a WordprocessingML main document: document, template,
/// and their macro-enabled forms.
const WORD_MAIN_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

const CORE_PROPERTIES_TYPE: &str = "application/vnd.openxmlformats-package.core-properties+xml";

/// What a zip package holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A Word document whose main part has this name, and its core
    /// properties part (dates), where the content types name one.
    Word { main: String, core: Option<String> },
    /// Something else, described for the user ("an Excel workbook (.xlsx),
    /// not a Word document").
    Other(&'static str),
}

/// Tell a Word document from the other zip-based formats.
pub fn classify(package: &mut Package<'_>) -> Result<Kind, String> {
    let Some(types) = package.read_xml("[Content_Types].xml")? else {
        return classify_without_content_types(package);
    };
    let mut main = None;
    let mut core = None;
    let mut other = None;
    for (part, content_type) in content_types(&types) {
        if content_type == CORE_PROPERTIES_TYPE {
            core.get_or_insert_with(|| part.clone());
        }
        let content_type = content_type.to_ascii_lowercase();
        if WORD_MAIN_TYPES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&content_type))
        {
            main.get_or_insert(part);
        } else if other.is_none() {
            other = describe_office_type(&content_type);
        }
    }
    Ok(match (main, other) {
        (Some(main), _) => Kind::Word { main, core },
        (None, Some(description)) => Kind::Other(description),
        (None, None) => Kind::Other("an Office package with no Word document in it"),
    })
}

fn classify_without_content_types(package: &mut Package<'_>) -> Result<Kind, String> {
    let mimetype = if package.contains("mimetype") {
        package.read("mimetype")?.unwrap_or_default()
    } else {
        Vec::new()
    };
    let mimetype = String::from_utf8_lossy(&mimetype);
    Ok(Kind::Other(match mimetype.trim() {
        "application/vnd.oasis.opendocument.text" => {
            "an OpenDocument text (.odt), not a Word document: save it as DOCX or PDF"
        }
        "application/vnd.oasis.opendocument.spreadsheet" => {
            "an OpenDocument spreadsheet (.ods), not a Word document"
        }
        "application/vnd.oasis.opendocument.presentation" => {
            "an OpenDocument presentation (.odp), not a Word document"
        }
        "application/epub+zip" => "an EPUB e-book, not a Word document",
        // Apple Pages keeps its document in IWA parts and has no mimetype.
        _ if package.contains("Index/Document.iwa") => {
            "an Apple Pages document (.pages): export it as DOCX or PDF"
        }
        _ => "a zip archive, not a Word document",
    }))
}

/// The main-part content types of the other Office formats.
fn describe_office_type(content_type: &str) -> Option<&'static str> {
    let ct = content_type;
    Some(
        if ct.contains("spreadsheetml") || ct.starts_with("application/vnd.ms-excel") {
            "an Excel workbook (.xlsx), not a Word document"
        } else if ct.contains("presentationml") || ct.starts_with("application/vnd.ms-powerpoint") {
            "a PowerPoint presentation (.pptx), not a Word document"
        } else if ct.starts_with("application/vnd.ms-visio") {
            "a Visio drawing (.vsdx), not a Word document"
        } else if ct.starts_with("application/vnd.ms-package.xps") {
            "an XPS document, not a Word document: print it to PDF"
        } else {
            return None;
        },
    )
}

/// `(part name without leading slash, content type)` of every `Override`.
fn content_types(xml: &[u8]) -> Vec<(String, String)> {
    elements(xml, b"Override")
        .into_iter()
        .filter_map(|attrs| {
            let part = attrs.get("PartName")?;
            let ct = attrs.get("ContentType")?;
            Some((part.trim_start_matches('/').to_string(), ct.clone()))
        })
        .collect()
}

/// A relationship from a part: its type and the resolved target part name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Relationship {
    kind: String,
    target: String,
}

/// Relationships of the part `source` (internal targets only).
fn relationships(package: &mut Package<'_>, source: &str) -> Result<Vec<Relationship>, String> {
    let (dir, file) = match source.rfind('/') {
        Some(i) => (&source[..i], &source[i + 1..]),
        None => ("", source),
    };
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(xml) = package.read_xml(&rels_name)? else {
        return Ok(Vec::new());
    };
    Ok(elements(&xml, b"Relationship")
        .into_iter()
        .filter(|a| a.get("TargetMode").is_none_or(|m| m != "External"))
        .filter_map(|a| {
            Some(Relationship {
                kind: a.get("Type")?.clone(),
                target: resolve(dir, a.get("Target")?),
            })
        })
        .collect())
}

/// A relationship target relative to the source part's folder → part name.
fn resolve(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// The attributes (by local name) of every element with this local name.
fn elements(xml: &[u8], local: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut found = Vec::new();
    let mut reader = Reader::from_reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                let attrs = attributes(&e)
                    .filter_map(|a| {
                        let key = String::from_utf8(a.key.local_name().as_ref().to_vec()).ok()?;
                        let value = value(&a, &e)?;
                        Some((key, value))
                    })
                    .collect();
                found.push(attrs);
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    found
}

/// The parts of a Word document that hold text or bear on it.
#[derive(Debug, Default)]
pub struct Parts {
    pub main: Vec<u8>,
    pub styles: Option<Vec<u8>>,
    pub headers: Vec<Vec<u8>>,
    pub footers: Vec<Vec<u8>>,
    /// Footnotes then endnotes.
    pub notes: Vec<Vec<u8>>,
    pub core: Option<Vec<u8>>,
    /// When the zip was saved, from its entries' dates.
    pub saved: Option<String>,
    pub warnings: Vec<String>,
}

/// Read and check the parts of the Word document whose main part is `main`
/// and core properties part `core` (as `classify` found them).
pub fn read_parts(
    package: &mut Package<'_>,
    main: &str,
    core: Option<&str>,
) -> Result<Parts, String> {
    let Some(main_xml) = package.read_xml(main)? else {
        return Err(format!(
            "{main}: the main document part is missing from the zip"
        ));
    };
    let mut parts = Parts {
        main: main_xml,
        ..Parts::default()
    };
    let rels = relationships(package, main)?;
    let targets = |suffix: &str| {
        let mut names: Vec<String> = rels
            .iter()
            .filter(|r| r.kind.ends_with(suffix))
            .map(|r| r.target.clone())
            .collect();
        // header2 before header10; the same part may be related twice.
        names.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        names.dedup();
        names
    };
    let (styles, headers, footers) = (targets("/styles"), targets("/header"), targets("/footer"));
    let notes = [targets("/footnotes"), targets("/endnotes")].concat();
    if let Some(name) = styles.first() {
        parts.styles = read_optional(package, name, &mut parts.warnings)?;
    }
    for name in &headers {
        parts
            .headers
            .extend(read_optional(package, name, &mut parts.warnings)?);
    }
    for name in &footers {
        parts
            .footers
            .extend(read_optional(package, name, &mut parts.warnings)?);
    }
    for name in &notes {
        parts
            .notes
            .extend(read_optional(package, name, &mut parts.warnings)?);
    }
    parts.core = read_core(package, core, &mut parts.warnings);
    parts.saved = package.saved_date();
    Ok(parts)
}

/// A related part that should exist: missing is a warning, malformed an
/// error (Word itself refuses such a file).
fn read_optional(
    package: &mut Package<'_>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<Vec<u8>>, String> {
    let part = package.read_xml(name)?;
    if part.is_none() {
        warnings.push(format!("{name} is referenced but missing; read without it"));
    }
    Ok(part)
}

/// The core properties (dates) from the part `core` the content types
/// name, else where Word puts them; trouble here costs only the date.
fn read_core(
    package: &mut Package<'_>,
    core: Option<&str>,
    warnings: &mut Vec<String>,
) -> Option<Vec<u8>> {
    match package.read_xml(core.unwrap_or("docProps/core.xml")) {
        Ok(core) => core,
        Err(e) => {
            warnings.push(format!("document date not read: {e}"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word", "header1.xml"), "word/header1.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word", "/word/footer2.xml"), "word/footer2.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn office_types_are_described() {
        assert_eq!(
            describe_office_type(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ),
            Some("an Excel workbook (.xlsx), not a Word document")
        );
        assert!(
            describe_office_type(
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
            )
            .unwrap()
            .contains("PowerPoint")
        );
        assert_eq!(describe_office_type("application/xml"), None);
    }
}
