//! Segmentation: a [`Document`]'s lines in, the resume's structure out —
//! which section each line belongs to, which lines are flat lists, the roles
//! with titles, employers and date ranges, years of experience, and the
//! candidate's name and email from the header.
//!
//! Headings are recognised in many spellings ("Work History", "Technical
//! Skills", "Profile"); a resume with no headings is sectioned by position.
//! "Present" in a date range means the document's own date, or failing that
//! the latest date written in it — never the clock, so the same file always
//! gives the same years. Name and email are for output only: no later stage
//! may score them.

mod dates;
mod header;
mod name;
mod roles;
mod sections;
mod years;

use serde::Serialize;

use crate::document::Document;
use crate::rubric::{Rubric, SectionKind};

pub use dates::{DateEnd, DateRange, YearMonth, find_date_range};
use dates::{is_date_tail, present_date};
use header::{find_email, headline_title};
pub use roles::{Role, RoleKind, role_kind};
pub use sections::{glued_label, heading_kind, list_items};
pub use years::merged_years;
use years::summary_years;

/// Where the years figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearsSource {
    Roles,
    Summary,
    None,
}

/// What segmentation learnt about one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineInfo {
    pub section: SectionKind,
    pub heading: bool,
    /// A flat list of short items ("Go, Kafka, Postgres, Redis, gRPC").
    pub list_items: usize,
    /// A line holding a role's date range (a job header, not an achievement).
    pub role_header: bool,
    /// A line under a heading of a student's activities ("Extracurricular
    /// Activities"): its dated entries are student work, never
    /// professional years.
    pub student_activity: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segmented {
    /// One per document line, same order.
    pub lines: Vec<LineInfo>,
    pub roles: Vec<Role>,
    /// Engineering years, overlaps merged.
    pub years_engineering: f64,
    /// Internships, co-ops and student jobs, reported apart.
    pub years_student: f64,
    /// Years in other careers, reported apart.
    pub years_other: f64,
    pub years_source: YearsSource,
    pub present: Option<YearMonth>,
    /// The first header line that reads as a job title.
    pub headline: Option<String>,
    pub candidate: Option<String>,
    pub email: Option<String>,
}

/// Split a document into sections, roles and years.
pub fn segment(doc: &Document, rubric: &Rubric) -> Segmented {
    let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    let headings: Vec<Option<SectionKind>> = texts.iter().map(|t| heading_kind(t)).collect();
    let has_headings = headings.iter().any(Option::is_some);
    // Labels set as bulleted lines of their own ("• About", "• Skills"):
    // a bulleted heading word glued to a row is such a label too.
    let bulleted_labels = texts
        .iter()
        .zip(&headings)
        .filter(|(t, h)| h.is_some() && starts_with_bullet(t))
        .count()
        >= 2;
    // A label glued to a row opens its section (below); the row's own text
    // is what roles and dates are read from.
    let glued: Vec<Option<(SectionKind, usize)>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            headings[i]
                .is_none()
                .then(|| glued_label(t, bulleted_labels))?
        })
        .collect();
    let texts: Vec<&str> = texts
        .iter()
        .zip(&glued)
        .map(|(t, g)| g.map_or(*t, |(_, row)| &t[row..]))
        .collect();
    let mut ranges: Vec<Option<DateRange>> = texts.iter().map(|t| find_date_range(t)).collect();
    let mut range_tails = vec![false; texts.len()];
    for i in 1..texts.len() {
        let previous = texts[i - 1].trim_end();
        // Wrapped anywhere inside the range: after the dash ("Mar 2021 –" /
        // "Present"), before it ("Sep. 2021" / "– Present") or inside the
        // end date ("Jun 2010 – Dec" / "2015").
        let dashes = ['–', '—', '-', '‒', '―', '‐', '‑', '−'];
        let tail = texts[i].trim_start();
        let open_before = ranges[i - 1].is_none() || previous.ends_with(dashes);
        if !open_before {
            continue;
        }
        if !is_date_tail(tail.trim_start_matches(dashes)) {
            // A margin's two lines beside a role: the start and its dash
            // before the title ("07.2020- Senior Engineer, Acme"), the end
            // before the next line's text ("now Works on …", "2015
            // Software engineer"). That next line stays a line of its own.
            if ranges[i - 1].is_none()
                && let Some(range) = range_over_margin_lines(previous, tail)
            {
                ranges[i - 1] = Some(range);
            }
            continue;
        }
        let joined = format!("{previous} {tail}");
        // Only a range that starts on the previous line and runs onto this
        // one: its span is cut to the previous line, where it starts.
        if let Some(mut range) = find_date_range(&joined)
            && range.span.0 < previous.len()
            && range.span.1 > previous.len()
        {
            range.span.1 = previous.len();
            ranges[i - 1] = Some(range);
            range_tails[i] = true;
        }
    }
    let mut lines = Vec::with_capacity(texts.len());

    let mut current = SectionKind::Header;
    let mut header_done = false;
    // Projects inside a list of roles: a label in a role ("Key projects:",
    // "Responsibilities and specific projects:") or an entry dated like a
    // role ("Other Projects" / "January 2018 to now"). Its projects are not
    // roles, but the next job line is experience again.
    let mut projects_in_roles = false;
    // Under a heading of extracurricular activities: a club president's or
    // a campus rep's dated entry reads like a job, but it is student work.
    let mut activities = false;
    for (i, text) in texts.iter().enumerate() {
        if let Some(kind) = headings[i] {
            activities = sections::is_activities_heading(text);
            let in_roles = current == SectionKind::Experience
                || (current == SectionKind::Projects && projects_in_roles);
            let dated_entry = ranges
                .get(i + 1)
                .and_then(Option::as_ref)
                .is_some_and(|r| is_bare_range(texts[i + 1], r));
            projects_in_roles = kind == SectionKind::Projects
                && in_roles
                && (text.trim_end().ends_with(':') || dated_entry);
            current = kind;
            header_done = true;
            lines.push(LineInfo {
                section: kind,
                heading: true,
                list_items: 0,
                role_header: false,
                student_activity: activities,
            });
            continue;
        }
        if let Some((kind, _)) = glued[i] {
            current = kind;
            header_done = true;
            projects_in_roles = false;
            activities = false;
        }
        if current == SectionKind::Header && !header_done {
            // The header is the short contact block at the top; the first
            // long line or job line ends it.
            let long = text.chars().count() >= 80 || starts_with_bullet(text);
            if long || ranges[i].is_some() {
                header_done = true;
                current = if ranges[i].is_some() {
                    SectionKind::Experience
                } else {
                    SectionKind::Summary
                };
            }
        } else if !has_headings && current == SectionKind::Summary && ranges[i].is_some() {
            current = SectionKind::Experience;
        } else if !activities
            && (matches!(
                current,
                SectionKind::Summary
                    | SectionKind::Skills
                    | SectionKind::Education
                    | SectionKind::Other
            ) || (current == SectionKind::Projects && projects_in_roles))
            && ranges[i]
                .as_ref()
                .is_some_and(|r| roles::looks_like_job(&texts, i, r, rubric))
            && !(current == SectionKind::Education
                && (roles::names_school_above(&texts, i)
                    || ranges[i]
                        .as_ref()
                        .is_some_and(|r| roles::opens_with_degree(texts[i], r))))
        {
            // A job line where no heading says so: a heading levelscan does
            // not know, or a sidebar's "Skills" or "Certifications" read in
            // the middle of the main column. The job and what follows are
            // experience.
            current = SectionKind::Experience;
        } else if current == SectionKind::Header {
            current = SectionKind::Summary;
        }
        let items = list_items(text);
        let list_items = if items >= rubric.scoring.list_min_items {
            items
        } else {
            0
        };
        lines.push(LineInfo {
            section: current,
            heading: false,
            list_items,
            role_header: false,
            student_activity: activities,
        });
    }

    let present = present_date(doc, &ranges);
    let roles = roles::find_roles(&texts, &mut lines, &ranges, &range_tails, present, rubric);
    for i in 1..lines.len() {
        if range_tails[i] && lines[i - 1].role_header {
            lines[i].role_header = true;
        }
    }

    let (mut years_engineering, years_student, years_other) = merged_years(&roles);
    let mut years_source = if roles.is_empty() {
        YearsSource::None
    } else {
        YearsSource::Roles
    };
    if roles.is_empty()
        && let Some(y) = summary_years(&texts, &lines, rubric)
    {
        years_engineering = y;
        years_source = YearsSource::Summary;
    }

    let header: Vec<&str> = texts
        .iter()
        .zip(&lines)
        .take_while(|(_, l)| l.section == SectionKind::Header)
        .map(|(t, _)| *t)
        .collect();
    let email = texts.iter().take(12).find_map(|t| find_email(t));
    let candidate = name::candidate_name(&texts, header.len(), rubric);
    let headline = header
        .iter()
        .chain(texts.iter().take(6))
        .find_map(|t| headline_title(t, rubric))
        .or_else(|| summary_opening_title(&texts, &lines, rubric));

    Segmented {
        lines,
        roles,
        years_engineering,
        years_student,
        years_other,
        years_source,
        present,
        headline,
        candidate,
        email,
    }
}

