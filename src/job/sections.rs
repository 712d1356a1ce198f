//! The parts of a job posting: which lines are headings and what each
//! heading's section is for (requirements, nice-to-haves, the team's stack,
//! the duties, the company, the benefits).
//!
//! Takes the posting's lines; gives each line with the kind of section it
//! sits in. A heading is a line the extractor marked (a Markdown `#`, a
//! DOCX heading style, a larger PDF font), or a short line that ends with a
//! colon or names a known section ("Requirements", "Nice to have"). A line
//! such as "Requirements: Go, Kafka" is a heading and its content at once;
//! so is a short line naming a section that opens a list ("This role
//! requires", "Bonus points if you have") and a list item "Preferred
//! skills:" that opens a nested list. Emoji around a heading and an aside
//! in brackets after it ("⭐️ Is this you?", "Our Tech Stack (you don't
//! have to know all of it):") do not hide its kind. Hard-wrapped lines are
//! joined back into their sentence first. The words are English and fixed
//! here, as the resume's section words are in `segment`.

use std::borrow::Cow;

use crate::document::{Line, SectionHint};

/// What a section of a posting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Before the first heading: the title and an opening paragraph.
    Opening,
    Required,
    Nice,
    /// "Our stack", "Technologies": what the team uses.
    Stack,
    /// "Responsibilities", "What you'll do".
    Duties,
    /// "About us", "Who we are": the company.
    About,
    /// "Benefits", "What we offer", how to apply, equal opportunity.
    Benefits,
    /// A heading of no known kind.
    Other,
}

/// Heading words by kind, tried in this order: the first kind with a
/// phrase in the heading wins, so "Preferred qualifications" is `Nice`
/// before "qualifications" makes it `Required`.
const HEADINGS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Benefits,
        &[
            "benefits",
            "perks",
            "what we offer",
            "we offer",
            "compensation",
            "salary",
            "pay range",
            "what's in it for you",
            "how to apply",
            "to apply",
            "application process",
            "interview process",
            "hiring process",
            "equal opportunity",
            "equal employment",
            "eeo",
            "diversity",
            "inclusion",
            "location",
            "our offer",
            "why you'll love",
            // A level ladder or career framework appended after the
            // posting says what each level does, not what this opening
            // asks ("Leveling of Site Reliability Engineering").
            "leveling",
            "levelling",
            "career ladder",
            "career framework",
            "career path",
            "career progression",
        ],
    ),
    (
        SectionKind::Nice,
        &[
            "nice to have",
            "nice-to-have",
            "nice to haves",
            "nice-to-haves",
            "bonus",
            "preferred",
            "pluses",
            "plus",
            "extra credit",
            "good to have",
            "great to have",
            "great to haves",
            "desirable",
            "desired",
            "ideally",
            "would be great",
            "even better",
            "sets you apart",
            "brownie points",
            "bonus points",
            "icing on the cake",
            "cherry on top",
            "additional qualifications",
            "not required",
            "optional",
            "stand out",
            "great if",
            "we'd love",
            "we would love",
            "would be nice",
            "it's a plus",
            "is a plus",
            "hope you",
            "we hope",
            "we prefer",
            // "Strong candidates may also have experience with:"
            "may also have",
            // "Helpful Knowledge and Experience": what helps is a plus.
            "helpful",
            // "Beneficial Skills", "It would be good if you have experience
            // with most of the following:".
            "beneficial",
            "would be good",
            // A site's front matter key "nicehave:".
            "nicehave",
        ],
    ),
    (
        SectionKind::Required,
        &[
            "requirements",
            // "JOB REQUIREMENT" over the list, in the singular.
            "requirement",
            "required",
            "requires",
            // "Position Specifications", "Person specification" (what a
            // UK posting calls its requirements).
            "specifications",
            "specification",
            "skillset",
            "skill set",
            "qualifications",
            "must have",
            "must-have",
            "must haves",
            "must-haves",
            "what you'll need",
            "what you will need",
            "what you need",
            "what we're looking for",
            "what we look for",
            "who we look for",
            "what we are looking for",
            "who we're looking for",
            "who we are looking for",
            "who you are",
            "you have",
            "you should have",
            "about you",
            "your profile",
            "professional profile",
            "required skills",
            "skills and experience",
            "skills & experience",
            "what you bring",
            "what you'll bring",
            "you bring",
            "you'll bring",
            "ideal candidate",
            "essential",
            "essentials",
            "competencies",
            "your background",
            "need to have",
            "your skills",
            "your experience",
            "you are",
            "you're",
            "we expect",
            "what it takes",
            "key skills",
            "technical skills",
            "skills",
            "experience",
            // "### Education" in a posting: the degree and the years asked
            // with it ("MS degree … with +5 years of relevant experience").
            "education",
            "what we need",
            "we're looking for",
            "we are looking for",
            "looking for",
            "prerequisites",
            "you will have",
            "you'll have",
            "you might be a fit",
            "be a fit",
            "good fit",
            "great fit",
            "is this you",
            "apply if",
            // "You will be successful in this position if you", "To be
            // successful in this role, you need"
            "be successful",
            "you will bring",
            "minimum",
            "we like",
            // "We're interested in people who:": the person sought.
            "people who",
            "someone who",
            "candidates who",
            // "All candidates will be evaluated based on their
            // experiences:", "We'll evaluate you based on:"
            "evaluated",
            "evaluate you",
            "experiences",
        ],
    ),
    (
        SectionKind::Stack,
        &[
            "our stack",
            "tech stack",
            "technology stack",
            "technologies",
            "our technology",
            "tools we use",
            "the stack",
            "stack",
            "our tools",
            "tech we use",
            "tools and technologies",
            "tooling",
            // "Technical Stack & Tools".
            "tools",
        ],
    ),
    (
        SectionKind::Duties,
        &[
            "responsibilities",
            "what you'll do",
            "what you will do",
            "what you'd do",
            // "You can expect to:" over what the engineer will do.
            "you can expect to",
            "you will be expected to",
            "you'll be expected to",
            "the role",
            "about the role",
            "about this role",
            "about this position",
            "this role",
            "your role",
            "in this role",
            "day to day",
            "day-to-day",
            "what you'll work on",
            "what you will work on",
            "your mission",
            "you will",
            "you'll",
            "the job",
            "duties",
            "your impact",
            "what you'll be doing",
            "what you will be doing",
            "the work",
            "the position",
            "about the position",
            "the opportunity",
            "about the job",
            "job description",
            "overview",
            "summary",
            "what we're building",
            "the challenge",
            "outcomes",
            "key outcomes",
            "responsible for",
            "objectives",
            "projects",
            "mission",
            // "### Role" over what the engineer will work on.
            "role",
        ],
    ),
    (
        SectionKind::About,
        &[
            "about us",
            "about the company",
            "who we are",
            "company",
            "our team",
            "the team",
            "about the team",
            "our mission",
            "why join",
            "why us",
            "culture",
            "our values",
            "values",
            "life at",
            "about ",
        ],
    ),
];

