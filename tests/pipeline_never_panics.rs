//! The whole pipeline — extract, segment, detect, classify — never panics,
//! whatever the resume holds. Seeds are the shipped fixtures (PDF and DOCX
//! made by real producers, and their Markdown sources); mutations are byte
//! flips, truncations and splices of the files, and for the text stages,
//! edits that stress line structure: dates, dashes, bullets, wide
//! characters, lines cut, joined and duplicated. Each case is one in-process
//! assessment; the number of cases is fixed, so the test's time is bounded.
//!
//! Regression: a date range wrapped over two lines once gave a span that
//! belonged to the joined form of a line, and slicing the line by it
//! panicked in segmentation.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use levelscan::assess::assess;
use levelscan::extract::{Limits, extract_bytes};
use levelscan::rubric::{Rubric, load_default};
use proptest::prelude::*;

fn rubric() -> &'static Rubric {
    static R: OnceLock<Rubric> = OnceLock::new();
    R.get_or_init(|| load_default().expect("default rubric loads"))
}

fn fixture_files(folder: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// (bytes, extension) of every rendered fixture.
fn seeds() -> &'static [(Vec<u8>, &'static str)] {
    static S: OnceLock<Vec<(Vec<u8>, &'static str)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut out = Vec::new();
        for (folder, ext) in [("pdf", "pdf"), ("docx", "docx")] {
            for f in fixture_files(folder, ext) {
                out.push((std::fs::read(f).unwrap(), ext));
            }
        }
        out
    })
}

fn texts() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| {
        fixture_files("resumes", "md")
            .into_iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect()
    })
}

/// Extract and, when there is text, assess: a panic anywhere fails.
fn run(bytes: &[u8], ext: &str) {
    if let Ok(doc) = extract_bytes(bytes, ext, &Limits::default()) {
        let _ = assess(&doc, rubric());
    }
}

/// Pieces that stress the text stages.
const PIECES: &[&str] = &[
    "2019",
    "– Present",
    "Jan 2020 – ",
    "2018-20",
    "’17",
    "03/2021",
    "2019.03",
    " — ",
    "•",
    "\u{00AD}",
    "Senior ",
    "Engineer",
    "@",
    "|",
    ",",
    "\n",
    "\n\n",
    "\n• ",
    "(",
    ")",
    "Experience\n",
    "Skills:",
    "ß",
    "é",
    "😀",
    "\t",
    "  ",
    "-",
    "2024-2025",
    "Sept ’17 – now",
    "10+ years",
    "p99",
    "28K RPS",
    "Staff",
    "Education\n",
    "Present\n",
    "2of3\n2015 -\nnow\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_never_panic_anywhere_in_the_pipeline(
        seed in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..16),
        cut in any::<prop::sample::Index>(),
        splice in proptest::option::of((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<prop::sample::Index>())),
    ) {
        let seeds = seeds();
        let (original, ext) = &seeds[seed.index(seeds.len())];
        let mut bytes = original.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Some((other, from, to)) = splice {
            // A run of another fixture's bytes, spliced in.
            let (donor, _) = &seeds[other.index(seeds.len())];
            let start = from.index(donor.len());
            let end = (start + 4096).min(donor.len());
            let at = to.index(bytes.len());
            bytes.splice(at..at, donor[start..end].iter().copied());
        }
        let keep = cut.index(bytes.len() + 1).max(bytes.len() * 3 / 4);
        bytes.truncate(keep);
        run(&bytes, ext);
    }

    #[test]
    fn edited_text_never_panics_in_segmentation_detection_or_classification(
        seed in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..4), 1..40),
    ) {
        let texts = texts();
        let mut text: Vec<char> = texts[seed.index(texts.len())].chars().collect();
        for (at, piece, op) in edits {
            let i = at.index(text.len() + 1);
            match op {
                // Insert a piece.
                0 | 1 => {
                    let p = PIECES[piece.index(PIECES.len())];
                    text.splice(i..i, p.chars());
                }
                // Delete a short run.
                2 => {
                    let end = (i + piece.index(12)).min(text.len());
                    text.drain(i..end);
                }
                // Duplicate a short run (a line repeated, a word doubled).
                _ => {
                    let end = (i + piece.index(40)).min(text.len());
                    let copy: Vec<char> = text[i..end].to_vec();
                    text.splice(i..i, copy);
                }
            }
        }
        let text: String = text.into_iter().collect();
        run(text.as_bytes(), "md");
    }
}
