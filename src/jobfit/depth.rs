//! How deep a resume shows each requirement: `shown`, `listed` or `absent`.
//!
//! Every sentence (and every job-title line) is searched for the
//! vocabulary's skills once; a skill also counts for the families it
//! implies (a Spring Boot service is Java work). A mention is `shown` when
//! its sentence is work the person did — in the Experience or Projects
//! section, prose rather than a flat list, with one of the rubric's work
//! verbs, and not mostly a list of tools ("Tech used: Go, Kafka, Redis") —
//! and `listed` anywhere else. Each requirement keeps its deepest mention;
//! among shown ones the most recent role's, so a recruiter reads the
//! latest year the skill was used.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{JobContext, RequirementVerdict};
use crate::detect::sentences::Sentence;
use crate::document::Document;
use crate::report::cells::cut_at_word;
use crate::rubric::{JobRules, SectionKind};
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

/// The best mention found so far for one requirement.
#[derive(Debug, Clone)]
struct Found {
    depth: Depth,
    skill: SkillId,
    year: Option<i32>,
    page: u32,
    line: u32,
    quote: String,
}

impl Found {
    /// Deeper wins; between two shown, the later role's year wins; else
    /// the first found stays (reading order).
    fn beats(&self, other: &Found) -> bool {
        (self.depth, self.year) > (other.depth, other.year)
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

/// Each requirement of the posting, in its order, with its verdict.
pub fn verdicts(
    doc: &Document,
    seg: &Segmented,
    sentences: &[Sentence],
    ctx: &JobContext,
) -> Vec<RequirementVerdict> {
    let requirements = &ctx.job.requirements;
    let mut best: Vec<Option<Found>> = vec![None; requirements.len()];
    let role_of_line = roles_by_line(seg);
    let role_year = |line_index: usize| {
        role_of_line
            .get(line_index)
            .copied()
            .flatten()
            .map(|r| seg.roles[r].end.year)
    };

    let mut consider = |passage: &Passage, mentions: &[SkillMention]| {
        let among_tools = listed_among_tools(passage.text, mentions);
        for (mention, among_tools) in mentions.iter().zip(among_tools) {
            let work = passage.work
                && !among_tools
                && !after_tool_label(passage.text, mention, mentions, &ctx.rules.tool_labels)
                && !in_tools_before_colon(passage.text, mention, mentions)
                && !in_tag_brackets(passage.text, mention)
                && !rated(passage.text, mention)
                && !another_partys(passage.text, mention)
                && !taught_or_taken(passage.text, mention, ctx.rules);
            let found = Found {
                depth: if work { Depth::Shown } else { Depth::Listed },
                skill: mention.skill,
                year: if work { passage.year } else { None },
                page: passage.page,
                line: passage.line,
                quote: quote_around(passage.text, mention.start, mention.end),
            };
            let skills = std::iter::once(mention.skill)
                .chain(ctx.vocab.implies(mention.skill).iter().copied());
            for skill in skills {
                for (i, requirement) in requirements.iter().enumerate() {
                    if requirement.any_of.contains(&skill)
                        && best[i].as_ref().is_none_or(|b| found.beats(b))
                    {
                        best[i] = Some(Found {
                            skill,
                            ..found.clone()
                        });
                    }
                }
            }
        }
    };

    for sentence in sentences {
        let mentions = ctx.vocab.find(&sentence.text);
        if mentions.is_empty() {
            continue;
        }
        let work = matches!(
            sentence.section,
            SectionKind::Experience | SectionKind::Projects
        ) && sentence.list_items == 0
            && has_work_verb(&sentence.text, ctx);
        let passage = Passage {
            text: &sentence.text,
            page: sentence.page,
            line: sentence.line,
            year: if sentence.section == SectionKind::Experience {
                role_year(sentence.line_index)
            } else {
                None
            },
            work,
        };
        consider(&passage, &mentions);
    }
    // Job-title lines are not sentences; a skill in a title ("Go
    // Developer") is listed there.
    for (i, line) in doc.lines.iter().enumerate() {
        if !seg.lines[i].role_header {
            continue;
        }
        let mentions = ctx.vocab.find(&line.text);
        if !mentions.is_empty() {
            let passage = Passage {
                text: &line.text,
                page: line.page,
                line: line.line,
                year: None,
                work: false,
            };
            consider(&passage, &mentions);
        }
    }

    requirements
        .iter()
        .zip(best)
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
                quote: Some(f.quote),
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

/// Whether a sentence holds one of the rubric's work verbs.
fn has_work_verb(text: &str, ctx: &JobContext) -> bool {
    words(text).any(|w| is_work_verb(w, ctx.rules))
}

fn is_work_verb(word: &str, rules: &JobRules) -> bool {
    rules.work_verbs.contains(word) || rules.work_verbs.contains(&word.to_lowercase())
}

/// How many words before a mention [`taught_or_taken`] looks for a
/// teaching word.
const TEACHING_REACH: usize = 8;

/// Words that tie a teaching word to the subject it names: "courses on",
/// "teacher, in", "workshops covering".
const SUBJECT_WORDS: [&str; 5] = ["on", "in", "about", "of", "covering"];

/// Whether a mention names the subject of a course, class or workshop the
/// person taught or took — "delivery of training courses on … Python
/// development", "a teacher, in programming classes (Java, React)", "Held
/// workshops (e.g. ML in security)" — rather than work done with it. The
/// teaching word (`[job] teaching_words`) must come within reach before the
/// mention with no work verb in the past between ("teaching classes, including one
/// where we implemented SQLite" is work), and its subject must follow it at
/// once: a subject word, "(" or ":" within its next two words, so that "an
/// online course platform built with React" stays work.
fn taught_or_taken(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    let before: Vec<(usize, &str)> = word_spans(&text[..mention.start]).collect();
    let reach = before.len().saturating_sub(TEACHING_REACH);
    for i in (reach..before.len()).rev() {
        let (at, word) = before[i];
        // A work verb in the past is work done ("where we implemented");
        // other forms may name a subject ("workshops on secure coding").
        if word.ends_with("ed") && is_work_verb(word, rules) {
            return false;
        }
        if rules.teaching_words.contains(&word.to_lowercase()) {
            let next: Vec<&str> = before[i + 1..].iter().take(2).map(|(_, w)| *w).collect();
            let second_word_at = before.get(i + 2).map_or(mention.start, |(at, _)| *at);
            let opens_subject = text[at + word.len()..second_word_at].contains(['(', ':']);
            return opens_subject
                || next
                    .iter()
                    .any(|w| SUBJECT_WORDS.contains(&w.to_lowercase().as_str()));
        }
    }
    false
}

/// Whether a mention is an item of a labelled tool list — "used
/// technologies: TypeScript, Node.js, Jest, Java" — that runs from a
/// tool label's colon (`[job] tool_labels`) to the mention through skills
/// alone (and "and"). Catches the list however much text the layout ran in
/// after it.
fn after_tool_label(
    text: &str,
    mention: &SkillMention,
    mentions: &[SkillMention],
    tool_labels: &BTreeSet<String>,
) -> bool {
    let Some(colon) = text[..mention.start].rfind(':') else {
        return false;
    };
    let labelled = words(&text[..colon])
        .last()
        .is_some_and(|w| tool_labels.contains(&w.to_lowercase()));
    let only_skills_between = word_spans(&text[colon..mention.start]).all(|(at, word)| {
        let at = colon + at;
        mentions.iter().any(|m| (m.start..m.end).contains(&at)) || word.eq_ignore_ascii_case("and")
    });
    labelled && only_skills_between
}

/// The fewest items a list heading a bullet must have.
const MIN_HEADING_ITEMS: usize = 3;

/// The most words one item of such a list may have ("Java 21", "SQL
/// Server 2008", "Apache Camel").
const MAX_ITEM_WORDS: usize = 3;

/// Whether a mention is in a list of tools that heads its bullet before a
/// colon — "Commercetools, Akamai, Java 21, Apache Camel, Spring, Docker:
/// Contributed to the migration…", "JAVA, Struts, Maven, JSP & JBoss
/// Responsibilities: …". From the bullet's start (or the last sentence
/// break) to the colon there are three or more short items split by
/// commas, "&" or "and", at least half of them skills. The work after the
/// colon still shows the skills it names itself.
fn in_tools_before_colon(text: &str, mention: &SkillMention, mentions: &[SkillMention]) -> bool {
    let Some(colon) = text[mention.end..].find(':').map(|i| mention.end + i) else {
        return false;
    };
    let start = text[..mention.start]
        .rfind(['.', ';', '•', ')'])
        .map_or(0, |i| i + 1);
    let head = &text[start..colon];
    let items: Vec<&str> = head
        .split([',', '&'])
        .flat_map(|item| item.split(" and "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    let short = items
        .iter()
        .all(|item| item.split_whitespace().count() <= MAX_ITEM_WORDS);
    let skills = mentions
        .iter()
        .filter(|m| m.start >= start && m.end <= colon)
        .count();
    items.len() >= MIN_HEADING_ITEMS && short && 2 * skills >= items.len()
}

/// The most words a bracketed tag list holds.
const MAX_TAG_WORDS: usize = 6;

/// Whether a mention is in a short square-bracketed tag list after a
/// project or a title — "Secure by design corporate framework [Go,
/// Python]", "Cloud Security operations [Terraform, Vault]". Resumes use
/// square brackets for tags and links, not for prose; the tags name the
/// project's tools, not work shown with them.
fn in_tag_brackets(text: &str, mention: &SkillMention) -> bool {
    let Some(open) = text[..mention.start].rfind(['[', ']']) else {
        return false;
    };
    let Some(close) = text[mention.end..]
        .find(['[', ']'])
        .map(|i| mention.end + i)
    else {
        return false;
    };
    text[open..].starts_with('[')
        && text[close..].starts_with(']')
        && words(&text[open + 1..close]).count() <= MAX_TAG_WORDS
}

/// Glyphs a skills sidebar rates a skill with ("Go ●●●○○", "BASH ○○○○○").
const RATING_GLYPHS: &[char] = &[
    '●', '○', '◯', '⬤', '◉', '◎', '■', '□', '▪', '▫', '◼', '◻', '★', '☆', '◆', '◇',
];

/// Whether a mention is followed by a rating: a skills sidebar's entry
/// that the page's layout ran into a neighbouring bullet. A rated skill is
/// a skills list's, never work shown.
fn rated(text: &str, mention: &SkillMention) -> bool {
    text[mention.end..].trim_start().starts_with(RATING_GLYPHS)
}

/// Words a passive agent phrase opens with after "by": another party or
/// component, not the person ("supported by a Django backend").
const AGENT_DETERMINERS: [&str; 7] = ["a", "an", "the", "our", "their", "its", "another"];

/// How many words before a mention [`another_partys`] looks for "by".
const AGENT_REACH: usize = 4;

/// Whether a mention sits in a passive agent phrase — a participle, "by",
/// a determiner: "… written in TypeScript and supported by a Django,
/// Python backend", "maintained by the Kafka platform team". The skill
/// names what the person's work ran beside, not work they did with it.
/// "Cut costs by a third", "by moving to Redis" and "backed by Redis" (no
/// determiner: the person's own system) are untouched.
fn another_partys(text: &str, mention: &SkillMention) -> bool {
    let before: Vec<&str> = word_spans(&text[..mention.start])
        .map(|(_, word)| word)
        .collect();
    let reach = before.len().saturating_sub(AGENT_REACH);
    let Some(by) = (reach..before.len())
        .rev()
        .find(|&i| before[i].eq_ignore_ascii_case("by"))
    else {
        return false;
    };
    let participle = by
        .checked_sub(1)
        .is_some_and(|i| before[i].to_lowercase().ends_with("ed"));
    let determiner = before
        .get(by + 1)
        .is_some_and(|w| AGENT_DETERMINERS.contains(&w.to_lowercase().as_str()));
    participle && determiner
}

/// Items after (or before) a mention that [`listed_among_tools`] looks at.
const WINDOW: usize = 5;

/// For each mention (left to right), whether it is named among tools
/// rather than in work: the whole sentence is mostly skill names (two or
/// more with hardly another word: "Tech used: Go, Kafka, Redis", "Worked
/// with Go, Kafka, Postgres and gRPC"), or the run of words it starts or
/// ends is (six items, itself included, with four or more skills and at
/// most one other word: a skills line the layout ran into a bullet). "Built
/// with Python, Flask, MongoDB, and NodeJS" still shows its tools. Naming
/// tools is not showing work with them.
fn listed_among_tools(text: &str, mentions: &[SkillMention]) -> Vec<bool> {
    let items = skills_and_words(text, mentions);
    let skills = items.iter().filter(|&&skill| skill).count();
    let words = items.len() - skills;
    let whole = skills >= 2 && words <= skills + 1;
    let positions: Vec<usize> = (0..items.len()).filter(|&i| items[i]).collect();
    positions
        .iter()
        .map(|&p| {
            let dense = |run: &[bool]| {
                let skills = run.iter().filter(|&&skill| skill).count();
                skills >= 4 && run.len() - skills <= 1
            };
            let before = &items[p.saturating_sub(WINDOW)..=p];
            let after = &items[p..(p + WINDOW + 1).min(items.len())];
            whole || dense(before) || dense(after)
        })
        .collect()
}

/// The sentence as a run of items, `true` for a skill mention (once,
/// however many words it spans) and `false` for any other word.
fn skills_and_words(text: &str, mentions: &[SkillMention]) -> Vec<bool> {
    let mut items = Vec::new();
    let mut next_mention = mentions.iter().peekable();
    for (start, _) in word_spans(text) {
        while next_mention.next_if(|m| m.start <= start).is_some() {
            items.push(true);
        }
        if !mentions.iter().any(|m| (m.start..m.end).contains(&start)) {
            items.push(false);
        }
    }
    items.extend(next_mention.map(|_| true));
    items
}

/// Each word holding a letter, with its byte offset.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| !c.is_alphanumeric())
        .scan(0usize, |offset, piece| {
            let start = *offset;
            *offset += piece.len();
            let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
            Some((start, word))
        })
        .filter(|(_, word)| word.chars().any(char::is_alphabetic))
}

/// The words of a text, split at anything not a letter, digit or
/// apostrophe.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
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
    use crate::skills::Vocabulary;

    /// The vocabulary's mention of `skill` as written in `text`.
    fn mention_of(vocab: &Vocabulary, text: &str, skill: &str) -> SkillMention {
        let start = text.find(skill).expect("skill in text");
        vocab
            .find(text)
            .into_iter()
            .find(|m| m.start == start)
            .unwrap_or_else(|| panic!("{skill} found in {text:?}"))
    }

    #[test]
    fn a_list_of_tools_is_not_work() {
        let vocab = Vocabulary::builtin();
        for text in [
            "Technologies used: Go, Kafka, Postgres",
            "Worked with Go, Kafka, PostgreSQL and gRPC",
            "Tools used: Docker, Kubernetes",
            "Spring Boot Hibernate Liquibase JUnit Mockito Maven GCP Kubernetes Legacy code Refactoring PostgreSQL Git",
        ] {
            let ms = vocab.find(text);
            assert!(ms.len() >= 2, "{text}: {ms:?}");
            assert!(listed_among_tools(text, &ms).iter().all(|&l| l), "{text}");
        }
        for text in [
            "Built a Go service that streams Kafka events into Postgres",
            "Migrated billing from Ruby to Go, cutting p99 latency by half",
            "Developed high-throughput marketplace microservices with Apache Kafka & FastAPI, migrating the legacy Django monolith to FastAPI",
            "Built with Python, Flask, MongoDB, and NodeJS, and deployed on Kubernetes in an on-premise environment.",
        ] {
            let ms = vocab.find(text);
            assert!(ms.len() >= 2, "{text}: {ms:?}");
            assert!(listed_among_tools(text, &ms).iter().all(|&l| !l), "{text}");
        }
    }

    #[test]
    fn a_tool_line_run_into_a_bullet_lists_its_tools_only() {
        let text = "Java Spring Boot Hibernate Liquibase JUnit Mockito Maven GCP Kubernetes Legacy code Corrective maintenance of the billing back end, where I migrated the invoice store to PostgreSQL";
        let ms = Vocabulary::builtin().find(text);
        let listed = listed_among_tools(text, &ms);
        let by_name: Vec<(&str, bool)> = ms
            .iter()
            .zip(listed)
            .map(|(m, l)| (&text[m.start..m.end], l))
            .collect();
        assert!(by_name.contains(&("Kubernetes", true)), "{by_name:?}");
        assert!(by_name.contains(&("PostgreSQL", false)), "{by_name:?}");
    }

    #[test]
    fn a_labelled_tool_list_lists_its_tools_however_it_ends() {
        let rubric = crate::rubric::load_default().expect("default rubric loads");
        let labels = &rubric
            .job
            .as_ref()
            .expect("the default rubric has [job]")
            .tool_labels;
        let text = "Built an IDE plugin; used technologies: TypeScript, Node.js, Jest, Java Replaced license keys with floating licenses in Go";
        let ms = Vocabulary::builtin().find(text);
        let by_name: Vec<(&str, bool)> = ms
            .iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    after_tool_label(text, m, &ms, labels),
                )
            })
            .collect();
        for tool in ["TypeScript", "Node.js", "Jest", "Java"] {
            assert!(by_name.contains(&(tool, true)), "{tool}: {by_name:?}");
        }
        assert!(by_name.contains(&("Go", false)), "{by_name:?}");
        let work = "Migrated the ledger: Kafka consumers in Go replaced the cron jobs";
        let ms = Vocabulary::builtin().find(work);
        assert!(ms.iter().all(|m| !after_tool_label(work, m, &ms, labels)));
    }

