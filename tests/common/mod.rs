//! Builders for test inputs made at test time, so no large or hostile
//! binaries live in git.

#![allow(dead_code)]

pub mod docx;
pub mod pdf;
