//! The brief as a Word document (DOCX), written with docx-rs's builder so
//! it opens in Word, LibreOffice and Google Docs and can be edited and
//! shared. (levelscan reads DOCX with its own code; writing is what the
//! crate does well.)
//!
//! Takes a [`Brief`]; gives the file's bytes. An A4 page with narrow
//! margins and compact type, so a typical brief fits one sheet. Text from a
//! resume may hold characters XML forbids (control codes): they become
//! U+FFFD, so the file always opens.

use std::io::{self, Cursor};

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
};

use super::Brief;
use super::markdown::{claimed, gaps_for, none_missing};

/// Sizes in half-points, as DOCX counts them.
const BODY: usize = 18;
const SMALL: usize = 16;
const HEADING: usize = 21;
const TITLE: usize = 28;
/// A4 in twentieths of a point; margins of 13 mm.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 737;
/// Hanging indent of list items, in twentieths of a point.
const INDENT: i32 = 300;
const GREY: &str = "555555";

/// The brief as a DOCX file's bytes.
pub fn render(b: &Brief) -> io::Result<Vec<u8>> {
    let candidate = b.candidate.as_deref().unwrap_or("name not found");
    let mut doc = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 0,
            footer: 0,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii("Liberation Sans")
                .hi_ansi("Liberation Sans")
                .cs("Liberation Sans"),
        )
        .default_size(BODY)
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(clean(&format!("Interview brief: {candidate}")))
                        .bold()
                        .size(TITLE),
                )
                .line_spacing(LineSpacing::new().after(80)),
        );
    for (term, value) in [
        ("File", b.file.clone()),
        ("Claimed", claimed(b)),
        (
            "Assessed",
            format!(
                "{}, confidence {:.2}; years: {}",
                b.level_in_words, b.confidence, b.years
            ),
        ),
        (
            "Claim check",
            format!("{} ({})", b.claim_verdict, b.claim_reason),
        ),
    ] {
        doc = doc.add_paragraph(
            compact()
                .add_run(Run::new().add_text(format!("{term}: ")).bold())
                .add_run(Run::new().add_text(clean(&value))),
        );
    }

    doc = doc.add_paragraph(heading("What the resume shows"));
    // A bullet that opens with the family's name in bold.
    let family_item = |family: &str| {
        item("•").add_run(Run::new().add_text(format!("{}: ", clean(family))).bold())
    };
    for f in &b.shows {
        if f.quotes.is_empty() {
            doc = doc.add_paragraph(
                family_item(&f.family)
                    .add_run(Run::new().add_text("nothing found").italic().color(GREY)),
            );
        }
        for q in &f.quotes {
            doc = doc.add_paragraph(
                family_item(&f.family)
                    .add_run(Run::new().add_text(format!("“{}” ", clean(&q.text))))
                    .add_run(grey(&format!("({})", q.place()))),
            );
        }
    }

    doc = doc.add_paragraph(heading(&format!(
        "What it does not show yet{}",
        gaps_for(b)
    )));
    if b.gaps.is_empty() {
        doc = doc.add_paragraph(compact().add_run(grey(none_missing(b)).italic()));
    }
    for g in &b.gaps {
        doc = doc.add_paragraph(
            item("•")
                .add_run(Run::new().add_text(format!("{} ", clean(&g.need))))
                .add_run(grey(&format!("({}) — {}", g.level, g.found))),
        );
    }

    if let Some(job) = &b.job {
        doc = doc.add_paragraph(heading(&format!(
            "Requirements not shown ({})",
            job.posting
        )));
        for r in &job.not_shown {
            doc = doc.add_paragraph(item("•").add_run(Run::new().add_text(clean(r))));
        }
    }

    doc = doc.add_paragraph(heading("Questions to ask"));
    if b.questions.is_empty() {
        doc = doc.add_paragraph(
            compact().add_run(grey("The rubric gives no questions for this resume.").italic()),
        );
    }
    for (i, q) in b.questions.iter().enumerate() {
        // The question and what it probes are separate paragraphs, so a
        // reader (and levelscan's own DOCX reader) gets the question whole
        // on its own line.
        doc = doc
            .add_paragraph(
                item(&format!("{}.", i + 1)).add_run(Run::new().add_text(clean(&q.text))),
            )
            .add_paragraph(
                compact()
                    .indent(Some(INDENT), None, None, None)
                    .add_run(grey(&q.probes).size(SMALL)),
            );
    }

    doc = doc.add_paragraph(heading("Flags"));
    if b.flags.is_empty() {
        doc = doc.add_paragraph(compact().add_run(grey("None.").italic()));
    }
    for f in &b.flags {
        let mut p = item("•")
            .add_run(Run::new().add_text(format!("{}: ", clean(&f.flag))).bold())
            .add_run(Run::new().add_text(clean(&f.explanation)));
        if let Some(q) = &f.quote {
            p = p
                .add_run(Run::new().add_text(format!(" — “{}” ", clean(&q.text))))
                .add_run(grey(&format!("({})", q.place())));
        }
        doc = doc.add_paragraph(p);
    }

    let mut bytes = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| io::Error::other(format!("cannot write the DOCX: {e}")))?;
    Ok(bytes.into_inner())
}

/// A paragraph with little space after it.
fn compact() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().after(30).line(252))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(120).after(40))
        .add_run(Run::new().add_text(clean(text)).bold().size(HEADING))
}

/// A list item: its marker, then the text, hanging under the marker.
fn item(marker: &str) -> Paragraph {
    compact()
        .align(AlignmentType::Left)
        .indent(
            Some(INDENT),
            Some(SpecialIndentType::Hanging(INDENT)),
            None,
            None,
        )
        .add_run(Run::new().add_text(marker).add_tab())
}

fn grey(text: &str) -> Run {
    Run::new().add_text(clean(text)).color(GREY)
}

/// Text XML 1.0 can hold: control characters other than tab become U+FFFD.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            c if c.is_control() && c != '\t' => '\u{FFFD}',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
