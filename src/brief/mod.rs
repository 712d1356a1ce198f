//! The interview brief: one page an interviewer reads in two minutes and
//! writes on — what the resume shows, what it claims and does not show yet,
//! and what to ask.
//!
//! Takes one [`Assessment`] and the rubric it was made with; gives a
//! [`Brief`], a plain content model that each renderer writes out as is
//! (`markdown`, `html`, `docx`). Everything a renderer prints is decided
//! here — which quotes, which gaps, which questions, how each is shortened —
//! so the three formats say the same thing. Building is pure and
//! deterministic (no clock, no hash order): the same assessment always gives
//! the same brief. With `redact`, names, emails, phones and links are
//! removed from every text before it is shortened, so a cut can never leave
//! half an email address behind.

pub mod docx;
pub mod html;
pub mod markdown;
mod questions;

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Track};
use crate::classify::{self, ClaimCheck};
use crate::detect::Evidence;
use crate::jobfit::{Depth, Importance, JobFit};
use crate::redact;
use crate::report::cells::cut_at_word;
use crate::report::html::explain_flag;
use crate::rubric::{Level, Rubric};
use crate::segment::YearsSource;

/// What the brief shows in place of the name when it is redacted.
pub const REDACTED_CANDIDATE: &str = "redacted";

/// Quotes shown per family under "What the resume shows".
const QUOTES_PER_FAMILY: usize = 2;
/// Characters a quote under "What the resume shows" keeps.
const SHOWN_QUOTE_CHARS: usize = 170;
/// Characters of the resume's words a question quotes.
const QUESTION_QUOTE_CHARS: usize = 90;
/// Characters of the sentence that raised a flag.
const FLAG_QUOTE_CHARS: usize = 110;
/// Gaps listed: a resume far below its claim misses many expectations, and
/// the page has room for the most telling.
const MAX_GAPS: usize = 6;

/// One brief's content, in the order it is printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// The candidate's name; [`REDACTED_CANDIDATE`] when redacted, none
    /// when the resume gives none.
    pub candidate: Option<String>,
    /// The resume's path as given.
    pub file: String,
    /// The title the claim is read from, and the level it claims (a level
    /// name, `intern`, `management`).
    pub claimed_title: Option<String>,
    pub claimed_level: Option<String>,
    /// The assessed level as reported (`management` for the management
    /// track), and in words with its IC reading where that differs.
    pub level: String,
    pub level_in_words: String,
    pub confidence: f64,
    /// `consistent`, `overclaimed`, … and the verdict in words.
    pub claim_check: String,
    pub claim_verdict: String,
    /// Why the check says what it says.
    pub claim_reason: String,
    /// Engineering years and where they come from, in words.
    pub years: String,
    /// "What the resume shows": the strongest quotes per family, rubric
    /// order.
    pub shows: Vec<FamilyQuotes>,
    /// The level the gaps are measured against: the claimed level when it
    /// is above the assessed one, else the next level up; none at the top.
    pub gaps_for: Option<String>,
    /// "What it does not show yet".
    pub gaps: Vec<Gap>,
    /// "Questions to ask": five to eight when the rubric has them.
    pub questions: Vec<AskedQuestion>,
    /// Each flag raised, explained.
    pub flags: Vec<FlagNote>,
    /// With a job posting: the posting's requirements the resume does not
    /// show. Filled by the job matching (`--job`); none without a posting.
    #[serde(default)]
    pub job: Option<JobGaps>,
}

/// A family's strongest quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyQuotes {
    pub family: String,
    pub quotes: Vec<Quoted>,
}

/// The resume's own words (shortened at word ends) with their place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quoted {
    pub text: String,
    pub page: u32,
    pub line: u32,
}

impl Quoted {
    /// "p1 l12".
    pub fn place(&self) -> String {
        format!("p{} l{}", self.page, self.line)
    }
}

