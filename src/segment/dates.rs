//! Dates: written date ranges ("Jan 2020 – Present", "2019-2023",
//! "03/2021 - now", "Sep. 2023 – Mar. 2024", "2021–") read into months,
//! and the document's own "present". Never the clock: the same file always
//! gives the same dates.

use std::sync::OnceLock;

use crate::rubric::ascii_bounds::FixedRegex;
use serde::Serialize;

use crate::document::Document;

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

pub(super) const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)";

pub(super) fn date_source(suffix: &str) -> String {
    let month = MONTH.replace("?P<mon>", &format!("?P<mon{suffix}>"));
    format!(
        r"(?:{month}\.?,?\s+(?P<my{suffix}>(?:19|20)\d\d)|(?P<nm{suffix}>0?[1-9]|1[0-2])\s*/\s*(?P<ny{suffix}>(?:19|20)\d\d)|(?P<iy{suffix}>(?:19|20)\d\d)[-/.](?P<im{suffix}>0[1-9]|1[0-2])\b|(?P<y{suffix}>(?:19|20)\d\d))"
    )
}

pub(super) fn range_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = format!(
            r"(?i)\b{}\s*(?:-|–|—|‒|―|to|until|till|through)\s*(?:(?P<present>present|now|current(?:ly)?|today|ongoing|date)\b|{})?",
            date_source("1"),
            date_source("2")
        );
        FixedRegex::new(src)
    })
}

pub(super) fn date_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| FixedRegex::new(format!(r"(?i)\b{}", date_source("1"))))
}

pub(super) fn month_number(name: &str) -> u32 {
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

pub(super) fn date_from(caps: &regex::Captures, s: &str) -> Option<DateEnd> {
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
pub(super) fn is_date_tail(text: &str) -> bool {
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

/// Whether `text` may hold a date: each form has a year, 19xx or 20xx. Most
/// lines have none, and this is much cheaper than the date regex.
fn may_hold_a_year(text: &str) -> bool {
    text.contains("19") || text.contains("20")
}

pub fn find_date_range(text: &str) -> Option<DateRange> {
    if !may_hold_a_year(text) {
        return None;
    }
    for caps in range_regex().for_text(text).captures_iter(text) {
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
pub(super) fn present_date(doc: &Document, ranges: &[Option<DateRange>]) -> Option<YearMonth> {
    if let Some(date) = doc.diagnostics.document_date.as_deref() {
        let mut parts = date.split('-');
        let year = parts.next().and_then(|y| y.parse().ok());
        let month = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
        if let Some(year) = year
            && (1..=12).contains(&month)
        {
            return Some(YearMonth { year, month });
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
        if !may_hold_a_year(&line.text) {
            continue;
        }
        // "BSc (expected 2027)" is a plan, not a date the resume was
        // written after.
        let lower = line.text.to_lowercase();
        if lower.contains("expected") || lower.contains("anticipated") {
            continue;
        }
        for caps in date_regex().for_text(&line.text).captures_iter(&line.text) {
            if let Some(d) = date_from(&caps, "1") {
                consider(d);
            }
        }
    }
    latest
}

/// A range as months [start, end) with "present" resolved; None when the
/// dates run backwards or past the document's date.
pub(super) fn resolve(
    range: &DateRange,
    present: YearMonth,
) -> Option<(YearMonth, YearMonth, bool)> {
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
