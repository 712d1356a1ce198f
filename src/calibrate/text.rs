//! The printed calibration report, for people: the confusion matrix, the
//! agreement figures, per-level precision and recall, claim-check
//! agreement with false accusations counted, the management track, how
//! often each confidence band is right, each misclassified resume with its
//! strongest quote per family and what the next level shows, the
//! per-signal lift table, and — with a fit — the fitted model with the same
//! figures cross-validated. Label rows left out and files that could not be
//! assessed are listed, never hidden. Writes to any `Write`; the command
//! decides where.

use std::io::{self, Write};

use super::lift::LiftRow;
use super::{Agreement, Calibration, ModelFit};
use crate::report::cells::cut_at_word;
use crate::rubric::Level;

const QUOTE_CHARS: usize = 110;

fn pct(r: Option<f64>) -> String {
    r.map_or("-".into(), |r| format!("{:.0}%", r * 100.0))
}

fn num(r: Option<f64>) -> String {
    r.map_or("n/a".into(), |r| format!("{r:.3}"))
}

/// "k/n  p%".
fn share(k: usize, n: usize) -> String {
    let percent = if n == 0 {
        0.0
    } else {
        k as f64 * 100.0 / n as f64
    };
    format!("{k:>3}/{n}  {percent:.1}%")
}

/// The whole report. `fit` adds the fitted model and its cross-validated
/// figures.
pub fn write(out: &mut impl Write, cal: &Calibration, fit: Option<&ModelFit>) -> io::Result<()> {
    let assessed = cal.observations.len();
    let total = assessed + cal.not_assessed.len();
    writeln!(
        out,
        "Calibration on {total} labelled resume{}: {assessed} assessed, {} not assessed (listed at the end, left out of every figure).",
        if total == 1 { "" } else { "s" },
        cal.not_assessed.len()
    )?;
    writeln!(out)?;
    writeln!(out, "The rubric as it is")?;
    write_agreement(out, &cal.agreement)?;
    write_misclassified(out, cal)?;
    writeln!(out)?;
    writeln!(
        out,
        "Signal lift: share of resumes at each true level in which the signal fires; ρ is its rank correlation with the true level"
    )?;
    write_lift(out, "signal", &cal.signal_lift)?;
    writeln!(out)?;
    write_lift(out, "flag", &cal.flag_lift)?;
    if let Some(fit) = fit {
        write_fit(out, fit)?;
    }
    if !cal.not_assessed.is_empty() {
        writeln!(out)?;
        writeln!(out, "Not assessed (left out of every figure above)")?;
        for n in &cal.not_assessed {
            writeln!(
                out,
                "  line {}: {}: {}: {}",
                n.label.line, n.label.file, n.status, n.note
            )?;
        }
    }
    Ok(())
}

/// The figures of one set of answers.
pub fn write_agreement(out: &mut impl Write, a: &Agreement) -> io::Result<()> {
    match &a.metrics {
        Some(m) => {
            writeln!(
                out,
                "Confusion matrix (rows: true level; columns: predicted)"
            )?;
            write!(out, "{:>12}", "")?;
            for l in Level::ALL {
                write!(out, "{:>10}", l.name())?;
            }
            writeln!(out, "{:>8}", "total")?;
            for t in Level::ALL {
                write!(out, "{:>12}", t.name())?;
                for p in Level::ALL {
                    write!(out, "{:>10}", m.confusion[t.index()][p.index()])?;
                }
                writeln!(out, "{:>8}", m.confusion[t.index()].iter().sum::<usize>())?;
            }
            writeln!(out)?;
            let off = |at_least: usize| -> usize {
                (0..5usize)
                    .flat_map(|t| (0..5usize).map(move |p| (t, p)))
                    .filter(|(t, p)| t.abs_diff(*p) >= at_least)
                    .map(|(t, p)| m.confusion[t][p])
                    .sum()
            };
            writeln!(out, "Exact                 {}", share(m.n - off(1), m.n))?;
            writeln!(out, "Within one level      {}", share(m.n - off(2), m.n))?;
            writeln!(out, "Two or more off       {}", share(off(2), m.n))?;
            writeln!(out, "Mean absolute error   {:.3} levels", m.mean_abs_error)?;
            writeln!(out, "Spearman ρ            {}", num(m.spearman))?;
            writeln!(out, "Kendall τ-b           {}", num(m.kendall_tau_b))?;
            writeln!(out)?;
            writeln!(
                out,
                "{:<12}{:>10}{:>8}{:>8}{:>11}",
                "level", "precision", "recall", "true", "predicted"
            )?;
            for l in Level::ALL {
                let i = l.index();
                let predicted: usize = (0..5).map(|t| m.confusion[t][i]).sum();
                writeln!(
                    out,
                    "{:<12}{:>10}{:>8}{:>8}{:>11}",
                    l.name(),
                    pct(m.precision[i]),
                    pct(m.recall[i]),
                    m.confusion[i].iter().sum::<usize>(),
                    predicted
                )?;
            }
        }
        None => writeln!(out, "No IC-labelled resume was assessed.")?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "Reliability (answers by confidence band: how often the level was right)"
    )?;
    for b in &a.reliability {
        writeln!(
            out,
            "  {:.1}–{:.1}   {}",
            b.low,
            b.high.min(1.0),
            share(b.right, b.n)
        )?;
    }
    let mg = &a.management;
    if mg.labelled > 0 || mg.ic_as_management > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "Management track: {} of {} management-labelled resumes recognised; {} IC-labelled resumes put on it",
            mg.recognised, mg.labelled, mg.ic_as_management
        )?;
    }
    if let Some(c) = &a.claims {
        writeln!(out)?;
        writeln!(
            out,
            "Claim check ({} claims a title rule knows{})",
            c.n,
            if c.labelled > 0 {
                format!(", {} from the labels", c.labelled)
            } else {
                String::new()
            }
        )?;
        if c.labelled > 0 {
            writeln!(
                out,
                "  claimed level read right   {}",
                share(c.read_right, c.labelled)
            )?;
        }
        writeln!(
            out,
            "  verdict agrees             {}",
            share(c.verdict_right, c.n)
        )?;
        writeln!(
            out,
            "  unverified (withheld)      {}",
            share(c.unverified, c.n)
        )?;
        writeln!(
            out,
            "  overclaimed said           {}, of which false (label at or above the claim): {}",
            c.overclaimed, c.false_overclaimed
        )?;
        writeln!(
            out,
            "  false overclaimed          {} of the claims checked",
            share(c.false_overclaimed, c.n)
        )?;
        for miss in &c.misses {
            writeln!(
                out,
                "  {}: claimed {}{}, verdict {} where the true level gives {}",
                miss.file,
                miss.claimed,
                if miss.read != miss.expected_read {
                    format!(
                        " (read as {})",
                        if miss.read.is_empty() {
                            "nothing"
                        } else {
                            &miss.read
                        }
                    )
                } else {
                    String::new()
                },
                miss.verdict,
                miss.expected_verdict
            )?;
        }
        for (line, claim) in &c.unknown {
            writeln!(
                out,
                "  line {line}: claim \"{claim}\" matches no title rule of the rubric; left out of these figures"
            )?;
        }
    }
    Ok(())
}

