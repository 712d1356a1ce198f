//! The `--job` matrix: candidates down, the posting's requirements across,
//! each cell `shown` (with the latest year), `listed` or absent, the quote
//! on hover (its `title`) and on click (a `<details>`), sorted by fit as
//! the ranking is. It reads without JavaScript and prints: every cell
//! carries a word or a symbol as well as its colour.

use super::escape::escape;
use crate::jobfit::{Depth, Importance, RequirementVerdict};
use crate::report::Record;

/// The matrix of the assessed records that were matched against a posting
/// (in ranking order), or nothing when none was. `card_id` links a row to
/// its candidate's card.
pub fn job_matrix(assessed: &[(usize, &Record)], card_id: impl Fn(usize) -> String) -> String {
    // Every record was matched against the same posting: its requirements,
    // in its order, are the columns.
    let Some(columns) = assessed
        .iter()
        .find_map(|(_, r)| r.job.as_ref())
        .map(|fit| &fit.requirements)
    else {
        return String::new();
    };
    let mut html = String::from(
        "<section id=\"job\" aria-labelledby=\"job-h\"><h2 id=\"job-h\">Requirements, candidate by candidate</h2>\n\
         <p>● shown: named in work the person did (the latest year of its role); ○ listed: only in a skills list, summary or title; — absent. Point at a cell (or open it) for the quote.</p>\n\
         <div class=\"table-wrap\"><table class=\"matrix\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Candidate</th><th scope=\"col\">Fit</th><th scope=\"col\">Level</th>",
    );
    for c in columns {
        let nice = c.importance == Importance::Nice;
        html.push_str(&format!(
            "<th scope=\"col\" class=\"{}\">{}{}</th>",
            if nice { "nice" } else { "required" },
            escape(&c.requirement),
            if nice { " <small>(nice)</small>" } else { "" }
        ));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (index, r) in assessed {
        let Some(fit) = &r.job else { continue };
        let who = r.candidate.as_deref().unwrap_or(&r.file);
        html.push_str(&format!(
            "<tr><td>{}</td><th scope=\"row\"><a href=\"#{}\">{}</a></th><td class=\"fit\">{:.0}</td><td>{}</td>",
            r.rank.map_or(String::new(), |n| n.to_string()),
            card_id(*index),
            escape(who),
            fit.job_fit,
            fit.level_fit.map_or("", |l| l.name()),
        ));
        for verdict in &fit.requirements {
            html.push_str(&cell(verdict));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table></div></section>\n");
    html
}

/// One requirement's cell.
fn cell(v: &RequirementVerdict) -> String {
    let (class, mark) = match v.depth {
        Depth::Shown => ("shown", "●"),
        Depth::Listed => ("listed", "○"),
        Depth::Absent => return "<td class=\"absent\">—</td>".into(),
    };
    let year = v.year.map_or(String::new(), |y| format!(" {y}"));
    let place = match (v.page, v.line) {
        (Some(p), Some(l)) => format!(" (p{p} l{l})"),
        _ => String::new(),
    };
    let quote = format!("{}{place}", v.quote.as_deref().unwrap_or(""));
    format!(
        "<td class=\"{class}\" title=\"{}\"><details><summary>{mark} {}{year}</summary>{}</details></td>",
        escape(&quote),
        v.depth.name(),
        escape(&quote),
    )
}
