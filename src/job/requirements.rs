//! Requirements from the posting's lines: which skills a line asks for,
//! grouped the way the line groups them, and whether it asks for them as a
//! must or a plus.
//!
//! Takes one line (or sentence) and the vocabulary; gives requirements,
//! each one skill or a choice of skills ("one of Ruby, PHP, Python, Go",
//! "Python, Go or Java", "a cloud such as AWS or GCP"), with the line as its
//! quote. Skills joined by commas or "and" are separate requirements; "or",
//! a slash, "one of", "any of", "such as", "e.g." make one choice; a list
//! after "including" names every item.

use std::borrow::Cow;

use crate::skills::{SkillId, SkillMention, Vocabulary};

use super::Requirement;
use super::clauses::describes_stack;
use super::sections::{contains_words, word_positions};

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
    "i.e",
];

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// "Go or Java", "Go (or Java)".
    Or,
    /// "Go/Java": a choice of the two, which unlike an "or" does not make
    /// the comma list before it a choice ("Node.js, TypeScript/JavaScript").
    Slash,
    /// "Go and Java", "Go & Java".
    And,
    /// "Python/Flask", "C#/.NET": a framework and its language, both asked;
    /// unlike an "and" it does not part a list that ends in "or"
    /// ("Scala/Java, Node/TypeScript, Python, or Rust" is one choice).
    Both,
    /// "Go, Java": a list, a choice when an "or" ends it.
    Comma,
    /// Anything else: the two are not in one list.
    Apart,
}

impl Join {
    /// Whether the two it joins are a choice.
    fn is_or(self) -> bool {
        matches!(self, Join::Or | Join::Slash)
    }
}

fn join_of(gap: &str) -> Join {
    // "Elasticsearch-Logstash-Kibana": parts of one list.
    if gap == "-" {
        return Join::Comma;
    }
    // "ISO 27001, NIST, HITECH Act, PCI DSS": names the vocabulary lacks
    // between commas are items of the list, not its end; what joins the
    // last of them to the next skill is the join.
    let pieces: Vec<&str> = gap.split(',').collect();
    if pieces.len() >= 3 && pieces[0].trim().is_empty() {
        let names = &pieces[1..pieces.len() - 1];
        let a_name = |piece: &&str| {
            let words: Vec<&str> = piece.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words[0].starts_with(|c: char| c.is_uppercase())
                && !piece.contains(['.', ';', ':', '(', ')'])
        };
        if names.iter().all(a_name) {
            return join_of(&format!(",{}", pieces[pieces.len() - 1]));
        }
    }
    let lower = gap.trim().to_lowercase();
    // Two names side by side with only a space ("Spring Boot Kafka
    // consumers") are one phrase, not a list.
    if lower.is_empty() {
        return Join::Apart;
    }
    // "CI/CD for mobile (Fastlane)", "continuous integration methodologies
    // and tools (TeamCity or similar)", "Java or other object oriented
    // languages (C++, Python)": a parenthesis a few words after a skill
    // names examples of it.
    if lower.ends_with('(')
        && !lower.contains([',', '.', ';', ':'])
        && lower.split_whitespace().count() <= 6
    {
        return Join::Or;
    }
    // "Rust, C++ or another low-level systems language such as C": the
    // example of the other kind offered is one more option of the choice.
    if offers_another(&lower)
        && [" such as", " like", " e.g"]
            .iter()
            .any(|w| lower.trim_end_matches([',', '.', ' ']).ends_with(w))
        && !lower.contains([',', ';', ':', '('])
        && lower.split_whitespace().count() <= 8
    {
        return Join::Or;
    }
    if lower.len() > 24 {
        return Join::Apart;
    }
    // "Ansible\Chef\Puppet": a backslash is written for a slash.
    let lower = lower.replace('\\', "/");
    if lower == "/" {
        return Join::Slash;
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
    // "JavaScript (including TypeScript)": what is included is asked for
    // too, on its own: "one of Java, C++, or C# including object-oriented
    // design" offers no choice of the design.
    if words.contains(&"including") {
        return Join::Apart;
    }
    // "a warehouse such as Snowflake", "a JVM language (Java, Kotlin)": the
    // category and its examples are one choice.
    let or = words
        .iter()
        .any(|w| matches!(*w, "or" | "such" | "like" | "example"))
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

/// A list in a clause: neighbouring mentions joined as one ("Go, Kafka and
/// Postgres", "one of Ruby, PHP"), with how each two are joined and the
/// words just before and after it. A mention on its own is a list of one.
struct List<'c> {
    mentions: Vec<SkillMention>,
    /// `joins[k]` joins `mentions[k]` and `mentions[k + 1]`; never `Apart`.
    joins: Vec<Join>,
    before: &'c str,
    after: &'c str,
}

/// The lists of a clause, in order.
fn lists_in<'c>(clause: &'c str, vocab: &Vocabulary) -> Vec<List<'c>> {
    let mentions = asked_mentions(clause, vocab);
    let mut lists = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i;
        let mut joins: Vec<Join> = Vec::new();
        while j + 1 < mentions.len() {
            let join = join_between(clause, &mentions, j, vocab);
            if join == Join::Apart {
                break;
            }
            joins.push(join);
            j += 1;
        }
        let before = &clause[if i == 0 { 0 } else { mentions[i - 1].end }..mentions[i].start];
        let after_end = mentions.get(j + 1).map_or(clause.len(), |m| m.start);
        lists.push(List {
            mentions: mentions[i..=j].to_vec(),
            joins,
            before,
            after: &clause[mentions[j].end..after_end],
        });
        i = j + 1;
    }
    lists
}

/// The requirements a clause names, in order. `quote` is the line the
/// clause came from.
pub fn requirements_in(clause: &str, quote: &str, vocab: &Vocabulary) -> Vec<Requirement> {
    // "frameworks like **Tokio**, **Axum**, or similar": Markdown's
    // emphasis would stand between a list's items and its cues.
    let plain = without_emphasis(clause);
    let clause = plain.as_ref();
    let mut out: Vec<Requirement> = Vec::new();
    for list in lists_in(clause, vocab) {
        if list.mentions.len() == 1
            && (has_strong_choice_cue(list.before)
                || has_choice_cue(list.before)
                || starts_with_choice_tail(list.after))
            && among_unknown_examples(list.before, list.after)
        {
            // "design tools such as Figma, Avocode or Zeplin": one example
            // the vocabulary knows among others it lacks; anyone with the
            // others meets it, so it asks for no skill levelscan can read.
            continue;
        }
        let one_choice = one_choice(clause, &list, vocab);
        let mut choice = vec![list.mentions[0].skill];
        for (m, &joined) in list.mentions[1..].iter().zip(&one_choice) {
            if !joined {
                push(&mut out, std::mem::take(&mut choice), quote);
            }
            choice.push(m.skill);
        }
        push(&mut out, choice, quote);
    }
    out
}

/// A clause without Markdown's bold and code marks ("**Docker**",
/// "`React`"), which are no words.
fn without_emphasis(clause: &str) -> Cow<'_, str> {
    if clause.contains(['*', '_', '`']) {
        Cow::Owned(clause.replace("**", "").replace("__", "").replace('`', ""))
    } else {
        Cow::Borrowed(clause)
    }
}

