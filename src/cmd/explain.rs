//! `levelscan explain FILE`: one resume's level with every reason quoted —
//! for a hiring manager spot-checking a claimed level before an interview.
//! The rubric is loaded (strictly) before the resume is read.

use std::io::Write;

use serde::Serialize;

use levelscan::assess::{Assessment, Track};
use levelscan::jobfit::{Depth, Importance, JobFit};
use levelscan::rubric::{Level, Rubric};
use levelscan::segment::{RoleKind, YearsSource};

use super::single::assess_one;
use super::{CommandError, Outcome};
use crate::cli::{ExplainArgs, TextOrJson};

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    #[serde(flatten)]
    assessment: &'a Assessment,
}

pub fn run(args: &ExplainArgs, out: &mut impl Write) -> Result<Outcome, CommandError> {
    let (rubric, a) = assess_one(&args.file, args.rubric.as_deref(), &args.job, &args.limits)?;
    let Some(a) = a else {
        return Ok(Outcome::SomeInputsFailed);
    };
    match args.format {
        TextOrJson::Json => {
            let report = JsonReport {
                file: args.file.display().to_string(),
                assessment: &a,
            };
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        TextOrJson::Text => write_text(&args.file.display().to_string(), &a, &rubric, out)?,
    }
    Ok(Outcome::Complete)
}

fn write_text(
    file: &str,
    a: &Assessment,
    rubric: &Rubric,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{file}")?;
    let level = match a.track {
        Track::Management => format!(
            "management (the evidence reads {} on the IC ladder)",
            a.level
        ),
        Track::Ic => a.level.to_string(),
    };
    writeln!(
        out,
        "level: {level}   score: {}   confidence: {:.2}",
        a.score, a.confidence
    )?;
    let claimed = match (&a.claimed_title, &a.claimed_level) {
        (Some(t), Some(l)) => format!("{t} ({l})"),
        (Some(t), None) => format!("{t} (no level)"),
        _ => "none found".to_string(),
    };
    writeln!(
        out,
        "claimed: {claimed}   claim check: {} — {}",
        a.claim_check.name(),
        a.claim_reason
    )?;
    let mut years = match a.years_source {
        YearsSource::None => "no dated roles".to_string(),
        YearsSource::Summary => format!("{} engineering (from the summary)", a.years_experience),
        YearsSource::Roles => format!("{} engineering", a.years_experience),
    };
    if a.years_student > 0.0 {
        years.push_str(&format!(", {} as a student or intern", a.years_student));
    }
    if a.years_other > 0.0 {
        years.push_str(&format!(", {} in other work", a.years_other));
    }
    writeln!(out, "years: {years}")?;
    for r in &a.roles {
        let kind = match r.kind {
            RoleKind::Engineering => "engineering",
            RoleKind::Student => "student",
            RoleKind::Other => "other work",
        };
        let end = if r.ongoing {
            "present".to_string()
        } else {
            r.end.to_string()
        };
        let title = if r.title.is_empty() {
            "(no title)"
        } else {
            &r.title
        };
        writeln!(
            out,
            "  {} – {end}  {title} · {} ({kind})",
            r.start, r.employer
        )?;
    }
    writeln!(out)?;
    let probabilities: Vec<String> = Level::ALL
        .iter()
        .zip(&a.probabilities)
        .map(|(l, p)| format!("{l} {:.0}%", p * 100.0))
        .collect();
    writeln!(
        out,
        "how the level is decided: {}",
        probabilities.join(", ")
    )?;
    let thresholds: Vec<String> = Level::ALL[1..]
        .iter()
        .zip(&rubric.model.thresholds)
        .map(|(l, t)| format!("{l} {t:.2}"))
        .collect();
    writeln!(
        out,
        "  score {} = the sum below; level boundaries: {}",
        a.score,
        thresholds.join(", ")
    )?;
    for f in &a.features {
        writeln!(
            out,
            "  {:<12} {:>6} × weight = {:>6}",
            f.name, f.value, f.contribution
        )?;
    }
    for (family, fs) in rubric.families.iter().zip(&a.families) {
        writeln!(out)?;
        writeln!(
            out,
            "{} — {} (cap {}, {} item(s))",
            family.id, fs.score, family.cap, fs.evidence
        )?;
        let items: Vec<_> = a
            .evidence
            .iter()
            .filter(|e| e.family == family.id)
            .collect();
        if items.is_empty() {
            writeln!(out, "  none found")?;
        }
        for e in items {
            writeln!(
                out,
                "  +{:<5} {} [{}] p{} l{} ({}): \"{}\"",
                e.weight,
                e.signal,
                e.detail,
                e.page,
                e.line,
                e.section.name(),
                e.quote
            )?;
        }
    }
    writeln!(out)?;
    if a.flag_evidence.is_empty() {
        writeln!(out, "flags: none")?;
    } else {
        writeln!(out, "flags:")?;
        for f in &a.flag_evidence {
            if f.quote.is_empty() {
                writeln!(out, "  {} (p{})", f.flag, f.page)?;
            } else {
                writeln!(out, "  {} p{} l{}: \"{}\"", f.flag, f.page, f.line, f.quote)?;
            }
        }
    }
    writeln!(out)?;
    match a.level.next() {
        None => writeln!(out, "next level: none above principal")?,
        Some(next) if a.missing_for_next.is_empty() => writeln!(
            out,
            "next level: {next} — it typically shows nothing this resume lacks; the score decides"
        )?,
        Some(_) => {
            writeln!(
                out,
                "what the next level up typically shows and this resume does not:"
            )?;
            for m in &a.missing_for_next {
                writeln!(out, "  {m}")?;
            }
        }
    }
    if let Some(fit) = &a.job {
        writeln!(out)?;
        write_job_fit(fit, out)?;
    }
    Ok(())
}

/// The resume against the posting: the fit, then every requirement with
/// its depth and quote.
fn write_job_fit(fit: &JobFit, out: &mut impl Write) -> std::io::Result<()> {
    let level = fit.level_fit.map_or(String::new(), |l| {
        format!("   level: {} the posting's", l.name())
    });
    writeln!(out, "job fit: {:.0}/100{level}", fit.job_fit)?;
    for importance in [Importance::Required, Importance::Nice] {
        let of_kind: Vec<_> = fit
            .requirements
            .iter()
            .filter(|r| r.importance == importance)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}:",
            match importance {
                Importance::Required => "required",
                Importance::Nice => "nice to have",
            }
        )?;
        for r in of_kind {
            let year = r.year.map_or(String::new(), |y| format!(", {y}"));
            let skill = match &r.skill {
                Some(s) if *s != r.requirement => format!(" ({s})"),
                _ => String::new(),
            };
            match (r.depth, r.page, r.line, &r.quote) {
                (Depth::Absent, ..) | (_, None, ..) | (_, _, None, _) | (_, _, _, None) => {
                    writeln!(out, "  {:<7} {}", r.depth.name(), r.requirement)?
                }
                (depth, Some(page), Some(line), Some(quote)) => writeln!(
                    out,
                    "  {:<7} {}{skill} p{page} l{line}{year}: \"{quote}\"",
                    depth.name(),
                    r.requirement
                )?,
            }
        }
    }
    Ok(())
}
