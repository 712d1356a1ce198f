//! Clauses of a posting's line: where its sentences end ("Node.js" and
//! "e.g." end none), how a sentence divides into clauses that each speak
//! for themselves ("Strong Python (Django a plus); Kafka"), and whether a
//! clause asks for what it names as a plus ("Kafka is a plus", "Exposure
//! to Kubernetes desired") or describes the team's stack ("we use…").
//!
//! `requirements` reads the skills of each clause; this module only cuts
//! the text and judges its wording.

use std::borrow::Cow;

use super::sections::{contains_words, word_positions};

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
    "would be good",
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
    "bonus points",
    "brownie points",
    "icing on the cake",
    "cherry on top",
    "cherry on the cake",
    "if needed",
    // "Strong candidates may also have experience with:": beyond what is
    // asked.
    "may also have",
    "don't need",
    "do not need",
    "not necessary",
    "don't have to",
    "do not have to",
    // "Experience in Go or proven ability to pick up new languages": the
    // skill may be learnt instead, so it is a plus.
    "or ability to learn",
    "or the ability to learn",
    "or proven ability to pick up",
    "or ability to pick up",
    "or the ability to pick up",
    "or willingness to learn",
    "or a willingness to learn",
    "or be willing to learn",
    "or willing to learn",
    "or is willing to learn",
    "or are willing to learn",
    // "Ability to get up to speed quickly with our tech stack: …": the
    // stack is to be learnt on the job, not asked for.
    "get up to speed",
    "ramp up on",
];

/// Whether a clause asks for what it names as a plus.
pub fn is_nice(clause: &str) -> bool {
    let lower = clause.to_lowercase().replace('\u{2019}', "'");
    // "Exposure to Kubernetes desired": "desired" closing the clause (not
    // "the desired state" inside it).
    if lower
        .trim_end_matches(['.', ';', ')', ' '])
        .ends_with(" desired")
    {
        return true;
    }
    NICE_CUES.iter().any(|cue| {
        word_positions(&lower, cue)
            .any(|at| !(*cue == "plus" && adds_a_figure(&lower[at + cue.len()..])))
    })
}

/// "…, plus 5+ years of coding": "plus" before a figure adds to what is
/// asked; it is not a plus.
fn adds_a_figure(rest: &str) -> bool {
    rest.split_whitespace().next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || crate::detect::metrics::word_value(w.trim_end_matches(['+', ','])) > 0.0
    })
}

