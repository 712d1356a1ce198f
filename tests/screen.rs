//! `levelscan screen` end to end, on folders made at test time: good
//! resumes beside every kind of broken and hostile file. One row per file,
//! nothing lost, nothing crashing the batch; the same bytes out for any
//! `-j` and any input order; spreadsheet-safe cells; blind screening.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn levelscan(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn levelscan_in(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn rows(csv_bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    common::csv_rows(csv_bytes)
}

fn by_file(rows: &[BTreeMap<String, String>]) -> BTreeMap<String, BTreeMap<String, String>> {
    rows.iter()
        .map(|r| {
            let name = Path::new(&r["file"])
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            (name, r.clone())
        })
        .collect()
}

/// Good resumes and broken files side by side.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    for good in [
        "pdf/staff-go-platform.latex-article.pdf",
        "pdf/entry-go-intern.latex-moderncv.pdf",
        "docx/senior-go-payments.pandoc.docx",
    ] {
        let name = Path::new(good)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        std::fs::copy(fixture(good), dir.path().join(name)).unwrap();
    }
    let sample = common::pdf::one_page(&common::pdf::text_lines(&["Owned the billing API."]));
    put("zero-byte.pdf", b"");
    put("not-a-pdf.pdf", b"<html><body>a web page</body></html>");
    put("truncated.pdf", &sample[..sample.len() / 2]);
    put("flate-bomb.pdf", &common::pdf::flate_bomb(96 << 20));
    put("page-tree-loop.pdf", &common::pdf::page_tree_loop());
    put("nested-arrays.pdf", &common::pdf::nested_arrays(100_000));
    std::fs::copy(
        fixture("bad/encrypted-user-password.pdf"),
        dir.path().join("encrypted.pdf"),
    )
    .unwrap();
    put("spreadsheet.docx", &common::docx::xlsx());
    put("zip-bomb.docx", &common::docx::zip_bomb(200 << 20));
    put(
        "unterminated-attribute.docx",
        &common::docx::unterminated_attribute(),
    );
    put("nested-tables.docx", &common::docx::nested_tables(200));
    put(
        "legacy.doc",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
    );
    put("photo.png", b"\x89PNG\r\n\x1a\n0000");
    put("notes.rtf", b"{\\rtf1 hello}");
    put(
        "apple.pages",
        &common::docx::zip_of(&[("Index/Document.iwa", b"x")]),
    );
    put(
        "writer.odt",
        &common::docx::zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]),
    );
    put(".hidden-resume.txt", b"Owned everything.");
    dir
}

