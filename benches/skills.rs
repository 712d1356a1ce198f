//! Skill matching speed: `Vocabulary::find` over every line of the fixture
//! resumes' source text (`fixtures/resumes/*.md`), one thread.
//!
//! `find` runs on every sentence of every resume of a screen with `--job`,
//! so its cost per resume is what matters: this prints lines per second,
//! MB per second and the time per average resume, beside the floor of
//! lower-casing the same text (the least any case-insensitive matcher could
//! do per byte) measured in the same run, because these machines are
//! shared and noisy.
//!
//! Run: `cargo bench --bench skills` (ROUNDS=N to change the 200 rounds).

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use levelscan::skills::Vocabulary;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes");
    let mut resumes: Vec<Vec<String>> = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/resumes exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("fixture text reads");
        resumes.push(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
        );
    }
    let lines: usize = resumes.iter().map(Vec::len).sum();
    let bytes: usize = resumes.iter().flatten().map(String::len).sum();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);

    let load = Instant::now();
    let vocab = Vocabulary::builtin();
    let load = load.elapsed();

    let started = Instant::now();
    let mut mentions = 0usize;
    for _ in 0..rounds {
        for line in resumes.iter().flatten() {
            mentions += black_box(vocab.find(black_box(line))).len();
        }
    }
    let find = started.elapsed();

    let started = Instant::now();
    for _ in 0..rounds {
        for line in resumes.iter().flatten() {
            black_box(black_box(line).to_ascii_lowercase());
        }
    }
    let floor = started.elapsed();

    let per_line = find.as_secs_f64() / (rounds * lines) as f64;
    let per_resume = find.as_secs_f64() / (rounds * resumes.len()) as f64;
    println!(
        "vocabulary: {} skills, loaded in {:.1} ms",
        vocab.len(),
        load.as_secs_f64() * 1e3
    );
    println!(
        "text: {} resumes, {lines} lines, {bytes} bytes; {} mentions per round",
        resumes.len(),
        mentions / rounds
    );
    println!(
        "find: {:.2} µs per line, {:.0} µs per resume, {:.0} MB/s; 10,000 resumes ≈ {:.2} s on one thread",
        per_line * 1e6,
        per_resume * 1e6,
        (rounds * bytes) as f64 / find.as_secs_f64() / 1e6,
        per_resume * 10_000.0
    );
    println!(
        "floor (lower-casing the same lines): {:.0} MB/s; find costs {:.1}× the floor",
        (rounds * bytes) as f64 / floor.as_secs_f64() / 1e6,
        find.as_secs_f64() / floor.as_secs_f64()
    );
}