/// Whether the text before a full stop ends in an abbreviation that opens
/// examples ("e.g.", "i.e.", "eg.", "ie."), so the stop ends no sentence.
fn abbreviation_before(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(word.as_str(), "e.g" | "i.e" | "eg" | "ie")
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
            && !(bytes[i] == b'.' && abbreviation_before(&line[..i]));
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
pub fn clauses(line: &str) -> Vec<(usize, Cow<'_, str>)> {
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
                bytes.get(i + 1).is_some_and(|&b| b == b' ') && !abbreviation_before(&line[..i])
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
fn split_nice_parenthesis(at: usize, clause: &str) -> Vec<(usize, Cow<'_, str>)> {
    let aside = |text: &str| is_nice(text) || describes_stack(text);
    // "(Docker / Kubernetes production experience required) (Spinnaker
    // experience preferred)": each parenthesis speaks for itself; the last
    // that is an aside where the rest of the clause is not is split off.
    let group = parenthesis_groups(clause)
        .into_iter()
        .rev()
        .find(|&(open, close)| {
            aside(&clause[open + 1..close])
                && !aside(&clause[..open])
                && !aside(&clause[close + 1..])
        });
    let Some((open, close)) = group else {
        return split_leading_plus(at, clause)
            .into_iter()
            .flat_map(|(at, c)| split_outright_then_plus(at, c))
            .map(|(at, c)| (at, Cow::Borrowed(c)))
            .collect();
    };
    let inner = &clause[open + 1..close];
    // A plus word alone in the parenthesis, or opening it ("AWS
    // (preferred, or at least the last years)"), speaks of what is
    // just before it.
    let first_part = inner.split(',').next().unwrap_or(inner);
    let marker = is_nice(first_part) && first_part.split_whitespace().count() <= 3;
    let after = clause[close + 1..].trim_start_matches(['*', '_', ' ']);
    // "**Data Science/ML (Advantageous):** SageMaker": a label with
    // a plus makes its items a plus.
    if marker && after.starts_with(':') {
        return vec![(at, Cow::Borrowed(clause))];
    }
    // "Terraform (preferred) or CloudFormation", "such as AWS
    // (preferred), Azure, or Google Cloud": the list goes on past
    // the parenthesis and is asked for (read without it, blanked so
    // offsets hold); the option before the parenthesis is a plus.
    let lower = after.to_lowercase();
    let list_goes_on = lower.starts_with("or ")
        || lower.starts_with('/')
        || (lower.starts_with(',') && !lower[1..].trim_start().is_empty());
    if marker && list_goes_on {
        let mut choice = clause.to_string();
        choice.replace_range(open..=close, &" ".repeat(close + 1 - open));
        return vec![
            (at, Cow::Owned(choice)),
            (at, Cow::Borrowed(&clause[..=close])),
        ];
    }
    let mut parts = split_nice_parenthesis(at, &clause[..open]);
    parts.push((at + open + 1, Cow::Borrowed(inner)));
    parts.push((at + close + 1, Cow::Borrowed(&clause[close + 1..])));
    parts
}

/// Words that say a part of a clause is asked for outright.
const OUTRIGHT: &[&str] = &[
    "a must",
    "is required",
    "are required",
    "is mandatory",
    "are mandatory",
    "is essential",
    "are essential",
];

/// "Good SQL knowledge is a must and basic database administration is an
/// advantage": a part asked for outright, then "and" and a part that is a
/// plus, are two clauses, so that the plus speaks of its own part only. So
/// are two parts each naming what it asks ("Good SQL knowledge and basic
/// database administrative experience is an advantage", "a strong
/// background in OOP, Python experience is a big plus"): the plus is the
/// second part's.
fn split_outright_then_plus(at: usize, clause: &str) -> Vec<(usize, &str)> {
    let joints = clause
        .match_indices(" and ")
        .chain(clause.match_indices(", "));
    for (i, joint) in joints {
        let (before, after) = (&clause[..i], &clause[i + joint.len()..]);
        if is_nice(before) || !is_nice(after) {
            continue;
        }
        let lower = before.to_lowercase();
        let outright = OUTRIGHT.iter().any(|w| contains_words(&lower, w));
        let names_its_ask = |part: &str| {
            let part = part.to_lowercase();
            ASK_NOUNS.iter().any(|w| contains_words(&part, w))
        };
        if outright || (names_its_ask(before) && names_its_ask(after)) {
            return vec![(at, before), (at + i + joint.len(), after)];
        }
    }
    vec![(at, clause)]
}

/// Nouns that name what a part of a clause asks ("SQL knowledge", "Python
/// experience").
const ASK_NOUNS: &[&str] = &[
    "experience",
    "knowledge",
    "skills",
    "background",
    "understanding",
    "familiarity",
    "proficiency",
    "expertise",
];

/// The byte offsets of each outermost "(" and its ")" in `clause`, left to
/// right (an unclosed one ends the search).
fn parenthesis_groups(clause: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, b) in clause.bytes().enumerate() {
        match b {
            b'(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push((open, i));
                }
            }
            _ => {}
        }
    }
    groups
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
        let rest = clause[i + 2..].to_lowercase();
        let leading_nice = LEADING_NICE.iter().any(|cue| {
            rest.starts_with(cue) && !(*cue == "plus" && adds_a_figure(&rest[cue.len()..]))
        });
        // "…, preferably in languages such as Python, JavaScript, Go, or
        // Ruby": an aside that opens a list of examples runs to the list's
        // end (or the next plus), not to its first comma.
        if let Some(open) =
            aside_open.filter(|&open| leading_nice || !opens_examples(&clause[open..i]))
        {
            aside_open = None;
            out.push((at + open, &clause[open..i]));
            start = i + 2;
        }
        // "AWS services, with knowledge of Kubernetes being a plus": a
        // comma-set tail that says plus is a clause of its own. Only up to
        // the next comma-set part: in "Azure, AWS, and GCP, preferably with
        // Terraform" the plus is the next part's, not "and GCP"'s.
        // "Experience with JavaScript, Python, and Ember.js is a plus": an
        // "and" that ends a list of three or more closes the list, and the
        // plus covers all of it.
        let tail = rest.split(", ").next().unwrap_or_default();
        // What came before this comma since the last part ended (nothing
        // when an aside closed at this very comma).
        let before = clause.get(start..i).unwrap_or_default();
        let ends_a_list = tail.starts_with("and ") && before.contains(", ");
        let nice_tail = (tail.starts_with("with ") || tail.starts_with("and "))
            && !ends_a_list
            && is_nice(tail)
            && !is_nice(before);
        if aside_open.is_none() && (nice_tail || leading_nice) {
            if !before.is_empty() {
                out.push((at + start, before));
            }
            aside_open = Some(i + 2);
        }
    }
    match aside_open {
        Some(open) => out.push((at + open, &clause[open..])),
        None => out.push((at + start, &clause[start..])),
    }
    out
}

