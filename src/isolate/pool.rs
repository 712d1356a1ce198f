//! The parent side: a pool of worker processes, each file under a deadline
//! and a memory cap.
//!
//! [`WorkerPool::run`] hands one path to an idle worker (starting one when
//! none is idle, so a pool used from N rayon threads ends up with N workers,
//! each started once and reused) and waits for the reply no longer than the
//! deadline. A worker that misses the deadline is killed; one that dies is
//! examined (its exit signal, the last words it wrote to standard error) to
//! tell an allocation failure from a crash. Either way the worker is
//! replaced by a fresh one on the next call and the file gets a
//! [`Failure`]. Nothing here blocks without a bound.
//!
//! [`WorkerPool::run_all`] runs a whole batch: one lane per thread, each
//! keeping its worker two files deep (the file it works on and the next),
//! so a worker goes straight from one file to the next instead of waiting
//! while the parent reads its reply and sends another path. Deadlines,
//! deaths and replacements are as for one file; a file queued behind one
//! that killed its worker was never started, and goes to the fresh worker.
//!
//! A pool may [greet](WorkerPool::greet) its workers: one frame each reads
//! before its first path, sent to those started already and to every one
//! started later (a posting's reading, which the parent makes while the
//! workers load).
//!
//! The memory cap is the address-space limit (`RLIMIT_AS`) set in the child
//! before it starts, so no code in the worker can lift it.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{self, Read};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::Failure;
use super::protocol::{self, Reply};
use super::replies::{Received, Replies};

/// How much of a worker's standard error is kept to explain its death.
const STDERR_TAIL: usize = 4096;
/// How long a worker that closed its output may take to exit before it is
/// killed, and how long its standard error may take to drain after that.
const GRACE: Duration = Duration::from_secs(2);
/// How many files a lane of [`WorkerPool::run_all`] hands its worker at
/// once: the one it works on and the one it starts as soon as it replies.
const PIPELINE_DEPTH: usize = 2;

/// What the pool starts and the bounds it enforces.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// The worker program: normally this binary (`std::env::current_exe`).
    pub program: PathBuf,
    /// Its arguments, e.g. the hidden worker subcommand and its options.
    pub args: Vec<OsString>,
    /// Extra environment variables for the workers.
    pub env: Vec<(OsString, OsString)>,
    /// The longest one file may take, from the request to the reply.
    pub deadline: Duration,
    /// The address space one worker may use, in bytes; `None` for no cap.
    pub memory_cap_bytes: Option<u64>,
}

impl PoolConfig {
    /// The default deadline: far beyond what any real resume takes, short
    /// enough that a folder with a few hostile files still finishes.
    pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(20);
    /// The default cap: well above what a resume needs, low enough that a
    /// few workers at the cap do not exhaust a laptop.
    pub const DEFAULT_MEMORY_CAP: u64 = 1024 * 1024 * 1024;

    /// A configuration with the default deadline and memory cap.
    pub fn new(program: impl Into<PathBuf>, args: Vec<OsString>) -> Self {
        PoolConfig {
            program: program.into(),
            args,
            env: Vec::new(),
            deadline: Self::DEFAULT_DEADLINE,
            memory_cap_bytes: Some(Self::DEFAULT_MEMORY_CAP),
        }
    }
}

/// The pool could not start its first worker: nothing can be screened.
#[derive(Debug, thiserror::Error)]
#[error("cannot start a worker process ({program}): {source}")]
pub struct SpawnError {
    program: String,
    source: io::Error,
}

/// Worker processes that each run the job for one file at a time and reply
/// with an `R`.
pub struct WorkerPool<R> {
    config: PoolConfig,
    /// What every worker reads before its first path, once
    /// [`greet`](Self::greet) has set it.
    greeting: OnceLock<Vec<u8>>,
    idle: Mutex<Vec<Worker>>,
    /// Workers told to stop, reaped when the pool is dropped.
    stopped: Mutex<Vec<Worker>>,
    reply: PhantomData<fn() -> R>,
}

impl<R: DeserializeOwned> WorkerPool<R> {
    /// Start the pool with one worker, so that a worker that cannot start at
    /// all is reported once, before any file, rather than once per file.
    pub fn new(config: PoolConfig) -> Result<Self, SpawnError> {
        let first = Worker::spawn(&config, None).map_err(|source| SpawnError {
            program: config.program.display().to_string(),
            source,
        })?;
        Ok(WorkerPool {
            config,
            greeting: OnceLock::new(),
            idle: Mutex::new(vec![first]),
            stopped: Mutex::new(Vec::new()),
            reply: PhantomData,
        })
    }

