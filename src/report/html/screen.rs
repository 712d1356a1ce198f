//! The screen report's page: summary, candidate table, one card per
//! candidate.
//!
//! Takes the ranked (and, with `--redact`, redacted) records; gives the
//! page body as HTML. Everything a reader needs is in the markup itself, so
//! the page reads without JavaScript; the script only sorts and filters.
//! Every string from a resume or a file name is escaped on its way in;
//! nothing here changes a record.

use std::collections::BTreeMap;

use super::chart::{Bar, bar_chart_svg, palette};
use super::escape::{escape, highlight, occurs};
use super::flags::explain;
use super::matrix::job_matrix;
use super::table::{Cell, Column, Row, Table};
use crate::report::{FamilyResult, Quote, Record};
use crate::rubric::Level;

/// What the screen page is made from.
#[derive(Debug, Clone, Copy)]
pub struct ScreenPage<'a> {
    /// Every input's row, ranked.
    pub records: &'a [Record],
    /// Flag descriptions from the rubric in use: (flag id, sentence).
    pub rubric_flags: &'a [(String, String)],
    /// Whether names and contacts were removed (said in the page header).
    pub redacted: bool,
}

/// The claim-check values, in the order the summary lists them.
const CLAIM_CHECKS: [&str; 4] = ["consistent", "overclaimed", "underclaimed", "unknown"];

/// The page body: header, summary, table, cards.
pub fn body(page: &ScreenPage) -> String {
    let assessed: Vec<(usize, &Record)> = page
        .records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_assessed())
        .collect();
    let mut html = String::new();
    html.push_str("<header class=\"page\"><h1>Screening report</h1>");
    html.push_str(&format!(
        "<p>{} files, {} assessed. Every score is backed by quotes from the resume, each with its page and line.{}</p></header>\n",
        page.records.len(),
        assessed.len(),
        if page.redacted {
            " Names, emails, phone numbers and links are redacted."
        } else {
            ""
        }
    ));
    html.push_str("<main>\n");
    html.push_str(&summary(page.records, &assessed));
    html.push_str(&job_matrix(&assessed, card_id));
    html.push_str(&candidates(&assessed));
    html.push_str("<section id=\"cards\" aria-labelledby=\"cards-h\"><h2 id=\"cards-h\">Candidates in detail</h2>\n");
    for (index, record) in &assessed {
        html.push_str(&record_card(&card_id(*index), record, page.rubric_flags));
    }
    html.push_str("</section>\n");
    html.push_str(&not_assessed(page.records));
    html.push_str("</main>\n");
    html
}

fn summary(records: &[Record], assessed: &[(usize, &Record)]) -> String {
    let mut html = String::from(
        "<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n<div class=\"summary-grid\">\n",
    );
    let bars: Vec<Bar> = Level::ALL
        .iter()
        .rev()
        .map(|level| Bar {
            label: level.name().into(),
            value: assessed
                .iter()
                .filter(|(_, r)| r.level.as_deref() == Some(level.name()))
                .count(),
            colour: level_colour(level.name()),
        })
        .collect();
    html.push_str("<figure><figcaption>Assessed files by level</figcaption>");
    html.push_str(&bar_chart_svg("Assessed files by level", &bars));
    html.push_str("</figure>\n");

    html.push_str("<table class=\"counts\"><caption>Claim check</caption><tbody>");
    for check in CLAIM_CHECKS {
        let n = assessed
            .iter()
            .filter(|(_, r)| r.claim_check.as_deref() == Some(check))
            .count();
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{n}</td></tr>",
            claim_badge(check)
        ));
    }
    html.push_str("</tbody></table>\n");

    let mut statuses: BTreeMap<&str, usize> = BTreeMap::new();
    for record in records {
        *statuses.entry(record.status.as_str()).or_default() += 1;
    }
    html.push_str("<table class=\"counts\"><caption>Files</caption><tbody>");
    html.push_str(&format!(
        "<tr><th scope=\"row\">all files</th><td>{}</td></tr>",
        records.len()
    ));
    for (status, n) in &statuses {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{n}</td></tr>",
            escape(status)
        ));
    }
    html.push_str("</tbody></table>\n</div>\n");

    let not_assessed = records.iter().filter(|r| !r.is_assessed()).count();
    html.push_str(&if not_assessed == 0 {
        "<p>Every file was assessed.</p>\n".to_string()
    } else {
        format!(
            "<p>{not_assessed} not assessed (duplicates and files that could not be read): <a href=\"#not-assessed\">listed with the reason</a> at the end.</p>\n"
        )
    });
    html.push_str("</section>\n");
    html
}

