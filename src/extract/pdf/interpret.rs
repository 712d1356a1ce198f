//! The content-stream interpreter: a page's drawing operators in, positioned
//! glyphs and painted areas out.
//!
//! It keeps the graphics state (CTM via q/Q/cm, fill and stroke colour in
//! their colour spaces, ExtGState fill alpha and soft mask, the clip's
//! bounds) and the text state (BT/ET, Tm, Td/TD/T*, Tc, Tw, Tz, TL, Ts, Tf,
//! Tr) and places every glyph of Tj/TJ/'/" in device space with its width
//! from the font, so the layout stage can rebuild words from real gaps
//! rather than from how the producer happened to split its strings. Filled
//! shapes (one area per subpath, cut to the clip), shadings and images are
//! recorded too, with their alpha: hidden-text detection compares a glyph's
//! colour with what is painted beneath it. Form XObjects are entered
//! recursively (depth-limited, cycle-safe).
//!
//! It never fails on a bad operator: a malformed operand is skipped, as a
//! viewer would. Work is bounded by a glyph budget.

use rustc_hash::FxHashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::colour::ColourSpace;
use super::font::Font;
use super::lexer::{Lexer, Operand, dictionary_value};
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
    /// The colour its render mode paints it in (fill, or stroke for
    /// outlined text); `None` when that cannot be told (a pattern, a space
    /// that cannot be evaluated, fill and stroke differing, a soft mask).
    pub colour: Option<Rgb>,
    /// Fill alpha from the ExtGState (`ca`).
    pub alpha: f32,
    pub render_mode: i64,
    /// Painted outside the clip: the layout cut it off.
    pub clipped: bool,
    /// Painting order on the page, shared with [`PaintedArea::order`].
    pub order: u32,
}

