//! The floor no levelscan run can beat (`benches/support/floor.rs`) as a
//! program over a list of files. Used by `benches/throughput.sh`; prints
//! files/s.
//!
//! Usage: `lopdf_floor FILE...` or `lopdf_floor --list FILE_OF_PATHS`.

use std::time::Instant;

#[path = "../benches/support/floor.rs"]
mod floor;

/// The allocator levelscan's binary uses (src/main.rs): the floor gets the
/// same help, or its share would flatter levelscan.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        let list = std::fs::read_to_string(&args[1]).expect("list readable");
        args = list.lines().map(String::from).collect();
    }
    let start = Instant::now();
    let mut pages = 0usize;
    for path in &args {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        pages += floor::load_and_inflate(&bytes).unwrap_or(0);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} files, {pages} pages in {secs:.3} s: {:.0} files/s",
        args.len(),
        args.len() as f64 / secs
    );
}
