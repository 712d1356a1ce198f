//! What a posting says about the person it wants: its title, the level
//! the title (or the text) asks for, and the fewest years it asks for.
//!
//! The level comes from the title's words as the rubric's `[[title]]`
//! rules read a resume's title (Junior, Senior, Staff, Principal, Lead,
//! intern...), or a ladder numeral ("Engineer II"); failing that from the
//! text ("staff-level scope", "senior-level"); failing that from the years
//! asked for, by the ladder's usual years (`levels.md`). A title with no
//! seniority word ("Backend Engineer") says nothing by itself.

use std::sync::OnceLock;

use regex::Regex;

use crate::rubric::{Level, Rubric};

use super::sections::{
    PostingLine, SectionKind, contains_words, is_bullet, normalise, word_positions,
};

/// The posting's title: a "Title:"/"Position:" line, else its first line
/// when that is short and not a sentence or a section heading.
pub fn title(lines: &[PostingLine]) -> Option<String> {
    const LABELS: &[&str] = &[
        "job title:",
        "title:",
        "position:",
        "role:",
        "job:",
        "opening:",
    ];
    for line in lines.iter().take(15) {
        let lower = line.original.to_lowercase();
        for label in LABELS {
            if let Some(rest) = lower.strip_prefix(label) {
                let start = line.original.len() - rest.len();
                let t = clean_title(&line.original[start..]);
                if !t.is_empty() {
                    return Some(t);
                }
            }
        }
    }
    // A posting copied from a job board may open with the poster's e-mail
    // address, a link or a call to apply ("[Apply Here](…)") instead of its
    // title: the title is then the line after it.
    for line in lines
        .iter()
        .filter(|l| !l.original.trim().is_empty())
        .take(3)
    {
        let text = clean_title(&line.original);
        let lower = text.to_lowercase();
        let words = text.split_whitespace().count();
        // "Apply Here", "Job Posting Link:": a short call or label.
        let call_or_label = words <= 4 && (contains_words(&lower, "apply") || text.ends_with(':'));
        // The rest of a link broken over lines ("JV_KO0,68.htm?jl=…").
        let link_residue = text.contains('=') || text.contains(".htm") || text.contains("://");
        // "To scale our team, we are looking for a" / "Junior Big Data
        // Software Engineer": a sentence broken before the title.
        let broken_off = text.split_whitespace().last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an" | "the" | "for" | "of" | "to" | "and" | "or" | "with"
            )
        });
        let aside = text.contains('@')
            || text.starts_with("http")
            || text.starts_with("www.")
            || call_or_label
            || link_residue
            || broken_off;
        if aside {
            continue;
        }
        // "…, we are looking for a Junior Big Data Software Engineer": a
        // first line that seeks the role names it.
        if let Some(role) = role_sought(&text) {
            return Some(role);
        }
        let is_section = line.heading
            && line.section != SectionKind::Other
            && line.section != SectionKind::Opening;
        // A posting that is a bare list ("- Experience in embedded Linux")
        // has no title line: its first item is a requirement.
        let listed = is_bullet(&line.original);
        if words > 0 && words <= 14 && !text.ends_with('.') && !is_section && !listed {
            return Some(text);
        }
        break;
    }
    // "> **WARNING: Don't edit this file…**" before "# Research software
    // engineer…": the first heading of no known kind among the opening
    // lines is the title.
    let top_heading = lines.iter().take(5).skip(1).find_map(|l| {
        let t = clean_title(&l.original);
        let fits = (1..=14).contains(&t.split_whitespace().count()) && !t.ends_with('.');
        (fits && l.heading && l.section == SectionKind::Other).then_some(t)
    });
    top_heading.or_else(|| lines.iter().take(15).find_map(|l| role_sought(&l.original)))
}

/// Nouns that end a job title in a sentence.
const ROLE_NOUNS: &[&str] = &[
    "Engineer",
    "Developer",
    "Programmer",
    "Architect",
    "Scientist",
    "Analyst",
    "Administrator",
    "Designer",
];

