//! The calibration report's page: how well the rubric's levels agree with
//! known levels.
//!
//! Takes the figures a calibration computed, in plain types (the caller
//! maps its own results into [`CalibrationPage`]); gives the page body: the
//! headline figures (exact and within-one accuracy, mean error, ρ, τ), the
//! confusion matrix as a heatmap, per-level precision and recall, the
//! per-signal and per-flag lift tables (sortable), the misclassified files
//! as evidence cards and the files not assessed. Computes nothing: a figure
//! with no data behind it arrives as `None` and is shown as "–".

use super::chart::confusion_matrix_svg;
use super::escape::escape;
use super::screen::record_card;
use super::table::{Cell, Column, Row, Table};
use crate::report::Record;
use crate::rubric::Level;

/// Everything the calibration page shows. Per-level arrays are in level
/// order, lowest first (`Level::ALL`).
#[derive(Debug, Clone, Copy)]
pub struct CalibrationPage<'a> {
    /// Labelled files assessed.
    pub assessed: usize,
    /// The agreement figures; `None` when nothing was assessed.
    pub metrics: Option<&'a Metrics>,
    pub signal_lift: &'a [LiftRow],
    pub flag_lift: &'a [LiftRow],
    pub misclassified: &'a [Misclassified<'a>],
    pub not_assessed: &'a [FileNote],
    /// Flag descriptions from the rubric: (flag id, sentence).
    pub rubric_flags: &'a [(String, String)],
}

/// One signal's (or flag's) lift row: calibrate's own.
pub use crate::calibrate::lift::LiftRow;
use crate::calibrate::metrics::Metrics;

/// A file whose assessed level is not its label, with its record.
#[derive(Debug, Clone, Copy)]
pub struct Misclassified<'a> {
    pub labelled: Level,
    pub record: &'a Record,
}

/// A labelled file that could not be assessed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FileNote {
    pub file: String,
    pub status: String,
    pub note: String,
}

/// The page body.
pub fn body(page: &CalibrationPage) -> String {
    let mut html = format!(
        "<header class=\"page\"><h1>Calibration report</h1><p>{} labelled files assessed, {} not assessed. \
         Levels assessed by the rubric compared with the levels they are labelled with.</p></header>\n<main>\n",
        page.assessed,
        page.not_assessed.len()
    );
    html.push_str(&headline(page));
    html.push_str(&per_level(page));
    html.push_str(&lift_section(
        "signal-lift",
        "Signal lift",
        "Signal",
        page.signal_lift,
    ));
    html.push_str(&lift_section(
        "flag-lift",
        "Flag lift",
        "Flag",
        page.flag_lift,
    ));
    html.push_str(&misclassified(page));
    html.push_str(&not_assessed(page.not_assessed));
    html.push_str("</main>\n");
    html
}

fn headline(page: &CalibrationPage) -> String {
    let m = page.metrics;
    let confusion = m.map_or([[0; 5]; 5], |m| m.confusion);
    let labels: Vec<String> = Level::ALL.iter().map(|l| l.name().to_string()).collect();
    let facts = [
        ("Exact level", percent(m.map(|m| m.exact))),
        ("Within one level", percent(m.map(|m| m.within_one))),
        ("Mean level error", fixed(m.map(|m| m.mean_abs_error))),
        ("Spearman ρ", fixed(m.and_then(|m| m.spearman))),
        ("Kendall τ-b", fixed(m.and_then(|m| m.kendall_tau_b))),
    ];
    let mut html = String::from(
        "<section id=\"agreement\" aria-labelledby=\"agreement-h\"><h2 id=\"agreement-h\">Agreement</h2>\n<dl class=\"facts\">",
    );
    for (term, value) in facts {
        html.push_str(&format!("<div><dt>{term}</dt><dd>{value}</dd></div>"));
    }
    html.push_str("</dl>\n<figure><figcaption>Confusion matrix: rows are the labelled level, columns the assessed level; the outlined diagonal is agreement</figcaption>");
    html.push_str(&confusion_matrix_svg(&labels, &confusion));
    html.push_str("</figure>\n</section>\n");
    html
}

