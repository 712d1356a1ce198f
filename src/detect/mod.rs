//! Detection: a document, its segmentation and the rubric in; evidence items
//! and anti-signal flags out.
//!
//! Each evidence item names its family and signal, its weight after the
//! section, list and context factors, and the verbatim sentence it comes
//! from with its page and line. One sentence may feed several families;
//! each signal counts only its strongest `max_hits` items, so a long resume
//! does not outrank a dense one by volume. Hidden text is never read here:
//! only the document's visible lines are. Output order is fixed (rubric
//! order, then weight, then place), never hash order.

pub mod metrics;
pub mod sentences;

use serde::Serialize;

use crate::document::Document;
use crate::extract::is_tech_word;
use crate::rubric::{Context, FlagWhen, Rubric, SectionKind};
use crate::segment::{RoleKind, Segmented};
use sentences::Sentence;

/// One reason for the level, quoted from the resume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub family: String,
    pub signal: String,
    /// Weight after section, list and context factors, rounded to 0.01.
    pub weight: f64,
    /// The sentence, verbatim (whitespace normalised).
    pub quote: String,
    pub page: u32,
    pub line: u32,
    pub section: SectionKind,
    /// What matched: the phrase, or the normalised number ("28,000/s").
    pub detail: String,
    /// Whether the sentence is an achievement (owns or ships something, or
    /// carries a number), as opposed to a bare mention.
    pub achievement: bool,
}

/// An anti-signal, with the sentence that raised it when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlagHit {
    pub flag: String,
    pub quote: String,
    pub page: u32,
    pub line: u32,
}

/// A flag that depends on the assessed level, decided by `classify`.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingFlag {
    pub hit: FlagHit,
    pub when: FlagWhen,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// Counted evidence, in rubric family order, strongest first.
    pub evidence: Vec<Evidence>,
    /// Flags decided now.
    pub flags: Vec<FlagHit>,
    /// Flags that wait for the level (vocabulary above the evidence).
    pub pending_flags: Vec<PendingFlag>,
    /// Items found before caps, for "how much evidence backs this".
    pub found_before_caps: usize,
}

