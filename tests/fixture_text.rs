//! Extraction quality on the shipped fixtures: resumes rendered by real
//! producers (LibreOffice, pdflatex, Chromium, groff, enscript, pandoc),
//! each beside its true text. For every rendered file:
//! - word recall ≥ 0.99 and word 4-gram survival ≥ 0.97 against the truth;
//! - every main-text sentence present verbatim (whitespace normalised);
//! - every main-column line is a piece of the main text (a sidebar never
//!   interleaves into it);
//! - hidden keyword text never in the visible text, and reported hidden.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use levelscan::document::{Document, line_separator};
use levelscan::extract::{Limits, extract_file};

const FORMAT_DIRS: &[&str] = &["pdf", "docx"];

fn rendered_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for dir in FORMAT_DIRS {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if (name.ends_with(".pdf") || name.ends_with(".docx"))
                && truth_path(&path, "truth").exists()
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The true-text file of a rendering: fixtures/pdf/x.pdf →
/// fixtures/truth/pdf/x.pdf.<kind>.txt.
fn truth_path(file: &Path, kind: &str) -> PathBuf {
    let format = file.parent().and_then(Path::file_name).unwrap();
    let root = file.parent().and_then(Path::parent).unwrap();
    let mut name = file.file_name().unwrap().to_owned();
    name.push(format!(".{kind}.txt"));
    root.join("truth").join(format).join(name)
}

fn read_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|s| s.lines().map(normalise).filter(|l| !l.is_empty()).collect())
        .unwrap_or_default()
}

/// Whitespace collapsed, a leading list bullet dropped (truth files hold
/// the text of list items, not their markers).
fn normalise(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_start_matches(|c: char| {
        levelscan::extract::cleanup::is_bullet(c) || c == '-' && collapsed.starts_with("- ")
    });
    trimmed.trim().to_string()
}

/// The extracted text of one column as flowing text.
fn flowing(doc: &Document, column: Option<u32>) -> String {
    let mut out = String::new();
    let mut prev: Option<String> = None;
    for line in doc
        .lines
        .iter()
        .filter(|l| column.is_none_or(|c| l.column == c))
    {
        let text = normalise(&line.text);
        if let Some(p) = &prev {
            out.push_str(line_separator(p, &text));
        }
        out.push_str(&text);
        prev = Some(text);
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn word_recall(truth: &[String], got: &[String]) -> f64 {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for w in got {
        *available.entry(w).or_default() += 1;
    }
    let mut hit = 0;
    for w in truth {
        if let Some(n) = available.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            hit += 1;
        }
    }
    hit as f64 / truth.len().max(1) as f64
}

fn four_gram_survival(truth_lines: &[String], got: &[String]) -> f64 {
    let got: HashSet<&[String]> = got.windows(4).collect();
    let mut total = 0;
    let mut kept = 0;
    for line in truth_lines {
        let w = words(line);
        for gram in w.windows(4) {
            total += 1;
            kept += usize::from(got.contains(gram));
        }
    }
    if total == 0 {
        1.0
    } else {
        kept as f64 / total as f64
    }
}

/// Sentences of a paragraph: split after . ! ? or ; followed by a space.
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = paragraph.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let at_end = matches!(c, '.' | '!' | '?' | ';') && chars.get(i + 1) == Some(&' ');
        if at_end {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

struct Failure {
    file: String,
    problem: String,
}

fn check_file(path: &Path, failures: &mut Vec<Failure>, figures: &mut Vec<String>) {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut fail = |problem: String| {
        failures.push(Failure {
            file: name.clone(),
            problem,
        })
    };
    let doc = match extract_file(path, &Limits::default()) {
        Ok(doc) => doc,
        Err(e) => {
            fail(format!("does not extract: {e}"));
            return;
        }
    };
    let truth = read_lines(&truth_path(path, "truth"));
    let sidebar = read_lines(&truth_path(path, "sidebar"));
    let hidden = read_lines(&truth_path(path, "hidden"));
    let two_columns = !sidebar.is_empty();

    let all_text = flowing(&doc, None);
    let main_text = flowing(&doc, two_columns.then_some(0));
    let got_words = words(&all_text);
    let truth_words: Vec<String> = truth
        .iter()
        .chain(&sidebar)
        .flat_map(|l| words(l))
        .collect();
    let recall = word_recall(&truth_words, &got_words);
    let mut truth_all_lines = truth.clone();
    truth_all_lines.extend(sidebar.iter().cloned());
    let survival = four_gram_survival(&truth_all_lines, &got_words);
    figures.push(format!("{name}: recall {recall:.3}, 4-grams {survival:.3}"));
    if recall < 0.99 {
        fail(format!("word recall {recall:.3} < 0.99"));
    }
    if survival < 0.97 {
        fail(format!("4-gram survival {survival:.3} < 0.97"));
    }
    for paragraph in &truth {
        for sentence in sentences(paragraph) {
            if !main_text.contains(&sentence) {
                fail(format!("sentence not verbatim: {sentence:?}"));
            }
        }
    }
    if two_columns {
        if doc.diagnostics.columns < 2 {
            fail("two-column layout read as one column".into());
        }
        let main_truth = truth.join(" ");
        for line in doc.lines.iter().filter(|l| l.column == 0) {
            let text = normalise(&line.text);
            let piece = text.trim_end_matches('-');
            if !main_truth.contains(piece) {
                fail(format!("main-column line not from the main text: {text:?}"));
            }
        }
    }
    for phrase in &hidden {
        if all_text.to_lowercase().contains(&phrase.to_lowercase()) {
            fail(format!("hidden text in the visible text: {phrase:?}"));
        }
    }
    if !hidden.is_empty() && doc.hidden.is_empty() {
        fail("hidden text not reported".into());
    }
}

#[test]
fn every_rendered_fixture_reads_as_its_true_text() {
    let files = rendered_files();
    assert!(
        files.len() >= 2,
        "expected rendered fixtures under fixtures/pdf, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    let mut figures = Vec::new();
    for file in &files {
        check_file(file, &mut failures, &mut figures);
    }
    eprintln!("{}", figures.join("\n"));
    let report: Vec<String> = failures
        .iter()
        .map(|f| format!("{}: {}", f.file, f.problem))
        .collect();
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
}