/// Whether a title names a role ("Senior Fullstack Engineer", "Senior
/// Software Engineer (API) – Des Moines"), not a project or a chapter.
pub fn names_a_role(title: &str) -> bool {
    title.split_whitespace().any(is_role_noun)
}

/// A role noun in any case, singular or plural ("engineer", "Developers").
fn is_role_noun(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let singular = word.strip_suffix('s').unwrap_or(word);
    ROLE_NOUNS
        .iter()
        .any(|noun| noun.eq_ignore_ascii_case(word) || noun.eq_ignore_ascii_case(singular))
}

/// Whether a sentence says a role is sought: "Flashbots is looking for a
/// backend engineer with…", "We are looking for software engineers to…".
pub fn seeks_a_role(line: &str) -> bool {
    let lower = line.to_lowercase();
    SEEKING
        .iter()
        .filter_map(|cue| lower.find(cue).map(|i| i + cue.len()))
        .any(|at| lower[at..].split_whitespace().take(6).any(is_role_noun))
}

/// Words after which a posting names the role it seeks.
const SEEKING: &[&str] = &[
    "looking for ",
    "seeking ",
    "hiring ",
    "searching for ",
    // "We need a junior backend developer who can build REST APIs…"
    "we need ",
];

/// The role a sentence says is sought, when a posting has no title line:
/// "We are looking for a skilled and hands-on Microcontroller Software
/// Developer with…" → "Microcontroller Software Developer" (the run of
/// capitalised words after "looking for" that ends in a role noun).
fn role_sought(line: &str) -> Option<String> {
    role_after(line, SEEKING)
}

/// Words after which a posting names the role it offers, whatever its
/// title says ("This position is for a Lead Engineer in the
/// Infrastructure team").
const OFFERING: &[&str] = &[
    "position is for a ",
    "role is for a ",
    "position is for an ",
    "role is for an ",
];

/// The level of the role a sentence seeks or offers ("We are looking for
/// a Senior Data Engineer", "This position is for a Lead Engineer"), by
/// the rubric's title rules; for a posting whose title has no seniority
/// word.
pub fn level_of_role_named(lines: &[PostingLine], rubric: &Rubric) -> Option<Level> {
    let cues: Vec<&str> = SEEKING.iter().chain(OFFERING).copied().collect();
    lines
        .iter()
        .filter(|l| !matches!(l.section, SectionKind::About | SectionKind::Benefits))
        .filter_map(|l| role_after(&l.original, &cues))
        .find_map(|role| level_of_title(&role, rubric))
}

/// The run of capitalised words after the first of `cues` in `line` that
/// ends in a role noun.
fn role_after(line: &str, cues: &[&str]) -> Option<String> {
    let lower = line.to_lowercase();
    let at = cues
        .iter()
        .find_map(|cue| lower.find(cue).map(|i| i + cue.len()))?;
    let words: Vec<&str> = line[at..].split_whitespace().take(12).collect();
    let end = words.iter().position(|w| {
        let w = w.trim_end_matches([',', '.', ';', ':']);
        ROLE_NOUNS.contains(&w)
    })?;
    let start = words[..end]
        .iter()
        .rposition(|w| !w.starts_with(|c: char| c.is_uppercase()))
        .map_or(0, |i| i + 1);
    let title = words[start..=end].join(" ");
    Some(title.trim_end_matches([',', '.', ';', ':']).to_string())
}

/// A title without Markdown emphasis, a link around it ("[Full Stack
/// Engineer (Intern)](https://…)"), and "Job description:" or "We're
/// hiring:" before it.
fn clean_title(text: &str) -> String {
    let mut t = text
        .trim()
        .trim_matches(['*', '_', '#', ' '])
        .trim()
        .to_string();
    if let Some(inner) = t.strip_prefix('[')
        && let Some((label, rest)) = inner.split_once("](")
        && rest.trim_end().ends_with(')')
    {
        t = label.trim().to_string();
    }
    for prefix in [
        "job description:",
        "job posting:",
        "we're hiring:",
        "we are hiring:",
        "hiring:",
        "now hiring:",
        "job description -",
        "job description –",
    ] {
        if t.to_lowercase().starts_with(prefix) {
            t = t[prefix.len()..].trim().to_string();
        }
    }
    t
}

