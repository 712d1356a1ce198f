//! Facts about a Word document that are not its text: its own date, and
//! what colour its pages are.
//!
//! Takes checked XML parts and gives the document date (`YYYY-MM-DD`, from
//! `dcterms:modified`, else `dcterms:created`) and the page colour against
//! which text colour is judged: `w:background`, else white, or "unknown"
//! when a shape is painted behind the text (résumé templates put coloured
//! bands there with white text on top, which is real text). It must never
//! invent a date: a missing or implausible one is `None`.

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::props::{Rgb, WHITE, attr, parse_hex};

/// The document's own date from the core properties part.
pub fn document_date(core: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(core);
    let mut inside: Option<Vec<u8>> = None;
    let (mut modified, mut created) = (None, None);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => inside = Some(e.local_name().as_ref().to_vec()),
            Ok(Event::End(_)) => inside = None,
            Ok(Event::Text(t)) => {
                let Ok(text) = t.decode() else { continue };
                let date = plausible_date(&text);
                match inside.as_deref() {
                    Some(b"modified") => modified = modified.or(date),
                    Some(b"created") => created = created.or(date),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    modified.or(created)
}

/// `2024-03-01T10:00:00Z` → `2024-03-01`, if it is a real calendar date in
/// a plausible range (some writers store 1601 or 1970 for "unknown").
fn plausible_date(text: &str) -> Option<String> {
    let date = text.trim().get(..10)?;
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: u32 = date[..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| date.to_string())
}

/// The colour of the page as a reader sees it, or `None` when shapes
/// behind the text make it unknown. `parts` are the main document and its
/// headers (a header often carries a page-wide band).
pub fn page_fill<'a>(main: &'a [u8], parts: impl IntoIterator<Item = &'a [u8]>) -> Option<Rgb> {
    if std::iter::once(main).chain(parts).any(paints_behind_text) {
        return None;
    }
    let mut reader = Reader::from_reader(main);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"background" => {
                    return Some(
                        attr(&e, b"color")
                            .and_then(|c| parse_hex(&c))
                            .unwrap_or(WHITE),
                    );
                }
                // The background, if any, comes before the body.
                b"body" => return Some(WHITE),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return Some(WHITE),
            Ok(_) => {}
        }
    }
}

/// Whether a part places a shape behind its text, where text runs over
/// it: a DrawingML anchor with `behindDoc` and no wrapping (`wrapNone`;
/// a shape that text wraps around lies beside the text, not beneath it),
/// or a VML shape with a negative z-index. The VML copy inside
/// `mc:Fallback` is skipped: it repeats the DrawingML choice (LibreOffice
/// writes one for every text box).
fn paints_behind_text(xml: &[u8]) -> bool {
    let mut reader = Reader::from_reader(xml);
    let mut depth = 0usize;
    let mut fallback_depth: Option<usize> = None;
    let mut behind_anchor_depth: Option<usize> = None;
    loop {
        let (e, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(_)) => {
                if fallback_depth == Some(depth) {
                    fallback_depth = None;
                }
                if behind_anchor_depth == Some(depth) {
                    behind_anchor_depth = None;
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => continue,
        };
        if !empty {
            depth += 1;
        }
        if fallback_depth.is_some() {
            continue;
        }
        match e.local_name().as_ref() {
            b"Fallback" if !empty => fallback_depth = Some(depth),
            b"anchor"
                if !empty && attr(&e, b"behindDoc").is_some_and(|v| v == "1" || v == "true") =>
            {
                behind_anchor_depth = Some(depth);
            }
            b"wrapNone" if behind_anchor_depth.is_some() => return true,
            b"shape" | b"rect" | b"roundrect" | b"oval"
                if attr(&e, b"style").is_some_and(|s| s.replace(' ', "").contains("z-index:-")) =>
            {
                return true;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_wins_over_created() {
        let core = br#"<cp:coreProperties xmlns:cp="c" xmlns:dcterms="d">
            <dcterms:created>2023-01-05T09:00:00Z</dcterms:created>
            <dcterms:modified>2024-03-01T10:00:00Z</dcterms:modified></cp:coreProperties>"#;
        assert_eq!(document_date(core).as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn implausible_dates_fall_back_or_vanish() {
        let core =
            br#"<c xmlns:dcterms="d"><dcterms:modified>1601-01-01T00:00:00Z</dcterms:modified>
            <dcterms:created>2022-11-30T00:00:00Z</dcterms:created></c>"#;
        assert_eq!(document_date(core).as_deref(), Some("2022-11-30"));
        assert_eq!(document_date(b"<c><modified>soon</modified></c>"), None);
    }

    #[test]
    fn page_colour_comes_from_the_background_element() {
        let main =
            br#"<w:document xmlns:w="w"><w:background w:color="000000"/><w:body/></w:document>"#;
        assert_eq!(page_fill(main, []), Some([0, 0, 0]));
        assert_eq!(
            page_fill(b"<w:document xmlns:w='w'><w:body/></w:document>", []),
            Some(WHITE)
        );
        let band = br#"<w:hdr xmlns:w="w" xmlns:wp="p"><wp:anchor behindDoc="1"><wp:wrapNone/></wp:anchor></w:hdr>"#;
        assert_eq!(page_fill(b"<w:document xmlns:w='w'/>", [&band[..]]), None);
        let vml = br#"<w:hdr><w:pict><v:rect style="position:absolute;z-index: -251658240"/></w:pict></w:hdr>"#;
        assert_eq!(page_fill(b"<w:document/>", [&vml[..]]), None);
    }

    #[test]
    fn a_shape_that_text_wraps_around_is_not_beneath_it() {
        let main = br#"<w:document><wp:anchor behindDoc="1"><wp:wrapTopAndBottom/></wp:anchor><w:body/></w:document>"#;
        assert_eq!(page_fill(main, []), Some(WHITE));
    }

    #[test]
    fn a_text_box_fallback_does_not_hide_the_page_colour() {
        let main = br#"<w:document><w:body><mc:AlternateContent><mc:Choice><wp:anchor behindDoc="0"/></mc:Choice>
            <mc:Fallback><w:pict><v:shape style="position:absolute;z-index:-1"/></w:pict></mc:Fallback></mc:AlternateContent></w:body></w:document>"#;
        assert_eq!(page_fill(main, []), Some(WHITE));
    }
}
