//! The jobs workers run: a plain function from a file path to a result that
//! can cross the process boundary.
//!
//! Today that is extraction: the worker reads the file and sends back the
//! [`Document`] or why there is none. The error travels as its row status
//! and message ([`ExtractFailure`]), which is all the ranking needs.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::extract::{self, Limits};

/// Why a file gave no document, as it will appear in its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractFailure {
    /// The row status (`encrypted`, `no_text`, `unsupported`, `error`).
    pub status: String,
    /// The note: what went wrong and what to do about it.
    pub note: String,
}

/// The result of the extraction job for one file.
pub type Extracted = Result<Document, ExtractFailure>;

/// Extract one file within `limits`.
pub fn extract(path: &Path, limits: &Limits) -> Extracted {
    extract::extract_file(path, limits).map_err(|e| ExtractFailure {
        status: e.status().to_string(),
        note: e.to_string(),
    })
}
