//! `levelscan calibrate` end to end, on a labels file written at test time
//! over the labelled resumes in fixtures/resumes (their `.expect.toml`
//! levels and claims): the figures printed agree with the report and with
//! the assessment itself; a rubric with a wrong model is repaired by
//! `--fit`, which reports cross-validated figures; the fitted file passes
//! `rubric check`; label errors are reported by line; a file that cannot be
//! assessed is listed and left out.

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
        "Two or more off",
        "Reliability",
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
        assert_eq!(row["predicted"], a.reported_level(), "{slug}");
        assert_eq!(row["score"].parse::<f64>().unwrap(), a.score, "{slug}");
        assert_eq!(row["claim_check"], a.claim_check.name(), "{slug}");
        assert!(row.contains_key("judgment_score"));
        let off = levelscan::rubric::Level::from_name(truth)
            .unwrap()
            .index()
            .abs_diff(a.level.index());
        exact += usize::from(off == 0);
        within += usize::from(off <= 1);
    }
    // The printed figures are those counts.
    assert_eq!(count(&out, "Exact"), (exact, rows.len()));
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

/// The default rubric's text with a model that reads everyone as entry:
/// no weights, thresholds far above any score.
fn wrong_rubric() -> String {
    let mut doc: toml_edit::DocumentMut = DEFAULT_RUBRIC.parse().unwrap();
    let n = load_default().unwrap().model.weights.len();
    let mut weights = toml_edit::Array::new();
    for _ in 0..n {
        weights.push(0.0);
    }
    doc["model"]["weights"] = toml_edit::value(weights);
    let mut thresholds = toml_edit::Array::new();
    for t in [100.0, 200.0, 300.0, 400.0] {
        thresholds.push(t);
    }
    doc["model"]["thresholds"] = toml_edit::value(thresholds);
    doc.to_string()
}

#[test]
fn fit_repairs_a_wrong_model_and_writes_a_rubric_that_checks() {
    let dir = labelled_folder();
    let labels = dir.path().join("labels.csv");
    let wrong = dir.path().join("wrong.toml");
    let fitted = dir.path().join("fitted.toml");
    std::fs::write(&wrong, wrong_rubric()).unwrap();

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
    assert!(fit_out.contains("Fitted level model"), "{fit_out}");
    assert!(fit_out.contains("threshold 100 → "), "{fit_out}");
    assert!(
        fit_out.contains("Cross-validated (5-fold"),
        "the fit reports held-out figures: {fit_out}"
    );

    let check = levelscan(&["rubric".as_ref(), "check".as_ref(), fitted.as_os_str()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let text = std::fs::read_to_string(&fitted).unwrap();
    let rubric = levelscan::rubric::load_str(&text, "fitted.toml").unwrap();
    assert!(
        rubric.model.fitted_on.contains(&format!(
            "{} IC-labelled resumes of {}",
            expectations()
                .iter()
                .filter(|e| e.1 != "management")
                .count(),
            labels.display()
        )),
        "{}",
        rubric.model.fitted_on
    );
    assert!(rubric.model.cross_validated.starts_with("5-fold; exact "));
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
    let exact = |s: &str| count(s, "Exact").0;
    assert!(within(&repaired) > within(&broken), "{repaired}");
    assert!(exact(&repaired) > exact(&broken), "{repaired}");
}

#[test]
fn a_fit_without_every_level_is_refused() {
    let dir = labelled_folder();
    let mut csv = String::from("file,level\n");
    for (slug, level, _) in expectations() {
        if level != "principal" {
            csv.push_str(&format!("resumes/{slug}.md,{level}\n"));
        }
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
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("the labels hold no principal resume"), "{err}");
    assert!(!fitted.exists(), "nothing is written");
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
    assert_eq!(count(&out, "Exact").1, 2);
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
    let (exact, n) = count(&text, "Exact");
    assert_eq!(n, 66);
    assert!(exact * 10 >= n * 9, "{text}");
    assert_eq!(count(&text, "Within one level"), (n, n));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("confusion matrix"));
    assert!(page.contains("Signal lift"));
    assert!(!page.contains("http://") && !page.contains("https://"));
}
