//! The whole assessment of one resume: a [`Document`] and a [`Rubric`] in,
//! one flat, serialisable [`Assessment`] out (segment → detect → classify).
//!
//! Pure and deterministic: no I/O, no clock, no hash-order iteration, so the
//! same document always gives the same assessment on any machine and thread
//! count. The candidate's name and email are carried for output only; no
//! stage scores them.

use serde::Serialize;

use crate::classify::{self, ClaimCheck, FamilyScore, FeatureValue};
use crate::detect::{self, Evidence, FlagHit};
use crate::document::Document;
use crate::jobfit::{self, JobContext, JobFit};
use crate::rubric::{FlagWhen, Level, Rubric};
use crate::segment::{self, Role, RoleKind, YearsSource};

/// Which ladder the resume is on: an individual contributor's, or an
/// engineering manager's (whose recent work is managing people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    Ic,
    Management,
}

/// Everything levelscan concludes about one resume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// On the IC ladder; for a manager, the IC level the evidence reads as.
    pub level: Level,
    pub track: Track,
    pub score: f64,
    pub confidence: f64,
    /// The model's probability of each IC level, entry first.
    pub probabilities: [f64; 5],
    /// One per rubric family, in rubric order.
    pub families: Vec<FamilyScore>,
    /// Each model feature's value and what it added to the score.
    pub features: Vec<FeatureValue>,
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
    /// Why the claim check says what it says.
    pub claim_reason: String,
    /// Engineering years, overlaps merged.
    pub years_experience: f64,
    /// Internships, co-ops and student jobs, kept apart.
    pub years_student: f64,
    /// Years in other careers, kept apart.
    pub years_other: f64,
    pub years_source: YearsSource,
    pub candidate: Option<String>,
    pub email: Option<String>,
    pub missing_for_next: Vec<String>,
    /// The dated roles the years come from, as read.
    pub roles: Vec<Role>,
    /// The resume against a job posting, when one was given (`--job`).
    pub job: Option<JobFit>,
}

impl Assessment {
    /// The level as reported: `management` for the management track.
    pub fn reported_level(&self) -> &'static str {
        match self.track {
            Track::Management => "management",
            Track::Ic => self.level.name(),
        }
    }
}

/// Assess one extracted resume against a rubric.
pub fn assess(doc: &Document, rubric: &Rubric) -> Assessment {
    assess_for_job(doc, rubric, None)
}

/// [`assess`], and with a posting, the resume matched against it
/// ([`Assessment::job`]).
pub fn assess_for_job(doc: &Document, rubric: &Rubric, job: Option<&JobContext>) -> Assessment {
    let seg = segment::segment(doc, rubric);
    let sentences = detect::sentences::sentences(doc, &seg);
    let found = detect::detect_in(doc, &seg, &sentences, rubric);

    // The most recent engineering (or management) role's title; the
    // headline or the summary's opening when no such role is dated, or when
    // the most recent role's title could not be read (an older role's title
    // is not the current claim). A career changer's last job outside
    // engineering is not their claim.
    let mut recent: Vec<(usize, &Role)> = seg
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind != RoleKind::Other)
        .collect();
    recent.sort_by(|(i, a), (j, b)| (b.end, b.start, *i).cmp(&(a.end, a.start, *j)));
    let latest_titled = recent.iter().find(|(_, r)| !r.title.is_empty());
    let claimed_title = match (recent.first(), latest_titled) {
        (Some((_, first)), Some((_, titled)))
            if !first.title.is_empty() || seg.headline.is_none() =>
        {
            Some(titled.title.clone())
        }
        _ => seg
            .headline
            .clone()
            .or_else(|| latest_titled.map(|(_, r)| r.title.clone())),
    };
    let rule = claimed_title
        .as_deref()
        .and_then(|t| classify::title_rule(t, rubric));
    let title = classify::title_value(rule, rubric);

    let class = classify::classify(&found.evidence, seg.years_engineering, title, rubric);
    let (claim_check, claim_reason) = classify::claim_check(
        rule,
        &class.probabilities,
        found.evidence.len(),
        &rubric.claims,
    );
    // A management title on the current role puts the resume on the
    // management ladder: its IC level is still shown in `explain`.
    let track = if rule.is_some_and(|r| r.level.is_none()) {
        Track::Management
    } else {
        Track::Ic
    };

    let mut flag_evidence = found.flags.clone();
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

    let job = job.map(|ctx| {
        jobfit::match_job(
            doc,
            &seg,
            &sentences,
            class.level,
            seg.years_engineering,
            ctx,
        )
    });

    Assessment {
        level: class.level,
        track,
        score: class.score,
        confidence: class.confidence,
        probabilities: class.probabilities.map(classify::round2),
        families: class.families,
        features: class.features,
        evidence: found.evidence,
        flags,
        flag_evidence,
        claimed_title,
        claimed_level: classify::claimed_level(rule),
        claim_check,
        claim_reason,
        years_experience: seg.years_engineering,
        years_student: seg.years_student,
        years_other: seg.years_other,
        years_source: seg.years_source,
        candidate: seg.candidate,
        email: seg.email,
        missing_for_next: class.missing_for_next,
        roles: seg.roles,
        job,
    }
}
