//! DOCX extraction end to end: Word packages built here at test time (no
//! binaries in git), read through `extract_bytes` as the CLI reads them.
//! Hostile cases check that the guards answer fast with a clear error —
//! each would hang, overflow the stack, panic or exhaust memory in a reader
//! without them.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use levelscan::document::{Document, HiddenReason, SectionHint};
use levelscan::extract::{ExtractError, Limits, extract_bytes};
use proptest::prelude::*;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORD_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/// A Word package assembled from XML snippets.
#[derive(Default)]
struct Docx {
    body: String,
    background: Option<&'static str>,
    styles: Option<String>,
    headers: Vec<String>,
    footers: Vec<String>,
    footnotes: Option<String>,
    core: Option<String>,
}

impl Docx {
    fn body(body: &str) -> Self {
        Docx {
            body: body.to_string(),
            ..Docx::default()
        }
    }

    fn document_xml(&self) -> String {
        let background = self
            .background
            .map(|c| format!(r#"<w:background w:color="{c}"/>"#))
            .unwrap_or_default();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}>{background}<w:body>{}<w:sectPr/></w:body></w:document>"#,
            self.body
        )
    }

    /// Every entry of the package, in zip order.
    fn entries(&self) -> Vec<(String, String)> {
        let mut types = vec![("/word/document.xml".to_string(), WORD_MAIN.to_string())];
        let mut rels = Vec::new();
        let mut parts = Vec::new();
        let ct = |kind: &str| {
            format!("application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml")
        };
        if let Some(styles) = &self.styles {
            parts.push(("word/styles.xml".to_string(), styles.clone()));
            types.push(("/word/styles.xml".into(), ct("styles")));
            rels.push(("styles", "styles.xml".to_string()));
        }
        for (i, h) in self.headers.iter().enumerate() {
            let name = format!("header{}.xml", i + 1);
            parts.push((format!("word/{name}"), format!("<w:hdr {W}>{h}</w:hdr>")));
            types.push((format!("/word/{name}"), ct("header")));
            rels.push(("header", name));
        }
        for (i, f) in self.footers.iter().enumerate() {
            let name = format!("footer{}.xml", i + 1);
            parts.push((format!("word/{name}"), format!("<w:ftr {W}>{f}</w:ftr>")));
            types.push((format!("/word/{name}"), ct("footer")));
            rels.push(("footer", name));
        }
        if let Some(notes) = &self.footnotes {
            parts.push((
                "word/footnotes.xml".into(),
                format!(
                    r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"#
                ),
            ));
            types.push(("/word/footnotes.xml".into(), ct("footnotes")));
            rels.push(("footnotes", "footnotes.xml".into()));
        }
        if let Some(core) = &self.core {
            parts.push(("docProps/core.xml".into(), core.clone()));
            types.push((
                "/docProps/core.xml".into(),
                "application/vnd.openxmlformats-package.core-properties+xml".into(),
            ));
        }
        let overrides: String = types
            .iter()
            .map(|(p, t)| format!(r#"<Override PartName="{p}" ContentType="{t}"/>"#))
            .collect();
        let relationships: String = rels
            .iter()
            .enumerate()
            .map(|(i, (kind, target))| {
                format!(r#"<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>"#)
            })
            .collect();
        let mut entries = vec![
            (
                "[Content_Types].xml".to_string(),
                format!(
                    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>"#
                ),
            ),
            (
                "_rels/.rels".to_string(),
                format!(
                    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
                ),
            ),
            (
                "word/_rels/document.xml.rels".to_string(),
                format!(
                    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}</Relationships>"#
                ),
            ),
            ("word/document.xml".to_string(), self.document_xml()),
        ];
        entries.extend(parts);
        entries
    }

    fn bytes(&self) -> Vec<u8> {
        let entries = self.entries();
        zip_of(
            &entries
                .iter()
                .map(|(n, d)| (n.as_str(), d.as_bytes()))
                .collect::<Vec<_>>(),
            CompressionMethod::Deflated,
        )
    }
}

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn styled_para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn coloured_run(colour: &str, text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:color w:val="{colour}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

fn read(docx: &Docx) -> Document {
    extract_bytes(&docx.bytes(), "docx", &Limits::default()).expect("reads")
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.lines.iter().map(|l| l.text.as_str()).collect()
}

/// Extract on another thread and fail if no answer comes within `limit`:
/// a reader without guards would hang on these files, and a hang must fail
/// the test rather than stall the suite.
fn fast(limit: Duration, bytes: Vec<u8>) -> Result<Document, ExtractError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(extract_bytes(&bytes, "docx", &Limits::default()));
    });
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(_) => panic!("no answer after {:?}", start.elapsed()),
    }
}

