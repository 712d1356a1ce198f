//! Roles: the jobs a resume lists, each a title, an employer and a date
//! range, in any order over one to three lines. Takes the document's lines,
//! their sections and the date range found on each line; gives the roles,
//! what each role's months count as (engineering, student work or another
//! career), and which lines are role headers rather than achievements.
//!
//! Real resumes put the parts of a role in many places: "Title, Employer —
//! 2019 – 2023" on one line; the title on the line above the dates; the
//! employer and dates on one line with the title on the line *below*; a
//! location line in between. A date line's neighbours are read as part of
//! its role only while they are short, unbulleted and not sentences. When
//! the title could be above or below, the document decides: the side
//! where most of its roles find a title is the side every role reads first.

use super::dates::{DateRange, YearMonth, resolve};
use super::header::{split_parts, title_words};
use super::sections::heading_kind;
use super::{LineInfo, starts_with_bullet};
use crate::rubric::{Rubric, SectionKind};
use serde::Serialize;

/// What a role's months count as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// Professional engineering work (and any role whose title says
    /// nothing else).
    Engineering,
    /// Internships, co-ops, teaching and research assistantships, student
    /// jobs: shown apart, never professional years.
    Student,
    /// Another career: reported apart, its bullets weighed lightly.
    Other,
}

/// A job (or internship) with its dates, as the resume states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub title: String,
    pub employer: String,
    pub start: YearMonth,
    /// The resolved end: "present" becomes the document's date.
    pub end: YearMonth,
    pub ongoing: bool,
    pub kind: RoleKind,
    /// Index into the document's lines of the line holding the dates.
    pub line_index: usize,
    /// The first line of the role's header (its title line when that sits
    /// above the dates): bullets after it belong to this role.
    pub first_line: usize,
}

/// How many lines above or below a date line may still be part of its role.
const REACH: usize = 2;

/// The fewest roles with a title above their dates that make it the
/// resume's layout.
const MIN_LAYOUT_VOTES: usize = 2;

/// The most words of a line that is a title no list knows.
const MAX_UNKNOWN_TITLE_WORDS: usize = 5;

/// Whether a line reads as a title no list knows: a few words opening
/// with a capital, ending with no punctuation, no digits (a sentence's
/// wrapped end opens lower case or ends in a full stop; a place or a
/// company's line is read the same way, which is harmless: it is the
/// role's header too).
fn reads_as_a_title(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(char::is_uppercase)
        && text.split_whitespace().count() <= MAX_UNKNOWN_TITLE_WORDS
        && !text.ends_with(|c: char| c.is_ascii_punctuation() && c != ')')
        && !text.contains(|c: char| c.is_ascii_digit())
}

/// The most words a job line holds beside its dates: a title, an employer,
/// a place. More is a sentence.
const MAX_JOB_LINE_WORDS: usize = 16;

/// Words on a line other than its date range.
fn words_beside(text: &str, range: &DateRange) -> usize {
    let before = text.get(..range.span.0).unwrap_or("");
    let after = text.get(range.span.1..).unwrap_or("");
    before.split_whitespace().count() + after.split_whitespace().count()
}

/// Whether the date range on line `i` is part of a sentence, not a job
/// line: the line has too many words beside the dates ("Owned the SLO
/// framework in 2024-2025 and …"), or it carries on a sentence wrapped from
/// the line above ([`continues_a_sentence`]).
fn dated_prose(texts: &[&str], i: usize, range: &DateRange) -> bool {
    words_beside(texts[i], range) > MAX_JOB_LINE_WORDS || continues_a_sentence(texts, i, range)
}

