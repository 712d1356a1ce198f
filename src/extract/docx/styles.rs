//! The style sheet (`word/styles.xml`): which styles are headings, and what
//! each style does to a run's visibility.
//!
//! Takes the bytes of a style part (already checked well-formed) and gives
//! [`Styles`]: resolved run properties per style id (following `basedOn`),
//! paragraph shading, and whether a paragraph style is a heading. A heading
//! is recognised by the style's built-in name ("heading 1", "Title"), which
//! Word keeps in English whatever the interface language, so a German
//! `Überschrift1` style id is still found, and by an outline level. It must
//! never fail: an unreadable style sheet is an empty one.

use rustc_hash::FxHashMap;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::props::{Rgb, RunProps, attr, on_off, shading_fill};

/// `basedOn` chains longer than this are cut (a loop in a hostile file).
const MAX_CHAIN: usize = 16;

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    run: RunProps,
    /// Paragraph shading (`w:pPr/w:shd`) of a paragraph style.
    fill: Option<Rgb>,
    outline_level: Option<u8>,
    page_break_before: Option<bool>,
    /// A table style that paints cells (banded rows, a dark header row...).
    paints_cells: bool,
}

/// A document's styles, ready for look-ups.
#[derive(Debug, Default)]
pub struct Styles {
    defaults: RunProps,
    by_id: FxHashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    /// Read a style part; elements this reader does not know are skipped.
    pub fn parse(xml: &[u8]) -> Styles {
        let mut styles = Styles::default();
        let mut reader = Reader::from_reader(xml);
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
                    if path.pop().as_deref() == Some(b"style")
                        && let Some((id, style)) = current.take()
                    {
                        styles.by_id.insert(id, style);
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let name = e.local_name();
            let local = name.as_ref();
            let parent = path.last().map(Vec::as_slice);
            let grandparent = path.len().checked_sub(2).map(|i| path[i].as_slice());
            match (local, parent) {
                (b"style", _) => {
                    let id = attr(&e, b"styleId").unwrap_or_default();
                    if attr(&e, b"type").as_deref() == Some("paragraph")
                        && attr(&e, b"default").is_some_and(|d| d == "1" || d == "true")
                    {
                        styles.default_paragraph = Some(id.clone());
                    }
                    current = Some((id, Style::default()));
                    if empty {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.insert(id, style);
                        }
                        continue;
                    }
                }
                (b"name", Some(b"style")) => {
                    if let Some((_, style)) = current.as_mut() {
                        style.name = attr(&e, b"val").unwrap_or_default().to_lowercase();
                    }
                }
                (b"basedOn", Some(b"style")) => {
                    if let Some((_, style)) = current.as_mut() {
                        style.based_on = attr(&e, b"val");
                    }
                }
                (b"shd", _) if path.iter().any(|p| p == b"tblStylePr" || p == b"tcPr") => {
                    if let Some((_, style)) = current.as_mut() {
                        style.paints_cells |= shading_fill(&e).is_some();
                    }
                }
                (_, Some(b"rPr")) => match grandparent {
                    Some(b"style") => {
                        if let Some((_, style)) = current.as_mut() {
                            style.run.apply(local, &e);
                        }
                    }
                    Some(b"rPrDefault") => styles.defaults.apply(local, &e),
                    _ => {}
                },
                (b"shd", Some(b"pPr")) if grandparent == Some(b"style") => {
                    if let Some((_, style)) = current.as_mut() {
                        style.fill = shading_fill(&e);
                    }
                }
                (b"outlineLvl", Some(b"pPr")) if grandparent == Some(b"style") => {
                    if let Some((_, style)) = current.as_mut() {
                        style.outline_level = attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                (b"pageBreakBefore", Some(b"pPr")) if grandparent == Some(b"style") => {
                    if let Some((_, style)) = current.as_mut() {
                        style.page_break_before = Some(on_off(&e));
                    }
                }
                _ => {}
            }
            // Only an element with children is kept on the path (most of
            // a style part's elements are empty: latent style entries).
            if !empty {
                path.push(local.to_vec());
            }
        }
        styles
    }

    /// The chain of styles from `id` up through `basedOn`, nearest first.
    fn chain<'a>(&'a self, id: &str) -> Vec<(&'a str, &'a Style)> {
        let mut chain = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some((key, style)) = self.by_id.get_key_value(id) else {
                break;
            };
            if chain.len() >= MAX_CHAIN || chain.iter().any(|(k, _)| *k == key.as_str()) {
                break;
            }
            chain.push((key.as_str(), style));
            next = style.based_on.as_deref();
        }
        chain
    }

    /// The paragraph style in force: the one named, else the default.
    pub fn paragraph_style<'a>(&'a self, id: Option<&'a str>) -> Option<&'a str> {
        id.or(self.default_paragraph.as_deref())
    }

    /// Document defaults with the paragraph style and then the character
    /// style laid on top: everything but a run's direct formatting.
    pub fn run_base(&self, paragraph_style: Option<&str>, run_style: Option<&str>) -> RunProps {
        let mut props = self.defaults.clone();
        for id in [paragraph_style, run_style].into_iter().flatten() {
            for (_, style) in self.chain(id).iter().rev() {
                props.overlay(&style.run);
            }
        }
        props
    }

    /// Paragraph shading set by a paragraph style.
    pub fn paragraph_fill(&self, id: Option<&str>) -> Option<Rgb> {
        id.and_then(|id| self.chain(id).iter().find_map(|(_, s)| s.fill))
    }

    /// Whether a paragraph style starts a new page.
    pub fn page_break_before(&self, id: Option<&str>) -> bool {
        id.and_then(|id| self.chain(id).iter().find_map(|(_, s)| s.page_break_before))
            .unwrap_or(false)
    }

    /// Whether a paragraph style is a heading: a built-in heading or title
    /// style, one based on it, or one with an outline level.
    pub fn is_heading(&self, id: &str) -> bool {
        if heading_name(&id.to_lowercase()) {
            return true;
        }
        self.chain(id).iter().any(|(_, s)| {
            heading_name(&s.name.replace(' ', "")) || s.outline_level.is_some_and(|l| l < 9)
        })
    }

    /// Whether a table style paints its cells, so that the colour beneath
    /// its text is not known from the cell alone.
    pub fn table_paints_cells(&self, id: &str) -> bool {
        self.chain(id).iter().any(|(_, s)| s.paints_cells)
    }
}

