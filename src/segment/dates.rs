//! Dates: written date ranges ("Jan 2020 – Present", "2019-2023",
//! "03/2021 - now", "Sep. 2023 – Mar. 2024", "2021–") read into months,
//! and the document's own "present". Never the clock: the same file always
//! gives the same dates.

use std::sync::OnceLock;

use crate::matching::ascii_bounds::FixedRegex;
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

/// Month names and their common abbreviations in English, German,
/// French, Spanish, Portuguese and Italian, with seasons; `month_number` reads them.
pub(super) const MONTH: &str = r"(?P<mon>jan(?:uary|uar|vier|v|eiro|\.)?|gen(?:naio)?|ene(?:ro)?|feb(?:ruary|ruar|rero|braio)?|f[ée]v(?:r(?:ier)?|ereiro)?|mar(?:ch|s|zo|ço)?|m[äa]rz|mrz|apr(?:ile|il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai(?:o)?|mag(?:gio)?|jun(?:e|i|io|ho)?|juin|giu(?:gno)?|jul(?:y|i|io|ho)?|juil(?:let)?|lug(?:lio)?|aug(?:ust)?|ao[ûu]t|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?)?|set(?:tembre|embro)?|o[ck]t(?:ober|obre|ubre)?|ott(?:obre)?|out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|spring|summer|fall|autumn|winter)";

pub(super) fn date_source(suffix: &str) -> String {
    let month = MONTH.replace("?P<mon>", &format!("?P<mon{suffix}>"));
    let month_q = MONTH.replace("?P<mon>", &format!("?P<monq{suffix}>"));
    let month_r = MONTH.replace("?P<mon>", &format!("?P<monr{suffix}>"));
    // In order: "Jan 2020" (or "outubro de 2024", "Jan-2020"), "Sept ’17"
    // (or "Aug-19", as spreadsheets print a month), "03/2021" or
    // "03.2021" (a day may come first: "02.03.2021"), "2022년 8월" or
    // "2022年8月", "2021-03" or "2021/03" or "2021.03" (a day may follow:
    // "2018-11-02"), "2024 Aug" (the year first, as Japanese and Chinese
    // resumes written in English print it), "2021".
    format!(
        r"(?:{month}\.?,?(?:\s+|-)(?:de\s+)?(?P<my{suffix}>(?:19|20)\d\d)|(?P<ky{suffix}>(?:19|20)\d\d)\s*[년年]\s*(?P<km{suffix}>1[0-2]|0?[1-9])\s*[월月]|{month_q}\.?(?:\s*[’']\s?|-)(?P<mq{suffix}>\d\d)\b|(?:[0-3]?\d\.)?(?P<nm{suffix}>0?[1-9]|1[0-2])\s*[/.]\s*(?P<ny{suffix}>(?:19|20)\d\d)|(?P<iy{suffix}>(?:19|20)\d\d)[-/.](?P<im{suffix}>0[1-9]|1[0-2])(?:[-/.][0-3]\d)?\b|(?P<ry{suffix}>(?:19|20)\d\d)\s+{month_r}\b\.?|(?P<y{suffix}>(?:19|20)\d\d))"
    )
}

/// The dashes a range is written with: hyphen-minus, the en, em, figure
/// and quotation dashes, and the Unicode hyphens some fonts print instead
/// (awesome-cv's "May 2023 ‑ Present" uses the non-breaking hyphen, U+2011),
/// the minus sign, and arrows ("2016 → 2017").
const DASHES: &str = "->|→|⟶|-|–|—|‒|―|‐|‑|−";

/// Words for "to this day" in the languages [`MONTH`] knows.
const PRESENT: &str = r"present|now|current(?:ly)?|today|ongoing|date|heute|aktuell|jetzt|derzeit|pr[ée]sent|aujourd[’']hui|actuel(?:le)?|en cours|presente|actual(?:idad|mente)?|atual(?:mente)?|hoy|oggi|attuale";

pub(super) fn range_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = format!(
            r"(?i)\b{}\s*(?:{DASHES}|to|until|till|through|bis|à|a|até|hasta)\s*(?:(?P<present>{PRESENT})\b|{}|(?P<short>\d\d)\b)?",
            date_source("1"),
            date_source("2")
        );
        FixedRegex::new(src)
    })
}

/// A whole line that is only a word for "to this day".
fn present_word() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(&format!("^(?:{PRESENT})$"))
            .expect("the present words are a constant and compile")
    })
}

/// "Since 2023", "since March 2019", "seit 05/2020": a range that runs to
/// this day, written by its start alone at the start of a line.
fn since_regex() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(&format!(
            r"(?i)^\W*(?:since|seit|depuis|desde)\s+{}",
            date_source("1")
        ))
        .expect("the since pattern is a constant and compiles")
    })
}