/// How a list groups, gap by gap: whether `mentions[k]` and
/// `mentions[k + 1]` are one choice. A cue before or after the list ("one
/// of", "such as", "or similar"), or a kind named with its examples, makes
/// the whole list one choice; else it splits at its "and"s, and a piece
/// that ends in an "or" is one choice.
fn one_choice(clause: &str, list: &List, vocab: &Vocabulary) -> Vec<bool> {
    let (run, joins, before, after) = (&list.mentions, &list.joins, list.before, list.after);
    let j = run.len() - 1;
    let offers_others = (0..j).any(|k| {
        starts_with_choice_tail(clause[run[k].end..run[k + 1].start].trim_start_matches(['(', ' ']))
    });
    let examples_of_many = (joins.contains(&Join::And) || ends_in_and_unknown(after))
        && !joins.contains(&Join::Or)
        && !singular_category(before)
        && !kind_of_alternatives(before)
        && !offers_others;
    let kind_and_examples =
        (0..j).any(|k| names_kind_of_examples(&clause[run[k].end..run[k + 1].start]));
    let examples_of_several_kinds =
        examples_of_two_kinds(before) && of_several_categories(run, vocab);
    let examples_of_first = run.len() > 1
        && joins[0] == Join::Or
        && !joins.contains(&Join::And)
        && run[1..]
            .iter()
            .all(|m| vocab.is_example_of(m.skill, run[0].skill));
    let choice_cue = kind_and_examples
        || examples_of_first
        || has_strong_choice_cue(before)
        || (has_choice_cue(before)
            && !examples_of_many
            && !describes_stack(clause)
            && !examples_of_several_kinds)
        || starts_with_choice_tail(after)
        || (before.trim_end().ends_with('(')
            && singular_category(&clause[..run[0].start])
            && run.len() > 1)
        || (examples_in_brackets(
            before,
            joins,
            describes_stack(clause),
            &clause[run[0].start..],
        ) && run
            .iter()
            .all(|m| vocab.category(m.skill) == vocab.category(run[0].skill)));
    if choice_cue {
        return vec![true; joins.len()];
    }
    // Split at "and" joins; a piece that ends in an "or" is one choice
    // ("Python, Go or Java"); in other pieces only the items a slash or
    // "or" ties are a choice ("Java/Kotlin, Go" is a choice and Go).
    let mut out = vec![false; joins.len()];
    let mut from = 0;
    for k in 0..=joins.len() {
        if k == joins.len() || joins[k] == Join::And {
            let piece = &joins[from..k];
            let ends_in_or = piece.last() == Some(&Join::Or);
            for (g, join) in piece.iter().enumerate() {
                out[from + g] = ends_in_or || join.is_or();
            }
            from = k + 1;
        }
    }
    out
}

/// The mentions of a clause that can be asked for: "unit and integration
/// testing" names Unit Testing too; "iOS developers" in "collaborating
/// with iOS developers" are colleagues, not a skill; a list item that is
/// nothing but a skill's name ("- Jest") is that skill, whatever context
/// the name needs elsewhere.
fn asked_mentions(clause: &str, vocab: &Vocabulary) -> Vec<SkillMention> {
    if sent_with_the_application(clause) {
        return Vec::new();
    }
    let mut found = vocab.find(clause);
    if found.is_empty() {
        let bare = clause
            .trim()
            .trim_matches(|c: char| ",;:.*-•".contains(c) || c.is_whitespace());
        if let Some(skill) = vocab.canonical(bare) {
            let start = clause.find(bare).unwrap_or(0);
            return vec![SkillMention {
                skill,
                start,
                end: start + bare.len(),
            }];
        }
        // "- Jenkins, Gulp": an item that is only names, each a skill's
        // name or a capitalised one the vocabulary lacks, names those
        // skills as a bare item does.
        let names = bare_names(clause, bare, vocab);
        if !names.is_empty() {
            return names;
        }
    }
    let listed_heads: Vec<SkillMention> = found
        .iter()
        .flat_map(|m| heads_listed_before(clause, m, vocab))
        .collect();
    for shared in shared_heads(clause, vocab).into_iter().chain(listed_heads) {
        let overlaps = |m: &SkillMention| m.start < shared.end && shared.start < m.end;
        if !found.iter().any(|m| overlaps(m) || m.skill == shared.skill) {
            found.push(shared);
        }
    }
    found.sort_by_key(|m| m.start);
    // "At New Relic, you will…": the employer, named by a skill; "working
    // closely with design, product, machine learning": colleagues, named
    // by their field; "guidance from an experienced mentor": what the
    // candidate is given.
    found.retain(|m| {
        !names_employer(clause, m)
            && !among_colleague_fields(clause, m)
            && !given_to_you(clause, m)
            && !field_of_study(clause, m)
    });
    let mut out: Vec<SkillMention> = Vec::with_capacity(found.len());
    for k in 0..found.len() {
        // "iOS & Android developers": the list ends in people.
        let mut last = k;
        while last + 1 < found.len()
            && join_of(&clause[found[last].end..found[last + 1].start]) != Join::Apart
        {
            last += 1;
        }
        // The people are those the clause works with: "collaborating
        // with iOS developers", not "work on Scrum teams in a
        // collaborative environment".
        if followed_by_people(&clause[found[last].end..])
            && names_colleagues(&clause[..found[k].start])
        {
            continue;
        }
        // "Git/Github for version control": a skill named again after
        // "for" is the purpose of what came before, not another
        // requirement.
        let purpose = clause[..found[k].start].trim_end().ends_with(" for");
        if purpose && out.iter().any(|m| m.skill == found[k].skill) {
            continue;
        }
        out.push(found[k]);
    }
    out
}

/// The skills of a list item that is nothing but short names between
/// commas ("Jenkins, Gulp"); none when an item reads as words of a
/// sentence.
fn bare_names(clause: &str, bare: &str, vocab: &Vocabulary) -> Vec<SkillMention> {
    let items: Vec<&str> = bare.split(',').map(str::trim).collect();
    let a_name = |item: &&str| {
        let words = item.split_whitespace().count();
        (1..=2).contains(&words) && item.starts_with(|c: char| c.is_uppercase())
    };
    if items.len() < 2 || !items.iter().all(a_name) {
        return Vec::new();
    }
    let offset = clause.find(bare).unwrap_or(0);
    let mut out = Vec::new();
    let mut from = 0;
    for item in items {
        let Some(at) = bare[from..].find(item).map(|at| at + from) else {
            continue;
        };
        from = at + item.len();
        if let Some(skill) = vocab.canonical(item) {
            out.push(SkillMention {
                skill,
                start: offset + at,
                end: offset + at + item.len(),
            });
        }
    }
    out
}

/// "Unit, Integration, and end-to-end testing": the single words listed
/// before a two-word mention share its last word; each that spells a skill
/// with it ("unit testing", "integration testing") is named.
fn heads_listed_before(clause: &str, m: &SkillMention, vocab: &Vocabulary) -> Vec<SkillMention> {
    let mut out = Vec::new();
    let written = &clause[m.start..m.end];
    let Some((_, head)) = written.rsplit_once(' ') else {
        return out;
    };
    let mut pos = m.start;
    loop {
        let before = clause[..pos].trim_end();
        let Some(rest) = ["and", "or", "&", ","]
            .iter()
            .find_map(|j| before.strip_suffix(j))
        else {
            return out;
        };
        let rest = rest.trim_end_matches([' ', ',']);
        let word_start = crate::matching::after_last(rest, |c| !(c.is_alphanumeric() || c == '-'));
        let word = &rest[word_start..];
        if word.is_empty() || word_start == rest.len() {
            return out;
        }
        match vocab.canonical(&format!("{word} {head}")) {
            Some(skill) => out.push(SkillMention {
                skill,
                start: word_start,
                end: rest.len(),
            }),
            None => return out,
        }
        pos = word_start;
    }
}

