//! `levelscan screen --html` end to end, without a browser: the page is
//! written beside the other outputs, holds one card per assessed file and
//! lists every other file with its reason, keeps names and contacts out
//! under `--redact`, and is never screened as an applicant itself.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Run `levelscan screen` with `args`; gives the ranking CSV rows.
fn screen(args: &[&std::ffi::OsStr]) -> Vec<BTreeMap<String, String>> {
    let output = Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .arg("screen")
        .args(args)
        .arg("--quiet")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "screen failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    common::csv_rows(&output.stdout)
}

#[test]
fn the_page_has_a_card_per_candidate_and_every_other_file_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let rows = screen(&[
        fixture("docx").as_os_str(),
        fixture("bad").as_os_str(),
        "--html".as_ref(),
        html.as_os_str(),
    ]);
    let page = std::fs::read_to_string(&html).expect("the page was written");
    let ok = rows.iter().filter(|r| r["status"] == "ok").count();
    assert!(ok > 0);
    assert_eq!(page.matches("<article class=\"card\"").count(), ok);
    assert_eq!(
        page.matches("<tr data-filterable=\"\"").count(),
        ok,
        "one table row per candidate"
    );
    for row in rows.iter().filter(|r| r["status"] != "ok") {
        let listed = format!(
            "<tr><td>{}</td><td>{}</td>",
            levelscan::report::html::escape(&row["file"]),
            row["status"]
        );
        assert!(page.contains(&listed), "{listed}");
    }
    assert!(page.contains(&format!("{} files, {ok} assessed.", rows.len())));
}

#[test]
fn redaction_holds_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let plain = screen(&[fixture("docx").as_os_str()]);
    let html = dir.path().join("blind.html");
    screen(&[
        fixture("docx").as_os_str(),
        "--redact".as_ref(),
        "--html".as_ref(),
        html.as_os_str(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Names, emails, phone numbers and links are redacted."));
    let mut checked = 0;
    for row in &plain {
        for field in ["candidate", "email"] {
            let value = row[field].trim();
            if value.len() > 3 {
                let escaped = levelscan::report::html::escape(value);
                assert!(!page.contains(&escaped), "{field} {value:?} is in the page");
                checked += 1;
            }
        }
    }
    assert!(checked > 3, "the fixtures should carry names and emails");
}

#[test]
fn the_page_written_into_the_screened_folder_is_not_an_applicant() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("resumes/mid-go-summary.md"),
        dir.path().join("a.md"),
    )
    .unwrap();
    let html = dir.path().join("report.html");
    let args = [dir.path().as_os_str(), "--html".as_ref(), html.as_os_str()];
    assert_eq!(screen(&args).len(), 1);
    // The second run finds last run's page in the folder and skips it.
    assert_eq!(screen(&args).len(), 1);
}