/// The most words a line may have to be taken for a heading.
const MAX_HEADING_WORDS: usize = 9;

/// One line of the posting in its section.
#[derive(Debug, Clone)]
pub struct PostingLine {
    /// The content, without a heading that opened the line
    /// ("Requirements: Go, Kafka" → "Go, Kafka"); empty for a heading.
    pub text: String,
    /// The line as written, for quotes.
    pub original: String,
    pub section: SectionKind,
    /// Whether this line is (or opens with) a heading.
    pub heading: bool,
}

/// Every line of the posting with the section it sits in. A line that
/// carries on the sentence of the line before (hard-wrapped text: "…
/// requires knowledge of containers," / "C#, Python, HTML, and
/// JavaScript.") is joined to it first.
pub fn sections(lines: &[Line]) -> Vec<PostingLine> {
    let lines = join_wrapped(&without_html(&without_front_matter(
        &without_metadata_header(lines),
    )));
    let mut current = SectionKind::Opening;
    // The last Markdown heading of a known kind, with its level: "### AWS
    // Cloud Services" under "## Required Technical Skills" is a part of it.
    let mut parent: Option<(u8, SectionKind)> = None;
    let mut out = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if let Some((kind, rest)) = inline_heading(text) {
            // "Tools: Experience with version control (e.g., Git)" inside
            // the requirements names what is asked, not the team's stack.
            let kind = match (kind, current) {
                (SectionKind::Stack, SectionKind::Required | SectionKind::Nice) => current,
                _ => kind,
            };
            current = kind;
            out.push(PostingLine {
                text: rest.to_string(),
                original: text.to_string(),
                section: kind,
                heading: true,
            });
            continue;
        }
        // "**If You Got It - We Want It**" over "Proven track record of…",
        // "Strong knowledge of…": a bold heading of no known kind, outside
        // the requirements, that opens a list asking something of the
        // candidate introduces the requirements.
        if !matches!(current, SectionKind::Required | SectionKind::Nice)
            && unnamed_heading(line)
            && list_asks(&lines[index + 1..])
        {
            current = SectionKind::Required;
            out.push(PostingLine {
                text: String::new(),
                original: text.to_string(),
                section: current,
                heading: true,
            });
            continue;
        }
        if is_heading(line, current) || introduces_list(line, lines.get(index + 1), current) {
            let heading = without_aside(text);
            let level = match line.section_hint {
                Some(SectionHint::MarkdownHeading(level)) => Some(level),
                _ => None,
            };
            let within_parent = parent
                .filter(|&(parent_level, _)| level.is_some_and(|l| l > parent_level))
                .map(|(_, kind)| kind);
            // "Advanced (preferred) qualifications": a plus in a short aside
            // qualifies the whole heading.
            let kind = if aside_is_a_plus(text) {
                Some(SectionKind::Nice)
            } else {
                heading_kind(&heading)
            };
            // "### Advanced Experience" or "### Specialized Skills" under
            // "## Preferred Qualifications": a part of the plus, unless it
            // says itself that it is required; the plus stays the parent of
            // the headings after it ("### Machine Learning Infrastructure").
            let part_of_the_plus = kind == Some(SectionKind::Required)
                && within_parent == Some(SectionKind::Nice)
                && !says_required(&heading);
            let kind = if part_of_the_plus {
                Some(SectionKind::Nice)
            } else {
                kind
            };
            current = match kind {
                // "Technical Competencies:" / "Proficient with the
                // following technologies:": a lead-in that asks, inside the
                // requirements, names what is asked, not the team's stack.
                Some(SectionKind::Stack) if current == SectionKind::Required && asks(&heading) => {
                    SectionKind::Required
                }
                // "# Full Stack Engineer (Intern)": the posting's first line
                // is its title unless it is only a section's name.
                Some(_) if index == 0 && !exact_heading(&strip_decoration(&heading)) => {
                    SectionKind::Opening
                }
                // "Essential Functions" over "Strong coding ability in
                // Java", "Strong knowledge of CI/CD tools", …: a duties
                // heading over a list that asks heads requirements.
                Some(SectionKind::Duties) if items_open_asking(&lines[index + 1..]) => {
                    SectionKind::Required
                }
                Some(kind) => kind,
                // "Bonus points" then "Hands-on:": a heading of no known
                // kind straight after a known one is a part of its section.
                // (Not after the title, whatever words it has.)
                // "Technologies We Frequently Use" / "Front-end" / … /
                // "Back-end": a short heading of no known kind inside the
                // stack names a part of the stack.
                None if current == SectionKind::Stack
                    && heading.split_whitespace().count() <= 3 =>
                {
                    SectionKind::Stack
                }
                // A deeper Markdown heading of no known kind is a part of
                // the known section above it, however many items came
                // between ("### Node.js" … "### AWS Cloud Services").
                None if let Some(kind) = within_parent => kind,
                None => match out.last() {
                    Some(PostingLine {
                        heading: true,
                        section:
                            section @ (SectionKind::Required
                            | SectionKind::Nice
                            | SectionKind::Stack
                            | SectionKind::Duties),
                        ..
                    }) if out.len() > 1 => *section,
                    // "Some familiarity and understanding of the following
                    // tools:": a heading of no known kind that names what
                    // the candidate knows heads what is asked.
                    _ if names_knowing(&heading) => SectionKind::Required,
                    _ => SectionKind::Other,
                },
            };
            if let Some(level) = level
                && !part_of_the_plus
            {
                if kind.is_some() {
                    parent = Some((level, current));
                } else if within_parent.is_none() {
                    parent = None;
                }
            }
            out.push(PostingLine {
                text: String::new(),
                original: text.to_string(),
                section: current,
                heading: true,
            });
            continue;
        }
        out.push(PostingLine {
            text: text.to_string(),
            original: text.to_string(),
            section: current,
            heading: false,
        });
    }
    out
}

/// A line set as a heading (all in bold, or a Markdown heading) that
/// names no known kind of section and ends no sentence.
fn unnamed_heading(line: &Line) -> bool {
    let text = strip_decoration(&line.text);
    let words = text.split_whitespace().count();
    !is_bullet(&line.text)
        && (all_bold(&line.text) || line.section_hint.is_some())
        && (1..=MAX_HEADING_WORDS).contains(&words)
        && !text.ends_with(['.', ',', ';'])
        && heading_kind(&without_aside(&text)).is_none()
}