/// A line that holds a date range and nothing else but separators.
fn is_bare_range(text: &str, range: &DateRange) -> bool {
    let rest = |t: &str| !t.chars().any(char::is_alphanumeric);
    text.get(..range.span.0).is_some_and(rest) && text.get(range.span.1..).is_some_and(rest)
}

/// The range a margin sets over two lines, each also holding text: the
/// start and a dash opening the first line ("07.2020- Developer, Acme"),
/// the end opening the second ("06.2020 Designed …"). Its span is the
/// start and dash on the first line.
fn range_over_margin_lines(first: &str, second: &str) -> Option<DateRange> {
    let start = dates::date_regex().for_text(first).find(first)?;
    if !first[..start.start()].chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    let after = &first[start.end()..];
    let dash = after.trim_start().chars().next()?;
    if !matches!(dash, '–' | '—' | '-' | '‒' | '―' | '‐' | '‑' | '−') {
        return None;
    }
    let open_end = first.len() - after.trim_start().len() + dash.len_utf8();
    let end = second.split_whitespace().next()?;
    let whole_date = |t: &str| {
        dates::date_regex()
            .for_text(t)
            .find(t)
            .is_some_and(|m| m.start() == 0 && m.end() == t.len())
    };
    if !is_date_tail(end) && !whole_date(end) {
        return None;
    }
    let mut range = find_date_range(&format!("{} {end}", &first[..open_end]))?;
    range.span = (start.start(), open_end);
    Some(range)
}

/// "Senior backend engineer with 9 years …": the title a summary opens
/// with, read from its first clause; or the title after "currently
/// serving as" in the summary's first lines.
fn summary_opening_title(texts: &[&str], lines: &[LineInfo], rubric: &Rubric) -> Option<String> {
    let summary: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.section == SectionKind::Summary && !l.heading)
        .map(|(i, _)| i)
        .take(8)
        .collect();
    let currently = summary.iter().find_map(|&i| {
        let lower = texts[i].to_lowercase();
        let at = [
            "currently serving as ",
            "currently working as ",
            "currently a ",
            "currently an ",
        ]
        .iter()
        .find_map(|p| lower.find(p).map(|k| k + p.len()))?;
        let rest = texts[i].get(at..)?;
        let rest = rest
            .trim_start_matches("the ")
            .trim_start_matches("a ")
            .trim_start_matches("an ");
        let end = [",", ".", " at ", " for ", " where ", " in ", ";"]
            .iter()
            .filter_map(|sep| rest.find(sep))
            .min()
            .unwrap_or(rest.len());
        let clause = rest[..end].trim();
        (clause.split_whitespace().count() <= 8
            && rubric.titles.iter().any(|t| t.regex.is_match(clause)))
        .then(|| clause.to_string())
    });
    if currently.is_some() {
        return currently;
    }
    let &i = summary.first()?;
    let text = texts[i];
    let end = [" with ", ", ", ". ", " who ", " and "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    let clause = text[..end].trim_start_matches(|c: char| !c.is_alphanumeric());
    if clause.split_whitespace().count() > 6 {
        return None;
    }
    headline_title(clause, rubric)
}

