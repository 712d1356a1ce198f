//! Fault injection, for the isolation tests only.
//!
//! The failures the pool must survive (a parser that loops, overflows its
//! stack, dies on a signal, asks for more memory than the cap, or panics)
//! cannot be produced on demand by real files in a portable, deterministic
//! way. So when the environment variable [`ENV`] is `1`, a worker that is
//! asked for a file with one of the names below misbehaves on purpose
//! before running the job. Nothing sets the variable but the tests; without
//! it this module does nothing.
//!
//! | file name      | the worker...                                    |
//! |----------------|--------------------------------------------------|
//! | `hang.fault`   | sleeps forever                                   |
//! | `panic.fault`  | panics                                           |
//! | `stack.fault`  | recurses until its stack overflows               |
//! | `segv.fault`   | dies of SIGSEGV                                  |
//! | `oom.fault`    | asks for 8 GiB in one allocation                 |
//! | `killme.fault` | writes its pid to `killme.pid` beside the file, then sleeps forever |

use std::path::Path;
use std::time::Duration;

/// The switch: set to `1` in a worker's environment to turn faults on.
pub const ENV: &str = "LEVELSCAN_TEST_FAULTS";

/// Whether fault injection is on in this process.
pub fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|v| v == "1")
}

/// Misbehave as the file's name asks; return at once for any other name.
pub fn inject(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    match name {
        "hang.fault" => sleep_forever(),
        "panic.fault" => panic!("injected fault"),
        "stack.fault" => {
            std::hint::black_box(recurse(0));
        }
        "segv.fault" => segfault(),
        "oom.fault" => {
            // One allocation of the size a hostile header might claim; with a
            // memory cap it fails, which aborts the process.
            let hoard: Vec<u8> = Vec::with_capacity(std::hint::black_box(8 << 30));
            std::hint::black_box(&hoard);
        }
        "killme.fault" => {
            let _ = std::fs::write(path.with_extension("pid"), std::process::id().to_string());
            sleep_forever();
        }
        _ => {}
    }
}

fn sleep_forever() -> ! {
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Each frame holds a page of stack, so the guard page is reached quickly.
fn recurse(depth: u64) -> u64 {
    let frame = std::hint::black_box([depth as u8; 4096]);
    if depth == u64::MAX {
        return 0;
    }
    recurse(depth + 1) + u64::from(frame[0])
}

fn segfault() {
    #[cfg(unix)]
    // SAFETY: raising a signal at ourselves has no memory-safety effect. The
    // first SIGSEGV may be taken by Rust's stack-overflow handler, which
    // then restores the default action; the second one ends the process.
    unsafe {
        libc::raise(libc::SIGSEGV);
        libc::raise(libc::SIGSEGV);
    }
    #[cfg(not(unix))]
    std::process::abort();
}
