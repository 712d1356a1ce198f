//! Colour spaces: what a `cs` names and what the numbers of a `sc`/`scn`
//! then mean, as an RGB colour a reader would see, or "unknown".
//!
//! Hidden-text detection compares a glyph's colour with what lies beneath
//! it, so a colour read wrongly accuses a visible line: a Separation tint
//! of 1 is full ink (black for /All or /Black), not the gray level 1
//! (white); an Indexed colour's number is a palette entry, not a gray level;
//! a Lab lightness runs to 100. Spaces this module cannot evaluate (a tint
//! transform that is a PostScript function, a DeviceN of several inks)
//! give `None`, which the visibility check treats as "cannot compare" —
//! never as hidden.

use lopdf::{Dictionary, Document, Object};

use super::interpret::Rgb;

/// A colour space as far as its colours can be told.
#[derive(Debug, Clone, PartialEq)]
pub enum ColourSpace {
    Gray,
    Rgb,
    Cmyk,
    /// CIE L*a*b*: lightness 0..100, then a* and b*.
    Lab,
    /// A palette over a base space: one number picks an entry.
    Indexed {
        base: Box<ColourSpace>,
        hival: usize,
        lookup: Vec<u8>,
    },
    /// Separation or DeviceN with one ink: a tint of 0 is no ink, 1 full.
    Tint(Ink),
    /// Painting with a pattern: its colours are not one colour.
    Pattern,
    /// A space with `n` components whose colours cannot be told.
    Unknown(usize),
}

/// What a tint of one ink looks like.
#[derive(Debug, Clone, PartialEq)]
pub enum Ink {
    /// /All or /Black: a tint darkens the page like a gray level.
    Black,
    /// A FunctionType 2 tint transform: C0 + t^N × (C1 − C0) in the
    /// alternate space.
    Exponential {
        c0: Vec<f32>,
        c1: Vec<f32>,
        n: f32,
        alternate: Box<ColourSpace>,
    },
    Unknown,
}

/// Nesting of colour spaces read at most (an Indexed over a Separation
/// over an ICC profile is three); a crafted file may loop.
const MAX_DEPTH: usize = 4;

impl ColourSpace {
    /// The space a `cs`/`CS` operand names: a device space, or an entry of
    /// the resources' /ColorSpace dictionary.
    pub fn named(doc: &Document, resources: &Dictionary, name: &[u8]) -> ColourSpace {
        if let Some(space) = device_space(name) {
            return space;
        }
        resources
            .get_deref(b"ColorSpace", doc)
            .and_then(Object::as_dict)
            .and_then(|spaces| spaces.get(name))
            .map_or(ColourSpace::Unknown(0), |o| Self::from_object(doc, o, 0))
    }

    fn from_object(doc: &Document, object: &Object, depth: usize) -> ColourSpace {
        let object = doc.dereference(object).map_or(object, |(_, o)| o);
        if depth > MAX_DEPTH {
            return ColourSpace::Unknown(0);
        }
        let array = match object {
            Object::Name(name) => return device_space(name).unwrap_or(ColourSpace::Unknown(0)),
            Object::Array(array) => array,
            _ => return ColourSpace::Unknown(0),
        };
        let family = array.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
        let item = |i: usize| {
            array
                .get(i)
                .map(|o| doc.dereference(o).map_or(o, |(_, o)| o))
        };
        match family {
            b"CalGray" => ColourSpace::Gray,
            b"CalRGB" => ColourSpace::Rgb,
            b"Lab" => ColourSpace::Lab,
            b"ICCBased" => {
                let n = item(1)
                    .and_then(|o| o.as_stream().ok())
                    .and_then(|s| s.dict.get(b"N").and_then(Object::as_i64).ok());
                match n {
                    Some(1) => ColourSpace::Gray,
                    Some(3) => ColourSpace::Rgb,
                    Some(4) => ColourSpace::Cmyk,
                    _ => ColourSpace::Unknown(0),
                }
            }
            b"Indexed" | b"I" => {
                let base = item(1).map_or(ColourSpace::Unknown(0), |o| {
                    Self::from_object(doc, o, depth + 1)
                });
                let hival = item(2).and_then(|o| o.as_i64().ok()).unwrap_or(0);
                let lookup = match item(3) {
                    Some(Object::String(bytes, _)) => bytes.clone(),
                    Some(Object::Stream(s)) => s
                        .decompressed_content_with_limit(1 << 16)
                        .unwrap_or_else(|_| s.content.clone()),
                    _ => Vec::new(),
                };
                ColourSpace::Indexed {
                    base: Box::new(base),
                    hival: hival.clamp(0, 255) as usize,
                    lookup,
                }
            }
            b"Separation" => ColourSpace::Tint(ink(doc, item(1), item(2), item(3), depth)),
            b"DeviceN" => {
                let names = item(1).and_then(|o| o.as_array().ok());
                match names {
                    Some(names) if names.len() == 1 => {
                        ColourSpace::Tint(ink(doc, names.first(), item(2), item(3), depth))
                    }
                    Some(names) => ColourSpace::Unknown(names.len()),
                    None => ColourSpace::Unknown(0),
                }
            }
            b"Pattern" => ColourSpace::Pattern,
            _ => device_space(family).unwrap_or(ColourSpace::Unknown(0)),
        }
    }

