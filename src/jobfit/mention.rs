//! How one skill mention reads inside a work sentence: as work the person
//! did with it, or named apart from the work — a tool list run into the
//! bullet, a tag list, a rated sidebar entry, another party's system, the
//! subject of a course. `depth` asks these questions of every mention in a
//! work sentence; the answers are word patterns, and the word lists they
//! use (work verbs, tool labels, teaching words) are rubric data.

use crate::matching::MONTH_NAMES;
use crate::rubric::JobRules;
use crate::skills::SkillMention;

/// Whether a sentence holds one of the rubric's work verbs.
pub(super) fn has_work_verb(text: &str, rules: &JobRules) -> bool {
    words(text).any(|w| is_work_verb(w, rules))
}

/// Whether a mention in a work sentence is still named apart from the
/// work: in a labelled tool list, a list heading the bullet, a bracketed
/// tag list, a rated sidebar entry, another party's system, or the subject
/// of a course. (A sentence that is mostly tools is [`listed_among_tools`].)
pub(super) fn named_apart_from_work(
    text: &str,
    mention: &SkillMention,
    mentions: &[SkillMention],
    rules: &JobRules,
) -> bool {
    after_tool_label(text, mention, mentions, rules)
        || in_tools_before_colon(text, mention, mentions)
        || in_tag_brackets(text, mention)
        || in_tags_beside_a_pipe(text, mention, mentions)
        || in_tags_after_a_name(text, mention, mentions, rules)
        || in_bullet_row(text, mention)
        || rated(text, mention)
        || another_partys(text, mention)
        || taught_or_taken(text, mention, rules)
        || set_aside(text, mention, rules)
        || in_a_role_title(text, mention, rules)
        || the_teams(text, mention, rules)
        || points_to_a_link(text, mention, rules)
}

fn is_work_verb(word: &str, rules: &JobRules) -> bool {
    // A word already in lower case is not lowered again: most are, and
    // every word of every sentence that may name a skill is tried.
    let lower_already = word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic())
        && word.is_ascii();
    rules.work_verbs.contains(word)
        || (!lower_already && rules.work_verbs.contains(&word.to_lowercase()))
}

/// How many words before a mention [`taught_or_taken`] looks for a
/// teaching word.
const TEACHING_REACH: usize = 8;

/// Words that tie a teaching word to the subject it names: "courses on",
/// "teacher, in", "workshops covering".
/// "topics covered include", "curriculum included".
const SUBJECT_WORDS: [&str; 8] = [
    "on", "in", "about", "of", "covering", "include", "includes", "included",
];

/// Whether a mention names the subject of a course, class or workshop the
/// person taught or took — "delivery of training courses on … Python
/// development", "a teacher, in programming classes (Java, React)", "Held
/// workshops (e.g. ML in security)" — rather than work done with it. The
/// teaching word (`[job] teaching_words`) must come within reach before the
/// mention with no work verb in the past between ("teaching classes, including one
/// where we implemented SQLite" is work), and its subject must follow it at
/// once: a subject word, "(" or ":" within its next two words, so that "an
/// online course platform built with React" stays work.
fn taught_or_taken(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    let before: Vec<(usize, &str)> = word_spans(&text[..mention.start]).collect();
    let reach = before.len().saturating_sub(TEACHING_REACH);
    for i in (reach..before.len()).rev() {
        let (at, word) = before[i];
        // A work verb in the past is work done ("where we implemented");
        // other forms may name a subject ("workshops on secure coding").
        if word.ends_with("ed") && is_work_verb(word, rules) {
            return false;
        }
        let phrase_ends_here = i > 0
            && rules.teaching_phrases.iter().any(|(first, second)| {
                word.eq_ignore_ascii_case(second) && before[i - 1].1.eq_ignore_ascii_case(first)
            });
        if phrase_ends_here || rules.teaching_words.contains(&word.to_lowercase()) {
            let next: Vec<&str> = before[i + 1..].iter().take(2).map(|(_, w)| *w).collect();
            let second_word_at = before.get(i + 2).map_or(mention.start, |(at, _)| *at);
            let opens_subject = text[at + word.len()..second_word_at].contains(['(', ':']);
            return opens_subject
                || next
                    .iter()
                    .any(|w| SUBJECT_WORDS.contains(&w.to_lowercase().as_str()));
        }
    }
    false
}

/// How many words before a mention [`set_aside`] looks for an aside word.
const ASIDE_REACH: usize = 6;

