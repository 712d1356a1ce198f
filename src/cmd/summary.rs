//! The one line a batch prints on standard error when it ends: how many
//! files, how many at each level, how many duplicates, unsupported files and
//! errors, and how long it took. A recruiter reads it to know at a glance
//! whether the run covered the folder.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// Counts for the summary line. `L` is the level type; levels are listed
/// from the highest (the greatest in `L`'s order) down.
#[derive(Debug, Clone)]
pub struct Summary<L> {
    /// Every input file, whatever became of it.
    pub files: usize,
    /// Assessed files per level.
    pub levels: BTreeMap<L, usize>,
    pub duplicates: usize,
    /// Files levelscan cannot read (`unsupported`).
    pub unsupported: usize,
    /// Files with no text (`no_text`): image-only PDFs and the like.
    pub no_text: usize,
    pub encrypted: usize,
    /// Files whose reading failed (`error`: damaged, timeout, crashed...).
    pub errors: usize,
    pub elapsed: Duration,
}

impl<L: Ord> Default for Summary<L> {
    fn default() -> Self {
        Summary {
            files: 0,
            levels: BTreeMap::new(),
            duplicates: 0,
            unsupported: 0,
            no_text: 0,
            encrypted: 0,
            errors: 0,
            elapsed: Duration::ZERO,
        }
    }
}

/// What became of one input file, as far as the summary cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted<L> {
    /// Assessed (`ok`) at this level.
    Level(L),
    Duplicate,
    Unsupported,
    NoText,
    Encrypted,
    Error,
}

impl<L: Ord> Summary<L> {
    /// Count one input file.
    pub fn add(&mut self, file: Counted<L>) {
        self.files += 1;
        match file {
            Counted::Level(level) => *self.levels.entry(level).or_default() += 1,
            Counted::Duplicate => self.duplicates += 1,
            Counted::Unsupported => self.unsupported += 1,
            Counted::NoText => self.no_text += 1,
            Counted::Encrypted => self.encrypted += 1,
            Counted::Error => self.errors += 1,
        }
    }

    /// Whether every input was assessed (exit 0): duplicates count as
    /// assessed, since their content was, under the first copy's row.
    pub fn all_assessed(&self) -> bool {
        self.unsupported + self.no_text + self.encrypted + self.errors == 0
    }
}

impl<L: Ord + fmt::Display> fmt::Display for Summary<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} in {:.1} s",
            plural(self.files, "file", "files"),
            self.elapsed.as_secs_f64()
        )?;
        let levels: Vec<String> = self
            .levels
            .iter()
            .rev()
            .map(|(level, n)| format!("{n} {level}"))
            .collect();
        if !levels.is_empty() {
            write!(f, ": {}", levels.join(", "))?;
        }
        let others = [
            (self.duplicates, "duplicate", "duplicates"),
            (self.unsupported, "unsupported", "unsupported"),
            (self.no_text, "without text", "without text"),
            (self.encrypted, "encrypted", "encrypted"),
            (self.errors, "error", "errors"),
        ];
        for (n, one, many) in others {
            if n > 0 {
                write!(f, "; {}", plural(n, one, many))?;
            }
        }
        Ok(())
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stand-in for the level type: ordered from lowest to highest.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Level {
        Mid,
        Senior,
        Staff,
    }

    impl fmt::Display for Level {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                Level::Mid => "mid",
                Level::Senior => "senior",
                Level::Staff => "staff",
            })
        }
    }

    #[test]
    fn one_line_highest_level_first_zero_counts_left_out() {
        let mut s = Summary::default();
        for file in [
            Counted::Level(Level::Mid),
            Counted::Error,
            Counted::Level(Level::Staff),
            Counted::Duplicate,
            Counted::Level(Level::Mid),
            Counted::Error,
        ] {
            s.add(file);
        }
        s.elapsed = Duration::from_millis(4_250);
        assert_eq!(
            s.to_string(),
            "6 files in 4.2 s: 1 staff, 2 mid; 1 duplicate; 2 errors"
        );
        assert!(!s.all_assessed());
    }

    #[test]
    fn an_empty_run_says_so() {
        let s: Summary<Level> = Summary::default();
        assert_eq!(s.to_string(), "0 files in 0.0 s");
        assert!(s.all_assessed());
    }

    #[test]
    fn duplicates_still_count_as_assessed() {
        let mut s = Summary::default();
        s.add(Counted::Level(Level::Senior));
        s.add(Counted::Duplicate);
        assert!(s.all_assessed());
        s.add(Counted::NoText);
        assert!(!s.all_assessed());
        assert_eq!(
            s.to_string(),
            "3 files in 0.0 s: 1 senior; 1 duplicate; 1 without text"
        );
    }
}
