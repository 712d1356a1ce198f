//! Reading job postings: every posting in fixtures/jobs against the reading
//! written beside it (`<name>.expected.json`): required and nice-to-have
//! skills each with recall and precision ≥ 0.9 over the set (printed), the
//! level and the years exactly. And the `job` command: its JSON, and its
//! refusals of what is not a posting (exit 2, nothing on stdout).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use levelscan::extract::Limits;
use levelscan::job::{Job, read_job};
use levelscan::skills::Vocabulary;
use serde_json::Value;

fn postings() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jobs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/jobs exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| {
                ["md", "txt", "pdf", "docx", "html"].contains(&e.to_str().unwrap_or(""))
            })
        })
        .collect();
    out.sort();
    out
}

/// A requirement as comparable text: its skills' names, sorted, joined by "|".
fn key(names: Vec<String>) -> String {
    let mut names = names;
    names.sort();
    names.join("|")
}

fn expected_keys(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list of requirements")
        .iter()
        .map(|r| match r {
            Value::String(s) => key(vec![s.clone()]),
            other => key(other["one_of"]
                .as_array()
                .expect("{\"one_of\": [...]}")
                .iter()
                .map(|n| n.as_str().expect("a name").to_string())
                .collect()),
        })
        .collect()
}

fn read_keys(job: &Job, nice: bool) -> Vec<String> {
    let v = Vocabulary::builtin();
    let list = if nice { &job.nice } else { &job.required };
    list.iter()
        .map(|r| key(r.any_of.iter().map(|&s| v.name(s).to_string()).collect()))
        .collect()
}

#[derive(Default)]
struct Tally {
    found: usize,
    expected: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, expected: &[String], found: &[String], misses: &mut Vec<String>, what: &str) {
        self.expected += expected.len();
        self.found += found.len();
        for f in found {
            if expected.contains(f) {
                self.right += 1;
            } else {
                misses.push(format!("{what}: read {f} that is not expected"));
            }
        }
        for e in expected {
            if !found.contains(e) {
                misses.push(format!("{what}: missed {e}"));
            }
        }
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.expected.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
}

#[test]
fn every_fixture_posting_reads_as_expected() {
    let vocab = Vocabulary::builtin();
    let files = postings();
    assert!(files.len() >= 12, "only {} postings", files.len());
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut notes = Vec::new();
    let rubric = levelscan::rubric::load_default().expect("default rubric loads");
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let expected_path = path.with_file_name(format!("{name}.expected.json"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let job =
            read_job(path, &Limits::default(), vocab, &rubric).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_value(job.to_json(vocab)).unwrap();
        for field in ["title", "level"] {
            if json[field] != expected[field] {
                wrong.push(format!(
                    "{name}: {field} {} != expected {}",
                    json[field], expected[field]
                ));
            }
        }
        if json["years_min"].as_f64() != expected["years_min"].as_f64() {
            wrong.push(format!(
                "{name}: years_min {} != expected {}",
                json["years_min"], expected["years_min"]
            ));
        }
        for (what, nice) in [("required", false), ("nice", true)] {
            let mut misses = Vec::new();
            tallies.entry(what).or_default().add(
                &expected_keys(&expected[what]),
                &read_keys(&job, nice),
                &mut misses,
                what,
            );
            notes.extend(misses.into_iter().map(|m| format!("{name}: {m}")));
        }
    }
    println!("{} postings", files.len());
    for (what, t) in &tallies {
        println!(
            "{what}: recall {:.3} ({}/{}), precision {:.3} ({}/{})",
            t.recall(),
            t.right,
            t.expected,
            t.precision(),
            t.right,
            t.found
        );
    }
    for n in &notes {
        println!("  {n}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for (what, t) in &tallies {
        assert!(
            t.recall() >= 0.9 && t.precision() >= 0.9,
            "{what}: recall {:.3}, precision {:.3}",
            t.recall(),
            t.precision()
        );
    }
}

/// Every fixture posting (text ones) rewritten with wide characters where
/// readers slice text: curly apostrophes, a curly quote before each "and",
/// bullets glued to words, no-break spaces, triangle bullets. Reading may
/// succeed or refuse; it must never panic (a real posting's "500’s and"
/// once did).
#[test]
fn wide_characters_anywhere_never_break_the_reader() {
    let vocab = Vocabulary::builtin();
    let rubric = levelscan::rubric::load_default().expect("default rubric loads");
    let dir = tempfile::tempdir().unwrap();
    let variants: [fn(&str) -> String; 4] = [
        |t| {
            t.replace('\'', "’")
                .replace(" and ", "’ and ")
                .replace(" or ", "” or ")
        },
        |t| {
            t.replace(", ", " •, ")
                .replace(": ", "•: ")
                .replace(" (", " «(")
        },
        |t| t.replace(' ', "\u{a0}"),
        |t| {
            t.lines()
                .map(|l| format!("▹ {l}’"))
                .collect::<Vec<_>>()
                .join("\n")
        },
    ];
    let mut read = 0;
    for path in postings() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // PDF and DOCX postings
        };
        for (i, variant) in variants.iter().enumerate() {
            let copy = dir.path().join(format!("{i}.md"));
            std::fs::write(&copy, variant(&text)).unwrap();
            let _ = read_job(&copy, &Limits::default(), vocab, &rubric);
            read += 1;
        }
    }
    assert!(read >= 4 * 12, "only {read} variants read");
}

fn levelscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .args(args)
        .output()
        .expect("levelscan runs")
}

#[test]
fn job_json_is_the_design_shape() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jobs/backend-staff-prose.md");
    let out = levelscan(&["job", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["title", "level", "years_min", "required", "nice"] {
        assert!(keys.contains(&key), "{key} missing from {json}");
    }
    assert_eq!(
        json["required"][0],
        serde_json::json!({"one_of": ["Ruby", "PHP", "Python", "Go"]})
    );
}

#[test]
fn what_is_not_a_posting_is_refused_with_exit_2_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let novel = dir.path().join("novel.txt");
    std::fs::write(&novel, "Chapter One\n\nThe rain had not stopped for three days. She closed the shutters, lit the stove and read her grandmother's letters until the candle burnt down.\n").unwrap();
    let resume =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes/senior-go-payments.md");
    let mut cases = vec![(empty, "empty file"), (novel, "not a job posting")];
    if resume.exists() {
        cases.push((resume, "not a job posting: it reads as a resume"));
    }
    for (path, says) in cases {
        let out = levelscan(&["job", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
        assert!(
            out.stdout.is_empty(),
            "{} wrote {:?}",
            path.display(),
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            stderr.contains(&path.display().to_string()) && stderr.contains(says),
            "{stderr}"
        );
    }
}
