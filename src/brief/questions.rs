//! Which questions a brief asks: five to eight, each tied to a gap (an
//! expectation of the target level the resume does not meet), to a flag
//! (staff vocabulary over thin evidence, scale without a number) or to a
//! claim worth verifying (a piece of evidence, quoted).
//!
//! Takes the assessment, the unmet expectations (target level first) and
//! the rubric's questions; gives the questions in the order asked. The
//! choice is deterministic — a fixed order of preference with place and id
//! breaking ties — and prefers, in turn: the gaps that decide the claim or
//! the next level, then the flags, then the strongest claims (numbers and reach beyond the
//! team first, since those are what a resume inflates most easily), one
//! question per signal and never the same sentence twice.

use crate::assess::Assessment;
use crate::classify::{self, Unmet};
use crate::detect::Evidence;
use crate::rubric::{Level, Question, Rubric};

use super::{AskedQuestion, Cleaner, QUESTION_QUOTE_CHARS, excerpt};

/// Most questions a brief asks: what fits the page beside the rest.
const MAX_QUESTIONS: usize = 8;
/// Fewest it aims for, when the rubric and the resume give enough.
const MIN_QUESTIONS: usize = 5;
/// Gap questions asked before the claims get their turn.
const FIRST_GAPS: usize = 3;

/// A sentence as quoted: page, line, text.
type Sentence<'a> = (u32, u32, &'a str);

/// A piece of evidence the rubric has questions for.
struct Claim<'a> {
    evidence: &'a Evidence,
    questions: &'a [Question],
    /// A number, or reach beyond the writer's team: asked first.
    telling: bool,
}

/// The questions to ask, in order.
pub(super) fn choose(
    a: &Assessment,
    rubric: &Rubric,
    unmet: &[Unmet],
    cleaner: &Cleaner,
) -> Vec<AskedQuestion> {
    let (claims, reserve) = claims(a, rubric);
    let mut asked: Vec<AskedQuestion> = Vec::new();
    let ask = |asked: &mut Vec<AskedQuestion>, q: AskedQuestion| {
        if asked.len() < MAX_QUESTIONS && !asked.iter().any(|x| x.text == q.text) {
            asked.push(q);
        }
    };
    let gap_question = |u: &Unmet, round: usize| {
        u.expect.questions.get(round).map(|q| AskedQuestion {
            text: q.fill(&[("level", u.level.name())]),
            probes: format!("gap for {}: {}", u.level, u.expect.need),
        })
    };
    let claim_question = |c: &Claim, round: usize| {
        c.questions.get(round).map(|q| {
            let words = excerpt(
                &cleaner.clean(&c.evidence.quote),
                &c.evidence.detail,
                QUESTION_QUOTE_CHARS,
            );
            AskedQuestion {
                text: q.fill(&[("quote", &words)]),
                probes: format!(
                    "checks the claim at p{} l{} ({})",
                    c.evidence.page, c.evidence.line, c.evidence.family
                ),
            }
        })
    };

    for u in unmet.iter().take(FIRST_GAPS) {
        if let Some(q) = gap_question(u, 0) {
            ask(&mut asked, q);
        }
    }
    // Each sentence is quoted once: several flags raised by one sentence
    // get the first flag's question (rubric order), and a claim whose
    // sentence a flag question quotes waits with the reserve.
    let mut quoted: Vec<Sentence> = Vec::new();
    for (q, sentence) in flag_questions(a, rubric, cleaner) {
        if let Some(key) = sentence {
            if quoted.contains(&key) {
                continue;
            }
            quoted.push(key);
        }
        ask(&mut asked, q);
    }
    let mut requoted: Vec<&Claim> = Vec::new();
    for c in &claims {
        let key = (c.evidence.page, c.evidence.line, c.evidence.quote.as_str());
        if quoted.contains(&key) {
            requoted.push(c);
        } else if let Some(q) = claim_question(c, 0) {
            ask(&mut asked, q);
        }
    }
    for u in unmet.iter().skip(FIRST_GAPS) {
        if let Some(q) = gap_question(u, 0) {
            ask(&mut asked, q);
        }
    }
    // A thin resume: what the levels above the target expect (nearest
    // first), the claims whose sentence was already quoted, then the
    // rubric's further questions on the same gaps and claims, until there
    // are enough to fill an interview.
    let further: Vec<Unmet> = classify::unmet_up_to(Level::Principal, &a.evidence, rubric)
        .into_iter()
        .filter(|u| !unmet.iter().any(|v| std::ptr::eq(u.expect, v.expect)))
        .collect();
    for u in &further {
        if asked.len() >= MIN_QUESTIONS {
            break;
        }
        if let Some(q) = gap_question(u, 0) {
            ask(&mut asked, q);
        }
    }
    for c in requoted.into_iter().chain(&reserve) {
        if asked.len() >= MIN_QUESTIONS {
            break;
        }
        if let Some(q) = claim_question(c, 0) {
            ask(&mut asked, q);
        }
    }
    let mut round = 1;
    while asked.len() < MIN_QUESTIONS {
        let before = asked.len();
        let more: Vec<AskedQuestion> = unmet
            .iter()
            .filter_map(|u| gap_question(u, round))
            .chain(claims.iter().filter_map(|c| claim_question(c, round)))
            .collect();
        if more.is_empty() {
            break;
        }
        for q in more {
            if asked.len() < MIN_QUESTIONS {
                ask(&mut asked, q);
            }
        }
        if asked.len() == before {
            break;
        }
        round += 1;
    }
    asked
}

