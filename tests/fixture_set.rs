//! Integrity of the labelled resume fixtures in `fixtures/`: every resume has
//! a strict, valid `expect.toml` whose quotes are in the resume; every
//! rendering listed in `fixtures/renders.txt` is committed with its true
//! text; hidden keywords never leak into true text; and the set keeps the
//! coverage the assessment tests rely on (levels, stacks, producers).
//! It reads committed files only and never runs a document producer.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

const LEVELS: [&str; 5] = ["entry", "mid", "senior", "staff", "principal"];
const CLAIMS: [&str; 8] = [
    "intern",
    "entry",
    "mid",
    "senior",
    "staff",
    "principal",
    "management",
    "",
];
const STACKS: [&str; 5] = ["java", "python", "go", "node", "data"];
const FLAGS: [&str; 9] = [
    "filler",
    "objective_statement",
    "aspiring_language",
    "unquantified_scale",
    "umbrella_terms",
    "tool_stuffing",
    "ai_tool_credential",
    "vocabulary_mismatch",
    "hidden_text",
];
const PRODUCERS: &[&str] = &[
    "libreoffice",
    "latex-article",
    "latex-moderncv",
    "chromium-main-first",
    "chromium-sidebar-first",
    "chromium-docs",
    "groff",
    "enscript",
    "pandoc",
];

/// The schema of `fixtures/resumes/<slug>.expect.toml` (see fixtures/README.md).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    level: String,
    claimed: String,
    stack: String,
    years: Option<f64>,
    flags: Vec<String>,
    evidence_must_include: Vec<String>,
    evidence_must_not_include: Vec<String>,
    #[allow(dead_code)] // documentation for readers of the fixture
    trap: Option<String>,
}

/// One line of `fixtures/renders.txt`.
struct Render {
    slug: String,
    producer: String,
    path: PathBuf,
    options: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Slug → (Markdown text without bold markers, expectations).
fn resumes() -> BTreeMap<String, (String, Expect)> {
    let dir = fixtures().join("resumes");
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(&dir).expect("fixtures/resumes exists") {
        let path = entry.expect("readable directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(slug) = name.strip_suffix(".md") else {
            continue;
        };
        let expect_path = dir.join(format!("{slug}.expect.toml"));
        let expect: Expect = toml::from_str(&read(&expect_path))
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        out.insert(slug.to_string(), (read(&path).replace("**", ""), expect));
    }
    out
}

fn renders() -> Vec<Render> {
    read(&fixtures().join("renders.txt"))
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words.len() >= 3, "renders.txt: short line {line:?}");
            let (slug, producer, ext) = (words[0], words[1], words[2]);
            Render {
                slug: slug.to_string(),
                producer: producer.to_string(),
                path: fixtures()
                    .join(ext)
                    .join(format!("{slug}.{producer}.{ext}")),
                options: words[3..].iter().map(|w| w.to_string()).collect(),
            }
        })
        .collect()
}

/// The true-text file of a rendering: fixtures/pdf/x.pdf →
/// fixtures/truth/pdf/x.pdf<suffix>.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let format = path.parent().and_then(Path::file_name).unwrap();
    let root = path.parent().and_then(Path::parent).unwrap();
    let mut name = path.file_name().unwrap().to_owned();
    name.push(suffix);
    root.join("truth").join(format).join(name)
}

