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

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::document::Document;
use crate::rubric::{Rubric, SectionKind};

/// A month as a single number (year × 12 + month − 1), so ranges subtract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct YearMonth {
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl YearMonth {
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// One end of a written date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEnd {
    /// A month, or a year alone (`month_known` false).
    Date { ym: YearMonth, month_known: bool },
    /// "Present", "now", "current", or an open range ("2021–").
    Present,
}

/// A date range as written in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: DateEnd,
    pub end: DateEnd,
    /// Byte span of the range in the line.
    pub span: (usize, usize),
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
    /// Whether the title reads as an engineering role.
    pub engineering: bool,
    /// Index into the document's lines of the line holding the dates.
    pub line_index: usize,
}

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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segmented {
    /// One per document line, same order.
    pub lines: Vec<LineInfo>,
    pub roles: Vec<Role>,
    /// Engineering years, overlaps merged.
    pub years_engineering: f64,
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
    let mut ranges: Vec<Option<DateRange>> = texts.iter().map(|t| find_date_range(t)).collect();
    // A range wrapped at its dash ("… Mar 2021 –" then "Present") is read
    // whole, and its tail line belongs to the role header.
    let mut range_tails = vec![false; texts.len()];
    for i in 1..texts.len() {
        let previous = texts[i - 1].trim_end();
        // Wrapped anywhere inside the range: after the dash ("Mar 2021 –" /
        // "Present"), before it ("Sep. 2021" / "– Present") or inside the
        // end date ("Jun 2010 – Dec" / "2015").
        let dashes = ['–', '—', '-'];
        let tail = texts[i].trim_start();
        let open_before = ranges[i - 1].is_none() || previous.ends_with(dashes);
        if !open_before || !is_date_tail(tail.trim_start_matches(dashes)) {
            continue;
        }
        let joined = format!("{previous} {tail}");
        if let Some(mut range) = find_date_range(&joined)
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
    for (i, text) in texts.iter().enumerate() {
        if let Some(kind) = headings[i] {
            current = kind;
            header_done = true;
            lines.push(LineInfo {
                section: kind,
                heading: true,
                list_items: 0,
                role_header: false,
            });
            continue;
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
        });
    }

    let present = present_date(doc, &ranges);
    let mut roles = Vec::new();
    for (i, range) in ranges.iter().enumerate() {
        let Some(range) = range else { continue };
        if matches!(
            lines[i].section,
            SectionKind::Education | SectionKind::Skills | SectionKind::Projects
        ) {
            continue;
        }
        let Some(present) = present else { continue };
        let Some((start, end, ongoing)) = resolve(range, present) else {
            continue;
        };
        lines[i].role_header = true;
        let (title, employer) = title_and_employer(&texts, i, range, rubric);
        let engineering = rubric.years.engineering_titles.is_match(&title);
        roles.push(Role {
            title,
            employer,
            start,
            end,
            ongoing,
            engineering,
            line_index: i,
        });
    }

    for i in 1..lines.len() {
        if range_tails[i] && lines[i - 1].role_header {
            lines[i].role_header = true;
        }
    }

    let (mut years_engineering, years_other) = merged_years(&roles);
    let mut years_source = if roles.is_empty() {
        YearsSource::None
    } else {
        YearsSource::Roles
    };
    if roles.is_empty() {
        if let Some(y) = summary_years(&texts, &lines, rubric) {
            years_engineering = y;
            years_source = YearsSource::Summary;
        }
    }

    let header: Vec<&str> = texts
        .iter()
        .zip(&lines)
        .take_while(|(_, l)| l.section == SectionKind::Header)
        .map(|(t, _)| *t)
        .collect();
    let email = texts.iter().take(12).find_map(|t| find_email(t));
    let candidate = header.iter().find_map(|t| candidate_name(t, rubric));
    let headline = header
        .iter()
        .chain(texts.iter().take(6))
        .find_map(|t| headline_title(t, rubric));

    Segmented {
        lines,
        roles,
        years_engineering,
        years_other,
        years_source,
        present,
        headline,
        candidate,
        email,
    }
}

