//! Years of experience: roles' months merged where they overlap, kept apart
//! for engineering and other careers, or a summary's own figure ("with 7
//! years") when no role is dated.

use std::sync::OnceLock;

use super::{LineInfo, Role, RoleKind};
use crate::matching::ascii_bounds::FixedRegex;
use crate::rubric::{Rubric, SectionKind};

/// Months covered by a role, counting a month-precise end month as worked.
pub(super) fn months(role: &Role) -> (i32, i32) {
    let start = role.start.index();
    let end = role.end.index() + if role.ongoing { 0 } else { 1 };
    (start, end.max(start))
}

/// Union of intervals, in months.
pub(super) fn union_months(mut spans: Vec<(i32, i32)>) -> i32 {
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

/// Engineering, student and other years, each with overlaps merged,
/// rounded to a tenth of a year.
pub fn merged_years(roles: &[Role]) -> (f64, f64, f64) {
    let of = |kind: RoleKind| {
        let spans: Vec<_> = roles
            .iter()
            .filter(|r| r.kind == kind)
            .map(months)
            .collect();
        (union_months(spans) as f64 / 12.0 * 10.0).round() / 10.0
    };
    (
        of(RoleKind::Engineering),
        of(RoleKind::Student),
        of(RoleKind::Other),
    )
}

/// "8 years", "ten+ yrs": a stated length of career.
pub(super) fn years_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FixedRegex::new(r"(?i)\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|thirty)\+?\s*(?:years|yrs|year)\b")
    })
}

/// "Backend engineer with 7 years…" in the summary or header.
pub(super) fn summary_years(texts: &[&str], lines: &[LineInfo], rubric: &Rubric) -> Option<f64> {
    let re = years_regex();
    texts.iter().zip(lines).find_map(|(t, l)| {
        if !matches!(l.section, SectionKind::Header | SectionKind::Summary) {
            return None;
        }
        let caps = re.for_text(t).captures(t)?;
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
pub(super) fn number_word(word: &str) -> Option<f64> {
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
