//! Classification: evidence, years and the rubric in; a level, a score, a
//! confidence, the claimed level and the claim check out, with what is
//! missing for the next level up.
//!
//! The score is the sum of each family's capped evidence, weighted, plus a
//! small prior for engineering years that only counts once the evidence
//! itself reaches a floor — years never decide a level alone. A level needs
//! its threshold and every gate of its own and the levels below it. This
//! must never read names, schools or anything else about the person.

use serde::Serialize;

use crate::detect::Evidence;
use crate::rubric::{Gate, Level, Rubric, TitleRule};

/// One family's contribution, in rubric order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyScore {
    pub family: String,
    /// Capped and weighted.
    pub score: f64,
    /// Evidence items counted for the family.
    pub evidence: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The evidence that counted.
    pub evidence: Vec<Evidence>,
    /// Evidence from signals that need a level the rest of the resume does
    /// not reach (staff-scope words over entry evidence): shown, not scored.
    pub set_aside: Vec<Evidence>,
    pub level: Level,
    pub score: f64,
    pub confidence: f64,
    pub families: Vec<FamilyScore>,
    pub years_points: f64,
    /// "staff needs: … — none found", for the level above.
    pub missing_for_next: Vec<String>,
}

/// How the claimed level compares with the assessed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimCheck {
    Consistent,
    Overclaimed,
    Underclaimed,
    Unknown,
}

impl ClaimCheck {
    pub fn name(self) -> &'static str {
        match self {
            ClaimCheck::Consistent => "consistent",
            ClaimCheck::Overclaimed => "overclaimed",
            ClaimCheck::Underclaimed => "underclaimed",
            ClaimCheck::Unknown => "unknown",
        }
    }
}

fn round2(v: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0 so output never shows "-0".
    (v * 100.0).round() / 100.0 + 0.0
}

fn matches_gate(gate: &Gate, e: &Evidence, rubric: &Rubric) -> bool {
    gate.signals.contains(&e.signal)
        || rubric
            .family_index(&e.family)
            .is_some_and(|f| gate.families.contains(&f))
}

/// (count, total weight) of the evidence a gate looks for.
fn gate_found(gate: &Gate, evidence: &[Evidence], rubric: &Rubric) -> (usize, f64) {
    evidence
        .iter()
        .filter(|e| matches_gate(gate, e, rubric))
        .fold((0, 0.0), |(n, w), e| (n + 1, w + e.weight))
}

fn gate_met(gate: &Gate, evidence: &[Evidence], rubric: &Rubric) -> bool {
    let (n, w) = gate_found(gate, evidence, rubric);
    n >= gate.min_count && w + 1e-9 >= gate.min_weight
}

fn needs_level(e: &Evidence, rubric: &Rubric) -> Option<Level> {
    rubric
        .signals
        .iter()
        .find(|s| s.id == e.signal)
        .and_then(|s| s.needs_level)
}

/// Score the evidence and decide the level. Signals that need a level count
/// only when the other evidence reaches it on its own, or the engineering
/// years make the claim plausible.
pub fn classify(evidence: &[Evidence], years_engineering: f64, rubric: &Rubric) -> Classification {
    let base: Vec<Evidence> = evidence
        .iter()
        .filter(|e| needs_level(e, rubric).is_none())
        .cloned()
        .collect();
    let base_level = score_and_level(&base, years_engineering, rubric).2;
    let (kept, set_aside): (Vec<Evidence>, Vec<Evidence>) =
        evidence.iter().cloned().partition(|e| {
            needs_level(e, rubric)
                .is_none_or(|l| base_level >= l || years_engineering >= rubric.years.scope_years)
        });
    let (families, score, level, held_by_gate, years_points) =
        score_and_level(&kept, years_engineering, rubric);
    let confidence = confidence(score, level, held_by_gate, kept.len(), rubric);
    let missing_for_next = missing_for_next(level, score, &kept, rubric);
    Classification {
        evidence: kept,
        set_aside,
        level,
        score,
        confidence,
        families,
        years_points: round2(years_points),
        missing_for_next,
    }
}

type Scored = (Vec<FamilyScore>, f64, Level, bool, f64);

fn score_and_level(evidence: &[Evidence], years_engineering: f64, rubric: &Rubric) -> Scored {
    let families: Vec<FamilyScore> = rubric
        .families
        .iter()
        .map(|f| {
            let items: Vec<&Evidence> = evidence.iter().filter(|e| e.family == f.id).collect();
            let raw: f64 = items.iter().map(|e| e.weight).sum();
            FamilyScore {
                family: f.id.clone(),
                score: round2(raw.min(f.cap) * f.weight),
                evidence: items.len(),
            }
        })
        .collect();
    let evidence_score: f64 = families.iter().map(|f| f.score).sum();
    let years_points = if evidence_score >= rubric.years.min_evidence_score {
        (years_engineering.max(0.0) * rubric.years.points_per_year).min(rubric.years.max_points)
    } else {
        0.0
    };
    let score = round2(evidence_score + years_points);

    let mut level = Level::Entry;
    let mut held_by_gate = false;
    for rule in rubric.levels.iter().skip(1) {
        if score < rule.min_score {
            break;
        }
        if !rule.gates.iter().all(|g| gate_met(g, evidence, rubric)) {
            held_by_gate = true;
            break;
        }
        level = rule.level;
    }
    (families, score, level, held_by_gate, years_points)
}

