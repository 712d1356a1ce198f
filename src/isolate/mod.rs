//! Parser isolation: run a per-file job in worker processes of this same
//! binary, so that no file can take the batch down.
//!
//! A panic can be caught in-process, but a stack overflow or a failed
//! allocation aborts the whole process and a parser caught in a loop never
//! returns. So each file is handed to a worker process ([`pool`]) that runs
//! the job ([`worker`]) under a deadline and a memory cap. A worker that
//! dies, or misses the deadline, is killed and replaced, and its file gets a
//! [`Failure`] whose message starts with `timeout`, `out of memory` or
//! `crashed`; the rest of the batch goes on. Workers and parent speak the
//! small length-prefixed protocol in [`protocol`].
//!
//! The pool is generic over the job's result; the batch runs the whole
//! per-file pipeline in the worker (`crate::screen`), so only a compact
//! record crosses the pipe.
//!
//! This module must never decide what a file means: it only runs the job and
//! reports how the run ended.

pub mod fault;
pub mod pool;
pub mod protocol;
mod replies;
pub mod worker;

use std::time::Duration;

pub use pool::{PoolConfig, SpawnError, WorkerPool};

/// Why a worker gave no result for a file. The message is the file's note
/// in the ranking; its first words are the contract (`timeout`,
/// `out of memory`, `crashed`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// No result within the deadline; the worker was killed.
    #[error(
        "timeout: no result within {} s; the file may be built to make parsers loop (limit: --timeout-secs)",
        .0.as_secs_f64()
    )]
    Timeout(Duration),
    /// The worker ran out of the memory it is allowed.
    #[error("out of memory: reading the file needed more than {} (limit: --max-memory-mib)", describe_cap(*.cap_bytes))]
    OutOfMemory { cap_bytes: Option<u64> },
    /// The worker died (a signal, a stack overflow, an unexpected exit) or
    /// the job panicked inside it.
    #[error("crashed: {0}")]
    Crashed(String),
    /// No worker could be started for this file (the machine is out of
    /// processes or file descriptors). Not the file's fault.
    #[error("error: could not start a worker process: {0}")]
    Unavailable(String),
}

fn describe_cap(cap_bytes: Option<u64>) -> String {
    match cap_bytes {
        Some(bytes) => format!("the {} MiB allowed per file", bytes / (1024 * 1024)),
        None => "the memory the machine has".to_string(),
    }
}