/// The level a title claims by a seniority word, or `None` when it has
/// none (a plain "Engineer" or a manager's title).
pub fn level_of_title(title: &str, rubric: &Rubric) -> Option<Level> {
    // "Java Software Architect / Senior Java Software Engineer": a title
    // offering two roles asks the lower of their levels (either is hired).
    let roles: Vec<&str> = title.split(" / ").collect();
    if roles.len() > 1 {
        return roles
            .iter()
            .filter_map(|role| level_of_one_title(role, rubric))
            .min();
    }
    level_of_one_title(title, rubric)
}

fn level_of_one_title(title: &str, rubric: &Rubric) -> Option<Level> {
    if let Some(level) = ladder_numeral(title) {
        return Some(level);
    }
    let rule = crate::classify::claims::title_rule(title, rubric)?;
    // "engineer" is the rubric's catch-all claim: no seniority said.
    if rule.claim == "engineer" {
        return None;
    }
    rule.level
}

/// "Software Engineer II", "SDE III": the numbered ladder many companies
/// use, I = entry to V = principal.
fn ladder_numeral(title: &str) -> Option<Level> {
    static NUMERAL: OnceLock<Regex> = OnceLock::new();
    let re = NUMERAL.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:engineer|developer|sde|swe|programmer|sre)\s*,?\s*(i{1,3}|iv|v|[1-5])\b",
        )
        .expect("the ladder pattern compiles")
    });
    let caps = re.captures(title)?;
    Some(match caps[1].to_ascii_lowercase().as_str() {
        "i" | "1" => Level::Entry,
        "ii" | "2" => Level::Mid,
        "iii" | "3" => Level::Senior,
        "iv" | "4" => Level::Staff,
        _ => Level::Principal,
    })
}

/// "staff-level scope", "a senior-level engineer", "entry level": a level
/// the text names outright.
pub fn level_in_text(lines: &[PostingLine]) -> Option<Level> {
    const PHRASES: &[(&str, Level)] = &[
        ("principal-level", Level::Principal),
        ("principal level", Level::Principal),
        ("staff-level", Level::Staff),
        ("staff level", Level::Staff),
        ("staff engineer", Level::Staff),
        ("senior-level", Level::Senior),
        ("senior level", Level::Senior),
        ("senior engineer", Level::Senior),
        ("mid-level", Level::Mid),
        ("mid level", Level::Mid),
        ("intermediate-level", Level::Mid),
        ("entry-level", Level::Entry),
        ("entry level", Level::Entry),
        ("junior-level", Level::Entry),
        ("junior engineer", Level::Entry),
        ("new grad", Level::Entry),
        ("new graduate", Level::Entry),
        ("internship", Level::Entry),
    ];
    lines
        .iter()
        .filter(|l| !matches!(l.section, SectionKind::About | SectionKind::Benefits))
        .find_map(|l| {
            let lower = normalise(&l.original);
            PHRASES
                .iter()
                // Whole words: "the senior engineering manager" names
                // someone else, not a "senior engineer" level.
                .find(|(p, _)| contains_words(&lower, p))
                .map(|&(_, level)| level)
        })
}

/// The level the ladder (`levels.md`) usually reaches by these years:
/// 0–1 entry, 2–4 mid, 5–7 senior, 8–11 staff, 12+ principal.
pub fn level_of_years(years: f64) -> Level {
    match years {
        y if y < 2.0 => Level::Entry,
        y if y < 5.0 => Level::Mid,
        y if y < 8.0 => Level::Senior,
        y if y < 12.0 => Level::Staff,
        _ => Level::Principal,
    }
}