pub(super) fn starts_with_bullet(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| crate::extract::cleanup::is_bullet(c) || c == '-' || c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Diagnostics, Line};

    /// The date, title-word and years patterns answer as written in
    /// either form (`FixedRegex`).
    #[test]
    fn fixed_patterns_find_what_they_find_as_written() {
        for fixed in [
            dates::range_regex(),
            dates::date_regex(),
            header::title_words(),
            years::years_regex(),
        ] {
            crate::matching::ascii_bounds::assert_same_as_written(fixed);
        }
    }

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    fn doc(text: &str, date: Option<&str>) -> Document {
        Document {
            lines: text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .enumerate()
                .map(|(i, t)| Line {
                    page: 1,
                    line: i as u32 + 1,
                    column: 0,
                    text: t.trim().to_string(),
                    section_hint: None,
                })
                .collect(),
            hidden: vec![],
            diagnostics: Diagnostics {
                document_date: date.map(str::to_string),
                ..Diagnostics::default()
            },
        }
    }

    fn rubric() -> Rubric {
        crate::rubric::load_default().expect("default rubric loads")
    }

    /// A label column's labels read into the rows beside them still open
    /// their sections: what follows "IDIOMAS" is not experience.
    #[test]
    fn a_label_glued_to_its_first_row_opens_its_section() {
        let d = doc(
            "EXPERIENCIA Desarrollador Full Stack, Arrok Software — 2022 – 2024\nDesarrollo de APIs en Laravel.\nHABILIDADES Lenguajes de programación: PHP, Python, SQL.\nIDIOMAS Castellano: Nativo.\nCurso de Laravel con integración en AWS.",
            Some("2024-06-01"),
        );
        let seg = segment(&d, &rubric());
        let sections: Vec<SectionKind> = seg.lines.iter().map(|l| l.section).collect();
        assert_eq!(
            sections,
            [
                SectionKind::Experience,
                SectionKind::Experience,
                SectionKind::Skills,
                SectionKind::Other,
                SectionKind::Other
            ]
        );
        assert!(seg.lines.iter().all(|l| !l.heading));
        for not_a_label in [
            "AWS Lambda functions for billing",
            "SKILLS",
            "EXPERIENCE 2019 – 2021",
            "JOHN DOE Software Engineer",
            "Experience with Kafka",
            "• Education Platform: built the grading API",
        ] {
            assert_eq!(glued_label(not_a_label, false), None, "{not_a_label}");
        }
        for (glued, row) in [
            ("HABILIDADES Lenguajes: PHP", "Lenguajes: PHP"),
            (
                "• Employment Software Manager, Acme",
                "Software Manager, Acme",
            ),
        ] {
            let (_, at) = glued_label(glued, true).expect("a glued label");
            assert_eq!(&glued[at..], row);
        }
    }

    /// Where a document's labels are bulleted lines ("• About", "• Skills"),
    /// a bulleted label glued to the first row of its section opens it, and
    /// the role on that row is read.
    #[test]
    fn a_bulleted_label_glued_to_its_first_row_opens_its_section() {
        let d = doc(
            "• About\nI build web applications.\n• Skills\nJavaScript React\n• Employment Software Development Manager, Acme Bank\n2013-01—Present\nManage the UI framework team of eight developers.",
            Some("2017-02-01"),
        );
        let seg = segment(&d, &rubric());
        assert_eq!(seg.lines[4].section, SectionKind::Experience);
        assert_eq!(seg.roles.len(), 1, "{:?}", seg.roles);
        assert_eq!(seg.roles[0].title, "Software Development Manager");
        assert_eq!(
            glued_label("• Experience with Kafka and Go", true),
            None,
            "a bullet that is a sentence"
        );
    }

    #[test]
    fn a_range_wrapped_inside_its_end_date_is_read_whole() {
        let d = doc(
            "Experience\nSenior Software Engineer, Ridgeway Hosting — Jun 2010 – Dec\n2015\nOwned the DNS API.",
            Some("2026-06-01"),
        );
        let seg = segment(&d, &rubric());
        assert_eq!(seg.roles.len(), 1);
        assert!(!seg.roles[0].ongoing);
        assert!(
            (seg.years_engineering - 5.6).abs() < 0.2,
            "{}",
            seg.years_engineering
        );
    }

    #[test]
    fn a_range_wrapped_before_its_dash_is_read_whole() {
        let d = doc(
            "Experience\nSenior Backend Engineer, Vellum Rides — Sep. 2021\n– Present\nOwned the live-location API.",
            Some("2026-06-01"),
        );
        let seg = segment(&d, &rubric());
        assert_eq!(seg.roles.len(), 1);
        assert!(seg.lines[2].role_header);
        assert_eq!(seg.roles[0].title, "Senior Backend Engineer");
    }

    #[test]
    fn a_range_wrapped_at_its_dash_is_read_whole() {
        let d = doc(
            "Experience\nSenior Backend Engineer, Kestrel Payments — Mar 2021 –\nPresent\nOwned the settlement API.",
            Some("2026-06-01"),
        );
        let seg = segment(&d, &rubric());
        assert_eq!(seg.roles.len(), 1);
        assert!(seg.roles[0].ongoing);
        assert!(
            seg.lines[2].role_header,
            "the tail line is part of the header"
        );
        assert!(!seg.lines[3].role_header);
        assert!(
            (seg.years_engineering - 5.25).abs() < 0.1,
            "{}",
            seg.years_engineering
        );
    }

    #[test]
    fn month_name_to_present() {
        let r = find_date_range("Backend Engineer, Acme — Jan 2020 – Present").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2020, 1),
                month_known: true
            }
        );
        assert_eq!(r.end, DateEnd::Present);
    }

    #[test]
    fn year_to_year() {
        let r = find_date_range("Acme 2019-2023").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2019, 1),
                month_known: false
            }
        );
        assert_eq!(
            r.end,
            DateEnd::Date {
                ym: ym(2023, 1),
                month_known: false
            }
        );
    }

    #[test]
    fn numeric_month_to_now() {
        let r = find_date_range("03/2021 - now").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2021, 3),
                month_known: true
            }
        );
        assert_eq!(r.end, DateEnd::Present);
    }

    #[test]
    fn abbreviated_months_with_dots() {
        let r = find_date_range("Sep. 2023 – Mar. 2024").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2023, 9),
                month_known: true
            }
        );
        assert_eq!(
            r.end,
            DateEnd::Date {
                ym: ym(2024, 3),
                month_known: true
            }
        );
    }

    /// awesome-cv prints "May 2023 ‑ Present" with the non-breaking hyphen
    /// (U+2011); other fonts use the hyphen (U+2010) or the minus sign, and
    /// some resumes an arrow.
    #[test]
    fn ranges_written_with_unicode_hyphens() {
        for dash in ["‑", "‐", "−", "→", "->"] {
            let r = find_date_range(&format!("SOFTWARE DEVELOPER May 2023 {dash} Present"))
                .unwrap_or_else(|| panic!("{dash:?}"));
            assert_eq!(r.end, DateEnd::Present);
            let r = find_date_range(&format!("2013 {dash} 2016")).unwrap();
            assert_eq!(
                r.end,
                DateEnd::Date {
                    ym: ym(2016, 1),
                    month_known: false
                }
            );
        }
    }

    /// "Since 2023" opening a role's line runs to this day; a "since" in a
    /// sentence or after a label is not a role's dates.
    #[test]
    fn since_a_date_opens_a_range_only_at_the_start_of_a_line() {
        let r = find_date_range("Since March 2019").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2019, 3),
                month_known: true
            }
        );
        assert_eq!(r.end, DateEnd::Present);
        assert!(find_date_range("• since 2021 | Platform Engineer, Acme").is_some());
        assert!(find_date_range("since 2019 a lot changed").is_none());
        assert!(find_date_range("IT experience: since 2010").is_none());
        assert!(find_date_range("Acme has been developing solutions since 1988").is_none());
        assert!(
            find_date_range(
                "Since 2019, I have worked as a part-time lecturer at three schools, teaching software engineering"
            )
            .is_none()
        );
    }

    #[test]
    fn open_range_means_present() {
        let r = find_date_range("Platform Engineer, Northwind, 2021–").unwrap();
        assert_eq!(r.end, DateEnd::Present);
        assert!(find_date_range("2019 - Acme Corp").is_none());
    }

    #[test]
    fn iso_months() {
        let r = find_date_range("2018-04 to 2020-11").unwrap();
        assert_eq!(
            r.start,
            DateEnd::Date {
                ym: ym(2018, 4),
                month_known: true
            }
        );
        assert_eq!(
            r.end,
            DateEnd::Date {
                ym: ym(2020, 11),
                month_known: true
            }
        );
    }

    #[test]
    fn overlapping_roles_are_merged() {
        let d = doc(
            "Experience\nBackend Engineer, Acme — Jan 2018 – Dec 2020\nConsulting Developer, Self — Jan 2020 – Dec 2021",
            Some("2024-06-01"),
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.roles.len(), 2);
        assert_eq!(s.years_engineering, 4.0);
    }

    #[test]
    fn present_is_the_document_date_not_the_clock() {
        let d = doc(
            "Experience\nSoftware Engineer, Acme — Jan 2020 – Present",
            Some("2023-01-15"),
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.years_engineering, 3.0);
        let d = doc(
            "Experience\nSoftware Engineer, Acme — Jan 2020 – Present\nEducation\nBSc, 2022",
            None,
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.present, Some(ym(2022, 12)));
    }

    #[test]
    fn other_careers_are_kept_apart() {
        let d = doc(
            "Experience\nJunior Backend Developer, Shopline — Jan 2024 – Present\nData Analyst, Retail Co — Jan 2019 – Dec 2023",
            Some("2025-01-01"),
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.years_engineering, 1.0);
        assert_eq!(s.years_other, 5.0);
    }

    #[test]
    fn summary_years_count_without_dated_roles() {
        let d = doc(
            "Dana Example\nSenior backend engineer with 7 years building payment systems in Java.",
            None,
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.years_engineering, 7.0);
        assert_eq!(s.years_source, YearsSource::Summary);
    }

    #[test]
    fn headings_in_many_spellings() {
        for (text, kind) in [
            ("Professional Experience", SectionKind::Experience),
            ("Relevant Experience", SectionKind::Experience),
            ("WORK HISTORY", SectionKind::Experience),
            ("Technical Skills:", SectionKind::Skills),
            ("Profile", SectionKind::Summary),
            ("Education & Certifications", SectionKind::Education),
            ("Side Projects", SectionKind::Projects),
            ("Technical Project Experience", SectionKind::Projects),
            ("OTHER EDUCATIONAL EXPERIENCES", SectionKind::Education),
            ("Educational Experience", SectionKind::Education),
        ] {
            assert_eq!(heading_kind(text), Some(kind), "{text}");
        }
        assert_eq!(heading_kind("Owned the experience platform."), None);
    }

    #[test]
    fn title_employer_and_title_above_dates() {
        let d = doc(
            "Experience\nStaff Engineer\nNorthwind Payments | 2019 – 2023\n- Owned things",
            Some("2024-01-01"),
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.roles[0].title, "Staff Engineer");
        assert_eq!(s.roles[0].employer, "Northwind Payments");
    }

    #[test]
    fn a_name_sharing_its_line_with_the_headline_is_found() {
        for line in [
            "Adaeze Nwosu — Staff Software Engineer, Platform",
            "Adaeze Nwosu - Staff Software Engineer",
            "Adaeze Nwosu | adaeze@example.com",
        ] {
            let d = doc(&format!("{line}\nSummary\nBuilt things."), None);
            let s = segment(&d, &rubric());
            assert_eq!(s.candidate.as_deref(), Some("Adaeze Nwosu"), "{line}");
        }
    }

    #[test]
    fn sections_without_headings_and_name_email() {
        let d = doc(
            "Sam Rivera\nsam@example.com\nBackend developer who has shipped APIs in Python and Go for small teams over the years.\nDeveloper, Acme — 2021 – 2023\n- Built the orders API",
            None,
        );
        let s = segment(&d, &rubric());
        assert_eq!(s.candidate.as_deref(), Some("Sam Rivera"));
        assert_eq!(s.email.as_deref(), Some("sam@example.com"));
        assert_eq!(s.lines[2].section, SectionKind::Summary);
        assert_eq!(s.lines[4].section, SectionKind::Experience);
    }

    #[test]
    fn flat_lists_are_counted() {
        assert_eq!(list_items("Languages: Go, Rust, Python, SQL, Bash"), 5);
        assert_eq!(
            list_items("Built the API, the worker, and the cron jobs for billing."),
            0
        );
    }

    fn roles_of(text: &str, date: &str) -> Segmented {
        segment(&doc(text, Some(date)), &rubric())
    }

    /// The kind of each role read, in order.
    fn role_kinds(s: &Segmented) -> Vec<RoleKind> {
        s.roles.iter().map(|r| r.kind).collect()
    }

    /// The most common layout of all: employer and dates on one line, the
    /// title on the line below. 27 years as a principal architect are
    /// engineering years, and the title is the claim.
    #[test]
    fn regression_title_on_the_line_below_the_employer_and_dates() {
        let s = roles_of(
            "Experience\nF5 Inc   Dec 2014 - May 2023\nPrincipal Architect\n• Set the direction for the proxy.\nNokia   Jan 1996 - Nov 2014\nSoftware Architect\n• Designed the switch software.",
            "2023-06-01",
        );
        assert_eq!(s.roles.len(), 2);
        assert_eq!(s.roles[0].title, "Principal Architect");
        assert_eq!(s.roles[0].employer, "F5 Inc");
        assert!(
            (s.years_engineering - 27.4).abs() < 0.2,
            "{}",
            s.years_engineering
        );
        assert!(
            s.lines[2].role_header,
            "the title line is not an achievement"
        );
        assert!(!s.lines[3].role_header);
    }

    /// A LinkedIn export: employer, title, dates with a length of service,
    /// then the place.
    #[test]
    fn title_two_lines_above_with_a_length_of_service() {
        let s = roles_of(
            "Experience\nSenior Software Engineer - Mason\nSeattle, WA (Remote)\nJuly 2023 - Present (2 years)\n• Go services.",
            "2025-07-01",
        );
        assert_eq!(s.roles[0].title, "Senior Software Engineer");
        assert_eq!(s.roles[0].employer, "Mason");
        assert_eq!(s.roles[0].kind, RoleKind::Engineering);
    }

    #[test]
    fn internships_and_teaching_are_student_years() {
        let s = roles_of(
            "Experience\nSoftware Engineer, Optiver — Aug 2023 – Present\nSoftware Engineering Intern, Optiver — Jun 2021 – Dec 2021\nComputer Science TA, State University. 09/2019 – 05/2020.",
            "2025-08-01",
        );
        assert_eq!(s.years_engineering, 2.0);
        // Jun–Dec 2021 and Sep 2019–May 2020: 7 + 9 months.
        assert_eq!(s.years_student, 1.3);
    }

    /// An untitled job counts by what its lines describe: a restaurant job
    /// is not engineering; "web application architecture" is.
    #[test]
    fn untitled_roles_count_by_what_they_describe() {
        let s = roles_of(
            "Experience\nDavanni's, Coon Rapids, MN. 09/2017 – 09/2019.\nTook orders and handled the cash.\n2018-2023 Salsify ------------ Boston MA\nWeb application architecture and implementation, leadership.",
            "2024-01-01",
        );
        assert_eq!(s.roles.len(), 2);
        assert_eq!(s.roles[0].kind, RoleKind::Other);
        assert_eq!(s.roles[1].kind, RoleKind::Engineering);
        assert!((s.years_engineering - 5.0).abs() <= 0.1);
    }

    /// A sidebar's "Top Skills" read in the middle of the main column must
    /// not turn the jobs after it into skills.
    #[test]
    fn a_job_after_a_stray_skills_heading_is_experience() {
        let s = roles_of(
            "Experience\nCulture Amp\nVP Product Engineering\nOctober 2021 - Present (3 years 11 months)\nTop Skills\nSoftware Development\nRome2rio\nChief Technology Officer (CTO)\nJuly 2019 - October 2021 (2 years 4 months)",
            "2025-09-01",
        );
        assert_eq!(s.roles.len(), 2);
        assert_eq!(s.roles[1].title, "Chief Technology Officer");
        assert_eq!(s.lines[8].section, SectionKind::Experience);
    }

    /// Personal projects, certificates and courses are dated like jobs,
    /// some with a title in them; none is anyone's years.
    #[test]
    fn projects_certificates_and_courses_are_not_roles() {
        let s = roles_of(
            "Experience\nSoftware Engineer, Northwind — Jan 2016 – Dec 2019\nPersonal Projects | 2009 - Present\nSelf-Driving Car Engineer Nanodegree, Udacity — Feb 2017 – Dec 2017\nCertifications: AWS Certified Developer - Associate - Oct 2018 - Oct 2020",
            "2024-01-01",
        );
        assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
        assert_eq!(s.years_engineering, 4.0);
    }

    #[test]
    fn a_school_dated_like_a_job_is_not_a_role() {
        let s = roles_of(
            "Werdegang\n10/2016 – 09/2018 Master Studium Automatisierungstechnik\n10/2019 – 09/2021 Entwickler, Acme GmbH",
            "2022-01-01",
        );
        assert_eq!(s.roles.len(), 1);
        assert_eq!(s.roles[0].title, "Entwickler");
    }

    #[test]
    fn the_claim_is_read_from_a_summary_opening() {
        let s = roles_of(
            "Dana Example\nSummary\nSenior backend engineer with 9 years building payment systems.",
            "2025-01-01",
        );
        assert_eq!(s.headline.as_deref(), Some("Senior backend engineer"));
    }

    /// A margin setting each range over two lines, the start and a dash
    /// before the role's title, the end before the next line's text.
    #[test]
    fn a_range_over_two_margin_lines_is_read_whole() {
        let s = roles_of(
            "Experience\n07.2020- Senior Security Engineer, Northwind SE, Nuremberg.\nnow Works on security testing across the software lifecycle of the vehicle platform.\n04.2017- Developer, Eastgate GmbH, Ingolstadt.\n06.2020 Designed and implemented an intrusion detection prototype in C++.\n2011 - Elektrowerk, Vilnius\n2015 Software engineer\n• Control unit for a battery management system.",
            "2024-07-01",
        );
        assert_eq!(s.roles.len(), 3, "{:?}", s.roles);
        assert!(s.roles[0].ongoing);
        assert_eq!(s.roles[2].title, "Software engineer");
        // Jan 2011 to Apr 2017 (Jan 2015 – Apr 2017 unworked) and Apr 2017
        // to Jul 2024: 4 + 7.25 years.
        assert!(
            (s.years_engineering - 11.25).abs() < 0.1,
            "{}",
            s.years_engineering
        );
    }

    /// A doctorate's research at a university is shown apart, as student
    /// work; an engineer's work in a university lab is engineering.
    #[test]
    fn research_at_a_university_is_not_professional_years() {
        let s = roles_of(
            "Experience\n04.2017 - 06.2020 Developer, Eastgate GmbH\n09.2010 - 04.2017 Researcher at the Department of Computer Science, Northfield University\n08.2019 - 12.2020 Engineer-researcher, Northfield University",
            "2021-01-01",
        );
        assert_eq!(s.roles[1].kind, RoleKind::Student);
        assert_eq!(s.roles[2].kind, RoleKind::Engineering);
    }

    /// A projects label inside a role ("Key projects:") holds that role's
    /// projects; the next job line is a role again.
    #[test]
    fn a_projects_label_inside_a_role_does_not_end_the_roles() {
        let s = roles_of(
            "Experience\nEastgate Telecom | January 2017 – April 2019\nCloud Solution Consultant\nAutomated cloud tasks with Terraform and Python.\nKey projects:\nPrivate cloud product testing (2017 – 2018)\nRan the customer test environments.\nNorthwind Services | October 2012 – January 2017\nLinux Engineer / Migration Specialist\n• Built the monitoring system.\nResponsibilities and specific projects:\n• Migrated the fleet to CentOS 7.\n2010–2012 Developer, Harbor Labs, Leeds.",
            "2020-01-01",
        );
        assert_eq!(s.roles.len(), 3, "{:?}", s.roles);
        assert_eq!(s.roles[1].title, "Linux Engineer / Migration Specialist");
        assert_eq!(s.roles[2].title, "Developer");
        assert_eq!(s.lines[5].section, SectionKind::Projects);
        assert!(
            (s.years_engineering - 8.7).abs() < 0.1,
            "{}",
            s.years_engineering
        );
    }

    /// "Other Projects" with its own dates below it is an entry among the
    /// roles, not a projects section swallowing the roles after it.
    #[test]
    fn a_dated_entry_named_like_a_projects_heading_is_not_a_section() {
        let s = roles_of(
            "Employment\nSenior Developer\nOak (remote)\nAugust 2020 to December 2020\nBuilt the lesson apps.\nOther Projects\nJanuary 2018 to now\nVolunteer gardening for a local charity.\nQA Automation Consultant\nBritish Airways\nMarch 2015 to December 2015 (10 months)\nTaught specification by example.\nProjects\nChess engine in Rust (2019 – 2020)",
            "2021-01-01",
        );
        let titles: Vec<&str> = s.roles.iter().map(|r| r.title.as_str()).collect();
        assert!(titles.contains(&"QA Automation Consultant"), "{titles:?}");
        assert!(!titles.iter().any(|t| t.contains("Chess")), "{titles:?}");
    }

    /// Two stints at one job written on one line are both counted.
    #[test]
    fn two_ranges_on_one_role_line_are_both_read() {
        let s = roles_of(
            "Experience\nSenior Software Engineer, Software Engineer | Atlassian | 7 years\nJanuary 2016 - September 2018, March 2019 - February 2023\nLed a team of 5 engineers on the search service.",
            "2024-01-01",
        );
        assert_eq!(s.roles.len(), 2, "{:?}", s.roles);
        assert!(
            s.roles
                .iter()
                .all(|r| r.title == "Senior Software Engineer")
        );
        // Jan 2016 – Sep 2018 and Mar 2019 – Feb 2023: 33 + 48 months.
        assert_eq!(s.years_engineering, 6.8);
        let one = roles_of(
            "Experience\nBackend Engineer, Acme — 2019 – 2021, Java and Go\n- Built the API.",
            "2024-01-01",
        );
        assert_eq!(one.roles.len(), 1);
    }

    /// "▶" opens a bullet: an achievement is not a role's title.
    #[test]
    fn an_arrow_bullet_is_not_a_title() {
        let s = roles_of(
            "Experience\nHewlett Packard Enterprise, San Jose, CA (April 2021 - Present)\n▶ Developed a Python-based automation testing suite, reducing testing time by 50%\n▶ Orchestrated troubleshooting for driver issues as lead, reducing downtime by 45%",
            "2025-01-01",
        );
        assert_eq!(s.roles.len(), 1);
        assert!(!s.roles[0].title.contains("Orchestrated"), "{:?}", s.roles);
        assert_eq!(s.roles[0].kind, RoleKind::Engineering);
    }

    /// An associate degree reads like a title ("Associate of …"); an
    /// instructor's and a soldier's years are another career.
    #[test]
    fn associate_degrees_instructors_and_soldiers() {
        let s = roles_of(
            "Experience\nSenior Back End Developer, Acme — 2018 – 2022\nInstructor specialized in telephony and network communication, Signal School — 2008 – 2011\nSergeant, United States Marine Corps — 2005 – 2008\nEducation\nAssociate of Digital Graphics Technology\nDona Ana Community College (2003 – 2005)",
            "2023-01-01",
        );
        assert_eq!(s.roles.len(), 3, "{:?}", s.roles);
        // Years alone: 2018 to 2022 is January to January, 49 months.
        assert_eq!(s.years_engineering, 4.1);
        assert_eq!(s.years_other, 6.1);
    }

    /// A student's competitions and open-source contributions are dated
    /// like jobs; none is a professional year.
    #[test]
    fn competitions_and_contributions_are_not_professional_years() {
        let s = roles_of(
            "Experience\nFull Stack Web Developer | Scholarshelf 2024-06 to 2025-04\nExtracurriculars\nLightSys Code-A-Thon Participant 2024-04 to 2025-04\nFirst Robotics Competition Igknighters Programming Lead 2020-01 to 2023-05\nWPILib Volunteer Software Contributor 2022-11 to 2023-05\nWordPress.org, Contributor to Core, Plugins, & Themes\n2010 – Current",
            "2025-08-01",
        );
        assert_eq!(s.years_engineering, 0.9, "{:?}", s.roles);
        assert!(s.years_student >= 3.0, "{}", s.years_student);
    }

    /// A LinkedIn export's education: the school, then the degree with its
    /// years. A degree named like a title ("Practical Engineer") is still
    /// education.
    #[test]
    fn a_degree_named_like_a_title_under_a_school_is_education() {
        let s = roles_of(
            "Experience\nSenior Back End Developer\nFebruary 2018 - February 2022 (4 years 1 month)\nEducation\nORT Colleges\nPractical Engineer, Electrical and Electronics Engineering · (2006 - 2008)",
            "2023-01-01",
        );
        assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
        assert_eq!(s.lines[5].section, SectionKind::Education);
    }

    /// A job whose title sits two lines over its dates, above the
    /// employer, ends a stray skills section read before it.
    #[test]
    fn a_title_over_the_employer_over_the_dates_is_a_job_line() {
        let s = roles_of(
            "Technologies\nGo, Kafka, Postgres\nProgramme QA Consultant\nThe Home Office\nFebruary 2017 to December 2017\nLed the QA automation strategy.",
            "2018-01-01",
        );
        assert_eq!(s.lines[4].section, SectionKind::Experience);
        assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
        assert_eq!(s.roles[0].title, "Programme QA Consultant");
    }

    /// A note in brackets after the title can say it was an internship.
    #[test]
    fn an_internship_noted_after_the_title_is_student_work() {
        let s = roles_of(
            "Experience\nSoftware Engineer (Test Automation), Mozilla Aug 2014 - Apr 2016\nValidation Engineer (Intern), Intel May 2012 - Jun 2014",
            "2017-01-01",
        );
        assert_eq!(s.roles[0].kind, RoleKind::Engineering);
        assert_eq!(s.roles[1].title, "Validation Engineer");
        assert_eq!(s.roles[1].kind, RoleKind::Student);
    }

    /// A student's extracurricular activities are dated like jobs, with
    /// titles ("President", "Campus Rep"); none is a professional year.
    #[test]
    fn extracurricular_activities_are_student_work() {
        let s = roles_of(
            "Experience\nSite Reliability Engineer, Northwind Aug 2010 - Apr 2016\nBuilt the release pipeline.\nExtracurricular Activities\nPresident, State University Computing Club Aug 2007 - May 2010\nCommunity Relations Committee, Regional Linux Expo Feb 2008 - Feb 2011\nRecruited open source projects to present at the booths.\nCampus Rep, Firefox Aug 2007 - May 2010\nOrganized bug fix days with patch and diff tools.",
            "2016-04-01",
        );
        assert_eq!(s.roles.len(), 4, "{:?}", s.roles);
        assert!(s.roles[1..].iter().all(|r| r.kind == RoleKind::Student));
        // Aug 2010 to Apr 2016, the end month worked: 69 months.
        assert_eq!(s.years_engineering, 5.8);
        assert_eq!(s.lines[5].section, SectionKind::Other);
    }

    /// An employer's line with dates of its own under a dated title line
    /// is an earlier stint of that title; years spent studying are not.
    #[test]
    fn a_dated_employer_line_under_a_dated_title_takes_its_title() {
        let s = roles_of(
            "Experience\nSoftware Engineering Manager- Brooklyn, NY Jan 2023-Present (consultant)\nEastgate Law School December 2014-Jan 2023\nLed the development of the school's web applications.\nSoftware Engineer - New York, NY June 2013-September 2014\nNorthwind Research",
            "2023-06-01",
        );
        assert_eq!(s.roles.len(), 3, "{:?}", s.roles);
        assert_eq!(s.roles[1].title, "Software Engineering Manager");
        assert_eq!(s.roles[1].employer, "Eastgate Law School");
        // June 2013 to September 2014 (16 months) and December 2014 to
        // June 2023 (102 months).
        assert_eq!(s.years_engineering, 9.8);
        let studied = roles_of(
            "Experience\n03.2020 - today Qt Systems Developer, Froglogic\n10.2016 - 03.2020 Studied Computer Engineering HAW Hamburg",
            "2021-06-01",
        );
        assert_eq!(studied.roles.len(), 1, "{:?}", studied.roles);
    }

    /// A title naming the engineering a manager ran is engineering; a data
    /// science manager's is another career.
    #[test]
    fn technical_management_titles_are_engineering() {
        let s = roles_of(
            "Experience\nSoftware Engineer, Eastgate — Jan 2015 – Jan 2018\nTechnical Manager, Northwind Bank — Jan 2012 – Jan 2015\nDirector of App Development, Newsroom — Jan 2009 – Jan 2012\nProduct Data Science Manager, Acme — Jan 2018 – Jan 2019",
            "2019-01-01",
        );
        assert_eq!(
            role_kinds(&s),
            [
                RoleKind::Engineering,
                RoleKind::Engineering,
                RoleKind::Engineering,
                RoleKind::Other
            ]
        );
    }

    /// Spanish titles of support work and of an internship ("Práctica
    /// Profesional"), and a trainer's years, are not engineering years,
    /// whatever their lines say about "desarrollo".
    #[test]
    fn support_internships_and_training_in_other_words() {
        let s = roles_of(
            "Experiencia\nDesarrollador Full Stack\nArrok Software | Junio 2024 - Actualidad\nDesarrollo de sistemas con PHP y Laravel.\nGestor de soporte TI\nInstituto Nacional | Enero 2024 - Julio 2024\nResolución de problemas y desarrollo de estrategias del área.\nPractica Profesional\nGASCO Magallanes | Febrero 2023 - Marzo 2023\nDesarrollo de bases de datos.\n2012–2014 Eastgate Systems, Internal Linux programming trainer, Košice.",
            "2025-08-01",
        );
        assert_eq!(
            role_kinds(&s),
            [
                RoleKind::Engineering,
                RoleKind::Other,
                RoleKind::Student,
                RoleKind::Other
            ],
            "{:?}",
            s.roles
        );
    }

    /// A range inside a summary's sentence, wrapped from the line above,
    /// is no job; independent projects are no one's years. A lower-case
    /// month opening a job line after a long title line is still a job.
    #[test]
    fn a_range_inside_a_wrapped_sentence_is_not_a_job() {
        let s = roles_of(
            "Summary\nI build applied AI systems in Python and TypeScript, a workout tracker and a RAG service. Before this, I spent\n10 years (2014–2024) as an independent quantitative analyst in\nsports markets.\nExperience\nAI Implementer (Independent Projects)\nDecember 2024 - Present\nBuilding LLM systems in Python.",
            "2026-07-01",
        );
        assert!(s.roles.is_empty(), "{:?}", s.roles);
        // The paragraph stays the summary: its skills are not work shown.
        assert_eq!(s.lines[3].section, SectionKind::Summary);
        let s = roles_of(
            "Experiencia\nDesarrollador de software en una empresa de tecnología avanzada de Chile\nenero 2019 - actualidad",
            "2021-01-01",
        );
        assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
    }

    /// A titled role with no lines of its own, between engineering roles,
    /// is one more; a role whose lines describe other work stays another
    /// career.
    #[test]
    fn a_role_that_says_nothing_of_its_work_takes_the_kind_of_the_others() {
        let s = roles_of(
            "Experience\n● Northwind Bank - (2020 – Present)\nSenior Engineer\n● Eastgate Consulting - (2008 – 2020)\nDelivery Lead\n● Harbor Software - (2004 – 2008)\nSoftware Engineer\n● Acme Stores - (2001 – 2004)\nShift Lead\nServed customers and ran the till.",
            "2021-01-01",
        );
        assert_eq!(
            role_kinds(&s),
            [
                RoleKind::Engineering,
                RoleKind::Engineering,
                RoleKind::Engineering,
                RoleKind::Other
            ],
            "{:?}",
            s.roles
        );
        // January 2004 to January 2021.
        assert_eq!(s.years_engineering, 17.0);
    }

    /// A degree in an education list whose name holds a title word
    /// ("Master développeur d'application") is still a degree.
    #[test]
    fn a_degree_named_like_a_job_in_an_education_list_is_education() {
        let s = roles_of(
            "FORMATION\n2017-2019 : Master développeur d’application et architecte logiciel à l’ETNA\n2011-2016 : Licence informatique à l’UPEC\nEXPERIENCE PROFESSIONNELLE\nNovembre 2017 - Novembre 2019 : Développeur iOS chez Accengage",
            "2021-07-01",
        );
        assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
        assert_eq!(s.lines[1].section, SectionKind::Education);
    }

    /// Regression (a real resume's page footer "2of3" above a date line):
    /// the wrapped-range join found a range that starts on the next line,
    /// and its span, cut to the first line, ran backwards; slicing the line
    /// by it panicked.
    #[test]
    fn a_range_that_starts_on_the_next_line_is_not_joined() {
        let s = roles_of(
            "Experience\nEmbedded Engineer, Acme\n2of3\n2015 -\nnow\n- Built things.",
            "2022-01-01",
        );
        assert_eq!(s.roles.len(), 1);
        assert!(s.roles[0].ongoing);
    }
}
