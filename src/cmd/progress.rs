//! Progress of a batch on standard error: files done, rate, time left.
//!
//! The bar exists only for a person watching: it is hidden when standard
//! error is not a terminal (a script, a CI log, a redirect) or when the user
//! asked for `--quiet`. Warnings go through [`Progress::warn`], which lifts
//! the bar out of the way while the line is printed, so the display stays
//! whole; they are printed whether the bar shows or not.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// What a batch command shows while it works.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for `total` files, shown only when a person can see it.
    pub fn new(total: u64, quiet: bool) -> Self {
        Self::with_visibility(total, !quiet && std::io::stderr().is_terminal())
    }

    fn with_visibility(total: u64, visible: bool) -> Self {
        if !visible {
            return Progress {
                bar: ProgressBar::hidden(),
            };
        }
        let bar = ProgressBar::new(total);
        // The template is fixed text: it parses or the program is broken,
        // which the tests below would catch.
        if let Ok(style) =
            ProgressStyle::with_template("{wide_bar} {pos}/{len} files  {per_sec:.1}  {eta} left")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress { bar }
    }

    /// Count one file as done.
    pub fn file_done(&self) {
        self.bar.inc(1);
    }

    /// Print a warning line on standard error without tearing the bar.
    pub fn warn(&self, message: &str) {
        self.bar
            .suspend(|| eprintln!("levelscan: warning: {message}"));
    }

    /// Remove the bar, leaving the terminal clean for the summary line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// Whether the bar is drawn at all.
    #[cfg(test)]
    pub fn is_visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Files counted so far.
    #[cfg(test)]
    pub fn done(&self) -> u64 {
        self.bar.position()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_hides_the_bar_but_still_counts() {
        let progress = Progress::new(3, true);
        assert!(!progress.is_visible());
        progress.file_done();
        progress.file_done();
        assert_eq!(progress.done(), 2);
        progress.finish();
    }

    #[test]
    fn the_template_parses() {
        assert!(
            ProgressStyle::with_template("{wide_bar} {pos}/{len} files  {per_sec:.1}  {eta} left")
                .is_ok()
        );
        let progress = Progress::with_visibility(2, true);
        assert!(progress.bar.length() == Some(2));
        progress.finish();
    }
}