/// Whether a word before the mention sets it aside from the person's work
/// — a future target ("a backend abstraction to allow future migration to
/// Postgres"), advocacy ("advocated for accessibility, performance and
/// security testing"), a system retired ("while decommissioning a Python
/// monolith"): an aside word (`[job] aside_words`) within reach before the
/// mention with no work verb between ("advocated for and built the Go
/// service" is work).
fn set_aside(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    // Words since the last aside word, while no work verb came after it.
    let mut since_aside: Option<usize> = None;
    for (_, word) in word_spans(&text[..mention.start]) {
        if rules
            .aside_words
            .iter()
            .any(|aside| word.eq_ignore_ascii_case(aside))
        {
            since_aside = Some(0);
        } else if let Some(n) = since_aside {
            // The word right after the aside word is the noun it
            // modifies, even when it reads as work ("future migration").
            since_aside = (n == 0 || !is_work_verb(word, rules)).then_some(n + 1);
        }
    }
    since_aside.is_some_and(|n| n < ASIDE_REACH)
}

/// Whether a mention is part of a role's title written in a sentence —
/// "Started as a data quality analyst", "joined as an AWS solutions
/// architect": "as a" or "as an" in the three words before it, and a role
/// word (`[job] role_words`) in the two words after. A title names the
/// job, not work shown with the skill.
fn in_a_role_title(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    let is_role = |w: &str| rules.role_words.iter().any(|r| w.eq_ignore_ascii_case(r));
    if !words(&text[mention.end..]).take(2).any(is_role) {
        return false;
    }
    let mut before = words(&text[..mention.start]).rev().take(4);
    let mut later = before.next();
    for earlier in before {
        if earlier.eq_ignore_ascii_case("as")
            && later.is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        {
            return true;
        }
        later = Some(earlier);
    }
    false
}

/// Words that name a link a part of a sentence points to.
const LINK_WORDS: [&str; 5] = ["link", "links", "url", "http", "https"];

/// Whether the mention's part of the passage — between full stops that
/// the sentence reader did not split at ("… in Graph-Inc. The git commit
/// information can be accessed from this link: https://…") — points to a
/// link and holds no work verb of its own: it tells where to look, not
/// work done, whatever the part before it did.
fn points_to_a_link(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    let start = text[..mention.start].rfind(". ").map_or(0, |i| i + 2);
    let end = text[mention.end..]
        .find(". ")
        .map_or(text.len(), |i| mention.end + i);
    let part = &text[start..end];
    words(part).any(|w| LINK_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l)))
        && !words(part).any(|w| is_work_verb(w, rules))
}

/// Determiners that make "team" the subject of a clause the person
/// speaks of as a manager: "My team used a blend of Spark, R and Python".
const TEAM_OWNERS: [&str; 3] = ["my", "our", "the"];

/// Whether the clause holding the mention opens with the team as its
/// subject and its verb right after ("My team used …", "Our team
/// adopted …"): the team's tools, named by its manager, not work the
/// person shows. "My team and I built …" and "the team's Go service" are
/// untouched.
fn the_teams(text: &str, mention: &SkillMention, rules: &JobRules) -> bool {
    let start = crate::matching::after_last(&text[..mention.start], |c| {
        matches!(c, '.' | ';' | '•' | ':')
    });
    let mut clause = words(&text[start..mention.start]);
    let (Some(owner), Some(team), Some(verb)) = (clause.next(), clause.next(), clause.next())
    else {
        return false;
    };
    TEAM_OWNERS.iter().any(|o| owner.eq_ignore_ascii_case(o))
        && (team.eq_ignore_ascii_case("team") || team.eq_ignore_ascii_case("teams"))
        && (is_work_verb(verb, rules) || verb.to_lowercase().ends_with("ed"))
}

/// Whether a mention is an item of a labelled tool list — "used
/// technologies: TypeScript, Node.js, Jest, Java", "Technology: Oracle
/// Warehouse Builder 10gR2, Oracle Pl-SQL, Java Spring" — that runs from a
/// tool label's colon (`[job] tool_labels`) to the mention through skills
/// alone (and "and"), or through short list items with no work verb (tools
/// the vocabulary does not know). Catches the list however much text the
/// layout ran in after it.
fn after_tool_label(
    text: &str,
    mention: &SkillMention,
    mentions: &[SkillMention],
    rules: &JobRules,
) -> bool {
    let Some(colon) = text[..mention.start].rfind(':') else {
        return false;
    };
    let labelled = words(&text[..colon])
        .last()
        .is_some_and(|w| rules.tool_labels.contains(&w.to_lowercase()));
    let only_skills_between = word_spans(&text[colon..mention.start]).all(|(at, word)| {
        let at = colon + at;
        mentions.iter().any(|m| (m.start..m.end).contains(&at)) || word.eq_ignore_ascii_case("and")
    });
    let short_items_between = list_items(&text[colon + 1..mention.start])
        .all(|item| is_short_item(item) && !words(item).any(|w| is_work_verb(w, rules)));
    labelled && (only_skills_between || short_items_between)
}

/// The fewest items a sentence must have to read as a flat list.
const MIN_FLAT_ITEMS: usize = 4;

