//! Any bytes into the extractors give Ok or Err, never a panic: random
//! bytes, and valid PDFs with random bytes overwritten, cut or inserted.

mod common;

use levelscan::extract::{Limits, extract_bytes};
use proptest::prelude::*;

fn sample_pdf() -> Vec<u8> {
    common::pdf::one_page(&common::pdf::text_lines(&[
        "Senior Backend Engineer",
        "Owned the ledger API serving 28K RPS across three regions.",
    ]))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                ext in prop::sample::select(vec!["pdf", "docx", "txt", "md", ""])) {
        let _ = extract_bytes(&bytes, ext, &Limits::default());
    }

    #[test]
    fn random_bytes_after_a_pdf_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        let _ = extract_bytes(&bytes, "pdf", &Limits::default());
    }

    #[test]
    fn mutated_pdfs_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
                                cut in any::<prop::sample::Index>()) {
        let mut bytes = sample_pdf();
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let keep = cut.index(bytes.len()).max(bytes.len() / 2);
        bytes.truncate(keep);
        let _ = extract_bytes(&bytes, "pdf", &Limits::default());
    }
}