/// Find the roles. `ranges[i]` is the date range on line `i`, if any;
/// `tails[i]` marks a line that only finishes the range of the line above.
/// Lines that turn out to be role headers are marked in `lines`.
pub(super) fn find_roles(
    texts: &[&str],
    lines: &mut [LineInfo],
    ranges: &[Option<DateRange>],
    tails: &[bool],
    present: Option<YearMonth>,
    rubric: &Rubric,
) -> Vec<Role> {
    let Some(present) = present else {
        return Vec::new();
    };
    let dated: Vec<(usize, &DateRange, (YearMonth, YearMonth, bool))> = ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.as_ref()?)))
        .filter(|(i, _)| {
            !matches!(
                lines[*i].section,
                SectionKind::Education | SectionKind::Skills | SectionKind::Projects
            )
        })
        // A sentence that mentions years is an achievement or a summary,
        // not a job line.
        .filter(|(i, r)| !dated_prose(texts, *i, r))
        .filter_map(|(i, r)| Some((i, r, resolve(r, present)?)))
        .collect();
    let is_date_line = |j: usize| ranges[j].is_some() || tails[j];
    let years = &rubric.years;
    let is_title = |p: &str| is_title(p, rubric);

    // The lines around each date line that may belong to its role, nearest
    // first, and whether the nearest title-bearing one is above or below.
    let neighbours = |i: usize, step: isize| -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = i as isize;
        for _ in 0..REACH {
            j += step;
            if j < 0 || j as usize >= texts.len() {
                break;
            }
            let k = j as usize;
            // The tail of this role's own range is skipped, not a stop.
            if step > 0 && tails[k] && k == i + 1 {
                continue;
            }
            if !is_context_line(texts[k], &lines[k], &is_title) || is_date_line(k) {
                break;
            }
            out.push(k);
        }
        out
    };
    let titled = |candidates: &[usize]| {
        candidates
            .iter()
            .any(|&k| split_parts(texts[k]).iter().any(|p| is_title(p)))
    };
    let mut votes = (0usize, 0usize); // (above, below)
    let mut around = Vec::with_capacity(dated.len());
    for &(i, range, _) in &dated {
        let same = same_line_parts(texts[i], range);
        let above = neighbours(i, -1);
        let below = neighbours(i, 1);
        if !same.iter().any(|p| is_title(p)) {
            votes.0 += usize::from(titled(&above));
            votes.1 += usize::from(titled(&below));
        }
        around.push((same, above, below));
    }
    let below_first = votes.1 > votes.0;
    // Whether the resume's roles put their titles above their dates, so
    // that the line right above a date line is its title even when no
    // title list knows it.
    let titles_above = votes.0 > votes.1 && votes.0 >= MIN_LAYOUT_VOTES;

    let mut roles = Vec::with_capacity(dated.len());
    for ((i, range, (start, end, ongoing)), (same, above, below)) in dated.into_iter().zip(around) {
        let (first, second) = if below_first {
            (&below, &above)
        } else {
            (&above, &below)
        };
        // Where the title is: this line, the preferred side, the other side.
        // Each line's parts are kept together so the employer can come
        // from the title's own line first.
        let mut used: Vec<usize> = Vec::new();
        let mut groups: Vec<Vec<String>> = vec![same.clone()];
        if !same.iter().any(|p| is_title(p)) {
            let side = [first, second].into_iter().find(|side| titled(side));
            for &k in side.into_iter().flatten() {
                used.push(k);
                let line_parts = split_parts(texts[k]);
                let has_title = line_parts.iter().any(|p| is_title(p));
                groups.push(line_parts.into_iter().map(str::to_string).collect());
                if has_title {
                    break;
                }
            }
            // A title no list knows ("Profesor Java", an uncommon job) in
            // the title's place of this resume's layout is still the
            // role's header, not the end of the previous role's last
            // sentence (which would lend it that sentence's work verb).
            if side.is_none()
                && titles_above
                && let Some(&k) = above.first().filter(|&&k| reads_as_a_title(texts[k]))
            {
                used.push(k);
            }
        }
        // A project, a certificate or a course dated like a job is not one.
        if groups.iter().flatten().any(|p| years.not_jobs.is_match(p)) {
            continue;
        }
        let (mut title, employer) = title_and_employer(&groups, &is_title);
        // An employer's line with dates of its own right under a dated
        // title line ("Engineering Manager - Brooklyn, NY Jan 2023-Present
        // (consultant)" / "Brooklyn Law School December 2014-Jan 2023"): an
        // earlier stint of the title above.
        if title.is_empty()
            && used.is_empty()
            && !tails[i]
            && i > 0
            && is_context_line(texts[i], &lines[i], &is_title)
            && !groups.iter().flatten().any(|p| says_studied(p))
            && let Some(above) = roles.last().filter(|r: &&Role| r.line_index == i - 1)
        {
            title.clone_from(&above.title);
        }
        // A dated line with no title that names a school or a degree is
        // education under a heading levelscan did not know.
        if title.is_empty() && groups.iter().flatten().any(|p| names_education(p)) {
            continue;
        }
        for &k in &used {
            lines[k].role_header = true;
        }
        lines[i].role_header = true;
        let first_line = used.iter().copied().chain([i]).min().unwrap_or(i);
        // Research at a university (a doctorate's years) is academic
        // work, shown apart as a student's, not professional years.
        let academic =
            is_research_title(&title) && groups.iter().flatten().any(|p| names_education(p));
        // The note the title loses may say it was student work:
        // "Validation Engineer (Intern)".
        let noted_student = !title.is_empty()
            && groups.iter().flatten().any(|p| {
                p.len() > title.len() && p.contains(&title) && years.student_titles.is_match(p)
            });
        let role = Role {
            kind: if academic || noted_student || lines[i].student_activity {
                RoleKind::Student
            } else {
                role_kind(&title, rubric).unwrap_or(RoleKind::Engineering)
            },
            title,
            employer,
            start,
            end,
            ongoing,
            line_index: i,
            first_line,
        };
        // Two stints at one job on one line ("January 2016 - September
        // 2018, March 2019 - February 2023"): the second is the same role.
        let second = second_range(texts[i], range).and_then(|r| resolve(&r, present));
        if let Some((start, end, ongoing)) = second {
            roles.push(Role {
                start,
                end,
                ongoing,
                ..role.clone()
            });
        }
        roles.push(role);
    }
    // A role whose title says nothing either way counts as engineering when
    // its own lines describe engineering work: "Web application
    // architecture and implementation" under an untitled job is; a
    // student's restaurant job is not. A titled role with no lines of its
    // own at all (the next role's header follows its dates: "Cognizant -
    // (2008 – 2020)" / "Delivery Lead" / the next employer) says nothing
    // either way: it takes the kind most of the other roles have.
    let starts: Vec<usize> = roles.iter().map(|r| r.first_line).collect();
    let mut undescribed = Vec::new();
    for (k, r) in roles.iter_mut().enumerate() {
        if role_kind(&r.title, rubric).is_some() || lines[r.line_index].student_activity {
            continue;
        }
        let next = starts
            .iter()
            .copied()
            .filter(|&s| s > r.line_index)
            .min()
            .unwrap_or(texts.len());
        let end = next.min(r.line_index + 1 + DESCRIPTION_LINES);
        let own: Vec<usize> = (r.first_line..end)
            .filter(|&j| j == r.line_index || !lines[j].heading)
            .take_while(|&j| j <= r.line_index || !lines[j].heading)
            .collect();
        if own
            .iter()
            .any(|&j| years.engineering_work.is_match(texts[j]))
        {
            continue;
        }
        r.kind = RoleKind::Other;
        // Only a titled role: an untitled date line followed by roles is a
        // heading over them ("2023 – Present: AI startups era") or a list
        // of dates.
        let says_nothing = own
            .iter()
            .all(|&j| j <= r.line_index || lines[j].role_header);
        if says_nothing && !r.title.is_empty() {
            undescribed.push(k);
        }
    }
    let count = |kind: RoleKind| {
        roles
            .iter()
            .enumerate()
            .filter(|(k, r)| r.kind == kind && !undescribed.contains(k))
            .count()
    };
    if count(RoleKind::Engineering) > count(RoleKind::Other) {
        for &k in &undescribed {
            roles[k].kind = RoleKind::Engineering;
        }
    }
    roles
}

