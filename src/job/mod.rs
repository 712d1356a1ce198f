//! Reading a job posting: what the job asks for, in the vocabulary's terms.
//!
//! Takes a posting (TXT, MD, PDF or DOCX, read by the same extractors and
//! under the same limits as resumes) and the skill vocabulary; gives a
//! [`Job`]: its title, the level and years it asks for, its required and
//! nice-to-have skills (each one skill or a choice of skills, with the
//! posting's line as the quote), and what it asks that is never assessed
//! (a degree, an age, a nationality...). Never turns anything about a
//! person into a requirement.
//!
//! Where skills count (see `docs/job-reading.md`):
//! - a posting with sections: a requirements section ("Requirements", "What
//!   you'll need", "You have"...) gives required skills, except a clause
//!   that says plus/ideally/preferred, which gives nice ones; a nice-to-have
//!   section ("Nice to have", "Bonus", "Preferred"...) gives nice skills; the
//!   duties ("What you'll do") and the team's stack ("Our stack") give nice
//!   skills: they describe the work, they do not demand it; the company
//!   blurb, benefits and how to apply give nothing; so does other text unless
//!   a sentence in it asks for something ("experience with", "you have");
//! - a posting in prose: every sentence that asks for something gives
//!   required skills (nice when it says plus/bonus/preferred); sentences
//!   about the stack or the duties give nice skills;
//! - skills in the title ("Senior Go Engineer") are required.

mod clauses;
mod fairness;
mod language;
mod level;
mod requirements;
mod sections;

use std::path::Path;

use serde::Serialize;

use crate::document::Line;
use crate::extract::{Limits, extension_of, extract_bytes, extract_file, read_file};
use crate::rubric::{Level, Rubric};
use crate::skills::{SkillId, Vocabulary};

use sections::{PostingLine, SectionKind, contains_words, normalise};

/// What a posting asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The posting's path as given.
    pub file: String,
    pub title: Option<String>,
    /// The level asked for, when the title or the text says it.
    pub level: Option<Level>,
    /// The fewest years of experience asked for.
    pub years_min: Option<f64>,
    pub required: Vec<Requirement>,
    pub nice: Vec<Requirement>,
    /// What the posting asks that is never assessed, one line each
    /// ("degree requirement: not assessed (“BS in CS”)").
    pub not_assessed: Vec<String>,
}

/// One requirement: a skill, or a choice of skills any one of which meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub any_of: Vec<SkillId>,
    /// The posting's line it came from (or the list item given on the
    /// command line).
    pub quote: String,
}

/// Why a posting (or a requirement list) could not be read. Each message
/// names the file and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("{file}: cannot read the job posting: {problem}")]
    Unreadable { file: String, problem: String },
    #[error("{file}: not a job posting: {why}")]
    NotAPosting { file: String, why: String },
    #[error("requirement list {list:?}: {problem}")]
    List { list: String, problem: String },
}

/// Read a job posting file.
pub fn read_job(
    path: &Path,
    limits: &Limits,
    vocab: &Vocabulary,
    rubric: &Rubric,
) -> Result<Job, JobError> {
    let file = path.display().to_string();
    let unreadable = |e: crate::extract::ExtractError| JobError::Unreadable {
        file: file.clone(),
        problem: e.to_string(),
    };
    // A posting saved from a careers page is HTML: read as text, its tags
    // are then taken off by the section reader, as for HTML in Markdown.
    let doc = if matches!(extension_of(path).as_str(), "html" | "htm") {
        let bytes = read_file(path, limits).map_err(unreadable)?;
        extract_bytes(&bytes, "txt", limits).map_err(unreadable)?
    } else {
        extract_file(path, limits).map_err(unreadable)?
    };
    read_posting(&doc.lines, &file, vocab, rubric)
}