/// "unit and integration testing", "code and design reviews": the word
/// before "and"/"or"/"&" shares the head word after the next one; where
/// the two spell a skill ("unit testing", "code reviews"), it is named.
fn shared_heads(clause: &str, vocab: &Vocabulary) -> Vec<SkillMention> {
    let mut out = Vec::new();
    for joiner in [" and ", " or ", " & ", " and/or "] {
        for (at, _) in clause.match_indices(joiner) {
            let before = &clause[..at];
            let word_start =
                crate::matching::after_last(before, |c| !(c.is_alphanumeric() || c == '-'));
            let first = &before[word_start..];
            let mut after = clause[at + joiner.len()..].split_whitespace();
            let (Some(_), Some(head)) = (after.next(), after.next()) else {
                continue;
            };
            let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
            if first.is_empty() || head.is_empty() {
                continue;
            }
            if let Some(skill) = vocab.canonical(&format!("{first} {head}")) {
                out.push(SkillMention {
                    skill,
                    start: word_start,
                    end: at,
                });
                continue;
            }
            // "Object oriented or functional programming": two words
            // before the joiner may share the head too.
            let rest = before[..word_start].trim_end_matches(' ');
            if rest.len() + 1 != word_start {
                continue;
            }
            let two_start =
                crate::matching::after_last(rest, |c| !(c.is_alphanumeric() || c == '-'));
            if two_start < rest.len()
                && let Some(skill) =
                    vocab.canonical(&format!("{} {first} {head}", &rest[two_start..]))
            {
                out.push(SkillMention {
                    skill,
                    start: two_start,
                    end: at,
                });
            }
        }
    }
    out
}

/// "At Datadog, we…": a mention that follows only "At" at the clause's
/// start and ends at a comma names the company, not a skill.
fn names_employer(clause: &str, m: &SkillMention) -> bool {
    let before = clause[..m.start].trim();
    before.eq_ignore_ascii_case("at") && clause[m.end..].starts_with(',')
}