/// Whether the list at the start of `rest` asks something of the
/// candidate: at least three items, two in three of them asking ("Proven
/// track record of", "Extensive experience in", "Strong knowledge of",
/// "5+ years"), where a list of duties ("Drive the technical direction",
/// "Mentor junior engineers") asks in one item at most.
fn list_asks(rest: &[Line]) -> bool {
    let items: Vec<&Line> = rest.iter().take_while(|l| is_bullet(&l.text)).collect();
    let asking = items.iter().filter(|l| asks(&l.text)).count();
    items.len() >= 3 && asking * 3 >= items.len() * 2
}

/// Whether the list at the start of `rest` is requirements whatever its
/// heading says: at least three items, half or more of them opening with
/// what the candidate has ("4+ years of…", "Strong knowledge of…",
/// "Experience with…", "Familiarity with…"), where duties open with what
/// the engineer will do ("Develop…", "Share your knowledge…").
fn items_open_asking(rest: &[Line]) -> bool {
    const OPENINGS: &[&str] = &[
        "experience",
        "experienced",
        "knowledge",
        "familiarity",
        "familiar",
        "proficiency",
        "proficient",
        "expertise",
        "expert",
        "understanding",
        "strong",
        "solid",
        "good",
        "deep",
        "excellent",
        "proven",
        "extensive",
        "ability",
        "able",
        "has",
        "comfortable",
        "fluent",
        "fluency",
        "hands-on",
        "background",
    ];
    let items: Vec<&str> = rest.iter().map_while(|l| item_text(&l.text)).collect();
    let opens_asking = |item: &str| {
        strip_decoration(item).starts_with(|c: char| c.is_ascii_digit())
            || opens_with(item, OPENINGS)
    };
    let asking = items.iter().filter(|item| opens_asking(item)).count();
    items.len() >= 3 && asking * 2 >= items.len()
}

/// A line that trails off ("You Will ...", "…, if …") without its dots.
pub(super) fn without_trailing_dots(text: &str) -> Option<&str> {
    text.strip_suffix("...")
        .or_else(|| text.strip_suffix('…'))
        .map(str::trim_end)
}

/// Whether a line is an item of a list.
pub fn is_bullet(text: &str) -> bool {
    item_text(text).is_some()
}

/// A list item's text after its marker ("- Go", "• Go", "2) Go", "1. Go"
/// → "Go"); `None` for a line that is no item ("**Bold**" is none).
fn item_text(text: &str) -> Option<&str> {
    let raw = text.trim_start();
    if raw.starts_with("**") {
        return None;
    }
    if let Some(rest) = raw.strip_prefix(['-', '•', '·', '▪', '◦', '–', '●', '○', '■', '*'])
    {
        return Some(rest.trim_start());
    }
    let (n, rest) = raw.split_once(['.', ')'])?;
    (!n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.trim_start())
}

/// Whether `text`, normalised, opens with one of `phrases` as whole words
/// ("Experience with Go" opens with "experience").
pub(super) fn opens_with(text: &str, phrases: &[&str]) -> bool {
    let norm = normalise(text);
    phrases
        .iter()
        .any(|p| word_positions(&norm, p).next() == Some(0))
}

/// The most lines a front matter block may have.
const MAX_FRONT_MATTER_LINES: usize = 300;

/// A Markdown page from a static site opens with front matter: YAML
/// between two `---` lines (Jekyll), or TOML between two `+++` lines
/// (Hugo: `title = "…"`). Its title is the posting's title (put first); a
/// key opening a list or a block of text ("requirements:", "description:
/// |") is a heading over it, its items and text kept (without the quotes);
/// a key with a value of its own ("permalink: …", `date = "…"`) is
/// metadata and dropped (kept, it would be joined into one run-on line).
fn without_front_matter(lines: &[Line]) -> Cow<'_, [Line]> {
    // "<!-- --- … --- -->": front matter commented out is read as written
    // (a careers page that hides it from its renderer still titles it).
    let first = lines.first().map(|l| l.text.trim());
    let commented = first.is_some_and(|t| t.starts_with("<!--"));
    let (fence_text, separator) = match first.map(|t| t.trim_start_matches("<!--").trim()) {
        Some("---") => ("---", ':'),
        Some("+++") => ("+++", '='),
        _ => return Cow::Borrowed(lines),
    };
    let fence = |l: &Line| {
        let text = l.text.trim();
        text == fence_text
            || (commented && text.strip_suffix("-->").map(str::trim_end) == Some(fence_text))
    };
    let Some(end) = lines
        .iter()
        .take(MAX_FRONT_MATTER_LINES)
        .skip(1)
        .position(fence)
        .map(|i| i + 1)
    else {
        return Cow::Borrowed(lines);
    };
    let unquote = |v: &str| v.trim().trim_matches(['"', '\'']).trim().to_string();
    let mut title = None;
    let mut body = Vec::new();
    for line in &lines[1..end] {
        let text = line.text.trim();
        let with = |text: String| Line {
            text,
            ..line.clone()
        };
        if let Some(item) = text.strip_prefix("- ") {
            body.push(with(format!("- {}", unquote(item))));
            continue;
        }
        let key_value = text
            .split_once(separator)
            .map(|(key, value)| (key.trim_end(), value))
            .filter(|(key, _)| {
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            });
        match key_value {
            Some((key, value)) if key.eq_ignore_ascii_case("title") => {
                title = Some(with(unquote(value))).filter(|t| !t.text.is_empty());
            }
            // Careers pages name it "position" or "job_title"; a "title"
            // key wins over them.
            Some((key, value))
                if ["position", "job_title", "jobtitle"]
                    .iter()
                    .any(|k| key.eq_ignore_ascii_case(k)) =>
            {
                if title.is_none() {
                    title = Some(with(unquote(value))).filter(|t| !t.text.is_empty());
                }
            }
            Some((key, value)) if matches!(value.trim(), "" | "|" | ">" | "|-" | ">-") => {
                // Capitalised, as a heading is: a lower-case line would be
                // joined to the item before it as its wrapped tail.
                let mut heading = String::with_capacity(key.len() + 1);
                for (i, c) in key.chars().enumerate() {
                    heading.push(match c {
                        '_' | '-' => ' ',
                        c if i == 0 => c.to_ascii_uppercase(),
                        c => c,
                    });
                }
                body.push(with(format!("{heading}:")));
            }
            Some(_) => {}
            None => body.push(with(text.to_string())),
        }
    }
    Cow::Owned(
        title
            .into_iter()
            .chain(body)
            .chain(lines[end + 1..].iter().cloned())
            .collect(),
    )
}

