//! The extracted document: the one data type every later stage reads.
//!
//! Extraction (PDF, DOCX, plain text) produces a [`Document`]: visible text
//! lines in reading order, each with its place (page, line, column), the text
//! that was present but hidden from a human reader, and diagnostics about the
//! file. Later stages never touch the file again; they quote from these lines,
//! so a line's `text` must be exactly what a reader of the document sees.

use serde::{Deserialize, Serialize};

/// One visible line of text, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based page number (DOCX and plain text count as one page unless they
    /// carry explicit page breaks).
    pub page: u32,
    /// 1-based line number within the page, in reading order.
    pub line: u32,
    /// 0-based column on the page: 0 is the main (or only) column; a sidebar
    /// or second column gets its own number and its lines are kept together.
    pub column: u32,
    /// The text, cleaned (see `extract::cleanup`) and whitespace-normalised.
    pub text: String,
    /// A hint from the layout that this line is a heading: a DOCX heading
    /// style, or a PDF line set larger or bolder than the body text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_hint: Option<SectionHint>,
}

/// Why the extractor thinks a line is a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionHint {
    /// A heading style in a word-processor file (DOCX `Heading1`, `Title`...).
    HeadingStyle,
    /// A Markdown heading, with its level (the number of `#`: "### AWS" is
    /// 3), so that a reader can tell a part of a section from a new one.
    MarkdownHeading(u8),
    /// A short line set in a larger or bold font compared with the body text.
    Emphasised,
    /// A line from a page header or footer (contact details often live here).
    HeaderFooter,
}

/// Text that was in the file but that a human reader would not see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HiddenText {
    pub page: u32,
    /// Why it is invisible.
    pub reason: HiddenReason,
    pub text: String,
}

/// The ways text can be present but invisible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HiddenReason {
    /// Painted in the same colour as what lies beneath it (white on white).
    SameColourAsBackground,
    /// Set in a font size below what anyone can read (~2 pt).
    TinyFont,
    /// Placed outside the visible page box.
    OutsidePage,
    /// PDF text render mode 3 (neither filled nor stroked) with no scanned
    /// image beneath it.
    InvisibleRenderMode,
    /// DOCX `w:vanish` (hidden text formatting).
    Vanish,
    /// PDF text painted outside the clip, so none of it shows: text cut
    /// off where it overflows its box.
    ClippedAway,
    /// PDF text that a shape or an image painted after it covers.
    CoveredOver,
}

/// What extraction learnt about the file besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Diagnostics {
    /// `pdf`, `docx`, `text`.
    pub format: String,
    pub pages: u32,
    /// Characters of visible text.
    pub chars: usize,
    /// The largest number of text columns found on any page.
    pub columns: u32,
    /// Number of hidden text runs found.
    pub hidden_runs: usize,
    /// Fonts whose characters could not be mapped to Unicode.
    pub unmapped_fonts: Vec<String>,
    /// The document's own date (`YYYY-MM-DD`) from its metadata: PDF
    /// ModDate/CreationDate or DOCX core.xml. "Present" in a date range means
    /// this date, not the day levelscan runs.
    pub document_date: Option<String>,
    /// Anything else worth telling the user about this file.
    pub warnings: Vec<String>,
}

/// An extracted resume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub lines: Vec<Line>,
    pub hidden: Vec<HiddenText>,
    pub diagnostics: Diagnostics,
}

/// What goes between two consecutive lines of flowing text: nothing after a
/// hyphen that ends a line inside a compound ("event-" + "sourced" reads
/// "event-sourced"), a space otherwise. Quotes built across lines use this,
/// so they read as the reader reads them.
pub fn line_separator(previous: &str, next: &str) -> &'static str {
    let hyphen_inside_word = previous
        .strip_suffix('-')
        .and_then(|rest| rest.chars().last())
        .is_some_and(char::is_alphanumeric)
        && next.chars().next().is_some_and(char::is_alphanumeric);
    if hyphen_inside_word { "" } else { " " }
}

impl Document {
    /// The visible text, one line per line, pages separated by a form feed.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut page = self.lines.first().map_or(1, |l| l.page);
        for line in &self.lines {
            while page < line.page {
                out.push('\u{c}');
                page += 1;
            }
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_broken_at_their_hyphen_rejoin() {
        assert_eq!(line_separator("for event-", "sourced pipelines"), "");
        assert_eq!(line_separator("a 200-", "engineer org"), "");
        assert_eq!(line_separator("skills -", "Go"), " ");
        assert_eq!(line_separator("ends here.", "Next"), " ");
    }
}