#[test]
fn every_file_is_one_row_and_broken_files_say_why() {
    let dir = mixed_folder();
    let out = dir.path().join("ranking.csv");
    let started = Instant::now();
    let result = levelscan(&[
        os("screen"),
        dir.path().as_os_str(),
        os("-o"),
        out.as_os_str(),
        os("--quiet"),
        os("--timeout-secs"),
        os("20"),
    ]);
    // Bounded: no file can hold the run past its deadline.
    assert!(started.elapsed() < Duration::from_secs(120));
    assert_eq!(
        result.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let rows = rows(&std::fs::read(&out).unwrap());
    let files = by_file(&rows);
    // Every file except the hidden one and the run's own output, once.
    let expected_count = std::fs::read_dir(dir.path()).unwrap().count() - 2;
    assert_eq!(rows.len(), expected_count, "{files:#?}");
    assert!(!files.contains_key(".hidden-resume.txt"));

    let status = |name: &str| files[name]["status"].as_str();
    let note = |name: &str| files[name]["note"].as_str();
    assert_eq!(status("staff-go-platform.latex-article.pdf"), "ok");
    assert_eq!(
        files["staff-go-platform.latex-article.pdf"]["level"],
        "staff"
    );
    assert_eq!(status("entry-go-intern.latex-moderncv.pdf"), "ok");
    assert_eq!(status("senior-go-payments.pandoc.docx"), "ok");
    assert_eq!(status("zero-byte.pdf"), "error");
    assert_eq!(note("zero-byte.pdf"), "empty file (0 bytes)");
    assert_eq!(status("not-a-pdf.pdf"), "unsupported");
    assert_eq!(note("not-a-pdf.pdf"), "named .pdf but the content is HTML");
    assert_eq!(status("encrypted.pdf"), "encrypted");
    assert_eq!(status("legacy.doc"), "unsupported");
    assert_eq!(note("legacy.doc"), "legacy Word .doc: save as DOCX or PDF");
    assert!(note("photo.png").contains("needs OCR"));
    assert_eq!(status("notes.rtf"), "unsupported");
    assert!(
        note("apple.pages").contains("Apple Pages"),
        "{}",
        note("apple.pages")
    );
    assert!(
        note("writer.odt").contains("OpenDocument"),
        "{}",
        note("writer.odt")
    );
    for broken in [
        "truncated.pdf",
        "flate-bomb.pdf",
        "page-tree-loop.pdf",
        "nested-arrays.pdf",
        "spreadsheet.docx",
        "zip-bomb.docx",
        "unterminated-attribute.docx",
        "nested-tables.docx",
    ] {
        assert_ne!(status(broken), "ok", "{broken}");
        assert!(!note(broken).is_empty(), "{broken} has no note");
        assert!(files[broken]["rank"].is_empty());
    }
    assert!(
        note("spreadsheet.docx").contains("Excel"),
        "{}",
        note("spreadsheet.docx")
    );
    // Ranks 1..N over the assessed rows only.
    let mut ranks: Vec<usize> = rows
        .iter()
        .filter(|r| r["status"] == "ok")
        .map(|r| r["rank"].parse().unwrap())
        .collect();
    ranks.sort();
    assert_eq!(ranks, (1..=ranks.len()).collect::<Vec<_>>());
    let summary = String::from_utf8_lossy(&result.stderr);
    assert!(
        summary.contains(&format!("{expected_count} files in")),
        "{summary}"
    );
}

#[test]
fn output_is_the_same_for_any_jobs_and_input_order() {
    let files: Vec<PathBuf> = [
        "pdf/staff-go-platform.latex-article.pdf",
        "pdf/entry-go-intern.latex-moderncv.pdf",
        "pdf/mid-go-summary.enscript.pdf",
        "docx/senior-go-payments.pandoc.docx",
        "docx/principal-java-payments-org.pandoc.docx",
        "pdf/principal-java-payments-org.libreoffice.pdf",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let run = |jobs: &str, order: &[PathBuf]| {
        let mut args = vec![os("screen"), os("--quiet"), os("-j"), os(jobs)];
        args.extend(order.iter().map(|p| p.as_os_str()));
        levelscan(&args).stdout
    };
    let reversed: Vec<PathBuf> = files.iter().rev().cloned().collect();
    let one = run("1", &files);
    assert!(!one.is_empty());
    assert_eq!(one, run("2", &files), "-j1 and -j2 differ");
    assert_eq!(one, run("2", &reversed), "input order changed the output");
}

#[test]
fn duplicates_keep_the_first_row_and_shared_emails_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let resume = "Ana Lima\nSenior Backend Engineer\nana@example.com\nOwned the ledger API serving 28K RPS across three regions.\n";
    std::fs::write(dir.path().join("a.txt"), resume).unwrap();
    std::fs::write(dir.path().join("b-copy.txt"), resume).unwrap();
    std::fs::write(dir.path().join("c-respaced.txt"), resume.replace(' ', "  ")).unwrap();
    std::fs::write(
        dir.path().join("d-other.txt"),
        "Ana Lima\nBackend Engineer\nana@example.com\nBuilt the payments service in Go.\n",
    )
    .unwrap();
    let out = levelscan(&[os("screen"), dir.path().as_os_str(), os("--quiet")]);
    assert_eq!(out.status.code(), Some(0));
    let files = by_file(&rows(&out.stdout));
    assert_eq!(files["a.txt"]["status"], "ok");
    assert_eq!(files["b-copy.txt"]["status"], "duplicate");
    assert!(files["b-copy.txt"]["note"].starts_with("duplicate of "));
    assert!(files["b-copy.txt"]["note"].contains("a.txt"));
    assert_eq!(files["c-respaced.txt"]["status"], "duplicate");
    assert!(files["a.txt"]["flags"].contains("same_contact"));
    assert!(files["d-other.txt"]["flags"].contains("same_contact"));
}

/// The run's own outputs are left out however they are reached: written
/// through a linked folder, found through a link inside the screened one.
#[cfg(unix)]
#[test]
fn outputs_reached_through_links_are_not_applicants() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("applicants");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "Ana Lima\nSenior Backend Engineer\nOwned the ledger API serving 28K RPS.\n",
    )
    .unwrap();
    symlink(&folder, dir.path().join("same-folder")).unwrap();
    symlink(
        folder.join("evidence.csv"),
        folder.join("evidence-link.csv"),
    )
    .unwrap();
    let out = levelscan(&[
        os("screen"),
        folder.as_os_str(),
        os("-o"),
        dir.path().join("same-folder/ranking.csv").as_os_str(),
        os("--evidence"),
        folder.join("evidence.csv").as_os_str(),
        os("--quiet"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = rows(&std::fs::read(folder.join("ranking.csv")).unwrap());
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str()).collect();
    assert_eq!(rows.len(), 1, "{files:?}");
    assert!(files[0].ends_with("a.txt"), "{files:?}");
}

#[test]
fn formula_cells_are_neutralised_even_in_file_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("=cmd.txt"),
        "=HYPERLINK(\"http://evil.example\",\"Click\")\nBackend Engineer\n+1 555 0100 @attacker\n- Owned the billing API serving 2K RPS.\n",
    )
    .unwrap();
    // Named as given, the file cell itself starts with "=".
    let out = levelscan_in(dir.path(), &[os("screen"), os("=cmd.txt"), os("--quiet")]);
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 1);
    for row in &rows {
        for (column, cell) in row {
            let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(
                !risky || cell.parse::<f64>().is_ok(),
                "{column} cell runs as a formula: {cell:?}"
            );
        }
    }
    assert_eq!(rows[0]["file"], "'=cmd.txt");
}