    /// Hand every worker, started or still to start, one frame to read
    /// before its first path: what the parent learnt after starting them
    /// (a posting's reading), so that they load meanwhile. Workers started
    /// with an argument that makes them wait for it must be greeted before
    /// the first file is run; a second greeting is ignored.
    pub fn greet(&self, payload: Vec<u8>) {
        let mut idle = self.lock_idle();
        if self.greeting.set(payload).is_err() {
            return;
        }
        let greeting = self.greeting.get().expect("just set");
        for worker in idle.iter_mut() {
            // A worker that died already fails its first file, which says
            // why; nothing to do here.
            let _ = protocol::write_frame(&mut worker.stdin, greeting);
        }
    }

    /// Run the job on every path, one lane per thread of `threads`, and
    /// return what `each` makes of every result, in the order of `paths`.
    /// `each` runs on the lane's thread as each result arrives (while its
    /// worker already works on the next file), so it may be slow without
    /// holding the batch up.
    pub fn run_all<P, T>(
        &self,
        threads: &rayon::ThreadPool,
        paths: &[P],
        each: impl Fn(usize, Result<R, Failure>) -> T + Sync,
    ) -> Vec<T>
    where
        P: AsRef<Path> + Sync,
        T: Send,
        R: Send,
    {
        let next = AtomicUsize::new(0);
        let lanes = threads.broadcast(|_| self.lane(paths, &next, &each));
        let mut results: Vec<Option<T>> = (0..paths.len()).map(|_| None).collect();
        for (i, result) in lanes.into_iter().flatten() {
            results[i] = Some(result);
        }
        results
            .into_iter()
            .map(|r| r.expect("every path is handed to exactly one lane"))
            .collect()
    }

    /// One lane of [`run_all`](Self::run_all): take paths until none are
    /// left, keeping its worker [`PIPELINE_DEPTH`] files deep.
    fn lane<P: AsRef<Path>, T>(
        &self,
        paths: &[P],
        next: &AtomicUsize,
        each: &impl Fn(usize, Result<R, Failure>) -> T,
    ) -> Vec<(usize, T)> {
        let mut done = Vec::new();
        let mut worker: Option<Worker> = None;
        // Sent to the worker and not yet answered, oldest first: the worker
        // works on the first and reads the others when it is done.
        let mut in_flight: VecDeque<usize> = VecDeque::new();
        // Handed to a worker that died before starting them: not their fault.
        let mut not_started: VecDeque<usize> = VecDeque::new();
        // When the oldest file in flight began: the start of its deadline.
        let mut started = Instant::now();
        loop {
            while in_flight.len() < PIPELINE_DEPTH {
                let Some(i) = not_started.pop_front().or_else(|| {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    (i < paths.len()).then_some(i)
                }) else {
                    break;
                };
                let path = paths[i].as_ref();
                let sent = match worker.take().map_or_else(|| self.checkout(), Ok) {
                    Ok(mut w) => match w.send(path) {
                        Ok(()) => Ok(w),
                        // Busy with an earlier file and dead: that file's
                        // reply (or death) says what happened; this one
                        // waits for the next worker.
                        Err(_) if !in_flight.is_empty() => {
                            not_started.push_front(i);
                            worker = Some(w);
                            break;
                        }
                        // Died while idle: give the file a fresh worker.
                        Err(_) => self.fresh_worker_for(path),
                    },
                    Err(failure) => Err(failure),
                };
                match sent {
                    Ok(w) => {
                        if in_flight.is_empty() {
                            started = Instant::now();
                            w.clear_stderr();
                        }
                        worker = Some(w);
                        in_flight.push_back(i);
                    }
                    Err(failure) => done.push((i, each(i, Err(failure)))),
                }
            }
            let Some(current) = in_flight.pop_front() else {
                break;
            };
            let left = self.config.deadline.saturating_sub(started.elapsed());
            let result = self.receive(&mut worker, left);
            // The next file started when this reply was written (or starts
            // with the next worker, if this one was let go: dropping it
            // kills it). Its standard error is not cleared: the worker may
            // already have written its last words there, and a worker that
            // lives writes nothing (panics are reported in replies).
            started = Instant::now();
            if worker.is_none() {
                not_started.extend(in_flight.drain(..));
            }
            done.push((current, each(current, result)));
        }
        if let Some(w) = worker {
            self.checkin(w);
        }
        done
    }

    /// A new worker for a file whose worker died between files, with the
    /// file sent; if the new one dies too, that is the file's failure.
    fn fresh_worker_for(&self, path: &Path) -> Result<Worker, Failure> {
        let mut worker = self
            .spawn()
            .map_err(|e| Failure::Unavailable(e.to_string()))?;
        match worker.send(path) {
            Ok(()) => Ok(worker),
            Err(_) => Err(worker.death(self.config.memory_cap_bytes)),
        }
    }

