//! The content-stream interpreter: a page's drawing operators in, positioned
//! glyphs and painted areas out.
//!
//! It keeps the graphics state (CTM via q/Q/cm, fill colour, ExtGState fill
//! alpha) and the text state (BT/ET, Tm, Td/TD/T*, Tc, Tw, Tz, TL, Ts, Tf,
//! Tr) and places every glyph of Tj/TJ/'/" in device space with its width
//! from the font, so the layout stage can rebuild words from real gaps
//! rather than from how the producer happened to split its strings. Filled
//! shapes and images are recorded too: hidden-text detection compares a
//! glyph's colour with what is painted beneath it. Form XObjects are
//! entered recursively (depth-limited, cycle-safe).
//!
//! It never fails on a bad operator: a malformed operand is skipped, as a
//! viewer would. Work is bounded by a glyph budget.

use rustc_hash::FxHashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::lexer::{Lexer, Operand};
use super::streams::Inflater;

/// An affine matrix `[a b c d e f]` in PDF's row-vector convention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix([f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`: the matrix that applies self first.
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `translate(tx, 0).then(self)`, the text matrix moved along by `tx`
    /// after a glyph or a kerning step, working out only the two numbers
    /// that change (the others come out of that product as they were).
    fn advanced(&self, tx: f32) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        Matrix([a, b, c, d, tx * a + e, tx * b + f])
    }

    /// Length of the transformed x unit vector (horizontal scale).
    fn x_scale(&self) -> f32 {
        self.0[0].hypot(self.0[1])
    }

    /// Length of the transformed y unit vector (vertical scale).
    fn y_scale(&self) -> f32 {
        self.0[2].hypot(self.0[3])
    }
}

/// One operator with its operands, as the lexer gives them.
struct Op<'o, 'a> {
    operator: &'a [u8],
    operands: &'o [Operand<'a>],
}

/// An RGB colour with components in 0..=1.
pub type Rgb = [f32; 3];

/// One glyph as placed on the page (device space, y up).
#[derive(Debug, Clone)]
pub struct PlacedGlyph {
    /// Shared with the font's table: placing a glyph allocates nothing.
    pub text: Rc<str>,
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in device space.
    pub size: f32,
    pub bold: bool,
    /// Fill colour; `None` when painted with a pattern or unknown space.
    pub colour: Option<Rgb>,
    /// Fill alpha from the ExtGState (`ca`).
    pub alpha: f32,
    pub render_mode: i64,
    /// Painting order on the page, shared with [`PaintedArea::order`].
    pub order: u32,
}

/// A filled shape or an image, for what lies beneath text.
#[derive(Debug, Clone)]
pub struct PaintedArea {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// `None` for an image (colour unknown).
    pub colour: Option<Rgb>,
    pub order: u32,
}

impl PaintedArea {
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// What a page's content streams drew.
#[derive(Debug, Default)]
pub struct PageDrawing {
    pub glyphs: Vec<PlacedGlyph>,
    pub areas: Vec<PaintedArea>,
    /// The glyph budget ran out: the rest of the page was skipped.
    pub truncated: bool,
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    fill: Option<Rgb>,
    fill_alpha: f32,
    font: Option<Rc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    render_mode: i64,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: Matrix::IDENTITY,
            fill: Some([0.0, 0.0, 0.0]),
            fill_alpha: 1.0,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render_mode: 0,
        }
    }
}

/// Limits the interpreter works within.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Glyphs placed on one page before the rest is skipped.
    pub max_glyphs: usize,
    /// Bytes any stream may decompress to.
    pub max_stream_bytes: usize,
}

/// Glyphs a page's list has room for before it grows.
const GLYPH_ROOM: usize = 1024;
const MAX_FORM_DEPTH: usize = 12;
const MAX_STATE_DEPTH: usize = 256;
const MAX_AREAS: usize = 20_000;

/// Fonts shared across pages, keyed by the font dictionary's object id.
#[derive(Default)]
pub struct FontCache {
    by_id: FxHashMap<ObjectId, Rc<Font>>,
    /// Fonts defined inline in a resource dictionary (no object id).
    by_name: FxHashMap<Vec<u8>, Rc<Font>>,
}

