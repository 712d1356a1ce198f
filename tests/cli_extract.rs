//! `levelscan extract` as a user runs it: the text of a resume, its JSON
//! form, and one clear message per broken file naming the file and the
//! problem, with exit code 1.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn levelscan(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A scratch folder for this test binary, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "levelscan-cli-extract-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn extract_error(path: &Path) -> String {
    let out = levelscan(&["extract".as_ref(), path.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code for {}",
        path.display()
    );
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn text_of_a_pdf_prints_line_by_line() {
    let dir = scratch("text");
    let pdf = common::pdf::one_page(&common::pdf::text_lines(&[
        "Jane Roe",
        "Owned the billing API.",
    ]));
    let path = write(&dir, "resume.pdf", &pdf);
    let out = levelscan(&["extract".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Jane Roe\nOwned the billing API.\n"
    );
}

#[test]
fn json_gives_located_lines_hidden_text_and_diagnostics() {
    let dir = scratch("json");
    let content = format!(
        "{} 1 1 1 rg BT /F1 10 Tf 72 500 Td (raft paxos) Tj ET",
        common::pdf::text_lines(&["Owned the billing API."])
    );
    let path = write(&dir, "resume.pdf", &common::pdf::one_page(&content));
    let out = levelscan(&[
        "extract".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lines"][0]["text"], "Owned the billing API.");
    assert_eq!(json["lines"][0]["page"], 1);
    assert_eq!(json["lines"][0]["line"], 1);
    assert_eq!(json["lines"][0]["column"], 0);
    assert_eq!(json["hidden"][0]["text"], "raft paxos");
    assert_eq!(json["hidden"][0]["reason"], "same_colour_as_background");
    assert_eq!(json["diagnostics"]["pages"], 1);
    assert_eq!(json["diagnostics"]["hidden_runs"], 1);
    assert_eq!(json["diagnostics"]["document_date"], "2026-06-01");
}

#[test]
fn broken_files_are_named_with_their_problem() {
    let dir = scratch("errors");
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(&dir, "empty.pdf", b""), "empty file (0 bytes)"),
        (
            write(&dir, "letter.pdf", b"Dear hiring manager,\n"),
            "named .pdf but the content is plain text",
        ),
        (
            write(&dir, "scan.pdf", &common::pdf::image_only()),
            "image-only PDF: needs OCR",
        ),
        (
            write(&dir, "sheet.docx", &common::docx::xlsx()),
            "named .docx but the content is an Excel workbook (.xlsx), not a Word document",
        ),
        (
            write(
                &dir,
                "old.doc",
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            ),
            "legacy Word .doc: save as DOCX or PDF",
        ),
        (
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/bad/encrypted-user-password.pdf"
            )),
            "encrypted: needs a password",
        ),
    ];
    for (path, message) in cases {
        let stderr = extract_error(&path);
        assert_eq!(
            stderr.trim_end(),
            format!("levelscan: {}: {message}", path.display())
        );
    }
}

#[test]
fn a_file_over_the_size_limit_says_so() {
    let dir = scratch("limit");
    let big = vec![b'a'; 2 * 1024 * 1024];
    let path = write(&dir, "huge.txt", &big);
    let out = levelscan(&[
        "extract".as_ref(),
        path.as_os_str(),
        "--max-file-mib".as_ref(),
        "1".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("huge.txt: file is 2097152 bytes, over the 1048576-byte limit"),
        "{stderr}"
    );
}