/// Read a posting from its extracted lines; `file` names it in the result
/// and in errors. The rubric's title rules read the level of its title.
pub fn read_posting(
    lines: &[Line],
    file: &str,
    vocab: &Vocabulary,
    rubric: &Rubric,
) -> Result<Job, JobError> {
    let lines = sections::sections(lines);
    let not_a_posting = |why: &str| JobError::NotAPosting {
        file: file.to_string(),
        why: why.to_string(),
    };
    if reads_as_a_resume(&lines) {
        return Err(not_a_posting(
            "it reads as a resume (Experience, Education... and nothing addressed to a candidate); give the job description",
        ));
    }
    let sectioned = lines
        .iter()
        .any(|l| matches!(l.section, SectionKind::Required | SectionKind::Nice));
    let title = level::title(&lines);
    if !asks_for_someone(&lines, sectioned, title.as_deref()) {
        return Err(not_a_posting(if language::not_in_english(&lines) {
            "it is not in English, and levelscan reads a posting's sections and sentences in English only; give the requirements with --must and --nice"
        } else {
            "no requirements section (\"Requirements\", \"What you'll need\", \"Nice to have\"...) and no sentences asking for experience or skills; give the requirements with --must and --nice"
        }));
    }
    let mut required: Vec<Requirement> = Vec::new();
    let mut nice: Vec<Requirement> = Vec::new();
    // What the posting itself calls a plus (a nice-to-have section, "a
    // plus"), as against the duties and the stack, which are nice too.
    let mut called_nice: Vec<Requirement> = Vec::new();
    // What a sentence seeking or naming the role names, outside the
    // requirements ("…now looking for a worker to fill the position of
    // Python/Javascript Programmer"): like the title's skills, the posting
    // calling it a plus elsewhere ("Experience with JavaScript, Python … is
    // a plus") wins.
    let mut asked_in_passing: Vec<Requirement> = Vec::new();
    let mut asked_outright: Vec<Requirement> = Vec::new();
    let title_lower = title.as_deref().map(str::to_lowercase);
    // What the last line that was not a list item says of the list after
    // it: asked for ("…, additional fundamentals you need a commitment
    // to:"), the duties ("…, you'll be responsible for:"), or neither.
    let mut intro: Option<Wish> = None;
    // Whether that line asks for what the candidate knows ("… who have 6+
    // years of experience in:").
    let mut intro_names_knowing = false;
    // Whether the last list item that ended in a colon was a label with a
    // plus ("* **Data Science (preferred):**"): the items after it, up to
    // the next such label or the end of the list, are a plus. (The
    // extractors keep no nesting, so the label's own items are those.)
    let mut label_plus = false;
    for (index, line) in lines.iter().enumerate() {
        let item = sections::is_bullet(&line.original);
        if !item && !line.text.is_empty() {
            intro = intro_wish(&line.text);
            intro_names_knowing = sections::names_knowing(&line.text);
        }
        let label = item && line.text.trim_end_matches(['*', '_', ' ']).ends_with(':');
        let under_plus_label = item && !label && label_plus;
        if label || !item {
            // A list item labelled with a plus, or a line that leads into
            // the list after it and calls it a plus ("The icing on the cake
            // would be, if ...").
            label_plus = (label || leads_in(&line.text)) && clauses::is_nice(&line.text);
        }
        if line.text.is_empty()
            || (index == 0 && title.as_deref().is_some_and(|t| line.original.contains(t)))
        {
            continue;
        }
        for (at, clause) in clauses::clauses(&line.text) {
            let intro = match intro.filter(|_| item) {
                // Among the duties, a lead-in asks for its list only when
                // it names what the candidate knows: "we are looking for a
                // developer to drive our projects:" lists the work.
                Some(Wish::Required)
                    if line.section == SectionKind::Duties && !intro_names_knowing =>
                {
                    None
                }
                intro => intro,
            };
            let clause = clause.as_ref();
            let Some(wish) = wish_of(line.section, clause, sectioned, intro) else {
                continue;
            };
            let wish = if under_plus_label { Wish::Nice } else { wish };
            // The quote is the posting's line, or its sentence when the line
            // is a paragraph.
            let quote = match clauses::sentences(&line.text).len() {
                0 | 1 => line.original.as_str(),
                _ => clauses::sentence_at(&line.text, at),
            };
            let found = requirements::requirements_in(clause, quote, vocab);
            match wish {
                Wish::Required => {
                    let names_the_role = level::seeks_a_role(clause)
                        || title_lower
                            .as_deref()
                            .is_some_and(|t| clause.to_lowercase().contains(t));
                    if matches!(line.section, SectionKind::Opening | SectionKind::Other)
                        && names_the_role
                    {
                        asked_in_passing.extend(found.iter().cloned());
                    } else {
                        asked_outright.extend(found.iter().cloned());
                    }
                    required.extend(found)
                }
                Wish::Nice => {
                    if line.section == SectionKind::Nice
                        || clauses::is_nice(clause)
                        || under_plus_label
                    {
                        called_nice.extend(found.iter().cloned());
                    }
                    nice.extend(found);
                }
            }
        }
    }
    let same = |a: &Requirement, b: &Requirement| sorted(&a.any_of) == sorted(&b.any_of);
    // Called a plus: the same requirement, or each skill of a choice
    // ("Python/Javascript" in the title, "JavaScript, Python … is a plus").
    let called_a_plus = |r: &Requirement| {
        called_nice.iter().any(|k| same(k, r))
            || r.any_of
                .iter()
                .all(|s| called_nice.iter().any(|k| k.any_of == [*s]))
    };
    let (plus, kept): (Vec<Requirement>, Vec<Requirement>) = required.into_iter().partition(|r| {
        asked_in_passing.iter().any(|p| same(p, r))
            && !asked_outright.iter().any(|a| same(a, r))
            && called_a_plus(r)
    });
    required = kept;
    nice.extend(plus);
    // Skills in the title ("Senior Go Engineer") are required, unless the
    // posting itself calls them a plus ("Payments" in the title, "payments
    // background" under nice to have); the duties naming them do not.
    if let Some(t) = &title {
        let mut from_title: Vec<Requirement> = requirements::requirements_in(t, t, vocab)
            .into_iter()
            .filter(|r| !called_a_plus(r))
            .collect();
        from_title.append(&mut required);
        required = from_title;
    }
    let (required, nice) = settle(
        kind_joined_to_its_examples(required, vocab),
        kind_joined_to_its_examples(nice, vocab),
    );
    let years_min = level::years_min(&lines, sectioned);
    let level = title
        .as_deref()
        .and_then(|t| level::level_of_title(t, rubric))
        .or_else(|| level::level_in_text(&lines))
        .or_else(|| level::level_of_role_named(&lines, rubric))
        .or_else(|| years_min.map(level::level_of_years));
    if required.is_empty() && nice.is_empty() && years_min.is_none() && level.is_none() {
        return Err(not_a_posting(
            "it asks for nothing levelscan can read: no skill from the vocabulary, no years, no level",
        ));
    }
    Ok(Job {
        file: file.to_string(),
        title,
        level,
        years_min,
        required,
        nice,
        not_assessed: fairness::not_assessed(&lines),
    })
}

