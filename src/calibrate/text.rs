//! The printed calibration report, for people: the confusion matrix, the
//! agreement figures, per-level precision and recall, claim-check
//! agreement, each misclassified resume with its strongest quote per family
//! and what the next level needed, the per-signal lift table, and — listed,
//! never hidden — label rows left out and files that could not be assessed.
//! Writes to any `Write`; the command decides where.

use std::io::{self, Write};

use super::lift::LiftRow;
use super::{Calibration, Tuned, WeightOutcome};
use crate::report::cells::cut_at_word;
use crate::rubric::Level;

const QUOTE_CHARS: usize = 110;

fn pct(r: Option<f64>) -> String {
    r.map_or("-".into(), |r| format!("{:.0}%", r * 100.0))
}

fn num(r: Option<f64>) -> String {
    r.map_or("n/a".into(), |r| format!("{r:.3}"))
}

/// The whole report. `tuned` adds the fit section.
pub fn write(out: &mut impl Write, cal: &Calibration, tuned: Option<&Tuned>) -> io::Result<()> {
    let assessed = cal.observations.len();
    writeln!(
        out,
        "Calibration on {} labelled resume{}: {assessed} assessed, {} not assessed (listed at the end, left out of every figure).",
        assessed + cal.not_assessed.len(),
        if assessed + cal.not_assessed.len() == 1 {
            ""
        } else {
            "s"
        },
        cal.not_assessed.len()
    )?;
    match &cal.metrics {
        Some(m) => {
            writeln!(out)?;
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
            let count = |r: f64| (r * m.n as f64).round() as usize;
            writeln!(
                out,
                "Exact accuracy        {:>3}/{}  {:.1}%",
                count(m.exact),
                m.n,
                m.exact * 100.0
            )?;
            writeln!(
                out,
                "Within one level      {:>3}/{}  {:.1}%",
                count(m.within_one),
                m.n,
                m.within_one * 100.0
            )?;
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
        None => writeln!(
            out,
            "\nNo labelled resume was assessed: there is nothing to measure."
        )?,
    }

    if let Some(c) = &cal.claims {
        writeln!(out)?;
        writeln!(out, "Claim check ({} labels with a known claim)", c.n)?;
        writeln!(out, "  claimed level read right   {}/{}", c.read_right, c.n)?;
        writeln!(
            out,
            "  verdict agrees             {}/{}",
            c.verdict_right, c.n
        )?;
        for miss in &c.misses {
            writeln!(
                out,
                "  {}: claimed {} (read as {}), verdict {} where the true level gives {}",
                miss.file,
                miss.claimed,
                if miss.read.is_empty() {
                    "nothing"
                } else {
                    &miss.read
                },
                miss.verdict,
                miss.expected_verdict
            )?;
        }
        for (line, claim) in &c.unknown {
            writeln!(
                out,
                "  line {line}: claim \"{claim}\" matches no title rule of the rubric; left out of these two figures"
            )?;
        }
    }

    write_misclassified(out, cal)?;
    writeln!(out)?;
    writeln!(
        out,
        "Signal lift: share of resumes at each true level in which the signal fires; ρ is its rank correlation with the true level"
    )?;
    write_lift(out, "signal", &cal.signal_lift)?;
    writeln!(out)?;
    write_lift(out, "flag", &cal.flag_lift)?;

    if !cal.rederive_mismatches.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Warning: for {} file(s) the level re-derived from score, gates and thresholds differs from the assessed level, so the fit is approximate: {}",
            cal.rederive_mismatches.len(),
            cal.rederive_mismatches.join(", ")
        )?;
    }
    if let Some(tuned) = tuned {
        write_fit(out, tuned)?;
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

fn write_misclassified(out: &mut impl Write, cal: &Calibration) -> io::Result<()> {
    let wrong: Vec<_> = cal
        .observations
        .iter()
        .filter(|o| o.predicted != o.label.level)
        .collect();
    writeln!(out)?;
    writeln!(out, "Misclassified ({})", wrong.len())?;
    for o in wrong {
        writeln!(
            out,
            "  {}: true {}, predicted {} (score {}, confidence {}, {} from the nearest threshold)",
            o.label.file,
            o.label.level,
            o.predicted,
            o.score,
            o.record.confidence.map_or("-".into(), |c| c.to_string()),
            o.margin
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
        if o.predicted < o.label.level {
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

fn write_fit(out: &mut impl Write, tuned: &Tuned) -> io::Result<()> {
    let fit = &tuned.fit;
    // "k/n (p%)".
    let share = |k: usize, n: usize| {
        let percent = if n == 0 {
            0.0
        } else {
            k as f64 * 100.0 / n as f64
        };
        format!("{k}/{n} ({percent:.1}%)")
    };
    writeln!(out)?;
    writeln!(out, "Fit (gates and signals unchanged)")?;
    for b in &fit.boundaries {
        match &b.kept_because {
            Some(why) => writeln!(
                out,
                "  {:<10} min_score kept at {}: {why}",
                b.level.name(),
                b.old
            )?,
            None if b.old == b.new => writeln!(
                out,
                "  {:<10} min_score {} (unchanged)",
                b.level.name(),
                b.old
            )?,
            None => writeln!(
                out,
                "  {:<10} min_score {} → {}",
                b.level.name(),
                b.old,
                b.new
            )?,
        }
    }
    match &tuned.weights {
        WeightOutcome::Searched(w) => {
            writeln!(out, "  family weights {}", w.note)?;
            if w.accepted {
                for ((family, old), new) in tuned.families.iter().zip(&w.old).zip(&w.new) {
                    if old != new {
                        writeln!(out, "  {family:<10} weight {old} → {new}")?;
                    }
                }
            }
        }
        WeightOutcome::NotTried(why) => writeln!(out, "  family weights not tuned: {why}")?,
    }
    let (b, a, l) = (fit.before, fit.after, fit.leave_one_out);
    writeln!(
        out,
        "  in sample      within one {} → {}; exact {} → {}",
        share(b.within_one, b.n),
        share(a.within_one, a.n),
        share(b.exact, b.n),
        share(a.exact, a.n)
    )?;
    writeln!(
        out,
        "  leave-one-out  within one {}; exact {}   (each resume judged by a fit made without it)",
        share(l.within_one, l.n),
        share(l.exact, l.n)
    )?;
    Ok(())
}
