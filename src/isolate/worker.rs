//! The worker side: read file paths, run the job on each, answer each.
//!
//! [`serve_stdio`] is the body of the hidden `levelscan __worker`
//! subcommand. It answers on a private copy of standard output and points
//! the process's own standard output at standard error, so a library that
//! prints cannot corrupt the replies. A panic in the job is caught and sent
//! back as [`Reply::Failed`]; what cannot be caught (a stack overflow, a
//! failed allocation, a loop) ends or stalls this process, and the parent's
//! pool deals with that. The worker must never do anything but answer
//! requests: it holds no state from one file to the next.

use std::io::{self, BufWriter, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;

use super::fault;
use super::protocol::{self, Reply};

/// Where the last panic happened, recorded by the panic hook so the reply
/// can name it (the payload alone has only the message).
static PANIC_LOCATION: Mutex<Option<String>> = Mutex::new(None);

/// Answer requests from `input` on `output` until `input` ends.
pub fn serve<R: Serialize>(
    mut input: impl Read,
    mut output: impl Write,
    job: impl Fn(&Path) -> R,
) -> io::Result<()> {
    let faults = fault::enabled();
    while let Some(request) = protocol::read_frame(&mut input)? {
        let path = protocol::path_from_bytes(request);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            if faults {
                fault::inject(&path);
            }
            job(&path)
        }));
        let reply = match outcome {
            Ok(result) => Reply::Done(result),
            Err(payload) => Reply::Failed(panic_message(payload.as_ref())),
        };
        let payload = match serde_json::to_vec(&reply) {
            Ok(payload) => payload,
            Err(e) => serde_json::to_vec(&Reply::<R>::Failed(format!(
                "the result could not be encoded: {e}"
            )))?,
        };
        protocol::write_frame(&mut output, &payload)?;
    }
    Ok(())
}

/// The one frame a greeted pool sends before any path
/// ([`WorkerPool::greet`](super::WorkerPool::greet)), read from standard
/// input; what follows stays there for [`serve_stdio`].
pub fn read_greeting() -> io::Result<Vec<u8>> {
    protocol::read_frame(&mut io::stdin().lock())?.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "standard input closed before the parent's greeting",
        )
    })
}

/// Run as a worker process on standard input and output. Call only from the
/// worker subcommand: it changes process-wide state (the panic hook and
/// standard output).
pub fn serve_stdio<R: Serialize>(job: impl Fn(&Path) -> R) -> io::Result<()> {
    // Panics are reported in the reply; printing them as well would spill
    // onto the recruiter's terminal.
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut location) = PANIC_LOCATION.lock() {
            *location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
        }
    }));
    let replies = take_stdout()?;
    serve(io::stdin().lock(), BufWriter::new(replies), job)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_string());
    let location = PANIC_LOCATION.lock().ok().and_then(|mut l| l.take());
    match location {
        Some(location) => format!("{} panic: {message} (at {location})", stage_of(&location)),
        None => format!("panic: {message}"),
    }
}

/// The pipeline stage a panic's source file belongs to, so the note says
/// which one failed: a fault in segmentation is not the file's parser's.
fn stage_of(location: &str) -> &'static str {
    const STAGES: [(&str, &str); 6] = [
        ("src/extract/", "extraction"),
        ("src/segment/", "segmentation"),
        ("src/detect/", "detection"),
        ("src/classify/", "classification"),
        ("src/report/", "report"),
        ("/registry/", "parser"),
    ];
    STAGES
        .iter()
        .find(|(path, _)| location.contains(path))
        .map_or("levelscan", |(_, stage)| stage)
}

/// A private handle on standard output for the replies; the process's
/// standard output is pointed at standard error from here on.
#[cfg(unix)]
fn take_stdout() -> io::Result<std::fs::File> {
    use std::os::fd::FromRawFd;
    io::stdout().flush()?;
    // SAFETY: dup and dup2 only copy this process's own standard
    // descriptors; no Rust object owns descriptor 1 exclusively (Stdout just
    // writes to whatever it is).
    let private = unsafe { libc::dup(libc::STDOUT_FILENO) };
    if private < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: see above.
    if unsafe { libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `private` is a fresh descriptor from dup that nothing else owns.
    Ok(unsafe { std::fs::File::from_raw_fd(private) })
}

#[cfg(not(unix))]
fn take_stdout() -> io::Result<io::Stdout> {
    Ok(io::stdout())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requests(paths: &[&str]) -> Vec<u8> {
        let mut buf = Vec::new();
        for p in paths {
            protocol::write_frame(&mut buf, &protocol::path_to_bytes(Path::new(p))).unwrap();
        }
        buf
    }

    fn replies(mut output: &[u8]) -> Vec<Reply<String>> {
        let mut out = Vec::new();
        while let Some(frame) = protocol::read_frame(&mut output).unwrap() {
            out.push(serde_json::from_slice(&frame).unwrap());
        }
        out
    }

    #[test]
    fn one_reply_per_request_in_order() {
        let input = requests(&["a.pdf", "b.docx"]);
        let mut output = Vec::new();
        serve(input.as_slice(), &mut output, |p: &Path| {
            p.display().to_string()
        })
        .unwrap();
        assert_eq!(
            replies(&output),
            vec![Reply::Done("a.pdf".into()), Reply::Done("b.docx".into())]
        );
    }

    #[test]
    fn a_panic_becomes_a_failed_reply_and_serving_goes_on() {
        let input = requests(&["bad.pdf", "good.pdf"]);
        let mut output = Vec::new();
        serve(input.as_slice(), &mut output, |p: &Path| {
            if p == Path::new("bad.pdf") {
                panic!("index out of range");
            }
            "fine".to_string()
        })
        .unwrap();
        let got = replies(&output);
        assert!(
            matches!(&got[0], Reply::Failed(m) if m.starts_with("panic: index out of range")),
            "{got:?}"
        );
        assert_eq!(got[1], Reply::Done("fine".into()));
    }

    /// Regression: a segmentation panic was reported as "parser panic".
    #[test]
    fn a_panic_is_named_after_the_stage_it_came_from() {
        assert_eq!(stage_of("src/segment/header.rs:61"), "segmentation");
        assert_eq!(stage_of("src/classify/model.rs:3"), "classification");
        assert_eq!(
            stage_of("/root/.cargo/registry/src/index/docx-rs-0.4.22/src/x.rs:9"),
            "parser"
        );
        assert_eq!(stage_of("src/isolate/fault.rs:40"), "levelscan");
    }
}