    /// The colour a space starts with after `cs`, as the format sets it:
    /// black for the device spaces, a tint of 1 (full ink) for Separation,
    /// entry 0 for Indexed.
    pub fn initial(&self) -> Option<Rgb> {
        match self {
            ColourSpace::Gray | ColourSpace::Rgb => Some([0.0; 3]),
            ColourSpace::Cmyk => self.to_rgb(&[0.0, 0.0, 0.0, 1.0]),
            ColourSpace::Lab => Some([0.0; 3]),
            ColourSpace::Indexed { .. } => self.to_rgb(&[0.0]),
            ColourSpace::Tint(_) => self.to_rgb(&[1.0]),
            ColourSpace::Pattern | ColourSpace::Unknown(_) => None,
        }
    }

    /// The colour `values` stand for in this space.
    pub fn to_rgb(&self, values: &[f32]) -> Option<Rgb> {
        let v = |i: usize| values.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        match self {
            ColourSpace::Gray if !values.is_empty() => Some([v(0); 3]),
            ColourSpace::Rgb if values.len() >= 3 => Some([v(0), v(1), v(2)]),
            ColourSpace::Cmyk if values.len() >= 4 => {
                let k = 1.0 - v(3);
                Some([(1.0 - v(0)) * k, (1.0 - v(1)) * k, (1.0 - v(2)) * k])
            }
            ColourSpace::Lab if !values.is_empty() => lab_to_rgb(
                values[0],
                values.get(1).copied().unwrap_or(0.0),
                values.get(2).copied().unwrap_or(0.0),
            ),
            ColourSpace::Indexed {
                base,
                hival,
                lookup,
            } => {
                let index = (values.first()?.round().max(0.0) as usize).min(*hival);
                let n = base.components();
                let entry = lookup.get(index * n..(index + 1) * n)?;
                let entry: Vec<f32> = entry.iter().map(|&b| b as f32 / 255.0).collect();
                base.to_rgb(&entry)
            }
            ColourSpace::Tint(ink) => {
                let t = v(0);
                match ink {
                    Ink::Black => Some([1.0 - t; 3]),
                    Ink::Exponential {
                        c0,
                        c1,
                        n,
                        alternate,
                    } => {
                        let f = t.powf(*n);
                        let out: Vec<f32> =
                            c0.iter().zip(c1).map(|(a, b)| a + f * (b - a)).collect();
                        alternate.to_rgb(&out)
                    }
                    Ink::Unknown => None,
                }
            }
            _ => None,
        }
    }

    /// How many numbers a colour of this space takes (Indexed: one).
    fn components(&self) -> usize {
        match self {
            ColourSpace::Gray | ColourSpace::Indexed { .. } | ColourSpace::Tint(_) => 1,
            ColourSpace::Rgb | ColourSpace::Lab => 3,
            ColourSpace::Cmyk => 4,
            ColourSpace::Pattern => 0,
            ColourSpace::Unknown(n) => *n,
        }
    }

    /// Whether the numbers of `sc`/`scn` can be read in this space; when
    /// not, the caller falls back to guessing the space by how many
    /// numbers there are (which is right for every device space).
    pub fn is_known(&self) -> bool {
        !matches!(self, ColourSpace::Unknown(_))
    }
}

fn device_space(name: &[u8]) -> Option<ColourSpace> {
    Some(match name {
        b"DeviceGray" | b"G" => ColourSpace::Gray,
        b"DeviceRGB" | b"RGB" => ColourSpace::Rgb,
        b"DeviceCMYK" | b"CMYK" => ColourSpace::Cmyk,
        b"Pattern" => ColourSpace::Pattern,
        _ => return None,
    })
}

