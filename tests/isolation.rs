//! Parser isolation, end to end: real worker processes of the built binary,
//! made to hang, crash, overflow their stack, exhaust their memory cap or
//! panic through the test-only fault switch (`isolate::fault`). Each bad file
//! must come back as its own failure with the contract's wording, within the
//! deadline, and the pool must go on serving good files afterwards.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use levelscan::isolate::{Failure, PoolConfig, WorkerPool, fault};
use levelscan::screen::Screened;

/// Generous, so a busy machine never turns a good file into a timeout.
const DEADLINE: Duration = Duration::from_secs(30);
/// For the one test that waits for the deadline on purpose.
const SHORT_DEADLINE: Duration = Duration::from_secs(2);
/// Enough for the worker itself, far below the 8 GiB `oom.fault` asks for.
const MEMORY_CAP: u64 = 256 * 1024 * 1024;

fn pool() -> WorkerPool<Screened> {
    pool_with_deadline(DEADLINE)
}

fn pool_with_deadline(deadline: Duration) -> WorkerPool<Screened> {
    let mut config = PoolConfig::new(
        env!("CARGO_BIN_EXE_levelscan"),
        vec![OsString::from("__worker")],
    );
    config.deadline = deadline;
    config.memory_cap_bytes = Some(MEMORY_CAP);
    config.env = vec![(fault::ENV.into(), "1".into())];
    WorkerPool::new(config).expect("the worker starts")
}

/// A folder holding one good resume and the fault files (their content does
/// not matter: the name triggers the fault).
fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(
        &good,
        "Rowan Example\nBackend engineer\nOwned the billing service end to end.\n",
    )
    .unwrap();
    for name in [
        "hang.fault",
        "panic.fault",
        "stack.fault",
        "segv.fault",
        "oom.fault",
        "killme.fault",
    ] {
        std::fs::write(tmp.path().join(name), "x").unwrap();
    }
    (tmp, good)
}

fn assert_good(pool: &WorkerPool<Screened>, good: &Path) {
    let screened = pool.run(good).expect("the worker answers");
    assert_eq!(screened.record.status, "ok", "{:?}", screened.record.note);
    assert!(screened.text.is_some(), "the text file extracts");
}