/// Whether a clause's skills are asked for, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wish {
    Required,
    Nice,
}

/// Words that make a sentence ask for something of the candidate.
pub(super) const ASKING: &[&str] = &[
    "experience",
    "experienced",
    "proficiency",
    "proficient",
    "knowledge",
    "familiar",
    "familiarity",
    "you have",
    "you've",
    "you bring",
    "must",
    "required",
    "requirement",
    "strong",
    "background in",
    "expertise",
    "expert",
    "skilled",
    "skills",
    "comfortable",
    "fluent",
    "fluency",
    "solid",
    "hands-on",
    "understanding",
    "years",
    "looking for",
    "ideal candidate",
    "you are",
    "you're",
    "ability to",
    "should have",
    "should know",
    "need",
    "needs",
    "able to",
    "track record",
    "worked with",
    "you know",
    "mastery",
    "command of",
    "competence",
    "competent",
    "you can",
    "we expect",
    "qualified",
    // "Exposure to DevOps (Terraform, Github)": met it in one's work.
    "exposure to",
];

/// Words that make a sentence in the duties a demand on the candidate
/// ("We are looking for candidates who have production experience with
/// AWS" in a role description).
const DEMANDS: &[&str] = &[
    "candidates who",
    "candidate who",
    "candidates with",
    "candidate with",
    "someone who has",
    "someone with",
    "requires",
    "demands",
    "is required",
    "are required",
    "is essential",
    "are essential",
    // "The developer will be part of a Scrum team and will be required to
    // participate in its activities."
    "be required to",
    "must have",
    "must be",
    "knowledge of",
    "proficiency in",
    "proficient in",
    // "Develop websites utilizing your expertise in JavaScript, HTML…":
    // the duty names what the candidate must already know.
    "your expertise in",
    "your expertise with",
    "your experience with",
    "your experience in",
    "your knowledge of",
    "your knowledge in",
    "capable of",
    // "They have experience with our tech stack (…)" among what people
    // who succeed in the role are like: what the person has, not a duty.
    "have experience",
    "has experience",
];