fn starts_with_bullet(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| crate::extract::cleanup::is_bullet(c) || c == '-' || c == '*')
}

/// Lower-case letters and spaces only, "&" read as "and".
fn normalise_heading(text: &str) -> String {
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

const SUMMARY: &[&str] = &[
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
const EXPERIENCE: &[&str] = &[
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
const SKILLS: &[&str] = &[
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
const PROJECTS: &[&str] = &[
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
const EDUCATION: &[&str] = &[
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
const OTHER: &[&str] = &[
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
    None
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

const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)";

fn date_source(suffix: &str) -> String {
    let month = MONTH.replace("?P<mon>", &format!("?P<mon{suffix}>"));
    format!(
        r"(?:{month}\.?,?\s+(?P<my{suffix}>(?:19|20)\d\d)|(?P<nm{suffix}>0?[1-9]|1[0-2])\s*/\s*(?P<ny{suffix}>(?:19|20)\d\d)|(?P<iy{suffix}>(?:19|20)\d\d)[-/.](?P<im{suffix}>0[1-9]|1[0-2])\b|(?P<y{suffix}>(?:19|20)\d\d))"
    )
}

fn range_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = format!(
            r"(?i)\b{}\s*(?:-|–|—|‒|―|to|until|till|through)\s*(?:(?P<present>present|now|current(?:ly)?|today|ongoing|date)\b|{})?",
            date_source("1"),
            date_source("2")
        );
        Regex::new(&src).expect("the date-range pattern is a constant and compiles")
    })
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(r"(?i)\b{}", date_source("1")))
            .expect("the date pattern is a constant and compiles")
    })
}

fn month_number(name: &str) -> u32 {
    let n = name.to_lowercase();
    let table = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("spring", 3),
        ("summer", 6),
        ("fall", 9),
        ("autumn", 9),
        ("winter", 12),
    ];
    table
        .iter()
        .find(|(p, _)| n.starts_with(p))
        .map_or(1, |(_, m)| *m)
}

fn date_from(caps: &regex::Captures, s: &str) -> Option<DateEnd> {
    let get = |name: &str| caps.name(&format!("{name}{s}")).map(|m| m.as_str());
    let year = |t: &str| t.parse::<i32>().ok();
    if let (Some(mon), Some(y)) = (get("mon"), get("my")) {
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: year(y)?,
                month: month_number(mon),
            },
            month_known: true,
        });
    }
    if let (Some(m), Some(y)) = (get("nm"), get("ny")) {
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: year(y)?,
                month: m.parse().ok()?,
            },
            month_known: true,
        });
    }
    if let (Some(y), Some(m)) = (get("iy"), get("im")) {
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: year(y)?,
                month: m.parse().ok()?,
            },
            month_known: true,
        });
    }
    let y = get("y")?;
    Some(DateEnd::Date {
        ym: YearMonth {
            year: year(y)?,
            month: 1,
        },
        month_known: false,
    })
}

/// The first date range written in a line, if any.
/// A line holding only the end of a date range: "Present", "now",
/// "Mar 2024", "03/2024", "2024".
fn is_date_tail(text: &str) -> bool {
    let t = text.trim().trim_end_matches([')', '.', ',']);
    let lower = t.to_lowercase();
    matches!(
        lower.as_str(),
        "present" | "now" | "current" | "today" | "date"
    ) || (t.len() <= 16
        && t.chars().filter(char::is_ascii_digit).count() == 4
        && t.split_whitespace().count() <= 2
        && find_date_range(&format!("2000 – {t}")).is_some())
}

pub fn find_date_range(text: &str) -> Option<DateRange> {
    for caps in range_regex().captures_iter(text) {
        let whole = caps.get(0)?;
        let start = date_from(&caps, "1")?;
        let end = if caps.name("present").is_some() {
            DateEnd::Present
        } else if let Some(end) = date_from(&caps, "2") {
            end
        } else {
            // "2021–" is open only when nothing but punctuation follows;
            // "2019 - Acme" is a year and an employer, not a range.
            let rest = text[whole.end()..].trim_start();
            if rest.is_empty() || rest.starts_with(['|', ')', ',', '·', ']']) {
                DateEnd::Present
            } else {
                continue;
            }
        };
        return Some(DateRange {
            start,
            end,
            span: (whole.start(), whole.end()),
        });
    }
    None
}

