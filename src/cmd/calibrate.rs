//! `levelscan calibrate --labels FILE`: measure a rubric against resumes of
//! known level, and with `--fit` write a rubric whose level model is fitted
//! to them, with its cross-validated figures.
//!
//! Order of work: load the rubric and the labels (a bad rubric or a labels
//! file without `file` and `level` columns stops here, exit 2, nothing
//! written), open the report, screen every labelled file in isolated
//! worker processes exactly as `screen` does, measure, fit if asked, then
//! print. Label rows left out and files that could not be assessed are
//! printed with their line numbers and make the exit code 1. The output is
//! a function of the labels, files and flags alone, never of `-j`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use levelscan::calibrate::{self, ModelFit, labels, rewrite, text};
use levelscan::report::{Record, html};
use levelscan::rubric::{DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME, Rubric, load_str};
use levelscan::screen::Screened;

use super::parallel;
use super::progress::Progress;
use super::{CommandError, Outcome};
use crate::cli::CalibrateArgs;

pub fn run(args: &CalibrateArgs, out: &mut impl Write) -> Result<Outcome, CommandError> {
    let started = Instant::now();
    // The rubric's text is kept: a fitted rubric is this text with only
    // the fitted values changed.
    let (rubric_text, rubric_name) = match &args.rubric {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                levelscan::rubric::RubricError::Read {
                    file: name.clone(),
                    message: e.to_string(),
                }
            })?;
            (text, name)
        }
        None => (DEFAULT_RUBRIC.to_string(), DEFAULT_RUBRIC_NAME.to_string()),
    };
    let rubric = load_str(&rubric_text, &rubric_name)?;
    let labels_name = args.labels.display().to_string();
    let labelled = labels::load(&args.labels)?;
    if labelled.labels.is_empty() {
        let problems: Vec<String> = labelled
            .problems
            .iter()
            .map(|p| format!("\n  {labels_name} {p}"))
            .collect();
        return Err(CommandError::Usage(format!(
            "{labels_name}: no usable labelled rows{}",
            problems.concat()
        )));
    }
    if let Some(p) = &args.fit {
        let folder = p.parent().filter(|f| !f.as_os_str().is_empty());
        if folder.is_some_and(|f| !f.is_dir()) {
            return Err(CommandError::Usage(format!(
                "{}: cannot write: its folder does not exist",
                p.display()
            )));
        }
    }
    let mut report_out = args.report.as_deref().map(create).transpose()?;
    let mut html_out = args.html.as_deref().map(create).transpose()?;

    let records = screen_all(args, &labelled.labels)?;
    let cal = calibrate::calibrate(&labelled.labels, records, &rubric);

    let fitted: Option<ModelFit> = match &args.fit {
        Some(path) => Some(fit_and_write(
            &cal,
            &rubric,
            &rubric_text,
            &rubric_name,
            &labels_name,
            path,
        )?),
        None => None,
    };

    text::write(out, &cal, fitted.as_ref())?;
    if let Some(path) = &args.fit {
        writeln!(out, "  written to {}", path.display())?;
    }
    if !labelled.problems.is_empty() {
        writeln!(out)?;
        writeln!(out, "Label rows left out ({labels_name})")?;
        for p in &labelled.problems {
            writeln!(out, "  {p}")?;
        }
    }
    out.flush()?;
    if let Some(report) = report_out.as_mut() {
        let families: Vec<String> = rubric.families.iter().map(|f| f.id.clone()).collect();
        calibrate::report::write(report, &cal, &families, fitted.as_ref())?;
        report.flush()?;
    }
    if let Some(html) = html_out.as_mut() {
        write_html(html, &cal, &rubric)?;
        html.flush()?;
    }

    let summary = match &cal.agreement.metrics {
        Some(m) => format!(
            "exact {:.1}%, within one {:.1}%",
            m.exact * 100.0,
            m.within_one * 100.0
        ),
        None => "nothing assessed".into(),
    };
    eprintln!(
        "levelscan: {} labelled file{} in {:.1} s: {} assessed, {} not assessed, {} label row{} left out; {summary}",
        labelled.labels.len(),
        if labelled.labels.len() == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64(),
        cal.observations.len(),
        cal.not_assessed.len(),
        labelled.problems.len(),
        if labelled.problems.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    Ok(
        if cal.not_assessed.is_empty() && labelled.problems.is_empty() {
            Outcome::Complete
        } else {
            Outcome::SomeInputsFailed
        },
    )
}

