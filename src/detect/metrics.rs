//! Reading numbers: one sentence and one metric rule in, the values that
//! rule recognises out — normalised (K/M/B expanded, per-day turned into
//! per-second, months into years) so that magnitude tiers compare like with
//! like.
//!
//! "28K RPS" is 28,000/s; "12M events/day" is ~139/s; "p99 from 480ms to
//! 84ms" is an improvement with both values; "across three regions" is 3
//! regions. A number this file cannot tie to a unit the rule names is not
//! scale, whatever its size: "7 years" and "Go 1.22" earn nothing.

use std::sync::OnceLock;

use regex::Regex;

use crate::matching::MONTH_NAMES;
use crate::matching::ascii_bounds::FixedRegex;
use crate::matching::metric_words::{ContextWords, MetricWords};
use crate::rubric::{Measure, Metric};

/// A number found in a sentence, with its multiplier applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Byte span of the number and its suffix in the sentence.
    pub start: usize,
    pub end: usize,
    pub currency: bool,
    /// Written as a word ("three"): only counts read these.
    pub word: bool,
}

/// One reading of a metric in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricHit {
    /// Normalised value: per second (rate), ms (latency), dollars (per year
    /// when a period is given), a count, or a percentage.
    pub value: f64,
    /// The value written out for a reader, e.g. "28,000/s".
    pub detail: String,
    /// (before, after) when the sentence states a change ("from A to B").
    pub improvement: Option<(f64, f64)>,
}

fn number_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FixedRegex::new(r"(?i)(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a dozen|dozens of|hundreds of|thousands of)\b")
    })
}

/// A number written as a word ("twelve", "a dozen"); 0 for any other word.
pub(crate) fn word_value(word: &str) -> f64 {
    match word.to_lowercase().as_str() {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "a dozen" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "dozens of" => 24.0,
        "hundreds of" => 200.0,
        "thousands of" => 2000.0,
        _ => 0.0,
    }
}

fn suffix_multiplier(word: &str) -> Option<f64> {
    Some(match word.to_lowercase().as_str() {
        "k" | "thousand" => 1e3,
        "m" | "mm" | "mn" | "million" | "millions" => 1e6,
        "b" | "bn" | "billion" | "billions" => 1e9,
        "t" | "tn" | "trillion" => 1e12,
        _ => return None,
    })
}

/// Every number in a sentence, with K/M/B suffixes and a trailing "+"
/// folded in. Digits glued to letters before them (p99, v2, S3) are not
/// numbers.
pub fn numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    // Groups are told apart by the match's first character rather than by
    // capture groups, which would take the slower capturing engines for
    // every sentence: a currency sign opens `cur` + `num`, a digit opens
    // `num`, a letter opens `word`.
    for whole in number_regex().for_text(text).find_iter(text) {
        let matched = whole.as_str();
        let first = matched
            .chars()
            .next()
            .expect("a number match is never empty");
        if first.is_alphabetic() {
            out.push(Number {
                value: word_value(matched),
                start: whole.start(),
                end: whole.end(),
                currency: false,
                word: true,
            });
            continue;
        }
        let currency = matches!(first, '$' | '€' | '£');
        let num = if currency {
            &matched[first.len_utf8()..]
        } else {
            matched
        };
        let before = text[..whole.start()].chars().next_back();
        // "N+1 queries" and "p99" are names, not quantities.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '+') {
            continue;
        }
        let Ok(mut value) = num.replace(',', "").parse::<f64>() else {
            continue;
        };
        let mut end = whole.end();
        // Suffix: "28K", "5 million", "2.5B".
        let rest = &text[end..];
        let gap = if rest.starts_with(' ') { 1 } else { 0 };
        let alpha: String = rest[gap..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if !alpha.is_empty()
            && let Some(mult) = suffix_multiplier(&alpha)
        {
            // A spaced single letter ("5 m") is too ambiguous to scale.
            if gap == 0 || alpha.len() > 2 {
                value *= mult;
                end += gap + alpha.len();
            }
        }
        if text[end..].starts_with('+') {
            end += 1;
        }
        out.push(Number {
            value,
            start: whole.start(),
            end,
            currency,
            word: false,
        });
    }
    out
}