/// Whether a sentence is a flat list of short phrases — "OpenAI API,
/// prompt engineering, lifecycle automation, content generation, data
/// enrichment" — rather than a sentence of work: [`MIN_FLAT_ITEMS`] or
/// more short items parted by commas, "&" or "and", most of them phrases
/// of two or more words, none opening with a work verb or a verb in the
/// past ("Designed, built and ran …", "Defined product UX, APIs, SQL
/// dialect, …" are work). The verb-like nouns of such lists ("prompt
/// engineering", "test automation") name topics, not work the person did.
pub(super) fn is_flat_list(text: &str, rules: &JobRules) -> bool {
    let opens_with_verb = |item: &str| {
        words(item)
            .next()
            .is_some_and(|w| is_work_verb(w, rules) || w.to_lowercase().ends_with("ed"))
    };
    let items: Vec<&str> = list_items(text).collect();
    // Most items are phrases: single words before one head noun ("Unit,
    // integration, regression and acceptance test suites") are one phrase.
    let phrases = items
        .iter()
        .filter(|item| words(item).nth(1).is_some())
        .count();
    items.len() >= MIN_FLAT_ITEMS
        && 2 * phrases > items.len()
        && items
            .iter()
            .all(|item| is_short_item(item) && !opens_with_verb(item))
}

/// Whether a list item is a name rather than a clause: at most
/// [`MAX_ITEM_WORDS`] words, not counting version numbers ("Oracle
/// Warehouse Builder 10gR2", "SQL Server 2008"; "a lot of HTML5" is four).
fn is_short_item(item: &str) -> bool {
    item.split_whitespace()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .count()
        <= MAX_ITEM_WORDS
}

/// The fewest items a list heading a bullet must have.
const MIN_HEADING_ITEMS: usize = 3;

/// The most words one item of such a list may have ("Java 21", "SQL
/// Server 2008", "Apache Camel").
const MAX_ITEM_WORDS: usize = 3;

/// Whether a mention is in a list of tools that heads its bullet before a
/// colon — "Commercetools, Akamai, Java 21, Apache Camel, Spring, Docker:
/// Contributed to the migration…", "JAVA, Struts, Maven, JSP & JBoss
/// Responsibilities: …". From the bullet's start (or the last sentence
/// break) to the colon there are three or more short items split by
/// commas, "&" or "and", at least half of them skills. The work after the
/// colon still shows the skills it names itself.
fn in_tools_before_colon(text: &str, mention: &SkillMention, mentions: &[SkillMention]) -> bool {
    let Some(colon) = text[mention.end..].find(':').map(|i| mention.end + i) else {
        return false;
    };
    let start = crate::matching::after_last(&text[..mention.start], |c| {
        matches!(c, '.' | ';' | '•' | ')')
    });
    list_items(&text[start..colon]).count() >= MIN_HEADING_ITEMS
        && is_tag_list(text, start, colon, mentions)
}

