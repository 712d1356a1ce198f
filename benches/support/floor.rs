//! The floor no levelscan run can beat: lopdf loading a PDF and
//! decompressing its pages' contents, nothing else — no fonts read, no
//! text laid out, nothing assessed. Shared by the throughput script's floor
//! loop (`examples/lopdf_floor.rs`) and `cargo bench --bench extract`, so
//! both measure the same work.

/// Loads one PDF and inflates every page's content; the number of pages
/// with content, or `None` where lopdf cannot load the file.
pub fn load_and_inflate(bytes: &[u8]) -> Option<usize> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    let mut pages = 0;
    for (_, id) in doc.get_pages() {
        if let Ok(content) = doc.get_page_content_with_limit(id, 64 << 20) {
            pages += usize::from(!content.is_empty());
        }
    }
    Some(pages)
}