fn per_level(page: &CalibrationPage) -> String {
    let m = page.metrics;
    let confusion = m.map_or([[0; 5]; 5], |m| m.confusion);
    let rows = Level::ALL
        .iter()
        .map(|level| {
            let i = level.index();
            let labelled: usize = confusion[i].iter().sum();
            let assessed: usize = confusion.iter().map(|row| row[i]).sum();
            Row {
                cells: vec![
                    Cell::html(escape(level.name()), &i.to_string()),
                    Cell::number(Some(labelled as f64), 0),
                    Cell::number(Some(assessed as f64), 0),
                    Cell::number(m.and_then(|m| m.precision[i]), 2),
                    Cell::number(m.and_then(|m| m.recall[i]), 2),
                ],
                attrs: Vec::new(),
            }
        })
        .collect();
    let table = Table {
        id: "per-level".into(),
        caption: "Precision (of those assessed at a level, the share labelled there) and recall (of those labelled at a level, the share assessed there)".into(),
        columns: vec![
            Column::number("Level"),
            Column::number("Labelled"),
            Column::number("Assessed"),
            Column::number("Precision"),
            Column::number("Recall"),
        ],
        rows,
    };
    format!(
        "<section id=\"levels\" aria-labelledby=\"levels-h\"><h2 id=\"levels-h\">Per level</h2>\n{}</section>\n",
        table.render()
    )
}

fn lift_section(id: &str, heading: &str, what: &str, lines: &[LiftRow]) -> String {
    let mut html = format!(
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{heading}</h2>\n"
    );
    if lines.is_empty() {
        html.push_str("<p class=\"none\">None fired.</p></section>\n");
        return html;
    }
    let mut columns = vec![Column::text(what), Column::number("Fired in")];
    columns.extend(
        Level::ALL
            .iter()
            .map(|l| Column::number(&format!("% {}", l.name()))),
    );
    columns.push(Column::number("ρ with level"));
    let rows = lines
        .iter()
        .map(|line| {
            let mut cells = vec![
                Cell::text(&line.id),
                Cell::number(Some(line.fired as f64), 0),
            ];
            cells.extend(
                line.rate
                    .iter()
                    .map(|r| Cell::number(r.map(|r| r * 100.0), 0)),
            );
            cells.push(Cell::number(line.rho, 2));
            Row {
                cells,
                attrs: Vec::new(),
            }
        })
        .collect();
    let table = Table {
        id: format!("{id}-table"),
        caption: format!(
            "How often each {} fires among the resumes labelled at each level; ρ near 1 separates levels, near 0 is noise",
            what.to_lowercase()
        ),
        columns,
        rows,
    };
    html.push_str(&table.render());
    html.push_str("</section>\n");
    html
}

fn misclassified(page: &CalibrationPage) -> String {
    let mut html = String::from(
        "<section id=\"misclassified\" aria-labelledby=\"misclassified-h\"><h2 id=\"misclassified-h\">Misclassified files</h2>\n",
    );
    if page.misclassified.is_empty() {
        html.push_str("<p>Every assessed file got its labelled level.</p>\n");
    }
    for (i, m) in page.misclassified.iter().enumerate() {
        html.push_str(&format!(
            "<div class=\"misclassified\"><p class=\"verdict\">Labelled <strong>{}</strong>, assessed <strong>{}</strong></p>\n{}</div>\n",
            escape(m.labelled.name()),
            escape(m.record.level.as_deref().unwrap_or("–")),
            record_card(&format!("m{i}"), m.record, page.rubric_flags)
        ));
    }
    html.push_str("</section>\n");
    html
}

fn not_assessed(notes: &[FileNote]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<section id=\"not-assessed\" aria-labelledby=\"not-assessed-h\"><h2 id=\"not-assessed-h\">Files not assessed</h2>\n\
         <table class=\"plain\"><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead><tbody>\n",
    );
    for n in notes {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&n.file),
            escape(&n.status),
            escape(&n.note)
        ));
    }
    html.push_str("</tbody></table></section>\n");
    html
}

fn percent(value: Option<f64>) -> String {
    value.map_or("–".into(), |v| format!("{:.0}%", v * 100.0))
}

