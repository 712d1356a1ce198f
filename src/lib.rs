//! levelscan: deterministic, offline seniority screening of backend-engineering
//! resumes.
//!
//! The pipeline runs one way — discover → extract → segment → detect →
//! classify → rank → report — with one module per stage and plain data
//! between them. Only extraction does I/O on the resume; every later stage is
//! a pure function of its input and the rubric. The library never prints:
//! the binary's `cmd` modules own stdout and stderr.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod assess;
pub mod brief;
pub mod calibrate;
pub mod classify;
pub mod dedupe;
pub mod detect;
pub mod document;
pub mod extract;
pub mod isolate;
pub mod job;
pub mod jobfit;
pub mod matching;
pub mod rank;
pub mod redact;
pub mod report;
pub mod rubric;
pub mod screen;
pub mod segment;
pub mod skills;
pub mod walk;