/// The ink of a one-colourant Separation or DeviceN.
fn ink(
    doc: &Document,
    name: Option<&Object>,
    alternate: Option<&Object>,
    function: Option<&Object>,
    depth: usize,
) -> Ink {
    let name = name.and_then(|o| o.as_name().ok()).unwrap_or(b"");
    if name == b"All" || name == b"Black" {
        return Ink::Black;
    }
    let alternate = alternate.map_or(ColourSpace::Unknown(0), |o| {
        ColourSpace::from_object(doc, o, depth + 1)
    });
    let function = function.and_then(|o| match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    });
    let Some(function) = function else {
        return Ink::Unknown;
    };
    if function.get(b"FunctionType").and_then(Object::as_i64).ok() != Some(2) {
        return Ink::Unknown;
    }
    let numbers = |key: &[u8], default: f32| -> Vec<f32> {
        function
            .get_deref(key, doc)
            .and_then(Object::as_array)
            .map(|a| a.iter().map(|o| o.as_float().unwrap_or(default)).collect())
            .unwrap_or_else(|_| vec![default])
    };
    Ink::Exponential {
        c0: numbers(b"C0", 0.0),
        c1: numbers(b"C1", 1.0),
        n: function.get(b"N").and_then(Object::as_float).unwrap_or(1.0),
        alternate: Box::new(alternate),
    }
}

/// CIE L*a*b* (D50 white, as PDF's default) to sRGB, near enough to tell
/// dark from light and one hue from another.
fn lab_to_rgb(l: f32, a: f32, b: f32) -> Option<Rgb> {
    let fy = (l + 16.0) / 116.0;
    let fx = fy + a / 500.0;
    let fz = fy - b / 200.0;
    let finv = |t: f32| {
        if t > 6.0 / 29.0 {
            t * t * t
        } else {
            3.0 * (6.0f32 / 29.0).powi(2) * (t - 4.0 / 29.0)
        }
    };
    let (x, y, z) = (0.9642 * finv(fx), finv(fy), 0.8249 * finv(fz));
    // XYZ (D50) to linear sRGB, Bradford-adapted.
    let r = 3.1339 * x - 1.6169 * y - 0.4906 * z;
    let g = -0.9788 * x + 1.9161 * y + 0.0335 * z;
    let bl = 0.0719 * x - 0.2290 * y + 1.4052 * z;
    let gamma = |c: f32| {
        let c = c.clamp(0.0, 1.0);
        if c <= 0.003_130_8 {
            12.92 * c
        } else {
            1.055 * c.powf(1.0 / 2.4) - 0.055
        }
    };
    Some([gamma(r), gamma(g), gamma(bl)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_tint_of_all_inks_is_black_not_white() {
        let all = ColourSpace::Tint(Ink::Black);
        assert_eq!(all.to_rgb(&[1.0]), Some([0.0; 3]));
        assert_eq!(all.to_rgb(&[0.0]), Some([1.0; 3]));
        let spot = ColourSpace::Tint(Ink::Exponential {
            c0: vec![1.0, 1.0, 1.0],
            c1: vec![0.0, 0.0, 0.0],
            n: 1.0,
            alternate: Box::new(ColourSpace::Rgb),
        });
        assert_eq!(spot.to_rgb(&[1.0]), Some([0.0; 3]));
        assert_eq!(spot.to_rgb(&[0.5]), Some([0.5; 3]));
    }

    #[test]
    fn an_indexed_colour_is_its_palette_entry() {
        let palette = ColourSpace::Indexed {
            base: Box::new(ColourSpace::Rgb),
            hival: 1,
            lookup: vec![0, 0, 0, 0x11, 0x55, 0xCC],
        };
        assert_eq!(palette.to_rgb(&[0.0]), Some([0.0; 3]));
        let blue = palette.to_rgb(&[1.0]).unwrap();
        assert!((blue[2] - 0.8).abs() < 0.01, "{blue:?}");
    }

    #[test]
    fn lab_lightness_runs_to_a_hundred() {
        let white = lab_to_rgb(100.0, 0.0, 0.0).unwrap();
        let black = lab_to_rgb(0.0, 0.0, 0.0).unwrap();
        assert!(white.iter().all(|c| *c > 0.97), "{white:?}");
        assert!(black.iter().all(|c| *c < 0.03), "{black:?}");
    }
}
