//! Stream decoding with one inflater per document.
//!
//! lopdf decodes every stream with a fresh zlib state and a zero-filled
//! read buffer — about 80 KB set up and cleared per stream — and then copies
//! a page's streams once more to join them. A resume brings a dozen or so
//! streams (its pages' contents, every font's ToUnicode CMap), and that
//! set-up cost more than the inflating. Streams whose one filter is
//! FlateDecode without parameters — nearly all of them — are inflated here
//! by one reused state, straight into the buffer they end in; any other
//! stream is left to lopdf.
//!
//! The results are lopdf's: the same limit (more output than it allows is
//! `MemoryLimitExceeded`), the same second try as raw deflate when the zlib
//! wrapper is damaged and nothing came out, what did come out of a damaged
//! stream kept, and a page's streams joined with a newline after each.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{DecompressError, Document, Object, ObjectId, Stream};

/// Reused zlib and raw-deflate states.
pub struct Inflater {
    zlib: Decompress,
    raw: Decompress,
}

impl Default for Inflater {
    fn default() -> Self {
        Inflater {
            zlib: Decompress::new(true),
            raw: Decompress::new(false),
        }
    }
}

/// Output grows by at least this much at a time.
const MIN_GROWTH: usize = 4096;

impl Inflater {
    /// A stream's decoded content as lopdf's
    /// `Stream::get_plain_content_with_limit` gives it (an unfiltered
    /// stream as it is, within the limit): inflated here when it is plain
    /// FlateDecode, by lopdf otherwise.
    pub fn decoded(&mut self, stream: &Stream, limit: usize) -> lopdf::Result<Vec<u8>> {
        self.try_inflate(stream, limit)
            .unwrap_or_else(|| stream.get_plain_content_with_limit(limit))
    }

    /// A plain FlateDecode stream's content as lopdf decodes it, or `None`
    /// for any other stream.
    fn try_inflate(&mut self, stream: &Stream, limit: usize) -> Option<lopdf::Result<Vec<u8>>> {
        if !is_plain_flate(stream) {
            return None;
        }
        // lopdf's first guess at the size: twice the compressed bytes.
        let guess = stream.content.len().saturating_mul(2);
        let mut out = Vec::with_capacity(guess.min(limit.saturating_add(1)));
        Some(
            self.inflate_onto(&stream.content, &mut out, limit)
                .map(|()| out),
        )
    }

    /// A page's content streams decoded and joined, as lopdf's
    /// `Document::get_page_content_with_limit` gives them: `limit` bounds
    /// the whole page, and a stream that cannot be decoded (for a reason
    /// other than the limit) stands as its raw bytes when they fit.
    pub fn page_content(
        &mut self,
        doc: &Document,
        page_id: ObjectId,
        limit: usize,
    ) -> lopdf::Result<Vec<u8>> {
        let mut content = Vec::new();
        for object_id in doc.get_page_contents(page_id) {
            let Ok(stream) = doc.get_object(object_id).and_then(Object::as_stream) else {
                continue;
            };
            let remaining = limit.saturating_sub(content.len());
            if is_plain_flate(stream) {
                self.inflate_onto(&stream.content, &mut content, remaining)
                    .map_err(|_| exceeded(limit))?;
            } else {
                match stream.decompressed_content_with_limit(remaining) {
                    Ok(data) => content.extend_from_slice(&data),
                    Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded {
                        ..
                    })) => return Err(exceeded(limit)),
                    Err(_) if stream.content.len() <= remaining => {
                        content.extend_from_slice(&stream.content);
                    }
                    Err(_) => return Err(exceeded(limit)),
                }
            }
            content.push(b'\n');
        }
        Ok(content)
    }

    /// Inflate `input` onto the end of `out`, as zlib or, when that fails
    /// before any output, as raw deflate after the two-byte zlib header.
    /// More than `limit` new bytes is an error; a damaged stream is not.
    fn inflate_onto(&mut self, input: &[u8], out: &mut Vec<u8>, limit: usize) -> lopdf::Result<()> {
        let start = out.len();
        if input.is_empty() {
            return Ok(());
        }
        self.zlib.reset(true);
        let damaged = inflate(&mut self.zlib, input, out, start, limit).is_err();
        if damaged && out.len() == start && input.len() > 2 {
            self.raw.reset(false);
            // What the raw try gives, damaged or not, is what there is.
            let _ = inflate(&mut self.raw, &input[2..], out, start, limit);
        }
        if out.len() - start > limit {
            out.truncate(start);
            return Err(exceeded(limit));
        }
        Ok(())
    }
}

/// Whether lopdf would decode the stream with zlib alone: one FlateDecode
/// filter and no parameters (which could ask for a predictor).
fn is_plain_flate(stream: &Stream) -> bool {
    matches!(stream.filters().as_deref(), Ok([b"FlateDecode"]))
        && stream.dict.get(b"DecodeParms").is_err()
}

fn exceeded(limit: usize) -> lopdf::Error {
    DecompressError::MemoryLimitExceeded { limit }.into()
}

