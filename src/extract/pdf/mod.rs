//! PDF extraction: lopdf parses the file; levelscan's own layout layer turns
//! each page's content stream into lines a reader would recognise.
//!
//! lopdf's `extract_text` is fast but merges and splits words, returns a
//! LaTeX page as one line and ignores layout, so it is not used: pages are
//! interpreted here (`interpret`), fonts decoded here (`font`), glyphs
//! checked for visibility (`visibility`) and laid out into columns and lines
//! (`layout`), then cleaned like every other format.
//!
//! Bounded: lopdf's decompression cap is lowered to the file limit, pages
//! beyond the page limit are skipped with a warning, and each page has a
//! glyph budget. A file with a user password becomes `Encrypted`, a PDF
//! with images but no text `ImageOnly`.

mod cmap;
mod colour;
mod font;
mod interpret;
mod layout;
mod lexer;
mod std14;
mod streams;
mod visibility;

use lopdf::{Dictionary, LoadOptions, Object};

use crate::document::{Diagnostics, Document, HiddenText, Line, SectionHint};
use crate::extract::cleanup::{clean_line, join_hyphenation};
use crate::extract::{ExtractError, Limits};

use interpret::{Budget, FontCache, Interpreter, PageDrawing, PlacedGlyph};
use streams::Inflater;
use visibility::{Page, PageBox};

/// A resume page has a few thousand glyphs; this leaves room for dense
/// pages while keeping a crafted stream of text operators cheap.
const MAX_GLYPHS_PER_PAGE: usize = 60_000;

pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    let doc = load(bytes, limits)?;
    let mut diagnostics = Diagnostics {
        format: "pdf".into(),
        document_date: document_date(&doc),
        ..Diagnostics::default()
    };
    let mut lines = Vec::new();
    let mut hidden = Vec::new();
    let mut saw_image = false;
    let mut warnings = Vec::new();
    let unmapped = interpret_pages(
        &doc,
        limits,
        &mut warnings,
        |page_number, drawing, page_box| {
            saw_image |= drawing.areas.iter().any(|a| a.colour.is_none());
            let page = Page::new(*page_box, &drawing.glyphs);
            let mut visible: Vec<&PlacedGlyph> = Vec::new();
            let mut hidden_glyphs = Vec::new();
            for g in &drawing.glyphs {
                match visibility::hidden_reason(g, &drawing.areas, &page) {
                    None => visible.push(g),
                    Some(reason) => hidden_glyphs.push((g, reason)),
                }
            }
            hidden.extend(hidden_runs(page_number, &hidden_glyphs));
            let (laid, columns) = layout::lay_out(&visible);
            diagnostics.columns = diagnostics.columns.max(columns);
            lines.extend(clean_page(page_number, laid));
        },
    )?;
    diagnostics.pages = doc.get_pages().len() as u32;
    diagnostics.warnings = warnings;
    diagnostics.unmapped_fonts = unmapped;
    if lines.is_empty() && hidden.is_empty() && saw_image {
        return Err(ExtractError::ImageOnly);
    }
    Ok(Document {
        lines,
        hidden,
        diagnostics,
    })
}

/// One glyph as placed and judged, for checking the verdicts against a
/// render of the page (see `tests/render_check.rs`).
#[derive(Debug, Clone)]
pub struct GlyphVerdict {
    pub page: u32,
    pub text: String,
    /// x0, y0 (baseline), x1, y0 + font size, in PDF points, y up.
    pub bbox: [f32; 4],
    /// The page's visible box, in the same space.
    pub page_box: [f32; 4],
    pub hidden: Option<crate::document::HiddenReason>,
}

