//! How deep a resume shows each requirement: `shown`, `listed` or `absent`.
//!
//! Every sentence (and every job-title line) is searched for the
//! vocabulary's skills once; a skill also counts for the families it
//! implies (a Spring Boot service is Java work). A mention is `shown` when
//! its sentence is work the person did — in the Experience or Projects
//! section, prose rather than a flat list, with one of the rubric's work
//! verbs, and not mostly a list of tools ("Tech used: Go, Kafka, Redis") —
//! unless the mention itself is named apart from the work (a tag list, a
//! rated sidebar entry, a course's subject: see `mention`), and `listed`
//! anywhere else. Each requirement keeps its deepest mention;
//! among shown ones the most recent role's, so a recruiter reads the
//! latest year the skill was used.

use serde::{Deserialize, Serialize};

use super::mention::{has_work_verb, is_flat_list, listed_among_tools, named_apart_from_work};
use super::{JobContext, RequirementVerdict, requirements_met_by};
use crate::detect::sentences::Sentence;
use crate::document::Document;
use crate::report::cells::cut_at_word;
use crate::rubric::SectionKind;
use crate::segment::Segmented;
use crate::skills::{SkillId, SkillMention};

/// How deep a resume shows a requirement, shallowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    Absent,
    Listed,
    Shown,
}

impl Depth {
    pub fn name(self) -> &'static str {
        match self {
            Depth::Absent => "absent",
            Depth::Listed => "listed",
            Depth::Shown => "shown",
        }
    }
}

/// The most of a sentence a requirement's quote keeps.
const QUOTE_CHARS: usize = 200;

/// The best mention found so far for one requirement. Its quote is cut
/// from `text` only once the last mention has been weighed: most mentions
/// are beaten by a later one.
#[derive(Debug, Clone, Copy)]
struct Found<'a> {
    depth: Depth,
    skill: SkillId,
    year: Option<i32>,
    page: u32,
    line: u32,
    /// The passage's text, and where in it the mention is.
    text: &'a str,
    start: usize,
    end: usize,
}

impl Found<'_> {
    /// Deeper wins; between two shown, the later role's year wins; else
    /// the first found stays (reading order).
    fn beats(&self, other: &Found) -> bool {
        self.rank() > other.rank()
    }

    /// What [`Found::beats`] compares: depth, then the role's year.
    fn rank(&self) -> (Depth, Option<i32>) {
        (self.depth, self.year)
    }
}

/// One text that may name skills: a sentence, or a job-title line.
struct Passage<'a> {
    text: &'a str,
    page: u32,
    line: u32,
    /// The year of the dated role it belongs to, when it is work shown.
    year: Option<i32>,
    work: bool,
}

/// Each requirement's best mention so far, in the posting's order.
struct Best<'a, 'c> {
    found: Vec<Option<Found<'a>>>,
    ctx: &'c JobContext<'c>,
}

impl<'a> Best<'a, '_> {
    /// The requirements a mention of `skill` meets (see
    /// [`requirements_met_by`]).
    fn met_by(&self, skill: SkillId) -> impl Iterator<Item = (usize, SkillId)> + '_ {
        requirements_met_by(&self.ctx.job.requirements, skill, self.ctx.vocab)
    }

    /// Whether a passage that may name `named`, at best at depth and year
    /// `at_most`, could better some requirement's verdict.
    fn could_better(&self, named: &[SkillId], at_most: (Depth, Option<i32>)) -> bool {
        named.iter().any(|&skill| {
            self.met_by(skill)
                .any(|(i, _)| self.found[i].as_ref().is_none_or(|b| at_most > b.rank()))
        })
    }

    /// Weigh every mention in a passage against the requirements it meets.
    fn consider(&mut self, passage: &Passage<'a>, mentions: &[SkillMention]) {
        let among_tools = listed_among_tools(passage.text, mentions);
        for (mention, among_tools) in mentions.iter().zip(among_tools) {
            if !self.ctx.job.filter.keeps(mention.skill) {
                continue;
            }
            let work = passage.work
                && !among_tools
                && !named_apart_from_work(passage.text, mention, mentions, self.ctx.rules);
            let found = Found {
                depth: if work { Depth::Shown } else { Depth::Listed },
                skill: mention.skill,
                year: if work { passage.year } else { None },
                page: passage.page,
                line: passage.line,
                text: passage.text,
                start: mention.start,
                end: mention.end,
            };
            let met: Vec<(usize, SkillId)> = self.met_by(mention.skill).collect();
            // Checked as each is set: a requirement met twice over (by the
            // skill and by its family) keeps the first.
            for (i, skill) in met {
                if self.found[i].as_ref().is_none_or(|b| found.beats(b)) {
                    self.found[i] = Some(Found { skill, ..found });
                }
            }
        }
    }
}