/// Words that make a sentence describe the duties.
const DUTIES: &[&str] = &[
    "you will",
    "you'll",
    "you would",
    "your job",
    "your role",
    "responsible for",
    "day to day",
    "day-to-day",
    // "The senior software engineer will design…": the role in the third
    // person.
    "engineer will",
    "developer will",
];

/// Whether a line leads into the list after it: it ends in a colon or
/// trails off ("Technically, you are a strong fit for this position, if
/// ...").
fn leads_in(text: &str) -> bool {
    let text = text.trim_end_matches(['*', '_', ' ']);
    text.ends_with(':') || sections::without_trailing_dots(text).is_some()
}

/// What a line leading into a list says of it, by its last sentence: the
/// duties ("you'll be responsible for:") or an ask ("you need a commitment
/// to:").
fn intro_wish(text: &str) -> Option<Wish> {
    let text = text.trim_end();
    if !leads_in(text) {
        return None;
    }
    let last = clauses::sentences(text).last().map_or(text, |&(_, s)| s);
    let lower = normalise(last);
    let any = |words: &[&str]| words.iter().any(|w| contains_words(&lower, w));
    if any(DUTIES) {
        Some(Wish::Nice)
    } else if any(ASKING) {
        Some(Wish::Required)
    } else {
        None
    }
}

/// `intro`: what the line before says of the list the clause is an item
/// of.
fn wish_of(
    section: SectionKind,
    clause: &str,
    sectioned: bool,
    intro: Option<Wish>,
) -> Option<Wish> {
    let lower = normalise(clause);
    let any = |words: &[&str]| words.iter().any(|w| contains_words(&lower, w));
    let nice_or = |wish: Wish| {
        Some(if clauses::is_nice(clause) {
            Wish::Nice
        } else {
            wish
        })
    };
    match section {
        SectionKind::About | SectionKind::Benefits => None,
        // "CI/CD, we use GitHub Actions" describes; "a track record with
        // the tools we use" still asks.
        SectionKind::Required if clauses::describes_stack(clause) && !any(ASKING) => {
            Some(Wish::Nice)
        }
        // "You'll have the opportunity to mentor other engineers" under
        // "Is it you we're looking for?": the duties, not a demand.
        SectionKind::Required if any(DUTIES) && !any(ASKING) => Some(Wish::Nice),
        SectionKind::Required => nice_or(Wish::Required),
        // "The new environment requires knowledge of containers, C#…" in
        // a role description is a demand, not a duty.
        SectionKind::Duties if any(DEMANDS) => nice_or(Wish::Required),
        // "Experience in Django, APIs, Docker, Linux" among the duties: a
        // line that opens by naming what the candidate knows is a demand
        // wherever it stands.
        SectionKind::Duties if sections::opens_with(clause, sections::KNOWING) => {
            nice_or(Wish::Required)
        }
        // "We are looking for teammates who have 6+ years of experience
        // in:" over a list among the duties: its items are asked.
        SectionKind::Duties if intro == Some(Wish::Required) => nice_or(Wish::Required),
        SectionKind::Nice | SectionKind::Stack | SectionKind::Duties => Some(Wish::Nice),
        SectionKind::Opening | SectionKind::Other
            if sectioned && clauses::describes_stack(clause) && !any(ASKING) =>
        {
            Some(Wish::Nice)
        }
        // "We pride ourselves on good documentation, a fun volunteer
        // experience": the company's voice describes, it does not ask.
        SectionKind::Opening | SectionKind::Other
            if any(ASKING) && clauses::company_speaks_of_itself(clause) =>
        {
            Some(Wish::Nice)
        }
        SectionKind::Opening | SectionKind::Other if sectioned => {
            if intro == Some(Wish::Nice) {
                Some(Wish::Nice)
            } else if any(ASKING) || intro.is_some() || clauses::is_nice(clause) {
                nice_or(Wish::Required)
            } else if any(DUTIES) {
                // "As a senior mobile engineer, you will work on Scrum
                // teams": the duties, as in a prose posting.
                Some(Wish::Nice)
            } else {
                None
            }
        }
        SectionKind::Opening | SectionKind::Other => {
            // "They have experience with our tech stack (ReactJS, Laravel…)":
            // experience asked with the team's stack is asked.
            let asks_for_the_stack = clauses::stack_cue_at(clause).is_some_and(|cue| {
                ASKING
                    .iter()
                    .any(|w| sections::word_positions(&lower, w).any(|at| at < cue))
            });
            if clauses::is_nice(clause)
                || (clauses::describes_stack(clause) && !asks_for_the_stack)
                || intro == Some(Wish::Nice)
            {
                Some(Wish::Nice)
            } else if any(ASKING) || intro == Some(Wish::Required) {
                Some(Wish::Required)
            } else if any(DUTIES) {
                Some(Wish::Nice)
            } else {
                None
            }
        }
    }
}