/// Words that are never a count's noun when they sit between number and
/// unit: "7 years of services" is tenure, not a fleet; "2024 Sep Web
/// Engineer" is a date before a job title, not 2,024 engineers (the month
/// names are [`MONTH_NAMES`]).
const TIME_WORDS: &[&str] = &[
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours", "minute", "minutes", "second", "seconds", "of", "and", "or", "to", "from", "in", "at",
    "the", "with", "for",
];

/// A period after a number: "/s", "per month", "daily".
fn period_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FixedRegex::new(r"(?i)^\s*(?:(?:/|per\s+|an?\s+|each\s+|every\s+)\s*(?P<unit>s|sec|secs|second|min|mins|minute|h|hr|hour|d|day|wk|week|mo|month|yr|year)\b|(?P<adv>daily|nightly|hourly|monthly|weekly|annually|yearly)\b)")
    })
}

/// Seconds in the period a rate is written against, if `rest` starts with
/// one ("/day", " per second", " a day", " daily"); with the bytes it used.
fn period_seconds(rest: &str) -> Option<(f64, usize)> {
    // Every number is asked: skip the regex where no period can open
    // ("/", "per", "a", "each", "every", or an adverb such as "daily").
    if !may_open_with(rest.trim_start(), "/pPaAeEdDnNhHmMwWyY") {
        return None;
    }
    period_by_pattern(rest)
}

fn period_by_pattern(rest: &str) -> Option<(f64, usize)> {
    let re = period_regex();
    let caps = re.for_text(rest).captures(rest)?;
    let unit = caps
        .name("unit")
        .or_else(|| caps.name("adv"))?
        .as_str()
        .to_lowercase();
    let secs = match unit.as_str() {
        "s" | "sec" | "secs" | "second" => 1.0,
        "min" | "mins" | "minute" => 60.0,
        "h" | "hr" | "hour" | "hourly" => 3600.0,
        "d" | "day" | "daily" | "nightly" => 86_400.0,
        "wk" | "week" | "weekly" => 604_800.0,
        "mo" | "month" | "monthly" => 2_592_000.0,
        "yr" | "year" | "yearly" | "annually" => 31_536_000.0,
        _ => return None,
    };
    Some((secs, caps.get(0)?.end()))
}

/// Whether a case-insensitive pattern whose matches open with one of the
/// ASCII characters `firsts` could match at the start of `text`. A text
/// opening beyond ASCII may: case folding reaches there ("ſ" is an "s").
fn may_open_with(text: &str, firsts: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| !c.is_ascii() || firsts.contains(c))
}

/// Whether `rest` starts with `unit` (or its singular) as a whole word.
fn starts_with_unit(rest: &str, unit: &str) -> Option<usize> {
    let singular = unit.strip_suffix('s').filter(|s| s.len() >= 2);
    // Units are lower case. An ASCII one is compared in place: this runs
    // for every unit after every number, and lower-casing the rest of the
    // sentence each time was a tenth of the assessment.
    let lower = (!unit.is_ascii()).then(|| rest.to_lowercase());
    for form in std::iter::once(unit).chain(singular) {
        let after = match &lower {
            None => rest
                .as_bytes()
                .get(..form.len())
                .filter(|head| head.eq_ignore_ascii_case(form.as_bytes()))
                .map(|_| &rest[form.len()..]),
            Some(lower) => lower.strip_prefix(form),
        };
        if let Some(after) = after
            && !after.chars().next().is_some_and(|c| c.is_alphanumeric())
        {
            return Some(form.len());
        }
    }
    None
}

