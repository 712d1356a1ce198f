//! WordprocessingML story parts (the document body, a header, a footer, the
//! footnotes) walked into lines, with hidden text set apart.
//!
//! Takes one part's XML, already checked well-formed and shallow, and gives
//! its visible lines in reading order — paragraphs in order, tables row by
//! row and cell by cell, text boxes where they are anchored — each cleaned
//! with `cleanup::clean_line`, plus every run a reader could not see: `w:vanish`,
//! a font under 2 pt, or a colour that matches what lies beneath it (run
//! shading, paragraph shading, cell shading, else the page colour). Where
//! what lies beneath is not known — a text box's fill, a table style that
//! paints cells — colour alone never hides text, so white text on a dark
//! sidebar stays real text. It must never add words the reader does not see
//! (list numbers, field codes, deleted revisions) nor drop words they do.
//!
//! The walk is a flat loop over XML events with explicit stacks, so nesting
//! (already bounded by the guard) can never exhaust the call stack.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::props::{Rgb, RunProps, TextColour, attr, indistinguishable, on_off, shading_fill};
use super::styles::Styles;
use crate::document::HiddenReason;
use crate::extract::cleanup::{clean_line, join_hyphenation};

/// WordprocessingML, transitional and strict.
const W_NAMESPACES: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NAMESPACE: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A visible line of a part; `page` counts from 0 within the part.
#[derive(Debug, Clone, PartialEq)]
pub struct PartLine {
    pub page: u32,
    pub text: String,
    pub heading: bool,
}

/// Hidden text of a part; `page` counts from 0 within the part.
#[derive(Debug, Clone, PartialEq)]
pub struct PartHidden {
    pub page: u32,
    pub reason: HiddenReason,
    pub text: String,
}

/// What one part holds.
#[derive(Debug, Default)]
pub struct PartText {
    pub lines: Vec<PartLine>,
    pub hidden: Vec<PartHidden>,
    /// 1 + the page and section breaks met.
    pub pages: u32,
}

/// Walk one story part. `page_fill` is the page colour, or `None` when
/// something painted on the page (a shape behind the text) makes it
/// unknown.
pub fn read_part(xml: &[u8], styles: &Styles, page_fill: Option<Rgb>) -> PartText {
    let mut walker = Walker {
        styles,
        page_fill,
        path: Vec::new(),
        skip: 0,
        paras: Vec::new(),
        runs: Vec::new(),
        layers: Vec::new(),
        page: 0,
        out: PartText::default(),
    };
    let mut reader = NsReader::from_reader(xml);
    loop {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(e))) => {
                let space = namespace_of(&ns);
                walker.open(space, &e, false);
            }
            Ok((ns, Event::Empty(e))) => {
                let space = namespace_of(&ns);
                walker.open(space, &e, true);
            }
            Ok((_, Event::End(_))) => walker.close(),
            Ok((_, Event::Text(t))) => {
                if let Ok(text) = t.decode() {
                    walker.xml_text(&text);
                }
            }
            Ok((_, Event::CData(t))) => {
                if let Ok(text) = t.decode() {
                    walker.xml_text(&text);
                }
            }
            Ok((_, Event::GeneralRef(r))) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.decode().as_deref() {
                        Ok("amp") => Some('&'),
                        Ok("lt") => Some('<'),
                        Ok("gt") => Some('>'),
                        Ok("quot") => Some('"'),
                        Ok("apos") => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    walker.xml_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            // The guard already refused malformed parts; stop quietly if
            // one slips through rather than loop.
            Ok((_, Event::Eof)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    // Close anything left open so no text is lost.
    while !walker.path.is_empty() {
        walker.close();
    }
    walker.out.pages = walker.page + 1;
    walker.out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    Word,
    MarkupCompatibility,
    Other,
}

fn namespace_of(ns: &ResolveResult<'_>) -> Space {
    match ns {
        ResolveResult::Bound(n) if W_NAMESPACES.contains(&n.as_ref()) => Space::Word,
        ResolveResult::Bound(n) if n.as_ref() == MC_NAMESPACE => Space::MarkupCompatibility,
        _ => Space::Other,
    }
}

/// The elements whose nesting matters to the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Run,
    Text,
    ParagraphProps,
    RunProps,
    SectionProps,
    Table,
    TableProps,
    Cell,
    CellProps,
    TextBox,
    Other,
}

