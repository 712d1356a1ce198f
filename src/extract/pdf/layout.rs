//! Layout: a page's visible glyphs in, text lines in reading order out.
//!
//! 1. Glyphs on one baseline are gathered and sorted by x; a space is put
//!    where the gap between two glyphs is wider than the line's usual
//!    letter gap by 0.1 em — so words neither merge
//!    ("SummaryBackend") nor split ("b uilding"), whatever the producer did
//!    with its strings and kerning.
//! 2. A wide gap on a baseline splits it into segments (a sidebar and the
//!    main column share baselines but are separate text).
//! 3. Columns are found by a vertical gutter that no segment crosses where
//!    both sides have text (an XY-cut); text spanning the gutter above or
//!    below (a name banner, a footer) is read before or after. The columns
//!    end at the nearest spanning text above and below them: a date set in
//!    the margin above each full-width role line is not part of a column
//!    found lower down the page (an education table), but is read in its
//!    row between the lines it sits between. A narrow
//!    column of isolated labels aligned with the lines beside it (dates in
//!    a CV class's margin) is not a column: those rows are read across.
//! 4. Reading order: columns of even width are read left to right (text
//!    flowing across them); otherwise the main column (the most text)
//!    first with the banner above and footer below it, then the others
//!    left to right, so a sidebar never comes between.
//!
//! It never reorders text within a line and never drops visible text.

use super::interpret::PlacedGlyph;

/// A line of one column, before clean-up.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidLine {
    pub text: String,
    pub column: u32,
    /// Set larger or bolder than the page's body text.
    pub emphasised: bool,
}

/// A run of glyphs on one baseline with no wide gap inside.
#[derive(Debug, Clone)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    glyphs: usize,
    bold_glyphs: usize,
    /// The side of a gutter it is on, when it lies above or below the
    /// columns that gutter separates (a label in a margin, "Employment" or
    /// "Since 2023"): read in its row, yet never glued to text from the
    /// other side or across the gutter.
    margin: Option<Side>,
}

