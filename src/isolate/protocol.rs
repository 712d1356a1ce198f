//! The wire between the parent and a worker: length-prefixed frames.
//!
//! Each frame is a 4-byte little-endian length and that many bytes. A
//! request is one frame holding a file path as raw bytes (so names that are
//! not UTF-8 arrive intact); a reply is one frame holding a JSON-encoded
//! [`Reply`]. One reply per request, in order. A greeted pool's workers
//! read one frame more, its greeting, before the first request. A frame
//! over [`MAX_FRAME`] is refused rather than allocated: a length read from
//! a damaged stream must not become a huge allocation.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The largest frame either side accepts: far above any real document's
/// extracted text (which extraction caps), far below a dangerous allocation.
pub const MAX_FRAME: u32 = 256 * 1024 * 1024;

/// A worker's answer for one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply<R> {
    /// The job ran to its end; its result (which may itself say the file is
    /// bad).
    Done(R),
    /// The job did not finish normally (it panicked, or its result could not
    /// be encoded); the text says why.
    Failed(String),
}

/// Write one frame and flush it, in a single write so a reader never sees
/// half a header.
pub fn write_frame(out: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let len = u32::try_from(payload.len())
        .ok()
        .filter(|&n| n <= MAX_FRAME)
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("frame of {} bytes is over the limit", payload.len()),
            )
        })?;
    let mut frame = Vec::with_capacity(4 + payload.len());
    frame.extend_from_slice(&len.to_le_bytes());
    frame.extend_from_slice(payload);
    out.write_all(&frame)?;
    out.flush()
}

/// Read one frame. `Ok(None)` means the stream ended cleanly between frames
/// (the other side closed it); an end inside a frame is an error.
pub fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 4];
    let mut got = 0;
    while got < header.len() {
        match input.read(&mut header[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let len = u32::from_le_bytes(header);
    if len > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("frame of {len} bytes is over the limit"),
        ));
    }
    let mut payload = Vec::new();
    input.take(u64::from(len)).read_to_end(&mut payload)?;
    if payload.len() != len as usize {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(payload))
}

/// A path as the bytes of a request.
pub fn path_to_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        // Elsewhere paths are sent as UTF-8; a name that is not valid
        // Unicode would not survive, so refuse it loudly at the other end.
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// The path carried by a request.
pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_end_cleanly() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"first").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut input = buf.as_slice();
        assert_eq!(read_frame(&mut input).unwrap(), Some(b"first".to_vec()));
        assert_eq!(read_frame(&mut input).unwrap(), Some(Vec::new()));
        assert_eq!(read_frame(&mut input).unwrap(), None);
    }

    #[test]
    fn a_cut_frame_is_an_error() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"payload").unwrap();
        for cut in 1..buf.len() {
            let err = read_frame(&mut &buf[..cut]).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof, "cut at {cut}");
        }
    }

    #[test]
    fn a_huge_length_is_refused_not_allocated() {
        let header = u32::MAX.to_le_bytes();
        let err = read_frame(&mut header.as_slice()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_paths_survive() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/cv-\xff.pdf"));
        assert_eq!(path_from_bytes(path_to_bytes(path)), path);
    }

    #[test]
    fn replies_round_trip_as_json() {
        let reply: Reply<Result<u32, String>> = Reply::Done(Err("damaged".into()));
        let json = serde_json::to_vec(&reply).unwrap();
        assert_eq!(serde_json::from_slice::<Reply<_>>(&json).unwrap(), reply);
    }
}