fn note(result: Result<Screened, Failure>) -> String {
    match result {
        Err(failure) => failure.to_string(),
        Ok(other) => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn good_file_is_extracted_in_a_worker() {
    let (_tmp, good) = folder();
    let pool = pool();
    assert_good(&pool, &good);
    assert_good(&pool, &good);
    assert_eq!(pool.idle_pids().len(), 1, "one worker, reused");
}

/// A process's state letter (Linux): `Z` once it has exited and waits to
/// be reaped; `None` once it is gone.
#[cfg(target_os = "linux")]
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The state follows the command name, which is in parentheses.
    stat.rsplit_once(") ")?.1.chars().next()
}

#[cfg(target_os = "linux")]
#[test]
fn stopped_workers_exit_unreaped_until_the_pool_is_dropped() {
    let (_tmp, good) = folder();
    let pool = pool();
    assert_good(&pool, &good);
    let pids = pool.idle_pids();
    assert_eq!(pids.len(), 1);
    pool.stop();
    assert!(
        pool.idle_pids().is_empty(),
        "a stopped worker is not reused"
    );
    let start = Instant::now();
    for &pid in &pids {
        while process_state(pid) != Some('Z') {
            assert!(
                start.elapsed() < DEADLINE,
                "worker {pid} still {:?} after stop",
                process_state(pid)
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    // A file after stop gets a fresh worker.
    assert_good(&pool, &good);
    assert_ne!(pool.idle_pids(), pids);
    drop(pool);
    for &pid in &pids {
        assert_eq!(process_state(pid), None, "worker {pid} reaped");
    }
}

#[test]
fn extraction_errors_come_back_as_results() {
    let (tmp, _good) = folder();
    let empty = tmp.path().join("empty.pdf");
    std::fs::write(&empty, b"").unwrap();
    let record = pool().run(&empty).unwrap().record;
    assert_eq!(record.status, "error");
    assert!(record.note.contains("empty file"), "{}", record.note);
}

#[test]
fn hang_is_a_timeout_within_the_deadline() {
    let (tmp, good) = folder();
    let pool = pool_with_deadline(SHORT_DEADLINE);
    let start = Instant::now();
    let note = note(pool.run(&tmp.path().join("hang.fault")));
    let took = start.elapsed();
    assert!(note.starts_with("timeout: no result within 2 s"), "{note}");
    assert!(took >= SHORT_DEADLINE, "gave up early: {took:?}");
    assert!(took < SHORT_DEADLINE * 2, "too slow: {took:?}");
    assert_good(&pool, &good);
}

#[test]
fn panic_is_an_error_and_the_worker_is_kept() {
    let (tmp, good) = folder();
    let pool = pool();
    let before = pool.idle_pids();
    let note = note(pool.run(&tmp.path().join("panic.fault")));
    assert!(
        note.starts_with("crashed: levelscan panic: injected fault"),
        "{note}"
    );
    assert_eq!(
        pool.idle_pids(),
        before,
        "a caught panic does not cost the worker"
    );
    assert_good(&pool, &good);
}

#[test]
fn stack_overflow_is_a_crash_and_the_worker_is_replaced() {
    let (tmp, good) = folder();
    let pool = pool();
    let before = pool.idle_pids();
    let note = note(pool.run(&tmp.path().join("stack.fault")));
    assert!(note.starts_with("crashed: stack overflow"), "{note}");
    assert!(pool.idle_pids().is_empty(), "the dead worker is not reused");
    assert_good(&pool, &good);
    assert_ne!(pool.idle_pids(), before);
}

#[test]
fn segfault_is_a_crash() {
    let (tmp, good) = folder();
    let pool = pool();
    let note = note(pool.run(&tmp.path().join("segv.fault")));
    assert!(note.starts_with("crashed: killed by signal 11"), "{note}");
    assert_good(&pool, &good);
}

#[test]
fn allocation_over_the_cap_is_out_of_memory() {
    let (tmp, good) = folder();
    let pool = pool();
    let note = note(pool.run(&tmp.path().join("oom.fault")));
    assert!(note.starts_with("out of memory: "), "{note}");
    assert!(note.contains("256 MiB"), "{note}");
    assert_good(&pool, &good);
}

#[cfg(unix)]
#[test]
fn worker_killed_from_outside_mid_file_is_reported_and_replaced() {
    let (tmp, good) = folder();
    let pool = pool();
    let victim = tmp.path().join("killme.fault");
    let pid_file = tmp.path().join("killme.pid");
    let start = Instant::now();
    let note = std::thread::scope(|s| {
        let running = s.spawn(|| note(pool.run(&victim)));
        let pid = loop {
            if let Ok(pid) = std::fs::read_to_string(&pid_file)
                && let Ok(pid) = pid.parse::<i32>()
            {
                break pid;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the worker never started the file"
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        // SAFETY: kill sends a signal; the pid is our own worker's.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
        running.join().unwrap()
    });
    assert!(note.starts_with("crashed: killed by signal 9"), "{note}");
    assert!(
        start.elapsed() < DEADLINE / 2,
        "reported at death, not at the deadline"
    );
    assert_good(&pool, &good);
}

#[test]
fn a_batch_with_every_fault_loses_only_the_bad_files() {
    let (tmp, good) = folder();
    let pool = pool();
    let files = [
        "panic.fault",
        "good.txt",
        "stack.fault",
        "segv.fault",
        "good.txt",
        "oom.fault",
        "good.txt",
    ];
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .iter()
            .map(|name| {
                let pool = &pool;
                let path = tmp.path().join(name);
                s.spawn(move || pool.run(&path))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (name, result) in files.iter().zip(&results) {
        let ok = matches!(result, Ok(s) if s.record.status == "ok");
        assert_eq!(ok, *name == "good.txt", "{name}: {result:?}");
    }
    assert_good(&pool, &good);
}

#[test]
fn a_missing_program_is_refused_up_front() {
    let config = PoolConfig::new("/nonexistent/levelscan", vec![]);
    let err = WorkerPool::<Screened>::new(config)
        .err()
        .expect("spawn fails");
    assert!(
        err.to_string().starts_with("cannot start a worker process"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_reaches_the_worker_intact() {
    use std::os::unix::ffi::OsStrExt;
    let (tmp, good) = folder();
    let odd = tmp
        .path()
        .join(std::ffi::OsStr::from_bytes(b"cv-\xe9t\xe9.txt"));
    std::fs::copy(&good, &odd).unwrap();
    assert_good(&pool(), &odd);
}

#[test]
fn a_pipelined_batch_blames_only_the_bad_files_whatever_the_lanes() {
    let (tmp, _good) = folder();
    // Each fault sits between good files: with two files in flight per
    // worker, the good file queued behind a fault was sent to a worker that
    // then died or was killed, and must be run again, not blamed.
    let expected = [
        ("good.txt", "ok"),
        ("panic.fault", "crashed: levelscan panic"),
        ("good.txt", "ok"),
        ("stack.fault", "crashed: stack overflow"),
        ("good.txt", "ok"),
        ("segv.fault", "crashed: killed by signal 11"),
        ("good.txt", "ok"),
        ("oom.fault", "out of memory: "),
        ("good.txt", "ok"),
        ("hang.fault", "timeout: "),
        ("good.txt", "ok"),
    ];
    let paths: Vec<PathBuf> = expected
        .iter()
        .map(|(name, _)| tmp.path().join(name))
        .collect();
    for lanes in [1, 2] {
        let pool = pool_with_deadline(SHORT_DEADLINE);
        let threads = rayon::ThreadPoolBuilder::new()
            .num_threads(lanes)
            .build()
            .unwrap();
        let outcomes = pool.run_all(&threads, &paths, |i, result| {
            let outcome = match result {
                Ok(screened) => screened.record.status,
                Err(failure) => failure.to_string(),
            };
            (i, outcome)
        });
        for (k, ((name, want), (i, got))) in expected.iter().zip(&outcomes).enumerate() {
            assert_eq!(*i, k, "results come back in the order of the paths");
            assert!(got.starts_with(want), "{lanes} lane(s), {name}: {got}");
        }
        assert!(
            pool.idle_pids().len() <= lanes,
            "each lane hands back at most its one worker"
        );
    }
}

#[test]
fn a_worker_asked_for_fewer_quotes_sends_the_strongest() {
    let resume =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf/staff-go-platform.groff.pdf");
    let all = pool().run(&resume).expect("the worker answers").record;
    let mut config = PoolConfig::new(
        env!("CARGO_BIN_EXE_levelscan"),
        ["__worker", "--quotes-per-family", "1"]
            .map(OsString::from)
            .to_vec(),
    );
    config.deadline = DEADLINE;
    let fewer = WorkerPool::<Screened>::new(config)
        .expect("the worker starts")
        .run(&resume)
        .expect("the worker answers")
        .record;
    assert!(
        all.families.iter().any(|f| f.evidence.len() > 1),
        "the resume has more than one quote in some family"
    );
    for (full, cut) in all.families.iter().zip(&fewer.families) {
        assert_eq!(cut.evidence, full.evidence[..full.evidence.len().min(1)]);
        assert_eq!(cut.score, full.score, "scores are not changed");
    }
}

/// A pool greets its workers with what the parent learnt after starting
/// them (a posting's reading): the workers started before the greeting get
/// it, and so does one started after it, such as the replacement of a
/// worker that crashed.
#[test]
fn every_worker_gets_the_greeting_even_a_replacement() {
    let (tmp, good) = folder();
    let mut config = PoolConfig::new(
        env!("CARGO_BIN_EXE_levelscan"),
        vec![
            OsString::from("__worker"),
            OsString::from("--job-from-parent"),
        ],
    );
    config.deadline = DEADLINE;
    config.memory_cap_bytes = Some(MEMORY_CAP);
    config.env = vec![(fault::ENV.into(), "1".into())];
    let pool: WorkerPool<Screened> = WorkerPool::new(config).expect("the worker starts");
    pool.prestart(2);
    pool.greet(
        br#"{"file":"posting.md","level":"senior","years_min":5.0,"required":[["Go"],["Kafka","RabbitMQ"]],"nice":[]}"#
            .to_vec(),
    );
    let requirements = |screened: Screened| -> Vec<String> {
        let fit = screened.record.job.expect("matched against the posting");
        assert_eq!(fit.posting, "posting.md");
        fit.requirements
            .into_iter()
            .map(|v| v.requirement)
            .collect()
    };
    let expected = vec!["Go".to_string(), "one of Kafka, RabbitMQ".to_string()];
    let first = pool.idle_pids();
    assert_eq!(requirements(pool.run(&good).unwrap()), expected);

    let note = note(pool.run(&tmp.path().join("stack.fault")));
    assert!(note.starts_with("crashed: stack overflow"), "{note}");
    assert_eq!(requirements(pool.run(&good).unwrap()), expected);
    // With the idle workers stopped, the next file gets a worker started
    // after the greeting.
    pool.stop();
    assert_eq!(requirements(pool.run(&good).unwrap()), expected);
    assert_ne!(
        pool.idle_pids(),
        first,
        "a worker started after the greeting answered"
    );
}
