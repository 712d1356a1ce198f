//! Requirements from the posting's lines: which skills a line asks for,
//! grouped the way the line groups them, and whether it asks for them as a
//! must or a plus.
//!
//! Takes one line (or sentence) and the vocabulary; gives requirements,
//! each one skill or a choice of skills ("one of Ruby, PHP, Python, Go",
//! "Python, Go or Java", "a cloud such as AWS or GCP"), with the line as its
//! quote. Skills joined by commas or "and" are separate requirements; "or",
//! a slash, "one of", "any of", "such as", "e.g." make one choice.

use crate::skills::{SkillId, SkillMention, Vocabulary};

use super::Requirement;
use super::sections::contains_words;

/// Words that make a clause a plus rather than a must.
const NICE_CUES: &[&str] = &[
    "a plus",
    "is a plus",
    "are a plus",
    "plus",
    "bonus",
    "nice to have",
    "nice-to-have",
    "preferred",
    "preferably",
    "ideally",
    "desirable",
    "advantage",
    "advantageous",
    "good to have",
    "would be great",
    "even better",
    "not required",
    "optional",
    "pluses",
    "helpful",
    "beneficial",
    "welcome",
    "appreciated",
    "nice",
    "we'd love",
    "we would love",
    "would be nice",
    "great if",
    "is an asset",
    "an asset",
    "a bonus",
    "extra points",
];

/// Words before a list that make it a choice of one.
const CHOICE_CUES: &[&str] = &[
    "one of",
    "any of",
    "one or more of",
    "at least one",
    "either",
    "such as",
    "e.g",
    "eg",
    "for example",
    "for instance",
    "like",
    "similar",
    "or similar",
    "or equivalent",
    "or another",
    "or other",
    "including",
    "i.e",
];

/// Whether a clause asks for what it names as a plus.
pub fn is_nice(clause: &str) -> bool {
    let lower = clause.to_lowercase().replace('\u{2019}', "'");
    NICE_CUES.iter().any(|cue| contains_words(&lower, cue))
}

/// The sentences of a line, each with its byte offset: split after ".",
/// "!" or "?" followed by a space (not inside "Node.js" or "e.g.").
pub fn sentences(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        let ends = matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && !line[..i].ends_with("e.g")
            && !line[..i].ends_with("i.e");
        if ends {
            out.push((start, line[start..=i].trim()));
            start = i + 2;
        }
    }
    if start < line.len() {
        out.push((start, line[start..].trim()));
    }
    out.into_iter().filter(|(_, s)| !s.is_empty()).collect()
}

/// The sentence of `line` that holds byte `at`; the whole line when it is
/// one sentence.
pub fn sentence_at(line: &str, at: usize) -> &str {
    let all = sentences(line);
    if all.len() <= 1 {
        return line;
    }
    // A clause may start at the space after a full stop.
    let at = at + line[at..].len() - line[at..].trim_start().len();
    all.iter()
        .rev()
        .find(|(start, _)| *start <= at)
        .map_or(line, |(_, s)| s)
}

/// The clauses of a line: split at sentence ends and semicolons, with a
/// parenthesis that holds a plus ("Python (Django a plus)") its own clause.
pub fn clauses(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end_here = match bytes[i] {
            b';' | b'!' | b'?' => true,
            // A full stop ends a sentence when a space follows ("Go. Kafka"),
            // not inside "Node.js" or "e.g.".
            b'.' => {
                bytes.get(i + 1).is_some_and(|&b| b == b' ')
                    && !line[..i].ends_with("e.g")
                    && !line[..i].ends_with("i.e")
            }
            _ => false,
        };
        if end_here {
            out.push((start, &line[start..i]));
            start = i + 1;
        }
        i += 1;
    }
    out.push((start, &line[start..]));
    let mut split = Vec::new();
    for (at, clause) in out {
        split.extend(split_nice_parenthesis(at, clause));
    }
    split
        .into_iter()
        .filter(|(_, c)| !c.trim().is_empty())
        .collect()
}

/// "Go (Kafka a plus)", "CI/CD (we use GitHub Actions)": the parenthesis
/// becomes a clause of its own when it holds a plus or the team's stack and
/// the rest does not; "Python, ideally with Django, and SQL": so does a
/// comma-set part that opens with a plus.
fn split_nice_parenthesis(at: usize, clause: &str) -> Vec<(usize, &str)> {
    if let (Some(open), Some(close)) = (clause.find('('), clause.rfind(')'))
        && open < close
    {
        let inner = &clause[open + 1..close];
        let aside = |text: &str| is_nice(text) || describes_stack(text);
        let outer_aside = aside(&clause[..open]) || aside(&clause[close + 1..]);
        if aside(inner) && !outer_aside {
            return vec![
                (at, &clause[..open]),
                (at + open + 1, inner),
                (at + close + 1, &clause[close + 1..]),
            ];
        }
    }
    split_leading_plus(at, clause)
}