/// A report file, created before any work so a path that cannot be
/// written stops the run first.
fn create(path: &Path) -> Result<BufWriter<File>, CommandError> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| CommandError::Usage(format!("{}: cannot write: {e}", path.display())))
}

/// The calibration as an HTML page.
fn write_html(
    out: &mut impl Write,
    cal: &calibrate::Calibration,
    rubric: &Rubric,
) -> std::io::Result<()> {
    let rubric_flags = rubric.flag_descriptions();
    let misclassified: Vec<html::Misclassified> = cal
        .observations
        .iter()
        .filter_map(|o| {
            let labelled = o.label.truth.level()?;
            (labelled != o.ic_level()).then_some(html::Misclassified {
                labelled,
                record: &o.record,
            })
        })
        .collect();
    let not_assessed: Vec<html::FileNote> = cal
        .not_assessed
        .iter()
        .map(|n| html::FileNote {
            file: n.label.file.clone(),
            status: n.status.clone(),
            note: n.note.clone(),
        })
        .collect();
    let page = html::CalibrationPage {
        assessed: cal.observations.len(),
        metrics: cal.agreement.metrics.as_ref(),
        signal_lift: &cal.signal_lift,
        flag_lift: &cal.flag_lift,
        misclassified: &misclassified,
        not_assessed: &not_assessed,
        rubric_flags: &rubric_flags,
    };
    html::write_calibration(out, &page)
}

/// Every labelled file through its worker, in labels order.
fn screen_all(
    args: &CalibrateArgs,
    labelled: &[labels::Label],
) -> Result<Vec<Record>, CommandError> {
    let (threads, pool) = parallel::start::<Screened>(
        &args.batch,
        &args.limits,
        args.rubric.as_deref(),
        None,
        None,
        None,
    )?;
    let progress = Progress::new(labelled.len() as u64, args.quiet);
    let paths: Vec<&Path> = labelled.iter().map(|label| label.path.as_path()).collect();
    let records = pool.run_all(&threads, &paths, |i, result| {
        let label = &labelled[i];
        let record = match result {
            Ok(screened) => Record {
                file: label.file.clone(),
                ..screened.record
            },
            Err(failure) => Record::not_assessed(label.file.clone(), "error", failure.to_string()),
        };
        if !record.is_assessed() && !args.quiet {
            progress.warn(&format!("{}: {}", record.file, record.note));
        }
        progress.file_done();
        record
    });
    progress.finish();
    Ok(records)
}

/// Fit the level model, write the fitted rubric, and return the fit for
/// the printed report.
fn fit_and_write(
    cal: &calibrate::Calibration,
    rubric: &Rubric,
    rubric_text: &str,
    rubric_name: &str,
    labels_name: &str,
    path: &Path,
) -> Result<ModelFit, CommandError> {
    let fit = calibrate::fit_model(cal, rubric).map_err(|e| CommandError::Usage(e.to_string()))?;
    let provenance = rewrite::Provenance {
        fitted_on: format!(
            "{} IC-labelled resumes of {labels_name} ({} of them fit only; from {rubric_name})",
            fit.samples, fit.train_only
        ),
        cross_validated: cross_validated_summary(&fit),
    };
    let text = rewrite::rewrite(rubric_text, &path.display().to_string(), &fit, &provenance)
        .map_err(|e| CommandError::Usage(e.to_string()))?;
    std::fs::write(path, text)
        .map_err(|e| CommandError::Usage(format!("{}: cannot write: {e}", path.display())))?;
    Ok(fit)
}

/// One line of the cross-validated figures, for the rubric's own record.
fn cross_validated_summary(fit: &ModelFit) -> String {
    let cv = &fit.cross_validated;
    let mut parts = vec![format!("{}-fold", calibrate::FOLDS)];
    if let Some(m) = &cv.metrics {
        let off2: usize = (0..5usize)
            .flat_map(|t| (0..5usize).map(move |p| (t, p)))
            .filter(|(t, p)| t.abs_diff(*p) >= 2)
            .map(|(t, p)| m.confusion[t][p])
            .sum();
        parts.push(format!(
            "exact {:.2}, within one {:.2}, two or more off {}/{}",
            m.exact, m.within_one, off2, m.n
        ));
    }
    if let Some(c) = &cv.claims {
        parts.push(format!(
            "claim verdict agrees {}/{}, false overclaimed {}/{}",
            c.verdict_right, c.n, c.false_overclaimed, c.n
        ));
    }
    parts.join("; ")
}
