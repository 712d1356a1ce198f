//! The few WordprocessingML formatting properties that decide whether text
//! can be seen, and how to read them from XML elements.
//!
//! Takes single property elements (`w:vanish`, `w:color`, `w:sz`, `w:shd`,
//! `w:highlight`) and gives [`RunProps`] that layer as Word layers them:
//! document defaults, then the paragraph style, then the character style,
//! then direct formatting. It must never guess a colour it cannot read:
//! unknown values leave the property unset, so text is never hidden on a
//! guess.

use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;
use quick_xml::events::attributes::Attribute;

/// An sRGB colour.
pub type Rgb = [u8; 3];

pub const WHITE: Rgb = [0xFF, 0xFF, 0xFF];

/// A text colour: `auto` means Word picks black or white to contrast with
/// what lies beneath, so it is never invisible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextColour {
    Auto,
    Rgb(Rgb),
}

/// The visibility-relevant run properties; `None` means "not set here,
/// inherit".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunProps {
    pub vanish: Option<bool>,
    pub colour: Option<TextColour>,
    /// Font size in half-points (`w:sz`).
    pub size: Option<u32>,
    /// Run shading or highlight: an opaque fill directly behind the text.
    pub fill: Option<Rgb>,
}

impl RunProps {
    /// Lay `over` on top of `self`: every property `over` sets wins.
    pub fn overlay(&mut self, over: &RunProps) {
        self.vanish = over.vanish.or(self.vanish);
        self.colour = over.colour.or(self.colour);
        self.size = over.size.or(self.size);
        self.fill = over.fill.or(self.fill);
    }

    /// Apply one child element of a `w:rPr`; other elements are ignored.
    pub fn apply(&mut self, local: &[u8], e: &BytesStart<'_>) {
        match local {
            b"vanish" => self.vanish = Some(on_off(e)),
            b"color" => {
                if let Some(v) = attr(e, b"val") {
                    self.colour = if v.eq_ignore_ascii_case("auto") {
                        Some(TextColour::Auto)
                    } else {
                        parse_hex(&v).map(TextColour::Rgb).or(self.colour)
                    };
                }
            }
            b"sz" => {
                if let Some(size) = attr(e, b"val").and_then(|v| v.trim().parse().ok()) {
                    self.size = Some(size);
                }
            }
            b"shd" => {
                if let Some(fill) = shading_fill(e) {
                    self.fill = Some(fill);
                }
            }
            b"highlight" => {
                if let Some(fill) = attr(e, b"val").and_then(|v| highlight(&v)) {
                    self.fill = Some(fill);
                }
            }
            _ => {}
        }
    }
}

/// The attributes of an element of a part the guard has checked. It
/// refused duplicate attributes, so the reader's own check (a list kept per
/// element) is not run again; an attribute the reader cannot split is
/// left out.
pub fn attributes<'a>(e: &'a BytesStart<'_>) -> impl Iterator<Item = Attribute<'a>> {
    let mut attributes = e.attributes();
    attributes.with_checks(false);
    attributes.flatten()
}

/// The value of the attribute whose local name is `local` (prefixes differ
/// between writers, so only the local part is compared), unescaped.
pub fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    attributes(e)
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| value(&a, e))
}

/// An attribute's value, decoded and with entity references replaced.
pub fn value(a: &Attribute<'_>, e: &BytesStart<'_>) -> Option<String> {
    a.decoded_and_normalized_value(XmlVersion::Implicit1_0, e.decoder())
        .ok()
        .map(|v| v.into_owned())
}

/// An on/off property: present means on unless `w:val` says off.
pub fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "False" | "FALSE")
    )
}

