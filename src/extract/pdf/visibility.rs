//! Is a placed glyph visible to a human reader?
//!
//! Hidden text is a known way to stuff keywords past screeners, so each
//! glyph is checked against what a reader would see: its colour against
//! whatever was painted beneath it — translucent bands composited over what
//! they cover, as a viewer does (white on a white page is hidden; white on a
//! dark sidebar, or blue on a pale blue band, is real text) — a font size
//! below 2 pt, a position outside the page or outside the clip, a shape
//! painted over it, and ink that paints nothing (the
//! invisible render modes, a fill alpha of zero) — except where the text is
//! drawn by other means at its spot (a scan, a shading, a masked fill, the
//! glyph's own outline): there the invisible text is the text layer of what
//! is drawn (an OCR layer, a gradient heading, a browser's outlined bold),
//! and it is the real text of the page.
//!
//! A verdict of "hidden" is an accusation, so whatever cannot be compared
//! (a pattern, an image, a colour space that cannot be evaluated) counts as
//! visible.

use crate::document::HiddenReason;

use super::interpret::{PaintedArea, PlacedGlyph, Rgb};

/// Below this size (in points) nobody reads text.
const TINY_FONT_PT: f32 = 2.0;
/// Largest per-channel difference at which two colours read as the same.
const SAME_COLOUR: f32 = 0.08;
/// Below this alpha a fill paints nothing a reader sees.
const NO_INK: f32 = 0.05;

/// The page's visible box: x0, y0, x1, y1.
pub type PageBox = [f32; 4];

/// What a glyph is judged against on its page.
pub struct Page {
    pub bounds: PageBox,
    /// The size most of the page's readable text is set in: text far
    /// smaller than the page's own text is tiny, but a page printed small
    /// throughout (a browser's zoom gone wrong) is small print a reader
    /// zooms into, not hidden text.
    pub body_size: f32,
}

impl Page {
    pub fn new(bounds: PageBox, glyphs: &[PlacedGlyph]) -> Page {
        // The most common size (to a tenth of a point) among readable
        // glyphs, else among all: a block of 1 pt stuffing cannot outvote
        // the page's text unless the page has no text of readable size.
        let mut readable: Vec<u32> = Vec::new();
        let mut all: Vec<u32> = Vec::new();
        for g in glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
            let tenths = (g.size.abs() * 10.0).round() as u32;
            all.push(tenths);
            if g.size >= TINY_FONT_PT {
                readable.push(tenths);
            }
        }
        let sizes = if readable.len() >= MIN_READABLE_GLYPHS {
            readable
        } else {
            all
        };
        Page {
            bounds,
            body_size: most_common(sizes) as f32 / 10.0,
        }
    }
}

/// Readable glyphs a page needs for its body size to come from them.
const MIN_READABLE_GLYPHS: usize = 50;

fn most_common(mut values: Vec<u32>) -> u32 {
    values.sort_unstable();
    let mut best = (0, 0);
    for run in values.chunk_by(|a, b| a == b) {
        if run.len() > best.1 {
            best = (run[0], run.len());
        }
    }
    best.0
}

const WHITE: Rgb = [1.0, 1.0, 1.0];

/// What a reader sees beneath a glyph.
enum Beneath {
    Colour(Rgb),
    /// Artwork of no single colour: cannot compare.
    Artwork,
}

/// A thin rule or underline is not a background.
fn is_thin(a: &PaintedArea) -> bool {
    (a.x1 - a.x0) <= 3.0 || (a.y1 - a.y0) <= 3.0
}

/// Whether an area lies under the glyph's whole body, not just a corner
/// of it: a path's bounds (an icon's curves, a shape's control points)
/// often reach over the first letter beside it.
fn covers(a: &PaintedArea, g: &PlacedGlyph) -> bool {
    let inset = 0.25 * (g.x1 - g.x0).max(0.0);
    a.x0 <= g.x0 + inset
        && a.x1 >= g.x1 - inset
        && a.y0 <= g.y + 0.1 * g.size
        && a.y1 >= g.y + 0.5 * g.size
}

/// The colour under a glyph: the areas painted before it that cover it,
/// from the top down to the first opaque one (or the white page), blended
/// by their alpha.
fn beneath(areas: &[PaintedArea], g: &PlacedGlyph) -> Beneath {
    let mut translucent: Vec<(Rgb, f32)> = Vec::new();
    let mut base = WHITE;
    for a in areas
        .iter()
        .rev()
        .filter(|a| a.order < g.order && a.alpha >= NO_INK && !is_thin(a) && covers(a, g))
    {
        let Some(colour) = a.colour else {
            return Beneath::Artwork;
        };
        if a.alpha >= 0.99 {
            base = colour;
            break;
        }
        translucent.push((colour, a.alpha));
    }
    for (colour, alpha) in translucent.into_iter().rev() {
        for (b, c) in base.iter_mut().zip(colour) {
            *b = alpha * c + (1.0 - alpha) * *b;
        }
    }
    Beneath::Colour(base)
}