/// Find one of `units` right after a number, allowing a hyphen or space and
/// up to `max_between` plain words in between ("16 product teams").
/// `words` are the metric's compiled words, `units` among them.
fn unit_after<'u>(
    rest: &str,
    units: &'u [String],
    words: &MetricWords,
    max_between: usize,
) -> Option<(&'u str, usize)> {
    let mut offset = 0;
    let mut s = rest;
    for step in 0..=max_between {
        let trimmed = s.trim_start_matches([' ', '-']);
        offset += s.len() - trimmed.len();
        s = trimmed;
        // Longest unit first, so "daily active users" beats "users".
        let mut best: Option<(&str, usize)> = None;
        if words.may_start_unit(s) {
            for u in units {
                if let Some(len) = starts_with_unit(s, u)
                    && best.is_none_or(|(_, l)| len > l)
                {
                    best = Some((u.as_str(), len));
                }
            }
        }
        if let Some((u, len)) = best {
            return Some((u, offset + len));
        }
        if step == max_between {
            break;
        }
        let word_len = s
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(i, _)| i);
        let word = &s[..word_len];
        if word.is_empty() || is_time_word(word) {
            return None;
        }
        offset += word.len();
        s = &s[word.len()..];
    }
    None
}

fn is_time_word(word: &str) -> bool {
    let words = TIME_WORDS.iter().chain(MONTH_NAMES);
    if word.is_ascii() {
        words.into_iter().any(|t| t.eq_ignore_ascii_case(word))
    } else {
        // Lower-casing beyond ASCII can land on an ASCII word (the Kelvin
        // sign is a "k").
        let lower = word.to_lowercase();
        words.into_iter().any(|t| *t == lower)
    }
}

/// Pairs of numbers written as a change: "from 480ms to 84ms", "480 → 84 ms".
fn improvements(text: &str, nums: &[Number]) -> Vec<(usize, usize)> {
    static BETWEEN: OnceLock<Regex> = OnceLock::new();
    let between = BETWEEN.get_or_init(|| {
        Regex::new(r"(?i)^\s*[a-zµ%/]*\s*(?:to|→|->|=>|down to|up to)\s*$")
            .expect("the change pattern is a constant and compiles")
    });
    let mut pairs = Vec::new();
    for i in 0..nums.len().saturating_sub(1) {
        let (a, b) = (&nums[i], &nums[i + 1]);
        if a.word || b.word {
            continue;
        }
        let gap = &text[a.end..b.start];
        let before = text[..a.start].to_lowercase();
        let arrow = gap.contains('→') || gap.contains("->");
        if between.is_match(gap) && (arrow || before.trim_end().ends_with("from")) {
            pairs.push((i, i + 1));
        }
    }
    pairs
}

/// A time unit after a number: "ms", "µs", "seconds".
fn latency_regex() -> &'static FixedRegex {
    static RE: OnceLock<FixedRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FixedRegex::new(
            r"(?i)^\s?(?P<u>ms|msec|milliseconds?|µs|us|microseconds?|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?)\b",
        )
    })
}

fn latency_ms(rest: &str) -> Option<(f64, usize)> {
    // The pattern allows one white-space character, then a unit opening
    // with m, µ, u, s or h.
    let unit = rest
        .strip_prefix(|c: char| c.is_whitespace())
        .unwrap_or(rest);
    if !may_open_with(unit, "mMuUsShH") {
        return None;
    }
    latency_by_pattern(rest)
}

fn latency_by_pattern(rest: &str) -> Option<(f64, usize)> {
    let re = latency_regex();
    let caps = re.for_text(rest).captures(rest)?;
    let u = caps["u"].to_lowercase();
    let factor = if u.starts_with("ms") || u.starts_with("milli") {
        1.0
    } else if u.starts_with('µ') || u == "us" || u.starts_with("micro") {
        0.001
    } else if u.starts_with("min") {
        60_000.0
    } else if u.starts_with('h') {
        3_600_000.0
    } else {
        1000.0
    };
    Some((factor, caps.get(0)?.end()))
}

/// Every reading of `metric` in `sentence`.
pub fn read(sentence: &str, metric: &Metric) -> Vec<MetricHit> {
    let numbers = Numbers::of(sentence);
    let in_context = numbers.contexts(&ContextWords::new([metric.context.as_slice()]))[0];
    read_numbers(&numbers, metric, in_context)
}

/// A sentence's numbers, read once and shared by every metric.
pub struct Numbers<'s> {
    sentence: &'s str,
    lower: String,
    nums: Vec<Number>,
    /// (before, after) indices into `nums` of changes "from A to B".
    pairs: Vec<(usize, usize)>,
}