/// The files that have no card: duplicates and files that could not be
/// read, each with the reason.
fn not_assessed(records: &[Record]) -> String {
    let rows: Vec<&Record> = records.iter().filter(|r| !r.is_assessed()).collect();
    if rows.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<section id=\"not-assessed\" aria-labelledby=\"not-assessed-h\"><h2 id=\"not-assessed-h\">Files not assessed</h2>\n\
         <table class=\"plain\"><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead><tbody>\n",
    );
    for record in rows {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&record.file),
            escape(&record.status),
            escape(&record.note)
        ));
    }
    html.push_str("</tbody></table></section>\n");
    html
}

fn candidates(assessed: &[(usize, &Record)]) -> String {
    let rows = assessed
        .iter()
        .map(|(index, r)| {
            let level = r.level.as_deref().unwrap_or("");
            let claim = r.claim_check.as_deref().unwrap_or("");
            Row {
                cells: vec![
                    Cell::number(r.rank.map(|n| n as f64), 0),
                    Cell::html(
                        format!("<a href=\"#{}\">{}</a>", card_id(*index), escape(&r.file)),
                        &r.file.to_lowercase(),
                    ),
                    Cell::text(r.candidate.as_deref().unwrap_or("")),
                    Cell::html(level_badge(level), &level_order(level).to_string()),
                    Cell::number(r.score, 2),
                    Cell::number(r.confidence, 2),
                    Cell::text(r.claimed_level.as_deref().unwrap_or("")),
                    Cell::html(claim_badge(claim), claim),
                    Cell::html(
                        r.flags
                            .iter()
                            .map(|f| format!("<span class=\"flag\">{}</span>", escape(f)))
                            .collect::<Vec<_>>()
                            .join(" "),
                        &r.flags.join(" "),
                    ),
                ],
                attrs: filter_attrs(r),
            }
        })
        .collect();
    let table = Table {
        id: "candidates".into(),
        caption: "Candidates, ranked (principal first, then by score)".into(),
        columns: vec![
            Column::number("Rank"),
            Column::text("File"),
            Column::text("Candidate"),
            Column::number("Level"),
            Column::number("Score"),
            Column::number("Confidence"),
            Column::text("Claimed level"),
            Column::text("Claim check"),
            Column::text("Flags"),
        ],
        rows,
    };
    let mut html = String::from(
        "<section id=\"table\" aria-labelledby=\"table-h\"><h2 id=\"table-h\">Candidates</h2>\n",
    );
    html.push_str(&filters(assessed));
    html.push_str(&table.render());
    html.push_str("</section>\n");
    html
}

/// The filter controls: hidden in the markup (they do nothing without the
/// script), shown by the script.
fn filters(assessed: &[(usize, &Record)]) -> String {
    let levels: Vec<&str> = Level::ALL
        .iter()
        .rev()
        .map(|l| l.name())
        .filter(|name| {
            assessed
                .iter()
                .any(|(_, r)| r.level.as_deref() == Some(name))
        })
        .collect();
    let claims: Vec<&str> = CLAIM_CHECKS
        .into_iter()
        .filter(|c| {
            assessed
                .iter()
                .any(|(_, r)| r.claim_check.as_deref() == Some(c))
        })
        .collect();
    let mut flags: Vec<&str> = assessed
        .iter()
        .flat_map(|(_, r)| r.flags.iter().map(String::as_str))
        .collect();
    flags.sort_unstable();
    flags.dedup();
    let select = |name: &str, label: &str, values: &[&str]| {
        let mut html =
            format!("<label>{label} <select name=\"{name}\"><option value=\"\">any</option>");
        for value in values {
            let value = escape(value);
            html.push_str(&format!("<option value=\"{value}\">{value}</option>"));
        }
        html.push_str("</select></label>");
        html
    };
    format!(
        "<form class=\"filters\" hidden>{}{}{}<output aria-live=\"polite\"></output></form>\n",
        select("level", "Level", &levels),
        select("claim", "Claim check", &claims),
        select("flag", "Flag", &flags),
    )
}

/// The attributes the filters read, on both a table row and a card.
fn filter_attrs(r: &Record) -> Vec<(&'static str, String)> {
    vec![
        ("data-filterable", String::new()),
        ("data-level", r.level.clone().unwrap_or_default()),
        ("data-claim", r.claim_check.clone().unwrap_or_default()),
        ("data-flags", r.flags.join(" ")),
    ]
}

fn card_id(index: usize) -> String {
    format!("c{index}")
}