/// The items of a list: parted by commas, "&" or "and".
fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '&'])
        .flat_map(|item| item.split(" and "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// The most words a bracketed tag list holds.
const MAX_TAG_WORDS: usize = 6;

/// Whether a mention is in a short square-bracketed tag list after a
/// project or a title — "Secure by design corporate framework [Go,
/// Python]", "Cloud Security operations [Terraform, Vault]". Resumes use
/// square brackets for tags and links, not for prose; the tags name the
/// project's tools, not work shown with them.
fn in_tag_brackets(text: &str, mention: &SkillMention) -> bool {
    let Some(open) = text[..mention.start].rfind(['[', ']']) else {
        return false;
    };
    let Some(close) = text[mention.end..]
        .find(['[', ']'])
        .map(|i| mention.end + i)
    else {
        return false;
    };
    text[open..].starts_with('[')
        && text[close..].starts_with(']')
        && words(&text[open + 1..close]).count() <= MAX_TAG_WORDS
}

/// Whether `text[from..to]` is a tag list: two or more short items parted
/// by commas, "&" or "and" ("Telegram Bot API, k8s, OpenAI API,
/// PostgreSQL", "Django, SQLite, HTML/CSS"), at least half of them skills
/// as the mentions count them. A clause of prose has a long item.
fn is_tag_list(text: &str, from: usize, to: usize, mentions: &[SkillMention]) -> bool {
    let items: Vec<&str> = list_items(&text[from..to]).collect();
    let short = items
        .iter()
        .all(|item| item.split_whitespace().count() <= MAX_ITEM_WORDS);
    let skills = mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .count();
    items.len() >= 2 && short && 2 * skills >= items.len()
}

/// Whether a mention is in a tag list that a pipe parts from a project's
/// or a job's name — "AI Telegram bot for creating resumes | Telegram Bot
/// API, k8s, OpenAI API, PostgreSQL, latex 2024": the part between pipes
/// (or a pipe and the passage's end) that holds the mention is a tag list.
/// A part that holds the skill alone, or with a date ("… | Solidity,
/// Javascript, Truffle Suite | GitHub December 2021"), is a tag or a link's
/// label too. Pipes that part whole clauses ("Built the ledger in Go | Led
/// the migration") leave their parts long.
fn in_tags_beside_a_pipe(text: &str, mention: &SkillMention, mentions: &[SkillMention]) -> bool {
    let from = text[..mention.start].rfind('|').map(|i| i + 1);
    let to = text[mention.end..].find('|').map(|i| mention.end + i);
    if from.is_none() && to.is_none() {
        return false;
    }
    let (from, to) = (from.unwrap_or(0), to.unwrap_or(text.len()));
    let mut beside = words(&text[from..mention.start]).chain(words(&text[mention.end..to]));
    is_tag_list(text, from, to, mentions) || beside.all(is_date_word)
}

/// Words of a date on a resume: a number ("2021", "03/2020") or a month.
fn is_date_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.bytes().any(|b| b.is_ascii_digit())
        || lower == "present"
        || MONTH_NAMES.contains(&lower.as_str())
}

/// The most words a name before a parenthesised tag list may have
/// ("Landbank", "Web Engineer Intern", "Inventory sync for retail stores").
const MAX_NAME_WORDS: usize = 6;

/// Whether a mention is in a parenthesised tag list after a project's or a
/// title's name — "Landbank (Django, SQLite, HTML/CSS) March 2018 Designed
/// and implemented a Django-based website…", "Web Engineer Intern
/// (Vue.js, GraphQL, Django)": the parentheses hold a tag list, and what
/// comes before them, back to the passage's start or a sentence break, is
/// a short name with no work verb. Tools in parentheses after work
/// ("Built the checkout services (Go, gRPC)") stay work; the description
/// run on after the tags shows the skills it names itself.
fn in_tags_after_a_name(
    text: &str,
    mention: &SkillMention,
    mentions: &[SkillMention],
    rules: &JobRules,
) -> bool {
    let before = &text[..mention.start];
    let Some(open) = before
        .rfind(['(', ')'])
        .filter(|&i| before[i..].starts_with('('))
    else {
        return false;
    };
    let Some(close) = text[mention.end..]
        .find(['(', ')'])
        .map(|i| mention.end + i)
        .filter(|&i| text[i..].starts_with(')'))
    else {
        return false;
    };
    // Back to a sentence break only: after an earlier parenthesis or a
    // comma the sentence's work goes on ("…, code promotion process (Git
    // work flow)").
    let name_start =
        crate::matching::after_last(&text[..open], |c| matches!(c, '.' | ';' | '•' | '|'));
    let name = &text[name_start..open];
    is_tag_list(text, open + 1, close, mentions)
        && words(name).count() <= MAX_NAME_WORDS
        && !words(name).any(|w| is_work_verb(w, rules))
}

/// Bullets that part the items of a row written on one line.
const ROW_BULLETS: [char; 2] = ['•', '·'];

/// The most words one item of such a row may have ("integration
/// (messaging) design").
const MAX_ROW_ITEM_WORDS: usize = 4;

/// Whether a mention is an item of a row of short items parted by bullets
/// on one line — "Lambda (Java) • integration (messaging) design •
/// federated identity management •", a keywords row under a role — rather
/// than in a sentence: the passage has two bullets or more, and the
/// mention's item, from the bullet before it to the bullet after, is a few
/// words. Bullets that part whole sentences ("Built the billing API in Go
/// • Led the migration") leave their items long.
fn in_bullet_row(text: &str, mention: &SkillMention) -> bool {
    if text.matches(ROW_BULLETS).count() < 2 {
        return false;
    }
    let start = crate::matching::after_last(&text[..mention.start], |c| ROW_BULLETS.contains(&c));
    let end = text[mention.end..]
        .find(ROW_BULLETS)
        .map_or(text.len(), |i| mention.end + i);
    words(&text[start..end]).count() <= MAX_ROW_ITEM_WORDS
}

/// Glyphs a skills sidebar rates a skill with ("Go ●●●○○", "BASH ○○○○○").
const RATING_GLYPHS: &[char] = &[
    '●', '○', '◯', '⬤', '◉', '◎', '■', '□', '▪', '▫', '◼', '◻', '★', '☆', '◆', '◇',
];

/// Whether a mention is followed by a rating: a skills sidebar's entry
/// that the page's layout ran into a neighbouring bullet. A rated skill is
/// a skills list's, never work shown.
fn rated(text: &str, mention: &SkillMention) -> bool {
    text[mention.end..].trim_start().starts_with(RATING_GLYPHS)
}

/// Words a passive agent phrase opens with after "by": another party or
/// component, not the person ("supported by a Django backend").
const AGENT_DETERMINERS: [&str; 7] = ["a", "an", "the", "our", "their", "its", "another"];

/// How many words before a mention [`another_partys`] looks for "by".
const AGENT_REACH: usize = 4;

/// Whether a mention sits in a passive agent phrase — a participle, "by",
/// a determiner: "… written in TypeScript and supported by a Django,
/// Python backend", "maintained by the Kafka platform team". The skill
/// names what the person's work ran beside, not work they did with it.
/// "Cut costs by a third", "by moving to Redis" and "backed by Redis" (no
/// determiner: the person's own system) are untouched.
fn another_partys(text: &str, mention: &SkillMention) -> bool {
    let before: Vec<&str> = word_spans(&text[..mention.start])
        .map(|(_, word)| word)
        .collect();
    let reach = before.len().saturating_sub(AGENT_REACH);
    let Some(by) = (reach..before.len())
        .rev()
        .find(|&i| before[i].eq_ignore_ascii_case("by"))
    else {
        return false;
    };
    let participle = by
        .checked_sub(1)
        .is_some_and(|i| before[i].to_lowercase().ends_with("ed"));
    let determiner = before
        .get(by + 1)
        .is_some_and(|w| AGENT_DETERMINERS.contains(&w.to_lowercase().as_str()));
    participle && determiner
}

/// Items after (or before) a mention that [`listed_among_tools`] looks at.
const WINDOW: usize = 5;

/// For each mention (left to right), whether it is named among tools
/// rather than in work: the whole sentence is mostly skill names (two or
/// more with hardly another word: "Tech used: Go, Kafka, Redis", "Worked
/// with Go, Kafka, Postgres and gRPC"), or the run of words it starts or
/// ends is (six items, itself included, with four or more skills and at
/// most one other word: a skills line the layout ran into a bullet). "Built
/// with Python, Flask, MongoDB, and NodeJS" still shows its tools. A
/// mention in a row of three or more skills parted by spaces and
/// capitalised names alone ("Refactoring PostgreSQL Git GitHub Actions
/// IntelliJ", "Legacy code GitHub Actions IntelliJ IDEA Windows Linux SQL
/// Server") is a tag row the layout ran in, too: prose parts its tools
/// with commas or lower-case words. Naming tools is not showing work with
/// them.
pub(super) fn listed_among_tools(text: &str, mentions: &[SkillMention]) -> Vec<bool> {
    let in_tag_row = in_tag_rows(text, mentions);
    let items = skills_and_words(text, mentions);
    let skills = items.iter().filter(|&&skill| skill).count();
    let words = items.len() - skills;
    let whole = skills >= 2 && words <= skills + 1;
    let positions: Vec<usize> = (0..items.len()).filter(|&i| items[i]).collect();
    positions
        .iter()
        .map(|&p| {
            let dense = |run: &[bool]| {
                let skills = run.iter().filter(|&&skill| skill).count();
                skills >= 4 && run.len() - skills <= 1
            };
            let before = &items[p.saturating_sub(WINDOW)..=p];
            let after = &items[p..(p + WINDOW + 1).min(items.len())];
            whole || dense(before) || dense(after)
        })
        .zip(in_tag_row)
        .map(|(among, row)| among || row)
        .collect()
}

/// The fewest skills a tag row must have.
const MIN_SPACED_ROW: usize = 3;

/// The most words a tag row may hold between two of its skills ("GitHub
/// Actions IntelliJ IDEA Windows Linux": tools the vocabulary does not
/// know; "Azure OPERATING SYSTEMS Windows 11 Windows 10 Ubuntu": a
/// sidebar's labels and entries).
const MAX_ROW_GAP_WORDS: usize = 6;

/// Words that make a run of capitalised words prose written in title case
/// ("Built Java Services With Kafka And Postgres"), never a tag row.
const TITLE_CASE_LINKS: [&str; 16] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "the", "to",
    "using", "with",
];

