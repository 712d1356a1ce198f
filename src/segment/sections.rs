//! Sections: which heading opens which part of a resume, in the many
//! spellings real resumes use ("Work History", "Technical Skills",
//! "Profile"), and which lines are flat lists of short items rather than
//! sentences. Pure text rules; no scoring.

use crate::rubric::SectionKind;

/// Lower-case letters and spaces only, "&" read as "and".
pub(super) fn normalise_heading(text: &str) -> String {
    let t = text.to_lowercase().replace('&', " and ");
    let t: String = t
        .chars()
        .map(|c| {
            if c.is_alphabetic() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) const SUMMARY: &[&str] = &[
    "summary",
    "professional summary",
    "profile",
    "professional profile",
    "about",
    "about me",
    "objective",
    "career objective",
    "overview",
    "career summary",
    "executive summary",
    "introduction",
    "summary of qualifications",
    "personal statement",
    "bio",
];
pub(super) const EXPERIENCE: &[&str] = &[
    "experience",
    "work experience",
    "professional experience",
    "relevant experience",
    "employment",
    "employment history",
    "work history",
    "career history",
    "career",
    "professional background",
    "industry experience",
    "selected experience",
    "technical experience",
    "engineering experience",
    "recent experience",
    "experience highlights",
    "work",
    "positions",
    "professional history",
    "relevant work experience",
];
pub(super) const SKILLS: &[&str] = &[
    "skills",
    "technical skills",
    "core skills",
    "key skills",
    "technologies",
    "tech stack",
    "tools",
    "skills and tools",
    "tools and technologies",
    "competencies",
    "core competencies",
    "expertise",
    "areas of expertise",
    "languages and tools",
    "stack",
    "technical proficiencies",
    "toolbox",
    "skills and technologies",
    "technical expertise",
    "skills summary",
    "tech",
];
pub(super) const PROJECTS: &[&str] = &[
    "projects",
    "personal projects",
    "side projects",
    "selected projects",
    "open source",
    "open source contributions",
    "portfolio",
    "key projects",
    "project experience",
    "notable projects",
    "academic projects",
];
pub(super) const EDUCATION: &[&str] = &[
    "education",
    "education and training",
    "certifications",
    "certificates",
    "courses",
    "training",
    "academic background",
    "education and certifications",
    "licenses and certifications",
    "bootcamp",
    "coursework",
    "qualifications",
];
pub(super) const OTHER: &[&str] = &[
    "publications",
    "talks",
    "speaking",
    "awards",
    "honors",
    "honours",
    "interests",
    "hobbies",
    "volunteering",
    "volunteer experience",
    "languages",
    "references",
    "achievements",
    "patents",
    "activities",
    "additional information",
    "contact",
    "leadership",
    "writing",
    "community",
    "selected writing",
    "awards and honors",
];

/// The section a label opens when a label column's label was read into
/// the first row beside it, on the same baseline. Two forms:
/// - a leading run of words in capitals that is a heading ("HABILIDADES",
///   "WORK EXPERIENCE"), then the row's own mixed-case text ("HABILIDADES
///   Lenguajes de programación: PHP, …");
/// - in a document whose labels are bulleted lines of their own ("• About",
///   "• Skills": `bulleted_labels`), a bullet and one heading word, then the
///   row ("• Employment Software Development Manager, JP Morgan Chase").
///
/// The row stays content; it opens the label's section. Returned with the
/// byte offset in `text` where the row's own text starts.
pub fn glued_label(text: &str, bulleted_labels: bool) -> Option<(SectionKind, usize)> {
    let lead = text.len() - text.trim_start().len();
    let text = text.trim_start();
    if bulleted_labels && let Some(rest) = text.strip_prefix(crate::extract::cleanup::is_bullet) {
        let mut words = rest.split_whitespace();
        let (label, next) = (words.next()?, words.next()?);
        let row_follows = next.chars().next().is_some_and(char::is_uppercase);
        let row = text.len() - rest.len() + rest.find(next)?;
        return heading_kind(label)
            .filter(|_| row_follows)
            .map(|kind| (kind, lead + row));
    }
    let mut label_end = 0;
    let mut rest = None;
    for word in text.split_whitespace() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && word.chars().all(|c| !c.is_lowercase()) {
            let start = text[label_end..]
                .find(word)
                .map_or(label_end, |at| label_end + at);
            label_end = start + word.len();
        } else {
            rest = Some(word);
            break;
        }
    }
    let rest = rest?;
    let mixed_case =
        rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().any(char::is_lowercase);
    if label_end == 0 || !mixed_case {
        return None;
    }
    let row = label_end + text[label_end..].find(rest)?;
    heading_kind(&text[..label_end]).map(|kind| (kind, lead + row))
}

/// Whether a heading names a student's activities outside work:
/// "Extracurricular Activities", "Awards & Extra-Curricular".
pub(super) fn is_activities_heading(text: &str) -> bool {
    let norm = normalise_heading(text);
    norm.contains("extracurricular") || norm.contains("extra curricular")
}

/// The section a heading line opens, if it is a heading.
pub fn heading_kind(text: &str) -> Option<SectionKind> {
    if text.chars().count() > 48 || text.ends_with('.') {
        return None;
    }
    let norm = normalise_heading(text);
    if norm.is_empty() || norm.split(' ').count() > 5 {
        return None;
    }
    let tables = [
        (SectionKind::Summary, SUMMARY),
        (SectionKind::Experience, EXPERIENCE),
        (SectionKind::Skills, SKILLS),
        (SectionKind::Projects, PROJECTS),
        (SectionKind::Education, EDUCATION),
        (SectionKind::Other, OTHER),
    ];
    for (kind, words) in tables {
        if words.contains(&norm.as_str()) {
            return Some(kind);
        }
    }
    keyword_heading(text, &norm)
}

/// Head words that make a short line a heading in any wording ("Research
/// and Industry Experience", "Berufserfahrung", "Formação Acadêmica"),
/// with the section each opens. A few languages beside English: real
/// folders hold them.
const HEAD_WORDS: &[(&str, SectionKind)] = &[
    ("experience", SectionKind::Experience),
    ("experiences", SectionKind::Experience),
    ("employment", SectionKind::Experience),
    ("berufserfahrung", SectionKind::Experience),
    ("berufspraxis", SectionKind::Experience),
    ("werdegang", SectionKind::Experience),
    ("expérience", SectionKind::Experience),
    ("expériences", SectionKind::Experience),
    ("experiencia", SectionKind::Experience),
    ("experiência", SectionKind::Experience),
    ("experiências", SectionKind::Experience),
    ("esperienza", SectionKind::Experience),
    ("esperienze", SectionKind::Experience),
    ("skills", SectionKind::Skills),
    ("technologies", SectionKind::Skills),
    ("kenntnisse", SectionKind::Skills),
    ("fähigkeiten", SectionKind::Skills),
    ("compétences", SectionKind::Skills),
    ("habilidades", SectionKind::Skills),
    ("competências", SectionKind::Skills),
    ("competencias", SectionKind::Skills),
    ("competenze", SectionKind::Skills),
    ("projects", SectionKind::Projects),
    ("projekte", SectionKind::Projects),
    ("projets", SectionKind::Projects),
    ("proyectos", SectionKind::Projects),
    ("projetos", SectionKind::Projects),
    ("progetti", SectionKind::Projects),
    ("education", SectionKind::Education),
    ("certifications", SectionKind::Education),
    ("ausbildung", SectionKind::Education),
    ("bildung", SectionKind::Education),
    ("studium", SectionKind::Education),
    ("formation", SectionKind::Education),
    ("formations", SectionKind::Education),
    ("educación", SectionKind::Education),
    ("formación", SectionKind::Education),
    ("formação", SectionKind::Education),
    ("educação", SectionKind::Education),
    ("istruzione", SectionKind::Education),
    ("publications", SectionKind::Other),
    ("awards", SectionKind::Other),
    ("interests", SectionKind::Other),
    ("languages", SectionKind::Other),
    ("extracurricular", SectionKind::Other),
    ("extracurriculars", SectionKind::Other),
    ("curricular", SectionKind::Other),
    ("sprachen", SectionKind::Other),
    ("langues", SectionKind::Other),
    ("idiomas", SectionKind::Other),
];

/// A short line with no digits whose last head word is one of
/// [`HEAD_WORDS`]: the last one, as English puts the head noun last
/// ("Projects and Experience" is read as experience).
fn keyword_heading(text: &str, norm: &str) -> Option<SectionKind> {
    let trimmed = text.trim().trim_end_matches(':');
    if trimmed.is_empty()
        || trimmed.chars().any(|c| c.is_ascii_digit())
        || trimmed.ends_with([',', ';'])
        || norm.split(' ').count() > 4
    {
        return None;
    }
    // "Technical Project Experience", "Academic Project Experience": the
    // experience of projects, whatever comes before.
    if norm.ends_with("project experience") {
        return Some(SectionKind::Projects);
    }
    // "Educational Experiences", "Other Educational Experience": studies,
    // whose courses name their subjects, not work done with them.
    if norm.split(' ').any(|w| w == "educational") {
        return Some(SectionKind::Education);
    }
    norm.split(' ')
        .rev()
        .find_map(|w| HEAD_WORDS.iter().find(|(h, _)| *h == w).map(|(_, k)| *k))
}

/// How many short items a flat list line holds ("Skills: Go, Rust, SQL"),
/// or 0 when it reads as a sentence.
pub fn list_items(text: &str) -> usize {
    let body = match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 4 => rest,
        _ => text,
    };
    let body = body.trim_start_matches(|c: char| {
        crate::extract::cleanup::is_bullet(c) || c == '-' || c == '*' || c == ' '
    });
    let items: Vec<&str> = body
        .split([',', ';', '|', '·', '•', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 2 {
        return 0;
    }
    let short = items
        .iter()
        .filter(|i| i.split_whitespace().count() <= 3)
        .count();
    if short * 10 >= items.len() * 9 && !body.trim_end().ends_with('.') {
        items.len()
    } else {
        0
    }
}