/// Elements whose content is not text a reader sees: tracked-change
/// deletions and old formatting, content-control settings, field data.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"del"
            | b"moveFrom"
            | b"rPrChange"
            | b"pPrChange"
            | b"tblPrChange"
            | b"tcPrChange"
            | b"trPrChange"
            | b"sectPrChange"
            | b"tblGridChange"
            | b"numberingChange"
            | b"sdtPr"
            | b"fldData"
            | b"instrText"
            | b"delText"
    )
}

#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    fill: Option<Rgb>,
    outline: bool,
    page_break_before: Option<bool>,
    /// A section break ends this paragraph (`None`: no break here).
    section_break_new_page: Option<bool>,
    lines: Vec<(u32, String)>,
    current: String,
    hidden: Option<(HiddenReason, String)>,
}

#[derive(Debug, Default)]
struct Run {
    direct: RunProps,
    style: Option<String>,
    /// Decided at the run's first text, after its properties were read.
    verdict: Option<Option<HiddenReason>>,
}

/// What lies between the text and the page.
#[derive(Debug)]
enum Layer {
    Table { fill: Option<Rgb>, styled: bool },
    Cell { fill: Option<Rgb> },
    TextBox,
}

struct Walker<'s> {
    styles: &'s Styles,
    page_fill: Option<Rgb>,
    path: Vec<Tag>,
    /// Depth inside a skipped element (0: not skipping).
    skip: usize,
    /// Paragraphs open now: more than one when a text box sits in one.
    paras: Vec<Para>,
    runs: Vec<Run>,
    layers: Vec<Layer>,
    page: u32,
    out: PartText,
}