    #[test]
    fn a_rated_skill_is_a_sidebars() {
        let text = "Nvidia CUDA ○○○○○ Delivered a React webshop with a Go backend, BASH ●●○○○ expanding the API.";
        let ms = Vocabulary::builtin().find(text);
        let by_name: Vec<(&str, bool)> = ms
            .iter()
            .map(|m| (&text[m.start..m.end], rated(text, m)))
            .collect();
        assert!(by_name.contains(&("BASH", true)), "{by_name:?}");
        assert!(by_name.contains(&("React", false)), "{by_name:?}");
        assert!(by_name.contains(&("Go", false)), "{by_name:?}");
    }

    #[test]
    fn a_passive_agent_names_another_partys_work() {
        let vocab = Vocabulary::builtin();
        let agent = |text: &str, skill: &str| another_partys(text, &mention_of(vocab, text, skill));
        let context =
            "Angular-based, written in TypeScript and supported by a Django, Python backend.";
        assert!(agent(context, "Django"));
        assert!(agent(context, "Python"));
        assert!(!agent(context, "TypeScript"));
        assert!(agent(
            "Built the billing UI, maintained by the Kafka platform team",
            "Kafka"
        ));
        assert!(!agent(
            "Cut hosting costs by a third by moving caching to Redis",
            "Redis"
        ));
        assert!(!agent("Built a job queue backed by Redis", "Redis"));
        assert!(!agent(
            "Reduced costs by a third using AWS Lambda",
            "AWS Lambda"
        ));
    }

