//! Visibility verdicts checked against a render of the page: every run of
//! text levelscan judges visible shows ink on the page poppler draws, and
//! every run it judges hidden by colour, render mode, clip or a shape
//! painted over it shows none. A
//! visible line judged hidden is an accusation of keyword stuffing against
//! a real candidate, so the verdicts are checked against what a reader sees
//! rather than against another reading of the painting operators.
//!
//! Needs `pdftoppm` (poppler-utils); without it the test says so and
//! passes. `LEVELSCAN_RENDER_CHECK=DIR` checks the PDFs of another folder
//! as well (a corpus of real resumes kept outside the repository).

use std::path::{Path, PathBuf};
use std::process::Command;

use levelscan::document::HiddenReason;
use levelscan::extract::Limits;
use levelscan::extract::pdf::{GlyphVerdict, glyph_verdicts};

/// Render resolution: 110 dpi gives even a 2 pt-wide "i" a few pixels.
const DPI: f32 = 110.0;
/// The spread of gray levels inside a box above which it holds ink.
const INK: u8 = 32;

/// A rendered page: RGB, three bytes a pixel.
struct Render {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Render {
    /// The largest spread (max − min) of any colour channel inside a box
    /// given in PDF points (y up). Colour, not gray: red on dark gray is
    /// plain to a reader and nearly one gray level.
    fn spread(&self, page_box: [f32; 4], [x0, y0, x1, y1]: [f32; 4]) -> u8 {
        let scale = DPI / 72.0;
        let px = |x: f32| (((x - page_box[0]) * scale).round().max(0.0) as usize).min(self.width);
        let py = |y: f32| (((page_box[3] - y) * scale).round().max(0.0) as usize).min(self.height);
        let (c0, c1) = (px(x0), px(x1));
        let (r0, r1) = (py(y1), py(y0));
        let mut lo = [u8::MAX; 3];
        let mut hi = [0u8; 3];
        for row in r0..r1 {
            let line = &self.pixels[3 * (row * self.width + c0)..3 * (row * self.width + c1)];
            for pixel in line.chunks_exact(3) {
                for k in 0..3 {
                    lo[k] = lo[k].min(pixel[k]);
                    hi[k] = hi[k].max(pixel[k]);
                }
            }
        }
        (0..3)
            .map(|k| hi[k].saturating_sub(lo[k]))
            .max()
            .unwrap_or(0)
    }
}

fn read_ppm(path: &Path) -> Render {
    let bytes = std::fs::read(path).unwrap();
    // "P6\n<w> <h>\n255\n" then three bytes per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
    }
    let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Render {
        width,
        height,
        pixels: bytes[at + 1..at + 1 + 3 * width * height].to_vec(),
    }
}

fn have_pdftoppm() -> bool {
    Command::new("pdftoppm")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// Each page of a PDF rendered, in page order.
fn render(pdf: &Path, dir: &Path) -> Vec<Render> {
    let root = dir.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", &DPI.to_string()])
        .arg(pdf)
        .arg(&root)
        .status()
        .unwrap();
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ppm"))
        .collect();
    // pdftoppm pads page numbers to the width of the last one.
    pages.sort_by_key(|p| (p.as_os_str().len(), p.clone()));
    pages.iter().map(|p| read_ppm(p)).collect()
}

/// A run of glyphs painted one after another on one baseline with one
/// verdict.
struct Run {
    page: u32,
    text: String,
    bbox: [f32; 4],
    page_box: [f32; 4],
    hidden: Option<HiddenReason>,
}

fn runs(glyphs: &[GlyphVerdict]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for g in glyphs {
        let size = g.bbox[3] - g.bbox[1];
        let joins = out.last().is_some_and(|r| {
            r.page == g.page
                && r.hidden == g.hidden
                && (r.bbox[1] - g.bbox[1]).abs() < 0.3 * size
                && g.bbox[0] >= r.bbox[2] - 0.5 * size
                && g.bbox[0] <= r.bbox[2] + 2.0 * size
        });
        if joins {
            let r = out.last_mut().unwrap();
            r.text.push_str(&g.text);
            r.bbox[2] = r.bbox[2].max(g.bbox[2]);
            r.bbox[3] = r.bbox[3].max(g.bbox[3]);
        } else {
            out.push(Run {
                page: g.page,
                text: g.text.clone(),
                bbox: g.bbox,
                page_box: g.page_box,
                hidden: g.hidden,
            });
        }
    }
    out
}

/// The part of a run's box where its letters' ink lies: from just above
/// the baseline to about the x-height, inset from the ends.
fn ink_box(r: &Run) -> [f32; 4] {
    let size = r.bbox[3] - r.bbox[1];
    let inset = (0.1 * (r.bbox[2] - r.bbox[0])).min(0.3 * size);
    [
        r.bbox[0] + inset,
        r.bbox[1] + 0.1 * size,
        r.bbox[2] - inset,
        r.bbox[1] + 0.6 * size,
    ]
}

fn overlaps(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The verdicts of one PDF that the render contradicts.
fn contradictions(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap();
    let Ok(glyphs) = glyph_verdicts(&bytes, &Limits::default()) else {
        return Vec::new();
    };
    let dir = tempfile::tempdir().unwrap();
    let pages = render(pdf, dir.path());
    let runs = runs(&glyphs);
    let mut problems = Vec::new();
    for r in &runs {
        let letters = r.text.chars().filter(|c| c.is_alphanumeric()).count();
        let size = r.bbox[3] - r.bbox[1];
        let Some(page) = pages.get(r.page as usize - 1) else {
            continue;
        };
        if letters < 2 || size < 5.0 {
            continue;
        }
        let inside = r.bbox[0] >= r.page_box[0]
            && r.bbox[2] <= r.page_box[2]
            && r.bbox[1] >= r.page_box[1]
            && r.bbox[3] <= r.page_box[3];
        let spread = page.spread(r.page_box, ink_box(r));
        match r.hidden {
            None if inside && spread < INK => problems.push(format!(
                "p{} {:?}: judged visible, but the render shows no ink there",
                r.page, r.text
            )),
            Some(
                HiddenReason::SameColourAsBackground
                | HiddenReason::InvisibleRenderMode
                | HiddenReason::ClippedAway
                | HiddenReason::CoveredOver,
            ) if spread >= INK => {
                // Ink there may belong to visible text drawn on the same
                // spot (a shadow, a fake-bold copy).
                let covered = runs
                    .iter()
                    .any(|o| o.hidden.is_none() && o.page == r.page && overlaps(o.bbox, r.bbox));
                if !covered {
                    problems.push(format!(
                        "p{} {:?}: judged hidden ({:?}), but the render shows it",
                        r.page, r.text, r.hidden
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

#[test]
fn what_is_judged_visible_or_hidden_agrees_with_a_render() {
    if !have_pdftoppm() {
        eprintln!("skipped: pdftoppm (poppler-utils) is not installed, so no page can be rendered");
        return;
    }
    let mut files = pdfs_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf"));
    if let Some(extra) = std::env::var_os("LEVELSCAN_RENDER_CHECK") {
        files.extend(pdfs_in(Path::new(&extra)));
    }
    let mut report = Vec::new();
    for file in &files {
        for problem in contradictions(file) {
            report.push(format!("{}: {problem}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "{} verdicts the render contradicts:\n{}",
        report.len(),
        report.join("\n")
    );
}