/// For each mention, whether it is in a tag row: [`MIN_SPACED_ROW`] or
/// more mentions with nothing between neighbours but spaces and at most
/// [`MAX_ROW_GAP_WORDS`] capitalised words or version numbers — "Java
/// Spring Maven", "GitHub Actions IntelliJ IDEA Windows Linux SQL Server",
/// "Heroku Azure OPERATING SYSTEMS Windows 11 Ubuntu". Prose parts its
/// tools with commas or lower-case words ("with", "and", "the"). In a text
/// with no lower-case letter at all (a résumé written in capitals) only
/// spaces part a row.
fn in_tag_rows(text: &str, mentions: &[SkillMention]) -> Vec<bool> {
    let mixed_case = text.chars().any(char::is_lowercase);
    let parted_as_tags = |a: &SkillMention, b: &SkillMention| {
        let gap = &text[a.end..b.start];
        if gap.is_empty() || !gap.starts_with(char::is_whitespace) {
            return false;
        }
        // Spaces alone always part a row; names only in a mixed-case text.
        let mut words = 0;
        gap.split_whitespace().all(|word| {
            words += 1;
            mixed_case && words <= MAX_ROW_GAP_WORDS && is_tag_word(word)
        })
    };
    let mut in_row = vec![false; mentions.len()];
    let mut start = 0;
    for end in 1..=mentions.len() {
        if end == mentions.len() || !parted_as_tags(&mentions[end - 1], &mentions[end]) {
            if end - start >= MIN_SPACED_ROW {
                in_row[start..end].fill(true);
            }
            start = end;
        }
    }
    in_row
}