/// Lay out one page. Returns the lines and the number of columns found.
pub fn lay_out(glyphs: &[&PlacedGlyph]) -> (Vec<LaidLine>, u32) {
    if glyphs.is_empty() {
        return (Vec::new(), 0);
    }
    let body = body_style(glyphs);
    let segments = segments(glyphs);
    let mut columns: Vec<Vec<Segment>> = Vec::new();
    let mut before = Vec::new();
    let mut after: Vec<Segment> = Vec::new();
    split_columns(segments, &mut columns, &mut before, &mut after);

    // Columns of even width hold text that flows from one to the next
    // (a two-column layout): read left to right. Otherwise one is a
    // sidebar: the main column — the one with the most text — is read
    // first, with the spanning text above and below it.
    let widths: Vec<f32> = columns.iter().map(|c| column_width(c)).collect();
    let narrowest = widths.iter().copied().fold(f32::MAX, f32::min);
    let widest = widths.iter().copied().fold(0.0, f32::max);
    let flowing = columns.len() > 1 && widest <= 1.25 * narrowest;
    let main = if flowing {
        0
    } else {
        (0..columns.len())
            .max_by_key(|&i| {
                (
                    columns[i].iter().map(|s| s.glyphs).sum::<usize>(),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(0)
    };
    let mut ordered: Vec<(u32, Vec<Segment>)> = Vec::new();
    let mut main_segments = before;
    if let Some(col) = columns.get(main) {
        main_segments.extend(col.iter().cloned());
    }
    // A column of labels left of the main one, on its rows (section names
    // or role titles and dates beside each entry), is read in those rows:
    // each label as a line of its own, before the text it sits beside.
    let labels: Vec<bool> = (0..columns.len())
        .map(|i| !flowing && i != main && labels_beside(&columns[i], &columns[main]))
        .collect();
    for (i, col) in columns.iter().enumerate() {
        if labels[i] {
            main_segments.extend(col.iter().cloned().map(|mut s| {
                s.margin = Some(Side::Left);
                s
            }));
        }
    }
    if !flowing {
        main_segments.append(&mut after);
    }
    ordered.push((0, main_segments));
    let mut next_id = 1;
    for (i, col) in columns.into_iter().enumerate() {
        if i != main && !labels[i] {
            ordered.push((next_id, col));
            next_id += 1;
        }
    }
    // Text below flowing columns follows the last of them.
    if let Some(last) = ordered.last_mut() {
        last.1.extend(after);
    }
    let column_count = ordered.iter().filter(|(_, s)| !s.is_empty()).count() as u32;
    let mut lines = Vec::new();
    for (column, segs) in ordered {
        for_each_row(segs, |row| {
            // A heading set in a margin beside the first line of its
            // section ("Employment" beside the first job's title) is a
            // line of its own.
            if let [label, rest @ ..] = row
                && is_heading_beside(label, rest)
            {
                lines.push(row_to_line(std::slice::from_ref(label), column, &body));
                lines.push(row_to_line(rest, column, &body));
                return;
            }
            // Margin text beside a row is a line of its own: each run of
            // segments from one side of a gutter, or from neither, is a
            // line, left to right.
            let mut rest = row;
            while !rest.is_empty() {
                let run = first_run(rest, |a, b| a.margin == b.margin);
                let (line, after) = rest.split_at(run);
                lines.push(row_to_line(line, column, &body));
                rest = after;
            }
        });
    }
    (lines, column_count.max(1))
}

/// The smallest share of a label column's lines on the main column's
/// baselines.
const MIN_LABELS_ON_ROWS: f32 = 0.7;

/// Whether `labels` is a column of labels for `main`'s rows: narrower than
/// half of it, wholly left of it, and most of its lines on its baselines. A sidebar beside the work sets its own lines, on
/// baselines of its own.
fn labels_beside(labels: &[Segment], main: &[Segment]) -> bool {
    let (Some(label_right), Some(main_left)) = (
        labels.iter().map(|s| s.x1).max_by(f32::total_cmp),
        main.iter().map(|s| s.x0).min_by(f32::total_cmp),
    ) else {
        return false;
    };
    if label_right > main_left || column_width(labels) > 0.5 * column_width(main) {
        return false;
    }
    let (mut label_lines, mut main_lines) = (Vec::new(), Vec::new());
    baselines_of(&labels.iter().collect::<Vec<_>>(), &mut label_lines);
    baselines_of(&main.iter().collect::<Vec<_>>(), &mut main_lines);
    aligned_share(&label_lines, &main_lines) >= MIN_LABELS_ON_ROWS
}

/// The most words a heading set beside its section's first line holds.
const MAX_HEADING_WORDS: usize = 4;

/// A row's first segment is a heading of its own when it is a few words set
/// larger than all the text beside it on its baseline.
fn is_heading_beside(label: &Segment, rest: &[Segment]) -> bool {
    !rest.is_empty()
        && label.text.split_whitespace().count() <= MAX_HEADING_WORDS
        && rest.iter().all(|s| label.size >= 1.15 * s.size)
}

fn column_width(segments: &[Segment]) -> f32 {
    let x0 = segments.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let x1 = segments.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    (x1 - x0).max(0.0)
}

/// The body text's size and weight: what most glyphs on the page use.
struct BodyStyle {
    size: f32,
    mostly_bold: bool,
}

fn body_style(glyphs: &[&PlacedGlyph]) -> BodyStyle {
    // A page uses a handful of sizes: they are counted in a short list kept
    // in order, rather than found by sorting every glyph's.
    let mut counts: Vec<(u32, f32, usize)> = Vec::new();
    for glyph in glyphs {
        // `+ 0.0` makes -0 and 0 one size, as `==` has them.
        let size = round_tenth(glyph.size) + 0.0;
        let key = ordered_bits(size);
        match counts.binary_search_by_key(&key, |&(k, _, _)| k) {
            Ok(at) => counts[at].2 += 1,
            Err(at) => counts.insert(at, (key, size, 1)),
        }
    }
    // The most frequent size, ties to the smaller.
    let mut body = (0.0, 0);
    for &(_, size, count) in &counts {
        if count > body.1 {
            body = (size, count);
        }
    }
    let bold = glyphs.iter().filter(|g| g.bold).count();
    BodyStyle {
        size: body.0,
        mostly_bold: bold * 2 > glyphs.len(),
    }
}

fn round_tenth(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// Group glyphs into baselines, then split each baseline at wide gaps.
fn segments(glyphs: &[&PlacedGlyph]) -> Vec<Segment> {
    // Space characters are not trusted: producers shrink them to nothing
    // with word spacing (groff's "Envo y") or leave them out and move the
    // pen instead (TeX). Words come from the gaps alone.
    // Baseline top to bottom, then left to right; painting order breaks
    // ties so the result never depends on sort stability. The keys are
    // copied out beside each glyph: a page's thousands of glyphs sort
    // without reading each glyph again at every comparison.
    let mut sorted: Vec<(u32, u32, u32, &PlacedGlyph)> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| (!ordered_bits(g.y), ordered_bits(g.x0), g.order, *g))
        .collect();
    // Producers mostly paint in reading order: the stable sort takes the
    // runs already in order as they are, where the unstable one sorted
    // them again (the keys are unique, so both give the same order).
    sorted.sort_by_key(|&(y, x, order, _)| (y, x, order));
    let mut out = Vec::new();
    // Buffers reused from one baseline to the next.
    let mut keyed: Vec<(u32, u32, &PlacedGlyph)> = Vec::new();
    let mut line: Vec<&PlacedGlyph> = Vec::new();
    let mut gaps: Vec<f32> = Vec::new();
    let mut rest = &sorted[..];
    while !rest.is_empty() {
        let length = first_run(rest, |&(_, _, _, a), &(_, _, _, b)| same_baseline(a, b));
        let (baseline, after) = rest.split_at(length);
        keyed.clear();
        keyed.extend(baseline.iter().map(|&(_, x, order, g)| (x, order, g)));
        keyed.sort_by_key(|&(x, order, _)| (x, order));
        line.clear();
        line.extend(keyed.iter().map(|&(_, _, g)| g));
        remove_overprints(&mut line);
        split_baseline(&line, &mut gaps, &mut out);
        rest = after;
    }
    out
}

/// A key that orders as `f32::total_cmp` orders the numbers: negative
/// numbers' bits are flipped, positive numbers' sign bit set.
fn ordered_bits(v: f32) -> u32 {
    let bits = v.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

fn same_baseline(a: &PlacedGlyph, b: &PlacedGlyph) -> bool {
    on_one_baseline((a.y, a.size), (b.y, b.size))
}

/// How many of `items` open them on the first one's line: the run of
/// items that `same` puts with the first.
fn first_run<T>(items: &[T], same: impl Fn(&T, &T) -> bool) -> usize {
    match items.first() {
        Some(first) => items
            .iter()
            .position(|item| !same(first, item))
            .unwrap_or(items.len()),
        None => 0,
    }
}

/// Two pieces of text, each given as (baseline, size), sit on one baseline
/// when they are closer than a third of the smaller size.
fn on_one_baseline((y, size): (f32, f32), (other_y, other_size): (f32, f32)) -> bool {
    (y - other_y).abs() <= 0.3 * size.min(other_size).max(1.0)
}

/// Fake bold and shadows print a glyph twice at almost the same spot.
fn remove_overprints(line: &mut Vec<&PlacedGlyph>) {
    line.dedup_by(|b, a| a.text == b.text && (a.x0 - b.x0).abs() < 0.25 * a.size.max(1.0) * 0.2);
}

/// The gap (in points) between two glyphs on a baseline.
fn gap(a: &PlacedGlyph, b: &PlacedGlyph) -> f32 {
    b.x0 - a.x1
}

/// Split one baseline's glyphs (sorted by x) at wide gaps, onto `out`;
/// `gaps` is a buffer the caller reuses.
fn split_baseline(line: &[&PlacedGlyph], gaps: &mut Vec<f32>, out: &mut Vec<Segment>) {
    // Letter gaps in this line: usually ~0, larger in letter-spaced headings.
    gaps.clear();
    gaps.extend(line.windows(2).map(|w| gap(w[0], w[1])));
    let line_gap = usual_gap(gaps);
    // Each piece of text between wide gaps, with the glyph gaps inside it.
    let mut start = 0;
    for end in 1..=line.len() {
        let wide = end < line.len() && {
            let (a, b) = (line[end - 1], line[end]);
            gap(a, b) > segment_gap(a.size.max(b.size))
        };
        if end == line.len() || wide {
            let piece = &line[start..end];
            // A piece set letter-spaced ("G O L A N G" in a skills bar)
            // beside a column of ordinary text on the same baseline: every
            // gap inside it is wider than the line's letter gap, and its
            // narrowest is its own letter gap. A piece too short to tell
            // takes the line's.
            let narrowest = piece
                .windows(2)
                .map(|w| gap(w[0], w[1]))
                .fold(f32::MAX, f32::min);
            let letter_gap = if piece.len() > MIN_OWN_GAPS {
                line_gap.max(narrowest)
            } else {
                line_gap
            };
            if let Some(segment) = segment_of(piece, letter_gap) {
                out.push(segment);
            }
            start = end;
        }
    }
}

/// Glyph gaps a piece of a baseline needs to have a letter gap of its own.
const MIN_OWN_GAPS: usize = 3;

/// The usual letter gap among a line's `gaps` (reordered): the one a third
/// of the way up, as sorting would place it.
fn usual_gap(gaps: &mut [f32]) -> f32 {
    if gaps.is_empty() {
        return 0.0;
    }
    let third = gaps.len() / 3;
    gaps.select_nth_unstable_by(third, f32::total_cmp)
        .1
        .max(0.0)
}

/// One segment from glyphs with no wide gap between them, a space where a
/// gap exceeds the letter gap by a word space; `None` for nothing but
/// spaces.
fn segment_of(glyphs: &[&PlacedGlyph], letter_gap: f32) -> Option<Segment> {
    let first = glyphs.first()?;
    let mut seg = Segment {
        x0: first.x0,
        x1: first.x1,
        y: first.y,
        size: first.size,
        text: String::new(),
        glyphs: 0,
        bold_glyphs: 0,
        margin: None,
    };
    let mut prev: Option<&PlacedGlyph> = None;
    for &g in glyphs {
        if let Some(p) = prev
            && gap(p, g) > letter_gap + WORD_GAP * p.size.max(g.size)
        {
            seg.text.push(' ');
        }
        seg.text.push_str(&g.text);
        seg.x1 = seg.x1.max(g.x1);
        seg.size = seg.size.max(g.size);
        if !g.text.trim().is_empty() {
            seg.glyphs += 1;
            seg.bold_glyphs += usize::from(g.bold);
        }
        prev = Some(g);
    }
    (!seg.text.trim().is_empty()).then_some(seg)
}

/// A gap this much wider than the line's usual letter gap (in ems) is a
/// word space. Interword space is about 0.25 em and shrinks in justified
/// text: TeX sets a tight line's spaces at 0.13–0.15 em (Source Sans,
/// Computer Modern), which 0.15 glued into one 100-letter word. Kerning
/// moves letters by well under 0.1 em; pdftotext breaks words at 0.1 em
/// too.
const WORD_GAP: f32 = 0.1;

/// A gap this wide on one baseline separates two pieces of text (columns,
/// or a right-aligned date), not two words.
fn segment_gap(size: f32) -> f32 {
    1.5 * size.max(4.0)
}

/// Distinct baselines of a set of segments, top to bottom, into `ys`.
fn baselines_of(segs: &[&Segment], ys: &mut Vec<f32>) {
    ys.clear();
    ys.extend(segs.iter().map(|s| s.y));
    ys.sort_unstable_by(|a, b| b.total_cmp(a));
    ys.dedup_by(|b, a| (*a - *b).abs() < 1.0);
}

/// Recursive XY-cut over segments: vertical gutters first.
fn split_columns(
    segs: Vec<Segment>,
    columns: &mut Vec<Vec<Segment>>,
    before: &mut Vec<Segment>,
    after: &mut Vec<Segment>,
) {
    match find_gutter(&segs) {
        Some(cut) => {
            let (left, right, spanning) = partition(segs, cut);
            let top = left
                .iter()
                .chain(&right)
                .map(|s| s.y)
                .fold(f32::MIN, f32::max);
            for s in spanning {
                if s.y > top {
                    before.push(s);
                } else {
                    after.push(s);
                }
            }
            // Each side may hold further columns; spanning text found
            // inside a side stays with that side.
            for side in [left, right] {
                let mut inner_before = Vec::new();
                let mut inner_after = Vec::new();
                let start = columns.len();
                split_columns(side, columns, &mut inner_before, &mut inner_after);
                if let Some(first) = columns.get_mut(start) {
                    let mut merged = inner_before;
                    merged.append(first);
                    merged.extend(inner_after);
                    *first = merged;
                }
            }
        }
        None => columns.push(segs),
    }
}

/// A vertical gutter from x `left` to x `right`, holding between baselines
/// `floor` and `ceiling` (exclusive): the columns it separates stop at the
/// nearest text running across it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cut {
    left: f32,
    right: f32,
    floor: f32,
    ceiling: f32,
}

/// Where a segment lies against a cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Across,
}

fn side_of(segment: &Segment, cut: Cut) -> Side {
    if segment.y <= cut.floor || segment.y >= cut.ceiling {
        // Above or below the columns, past text that runs across: read in
        // its row with that text, whichever side of the gutter it is on.
        Side::Across
    } else if segment.x1 <= cut.left + 0.5 {
        Side::Left
    } else if segment.x0 >= cut.right - 0.5 {
        Side::Right
    } else {
        Side::Across
    }
}

/// Left of, right of, and across a cut.
fn partition(segs: Vec<Segment>, cut: Cut) -> (Vec<Segment>, Vec<Segment>, Vec<Segment>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut spanning = Vec::new();
    let full_height = Cut {
        floor: f32::MIN,
        ceiling: f32::MAX,
        ..cut
    };
    for mut s in segs {
        match side_of(&s, cut) {
            Side::Left => left.push(s),
            Side::Right => right.push(s),
            Side::Across => {
                let side = side_of(&s, full_height);
                if side != Side::Across {
                    s.margin = Some(side);
                }
                spanning.push(s);
            }
        }
    }
    (left, right, spanning)
}

/// The fewest lines a column holds on each side of a gutter.
const MIN_LINES: usize = 3;

/// The largest share of one side's lines on the other side's baselines for
/// a band between text across the gutter to be two columns.
const MAX_SHARED_ROWS: f32 = 0.5;

/// The best vertical gutter: a gap in x that splits the text into two
/// sides, each with at least three lines, side by side over a vertical
/// range that no other text crosses.
fn find_gutter(segs: &[Segment]) -> Option<Cut> {
    const MIN_GUTTER: f32 = 6.0;
    let mut edges: Vec<f32> = segs.iter().map(|s| s.x1).collect();
    edges.sort_unstable_by(f32::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < 0.5);

    // Cuts whose columns no text across interrupts come first: a band
    // between text across is taken only where no such cut exists.
    let mut best: Option<(Cut, (bool, i64))> = None;
    // Buffers reused from one candidate cut to the next.
    let (mut left, mut right, mut spanning) = (Vec::new(), Vec::new(), Vec::new());
    let (mut left_lines, mut right_lines) = (Vec::new(), Vec::new());
    let mut across = Vec::new();
    for &edge in &edges {
        // The gutter runs from this right edge to the nearest left edge
        // beyond it.
        let Some(next_left) = segs
            .iter()
            .map(|s| s.x0)
            .filter(|&x| x >= edge + MIN_GUTTER)
            .min_by(f32::total_cmp)
        else {
            continue;
        };
        let mut cut = Cut {
            left: edge,
            right: next_left,
            floor: f32::MIN,
            ceiling: f32::MAX,
        };
        sort_sides(segs, cut, [&mut left, &mut right, &mut spanning]);
        // Every segment on either side of the gutter, the page's height
        // over: the score below weighs the cut by it, so a cut is chosen
        // as if its columns ran the whole page, whatever they are cut to.
        let sided = left.len() + right.len();
        baselines_of(&left, &mut left_lines);
        baselines_of(&right, &mut right_lines);
        if left_lines.len() < MIN_LINES || right_lines.len() < MIN_LINES {
            continue;
        }
        // Text running across the gutter cuts the page into bands: the
        // columns are the band with the most lines on both sides, and end
        // at the nearest text across above and below it. A contact block
        // beside the name runs across the gutter above a sidebar; a
        // heading or footer across both columns ends them.
        let interrupted = {
            let top = left_lines[0].min(right_lines[0]);
            let bottom = left_lines[left_lines.len() - 1].max(right_lines[right_lines.len() - 1]);
            spanning
                .iter()
                .any(|s| s.y <= top + 0.5 && s.y >= bottom - 0.5)
        };
        across.clear();
        across.extend(spanning.iter().map(|s| s.y));
        let Some((ceiling, floor)) = best_band(&left_lines, &right_lines, &mut across) else {
            continue;
        };
        let (page_left, page_right) = (left_lines.len(), right_lines.len());
        cut.ceiling = ceiling;
        cut.floor = floor;
        if cut.ceiling < f32::MAX || cut.floor > f32::MIN {
            sort_sides(segs, cut, [&mut left, &mut right, &mut spanning]);
            baselines_of(&left, &mut left_lines);
            baselines_of(&right, &mut right_lines);
            if left_lines.len() < MIN_LINES || right_lines.len() < MIN_LINES {
                continue;
            }
        }
        // The vertical range where both sides have text.
        let top = left_lines[0].min(right_lines[0]);
        let bottom = left_lines[left_lines.len() - 1].max(right_lines[right_lines.len() - 1]);
        if top <= bottom {
            continue;
        }
        if is_label_margin(&left_lines, &right_lines) || is_label_margin(&right_lines, &left_lines)
        {
            continue;
        }
        if rows_align(&left_lines, &right_lines) {
            continue;
        }
        // Where text across the gutter runs between the sides' lines, the
        // band is columns only when each side is set on baselines of its
        // own (a sidebar beside the work history). Sides sharing their rows
        // are one text: roles with their dates and places at the right
        // margin, between bullets that run across.
        // Such a band also holds most of each side's lines: a few rows
        // between two runs of text across are no columns.
        if interrupted
            && (aligned_share(&left_lines, &right_lines) >= MAX_SHARED_ROWS
                || aligned_share(&right_lines, &left_lines) >= MAX_SHARED_ROWS
                || 2 * left_lines.len() < page_left
                || 2 * right_lines.len() < page_right)
        {
            continue;
        }
        // Prefer the cut whose sides stand side by side: text beside the
        // other column counts for it, text of one side above or below the
        // other (a banner wrongly given to one side) against it.
        let beside = left
            .iter()
            .chain(&right)
            .filter(|s| s.y <= top + 0.5 && s.y >= bottom - 0.5)
            .count() as i64;
        let outside = sided as i64 - beside;
        let score = (!interrupted, 2 * beside - outside);
        if best.is_none_or(|(_, n)| score > n) {
            best = Some((cut, score));
        }
    }
    best.map(|(cut, _)| cut)
}

/// Of the bands that the baselines `across` (text running across a
/// gutter; sorted here) cut the page into, the one with the most lines on
/// both sides, each side at least `MIN_LINES`: its ceiling and floor
/// (exclusive; `f32::MAX` and `f32::MIN` where no text bounds it). Lines
/// on a baseline of text across belong to no band.
fn best_band(left: &[f32], right: &[f32], across: &mut Vec<f32>) -> Option<(f32, f32)> {
    across.sort_unstable_by(|a, b| b.total_cmp(a));
    across.dedup();
    // Lines per band, left and right: band k lies below across[k - 1] and
    // above across[k].
    let band_of = |y: f32| {
        let k = across.partition_point(|&a| a > y);
        (across.get(k) != Some(&y)).then_some(k)
    };
    let mut best: Option<(usize, usize)> = None;
    // Bands holding lines of both sides are few: walk the left side's
    // bands and count each once.
    let mut k_done = usize::MAX;
    for &y in left {
        let Some(k) = band_of(y) else { continue };
        if k == k_done {
            continue;
        }
        k_done = k;
        let count = |lines: &[f32]| lines.iter().filter(|&&l| band_of(l) == Some(k)).count();
        let (l, r) = (count(left), count(right));
        if l >= MIN_LINES && r >= MIN_LINES && best.is_none_or(|(_, n)| l + r > n) {
            best = Some((k, l + r));
        }
    }
    let (k, _) = best?;
    let ceiling = if k == 0 { f32::MAX } else { across[k - 1] };
    let floor = across.get(k).copied().unwrap_or(f32::MIN);
    Some((ceiling, floor))
}

/// Sort segments into `[left, right, spanning]` of a cut (buffers the
/// caller reuses).
fn sort_sides<'a>(
    segs: &'a [Segment],
    cut: Cut,
    [left, right, spanning]: [&mut Vec<&'a Segment>; 3],
) {
    left.clear();
    right.clear();
    spanning.clear();
    for s in segs {
        match side_of(s, cut) {
            Side::Left => left.push(s),
            Side::Right => right.push(s),
            Side::Across => spanning.push(s),
        }
    }
}

fn aligned_share(lines: &[f32], other: &[f32]) -> f32 {
    let aligned = lines
        .iter()
        .filter(|y| other.iter().any(|o| (*o - **y).abs() < 1.0))
        .count();
    aligned as f32 / lines.len().max(1) as f32
}

/// Labels in a margin (dates beside each entry of a CV class): nearly every
/// label shares a baseline with text beside it, and the labels stand apart
/// from one another, far sparser than the lines of the text they label.
fn is_label_margin(labels: &[f32], text: &[f32]) -> bool {
    if aligned_share(labels, text) < 0.7 {
        return false;
    }
    let spacing = |ys: &[f32]| -> f32 {
        let mut d: Vec<f32> = ys.windows(2).map(|w| w[0] - w[1]).collect();
        d.sort_unstable_by(f32::total_cmp);
        d.get(d.len() / 2).copied().unwrap_or(f32::MAX)
    };
    spacing(labels) > 1.8 * spacing(text)
}

/// A table read across: both sides share nearly every baseline (a list of
/// "role … dates" rows), so the text belongs together row by row.
fn rows_align(left: &[f32], right: &[f32]) -> bool {
    aligned_share(left, right) >= 0.85 && aligned_share(right, left) >= 0.85
}

/// A column's segments grouped into rows (same baseline), handed to `each`
/// top to bottom, each row sorted left to right.
fn for_each_row(mut segs: Vec<Segment>, mut each: impl FnMut(&[Segment])) {
    segs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut rest = &mut segs[..];
    while !rest.is_empty() {
        let length = first_run(rest, |a, b| on_one_baseline((a.y, a.size), (b.y, b.size)));
        let (row, after) = rest.split_at_mut(length);
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        each(row);
        rest = after;
    }
}

fn row_to_line(row: &[Segment], column: u32, body: &BodyStyle) -> LaidLine {
    let mut text = String::with_capacity(row.iter().map(|s| s.text.len() + 1).sum());
    for (i, segment) in row.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(segment.text.trim());
    }
    let glyphs: usize = row.iter().map(|s| s.glyphs).sum();
    let bold: usize = row.iter().map(|s| s.bold_glyphs).sum();
    let size = row.iter().map(|s| s.size).fold(0.0, f32::max);
    let words = text.split_whitespace().count();
    let larger = size >= body.size * 1.15;
    let bolder = !body.mostly_bold && glyphs > 0 && bold * 10 >= glyphs * 9;
    LaidLine {
        text,
        column,
        emphasised: words <= 8 && (larger || bolder),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordered_bits_order_as_total_cmp() {
        let values = [
            f32::NEG_INFINITY,
            -1e30,
            -612.5,
            -1.0,
            -f32::MIN_POSITIVE,
            -0.0,
            0.0,
            f32::MIN_POSITIVE,
            0.25,
            1.0,
            792.0,
            1e30,
            f32::INFINITY,
        ];
        for a in values {
            for b in values {
                assert_eq!(
                    ordered_bits(a).cmp(&ordered_bits(b)),
                    a.total_cmp(&b),
                    "{a} vs {b}"
                );
            }
        }
    }

    use super::*;

    /// Glyphs for `text` starting at x on baseline y, 5 pt per character.
    fn word(text: &str, x: f32, y: f32) -> Vec<PlacedGlyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| PlacedGlyph {
                text: c.to_string().into(),
                x0: x + 5.0 * i as f32,
                x1: x + 5.0 * i as f32 + 5.0,
                y,
                size: 10.0,
                bold: false,
                colour: Some([0.0; 3]),
                alpha: 1.0,
                render_mode: 0,
                clipped: false,
                order: (y * 1000.0 + x) as u32 + i as u32,
            })
            .collect()
    }

    fn texts(glyphs: &[PlacedGlyph]) -> Vec<(String, u32)> {
        let refs: Vec<&PlacedGlyph> = glyphs.iter().collect();
        lay_out(&refs)
            .0
            .into_iter()
            .map(|l| (l.text, l.column))
            .collect()
    }

    /// The body size is the most frequent rounded size, ties to the
    /// smaller, as sorting every glyph's size and counting runs finds it.
    #[test]
    fn the_body_size_is_the_most_frequent_ties_to_the_smaller() {
        let by_sorting = |sizes: &[f32]| -> f32 {
            let mut sorted: Vec<f32> = sizes.iter().map(|&s| round_tenth(s)).collect();
            sorted.sort_unstable_by(f32::total_cmp);
            let (mut best, mut run) = ((0, sorted[0]), (0, sorted[0]));
            for &s in &sorted {
                run = if s == run.1 {
                    (run.0 + 1, run.1)
                } else {
                    (1, s)
                };
                if run.0 > best.0 {
                    best = run;
                }
            }
            best.1
        };
        let mut seed = 7u32;
        let mut cases: Vec<Vec<f32>> = vec![
            vec![10.0, 12.0, 12.0, 10.0],
            vec![11.04, 11.0, 9.96, 10.0],
            vec![-0.0, 0.0, 3.0, 3.0],
            vec![-0.0, -0.0, 0.0, 5.0, 5.0, 5.0],
        ];
        for length in 1..200 {
            cases.push(
                (0..length)
                    .map(|_| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        6.0 + (seed >> 16) as f32 % 90.0 / 10.0
                    })
                    .collect(),
            );
        }
        for sizes in cases {
            let glyphs: Vec<PlacedGlyph> = sizes
                .iter()
                .map(|&size| PlacedGlyph {
                    size,
                    ..word("a", 0.0, 0.0).remove(0)
                })
                .collect();
            let refs: Vec<&PlacedGlyph> = glyphs.iter().collect();
            let expected = by_sorting(&sizes);
            let found = body_style(&refs).size;
            assert!(found == expected, "{sizes:?}: {found} for {expected}");
        }
    }

    #[test]
    fn words_come_from_gaps_not_strings() {
        let mut g = word("Summary", 10.0, 700.0);
        g.extend(word("Backend", 10.0 + 35.0 + 3.0, 700.0));
        g.extend(word("building", 10.0, 680.0));
        assert_eq!(
            texts(&g),
            vec![("Summary Backend".into(), 0), ("building".into(), 0)]
        );
    }

    #[test]
    fn a_sidebar_never_interleaves_with_the_main_column() {
        let mut g = Vec::new();
        // Sidebar on the left at x 20..80, main column at x 200.., same
        // baselines — the hardest case.
        for (i, y) in [700.0, 686.0, 672.0, 658.0].iter().enumerate() {
            g.extend(word(&format!("skill{i}"), 20.0, *y));
            g.extend(word(&format!("main{i}text"), 200.0, *y));
        }
        g.extend(word("mainlast", 200.0, 644.0));
        let lines = texts(&g);
        let main: Vec<&str> = lines
            .iter()
            .filter(|(_, c)| *c == 0)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            main,
            [
                "main0text",
                "main1text",
                "main2text",
                "main3text",
                "mainlast"
            ]
        );
        assert!(
            lines
                .iter()
                .all(|(t, c)| t.starts_with("skill") == (*c == 1))
        );
    }

    #[test]
    fn a_banner_above_columns_is_read_first() {
        // The banner runs across the gutter, as a name banner does.
        let mut g = word("Name Surname of a long banner line", 150.0, 760.0);
        for (i, y) in [700.0, 690.0, 680.0].iter().enumerate() {
            g.extend(word(&format!("s{i}"), 20.0, *y));
        }
        for (i, y) in [705.0, 693.0, 681.0, 669.0].iter().enumerate() {
            g.extend(word(&format!("m{i}"), 300.0, *y));
        }
        let lines = texts(&g);
        assert_eq!(lines[0].0, "Name Surname of a long banner line");
        assert_eq!(lines[1].0, "m0");
    }

    #[test]
    fn even_columns_are_read_left_to_right() {
        let mut g = Vec::new();
        // Two columns of equal width; the right one holds more text.
        for (i, y) in [700.0, 686.0, 672.0].iter().enumerate() {
            g.extend(word(&format!("left{i}"), 20.0, *y));
        }
        for (i, y) in [700.0, 686.0, 672.0, 658.0].iter().enumerate() {
            g.extend(word(&format!("right{i}"), 200.0, *y));
        }
        let lines = texts(&g);
        assert_eq!(lines[0].0, "left0");
        assert_eq!(lines[3].0, "right0");
        assert_eq!(lines[3].1, 1);
    }

    #[test]
    fn margin_dates_are_read_across_their_rows() {
        let mut g = Vec::new();
        g.extend(word("2019-2023", 20.0, 700.0));
        g.extend(word("Senior Engineer", 120.0, 700.0));
        for (i, y) in [688.0, 676.0, 664.0].iter().enumerate() {
            g.extend(word(&format!("detail{i}"), 120.0, *y));
        }
        g.extend(word("2016-2019", 20.0, 640.0));
        g.extend(word("Engineer", 120.0, 640.0));
        g.extend(word("detailx", 120.0, 628.0));
        g.extend(word("2014-2016", 20.0, 600.0));
        g.extend(word("Intern", 120.0, 600.0));
        let lines = texts(&g);
        assert_eq!(lines[0].0, "2019-2023 Senior Engineer");
        assert!(lines.iter().all(|(_, c)| *c == 0));
    }

    /// Glyphs for `text` as `word` makes them, at a given size.
    fn sized(text: &str, x: f32, y: f32, size: f32) -> Vec<PlacedGlyph> {
        word(text, x, y)
            .into_iter()
            .map(|g| PlacedGlyph { size, ..g })
            .collect()
    }

    /// A LibreOffice CV: each role's dates sit in the margin on the line
    /// above its full-width title, and lower down an education table puts
    /// years beside degrees. The gutter the table makes does not run past
    /// the full-width lines above it: the margin dates are read in their
    /// rows, each before the role it dates, not gathered after the page.
    #[test]
    fn margin_dates_above_full_width_lines_are_read_in_their_rows() {
        let mut g = Vec::new();
        let mut y = 760.0;
        for (dates, title) in [
            ("Since 2023", "Founder and Manager, Lumen Atelier SARL."),
            ("2005-2023", "Founder and Manager, Portail Bleu SARL."),
            ("2001-2004", "Software Developer, Northgate Systems"),
        ] {
            g.extend(word(dates, 20.0, y));
            g.extend(word(title, 60.0, y - 12.0));
            g.extend(word(
                "Development of the portal in Python and C++.",
                60.0,
                y - 24.0,
            ));
            y -= 40.0;
        }
        g.extend(word("Education heading across", 20.0, y));
        for (i, (year, degree)) in [
            ("1997", "Engineering"),
            ("1994", "DUT"),
            ("1992", "Baccalaureat"),
        ]
        .iter()
        .enumerate()
        {
            let row = y - 14.0 - 24.0 * i as f32;
            g.extend(word(year, 20.0, row));
            g.extend(word(degree, 140.0, row));
            g.extend(word("school", 140.0, row - 12.0));
        }
        let lines = texts(&g);
        let order: Vec<&str> = lines.iter().map(|(t, _)| t.as_str()).collect();
        let at = |t: &str| {
            order
                .iter()
                .position(|l| *l == t)
                .unwrap_or_else(|| panic!("{t} in {order:?}"))
        };
        assert_eq!(
            at("Since 2023") + 1,
            at("Founder and Manager, Lumen Atelier SARL."),
            "{order:?}"
        );
        assert_eq!(
            at("2005-2023") + 1,
            at("Founder and Manager, Portail Bleu SARL."),
            "{order:?}"
        );
        assert_eq!(
            at("2001-2004") + 1,
            at("Software Developer, Northgate Systems"),
            "{order:?}"
        );
    }

    /// A section's name set larger in a margin beside its first line
    /// ("Employment" beside the first job's title) is a line of its own.
    #[test]
    fn a_larger_heading_beside_its_first_line_is_a_line_of_its_own() {
        let mut g = sized("Employment", 20.0, 700.0, 14.0);
        g.extend(word("Software Development Lead, Northwind", 200.0, 700.0));
        g.extend(word("2011-03 to 2013-01", 200.0, 688.0));
        let lines = texts(&g);
        assert_eq!(lines[0].0, "Employment");
        assert_eq!(lines[1].0, "Software Development Lead, Northwind");
    }
}
