//! Small PDFs written with lopdf: one page, Helvetica, and whatever content
//! stream the test needs.

use lopdf::{Document, Object, Stream, dictionary};

/// A one-page US-Letter PDF whose page draws `content` (raw operators) with
/// font /F1 = Helvetica (WinAnsi), and marked-content properties /Y2019
/// (an /ActualText of "2019").
pub fn one_page(content: &str) -> Vec<u8> {
    pages(&[content])
}

/// A PDF with one page per content stream.
pub fn pages(contents: &[&str]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
        "Properties" => dictionary! {
            "Y2019" => dictionary! { "ActualText" => Object::string_literal("2019") },
        },
    });
    let mut kids = Vec::new();
    for content in contents {
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(Object::Reference(page_id));
    }
    let resources = Object::Reference(resources_id);
    finish(doc, pages_id, kids, Some(resources))
}

/// Write the page tree (US Letter), catalog and a 2026-06-01 date, and save.
fn finish(
    mut doc: Document,
    pages_id: lopdf::ObjectId,
    kids: Vec<Object>,
    resources: Option<Object>,
) -> Vec<u8> {
    let count = kids.len() as i64;
    let mut pages = dictionary! {
        "Type" => "Pages",
        "Kids" => kids,
        "Count" => count,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    };
    if let Some(resources) = resources {
        pages.set("Resources", resources);
    }
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let info_id = doc.add_object(dictionary! {
        "ModDate" => Object::string_literal("D:20260601120000Z"),
    });
    doc.trailer.set("Info", info_id);
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .expect("writing to memory cannot fail");
    out
}

/// Text operators placing `lines` top-down from y = 700, 14 pt apart.
pub fn text_lines(lines: &[&str]) -> String {
    let mut s = String::from("BT /F1 10 Tf 14 TL 72 700 Td\n");
    for line in lines {
        s.push_str(&format!("({}) Tj T*\n", escape(line)));
    }
    s.push_str("ET\n");
    s
}

pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// A PDF whose only page shows an image and no text (a scan).
pub fn image_only() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        b"q 612 0 0 792 0 0 cm /Im1 Do Q".to_vec(),
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
    });
    finish(doc, pages_id, vec![Object::Reference(page_id)], None)
}

/// A PDF whose content stream is Flate data inflating to `inflated_bytes`.
pub fn flate_bomb(inflated_bytes: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 16];
    let mut left = inflated_bytes;
    while left > 0 {
        let n = left.min(chunk.len());
        encoder.write_all(&chunk[..n]).expect("in memory");
        left -= n;
    }
    let compressed = encoder.finish().expect("in memory");
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, compressed);
    stream.allows_compression = false;
    let content_id = doc.add_object(stream);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    finish(doc, pages_id, vec![Object::Reference(page_id)], None)
}

/// A PDF whose page tree points back at itself.
pub fn page_tree_loop() -> Vec<u8> {
    let body = "%PDF-1.4\n\
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n\
3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >> endobj\n\
trailer << /Root 1 0 R >>\n%%EOF\n";
    body.as_bytes().to_vec()
}

/// A PDF holding an array nested `depth` deep.
pub fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut s = String::from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /X ");
    s.push_str(&"[".repeat(depth));
    s.push_str(&"]".repeat(depth));
    s.push_str(" >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    s.into_bytes()
}

/// The text lines levelscan extracts from a PDF's bytes.
pub fn lines_of(bytes: &[u8]) -> Vec<String> {
    levelscan::extract::extract_bytes(bytes, "pdf", &levelscan::extract::Limits::default())
        .expect("extracts")
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}