/// An expectation of the target level (or one below it) not met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The level whose expectation it is.
    pub level: String,
    pub need: String,
    /// "none found", "found 1, typically 2".
    pub found: String,
}

/// A question to ask, and what it probes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AskedQuestion {
    pub text: String,
    /// "gap for staff: …" or "checks the claim at p1 l12 (scale)".
    pub probes: String,
}

/// A flag raised on the resume, explained for the interviewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagNote {
    pub flag: String,
    pub explanation: String,
    /// The sentence that raised it, when there is one.
    pub quote: Option<Quoted>,
}

/// The part of a job posting the resume does not show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobGaps {
    /// The posting's title or file.
    pub posting: String,
    /// Requirements the resume does not show in work the person did.
    pub not_shown: Vec<String>,
}

/// The three formats a brief is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The format an output path's extension names (`-` is Markdown on
    /// standard output), or none for an extension no format has.
    pub fn from_path(path: &Path) -> Option<Format> {
        if path.as_os_str() == "-" {
            return Some(Format::Markdown);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The extension a brief file of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// Write `brief` in `format`.
pub fn write(brief: &Brief, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Markdown => out.write_all(markdown::render(brief).as_bytes()),
        Format::Html => out.write_all(html::render(brief).as_bytes()),
        Format::Docx => out.write_all(&docx::render(brief)?),
    }
}

/// Texts as the brief shows them: redacted when asked, before any cut.
struct Cleaner {
    redact: bool,
    name_words: Vec<String>,
}

impl Cleaner {
    fn clean(&self, text: &str) -> String {
        if self.redact {
            redact::redact_text(text, &self.name_words)
        } else {
            text.to_string()
        }
    }
}

/// Build the brief of one assessed resume. `file` is the path as shown.
pub fn build(file: &str, a: &Assessment, rubric: &Rubric, redact: bool) -> Brief {
    let cleaner = Cleaner {
        redact,
        name_words: redact::name_words(a.candidate.as_deref()),
    };
    let claim_rule = a
        .claimed_title
        .as_deref()
        .and_then(|t| classify::title_rule(t, rubric));
    let claimed = claim_rule.and_then(|r| r.level);
    let gaps_for = gaps_target(a.level, claimed);
    let unmet = gaps_for.map_or_else(Vec::new, |target| {
        let mut unmet = classify::unmet_up_to(target, &a.evidence, rubric);
        // The target level's own expectations first: they are what the
        // claim (or the next step) turns on.
        unmet.sort_by_key(|u| std::cmp::Reverse(u.level));
        unmet
    });
    let questions = questions::choose(a, rubric, &unmet, &cleaner);
    let candidate = if redact {
        Some(REDACTED_CANDIDATE.to_string())
    } else {
        a.candidate.clone()
    };
    Brief {
        candidate,
        // The path is how the interviewer finds the resume again, so only
        // the candidate's name is taken out of it: a file named after its
        // date or id would lose those digits to the phone pattern.
        file: if redact {
            redact::redact_names(file, &cleaner.name_words)
        } else {
            file.to_string()
        },
        claimed_title: a.claimed_title.as_deref().map(|t| cleaner.clean(t)),
        claimed_level: a.claimed_level.clone(),
        level: a.reported_level().to_string(),
        level_in_words: match a.track {
            Track::Management => format!("management (reads {} on the IC ladder)", a.level),
            Track::Ic => a.level.to_string(),
        },
        confidence: a.confidence,
        claim_check: a.claim_check.name().to_string(),
        claim_verdict: verdict_in_words(a.claim_check).to_string(),
        claim_reason: cleaner.clean(&a.claim_reason),
        years: years_in_words(a),
        shows: shows(a, rubric, &cleaner),
        gaps_for: gaps_for.map(|l| l.to_string()),
        gaps: unmet
            .iter()
            .take(MAX_GAPS)
            .map(|u| Gap {
                level: u.level.to_string(),
                need: u.expect.need.clone(),
                found: u.found.clone(),
            })
            .collect(),
        questions,
        flags: flags(a, rubric, &cleaner),
        job: a.job.as_ref().map(job_gaps),
    }
}

/// The posting's requirements the resume does not show in work, each
/// with what the resume does instead ("listed only", "not on the resume").
fn job_gaps(fit: &JobFit) -> JobGaps {
    let posting = std::path::Path::new(&fit.posting)
        .file_name()
        .map_or(fit.posting.clone(), |n| n.to_string_lossy().into_owned());
    JobGaps {
        posting,
        not_shown: fit
            .requirements
            .iter()
            .filter(|r| r.depth != Depth::Shown)
            .map(|r| {
                format!(
                    "{}{}: {}",
                    r.requirement,
                    if r.importance == Importance::Nice {
                        " (nice to have)"
                    } else {
                        ""
                    },
                    match r.depth {
                        Depth::Listed => "listed, not shown in work the person did",
                        _ => "not on the resume",
                    }
                )
            })
            .collect(),
    }
}

/// The level whose expectations the brief lists as gaps: the claim when it
/// is above the evidence (what the interview must settle), else the next
/// level up (what the candidate would grow into); none above principal.
fn gaps_target(assessed: Level, claimed: Option<Level>) -> Option<Level> {
    match claimed {
        Some(claimed) if claimed > assessed => Some(claimed),
        _ => assessed.next(),
    }
}

fn verdict_in_words(check: ClaimCheck) -> &'static str {
    match check {
        ClaimCheck::Consistent => "The evidence bears out the claimed level.",
        ClaimCheck::Overclaimed => {
            "Overclaimed: the evidence reads clearly below the claimed level."
        }
        ClaimCheck::Underclaimed => "Underclaimed: the evidence reads above the title.",
        ClaimCheck::Unverified => {
            "Unverified: the resume does not show enough to confirm the claim; the interview has to."
        }
        ClaimCheck::Unknown => "No IC level claimed.",
    }
}