/// The document's "today": its own date, else the latest date in its text.
fn present_date(doc: &Document, ranges: &[Option<DateRange>]) -> Option<YearMonth> {
    if let Some(date) = doc.diagnostics.document_date.as_deref() {
        let mut parts = date.split('-');
        let year = parts.next().and_then(|y| y.parse().ok());
        let month = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
        if let Some(year) = year {
            if (1..=12).contains(&month) {
                return Some(YearMonth { year, month });
            }
        }
    }
    let mut latest: Option<YearMonth> = None;
    let mut consider = |end: DateEnd| {
        if let DateEnd::Date { ym, month_known } = end {
            // A bare year as "today" reads as the end of that year.
            let ym = if month_known {
                ym
            } else {
                YearMonth {
                    year: ym.year,
                    month: 12,
                }
            };
            latest = Some(latest.map_or(ym, |l| l.max(ym)));
        }
    };
    for r in ranges.iter().flatten() {
        consider(r.start);
        consider(r.end);
    }
    for line in &doc.lines {
        // "BSc (expected 2027)" is a plan, not a date the resume was
        // written after.
        let lower = line.text.to_lowercase();
        if lower.contains("expected") || lower.contains("anticipated") {
            continue;
        }
        for caps in date_regex().captures_iter(&line.text) {
            if let Some(d) = date_from(&caps, "1") {
                consider(d);
            }
        }
    }
    latest
}

/// A range as months [start, end) with "present" resolved; None when the
/// dates run backwards or past the document's date.
fn resolve(range: &DateRange, present: YearMonth) -> Option<(YearMonth, YearMonth, bool)> {
    let DateEnd::Date { ym: start, .. } = range.start else {
        return None;
    };
    let (end, ongoing) = match range.end {
        DateEnd::Present => (present, true),
        DateEnd::Date { ym, month_known } => {
            if month_known {
                (ym, false)
            } else if ym.year == start.year {
                (
                    YearMonth {
                        year: ym.year,
                        month: 12,
                    },
                    false,
                )
            } else {
                (ym, false)
            }
        }
    };
    if end < start {
        return None;
    }
    Some((start, end, ongoing))
}

/// Months covered by a role, counting a month-precise end month as worked.
fn months(role: &Role) -> (i32, i32) {
    let start = role.start.index();
    let end = role.end.index() + if role.ongoing { 0 } else { 1 };
    (start, end.max(start))
}

/// Union of intervals, in months.
fn union_months(mut spans: Vec<(i32, i32)>) -> i32 {
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i32, i32)> = None;
    for (s, e) in spans {
        match current {
            Some((cs, ce)) if s <= ce => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        total += ce - cs;
    }
    total
}

/// Engineering and other years, each with overlaps merged, rounded to a
/// tenth of a year.
pub fn merged_years(roles: &[Role]) -> (f64, f64) {
    let eng: Vec<_> = roles.iter().filter(|r| r.engineering).map(months).collect();
    let other: Vec<_> = roles
        .iter()
        .filter(|r| !r.engineering)
        .map(months)
        .collect();
    let round = |m: i32| (m as f64 / 12.0 * 10.0).round() / 10.0;
    (round(union_months(eng)), round(union_months(other)))
}

/// "Backend engineer with 7 years…" in the summary or header.
fn summary_years(texts: &[&str], lines: &[LineInfo], rubric: &Rubric) -> Option<f64> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|thirty)\+?\s*(?:years|yrs|year)\b")
            .expect("the years pattern is a constant and compiles")
    });
    texts.iter().zip(lines).find_map(|(t, l)| {
        if !matches!(l.section, SectionKind::Header | SectionKind::Summary) {
            return None;
        }
        let caps = re.captures(t)?;
        if !rubric.years.engineering_titles.is_match(t) {
            return None;
        }
        caps[1]
            .parse::<f64>()
            .ok()
            .or_else(|| number_word(&caps[1]))
    })
}

