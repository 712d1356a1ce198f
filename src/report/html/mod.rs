//! The ranking as one self-contained HTML page a recruiter opens from disk.
//!
//! Takes ranked (and, when asked, redacted) records; gives a single file
//! with its styles, script and charts inline. The page never refers to
//! anything outside itself (its Content-Security-Policy forbids it too),
//! reads fully without JavaScript, and prints cleanly. Resume text is
//! always escaped: a resume holding `<script>` shows it as text.
//!
//! Parts: `escape` (escaping, highlighting), `table` (a sortable table),
//! `chart` (bar chart and confusion-matrix heatmap, SVG), `flags` (a
//! sentence per flag), `matrix` (the `--job` requirements matrix),
//! `screen` (the screen page), `calibrate` (the
//! calibration page). [`page`], [`Table`],
//! [`record_card`] and the charts are public so other reports (calibrate)
//! are built from the same pieces.

mod calibrate;
mod chart;
mod escape;
mod flags;
mod matrix;
mod screen;
mod table;

use std::io::{self, Write};

use sha2::{Digest, Sha256};

pub use calibrate::{CalibrationPage, FileNote, LiftRow, Misclassified};
pub use chart::{Bar, bar_chart_svg, confusion_matrix_svg, palette};
pub use escape::{escape, highlight};
pub use flags::explain as explain_flag;
pub use screen::{ScreenPage, record_card};
pub use table::{Cell, Column, ColumnKind, Row, Table};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// A whole page around `body` (HTML the caller built from escaped parts).
///
/// The script runs under a nonce derived from the body, so a script tag
/// that slipped into the body by mistake would still not run.
pub fn page(title: &str, body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let nonce: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-{nonce}'\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}\
         <script nonce=\"{nonce}\">\n{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape(title),
    )
}

/// The screen report as a page.
pub fn render_screen(page_data: &ScreenPage) -> String {
    page("levelscan screening report", &screen::body(page_data))
}

/// The calibration report as a page.
pub fn render_calibration(page_data: &CalibrationPage) -> String {
    page("levelscan calibration report", &calibrate::body(page_data))
}

/// Write the calibration report.
pub fn write_calibration(out: &mut impl Write, page_data: &CalibrationPage) -> io::Result<()> {
    out.write_all(render_calibration(page_data).as_bytes())
}