/// Every glyph of a PDF with its place and whether a reader sees it: the
/// same interpretation and visibility verdicts as [`extract`], before
/// layout.
pub fn glyph_verdicts(bytes: &[u8], limits: &Limits) -> Result<Vec<GlyphVerdict>, ExtractError> {
    let doc = load(bytes, limits)?;
    let mut out = Vec::new();
    interpret_pages(
        &doc,
        limits,
        &mut Vec::new(),
        |page_number, drawing, page_box| {
            let page = Page::new(*page_box, &drawing.glyphs);
            out.extend(drawing.glyphs.iter().map(|g| GlyphVerdict {
                page: page_number,
                text: g.text.to_string(),
                bbox: [g.x0, g.y, g.x1, g.y + g.size],
                page_box: *page_box,
                hidden: visibility::hidden_reason(g, &drawing.areas, &page),
            }));
        },
    )?;
    Ok(out)
}

/// Parse a PDF with lopdf under the limits, telling encrypted, damaged and
/// over-limit files apart.
fn load(bytes: &[u8], limits: &Limits) -> Result<lopdf::Document, ExtractError> {
    let stream_limit = usize::try_from(limits.max_decompressed_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(stream_limit),
        ..LoadOptions::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| {
        if matches!(
            e,
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword
        ) {
            ExtractError::Encrypted
        } else if let lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
            ..
        }) = e
        {
            ExtractError::OverLimit(format!(
                "a stream decompresses to more than {} bytes",
                limits.max_decompressed_bytes
            ))
        } else {
            ExtractError::Damaged {
                format: "PDF",
                detail: e.to_string(),
            }
        }
    })?;
    // lopdf opens a file protected by a user password as a document with
    // no pages; one it could decrypt with the empty password loses its
    // /Encrypt entry.
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    Ok(doc)
}

/// Interpret the pages within the limits, one at a time, handing each
/// page's drawing and visible box to `visit`; pages that cannot be read
/// are skipped with a warning. Returns the names of fonts with unmapped
/// codes.
fn interpret_pages(
    doc: &lopdf::Document,
    limits: &Limits,
    warnings: &mut Vec<String>,
    mut visit: impl FnMut(u32, &PageDrawing, &PageBox),
) -> Result<Vec<String>, ExtractError> {
    let stream_limit = usize::try_from(limits.max_decompressed_bytes).unwrap_or(usize::MAX);
    let pages = doc.get_pages();
    if pages.len() > limits.max_pages as usize {
        warnings.push(format!(
            "{} pages: only the first {} read (limit)",
            pages.len(),
            limits.max_pages
        ));
    }
    let mut fonts = FontCache::default();
    let mut inflater = Inflater::default();
    let mut budget_left = stream_limit;
    // One page's drawing at a time; its room is reused by the next page.
    let mut drawing_room = PageDrawing::default();
    for (&page_number, &page_id) in pages.iter().take(limits.max_pages as usize) {
        let content = match inflater.page_content(doc, page_id, budget_left) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(ExtractError::OverLimit(format!(
                    "page {page_number} content decompresses past {} bytes",
                    limits.max_decompressed_bytes
                )));
            }
            Err(e) => {
                warnings.push(format!("page {page_number}: content unreadable: {e}"));
                continue;
            }
        };
        budget_left = budget_left.saturating_sub(content.len());
        let resources = page_resources(doc, page_id);
        let budget = Budget {
            max_glyphs: MAX_GLYPHS_PER_PAGE,
            max_stream_bytes: stream_limit,
        };
        let drawing = Interpreter::new(doc, &mut fonts, &mut inflater, budget).run_page(
            &content,
            &resources,
            std::mem::take(&mut drawing_room),
        );
        if drawing.truncated {
            warnings.push(format!(
                "page {page_number}: more than {MAX_GLYPHS_PER_PAGE} glyphs; the rest skipped"
            ));
        }
        visit(page_number, &drawing, &page_box(doc, page_id));
        drawing_room = drawing;
    }
    Ok(fonts.unmapped_font_names())
}

/// Clean a page's laid-out lines, join hyphenation within each column, and
/// number the lines in reading order.
fn clean_page(page: u32, laid: Vec<layout::LaidLine>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < laid.len() {
        let column = laid[start].column;
        let end = laid[start..]
            .iter()
            .position(|l| l.column != column)
            .map_or(laid.len(), |n| start + n);
        let block = &laid[start..end];
        let mut texts: Vec<String> = block.iter().map(|l| clean_line(&l.text)).collect();
        join_hyphenation(&mut texts);
        for (text, laid_line) in texts.into_iter().zip(block) {
            if text.is_empty() {
                continue;
            }
            out.push(Line {
                page,
                line: out.len() as u32 + 1,
                column,
                text,
                section_hint: laid_line.emphasised.then_some(SectionHint::Emphasised),
            });
        }
        start = end;
    }
    out
}