/// Whether a part of a clause opens a list of examples ("preferably in
/// languages such as Python"): a choice cue or "including".
fn opens_examples(part: &str) -> bool {
    let lower = part.to_lowercase();
    [
        "such as",
        "e.g",
        "like",
        "including",
        "one of",
        "for example",
    ]
    .iter()
    .any(|cue| contains_words(&lower, cue))
}

/// Words that say a clause describes the team's stack ("we use", "our
/// stack"): what the team works with, not what it demands.
pub fn describes_stack(clause: &str) -> bool {
    let lower = clause.to_lowercase().replace('\u{2019}', "'");
    STACK_CUES.iter().any(|cue| contains_words(&lower, cue))
}

/// Where the first words saying the clause describes the team's stack
/// start, in the clause lowered and normalised (see `sections::normalise`).
pub fn stack_cue_at(clause: &str) -> Option<usize> {
    let lower = super::sections::normalise(clause);
    STACK_CUES
        .iter()
        .filter_map(|cue| word_positions(&lower, cue).next())
        .min()
}

/// Whether a clause is the company speaking of itself — "We pride
/// ourselves on good documentation, a fun volunteer experience…", "Our
/// engineers have deep experience in Kafka" — rather than of the candidate:
/// it opens with "we" or "our", and says nothing of wanting or of "you"
/// ("We're looking for…", "We expect experience with…", "Our ideal
/// candidate…" still ask). The company's blurb asks for nothing.
pub fn company_speaks_of_itself(clause: &str) -> bool {
    let lower = super::sections::normalise(clause);
    let opens_with_company = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .find(|w| !w.is_empty())
        .is_some_and(|w| COMPANY_VOICE.contains(&w));
    opens_with_company && !WANTING.iter().any(|cue| contains_words(&lower, cue))
}

/// The first words of a clause in the company's own voice.
const COMPANY_VOICE: &[&str] = &["we", "we're", "we've", "our"];

