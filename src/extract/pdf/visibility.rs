//! Is a placed glyph visible to a human reader?
//!
//! Hidden text is a known way to stuff keywords past screeners, so each
//! glyph is checked against what a reader would see: its fill colour
//! against whatever was painted beneath it (white on a white page is
//! hidden; white on a dark sidebar is real text), a font size below 2 pt, a
//! position outside the page, a fill alpha of zero, and the invisible text
//! render modes — except over a scanned image, where invisible text is the
//! OCR layer and is the real text of the page.

use crate::document::HiddenReason;

use super::interpret::{PaintedArea, PlacedGlyph, Rgb};

/// Below this size (in points) nobody reads text.
const TINY_FONT_PT: f32 = 2.0;
/// Largest per-channel difference at which two colours read as the same.
const SAME_COLOUR: f32 = 0.08;

/// The page's visible box: x0, y0, x1, y1.
pub type PageBox = [f32; 4];

/// What lies beneath a point: the last area painted before `order` that
/// contains it.
enum Beneath {
    Page,
    Fill(Rgb),
    Image,
    Unknown,
}

fn beneath(areas: &[PaintedArea], x: f32, y: f32, order: u32) -> Beneath {
    areas
        .iter()
        .rev()
        .filter(|a| a.order < order && a.contains(x, y))
        // A thin rule or underline is not a background.
        .find(|a| (a.x1 - a.x0) > 3.0 && (a.y1 - a.y0) > 3.0)
        .map_or(Beneath::Page, |a| match a.colour {
            Some(c) => Beneath::Fill(c),
            None if is_image(a) => Beneath::Image,
            None => Beneath::Unknown,
        })
}

fn is_image(area: &PaintedArea) -> bool {
    // Areas are recorded with no colour for images and for pattern fills;
    // both mean "cannot compare", which the callers treat alike except for
    // the OCR-layer rule, where only a large area counts as a scan.
    (area.x1 - area.x0) * (area.y1 - area.y0) > 10_000.0
}

fn same_colour(a: Rgb, b: Rgb) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() <= SAME_COLOUR)
}

/// Why a glyph is hidden, or `None` when a reader sees it.
pub fn hidden_reason(
    glyph: &PlacedGlyph,
    areas: &[PaintedArea],
    page: &PageBox,
) -> Option<HiddenReason> {
    let cx = (glyph.x0 + glyph.x1) / 2.0;
    let cy = glyph.y + glyph.size * 0.3;
    let below = beneath(areas, cx, cy, glyph.order);
    // Modes 3 (no fill, no stroke) and 7 (clip only) paint nothing.
    if glyph.render_mode == 3 || glyph.render_mode == 7 {
        return match below {
            Beneath::Image => None,
            _ => Some(HiddenReason::InvisibleRenderMode),
        };
    }
    if glyph.size < TINY_FONT_PT {
        return Some(HiddenReason::TinyFont);
    }
    let [px0, py0, px1, py1] = *page;
    if glyph.x1 < px0 || glyph.x0 > px1 || glyph.y + glyph.size < py0 || glyph.y > py1 {
        return Some(HiddenReason::OutsidePage);
    }
    if glyph.alpha < 0.05 {
        return Some(HiddenReason::SameColourAsBackground);
    }
    let colour = glyph.colour?;
    let background = match below {
        Beneath::Page => [1.0, 1.0, 1.0],
        Beneath::Fill(c) => c,
        Beneath::Image | Beneath::Unknown => return None,
    };
    same_colour(colour, background).then_some(HiddenReason::SameColourAsBackground)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(colour: Rgb, size: f32, order: u32) -> PlacedGlyph {
        PlacedGlyph {
            text: "a".into(),
            x0: 100.0,
            x1: 105.0,
            y: 500.0,
            size,
            bold: false,
            colour: Some(colour),
            alpha: 1.0,
            render_mode: 0,
            order,
        }
    }

    const PAGE: PageBox = [0.0, 0.0, 612.0, 792.0];
    const WHITE: Rgb = [1.0, 1.0, 1.0];
    const BLACK: Rgb = [0.0, 0.0, 0.0];

    fn sidebar(order: u32) -> PaintedArea {
        PaintedArea {
            x0: 0.0,
            y0: 0.0,
            x1: 200.0,
            y1: 792.0,
            colour: Some([0.1, 0.2, 0.3]),
            order,
        }
    }

    #[test]
    fn white_on_white_is_hidden() {
        assert_eq!(
            hidden_reason(&glyph(WHITE, 10.0, 5), &[], &PAGE),
            Some(HiddenReason::SameColourAsBackground)
        );
        assert_eq!(hidden_reason(&glyph(BLACK, 10.0, 5), &[], &PAGE), None);
    }

    #[test]
    fn white_on_a_dark_sidebar_is_visible() {
        assert_eq!(
            hidden_reason(&glyph(WHITE, 10.0, 5), &[sidebar(1)], &PAGE),
            None
        );
        // The same box painted after the text covers nothing beneath it.
        assert_eq!(
            hidden_reason(&glyph(WHITE, 10.0, 5), &[sidebar(9)], &PAGE),
            Some(HiddenReason::SameColourAsBackground)
        );
    }

    #[test]
    fn tiny_and_off_page_text_is_hidden() {
        assert_eq!(
            hidden_reason(&glyph(BLACK, 1.0, 5), &[], &PAGE),
            Some(HiddenReason::TinyFont)
        );
        let mut off = glyph(BLACK, 10.0, 5);
        off.x0 = 700.0;
        off.x1 = 705.0;
        assert_eq!(
            hidden_reason(&off, &[], &PAGE),
            Some(HiddenReason::OutsidePage)
        );
    }

    #[test]
    fn invisible_mode_is_hidden_except_over_a_scan() {
        let mut g = glyph(BLACK, 10.0, 5);
        g.render_mode = 3;
        assert_eq!(
            hidden_reason(&g, &[], &PAGE),
            Some(HiddenReason::InvisibleRenderMode)
        );
        let scan = PaintedArea {
            x0: 0.0,
            y0: 0.0,
            x1: 612.0,
            y1: 792.0,
            colour: None,
            order: 1,
        };
        assert_eq!(hidden_reason(&g, &[scan], &PAGE), None);
    }
}