/// "twelve" → 12, "twenty-two" → 22.
fn number_word(word: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let w = word.to_lowercase();
    if let Some(n) = UNITS.iter().position(|u| *u == w) {
        return Some(n as f64);
    }
    let (tens, rest) = w.split_once('-').unwrap_or((w.as_str(), ""));
    let base = match tens {
        "twenty" => 20.0,
        "thirty" => 30.0,
        _ => return None,
    };
    let unit = if rest.is_empty() {
        0
    } else {
        UNITS.iter().position(|u| *u == rest)?
    };
    Some(base + unit as f64)
}

/// Words that mark a part of a job line as a job title rather than an
/// employer, for careers both inside and outside engineering.
fn title_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:engineer|developer|programmer|architect|intern|manager|director|head of|vp|analyst|consultant|scientist|designer|teacher|specialist|coordinator|associate|assistant|lead|officer|administrator|technician|researcher|instructor|tutor|accountant|nurse|founder|co-founder|cto|ceo|sre|devops|fellow|principal|staff|senior|junior|representative|agent|clerk|chef|editor|writer|sales|marketing|recruiter|student|owner|strategist|planner|operator|supervisor|swe|sde)\b")
            .expect("the title-word pattern is a constant and compiles")
    })
}

fn split_parts(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in [
        " — ", " – ", " - ", " | ", " · ", " • ", ", ", " at ", " @ ", "\t",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| {
            p.trim_matches(|c: char| c.is_whitespace() || "-–—|·•,()[]*_".contains(c))
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Title and employer for the role whose dates are on line `i`: from the
/// rest of that line, or the line above when the dates stand alone.
fn title_and_employer(
    texts: &[&str],
    i: usize,
    range: &DateRange,
    rubric: &Rubric,
) -> (String, String) {
    let text = texts[i];
    let rest = format!("{} {}", &text[..range.span.0], &text[range.span.1..]);
    let rest = rest.trim_start_matches(|c: char| {
        crate::extract::cleanup::is_bullet(c) || c == '*' || c == ' '
    });
    let mut parts = split_parts(rest);
    let is_title =
        |p: &str| title_words().is_match(p) || rubric.titles.iter().any(|t| t.regex.is_match(p));
    if !parts.iter().any(|p| is_title(p)) && i > 0 && heading_kind(texts[i - 1]).is_none() {
        let above = split_parts(texts[i - 1]);
        if above.iter().any(|p| is_title(p)) {
            parts = above.into_iter().chain(parts).collect();
        }
    }
    let title_pos = parts.iter().position(|p| is_title(p));
    let title = title_pos.map(|p| parts[p].clone()).unwrap_or_default();
    let employer = parts
        .iter()
        .enumerate()
        .find(|(j, p)| Some(*j) != title_pos && !p.chars().all(|c| !c.is_alphabetic()))
        .map(|(_, p)| p.clone())
        .unwrap_or_default();
    (title, employer)
}

fn find_email(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
            .expect("the email pattern is a constant and compiles")
    });
    re.find(text).map(|m| m.as_str().to_string())
}

/// A header line that looks like a person's name: two to four capitalised
/// words, no digits, no title words. Parenthetical notes are dropped.
fn candidate_name(text: &str, rubric: &Rubric) -> Option<String> {
    let base = text.split(['(', '|', '·', ',']).next()?.trim();
    let words: Vec<&str> = base.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || base.contains('@') {
        return None;
    }
    let name_like = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "'-.".contains(c))
    });
    if !name_like
        || title_words().is_match(base)
        || rubric.titles.iter().any(|t| t.regex.is_match(base))
    {
        return None;
    }
    if heading_kind(base).is_some() {
        return None;
    }
    Some(base.to_string())
}

/// A headline such as "Senior Backend Engineer · name@example.com": the
/// part that holds a title.
fn headline_title(text: &str, rubric: &Rubric) -> Option<String> {
    if text.chars().count() > 90 {
        return None;
    }
    split_parts(text).into_iter().find(|p| {
        !p.contains('@')
            && p.split_whitespace().count() <= 6
            && rubric.titles.iter().any(|t| t.regex.is_match(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Diagnostics, Line};

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
}