fn years_in_words(a: &Assessment) -> String {
    let mut years = match a.years_source {
        YearsSource::None => "no dated roles".to_string(),
        YearsSource::Summary => format!("{} in engineering (from the summary)", a.years_experience),
        YearsSource::Roles => format!("{} in engineering", a.years_experience),
    };
    if a.years_student > 0.0 {
        years.push_str(&format!(", {} as a student or intern", a.years_student));
    }
    if a.years_other > 0.0 {
        years.push_str(&format!(", {} in other work", a.years_other));
    }
    years
}

/// Each family's strongest quotes. A sentence shown under one family is
/// not shown again under the next (one sentence may feed several), unless
/// it is all the next family has: "nothing found" would be untrue.
fn shows(a: &Assessment, rubric: &Rubric, cleaner: &Cleaner) -> Vec<FamilyQuotes> {
    let mut shown: Vec<(u32, u32, &str)> = Vec::new();
    rubric
        .families
        .iter()
        .map(|family| {
            let items = strongest_first(&a.evidence, &family.id);
            let mut quotes = Vec::new();
            for e in &items {
                if quotes.len() == QUOTES_PER_FAMILY {
                    break;
                }
                let key = (e.page, e.line, e.quote.as_str());
                if shown.contains(&key) {
                    continue;
                }
                shown.push(key);
                quotes.push(quoted(e, SHOWN_QUOTE_CHARS, cleaner));
            }
            if let (true, Some(strongest)) = (quotes.is_empty(), items.first()) {
                quotes.push(quoted(strongest, SHOWN_QUOTE_CHARS, cleaner));
            }
            FamilyQuotes {
                family: family.id.clone(),
                quotes,
            }
        })
        .collect()
}

/// A family's evidence, strongest first, place breaking ties.
fn strongest_first<'a>(evidence: &'a [Evidence], family: &str) -> Vec<&'a Evidence> {
    let mut items: Vec<&Evidence> = evidence.iter().filter(|e| e.family == family).collect();
    items.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then((x.page, x.line).cmp(&(y.page, y.line)))
    });
    items
}