/// Words that open a comma-set aside that is a plus ("…, ideally with
/// Django, …").
const LEADING_NICE: &[&str] = &[
    "ideally",
    "preferably",
    "optionally",
    "bonus",
    "plus",
    "even better",
    "and ideally",
    "or ideally",
    "nice to have",
];

fn split_leading_plus(at: usize, clause: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut aside_open: Option<usize> = None;
    for (i, _) in clause.match_indices(", ") {
        if let Some(open) = aside_open.take() {
            out.push((at + open, &clause[open..i]));
            start = i + 2;
        }
        let rest = clause[i + 2..].to_lowercase();
        if LEADING_NICE.iter().any(|cue| rest.starts_with(cue)) {
            out.push((at + start, &clause[start..i]));
            aside_open = Some(i + 2);
        }
    }
    match aside_open {
        Some(open) => out.push((at + open, &clause[open..])),
        None => out.push((at + start, &clause[start..])),
    }
    out
}

/// Words that say a clause describes the team's stack ("we use", "our
/// stack"): what the team works with, not what it demands.
pub fn describes_stack(clause: &str) -> bool {
    let lower = clause.to_lowercase().replace('\u{2019}', "'");
    STACK_CUES.iter().any(|cue| contains_words(&lower, cue))
}

const STACK_CUES: &[&str] = &[
    "our stack",
    "tech stack",
    "the stack",
    "we use",
    "we run",
    "we work with",
    "we're on",
    "we are on",
    "built on",
    "built with",
    "runs on",
    "our platform",
    "our services",
    "tools we use",
    "written in",
    "we currently use",
    "our current",
];

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// "Go or Java", "Go/Java", "Go (or Java)".
    Or,
    /// "Go and Java", "Go & Java".
    And,
    /// "Go, Java": a list, a choice when an "or" ends it.
    Comma,
    /// Anything else: the two are not in one list.
    Apart,
}

fn join_of(gap: &str) -> Join {
    let lower = gap.trim().to_lowercase();
    // Two names side by side with only a space ("Spring Boot Kafka
    // consumers") are one phrase, not a list.
    if lower.is_empty() || lower.len() > 24 {
        return Join::Apart;
    }
    // "CI/CD for mobile (Fastlane)": a parenthesis after a skill names an
    // example of it.
    if lower.ends_with('(') {
        return Join::Or;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || ",;/|&+()[]".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let list_word = |w: &&str| {
        matches!(
            *w,
            "and"
                | "or"
                | "as"
                | "well"
                | "plus"
                | "also"
                | "e.g."
                | "eg"
                | "e.g"
                | "similar"
                | "other"
                | "another"
                | "equivalent"
                | "comparable"
                | "such"
                | "like"
                | "including"
                | "for"
                | "example"
                | "i.e."
        )
    };
    if !words.iter().all(list_word) {
        return Join::Apart;
    }
    // "a warehouse such as Snowflake", "a JVM language (Java, Kotlin)": the
    // category and its examples are one choice.
    let or = words
        .iter()
        .any(|w| matches!(*w, "or" | "such" | "like" | "including" | "example"))
        || lower.contains(['/', '|', '('])
        || words.iter().any(|w| w.starts_with("e.g") || *w == "i.e.");
    if or {
        Join::Or
    } else if words
        .iter()
        .any(|w| matches!(*w, "and" | "plus" | "also" | "well"))
        || lower.contains(['&', '+'])
    {
        Join::And
    } else {
        Join::Comma
    }
}

/// The requirements a clause names, in order. `quote` is the line the
/// clause came from.
pub fn requirements_in(clause: &str, quote: &str, vocab: &Vocabulary) -> Vec<Requirement> {
    let mentions: Vec<SkillMention> = vocab.find(clause);
    let mut out: Vec<Requirement> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        // The run of mentions joined as one list.
        let mut j = i;
        while j + 1 < mentions.len()
            && join_of(&clause[mentions[j].end..mentions[j + 1].start]) != Join::Apart
        {
            j += 1;
        }
        let run = &mentions[i..=j];
        let before = &clause[if i == 0 { 0 } else { mentions[i - 1].end }..run[0].start];
        let after_end = mentions.get(j + 1).map_or(clause.len(), |m| m.start);
        let after = &clause[run[run.len() - 1].end..after_end];
        let choice_cue = has_choice_cue(before) || starts_with_choice_tail(after);
        let joins: Vec<Join> = run
            .windows(2)
            .map(|w| join_of(&clause[w[0].end..w[1].start]))
            .collect();
        if choice_cue {
            push(&mut out, run.iter().map(|m| m.skill).collect(), quote);
        } else {
            // Split at "and" joins; a piece with an "or" in it is one
            // choice ("Python, Go or Java"), the others are separate
            // requirements ("Go, Kafka").
            let mut piece: Vec<SkillId> = vec![run[0].skill];
            let mut piece_has_or = false;
            for (k, join) in joins.iter().enumerate() {
                if *join == Join::And {
                    flush(&mut out, &mut piece, piece_has_or, quote);
                    piece_has_or = false;
                } else if *join == Join::Or {
                    piece_has_or = true;
                }
                piece.push(run[k + 1].skill);
            }
            flush(&mut out, &mut piece, piece_has_or, quote);
        }
        i = j + 1;
    }
    out
}

