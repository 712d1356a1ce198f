//! The level model's inputs: counted evidence, engineering years and the
//! claimed title in; one number per feature the rubric's `[model]` names
//! out, each with a name a reader can check against the quotes.
//!
//! Every feature is a plain function of what the resume shows — never of
//! names, schools, gaps or anything else about the person.

use crate::detect::Evidence;
use crate::rubric::{Feature, Rubric, Scope};

/// What the features are read from.
pub struct Inputs<'a> {
    pub evidence: &'a [Evidence],
    pub years_engineering: f64,
    /// The title's value on the ladder (entry 0 … principal 4), already
    /// resolved for untitled and management resumes.
    pub title: f64,
}

/// The raw, capped evidence of each family, in rubric order (before the
/// family weights: what the model reads).
pub fn family_raw(evidence: &[Evidence], rubric: &Rubric) -> Vec<f64> {
    rubric
        .families
        .iter()
        .map(|f| {
            let raw: f64 = evidence
                .iter()
                .filter(|e| e.family == f.id)
                .map(|e| e.weight)
                .sum();
            raw.min(f.cap)
        })
        .collect()
}

/// The value of every model feature, in the model's order.
pub fn values(inputs: &Inputs, rubric: &Rubric) -> Vec<f64> {
    let raw = family_raw(inputs.evidence, rubric);
    let signal = |e: &Evidence| rubric.signals.iter().find(|s| s.id == e.signal);
    rubric
        .model
        .features
        .iter()
        .map(|(_, feature)| match *feature {
            Feature::Family(i) => raw[i].ln_1p(),
            Feature::Scope => inputs
                .evidence
                .iter()
                .filter_map(|e| signal(e)?.scope)
                .max()
                .map_or(0.0, |s| match s {
                    Scope::CrossTeam => 1.0,
                    Scope::Org => 2.0,
                }),
            Feature::Leadership => (inputs
                .evidence
                .iter()
                .filter(|e| signal(e).is_some_and(|s| s.leadership))
                .count() as f64)
                .ln_1p(),
            Feature::Years => inputs.years_engineering.max(0.0).ln_1p(),
            Feature::Title => inputs.title,
        })
        .collect()
}
