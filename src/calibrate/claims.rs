//! Claim-check agreement: for each IC-labelled resume with a claim (the
//! `claimed` column, else the level levelscan read from the title), the
//! true level and levelscan's verdict in; how often the verdict is the one
//! the true level gives, and how often "overclaimed" accused someone the
//! label puts at or above the claim.
//!
//! - *Claim read* (labelled claims only): levelscan's claimed level equals
//!   the labelled claim's level (it read the title right).
//! - *Verdict*: levelscan's claim check equals the verdict the rubric's own
//!   title rule gives the claim against the true level. "unverified" agrees
//!   with nothing: it is counted apart, as an answer withheld.
//! - *False overclaimed*: "overclaimed" where the true level is one the
//!   claim accepts, or above — a candidate wrongly accused.
//!
//! A claim no title rule knows is listed, never guessed at.

use crate::classify::{ClaimCheck, claimed_level, verdict_for_level};
use crate::rubric::{Level, Rubric, TitleRule};

/// One claim beside what levelscan reported.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCase {
    pub file: String,
    pub line: usize,
    pub truth: Level,
    /// The claim, lower case: the labelled one, else levelscan's reading.
    pub claimed: String,
    /// Whether `claimed` comes from the labels file.
    pub labelled_claim: bool,
    /// levelscan's claimed level (`management`, a level name, or none).
    pub read: Option<String>,
    /// levelscan's claim check.
    pub verdict: String,
}

/// A disagreement, for the printed list.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMiss {
    pub file: String,
    pub claimed: String,
    pub expected_read: String,
    pub read: String,
    pub expected_verdict: String,
    pub verdict: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimAgreement {
    /// Cases with a claim a title rule knows.
    pub n: usize,
    /// Cases whose claim comes from the labels file, and how many of them
    /// levelscan read right.
    pub labelled: usize,
    pub read_right: usize,
    pub verdict_right: usize,
    /// "unverified" verdicts: answers withheld.
    pub unverified: usize,
    /// "overclaimed" verdicts, and those the true level contradicts.
    pub overclaimed: usize,
    pub false_overclaimed: usize,
    pub misses: Vec<ClaimMiss>,
    /// (line, claim) of claims no title rule knows.
    pub unknown: Vec<(usize, String)>,
}

/// The title rule a claim stands for: the rule of that claim name, or for a
/// bare level name the first rule claiming that level.
pub fn rule_for_claim<'r>(claim: &str, rubric: &'r Rubric) -> Option<&'r TitleRule> {
    if let Some(rule) = rubric.titles.iter().find(|t| t.claim == claim) {
        return Some(rule);
    }
    if claim == "management" {
        return rubric.titles.iter().find(|t| t.level.is_none());
    }
    // A bare level name stands for the rule that reports that name ("entry"
    // for junior titles, not the intern rule, which also maps to entry).
    let level = Level::from_name(claim)?;
    rubric
        .titles
        .iter()
        .find(|t| t.level == Some(level) && t.report == claim)
        .or_else(|| rubric.titles.iter().find(|t| t.level == Some(level)))
}

pub fn agreement(cases: &[ClaimCase], rubric: &Rubric) -> ClaimAgreement {
    let mut out = ClaimAgreement::default();
    for c in cases {
        let Some(rule) = rule_for_claim(&c.claimed, rubric) else {
            out.unknown.push((c.line, c.claimed.clone()));
            continue;
        };
        out.n += 1;
        let expected_read = claimed_level(Some(rule)).unwrap_or_default();
        let expected = verdict_for_level(Some(rule), c.truth);
        let read = c.read.clone().unwrap_or_default();
        let read_ok = !c.labelled_claim || read == expected_read;
        let verdict_ok = c.verdict == expected.name();
        if c.labelled_claim {
            out.labelled += 1;
            out.read_right += usize::from(read_ok);
        }
        out.verdict_right += usize::from(verdict_ok);
        out.unverified += usize::from(c.verdict == ClaimCheck::Unverified.name());
        if c.verdict == ClaimCheck::Overclaimed.name() {
            out.overclaimed += 1;
            out.false_overclaimed += usize::from(expected != ClaimCheck::Overclaimed);
        }
        if !read_ok || !verdict_ok {
            out.misses.push(ClaimMiss {
                file: c.file.clone(),
                claimed: c.claimed.clone(),
                expected_read,
                read,
                expected_verdict: expected.name().to_string(),
                verdict: c.verdict.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::load_default;

    fn case(truth: Level, claimed: &str, read: Option<&str>, verdict: &str) -> ClaimCase {
        ClaimCase {
            file: format!("{claimed}.md"),
            line: 2,
            truth,
            claimed: claimed.into(),
            labelled_claim: true,
            read: read.map(String::from),
            verdict: verdict.into(),
        }
    }

    #[test]
    fn claims_by_name_level_and_management() {
        let rubric = load_default().unwrap();
        let cases = vec![
            // A senior title on a mid: overclaimed, read right.
            case(Level::Mid, "senior", Some("senior"), "overclaimed"),
            // An intern title is reported as the intern claim.
            case(Level::Entry, "intern", Some("intern"), "consistent"),
            // A plain engineer title on a staff: underclaimed, but
            // levelscan said consistent.
            case(Level::Staff, "mid", Some("mid"), "consistent"),
            case(Level::Senior, "management", Some("management"), "unknown"),
            case(Level::Senior, "wizard", None, "unknown"),
            // A bare level name is the claim that reports it.
            case(Level::Entry, "entry", Some("entry"), "consistent"),
            // A senior accused though the label says senior: false.
            case(Level::Senior, "senior", Some("senior"), "overclaimed"),
            // Withheld: counted apart, not agreeing.
            case(Level::Senior, "senior", Some("senior"), "unverified"),
        ];
        let a = agreement(&cases, &rubric);
        assert_eq!(a.n, 7);
        assert_eq!(a.read_right, 7);
        assert_eq!(a.verdict_right, 4);
        assert_eq!(a.overclaimed, 2);
        assert_eq!(a.false_overclaimed, 1);
        assert_eq!(a.unverified, 1);
        assert_eq!(a.misses[0].expected_verdict, "underclaimed");
        assert_eq!(a.unknown, vec![(2, "wizard".to_string())]);
    }
}