    #[test]
    fn a_course_taught_or_taken_is_not_work_with_its_subject() {
        let vocab = Vocabulary::builtin();
        let rubric = crate::rubric::load_default().expect("default rubric loads");
        let rules = rubric.job.as_ref().expect("the default rubric has [job]");
        let taught =
            |text: &str, skill: &str| taught_or_taken(text, &mention_of(vocab, text, skill), rules);
        let courses = "Writing of documentation and delivery of training courses on GNU/Linux administration, Python development and Plone.";
        assert!(taught(courses, "Python"));
        assert!(taught(
            "Worked as a teacher, in programming classes (Java, JavaScript, React)",
            "React"
        ));
        assert!(taught(
            "Held workshops (e.g., secure coding, fuzzing, ML in security)",
            "ML"
        ));
        assert!(taught(
            "Supported AI Bootcamp curriculum development on Agentic AI and LLMs",
            "LLMs"
        ));
        // Work done inside the teaching, and a course as the thing built.
        assert!(!taught(
            "Assisted teaching classes, including one where we implemented SQLite from scratch in Python 3",
            "Python"
        ));
        assert!(!taught(
            "Built an online course platform with React and Node.js",
            "React"
        ));
        assert!(!taught(
            "Ran model training on Kubernetes clusters",
            "Kubernetes"
        ));
    }