/// Each requirement of the posting, in its order, with its verdict.
pub fn verdicts<'a>(
    doc: &'a Document,
    seg: &Segmented,
    sentences: &'a [Sentence],
    ctx: &JobContext,
) -> Vec<RequirementVerdict> {
    let requirements = &ctx.job.requirements;
    let mut best = Best {
        found: vec![None; requirements.len()],
        ctx,
    };
    let role_of_line = roles_by_line(seg);
    let role_year = |line_index: usize| {
        role_of_line
            .get(line_index)
            .copied()
            .flatten()
            .map(|r| seg.roles[r].end.year)
    };

    // Most sentences name no skill that meets a requirement, and most of
    // the rest name only skills whose requirements an earlier sentence
    // already met as well as this one could: the job's filter tells which
    // skills a sentence may name, and only a sentence that could better a
    // requirement's verdict is searched. Most skills a resume names meet
    // no requirement either: they are passed over before the costlier
    // reading of their sentence (work verbs, tool lists).
    for sentence in sentences {
        let in_work_section = matches!(
            sentence.section,
            SectionKind::Experience | SectionKind::Projects
        ) && sentence.list_items == 0;
        let year = if sentence.section == SectionKind::Experience {
            role_year(sentence.line_index)
        } else {
            None
        };
        let at_most = if in_work_section {
            (Depth::Shown, year)
        } else {
            (Depth::Listed, None)
        };
        if !best.could_better(&ctx.job.filter.named_in(&sentence.text), at_most) {
            continue;
        }
        let mentions = ctx.vocab.find(&sentence.text);
        if !mentions.iter().any(|m| ctx.job.filter.keeps(m.skill)) {
            continue;
        }
        let work = in_work_section
            && has_work_verb(&sentence.text, ctx.rules)
            && !is_flat_list(&sentence.text, ctx.rules);
        let passage = Passage {
            text: &sentence.text,
            page: sentence.page,
            line: sentence.line,
            year,
            work,
        };
        best.consider(&passage, &mentions);
    }
    // Job-title lines are not sentences; a skill in a title ("Go
    // Developer") is listed there.
    for (i, line) in doc.lines.iter().enumerate() {
        if !seg.lines[i].role_header
            || !best.could_better(&ctx.job.filter.named_in(&line.text), (Depth::Listed, None))
        {
            continue;
        }
        let passage = Passage {
            text: &line.text,
            page: line.page,
            line: line.line,
            year: None,
            work: false,
        };
        best.consider(&passage, &ctx.vocab.find(&line.text));
    }

    requirements
        .iter()
        .zip(best.found)
        .map(|(requirement, found)| match found {
            Some(f) => RequirementVerdict {
                requirement: requirement.label.clone(),
                importance: requirement.importance,
                depth: f.depth,
                credit: super::score::depth_credit(f.depth, ctx.rules),
                skill: Some(ctx.vocab.name(f.skill).to_string()),
                year: f.year,
                page: Some(f.page),
                line: Some(f.line),
                quote: Some(quote_around(f.text, f.start, f.end)),
            },
            None => RequirementVerdict {
                requirement: requirement.label.clone(),
                importance: requirement.importance,
                depth: Depth::Absent,
                credit: 0.0,
                skill: None,
                year: None,
                page: None,
                line: None,
                quote: None,
            },
        })
        .collect()
}

/// For each document line, the role whose bullets it is among: from a
/// role's first line up to the next role or heading.
fn roles_by_line(seg: &Segmented) -> Vec<Option<usize>> {
    let mut starts: Vec<(usize, usize)> = seg
        .roles
        .iter()
        .enumerate()
        .map(|(r, role)| (role.first_line, r))
        .collect();
    starts.sort_unstable();
    let mut out = vec![None; seg.lines.len()];
    let mut next = starts.iter().peekable();
    let mut current = None;
    for (i, info) in seg.lines.iter().enumerate() {
        if info.heading {
            current = None;
        }
        while let Some(&&(first, r)) = next.peek() {
            if first > i {
                break;
            }
            current = Some(r);
            next.next();
        }
        out[i] = current;
    }
    out
}

/// The sentence, or the part of it around the mention when it is long,
/// cut at words and marked with "…" where cut.
fn quote_around(text: &str, start: usize, end: usize) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    // Start a little before the mention, at a word boundary.
    let lead = text[..start]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    let from = if lead == 0 {
        0
    } else {
        text[lead..]
            .find(char::is_whitespace)
            .map_or(lead, |s| lead + s + 1)
            .min(start)
    };
    let cut = cut_at_word(&text[from..], QUOTE_CHARS.max(end - from + 1));
    if from > 0 { format!("… {cut}") } else { cut }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_is_quoted_around_its_mention() {
        let text = format!(
            "{} migrated the ledger to Kafka {}",
            "word ".repeat(60),
            "tail ".repeat(60)
        );
        let start = text.find("Kafka").unwrap();
        let quote = quote_around(&text, start, start + 5);
        assert!(quote.starts_with("… "), "{quote}");
        assert!(quote.contains("migrated the ledger to Kafka"), "{quote}");
        assert!(quote.chars().count() <= QUOTE_CHARS + 4, "{quote}");
        assert_eq!(quote_around("Built it in Go", 12, 14), "Built it in Go");
    }
}
