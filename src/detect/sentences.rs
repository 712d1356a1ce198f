//! Sentences to quote: a document's lines and their segmentation in, the
//! sentences a reviewer reads out, each with its place.
//!
//! A bullet or paragraph wrapped over several lines is joined with single
//! spaces, then cut at sentence ends and semicolons. Every sentence is a
//! substring of the document's text once whitespace is normalised, so a
//! quote taken from it is verbatim. This must never reword, reorder or
//! merge text across bullets, sections or headings.

use crate::document::Document;
use crate::extract::cleanup::is_bullet;
use crate::rubric::SectionKind;
use crate::segment::Segmented;

/// One sentence (or clause cut at a semicolon) of the resume.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    /// Where it starts.
    pub page: u32,
    pub line: u32,
    /// Index into the document's lines of its first line.
    pub line_index: usize,
    pub section: SectionKind,
    /// Items in the flat list it comes from (0 when it is prose).
    pub list_items: usize,
}

/// The length in bytes of the bullet marker a line opens with: a bullet
/// glyph, or a dash, double dash ("-- "), en or em dash, `*` or `+`
/// followed by a space, as plain-text and Markdown resumes mark items.
fn bullet_marker(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    if is_bullet(first) {
        return Some(first.len_utf8());
    }
    let marker = if text.starts_with("--") && !text.starts_with("---") {
        2
    } else if matches!(first, '-' | '*' | '+' | '–' | '—') {
        first.len_utf8()
    } else {
        return None;
    };
    text[marker..]
        .starts_with(char::is_whitespace)
        .then_some(marker)
}

fn bullet_start(text: &str) -> bool {
    bullet_marker(text).is_some()
}

fn strip_bullet(text: &str) -> &str {
    match bullet_marker(text) {
        Some(marker) => text[marker..].trim_start(),
        None => text,
    }
}

/// The sentences of a document, in reading order.
pub fn sentences(doc: &Document, seg: &Segmented) -> Vec<Sentence> {
    let mut out = Vec::new();
    // A block is a run of lines read as one paragraph or one bullet.
    let mut block: Vec<usize> = Vec::new();
    let flush = |block: &mut Vec<usize>, out: &mut Vec<Sentence>| {
        if !block.is_empty() {
            split_block(doc, seg, block, out);
            block.clear();
        }
    };
    for (i, line) in doc.lines.iter().enumerate() {
        let info = &seg.lines[i];
        if info.heading || info.role_header {
            flush(&mut block, &mut out);
            continue;
        }
        let starts_new = match block.last() {
            None => false,
            Some(&prev) => {
                let p = &doc.lines[prev];
                let pinfo = &seg.lines[prev];
                bullet_start(&line.text)
                    || info.list_items > 0
                    || pinfo.list_items > 0
                    || pinfo.section != info.section
                    || p.page != line.page
                    || p.column != line.column
                    || info.section == SectionKind::Header
                    // A line that ends a sentence and one that starts a
                    // new one: paragraphs or list items whose markers the
                    // file did not carry as text (DOCX lists).
                    || p.text.ends_with(['.', '!', '?'])
                        && line.text.chars().next().is_some_and(char::is_uppercase)
                    || line.text.contains(':')
                        && line.text.find(':').is_some_and(|c| c < 30)
                        && p.text.ends_with(['.', ':'])
            }
        };
        if starts_new {
            flush(&mut block, &mut out);
        }
        block.push(i);
    }
    flush(&mut block, &mut out);
    out
}

fn split_block(doc: &Document, seg: &Segmented, block: &[usize], out: &mut Vec<Sentence>) {
    // Join the lines, remembering where each starts in the joined text.
    let mut text = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (k, &i) in block.iter().enumerate() {
        let t = if k == 0 {
            strip_bullet(&doc.lines[i].text)
        } else {
            doc.lines[i].text.as_str()
        };
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push((text.len(), i));
        text.push_str(t);
    }
    let list_items = block
        .iter()
        .map(|&i| seg.lines[i].list_items)
        .max()
        .unwrap_or(0);
    let section = seg.lines[block[0]].section;
    for (s, e) in sentence_spans(&text) {
        let piece = text[s..e].trim();
        if piece.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            continue;
        }
        let lead = text[s..e].len() - text[s..e].trim_start().len();
        let at = s + lead;
        let line_index = starts
            .iter()
            .rev()
            .find(|(off, _)| *off <= at)
            .map_or(block[0], |(_, i)| *i);
        let line = &doc.lines[line_index];
        out.push(Sentence {
            text: piece.to_string(),
            page: line.page,
            line: line.line,
            line_index,
            section,
            list_items,
        });
    }
}

/// Byte spans of sentences: cut after ". ", "! ", "? " when a capital,
/// digit or quote follows (so "e.g. the" stays whole), and after "; ".
fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = chars.get(k + 2).map(|&(_, c)| c);
        let cut = match c {
            ';' => next == Some(' '),
            '.' | '!' | '?' => {
                next == Some(' ')
                    && after.is_some_and(|a| {
                        a.is_uppercase()
                            || a.is_ascii_digit()
                            || a == '"'
                            || a == '“'
                            || is_bullet(a)
                    })
                    && !abbreviation_before(&text[..i])
            }
            _ => false,
        };
        if cut {
            // Keep the full stop with its sentence; drop the semicolon.
            let end = if c == ';' { i } else { i + c.len_utf8() };
            spans.push((start, end));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

fn abbreviation_before(text: &str) -> bool {
    let word: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    // A unit after a number ("250ms.", "3 st.") ends a sentence like any
    // other word: only a free-standing word can be an abbreviation.
    let glued_to_number = text[..text.len() - word.len()]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    !glued_to_number
        && matches!(
            word.to_lowercase().as_str(),
            "e" | "i"
                | "g"
                | "vs"
                | "etc"
                | "inc"
                | "mr"
                | "ms"
                | "dr"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "st"
                | "no"
                | "approx"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_and_double_dashes_mark_items() {
        for (line, item) in [
            (
                "-- Voted best startup of the year",
                "Voted best startup of the year",
            ),
            ("– Built the ledger", "Built the ledger"),
            ("— Built the ledger", "Built the ledger"),
            ("- Built the ledger", "Built the ledger"),
            ("• Built the ledger", "Built the ledger"),
            // Geometric and check-mark glyphs some templates bullet with.
            ("▹ Built the ledger", "Built the ledger"),
            ("◆ Built the ledger", "Built the ledger"),
            ("✓ Built the ledger", "Built the ledger"),
        ] {
            assert_eq!(strip_bullet(line), item, "{line}");
        }
        for line in [
            "--verbose flag",
            "--- a rule",
            "-5% cost",
            "2019 – 2021",
            "x-ray",
        ] {
            assert!(!bullet_start(line), "{line}");
        }
    }

    #[test]
    fn a_unit_after_a_number_ends_a_sentence() {
        let text = "cut p99 to 250ms. Built the emails.";
        let spans = sentence_spans(text);
        assert_eq!(spans.len(), 2, "{spans:?}");
    }

    #[test]
    fn cuts_at_sentence_ends_but_not_abbreviations() {
        let text = "Owned the API, e.g. the ledger. Cut p99 by half; added a DLQ. Done";
        let parts: Vec<&str> = sentence_spans(text)
            .iter()
            .map(|&(s, e)| text[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "Owned the API, e.g. the ledger.",
                "Cut p99 by half",
                "added a DLQ.",
                "Done"
            ]
        );
    }
}