impl FontCache {
    /// Names of fonts with codes that could not be mapped to text.
    pub fn unmapped_font_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .by_id
            .values()
            .chain(self.by_name.values())
            .filter(|f| f.has_unmapped)
            .map(|f| f.name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

pub struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    inflater: &'a mut Inflater,
    budget: Budget,
    out: PageDrawing,
    order: u32,
    form_stack: Vec<ObjectId>,
    /// Hex strings' bytes, decoded here one string at a time.
    hex_bytes: Vec<u8>,
}

impl<'a> Interpreter<'a> {
    pub fn new(
        doc: &'a Document,
        fonts: &'a mut FontCache,
        inflater: &'a mut Inflater,
        budget: Budget,
    ) -> Self {
        Interpreter {
            doc,
            fonts,
            inflater,
            budget,
            out: PageDrawing::default(),
            order: 0,
            form_stack: Vec::new(),
            hex_bytes: Vec::new(),
        }
    }

    /// Interpret a page's (already concatenated and decompressed) content.
    /// `room` is an earlier page's drawing, whose buffers are emptied and
    /// reused: a page places thousands of glyphs, and growing a list from
    /// nothing to hold them copied it over and over.
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: &Dictionary,
        room: PageDrawing,
    ) -> PageDrawing {
        let PageDrawing {
            mut glyphs,
            mut areas,
            ..
        } = room;
        glyphs.clear();
        areas.clear();
        // A resume page places from a few hundred to a few thousand glyphs,
        // at most one per content byte: start with room for the usual page.
        glyphs.reserve(content.len().min(GLYPH_ROOM));
        self.out = PageDrawing {
            glyphs,
            areas,
            truncated: false,
        };
        self.run(content, resources, GraphicsState::default());
        self.out
    }