/// Run `state` over `input`, appending to `out` until the stream ends, the
/// input runs out, or more than `limit` bytes have come out since `start`.
/// `out` only grows up to one byte past the limit, which is enough to know
/// it was passed (room it already had may take a little more). `Err` when
/// the data is damaged; what came out before stays in `out`.
fn inflate(
    state: &mut Decompress,
    input: &[u8],
    out: &mut Vec<u8>,
    start: usize,
    limit: usize,
) -> Result<(), flate2::DecompressError> {
    let cap = start.saturating_add(limit).saturating_add(1);
    loop {
        if out.len() >= cap {
            return Ok(());
        }
        if out.len() == out.capacity() {
            out.reserve_exact(out.len().max(MIN_GROWTH).min(cap - out.len()));
        }
        let consumed = state.total_in() as usize;
        let produced = out.len();
        let status = state.decompress_vec(&input[consumed..], out, FlushDecompress::None)?;
        let progressed = out.len() > produced || state.total_in() as usize > consumed;
        match status {
            Status::StreamEnd => return Ok(()),
            Status::Ok | Status::BufError if !progressed => return Ok(()),
            Status::Ok | Status::BufError => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn flate_stream(content: Vec<u8>) -> Stream {
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, content)
    }

    fn lopdf_says(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
        stream
            .decompressed_content_with_limit(limit)
            .map_err(|e| e.to_string())
    }

    fn ours(inflater: &mut Inflater, stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
        inflater
            .try_inflate(stream, limit)
            .expect("a plain FlateDecode stream")
            .map_err(|e| e.to_string())
    }

    /// Every stream and every page of the fixture PDFs decodes to lopdf's
    /// bytes, through one inflater reused across them all.
    #[test]
    fn agrees_with_lopdf_on_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
        let mut inflater = Inflater::default();
        let (mut streams, mut pages) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let doc = lopdf::Document::load(entry.path()).unwrap();
            for object in doc.objects.values() {
                let Ok(stream) = object.as_stream() else {
                    continue;
                };
                if let Some(decoded) = inflater.try_inflate(stream, 1 << 24) {
                    assert_eq!(
                        decoded.map_err(|e| e.to_string()),
                        lopdf_says(stream, 1 << 24),
                        "{}",
                        entry.path().display()
                    );
                    streams += 1;
                }
            }
            for (_, id) in doc.get_pages() {
                for limit in [1 << 24, 100] {
                    assert_eq!(
                        inflater
                            .page_content(&doc, id, limit)
                            .map_err(|e| e.to_string()),
                        doc.get_page_content_with_limit(id, limit)
                            .map_err(|e| e.to_string()),
                        "{} limit {limit}",
                        entry.path().display()
                    );
                }
                pages += 1;
            }
        }
        assert!(
            streams > 200 && pages > 40,
            "{streams} streams, {pages} pages"
        );
    }

    #[test]
    fn the_limit_is_lopdfs() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let stream = flate_stream(zlib(&data));
        let mut inflater = Inflater::default();
        for limit in [0, 1, 4095, 4096, 199_999, 200_000, 200_001, 1 << 20] {
            let got = ours(&mut inflater, &stream, limit);
            assert_eq!(got, lopdf_says(&stream, limit), "limit {limit}");
            assert_eq!(got.is_ok(), limit >= data.len(), "limit {limit}");
        }
    }

    /// A bomb never grows the output far past the limit.
    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = zlib(&vec![0u8; 8 << 20]);
        let mut state = Decompress::new(true);
        let mut out = Vec::new();
        inflate(&mut state, &bomb, &mut out, 0, 10_000).unwrap();
        assert_eq!(out.len(), 10_001);
        assert!(out.capacity() <= 10_001 + MIN_GROWTH, "{}", out.capacity());
        let stream = flate_stream(bomb);
        assert!(matches!(
            Inflater::default().try_inflate(&stream, 10_000),
            Some(Err(lopdf::Error::Decompress(
                DecompressError::MemoryLimitExceeded { limit: 10_000 }
            )))
        ));
    }

    /// Damaged streams: a bad checksum, a cut-off end, a broken zlib header
    /// (read as raw deflate), garbage. Whatever lopdf recovers is
    /// recovered here too, and a damaged stream does not spoil the next.
    #[test]
    fn damaged_streams_give_what_lopdf_gives() {
        let text = b"BT /F1 10 Tf 72 700 Td (Owned the payments platform) Tj ET\n".repeat(200);
        let good = zlib(&text);
        let mut bad_checksum = good.clone();
        let end = bad_checksum.len() - 1;
        bad_checksum[end] ^= 0xFF;
        let cut = good[..good.len() / 2].to_vec();
        let mut bad_header = good.clone();
        bad_header[0] = 0x00;
        let garbage = b"this is not deflate data at all".to_vec();
        let mut inflater = Inflater::default();
        for (name, content) in [
            ("bad checksum", bad_checksum),
            ("cut off", cut),
            ("bad header", bad_header),
            ("garbage", garbage),
            ("empty", Vec::new()),
            ("good", good),
        ] {
            let stream = flate_stream(content);
            let got = ours(&mut inflater, &stream, 1 << 20).unwrap();
            let theirs = lopdf_says(&stream, 1 << 20).unwrap();
            // lopdf reads through a buffer and may drop the last piece
            // before an error; every byte it keeps is kept here too.
            assert!(got.starts_with(&theirs), "{name}");
            assert!(text.starts_with(&got), "{name}");
            if name == "good" || name == "bad checksum" || name == "bad header" {
                assert_eq!(got, text, "{name}");
            }
        }
    }

    #[test]
    fn other_filters_are_left_to_lopdf() {
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"ASCIIHexDecode".to_vec()));
        assert!(
            Inflater::default()
                .try_inflate(&Stream::new(dict, b"41>".to_vec()), 100)
                .is_none()
        );
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mut parms = Dictionary::new();
        parms.set("Predictor", Object::Integer(12));
        dict.set("DecodeParms", Object::Dictionary(parms));
        assert!(
            Inflater::default()
                .try_inflate(&Stream::new(dict, zlib(b"x")), 100)
                .is_none()
        );
        let unfiltered = Stream::new(Dictionary::new(), b"q Q".to_vec());
        assert!(Inflater::default().try_inflate(&unfiltered, 100).is_none());
    }
}