/// The most lines a metadata header may have.
const MAX_METADATA_LINES: usize = 12;

/// Markdown with a metadata header (Python-Markdown, Pelican, MultiMarkdown:
/// "Title: Senior Engineer" / "license: https://…" / "Date: …" lines at the
/// top, no fences): the header is metadata, its title the posting's. Read
/// as text, the lower-case key after the title would be joined to it as its
/// wrapped tail. Only a header holding a `Title:` key counts, so a posting
/// opening with "Location: Remote" keeps it.
fn without_metadata_header(lines: &[Line]) -> Cow<'_, [Line]> {
    let key_value = |text: &str| {
        let (key, value) = text.split_once(':')?;
        let key = key.trim();
        let is_key = !key.is_empty()
            && key.len() <= 20
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        (is_key && !value.trim().is_empty()).then(|| (key.to_string(), value.trim().to_string()))
    };
    let header: Vec<(String, String)> = lines
        .iter()
        .take(MAX_METADATA_LINES)
        .map_while(|l| key_value(l.text.trim()))
        .collect();
    let Some(title) = header
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("title"))
        .map(|(_, value)| value.trim_matches(['"', '\'']).to_string())
    else {
        return Cow::Borrowed(lines);
    };
    let title_line = Line {
        text: title,
        ..lines[0].clone()
    };
    Cow::Owned(
        std::iter::once(title_line)
            .chain(lines[header.len()..].iter().cloned())
            .collect(),
    )
}

/// A careers page written as HTML inside Markdown (`<h3 class="…">` /
/// `Requirements:` / `</h3>`, `<li>Knowledge of Python.</li>`): its tags
/// are markup, not text (read as text, `class="… py-2"` is Python). Tags
/// and comments are removed, across lines when a tag is broken over
/// several; a list item's text becomes a `- ` item and a heading's text
/// gets a heading hint, as Markdown's would. Text with no tag at a line's
/// start is returned as it is.
fn without_html(lines: &[Line]) -> Cow<'_, [Line]> {
    // Elements whose content is not text of the posting: code, the
    // browser's tab title ("Careers at Acme", where the posting's own
    // heading names the role), and the site's menu and footer.
    const NOT_TEXT: &[&str] = &["script", "style", "title", "nav", "footer"];
    let opens_tag = |t: &str| {
        let t = t.trim_start();
        t.starts_with("<!--")
            || t.strip_prefix('<')
                // "</li>", "<!DOCTYPE html>"
                .and_then(|r| r.trim_start_matches(['/', '!']).chars().next())
                .is_some_and(|c| c.is_ascii_alphabetic())
    };
    if !lines.iter().any(|l| opens_tag(&l.text)) {
        return Cow::Borrowed(lines);
    }
    #[derive(PartialEq)]
    enum In {
        Text,
        Tag,
        Comment,
        /// Inside one of the `NOT_TEXT` elements, up to its closing tag.
        Code(&'static str),
    }
    let mut state = In::Text;
    let mut tag = String::new();
    let mut bullet = false;
    let mut heading = false;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let text = &line.text;
        let mut kept = String::with_capacity(text.len());
        // A heading opened before the line or on it ("<h2>What are the
        // requirements?</h2>" closes where it opens).
        let mut in_heading = heading;
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            let c = rest.chars().next().unwrap_or(' ');
            match state {
                In::Comment => {
                    if rest.starts_with("-->") {
                        state = In::Text;
                        i += 3;
                        continue;
                    }
                }
                In::Code(element) => {
                    // Its closing tag ("</script>") is read as any tag.
                    let closes = rest
                        .strip_prefix("</")
                        .and_then(|r| r.get(..element.len()))
                        .is_some_and(|n| n.eq_ignore_ascii_case(element));
                    if closes {
                        state = In::Tag;
                        tag.clear();
                    }
                }
                In::Tag => {
                    if c == '>' {
                        state = In::Text;
                        let name: String = tag
                            .trim_start_matches('/')
                            .chars()
                            .take_while(char::is_ascii_alphanumeric)
                            .collect::<String>()
                            .to_ascii_lowercase();
                        let closing = tag.starts_with('/');
                        // A block ends the text before it: "<ul><li>Go</li><li>
                        // Kafka</li></ul>" on one line is two items.
                        if BLOCKS.contains(&name.as_str()) {
                            push_text(&mut kept, &mut bullet, in_heading, line, &mut out);
                            in_heading = heading;
                        }
                        match name.as_str() {
                            _ if !closing
                                && let Some(&element) = NOT_TEXT.iter().find(|e| **e == name) =>
                            {
                                state = In::Code(element);
                            }
                            "li" if !closing => bullet = true,
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                                heading = !closing;
                                in_heading = heading;
                            }
                            // Bold as Markdown writes it, so a bold line over
                            // a list ("<b>You fit this role if you have</b>")
                            // can head it as "**…**" does.
                            "b" | "strong" => {
                                if closing {
                                    while kept.ends_with(' ') {
                                        kept.pop();
                                    }
                                    kept.push_str("**");
                                } else {
                                    kept.push_str(" **");
                                }
                                i += c.len_utf8();
                                continue;
                            }
                            _ => {}
                        }
                        kept.push(' ');
                    } else {
                        tag.push(c);
                    }
                }
                In::Text => {
                    if rest.starts_with("<!--") {
                        state = In::Comment;
                        i += 4;
                        continue;
                    }
                    if c == '<' && opens_tag(rest) {
                        state = In::Tag;
                        tag.clear();
                    } else {
                        kept.push(c);
                    }
                }
            }
            i += c.len_utf8();
        }
        push_text(&mut kept, &mut bullet, in_heading, line, &mut out);
    }
    Cow::Owned(out)
}

/// HTML elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "li",
    "p",
    "br",
    "div",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "dt",
    "dd",
    "hr",
];

/// Ends one line of text kept from HTML: an item of a list ("<li>") is
/// written as a Markdown item, a heading's text carries the heading hint.
/// Nothing is written for whitespace, and an item's marker waits for its
/// text.
fn push_text(
    kept: &mut String,
    bullet: &mut bool,
    in_heading: bool,
    line: &Line,
    out: &mut Vec<Line>,
) {
    let text = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    kept.clear();
    if text.is_empty() {
        return;
    }
    let text = if std::mem::take(bullet) {
        format!("- {text}")
    } else {
        text
    };
    out.push(Line {
        text,
        section_hint: if in_heading {
            Some(SectionHint::HeadingStyle)
        } else {
            line.section_hint
        },
        ..line.clone()
    });
}