/// "a degree in a related field (machine learning, computer science…)",
/// "MS in Statistics, Machine Learning or a related field": a mention in
/// the list of fields a degree is in names a field of study, which is
/// never assessed (`fairness`), not a skill.
fn field_of_study(clause: &str, m: &SkillMention) -> bool {
    let before = clause[..m.start].to_lowercase();
    let Some(from) = [
        "degree in ",
        "degree (",
        "field (",
        "fields (",
        "discipline (",
        "ms in ",
        "bs in ",
        "phd in ",
    ]
    .iter()
    // Whole words: "teams in establishing…" holds no "MS in".
    .filter_map(|p| {
        before
            .match_indices(p)
            .filter(|(at, _)| {
                !before[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .last()
            .map(|(at, _)| at + p.len())
    })
    .max() else {
        return false;
    };
    let between = &before[from..];
    !between.contains([')', '.', ';', ':'])
        && ![
            "experience",
            "years",
            "with",
            "using",
            "knowledge",
            "skills",
        ]
        .iter()
        .any(|w| contains_words(between, w))
}

/// Phrases of what the candidate sends with an application: a skill named
/// there is where the work is shown ("Link us to your best work on
/// GitHub", "Examples of your work (e.g. apps, GitHub…)"), not asked for.
const APPLICATION_MATERIALS: &[&str] = &[
    "link us",
    "send us",
    "share with us",
    "examples of your work",
    "samples of your work",
    "your best work",
    "your best custom work",
    "cover letter",
    "your portfolio",
];

fn sent_with_the_application(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    APPLICATION_MATERIALS
        .iter()
        .any(|p| contains_words(&lower, p))
}

/// Phrases that introduce the people the candidate works with.
const WORKING_WITH: &[&str] = &[
    "collaborate with",
    "collaborating with",
    "partner with",
    "partnering with",
    "work with",
    "working with",
    "alongside",
    "closely with",
];

/// Fields that name a team of colleagues, not a skill asked for.
const COLLEAGUE_FIELDS: &[&str] = &[
    "design",
    "product",
    "engineering",
    "sales",
    "marketing",
    "operations",
    "support",
    "research",
    "legal",
    "finance",
    "analytics",
    "ux",
    "qa",
    "business",
    "leadership",
    "stakeholders",
    "designers",
    "researchers",
    "product managers",
    "customer success",
];

/// "working closely with design, product, machine learning, and
/// infrastructure": a mention in a short list of fields after a phrase of
/// working with people, one of which is a field of colleagues, names them.
fn among_colleague_fields(clause: &str, m: &SkillMention) -> bool {
    let before = clause[..m.start].to_lowercase();
    let Some(from) = WORKING_WITH
        .iter()
        .filter_map(|p| before.rfind(p).map(|at| at + p.len()))
        .max()
    else {
        return false;
    };
    let items: Vec<&str> = before[from..]
        .split([',', '&'])
        .flat_map(|i| i.split(" and "))
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    !items.is_empty()
        && items.iter().all(|i| i.split_whitespace().count() <= 3)
        && items
            .iter()
            .any(|i| COLLEAGUE_FIELDS.contains(&i.trim_start_matches("the ")))
}

/// Phrases before a mention that say the candidate is given it.
const GIVEN: &[&str] = &[
    "receive",
    "receiving",
    "guidance from",
    "support from",
    "supported by",
    "you'll get",
    "you will get",
    "we provide",
    "we offer",
    "learn from",
];

/// Phrases after a clause-opening "With …" that say it is given ("With
/// mentorship and guidance, you'll gain…").
const GAINED: &[&str] = &[
    "you'll gain",
    "you will gain",
    "you'll learn",
    "you will learn",
    "you'll grow",
    "you will grow",
];

/// "Receive guidance from an experienced software engineering mentor",
/// "With mentorship and guidance, you'll gain hands-on experience": what
/// the posting gives the candidate is not asked of them.
fn given_to_you(clause: &str, m: &SkillMention) -> bool {
    let lower = clause.to_lowercase().replace('\u{2019}', "'");
    let before = &lower[..m.start.min(lower.len())];
    if GIVEN.iter().any(|p| contains_words(before, p)) {
        return true;
    }
    before.trim().trim_start_matches(['-', '*', ' ']) == "with"
        && GAINED
            .iter()
            .any(|p| contains_words(&lower[m.end.min(lower.len())..], p))
}

/// Whether a clause speaks of working with people ("collaborating with
/// iOS & Android developers").
fn names_colleagues(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    // "collaboration", "collaborative" too, beside the phrases of a
    // working relationship.
    lower.contains("collaborat") || WORKING_WITH.iter().any(|w| lower.contains(w))
}

/// Whether the words after a mention name people ("developers", "team").
fn followed_by_people(after: &str) -> bool {
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        next.as_str(),
        "developers" | "engineers" | "designers" | "team" | "teams" | "colleagues"
    )
}

/// How mentions `k` and `k + 1` of a clause are joined, with what the
/// vocabulary knows: "Python/Flask" and "C#/.NET" are a language and its
/// framework, both asked for, not a choice; a parenthesis that lists
/// several skills ("Python data stack (NumPy, pandas)", "native APIs (iOS
/// and Android)") is a list of its own, not examples of the skill before.
fn join_between(clause: &str, mentions: &[SkillMention], k: usize, vocab: &Vocabulary) -> Join {
    let (a, b) = (&mentions[k], &mentions[k + 1]);
    let gap = &clause[a.end..b.start];
    // "CV (ResNet), NLP (BERT, GPT), and/or Recommendation Systems": the
    // examples in brackets after an item (none the vocabulary knows) do
    // not part it from the next.
    let unbracketed;
    let gap = match (gap.find('('), gap.rfind(')')) {
        (Some(open), Some(close)) if open < close && gap[..open].trim().is_empty() => {
            unbracketed = gap[close + 1..].to_string();
            unbracketed.as_str()
        }
        _ => gap,
    };
    let join = join_of(gap);
    // "at least one agile methodology, including Scrum or Kanban": what is
    // included is an example of the skill before, so one list with it.
    if join == Join::Apart
        && gap.split_whitespace().count() <= 3
        && contains_words(&gap.to_lowercase(), "including")
        && vocab.is_example_of(b.skill, a.skill)
    {
        return Join::And;
    }
    // A framework and the language it is written in: both are asked for;
    // so is a framework and a language built on its own ("Node.js/
    // TypeScript": TypeScript is JavaScript's, which Node.js runs).
    let framework_of = |f: SkillId, language: SkillId| {
        let written_in = vocab.implies(f);
        vocab.category(language) == "language"
            && vocab.category(f) != "language"
            && (written_in.contains(&language)
                // "C# / .NET": the language's work is the platform's.
                || vocab.implies(language).contains(&f)
                || vocab
                    .implies(language)
                    .iter()
                    .any(|l| written_in.contains(l)))
    };
    if matches!(gap.trim(), "/" | "\\")
        && (framework_of(a.skill, b.skill) || framework_of(b.skill, a.skill))
    {
        return Join::Both;
    }
    // "Mobile Engineer (iOS)", "Backend Developer (Go)": a parenthesis
    // after a role names its specialty; both are asked for.
    if join == Join::Or && gap.trim_end().ends_with('(') {
        let names_a_role = clause[a.start..b.start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches('s'),
                    "engineer" | "developer" | "programmer" | "architect"
                )
            });
        if names_a_role {
            return Join::Apart;
        }
    }
    // "… (C++, Python, etc)" after "Java or other languages" is the other
    // languages the choice allows, not a list of its own.
    let offers_others = gap.trim_start().to_lowercase().starts_with("or ");
    if join == Join::Or && gap.trim_end().ends_with('(') && !offers_others {
        let close = clause[b.start..]
            .find(')')
            .map_or(clause.len(), |i| b.start + i);
        let inside = mentions[k + 1..].iter().filter(|m| m.end <= close).count();
        // "Prometheus ecosystem (Grafana, Loki, Tempo)": a comma list in
        // the parenthesis is a list of its own, whether or not the
        // vocabulary knows its other items; but a list of the skill's own
        // kind ("NoSQL databases (Cassandra, MongoDB)") is its examples.
        let examples_of_a = mentions[k + 1..]
            .iter()
            .take(inside)
            .all(|m| vocab.is_example_of(m.skill, a.skill));
        if (inside >= 2 || clause[b.start..close].contains(',')) && !examples_of_a {
            return Join::Apart;
        }
    }
    // "container orchestration frameworks such as Kubernetes, Docker
    // Swarm": the skill that names the kind of the examples is one choice
    // with them (any container orchestration meets it); a language naming
    // the kind is asked for on its own ("Python libraries such as pandas"
    // need Python).
    // ("observability tools such as Prometheus, Grafana, and Jaeger", a
    // plural kind and examples joined by "and", names each.)
    if join == Join::Apart && names_kind_of_examples(gap) && vocab.category(a.skill) != "language" {
        let list = clause[b.start..].to_lowercase();
        let list = &list[..list.find([')', '.', ';']).unwrap_or(list.len())];
        let each_named = contains_words(list, "and")
            && !["or", "similar", "etc", "other", "others"]
                .iter()
                .any(|w| contains_words(list, w))
            && !singular_category(gap);
        if !each_named {
            return Join::Or;
        }
    }
    // "If not Haskell, working experience with another functional language
    // such as Clojure, OCaml, or Scala": the examples are offered instead
    // of the skill the clause opens with, so it is one option of the choice.
    let opens_with_if_not = clause[..a.start]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .eq_ignore_ascii_case("if not");
    if opens_with_if_not && join == Join::Apart {
        let lower = gap.to_lowercase();
        let offers_another = contains_words(&lower, "another") || contains_words(&lower, "other");
        let opens_examples = [" such as", " like", " e.g", " e.g."]
            .iter()
            .any(|cue| lower.trim_end_matches([',', ' ', '(']).ends_with(cue));
        if offers_another && opens_examples && !lower.replace("e.g.", "").contains(['.', ';', ':'])
        {
            return Join::Or;
        }
    }
    // "GitHub or other collaborative version control systems": a few
    // words describing the other kind offered do not end the choice ("jQuery
    // or other JavaScript libraries" offers libraries, not the language).
    if join == Join::Apart && offers_another_kind(gap) && vocab.category(b.skill) != "language" {
        return Join::Or;
    }
    // "Large Language Models, Diffusion Networks, or Deep Reinforcement
    // Learning": a capitalised word just before the next skill is part of
    // its name as written, not the end of the list.
    if join == Join::Apart
        && let Some((list, word)) = gap.trim_end().rsplit_once(' ')
        && word.starts_with(|c: char| c.is_uppercase())
        && word.chars().all(char::is_alphanumeric)
        && [" or", " and", " and/or"]
            .iter()
            .any(|j| list.trim_end().ends_with(j))
    {
        let inner = join_between_gap(list);
        if inner != Join::Apart {
            return inner;
        }
    }
    if join == Join::Apart && is_unknown_list_item(gap, ',') {
        return Join::Comma;
    }
    // "AWS IoT, Azure IoT, etc.": a capitalised word the vocabulary lacks
    // right after a skill is the rest of its name as written; the comma
    // after it is the join.
    if join == Join::Apart
        && let Some((tail, list)) = gap.trim_start().split_once(',')
        && !tail.is_empty()
        && tail.split_whitespace().count() == 1
        && tail.starts_with(|c: char| c.is_uppercase())
        && tail.chars().all(char::is_alphanumeric)
    {
        let inner = join_between_gap(&format!(",{list}"));
        if inner != Join::Apart {
            return inner;
        }
    }
    // "Grafana / Loki / Prometheus": likewise between slashes.
    if join == Join::Apart && is_unknown_list_item(gap, '/') {
        return Join::Or;
    }
    join
}

/// The join of a gap with the unknown list items in it read as items
/// ("…, Diffusion Networks, or "), as `join_between` reads them.
fn join_between_gap(gap: &str) -> Join {
    let join = join_of(gap);
    if join == Join::Apart && is_unknown_list_item(gap, ',') {
        return Join::Comma;
    }
    join
}