/// `heading1`..`heading9`, `title` (spaces already removed, lower case).
fn heading_name(name: &str) -> bool {
    name == "title"
        || name
            .strip_prefix("heading")
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::docx::props::{TextColour, WHITE};

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="MySection"><w:name w:val="My Section"/><w:basedOn w:val="berschrift1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Ghost"><w:name w:val="Ghost"/><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="Tiny"><w:name w:val="Tiny"/><w:rPr><w:sz w:val="2"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
      <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
      <w:style w:type="table" w:styleId="Banded"><w:name w:val="Banded"/>
        <w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr></w:style>
    </w:styles>"#;

    #[test]
    fn localised_headings_are_found_by_name() {
        let styles = Styles::parse(STYLES.as_bytes());
        assert!(styles.is_heading("berschrift1"));
        assert!(styles.is_heading("MySection"));
        assert!(styles.is_heading("Heading2"), "a bare id is enough");
        assert!(!styles.is_heading("Normal"));
    }

    #[test]
    fn run_properties_resolve_through_styles() {
        let styles = Styles::parse(STYLES.as_bytes());
        let ghost = styles.run_base(Some("Ghost"), None);
        assert_eq!(ghost.colour, Some(TextColour::Rgb(WHITE)));
        assert_eq!(ghost.size, Some(22));
        let tiny = styles.run_base(Some("Normal"), Some("Tiny"));
        assert_eq!(tiny.size, Some(2));
    }

    #[test]
    fn based_on_loops_end() {
        let styles = Styles::parse(STYLES.as_bytes());
        assert!(!styles.is_heading("LoopA"));
    }

    #[test]
    fn painted_table_styles_are_known() {
        let styles = Styles::parse(STYLES.as_bytes());
        assert!(styles.table_paints_cells("Banded"));
        assert_eq!(styles.paragraph_style(None), Some("Normal"));
    }
}