impl<'s> Numbers<'s> {
    pub fn of(sentence: &'s str) -> Self {
        let nums = numbers(sentence);
        let pairs = improvements(sentence, &nums);
        Numbers {
            sentence,
            lower: if nums.is_empty() {
                String::new()
            } else {
                sentence.to_lowercase()
            },
            nums,
            pairs,
        }
    }

    /// For each metric of `contexts`, whether one of its context words
    /// stands in the sentence; all false when it holds no number (nothing
    /// is read then, whatever the words).
    pub fn contexts(&self, contexts: &ContextWords) -> Vec<bool> {
        if self.nums.is_empty() {
            return vec![false; contexts.lists()];
        }
        contexts.found_in(&self.lower)
    }
}

/// What `metric` reads in a sentence's numbers; `in_context`: one of its
/// context words stands in the sentence ([`Numbers::contexts`]).
pub fn read_numbers(numbers: &Numbers, metric: &Metric, in_context: bool) -> Vec<MetricHit> {
    if numbers.nums.is_empty() || !in_context {
        return Vec::new();
    }
    let sentence = numbers.sentence;
    let nums = &numbers.nums;
    let pairs = &numbers.pairs;
    let before_of = |i: usize| pairs.iter().find(|(_, b)| *b == i).map(|(a, _)| *a);
    let consumed = |i: usize| pairs.iter().any(|(a, _)| *a == i);
    let mut hits = Vec::new();
    for (i, n) in nums.iter().enumerate() {
        if consumed(i) || (n.word && metric.measure != Measure::Count) {
            continue;
        }
        let rest = &sentence[n.end..];
        let hit = match metric.measure {
            Measure::Percent => read_percent(n, rest),
            Measure::Latency => {
                // "from 40 minutes to 6": the second value borrows the
                // first one's unit.
                let own = latency_ms(rest).map(|(f, _)| f);
                let borrowed =
                    before_of(i).and_then(|b| latency_ms(&sentence[nums[b].end..]).map(|(f, _)| f));
                own.or(borrowed).map(|factor| {
                    let value = n.value * factor;
                    let before = before_of(i).map(|b| {
                        let brest = &sentence[nums[b].end..];
                        nums[b].value * latency_ms(brest).map_or(factor, |(f, _)| f)
                    });
                    MetricHit {
                        value,
                        detail: match before {
                            Some(b) => format!("{} ms → {} ms", fmt(b), fmt(value)),
                            None => format!("{} ms", fmt(value)),
                        },
                        improvement: before.map(|b| (b, value)),
                    }
                })
            }
            Measure::Rate => read_rate(n, rest, metric),
            Measure::Money => read_money(n, rest),
            Measure::Count => read_count(n, rest, metric),
        };
        if let Some(mut hit) = hit {
            if metric.measure != Measure::Latency
                && let Some(b) = before_of(i)
            {
                let before = nums[b].value;
                hit.improvement = Some((before, hit.value));
                hit.detail = format!("{} → {}", fmt(before), hit.detail);
            }
            hits.push(hit);
        }
    }
    hits
}

fn read_percent(n: &Number, rest: &str) -> Option<MetricHit> {
    let r = rest.trim_start();
    if n.currency || !(r.starts_with('%') || r.to_lowercase().starts_with("percent")) {
        return None;
    }
    Some(MetricHit {
        value: n.value,
        detail: format!("{}%", fmt(n.value)),
        improvement: None,
    })
}

fn read_rate(n: &Number, rest: &str, metric: &Metric) -> Option<MetricHit> {
    if n.currency {
        return None;
    }
    let (per_second, label) =
        if let Some((u, _)) = unit_after(rest, &metric.implied_per_second, &metric.words, 0) {
            (n.value, u.to_string())
        } else if let Some((secs, _)) = period_seconds(rest) {
            (n.value / secs, String::new())
        } else {
            let (u, used) = unit_after(rest, &metric.units, &metric.words, 1)?;
            let (secs, _) = period_seconds(&rest[used..])?;
            (n.value / secs, u.to_string())
        };
    let detail = if label.is_empty() {
        format!("{}/s", fmt(per_second))
    } else {
        format!("{}/s ({label})", fmt(per_second))
    };
    Some(MetricHit {
        value: per_second,
        detail,
        improvement: None,
    })
}