/// One question per flag raised that the rubric has questions for, in
/// rubric order (a team puts the flags it cares most about first), about
/// the first sentence that raised it, with that sentence (page, line,
/// text) when the question quotes it. A question that quotes needs a
/// sentence to quote.
fn flag_questions<'a>(
    a: &'a Assessment,
    rubric: &Rubric,
    cleaner: &Cleaner,
) -> Vec<(AskedQuestion, Option<Sentence<'a>>)> {
    let mut out = Vec::new();
    for rule in rubric.flags.iter().filter(|f| a.flags.contains(&f.id)) {
        let Some(question) = rule.questions.first() else {
            continue;
        };
        let hit = a
            .flag_evidence
            .iter()
            .find(|h| h.flag == rule.id && !h.quote.is_empty());
        let quotes = question.0.contains("{quote}");
        let (words, place, sentence) = match hit {
            Some(h) if quotes => (
                excerpt(&cleaner.clean(&h.quote), "", QUESTION_QUOTE_CHARS),
                format!(" at p{} l{}", h.page, h.line),
                Some((h.page, h.line, h.quote.as_str())),
            ),
            Some(h) => (String::new(), format!(" at p{} l{}", h.page, h.line), None),
            None if quotes => continue,
            None => (String::new(), String::new(), None),
        };
        out.push((
            AskedQuestion {
                text: question.fill(&[("quote", &words)]),
                probes: format!("checks the flag {}{place}", rule.id),
            },
            sentence,
        ));
    }
    out
}

/// One claim per signal with questions — its strongest item — in order of
/// preference: telling ones first, then by weight, place and signal id. A
/// claim whose sentence a stronger claim already quotes goes to the
/// reserve (second in the pair), asked only when a resume gives too few.
fn claims<'a>(a: &'a Assessment, rubric: &'a Rubric) -> (Vec<Claim<'a>>, Vec<Claim<'a>>) {
    let mut all: Vec<Claim> = a
        .evidence
        .iter()
        .filter_map(|e| {
            if let Some(s) = rubric.signals.iter().find(|s| s.id == e.signal) {
                Some(Claim {
                    evidence: e,
                    questions: &s.questions,
                    telling: s.scope.is_some(),
                })
            } else {
                rubric
                    .metrics
                    .iter()
                    .find(|m| m.id == e.signal)
                    .map(|m| Claim {
                        evidence: e,
                        questions: &m.questions,
                        telling: true,
                    })
            }
        })
        .filter(|c| !c.questions.is_empty())
        .collect();
    all.sort_by(|x, y| {
        y.telling
            .cmp(&x.telling)
            .then(y.evidence.weight.total_cmp(&x.evidence.weight))
            .then(
                (x.evidence.page, x.evidence.line, &x.evidence.signal).cmp(&(
                    y.evidence.page,
                    y.evidence.line,
                    &y.evidence.signal,
                )),
            )
    });
    let mut chosen: Vec<Claim> = Vec::new();
    let mut reserve: Vec<Claim> = Vec::new();
    let has_signal = |claims: &[Claim], c: &Claim| {
        claims
            .iter()
            .any(|k| k.evidence.signal == c.evidence.signal)
    };
    for c in all {
        let same_sentence = chosen.iter().any(|k| {
            (k.evidence.page, k.evidence.line, &k.evidence.quote)
                == (c.evidence.page, c.evidence.line, &c.evidence.quote)
        });
        if has_signal(&chosen, &c) {
            continue;
        }
        if !same_sentence {
            chosen.push(c);
        } else if !has_signal(&reserve, &c) {
            reserve.push(c);
        }
    }
    // A signal asked about on another sentence needs no reserve.
    reserve.retain(|c| !has_signal(&chosen, c));
    (chosen, reserve)
}