fn damaged_detail(result: Result<Document, ExtractError>) -> String {
    match result {
        Err(ExtractError::Damaged { format, detail }) => {
            assert_eq!(format, "DOCX");
            detail
        }
        other => panic!("expected a damaged-DOCX error, got {other:?}"),
    }
}

#[test]
fn paragraphs_read_in_order_with_heading_hints() {
    let mut docx = Docx::body(
        &[
            styled_para("Heading1", "Experience"),
            para("Staff Engineer, Ledgerline (2019 - present)"),
            styled_para("berschrift2", "Skills"),
            para("Go, Rust, Kafka"),
        ]
        .concat(),
    );
    docx.styles = Some(format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style></w:styles>"#
    ));
    let doc = read(&docx);
    assert_eq!(
        texts(&doc),
        [
            "Experience",
            "Staff Engineer, Ledgerline (2019 - present)",
            "Skills",
            "Go, Rust, Kafka"
        ]
    );
    let hints: Vec<_> = doc.lines.iter().map(|l| l.section_hint).collect();
    let heading = Some(SectionHint::HeadingStyle);
    assert_eq!(hints, [heading, None, heading, None]);
    assert_eq!(doc.diagnostics.format, "docx");
    let numbers: Vec<u32> = doc.lines.iter().map(|l| l.line).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

#[test]
fn tables_read_row_by_row_cell_by_cell() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", para(t));
    let docx = Docx::body(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("2021 - present"),
        cell("Principal Engineer, Harbourline"),
        cell("2016 - 2021"),
        cell("Senior Engineer, Quillmark")
    ));
    assert_eq!(
        texts(&read(&docx)),
        [
            "2021 - present",
            "Principal Engineer, Harbourline",
            "2016 - 2021",
            "Senior Engineer, Quillmark"
        ]
    );
}

#[test]
fn header_lines_come_first_and_footer_lines_last() {
    let mut docx = Docx::body(&[para("Summary"), para("Built payment systems.")].concat());
    docx.headers = vec![
        para("Dana Okafor | dana.okafor@example.com | +1 555 0100"),
        // A first-page header repeating the default one is read once.
        para("Dana Okafor | dana.okafor@example.com | +1 555 0100"),
    ];
    docx.footers = vec![para("Page 1")];
    let doc = read(&docx);
    assert_eq!(
        texts(&doc),
        [
            "Dana Okafor | dana.okafor@example.com | +1 555 0100",
            "Summary",
            "Built payment systems.",
            "Page 1"
        ]
    );
    assert_eq!(doc.lines[0].section_hint, Some(SectionHint::HeaderFooter));
    assert_eq!(doc.lines[3].section_hint, Some(SectionHint::HeaderFooter));
    assert_eq!(doc.lines[1].section_hint, None);
}

#[test]
fn text_box_text_is_read_once() {
    // Word and LibreOffice write a text box twice: the DrawingML choice and
    // a VML fallback for old readers. The reader sees it once.
    let text_box =
        |t: &str| format!(r#"<w:txbxContent><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:txbxContent>"#);
    let docx = Docx::body(&format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0"><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>{}"#,
        text_box("Skills: Go, Postgres, Terraform"),
        text_box("Skills: Go, Postgres, Terraform"),
        para("Experience")
    ));
    assert_eq!(
        texts(&read(&docx)),
        ["Skills: Go, Postgres, Terraform", "Experience"]
    );
}

#[test]
fn white_keywords_beside_a_libreoffice_text_box_are_still_hidden() {
    // LibreOffice marks every text box `behindDoc` even when text wraps
    // around it rather than over it; that must not make the page colour
    // unknown and let white keywords through.
    let docx = Docx::body(&format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="1"><wp:wrapTopAndBottom/><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape style="position:absolute;z-index:-1"/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p><w:p>{}</w:p>"#,
        para("Skills"),
        coloured_run("FFFFFF", "Kubernetes Kafka Terraform")
    ));
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Skills"]);
    assert_eq!(doc.hidden[0].text, "Kubernetes Kafka Terraform");
}

#[test]
fn white_text_over_a_shape_behind_the_text_is_kept() {
    // A template's dark band drawn behind the text: white text on it is
    // what the reader sees.
    let docx = Docx::body(&format!(
        r#"<w:p><w:r><w:drawing><wp:anchor behindDoc="1"><wp:wrapNone/></wp:anchor></w:drawing></w:r></w:p><w:p>{}</w:p>"#,
        coloured_run("FFFFFF", "Dana Okafor, Backend Engineer")
    ));
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Dana Okafor, Backend Engineer"]);
    assert!(doc.hidden.is_empty());
}