    fn run(&mut self, content: &[u8], resources: &Dictionary, initial: GraphicsState) {
        let mut state = initial;
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut text_matrix = Matrix::IDENTITY;
        let mut line_matrix = Matrix::IDENTITY;
        let mut path = PathBounds::default();

        let mut lexer = Lexer::new(content);
        while let Some((operator, operands)) = lexer.next() {
            if self.out.truncated {
                return;
            }
            let op = Op { operator, operands };
            let all_nums = numbers(operands);
            let nums = &all_nums[..operands.len().min(all_nums.len())];
            match operator {
                b"q" if stack.len() < MAX_STATE_DEPTH => stack.push(state.clone()),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix_from(nums) {
                        state.ctm = m.then(&state.ctm);
                    }
                }
                b"gs" => self.apply_ext_gstate(&op, resources, &mut state),
                // Fill colour. Operand count tells the space: 1 gray,
                // 3 RGB, 4 CMYK; a pattern name leaves the colour unknown.
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => state.fill = colour_from(&op, nums),
                b"cs" => state.fill = initial_colour(&op),
                b"BT" => {
                    text_matrix = Matrix::IDENTITY;
                    line_matrix = Matrix::IDENTITY;
                }
                b"Tf" => {
                    if let (Some(Operand::Name(name)), Some(size)) =
                        (op.operands.first(), nums.get(1).copied().flatten())
                    {
                        state.font = Some(self.font(resources, name));
                        state.font_size = size;
                    }
                }
                b"Tc" => set(&mut state.char_spacing, nums),
                b"Tw" => set(&mut state.word_spacing, nums),
                b"Tz" => {
                    if let Some(Some(z)) = nums.first() {
                        state.horizontal_scale = z / 100.0;
                    }
                }
                b"TL" => set(&mut state.leading, nums),
                b"Ts" => set(&mut state.rise, nums),
                b"Tr" => {
                    if let Some(Some(mode)) = nums.first() {
                        state.render_mode = *mode as i64;
                    }
                }
                b"Td" | b"TD" => {
                    if let (Some(Some(tx)), Some(Some(ty))) = (nums.first(), nums.get(1)) {
                        if op.operator == b"TD" {
                            state.leading = -ty;
                        }
                        line_matrix = Matrix::translate(*tx, *ty).then(&line_matrix);
                        text_matrix = line_matrix;
                    }
                }
                b"Tm" => {
                    if let Some(m) = matrix_from(nums) {
                        line_matrix = m;
                        text_matrix = m;
                    }
                }
                b"T*" => {
                    line_matrix = Matrix::translate(0.0, -state.leading).then(&line_matrix);
                    text_matrix = line_matrix;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op.operator == b"\"" {
                        set(&mut state.word_spacing, nums);
                        if let Some(Some(ac)) = nums.get(1) {
                            state.char_spacing = *ac;
                        }
                    }
                    if op.operator != b"Tj" && op.operator != b"TJ" {
                        line_matrix = Matrix::translate(0.0, -state.leading).then(&line_matrix);
                        text_matrix = line_matrix;
                    }
                    self.show_text(&op, &state, &mut text_matrix);
                }
                // Path construction: only the bounds matter here.
                b"m" | b"l" => path.add_points(&state.ctm, nums, 2),
                b"c" => path.add_points(&state.ctm, nums, 6),
                b"v" | b"y" => path.add_points(&state.ctm, nums, 4),
                b"re" => path.add_rect(&state.ctm, nums),
                b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    if let Some(area) = path.take(state.fill, self.next_order()) {
                        self.push_area(area);
                    }
                }
                b"n" | b"S" | b"s" => path = PathBounds::default(),
                b"Do" => {
                    if let Some(Operand::Name(name)) = op.operands.first() {
                        self.draw_xobject(name, resources, &state);
                    }
                }
                // An inline image: it covers the unit square under the CTM.
                b"BI" | b"EI" => {
                    let area = unit_square(&state.ctm, None, self.next_order());
                    self.push_area(area);
                }
                _ => {}
            }
        }
    }

    fn next_order(&mut self) -> u32 {
        self.order += 1;
        self.order
    }

    fn push_area(&mut self, area: PaintedArea) {
        if self.out.areas.len() < MAX_AREAS {
            self.out.areas.push(area);
        }
    }

    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Rc<Font> {
        let fonts = resources
            .get_deref(b"Font", self.doc)
            .and_then(Object::as_dict)
            .ok();
        let entry = fonts.and_then(|f| f.get(name).ok());
        let limit = self.budget.max_stream_bytes;
        match entry {
            Some(Object::Reference(id)) => {
                if let Some(font) = self.fonts.by_id.get(id) {
                    return font.clone();
                }
                let font = match self.doc.get_dictionary(*id) {
                    Ok(dict) => Font::load(self.doc, dict, limit, self.inflater),
                    Err(_) => Font::missing(&String::from_utf8_lossy(name)),
                };
                let font = Rc::new(font);
                self.fonts.by_id.insert(*id, font.clone());
                font
            }
            Some(Object::Dictionary(dict)) => self
                .fonts
                .by_name
                .entry(name.to_vec())
                .or_insert_with(|| Rc::new(Font::load(self.doc, dict, limit, self.inflater)))
                .clone(),
            _ => self
                .fonts
                .by_name
                .entry(name.to_vec())
                .or_insert_with(|| Rc::new(Font::missing(&String::from_utf8_lossy(name))))
                .clone(),
        }
    }

    fn apply_ext_gstate(&self, op: &Op, resources: &Dictionary, state: &mut GraphicsState) {
        let Some(Operand::Name(name)) = op.operands.first() else {
            return;
        };
        let gstate = resources
            .get_deref(b"ExtGState", self.doc)
            .and_then(Object::as_dict)
            .and_then(|d| d.get_deref(name, self.doc))
            .and_then(Object::as_dict);
        if let Ok(alpha) = gstate.and_then(|g| g.get(b"ca")).and_then(Object::as_float) {
            state.fill_alpha = alpha.clamp(0.0, 1.0);
        }
    }

    fn show_text(&mut self, op: &Op, state: &GraphicsState, text_matrix: &mut Matrix) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let items: &[Operand] = match op.operator {
            b"TJ" => match op.operands.first() {
                Some(Operand::Array(items)) => items,
                _ => return,
            },
            b"\"" => op.operands.get(2..3).unwrap_or(&[]),
            _ => op.operands.get(..1).unwrap_or(&[]),
        };
        let size = state.font_size;
        let h_scale = state.horizontal_scale;
        // Showing text only moves the text matrix along: its scale and
        // slant, and so the device scales, stay as they are for the whole
        // operator. Measured once, not per glyph.
        let device = text_matrix.then(&state.ctm);
        let (x_scale, y_scale) = (device.x_scale(), device.y_scale());
        // A glyph's origin is `translate(0, rise)` in text space carried to
        // the device: the rise's share of it is the same for every glyph.
        let [_, _, c, d, _, _] = device.0;
        let (rise_x, rise_y) = (state.rise * c, state.rise * d);
        let mut hex_bytes = std::mem::take(&mut self.hex_bytes);
        for item in items {
            match item {
                Operand::String(_) | Operand::HexString(_) => {
                    let bytes = item.string_bytes(&mut hex_bytes).unwrap_or_default();
                    font.decode(self.doc, bytes, |code| {
                        if self.out.glyphs.len() >= self.budget.max_glyphs {
                            self.out.truncated = true;
                            return;
                        }
                        let (device_x, device_y) =
                            state.ctm.apply(text_matrix.0[4], text_matrix.0[5]);
                        let (x0, y) = (rise_x + device_x, rise_y + device_y);
                        let advance = code.width * font.width_scale * size;
                        let glyph_width = advance * h_scale * x_scale;
                        let order = self.next_order();
                        self.out.glyphs.push(PlacedGlyph {
                            text: code.text.clone(),
                            x0,
                            x1: x0 + glyph_width,
                            y,
                            size: size * y_scale,
                            bold: font.bold,
                            colour: state.fill,
                            alpha: state.fill_alpha,
                            render_mode: state.render_mode,
                            order,
                        });
                        let spacing = state.char_spacing
                            + if code.is_space_code {
                                state.word_spacing
                            } else {
                                0.0
                            };
                        let tx = (advance + spacing) * h_scale;
                        *text_matrix = text_matrix.advanced(tx);
                    });
                }
                Operand::Number(adjust) => {
                    let tx = -adjust / 1000.0 * size * h_scale;
                    *text_matrix = text_matrix.advanced(tx);
                }
                _ => {}
            }
        }
        self.hex_bytes = hex_bytes;
    }

    fn draw_xobject(&mut self, name: &[u8], resources: &Dictionary, state: &GraphicsState) {
        let Some((id, stream)) = resources
            .get_deref(b"XObject", self.doc)
            .and_then(Object::as_dict)
            .ok()
            .and_then(|x| x.get(name).ok())
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(id, o)| o.as_stream().ok().map(|s| (id, s)))
        else {
            return;
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Image" {
            let area = unit_square(&state.ctm, None, self.next_order());
            self.push_area(area);
            return;
        }
        if subtype != b"Form" || self.form_stack.len() >= MAX_FORM_DEPTH {
            return;
        }
        // A form that draws itself (directly or through others) would
        // recurse forever.
        if let Some(id) = id {
            if self.form_stack.contains(&id) {
                return;
            }
            self.form_stack.push(id);
        }
        // An unfiltered form comes back as it is.
        let Ok(content) = self.inflater.decoded(stream, self.budget.max_stream_bytes) else {
            if id.is_some() {
                self.form_stack.pop();
            }
            return;
        };
        let form_resources = stream
            .dict
            .get_deref(b"Resources", self.doc)
            .and_then(Object::as_dict)
            .unwrap_or(resources)
            .clone();
        let mut inner = state.clone();
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| matrix_from(&a.iter().map(|o| o.as_float().ok()).collect::<Vec<_>>()))
        {
            inner.ctm = m.then(&state.ctm);
        }
        self.run(&content, &form_resources, inner);
        if id.is_some() {
            self.form_stack.pop();
        }
    }
}

