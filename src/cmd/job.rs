//! `levelscan job JOB`: print what levelscan reads from a job posting —
//! title, level, years, required and nice-to-have skills with the lines
//! they came from, and what is not assessed — so a recruiter can check it
//! before a screen. Nothing is written when the posting cannot be read
//! (exit 2).

use std::io::Write;

use levelscan::job::{Job, Requirement, read_job};
use levelscan::rubric::load_default_deferred;
use levelscan::skills::Vocabulary;

use super::posting::Skills;
use super::{CommandError, Outcome};
use crate::cli::{PostingArgs, TextOrJson};

pub fn run(args: &PostingArgs, out: &mut impl Write) -> Result<Outcome, CommandError> {
    let skills = Skills::load(args.skills.as_deref())?;
    let vocab = skills.vocabulary();
    // The level of the posting's title is read by the default rubric's
    // title rules, as a screen without --rubric reads it.
    let rubric = load_default_deferred()?;
    let job = read_job(&args.file, &args.limits.to_limits(), vocab, &rubric)?;
    if !job.has_skills() {
        eprintln!("levelscan: {}: {NO_SKILLS}", job.file);
    }
    match args.format {
        TextOrJson::Json => {
            serde_json::to_writer(&mut *out, &job.to_json(vocab)).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        TextOrJson::Text => write_text(&job, vocab, out)?,
    }
    Ok(Outcome::Complete)
}

const NO_SKILLS: &str = "no skill from the vocabulary was recognised in this posting; a screen against it can weigh level and years only (name the skills with --must/--nice, or add them to a copy of rubrics/skills.toml given with --skills)";

fn write_text(job: &Job, vocab: &Vocabulary, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        job.title.as_deref().unwrap_or("(no title found)")
    )?;
    writeln!(out, "  file:   {}", job.file)?;
    let level = job.level.map_or("not stated", |l| l.name());
    writeln!(out, "  level:  {level}")?;
    match job.years_min {
        Some(y) => writeln!(out, "  years:  {y}+")?,
        None => writeln!(out, "  years:  not stated")?,
    }
    for (heading, list) in [("required", &job.required), ("nice to have", &job.nice)] {
        writeln!(out, "{heading} ({}):", list.len())?;
        for r in list {
            writeln!(out, "  - {:<34} {}", describe(r, vocab), quote(&r.quote))?;
        }
    }
    if !job.has_skills() {
        writeln!(out, "note: {NO_SKILLS}")?;
    }
    if !job.not_assessed.is_empty() {
        writeln!(out, "not assessed (never used to rank):")?;
        for n in &job.not_assessed {
            writeln!(out, "  - {n}")?;
        }
    }
    Ok(())
}

fn describe(r: &Requirement, vocab: &Vocabulary) -> String {
    let names: Vec<&str> = r.any_of.iter().map(|&s| vocab.name(s)).collect();
    match names.as_slice() {
        [one] => one.to_string(),
        many => format!("one of: {}", many.join(", ")),
    }
}

/// The posting's line, trimmed of its bullet and cut at about 70 characters.
fn quote(line: &str) -> String {
    let line = line.trim().trim_start_matches(['-', '*', '•', ' ']);
    let mut q: String = line.chars().take(70).collect();
    if q.len() < line.len() {
        if let Some(i) = q.rfind(' ') {
            q.truncate(i);
        }
        q.push('…');
    }
    format!("\u{201c}{q}\u{201d}")
}
