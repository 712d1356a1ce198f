//! `levelscan calibrate` end to end, on a labels file written at test time
//! over the labelled resumes in fixtures/resumes (their `.expect.toml`
//! levels and claims): the figures printed agree with the report and with
//! the assessment itself; a rubric with wrong thresholds is repaired by
//! `--fit`; the fitted file passes `rubric check`; label errors are
//! reported by line; a file that cannot be assessed is listed and left out.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use levelscan::assess::assess;
use levelscan::extract::{Limits, extract_file};
use levelscan::rubric::{DEFAULT_RUBRIC, load_default};

fn resumes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes")
}

fn levelscan(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// (slug, level, claimed) of every labelled resume, by slug.
fn expectations() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = std::fs::read_dir(resumes_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let slug = name.strip_suffix(".expect.toml")?.to_string();
            let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let get = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            Some((slug, get("level"), get("claimed")))
        })
        .collect();
    out.sort();
    out
}

/// A folder with the resumes copied under `resumes/` and `labels.csv`
/// beside it naming them relatively.
fn labelled_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("resumes")).unwrap();
    let mut csv = String::from("file,level,claimed,notes\n");
    for (slug, level, claimed) in expectations() {
        let name = format!("{slug}.md");
        std::fs::copy(
            resumes_dir().join(&name),
            dir.path().join("resumes").join(&name),
        )
        .unwrap();
        csv.push_str(&format!(
            "resumes/{name},{level},{claimed},from the fixtures\n"
        ));
    }
    std::fs::write(dir.path().join("labels.csv"), csv).unwrap();
    dir
}