fn quoted(e: &Evidence, max_chars: usize, cleaner: &Cleaner) -> Quoted {
    Quoted {
        text: excerpt(&cleaner.clean(&e.quote), &e.detail, max_chars),
        page: e.page,
        line: e.line,
    }
}

fn flags(a: &Assessment, rubric: &Rubric, cleaner: &Cleaner) -> Vec<FlagNote> {
    a.flags
        .iter()
        .map(|flag| {
            let describe = rubric
                .flags
                .iter()
                .find(|f| &f.id == flag)
                .map(|f| f.describe.as_str());
            let quote = a
                .flag_evidence
                .iter()
                .find(|f| &f.flag == flag && !f.quote.is_empty())
                .map(|f| Quoted {
                    text: excerpt(&cleaner.clean(&f.quote), "", FLAG_QUOTE_CHARS),
                    page: f.page,
                    line: f.line,
                });
            FlagNote {
                flag: flag.clone(),
                explanation: explain_flag(flag, describe),
                quote,
            }
        })
        .collect()
}

/// The part of `quote` worth showing in `max_chars`: the whole sentence
/// when it fits, else the clauses around the words that matched (`matched`;
/// for a number read into a normalised value, which need not appear as
/// written, around its leading digits or else the clause richest in
/// digits), cut at a word end.
pub fn excerpt(quote: &str, matched: &str, max_chars: usize) -> String {
    let text = quote.trim().trim_end_matches(['.', ';', ',']).trim_end();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let clauses = split_clauses(text);
    let matched = matched.to_lowercase();
    // A number read into a normalised value ("28,000/s" for "28K RPS")
    // keeps its leading digits at best.
    let leading_digits: String = matched
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let containing = |needle: &str| {
        clauses
            .iter()
            .position(|c| !needle.is_empty() && c.to_lowercase().contains(needle))
    };
    let digits = |c: &&str| c.chars().filter(char::is_ascii_digit).count();
    let at = containing(&matched)
        .or_else(|| containing(&leading_digits))
        .or_else(|| {
            // The first clause with the most digits: where a figure is.
            let most = clauses.iter().map(digits).max().unwrap_or(0);
            clauses.iter().position(|c| most > 0 && digits(c) == most)
        })
        .unwrap_or(0);
    let (mut first, mut last) = (at, at);
    let length = |first: usize, last: usize| -> usize {
        clauses[first..=last]
            .iter()
            .map(|c| c.chars().count())
            .sum()
    };
    // Grow to the right first: a clause's object follows its verb.
    loop {
        if last + 1 < clauses.len() && length(first, last + 1) <= max_chars {
            last += 1;
        } else if first > 0 && length(first - 1, last) <= max_chars {
            first -= 1;
        } else {
            break;
        }
    }
    let body: String = clauses[first..=last].concat();
    let body = body
        .trim()
        .trim_end_matches([',', ';', ':', '—', '–'])
        .trim();
    let mut out = cut_at_word(body, max_chars);
    if first > 0 {
        out = format!("… {out}");
    }
    if last + 1 < clauses.len() && !out.ends_with('…') {
        out.push_str(" …");
    }
    out
}