#[test]
fn redaction_removes_contact_details_and_changes_no_score() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("resume.txt"),
        "Priya Raman\nSenior Backend Engineer\npriya.raman@example.com · +1 555 0100 · https://github.com/praman\n\
         Summary\nOwned the ledger API for Priya's team serving 28K RPS across three regions; contact priya.raman@example.com.\n",
    )
    .unwrap();
    let plain = levelscan(&[
        os("screen"),
        dir.path().as_os_str(),
        os("--quiet"),
        os("--format"),
        os("jsonl"),
    ]);
    let blind = levelscan(&[
        os("screen"),
        dir.path().as_os_str(),
        os("--quiet"),
        os("--format"),
        os("jsonl"),
        os("--redact"),
    ]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    let blind_text = String::from_utf8(blind.stdout.clone()).unwrap();
    let blind: serde_json::Value = serde_json::from_slice(&blind.stdout).unwrap();
    assert_eq!(plain["candidate"], "Priya Raman");
    for secret in [
        "Priya",
        "Raman",
        "priya.raman@example.com",
        "555 0100",
        "github.com",
    ] {
        assert!(
            !blind_text.contains(secret),
            "{secret} left in: {blind_text}"
        );
    }
    for key in ["level", "score", "confidence", "claim_check"] {
        assert_eq!(plain[key], blind[key], "{key} changed");
    }
}

#[test]
fn jsonl_and_evidence_files_hold_every_item() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = dir.path().join("evidence.csv");
    let out = levelscan(&[
        os("screen"),
        fixture("pdf/staff-go-platform.latex-article.pdf").as_os_str(),
        os("--quiet"),
        os("--format"),
        os("jsonl"),
        os("--evidence"),
        evidence.as_os_str(),
    ]);
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let families = record["families"].as_array().unwrap();
    let names: Vec<&str> = families
        .iter()
        .map(|f| f["family"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ownership", "scale", "patterns", "judgment"]);
    let items: usize = families
        .iter()
        .map(|f| f["evidence"].as_array().unwrap().len())
        .sum();
    let evidence_rows = csv::Reader::from_path(&evidence).unwrap().records().count();
    assert!(items > 0);
    assert_eq!(items, evidence_rows);
    let mut reader = csv::Reader::from_path(&evidence).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "file", "family", "signal", "weight", "page", "line", "quote"
        ]
    );
}

/// A rubric file is checked whole before anything is written: its fields,
/// and every pattern compiled (the embedded rubric's rules are compiled only
/// as they are used, a file's never).
#[test]
fn a_bad_rubric_stops_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let default = levelscan::rubric::DEFAULT_RUBRIC;
    let bad_pattern = default.replacen("patterns = ['", "patterns = ['(unclosed', '", 1);
    assert_ne!(bad_pattern, default);
    for (name, text, complaint) in [
        ("bad.toml", "name = \"x\"\nwieght = 3\n", "bad.toml"),
        ("bad_pattern.toml", bad_pattern.as_str(), "(unclosed"),
    ] {
        let rubric = dir.path().join(name);
        std::fs::write(&rubric, text).unwrap();
        let out_file = dir.path().join("never.csv");
        let out = levelscan(&[
            os("screen"),
            fixture("pdf").as_os_str(),
            os("--rubric"),
            rubric.as_os_str(),
            os("-o"),
            out_file.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(name) && stderr.contains(complaint),
            "{stderr}"
        );
        assert!(!out_file.exists(), "{name}");
    }
}

/// Records spill to a temporary file while the batch runs; where none can
/// be made, the run stops at once and says where it looked.
#[test]
fn an_unwritable_temporary_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let out = Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args([os("screen"), fixture("pdf").as_os_str(), os("--quiet")])
        .env("TMPDIR", &missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no-such-folder") && stderr.contains("TMPDIR"),
        "{stderr}"
    );
}

#[test]
fn help_lists_the_contract_flags() {
    let out = levelscan(&[os("screen"), os("--help")]);
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--output",
        "--format",
        "--evidence",
        "--rubric",
        "--jobs",
        "--redact",
        "--quiet",
        "--bom",
    ] {
        assert!(help.contains(flag), "{flag} missing from help:\n{help}");
    }
}

#[test]
fn bom_marks_utf8_for_excel() {
    let out = levelscan(&[
        os("screen"),
        fixture("pdf/staff-go-platform.latex-article.pdf").as_os_str(),
        os("--quiet"),
        os("--bom"),
    ]);
    assert!(out.stdout.starts_with("\u{FEFF}rank,file".as_bytes()));
}