fn write_misclassified(out: &mut impl Write, cal: &Calibration) -> io::Result<()> {
    let wrong: Vec<_> = cal
        .observations
        .iter()
        .filter(|o| o.label.truth.level().is_some_and(|t| t != o.ic_level()))
        .collect();
    writeln!(out)?;
    writeln!(out, "Misclassified ({})", wrong.len())?;
    for o in wrong {
        writeln!(
            out,
            "  {}: true {}, predicted {} (score {}, confidence {})",
            o.label.file,
            o.label.truth,
            o.ic_level(),
            o.record.score.unwrap_or(0.0),
            o.record.confidence.map_or("-".into(), |c| c.to_string()),
        )?;
        for f in &o.record.families {
            match f.evidence.first() {
                Some(q) => writeln!(
                    out,
                    "      {:<10} {:>5}  {} ({}, p{} l{})",
                    f.family,
                    f.score + 0.0,
                    cut_at_word(&q.quote, QUOTE_CHARS),
                    q.signal,
                    q.page,
                    q.line
                )?,
                None => writeln!(
                    out,
                    "      {:<10} {:>5}  no evidence",
                    f.family,
                    f.score + 0.0
                )?,
            }
        }
        if o.label.truth.level().is_some_and(|t| o.ic_level() < t) {
            for need in &o.record.missing_for_next {
                writeln!(out, "      {need}")?;
            }
        }
    }
    Ok(())
}

fn write_lift(out: &mut impl Write, what: &str, rows: &[LiftRow]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(what.len())
        + 2;
    write!(out, "{what:<width$}")?;
    for l in Level::ALL {
        write!(out, "{:>10}", l.name())?;
    }
    writeln!(out, "{:>7}{:>8}", "fired", "ρ")?;
    for r in rows {
        write!(out, "{:<width$}", r.id)?;
        for rate in r.rate {
            write!(out, "{:>10}", pct(rate))?;
        }
        writeln!(
            out,
            "{:>7}{:>8}",
            r.fired,
            r.rho.map_or("-".into(), |v| format!("{v:.2}"))
        )?;
    }
    Ok(())
}

fn write_fit(out: &mut impl Write, fit: &ModelFit) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Fitted level model ({} IC-labelled resumes, {} of them fit only; ridge {})",
        fit.samples,
        fit.train_only,
        super::fit::RIDGE
    )?;
    for ((name, old), new) in fit
        .features
        .iter()
        .zip(&fit.old_weights)
        .zip(&fit.fitted.weights)
    {
        writeln!(out, "  {name:<12} weight {old} → {new}")?;
    }
    for (i, (old, new)) in fit
        .old_thresholds
        .iter()
        .zip(&fit.fitted.thresholds)
        .enumerate()
    {
        writeln!(
            out,
            "  {:<12} threshold {old} → {new}",
            Level::ALL[i + 1].name()
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Cross-validated ({}-fold: each resume judged by the model fitted without its fold)",
        super::FOLDS
    )?;
    write_agreement(out, &fit.cross_validated)?;
    if let Some(m) = &fit.in_sample.metrics {
        writeln!(out)?;
        writeln!(
            out,
            "In sample (the fitted model on the resumes it was fitted on): exact {:.1}%, within one {:.1}%",
            m.exact * 100.0,
            m.within_one * 100.0
        )?;
    }
    Ok(())
}
