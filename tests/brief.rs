//! The interview brief on every fixture resume: it builds in all three
//! formats, asks five to eight questions, its DOCX reads back (with
//! levelscan's own reader) with every question, it fits one page when
//! LibreOffice converts the DOCX and when Chromium prints the HTML (each
//! skipped with a message when the tool is missing), redaction leaves no
//! name or email, and the same input gives the same bytes.

use std::path::{Path, PathBuf};
use std::process::Command;

use levelscan::assess::{Assessment, assess};
use levelscan::brief::{self, Brief, Format};
use levelscan::extract::{Limits, extract_file};
use levelscan::rubric::{Rubric, load_default};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = ["pdf", "docx"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixture folder"))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(files.len() > 40, "fixtures missing");
    files
}

fn assessed(path: &Path, rubric: &Rubric) -> Assessment {
    let doc = extract_file(path, &Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assess(&doc, rubric)
}

fn rendered(b: &Brief, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    brief::write(b, format, &mut out).unwrap_or_else(|e| panic!("{}: {format:?}: {e}", b.file));
    out
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every fixture's brief, in every format, into `dir`; the briefs back.
fn write_all(dir: &Path, redact: bool) -> Vec<(PathBuf, Brief)> {
    let rubric = load_default().unwrap();
    fixtures()
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let a = assessed(path, &rubric);
            let b = brief::build(&path.display().to_string(), &a, &rubric, redact);
            for format in [Format::Markdown, Format::Html, Format::Docx] {
                let bytes = rendered(&b, format);
                assert!(!bytes.is_empty(), "{}: empty {format:?}", path.display());
                std::fs::write(dir.join(format!("{i:02}.{}", format.extension())), bytes).unwrap();
            }
            (dir.join(format!("{i:02}")), b)
        })
        .collect()
}

#[test]
fn every_fixture_briefs_in_every_format_with_five_to_eight_questions() {
    let dir = tempfile::tempdir().unwrap();
    for (_, b) in write_all(dir.path(), false) {
        assert!(
            (5..=8).contains(&b.questions.len()),
            "{}: {} questions",
            b.file,
            b.questions.len()
        );
        assert!(
            b.questions
                .iter()
                .all(|q| !q.text.contains('{') && !q.probes.is_empty()),
            "{}: {:?}",
            b.file,
            b.questions
        );
    }
}

#[test]
fn the_docx_reads_back_with_every_question() {
    let dir = tempfile::tempdir().unwrap();
    for (stem, b) in write_all(dir.path(), false) {
        let docx = stem.with_extension("docx");
        let doc = extract_file(&docx, &Limits::default())
            .unwrap_or_else(|e| panic!("{}: the DOCX does not read: {e}", b.file));
        let text = squeeze(&doc.plain_text());
        for q in &b.questions {
            assert!(
                text.contains(&squeeze(&q.text)),
                "{}: question missing from the DOCX: {}",
                b.file,
                q.text
            );
        }
        if let Some(candidate) = &b.candidate {
            assert!(text.contains(&squeeze(candidate)), "{}", b.file);
        }
    }
}

fn pages(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
        .get_pages()
        .len()
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

#[test]
fn the_docx_is_one_page_in_libreoffice() {
    let Some(soffice) = on_path("soffice") else {
        eprintln!(
            "skipping the LibreOffice page count: no `soffice` (apt-get install libreoffice-writer-nogui)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let briefs = write_all(dir.path(), false);
    let out = dir.path().join("pdf");
    // One LibreOffice process converts them all: starting it is most of
    // the cost.
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(briefs.iter().map(|(stem, _)| stem.with_extension("docx")))
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "soffice failed: {status:?}");
    for (stem, b) in &briefs {
        let pdf = out.join(stem.with_extension("pdf").file_name().unwrap());
        assert_eq!(pages(&pdf), 1, "{}: the DOCX brief is not one page", b.file);
    }
}

#[test]
fn the_html_prints_to_one_page_in_chromium() {
    let Some(chromium) = on_path("chromium").or_else(|| on_path("chromium-browser")) else {
        eprintln!("skipping the Chromium page count: no `chromium` (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut briefs = write_all(dir.path(), false);
    // The longest briefs: if they print on one page, the shorter ones do
    // (printing every fixture would take a browser start each).
    briefs.sort_by_key(|(stem, _)| {
        std::cmp::Reverse(std::fs::metadata(stem.with_extension("md")).unwrap().len())
    });
    for (stem, b) in briefs.iter().take(4) {
        let pdf = stem.with_extension("pdf");
        let output = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("chromium").display()
            ))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", stem.with_extension("html").display()))
            .output()
            .expect("chromium runs");
        assert!(pdf.is_file(), "{}: no PDF: {output:?}", b.file);
        assert_eq!(pages(&pdf), 1, "{}: the HTML brief is not one page", b.file);
    }
}

/// Whether `text` holds `word` at word edges, in any case.
fn holds_word(text: &str, word: &str) -> bool {
    regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(word)))
        .unwrap()
        .is_match(text)
}