struct Candidate {
    evidence: Evidence,
    family: usize,
    /// Signal index in a combined list: signals first, then metrics.
    rule: usize,
    max_hits: usize,
    order: usize,
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Find the evidence and flags in one document.
pub fn detect(doc: &Document, seg: &Segmented, rubric: &Rubric) -> Detection {
    detect_in(doc, seg, &sentences::sentences(doc, seg), rubric)
}

/// [`detect`] over the document's sentences, already split (`--job` reads
/// them too).
pub fn detect_in(
    doc: &Document,
    seg: &Segmented,
    sentences: &[sentences::Sentence],
    rubric: &Rubric,
) -> Detection {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut flags: Vec<FlagHit> = Vec::new();
    let mut pending: Vec<PendingFlag> = Vec::new();
    let mut umbrella: Vec<(usize, FlagHit)> = Vec::new();
    // A summary-only resume has nothing but its summary to show: weigh it
    // as the experience it stands for.
    let has_experience = seg
        .lines
        .iter()
        .any(|l| l.section == SectionKind::Experience && !l.heading);
    let section_weight = |kind: SectionKind| {
        if kind == SectionKind::Summary && !has_experience {
            rubric.sections.get(SectionKind::Experience)
        } else {
            rubric.sections.get(kind)
        }
    };

    for (order, s) in sentences.iter().enumerate() {
        // The header's short lines (name, contact, headline) hold titles,
        // not achievements: "Tech Lead" is a claim, not evidence of leading.
        let short_header =
            s.section == SectionKind::Header && s.text.split_whitespace().count() < 8;
        let numbers = metrics::Numbers::of(&s.text);
        let in_context = numbers.contexts(&rubric.metric_contexts);
        let metric_hits: Vec<(usize, metrics::MetricHit, f64)> = rubric
            .metrics
            .iter()
            .enumerate()
            .filter_map(|(m, metric)| {
                metrics::read_numbers(&numbers, metric, in_context[m])
                    .into_iter()
                    .map(|h| {
                        let w = metric.weight_for(h.value)
                            + if h.improvement.is_some() {
                                metric.improvement_weight
                            } else {
                                0.0
                            };
                        (m, h, w)
                    })
                    .filter(|(_, _, w)| *w > 0.0)
                    .max_by(|a, b| a.2.total_cmp(&b.2))
            })
            .collect();
        let may_match = rubric.candidates(&s.text);
        let signal_hits: Vec<(usize, String)> = rubric
            .signals
            .iter()
            .enumerate()
            .filter(|(k, _)| may_match.signal(*k))
            .filter_map(|(k, sig)| {
                let found = sig.bounds.find(&sig.regex, &s.text)?;
                Some((k, s.text[found].to_string()))
            })
            .collect();
        let achievement = !metric_hits.is_empty()
            || signal_hits.iter().any(|(k, _)| {
                rubric
                    .scoring
                    .achievement_signals
                    .contains(&rubric.signals[*k].id)
            });
        // The role a bullet sits under: the last job line above it.
        let under_other_career = seg
            .roles
            .iter()
            .rev()
            .find(|r| r.first_line <= s.line_index)
            .is_some_and(|r| r.kind == RoleKind::Other && s.section == SectionKind::Experience);
        let career = if under_other_career {
            rubric.scoring.other_career_factor
        } else {
            1.0
        };
        let place = career
            * section_weight(s.section)
            * if s.list_items > 0 {
                rubric.scoring.list_line_factor
            } else {
                1.0
            };

        if !short_header {
            for (k, matched) in &signal_hits {
                let sig = &rubric.signals[*k];
                let context = if sig.context == Context::Achievement && !achievement {
                    rubric.scoring.bare_mention_factor
                } else {
                    1.0
                };
                let weight = round2(sig.weight * place * context);
                if weight <= 0.0 {
                    continue;
                }
                candidates.push(Candidate {
                    evidence: evidence(
                        rubric,
                        sig.family,
                        &sig.id,
                        weight,
                        s,
                        matched.clone(),
                        achievement,
                    ),
                    family: sig.family,
                    rule: *k,
                    max_hits: sig.max_hits,
                    order,
                });
            }
            for (m, hit, w) in &metric_hits {
                let metric = &rubric.metrics[*m];
                let weight = round2(w * place);
                if weight <= 0.0 {
                    continue;
                }
                candidates.push(Candidate {
                    evidence: evidence(
                        rubric,
                        metric.family,
                        &metric.id,
                        weight,
                        s,
                        hit.detail.clone(),
                        true,
                    ),
                    family: metric.family,
                    rule: rubric.signals.len() + m,
                    max_hits: metric.max_hits,
                    order,
                });
            }
        }

        for (k, rule) in rubric.flags.iter().enumerate() {
            if !rule.sections.is_empty() && !rule.sections.contains(&s.section) {
                continue;
            }
            if !may_match.flag(k) || !rule.bounds.is_match(&rule.regex, &s.text) {
                continue;
            }
            let hit = FlagHit {
                flag: rule.id.clone(),
                quote: s.text.clone(),
                page: s.page,
                line: s.line,
            };
            match rule.when {
                FlagWhen::Always => match rule.unless_family {
                    Some(f) => umbrella.push((f, hit)),
                    None => flags.push(hit),
                },
                FlagWhen::NoMetricInSentence => {
                    if metric_hits.is_empty() {
                        flags.push(hit);
                    }
                }
                FlagWhen::AssessedAtMostMid => pending.push(PendingFlag {
                    hit,
                    when: rule.when,
                }),
            }
        }
    }

    candidates.retain(|c| c.evidence.weight >= rubric.scoring.min_item_weight);
    let found_before_caps = candidates.len();
    let evidence = apply_caps(candidates);

    // Umbrella words are forgiven when the same family has real evidence
    // from an achievement sentence.
    for (family, hit) in umbrella {
        let backed = evidence
            .iter()
            .any(|e| e.achievement && rubric.family_index(&e.family) == Some(family));
        if !backed {
            flags.push(hit);
        }
    }
    for (i, info) in seg.lines.iter().enumerate() {
        if info.list_items >= rubric.scoring.tool_stuffing_min_items {
            let line = &doc.lines[i];
            flags.push(FlagHit {
                flag: "tool_stuffing".into(),
                quote: line.text.clone(),
                page: line.page,
                line: line.line,
            });
        }
    }
    if let Some(hit) = hidden_text_flag(doc, rubric) {
        flags.push(hit);
    }
    flags.sort_by(|a, b| {
        (a.page, a.line, &a.flag, &a.quote).cmp(&(b.page, b.line, &b.flag, &b.quote))
    });
    flags.dedup_by(|a, b| a.flag == b.flag && a.quote == b.quote);

    Detection {
        evidence,
        flags,
        pending_flags: pending,
        found_before_caps,
    }
}

/// Words in one hidden run that make it read as stuffing rather than
/// leftovers: a screener counts keywords, and a phrase of this many words
/// says something.
const HIDDEN_RUN_WORDS: usize = 4;

/// The `hidden_text` flag, raised only for hidden text that could game a
/// screener — a run matching a rubric signal, naming an engineering skill,
/// or holding a phrase of several words — with that text as its quote, so
/// a recruiter can judge. The flag accuses the candidate of stuffing
/// keywords: leftovers a builder or a layout left out of sight (four tiny
/// "N/A" strings, an off-page page number, the ends of letters cut off by
/// a box, a heading's hidden twin of a phrase the page shows anyway) are
/// no such thing, and hidden text is never evidence either way.
fn hidden_text_flag(doc: &Document, rubric: &Rubric) -> Option<FlagHit> {
    if doc.hidden.is_empty() {
        return None;
    }
    let visible = normalised(&doc.plain_text());
    let gaming: Vec<&crate::document::HiddenText> = doc
        .hidden
        .iter()
        .filter(|h| !visible.contains(&normalised(&h.text)))
        .filter(|h| could_game_a_screener(&h.text, rubric))
        .collect();
    let first = gaming.first()?;
    let text: Vec<&str> = gaming.iter().map(|h| h.text.as_str()).collect();
    Some(FlagHit {
        flag: "hidden_text".into(),
        quote: text.join(" / "),
        page: first.page,
        line: 0,
    })
}

/// Lower case, whitespace collapsed to single spaces.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn could_game_a_screener(text: &str, rubric: &Rubric) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(str::to_lowercase)
        .collect();
    if words.len() >= HIDDEN_RUN_WORDS || words.iter().any(|w| is_tech_word(w)) {
        return true;
    }
    let may_match = rubric.candidates(text);
    rubric
        .signals
        .iter()
        .enumerate()
        .any(|(k, sig)| may_match.signal(k) && sig.bounds.find(&sig.regex, text).is_some())
}