/// Which levels' own gates the evidence meets, lowest level first (entry
/// has no gates, so it is always met). Evidence comes as (family, signal,
/// weight) triples, the part of an item a gate reads, so calibration can
/// re-classify reported evidence under other thresholds without reading the
/// resume again.
pub fn gates_met_by_level(evidence: &[(&str, &str, f64)], rubric: &Rubric) -> Vec<bool> {
    rubric
        .levels
        .iter()
        .map(|rule| {
            rule.gates.iter().all(|gate| {
                let (n, w) = evidence
                    .iter()
                    .filter(|(family, signal, _)| {
                        gate.signals.iter().any(|s| s == signal)
                            || rubric
                                .family_index(family)
                                .is_some_and(|f| gate.families.contains(&f))
                    })
                    .fold((0, 0.0), |(n, w), (_, _, weight)| (n + 1, w + weight));
                n >= gate.min_count && w + 1e-9 >= gate.min_weight
            })
        })
        .collect()
}

/// The level a score reaches under `thresholds` (each level's min_score,
/// lowest first) when `gates_met` says which levels' gates hold: the same
/// walk as [`classify`], for trying other thresholds cheaply.
pub fn level_for(score: f64, thresholds: &[f64], gates_met: &[bool]) -> Level {
    let mut level = Level::Entry;
    for next in Level::ALL.into_iter().skip(1) {
        let i = next.index();
        let reached = thresholds.get(i).is_some_and(|t| score >= *t);
        if !reached || !gates_met.get(i).copied().unwrap_or(false) {
            break;
        }
        level = next;
    }
    level
}

/// 0..1: how far the score sits inside its level's band, and how much
/// evidence backs it. A level held down by a gate is firm on that side.
fn confidence(score: f64, level: Level, held_by_gate: bool, items: usize, rubric: &Rubric) -> f64 {
    let lo = rubric.level_rule(level).min_score;
    let hi = level.next().map(|n| rubric.level_rule(n).min_score);
    let width = match hi {
        Some(hi) => hi - lo,
        None => lo - rubric.levels[level.index().saturating_sub(1)].min_score,
    }
    .max(1.0);
    let from_lo = if level == Level::Entry {
        width
    } else {
        score - lo
    };
    let from_hi = match hi {
        Some(hi) if !held_by_gate => hi - score,
        _ => width,
    };
    let margin = (from_lo.min(from_hi) / (width / 2.0)).clamp(0.0, 1.0);
    let amount = (items as f64 / 10.0).min(1.0);
    round2((0.6 * margin + 0.4 * amount).clamp(0.05, 0.99))
}

fn missing_for_next(
    level: Level,
    score: f64,
    evidence: &[Evidence],
    rubric: &Rubric,
) -> Vec<String> {
    let Some(next) = level.next() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let rule = rubric.level_rule(next);
    if score < rule.min_score {
        out.push(format!(
            "{next} needs: a score of {} — now {}",
            rule.min_score, score
        ));
    }
    for l in rubric.levels.iter().skip(1).take(next.index()) {
        for gate in &l.gates {
            if gate_met(gate, evidence, rubric) {
                continue;
            }
            let (n, w) = gate_found(gate, evidence, rubric);
            let found = if n == 0 {
                "none found".to_string()
            } else if n < gate.min_count {
                format!("found {n}, needs {}", gate.min_count)
            } else {
                format!("found weight {}, needs {}", round2(w), gate.min_weight)
            };
            out.push(format!("{next} needs: {} — {found}", gate.need));
        }
    }
    out
}

/// The title rule a title matches, first rule first.
pub fn title_rule<'r>(title: &str, rubric: &'r Rubric) -> Option<&'r TitleRule> {
    rubric.titles.iter().find(|t| t.regex.is_match(title))
}

/// The claimed level as reported: a level name or `management`.
pub fn claimed_level(rule: Option<&TitleRule>) -> Option<String> {
    Some(rule?.report.clone())
}

/// Compare the claim with the assessed level.
pub fn claim_check(rule: Option<&TitleRule>, assessed: Level) -> ClaimCheck {
    let Some(rule) = rule else {
        return ClaimCheck::Unknown;
    };
    if rule.level.is_none() || rule.accepts.is_empty() {
        return ClaimCheck::Unknown;
    }
    if rule.accepts.contains(&assessed) {
        ClaimCheck::Consistent
    } else if rule.accepts.iter().all(|a| *a > assessed) {
        ClaimCheck::Overclaimed
    } else {
        ClaimCheck::Underclaimed
    }
}