/// A filled shape, a shading or an image, for what lies beneath text.
#[derive(Debug, Clone)]
pub struct PaintedArea {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// `None` for artwork whose colour is not one colour: an image, a
    /// shading, a pattern, anything painted through a soft mask.
    pub colour: Option<Rgb>,
    /// Fill alpha: a translucent band lets what is beneath show through.
    pub alpha: f32,
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
    fill_space: Rc<ColourSpace>,
    stroke: Option<Rgb>,
    stroke_space: Rc<ColourSpace>,
    fill_alpha: f32,
    /// A soft mask (ExtGState /SMask) shapes what is painted: its colour
    /// and coverage cannot be told from the painting operators alone.
    soft_mask: bool,
    /// The clip's device-space bounds; `None` is the whole page.
    clip: Option<[f32; 4]>,
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
            fill_space: Rc::new(ColourSpace::Gray),
            stroke: Some([0.0, 0.0, 0.0]),
            stroke_space: Rc::new(ColourSpace::Gray),
            fill_alpha: 1.0,
            soft_mask: false,
            clip: None,
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
        // `W`/`W*` make the path the clip once it is painted (or `n`).
        let mut clip_next = false;
        // Open marked-content sequences: the text of those with an
        // /ActualText, and the first glyph placed inside them.
        let mut marked: Vec<Option<(Rc<str>, usize)>> = Vec::new();

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
                // Colours. The device operators name their space; `sc`
                // and `scn` read their numbers in the space `cs` set.
                b"g" | b"rg" | b"k" => {
                    state.fill_space = device_space(operator);
                    state.fill = with_numbers(nums, |v| state.fill_space.to_rgb(v));
                }
                b"G" | b"RG" | b"K" => {
                    state.stroke_space = device_space(operator);
                    state.stroke = with_numbers(nums, |v| state.stroke_space.to_rgb(v));
                }
                b"sc" | b"scn" => state.fill = colour_from(&op, nums, &state.fill_space),
                b"SC" | b"SCN" => state.stroke = colour_from(&op, nums, &state.stroke_space),
                b"cs" | b"CS" => {
                    let space = match op.operands.first() {
                        Some(Operand::Name(name)) => {
                            Rc::new(ColourSpace::named(self.doc, resources, name))
                        }
                        _ => Rc::new(ColourSpace::Unknown(0)),
                    };
                    let initial = space.initial();
                    if operator == b"cs" {
                        (state.fill_space, state.fill) = (space, initial);
                    } else {
                        (state.stroke_space, state.stroke) = (space, initial);
                    }
                }
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
                // Path construction: only the bounds of each subpath
                // matter here.
                b"m" => {
                    path.close_subpath();
                    path.add_points(&state.ctm, nums, 2);
                }
                b"l" => path.add_points(&state.ctm, nums, 2),
                b"c" => path.add_points(&state.ctm, nums, 6),
                b"v" | b"y" => path.add_points(&state.ctm, nums, 4),
                b"re" => path.add_rect(&state.ctm, nums),
                b"W" | b"W*" => clip_next = true,
                b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" | b"S" | b"s" => {
                    path.close_subpath();
                    if matches!(operator, b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*") {
                        self.fill_path(&path, &state);
                    }
                    if std::mem::take(&mut clip_next) {
                        state.clip = intersect(state.clip, path.bounds());
                    }
                    path.clear();
                }
                // A shading fills the whole clip.
                b"sh" => {
                    let bounds = state
                        .clip
                        .unwrap_or([f32::MIN, f32::MIN, f32::MAX, f32::MAX]);
                    let order = self.next_order();
                    self.push_area(PaintedArea::new(bounds, None, 1.0, order));
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = op.operands.first() {
                        self.draw_xobject(name, resources, &state);
                    }
                }
                // An inline image: it covers the unit square under the CTM.
                b"BI" | b"EI" => self.paint_image(&state),
                b"BMC" | b"BDC" if marked.len() < MAX_STATE_DEPTH => {
                    let text = (operator == b"BDC")
                        .then(|| self.actual_text(operands.get(1), resources))
                        .flatten();
                    marked.push(text.map(|text| (text, self.out.glyphs.len())));
                }
                b"EMC" => {
                    if let Some(Some((text, first))) = marked.pop() {
                        self.replace_with_actual_text(first, text);
                    }
                }
                _ => {}
            }
        }
    }

    /// The /ActualText of a marked-content sequence's properties, written
    /// inline or named in the resources' /Properties.
    fn actual_text(&self, properties: Option<&Operand>, resources: &Dictionary) -> Option<Rc<str>> {
        let text = match properties? {
            // Most sequences are tagged content (`<</MCID 3>>`): a look
            // for the key's bytes saves reading their entries.
            Operand::Dictionary(bytes) if crate::extract::find(bytes, b"/ActualText").is_none() => {
                return None;
            }
            Operand::Dictionary(bytes) => {
                let mut scratch = Vec::new();
                let value = dictionary_value(bytes, b"ActualText")?;
                value.string_bytes(&mut scratch)?.to_vec()
            }
            Operand::Name(name) => resources
                .get_deref(b"Properties", self.doc)
                .and_then(Object::as_dict)
                .and_then(|p| p.get_deref(name, self.doc))
                .and_then(Object::as_dict)
                .and_then(|p| p.get_deref(b"ActualText", self.doc))
                .and_then(Object::as_str)
                .ok()?
                .to_vec(),
            _ => return None,
        };
        let text = lopdf::decode_text_string(&Object::string_literal(text)).ok()?;
        Some(Rc::from(text))
    }

    /// A sequence with an /ActualText reads as that text, whatever glyphs
    /// it painted: producers use it where a glyph's own mapping is wrong or
    /// missing (Chrome/Skia maps alternate digit glyphs to U+0000 in
    /// ToUnicode and gives each digit its ActualText). As poppler does, the
    /// text takes the place of the glyphs painted inside the sequence, over
    /// the span they covered; a sequence that painted none adds nothing.
    fn replace_with_actual_text(&mut self, first: usize, text: Rc<str>) {
        let glyphs = &mut self.out.glyphs;
        let Some(placed) = glyphs.get(first..) else {
            return;
        };
        if placed.is_empty() {
            return;
        }
        let x0 = placed
            .iter()
            .map(|g| g.x0.min(g.x1))
            .fold(f32::MAX, f32::min);
        let x1 = placed
            .iter()
            .map(|g| g.x0.max(g.x1))
            .fold(f32::MIN, f32::max);
        if text.is_empty() {
            glyphs.truncate(first);
            return;
        }
        glyphs.truncate(first + 1);
        let glyph = &mut glyphs[first];
        glyph.text = text;
        (glyph.x0, glyph.x1) = (x0, x1);
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

    /// Record a filled path: one area per subpath, cut to the clip. A path
    /// is often several shapes (a table's borders, a row of icons, the
    /// letters of a word set as outlines) whose joint bounds cover text
    /// that none of them is under. A subpath inside another is a hole (a
    /// letter's counter, a frame's opening) and is not paint; and the outer
    /// edge of a frame around a hole large enough to hold text is not a
    /// background for that text.
    fn fill_path(&mut self, path: &PathBounds, state: &GraphicsState) {
        let colour = if state.soft_mask { None } else { state.fill };
        let order = self.next_order();
        let subpaths = &path.subpaths;
        let check = subpaths.len() > 1 && subpaths.len() <= MAX_NESTING_CHECK;
        for (i, b) in subpaths.iter().enumerate() {
            let others = || {
                subpaths
                    .iter()
                    .enumerate()
                    .filter(move |&(j, o)| j != i && has_area(o))
                    .map(|(_, o)| o)
            };
            let hole = check && others().any(|o| encloses(o, b));
            let frame = check && others().any(|o| encloses(b, o) && holds_text(o));
            if hole || frame {
                continue;
            }
            if let Some(bounds) = intersect(state.clip, Some(*b)) {
                self.push_area(PaintedArea::new(bounds, colour, state.fill_alpha, order));
            }
        }
    }

    /// An image covers the unit square under the CTM, cut to the clip.
    fn paint_image(&mut self, state: &GraphicsState) {
        let mut square = PathBounds::default();
        square.add_rect(&state.ctm, &[Some(0.0), Some(0.0), Some(1.0), Some(1.0)]);
        let order = self.next_order();
        if let Some(bounds) = intersect(state.clip, square.bounds()) {
            self.push_area(PaintedArea::new(bounds, None, state.fill_alpha, order));
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
        let Ok(gstate) = gstate else {
            return;
        };
        if let Ok(alpha) = gstate.get(b"ca").and_then(Object::as_float) {
            state.fill_alpha = alpha.clamp(0.0, 1.0);
        }
        if let Ok(mask) = gstate.get(b"SMask") {
            state.soft_mask = !matches!(mask, Object::Name(n) if n == b"None");
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
        let colour = glyph_colour(state);
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
                        // Clipped only when none of its body (baseline to
                        // x-height) shows: a line cut across by a page's
                        // edge still reads; the tips of ascenders poking
                        // out of an overflowing box do not.
                        let clipped = state.clip.is_some_and(|[cx0, cy0, cx1, cy1]| {
                            let top = y + 0.5 * size * y_scale;
                            x0.max(x0 + glyph_width) < cx0
                                || x0.min(x0 + glyph_width) > cx1
                                || y.max(top) < cy0
                                || y.min(top) > cy1
                        });
                        self.out.glyphs.push(PlacedGlyph {
                            text: code.text.clone(),
                            x0,
                            x1: x0 + glyph_width,
                            y,
                            size: size * y_scale,
                            bold: font.bold,
                            colour,
                            alpha: state.fill_alpha,
                            render_mode: state.render_mode,
                            clipped,
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
            self.paint_image(state);
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

/// The device-space bounds of each subpath of the path under construction.
#[derive(Debug, Default)]
struct PathBounds {
    subpaths: Vec<[f32; 4]>,
    current: Option<[f32; 4]>,
}

/// Paths with more subpaths than this (text set as outlines, a drawing)
/// skip the search for frames and holes, which compares every pair.
const MAX_NESTING_CHECK: usize = 32;

impl PathBounds {
    fn add(&mut self, x: f32, y: f32) {
        let b = self.current.get_or_insert([x, y, x, y]);
        b[0] = b[0].min(x);
        b[1] = b[1].min(y);
        b[2] = b[2].max(x);
        b[3] = b[3].max(y);
    }

    /// End the subpath under construction (`m` starts the next).
    fn close_subpath(&mut self) {
        if let Some(b) = self.current.take() {
            self.subpaths.push(b);
        }
    }

    fn clear(&mut self) {
        self.subpaths.clear();
        self.current = None;
    }

    /// The bounds of the whole path.
    fn bounds(&self) -> Option<[f32; 4]> {
        self.subpaths
            .iter()
            .chain(&self.current)
            .copied()
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            })
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

    /// A rectangle is a closed subpath of its own.
    fn add_rect(&mut self, ctm: &Matrix, nums: &[Option<f32>]) {
        if let [Some(x), Some(y), Some(w), Some(h)] = nums[..nums.len().min(4)] {
            self.close_subpath();
            for (px, py) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                let (dx, dy) = ctm.apply(px, py);
                self.add(dx, dy);
            }
            self.close_subpath();
        }
    }
}

impl PaintedArea {
    fn new([x0, y0, x1, y1]: [f32; 4], colour: Option<Rgb>, alpha: f32, order: u32) -> Self {
        PaintedArea {
            x0,
            y0,
            x1,
            y1,
            colour,
            alpha,
            order,
        }
    }
}

/// Whether box `outer` holds box `inner` whole (and is not the same box:
/// producers repeat a subpath, and a box does not frame itself).
fn encloses(outer: &[f32; 4], inner: &[f32; 4]) -> bool {
    outer != inner
        && outer[0] <= inner[0]
        && outer[1] <= inner[1]
        && outer[2] >= inner[2]
        && outer[3] >= inner[3]
}

/// A subpath of a single point or a line covers nothing (producers start
/// paths with a stray `m`).
fn has_area(b: &[f32; 4]) -> bool {
    b[2] - b[0] > 0.5 && b[3] - b[1] > 0.5
}

/// A hole as wide and tall as a line of text, not a letter's counter.
fn holds_text(b: &[f32; 4]) -> bool {
    b[2] - b[0] >= 12.0 && b[3] - b[1] >= 12.0
}

/// Two boxes' overlap, `None` standing for the whole page on the left and
/// for "nothing" in the result; a box cut away entirely is `None`.
fn intersect(clip: Option<[f32; 4]>, b: Option<[f32; 4]>) -> Option<[f32; 4]> {
    let b = b?;
    let Some(c) = clip else {
        return Some(b);
    };
    let out = [
        b[0].max(c[0]),
        b[1].max(c[1]),
        b[2].min(c[2]),
        b[3].min(c[3]),
    ];
    (out[0] <= out[2] && out[1] <= out[3]).then_some(out)
}

/// The colour text is painted in under this state's render mode: the fill
/// colour, the stroke colour for outlined text, and nothing certain when
/// both paint and differ, or a soft mask shapes the paint.
fn glyph_colour(state: &GraphicsState) -> Option<Rgb> {
    if state.soft_mask {
        return None;
    }
    match state.render_mode {
        1 | 5 => state.stroke,
        2 | 6 if state.fill != state.stroke => None,
        _ => state.fill,
    }
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

/// The colour `sc`/`scn` (or `SC`/`SCN`) set in `space`. A pattern
/// (`/P0 scn`) has a name operand: its colour is unknown. In a space that
/// cannot be read the count of numbers decides, as for the device spaces.
fn colour_from(op: &Op, nums: &[Option<f32>], space: &ColourSpace) -> Option<Rgb> {
    if op.operands.iter().any(|o| matches!(o, Operand::Name(_))) {
        return None;
    }
    with_numbers(nums, |values| {
        if space.is_known() {
            return space.to_rgb(values);
        }
        match values.len() {
            1 => ColourSpace::Gray.to_rgb(values),
            3 => ColourSpace::Rgb.to_rgb(values),
            4 => ColourSpace::Cmyk.to_rgb(values),
            _ => None,
        }
    })
}

/// The space a device colour operator (`g`, `rg`, `k` and their stroking
/// forms) names.
fn device_space(operator: &[u8]) -> Rc<ColourSpace> {
    Rc::new(match operator {
        b"g" | b"G" => ColourSpace::Gray,
        b"rg" | b"RG" => ColourSpace::Rgb,
        _ => ColourSpace::Cmyk,
    })
}

/// `f` of the leading operands that are numbers (at most six, as
/// [`numbers`] reads), without allocating.
fn with_numbers<T>(nums: &[Option<f32>], f: impl FnOnce(&[f32]) -> T) -> T {
    let mut values = [0.0; 6];
    let mut count = 0;
    for (slot, v) in values.iter_mut().zip(nums.iter().map_while(|n| *n)) {
        *slot = v;
        count += 1;
    }
    f(&values[..count])
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
        let unread = ColourSpace::Unknown(0);
        assert_eq!(
            colour_from(&op, &numbers(&zeros)[..4], &unread),
            Some([1.0, 1.0, 1.0])
        );
        let half = vec![Operand::Number(0.5)];
        let op = Op {
            operator: b"g",
            operands: &half,
        };
        assert_eq!(
            colour_from(&op, &numbers(&half)[..1], &unread),
            Some([0.5, 0.5, 0.5])
        );
    }
}