#[test]
fn vml_only_text_boxes_are_read() {
    let docx = Docx::body(
        r#"<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Old-style box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"#,
    );
    assert_eq!(texts(&read(&docx)), ["Old-style box"]);
}

#[test]
fn hyperlink_text_is_kept() {
    let docx = Docx::body(
        r#"<w:p><w:r><w:t xml:space="preserve">Code: </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>github.com/dokafor</w:t></w:r></w:hyperlink></w:p>"#,
    );
    assert_eq!(texts(&read(&docx)), ["Code: github.com/dokafor"]);
}

#[test]
fn footnotes_follow_the_body() {
    let mut docx = Docx::body(
        r#"<w:p><w:r><w:t>Cut costs by 40%</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
    );
    docx.footnotes = Some(format!(
        r#"<w:footnote w:id="1">{}</w:footnote>"#,
        para("Measured over 2023.")
    ));
    assert_eq!(
        texts(&read(&docx)),
        ["Cut costs by 40%", "Measured over 2023."]
    );
}

#[test]
fn breaks_make_lines_and_page_breaks_make_pages() {
    let docx = Docx::body(
        r#"<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/><w:t>Page two</w:t></w:r></w:p>"#,
    );
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Line one", "Line two", "Page two"]);
    assert_eq!(doc.diagnostics.pages, 2);
    assert_eq!((doc.lines[2].page, doc.lines[2].line), (2, 1));
    assert_eq!(doc.plain_text(), "Line one\nLine two\n\u{c}Page two\n");
}

#[test]
fn hidden_text_is_kept_out_of_the_lines_and_reported() {
    let mut docx = Docx::body(&format!(
        r#"<w:p><w:r><w:t xml:space="preserve">Maintained internal tools. </w:t></w:r>{}
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>architected planet-scale systems</w:t></w:r>
        <w:r><w:rPr><w:sz w:val="2"/></w:rPr><w:t>principal engineer</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Ghost"/></w:pPr><w:r><w:t>Kubernetes Kafka Terraform</w:t></w:r></w:p>"#,
        coloured_run("FFFFFF", "led 200 engineers")
    ));
    docx.styles = Some(format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Ghost"><w:name w:val="Ghost"/><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style></w:styles>"#
    ));
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Maintained internal tools."]);
    let hidden: Vec<_> = doc
        .hidden
        .iter()
        .map(|h| (h.reason, h.text.as_str()))
        .collect();
    assert_eq!(
        hidden,
        [
            (HiddenReason::SameColourAsBackground, "led 200 engineers"),
            (HiddenReason::Vanish, "architected planet-scale systems"),
            (HiddenReason::TinyFont, "principal engineer"),
            (
                HiddenReason::SameColourAsBackground,
                "Kubernetes Kafka Terraform"
            ),
        ]
    );
    assert_eq!(doc.diagnostics.hidden_runs, 4);
    assert!(!doc.plain_text().contains("engineers"));
}

#[test]
fn white_text_on_a_dark_cell_is_real_text() {
    let docx = Docx::body(&format!(
        r#"<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr><w:p>{}</w:p></w:tc></w:tr></w:tbl>"#,
        coloured_run("FFFFFF", "Contact: dana@example.com")
    ));
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Contact: dana@example.com"]);
    assert!(doc.hidden.is_empty());
}

#[test]
fn dark_text_on_a_dark_page_is_hidden_and_white_text_is_not() {
    let mut docx = Docx::body(&format!(
        "<w:p>{}{}</w:p>",
        coloured_run("FFFFFF", "Visible on black. "),
        coloured_run("000000", "invisible keywords")
    ));
    docx.background = Some("000000");
    let doc = read(&docx);
    assert_eq!(texts(&doc), ["Visible on black."]);
    assert_eq!(doc.hidden[0].text, "invisible keywords");
}

#[test]
fn without_core_dates_the_zip_save_date_dates_the_document() {
    let entries = Docx::body(&para("Resume")).entries();
    let saved = zip::DateTime::from_date_and_time(2025, 5, 17, 9, 30, 0).unwrap();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().last_modified_time(saved);
    for (name, data) in &entries {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(data.as_bytes()).unwrap();
    }
    let bytes = writer.finish().unwrap().into_inner();
    let doc = extract_bytes(&bytes, "docx", &Limits::default()).unwrap();
    assert_eq!(doc.diagnostics.document_date.as_deref(), Some("2025-05-17"));
}