/// Whether the range on line `i` sits inside a sentence wrapped from the
/// line above: "… Before this, I spent" / "10 years (2014–2024) as an
/// independent analyst in". The line above is a long unfinished line, not
/// a bullet, and a lower-case word opens this line before the range; a job
/// line opens with its title, its employer or its dates.
fn continues_a_sentence(texts: &[&str], i: usize, range: &DateRange) -> bool {
    let Some(above) = i.checked_sub(1).map(|k| texts[k].trim()) else {
        return false;
    };
    let unfinished = above.split_whitespace().count() >= MIN_SENTENCE_WORDS
        && !above.ends_with(['.', ':', ';', '!', '?', ')'])
        && !starts_with_bullet(above);
    let before = texts[i].get(..range.span.0).unwrap_or("");
    let opens_lower = before
        .split_whitespace()
        .find(|w| w.chars().any(char::is_alphabetic))
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_lowercase);
    unfinished && opens_lower
}

/// The fewest words of a line that runs on into the next as a sentence.
const MIN_SENTENCE_WORDS: usize = 8;

/// A second range right after a line's first, joined by a comma, "and" or
/// "&", with nothing after it but punctuation or a note in brackets.
fn second_range(text: &str, first: &DateRange) -> Option<DateRange> {
    let after = text.get(first.span.1..)?;
    let rest = after.trim_start();
    let rest = [",", ";", "&", "and "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim_start();
    let offset = text.len() - rest.len();
    let range = super::dates::find_date_range(rest)?;
    let tail = rest.get(range.span.1..)?.trim();
    let closes = tail.is_empty() || (tail.starts_with('(') && tail.ends_with(')'));
    (range.span.0 == 0 && closes).then(|| DateRange {
        span: (range.span.0 + offset, range.span.1 + offset),
        ..range
    })
}

/// How many lines under an untitled role are read for what kind of work
/// it was.
const DESCRIPTION_LINES: usize = 8;

/// A research title that names no engineering job: "Researcher", "PhD
/// Candidate", "Postdoctoral Fellow" — not "Research Engineer" or
/// "engineer-researcher", whose lab work is engineering.
fn is_research_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    ["research", "phd", "ph.d", "doctoral", "postdoc"]
        .iter()
        .any(|w| lower.contains(w))
        && !["engineer", "developer", "programmer"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Whether a part of a role header names a school or a degree, or says
/// the years were spent studying.
fn names_education(part: &str) -> bool {
    const WORDS: &[&str] = &[
        "university",
        "college",
        "colleges",
        "school",
        "bachelor",
        "bachelor's",
        "master",
        "master's",
        "degree",
        "diploma",
        "b.s.",
        "b.sc",
        "bsc",
        "m.s.",
        "msc",
        "m.sc",
        "phd",
        "ph.d.",
        "b.e.",
        "b.tech",
        "btech",
        "m.tech",
        "studium",
        "universität",
        "hochschule",
        "ausbildung",
        "abitur",
        "université",
        "école",
        "lycée",
        "universidad",
        "licenciatura",
        "universidade",
        "faculdade",
        "graduação",
        "escola",
        "bacharelado",
        "mestrado",
        "institute",
        "polytechnic",
        "academy",
        "faculty",
        "gymnasium",
        "lyceum",
    ];
    says_studied(part)
        || part
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .any(|w| {
                let w = w.to_lowercase();
                WORDS.contains(&w.as_str())
                    || w.ends_with("studium")
                    || w.ends_with("universität")
                    || w.ends_with("schule")
            })
}

/// "Studied Computer Engineering HAW Hamburg": years spent studying, at
/// a school a dated line need not name as one.
fn says_studied(part: &str) -> bool {
    part.split_whitespace().next().is_some_and(|w| {
        ["studied", "studying", "studies", "study"].contains(&w.to_lowercase().as_str())
    })
}

/// The title (the first title-like part) and the employer (another part
/// of the title's line, else the first other part that names something:
/// not a length of service such as "2 years").
fn title_and_employer(groups: &[Vec<String>], is_title: &dyn Fn(&str) -> bool) -> (String, String) {
    let names_something = |p: &str| p.chars().any(char::is_alphabetic) && !is_length_of_service(p);
    let at = groups
        .iter()
        .enumerate()
        .find_map(|(g, parts)| parts.iter().position(|p| is_title(p)).map(|k| (g, k)));
    let Some((g, k)) = at else {
        let employer = groups.iter().flatten().find(|p| names_something(p));
        return (String::new(), employer.cloned().unwrap_or_default());
    };
    let title =
        without_trailing_note(without_label(without_leading_date(&groups[g][k]))).to_string();
    let on_title_line = groups[g]
        .iter()
        .enumerate()
        .find(|(j, p)| *j != k && names_something(p));
    let employer = match on_title_line {
        Some((_, p)) => p.clone(),
        None => groups
            .iter()
            .enumerate()
            .filter(|(h, _)| *h != g)
            .flat_map(|(_, parts)| parts)
            .find(|p| names_something(p))
            .cloned()
            .unwrap_or_default(),
    };
    (title, employer)
}

/// A title without a label before it: "▫ Title: Head of Data" is "Head of
/// Data", "Role: Director" is "Director".
fn without_label(title: &str) -> &str {
    let title = title.trim_start_matches(|c: char| !c.is_alphanumeric());
    for label in ["role:", "title:", "position:", "job title:"] {
        if title.len() >= label.len()
            && title.is_char_boundary(label.len())
            && title[..label.len()].eq_ignore_ascii_case(label)
        {
            return title[label.len()..].trim_start();
        }
    }
    title
}

/// A title without the end of a range a margin set before it on its line
/// ("2015 Software engineer" under "2011 - Elektrowerk").
fn without_leading_date(title: &str) -> &str {
    match super::dates::date_regex().for_text(title).find(title) {
        Some(m) if m.start() == 0 && title[m.end()..].starts_with(' ') => {
            title[m.end()..].trim_start()
        }
        _ => title,
    }
}

/// A title without a note in brackets after it: "Chief Technology Officer
/// (CTO)" is "Chief Technology Officer".
fn without_trailing_note(title: &str) -> &str {
    match title.find('(') {
        Some(at) if title[..at].split_whitespace().count() >= 2 => title[..at].trim_end(),
        _ => title,
    }
}

/// "2 years", "1 yr 3 mos", "7 months": what LinkedIn exports print after
/// a date range.
fn is_length_of_service(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.to_lowercase().as_str(),
                    "year" | "years" | "yr" | "yrs" | "month" | "months" | "mo" | "mos" | "and"
                )
        })
}