#[test]
fn every_expect_file_is_valid_and_quotes_its_resume() {
    for (slug, (text, expect)) in resumes() {
        assert!(LEVELS.contains(&expect.level.as_str()), "{slug}: level");
        assert!(CLAIMS.contains(&expect.claimed.as_str()), "{slug}: claimed");
        assert!(STACKS.contains(&expect.stack.as_str()), "{slug}: stack");
        for flag in &expect.flags {
            assert!(FLAGS.contains(&flag.as_str()), "{slug}: flag {flag}");
        }
        if let Some(years) = expect.years {
            assert!((0.0..50.0).contains(&years), "{slug}: years {years}");
        }
        assert!(
            !expect.evidence_must_include.is_empty(),
            "{slug}: needs at least one quote"
        );
        for quote in &expect.evidence_must_include {
            assert!(text.contains(quote.as_str()), "{slug}: quote {quote:?}");
        }
        for banned in &expect.evidence_must_not_include {
            assert!(
                !expect
                    .evidence_must_include
                    .iter()
                    .any(|q| q.contains(banned.as_str())),
                "{slug}: {banned:?} is both required and banned"
            );
        }
    }
}

#[test]
fn the_set_covers_every_level_and_four_stacks() {
    let resumes = resumes();
    assert!(resumes.len() >= 42, "{} resumes", resumes.len());
    for level in LEVELS {
        let n = resumes.values().filter(|(_, e)| e.level == level).count();
        assert!(n >= 7, "only {n} {level} resumes");
    }
    let stacks: BTreeSet<&str> = resumes.values().map(|(_, e)| e.stack.as_str()).collect();
    assert!(stacks.len() >= 4, "stacks: {stacks:?}");
    let summary_only = resumes.values().filter(|(_, e)| e.years.is_none()).count();
    assert!(summary_only >= 6, "{summary_only} summary-only resumes");
}

#[test]
fn every_rendering_is_committed_with_its_true_text() {
    let resumes = resumes();
    let renders = renders();
    let mut per_producer: BTreeMap<&str, usize> = BTreeMap::new();
    for render in &renders {
        assert!(
            resumes.contains_key(&render.slug),
            "renders.txt: no resume {}",
            render.slug
        );
        assert!(
            PRODUCERS.contains(&render.producer.as_str()),
            "renders.txt: producer {}",
            render.producer
        );
        *per_producer.entry(render.producer.as_str()).or_default() += 1;
        let bytes = fs::read(&render.path)
            .unwrap_or_else(|e| panic!("{}: {e} (run fixtures/build.sh)", render.path.display()));
        let magic: &[u8] = if render.path.extension().is_some_and(|e| e == "pdf") {
            b"%PDF-"
        } else {
            b"PK"
        };
        assert!(bytes.starts_with(magic), "{}", render.path.display());
        let truth = read(&sibling(&render.path, ".truth.txt"));
        assert!(truth.lines().count() >= 4, "{}", render.path.display());
        // The two-column renderings list their sidebar apart.
        if render.producer.starts_with("chromium-") && render.producer != "chromium-docs" {
            assert!(sibling(&render.path, ".sidebar.txt").exists());
        }
    }
    for &producer in PRODUCERS {
        let n = per_producer.get(producer).copied().unwrap_or(0);
        assert!(n >= 2, "{producer} renders {n} files");
    }
    for slug in resumes.keys() {
        assert!(
            renders.iter().any(|r| &r.slug == slug),
            "{slug} is never rendered"
        );
    }
}

#[test]
fn hidden_keywords_stay_out_of_true_text() {
    let renders = renders();
    let hidden: Vec<&Render> = renders
        .iter()
        .filter(|r| r.options.iter().any(|o| o == "hidden"))
        .collect();
    assert!(
        hidden
            .iter()
            .any(|r| r.path.extension().is_some_and(|e| e == "pdf"))
            && hidden
                .iter()
                .any(|r| r.path.extension().is_some_and(|e| e == "docx")),
        "need a PDF and a DOCX with hidden text"
    );
    for render in hidden {
        let words = read(&sibling(&render.path, ".hidden.txt"));
        let truth = read(&sibling(&render.path, ".truth.txt")).to_lowercase();
        for phrase in ["transactional outbox", "platform charter", "kubernetes"] {
            assert!(words.to_lowercase().contains(phrase));
            assert!(
                !truth.contains(phrase),
                "{}: {phrase}",
                render.path.display()
            );
        }
    }
}