/// Lines with the ones that carry on the sentence before joined to it: a
/// line that starts in lower case, is no list item or heading, and follows
/// a line that does not end a sentence or a heading.
fn join_wrapped(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let text = line.text.trim();
        let carries_on = !is_bullet(text)
            && line.section_hint.is_none()
            && out.last().is_some_and(|prev: &Line| {
                let end = prev.text.trim_end();
                // "…a stack of" / "Go, Kafka…": a line that ends mid-phrase
                // goes on whatever case the next starts with.
                let mid_phrase = end.ends_with(',')
                    || end.rsplit(' ').next().is_some_and(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "of" | "and" | "or" | "with" | "the" | "a" | "an" | "in" | "to" | "for"
                        )
                    });
                // "What We're Looking For": a heading ending in "for" is
                // still a heading, not a phrase the next line ends.
                let a_heading = || heading_kind(end).is_some() && exact_heading(end);
                prev.section_hint.is_none()
                    && !end.is_empty()
                    && !end.ends_with(['.', ':', '!', '?', ';'])
                    && !end.starts_with('#')
                    && (mid_phrase || text.chars().next().is_some_and(char::is_lowercase))
                    && !a_heading()
            });
        match out.last_mut() {
            Some(prev) if carries_on => {
                // "cross-" / "functional": a word broken at its hyphen.
                if !prev.text.ends_with('-') {
                    prev.text.push(' ');
                }
                prev.text.push_str(text);
            }
            _ => out.push(line.clone()),
        }
    }
    out
}

/// "This role requires", "Bonus points if you have": a short line with no
/// end punctuation that names a kind of section and opens a list. Outside
/// the sections that are read for skills (in the opening, the company's
/// blurb, the benefits, under an unknown heading) a longer line ending in a
/// colon does too ("As a Machine Learning Engineer for the Creative ML team
/// you will:"); and a line naming a section may open a sub-heading
/// instead of a list ("… the "Bonus Points" section" / "Hands-on:").
fn introduces_list(line: &Line, next: Option<&Line>, current: SectionKind) -> bool {
    let decorated = strip_decoration(&line.text);
    // "You Will ...": a lead-in that trails off ends no sentence.
    let text = without_trailing_dots(&decorated).unwrap_or(&decorated);
    let words = text.split_whitespace().count();
    let opens_list = next.is_some_and(|n| is_bullet(&n.text));
    // Only a sub-heading of no known kind ("Hands-on:") makes the line
    // before it a heading: before "Nice to have:" a line such as "Strong Go
    // skills" is the last requirement, not a heading.
    let opens_heading = next.is_some_and(|n| {
        let next = strip_decoration(&n.text);
        !is_bullet(&n.text)
            && next.ends_with(':')
            && next.split_whitespace().count() <= 3
            && heading_kind(&next).is_none()
    });
    let outside_read_sections = matches!(
        current,
        SectionKind::Opening | SectionKind::Other | SectionKind::About | SectionKind::Benefits
    );
    // Inside the duties, a longer lead-in that asks ("You may be a fit to
    // this role if you:") opens the requirements; one that still speaks of
    // the work ("In this role you'll have the chance to:") does not.
    let asks_after_duties = || {
        matches!(current, SectionKind::Duties | SectionKind::Stack)
            && matches!(
                heading_kind(text),
                Some(SectionKind::Required | SectionKind::Nice)
            )
            && !speaks_of_the_work(text)
    };
    // "**As An Active Member Of Our Team, You Will ...**" over a list: a
    // longer line all in bold that names a kind of section is a heading.
    let fits = (1..=6).contains(&words)
        || (opens_list && all_bold(&line.text) && words <= MAX_HEADING_WORDS)
        || (opens_heading && words <= 12)
        || (text.ends_with(':') && words <= 14 && (outside_read_sections || asks_after_duties()))
        // "Successful candidates will meet many of the following
        // requirements" over a list, after the duties, needs no colon.
        || (opens_list
            && words <= 14
            && contains_words(&normalise(text), "the following")
            && asks_after_duties())
        // "And we prefer, but don't require, that you:" inside the
        // requirements opens the nice-to-haves.
        || (text.ends_with(':')
            && words <= 14
            && current == SectionKind::Required
            && heading_kind(text) == Some(SectionKind::Nice));
    !is_bullet(&line.text)
        && (opens_list || opens_heading)
        && fits
        && !text.ends_with(['.', ',', ';', '!', '?'])
        && heading_kind(text).is_some()
}

/// Whether a lead-in speaks of the work to be done rather than of the
/// person ("you'll have the chance to:", "you will be responsible for:").
fn speaks_of_the_work(text: &str) -> bool {
    says_any(
        text,
        &[
            "you will",
            "you'll",
            "you would",
            "you'd",
            "responsible for",
        ],
    )
}

/// Whether a line reads as a heading of its own.
fn is_heading(line: &Line, current: SectionKind) -> bool {
    // A list item is content, whatever it says.
    let bullet = is_bullet(&line.text);
    let text = strip_decoration(&line.text);
    // "**About Sentient**", "⭐️ **Is it you we're looking for?** ⭐️": a
    // short line all in bold that names a kind of section is a heading (a
    // bold line of no known kind, "**Technical**" inside a requirements
    // list, is not: it would end the list; but in the company's blurb or
    // the benefits, "**The Engineering team**" ends them).
    let outside_read_sections = matches!(current, SectionKind::About | SectionKind::Benefits);
    if !bullet
        && all_bold(&line.text)
        && (1..=6).contains(&text.split_whitespace().count())
        && (heading_kind(&text).is_some() || outside_read_sections)
    {
        return true;
    }
    if bullet {
        // "* Preferred skills:" opening a nested list is a heading.
        return text.ends_with(':')
            && text.split_whitespace().count() <= 4
            && heading_kind(&text).is_some()
            && exact_heading(&text);
    }
    // "Our Tech Stack (you don't have to be excelling in all…):": an
    // aside in brackets does not make a heading a sentence.
    let text = without_aside(&text);
    let words = text.split_whitespace().count();
    if words == 0 || words > MAX_HEADING_WORDS {
        return false;
    }
    if line.section_hint.is_some() {
        return true;
    }
    let sentence_like = text.ends_with(['.', ',', ';']);
    !sentence_like
        && (text.ends_with(':') || heading_kind(&text).is_some_and(|_| exact_heading(&text)))
}

