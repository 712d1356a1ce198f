//! Writing a fitted rubric: the input rubric's TOML text, the new level
//! thresholds and (when tuned) family weights in; the same text with only
//! those `min_score` and `weight` values changed and a header comment
//! saying what changed and on what data, out.
//!
//! Edits go through `toml_edit`, so every comment, blank line and key
//! order of the original stays where it was — a team can diff the fitted
//! rubric against its own. The result is loaded back strictly before it is
//! returned: this must never hand out a rubric that `rubric check` would
//! refuse or that holds other thresholds than the fit chose.

use toml_edit::{DocumentMut, Value};

use super::{Tuned, WeightOutcome};
use crate::rubric::{Level, RubricError, load_str};

#[derive(Debug, thiserror::Error)]
pub enum RewriteError {
    #[error("{file}: cannot edit the rubric text: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: no [[level]] table with id = \"{level}\" to set min_score in")]
    MissingLevel { file: String, level: Level },
    #[error("the fitted rubric does not load, so it was not written: {0}")]
    Invalid(#[from] RubricError),
    #[error("the fitted rubric loads with {what} {found}, not the fitted {wanted}")]
    Mismatch {
        what: String,
        found: f64,
        wanted: f64,
    },
}

/// `text` with each level's `min_score` set to `thresholds` (lowest level
/// first) and, when given, each family's `weight` set to `weights` (rubric
/// order) where they differ, and `header` lines (without `#`) on top.
pub fn rewrite(
    text: &str,
    file: &str,
    thresholds: &[f64],
    weights: Option<&[f64]>,
    header: &[String],
) -> Result<String, RewriteError> {
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| RewriteError::Parse {
                file: file.to_string(),
                message: e.to_string(),
            })?;
    let levels = doc
        .get_mut("level")
        .and_then(|item| item.as_array_of_tables_mut());
    let Some(levels) = levels else {
        return Err(RewriteError::MissingLevel {
            file: file.to_string(),
            level: Level::Entry,
        });
    };
    for (level, &wanted) in Level::ALL.iter().zip(thresholds) {
        let table = levels
            .iter_mut()
            .find(|t| t.get("id").and_then(|i| i.as_str()) == Some(level.name()))
            .ok_or_else(|| RewriteError::MissingLevel {
                file: file.to_string(),
                level: *level,
            })?;
        let current = table.get("min_score").and_then(|i| i.as_float());
        if current == Some(wanted) {
            continue;
        }
        let mut value = Value::from(wanted);
        // Keep the spacing and any trailing comment of the old value.
        if let Some(old) = table.get("min_score").and_then(|i| i.as_value()) {
            *value.decor_mut() = old.decor().clone();
        }
        table["min_score"] = toml_edit::Item::Value(value);
    }
    if let Some(weights) = weights {
        let families = doc
            .get_mut("family")
            .and_then(|item| item.as_array_of_tables_mut())
            .ok_or_else(|| RewriteError::Parse {
                file: file.to_string(),
                message: "no [[family]] tables to set weights in".into(),
            })?;
        for (table, &wanted) in families.iter_mut().zip(weights) {
            if table.get("weight").and_then(|i| i.as_float()) == Some(wanted) {
                continue;
            }
            let mut value = Value::from(wanted);
            if let Some(old) = table.get("weight").and_then(|i| i.as_value()) {
                *value.decor_mut() = old.decor().clone();
            }
            table["weight"] = toml_edit::Item::Value(value);
        }
    }

    let mut out = String::new();
    for line in header {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&doc.to_string());

    let rubric = load_str(&out, file)?;
    for (rule, &wanted) in rubric.levels.iter().zip(thresholds) {
        if rule.min_score != wanted {
            return Err(RewriteError::Mismatch {
                what: format!("{} min_score", rule.level),
                found: rule.min_score,
                wanted,
            });
        }
    }
    for (family, &wanted) in rubric.families.iter().zip(weights.unwrap_or_default()) {
        if family.weight != wanted {
            return Err(RewriteError::Mismatch {
                what: format!("family {} weight", family.id),
                found: family.weight,
                wanted,
            });
        }
    }
    Ok(out)
}

