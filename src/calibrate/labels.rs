//! The labels file: CSV text in, the labelled resumes and every problem
//! with a row out.
//!
//! The header must hold `file` and `level` (any order, any case); `level`
//! is one of the five levels or `management`. An optional `claimed` column
//! holds the claim the team knows for the candidate; an optional `group`
//! column names files of one person (a PDF and a DOCX of one resume), which
//! cross-validation keeps in the same fold; an optional `set` column marks
//! a row `train` to use it only for fitting, never in a figure (examples
//! that are not real resumes, such as the shipped fixtures); other columns
//! are ignored. Paths are relative to the labels
//! file's folder. A row with an unknown level, a missing file or a path
//! already labelled is reported with its line number and left out — never
//! silently dropped, never guessed at. Only a file that is not CSV, or lacks
//! the two columns, stops the whole run.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::rubric::Level;

/// What a label says a resume is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Ic(Level),
    /// An engineering manager or director, on the management ladder.
    Management,
}

impl Truth {
    pub fn name(self) -> &'static str {
        match self {
            Truth::Ic(l) => l.name(),
            Truth::Management => "management",
        }
    }

    pub fn level(self) -> Option<Level> {
        match self {
            Truth::Ic(l) => Some(l),
            Truth::Management => None,
        }
    }
}

impl std::fmt::Display for Truth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One usable row.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Line in the labels file (the header is line 1).
    pub line: usize,
    /// The path as written in the labels file.
    pub file: String,
    /// The path to read: joined to the labels file's folder.
    pub path: PathBuf,
    pub truth: Truth,
    /// The claim as written (lower case), when the `claimed` column has one.
    pub claimed: Option<String>,
    /// The person the file belongs to, when the `group` column names one.
    pub group: Option<String>,
    /// Used to fit only (`set` = `train`): left out of every figure.
    pub train_only: bool,
}

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What a labels file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels {
    /// Usable rows, in file order.
    pub labels: Vec<Label>,
    /// Rows left out, by line.
    pub problems: Vec<Problem>,
}

/// Why a labels file cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum LabelsError {
    #[error("{file}: cannot read the labels file: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file}: the header must name a `file` and a `level` column (found: {found}); \
         write e.g. `file,level,claimed` on the first line"
    )]
    Header { file: String, found: String },
    #[error("{file}: line {line}: not valid CSV: {message}")]
    Csv {
        file: String,
        line: u64,
        message: String,
    },
}

/// Read a labels file and check every named resume exists.
pub fn load(path: &Path) -> Result<Labels, LabelsError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| LabelsError::Read {
        file: name.clone(),
        source,
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut labels = parse(&text, base, &name)?;
    let (present, missing): (Vec<Label>, Vec<Label>) =
        labels.labels.into_iter().partition(|l| l.path.is_file());
    labels.labels = present;
    labels.problems.extend(missing.into_iter().map(|l| {
        let what = if l.path.is_dir() {
            "a folder, not a resume file"
        } else {
            "no such file"
        };
        Problem {
            line: l.line,
            message: format!(
                "{}: {what} (looked for {}; paths are relative to the labels file's folder)",
                l.file,
                l.path.display()
            ),
        }
    }));
    labels.problems.sort_by_key(|p| p.line);
    Ok(labels)
}

/// Parse labels text; `base` is the folder paths are relative to and `name`
/// names the file in errors. Does not look at the file system.
pub fn parse(text: &str, base: &Path, name: &str) -> Result<Labels, LabelsError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| LabelsError::Csv {
        file: name.to_string(),
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    };
    let header = reader.headers().map_err(csv_error)?.clone();
    let column = |want: &str| header.iter().position(|h| h.eq_ignore_ascii_case(want));
    let (Some(file_col), Some(level_col)) = (column("file"), column("level")) else {
        return Err(LabelsError::Header {
            file: name.to_string(),
            found: header.iter().collect::<Vec<_>>().join(","),
        });
    };
    let claimed_col = column("claimed");
    let group_col = column("group");
    let set_col = column("set");

    let mut out = Labels::default();
    // Lexically normalised path → the line that first labelled it.
    let mut seen: BTreeMap<PathBuf, (usize, Truth)> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |i: usize| record.get(i).unwrap_or("");
        let file = cell(file_col).to_string();
        if record.iter().all(str::is_empty) {
            continue;
        }
        if file.is_empty() {
            out.problems.push(Problem {
                line,
                message: "the `file` cell is empty".into(),
            });
            continue;
        }
        let level_text = cell(level_col).to_ascii_lowercase();
        let level = match Level::from_name(&level_text) {
            Some(l) => Truth::Ic(l),
            None if level_text == "management" => Truth::Management,
            None => {
                out.problems.push(Problem {
                    line,
                    message: format!(
                        "{file}: unknown level \"{}\"; use one of: entry, mid, senior, staff, principal, management",
                        cell(level_col)
                    ),
                });
                continue;
            }
        };
        let path = normalise(&base.join(&file));
        if let Some((first, first_level)) = seen.get(&path) {
            let differs = if *first_level == level {
                String::new()
            } else {
                format!(" (there labelled {first_level}, here {level})")
            };
            out.problems.push(Problem {
                line,
                message: format!(
                    "{file}: duplicate row, already labelled on line {first}{differs}; the first row is used"
                ),
            });
            continue;
        }
        seen.insert(path.clone(), (line, level));
        let claimed = claimed_col
            .map(|i| cell(i).to_ascii_lowercase())
            .filter(|c| !c.is_empty());
        let group = group_col
            .map(|i| cell(i).to_string())
            .filter(|g| !g.is_empty());
        let train_only = match set_col.map(|i| cell(i).to_ascii_lowercase()) {
            None => false,
            Some(s) if s.is_empty() || s == "dev" => false,
            Some(s) if s == "train" => true,
            Some(s) => {
                out.problems.push(Problem {
                    line,
                    message: format!(
                        "{file}: unknown set \"{s}\"; use `train` (fit only) or `dev` (fit and measure)"
                    ),
                });
                continue;
            }
        };
        out.labels.push(Label {
            line,
            file,
            path,
            truth: level,
            claimed,
            group,
            train_only,
        });
    }
    Ok(out)
}