/// Phrases that name what the candidate already knows ("Familiarity
/// with", "Experience in", "Strong knowledge of"): narrower than the
/// asking words, whose "you can", "strong", "hands-on" also open duties
/// and team headings ("Hands-on testing including…", "knowledge sharing").
pub(super) const KNOWING: &[&str] = &[
    "familiarity",
    "familiar with",
    "knowledge of",
    "knowledge in",
    "understanding of",
    "proficiency",
    "proficient",
    "expertise",
    "experience with",
    "experience in",
    "experience of",
    "experienced in",
    "experienced with",
    "working experience",
    "working knowledge",
    "hands-on experience",
    "strong experience",
    "solid experience",
    "strong knowledge",
    "good knowledge",
    "deep knowledge",
];

/// Whether a heading or a lead-in names what the candidate knows
/// ("Familiarity with the following tools", "Knowledge of:", "… who have
/// 6+ years industry experience in:").
pub(super) fn names_knowing(heading: &str) -> bool {
    says_any(heading, KNOWING)
}

/// Whether a line asks something of the candidate ("Proficient with",
/// "experience in").
fn asks(text: &str) -> bool {
    says_any(text, super::ASKING)
}

/// Whether a line, normalised, holds any of the phrases as whole words.
fn says_any(text: &str, phrases: &[&str]) -> bool {
    holds_any(&normalise(text), phrases)
}

/// Whether text already normalised holds any of the phrases as whole
/// words.
fn holds_any(norm: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|w| contains_words(norm, w))
}

/// Whether the whole line is one run of bold ("**About Sentient**",
/// "⭐️ **Is it you we're looking for?** ⭐️").
fn all_bold(text: &str) -> bool {
    let raw = text
        .trim_matches(|c: char| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric()))
        .trim_end_matches(':');
    raw.len() > 4
        && raw.starts_with("**")
        && raw.ends_with("**")
        && !raw[2..raw.len() - 2].contains("**")
}

/// A heading without what it says in brackets ("Our Tech Stack (you don't
/// have to know all of it):" → "Our Tech Stack:"): the words outside name
/// its kind.
fn without_aside(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if depth > 0 {
        // An unclosed bracket is no aside.
        return text.to_string();
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" :", ":")
}

/// Whether a heading holds a short aside that names a plus ("(preferred)",
/// "(optional)", "(bonus)").
fn aside_is_a_plus(text: &str) -> bool {
    let Some((_, rest)) = text.split_once('(') else {
        return false;
    };
    let Some((inner, _)) = rest.split_once(')') else {
        return false;
    };
    (1..=3).contains(&inner.split_whitespace().count())
        && heading_kind(inner) == Some(SectionKind::Nice)
}

/// A short line that is nothing but a known heading phrase ("Nice to
/// have", "Requirements"), perhaps with a leading word ("Our
/// requirements"), or two such joined by "&", "and" or a slash ("Required
/// Skills & Qualifications", "Education and Experience", "Nice to Have /
/// Plus Skills").
fn exact_heading(text: &str) -> bool {
    let norm = normalise(text);
    let joined = [" & ", " and ", " / "]
        .iter()
        .find_map(|joint| norm.split_once(joint));
    if let Some((first, second)) = joined
        && one_heading_phrase(first)
        && one_heading_phrase(second)
    {
        return true;
    }
    one_heading_phrase(&norm)
}

/// Whether a normalised text is one known heading phrase, perhaps with
/// leading modifiers (see [`exact_heading`]).
fn one_heading_phrase(norm: &str) -> bool {
    // "What you'll need to succeed", "What you will do in this role": the
    // phrase with a closing purpose is the phrase.
    let mut norm = norm;
    while let Some(rest) = HEADING_TRAILERS.iter().find_map(|t| norm.strip_suffix(t)) {
        norm = rest.trim_end();
    }
    HEADINGS
        .iter()
        .flat_map(|(_, phrases)| phrases.iter())
        .any(|p| {
            let p = p.trim();
            let Some(before) = norm.strip_suffix(p) else {
                return false;
            };
            let before: Vec<&str> = before.split_whitespace().collect();
            // "Backend experience" in a list is content; "Our requirements",
            // "Key skills", "Preferred qualifications" are headings.
            before.is_empty()
                || (before.len() <= 2 && before.iter().all(|w| HEADING_MODIFIERS.contains(w)))
        })
}

/// Whether a heading says its items are required ("Minimum
/// Requirements", "Must have"), not only that they are asked ("Advanced
/// Experience", "Specialized Skills").
fn says_required(heading: &str) -> bool {
    says_any(
        heading,
        &[
            "required",
            "requirements",
            "requirement",
            "must",
            "minimum",
            "basic",
            "essential",
            "mandatory",
        ],
    )
}

/// Words that may close a heading after its known phrase.
const HEADING_TRAILERS: &[&str] = &[
    " to succeed",
    " to be successful",
    " in this role",
    " for this role",
];

/// Words that may open a heading before its known phrase.
const HEADING_MODIFIERS: &[&str] = &[
    "our",
    "your",
    "the",
    "key",
    "technical",
    "required",
    "relevant",
    "core",
    "basic",
    "minimum",
    "preferred",
    "additional",
    "job",
    "role",
    "position",
    "person",
    "other",
    "general",
    "desired",
    "bonus",
    "plus",
    "main",
    "primary",
    "what",
    // "What experience you'll bring", "Skills you'll need".
    "experience",
    "skills",
    // "Profile We Are Looking For".
    "profile",
    "and",
    "&",
];

/// "Requirements: Go, Kafka, PostgreSQL": a known heading, a colon, and
/// content on the same line.
fn inline_heading(text: &str) -> Option<(SectionKind, &str)> {
    let (head, rest) = text.split_once(':')?;
    let rest = rest.trim();
    if rest.is_empty() || head.split_whitespace().count() > 5 {
        return None;
    }
    let kind = heading_kind(head)?;
    // "Must have: Go" yes; "Skills: ..." in a requirements list yes; but a
    // sentence that merely contains a colon late is not a heading.
    exact_heading(head).then_some((kind, rest))
}

/// The kind a heading names, if any.
pub fn heading_kind(heading: &str) -> Option<SectionKind> {
    // "Key Requirements and Responsibilities": its items are duties; those
    // that demand ("requires", "must have") still count as required. So are
    // "Essential Job Functions", where "essential" would read as required.
    let norm = normalise(heading);
    if holds_any(
        &norm,
        &[
            "responsibilities",
            "duties",
            "job functions",
            "essential functions",
        ],
    ) {
        return Some(SectionKind::Duties);
    }
    HEADINGS.iter().find_map(|(kind, phrases)| {
        phrases
            .iter()
            .any(|p| {
                contains_words(&norm, p.trim_end()) || (p.ends_with(' ') && norm.starts_with(p))
            })
            .then_some(*kind)
    })
}