/// The fewest years of experience the posting asks for: "5+ years", "at
/// least 3 years", "3-5 years" (→ 3), "five years". Read from lines that
/// ask for something (the requirements, or any line outside the company
/// blurb and benefits that speaks of experience); the largest such figure
/// when several are given ("5+ years overall, 2+ with Kubernetes"), the
/// fewest of figures given as alternatives ("12+ years, or a master's and
/// 8+ years" → 8); a most ("less than 2 years") asks nothing.
pub fn years_min(lines: &[PostingLine], sectioned: bool) -> Option<f64> {
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let re = YEARS.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?P<lead>at\ least|minimum\ of|min\.?|minimum|over|more\ than|\b)
            \s*
            (?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|an?)
            \s*(?:\+|plus\b)?\s*
            (?:or\ more\s+)?
            (?:(?:-|–|—|to)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*\+?\s*)?
            (?:\(\d{1,2}\)\s*)?
            (?:years?|yrs?)\b
            (?P<tail>[^0-9]{0,40})",
        )
        .expect("the years pattern compiles")
    });
    // The years asked for, and those only called a plus ("Preferred: 5+
    // years…"), which give the figure when nothing else does.
    let mut best: Option<f64> = None;
    let mut preferred: Option<f64> = None;
    let mut degree_alternative: Option<f64> = None;
    for line in lines {
        let in_scope = match line.section {
            SectionKind::Required | SectionKind::Nice => true,
            SectionKind::About | SectionKind::Benefits => false,
            _ => !sectioned || line.original.to_lowercase().contains("experience"),
        };
        if !in_scope {
            continue;
        }
        for (clause_at, clause) in super::clauses::clauses(&line.original) {
            let nice = line.section == SectionKind::Nice || super::clauses::is_nice(&clause);
            let best = if nice { &mut preferred } else { &mut best };
            let clause = clause.as_ref();
            // Outside the requirements of a sectioned posting, a figure
            // counts in a sentence addressed to the candidate ("We are
            // looking for engineers with 5+ years of experience"), not in
            // the company's ("…and 25+ years of experience, OpenTable is…").
            let read_for_asks = matches!(line.section, SectionKind::Required | SectionKind::Nice);
            if sectioned && !read_for_asks && !addresses_a_candidate(clause) {
                continue;
            }
            // Figures joined by "or" are alternatives ("12+ years, or a
            // master's degree and 8+ years"): the fewest of them is asked.
            let mut alternatives: Option<f64> = None;
            let mut last_end = 0;
            for caps in re.captures_iter(clause) {
                let whole = caps.get(0).expect("a match has its text");
                let Some(n) = asked_years(clause, &caps) else {
                    continue;
                };
                // "Bachelor's degree or equivalent; or minimum five years
                // related experience": years offered instead of a degree
                // are not assessed with it; they give the figure only when
                // nothing else does.
                if instead_of_a_degree(&line.original[..clause_at + whole.start()]) {
                    degree_alternative.get_or_insert(n);
                    continue;
                }
                let between = clause[last_end..whole.start()].to_lowercase();
                // The tail after "years" is part of the match; what joins two
                // figures starts where "years" ends.
                last_end = whole.end() - caps["tail"].len();
                // "BS … with 8+ years … and MS … with 5+ years": a figure
                // that comes with another degree is an alternative too.
                let another_degree = ["ms", "msc", "master's", "masters", "phd", "ph.d"]
                    .iter()
                    .any(|d| contains_words(&between, d));
                alternatives = match alternatives {
                    Some(a) if contains_words(&between, "or") || another_degree => Some(a.min(n)),
                    Some(a) => {
                        *best = Some(best.map_or(a, |b: f64| b.max(a)));
                        Some(n)
                    }
                    None => Some(n),
                };
            }
            if let Some(a) = alternatives {
                *best = Some(best.map_or(a, |b: f64| b.max(a)));
            }
        }
    }
    best.or(preferred).or(degree_alternative)
}

/// Whether the text before a figure offers it instead of a degree: a
/// degree is named, then "or" ("Bachelor's degree or equivalent; or
/// minimum five years", "a BS in CS or 4 years").
fn instead_of_a_degree(before: &str) -> bool {
    let lower = normalise(before);
    let degree = [
        "degree",
        "bachelor's",
        "bachelors",
        "bachelor",
        "bs",
        "ba",
        "bsc",
    ]
    .iter()
    .filter_map(|d| word_positions(&lower, d).last())
    .max();
    let Some(or) = word_positions(&lower, "or").last() else {
        return false;
    };
    // "or minimum", "or at least": the figure follows the "or" closely,
    // in the same sentence.
    let lead = &lower[or + 2..];
    degree.is_some_and(|at| at < or && !contains_words(&lower[at..], "and"))
        && lead.split_whitespace().count() <= 2
        && !lead.contains(['.', ';', ','])
}