fn read_money(n: &Number, rest: &str) -> Option<MetricHit> {
    if !n.currency {
        return None;
    }
    let window: String = rest.chars().take(40).collect::<String>().to_lowercase();
    let yearly = [
        "annual",
        "per year",
        "a year",
        "/yr",
        "/year",
        "yearly",
        "per annum",
        "arr",
    ];
    let monthly = ["per month", "/month", "/mo", "a month", "monthly", "mrr"];
    let (value, period) = if monthly.iter().any(|m| window.contains(m)) {
        (n.value * 12.0, "/yr")
    } else if yearly.iter().any(|y| window.contains(y)) {
        (n.value, "/yr")
    } else {
        (n.value, "")
    };
    Some(MetricHit {
        value,
        detail: format!("${}{period}", fmt(value)),
        improvement: None,
    })
}

fn read_count(n: &Number, rest: &str, metric: &Metric) -> Option<MetricHit> {
    if n.currency {
        return None;
    }
    let (unit, used) = unit_after(rest, &metric.units, &metric.words, 2)?;
    // "12M events/day" is a rate, read by the throughput rule.
    if period_seconds(&rest[used..]).is_some() {
        return None;
    }
    let factor = metric.unit_factors.get(unit).copied().unwrap_or(1.0);
    let value = n.value * factor;
    Some(MetricHit {
        value,
        detail: format!("{} {unit}", fmt(n.value)),
        improvement: None,
    })
}