fn fixed(value: Option<f64>) -> String {
    value.map_or("–".into(), |v| format!("{v:.2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(level: &str, quote: &str) -> Record {
        let mut r = Record::not_assessed("x/<b>odd</b>.pdf".into(), "ok", String::new());
        r.level = Some(level.into());
        r.families = vec![crate::report::FamilyResult {
            family: "scale".into(),
            score: 2.0,
            evidence: vec![crate::report::Quote {
                family: "scale".into(),
                signal: "fleet".into(),
                weight: 2.0,
                page: 1,
                line: 3,
                quote: quote.into(),
                matched: "40 engineers".into(),
            }],
        }];
        r
    }

    fn render(misclassified: &[Misclassified], lift: &[LiftRow], notes: &[FileNote]) -> String {
        let mut confusion = [[0; 5]; 5];
        confusion[1][1] = 4;
        confusion[2][1] = 1;
        confusion[2][2] = 3;
        let metrics = Metrics {
            n: 8,
            confusion,
            exact: 0.875,
            within_one: 1.0,
            mean_abs_error: 0.125,
            spearman: Some(0.8123),
            kendall_tau_b: None,
            precision: [None, Some(0.8), Some(1.0), None, None],
            recall: [None, Some(1.0), Some(0.75), None, None],
        };
        body(&CalibrationPage {
            assessed: 8,
            metrics: Some(&metrics),
            signal_lift: lift,
            flag_lift: &[],
            misclassified,
            not_assessed: notes,
            rubric_flags: &[],
        })
    }

    #[test]
    fn the_headline_figures_and_the_labelled_heatmap_are_shown() {
        let html = render(&[], &[], &[]);
        assert!(html.contains("<dt>Exact level</dt><dd>88%</dd>"));
        assert!(html.contains("<dt>Within one level</dt><dd>100%</dd>"));
        assert!(html.contains("<dt>Spearman ρ</dt><dd>0.81</dd>"));
        // No figure is invented where there is no data.
        assert!(html.contains("<dt>Kendall τ-b</dt><dd>–</dd>"));
        assert!(html.contains("aria-label=\"confusion matrix\""));
        assert!(html.contains("<title>true senior, predicted mid: 1</title>"));
        assert!(html.contains("Every assessed file got its labelled level."));
    }

    #[test]
    fn per_level_counts_come_from_the_matrix() {
        let html = render(&[], &[], &[]);
        // senior: 4 labelled (1 + 3), 3 assessed; precision 1.00, recall 0.75.
        assert!(html.contains(
            "<td data-sort=\"2\">senior</td><td data-sort=\"4\">4</td><td data-sort=\"3\">3</td>\
             <td data-sort=\"1\">1.00</td><td data-sort=\"0.75\">0.75</td>"
        ));
        // A level never predicted has an empty precision cell, sorted last.
        assert!(html.contains("<td data-sort=\"0\">entry</td><td data-sort=\"0\">0</td><td data-sort=\"0\">0</td><td data-sort=\"\"></td>"));
    }

    #[test]
    fn lift_rows_are_sortable_percentages() {
        let lift = [LiftRow {
            id: "fleet<".into(),
            rate: [Some(0.0), Some(0.25), Some(1.0), None, None],
            fired: 4,
            rho: Some(0.7),
        }];
        let html = render(&[], &lift, &[]);
        assert!(html.contains("<table class=\"sortable\" id=\"signal-lift-table\">"));
        assert!(html.contains("<td data-sort=\"fleet&lt;\">fleet&lt;</td><td data-sort=\"4\">4</td><td data-sort=\"0\">0</td><td data-sort=\"25\">25</td><td data-sort=\"100\">100</td><td data-sort=\"\"></td>"));
        assert!(
            html.contains(
                "<h2 id=\"flag-lift-h\">Flag lift</h2>\n<p class=\"none\">None fired.</p>"
            )
        );
    }

    #[test]
    fn misclassified_files_show_their_evidence_escaped() {
        let r = record("mid", "Grew the <team> to 40 engineers");
        let notes = [FileNote {
            file: "y.doc".into(),
            status: "unsupported".into(),
            note: "legacy .doc: save as DOCX or PDF".into(),
        }];
        let html = render(
            &[Misclassified {
                labelled: Level::Senior,
                record: &r,
            }],
            &[],
            &notes,
        );
        assert!(html.contains("Labelled <strong>senior</strong>, assessed <strong>mid</strong>"));
        assert!(html.contains("<article class=\"card\" id=\"m0\""));
        assert!(html.contains("x/&lt;b&gt;odd&lt;/b&gt;.pdf"));
        assert!(html.contains("Grew the &lt;team&gt; to <mark>40 engineers</mark>"));
        assert!(html.contains(
            "<td>y.doc</td><td>unsupported</td><td>legacy .doc: save as DOCX or PDF</td>"
        ));
    }
}