/// Words of a sentence that speaks to or of the person wanted.
fn addresses_a_candidate(clause: &str) -> bool {
    const ADDRESSED: &[&str] = &[
        "you",
        "you'll",
        "you've",
        "you're",
        "your",
        "candidate",
        "candidates",
        "looking for",
        "seeking",
        "require",
        "required",
        "requires",
        "must",
        "should",
        "need",
        "needs",
        "ideal",
        "someone",
        "engineers with",
        "developers with",
        "minimum",
        "at least",
    ];
    let lower = normalise(clause);
    ADDRESSED.iter().any(|w| contains_words(&lower, w))
}

/// The years a match asks for, or `None` when it is an age, the company's
/// history, or a most ("less than 2 years").
fn asked_years(clause: &str, caps: &regex::Captures) -> Option<f64> {
    // "less than 2 years", "up to 3 years": a most, not a least.
    let before = clause[..caps.get(0).map_or(0, |m| m.start())]
        .trim_end()
        .to_lowercase();
    let ends_with_word = |w: &&str| {
        before
            .strip_suffix(*w)
            .is_some_and(|b| b.is_empty() || b.ends_with(' '))
    };
    if AT_MOST.iter().any(ends_with_word) {
        return None;
    }
    let tail = caps["tail"].to_lowercase();
    // "years old", "years of age": an age, never read (see fairness);
    // "years ago", "years in business": not experience.
    if ["old", "of age", "ago", "in business", "of history", "young"]
        .iter()
        .any(|w| tail.trim_start().starts_with(w))
    {
        return None;
    }
    // "15 years full-time education", "16 years of schooling": the years
    // of an education, which are not assessed (see fairness); "five years
    // post-secondary education or relevant work experience" still asks.
    let head: Vec<&str> = tail.split_whitespace().take(3).collect();
    if head.iter().any(|w| matches!(*w, "education" | "schooling")) && !contains_words(&tail, "or")
    {
        return None;
    }
    // "at least a year of professional experience": "a year" is one only
    // after a least ("a year ago", "twice a year" ask nothing).
    if matches!(caps["n"].to_lowercase().as_str(), "a" | "an") {
        return (!caps["lead"].trim().is_empty()).then_some(1.0);
    }
    number(&caps["n"]).filter(|&n| n <= 30.0)
}

/// Words before a figure that make it the most experience wanted.
const AT_MOST: &[&str] = &[
    "less than",
    "fewer than",
    "up to",
    "under",
    "no more than",
    "not more than",
    "maximum",
    "max",
    "max.",
];