#[test]
fn a_redacted_brief_holds_no_name_and_no_email() {
    let rubric = load_default().unwrap();
    let mut names_checked = 0;
    for path in fixtures() {
        let a = assessed(&path, &rubric);
        let file = path.display().to_string();
        let open = brief::build(&file, &a, &rubric, false);
        let blind = brief::build(&file, &a, &rubric, true);
        assert_eq!(blind.candidate.as_deref(), Some(brief::REDACTED_CANDIDATE));
        assert_eq!(open.questions.len(), blind.questions.len(), "{file}");
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join("b.docx");
        std::fs::write(&docx, rendered(&blind, Format::Docx)).unwrap();
        let html = String::from_utf8(rendered(&blind, Format::Html)).unwrap();
        // The page's own head (its styles' `@page`, its policy's
        // `http-equiv`) is not resume text.
        let body = html.split_once("<body>").expect("a body").1.to_string();
        let texts = [
            String::from_utf8(rendered(&blind, Format::Markdown)).unwrap(),
            body,
            extract_file(&docx, &Limits::default())
                .unwrap()
                .plain_text(),
        ];
        for text in &texts {
            if let Some(name) = &open.candidate {
                for word in name.split_whitespace().filter(|w| w.chars().count() >= 2) {
                    assert!(!holds_word(text, word), "{file}: name word {word:?} left");
                }
            }
            if let Some(email) = &a.email {
                assert!(!text.contains(email.as_str()), "{file}: email left");
            }
            assert!(!text.contains('@'), "{file}: an address left");
            assert!(!text.contains("http"), "{file}: a link left");
        }
        names_checked += usize::from(open.candidate.is_some());
    }
    assert!(names_checked > 30, "too few fixtures with a name to check");
}

fn levelscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .output()
        .expect("levelscan runs")
}

#[test]
fn the_same_resume_gives_the_same_markdown_and_html_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for fixture in [
        "fixtures/pdf/staff-go-platform.libreoffice.pdf",
        "fixtures/docx/mid-python-keyword-stuffer.pandoc.docx",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
        for ext in ["md", "html"] {
            let runs: Vec<Vec<u8>> = (0..2)
                .map(|run| {
                    let out = dir.path().join(format!("{run}.{ext}"));
                    let done =
                        levelscan(&["brief", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
                    assert!(done.status.success(), "{fixture}: {done:?}");
                    std::fs::read(&out).unwrap()
                })
                .collect();
            assert_eq!(runs[0], runs[1], "{fixture}: .{ext} differs between runs");
        }
        let stdout = levelscan(&["brief", path.to_str().unwrap(), "-o", "-"]);
        assert!(stdout.status.success());
        assert_eq!(
            stdout.stdout,
            std::fs::read(dir.path().join("0.md")).unwrap(),
            "{fixture}: `-o -` is not the Markdown"
        );
    }
}

#[test]
fn redacting_a_resume_without_a_name_warns() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.txt");
    std::fs::write(
        &resume,
        "Experience\nSenior Backend Engineer, Quarry Labs (2018 - 2024)\n\
         - Owned the billing API, serving 12,000 requests per second.\n",
    )
    .unwrap();
    let done = levelscan(&["brief", resume.to_str().unwrap(), "--redact", "-o", "-"]);
    assert!(done.status.success(), "{done:?}");
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains("resume.txt: warning: no name found"),
        "{stderr}"
    );
    let named = levelscan(&[
        "brief",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/pdf/staff-go-platform.libreoffice.pdf")
            .to_str()
            .unwrap(),
        "--redact",
        "-o",
        "-",
    ]);
    assert!(named.stderr.is_empty(), "{named:?}");
}

#[test]
fn an_output_without_a_known_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf/staff-go-platform.libreoffice.pdf");
    let done = levelscan(&["brief", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(done.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains("brief.pdf") && stderr.contains(".docx"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn screen_writes_the_top_briefs_named_after_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    // The same resume as PDF and DOCX under one stem in two folders: two
    // briefs, `-2` on the one whose path sorts later.
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(
        root.join("pdf/staff-go-platform.libreoffice.pdf"),
        a.join("cv.pdf"),
    )
    .unwrap();
    std::fs::copy(
        root.join("docx/senior-go-payments.pandoc.docx"),
        b.join("cv.docx"),
    )
    .unwrap();
    std::fs::copy(
        root.join("pdf/entry-go-intern.latex-moderncv.pdf"),
        b.join("intern.pdf"),
    )
    .unwrap();
    let ranking = dir.path().join("ranking.csv");
    let done = levelscan(&[
        "screen",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        ranking.to_str().unwrap(),
        "--briefs",
        briefs.to_str().unwrap(),
        "--top",
        "2",
        "--brief-format",
        "md",
        "--quiet",
    ]);
    assert!(done.status.success(), "{done:?}");
    let mut names: Vec<String> = std::fs::read_dir(&briefs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["cv-2.md", "cv.md"]);
    let first = std::fs::read_to_string(briefs.join("cv.md")).unwrap();
    assert!(first.contains("a/cv.pdf"), "{first}");
    // The brief a screen writes is the one `levelscan brief` writes.
    let single = levelscan(&["brief", a.join("cv.pdf").to_str().unwrap(), "-o", "-"]);
    assert_eq!(String::from_utf8(single.stdout).unwrap(), first);

    // A blind screen writes blind briefs.
    let blind = dir.path().join("blind");
    let done = levelscan(&[
        "screen",
        a.to_str().unwrap(),
        "-o",
        ranking.to_str().unwrap(),
        "--briefs",
        blind.to_str().unwrap(),
        "--brief-format",
        "md",
        "--redact",
        "--quiet",
    ]);
    assert!(done.status.success(), "{done:?}");
    let written = std::fs::read_to_string(blind.join("cv.md")).unwrap();
    assert!(
        written.starts_with("# Interview brief: redacted\n"),
        "{written}"
    );
    let single = levelscan(&[
        "brief",
        a.join("cv.pdf").to_str().unwrap(),
        "--redact",
        "-o",
        "-",
    ]);
    assert_eq!(String::from_utf8(single.stdout).unwrap(), written);
}