/// A kind named on its own beside a choice of its examples on the same
/// line ("**CI/CD & Automation**: … pipelines using tools like GitHub
/// Actions, Jenkins, or similar") is the choice's kind, not a requirement
/// of its own: the lone kind is dropped, so that the choice (CI/CD or
/// GitHub Actions or Jenkins) is kept rather than dropped for containing a
/// skill required on its own.
fn kind_joined_to_its_examples(list: Vec<Requirement>, vocab: &Vocabulary) -> Vec<Requirement> {
    let joined = |single: &Requirement| {
        let [kind] = single.any_of[..] else {
            return false;
        };
        vocab.is_kind(kind)
            && list.iter().any(|choice| {
                choice.any_of.len() > 1
                    && choice.quote == single.quote
                    && choice.any_of.contains(&kind)
                    && choice
                        .any_of
                        .iter()
                        .any(|&s| s != kind && vocab.is_example_of(s, kind))
            })
    };
    let absorbed: Vec<bool> = list.iter().map(joined).collect();
    list.into_iter()
        .zip(absorbed)
        .filter_map(|(r, absorbed)| (!absorbed).then_some(r))
        .collect()
}

/// Each requirement once: the first of equal ones kept; a nice-to-have
/// that is already required dropped; a choice one of whose skills is
/// required on its own dropped ("Java/Kotlin" in the title when the
/// requirements ask for Java: anyone who meets Java meets the choice).
fn settle(
    required: Vec<Requirement>,
    nice: Vec<Requirement>,
) -> (Vec<Requirement>, Vec<Requirement>) {
    let mut kept: Vec<Requirement> = Vec::new();
    let singles = |list: &[Requirement]| -> Vec<SkillId> {
        list.iter()
            .filter(|r| r.any_of.len() == 1)
            .map(|r| r.any_of[0])
            .collect()
    };
    for r in required {
        let same = |k: &Requirement| sorted(&k.any_of) == sorted(&r.any_of);
        if !kept.iter().any(same) {
            kept.push(r);
        }
    }
    let required_singles = singles(&kept);
    kept.retain(|r| r.any_of.len() == 1 || !r.any_of.iter().any(|s| required_singles.contains(s)));
    let mut kept_nice: Vec<Requirement> = Vec::new();
    for r in nice {
        let same = |k: &Requirement| sorted(&k.any_of) == sorted(&r.any_of);
        let already_required =
            kept.iter().any(same) || r.any_of.iter().any(|s| required_singles.contains(s));
        if !already_required && !kept_nice.iter().any(same) {
            kept_nice.push(r);
        }
    }
    // A nice choice one of whose skills is a plus on its own ("Kubeflow is
    // a plus" and "models (Kubeflow)" read as Kubeflow or ML) is dropped as
    // a required one is.
    let nice_singles = singles(&kept_nice);
    kept_nice.retain(|r| r.any_of.len() == 1 || !r.any_of.iter().any(|s| nice_singles.contains(s)));
    (kept, kept_nice)
}

fn sorted(ids: &[SkillId]) -> Vec<SkillId> {
    let mut v = ids.to_vec();
    v.sort();
    v
}