fn evidence(
    rubric: &Rubric,
    family: usize,
    signal: &str,
    weight: f64,
    s: &Sentence,
    detail: String,
    achievement: bool,
) -> Evidence {
    Evidence {
        family: rubric.families[family].id.clone(),
        signal: signal.to_string(),
        weight,
        quote: s.text.clone(),
        page: s.page,
        line: s.line,
        section: s.section,
        detail,
        achievement,
    }
}

/// Keep each rule's strongest `max_hits` items, one per sentence and rule,
/// the same quote counted once per rule; then order by family (rubric
/// order), weight, place.
fn apply_caps(mut candidates: Vec<Candidate>) -> Vec<Evidence> {
    candidates.sort_by(|a, b| {
        a.rule
            .cmp(&b.rule)
            .then(b.evidence.weight.total_cmp(&a.evidence.weight))
            .then(a.order.cmp(&b.order))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    let mut count_for_rule = 0;
    let mut last_rule = usize::MAX;
    for c in candidates {
        if c.rule != last_rule {
            last_rule = c.rule;
            count_for_rule = 0;
        }
        let duplicate = kept
            .iter()
            .any(|k| k.rule == c.rule && k.evidence.quote == c.evidence.quote);
        if duplicate || count_for_rule >= c.max_hits {
            continue;
        }
        count_for_rule += 1;
        kept.push(c);
    }
    kept.sort_by(|a, b| {
        a.family
            .cmp(&b.family)
            .then(b.evidence.weight.total_cmp(&a.evidence.weight))
            .then(a.order.cmp(&b.order))
            .then(a.rule.cmp(&b.rule))
    });
    kept.into_iter().map(|c| c.evidence).collect()
}