/// Hidden glyphs grouped into runs: consecutive in painting order, same
/// reason.
fn hidden_runs(
    page: u32,
    glyphs: &[(&PlacedGlyph, crate::document::HiddenReason)],
) -> Vec<HiddenText> {
    let mut runs: Vec<HiddenText> = Vec::new();
    let mut last: Option<&PlacedGlyph> = None;
    for &(g, reason) in glyphs {
        let continues = last.is_some_and(|p| {
            runs.last().is_some_and(|r| r.reason == reason) && (p.y - g.y).abs() < p.size.max(1.0)
        });
        let gap_is_space = last.is_some_and(|p| g.x0 - p.x1 > 0.2 * g.size);
        if continues {
            let run = runs.last_mut().expect("continues implies a run");
            if gap_is_space {
                run.text.push(' ');
            }
            run.text.push_str(&g.text);
        } else {
            runs.push(HiddenText {
                page,
                reason,
                text: g.text.to_string(),
            });
        }
        last = Some(g);
    }
    for run in &mut runs {
        run.text = clean_line(&run.text);
    }
    runs.retain(|r| !r.text.is_empty());
    runs
}

/// The page's resources, merged from the page and its ancestors (inherited
/// entries), so fonts named in the content stream are found.
fn page_resources(doc: &lopdf::Document, page_id: lopdf::ObjectId) -> Dictionary {
    let mut merged = Dictionary::new();
    let Ok((own, inherited)) = doc.get_page_resources(page_id) else {
        return merged;
    };
    let dicts = own.into_iter().chain(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    for dict in dicts {
        for (key, value) in dict.iter() {
            if !merged.has(key) {
                merged.set(key.clone(), value.clone());
            }
        }
    }
    merged
}

/// The visible page box (CropBox, else MediaBox, inherited), or US Letter.
fn page_box(doc: &lopdf::Document, page_id: lopdf::ObjectId) -> PageBox {
    let mut node = doc.get_dictionary(page_id).ok();
    let mut depth = 0;
    while let Some(dict) = node {
        for key in [b"CropBox".as_slice(), b"MediaBox"] {
            if let Ok(values) = dict.get_deref(key, doc).and_then(Object::as_array)
                && values.len() == 4
            {
                let v: Vec<f32> = values.iter().map(|o| o.as_float().unwrap_or(0.0)).collect();
                return [
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                ];
            }
        }
        depth += 1;
        if depth > 32 {
            break;
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    [0.0, 0.0, 612.0, 792.0]
}

/// The document's own date from /Info ModDate or CreationDate
/// ("D:20260601…" → "2026-06-01").
fn document_date(doc: &lopdf::Document) -> Option<String> {
    let info = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .ok()?;
    for key in [b"ModDate".as_slice(), b"CreationDate"] {
        if let Ok(raw) = info.get_deref(key, doc).and_then(Object::as_str)
            && let Some(date) = pdf_date(raw)
        {
            return Some(date);
        }
    }
    None
}

fn pdf_date(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?;
    let digits = s.strip_prefix("D:").unwrap_or(s);
    let y: u32 = digits.get(0..4)?.parse().ok()?;
    let m: u32 = digits.get(4..6).and_then(|v| v.parse().ok()).unwrap_or(1);
    let d: u32 = digits.get(6..8).and_then(|v| v.parse().ok()).unwrap_or(1);
    ((1970..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_parse() {
        assert_eq!(
            pdf_date(b"D:20260601120000Z").as_deref(),
            Some("2026-06-01")
        );
        assert_eq!(pdf_date(b"D:2024").as_deref(), Some("2024-01-01"));
        assert_eq!(pdf_date(b"garbage"), None);
    }
}
