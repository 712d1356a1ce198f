//! A worker's replies, read under a deadline.
//!
//! On Unix the lane waiting for a reply reads the worker's output itself:
//! the pipe is non-blocking, and when it has nothing to give, `poll` waits
//! for it no longer than the deadline. Elsewhere a thread reads the frames
//! and hands them over a channel that is waited on with the same deadline.
//! The Unix way spares a thread per worker and a hand-over per reply (the
//! reader thread waking, then waking the lane): at thousands of replies a
//! second that was a few percent of the machine. Either way nothing waits
//! past the deadline, not even for a worker that stops inside a frame.

/// What came of waiting for one reply.
#[derive(Debug)]
pub enum Received {
    Frame(Vec<u8>),
    /// The deadline passed first.
    Late,
    /// The output ended, or could not be read: the worker is gone.
    Ended,
}

#[cfg(unix)]
pub use unix::Replies;

#[cfg(not(unix))]
pub use threaded::Replies;

#[cfg(unix)]
mod unix {
    use std::io::{self, BufReader, Read};
    use std::os::fd::AsRawFd;
    use std::process::ChildStdout;
    use std::time::{Duration, Instant};

    use super::Received;
    use crate::isolate::protocol;

    /// Frames from a worker's standard output.
    pub struct Replies {
        out: BufReader<Pipe>,
    }

    impl Replies {
        pub fn new(out: ChildStdout) -> io::Result<Replies> {
            set_nonblocking(&out)?;
            Ok(Replies {
                out: BufReader::new(Pipe {
                    out,
                    deadline: Instant::now(),
                }),
            })
        }

        /// The next frame, waiting for it up to `wait`.
        pub fn next(&mut self, wait: Duration) -> Received {
            self.out.get_mut().deadline = Instant::now() + wait;
            match protocol::read_frame(&mut self.out) {
                Ok(Some(frame)) => Received::Frame(frame),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => Received::Late,
                Ok(None) | Err(_) => Received::Ended,
            }
        }
    }

    /// The non-blocking pipe, read as a blocking one that gives up at
    /// `deadline` with `TimedOut`.
    struct Pipe {
        out: ChildStdout,
        deadline: Instant,
    }

    impl Read for Pipe {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            loop {
                match self.out.read(buf) {
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => self.wait_readable()?,
                    other => return other,
                }
            }
        }
    }

    impl Pipe {
        /// Wait until the pipe has bytes or has closed, or the deadline.
        fn wait_readable(&self) -> io::Result<()> {
            let left = self.deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::ErrorKind::TimedOut.into());
            }
            let mut pipe = libc::pollfd {
                fd: self.out.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // Rounded up, so a wait never ends just short of the deadline.
            let millis = i32::try_from(left.as_millis() + 1).unwrap_or(i32::MAX);
            // SAFETY: one valid pollfd, for a descriptor this struct owns.
            if unsafe { libc::poll(&mut pipe, 1, millis) } < 0 {
                let error = io::Error::last_os_error();
                if error.kind() != io::ErrorKind::Interrupted {
                    return Err(error);
                }
            }
            Ok(())
        }
    }

    fn set_nonblocking(out: &ChildStdout) -> io::Result<()> {
        let fd = out.as_raw_fd();
        // SAFETY: fcntl on a descriptor this process owns, changing only
        // its status flags.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) < 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    }
}

#[cfg(not(unix))]
mod threaded {
    use std::io;
    use std::process::ChildStdout;
    use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
    use std::thread;
    use std::time::Duration;

    use super::Received;
    use crate::isolate::protocol;

    /// Frames from a worker's standard output, read by a thread; the
    /// channel closes when the output ends.
    pub struct Replies {
        frames: Receiver<io::Result<Vec<u8>>>,
    }

    impl Replies {
        pub fn new(out: ChildStdout) -> io::Result<Replies> {
            let (send, frames) = mpsc::channel();
            thread::Builder::new()
                .name("levelscan-worker-out".into())
                .spawn(move || {
                    let mut out = io::BufReader::new(out);
                    loop {
                        let frame = match protocol::read_frame(&mut out) {
                            Ok(Some(frame)) => Ok(frame),
                            Ok(None) => break,
                            Err(e) => Err(e),
                        };
                        let failed = frame.is_err();
                        if send.send(frame).is_err() || failed {
                            break;
                        }
                    }
                })?;
            Ok(Replies { frames })
        }

        /// The next frame, waiting for it up to `wait`.
        pub fn next(&mut self, wait: Duration) -> Received {
            match self.frames.recv_timeout(wait) {
                Ok(Ok(frame)) => Received::Frame(frame),
                Err(RecvTimeoutError::Timeout) => Received::Late,
                Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Received::Ended,
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    /// A shell script standing in for a worker, and its replies.
    fn fake_worker(script: &str) -> (Child, Replies) {
        let mut child = Command::new("sh")
            .args(["-c", script])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let replies = Replies::new(child.stdout.take().unwrap()).unwrap();
        (child, replies)
    }

    /// A frame that arrives in two parts, a wait that runs out while
    /// nothing comes, and the end of the output.
    #[test]
    fn frames_lateness_and_the_end_are_told_apart() {
        // 5 bytes of payload ("hello"), split by a pause inside the frame.
        let (mut child, mut replies) =
            fake_worker(r"printf '\005\000\000\000he'; sleep 0.3; printf 'llo'; sleep 1");
        match replies.next(Duration::from_secs(5)) {
            Received::Frame(frame) => assert_eq!(frame, b"hello"),
            other => panic!("{other:?}"),
        }
        let start = Instant::now();
        assert!(matches!(
            replies.next(Duration::from_millis(200)),
            Received::Late
        ));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(200), "{waited:?}");
        assert!(matches!(
            replies.next(Duration::from_secs(5)),
            Received::Ended
        ));
        child.wait().unwrap();
    }

    /// A worker that stops inside a frame is late, not waited on forever.
    #[test]
    fn a_frame_cut_short_by_a_stall_is_late() {
        let (mut child, mut replies) = fake_worker(r"printf '\005\000\000\000he'; sleep 3");
        let start = Instant::now();
        assert!(matches!(
            replies.next(Duration::from_millis(300)),
            Received::Late
        ));
        assert!(start.elapsed() < Duration::from_secs(2));
        let _ = child.kill();
        child.wait().unwrap();
    }
}