impl Walker<'_> {
    fn open(&mut self, space: Space, e: &BytesStart<'_>, empty: bool) {
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        let local_name = e.local_name();
        let local = local_name.as_ref();
        let skip = match space {
            // The fallback repeats the chosen content for older readers.
            Space::MarkupCompatibility => local == b"Fallback",
            Space::Word => skipped(local) || separator_note(local, e),
            Space::Other => false,
        };
        if skip {
            if !empty {
                self.skip = 1;
            }
            return;
        }
        let tag = if space == Space::Word {
            self.word_element(local, e)
        } else {
            Tag::Other
        };
        if empty {
            self.end(tag);
        } else {
            self.path.push(tag);
        }
    }

    fn close(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if let Some(tag) = self.path.pop() {
            self.end(tag);
        }
    }

    /// Act on a WordprocessingML element as it opens; return its tag.
    fn word_element(&mut self, local: &[u8], e: &BytesStart<'_>) -> Tag {
        let parent = self.path.last().copied();
        let grandparent = self.path.len().checked_sub(2).map(|i| self.path[i]);
        match local {
            b"p" => {
                self.paras.push(Para::default());
                return Tag::Paragraph;
            }
            b"r" => {
                self.runs.push(Run::default());
                return Tag::Run;
            }
            b"t" if parent == Some(Tag::Run) => return Tag::Text,
            b"pPr" if parent == Some(Tag::Paragraph) => return Tag::ParagraphProps,
            b"rPr" if parent == Some(Tag::Run) => return Tag::RunProps,
            b"sectPr" if parent == Some(Tag::ParagraphProps) => {
                if let Some(p) = self.paras.last_mut() {
                    p.section_break_new_page = Some(true);
                }
                return Tag::SectionProps;
            }
            b"tbl" => {
                self.layers.push(Layer::Table {
                    fill: None,
                    styled: false,
                });
                return Tag::Table;
            }
            b"tblPr" if parent == Some(Tag::Table) => return Tag::TableProps,
            b"tc" => {
                self.layers.push(Layer::Cell { fill: None });
                return Tag::Cell;
            }
            b"tcPr" if parent == Some(Tag::Cell) => return Tag::CellProps,
            b"txbxContent" => {
                self.layers.push(Layer::TextBox);
                return Tag::TextBox;
            }
            _ => {}
        }
        match parent {
            Some(Tag::RunProps) if grandparent == Some(Tag::Run) => {
                if let Some(run) = self.runs.last_mut() {
                    if local == b"rStyle" {
                        run.style = attr(e, b"val");
                    } else {
                        run.direct.apply(local, e);
                    }
                }
            }
            Some(Tag::ParagraphProps) => self.paragraph_property(local, e),
            Some(Tag::SectionProps) if local == b"type" => {
                let new_page = attr(e, b"val").as_deref() != Some("continuous");
                if let Some(p) = self.paras.last_mut() {
                    p.section_break_new_page = Some(new_page);
                }
            }
            Some(Tag::CellProps) if local == b"shd" => {
                if let Some(Layer::Cell { fill }) = self.layers.last_mut() {
                    *fill = shading_fill(e);
                }
            }
            Some(Tag::TableProps) => {
                let paints = local == b"tblStyle"
                    && attr(e, b"val").is_some_and(|id| self.styles.table_paints_cells(&id));
                if let Some(Layer::Table { fill, styled }) = self.layers.last_mut() {
                    if local == b"shd" {
                        *fill = shading_fill(e);
                    }
                    *styled |= paints;
                }
            }
            Some(Tag::Run) => self.run_content(local, e),
            _ => {}
        }
        Tag::Other
    }

    fn paragraph_property(&mut self, local: &[u8], e: &BytesStart<'_>) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match local {
            b"pStyle" => p.style = attr(e, b"val"),
            b"shd" => p.fill = shading_fill(e),
            b"outlineLvl" => {
                p.outline = attr(e, b"val")
                    .and_then(|v| v.parse::<u8>().ok())
                    .is_some_and(|l| l < 9);
            }
            b"pageBreakBefore" => p.page_break_before = Some(on_off(e)),
            _ => {}
        }
    }

    /// Non-text run content: tabs, breaks, symbols.
    fn run_content(&mut self, local: &[u8], e: &BytesStart<'_>) {
        match local {
            b"tab" | b"ptab" => self.text(" "),
            b"noBreakHyphen" => self.text("-"),
            b"sym" => {
                // Symbol-font characters are private-use code points;
                // clean-up turns a leading one into a bullet.
                let c = attr(e, b"char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    self.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            b"br" | b"cr" => {
                if self.run_verdict().is_some() {
                    // A hidden break is not rendered either.
                    self.text(" ");
                    return;
                }
                let page_break = local == b"br" && attr(e, b"type").as_deref() == Some("page");
                // The line and any hidden text so far belong to the page
                // the break ends.
                if let Some(mut p) = self.paras.pop() {
                    let line = std::mem::take(&mut p.current);
                    p.lines.push((self.page, line));
                    self.flush_hidden(&mut p);
                    self.paras.push(p);
                }
                if page_break {
                    self.page += 1;
                }
            }
            _ => {}
        }
    }

    /// Act on an element as it closes.
    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.end_paragraph(),
            Tag::Run => {
                self.runs.pop();
            }
            Tag::ParagraphProps => {
                let Some(p) = self.paras.last() else {
                    return;
                };
                let style = self.styles.paragraph_style(p.style.as_deref());
                let breaks = p
                    .page_break_before
                    .unwrap_or_else(|| self.styles.page_break_before(style));
                // A break before the very first text makes no empty page.
                if breaks && !self.out.lines.is_empty() {
                    self.page += 1;
                }
            }
            Tag::Table | Tag::Cell | Tag::TextBox => {
                self.layers.pop();
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        let line = std::mem::take(&mut p.current);
        p.lines.push((self.page, line));
        self.flush_hidden(&mut p);
        let style = self.styles.paragraph_style(p.style.as_deref());
        let heading = p.outline || style.is_some_and(|s| self.styles.is_heading(s));
        // Hyphenation is joined only within one paragraph: separate
        // paragraphs are separate on the page, whatever their last word.
        let mut start = 0;
        while start < p.lines.len() {
            let page = p.lines[start].0;
            let end = start + p.lines[start..].iter().take_while(|l| l.0 == page).count();
            let mut texts: Vec<String> = p.lines[start..end]
                .iter()
                .map(|(_, t)| clean_line(t))
                .filter(|t| !t.is_empty())
                .collect();
            join_hyphenation(&mut texts);
            self.out
                .lines
                .extend(texts.into_iter().map(|text| PartLine {
                    page,
                    text,
                    heading,
                }));
            start = end;
        }
        if p.section_break_new_page == Some(true) {
            self.page += 1;
        }
    }

    fn flush_hidden(&mut self, p: &mut Para) {
        if let Some((reason, raw)) = p.hidden.take() {
            let text = clean_line(&raw);
            if !text.is_empty() {
                self.out.hidden.push(PartHidden {
                    page: self.page,
                    reason,
                    text,
                });
            }
        }
    }

    /// Character data: text only inside `w:t` (whitespace between
    /// elements is layout of the XML, not of the page).
    fn xml_text(&mut self, s: &str) {
        if self.skip == 0 && self.path.last() == Some(&Tag::Text) {
            self.text(s);
        }
    }

    /// Text of the innermost run, visible or hidden.
    fn text(&mut self, s: &str) {
        let verdict = self.run_verdict();
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        match verdict {
            None => {
                // Spaces between two hidden runs do not end the hidden text.
                if !s.trim().is_empty() {
                    self.flush_hidden(&mut p);
                }
                p.current.push_str(s);
            }
            Some(reason) => {
                if p.hidden.as_ref().is_some_and(|(r, _)| *r != reason) {
                    self.flush_hidden(&mut p);
                }
                p.hidden
                    .get_or_insert_with(|| (reason, String::new()))
                    .1
                    .push_str(s);
            }
        }
        self.paras.push(p);
    }

    /// Why the innermost run is invisible, if it is (decided once per run).
    fn run_verdict(&mut self) -> Option<HiddenReason> {
        let run = self.runs.last()?;
        if let Some(verdict) = run.verdict {
            return verdict;
        }
        let para = self.paras.last();
        let para_style = self
            .styles
            .paragraph_style(para.and_then(|p| p.style.as_deref()));
        let mut props = self.styles.run_base(para_style, run.style.as_deref());
        props.overlay(&run.direct);
        let para_fill =
            para.and_then(|p| p.fill.or_else(|| self.styles.paragraph_fill(para_style)));
        let verdict = if props.vanish == Some(true) {
            Some(HiddenReason::Vanish)
        } else if props.size.is_some_and(|s| s < 4) {
            Some(HiddenReason::TinyFont)
        } else {
            match (props.colour, self.beneath(props.fill.or(para_fill))) {
                (Some(TextColour::Rgb(ink)), Some(paper)) if indistinguishable(ink, paper) => {
                    Some(HiddenReason::SameColourAsBackground)
                }
                _ => None,
            }
        };
        if let Some(run) = self.runs.last_mut() {
            run.verdict = Some(verdict);
        }
        verdict
    }

    /// The colour beneath the text, nearest layer first; `None` when it is
    /// not known.
    fn beneath(&self, own: Option<Rgb>) -> Option<Rgb> {
        if own.is_some() {
            return own;
        }
        for layer in self.layers.iter().rev() {
            match *layer {
                Layer::Cell { fill: Some(fill) }
                | Layer::Table {
                    fill: Some(fill), ..
                } => {
                    return Some(fill);
                }
                Layer::Cell { fill: None } => {}
                Layer::Table { styled: true, .. } | Layer::TextBox => return None,
                Layer::Table { styled: false, .. } => {}
            }
        }
        self.page_fill
    }
}

