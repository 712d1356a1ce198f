//! PDF extraction on PDFs written at test time: words from gaps, hidden
//! text kept out, and every kind of broken file turned into a clear error.

mod common;

use common::pdf::{self, one_page, text_lines};
use levelscan::document::HiddenReason;
use levelscan::extract::{ExtractError, Limits, extract_bytes};

use common::pdf::lines_of;

#[test]
fn plain_lines_come_out_in_order_with_the_document_date() {
    let bytes = one_page(&text_lines(&["Jane Roe", "Owned the billing API."]));
    let doc = extract_bytes(&bytes, "pdf", &Limits::default()).unwrap();
    let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["Jane Roe", "Owned the billing API."]);
    assert_eq!(doc.lines[1].line, 2);
    assert_eq!(doc.diagnostics.document_date.as_deref(), Some("2026-06-01"));
    assert_eq!(doc.diagnostics.pages, 1);
}

#[test]
fn tj_offsets_make_spaces_only_when_they_are_word_gaps() {
    // -250/1000 em is a word gap; -20 is kerning.
    let content = "BT /F1 10 Tf 72 700 Td [(Owned)-250(the)-250(se)-20(rvice)] TJ ET";
    assert_eq!(lines_of(&one_page(content)), ["Owned the service"]);
}

#[test]
fn separate_strings_moved_by_td_join_into_one_line() {
    // Helvetica's "Summary" at 10 pt is 42.8 pt wide: a move of 46 leaves
    // a word gap and no space glyph.
    let content = "BT /F1 10 Tf 72 700 Td (Summary) Tj 46 0 Td (Backend) Tj ET";
    assert_eq!(lines_of(&one_page(content)), ["Summary Backend"]);
}

/// A marked-content sequence's /ActualText is the text of the glyphs it
/// paints, as a reader copies it (Chrome 128 gave alternate digits so; see
/// `tests/pdf_classes.rs`): written inline as a UTF-16 or PDFDoc string, or
/// named in the page's /Properties. One that paints nothing adds nothing; an
/// empty one removes its glyphs; an outer one covers the inner ones.
#[test]
fn actual_text_replaces_the_glyphs_it_spans() {
    let content = "BT /F1 10 Tf 72 700 Td (June ) Tj \
        /Span <</ActualText <FEFF0032003000320035>>> BDC (\\000\\000\\000\\000) Tj EMC \
        ( - Present) Tj ET \
        BT /F1 10 Tf 72 680 Td (Since ) Tj /Span /Y2019 BDC (xx) Tj EMC ET \
        BT /F1 10 Tf 72 660 Td (Acme) Tj /Span <</ActualText (Inc)>> BDC EMC \
        /Artifact <</ActualText ()>> BDC (-) Tj EMC \
        /Span <</ActualText (Corp)>> BDC /Span <</ActualText (Q)>> BDC (x) Tj EMC (y) Tj EMC ET";
    assert_eq!(
        lines_of(&one_page(content)),
        ["June 2025 - Present", "Since 2019", "Acme Corp"]
    );
}

#[test]
fn white_text_on_the_page_is_hidden_but_white_on_a_dark_box_is_not() {
    let content = "BT /F1 10 Tf 72 700 Td (Visible words) Tj ET \
        1 1 1 rg BT /F1 10 Tf 72 680 Td (kafka raft paxos) Tj ET \
        0.1 0.2 0.3 rg 300 500 200 100 re f \
        1 1 1 rg BT /F1 10 Tf 310 550 Td (Sidebar skill) Tj ET";
    let doc = extract_bytes(&one_page(content), "pdf", &Limits::default()).unwrap();
    let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&"Visible words"));
    assert!(texts.contains(&"Sidebar skill"));
    assert!(!texts.iter().any(|t| t.contains("kafka")));
    assert_eq!(doc.hidden.len(), 1);
    assert_eq!(doc.hidden[0].text, "kafka raft paxos");
    assert_eq!(doc.hidden[0].reason, HiddenReason::SameColourAsBackground);
    assert_eq!(doc.diagnostics.hidden_runs, 1);
}