/// A number for people: thousands separated, small values to one decimal.
pub fn fmt(v: f64) -> String {
    if v.abs() >= 100.0 {
        let n = v.round() as i128;
        let digits = n.abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    } else if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number, period and time-unit patterns answer as written in
    /// either form (`FixedRegex`).
    #[test]
    fn fixed_patterns_find_what_they_find_as_written() {
        for fixed in [number_regex(), period_regex(), latency_regex()] {
            crate::matching::ascii_bounds::assert_same_as_written(fixed);
        }
    }

    fn metric(id: &str) -> Metric {
        let rubric = crate::rubric::load_default().expect("default rubric loads");
        rubric
            .metrics
            .iter()
            .find(|m| m.id == id)
            .cloned()
            .expect("metric exists")
    }

    fn one(sentence: &str, id: &str) -> MetricHit {
        let hits = read(sentence, &metric(id));
        assert_eq!(hits.len(), 1, "{sentence}: {hits:?}");
        hits.into_iter().next().unwrap()
    }

    #[test]
    fn rps_is_per_second() {
        assert_eq!(
            one("Owned the ledger API that handles 28K RPS", "throughput").value,
            28_000.0
        );
    }

    #[test]
    fn per_day_becomes_per_second() {
        let v = one("Ingests 12M events/day from the fleet", "throughput").value;
        assert!((v - 138.9).abs() < 0.1, "{v}");
        let v = one("processes 4M transactions/day", "throughput").value;
        assert!((v - 46.3).abs() < 0.1, "{v}");
        let v = one("about 600K/day", "throughput").value;
        assert!((v - 6.94).abs() < 0.01, "{v}");
    }

    #[test]
    fn money_per_year() {
        let h = one("Settles $400B+ in annual volume", "money");
        assert_eq!(h.value, 400e9);
        assert_eq!(
            one("saved $30K per month on compute", "money").value,
            360_000.0
        );
    }

    #[test]
    fn latency_before_and_after() {
        let h = one("cut p99 from 480ms to 84ms", "latency");
        assert_eq!(h.value, 84.0);
        assert_eq!(h.improvement, Some((480.0, 84.0)));
        let h = one("p95 latency 1.2s → 300 ms", "latency");
        assert_eq!(h.improvement, Some((1200.0, 300.0)));
        assert!(read("a 30 ms cron interval", &metric("latency")).is_empty());
        let h = one(
            "cutting invoice generation time from 40 minutes to 6",
            "duration",
        );
        assert_eq!(h.improvement, Some((2_400_000.0, 360_000.0)));
    }

    #[test]
    fn counts_of_topology_fleet_and_users() {
        assert_eq!(
            one("active-active across three regions", "topology").value,
            3.0
        );
        assert_eq!(one("a mesh of 90+ services", "fleet").value, 90.0);
        assert_eq!(one("used by 16 product teams", "fleet").value, 16.0);
        assert_eq!(one("at a 1,200-engineer company", "fleet").value, 1200.0);
        assert_eq!(one("serving 100M+ DAU", "users").value, 100e6);
        assert_eq!(one("search over 220M vectors", "volume").value, 220e6);
    }

    #[test]
    fn numbers_are_read_with_their_sign_suffix_and_kind() {
        let text = "€1,200 saved, three regions, \u{664} nodes, 28K+ RPS, p99";
        let found: Vec<(f64, &str, bool, bool)> = numbers(text)
            .iter()
            .map(|n| (n.value, &text[n.start..n.end], n.currency, n.word))
            .collect();
        assert_eq!(
            found,
            [
                (1200.0, "€1,200", true, false),
                (3.0, "three", false, true),
                (28_000.0, "28K+", false, false),
            ]
        );
    }

    #[test]
    fn numbers_without_units_are_not_scale() {
        let rubric = crate::rubric::load_default().unwrap();
        for s in [
            "7 years building payment services in Go",
            "Mantra Inc. 2024 Aug - 2024 Sep Web Engineer Intern",
            "Go 1.22 and Java 21",
            "p99 matters",
        ] {
            for m in &rubric.metrics {
                assert!(read(s, m).is_empty(), "{s} read as {}", m.id);
            }
        }
    }

    #[test]
    fn tiers_separate_magnitudes() {
        let m = metric("throughput");
        let per_day = m.weight_for(600_000.0 / 86_400.0);
        let rps = m.weight_for(28_000.0);
        assert!(rps > per_day);
        let users = metric("users");
        assert!(users.weight_for(100e6) > users.weight_for(5_000.0));
    }

    /// Case-mangled units with something after them, and strings near the
    /// period and latency words: the shortcuts must never skip a match.
    fn mangle(text: &str, mask: u64) -> String {
        text.chars()
            .enumerate()
            .map(|(i, c)| match (mask >> (i % 64)) & 1 {
                1 => c.to_ascii_uppercase(),
                _ => c,
            })
            .collect()
    }

    #[test]
    fn the_unit_shortcut_never_skips_a_unit() {
        let rubric = crate::rubric::load_default().unwrap();
        let tails = [
            "",
            "s",
            "ly",
            ".",
            ", and more",
            "-",
            "ſ",
            "\u{212A}",
            " of",
            "es",
        ];
        let mut found = 0;
        for metric in &rubric.metrics {
            let units: Vec<&String> = metric
                .units
                .iter()
                .chain(&metric.implied_per_second)
                .collect();
            for unit in &units {
                // Whole and cut short (to reach singulars and near misses),
                // in several cases, with something after.
                for keep in [unit.len(), unit.len() - 1] {
                    for mask in [0, u64::MAX, 1, 0x5555_5555_5555_5555] {
                        for tail in tails {
                            let text = format!("{}{tail}", mangle(&unit[..keep], mask));
                            for u in &units {
                                if starts_with_unit(&text, u).is_some() {
                                    found += 1;
                                    assert!(
                                        metric.words.may_start_unit(&text),
                                        "{text:?} holds {u:?}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(found > 1000, "the texts hold units: {found}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_period_and_latency_shortcuts_change_nothing(
            lead in "[ \\t\u{a0}]{0,2}",
            word in "(/|per |a |an |each |every |daily|nightly|hourly|monthly|weekly|annually|yearly|ms|msec|milliseconds|µs|us|micro|s|sec|min|h|hrs|hours|ſec|x|k|\u{212A}m|)",
            mask in proptest::num::u64::ANY,
            tail in "[a-z ]{0,6}",
        ) {
            let rest = format!("{lead}{}{tail}", mangle(&word, mask));
            proptest::prop_assert_eq!(period_seconds(&rest), period_by_pattern(&rest), "{:?}", rest);
            proptest::prop_assert_eq!(latency_ms(&rest), latency_by_pattern(&rest), "{:?}", rest);
        }
    }
}