/// A part of a line that reads as a job title.
fn is_title(part: &str, rubric: &Rubric) -> bool {
    let years = &rubric.years;
    title_words().for_text(part).is_match(part)
        || rubric.titles.iter().any(|t| t.regex.is_match(part))
        || years.student_titles.is_match(part)
        || years.other_titles.is_match(part)
        || years.undecided_titles.is_match(part)
}

/// Whether the date range on line `i` is a job's: a title on that line or
/// on a short line just above or below it.
pub(super) fn looks_like_job(texts: &[&str], i: usize, range: &DateRange, rubric: &Rubric) -> bool {
    if dated_prose(texts, i, range) {
        return false;
    }
    let titled = |parts: Vec<&str>| parts.iter().any(|p| is_title(p, rubric));
    let short = |t: &str| t.split_whitespace().count() <= 8 && !starts_with_bullet(t.trim());
    // Above: the title's line, or the title's line over the employer's
    // ("Programme QA Consultant" / "The Home Office" / the dates).
    let titled_above = |k: usize| short(texts[k]) && titled(split_parts(texts[k]));
    titled(split_parts(&same_line_parts(texts[i], range).join(" | ")))
        || (i > 0 && titled_above(i - 1))
        || (i > 1
            && short(texts[i - 1])
            && heading_kind(texts[i - 1]).is_none()
            && titled_above(i - 2))
        || texts
            .get(i + 1)
            .is_some_and(|t| short(t) && titled(split_parts(t)))
}