/// "5" or "five" as a number.
fn number(word: &str) -> Option<f64> {
    word.parse()
        .ok()
        .or_else(|| Some(crate::detect::metrics::word_value(word)).filter(|&n| n > 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_with_no_title_line_takes_the_role_it_seeks() {
        assert_eq!(
            role_sought(
                "We are looking for a skilled and hands-on Microcontroller Software Developer with strong C skills."
            ),
            Some("Microcontroller Software Developer".to_string())
        );
        assert_eq!(
            role_sought("Acme is seeking a Senior Data Engineer, remote."),
            Some("Senior Data Engineer".to_string())
        );
        assert_eq!(role_sought("We are looking for people who care."), None);
    }

    #[test]
    fn a_note_before_the_top_heading_leaves_it_the_title() {
        let lines = [
            line(
                "> **WARNING: Don't edit this file, edit the template.**",
                SectionKind::Opening,
            ),
            PostingLine {
                heading: true,
                ..line("Research software engineer", SectionKind::Other)
            },
            line("We are hiring two engineers.", SectionKind::Opening),
        ];
        assert_eq!(title(&lines).as_deref(), Some("Research software engineer"));
    }

    #[test]
    fn title_words_give_the_level() {
        for (title, level) in [
            ("Senior Backend Engineer", Some(Level::Senior)),
            ("Staff Software Engineer, Platform", Some(Level::Staff)),
            ("Principal Engineer", Some(Level::Principal)),
            ("Junior Frontend Developer", Some(Level::Entry)),
            ("Software Engineering Intern", Some(Level::Entry)),
            ("Software Engineer II", Some(Level::Mid)),
            ("Backend Engineer", None),
            ("Engineering Manager", None),
            // Two roles offered: the lower level is asked.
            (
                "Software Architect / Senior Software Engineer",
                Some(Level::Senior),
            ),
        ] {
            let rubric = crate::rubric::load_default().unwrap();
            assert_eq!(level_of_title(title, &rubric), level, "{title}");
        }
    }

    fn line(text: &str, section: SectionKind) -> PostingLine {
        PostingLine {
            text: text.into(),
            original: text.into(),
            section,
            heading: false,
        }
    }

    #[test]
    fn years_are_the_fewest_asked_for() {
        let cases = [
            ("5+ years of backend experience", Some(5.0)),
            ("At least 3 years building services", Some(3.0)),
            ("3-5 years of experience with Go", Some(3.0)),
            ("Five years of professional experience", Some(5.0)),
            ("Must be 25 years old", None),
            ("Less than 2 years of professional experience", None),
            ("Up to 3 years of experience with React", None),
            (
                "A degree and 12+ years of experience, or a master's degree and 8+ years",
                Some(8.0),
            ),
            ("5+ years overall, 2+ years with Kubernetes", Some(5.0)),
            ("Two or more years experience developing games", Some(2.0)),
            // "plus" before a figure adds to what is asked.
            (
                "2+ years in an Engineering Management role, plus 5+ years of hands-on coding",
                Some(5.0),
            ),
            // A figure with another degree is an alternative, and "5 +
            // years" is read with its space.
            (
                "BS with 8+ years of industry experience and MS with 5 + years",
                Some(5.0),
            ),
            // "a year" is one after a least, nothing elsewhere.
            (
                "At least a year of professional experience building software",
                Some(1.0),
            ),
            ("Twice a year you will present your work", None),
            ("4 plus years of industry experience", Some(4.0)),
            // The years of an education are not experience, unless
            // experience may stand in for them.
            (
                "Educational Qualification: 15 years full-time education",
                None,
            ),
            (
                "Minimum of five years post-secondary education or relevant work experience",
                Some(5.0),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                years_min(&[line(text, SectionKind::Required)], true),
                want,
                "{text}"
            );
        }
        // Years only called a plus give the figure when nothing else does.
        assert_eq!(
            years_min(
                &[line(
                    "5+ years building core infrastructure",
                    SectionKind::Nice
                )],
                true
            ),
            Some(5.0)
        );
        assert_eq!(
            years_min(
                &[
                    line("3+ years of Go", SectionKind::Required),
                    line("8+ years in fintech", SectionKind::Nice)
                ],
                true
            ),
            Some(3.0)
        );
        // Outside the requirements, the company's years are not asked.
        assert_eq!(
            years_min(
                &[line(
                    "With 25+ years of experience, OpenTable is an industry leader",
                    SectionKind::Other
                )],
                true
            ),
            None
        );
        // The company's age is not a requirement.
        assert_eq!(
            years_min(
                &[line("We have been around for 20 years", SectionKind::About)],
                true
            ),
            None
        );
    }

    #[test]
    fn years_offered_instead_of_a_degree_yield_to_those_asked() {
        let asked = line(
            "Minimum three to five years experience in application support",
            SectionKind::Required,
        );
        let instead = line(
            "Bachelor's degree or equivalent; or minimum five years related experience",
            SectionKind::Required,
        );
        assert_eq!(
            years_min(&[asked.clone(), instead.clone()], true),
            Some(3.0)
        );
        // Alone, they are the only figure there is.
        assert_eq!(years_min(&[instead], true), Some(5.0));
        // A figure in a sentence after the degree's is asked.
        let after = line(
            "A degree or equivalent experience. 5+ years of Java",
            SectionKind::Required,
        );
        assert_eq!(years_min(&[after], true), Some(5.0));
    }
}