/// A resume, not a posting: resume section headings and nothing addressed
/// to a candidate.
fn reads_as_a_resume(lines: &[PostingLine]) -> bool {
    const RESUME_HEADINGS: &[&str] = &[
        "education",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "certifications",
        "publications",
        "projects",
        "experience",
        "awards",
    ];
    let headings = lines
        .iter()
        .filter(|l| l.heading && RESUME_HEADINGS.contains(&normalise(&l.original).as_str()))
        .count();
    headings >= 2 && posting_cues(lines) < 2
}

/// Phrases only a posting uses: addressed to a candidate or naming its parts.
const POSTING_CUES: &[&str] = &[
    "requirements",
    "qualifications",
    "responsibilities",
    "nice to have",
    "nice-to-have",
    "you will",
    "you'll",
    "the role",
    "this role",
    "ideal candidate",
    "we are looking for",
    "we're looking for",
    "years of experience",
    "apply",
    "benefits",
    "job description",
    "what you'll do",
    "what we offer",
    "must have",
    "you have",
    "you bring",
    "join our",
    "join us",
    "join the",
    "salary",
    "compensation",
    "hiring",
    "candidate",
    "candidates",
    "your team",
    "you would",
    "we offer",
    "position",
    "responsible for",
];

fn posting_cues(lines: &[PostingLine]) -> usize {
    let text = lines
        .iter()
        .map(|l| normalise(&l.original))
        .collect::<Vec<_>>()
        .join("\n");
    POSTING_CUES
        .iter()
        .filter(|cue| contains_words(&text, cue))
        .count()
}

/// Whether the text asks for a person at all: a requirements section and a
/// cue, or several cues; or a title with the duties under their own
/// heading and a cue (a posting that lists only what the job is, its
/// title's skill then being what it asks for), or a title naming a role
/// and a cue ("# Senior Fullstack Engineer … You will be expected to…");
/// or sentences that each ask for something and say it is required or
/// preferred ("Unix/Linux experience required.", "UX/UI experience
/// preferred."); or lines that open by asking (a bare list of "Experience
/// in…", "Familiar with…"); or a role sought ("we are looking for
/// software engineers") and one such ask.
fn asks_for_someone(lines: &[PostingLine], sectioned: bool, title: Option<&str>) -> bool {
    let cues = posting_cues(lines);
    let duties_heading = lines
        .iter()
        .any(|l| l.heading && l.section == SectionKind::Duties);
    let demands = demand_sentences(lines);
    let asks = asking_lines(lines);
    let seeks = lines
        .iter()
        .any(|l| !l.heading && level::seeks_a_role(&l.text));
    cues >= 3
        || (sectioned && cues >= 1)
        || (title.is_some() && duties_heading && cues >= 1)
        || (title.is_some_and(level::names_a_role) && cues >= 1)
        || demands >= 2
        || asks >= 3
        || (seeks && asks + demands >= 1)
}

/// Words that open a line asking for something of the candidate
/// ("Experience with CAN", "Knowledge about MISRA", "Should be comfortable
/// working with C++").
const ASKING_OPENINGS: &[&str] = &[
    "experience",
    "experienced",
    "knowledge",
    "familiar",
    "familiarity",
    "proficiency",
    "proficient",
    "expertise",
    "understanding of",
    "should",
    "must",
    "ability to",
    "hands-on",
    "fluency",
    "fluent",
];

/// What asks: each sentence that opens with an asking word, and each
/// lead-in that asks for the list after it ("For technical skills, a
/// combination of:").
fn asking_lines(lines: &[PostingLine]) -> usize {
    let opens_asking = |sentence: &str| sections::opens_with(sentence, ASKING_OPENINGS);
    let body = lines.iter().filter(|l| !l.heading);
    let sentences = body
        .clone()
        .flat_map(|l| clauses::sentences(&l.text))
        .filter(|&(_, s)| opens_asking(s))
        .count();
    let lead_ins = body
        .filter(|l| intro_wish(&l.text) == Some(Wish::Required))
        .count();
    sentences + lead_ins
}