/// A word a tag row may hold beside its skills: a capitalised name
/// ("IntelliJ", "IDEA", "Windows") or a version ("11", "3.4"), with no
/// punctuation that would make it prose or a list, and no title-cased
/// link word.
fn is_tag_word(word: &str) -> bool {
    let name = word.starts_with(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "+#-".contains(c))
        && !TITLE_CASE_LINKS
            .iter()
            .any(|link| word.eq_ignore_ascii_case(link));
    let version = word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !word.ends_with('.');
    name || version
}

/// The sentence as a run of items, `true` for a skill mention (once,
/// however many words it spans) and `false` for any other word.
fn skills_and_words(text: &str, mentions: &[SkillMention]) -> Vec<bool> {
    let mut items = Vec::new();
    let mut next_mention = mentions.iter().peekable();
    for (start, _) in word_spans(text) {
        while next_mention.next_if(|m| m.start <= start).is_some() {
            items.push(true);
        }
        if !mentions.iter().any(|m| (m.start..m.end).contains(&start)) {
            items.push(false);
        }
    }
    items.extend(next_mention.map(|_| true));
    items
}

/// Each word holding a letter, with its byte offset.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| !c.is_alphanumeric())
        .scan(0usize, |offset, piece| {
            let start = *offset;
            *offset += piece.len();
            let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
            Some((start, word))
        })
        .filter(|(_, word)| word.chars().any(char::is_alphabetic))
}