/// "or other …", "or another …" (lower case, trimmed): a gap that offers
/// another of the kind named next.
fn offers_another(lower: &str) -> bool {
    // "Kubernetes / ECS or related container orchestration platforms".
    ["or another ", "or other ", "or any other ", "or related "]
        .iter()
        .any(|w| lower.starts_with(w) || lower == w.trim_end())
}

/// " or other collaborative ": "or other" and a few words describing what
/// follows, within one phrase.
fn offers_another_kind(gap: &str) -> bool {
    let lower = gap.trim().to_lowercase();
    offers_another(&lower)
        && !lower.contains([',', ';', ':', '(', '.'])
        && lower.split_whitespace().count() <= 5
}

/// " frameworks such as ", " tools like ", " (e.g. ": a few words that name
/// a kind and open its examples.
fn names_kind_of_examples(gap: &str) -> bool {
    let lower = gap.trim().to_lowercase();
    // "NoSQL, e.g. Cassandra" (or "“NoSQL”, e.g."): a comma before the
    // bare cue opens no new item (", MV* frameworks such as" does: a kind
    // of its own).
    if let Some(cue) = lower
        .trim_start_matches(['"', '\u{201d}', '\''])
        .strip_prefix(',')
        && matches!(
            cue.trim(),
            "e.g." | "e.g.," | "such as" | "like" | "for example"
        )
    {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    // The words naming the kind, before the cue; a comma may part them
    // from it ("infrastructure-as-code tools, e.g. Terraform").
    let Some(kind) = ["such as", "like", "e.g.", "e.g", "e.g.,", "for example"]
        .iter()
        .find_map(|cue| {
            let kind = lower.strip_suffix(cue)?;
            (kind.is_empty() || kind.ends_with([' ', '('])).then_some(kind)
        })
    else {
        return false;
    };
    let kind = kind.trim_end().trim_end_matches(',');
    // "Agile methodologies and tools like Git, JIRA": two kinds; the
    // examples are of the last, not of the skill before.
    !words.contains(&"and") && words.len() <= 5 && !kind.contains([',', ';', ':', '.'])
}

/// ", matplotlib, " (or "/ Loki /", ", ELB, AutoScaling, "): one word, or a
/// few, each between commas (slashes), items of the list the vocabulary
/// does not know; the list goes on past them.
fn is_unknown_list_item(gap: &str, separator: char) -> bool {
    let Some(inner) = gap.trim().strip_prefix(separator) else {
        return false;
    };
    let Some(items) = inner.strip_suffix(separator) else {
        return false;
    };
    let one_word = |item: &str| {
        !item.is_empty()
            && item
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
            && !matches!(
                item.to_lowercase().as_str(),
                "and" | "or" | "etc" | "etc." | "experience" | "knowledge"
            )
    };
    let items: Vec<&str> = items.split(separator).map(str::trim).collect();
    items.len() <= 3 && items.into_iter().all(one_word)
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

/// "a public cloud such as", "at least 1 back-end language (": the words
/// before a list name one thing of a kind, so the list is a choice.
fn singular_category(before: &str) -> bool {
    // "other cloud providers (Azure, GCP)": any other one; "2 Frontend
    // frameworks (React, Angular, Vue, Svelte)": a count of a kind is a
    // choice among its examples too.
    const ONE: &[&str] = &[
        "a", "an", "one", "1", "single", "other", "2", "3", "two", "three",
    ];
    const KIND: &[&str] = &[
        "language",
        "framework",
        "cloud",
        "provider",
        "database",
        "warehouse",
        "platform",
        "tool",
        "library",
    ];
    let words: Vec<String> = before
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let count = matches!(w.as_str(), "2" | "3" | "two" | "three");
        // "2+ years of cloud": a count of years, not of clouds.
        let of_years = words.get(i + 1).is_some_and(|n| n.starts_with("year"));
        ONE.contains(&w.as_str())
            && !(count && of_years)
            && words[i + 1..]
                .iter()
                // "at least one modern JavaScript web MVC framework"
                .take(if count { 2 } else { 5 })
                .any(|k| KIND.contains(&k.trim_end_matches('s')))
    })
}

/// Kinds whose members stand in for one another: examples of one of
/// these, however joined, are a choice ("databases such as PostgreSQL,
/// MySQL, and MongoDB"). Kinds of mixed tools ("technologies", "tools")
/// name each example when joined by "and".
const ALTERNATIVE_KINDS: &[&str] = &[
    "database",
    "cloud",
    "provider",
    "warehouse",
    "language",
    "framework",
    "library",
    "libraries",
    "platform",
    // "cloud environments such as Azure, AWS, and GCP", "Infrastructure as
    // Code systems such as Terraform and CDK", "operating systems".
    "environment",
    "system",
    "engine",
];

/// "relational and non-relational databases such as", "cloud platforms
/// like": the words just before a choice cue name a kind of
/// [`ALTERNATIVE_KINDS`].
fn kind_of_alternatives(before: &str) -> bool {
    let lower = before.to_lowercase();
    let Some(cue) = ["such as", "like", "e.g", "for example"]
        .iter()
        .filter_map(|c| lower.rfind(c))
        .max()
    else {
        return false;
    };
    lower[..cue]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .rfind(|w| !w.is_empty())
        .is_some_and(|kind| {
            ALTERNATIVE_KINDS.contains(&kind)
                || ALTERNATIVE_KINDS.contains(&kind.trim_end_matches('s'))
        })
}

/// "workflows and toolchains (eg. React, TypeScript, Vite/Webpack)",
/// "languages and frameworks such as": two plural kinds joined by "and"
/// before a choice cue. When the examples are of several kinds too (see
/// [`of_several_categories`]), none stands in for the others and each is
/// named; "assertion frameworks and tools like Mocha, Cypress, Jest" stays
/// a choice.
fn examples_of_two_kinds(before: &str) -> bool {
    let lower = before.to_lowercase();
    let Some(cue) = ["such as", "like", "e.g", "eg", "for example"]
        .iter()
        .filter_map(|c| word_positions(&lower, c).last())
        .max()
    else {
        return false;
    };
    let words: Vec<&str> = lower[..cue]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    matches!(words.as_slice(), [.., first, "and" | "&", last] if plural(first) && plural(last))
}

/// Whether the skills of a list fall in more than one of the vocabulary's
/// categories (React is frontend, TypeScript a language).
fn of_several_categories(run: &[SkillMention], vocab: &Vocabulary) -> bool {
    run.iter()
        .any(|m| vocab.category(m.skill) != vocab.category(run[0].skill))
}

/// ", and ORC", " and DuckDB": what follows a list is its last item, one
/// the vocabulary lacks, joined by "and".
fn ends_in_and_unknown(after: &str) -> bool {
    let rest = after.trim_start_matches([',', ' ']);
    rest.strip_prefix("and ")
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_uppercase()))
}