/// `a/./b/../c` → `a/c`, without touching the file system, so two spellings
/// of one path are seen as the same row.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Labels {
        parse(text, Path::new("set"), "labels.csv").unwrap()
    }

    #[test]
    fn columns_in_any_order_and_case_others_ignored() {
        let l = parse_ok("Note,LEVEL,file,Claimed\nhired 2024,Senior,a.pdf,lead\nx,mid,b/c.md,\n");
        assert!(l.problems.is_empty());
        assert_eq!(l.labels.len(), 2);
        assert_eq!(l.labels[0].line, 2);
        assert_eq!(l.labels[0].truth, Truth::Ic(Level::Senior));
        assert_eq!(l.labels[0].path, PathBuf::from("set/a.pdf"));
        assert_eq!(l.labels[0].claimed.as_deref(), Some("lead"));
        assert_eq!(l.labels[1].claimed, None);
        assert_eq!(l.labels[1].path, PathBuf::from("set/b/c.md"));
    }

    #[test]
    fn unknown_level_and_duplicate_are_reported_by_line() {
        let l = parse_ok("file,level\na.pdf,senior\nb.pdf,lead\n./a.pdf,staff\nc.pdf,\n");
        assert_eq!(l.labels.len(), 1);
        let lines: Vec<usize> = l.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(l.problems[0].message.contains("unknown level \"lead\""));
        assert!(
            l.problems[1].message.contains(
                "duplicate row, already labelled on line 2 (there labelled senior, here staff)"
            ),
            "{}",
            l.problems[1]
        );
        assert!(l.problems[2].message.contains("unknown level \"\""));
    }

    #[test]
    fn management_groups_and_sets_are_read() {
        let l = parse_ok(
            "file,level,group,set\na.pdf,management,dana,\nb.docx,senior,dana,dev\nc.md,staff,,train\nd.md,mid,,test\n",
        );
        assert_eq!(l.labels[0].truth, Truth::Management);
        assert_eq!(l.labels[1].group.as_deref(), Some("dana"));
        assert!(!l.labels[1].train_only);
        assert!(l.labels[2].train_only);
        assert_eq!(l.problems.len(), 1);
        assert!(l.problems[0].message.contains("unknown set \"test\""));
    }

    #[test]
    fn a_header_without_level_is_refused() {
        let e = parse("path,grade\na,b\n", Path::new(""), "l.csv").unwrap_err();
        assert!(e.to_string().contains("found: path,grade"), "{e}");
    }

    #[test]
    fn blank_rows_are_skipped_and_a_bom_is_ignored() {
        let l = parse_ok("\u{FEFF}file,level\n\na.md,entry\n");
        assert_eq!(l.labels.len(), 1);
        assert!(l.problems.is_empty());
    }

    #[test]
    fn missing_files_are_reported_by_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("here.md"), "x").unwrap();
        let labels = dir.path().join("labels.csv");
        std::fs::write(&labels, "file,level\nhere.md,mid\ngone.md,senior\n").unwrap();
        let l = load(&labels).unwrap();
        assert_eq!(l.labels.len(), 1);
        assert_eq!(l.problems.len(), 1);
        assert_eq!(l.problems[0].line, 3);
        assert!(l.problems[0].message.contains("gone.md: no such file"));
    }
}
