//! Extraction speed on the shipped fixtures, one thread, beside the tools a
//! reader would compare it with — measured in the same run, because these
//! machines are shared and noisy: the ratios are the result, the absolute
//! figures only context.
//!
//! Compared, per round over every fixture PDF and DOCX:
//! - levelscan's extraction (layout, fonts, hidden text, clean-up), alone
//!   and followed by the assessment;
//! - lopdf's own `Document::load_mem` + `extract_text` (the parser alone,
//!   with its word-merging text), PDFs only;
//! - the floor of `benches/throughput.sh`: lopdf loading each PDF and
//!   inflating its pages, nothing else. Every PDF-reading side is also
//!   given as a share of it, which shows how far any text extraction sits
//!   from a bare parse;
//! - poppler's `pdftotext` on the same PDFs, one process per file as a
//!   screener would run it — when it is installed.
//!
//! Run: `cargo bench --bench extract` (ROUNDS=N to change the 15 rounds).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use levelscan::extract::{Limits, extension_of, extract_bytes};
use levelscan::rubric::Rubric;

#[path = "support/floor.rs"]
mod floor;

fn fixture_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for dir in ["pdf", "docx"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for entry in entries.flatten() {
                let p = entry.path();
                if matches!(extension_of(&p).as_str(), "pdf" | "docx") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
}

/// Runs `work` once and adds its time to `times`.
fn timed(times: &mut Vec<Duration>, work: impl FnOnce()) {
    let start = Instant::now();
    work();
    times.push(start.elapsed());
}

/// levelscan's extraction of every file, and its assessment when a rubric
/// is given.
fn read_all(files: &[&(String, Vec<u8>)], limits: &Limits, rubric: Option<&Rubric>) {
    for (ext, bytes) in files {
        let doc = extract_bytes(bytes, ext, limits).ok();
        if let (Some(doc), Some(rubric)) = (&doc, rubric) {
            std::hint::black_box(levelscan::assess::assess(doc, rubric));
        }
        std::hint::black_box(doc);
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn rate(files: usize, time: Duration) -> f64 {
    files as f64 / time.as_secs_f64()
}

fn main() {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let files = fixture_files();
    let loaded: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| (extension_of(p), std::fs::read(p).expect("fixture readable")))
        .collect();
    let pdfs: Vec<&(String, Vec<u8>)> = loaded.iter().filter(|(e, _)| e == "pdf").collect();
    let pdf_paths: Vec<&PathBuf> = files.iter().filter(|p| extension_of(p) == "pdf").collect();
    let limits = Limits::default();

    let rubric = levelscan::rubric::load_default().expect("default rubric");
    let all: Vec<&(String, Vec<u8>)> = loaded.iter().collect();
    let mut ours_all = Vec::new();
    let mut ours_pdf = Vec::new();
    let mut assessed = Vec::new();
    let mut assessed_pdf = Vec::new();
    let mut floor_times = Vec::new();
    let mut bare = Vec::new();
    let mut poppler = Vec::new();
    let have_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    for _ in 0..rounds {
        timed(&mut ours_all, || read_all(&all, &limits, None));
        timed(&mut ours_pdf, || read_all(&pdfs, &limits, None));
        timed(&mut assessed, || read_all(&all, &limits, Some(&rubric)));
        timed(&mut assessed_pdf, || {
            read_all(&pdfs, &limits, Some(&rubric))
        });
        timed(&mut floor_times, || {
            for (_, bytes) in &pdfs {
                std::hint::black_box(floor::load_and_inflate(bytes));
            }
        });
        timed(&mut bare, || {
            for (_, bytes) in &pdfs {
                if let Ok(doc) = lopdf::Document::load_mem(bytes) {
                    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
                    std::hint::black_box(doc.extract_text(&pages).ok());
                }
            }
        });
        if have_pdftotext {
            timed(&mut poppler, || {
                for path in &pdf_paths {
                    let status = Command::new("pdftotext")
                        .arg(path)
                        .arg("-")
                        .output()
                        .expect("pdftotext runs");
                    std::hint::black_box(status);
                }
            });
        }
    }

    let ours_all = median(ours_all);
    let ours_pdf = median(ours_pdf);
    let bare = median(bare);
    let assessed = median(assessed);
    let assessed_pdf = median(assessed_pdf);
    let floor = median(floor_times);
    // What share of the floor's files/s a side reaches.
    let of_floor = |time: Duration| floor.as_secs_f64() / time.as_secs_f64();
    println!(
        "extraction, one thread, median of {rounds} rounds over {} fixtures ({} PDF)",
        loaded.len(),
        pdfs.len()
    );
    println!(
        "levelscan, all fixtures        {:>9.0} files/s",
        rate(loaded.len(), ours_all)
    );
    println!(
        "levelscan, PDFs                {:>9.0} files/s",
        rate(pdfs.len(), ours_pdf)
    );
    println!(
        "levelscan, all + assessment    {:>9.0} files/s   (extraction is {:.0}% of it)",
        rate(loaded.len(), assessed),
        100.0 * ours_all.as_secs_f64() / assessed.as_secs_f64()
    );
    println!(
        "levelscan, PDFs + assessment   {:>9.0} files/s",
        rate(pdfs.len(), assessed_pdf)
    );
    println!(
        "lopdf load + extract_text      {:>9.0} files/s   levelscan/lopdf = {:.2}",
        rate(pdfs.len(), bare),
        bare.as_secs_f64() / ours_pdf.as_secs_f64()
    );
    println!(
        "lopdf load + inflate (floor)   {:>9.0} files/s   share of it: levelscan PDFs {:.2}, \
         + assessment {:.2}, lopdf extract_text {:.2}",
        rate(pdfs.len(), floor),
        of_floor(ours_pdf),
        of_floor(assessed_pdf),
        of_floor(bare)
    );
    if have_pdftotext {
        let poppler = median(poppler);
        println!(
            "pdftotext, a process per file  {:>9.0} files/s   levelscan/pdftotext = {:.1}x",
            rate(pdfs.len(), poppler),
            poppler.as_secs_f64() / ours_pdf.as_secs_f64()
        );
    } else {
        println!("pdftotext not installed (Debian package poppler-utils): not compared");
    }
}