/// The device-space bounding box of the path under construction.
#[derive(Debug, Default)]
struct PathBounds {
    bounds: Option<[f32; 4]>,
}

impl PathBounds {
    fn add(&mut self, x: f32, y: f32) {
        let b = self.bounds.get_or_insert([x, y, x, y]);
        b[0] = b[0].min(x);
        b[1] = b[1].min(y);
        b[2] = b[2].max(x);
        b[3] = b[3].max(y);
    }

    /// The first `count` numbers as (x, y) pairs; an operand that is no
    /// number is passed over, as before pairing.
    fn add_points(&mut self, ctm: &Matrix, nums: &[Option<f32>], count: usize) {
        let mut values = nums.iter().take(count).filter_map(|n| *n);
        while let (Some(x), Some(y)) = (values.next(), values.next()) {
            let (x, y) = ctm.apply(x, y);
            self.add(x, y);
        }
    }

    fn add_rect(&mut self, ctm: &Matrix, nums: &[Option<f32>]) {
        if let [Some(x), Some(y), Some(w), Some(h)] = nums[..nums.len().min(4)] {
            for (px, py) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                let (dx, dy) = ctm.apply(px, py);
                self.add(dx, dy);
            }
        }
    }

    fn take(&mut self, colour: Option<Rgb>, order: u32) -> Option<PaintedArea> {
        let [x0, y0, x1, y1] = self.bounds.take()?;
        Some(PaintedArea {
            x0,
            y0,
            x1,
            y1,
            colour,
            order,
        })
    }
}

