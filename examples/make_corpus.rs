//! Builds the throughput benchmark's corpus (`benches/throughput.sh`): N
//! distinct resumes from the shipped fixtures, as a folder of applicants
//! would hold them.
//!
//! Copy `i` of a fixture gets one visible line of its own, "Copy 00042": a
//! PDF in an incremental update (its original bytes untouched, a content
//! stream appended to its first page in Helvetica), a DOCX as a last
//! paragraph. So no two files share their bytes or their text: levelscan
//! writes a full row for every file, as for a real folder, instead of
//! marking most of them duplicates of the first copy. A fixture this
//! cannot change stops the build with its name and the reason.
//!
//! Usage: make_corpus FIXTURES_DIR OUT_DIR N (reads FIXTURES_DIR/pdf and
//! FIXTURES_DIR/docx).

use std::error::Error;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, IncrementalDocument, Object, ObjectId, Stream, dictionary};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [fixtures, out, count] = args.as_slice() else {
        return Err("usage: make_corpus FIXTURES_DIR OUT_DIR N".into());
    };
    let count: usize = count.parse()?;
    let mut sources = Vec::new();
    for kind in ["pdf", "docx"] {
        let mut names: Vec<_> = std::fs::read_dir(Path::new(fixtures).join(kind))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        names.retain(|p| p.extension().is_some_and(|e| e == kind));
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path)?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            sources.push((name.into_owned(), kind, bytes));
        }
    }
    if sources.is_empty() {
        return Err(format!("{fixtures}: no PDF or DOCX fixtures").into());
    }
    std::fs::create_dir_all(out)?;
    for i in 0..count {
        let (name, kind, bytes) = &sources[i % sources.len()];
        let line = format!("Copy {i:05}");
        let changed = match *kind {
            "pdf" => pdf_with_line(bytes, &line),
            _ => docx_with_paragraph(bytes, &line),
        };
        let copy = changed.map_err(|e| format!("{name}: cannot add a line of its own: {e}"))?;
        std::fs::write(Path::new(out).join(format!("{i:05}-{name}")), copy)?;
    }
    Ok(())
}

/// The PDF with `line` drawn at the foot of its first page, appended as an
/// incremental update.
fn pdf_with_line(bytes: &[u8], line: &str) -> Result<Vec<u8>> {
    // (lopdf's `IncrementalDocument::load_mem` gives a plain `Document`.)
    let mut doc = IncrementalDocument::load_from(bytes)?;
    let page = *doc
        .get_prev_documents()
        .get_pages()
        .values()
        .next()
        .ok_or("no pages")?;
    let font = doc.new_document.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    add_font(&mut doc, page, font)?;

    // The page's own content runs between q and Q, so whatever state it
    // leaves (a flipped or scaled matrix, a white fill) does not reach the
    // line drawn after it.
    let save = stream(&mut doc, vec![Operation::new("q", vec![])])?;
    let restore = stream(&mut doc, vec![Operation::new("Q", vec![])])?;
    let text = stream(
        &mut doc,
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["LevelscanCopy".into(), 8.into()]),
            Operation::new("Td", vec![36.into(), 14.into()]),
            Operation::new("Tj", vec![Object::string_literal(line)]),
            Operation::new("ET", vec![]),
        ],
    )?;
    let old_contents = page_contents(&doc, page)?;
    let mut contents = vec![save.into()];
    contents.extend(old_contents);
    contents.extend([restore.into(), text.into()]);
    doc.opt_clone_object_to_new_document(page)?;
    doc.new_document
        .get_object_mut(page)?
        .as_dict_mut()?
        .set("Contents", contents);

    let mut out = Vec::with_capacity(bytes.len() + 1024);
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Adds `font` to the page's font resources as /LevelscanCopy, cloning into
/// the update whatever dictionary it changes.
fn add_font(doc: &mut IncrementalDocument, page: ObjectId, font: ObjectId) -> Result<()> {
    let shared_fonts = {
        let resources = doc.get_or_create_resources(page)?.as_dict_mut()?;
        if !resources.has(b"Font") {
            resources.set("Font", Dictionary::new());
        }
        resources.get(b"Font")?.as_reference().ok()
    };
    let fonts = match shared_fonts {
        Some(id) => {
            doc.opt_clone_object_to_new_document(id)?;
            doc.new_document.get_object_mut(id)?
        }
        None => doc
            .get_or_create_resources(page)?
            .as_dict_mut()?
            .get_mut(b"Font")?,
    };
    fonts.as_dict_mut()?.set("LevelscanCopy", font);
    Ok(())
}

/// The references of a page's content streams, in drawing order.
fn page_contents(doc: &IncrementalDocument, page: ObjectId) -> Result<Vec<Object>> {
    let prev = doc.get_prev_documents();
    let contents = prev.get_object(page)?.as_dict()?.get(b"Contents")?;
    Ok(match contents {
        Object::Array(items) => items.clone(),
        Object::Reference(id) => match prev.get_object(*id)? {
            Object::Array(items) => items.clone(),
            _ => vec![contents.clone()],
        },
        _ => return Err("page contents neither a stream nor an array".into()),
    })
}

fn stream(doc: &mut IncrementalDocument, operations: Vec<Operation>) -> Result<ObjectId> {
    let content = Content { operations }.encode()?;
    Ok(doc
        .new_document
        .add_object(Stream::new(Dictionary::new(), content)))
}

/// The DOCX with `line` as a last paragraph of its body.
fn docx_with_paragraph(bytes: &[u8], line: &str) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut changed = false;
    for k in 0..archive.len() {
        let mut part = archive.by_index(k)?;
        let name = part.name().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data)?;
        if name == "word/document.xml" {
            let xml = String::from_utf8(data)?;
            // A paragraph goes last in the body: before the body's own
            // section properties where they close it, else before its end
            // (a `w:sectPr` elsewhere belongs to a paragraph).
            let end = xml
                .rfind("</w:body>")
                .ok_or("word/document.xml has no body")?;
            let body = xml[..end].trim_end();
            let at = if body.ends_with("</w:sectPr>") || body.ends_with("/>") {
                body.rfind("<w:sectPr")
                    .filter(|&k| !body[k..].contains("</w:p>") && !body[k..].contains("<w:p>"))
            } else {
                None
            }
            .unwrap_or(end);
            let paragraph = format!("<w:p><w:r><w:t>{line}</w:t></w:r></w:p>");
            data = format!("{}{paragraph}{}", &xml[..at], &xml[at..]).into_bytes();
            changed = true;
        }
        out.start_file(name, options)?;
        out.write_all(&data)?;
    }
    if !changed {
        return Err("no word/document.xml".into());
    }
    Ok(out.finish()?.into_inner())
}
