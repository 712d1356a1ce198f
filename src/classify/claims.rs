//! The claimed level and its check: a title and the model's level
//! probabilities in; what the title claims and whether the evidence bears
//! it out, with the reason in words.
//!
//! A false "overclaimed" costs a candidate the interview, so the verdict is
//! given only when the model is sure the level is below every level the
//! claim accepts and the resume says enough to judge; a resume that says
//! little and reads below its claim is "unverified", never "overclaimed".

use serde::Serialize;

use crate::rubric::{ClaimRules, Level, Rubric, TitleRule};

/// How the claimed level compares with the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimCheck {
    Consistent,
    Overclaimed,
    Underclaimed,
    /// Too little evidence to tell, or evidence below the claim without
    /// the certainty an accusation needs.
    Unverified,
    /// No level claimed (no title, or a management title).
    Unknown,
}

impl ClaimCheck {
    pub fn name(self) -> &'static str {
        match self {
            ClaimCheck::Consistent => "consistent",
            ClaimCheck::Overclaimed => "overclaimed",
            ClaimCheck::Underclaimed => "underclaimed",
            ClaimCheck::Unverified => "unverified",
            ClaimCheck::Unknown => "unknown",
        }
    }
}

/// The title rule a title matches, first rule first.
pub fn title_rule<'r>(title: &str, rubric: &'r Rubric) -> Option<&'r TitleRule> {
    rubric.titles.iter().find(|t| t.claims(title))
}

/// The claimed level as reported: a level name or `management`.
pub fn claimed_level(rule: Option<&TitleRule>) -> Option<String> {
    Some(rule?.report.clone())
}

/// The title as the model's `title` feature reads it.
pub fn title_value(rule: Option<&TitleRule>, rubric: &Rubric) -> f64 {
    match rule {
        None => rubric.model.untitled,
        Some(r) => match r.level {
            Some(level) => level.index() as f64,
            None => rubric.model.management,
        },
    }
}

/// The verdict a claim earns against a level known to be true: what a
/// calibration compares levelscan's check with.
pub fn verdict_for_level(rule: Option<&TitleRule>, truth: Level) -> ClaimCheck {
    let Some(rule) = rule.filter(|r| r.level.is_some() && !r.accepts.is_empty()) else {
        return ClaimCheck::Unknown;
    };
    if rule.accepts.contains(&truth) {
        ClaimCheck::Consistent
    } else if rule.accepts.iter().all(|a| *a > truth) {
        ClaimCheck::Overclaimed
    } else {
        ClaimCheck::Underclaimed
    }
}

/// The check of a claim against the model's probabilities, with why.
pub fn claim_check(
    rule: Option<&TitleRule>,
    p: &[f64; 5],
    evidence_items: usize,
    rules: &ClaimRules,
) -> (ClaimCheck, String) {
    let Some(rule) = rule else {
        return (ClaimCheck::Unknown, "no title found".into());
    };
    let (Some(_), Some(lo), Some(hi)) = (
        rule.level,
        rule.accepts.iter().min(),
        rule.accepts.iter().max(),
    ) else {
        return (
            ClaimCheck::Unknown,
            format!("a {} title claims no IC level", rule.claim),
        );
    };
    let below: f64 = p[..lo.index()].iter().sum();
    let above: f64 = p[hi.index() + 1..].iter().sum();
    let most = super::model::most_probable(p);
    let claim = &rule.claim;
    // Thin evidence can confirm a claim (it reads as a level the claim
    // accepts) but is no proof that the level is above or below it: an
    // accusation of overclaiming needs more than a short resume.
    if evidence_items < rules.min_evidence {
        return if (*lo..=*hi).contains(&most) {
            (
                ClaimCheck::Consistent,
                format!(
                    "the evidence reads {most}, which a {claim} claim accepts (only {evidence_items} evidence item(s))"
                ),
            )
        } else {
            (
                ClaimCheck::Unverified,
                format!(
                    "{evidence_items} evidence item(s), reading {most}: too little to judge the {claim} claim"
                ),
            )
        };
    }
    if below >= rules.overclaimed_probability {
        return (
            ClaimCheck::Overclaimed,
            format!(
                "the evidence reads {most}: {:.0}% likely below {lo}, the lowest level a {claim} claim accepts",
                below * 100.0
            ),
        );
    }
    if above >= rules.underclaimed_probability {
        return (
            ClaimCheck::Underclaimed,
            format!(
                "the evidence reads {most}: {:.0}% likely above {hi}, the highest level a {claim} claim accepts",
                above * 100.0
            ),
        );
    }
    if most >= *lo {
        (
            ClaimCheck::Consistent,
            format!("the evidence reads {most}, which a {claim} claim accepts"),
        )
    } else {
        (
            ClaimCheck::Unverified,
            format!(
                "the evidence reads {most}, below the {claim} claim, but only {:.0}% likely: not enough to call it overclaimed",
                below * 100.0
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::load_default;

    fn check(title: &str, p: [f64; 5], evidence_items: usize) -> ClaimCheck {
        let rubric = load_default().expect("default rubric loads");
        let rule = title_rule(title, &rubric);
        assert!(rule.is_some(), "a title rule claims {title:?}");
        claim_check(rule, &p, evidence_items, &rubric.claims).0
    }

    const READS_ENTRY: [f64; 5] = [0.95, 0.05, 0.0, 0.0, 0.0];
    const READS_SENIOR: [f64; 5] = [0.0, 0.1, 0.8, 0.1, 0.0];
    const READS_STAFF: [f64; 5] = [0.0, 0.0, 0.1, 0.85, 0.05];

    /// A short resume can still confirm its claim (a junior who writes
    /// little reads as the junior they say they are), but it proves nothing
    /// against the claim in either direction: the same readings with enough
    /// evidence are over- and underclaimed.
    #[test]
    fn thin_evidence_confirms_a_claim_but_never_refutes_it() {
        for (title, reading, items, verdict) in [
            ("Junior Developer", READS_ENTRY, 1, ClaimCheck::Consistent),
            ("Senior Engineer", READS_SENIOR, 2, ClaimCheck::Consistent),
            ("Staff Engineer", READS_ENTRY, 1, ClaimCheck::Unverified),
            ("Staff Engineer", READS_ENTRY, 8, ClaimCheck::Overclaimed),
            ("Junior Developer", READS_STAFF, 1, ClaimCheck::Unverified),
            ("Junior Developer", READS_STAFF, 8, ClaimCheck::Underclaimed),
        ] {
            assert_eq!(
                check(title, reading, items),
                verdict,
                "{title}, {items} items"
            );
        }
    }
}