/// The header comment for a fitted rubric: what changed, on what data.
pub fn header(tuned: &Tuned, rubric_name: &str, labels_name: &str) -> Vec<String> {
    let fit = &tuned.fit;
    let pct = |r: f64| format!("{:.1}%", r * 100.0);
    let mut lines = vec![
        format!("Fitted by `levelscan calibrate --fit` from {rubric_name},"),
        format!(
            "on the labels in {labels_name}: {} assessed resume{}.",
            fit.after.n,
            if fit.after.n == 1 { "" } else { "s" }
        ),
        "Level thresholds:".into(),
    ];
    for b in &fit.boundaries {
        lines.push(match (&b.kept_because, b.old == b.new) {
            (Some(why), _) => format!("  {} min_score kept at {}: {why}", b.level, b.old),
            (None, true) => format!("  {} min_score unchanged at {}", b.level, b.old),
            (None, false) => format!("  {} min_score {} → {}", b.level, b.old, b.new),
        });
    }
    match &tuned.weights {
        WeightOutcome::Searched(w) => {
            lines.push(format!("Family weights {}", w.note));
            if w.accepted {
                for ((family, old), new) in tuned.families.iter().zip(&w.old).zip(&w.new) {
                    if old != new {
                        lines.push(format!("  {family} weight {old} → {new}"));
                    }
                }
            }
        }
        WeightOutcome::NotTried(why) => lines.push(format!("Family weights not tuned: {why}")),
    }
    lines.push(format!(
        "In sample: within-one {} → {}, exact {} → {}.",
        pct(fit.before.within_one_rate()),
        pct(fit.after.within_one_rate()),
        pct(fit.before.exact_rate()),
        pct(fit.after.exact_rate()),
    ));
    lines.push(format!(
        "Leave-one-out (each resume judged by a fit made without it): within-one {}, exact {}.",
        pct(fit.leave_one_out.within_one_rate()),
        pct(fit.leave_one_out.exact_rate()),
    ));
    lines.push("Gates and signals are as in the input rubric.".into());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::DEFAULT_RUBRIC;

    #[test]
    fn only_the_changed_thresholds_change_and_comments_stay() {
        let original: Vec<f64> = crate::rubric::load_default()
            .unwrap()
            .levels
            .iter()
            .map(|l| l.min_score)
            .collect();
        let mut wanted = original.clone();
        wanted[2] += 0.5;
        let out = rewrite(
            DEFAULT_RUBRIC,
            "fitted.toml",
            &wanted,
            None,
            &["fitted".into()],
        )
        .unwrap();
        assert!(out.starts_with("# fitted\n\n"));
        let rubric = load_str(&out, "fitted.toml").unwrap();
        let got: Vec<f64> = rubric.levels.iter().map(|l| l.min_score).collect();
        assert_eq!(got, wanted);
        // Exactly one line differs from the original text.
        let before: Vec<&str> = DEFAULT_RUBRIC.lines().collect();
        let after: Vec<&str> = out.lines().skip(2).collect();
        assert_eq!(before.len(), after.len());
        let changed: Vec<(&&str, &&str)> =
            before.iter().zip(&after).filter(|(a, b)| a != b).collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert!(changed[0].1.starts_with("min_score = "), "{changed:?}");
    }

    #[test]
    fn thresholds_out_of_order_are_refused_not_written() {
        let wanted = [0.0, 7.0, 50.0, 31.0, 40.0];
        let e = rewrite(DEFAULT_RUBRIC, "fitted.toml", &wanted, None, &[]).unwrap_err();
        assert!(e.to_string().contains("thresholds out of order"), "{e}");
    }
}

#[cfg(test)]
mod weight_tests {
    use super::*;
    use crate::rubric::{DEFAULT_RUBRIC, load_default};

    #[test]
    fn a_changed_family_weight_is_written_in_place() {
        let rubric = load_default().unwrap();
        let t: Vec<f64> = rubric.levels.iter().map(|l| l.min_score).collect();
        let mut w: Vec<f64> = rubric.families.iter().map(|f| f.weight).collect();
        w[1] *= 1.25;
        let out = rewrite(DEFAULT_RUBRIC, "fitted.toml", &t, Some(&w), &[]).unwrap();
        let back = load_str(&out, "fitted.toml").unwrap();
        assert_eq!(back.families[1].weight, w[1]);
        assert_eq!(back.families[0].weight, w[0]);
        let changed = DEFAULT_RUBRIC
            .lines()
            .zip(out.lines().skip(1))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 1);
    }
}