/// The most words a line may hold after a "since" date for it to be a
/// role's dates.
const MAX_WORDS_AFTER_SINCE: usize = 8;

pub(super) fn date_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| FixedRegex::new(format!(r"(?i)\b{}", date_source("1"))))
}

pub(super) fn month_number(name: &str) -> u32 {
    let n = name.to_lowercase();
    // Longest prefixes first where one language's month starts another's
    // ("juil" before "jul", "mai" before "ma…").
    let table = [
        ("jan", 1),
        ("ene", 1),
        ("gen", 1),
        ("feb", 2),
        ("fév", 2),
        ("fev", 2),
        ("mär", 3),
        ("mrz", 3),
        ("mar", 3),
        ("apr", 4),
        ("avr", 4),
        ("abr", 4),
        ("may", 5),
        ("mai", 5),
        ("mag", 5),
        ("juin", 6),
        ("juil", 7),
        ("jun", 6),
        ("jul", 7),
        ("giu", 6),
        ("lug", 7),
        ("aug", 8),
        ("aoû", 8),
        ("aou", 8),
        ("ago", 8),
        ("sep", 9),
        ("set", 9),
        ("oct", 10),
        ("okt", 10),
        ("ott", 10),
        ("out", 10),
        ("nov", 11),
        ("dec", 12),
        ("déc", 12),
        ("dez", 12),
        ("dic", 12),
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
    if let (Some(y), Some(mon)) = (get("ry"), get("monr")) {
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: year(y)?,
                month: month_number(mon),
            },
            month_known: true,
        });
    }
    if let (Some(mon), Some(y)) = (get("monq"), get("mq")) {
        // "Sept ’17": a two-digit year, this century unless that would be
        // far in the future.
        let short: i32 = y.parse().ok()?;
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: if short <= 50 {
                    2000 + short
                } else {
                    1900 + short
                },
                month: month_number(mon),
            },
            month_known: true,
        });
    }
    if let (Some(y), Some(m)) = (get("ky"), get("km")) {
        return Some(DateEnd::Date {
            ym: YearMonth {
                year: year(y)?,
                month: m.parse().ok()?,
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
    present_word().is_match(&lower)
        || (t.len() <= 16
            && t.chars().filter(char::is_ascii_digit).count() == 4
            && t.split_whitespace().count() <= 2
            && find_date_range(&format!("2000 – {t}")).is_some())
}

/// Whether `text` may hold a date: each form has a year, 19xx or 20xx, or
/// two digits after an apostrophe or a dash ("Sept ’17", "Aug-19"). Most
/// lines have none, and this is much cheaper than the date regex.
fn may_hold_a_year(text: &str) -> bool {
    text.contains("19")
        || text.contains("20")
        || text.contains(['’', '\''])
        || text
            .as_bytes()
            .windows(3)
            .any(|w| w[0] == b'-' && w[1].is_ascii_digit() && w[2].is_ascii_digit())
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
        } else if let Some(short) = caps.name("short") {
            // "2018-20", "2017–18": the end year's last two digits, after a
            // year of the same century. Two digits that open a longer
            // number ("2020- 98-375: MTA exam", a phone number) are not.
            let mut after = text[short.end()..].chars();
            if after.next().is_some_and(|c| matches!(c, '-' | '/' | '.'))
                && after.next().is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            match (start, short.as_str().parse::<i32>()) {
                (
                    DateEnd::Date {
                        ym,
                        month_known: false,
                    },
                    Ok(yy),
                ) if yy > ym.year % 100 => DateEnd::Date {
                    ym: YearMonth {
                        year: ym.year - ym.year % 100 + yy,
                        month: 1,
                    },
                    month_known: false,
                },
                _ => continue,
            }
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
    // Only a "since" that opens its line, with nothing after its date or a
    // separator before a title, is a role's dates: "IT experience since
    // 2010", "since 2019 a lot changed" or "… developing solutions since
    // 1988" are not.
    let opening = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !["since ", "seit ", "depuis ", "desde "].iter().any(|w| {
        opening
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    }) {
        return None;
    }
    let caps = since_regex().captures(text)?;
    let whole = caps.get(0)?;
    let after = text[whole.end()..].trim_start();
    let separated = after.is_empty() || after.starts_with(['|', '–', '—', '-', '·', ':']);
    let words_after = after.split_whitespace().count();
    (separated && words_after <= MAX_WORDS_AFTER_SINCE).then_some(DateRange {
        start: date_from(&caps, "1")?,
        end: DateEnd::Present,
        span: (text.len() - opening.len(), whole.end()),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(text: &str) -> Option<(YearMonth, Option<YearMonth>)> {
        let r = find_date_range(text)?;
        let ym = |e: DateEnd| match e {
            DateEnd::Date { ym, .. } => Some(ym),
            DateEnd::Present => None,
        };
        Some((ym(r.start)?, ym(r.end)))
    }

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    /// The forms of issue 20, each as a recruiter meets it.
    #[test]
    fn date_ranges_in_every_form_a_recruiter_meets() {
        let cases: &[(&str, YearMonth, Option<YearMonth>)] = &[
            ("Sept ’17 – present", ym(2017, 9), None),
            ("Jun '09 - Aug '12", ym(2009, 6), Some(ym(2012, 8))),
            ("Aug-19 to Now", ym(2019, 8), None),
            ("Sep-14 to Jul-19", ym(2014, 9), Some(ym(2019, 7))),
            ("Jan-2018 - Mar-2020", ym(2018, 1), Some(ym(2020, 3))),
            ("2018-11-02 — current", ym(2018, 11), None),
            ("2023/02 - Present", ym(2023, 2), None),
            ("03/2019 – 11/2021", ym(2019, 3), Some(ym(2021, 11))),
            ("2019.03 - 2021.10", ym(2019, 3), Some(ym(2021, 10))),
            ("03.2019 – 11.2021", ym(2019, 3), Some(ym(2021, 11))),
            ("Jan. 2018 to Dec. 2019", ym(2018, 1), Some(ym(2019, 12))),
            ("2018-20 Petsearch", ym(2018, 1), Some(ym(2020, 1))),
            ("2017–18 Freelance", ym(2017, 1), Some(ym(2018, 1))),
            (
                "Desenvolvedor full stack SET 2017 - PRESENTE",
                ym(2017, 9),
                None,
            ),
            ("JUN 2016 - AGO 2017", ym(2016, 6), Some(ym(2017, 8))),
            ("02/2022 – heute", ym(2022, 2), None),
            (
                "März 2015 bis Dezember 2019",
                ym(2015, 3),
                Some(ym(2019, 12)),
            ),
            ("janvier 2020 – aujourd’hui", ym(2020, 1), None),
            ("Juil. 2016 - Déc. 2018", ym(2016, 7), Some(ym(2018, 12))),
            ("enero 2019 - actualidad", ym(2019, 1), None),
            ("outubro de 2024 - Present (1 ano)", ym(2024, 10), None),
            (
                "abril de 2019 - abril de 2022",
                ym(2019, 4),
                Some(ym(2022, 4)),
            ),
            (
                "2021년 10월 - 2022년 8월 (11개월)",
                ym(2021, 10),
                Some(ym(2022, 8)),
            ),
            ("2019年4月 – 2021年3月", ym(2019, 4), Some(ym(2021, 3))),
            // Italian, as LinkedIn exports it.
            (
                "giugno 2020 - maggio 2024 (4 anni)",
                ym(2020, 6),
                Some(ym(2024, 5)),
            ),
            (
                "settembre 2012 - dicembre 2013",
                ym(2012, 9),
                Some(ym(2013, 12)),
            ),
            (
                "ottobre 2013 - aprile 2015",
                ym(2013, 10),
                Some(ym(2015, 4)),
            ),
            ("gennaio 2011 - luglio 2011", ym(2011, 1), Some(ym(2011, 7))),
            ("2024 Aug - 2024 Sep", ym(2024, 8), Some(ym(2024, 9))),
            ("2025 Mar - Present (2025 June)", ym(2025, 3), None),
            (
                "2022 Mar - 2026 Mar (Expected)",
                ym(2022, 3),
                Some(ym(2026, 3)),
            ),
        ];
        for (text, start, end) in cases {
            assert_eq!(ends(text), Some((*start, *end)), "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_ranges() {
        for text in [
            "2019 - Acme Corp",
            // A year before a word that only starts like a month.
            "2019 Marketing - Sales",
            "since 2019 a lot changed",
            "Call +1 555 2019-1234",
            "Reduced cost 20-30%",
            // An exam code after a year is not a short end year (2098).
            "2020- 98-375: MTA: HTML5 Application Development",
        ] {
            assert_eq!(ends(text), None, "{text}");
        }
    }

    #[test]
    fn a_short_end_year_must_follow_its_start() {
        // "2019-05" is May 2019, never 2019 to 2005.
        assert_eq!(
            ends("2019-05 – 2020-01"),
            Some((ym(2019, 5), Some(ym(2020, 1))))
        );
        assert_eq!(ends("2019 - 15 engineers"), None);
    }
}
