//! Print every glyph of a PDF page as placed: page, x0, x1, baseline, size
//! and text, one a line — for looking at how a producer spaces its words.
//!
//! Usage: cargo run --release --example glyphs -- FILE.pdf [PAGE]
use levelscan::extract::Limits;
use levelscan::extract::pdf::glyph_verdicts;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: glyphs FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let page: Option<u32> = args.get(2).and_then(|p| p.parse().ok());
    let bytes = std::fs::read(path).expect("readable file");
    let glyphs = glyph_verdicts(&bytes, &Limits::default()).expect("a PDF levelscan reads");
    for g in glyphs.iter().filter(|g| page.is_none_or(|p| p == g.page)) {
        println!(
            "{} {:8.2} {:8.2} {:8.2} {:5.2} {:?}",
            g.page,
            g.bbox[0],
            g.bbox[2],
            g.bbox[1],
            g.bbox[3] - g.bbox[1],
            g.text
        );
    }
}