/// Words by which a clause in the company's voice still asks.
const WANTING: &[&str] = &[
    "looking for",
    "look for",
    "need",
    "needs",
    "want",
    "expect",
    "require",
    "requires",
    "seek",
    "seeking",
    "love",
    "like",
    "value",
    "prefer",
    "hope",
    "hire",
    "hiring",
    "ideal",
    "candidate",
    "candidates",
    "you",
    "you'll",
    "you're",
    "your",
    "must",
    "should",
    "required",
];

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
    "we are using",
    "we're using",
    "stack of technologies",
    "our current",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The clauses of a line, each with where it starts, as owned text.
    fn owned_clauses(line: &str) -> Vec<(usize, String)> {
        clauses(line)
            .into_iter()
            .map(|(at, c)| (at, c.into_owned()))
            .collect()
    }

    #[test]
    fn the_company_speaking_of_itself_asks_nothing() {
        assert!(company_speaks_of_itself(
            "We pride ourselves on good documentation, a fun volunteer experience, ease of contribution"
        ));
        assert!(company_speaks_of_itself(
            "Our engineers have deep experience in Kafka"
        ));
        for asking in [
            "We're looking for experience with Go",
            "We expect strong knowledge of PostgreSQL",
            "Our ideal candidate has experience with Kafka",
            "We use Go, and you have experience with it",
            "Experience with Go is what we need",
        ] {
            assert!(!company_speaks_of_itself(asking), "{asking}");
        }
    }

    #[test]
    fn each_parenthesis_speaks_for_itself() {
        let parts: Vec<String> = clauses(
            "Experience with containers (Docker / Kubernetes experience required) (Spinnaker experience preferred)",
        )
        .into_iter()
        .map(|(_, c)| c.into_owned())
        .collect();
        let docker = parts.iter().find(|c| c.contains("Docker")).unwrap();
        assert!(
            !is_nice(docker) && !docker.contains("Spinnaker"),
            "{parts:?}"
        );
        assert!(
            parts.iter().any(|c| c == "Spinnaker experience preferred"),
            "{parts:?}"
        );
        let parts: Vec<String> = clauses("Strong Go (required) (Kafka a plus)")
            .into_iter()
            .map(|(_, c)| c.into_owned())
            .collect();
        assert!(parts.iter().any(|c| c == "Kafka a plus"), "{parts:?}");
        assert!(
            !parts
                .iter()
                .any(|c| c.contains("Kafka") && c.contains("Go")),
            "{parts:?}"
        );
    }

    #[test]
    fn a_must_and_a_plus_in_one_sentence_are_two_clauses() {
        let line = "Good SQL knowledge (MySQL, PostgreSQL) is a must and basic database administrative experience is an advantage";
        let parts = owned_clauses(line);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(!is_nice(&parts[0].1) && is_nice(&parts[1].1), "{parts:?}");
        assert_eq!(&line[parts[1].0..], parts[1].1);
        // Without a part asked outright, "and" joins what the plus covers.
        assert_eq!(clauses("Go and Kafka experience is an advantage").len(), 1);
        // Two parts each naming what it asks: the plus is the second's.
        for line in [
            "Good SQL knowledge (PostgreSQL) and basic database administrative experience is an advantage",
            "A strong background in OOP with strong experience in software development, Python experience is a big plus",
        ] {
            let parts = clauses(line);
            assert_eq!(parts.len(), 2, "{parts:?}");
            assert!(!is_nice(&parts[0].1) && is_nice(&parts[1].1), "{parts:?}");
        }
        // One part asking, the plus naming only its tools: one clause.
        assert_eq!(clauses("Experience with Kafka, Redis is a plus").len(), 1);
    }

    #[test]
    fn a_plus_after_a_choice_ending_in_and_covers_its_own_part() {
        let line = "Experience in cloud environments such as Azure, AWS, and GCP, preferably with Infrastructure as Code systems such as Terraform and CDK";
        let parts = owned_clauses(line);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(
            parts[0].1.ends_with("and GCP") && !is_nice(&parts[0].1),
            "{parts:?}"
        );
        assert!(
            parts[1].1.starts_with("preferably") && is_nice(&parts[1].1),
            "{parts:?}"
        );
        assert_eq!(&line[parts[1].0..], parts[1].1);
        // A plus after the last item of a list covers the whole list.
        let parts = clauses("Experience with JavaScript, Python, and Ember.js is a plus.");
        assert_eq!(parts.len(), 1, "{parts:?}");
        // Two asides back to back never leave an empty part between them.
        for line in [
            "Go, with Rust being a plus, ideally Kafka",
            "Go, and Rust, a plus, preferably Kafka, ideally Redis",
        ] {
            let parts = clauses(line);
            assert!(parts.iter().all(|(_, c)| !c.trim().is_empty()), "{parts:?}");
        }
    }

    #[test]
    fn a_plus_is_nice() {
        assert!(is_nice("Exposure to Kubernetes desired"));
        assert!(!is_nice("Reconcile clusters to the desired state"));
        assert!(is_nice("Kafka is a plus"));
        assert!(is_nice("Ideally some Rust"));
        assert!(is_nice(
            "Experience in Go or proven ability to pick up new languages"
        ));
        assert!(!is_nice("5+ years of Go"));
        assert!(is_nice(
            "Kotlin if needed (you don't need experience with it)"
        ));
        let parts: Vec<String> = clauses(
            "Strong understanding of AWS services, with knowledge of Kubernetes being a plus",
        )
        .into_iter()
        .map(|(_, c)| c.into_owned())
        .collect();
        assert_eq!(
            parts,
            [
                "Strong understanding of AWS services",
                "with knowledge of Kubernetes being a plus"
            ]
        );
        let parts: Vec<String> =
            clauses("Strong Python (Django a plus); Kafka. Node.js experience")
                .into_iter()
                .map(|(_, c)| c.into_owned())
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
