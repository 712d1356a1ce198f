//! Extraction: a file's bytes in, a [`Document`] of located lines out.
//!
//! The format is decided by the bytes (magic numbers), not the file name, so
//! a PDF renamed `.docx` is still read and an `.xlsx` renamed `.docx` is
//! refused with a clear message. Every extractor works within [`Limits`] and
//! returns an [`ExtractError`] rather than panicking; the batch runner still
//! isolates parsers in worker processes, because a third-party parser can
//! loop or overflow its stack in ways no `Result` can report.
//!
//! This stage must never judge the text: it only reports what a reader sees.

pub mod cleanup;
pub(crate) mod dictionary;
pub mod docx;
pub mod pdf;
pub mod text;

/// Whether a lower-case word is one of the engineering words the
/// extractors know (`tech_words.txt`): a skill, to the hidden-text check.
pub fn is_tech_word(word: &str) -> bool {
    dictionary::is_tech_word(word)
}

use std::path::Path;

use crate::document::Document;

/// Bounds on what one file may cost. Defaults suit resumes, which are small:
/// a real resume is a few pages and well under a megabyte of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Pages read from a PDF; later pages are ignored with a warning.
    pub max_pages: u32,
    /// Total bytes any file may decompress to (PDF streams, DOCX zip entries).
    pub max_decompressed_bytes: u64,
    /// Characters of text kept from one file; the rest is cut with a warning.
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 32 * 1024 * 1024,
            max_pages: 50,
            max_decompressed_bytes: 64 * 1024 * 1024,
            max_text_chars: 1_000_000,
        }
    }
}

/// Why a file could not be turned into text. Each variant's message says
/// what the recruiter can do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("empty file (0 bytes)")]
    EmptyFile,
    #[error("file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("encrypted: needs a password")]
    Encrypted,
    #[error("image-only PDF: needs OCR")]
    ImageOnly,
    #[error("no text found in the document")]
    NoText,
    #[error("named .{extension} but the content is {actual}")]
    WrongContent {
        extension: String,
        actual: &'static str,
    },
    #[error("{0}")]
    Unsupported(String),
    #[error("damaged {format}: {detail}")]
    Damaged {
        format: &'static str,
        detail: String,
    },
    #[error("over a limit: {0}")]
    OverLimit(String),
}

impl ExtractError {
    /// The row status this error maps to in the ranking (see design.md).
    pub fn status(&self) -> &'static str {
        match self {
            ExtractError::Encrypted => "encrypted",
            ExtractError::ImageOnly | ExtractError::NoText => "no_text",
            ExtractError::Unsupported(_) | ExtractError::WrongContent { .. } => "unsupported",
            _ => "error",
        }
    }
}

/// What the bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    PlainText,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::PlainText => "text",
        }
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Read a file's bytes, refusing one over the size limit before reading it.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    use std::io::Read;
    let io_error = |e: std::io::Error| ExtractError::Io(e.to_string());
    // Opened once and measured through the handle: one path lookup per file.
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_file_bytes,
        });
    }
    // A file that grows while it is read is read no further than one byte
    // past the limit, which extraction then refuses by its size.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    Ok(bytes)
}

/// Read and extract one file.
pub fn extract_file(path: &Path, limits: &Limits) -> Result<Document, ExtractError> {
    let bytes = read_file(path, limits)?;
    extract_bytes(&bytes, &extension_of(path), limits)
}

/// Extract from bytes already in memory; `extension` is the file's
/// extension in lower case (used for messages and to tell text from binary).
pub fn extract_bytes(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::EmptyFile);
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_file_bytes,
        });
    }
    let format = sniff(bytes, extension)?;
    // Third-party parsers may panic on hostile input; a panic here becomes
    // this file's error. (Hangs, stack overflows and allocation failures
    // cannot be caught in-process: the batch runs parsers in workers.)
    let parsed = std::panic::catch_unwind(|| match format {
        Format::Pdf => pdf::extract(bytes, limits),
        Format::Docx => docx::extract(bytes, extension, limits),
        Format::PlainText => text::extract(bytes, limits),
    });
    let mut doc = parsed.unwrap_or_else(|panic| {
        Err(ExtractError::Damaged {
            format: format.name(),
            detail: format!("the parser failed: {}", panic_message(&panic)),
        })
    })?;
    finish(&mut doc, limits);
    if doc.lines.is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(doc)
}

/// The lower-case extension of a path, or "" when it has none.
pub fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Decide the format from the first bytes; the extension only breaks ties
/// and names the mismatch in messages.
pub fn sniff(bytes: &[u8], extension: &str) -> Result<Format, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // Many formats are zips; only a Word document is read, and
        // `docx::extract` tells it from the others.
        return Ok(Format::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        if docx::is_encrypted_package(bytes) {
            return Err(ExtractError::Encrypted);
        }
        return Err(ExtractError::Unsupported(
            "legacy Word .doc: save as DOCX or PDF".into(),
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ExtractError::Unsupported(
            "RTF document: save as DOCX or PDF".into(),
        ));
    }
    if let Some(kind) = image_kind(bytes) {
        return Err(ExtractError::Unsupported(format!(
            "image file ({kind}): needs OCR"
        )));
    }
    match extension {
        "pdf" => Err(ExtractError::WrongContent {
            extension: extension.into(),
            actual: describe_content(bytes),
        }),
        "docx" => Err(ExtractError::WrongContent {
            extension: extension.into(),
            actual: describe_content(bytes),
        }),
        "txt" | "md" | "markdown" | "text" => Ok(Format::PlainText),
        "" if std::str::from_utf8(head).is_ok() => Ok(Format::PlainText),
        other => Err(ExtractError::Unsupported(format!(
            "unsupported file type{}: levelscan reads PDF, DOCX, TXT and MD",
            if other.is_empty() {
                String::new()
            } else {
                format!(" .{other}")
            }
        ))),
    }
}

fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG") {
        Some("PNG")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if bytes.starts_with(b"GIF8") {
        Some("GIF")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if bytes.len() > 12 && &bytes[8..12] == b"WEBP" {
        Some("WebP")
    } else {
        None
    }
}

fn describe_content(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"PK") {
        "a zip archive"
    } else if find(head, b"<html").is_some() || find(head, b"<!DOCTYPE").is_some() {
        "HTML"
    } else if std::str::from_utf8(head).is_ok() {
        "plain text"
    } else {
        "not a document levelscan recognises"
    }
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Common last steps for every format: cap the text, count what was found.
fn finish(doc: &mut Document, limits: &Limits) {
    let mut total = 0usize;
    let mut keep = doc.lines.len();
    for (i, line) in doc.lines.iter().enumerate() {
        total += line.text.chars().count();
        if total > limits.max_text_chars {
            keep = i;
            break;
        }
    }
    if keep < doc.lines.len() {
        doc.lines.truncate(keep);
        doc.diagnostics.warnings.push(format!(
            "text cut at {} characters (limit)",
            limits.max_text_chars
        ));
    }
    doc.diagnostics.chars = doc.lines.iter().map(|l| l.text.chars().count()).sum();
    doc.diagnostics.hidden_runs = doc.hidden.len();
    if doc.diagnostics.columns == 0 && !doc.lines.is_empty() {
        doc.diagnostics.columns = 1;
    }
}