/// `RRGGBB` → colour; anything else (`auto`, theme names) → `None`.
pub fn parse_hex(v: &str) -> Option<Rgb> {
    let v = v.trim();
    if v.len() != 6 || !v.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&v[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// The opaque colour a `w:shd` paints, if any. A `solid` pattern paints
/// the pattern colour (`w:color`); `clear` and the rest paint `w:fill`
/// (patterned fills mix both; their fill is close enough for the reader's
/// eye). `auto` or `nil` means no fill.
pub fn shading_fill(e: &BytesStart<'_>) -> Option<Rgb> {
    let pattern = attr(e, b"val").unwrap_or_default();
    if pattern == "nil" {
        return None;
    }
    if pattern == "solid"
        && let Some(colour) = attr(e, b"color").and_then(|c| parse_hex(&c))
    {
        return Some(colour);
    }
    attr(e, b"fill").and_then(|f| parse_hex(&f))
}

/// The colours of `w:highlight` values (ECMA-376 §17.18.40).
fn highlight(v: &str) -> Option<Rgb> {
    Some(match v {
        "black" => [0x00, 0x00, 0x00],
        "blue" => [0x00, 0x00, 0xFF],
        "cyan" => [0x00, 0xFF, 0xFF],
        "green" => [0x00, 0xFF, 0x00],
        "magenta" => [0xFF, 0x00, 0xFF],
        "red" => [0xFF, 0x00, 0x00],
        "yellow" => [0xFF, 0xFF, 0x00],
        "white" => WHITE,
        "darkBlue" => [0x00, 0x00, 0x80],
        "darkCyan" => [0x00, 0x80, 0x80],
        "darkGreen" => [0x00, 0x80, 0x00],
        "darkMagenta" => [0x80, 0x00, 0x80],
        "darkRed" => [0x80, 0x00, 0x00],
        "darkYellow" => [0x80, 0x80, 0x00],
        "darkGray" => [0x80, 0x80, 0x80],
        "lightGray" => [0xC0, 0xC0, 0xC0],
        _ => return None,
    })
}

/// Whether two colours are too close for a reader to tell apart: each
/// channel within 24 of the other (near-white on white, or #FEFEFE tricks).
pub fn indistinguishable(a: Rgb, b: Rgb) -> bool {
    a.iter().zip(b).all(|(&x, y)| x.abs_diff(y) <= 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(xml: &str) -> BytesStart<'static> {
        let mut reader = quick_xml::Reader::from_str(xml);
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Empty(e) => e.into_owned(),
            other => panic!("not an empty element: {other:?}"),
        }
    }

    #[test]
    fn vanish_honours_its_value() {
        let mut p = RunProps::default();
        p.apply(b"vanish", &element("<w:vanish/>"));
        assert_eq!(p.vanish, Some(true));
        p.apply(b"vanish", &element(r#"<w:vanish w:val="0"/>"#));
        assert_eq!(p.vanish, Some(false));
    }

    #[test]
    fn colours_and_sizes_parse() {
        let mut p = RunProps::default();
        p.apply(
            b"color",
            &element(r#"<w:color w:val="FFFFFF" w:themeColor="background1"/>"#),
        );
        p.apply(b"sz", &element(r#"<w:sz w:val="2"/>"#));
        assert_eq!(p.colour, Some(TextColour::Rgb(WHITE)));
        assert_eq!(p.size, Some(2));
        p.apply(b"color", &element(r#"<w:color w:val="auto"/>"#));
        assert_eq!(p.colour, Some(TextColour::Auto));
    }

    #[test]
    fn shading_reads_fill_or_solid_colour() {
        let clear = element(r#"<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>"#);
        assert_eq!(shading_fill(&clear), Some([0x1F, 0x38, 0x64]));
        let solid = element(r#"<w:shd w:val="solid" w:color="000000" w:fill="FFFFFF"/>"#);
        assert_eq!(shading_fill(&solid), Some([0, 0, 0]));
        let none = element(r#"<w:shd w:val="clear" w:color="auto" w:fill="auto"/>"#);
        assert_eq!(shading_fill(&none), None);
    }

    #[test]
    fn overlay_keeps_what_is_not_overridden() {
        let mut base = RunProps {
            size: Some(22),
            colour: Some(TextColour::Rgb([0, 0, 0])),
            ..RunProps::default()
        };
        base.overlay(&RunProps {
            colour: Some(TextColour::Rgb(WHITE)),
            ..RunProps::default()
        });
        assert_eq!(base.size, Some(22));
        assert_eq!(base.colour, Some(TextColour::Rgb(WHITE)));
    }

    #[test]
    fn near_colours_are_indistinguishable() {
        assert!(indistinguishable(WHITE, [0xFE, 0xFE, 0xF0]));
        assert!(!indistinguishable(WHITE, [0x1F, 0x38, 0x64]));
    }
}