/// One assessed record as a card: its facts, flags with their sentences,
/// evidence by family and what the next level needs. `id` is the element
/// id links point at; `rubric_flags` as in [`ScreenPage`]. Other reports
/// (calibrate's misclassified files) show records with the same card.
pub fn record_card(id: &str, r: &Record, rubric_flags: &[(String, String)]) -> String {
    let mut html = format!("<article class=\"card\" id=\"{}\"", escape(id));
    for (name, value) in filter_attrs(r) {
        html.push_str(&format!(" {name}=\"{}\"", escape(&value)));
    }
    html.push_str(">\n<header><h3>");
    if let Some(rank) = r.rank {
        html.push_str(&format!("<span class=\"rank\">#{rank}</span> "));
    }
    html.push_str(&escape(&r.file));
    html.push_str("</h3>");
    let who: Vec<String> = [r.candidate.as_deref(), r.claimed_title.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .map(escape)
        .collect();
    if !who.is_empty() {
        html.push_str(&format!("<p class=\"who\">{}</p>", who.join(" · ")));
    }
    html.push_str("</header>\n<dl class=\"facts\">");
    let number = |v: Option<f64>, d: usize| v.map_or("–".to_string(), |v| format!("{v:.d$}"));
    let facts = [
        ("Level", level_badge(r.level.as_deref().unwrap_or(""))),
        ("Score", number(r.score, 2)),
        ("Confidence", number(r.confidence, 2)),
        (
            "Claimed level",
            escape(r.claimed_level.as_deref().unwrap_or("–")),
        ),
        (
            "Claim check",
            claim_badge(r.claim_check.as_deref().unwrap_or("unknown")),
        ),
        ("Years", number(r.years_experience, 1)),
    ];
    for (term, value) in facts {
        html.push_str(&format!("<div><dt>{term}</dt><dd>{value}</dd></div>"));
    }
    html.push_str("</dl>\n");

    if !r.flags.is_empty() {
        html.push_str("<section class=\"flags\"><h4>Flags</h4><dl>");
        for flag in &r.flags {
            let describe = rubric_flags
                .iter()
                .find(|(id, _)| id == flag)
                .map(|(_, d)| d.as_str());
            html.push_str(&format!(
                "<div><dt><span class=\"flag\">{}</span></dt><dd>{}</dd></div>",
                escape(flag),
                escape(&explain(flag, describe))
            ));
        }
        html.push_str("</dl></section>\n");
    }

    html.push_str("<div class=\"families\">");
    for family in &r.families {
        html.push_str(&family_section(family));
    }
    html.push_str("</div>\n");

    if !r.missing_for_next.is_empty() {
        html.push_str("<section class=\"missing\"><h4>Missing for the next level</h4><ul>");
        for need in &r.missing_for_next {
            html.push_str(&format!("<li>{}</li>", escape(need)));
        }
        html.push_str("</ul></section>\n");
    }
    html.push_str("</article>\n");
    html
}

fn family_section(family: &FamilyResult) -> String {
    let mut html = format!(
        "<section class=\"family\"><h4>{} <span class=\"family-score\">score {:.2}</span></h4>",
        escape(&family.family),
        family.score
    );
    if family.evidence.is_empty() {
        html.push_str("<p class=\"none\">No evidence found.</p>");
    } else {
        html.push_str("<ol class=\"quotes\">");
        for quote in &family.evidence {
            html.push_str(&quote_item(quote));
        }
        html.push_str("</ol>");
    }
    html.push_str("</section>");
    html
}

fn quote_item(q: &Quote) -> String {
    // A normalised number ("28,000/s") is not in the quote as written: say
    // what was read instead of marking nothing silently.
    let reading = if !q.matched.is_empty() && !occurs(&q.quote, &q.matched) {
        format!(" · read as {}", escape(&q.matched))
    } else {
        String::new()
    };
    format!(
        "<li><q>{}</q> <span class=\"place\">(p{} l{})</span> <span class=\"signal\">{} · weight {:.2}{reading}</span></li>",
        highlight(&q.quote, &q.matched),
        q.page,
        q.line,
        escape(&q.signal),
        q.weight
    )
}

fn level_order(level: &str) -> usize {
    Level::from_name(level).map_or(0, |l| l.index() + 1)
}

fn level_colour(level: &str) -> &'static str {
    match level {
        "entry" => palette::SKY_BLUE,
        "mid" => palette::BLUISH_GREEN,
        "senior" => palette::ORANGE,
        "staff" => palette::BLUE,
        "principal" => palette::REDDISH_PURPLE,
        _ => palette::GREY,
    }
}

/// A level as text with a colour swatch beside it: the word carries the
/// meaning, the colour only helps the eye.
fn level_badge(level: &str) -> String {
    if level.is_empty() {
        return String::new();
    }
    format!(
        "<span class=\"badge level-{l}\"><span class=\"swatch\" aria-hidden=\"true\"></span>{l}</span>",
        l = escape(level)
    )
}

/// A claim check as a symbol and a word (the symbol survives greyscale
/// printing and colour blindness alike).
fn claim_badge(check: &str) -> String {
    let symbol = match check {
        "consistent" => "✓",
        "overclaimed" => "▲",
        "underclaimed" => "▼",
        _ => "?",
    };
    format!(
        "<span class=\"badge claim-{c}\"><span aria-hidden=\"true\">{symbol}</span> {c}</span>",
        c = escape(check)
    )
}