/// Sentences that ask for something of the candidate and call it
/// required or preferred.
fn demand_sentences(lines: &[PostingLine]) -> usize {
    lines
        .iter()
        .filter(|l| !l.heading)
        .flat_map(|l| clauses::sentences(&l.text))
        .filter(|&(_, sentence)| {
            let lower = normalise(sentence);
            ["required", "preferred", "is a must"]
                .iter()
                .any(|w| contains_words(&lower, w))
                && ASKING
                    .iter()
                    .filter(|w| !w.starts_with("require"))
                    .any(|w| contains_words(&lower, w))
        })
        .count()
}

/// Requirements given on the command line: `"go, kafka"` is two, `"a|b"`
/// or `"one of a, b"` is one choice. Every name must be a skill of the
/// vocabulary (any spelling, versions ignored).
pub fn parse_requirement_list(
    list: &str,
    vocab: &Vocabulary,
) -> Result<Vec<Requirement>, JobError> {
    let error = |problem: String| JobError::List {
        list: list.to_string(),
        problem,
    };
    let trimmed = list.trim();
    let lower = trimmed.to_lowercase();
    let whole_choice = ["one of ", "any of "]
        .iter()
        .find(|p| lower.starts_with(*p));
    let items: Vec<(String, Vec<&str>)> = match whole_choice {
        Some(prefix) => {
            let rest = &trimmed[prefix.len()..];
            vec![(rest.trim().to_string(), rest.split([',', '|']).collect())]
        }
        None => trimmed
            .split([',', ';'])
            .map(|item| (item.trim().to_string(), item.split('|').collect()))
            .collect(),
    };
    let mut out = Vec::new();
    for (quote, names) in items {
        let mut any_of = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let id = vocab
                .canonical(name)
                .ok_or_else(|| error(unknown_skill(name, vocab)))?;
            if !any_of.contains(&id) {
                any_of.push(id);
            }
        }
        if !any_of.is_empty() {
            out.push(Requirement { any_of, quote });
        }
    }
    if out.is_empty() {
        return Err(error(
            "names no skill; give names such as \"go, kafka\" or \"one of python, go\"".into(),
        ));
    }
    Ok(out)
}

/// "unknown skill "kafak": not in the vocabulary (did you mean Kafka?)".
fn unknown_skill(name: &str, vocab: &Vocabulary) -> String {
    let wanted = name.to_lowercase();
    let closest = vocab
        .ids()
        .map(|id| (edit_distance(&wanted, &vocab.name(id).to_lowercase()), id))
        .min();
    match closest {
        Some((d, id)) if d <= 2 => format!(
            "unknown skill \"{name}\": not in the vocabulary (rubrics/skills.toml); did you mean {}?",
            vocab.name(id)
        ),
        _ => format!("unknown skill \"{name}\": not in the vocabulary (rubrics/skills.toml)"),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// The JSON `levelscan job --format json` prints (shape fixed by
/// design.md): requirements by canonical name, a choice as `{"one_of":
/// [...]}`.
#[derive(Debug, Serialize)]
pub struct JobJson<'a> {
    pub title: Option<&'a str>,
    pub level: Option<Level>,
    pub years_min: Option<f64>,
    pub required: Vec<RequirementJson>,
    pub nice: Vec<RequirementJson>,
    pub not_assessed: &'a [String],
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum RequirementJson {
    Skill(String),
    OneOf { one_of: Vec<String> },
}

impl Job {
    pub fn to_json<'a>(&'a self, vocab: &Vocabulary) -> JobJson<'a> {
        let names = |list: &[Requirement]| -> Vec<RequirementJson> {
            list.iter()
                .map(|r| match r.any_of.as_slice() {
                    [one] => RequirementJson::Skill(vocab.name(*one).to_string()),
                    many => RequirementJson::OneOf {
                        one_of: many.iter().map(|&s| vocab.name(s).to_string()).collect(),
                    },
                })
                .collect()
        };
        JobJson {
            title: self.title.as_deref(),
            level: self.level,
            years_min: self.years_min,
            required: names(&self.required),
            nice: names(&self.nice),
            not_assessed: &self.not_assessed,
        }
    }

    /// Whether the posting named any skill of the vocabulary.
    pub fn has_skills(&self) -> bool {
        !self.required.is_empty() || !self.nice.is_empty()
    }
}

#[cfg(test)]
mod tests;