    #[test]
    fn a_list_of_tools_heading_a_bullet_is_not_work() {
        let vocab = Vocabulary::builtin();
        let heads = |text: &str| -> Vec<(String, bool)> {
            let ms = vocab.find(text);
            ms.iter()
                .map(|m| {
                    (
                        text[m.start..m.end].to_string(),
                        in_tools_before_colon(text, m, &ms),
                    )
                })
                .collect()
        };
        let text = "Commercetools, Akamai, Java 21, Apache Camel, Ansible, Hybris, Spring, Docker: Contributed to the migration from Legacy Hybris to Docker.";
        let found = heads(text);
        assert!(found.contains(&("Ansible".into(), true)), "{found:?}");
        assert!(found.contains(&("Docker".into(), false)), "{found:?}");
        let found = heads(
            "JAVA, Struts, Maven, JSP, SQL Server 2008 & JBoss Responsibilities: Analysing system requirements",
        );
        assert!(found.iter().all(|(_, listed)| *listed), "{found:?}");
        // Work that names its tools, then a colon further on.
        let found = heads(
            "Built the billing service with Go, Kafka and Postgres, in three stages: design, rollout, cleanup",
        );
        assert!(found.iter().all(|(_, listed)| !listed), "{found:?}");
    }

    #[test]
    fn a_bracketed_tag_list_is_not_work() {
        let vocab = Vocabulary::builtin();
        let tagged = |text: &str| -> Vec<(String, bool)> {
            vocab
                .find(text)
                .iter()
                .map(|m| (text[m.start..m.end].to_string(), in_tag_brackets(text, m)))
                .collect()
        };
        let found =
            tagged("Built the secure by design corporate framework [Go, Python] used by 40 teams");
        assert!(found.iter().all(|(_, tag)| *tag), "{found:?}");
        let found = tagged("Migrated billing [phase 2] from Ruby to Go");
        assert!(found.iter().all(|(_, tag)| !tag), "{found:?}");
    }

    #[test]
    fn words_are_found_at_their_byte_offsets() {
        let text = "Built—the ’Go’ API in Kafka";
        let spans: Vec<(usize, &str)> = word_spans(text).collect();
        for (start, word) in &spans {
            assert_eq!(&text[*start..*start + word.len()], *word);
        }
        assert_eq!(spans.len(), 6);
    }

    #[test]
    fn one_skill_is_never_a_list() {
        let text = "Kafka";
        let mentions = Vocabulary::builtin().find(text);
        assert_eq!(mentions.len(), 1);
        assert_eq!(listed_among_tools(text, &mentions), [false]);
    }

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