/// Whether a date line opens with a degree ("2017-2019 : Master
/// développeur d'application …", "Licence informatique"): in an education
/// list it is one, whatever title words follow.
pub(super) fn opens_with_degree(text: &str, range: &DateRange) -> bool {
    const DEGREES: &[&str] = &[
        "master",
        "master's",
        "masters",
        "bachelor",
        "bachelor's",
        "licence",
        "diploma",
        "degree",
        "msc",
        "m.sc",
        "bsc",
        "b.sc",
        "phd",
        "ph.d.",
        "mba",
        "b.s.",
        "m.s.",
        "b.a.",
        "m.a.",
        "b.tech",
        "m.tech",
        "btech",
        "mtech",
        "doctorate",
    ];
    same_line_parts(text, range)
        .first()
        .and_then(|p| {
            p.trim_start_matches(|c: char| !c.is_alphanumeric())
                .split_whitespace()
                .next()
                .map(str::to_lowercase)
        })
        .is_some_and(|w| DEGREES.contains(&w.as_str()))
}

/// Whether the line above a date line names a school or a degree: "ORT
/// Colleges" over "Practical Engineer, Electrical Engineering · (2006 -
/// 2008)" in an education list is a degree, whatever its title words. (A
/// job at a university names it on the date line itself.)
pub(super) fn names_school_above(texts: &[&str], i: usize) -> bool {
    i > 0 && split_parts(texts[i - 1]).iter().any(|p| names_education(p))
}

