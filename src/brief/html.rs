//! The brief as one self-contained HTML page that prints on one A4 or
//! Letter sheet: the print styles set the page size and margins and keep
//! the type compact, and the content model keeps quotes and lists short.
//!
//! Takes a [`Brief`]; gives the page. No script, nothing loaded from
//! outside (the Content-Security-Policy forbids it), and every text goes
//! through [`escape`]: a resume holding `<script>` prints it as text.

use crate::report::html::escape;

use super::Brief;
use super::markdown::{claimed, gaps_for, none_missing};

/// The page's styles. Screen and print share them: the page is meant to
/// be printed, and a screen shows what the sheet will look like.
const STYLE: &str = "\
@page { size: A4; margin: 13mm 14mm; }
* { box-sizing: border-box; }
body { font: 9pt/1.3 'Liberation Sans', Arial, Helvetica, sans-serif; color: #111; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 14pt; margin: 0 0 1.5mm; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; border-bottom: 0.3mm solid #888; padding-bottom: 0.5mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4mm 3mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
ul, ol { margin: 0; padding-left: 5mm; }
li { margin: 0 0 0.8mm; }
.family { font-weight: bold; }
.place, .probes { color: #555; }
.probes { font-size: 8pt; display: block; }
.none { color: #555; font-style: italic; }
@media print { body { max-width: none; } }
";

/// The brief as one HTML page.
pub fn render(b: &Brief) -> String {
    let mut body = String::new();
    let candidate = b.candidate.as_deref().unwrap_or("name not found");
    body.push_str(&format!(
        "<h1>Interview brief: {}</h1>\n<dl>\n",
        escape(candidate)
    ));
    for (term, value) in [
        ("File", escape(&b.file)),
        ("Claimed", escape(&claimed(b))),
        (
            "Assessed",
            format!(
                "{}, confidence {:.2}; years: {}",
                escape(&b.level_in_words),
                b.confidence,
                escape(&b.years)
            ),
        ),
        (
            "Claim check",
            format!(
                "{} <span class=\"place\">({})</span>",
                escape(&b.claim_verdict),
                escape(&b.claim_reason)
            ),
        ),
    ] {
        body.push_str(&format!("<dt>{term}</dt><dd>{value}</dd>\n"));
    }
    body.push_str("</dl>\n");

    body.push_str("<h2>What the resume shows</h2>\n<ul>\n");
    for f in &b.shows {
        if f.quotes.is_empty() {
            body.push_str(&format!(
                "<li><span class=\"family\">{}:</span> <span class=\"none\">nothing found</span></li>\n",
                escape(&f.family)
            ));
        }
        for q in &f.quotes {
            body.push_str(&format!(
                "<li><span class=\"family\">{}:</span> “{}” <span class=\"place\">({})</span></li>\n",
                escape(&f.family),
                escape(&q.text),
                q.place()
            ));
        }
    }
    body.push_str("</ul>\n");

    body.push_str(&format!(
        "<h2>What it does not show yet{}</h2>\n",
        escape(&gaps_for(b))
    ));
    if b.gaps.is_empty() {
        body.push_str(&format!(
            "<p class=\"none\">{}</p>\n",
            escape(none_missing(b))
        ));
    } else {
        body.push_str("<ul>\n");
        for g in &b.gaps {
            body.push_str(&format!(
                "<li>{} <span class=\"place\">({}) — {}</span></li>\n",
                escape(&g.need),
                escape(&g.level),
                escape(&g.found)
            ));
        }
        body.push_str("</ul>\n");
    }

    if let Some(job) = &b.job {
        body.push_str(&format!(
            "<h2>Requirements not shown <span class=\"place\">({})</span></h2>\n<ul>\n",
            escape(&job.posting)
        ));
        for r in &job.not_shown {
            body.push_str(&format!("<li>{}</li>\n", escape(r)));
        }
        body.push_str("</ul>\n");
    }

    body.push_str("<h2>Questions to ask</h2>\n");
    if b.questions.is_empty() {
        body.push_str("<p class=\"none\">The rubric gives no questions for this resume.</p>\n");
    } else {
        body.push_str("<ol>\n");
        for q in &b.questions {
            body.push_str(&format!(
                "<li>{} <span class=\"probes\">{}</span></li>\n",
                escape(&q.text),
                escape(&q.probes)
            ));
        }
        body.push_str("</ol>\n");
    }

    body.push_str("<h2>Flags</h2>\n");
    if b.flags.is_empty() {
        body.push_str("<p class=\"none\">None.</p>\n");
    } else {
        body.push_str("<ul>\n");
        for f in &b.flags {
            let quote = f.quote.as_ref().map_or(String::new(), |q| {
                format!(
                    " — “{}” <span class=\"place\">({})</span>",
                    escape(&q.text),
                    q.place()
                )
            });
            body.push_str(&format!(
                "<li><span class=\"family\">{}:</span> {}{quote}</li>\n",
                escape(&f.flag),
                escape(&f.explanation)
            ));
        }
        body.push_str("</ul>\n");
    }

    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>Interview brief: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(candidate)
    )
}