/// Write the screen report.
pub fn write_screen(out: &mut impl Write, page_data: &ScreenPage) -> io::Result<()> {
    out.write_all(render_screen(page_data).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{FamilyResult, Quote, Record};

    fn assessed(file: &str, level: &str, score: f64, quote: &str, matched: &str) -> Record {
        let mut r = Record::not_assessed(file.into(), "ok", String::new());
        r.level = Some(level.into());
        r.score = Some(score);
        r.confidence = Some(0.5);
        r.claim_check = Some("consistent".into());
        r.claimed_level = Some(level.into());
        r.candidate = Some("Rowan <b>Ellery</b>".into());
        r.flags = vec!["filler".into()];
        r.missing_for_next = vec!["cross-team scope".into()];
        r.families = vec![FamilyResult {
            family: "ownership".into(),
            score: 4.0,
            evidence: vec![Quote {
                family: "ownership".into(),
                signal: "owns_service".into(),
                weight: 2.5,
                page: 1,
                line: 12,
                quote: quote.into(),
                matched: matched.into(),
            }],
        }];
        r
    }

    fn sample() -> Vec<Record> {
        let mut a = assessed(
            "a.pdf",
            "senior",
            21.0,
            "Owned the <script>alert(1)</script> billing API; see https://example.com/x",
            "owned the",
        );
        a.rank = Some(1);
        let mut b = assessed("b.md", "mid", 9.5, "Built a queue consumer", "built");
        b.rank = Some(2);
        let dup = Record::not_assessed(
            "c.pdf".into(),
            "duplicate",
            "duplicate of a.pdf (same file)".into(),
        );
        let broken =
            Record::not_assessed("d.pdf".into(), "encrypted", "encrypted <password>".into());
        vec![a, b, dup, broken]
    }

    fn render(records: &[Record]) -> String {
        render_screen(&ScreenPage {
            records,
            rubric_flags: &[],
            redacted: false,
        })
    }

    #[test]
    fn resume_markup_is_escaped_everywhere() {
        let html = render(&sample());
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Rowan &lt;b&gt;Ellery&lt;/b&gt;"));
        assert!(html.contains("encrypted &lt;password&gt;"));
        // The page's own script is the only script element.
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn the_matched_words_are_marked_in_the_quote_with_its_place() {
        let html = render(&sample());
        assert!(html.contains("<q><mark>Owned the</mark> &lt;script&gt;"));
        assert!(html.contains("<span class=\"place\">(p1 l12)</span>"));
        assert!(html.contains("owns_service · weight 2.50"));
    }

    #[test]
    fn no_external_references_outside_escaped_resume_text() {
        let html = render(&sample());
        // The one link in the page is the resume's own, inside its quote.
        assert_eq!(html.matches("https://").count(), 1);
        assert!(html.contains("see https://example.com/x</q>"));
        assert!(!html.contains("http://"));
        for attribute in ["src=", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(attribute), "{attribute}");
        }
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn the_table_sorts_and_filters_by_its_attributes() {
        let html = render(&sample());
        assert!(html.contains("<table class=\"sortable\" id=\"candidates\">"));
        assert_eq!(html.matches("<th scope=\"col\" data-kind=").count(), 9);
        assert!(html.contains("<tr data-filterable=\"\" data-level=\"senior\" data-claim=\"consistent\" data-flags=\"filler\">"));
        assert!(html.contains("<td data-sort=\"21\">21.00</td>"));
        // Level sorts by its order, not alphabetically.
        assert!(html.contains("<td data-sort=\"3\"><span class=\"badge level-senior\">"));
        assert!(html.contains("<option value=\"senior\">senior</option>"));
        assert!(html.contains("<option value=\"filler\">filler</option>"));
    }

    #[test]
    fn the_summary_counts_levels_checks_and_lists_files_not_assessed() {
        let html = render(&sample());
        assert!(html.contains("4 files, 2 assessed."));
        assert!(html.contains("aria-label=\"Assessed files by level\""));
        assert!(html.contains("<td>duplicate of a.pdf (same file)</td>"));
        assert!(html.contains("<td>encrypted</td>"));
        assert!(html.contains("✓</span> consistent</span></th><td>2</td>"));
    }

    #[test]
    fn cards_explain_flags_and_what_the_next_level_needs() {
        let html = render(&sample());
        assert_eq!(html.matches("<article class=\"card\"").count(), 2);
        assert!(html.contains(&escape(&explain_flag("filler", None))));
        assert!(html.contains("<h4>Missing for the next level</h4><ul><li>cross-team scope</li>"));
    }

    #[test]
    fn an_empty_batch_is_still_a_page() {
        let html = render(&[]);
        assert!(html.contains("0 files, 0 assessed."));
        assert!(html.contains("Every file was assessed."));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn another_report_composes_a_page_from_the_public_pieces() {
        // The shape a calibration page takes: a heatmap, a sortable table
        // of figures and the cards of misclassified files.
        let labels: Vec<String> = ["mid", "senior"].map(String::from).to_vec();
        let table = Table {
            id: "per-level".into(),
            caption: "Precision and recall".into(),
            columns: vec![Column::text("Level"), Column::number("Precision")],
            rows: vec![Row {
                cells: vec![Cell::text("senior"), Cell::number(Some(0.75), 2)],
                attrs: Vec::new(),
            }],
        };
        let records = sample();
        let body = format!(
            "<main>{}{}{}</main>",
            confusion_matrix_svg(&labels, &[[3, 1], [0, 5]]),
            table.render(),
            record_card("m0", &records[0], &[])
        );
        let html = page("levelscan calibration report", &body);
        assert!(html.contains("<title>levelscan calibration report</title>"));
        assert!(html.contains("aria-label=\"confusion matrix\""));
        assert!(html.contains("<table class=\"sortable\" id=\"per-level\">"));
        assert!(html.contains("<article class=\"card\" id=\"m0\""));
        assert_eq!(html.matches("<script").count(), 1);
    }

    #[test]
    fn the_same_records_give_the_same_page() {
        assert_eq!(render(&sample()), render(&sample()));
    }
}