#[test]
fn document_date_comes_from_core_properties() {
    let mut docx = Docx::body(&para("Resume"));
    docx.core = Some(
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <dcterms:created xsi:type="dcterms:W3CDTF">2023-02-01T08:00:00Z</dcterms:created>
        <dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-30T17:45:00Z</dcterms:modified></cp:coreProperties>"#
            .into(),
    );
    assert_eq!(
        read(&docx).diagnostics.document_date.as_deref(),
        Some("2024-06-30")
    );
}

#[test]
fn a_document_written_by_docx_rs_reads() {
    use docx_rs::{Footer, Header, Paragraph, Run, Table, TableCell, TableRow};
    let p = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let mut bytes = Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .header(Header::new().add_paragraph(p("Lee Marsh | lee@example.com")))
        .footer(Footer::new().add_paragraph(p("References on request")))
        .add_paragraph(p("Experience").style("Heading1"))
        .add_table(Table::new(vec![TableRow::new(vec![
            TableCell::new().add_paragraph(p("2020 - 2024")),
            TableCell::new().add_paragraph(p("Backend Engineer, Tidewater")),
        ])]))
        .build()
        .pack(&mut bytes)
        .unwrap();
    let doc = extract_bytes(bytes.get_ref(), "docx", &Limits::default()).unwrap();
    assert_eq!(
        texts(&doc),
        [
            "Lee Marsh | lee@example.com",
            "Experience",
            "2020 - 2024",
            "Backend Engineer, Tidewater",
            "References on request"
        ]
    );
    assert_eq!(doc.lines[1].section_hint, Some(SectionHint::HeadingStyle));
}

// --- Hostile and wrong files -------------------------------------------

#[test]
fn an_xlsx_renamed_docx_is_refused_by_name() {
    let xlsx = zip_of(
        &[
            (
                "[Content_Types].xml",
                br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
            ),
            ("xl/workbook.xml", b"<workbook/>"),
        ],
        CompressionMethod::Deflated,
    );
    let err = fast(Duration::from_secs(2), xlsx).unwrap_err();
    assert_eq!(
        err.to_string(),
        "named .docx but the content is an Excel workbook (.xlsx), not a Word document"
    );
    assert_eq!(err.status(), "unsupported");
}

#[test]
fn a_zip_bomb_is_refused_fast() {
    // 16 MiB of one repeated character compresses about a thousandfold.
    let mut document = Docx::body("").document_xml().into_bytes();
    let close = document.split_off(document.len() - "</w:body></w:document>".len());
    document.extend(std::iter::repeat_n(b' ', 16 << 20));
    document.extend(close);
    let mut entries = Docx::body("").entries();
    entries.retain(|(n, _)| n != "word/document.xml");
    let mut refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_bytes()))
        .collect();
    refs.push(("word/document.xml", &document));
    let bomb = zip_of(&refs, CompressionMethod::Deflated);
    assert!(bomb.len() < 200_000, "bomb is {} bytes", bomb.len());
    let detail = damaged_detail(fast(Duration::from_secs(5), bomb));
    assert!(detail.contains("zip bomb"), "{detail}");
}

#[test]
fn the_decompression_limit_holds_for_ordinary_data() {
    let filler: String = (0..60_000)
        .map(|i| para(&format!("line {i} of a long resume")))
        .collect();
    let docx = Docx::body(&filler);
    let limits = Limits {
        max_decompressed_bytes: 1 << 20,
        ..Limits::default()
    };
    let detail = damaged_detail(extract_bytes(&docx.bytes(), "docx", &limits));
    assert!(detail.contains("limit on decompressed bytes"), "{detail}");
}