/// Whether the glyph is drawn by other means at its spot, at any point of
/// the painting: artwork of no single colour (a scan, a shading, a masked
/// fill) or a shape about the glyph's size (its outline, as browsers paint
/// text they cannot embed, with the text itself laid invisibly over it).
fn drawn_otherwise(areas: &[PaintedArea], g: &PlacedGlyph) -> bool {
    let cx = (g.x0 + g.x1) / 2.0;
    let cy = g.y + g.size * 0.3;
    areas.iter().any(|a| {
        let glyph_sized = (a.x1 - a.x0) <= 4.0 * g.size && (a.y1 - a.y0) <= 2.0 * g.size;
        a.alpha >= NO_INK
            && a.contains(cx, cy)
            && match a.colour {
                None => !is_thin(a),
                Some(_) => glyph_sized,
            }
    })
}

/// Whether an opaque shape or image painted after the glyph covers it.
fn covered_after(areas: &[PaintedArea], g: &PlacedGlyph) -> bool {
    areas
        .iter()
        .any(|a| a.order > g.order && a.alpha >= 0.99 && !is_thin(a) && covers(a, g))
}

fn same_colour(a: Rgb, b: Rgb) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() <= SAME_COLOUR)
}

/// Why a glyph is hidden, or `None` when a reader sees it.
pub fn hidden_reason(
    glyph: &PlacedGlyph,
    areas: &[PaintedArea],
    page: &Page,
) -> Option<HiddenReason> {
    // Modes 3 (no fill, no stroke) and 7 (clip only) paint nothing; nor
    // does a fill alpha of zero.
    let invisible_mode = glyph.render_mode == 3 || glyph.render_mode == 7;
    if invisible_mode || glyph.alpha < NO_INK {
        if drawn_otherwise(areas, glyph) {
            return None;
        }
        return Some(if invisible_mode {
            HiddenReason::InvisibleRenderMode
        } else {
            HiddenReason::SameColourAsBackground
        });
    }
    if glyph.size < TINY_FONT_PT && glyph.size < 0.5 * page.body_size {
        return Some(HiddenReason::TinyFont);
    }
    let [px0, py0, px1, py1] = page.bounds;
    if glyph.x1 < px0 || glyph.x0 > px1 || glyph.y + glyph.size < py0 || glyph.y > py1 {
        return Some(HiddenReason::OutsidePage);
    }
    if glyph.clipped {
        return Some(HiddenReason::ClippedAway);
    }
    if covered_after(areas, glyph) {
        return Some(HiddenReason::CoveredOver);
    }
    let colour = glyph.colour?;
    match beneath(areas, glyph) {
        Beneath::Colour(background) => {
            same_colour(colour, background).then_some(HiddenReason::SameColourAsBackground)
        }
        Beneath::Artwork => None,
    }
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
            clipped: false,
            order,
        }
    }

    const PAGE: Page = Page {
        bounds: [0.0, 0.0, 612.0, 792.0],
        body_size: 10.0,
    };
    const WHITE: Rgb = [1.0, 1.0, 1.0];
    const BLACK: Rgb = [0.0, 0.0, 0.0];

    fn sidebar(order: u32) -> PaintedArea {
        PaintedArea {
            x0: 0.0,
            y0: 0.0,
            x1: 200.0,
            y1: 792.0,
            colour: Some([0.1, 0.2, 0.3]),
            alpha: 1.0,
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
        // The same box painted after the text is not beneath it: it
        // covers it.
        assert_eq!(
            hidden_reason(&glyph(WHITE, 10.0, 5), &[sidebar(9)], &PAGE),
            Some(HiddenReason::CoveredOver)
        );
    }

    #[test]
    fn text_on_a_translucent_band_of_its_own_colour_is_visible() {
        let blue = [0.07, 0.33, 0.8];
        let band = |alpha| PaintedArea {
            alpha,
            colour: Some(blue),
            ..sidebar(1)
        };
        assert_eq!(
            hidden_reason(&glyph(blue, 10.0, 5), &[band(0.12)], &PAGE),
            None
        );
        assert_eq!(
            hidden_reason(&glyph(blue, 10.0, 5), &[band(1.0)], &PAGE),
            Some(HiddenReason::SameColourAsBackground)
        );
    }

    #[test]
    fn invisible_text_over_its_own_outline_is_visible() {
        let mut g = glyph(BLACK, 10.0, 5);
        g.alpha = 0.0;
        let outline = PaintedArea {
            x0: 100.0,
            y0: 499.0,
            x1: 105.0,
            y1: 507.0,
            colour: Some(BLACK),
            alpha: 1.0,
            order: 4,
        };
        assert_eq!(hidden_reason(&g, &[outline], &PAGE), None);
        assert_eq!(
            hidden_reason(&g, &[], &PAGE),
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
    fn a_page_printed_small_throughout_is_small_print_not_hidden() {
        let small: Vec<PlacedGlyph> = (0..80).map(|i| glyph(BLACK, 1.5, i)).collect();
        let page = Page::new(PAGE.bounds, &small);
        assert_eq!(page.body_size, 1.5);
        assert_eq!(hidden_reason(&small[0], &[], &page), None);
        // Among readable text, the same size is hidden.
        let mut mixed: Vec<PlacedGlyph> = (0..80).map(|i| glyph(BLACK, 10.0, i)).collect();
        mixed.extend((0..200).map(|i| glyph(BLACK, 1.5, 100 + i)));
        let page = Page::new(PAGE.bounds, &mixed);
        assert_eq!(
            hidden_reason(&mixed[100], &[], &page),
            Some(HiddenReason::TinyFont)
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
            alpha: 1.0,
            order: 1,
        };
        assert_eq!(hidden_reason(&g, &[scan], &PAGE), None);
    }
}
