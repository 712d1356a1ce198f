//! How a batch command runs in parallel: the rayon threads that `-j` sets,
//! and the worker-process pool that isolates each file's parsing, both
//! built from the command line.
//!
//! The output of a batch must never depend on the thread count; that is the
//! caller's job (collect, then sort by path). This module only builds the
//! machinery.

use std::ffi::OsString;
use std::time::Duration;

use std::path::Path;

use levelscan::isolate::{PoolConfig, WorkerPool};
use levelscan::jobfit::JobSpec;
use levelscan::screen::BriefRequest;
use serde::de::DeserializeOwned;

use super::CommandError;
use crate::cli::{BatchArgs, LimitArgs};

/// The rayon threads and the worker processes a batch command runs files
/// on: workers screen each file with the given rubric (the built-in one
/// without it) under the user's limits, and send each family's strongest
/// `quotes_per_family` quotes (all without it), and each assessed file's
/// interview brief when `brief` asks for it. The parent reads each
/// reply as an `R`: a [`Screened`](levelscan::screen::Screened), or what of
/// it the caller needs.
pub fn start<R: DeserializeOwned>(
    batch: &BatchArgs,
    limits: &LimitArgs,
    rubric: Option<&Path>,
    quotes_per_family: Option<usize>,
    job: Option<&WorkerJob>,
    brief: Option<BriefRequest>,
) -> Result<(rayon::ThreadPool, WorkerPool<R>), CommandError> {
    let mut config = worker_pool_config(batch, limits)?;
    if let Some(path) = rubric {
        config.args.push("--rubric".into());
        config.args.push(path.as_os_str().to_owned());
    }
    if let Some(job) = job {
        config.args.push("--job-from-parent".into());
        if let Some(path) = &job.skills {
            config.args.push("--skills".into());
            config.args.push(path.as_os_str().to_owned());
        }
    }
    if let Some(quotes) = quotes_per_family {
        config.args.push("--quotes-per-family".into());
        config.args.push(quotes.to_string().into());
    }
    if let Some(request) = brief {
        config.args.push("--brief".into());
        if request.redact {
            config.args.push("--redact".into());
        }
    }
    let pool = WorkerPool::new(config).map_err(|e| CommandError::Worker(e.to_string()))?;
    let threads = thread_pool(batch).map_err(|e| CommandError::Worker(e.to_string()))?;
    // One worker per thread, started now: call this before other start-up
    // work so that the workers get ready meanwhile.
    pool.prestart(threads.current_num_threads());
    Ok((threads, pool))
}

/// Workers that match each file against a posting: they load the skill
/// vocabulary (this file, if not the built-in one) and then wait for the
/// posting's reading, which the caller hands the pool with
/// [`greet_with_posting`] before the first file.
pub struct WorkerJob {
    pub skills: Option<std::path::PathBuf>,
}

/// Hand the workers of a [`WorkerJob`] the posting as this process read
/// it, so that every resume is matched against the same reading.
pub fn greet_with_posting<R: DeserializeOwned>(pool: &WorkerPool<R>, spec: &JobSpec) {
    pool.greet(serde_json::to_vec(spec).expect("a job spec always serialises"));
}

/// The rayon pool for `-j N`; without `-j`, one thread per core.
pub fn thread_pool(batch: &BatchArgs) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        // 0 asks rayon for its default: the number of cores.
        .num_threads(batch.jobs.map_or(0, |n| n as usize))
        .thread_name(|i| format!("levelscan-{i}"))
        .build()
}

/// The worker pool configuration: this same binary's hidden worker
/// subcommand, under the user's extraction limits, deadline and memory cap.
pub fn worker_pool_config(batch: &BatchArgs, limits: &LimitArgs) -> std::io::Result<PoolConfig> {
    let program = std::env::current_exe()?;
    let mut args = vec![OsString::from("__worker")];
    args.extend(limits.to_worker_args());
    let mut config = PoolConfig::new(program, args);
    config.deadline = Duration::from_secs(batch.timeout_secs);
    config.memory_cap_bytes = Some(batch.max_memory_mib.saturating_mul(1024 * 1024));
    // A worker reads file after file: the allocator (src/main.rs) keeps
    // what one file freed for the next, rather than handing it back to the
    // system after 10 ms and having every page zeroed again when faulted
    // back in (≈ 2% of a `-j1` batch's time). Its peak is the same either way.
    config
        .env
        .push(("MIMALLOC_PURGE_DELAY".into(), "-1".into()));
    Ok(config)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        limits: LimitArgs,
    }

    fn flags(args: &[&str]) -> Flags {
        Flags::try_parse_from(std::iter::once("levelscan").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn jobs_sets_the_thread_count() {
        let f = flags(&["-j", "3"]);
        assert_eq!(thread_pool(&f.batch).unwrap().current_num_threads(), 3);
        let f = flags(&[]);
        assert_eq!(
            thread_pool(&f.batch).unwrap().current_num_threads(),
            rayon::ThreadPoolBuilder::new()
                .build()
                .unwrap()
                .current_num_threads()
        );
    }

    #[test]
    fn zero_jobs_and_tiny_memory_are_refused() {
        assert!(Flags::try_parse_from(["levelscan", "-j", "0"]).is_err());
        assert!(Flags::try_parse_from(["levelscan", "--max-memory-mib", "8"]).is_err());
        assert!(Flags::try_parse_from(["levelscan", "--timeout-secs", "0"]).is_err());
    }

    #[test]
    fn workers_get_the_users_limits_deadline_and_cap() {
        let f = flags(&[
            "--max-pages",
            "7",
            "--timeout-secs",
            "5",
            "--max-memory-mib",
            "512",
        ]);
        let config = worker_pool_config(&f.batch, &f.limits).unwrap();
        assert_eq!(config.args[0], "__worker");
        let pages = config.args.iter().position(|a| a == "--max-pages").unwrap();
        assert_eq!(config.args[pages + 1], "7");
        assert_eq!(config.deadline, Duration::from_secs(5));
        assert_eq!(config.memory_cap_bytes, Some(512 * 1024 * 1024));
    }

    #[test]
    fn worker_args_parse_back_to_the_same_limits() {
        #[derive(Parser)]
        struct Worker {
            #[command(flatten)]
            limits: LimitArgs,
        }
        let f = flags(&[
            "--max-file-mib",
            "3",
            "--max-pages",
            "9",
            "--max-decompressed-mib",
            "11",
        ]);
        let args = f.limits.to_worker_args();
        let back = Worker::try_parse_from(std::iter::once("w".into()).chain(args)).unwrap();
        assert_eq!(back.limits.to_limits(), f.limits.to_limits());
    }
}
