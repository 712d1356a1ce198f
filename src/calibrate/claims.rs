//! Claim-check agreement, for labels with a `claimed` column: the claim
//! the team knows (a level name, `management`, or a title rule's claim such
//! as `lead` or `intern`), the true level and what levelscan reported in;
//! two figures out.
//!
//! - *Claim read*: levelscan's claimed level equals the labelled claim's
//!   level (it read the title right).
//! - *Verdict*: levelscan's claim check (consistent, overclaimed,
//!   underclaimed, unknown) equals the verdict the rubric's own title rule
//!   gives for the labelled claim against the true level.
//!
//! A claim no title rule knows is listed, never guessed at.

use crate::classify::{claim_check, claimed_level};
use crate::rubric::{Level, Rubric, TitleRule};

/// One labelled claim beside what levelscan reported.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCase {
    pub file: String,
    pub line: usize,
    pub truth: Level,
    /// The labelled claim, lower case.
    pub claimed: String,
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
    pub read_right: usize,
    pub verdict_right: usize,
    pub misses: Vec<ClaimMiss>,
    /// (line, claim) of claims no title rule knows.
    pub unknown: Vec<(usize, String)>,
}

/// The title rule a labelled claim stands for: the rule of that claim
/// name, or for a bare level name the first rule claiming that level.
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
        let expected_verdict = claim_check(Some(rule), c.truth).name().to_string();
        let read = c.read.clone().unwrap_or_default();
        let read_ok = read == expected_read;
        let verdict_ok = c.verdict == expected_verdict;
        out.read_right += usize::from(read_ok);
        out.verdict_right += usize::from(verdict_ok);
        if !read_ok || !verdict_ok {
            out.misses.push(ClaimMiss {
                file: c.file.clone(),
                claimed: c.claimed.clone(),
                expected_read,
                read,
                expected_verdict,
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
            // levelscan said consistent (it assessed mid).
            case(Level::Staff, "mid", Some("mid"), "consistent"),
            case(Level::Senior, "management", Some("management"), "unknown"),
            case(Level::Senior, "wizard", None, "unknown"),
            // A bare level name is the claim that reports it.
            case(Level::Entry, "entry", Some("entry"), "consistent"),
        ];
        let a = agreement(&cases, &rubric);
        assert_eq!(a.n, 5);
        assert_eq!(a.read_right, 5);
        assert_eq!(a.verdict_right, 4);
        assert_eq!(a.misses.len(), 1);
        assert_eq!(a.misses[0].expected_verdict, "underclaimed");
        assert_eq!(a.unknown, vec![(2, "wizard".to_string())]);
    }
}
