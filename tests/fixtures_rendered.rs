//! The assessment on the rendered fixtures — the PDFs and DOCX files real
//! producers made — against each resume's labels: exact level on ≥ 90% and
//! within one level on all; the claimed level and the years as labelled;
//! hidden keywords flagged and hidden leftovers not; and a resume rendered
//! both as PDF and as DOCX gets the same level and the same quotes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use levelscan::assess::assess;
use levelscan::extract::{Limits, extract_file};
use levelscan::rubric::{Level, load_default};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn rendered() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["pdf", "docx"] {
        for entry in std::fs::read_dir(fixtures().join(dir)).unwrap().flatten() {
            files.push(entry.path());
        }
    }
    files.sort();
    files
}

fn slug(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    name.split('.').next().unwrap().to_string()
}

fn expectations(slug: &str) -> toml::Table {
    let path = fixtures()
        .join("resumes")
        .join(format!("{slug}.expect.toml"));
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

/// fixtures/pdf/x.pdf → fixtures/truth/pdf/x.pdf.hidden.txt
fn hidden_keywords_of(file: &Path) -> PathBuf {
    let format = file.parent().and_then(Path::file_name).unwrap();
    let mut name = file.file_name().unwrap().to_owned();
    name.push(".hidden.txt");
    fixtures().join("truth").join(format).join(name)
}

#[test]
fn rendered_resumes_read_at_their_level() {
    let rubric = load_default().unwrap();
    let mut total = 0;
    let mut exact = 0;
    let mut misses = Vec::new();
    // slug → format → (level, quotes)
    let mut by_slug: BTreeMap<String, BTreeMap<String, (Level, BTreeSet<String>)>> =
        BTreeMap::new();
    for file in rendered() {
        let doc = extract_file(&file, &Limits::default()).expect("fixture extracts");
        let a = assess(&doc, &rubric);
        let slug = slug(&file);
        let expect = expectations(&slug);
        let want = Level::from_name(expect["level"].as_str().unwrap()).unwrap();
        let claimed = expect["claimed"].as_str().unwrap();
        if !claimed.is_empty() {
            assert_eq!(
                a.claimed_level.as_deref(),
                Some(claimed),
                "{}: claimed level",
                file.display()
            );
        }
        // The renders carry the document date the labels' years assume.
        if let Some(years) = expect.get("years").and_then(|y| y.as_float()) {
            assert!(
                (a.years_experience - years).abs() <= 0.5,
                "{}: {} engineering years, labelled {years}",
                file.display(),
                a.years_experience
            );
        }
        total += 1;
        let distance = (a.level.index() as i64 - want.index() as i64).abs();
        if distance == 0 {
            exact += 1;
        } else {
            misses.push(format!(
                "{}: {} (labelled {})",
                file.display(),
                a.level,
                want
            ));
        }
        assert!(
            distance <= 1,
            "{} reads {} but is labelled {}",
            file.display(),
            a.level,
            want
        );
        // The flag accuses the candidate of stuffing keywords: raised for
        // the renderings with hidden keywords (a .hidden.txt beside their
        // truth), never for leftovers such as a builder's tiny "N/A"s.
        let stuffed = hidden_keywords_of(&file).exists();
        assert_eq!(
            a.flags.contains(&"hidden_text".to_string()),
            stuffed,
            "{}: hidden_text flag (hidden: {:?})",
            file.display(),
            doc.hidden
        );
        let quotes: BTreeSet<String> = a.evidence.iter().map(|e| e.quote.clone()).collect();
        let format = file.extension().unwrap().to_string_lossy().to_string();
        by_slug
            .entry(slug)
            .or_default()
            .insert(format, (a.level, quotes));
    }
    eprintln!("{total} rendered resumes: exact {exact}; misses: {misses:#?}");
    assert!(
        exact * 10 >= total * 9,
        "exact {exact} of {total} is under 90%: {misses:#?}"
    );

    let mut pairs = 0;
    for (slug, formats) in &by_slug {
        let (Some(pdf), Some(docx)) = (formats.get("pdf"), formats.get("docx")) else {
            continue;
        };
        pairs += 1;
        assert_eq!(pdf.0, docx.0, "{slug}: PDF and DOCX levels differ");
        let only_pdf: Vec<&String> = pdf.1.difference(&docx.1).collect();
        let only_docx: Vec<&String> = docx.1.difference(&pdf.1).collect();
        assert!(
            only_pdf.is_empty() && only_docx.is_empty(),
            "{slug}: quotes differ\nonly in PDF: {only_pdf:#?}\nonly in DOCX: {only_docx:#?}"
        );
    }
    assert!(
        pairs >= 10,
        "only {pairs} resumes rendered as both PDF and DOCX"
    );
}