fn unit_square(ctm: &Matrix, colour: Option<Rgb>, order: u32) -> PaintedArea {
    let mut path = PathBounds::default();
    path.add_rect(ctm, &[Some(0.0), Some(0.0), Some(1.0), Some(1.0)]);
    path.take(colour, order).expect("a rectangle has bounds")
}

/// The numeric operands of an operator (the first six, which is all any
/// operator the interpreter reads takes), without allocating.
fn numbers(operands: &[Operand]) -> [Option<f32>; 6] {
    let mut out = [None; 6];
    for (slot, operand) in out.iter_mut().zip(operands) {
        *slot = operand.number();
    }
    out
}

fn set(target: &mut f32, nums: &[Option<f32>]) {
    if let Some(Some(v)) = nums.first() {
        *target = *v;
    }
}

fn matrix_from(nums: &[Option<f32>]) -> Option<Matrix> {
    if nums.len() < 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, n) in m.iter_mut().zip(nums) {
        *slot = (*n)?;
    }
    m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
}

fn colour_from(op: &Op, nums: &[Option<f32>]) -> Option<Rgb> {
    // A pattern (`/P0 scn`) has a name operand: its colour is unknown.
    if op.operands.iter().any(|o| matches!(o, Operand::Name(_))) {
        return None;
    }
    let v = |i: usize| nums[i].unwrap_or(0.0).clamp(0.0, 1.0);
    match nums.len() {
        1 => Some([v(0); 3]),
        3 => Some([v(0), v(1), v(2)]),
        4 => {
            let k = 1.0 - v(3);
            Some([(1.0 - v(0)) * k, (1.0 - v(1)) * k, (1.0 - v(2)) * k])
        }
        _ => None,
    }
}

/// Setting a colour space resets the fill to that space's initial colour,
/// which is black for the device spaces and unknown for patterns.
fn initial_colour(op: &Op) -> Option<Rgb> {
    match op.operands.first() {
        Some(Operand::Name(n)) if n.as_ref() == b"Pattern" => None,
        _ => Some([0.0, 0.0, 0.0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift.
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    #[test]
    fn advancing_is_a_translation_first() {
        for m in [
            Matrix::IDENTITY,
            Matrix([10.5, 0.0, 0.0, 10.5, 72.0, 700.25]),
            Matrix([0.0, 9.0, -9.0, 0.0, 300.0, 40.0]),
            Matrix([1.2, 0.3, -0.45, 0.9, -15.5, 612.0]),
        ] {
            for tx in [0.0, 2.5, -7.25, 1e-3] {
                assert_eq!(m.advanced(tx), Matrix::translate(tx, 0.0).then(&m));
            }
        }
    }

    #[test]
    fn cmyk_and_gray_become_rgb() {
        let zeros = vec![Operand::Number(0.0); 4];
        let op = Op {
            operator: b"k",
            operands: &zeros,
        };
        assert_eq!(
            colour_from(&op, &numbers(&zeros)[..4]),
            Some([1.0, 1.0, 1.0])
        );
        let half = vec![Operand::Number(0.5)];
        let op = Op {
            operator: b"g",
            operands: &half,
        };
        assert_eq!(
            colour_from(&op, &numbers(&half)[..1]),
            Some([0.5, 0.5, 0.5])
        );
    }
}