    /// Run the job on one file in a worker. Safe to call from many threads
    /// at once; each call uses its own worker.
    pub fn run(&self, path: &Path) -> Result<R, Failure> {
        self.lane(&[path], &AtomicUsize::new(0), &|_, result| result)
            .pop()
            .map(|(_, result)| result)
            .expect("a lane answers every path it takes")
    }

    /// Wait up to `wait` for the reply to the file `worker` works on. A
    /// worker not to be trusted with another file (late, dead, or not
    /// speaking the protocol) is taken out of `worker`; dropping it kills
    /// and reaps it.
    fn receive(&self, worker: &mut Option<Worker>, wait: Duration) -> Result<R, Failure> {
        let w = worker.as_mut().expect("a file in flight has its worker");
        match w.replies.next(wait) {
            Received::Frame(frame) => match serde_json::from_slice::<Reply<R>>(&frame) {
                Ok(Reply::Done(result)) => Ok(result),
                Ok(Reply::Failed(why)) => Err(Failure::Crashed(why)),
                Err(e) => {
                    *worker = None;
                    Err(Failure::Crashed(format!(
                        "unreadable reply from the worker: {e}"
                    )))
                }
            },
            Received::Late => {
                *worker = None;
                Err(Failure::Timeout(self.config.deadline))
            }
            Received::Ended => {
                let dead = worker.take().expect("checked above");
                Err(dead.death(self.config.memory_cap_bytes))
            }
        }
    }

    /// Start workers until `count` are idle, so that they load (the rubric
    /// takes them a few tens of milliseconds) while the parent still
    /// prepares the batch. One that cannot start now is started, or
    /// reported, when a file needs it.
    pub fn prestart(&self, count: usize) {
        let mut idle = self.lock_idle();
        while idle.len() < count {
            match self.spawn() {
                Ok(worker) => idle.push(worker),
                Err(_) => break,
            }
        }
    }

    /// Stop every idle worker now, without waiting for it to exit. A batch
    /// that has all its replies writes its report while the workers give
    /// their memory back (about 1.5 ms each, one after the other when
    /// dropping the pool waited on each in turn); dropping the pool then
    /// only reaps them. A file run after this starts a fresh worker.
    pub fn stop(&self) {
        let mut idle = self.lock_idle();
        for worker in idle.iter_mut() {
            let _ = worker.child.kill();
        }
        self.stopped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .append(&mut idle);
    }

    /// The process ids of the workers idle right now (for diagnostics).
    pub fn idle_pids(&self) -> Vec<u32> {
        self.lock_idle().iter().map(|w| w.child.id()).collect()
    }

    fn spawn(&self) -> io::Result<Worker> {
        Worker::spawn(&self.config, self.greeting.get().map(Vec::as_slice))
    }

    fn checkout(&self) -> Result<Worker, Failure> {
        if let Some(worker) = self.lock_idle().pop() {
            return Ok(worker);
        }
        self.spawn()
            .map_err(|e| Failure::Unavailable(e.to_string()))
    }

    fn checkin(&self, worker: Worker) {
        self.lock_idle().push(worker);
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<Worker>> {
        // A panic while holding this lock cannot leave the list half-changed
        // (push and pop are whole), so a poisoned lock is still usable.
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One worker process, its replies, and the thread that drains its
/// standard error.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Frames from the worker's standard output.
    replies: Replies,
    /// The last bytes the worker wrote to standard error.
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    /// Closes when standard error has been read to its end.
    stderr_done: Receiver<()>,
}

impl Worker {
    /// Start a worker, and send it the pool's greeting when there is one.
    fn spawn(config: &PoolConfig, greeting: Option<&[u8]>) -> io::Result<Worker> {
        let mut command = Command::new(&config.program);
        command
            .args(&config.args)
            // A backtrace would push the last words that tell an allocation
            // failure from a crash out of the kept tail of standard error.
            .env("RUST_BACKTRACE", "0")
            .envs(config.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(cap) = config.memory_cap_bytes {
            limit_memory(&mut command, cap);
        }
        let mut child = command.spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("worker started without its pipes"));
        };

        let replies = Replies::new(stdout)?;

        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let (done_tx, stderr_done) = mpsc::channel::<()>();
        let tail = Arc::clone(&stderr_tail);
        thread::Builder::new()
            .name("levelscan-worker-err".into())
            .spawn(move || {
                // Always drained, so a chatty worker never blocks on a full
                // pipe; only the tail is kept.
                let _done = done_tx;
                let mut stderr = stderr;
                let mut buf = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let mut tail = tail.lock().unwrap_or_else(|e| e.into_inner());
                    tail.extend_from_slice(&buf[..n]);
                    let excess = tail.len().saturating_sub(STDERR_TAIL);
                    tail.drain(..excess);
                }
            })?;

        let mut worker = Worker {
            child,
            stdin,
            replies,
            stderr_tail,
            stderr_done,
        };
        if let Some(greeting) = greeting {
            // A worker that died already fails its first file, which says
            // why.
            let _ = protocol::write_frame(&mut worker.stdin, greeting);
        }
        Ok(worker)
    }