/// "such as BloC, MobX, and Provider", "design tools such as Figma,
/// Avocode or Zeplin": the one example the vocabulary knows is listed with
/// capitalised names it lacks, before it (after the cue) or after it.
fn among_unknown_examples(before: &str, after: &str) -> bool {
    // A name: one or two words, each capitalised ("Avocode", "BloC").
    let a_name = |item: &str| {
        let words: Vec<&str> = item.split_whitespace().collect();
        (1..=2).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
            })
    };
    let lower = before.to_lowercase();
    let after_cue = ["such as ", "like ", "e.g. ", "e.g., ", "for example "]
        .iter()
        .filter_map(|c| lower.rfind(c).map(|at| at + c.len()))
        .max()
        .map(|at| &before[at..]);
    let names_before = after_cue.is_some_and(|t| {
        t.trim_end()
            .strip_suffix(',')
            .is_some_and(|items| items.split(',').all(a_name))
    });
    let rest = after.trim_start();
    let names_after = [", or ", ", and ", "or ", "and ", ", "]
        .iter()
        .find_map(|j| rest.strip_prefix(j))
        .is_some_and(|r| {
            let item = r.split([',', ')', ';']).next().unwrap_or(r);
            let item = item.split(" or ").next().unwrap_or(item);
            let item = item.split(" and ").next().unwrap_or(item);
            a_name(item.trim_end_matches('.'))
        });
    names_before || names_after
}

/// "vector stores (Pinecone, FAISS, Weaviate)", "testing strategies (Jest,
/// Playwright)": a parenthesis listing several skills by commas right
/// after a kind the vocabulary lacks gives examples of that kind, any of
/// which meets it (the caller checks they are of one category of the
/// vocabulary: "Backend (Node.js, REST, PostgreSQL)" asks each). Joined by
/// "and" ("APIs (iOS and Android)") each is asked; so is a parenthesis
/// after a mixed kind ("front-end technologies (HTML, CSS, JavaScript)")
/// or in a description of the team's stack.
fn examples_in_brackets(
    before: &str,
    joins: &[Join],
    of_the_stack: bool,
    from_the_list: &str,
) -> bool {
    let Some(kind) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let kind = kind.trim_end().to_lowercase();
    // "AWS (EC2, S3)": the kind is a skill just named, whose own examples
    // the vocabulary's kinds decide; "(SAST, DAST, …, WAF and Bot
    // Protection, …)": an "and" later in the parenthesis lists each.
    let rest_of_brackets = from_the_list.split(')').next().unwrap_or(from_the_list);
    if kind.is_empty() || rest_of_brackets.contains(" and ") || rest_of_brackets.contains('&') {
        return false;
    }
    let last = kind
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    const MIXED: &[&str] = &[
        "technologies",
        "technology",
        "stack",
        "skills",
        "concepts",
        "fundamentals",
        "basics",
    ];
    !joins.is_empty()
        && joins.iter().all(|j| matches!(j, Join::Comma | Join::Or))
        && !last.is_empty()
        && !MIXED.contains(&last)
        && !of_the_stack
}

/// "one of", "any of", "at least one": a choice whatever joins the list.
fn has_strong_choice_cue(before: &str) -> bool {
    let lower = before.to_lowercase();
    let tail: Vec<&str> = lower.split_whitespace().rev().take(8).collect();
    let tail = tail.into_iter().rev().collect::<Vec<_>>().join(" ");
    [
        "one of",
        "any of",
        "one or more of",
        "at least one",
        "either",
    ]
    .iter()
    .any(|cue| contains_words(&tail, cue))
}

/// "Go, Rust or similar", "AWS or another cloud", "(Chef, Puppet…)": the
/// words after a list that make it a choice (a list trailing off is an
/// "etc.").
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
        "and etc",
        "others",
        "and others",
        "and similar",
        "among others",
        "…",
        "...",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue))
}

#[cfg(test)]
mod tests {
    use super::super::clauses::*;
    use super::*;