/// The separator lines Word keeps as pseudo-footnotes.
fn separator_note(local: &[u8], e: &BytesStart<'_>) -> bool {
    matches!(local, b"footnote" | b"endnote")
        && attr(e, b"type").is_some_and(|t| {
            matches!(
                t.as_str(),
                "separator" | "continuationSeparator" | "continuationNotice"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::docx::props::WHITE;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn read(body: &str) -> PartText {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        read_part(xml.as_bytes(), &Styles::default(), Some(WHITE))
    }

    fn texts(part: &PartText) -> Vec<&str> {
        part.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn runs_join_and_tabs_become_spaces() {
        let part = read(
            r#"<w:p><w:r><w:t>Led the </w:t></w:r><w:r><w:t>payments</w:t><w:tab/><w:t>team</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["Led the payments team"]);
    }

    #[test]
    fn breaks_split_lines_and_page_breaks_count_pages() {
        let part = read(
            r#"<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:br w:type="page"/><w:t>three</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["one", "two", "three"]);
        assert_eq!(part.lines[2].page, 1);
        assert_eq!(part.pages, 2);
    }

    #[test]
    fn hidden_text_before_a_page_break_stays_on_its_page() {
        let part = read(
            r#"<w:p><w:r><w:t>seen</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>unseen</w:t></w:r>
            <w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>next</w:t></w:r></w:p>"#,
        );
        assert_eq!(part.hidden[0].page, 0);
        assert_eq!(part.lines[1].page, 1);
    }

    #[test]
    fn tab_stops_in_paragraph_properties_are_not_text() {
        let part = read(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["a"]);
    }

    #[test]
    fn deleted_revisions_field_codes_and_fallbacks_are_not_text() {
        let part = read(
            r#"<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del>
            <w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t>new</w:t></w:r>
            <mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t> box</w:t></w:r></mc:Choice>
            <mc:Fallback><w:r><w:t> box again</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"#,
        );
        assert_eq!(texts(&part), ["new box"]);
    }

    #[test]
    fn vanish_and_tiny_text_are_hidden() {
        let part = read(
            r#"<w:p><w:r><w:t xml:space="preserve">Built APIs </w:t></w:r>
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>kubernetes kafka</w:t></w:r>
            <w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:t>staff principal</w:t></w:r>
            <w:r><w:t>daily</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["Built APIs daily"]);
        let hidden: Vec<_> = part
            .hidden
            .iter()
            .map(|h| (h.reason, h.text.as_str()))
            .collect();
        assert_eq!(
            hidden,
            [
                (HiddenReason::Vanish, "kubernetes kafka"),
                (HiddenReason::TinyFont, "staff principal")
            ]
        );
    }

    #[test]
    fn white_text_is_hidden_on_white_but_not_on_a_dark_cell() {
        let part = read(
            r#"<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>distributed systems</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr>
            <w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>Skills</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:rPr><w:color w:val="FEFEFE"/></w:rPr><w:t>ghost</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(texts(&part), ["Skills"]);
        assert_eq!(part.hidden.len(), 2);
        assert!(
            part.hidden
                .iter()
                .all(|h| h.reason == HiddenReason::SameColourAsBackground)
        );
    }

    #[test]
    fn white_text_in_a_text_box_is_kept() {
        let part = read(
            r#"<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>
            <w:t>Sidebar skills</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><w:t>Anchor</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["Sidebar skills", "Anchor"]);
        assert!(part.hidden.is_empty());
    }

    #[test]
    fn tables_read_row_by_row() {
        let part = read(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b1</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>a2</w:t></w:r></w:p><w:p><w:r><w:t>a2 more</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(texts(&part), ["a1", "b1", "a2", "a2 more"]);
    }

    #[test]
    fn entities_and_symbols_read_as_characters() {
        let part = read(
            r#"<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> R&amp;D &#8211; 5&lt;6</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&part), ["• R&D – 5<6"]);
    }

    #[test]
    fn section_breaks_start_pages_unless_continuous() {
        let part = read(
            r#"<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>
            <w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>b</w:t></w:r></w:p>
            <w:p><w:r><w:t>c</w:t></w:r></w:p>"#,
        );
        let pages: Vec<u32> = part.lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, [0, 0, 1]);
    }
}