#[test]
fn a_header_claiming_a_huge_size_is_not_believed() {
    let mut bytes = Docx::body(&para("Hello")).bytes();
    // Rewrite every stored uncompressed size (local and central headers)
    // to 4 GB; a reader trusting it would allocate that much.
    let mut i = 0;
    while i + 4 <= bytes.len() {
        match &bytes[i..i + 4] {
            b"PK\x03\x04" => bytes[i + 22..i + 26].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes()),
            b"PK\x01\x02" => bytes[i + 24..i + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
    // Reading may succeed or report damage; it must neither allocate 4 GB
    // nor take long.
    let result = fast(Duration::from_secs(2), bytes);
    if let Ok(doc) = result {
        assert_eq!(texts(&doc), ["Hello"]);
    }
}

#[test]
fn two_hundred_nested_tables_are_refused_without_overflowing() {
    let open = "<w:tbl><w:tr><w:tc>".repeat(200);
    let close = "<w:p/></w:tc></w:tr></w:tbl>".repeat(200);
    let docx = Docx::body(&format!("{open}{close}"));
    let detail = damaged_detail(fast(Duration::from_secs(2), docx.bytes()));
    assert!(
        detail.starts_with("word/document.xml: elements nested more than"),
        "{detail}"
    );
}

#[test]
fn an_unterminated_attribute_quote_is_refused() {
    let docx = Docx::body(r#"<w:p w:rsidR="00A1><w:r><w:t>Hello</w:t></w:r></w:p>"#);
    let detail = damaged_detail(fast(Duration::from_secs(2), docx.bytes()));
    assert!(detail.starts_with("word/document.xml:"), "{detail}");
}

#[test]
fn malformed_styles_are_refused_by_name() {
    let mut docx = Docx::body(&para("Hello"));
    docx.styles = Some(format!("<w:styles {W}><w:style>"));
    let detail = damaged_detail(extract_bytes(&docx.bytes(), "docx", &Limits::default()));
    assert!(detail.starts_with("word/styles.xml:"), "{detail}");
}

#[test]
fn corrupt_deflate_data_is_an_error_not_a_panic() {
    let mut bytes = Docx::body(&para(&"Designed the settlement ledger. ".repeat(50))).bytes();
    // Scramble the middle of document.xml's compressed data.
    let name = b"word/document.xml";
    let at = bytes
        .windows(name.len())
        .position(|w| w == name)
        .expect("local header");
    let data = at + name.len();
    for b in &mut bytes[data + 20..data + 60] {
        *b ^= 0x5A;
    }
    let detail = damaged_detail(extract_bytes(&bytes, "docx", &Limits::default()));
    assert!(detail.starts_with("word/document.xml:"), "{detail}");
}

#[test]
fn a_missing_main_document_is_named() {
    let mut bytes_entries = Docx::body("").entries();
    bytes_entries.retain(|(n, _)| n != "word/document.xml");
    let refs: Vec<(&str, &[u8])> = bytes_entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_bytes()))
        .collect();
    let bytes = zip_of(&refs, CompressionMethod::Deflated);
    let detail = damaged_detail(extract_bytes(&bytes, "docx", &Limits::default()));
    assert!(detail.contains("main document part is missing"), "{detail}");
}

#[test]
fn an_empty_document_has_no_text() {
    let docx = Docx::body("<w:p/>");
    assert_eq!(
        extract_bytes(&docx.bytes(), "docx", &Limits::default()).unwrap_err(),
        ExtractError::NoText
    );
}

/// Replace, insert or cut bytes of a string at the given places.
fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    for &(at, op, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        match op % 3 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => bytes.truncate(at.max(1)),
        }
    }
    bytes
}

fn sample() -> Docx {
    let mut docx = Docx::body(&format!(
        r#"{}<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:fill="000000"/></w:tcPr><w:p>{}</w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:br w:type="page"/><w:t>end</w:t></w:r></w:p>"#,
        styled_para("Heading1", "Experience"),
        coloured_run("FFFFFF", "cell")
    ));
    docx.headers = vec![para("Contact")];
    docx.styles = Some(format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#
    ));
    docx
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(mut bytes in proptest::collection::vec(any::<u8>(), 0..2048), zip_magic in any::<bool>()) {
        if zip_magic {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        let _ = extract_bytes(&bytes, "docx", &Limits::default());
    }

    #[test]
    fn mutated_docx_bytes_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)) {
        let bytes = mutate(sample().bytes(), &edits);
        let _ = extract_bytes(&bytes, "docx", &Limits::default());
    }

    #[test]
    fn mutated_document_xml_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)) {
        // Mutate the XML before zipping, so the damage reaches the XML
        // guard and the reader instead of failing the zip checksum.
        let docx = sample();
        let mut entries = docx.entries();
        for (name, data) in &mut entries {
            if name == "word/document.xml" {
                *data = String::from_utf8_lossy(&mutate(data.clone().into_bytes(), &edits)).into_owned();
            }
        }
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (n.as_str(), d.as_bytes())).collect();
        let bytes = zip_of(&refs, CompressionMethod::Stored);
        let _ = extract_bytes(&bytes, "docx", &Limits::default());
    }
}

#[test]
fn the_sample_reads_as_expected() {
    // The base of the mutation properties, so they mutate a file that works.
    let doc = read(&sample());
    assert_eq!(texts(&doc), ["Contact", "Experience", "cell", "end"]);
    assert_eq!(doc.hidden.len(), 1);
    assert_eq!(doc.diagnostics.pages, 2);
}
