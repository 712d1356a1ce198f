//! Text-layer classes met in real resumes, each reproduced by a real
//! producer in `fixtures/classes` (rebuilt by `fixtures/build.sh`): words
//! set without space glyphs in a tight line, ligature glyphs a font maps to
//! no text, a skills sidebar that must not join the work beside it, and
//! glyphs whose text is given only by /ActualText, and letter-spaced labels
//! beside ordinary text.

use std::path::PathBuf;

mod common;

fn lines_of(name: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/classes")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    common::pdf::lines_of(&bytes)
}

/// pdfTeX places each word by moving the pen, 0.13 em past the last one in
/// this tight line (Source Sans in a full awesome-cv line; a 0.15 em
/// threshold glued the whole line into one word). Its T1 fonts have no
/// ToUnicode, so the ff, fi, ffi and fl ligatures map to nothing: "Staff"
/// read "Sta", a staff engineer's title as a mid one.
#[test]
fn tight_word_spaces_and_unmapped_ligatures_read_as_printed() {
    let lines = lines_of("tight-word-spaces.pdf");
    let text = lines.join("\n");
    assert_eq!(
        lines[0],
        "Pushed many changes to build the backbone for the app which was used by"
    );
    for phrase in [
        "hundreds of phone users in Atlantic Canada.",
        "Staff Software Engineer, Acme Payments.",
        "Holds an official certification in office",
        "workflows and traffic shaping.",
    ] {
        assert!(text.contains(phrase), "{phrase:?} in {text}");
    }
    let longest = text
        .split(|c: char| !c.is_alphabetic())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest <= 13, "a glued word in {text}");
}

/// Chromium's print of a page with a skills sidebar beside the work
/// history, under a contact block that runs across the gutter: the block
/// made the gutter look crossed, so rows were read across both columns
/// ("… for analytic Go"), and a job screen took the sidebar's "Go" for
/// work done in Go.
#[test]
fn a_sidebar_under_a_contact_block_never_joins_the_work_beside_it() {
    let lines = lines_of("sidebar-under-contact-block.pdf");
    let skills = [
        "C++",
        "Python",
        "Go",
        "Kafka",
        "gRPC",
        "Docker",
        "Terraform",
        "Kubernetes",
        "Linux",
        "Git",
        "Jenkins CI",
    ];
    for skill in skills {
        assert!(
            lines.iter().any(|l| l == skill),
            "{skill:?} a line of its own in {lines:#?}"
        );
    }
    for bullet in [
        "Expanded supported SQL syntax and optimizations for analytic",
        "Reworked the Python test framework to support a new test",
        "Contributed to rewriting the optimization engine to higher",
        "Senior Software Developer, Google (10/2017 – 05/2020)",
    ] {
        assert!(
            lines.iter().any(|l| l == bullet),
            "{bullet:?} whole and alone in {lines:#?}"
        );
    }
    // The work history is read before the sidebar, in one run.
    let at = |t: &str| lines.iter().position(|l| l == t).expect("present");
    assert!(at("Made onboarding orders of magnitude faster for most cases") < at("Skills"));
}

/// Chrome 128 (Skia) mapped every glyph its font's cmap does not reach to
/// U+0000 in ToUnicode and gave the glyph's text by an /ActualText span:
/// dates set in alternate figures read "June - Present", so no role was
/// dated, and the "ft" ligature of "Kafka" was lost. The fixture is
/// Chromium's print rewritten so (`fixtures/classes/skia-unmapped-glyphs.py`).
#[test]
fn glyphs_mapped_to_nothing_read_as_their_actual_text() {
    let lines = lines_of("unmapped-digits-actual-text.pdf");
    for line in [
        "Software Engineer, Ledgerly June 2025 - Present",
        "Built the settlement service in Go and its Kafka consumers.",
        "Software Developer, Northwind Freight September 2019 - May 2025",
        "BSc Computer Science, Lakeside University 2015 - 2019",
    ] {
        assert!(lines.iter().any(|l| l == line), "{line:?} in {lines:#?}");
    }
}

/// Labels set letter-spaced in a narrow column share each baseline with the
/// ordinary text beside them: the line's usual letter gap is the ordinary
/// text's, so every tracked gap in a label read as a word space ("G O L A N
/// G"; a skill the screen could not match). A piece of a baseline whose
/// every gap is wider than the line's keeps its narrowest as its letter gap.
/// And the labels are a column beside the rows they label (issue 20 class
/// 3): each is read before its row, not all after the text.
#[test]
fn letter_spaced_labels_read_as_words_beside_their_rows() {
    let lines = lines_of("letter-spaced-labels.pdf");
    assert_eq!(
        lines,
        [
            "Skills",
            "PROGRAMMING",
            "Python, Go, Rust, TypeScript, SQL and shell scripting for tooling",
            "GOLANG",
            "gRPC services, Kafka consumers and workers with bounded queues",
            "DATABASES",
            "PostgreSQL, Redis, ClickHouse, query tuning and schema migrations",
            "CLOUD",
            "AWS (EC2, S3, SQS), Terraform, Kubernetes and Helm charts",
        ]
    );
}