    fn send(&mut self, path: &Path) -> io::Result<()> {
        if self.child.try_wait()?.is_some() {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        protocol::write_frame(&mut self.stdin, &protocol::path_to_bytes(path))
    }

    fn clear_stderr(&self) {
        self.stderr_tail
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// The worker stopped answering: wait (briefly) for it to exit and say
    /// why it died.
    fn death(mut self, memory_cap_bytes: Option<u64>) -> Failure {
        let status = self.reap();
        // Its standard error closes when it exits; give the reader a moment
        // to take the last words.
        let _ = self.stderr_done.recv_timeout(GRACE);
        let tail = self.stderr_tail.lock().unwrap_or_else(|e| e.into_inner());
        classify(status, &String::from_utf8_lossy(&tail), memory_cap_bytes)
    }

    /// Wait for the process to end, killing it if it lingers.
    fn reap(&mut self) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < GRACE {
            match self.child.try_wait() {
                Ok(Some(status)) => return Some(status),
                Ok(None) => thread::sleep(Duration::from_millis(5)),
                Err(_) => break,
            }
        }
        let _ = self.child.kill();
        self.child.wait().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Idle, late or dead alike: make sure it is gone and reaped.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Tell an allocation failure from a crash by how the worker ended and what
/// it last wrote. Rust reports both a failed allocation and a stack overflow
/// with a line on standard error and then aborts, so the signal alone
/// (SIGABRT) cannot tell them apart.
fn classify(
    status: Option<ExitStatus>,
    stderr_tail: &str,
    memory_cap_bytes: Option<u64>,
) -> Failure {
    if stderr_tail.contains("memory allocation of") {
        return Failure::OutOfMemory {
            cap_bytes: memory_cap_bytes,
        };
    }
    if stderr_tail.contains("has overflowed its stack") {
        return Failure::Crashed("stack overflow (the file is nested too deeply)".into());
    }
    let Some(status) = status else {
        return Failure::Crashed("the worker vanished".into());
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return Failure::Crashed(format!("killed by signal {signal}{}", signal_name(signal)));
        }
    }
    Failure::Crashed(format!("the worker stopped unexpectedly ({status})"))
}

#[cfg(unix)]
fn signal_name(signal: i32) -> &'static str {
    match signal {
        libc::SIGSEGV => " (SIGSEGV, invalid memory access)",
        libc::SIGABRT => " (SIGABRT, aborted)",
        libc::SIGKILL => " (SIGKILL, killed from outside or by the system)",
        libc::SIGBUS => " (SIGBUS)",
        libc::SIGILL => " (SIGILL)",
        libc::SIGFPE => " (SIGFPE)",
        _ => "",
    }
}

/// Cap the child's address space before it runs a single instruction of its
/// own, so nothing in the worker can raise it.
#[cfg(unix)]
fn limit_memory(command: &mut Command, cap_bytes: u64) {
    use std::os::unix::process::CommandExt;
    let limit = libc::rlimit {
        rlim_cur: cap_bytes,
        rlim_max: cap_bytes,
    };
    // SAFETY: the closure runs in the forked child before exec; it only
    // calls setrlimit, which is async-signal-safe, on a value copied in.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_command: &mut Command, _cap_bytes: u64) {
    // No portable address-space limit: the deadline still bounds the file.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_failure_is_out_of_memory_whatever_the_signal() {
        let f = classify(
            None,
            "memory allocation of 8589934592 bytes failed\n",
            Some(1 << 30),
        );
        assert_eq!(
            f,
            Failure::OutOfMemory {
                cap_bytes: Some(1 << 30)
            }
        );
        assert!(f.to_string().starts_with("out of memory: "), "{f}");
        assert!(f.to_string().contains("1024 MiB"), "{f}");
    }

    #[test]
    fn stack_overflow_is_a_crash() {
        let f = classify(
            None,
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
            None,
        );
        assert!(f.to_string().starts_with("crashed: stack overflow"), "{f}");
    }

    #[test]
    fn timeout_message_names_the_deadline() {
        let f = Failure::Timeout(Duration::from_millis(1500));
        assert!(
            f.to_string().starts_with("timeout: no result within 1.5 s"),
            "{f}"
        );
    }
}