fn flush(out: &mut Vec<Requirement>, piece: &mut Vec<SkillId>, is_choice: bool, quote: &str) {
    if is_choice {
        push(out, std::mem::take(piece), quote);
    } else {
        for skill in piece.drain(..) {
            push(out, vec![skill], quote);
        }
    }
}

fn push(out: &mut Vec<Requirement>, mut any_of: Vec<SkillId>, quote: &str) {
    let mut seen = Vec::new();
    any_of.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    if !any_of.is_empty() {
        out.push(Requirement {
            any_of,
            quote: quote.to_string(),
        });
    }
}

/// Whether the words just before a list make it a choice: "one of",
/// "such as", "e.g.", "like".
fn has_choice_cue(before: &str) -> bool {
    let lower = before.to_lowercase();
    let tail: String = lower
        .split_whitespace()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    CHOICE_CUES.iter().any(|cue| contains_words(&tail, cue))
}

/// "Go, Rust or similar", "AWS or another cloud": the words after a list
/// that make it a choice.
fn starts_with_choice_tail(after: &str) -> bool {
    let lower = after.trim_start_matches([',', ' ', ')']).to_lowercase();
    [
        "or similar",
        "or equivalent",
        "or another",
        "or other",
        "or comparable",
        "or any",
        "etc",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Vec<&'static str>> {
        let v = Vocabulary::builtin();
        requirements_in(text, text, v)
            .into_iter()
            .map(|r| r.any_of.iter().map(|&s| v.name(s)).collect())
            .collect()
    }

    #[test]
    fn lists_joined_by_and_are_separate_requirements() {
        assert_eq!(
            read("Experience with Go, Kafka and PostgreSQL"),
            [vec!["Go"], vec!["Kafka"], vec!["PostgreSQL"]]
        );
    }

    #[test]
    fn or_and_choice_words_make_one_requirement() {
        assert_eq!(
            read("Proficiency in Python, Go or Java"),
            [vec!["Python", "Go", "Java"]]
        );
        assert_eq!(
            read("Fluent in one of Ruby, PHP, Python, Go"),
            [vec!["Ruby", "PHP", "Python", "Go"]]
        );
        assert_eq!(
            read("A public cloud such as AWS, GCP, and Azure"),
            [vec!["AWS", "GCP", "Azure"]]
        );
        assert_eq!(read("Java/Kotlin"), [vec!["Java", "Kotlin"]]);
        assert_eq!(
            read("Go or Rust, and Kafka"),
            [vec!["Go", "Rust"], vec!["Kafka"]]
        );
        assert_eq!(
            read("Terraform or similar IaC tools"),
            [vec!["Terraform", "Infrastructure as Code"]]
        );
    }

    #[test]
    fn a_plus_is_nice() {
        assert!(is_nice("Kafka is a plus"));
        assert!(is_nice("Ideally some Rust"));
        assert!(!is_nice("5+ years of Go"));
        let parts: Vec<&str> = clauses("Strong Python (Django a plus); Kafka. Node.js experience")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            parts,
            [
                "Strong Python ",
                "Django a plus",
                "",
                " Kafka",
                " Node.js experience"
            ]
            .into_iter()
            .filter(|c| !c.trim().is_empty())
            .collect::<Vec<_>>()
        );
    }
}