#[test]
fn tiny_invisible_and_off_page_text_is_hidden() {
    let content = "BT /F1 10 Tf 72 700 Td (Real text) Tj ET \
        BT /F1 1 Tf 72 650 Td (tiny keywords) Tj ET \
        q BT 3 Tr /F1 10 Tf 72 600 Td (invisible keywords) Tj ET Q \
        BT /F1 10 Tf 900 600 Td (offpage keywords) Tj ET";
    let doc = extract_bytes(&one_page(content), "pdf", &Limits::default()).unwrap();
    assert_eq!(doc.lines.len(), 1);
    let reasons: Vec<HiddenReason> = doc.hidden.iter().map(|h| h.reason).collect();
    assert!(reasons.contains(&HiddenReason::TinyFont));
    assert!(reasons.contains(&HiddenReason::InvisibleRenderMode));
    assert!(reasons.contains(&HiddenReason::OutsidePage));
}

#[test]
fn pages_are_kept_apart() {
    let bytes = pdf::pages(&[&text_lines(&["First page"]), &text_lines(&["Second page"])]);
    let doc = extract_bytes(&bytes, "pdf", &Limits::default()).unwrap();
    assert_eq!(doc.plain_text(), "First page\n\u{c}Second page\n");
}

#[test]
fn an_empty_file_is_named_as_such() {
    assert_eq!(
        extract_bytes(b"", "pdf", &Limits::default()).unwrap_err(),
        ExtractError::EmptyFile
    );
}

#[test]
fn a_text_file_named_pdf_is_refused_with_what_it_is() {
    let err = extract_bytes(b"Dear hiring manager,\n", "pdf", &Limits::default()).unwrap_err();
    assert_eq!(err.to_string(), "named .pdf but the content is plain text");
}

#[test]
fn an_image_only_pdf_needs_ocr() {
    let err = extract_bytes(&pdf::image_only(), "pdf", &Limits::default()).unwrap_err();
    assert_eq!(err, ExtractError::ImageOnly);
    assert_eq!(err.to_string(), "image-only PDF: needs OCR");
    assert_eq!(err.status(), "no_text");
}

#[test]
fn a_flate_bomb_stops_at_the_decompression_limit() {
    let limits = Limits {
        max_decompressed_bytes: 1 << 20,
        ..Limits::default()
    };
    let err = extract_bytes(&pdf::flate_bomb(8 << 20), "pdf", &limits).unwrap_err();
    assert!(
        matches!(err, ExtractError::OverLimit(_)),
        "expected a limit error, got {err:?}"
    );
}

#[test]
fn truncated_pdfs_give_errors_or_partial_text_never_a_panic() {
    let bytes = one_page(&text_lines(&["Owned the billing API."]));
    for cut in (10..bytes.len()).step_by(7) {
        let _ = extract_bytes(&bytes[..cut], "pdf", &Limits::default());
    }
}

#[test]
fn a_page_tree_loop_ends() {
    assert!(extract_bytes(&pdf::page_tree_loop(), "pdf", &Limits::default()).is_err());
}

#[test]
fn deeply_nested_arrays_do_not_overflow_the_stack() {
    assert!(extract_bytes(&pdf::nested_arrays(100_000), "pdf", &Limits::default()).is_err());
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let limits = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let bytes = one_page(&text_lines(&["Owned the billing API."]));
    assert!(matches!(
        extract_bytes(&bytes, "pdf", &limits),
        Err(ExtractError::TooLarge { .. })
    ));
}

#[test]
fn a_password_protected_pdf_is_encrypted() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/bad/encrypted-user-password.pdf"
    );
    let bytes = std::fs::read(path).expect("fixture present");
    let err = extract_bytes(&bytes, "pdf", &Limits::default()).unwrap_err();
    assert_eq!(err, ExtractError::Encrypted);
    assert_eq!(err.to_string(), "encrypted: needs a password");
}