/// The parts of a date line other than its dates, bullets and separators.
fn same_line_parts(text: &str, range: &DateRange) -> Vec<String> {
    let rest = format!("{} {}", &text[..range.span.0], &text[range.span.1..]);
    let rest = rest.trim_start_matches(|c: char| {
        crate::extract::cleanup::is_bullet(c) || c == '*' || c == ' '
    });
    split_parts(rest).into_iter().map(str::to_string).collect()
}

/// A line that can be part of a role's header: short, not a bullet, not a
/// heading, not a sentence (a short titled line may end in a full stop); or a title followed by the role's tools
/// ("Software developer TFS, Git, .NET, C#, WPF").
fn is_context_line(text: &str, info: &LineInfo, is_title: &dyn Fn(&str) -> bool) -> bool {
    let text = text.trim();
    if text.is_empty() || info.heading || heading_kind(text).is_some() || starts_with_bullet(text) {
        return false;
    }
    let words = text.split_whitespace().count();
    // A full stop ends a sentence, but also some resumes' role lines
    // ("Founder and Manager, Acme SARL."): a short line with a title in it
    // is still a header.
    let sentence_end = text.ends_with(['.', ';'])
        && !(words <= SHORT_TITLE_LINE_WORDS && split_parts(text).iter().any(|p| is_title(p)));
    let short_phrase = words <= 12 && !sentence_end && info.list_items == 0;
    let titled_list = info.list_items > 0
        && text
            .split(',')
            .next()
            .is_some_and(|first| first.split_whitespace().count() <= 6 && is_title(first));
    short_phrase || titled_list
}

/// The most words a role line ending in a full stop may hold.
const SHORT_TITLE_LINE_WORDS: usize = 8;

/// What a title's months count as: student work first (an "Intern
/// Software Engineer" is an intern), then engineering, then another
/// career; none for an empty title, one no list knows, or one that says
/// only who ran the work ("Founder and Manager": its lines decide).
pub fn role_kind(title: &str, rubric: &Rubric) -> Option<RoleKind> {
    let years = &rubric.years;
    if title.is_empty() {
        None
    } else if years.student_titles.is_match(title) {
        Some(RoleKind::Student)
    } else if years.engineering_titles.is_match(title) {
        Some(RoleKind::Engineering)
    } else if years.undecided_titles.is_match(title) {
        None
    } else if years.other_titles.is_match(title) {
        Some(RoleKind::Other)
    } else {
        None
    }
}