/// `k/n` from the printed line starting with `label`.
fn count(out: &str, label: &str) -> (usize, usize) {
    let line = out
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` line in:\n{out}"));
    let frac = line[label.len()..].split_whitespace().next().unwrap();
    let (k, n) = frac.split_once('/').unwrap();
    (k.parse().unwrap(), n.parse().unwrap())
}

fn report_rows(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    common::csv_rows(&std::fs::read(path).unwrap())
}

#[test]
fn figures_on_the_fixture_labels_match_the_report_and_the_assessment() {
    let dir = labelled_folder();
    let labels = dir.path().join("labels.csv");
    let report = dir.path().join("report.csv");
    let o = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "-j".as_ref(),
        "2".as_ref(),
    ]);
    let out = stdout(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for heading in [
        "Confusion matrix",
        "Mean absolute error",
        "Spearman ρ",
        "Kendall τ-b",
        "precision",
        "Claim check",
        "Misclassified",
        "Signal lift",
        "strong_ownership",
        "filler",
    ] {
        assert!(out.contains(heading), "missing {heading}:\n{out}");
    }

    // The report: one row per labelled file, predictions equal to what
    // the assessment gives each resume directly.
    let rows = report_rows(&report);
    let expected = expectations();
    assert_eq!(rows.len(), expected.len());
    let rubric = load_default().unwrap();
    let (mut exact, mut within) = (0, 0);
    for row in &rows {
        let slug = row["file"]
            .strip_prefix("resumes/")
            .and_then(|f| f.strip_suffix(".md"))
            .unwrap();
        let truth = &expected.iter().find(|e| e.0 == slug).unwrap().1;
        assert_eq!(&row["true"], truth);
        let doc = extract_file(
            &resumes_dir().join(format!("{slug}.md")),
            &Limits::default(),
        )
        .unwrap();
        let a = assess(&doc, &rubric);
        assert_eq!(row["predicted"], a.level.name(), "{slug}");
        assert_eq!(row["score"].parse::<f64>().unwrap(), a.score, "{slug}");
        assert!(row["margin"].parse::<f64>().unwrap() >= 0.0);
        assert!(row.contains_key("judgment_score"));
        let off = levelscan::rubric::Level::from_name(truth)
            .unwrap()
            .index()
            .abs_diff(a.level.index());
        exact += usize::from(off == 0);
        within += usize::from(off <= 1);
    }
    // Re-deriving each level from score, gates and thresholds (what the
    // fit relies on) gives the assessed level for every resume.
    assert!(!out.contains("Warning: for"), "{out}");
    // The printed figures are those counts.
    assert_eq!(count(&out, "Exact accuracy"), (exact, rows.len()));
    assert_eq!(count(&out, "Within one level"), (within, rows.len()));
    assert_eq!(
        count(&out, "  claimed level read right").1,
        rows.len(),
        "every fixture claim is one a title rule knows"
    );
}

#[test]
fn the_output_does_not_depend_on_the_thread_count() {
    let dir = labelled_folder();
    let labels = dir.path().join("labels.csv");
    let run = |j: &str| {
        stdout(&levelscan(&[
            "calibrate".as_ref(),
            "--labels".as_ref(),
            labels.as_os_str(),
            "-j".as_ref(),
            j.as_ref(),
        ]))
    };
    assert_eq!(run("1"), run("3"));
}

/// The default rubric's text with every threshold above mid pushed far
/// past any score, so almost everything reads entry.
fn wrong_rubric() -> String {
    let mut doc: toml_edit::DocumentMut = DEFAULT_RUBRIC.parse().unwrap();
    let levels = doc["level"].as_array_of_tables_mut().unwrap();
    for (i, table) in levels.iter_mut().enumerate().skip(1) {
        table["min_score"] = toml_edit::value(100.0 * i as f64);
    }
    doc.to_string()
}

#[test]
fn fit_repairs_wrong_thresholds_and_writes_a_rubric_that_checks() {
    let dir = labelled_folder();
    let labels = dir.path().join("labels.csv");
    let wrong = dir.path().join("wrong.toml");
    let fitted = dir.path().join("fitted.toml");
    std::fs::write(&wrong, wrong_rubric()).unwrap();

    let shipped = stdout(&levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
    ]));
    let broken = stdout(&levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--rubric".as_ref(),
        wrong.as_os_str(),
    ]));
    let o = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--rubric".as_ref(),
        wrong.as_os_str(),
        "--fit".as_ref(),
        fitted.as_os_str(),
    ]);
    let fit_out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{fit_out}");
    assert!(fit_out.contains("leave-one-out"), "{fit_out}");
    // The scores rebuild from the reported family scores, so the family
    // weights were searched (and written only if held-out data agree).
    assert!(fit_out.contains("  family weights "), "{fit_out}");
    assert!(!fit_out.contains("family weights not tuned"), "{fit_out}");
    assert!(fit_out.contains("min_score 100 → "), "{fit_out}");

    let check = levelscan(&["rubric".as_ref(), "check".as_ref(), fitted.as_os_str()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let text = std::fs::read_to_string(&fitted).unwrap();
    assert!(
        text.starts_with("# Fitted by `levelscan calibrate --fit`"),
        "{text}"
    );
    let on_what = format!(
        "# on the labels in {}: {} assessed resumes.",
        labels.display(),
        expectations().len()
    );
    assert!(text.contains(&on_what), "{text}");
    assert!(text.contains("min_score 100 → "), "{text}");
    // The rest of the rubric is the input text: its comments are there.
    assert!(text.contains("# levelscan default rubric: backend engineering."));

    let repaired = stdout(&levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--rubric".as_ref(),
        fitted.as_os_str(),
    ]));
    let within = |s: &str| count(s, "Within one level").0;
    let exact = |s: &str| count(s, "Exact accuracy").0;
    assert!(
        within(&broken) < within(&shipped),
        "the wrong rubric is worse"
    );
    assert!(
        within(&repaired) >= within(&shipped),
        "shipped {} vs repaired {}",
        within(&shipped),
        within(&repaired)
    );
    assert!(exact(&repaired) > exact(&broken));
}

#[test]
fn a_level_with_too_few_labels_keeps_its_boundary_and_says_so() {
    let dir = labelled_folder();
    // Only one principal: the staff→principal boundary cannot move.
    let mut csv = String::from("file,level\n");
    let mut principals = 0;
    for (slug, level, _) in expectations() {
        if level == "principal" {
            principals += 1;
            if principals > 1 {
                continue;
            }
        }
        csv.push_str(&format!("resumes/{slug}.md,{level}\n"));
    }
    let labels = dir.path().join("few.csv");
    std::fs::write(&labels, csv).unwrap();
    let fitted = dir.path().join("fitted.toml");
    let o = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--fit".as_ref(),
        fitted.as_os_str(),
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("principal  min_score kept at")
            && out.contains("only 1 labelled principal resume"),
        "{out}"
    );
    let text = std::fs::read_to_string(&fitted).unwrap();
    assert!(text.contains("only 1 labelled principal resume"), "{text}");
    // Without a `claimed` column there is no claim section.
    assert!(!out.contains("Claim check"));
}

#[test]
fn label_errors_are_reported_by_line_and_broken_files_listed() {
    let dir = labelled_folder();
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.7 not really").unwrap();
    let labels = dir.path().join("bad.csv");
    std::fs::write(
        &labels,
        "level,file\n\
         senior,resumes/senior-go-payments.md\n\
         lead,resumes/mid-go-summary.md\n\
         mid,resumes/no-such-resume.md\n\
         staff,./resumes/senior-go-payments.md\n\
         entry,resumes/entry-go-intern.md\n\
         mid,broken.pdf\n",
    )
    .unwrap();
    let report = dir.path().join("report.csv");
    let o = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "--quiet".as_ref(),
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    // The report holds the usable rows in labels order; the broken file
    // is there with its status and note, and no figures.
    let rows = report_rows(&report);
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str()).collect();
    assert_eq!(
        files,
        [
            "resumes/senior-go-payments.md",
            "resumes/entry-go-intern.md",
            "broken.pdf"
        ]
    );
    assert_eq!(rows[2]["status"], "error");
    assert_eq!(rows[2]["predicted"], "");
    assert!(!rows[2]["note"].is_empty());
    assert_eq!(rows[0]["status"], "ok");
    assert!(
        out.contains("line 3: resumes/mid-go-summary.md: unknown level \"lead\""),
        "{out}"
    );
    assert!(
        out.contains("line 4: resumes/no-such-resume.md: no such file"),
        "{out}"
    );
    assert!(
        out.contains(
            "line 5: ./resumes/senior-go-payments.md: duplicate row, already labelled on line 2"
        ),
        "{out}"
    );
    assert!(out.contains("Not assessed"), "{out}");
    assert!(out.contains("line 7: broken.pdf: error"), "{out}");
    // Two usable, assessed rows are all the figures count.
    assert_eq!(count(&out, "Exact accuracy").1, 2);
}

#[test]
fn a_labels_file_without_a_level_column_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.csv");
    std::fs::write(&labels, "path,grade\na.md,senior\n").unwrap();
    let o = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("must name a `file` and a `level` column"),
        "{err}"
    );
}

#[test]
fn the_shipped_labels_calibrate_and_write_an_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("calibration.html");
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/labels.csv");
    let out = levelscan(&[
        "calibrate".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        "--quiet".as_ref(),
        "--html".as_ref(),
        html.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    // The rendered fixtures: every PDF and DOCX, exact ≥ 90%, within one all.
    let (exact, n) = count(&text, "Exact accuracy");
    assert_eq!(n, 66);
    assert!(exact * 10 >= n * 9, "{text}");
    assert_eq!(count(&text, "Within one level"), (n, n));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("confusion matrix"));
    assert!(page.contains("Signal lift"));
    assert!(!page.contains("http://") && !page.contains("https://"));
}
