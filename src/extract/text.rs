//! Plain text and Markdown resumes, read as they are.
//!
//! Takes UTF-8 (or Latin-1, as a fallback) bytes and gives one [`Line`] per
//! non-empty line; a form feed starts a new page. Markdown headings (`#`)
//! become section hints, with their markers removed so quotes read as text.
//! HTML character references, which Markdown renders ("HTML5&#44; CSS3",
//! "R&amp;D", "&nbsp;"), are read as the characters they stand for.

use crate::document::{Diagnostics, Document, Line, SectionHint};
use crate::extract::cleanup::{clean_line, join_hyphenation};
use crate::extract::{ExtractError, Limits};

/// A line with its HTML character references ("&#44;", "&amp;", "&nbsp;")
/// replaced by their characters; a line with no "&" is returned as it is.
fn without_character_references(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains('&') {
        html_escape::decode_html_entities(line)
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

pub fn extract(bytes: &[u8], _limits: &Limits) -> Result<Document, ExtractError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        // Latin-1 maps every byte to the code point of the same value.
        Err(_) if !bytes.contains(&0) => bytes.iter().map(|&b| b as char).collect(),
        Err(_) => {
            return Err(ExtractError::Unsupported(
                "binary content: not a text file".into(),
            ));
        }
    };
    let mut lines = Vec::new();
    for (page_index, page_text) in text.split('\u{c}').enumerate() {
        let mut texts = Vec::new();
        let mut hints = Vec::new();
        for raw in page_text.lines() {
            let trimmed = raw.trim_start();
            let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
            let (raw, hint) = if hashes > 0 {
                let level = u8::try_from(hashes).unwrap_or(u8::MAX);
                (
                    &trimmed[hashes..],
                    Some(SectionHint::MarkdownHeading(level)),
                )
            } else {
                (raw, None)
            };
            let cleaned = clean_line(&without_character_references(raw));
            if !cleaned.is_empty() {
                texts.push(cleaned);
                hints.push(hint);
            }
        }
        join_hyphenation(&mut texts);
        let mut number = 0;
        for (text, hint) in texts.into_iter().zip(hints) {
            if text.is_empty() {
                continue;
            }
            number += 1;
            lines.push(Line {
                page: page_index as u32 + 1,
                line: number,
                column: 0,
                text,
                section_hint: hint,
            });
        }
    }
    let pages = lines.last().map_or(0, |l| l.page);
    Ok(Document {
        lines,
        hidden: Vec::new(),
        diagnostics: Diagnostics {
            format: "text".into(),
            pages,
            ..Diagnostics::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        extract(input.as_bytes(), &Limits::default())
            .unwrap()
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn character_references_are_read_as_their_characters() {
        assert_eq!(
            texts(
                "HTML5&#44; CSS3&#44; Webpack\nR&amp;D at AT&T, Q&A\n&#x41;PIs &quot;first&quot;"
            ),
            vec!["HTML5, CSS3, Webpack", "R&D at AT&T, Q&A", "APIs \"first\""]
        );
    }
}