/// Lower case, curly quotes straightened, decoration and a trailing colon
/// removed, whitespace collapsed.
pub fn normalise(text: &str) -> String {
    strip_decoration(text)
        .trim_end_matches(':')
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line without Markdown emphasis, bullets, surrounding punctuation and
/// the emoji or symbols that open or close it ("⭐️ Is this you?",
/// "🦸🏻‍♀️ Your responsibilities:").
fn strip_decoration(text: &str) -> String {
    let symbol = |c: char| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric());
    text.trim()
        .trim_start_matches(['-', '*', '•', '·', '#', '>', ' '])
        .replace("**", "")
        .replace("__", "")
        .trim_matches(|c: char| matches!(c, '*' | '_') || symbol(c))
        .to_string()
}

/// Whether `text` holds `phrase` as whole words.
pub fn contains_words(text: &str, phrase: &str) -> bool {
    word_positions(text, phrase).next().is_some()
}

/// Where `phrase` starts in `text` as whole words.
pub(super) fn word_positions<'a>(
    text: &'a str,
    phrase: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(phrase)
        .filter(move |(at, _)| {
            !word(text[..*at].chars().next_back())
                && !word(text[at + phrase.len()..].chars().next())
        })
        .map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_sorted_by_what_they_are_for() {
        for (heading, kind) in [
            ("Requirements", SectionKind::Required),
            ("What you'll need", SectionKind::Required),
            ("What You\u{2019}ll Need:", SectionKind::Required),
            ("Preferred qualifications", SectionKind::Nice),
            ("Nice to have", SectionKind::Nice),
            ("Bonus points", SectionKind::Nice),
            ("Our stack", SectionKind::Stack),
            ("Responsibilities", SectionKind::Duties),
            ("About us", SectionKind::About),
            ("Benefits", SectionKind::Benefits),
            ("Preferred Skills:", SectionKind::Nice),
            ("Key Requirements and Responsibilities", SectionKind::Duties),
            ("Key Outcomes:", SectionKind::Duties),
            ("\u{2b50}\u{fe0f} Is this you?", SectionKind::Required),
            ("\u{1f9b8} Your responsibilities:", SectionKind::Duties),
            ("What you will bring:", SectionKind::Required),
            ("Minimum:", SectionKind::Required),
            ("Education", SectionKind::Required),
            ("Essential Job Functions", SectionKind::Duties),
            ("The icing on the cake", SectionKind::Nice),
            (
                "We\u{2019}re interested in people who:",
                SectionKind::Required,
            ),
            (
                "All candidates will be evaluated based on their experiences:",
                SectionKind::Required,
            ),
            ("Role", SectionKind::Duties),
        ] {
            assert_eq!(heading_kind(heading), Some(kind), "{heading}");
        }
        assert_eq!(heading_kind("Kafka"), None);
    }

    /// The section of the first line that holds `word`.
    fn section_of(read: &[PostingLine], word: &str) -> SectionKind {
        read.iter()
            .find(|l| l.text.contains(word))
            .expect("a line holds the word")
            .section
    }

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                page: 1,
                line: i as u32 + 1,
                column: 0,
                text: t.to_string(),
                section_hint: None,
            })
            .collect()
    }

    /// The lines that are not headings, with their sections.
    fn content(read: &[PostingLine]) -> Vec<(&str, SectionKind)> {
        read.iter()
            .filter(|l| !l.heading)
            .map(|l| (l.text.as_str(), l.section))
            .collect()
    }

    #[test]
    fn html_inside_markdown_is_markup_not_text() {
        let read = sections(&lines(&[
            "Backend Developer",
            "<h3 class=\"mb-4 blue\">",
            "Requirements:",
            "</h3>",
            "<ul",
            "class=\"list-disc py-2\"",
            ">",
            "<li>",
            "Knowledge of Go.",
            "</li>",
            // (The text extractor has read "&amp;" as "&".)
            "<li>Kafka & Redis.</li>",
            "<!-- <p>Mail <a href=\"mailto:x@y.z\">us</a></p> -->",
            "<script>var python = 'Knowledge of Java.';</script>",
            "<style>",
            ".rust { color: red }",
            "</style>",
        ]));
        assert_eq!(
            content(&read),
            [
                ("Backend Developer", SectionKind::Opening),
                ("- Knowledge of Go.", SectionKind::Required),
                ("- Kafka & Redis.", SectionKind::Required)
            ]
        );
    }

    #[test]
    fn html_blocks_on_one_line_are_lines_of_their_own() {
        let read = sections(&lines(&[
            "Senior React Developer",
            "<p>Acme is hiring.<br></p><p><strong>Requirements</strong></p><ul><li>5+ years React experience</li><li>Experience with HTML, CSS, and Git</li></ul><p><strong>Nice to have</strong></p><ul><li>MongoDB</li></ul>",
        ]));
        assert_eq!(
            content(&read),
            [
                ("Senior React Developer", SectionKind::Opening),
                ("Acme is hiring.", SectionKind::Opening),
                ("- 5+ years React experience", SectionKind::Required),
                (
                    "- Experience with HTML, CSS, and Git",
                    SectionKind::Required
                ),
                ("- MongoDB", SectionKind::Nice)
            ]
        );
    }

    #[test]
    fn a_short_unknown_heading_inside_the_stack_is_part_of_it() {
        let read = sections(&lines(&[
            "Engineer",
            "Technologies we use:",
            "Front-end:",
            "- React",
            "Back-end:",
            "- Docker",
        ]));
        assert!(
            read.iter()
                .filter(|l| !l.heading && l.text.starts_with('-'))
                .all(|l| l.section == SectionKind::Stack),
            "{read:?}"
        );
    }

    #[test]
    fn two_heading_phrases_joined_by_and_make_one_heading() {
        // A list item that is a heading, among the duties above it.
        let read = sections(&lines(&[
            "# Java Technical Lead",
            "Key Responsibilities:",
            "- Lead a team of Java developers.",
            "- Required Skills & Qualifications:",
            "",
            "- Strong expertise in Spring Boot and Microservices.",
            "- Preferred Skills:",
            "",
            "- Experience with GraphQL.",
        ]));
        let section = |needle: &str| {
            read.iter()
                .find(|l| l.text.contains(needle))
                .unwrap()
                .section
        };
        assert_eq!(section("Lead a team"), SectionKind::Duties, "{read:?}");
        assert_eq!(section("Spring Boot"), SectionKind::Required, "{read:?}");
        assert_eq!(section("GraphQL"), SectionKind::Nice, "{read:?}");
        assert!(exact_heading("Education and Experience"));
        // Each side must be a heading phrase: a sentence joined by "and"
        // is not one.
        assert!(!exact_heading("Build services and ship them"));
    }

    #[test]
    fn a_longer_bold_line_naming_a_section_over_a_list_is_a_heading() {
        let read = sections(&lines(&[
            "# Senior Engineer",
            "**Why You'll Love This Role**",
            "You will work closely with Product.",
            "**As An Active Member Of Our Team, You Will ...**",
            "* Build services in Go",
        ]));
        let item = read.iter().find(|l| l.text.contains("Go")).unwrap();
        assert_eq!(item.section, SectionKind::Duties, "{read:?}");
        let read = sections(&lines(&[
            "# Senior Engineer",
            "**About Us**",
            "We build maps.",
            "**You will be successful in this position if you**",
            "* Know Swift",
        ]));
        let item = read.iter().find(|l| l.text.contains("Swift")).unwrap();
        assert_eq!(item.section, SectionKind::Required, "{read:?}");
        // A bold sentence over a list is not a heading.
        let read = sections(&lines(&[
            "# Senior Engineer",
            "Requirements:",
            "**We would love to hear from you if you know these.**",
            "* Go",
        ]));
        let item = read.iter().find(|l| l.text.contains("Go")).unwrap();
        assert_eq!(item.section, SectionKind::Required, "{read:?}");
    }

    #[test]
    fn a_bold_heading_of_no_known_kind_over_a_list_that_asks_opens_the_requirements() {
        let read = sections(&lines(&[
            "# Staff Engineer",
            "**What You'll Do**",
            "- Drive the architecture of the platform",
            "- Mentor junior engineers",
            "**If You Got It - We Want It**",
            "- Extensive experience with distributed systems",
            "- Strong knowledge of Linux",
            "- Experience using Jest",
            "- Dedication to elegant software",
            "**Our Values Keep Us Going**",
            "- Care for the customer",
            "- Ship small changes often",
            "- Learn from every outage",
        ]));
        let section = |word: &str| section_of(&read, word);
        assert_eq!(section("Linux"), SectionKind::Required, "{read:?}");
        assert_eq!(section("elegant"), SectionKind::Required, "{read:?}");
        assert_eq!(section("architecture"), SectionKind::Duties, "{read:?}");
        // A list that asks nothing is not the requirements.
        assert_ne!(section("outage"), SectionKind::Required, "{read:?}");
    }

    #[test]
    fn front_matter_in_an_html_comment_gives_the_title() {
        let read = sections(&lines(&[
            "<!-- ---",
            "layout: jobs",
            "title: \"iOS Developer\"",
            "--- -->",
            "Requirements:",
            "- Swift",
        ]));
        assert_eq!(read[0].text, "iOS Developer", "{read:?}");
        assert!(!read.iter().any(|l| l.text.contains("layout")), "{read:?}");
    }

    #[test]
    fn a_lead_in_naming_a_plus_inside_the_requirements_opens_the_nice_ones() {
        let read = sections(&lines(&[
            "# Research Software Engineer",
            "## Your competencies",
            "We expect, at a minimum, that you:",
            "- Have experience with Python",
            "And we prefer, but don't require, that you:",
            "- Have experience with HTML",
        ]));
        let section = |word: &str| section_of(&read, word);
        assert_eq!(section("Python"), SectionKind::Required, "{read:?}");
        assert_eq!(section("HTML"), SectionKind::Nice, "{read:?}");
    }

    #[test]
    fn a_plus_in_a_headings_aside_makes_it_nice() {
        let read = sections(&lines(&[
            "# SRE",
            "**Basic qualifications**",
            "- Experience with Terraform",
            "**Advanced (preferred) qualifications**",
            "- Familiarity with Kanban",
        ]));
        let section = |word: &str| section_of(&read, word);
        assert_eq!(section("Terraform"), SectionKind::Required, "{read:?}");
        assert_eq!(section("Kanban"), SectionKind::Nice, "{read:?}");
    }

    #[test]
    fn a_lead_in_that_asks_inside_the_requirements_keeps_them() {
        let read = sections(&lines(&[
            "# Senior .NET Developer",
            "Skills:",
            "- Excellent troubleshooting skills",
            "Proficient with the following technologies:",
            "- C#, ASP.NET",
            "Our stack:",
            "- Redis",
        ]));
        let section = |word: &str| section_of(&read, word);
        assert_eq!(section("ASP.NET"), SectionKind::Required, "{read:?}");
        assert_eq!(section("Redis"), SectionKind::Stack, "{read:?}");
    }

    #[test]
    fn a_metadata_header_gives_the_title_and_drops_its_keys() {
        let header = lines(&[
            "Title: Senior Software Engineer, Tooling",
            "license: https://www.apache.org/licenses/LICENSE-2.0",
            "## Requirements",
            "- Experience with Go",
        ]);
        let texts: Vec<String> = without_metadata_header(&header)
            .iter()
            .map(|l| l.text.clone())
            .collect();
        assert_eq!(
            texts,
            [
                "Senior Software Engineer, Tooling",
                "## Requirements",
                "- Experience with Go"
            ]
        );
        // Key-value lines with no title key are the posting's own text.
        let plain = lines(&["Location: Remote", "Type: Full-time", "We hire."]);
        assert_eq!(without_metadata_header(&plain).len(), 3);
    }

    #[test]
    fn toml_front_matter_gives_the_title_and_drops_its_metadata() {
        let read = sections(&lines(&[
            "+++",
            "date = \"2025-02-20T14:00:00+00:00\"",
            "draft = false",
            "title = \"Senior Python Engineer, Data Platform\"",
            "images = [\"https://example.com/logo.png\"]",
            "+++",
            "**What you will need**",
            "- Python and PostgreSQL",
        ]));
        assert_eq!(read[0].text, "Senior Python Engineer, Data Platform");
        assert!(
            read.iter()
                .all(|l| !l.text.contains("draft") && !l.text.contains("2025")),
            "{read:?}"
        );
        assert!(
            read.iter()
                .any(|l| l.text.contains("PostgreSQL") && l.section == SectionKind::Required),
            "{read:?}"
        );
    }

    #[test]
    fn a_position_key_in_front_matter_is_the_title() {
        let read = sections(&lines(&[
            "---",
            "path: x",
            "position: Data Engineer",
            "---",
            "Requirements:",
            "- SQL",
        ]));
        assert_eq!(read[0].text, "Data Engineer");
    }
}