/// A sentence split after each clause separator, separators kept, so the
/// pieces concatenate back to the sentence.
fn split_clauses(text: &str) -> Vec<&str> {
    const SEPARATORS: [&str; 5] = [", ", "; ", " — ", " – ", ": "];
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(sep) = SEPARATORS.iter().find(|s| text[i..].starts_with(*s)) {
            let end = i + sep.len();
            clauses.push(&text[start..end]);
            start = end;
            i = end;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < text.len() {
        clauses.push(&text[start..]);
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quotes_stay_whole_without_their_full_stop() {
        assert_eq!(
            excerpt("Owned the ledger API.", "owned", 90),
            "Owned the ledger API"
        );
    }

    #[test]
    fn long_quotes_keep_the_clause_that_matched() {
        let quote = "Joined a small team in 2019, inherited a legacy monolith, \
                     cut p99 latency from 480 ms to 84 ms by moving hot reads to a cache, \
                     and wrote the runbooks the on-call rotation still uses today";
        let short = excerpt(quote, "", 80);
        assert!(
            short.contains("cut p99 latency from 480 ms to 84 ms"),
            "{short}"
        );
        assert!(short.starts_with("… "), "{short}");
        assert!(short.chars().count() <= 84, "{short}");
        let short = excerpt(quote, "runbooks", 80);
        assert!(short.contains("wrote the runbooks"), "{short}");
    }

    #[test]
    fn clauses_concatenate_back_to_the_sentence() {
        let text = "Owned billing, ledger; and — yes — payouts: all of it";
        assert_eq!(split_clauses(text).concat(), text);
    }

    #[test]
    fn gaps_are_measured_against_the_claim_above_the_evidence() {
        assert_eq!(
            gaps_target(Level::Mid, Some(Level::Staff)),
            Some(Level::Staff)
        );
        assert_eq!(
            gaps_target(Level::Senior, Some(Level::Senior)),
            Some(Level::Staff)
        );
        assert_eq!(gaps_target(Level::Principal, None), None);
    }

    /// The brief of a resume given as text.
    fn brief_of(text: &str, redact: bool) -> Brief {
        let rubric = crate::rubric::load_default().unwrap();
        let doc =
            crate::extract::extract_bytes(text.as_bytes(), "md", &Default::default()).unwrap();
        let a = crate::assess::assess(&doc, &rubric);
        build("cv.md", &a, &rubric, redact)
    }

    const HOSTILE: &str = "Ada Quill\nada.quill@example.com · +44 20 7946 0958 · https://github.com/adaquill\n\n\
        Experience\n\
        Senior Backend Engineer, Quarry Labs (2016 - 2024)\n\
        - Owned the <script>alert(1)</script> billing service, serving 12,000 requests per second for *all* [tenants](x).\n\
        - Led the migration to the transactional outbox pattern across 3 teams; Ada Quill's runbook is at https://example.com/rb.\n";

    #[test]
    fn resume_markup_is_text_in_every_format() {
        let b = brief_of(HOSTILE, false);
        let html = html::render(&b);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        let md = markdown::render(&b);
        assert!(md.contains("\\<script\\>"), "{md}");
        assert!(md.contains("\\*all\\* \\[tenants\\](x)"), "{md}");
    }

    #[test]
    fn redaction_comes_before_shortening() {
        let b = brief_of(HOSTILE, true);
        let md = markdown::render(&b);
        for leak in ["Ada", "Quill", "example.com", "@", "github", "7946"] {
            assert!(!md.contains(leak), "{leak} left in:\n{md}");
        }
        assert!(md.contains("# Interview brief: redacted"), "{md}");
    }

    #[test]
    fn a_job_posting_adds_its_section() {
        let mut b = brief_of(HOSTILE, false);
        assert!(!markdown::render(&b).contains("Requirements not shown"));
        b.job = Some(JobGaps {
            posting: "Staff Engineer, Payments".into(),
            not_shown: vec!["Kafka".into(), "<b>Rust</b>".into()],
        });
        let md = markdown::render(&b);
        assert!(
            md.contains(
                "## Requirements not shown (Staff Engineer, Payments)\n\n- Kafka\n- \\<b\\>Rust"
            ),
            "{md}"
        );
        let html = html::render(&b);
        assert!(html.contains("<li>&lt;b&gt;Rust&lt;/b&gt;</li>"), "{html}");
    }

    #[test]
    fn formats_come_from_the_extension() {
        assert_eq!(Format::from_path(Path::new("-")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("a/b.DOCX")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("b.pdf")), None);
        assert_eq!(Format::from_path(Path::new("brief")), None);
    }
}