/// The words of a text, split at anything not a letter, digit or
/// apostrophe.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::Vocabulary;

    /// The vocabulary's mention of `skill` as written in `text`.
    fn mention_of(vocab: &Vocabulary, text: &str, skill: &str) -> SkillMention {
        let start = text.find(skill).expect("skill in text");
        vocab
            .find(text)
            .into_iter()
            .find(|m| m.start == start)
            .unwrap_or_else(|| panic!("{skill} found in {text:?}"))
    }

    /// The default rubric's `[job]` rules.
    fn default_rules() -> JobRules {
        crate::rubric::load_default()
            .expect("the default rubric loads")
            .job
            .expect("the default rubric has [job]")
    }

    /// Each mention of `text` as written, with whether it is listed among
    /// tools.
    fn listed_by_name(text: &str) -> Vec<(&str, bool)> {
        let ms = Vocabulary::builtin().find(text);
        let listed = listed_among_tools(text, &ms);
        ms.iter()
            .zip(listed)
            .map(|(m, l)| (&text[m.start..m.end], l))
            .collect()
    }

    /// Every text names two skills or more and lists them all (`true`) or
    /// none of them (`false`).
    fn assert_all_listed(texts: &[&str], listed: bool) {
        for text in texts {
            let by_name = listed_by_name(text);
            assert!(by_name.len() >= 2, "{text}: {by_name:?}");
            assert!(
                by_name.iter().all(|&(_, l)| l == listed),
                "{text}: {by_name:?}"
            );
        }
    }

    #[test]
    fn a_list_of_tools_is_not_work() {
        assert_all_listed(
            &[
                "Technologies used: Go, Kafka, Postgres",
                "Worked with Go, Kafka, PostgreSQL and gRPC",
                "Tools used: Docker, Kubernetes",
                "Spring Boot Hibernate Liquibase JUnit Mockito Maven GCP Kubernetes Legacy code Refactoring PostgreSQL Git",
            ],
            true,
        );
        assert_all_listed(
            &[
                "Built a Go service that streams Kafka events into Postgres",
                "Migrated billing from Ruby to Go, cutting p99 latency by half",
                "Developed high-throughput marketplace microservices with Apache Kafka & FastAPI, migrating the legacy Django monolith to FastAPI",
                "Built with Python, Flask, MongoDB, and NodeJS, and deployed on Kubernetes in an on-premise environment.",
            ],
            false,
        );
    }

    #[test]
    fn a_tool_list_after_a_bullet_glyph_heads_its_bullet() {
        let vocab = Vocabulary::builtin();
        let text = "Led • Go, Kafka, Redis: built the ledger service";
        let m = mention_of(vocab, text, "Kafka");
        assert!(in_tools_before_colon(text, &m, &vocab.find(text)));
    }

    #[test]
    fn a_row_of_skills_parted_by_spaces_alone_is_a_tag_row() {
        let by_name = listed_by_name(
            "Led the rewrite of the order service; Refactoring PostgreSQL Git GitHub Actions IntelliJ Corrective maintenance of the billing back end",
        );
        assert!(by_name.contains(&("GitHub Actions", true)), "{by_name:?}");
        assert!(by_name.contains(&("PostgreSQL", true)), "{by_name:?}");
        // Two skills side by side, or skills parted by words, stay work.
        assert_all_listed(
            &[
                "Wrote Python Kafka consumers for the billing pipeline",
                "Built the React front end, a Node API and Postgres storage",
            ],
            false,
        );
    }

    #[test]
    fn an_item_of_a_bullet_row_is_named_apart_from_work() {
        let vocab = Vocabulary::builtin();
        let rules = default_rules();
        let apart = |text: &str, skill: &str| {
            let m = mention_of(vocab, text, skill);
            named_apart_from_work(text, &m, &vocab.find(text), &rules)
        };
        assert!(apart(
            "Lambda (Java) • integration (messaging) design • federated identity management •",
            "Lambda"
        ));
        assert!(apart("Kafka • event sourcing design • CQRS", "Kafka"));
        // Whole sentences parted by bullets, or one bullet, are work.
        assert!(!apart(
            "Built the billing API in Go for the payments team • Led the migration of the ledger to Kafka",
            "Kafka"
        ));
        assert!(!apart("• Designed the ingestion service on Kafka", "Kafka"));
    }

    #[test]
    fn a_tool_line_run_into_a_bullet_lists_its_tools_only() {
        let by_name = listed_by_name(
            "Java Spring Boot Hibernate Liquibase JUnit Mockito Maven GCP Kubernetes Legacy code Corrective maintenance of the billing back end, where I migrated the invoice store to PostgreSQL",
        );
        assert!(by_name.contains(&("Kubernetes", true)), "{by_name:?}");
        assert!(by_name.contains(&("PostgreSQL", false)), "{by_name:?}");
    }

    #[test]
    fn a_labelled_tool_list_lists_its_tools_however_it_ends() {
        let rules = default_rules();
        let text = "Built an IDE plugin; used technologies: TypeScript, Node.js, Jest, Java Replaced license keys with floating licenses in Go";
        let ms = Vocabulary::builtin().find(text);
        let by_name: Vec<(&str, bool)> = ms
            .iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    after_tool_label(text, m, &ms, &rules),
                )
            })
            .collect();
        for tool in ["TypeScript", "Node.js", "Jest", "Java"] {
            assert!(by_name.contains(&(tool, true)), "{tool}: {by_name:?}");
        }
        assert!(by_name.contains(&("Go", false)), "{by_name:?}");
        let work = "Migrated the ledger: Kafka consumers in Go replaced the cron jobs";
        let ms = Vocabulary::builtin().find(work);
        assert!(ms.iter().all(|m| !after_tool_label(work, m, &ms, &rules)));
    }

    #[test]
    fn a_skill_alone_beside_a_pipe_is_a_tag() {
        let beside_pipe = |text: &str, skill: &str| {
            let ms = Vocabulary::builtin().find(text);
            let m = ms.iter().find(|m| &text[m.start..m.end] == skill).unwrap();
            in_tags_beside_a_pipe(text, m, &ms)
        };
        let text =
            "Token built on Ethereum | Solidity, Javascript, Truffle Suite | GitHub December 2021";
        assert!(beside_pipe(text, "GitHub"));
        assert!(beside_pipe("Payments service | Kafka | 2021", "Kafka"));
        let work = "Built the ledger in Go | Led the migration to Kafka";
        assert!(!beside_pipe(work, "Go"));
        assert!(!beside_pipe(work, "Kafka"));
    }

    #[test]
    fn a_flat_list_of_phrases_is_no_work_sentence() {
        let rules = default_rules();
        assert!(is_flat_list(
            "OpenAI API, prompt engineering, lifecycle automation, content generation, data enrichment",
            &rules
        ));
        assert!(!is_flat_list(
            "Designed, built, tested and ran the Kafka ingest in Go",
            &rules
        ));
        assert!(!is_flat_list(
            "Defined product UX, APIs, SQL dialect, open source license & business model",
            &rules
        ));
        assert!(!is_flat_list(
            "Unit, integration, regression, penetration, performance and acceptance test suites",
            &rules
        ));
        assert!(!is_flat_list(
            "Built the ledger in Go, Kafka consumers for payouts, and the Postgres schema",
            &rules
        ));
    }

    #[test]
    fn a_labelled_tool_list_may_name_tools_the_vocabulary_lacks() {
        let rules = default_rules();
        let listed = |text: &str, skill: &str| {
            let ms = Vocabulary::builtin().find(text);
            let m = ms.iter().find(|m| &text[m.start..m.end] == skill).unwrap();
            after_tool_label(text, m, &ms, &rules)
        };
        let text = "Technology: Oracle Warehouse Builder 10gR2, Oracle Pl-SQL, Java Spring (Batch Framework), XML Role: Service Support Analyst";
        assert!(listed(text, "Java"));
        // A clause between the label and the skill is work, not a list.
        let work = "Tools: Jira, and we migrated the billing service to Java";
        assert!(!listed(work, "Java"));
    }

    #[test]
    fn a_rated_skill_is_a_sidebars() {
        let text = "Nvidia CUDA ○○○○○ Delivered a React webshop with a Go backend, BASH ●●○○○ expanding the API.";
        let ms = Vocabulary::builtin().find(text);
        let by_name: Vec<(&str, bool)> = ms
            .iter()
            .map(|m| (&text[m.start..m.end], rated(text, m)))
            .collect();
        assert!(by_name.contains(&("BASH", true)), "{by_name:?}");
        assert!(by_name.contains(&("React", false)), "{by_name:?}");
        assert!(by_name.contains(&("Go", false)), "{by_name:?}");
    }

    #[test]
    fn a_passive_agent_names_another_partys_work() {
        let vocab = Vocabulary::builtin();
        let agent = |text: &str, skill: &str| another_partys(text, &mention_of(vocab, text, skill));
        let context =
            "Angular-based, written in TypeScript and supported by a Django, Python backend.";
        assert!(agent(context, "Django"));
        assert!(agent(context, "Python"));
        assert!(!agent(context, "TypeScript"));
        assert!(agent(
            "Built the billing UI, maintained by the Kafka platform team",
            "Kafka"
        ));
        assert!(!agent(
            "Cut hosting costs by a third by moving caching to Redis",
            "Redis"
        ));
        assert!(!agent("Built a job queue backed by Redis", "Redis"));
        assert!(!agent(
            "Reduced costs by a third using AWS Lambda",
            "AWS Lambda"
        ));
    }

    #[test]
    fn a_course_taught_or_taken_is_not_work_with_its_subject() {
        let vocab = Vocabulary::builtin();
        let rules = default_rules();
        let taught = |text: &str, skill: &str| {
            taught_or_taken(text, &mention_of(vocab, text, skill), &rules)
        };
        let courses = "Writing of documentation and delivery of training courses on GNU/Linux administration, Python development and Plone.";
        assert!(taught(courses, "Python"));
        assert!(taught(
            "Worked as a teacher, in programming classes (Java, JavaScript, React)",
            "React"
        ));
        assert!(taught(
            "Held workshops (e.g., secure coding, fuzzing, ML in security)",
            "ML"
        ));
        assert!(taught(
            "Supported AI Bootcamp curriculum development on Agentic AI and LLMs",
            "LLMs"
        ));
        // Work done inside the teaching, and a course as the thing built.
        assert!(!taught(
            "Assisted teaching classes, including one where we implemented SQLite from scratch in Python 3",
            "Python"
        ));
        assert!(!taught(
            "Built an online course platform with React and Node.js",
            "React"
        ));
        assert!(!taught(
            "Ran model training on Kubernetes clusters",
            "Kubernetes"
        ));
    }

    #[test]
    fn a_list_of_tools_heading_a_bullet_is_not_work() {
        let vocab = Vocabulary::builtin();
        let heads = |text: &str| -> Vec<(String, bool)> {
            let ms = vocab.find(text);
            ms.iter()
                .map(|m| {
                    (
                        text[m.start..m.end].to_string(),
                        in_tools_before_colon(text, m, &ms),
                    )
                })
                .collect()
        };
        let text = "Commercetools, Akamai, Java 21, Apache Camel, Ansible, Hybris, Spring, Docker: Contributed to the migration from Legacy Hybris to Docker.";
        let found = heads(text);
        assert!(found.contains(&("Ansible".into(), true)), "{found:?}");
        assert!(found.contains(&("Docker".into(), false)), "{found:?}");
        let found = heads(
            "JAVA, Struts, Maven, JSP, SQL Server 2008 & JBoss Responsibilities: Analysing system requirements",
        );
        assert!(found.iter().all(|(_, listed)| *listed), "{found:?}");
        // Work that names its tools, then a colon further on.
        let found = heads(
            "Built the billing service with Go, Kafka and Postgres, in three stages: design, rollout, cleanup",
        );
        assert!(found.iter().all(|(_, listed)| !listed), "{found:?}");
    }

    #[test]
    fn a_bracketed_tag_list_is_not_work() {
        let vocab = Vocabulary::builtin();
        let tagged = |text: &str| -> Vec<(String, bool)> {
            vocab
                .find(text)
                .iter()
                .map(|m| (text[m.start..m.end].to_string(), in_tag_brackets(text, m)))
                .collect()
        };
        let found =
            tagged("Built the secure by design corporate framework [Go, Python] used by 40 teams");
        assert!(found.iter().all(|(_, tag)| *tag), "{found:?}");
        let found = tagged("Migrated billing [phase 2] from Ruby to Go");
        assert!(found.iter().all(|(_, tag)| !tag), "{found:?}");
    }

    #[test]
    fn words_are_found_at_their_byte_offsets() {
        let text = "Built—the ’Go’ API in Kafka";
        let spans: Vec<(usize, &str)> = word_spans(text).collect();
        for (start, word) in &spans {
            assert_eq!(&text[*start..*start + word.len()], *word);
        }
        assert_eq!(spans.len(), 6);
    }

    #[test]
    fn one_skill_is_never_a_list() {
        let text = "Kafka";
        let mentions = Vocabulary::builtin().find(text);
        assert_eq!(mentions.len(), 1);
        assert_eq!(listed_among_tools(text, &mentions), [false]);
    }
}
