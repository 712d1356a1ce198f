//! The whole assessment of one resume: a [`Document`] and a [`Rubric`] in,
//! one flat, serialisable [`Assessment`] out (segment → detect → classify).
//!
//! Pure and deterministic: no I/O, no clock, no hash-order iteration, so the
//! same document always gives the same assessment on any machine and thread
//! count. The candidate's name and email are carried for output only; no
//! stage scores them.

use serde::Serialize;

use crate::classify::{self, ClaimCheck, FamilyScore};
use crate::detect::{self, Evidence, FlagHit};
use crate::document::Document;
use crate::rubric::{FlagWhen, Level, Rubric};
use crate::segment::{self, Role, RoleKind, YearsSource};

/// Everything levelscan concludes about one resume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub level: Level,
    pub score: f64,
    pub confidence: f64,
    /// One per rubric family, in rubric order.
    pub families: Vec<FamilyScore>,
    /// Counted evidence, family by family, strongest first.
    pub evidence: Vec<Evidence>,
    /// Flag names, sorted and unique.
    pub flags: Vec<String>,
    /// Each flag with the sentence that raised it.
    pub flag_evidence: Vec<FlagHit>,
    pub claimed_title: Option<String>,
    /// A level name, `management`, or none when no title was found.
    pub claimed_level: Option<String>,
    pub claim_check: ClaimCheck,
    /// Engineering years, overlaps merged.
    pub years_experience: f64,
    /// Internships, co-ops and student jobs, kept apart.
    pub years_student: f64,
    /// Years in other careers, kept apart.
    pub years_other: f64,
    pub years_source: YearsSource,
    /// Points the years prior added to the score.
    pub years_points: f64,
    pub candidate: Option<String>,
    pub email: Option<String>,
    pub missing_for_next: Vec<String>,
    /// The dated roles the years come from, as read.
    pub roles: Vec<Role>,
}

/// Assess one extracted resume against a rubric.
pub fn assess(doc: &Document, rubric: &Rubric) -> Assessment {
    let seg = segment::segment(doc, rubric);
    let found = detect::detect(doc, &seg, rubric);
    let mut class = classify::classify(&found.evidence, seg.years_engineering, rubric);

    // Staff-scope vocabulary over entry or mid evidence is a claim, not
    // evidence: the sentences that carry it are set aside and the level is
    // decided again from the rest.
    let vocabulary: Vec<&FlagHit> = found
        .pending_flags
        .iter()
        .filter(|p| p.when == FlagWhen::AssessedAtMostMid && class.level <= Level::Mid)
        .map(|p| &p.hit)
        .collect();
    if !vocabulary.is_empty() {
        let rest: Vec<Evidence> = class
            .evidence
            .iter()
            .filter(|e| !vocabulary.iter().any(|v| v.quote == e.quote))
            .cloned()
            .collect();
        let mut again = classify::classify(&rest, seg.years_engineering, rubric);
        again.set_aside.extend(
            class
                .evidence
                .iter()
                .filter(|e| vocabulary.iter().any(|v| v.quote == e.quote))
                .cloned(),
        );
        again.set_aside.extend(class.set_aside.iter().cloned());
        class = again;
    }

    let mut flag_evidence = found.flags.clone();
    for e in &class.set_aside {
        flag_evidence.push(FlagHit {
            flag: "vocabulary_mismatch".into(),
            quote: e.quote.clone(),
            page: e.page,
            line: e.line,
        });
    }
    for p in &found.pending_flags {
        if p.when == FlagWhen::AssessedAtMostMid && class.level <= Level::Mid {
            flag_evidence.push(p.hit.clone());
        }
    }
    flag_evidence.sort_by(|a, b| {
        (a.page, a.line, &a.flag, &a.quote).cmp(&(b.page, b.line, &b.flag, &b.quote))
    });
    flag_evidence.dedup_by(|a, b| a.flag == b.flag && a.quote == b.quote);
    let mut flags: Vec<String> = flag_evidence.iter().map(|f| f.flag.clone()).collect();
    flags.sort();
    flags.dedup();

    // The most recent engineering (or management) role's title; the
    // headline or the summary's opening when no such role is dated. A
    // career changer's last job outside engineering is not their claim.
    let latest = seg
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.title.is_empty() && r.kind != RoleKind::Other)
        .max_by(|(i, a), (j, b)| {
            (a.end, a.start, std::cmp::Reverse(*i)).cmp(&(b.end, b.start, std::cmp::Reverse(*j)))
        })
        .map(|(_, r)| r.title.clone());
    let claimed_title = latest.or_else(|| seg.headline.clone());
    let rule = claimed_title
        .as_deref()
        .and_then(|t| classify::title_rule(t, rubric));

    Assessment {
        level: class.level,
        score: class.score,
        confidence: class.confidence,
        families: class.families,
        evidence: class.evidence,
        flags,
        flag_evidence,
        claimed_title,
        claimed_level: classify::claimed_level(rule),
        claim_check: classify::claim_check(rule, class.level),
        years_experience: seg.years_engineering,
        years_student: seg.years_student,
        years_other: seg.years_other,
        years_source: seg.years_source,
        years_points: class.years_points,
        candidate: seg.candidate,
        email: seg.email,
        missing_for_next: class.missing_for_next,
        roles: seg.roles,
    }
}
