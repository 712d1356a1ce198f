//! Who and what a role is: the title and employer around a role's dates,
//! and from the resume's header the candidate's name, email and headline.
//! Name and email are carried for output only; nothing scores them.

use std::sync::OnceLock;

use regex::Regex;

use crate::matching::ascii_bounds::FixedRegex;
use crate::rubric::Rubric;

/// Words that mark a part of a job line as a job title rather than an
/// employer, for careers both inside and outside engineering.
pub(super) fn title_words() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FixedRegex::new(r"(?i)\b(?:engineer|developer|programmer|architect|intern|manager|director|head of|vp|analyst|consultant|scientist|designer|teacher|specialist|coordinator|associate|assistant|lead|officer|administrator|technician|researcher|instructor|tutor|accountant|nurse|founder|co-founder|cto|ceo|sre|devops|fellow|principal|staff|senior|junior|representative|agent|clerk|chef|editor|writer|sales|marketing|recruiter|student|owner|strategist|planner|operator|supervisor|swe|sde|entwickler|entwicklerin|ingenieur|ingenieurin|berater|développeur|ingénieur|desarrollador|ingeniero|desenvolvedor|engenheiro|programador|analista|stagiaire|praktikant)\b")
    })
}

/// The parts of a job or headline line between separators (dashes, bars,
/// dots, bullets, commas, "at", "@", tabs), trimmed of separator
/// characters; empty parts left out. Borrowed from `text`.
pub(super) fn split_parts(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    let mut split = Vec::new();
    for sep in [
        " — ", " – ", " - ", " | ", " · ", " • ", ", ", " at ", " @ ", " // ", "- ", "\t",
    ] {
        split.clear();
        for part in &parts {
            split.extend(part.split(sep));
        }
        std::mem::swap(&mut parts, &mut split);
    }
    parts
        .into_iter()
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || "-–—|·•,()[]*_".contains(c)))
        .filter(|p| !p.is_empty())
        .collect()
}

pub(super) fn find_email(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
            .expect("the email pattern is a constant and compiles")
    });
    re.find(text).map(|m| m.as_str().to_string())
}

/// A headline such as "Senior Backend Engineer · name@example.com": the
/// part that holds a title.
pub(super) fn headline_title(text: &str, rubric: &Rubric) -> Option<String> {
    if text.chars().count() > 90 {
        return None;
    }
    split_parts(text)
        .into_iter()
        .find(|p| {
            !p.contains('@')
                && p.split_whitespace().count() <= 6
                && rubric.titles.iter().any(|t| t.regex.is_match(p))
        })
        .map(str::to_string)
}
