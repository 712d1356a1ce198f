//! Writing a fitted rubric: the input rubric's TOML text and a fitted model
//! in; the same text with only the `[model]` table's `weights`,
//! `thresholds`, `fitted_on` and `cross_validated` values changed, out.
//!
//! Edits go through `toml_edit`, so every comment, blank line and key
//! order of the original stays where it was — a team can diff the fitted
//! rubric against its own. The result is loaded back strictly before it is
//! returned: this must never hand out a rubric that `rubric check` would
//! refuse or that holds another model than the fit chose.

use toml_edit::{Array, DocumentMut, Item, Value};

use super::ModelFit;
use crate::rubric::{RubricError, load_str};

#[derive(Debug, thiserror::Error)]
pub enum RewriteError {
    #[error("{file}: cannot edit the rubric text: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: no [model] table to write the fitted model in")]
    MissingModel { file: String },
    #[error("the fitted rubric does not load, so it was not written: {0}")]
    Invalid(#[from] RubricError),
    #[error("the fitted rubric loads with another model than the fit chose")]
    Mismatch,
}

/// What the fit was made on and how it held up, for the rubric's
/// `fitted_on` and `cross_validated` strings.
pub struct Provenance {
    pub fitted_on: String,
    pub cross_validated: String,
}

/// `text` with the `[model]` weights and thresholds set to the fit's and
/// the provenance strings written beside them.
pub fn rewrite(
    text: &str,
    file: &str,
    fit: &ModelFit,
    provenance: &Provenance,
) -> Result<String, RewriteError> {
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| RewriteError::Parse {
                file: file.to_string(),
                message: e.to_string(),
            })?;
    let model = doc
        .get_mut("model")
        .and_then(Item::as_table_mut)
        .ok_or_else(|| RewriteError::MissingModel {
            file: file.to_string(),
        })?;
    let numbers = |values: &[f64]| -> Item {
        let mut a = Array::new();
        for v in values {
            a.push(*v);
        }
        Item::Value(Value::Array(a))
    };
    model["weights"] = numbers(&fit.fitted.weights);
    model["thresholds"] = numbers(&fit.fitted.thresholds);
    model["fitted_on"] = toml_edit::value(provenance.fitted_on.as_str());
    model["cross_validated"] = toml_edit::value(provenance.cross_validated.as_str());
    let out = doc.to_string();

    let rubric = load_str(&out, file)?;
    if rubric.model.weights != fit.fitted.weights
        || rubric.model.thresholds != fit.fitted.thresholds
    {
        return Err(RewriteError::Mismatch);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::fit::Fitted;
    use crate::calibrate::{Agreement, ManagementAgreement};
    use crate::rubric::DEFAULT_RUBRIC;

    fn model_fit(weights: Vec<f64>, thresholds: [f64; 4]) -> ModelFit {
        let agreement = Agreement {
            metrics: None,
            claims: None,
            management: ManagementAgreement::default(),
            reliability: vec![],
            predicted: vec![],
        };
        ModelFit {
            fitted: Fitted {
                weights,
                thresholds,
            },
            features: vec![],
            old_weights: vec![],
            old_thresholds: vec![],
            samples: 0,
            train_only: 0,
            cross_validated: agreement.clone(),
            in_sample: agreement,
            held_out: vec![],
        }
    }

    fn provenance() -> Provenance {
        Provenance {
            fitted_on: "12 resumes".into(),
            cross_validated: "exact 0.5".into(),
        }
    }

    #[test]
    fn only_the_model_changes_and_comments_stay() {
        let n = crate::rubric::load_default().unwrap().model.weights.len();
        let weights: Vec<f64> = (0..n).map(|i| i as f64 * 0.25).collect();
        let fit = model_fit(weights.clone(), [0.5, 1.5, 2.5, 3.5]);
        let out = rewrite(DEFAULT_RUBRIC, "fitted.toml", &fit, &provenance()).unwrap();
        let rubric = load_str(&out, "fitted.toml").unwrap();
        assert_eq!(rubric.model.weights, weights);
        assert_eq!(rubric.model.thresholds, vec![0.5, 1.5, 2.5, 3.5]);
        assert_eq!(rubric.model.fitted_on, "12 resumes");
        // Every comment of the original is still there.
        for line in DEFAULT_RUBRIC.lines().filter(|l| l.starts_with('#')) {
            assert!(out.contains(line), "{line}");
        }
    }

    #[test]
    fn thresholds_out_of_order_are_refused_not_written() {
        let n = crate::rubric::load_default().unwrap().model.weights.len();
        let fit = model_fit(vec![0.0; n], [2.0, 1.0, 3.0, 4.0]);
        let e = rewrite(DEFAULT_RUBRIC, "fitted.toml", &fit, &provenance()).unwrap_err();
        assert!(e.to_string().contains("thresholds"), "{e}");
    }
}