    fn read(text: &str) -> Vec<Vec<&'static str>> {
        let v = Vocabulary::builtin();
        requirements_in(text, text, v)
            .into_iter()
            .map(|r| r.any_of.iter().map(|&s| v.name(s)).collect())
            .collect()
    }

    #[test]
    fn what_is_included_after_a_choice_is_asked_on_its_own() {
        assert_eq!(
            read(
                "Programming experience with at least one modern language such as Java, C++, or C# including object-oriented design"
            ),
            vec![
                vec!["Java", "C++", "C#"],
                vec!["Object-Oriented Programming"]
            ]
        );
        // Unless it is an example of the kind before it.
        assert_eq!(
            read("Experience with at least one agile methodology, including Scrum or Kanban"),
            vec![vec!["Agile", "Scrum", "Kanban"]]
        );
    }

    #[test]
    fn a_kind_and_its_examples_are_one_choice_however_the_examples_open() {
        assert_eq!(
            read("Agile methodology (Scrum, Kanban, Lean)"),
            vec![vec!["Agile", "Scrum", "Kanban"]]
        );
        assert_eq!(
            read("Experience with infrastructure-as-code tools, e.g Terraform"),
            vec![vec!["Infrastructure as Code", "Terraform"]]
        );
        assert_eq!(
            read("Experience with Kubernetes / ECS or related container orchestration platforms"),
            vec![vec!["Kubernetes", "Amazon ECS", "Containers"]]
        );
        assert_eq!(
            read("Experience with docker, kubernetes and etc"),
            vec![vec!["Docker", "Kubernetes"]]
        );
    }

    #[test]
    fn a_word_ending_in_ms_before_in_is_no_degree() {
        // "teams in", "systems in" hold no "MS in": what follows is asked.
        assert_eq!(read("Coach teams in establishing SLOs"), vec![vec!["SLOs"]]);
        assert!(read("An MS in Machine Learning").is_empty());
    }

    #[test]
    fn a_framework_and_its_language_stay_inside_an_or_list() {
        assert_eq!(
            read("distributed systems in Scala/Java, Node/TypeScript, Python, or Rust"),
            vec![
                vec!["Distributed Systems"],
                vec!["Scala", "Java", "Node.js", "TypeScript", "Python", "Rust"]
            ]
        );
        assert_eq!(read("Python/Flask"), vec![vec!["Python"], vec!["Flask"]]);
    }

    #[test]
    fn an_item_of_bare_names_names_its_skills() {
        assert_eq!(read("- Jenkins, Gulp"), vec![vec!["Jenkins"]]);
        // Words of a sentence are no names.
        assert!(read("- Jenkins, then more").is_empty());
    }

    #[test]
    fn a_plus_aside_opening_examples_runs_to_the_lists_end() {
        let line = "have built services, preferably in languages such as Python, Go, or Ruby";
        let parts = clauses(line);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[1].1.ends_with("or Ruby") && is_nice(&parts[1].1));
        assert_eq!(read(&parts[1].1), vec![vec!["Python", "Go", "Ruby"]]);
        // Another plus after the list still opens an aside of its own.
        let parts = clauses("Go, preferably with tools such as Docker, Helm, ideally Kafka");
        assert_eq!(parts.len(), 3, "{parts:?}");
    }

    #[test]
    fn examples_of_two_kinds_of_several_categories_are_each_asked() {
        assert_eq!(
            read("modern front-end workflows and toolchains (eg. React, TypeScript, Vite/Webpack)"),
            vec![vec!["React"], vec!["TypeScript"], vec!["Vite", "Webpack"]]
        );
        // Examples of one category stand in for one another.
        assert_eq!(
            read("assertion frameworks and tools like Mocha, Cypress, Jest"),
            vec![vec!["Mocha", "Cypress", "Jest"]]
        );
    }

    #[test]
    fn examples_offered_if_not_the_skill_join_its_choice() {
        assert_eq!(
            read(
                "If not Haskell, experience with another functional language such as OCaml, F#, or Scala"
            ),
            vec![vec!["Haskell", "OCaml", "F#", "Scala"]]
        );
        assert!(is_nice(
            "Experience with Haskell or are willing to learn it"
        ));
        assert!(is_nice(
            "Ability to get up to speed quickly with our stack: Go, Nix"
        ));
    }

    #[test]
    fn a_wide_character_before_a_joiner_is_read_not_split() {
        // "’" and "•" are three bytes: the word before "and" starts after
        // them, not inside them (a real posting panicked here).
        assert_eq!(
            read("Experience helping Fortune 500’s and unit and integration testing"),
            [vec!["Unit Testing"], vec!["Integration Testing"]]
        );
        assert_eq!(
            read("We’re using Go and Kafka •and Redis"),
            [vec!["Go"], vec!["Kafka"], vec!["Redis"]]
        );
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
    fn a_list_after_including_names_every_item() {
        assert_eq!(
            read("Products built with the tools we use, including React, Redux, GraphQL"),
            [vec!["React"], vec!["Redux"], vec!["GraphQL"]]
        );
        assert_eq!(
            read("Node.js and JavaScript (including TypeScript)"),
            [vec!["Node.js"], vec!["JavaScript"], vec!["TypeScript"]]
        );
    }

    #[test]
    fn a_slash_between_a_language_and_its_framework_is_both() {
        assert_eq!(
            read("Our stack is Python/Flask, React, PostgreSQL"),
            [
                vec!["Python"],
                vec!["Flask"],
                vec!["React"],
                vec!["PostgreSQL"]
            ]
        );
        // A slash in a comma list ties its two neighbours only.
        assert_eq!(
            read("Java/Kotlin, Docker"),
            [vec!["Java", "Kotlin"], vec!["Docker"]]
        );
    }

    #[test]
    fn a_parenthesis_listing_skills_stands_on_its_own() {
        assert_eq!(
            read("native mobile development concepts and APIs (iOS and Android)"),
            [vec!["Mobile Development"], vec!["iOS"], vec!["Android"]]
        );
        // An item the vocabulary lacks does not end the list; "etc." makes
        // the examples a choice.
        assert_eq!(
            read(
                "Knowledge of the Python data stack (numpy, pandas, matplotlib, scikit-learn, etc)"
            ),
            [vec!["Python"], vec!["NumPy", "Pandas", "scikit-learn"]]
        );
        assert_eq!(
            read("Familiarity with HIPAA, NIST, HITECH Act, GDPR, or SOC 2"),
            [vec!["HIPAA", "GDPR", "SOC 2"]]
        );
        assert_eq!(
            read("automation tools (Chef, Ansible, Puppet…)"),
            [vec!["Chef", "Ansible", "Puppet"]]
        );
        assert_eq!(
            read("Telemetry tools (Datadog, Prometheus, others)"),
            [vec!["Datadog", "Prometheus"]]
        );
        assert_eq!(
            read("Grafana / Loki / Prometheus metrics"),
            [vec!["Grafana", "Prometheus"]]
        );
        // One example in a parenthesis is still an example.
        assert_eq!(
            read("CI/CD for mobile (Fastlane)"),
            [vec!["CI/CD", "Fastlane"]]
        );
    }

    #[test]
    fn such_as_with_and_names_each_unless_one_is_asked_for() {
        assert_eq!(
            read("Familiarity with front-end web technologies such as HTML, CSS, and JavaScript"),
            [vec!["HTML"], vec!["CSS"], vec!["JavaScript"]]
        );
        assert_eq!(
            read("Experience with 1 programming language used for tooling (Go, Python)"),
            [vec!["Go", "Python"]]
        );
        assert_eq!(
            read("Ansible\\Chef\\Puppet"),
            [vec!["Ansible", "Chef", "Puppet"]]
        );
        assert_eq!(
            read("At least one of the frameworks: Spring Boot, AWS Lambda + API Gateway"),
            [vec!["Spring Boot", "AWS Lambda", "Amazon API Gateway"]]
        );
        // A platform and its own language are both asked, as a framework
        // and its language are (labelling rule 6).
        assert_eq!(read(".NET / C# experience"), [vec![".NET"], vec!["C#"]]);
    }

    #[test]
    fn a_shared_head_word_names_both_skills() {
        assert_eq!(
            read("Perform unit and integration testing"),
            [vec!["Unit Testing"], vec!["Integration Testing"]]
        );
        assert_eq!(
            read("Participate in peer code and design reviews"),
            [vec!["Code Review"]]
        );
        assert_eq!(
            read("Unit, Integration, and end-to-end testing"),
            [
                vec!["Unit Testing"],
                vec!["Integration Testing"],
                vec!["End-to-End Testing"]
            ]
        );
    }

    #[test]
    fn what_colleagues_do_and_what_the_candidate_is_given_are_not_asked() {
        assert_eq!(
            read("Work closely with design, product, machine learning, and infrastructure"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("Receive guidance from an experienced software engineering mentor"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("Work with product managers to deliver Kafka pipelines"),
            [vec!["Kafka"]]
        );
    }

    #[test]
    fn choices_by_count_slash_and_purpose() {
        assert_eq!(
            read("2 Frontend frameworks (React, Angular, Vue, Svelte)"),
            [vec!["React", "Angular", "Vue.js", "Svelte"]]
        );
        assert_eq!(
            read("Strong proficiency in Node.js, TypeScript/JavaScript best practices"),
            [vec!["Node.js"], vec!["TypeScript", "JavaScript"]]
        );
        assert_eq!(
            read("Experience with Git/Github for version control"),
            [vec!["Git", "GitHub"]]
        );
        assert_eq!(
            read("Monitoring: Prometheus ecosystem (Grafana, Loki, Tempo)"),
            [vec!["Prometheus"], vec!["Grafana"]]
        );
        assert_eq!(read("Cloud: Azure and/or AWS"), [vec!["Azure", "AWS"]]);
        // "eg." opens examples as "e.g." does; "at least one" reaches over
        // the adjectives of its kind.
        assert_eq!(
            read("Experience with UI automation test frameworks (eg. Selenium, Cypress, Jest)."),
            [vec!["Selenium", "Cypress", "Jest"]]
        );
        assert_eq!(
            read("Experience with at least one modern web MVC framework (React, Angular, Ember)"),
            [vec!["React", "Angular", "Ember.js"]]
        );
        // Examples of a kind that stand in for each other, joined by "and".
        assert_eq!(
            read("Experience in cloud environments such as Azure, AWS, and GCP"),
            [vec!["Azure", "AWS", "GCP"]]
        );
        assert_eq!(
            read("Infrastructure as Code systems such as Terraform and CDK"),
            [vec!["Infrastructure as Code"], vec!["Terraform", "AWS CDK"]]
        );
    }

    #[test]
    fn a_plus_word_in_brackets_speaks_of_what_is_before_it() {
        let parts: Vec<(String, bool)> =
            clauses("Infrastructure-as-Code: Terraform (preferred) or CloudFormation")
                .into_iter()
                .map(|(_, c)| (c.trim().to_string(), is_nice(&c)))
                .collect();
        assert_eq!(parts.len(), 2);
        assert!(!parts[0].1 && parts[1].1, "{parts:?}");
        assert_eq!(
            read(&parts[0].0),
            [
                vec!["Infrastructure as Code"],
                vec!["Terraform", "AWS CloudFormation"]
            ]
        );
        assert!(is_nice("**Data Science/ML (Advantageous):** SageMaker"));
        assert!(!is_nice("2+ years in management, plus 5+ years of coding"));
    }

    #[test]
    fn examples_of_a_kind_of_alternatives_are_one_choice() {
        assert_eq!(
            read("Databases such as PostgreSQL, MySQL, and MongoDB"),
            [vec!["PostgreSQL", "MySQL", "MongoDB"]]
        );
        assert_eq!(
            read(
                "Front-end languages like TypeScript, React (or similar frameworks), HTML, and CSS"
            ),
            [vec!["TypeScript", "React", "HTML", "CSS"]]
        );
        // A kind of mixed tools still names each, also when the "and"
        // comes before an item the vocabulary lacks.
        assert_eq!(
            read("File formats such as Parquet, Avro, and ORC"),
            [vec!["Parquet"], vec!["Apache Avro"]]
        );
        // A capitalised word before the last option is part of its name.
        assert_eq!(
            read(
                "Models such as Large Language Models, Diffusion Networks, or Deep Reinforcement Learning"
            ),
            [vec!["Large Language Models", "Reinforcement Learning"]]
        );
    }

    #[test]
    fn name_words_the_vocabulary_lacks_stay_inside_the_list() {
        assert_eq!(
            read("Cloud platforms such as AWS IoT, Azure IoT, etc."),
            [vec!["AWS", "Azure"]]
        );
        assert_eq!(
            read("Agile methodologies and tools like Git, JIRA, etc."),
            [vec!["Agile"], vec!["Git", "Jira"]]
        );
        assert_eq!(
            read("Object oriented or functional programming languages"),
            [vec![
                "Object-Oriented Programming",
                "Functional Programming"
            ]]
        );
    }

    #[test]
    fn one_known_example_among_unknown_names_asks_for_nothing() {
        assert_eq!(
            read("Design tools such as Figma, Penpot or Lunacy"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("State patterns such as BloC, MobX, and Provider"),
            Vec::<Vec<&str>>::new()
        );
        // "etc." and a kind that is no name keep the example.
        assert_eq!(read("Tools such as Jenkins, etc."), [vec!["Jenkins"]]);
    }

    #[test]
    fn fields_a_degree_is_in_are_not_skills() {
        assert_eq!(
            read("Pursuing a degree in a related field (machine learning, computer science, etc.)"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("A BS in Computer Science and experience with Python"),
            [vec!["Python"]]
        );
    }

    #[test]
    fn a_plus_opening_a_parenthesis_inside_a_list_marks_the_item_before() {
        let parts: Vec<String> =
            clauses("Cloud such as AWS (preferred, or at least recently), Azure, or Google Cloud")
                .into_iter()
                .map(|(_, c)| c.into_owned())
                .collect();
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(read(&parts[0]), [vec!["AWS", "Azure", "GCP"]]);
        assert!(is_nice(&parts[1]));
    }

    #[test]
    fn where_the_application_shows_work_is_not_asked() {
        assert_eq!(
            read("Link us to your best work on GitHub and skip the live coding"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("Examples of your work (e.g. apps, GitHub, side projects)"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("Experience with GitHub Actions"),
            [vec!["GitHub Actions"]]
        );
    }

    #[test]
    fn a_bare_list_item_is_its_skill() {
        // "Jest" alone needs a testing context in a sentence; as a list
        // item it is the test runner.
        assert_eq!(read("Jest"), [vec!["Jest"]]);
        assert_eq!(read("React, "), [vec!["React"]]);
    }

    #[test]
    fn colleagues_named_by_a_skill_are_not_a_skill() {
        assert_eq!(
            read("Ship features collaborating with iOS & Android developers and designers"),
            Vec::<Vec<&str>>::new()
        );
        assert_eq!(
            read("Experience with iOS and Android"),
            [vec!["iOS"], vec!["Android"]]
        );
    }

    #[test]
    fn another_kind_offered_with_its_example_joins_the_choice() {
        assert_eq!(
            read("Have worked with Rust, C++ or another systems language such as C"),
            vec![vec!["Rust", "C++", "C"]]
        );
    }

    #[test]
    fn a_kind_with_its_examples_is_one_choice() {
        // Rule 6 of the labelling rules: a kind that is a skill, then its
        // examples, is met by any of them, the kind included.
        for line in [
            "NoSQL, e.g. Cassandra, MongoDB",
            "Experience with NoSQL databases (Cassandra, MongoDB)",
            "Knowledge of NoSQL, e.g. Cassandra or MongoDB",
            "databases (including \u{201c}NoSQL\u{201d}, e.g. Cassandra, MongoDB)",
        ] {
            assert_eq!(
                read(line),
                [vec!["NoSQL", "Cassandra", "MongoDB"]],
                "{line}"
            );
        }
        assert_eq!(
            read("Hands on experience with GitHub or other collaborative version control systems"),
            [vec!["GitHub", "Git"]]
        );
        // Not a kind: a platform's services, a language's libraries, a
        // list after its own kind ("MV* frameworks") are not examples of
        // the skill before them.
        assert_eq!(
            read("AWS (Lambda, Kinesis)"),
            [vec!["AWS"], vec!["AWS Lambda"], vec!["Amazon Kinesis"]]
        );
        assert_eq!(
            read("libraries (e.g., jQuery, MV* frameworks such as Backbone.js or Ember.js)"),
            [vec!["jQuery"], vec!["Backbone.js", "Ember.js"]]
        );
        assert_eq!(
            read("CI/CD, Jenkins and Docker"),
            [vec!["CI/CD"], vec!["Jenkins"], vec!["Docker"]]
        );
    }

    #[test]
    fn examples_in_brackets_after_a_kind_are_one_choice() {
        assert_eq!(
            read("Familiarity with vector stores (Pinecone, FAISS, Weaviate)"),
            [vec!["Pinecone", "FAISS", "Weaviate"]]
        );
        assert_eq!(
            read("Exposure to cloud platforms (AWS, Azure, GCP)"),
            [vec!["AWS", "Azure", "GCP"]]
        );
        // Joined by "and", of several categories, after a mixed kind, or
        // after the skill whose parts they are: each is asked.
        assert_eq!(
            read("native mobile development concepts and APIs (iOS and Android)"),
            [vec!["Mobile Development"], vec!["iOS"], vec!["Android"]]
        );
        assert_eq!(
            read("Backend (Node.js, PostgreSQL)"),
            [vec!["Node.js"], vec!["PostgreSQL"]]
        );
        assert_eq!(
            read("Proficiency in front-end technologies (HTML, CSS, JavaScript)"),
            [vec!["HTML"], vec!["CSS"], vec!["JavaScript"]]
        );
        assert_eq!(
            read("Security frameworks (SAST, DAST, Pentesting and WAF tuning)"),
            [
                vec!["SAST"],
                vec!["DAST"],
                vec!["Penetration Testing"],
                vec!["Web Application Firewall"]
            ]
        );
    }
}
