//! The candidate's name: the document's lines in, the name as printed (or
//! nothing) out. For output only — no stage may score it.
//!
//! A name is two to four words (with particles such as "de" or "van"),
//! capitalised or in capitals, on a line of its own or before a headline
//! ("Dmitry Safonov Kernel Engineer", "Ada Lovelace | ada@example.com").
//! Sidebars and headers put it anywhere, so the line whose words the email
//! address or a profile link spells ("joaovictorlisboaporcel@…") is taken
//! first, wherever it is; otherwise the first name-like line of the header.
//! A place ("Salt Lake City, UT"), an employer or a heading is not a name,
//! and a blank is better than a wrong name.

use super::header::title_words;
use super::sections::heading_kind;
use crate::rubric::Rubric;

/// Lines from the top searched for a name that the contact details spell.
const SEARCH_LINES: usize = 80;

/// Lower-case words allowed inside a name.
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "la", "le",
    "du", "bin", "binti", "al", "el", "y", "e", "ter", "ten",
];

/// Words that open or close a name line without being part of the name.
const FRAMES: &[&str] = &[
    "curriculum vitae",
    "curriculum",
    "vitae",
    "resume",
    "résumé",
    "cv",
    "personal information",
    "personal details",
    "name:",
    "page",
    "mr.",
    "mr",
    "mrs.",
    "ms.",
    "dr.",
];

/// The name, from the contact details' spelling or the header.
pub(super) fn candidate_name(
    texts: &[&str],
    header_lines: usize,
    rubric: &Rubric,
) -> Option<String> {
    let handles = contact_handles(texts);
    let top = texts.len().min(SEARCH_LINES);
    if !handles.is_empty() {
        let spelled =
            |text: &str| name_in_line(text, true, rubric).filter(|name| spelled_by(name, &handles));
        let short = |t: &str| (1..=2).contains(&t.split_whitespace().count());
        // A line of its own, or a name set on two lines ("JOÃO VICTOR" /
        // "LISBOA PORCEL").
        let found = (0..top).find_map(|i| {
            let pair = texts
                .get(i + 1)
                .filter(|next| i + 1 < top && short(texts[i]) && short(next))
                .and_then(|next| spelled(&format!("{} {}", texts[i].trim(), next.trim())))
                .filter(|name| fully_spelled(name, &handles));
            pair.or_else(|| spelled(texts[i]))
        });
        if found.is_some() {
            return found;
        }
    }
    texts[..header_lines.min(top)]
        .iter()
        .find_map(|t| name_in_line(t, false, rubric))
}

/// Lower-case ASCII letters of the email's local part and profile links'
/// last path segments: what a name is spelled as in contact details.
fn contact_handles(texts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts.iter().take(SEARCH_LINES) {
        for word in t.split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == '•') {
            let lower = word.to_lowercase();
            // The account, never a repository: "github.com/ada/parser"
            // names Ada's project, not Ada.
            let account = |site: &str| {
                let at = lower.find(site)? + site.len();
                lower[at..].split('/').next()
            };
            let handle = if let Some((local, domain)) = lower.split_once('@') {
                domain.contains('.').then_some(local)
            } else {
                account("linkedin.com/in/")
                    .or_else(|| account("/in/"))
                    .or_else(|| account("github.com/"))
            };
            let letters: String = handle
                .unwrap_or_default()
                .chars()
                .map(fold)
                .filter(char::is_ascii_lowercase)
                .collect();
            if letters.len() >= 4 {
                out.push(letters);
            }
        }
    }
    out
}

/// A name's words as a handle spells them (ASCII lower case, accents
/// folded), particles (da, van) left out.
fn handle_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.chars()
                .map(fold)
                .filter(char::is_ascii_lowercase)
                .collect::<String>()
        })
        .filter(|w| !PARTICLES.contains(&w.as_str()))
        .collect()
}

/// Whether a name's words are spelled in a handle: two of its words, or
/// its surname, of three letters or more.
fn spelled_by(name: &str, handles: &[String]) -> bool {
    let words: Vec<String> = handle_words(name)
        .into_iter()
        .filter(|w| w.len() >= 3)
        .collect();
    handles.iter().any(|h| {
        let found = words.iter().filter(|w| h.contains(w.as_str())).count();
        found >= 2 || words.last().is_some_and(|last| h.contains(last.as_str()))
    })
}

/// Whether every word of a name is in one handle (a name set on two lines
/// is joined only then: "Anna Smith" / "Berlin" is not a name).
fn fully_spelled(name: &str, handles: &[String]) -> bool {
    let words = handle_words(name);
    handles
        .iter()
        .any(|h| words.iter().all(|w| h.contains(w.as_str())))
}

/// The name a line holds, if it holds one. `any_case` also takes a name in
/// lower case (only when the contact details spell it).
fn name_in_line(text: &str, any_case: bool, rubric: &Rubric) -> Option<String> {
    if text.contains('@') || text.chars().any(|c| c.is_ascii_digit()) {
        // Digits, emails and links belong to contact details, never to a
        // name: "Alice Kim 650.665.1436 alice@…" is "Alice Kim".
        let contact = text
            .split_whitespace()
            .position(|w| w.contains(['@', '/']) || w.chars().any(|c| c.is_ascii_digit()))?;
        let before: Vec<&str> = text.split_whitespace().take(contact).collect();
        if before.is_empty() {
            return None;
        }
        return name_in_line(&before.join(" "), any_case, rubric);
    }
    // "Name — Headline", "Name | contact", "Name (he/him)", "Name, MSc":
    // the name is the first part.
    let base = text
        .split(['(', '|', '·', ',', '—', '–', '/'])
        .next()?
        .split(" - ")
        .next()?
        .trim();
    let base = strip_frames(base);
    let words: Vec<&str> = base.split_whitespace().collect();
    // A name followed by a headline on one line ("Dmitry Safonov Kernel
    // Engineer"): the headline's first words may be any ("Kernel"), so the
    // name keeps its first two words (and particles between them).
    // The title may also sit past a separator ("CLAYTON YOCHUM Data / ML /
    // Platform Engineer"): then too the name keeps two words.
    let titled = words
        .iter()
        .position(|w| title_words().for_text(w).is_match(w) || is_role_word(w, rubric))
        .or_else(|| {
            let rest = &text[text.find(base).map_or(0, |at| at + base.len())..];
            (title_words().for_text(rest).is_match(rest)).then_some(words.len())
        });
    let end = match titled {
        None => words.len(),
        Some(k) => {
            let mut real = 0;
            let two = words
                .iter()
                .position(|w| {
                    if !PARTICLES.contains(&w.to_lowercase().as_str()) {
                        real += 1;
                    }
                    real == 2
                })
                .map_or(k, |p| p + 1);
            two.min(k)
        }
    };
    let words: Vec<&str> = words[..end]
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let words = &words[..];
    let real = words
        .iter()
        .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    if !(2..=4).contains(&real) || words.len() > 6 {
        return None;
    }
    let name = words.join(" ");
    let shaped = words.iter().all(|w| {
        // A lone letter is an initial only with its full stop ("A."):
        // "BRANDON A" is a name cut short by a column.
        let alphabetic = w.chars().filter(|c| c.is_alphabetic()).count();
        let initial = alphabetic == 1 && w.ends_with('.');
        let letters = (alphabetic >= 2 || initial)
            && w.chars()
                .all(|c| c.is_alphabetic() || "'’-.\"“”".contains(c));
        let first = w.chars().find(|c| c.is_alphabetic());
        letters
            && (first.is_some_and(char::is_uppercase)
                || PARTICLES.contains(&w.to_lowercase().as_str())
                || any_case)
    });
    if !shaped || heading_kind(&name).is_some() || is_place(text, words) {
        return None;
    }
    // "IBM Deutschland GmbH": an employer; "B.S. Information Science": a
    // degree; "LinkedIn GitHub": link labels.
    if words
        .last()
        .is_some_and(|w| LEGAL_FORMS.contains(&w.to_lowercase().trim_matches('.')))
        || words
            .iter()
            .any(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // "THE SHORTEST PATH GAME", "Driving Innovation", "Persönliche Daten":
    // a project, a slogan or a heading. Unless the contact details spell
    // it, a name has a word that is not an ordinary word.
    if !any_case
        && words
            .iter()
            .all(|w| is_common_word(w) || PARTICLES.contains(w))
    {
        return None;
    }
    Some(name)
}

/// A word in the general dictionary, or a regular form of one ("game",
/// "shortest", "innovation"; names are mostly not in it), or a company's
/// legal form ("GmbH", "Inc").
fn is_common_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphabetic());
    let is_word = crate::extract::dictionary::is_word;
    let stem_is_word = ["s", "es", "ed", "ing", "er", "est", "ly"]
        .iter()
        .filter_map(|suffix| lower.strip_suffix(suffix))
        .filter(|stem| stem.len() >= 3)
        .any(|stem| is_word(stem) || is_word(&format!("{stem}e")));
    is_word(lower)
        || stem_is_word
        || ["persönliche", "daten", "lebenslauf", "informationen"].contains(&lower)
        || LEGAL_FORMS.contains(&lower)
}

/// Words no name holds.
const NOT_NAMES: &[&str] = &[
    "b.s.",
    "b.a.",
    "m.s.",
    "m.a.",
    "bs",
    "ba",
    "bsc",
    "msc",
    "mba",
    "phd",
    "ph.d.",
    "b.sc.",
    "m.sc.",
    "b.tech",
    "university",
    "college",
    "school",
    "institute",
    "linkedin",
    "github",
    "email",
    "e-mail",
    "phone",
    "mobile",
    "contact",
    "portfolio",
    "website",
    "address",
];

/// A company's legal form: the line is an employer's name.
const LEGAL_FORMS: &[&str] = &[
    "gmbh", "inc", "llc", "ltd", "corp", "ag", "sa", "plc", "bv", "srl", "sas", "oy", "ab", "as",
    "kg", "pvt",
];

/// A word that starts a job title ("Kernel Engineer" after a name).
fn is_role_word(word: &str, rubric: &Rubric) -> bool {
    rubric.titles.iter().any(|t| t.regex.is_match(word))
}

/// "Curriculum Vitae Dolf Andringa", "Victor Delaplaine Resume", "Mr. X".
fn strip_frames(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t;
        for frame in FRAMES {
            let n = frame.len();
            if t.len() > n
                && t.is_char_boundary(n)
                && t[..n].eq_ignore_ascii_case(frame)
                && t[n..].starts_with([' ', ':', '-'])
            {
                t = t[n..].trim_start_matches([' ', ':', '-']);
            }
            let len = t.len();
            if len > n
                && t.is_char_boundary(len - n)
                && t[len - n..].eq_ignore_ascii_case(frame)
                && t[..len - n].ends_with(' ')
            {
                t = t[..len - n].trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// A place, not a person: "Salt Lake City", "San Diego, CA", "Berlin,
/// Germany" — a city word, or a state or country after a comma.
fn is_place(line: &str, words: &[&str]) -> bool {
    const PLACE_WORDS: &[&str] = &["city", "county", "town", "village", "province", "district"];
    if words
        .iter()
        .any(|w| PLACE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return true;
    }
    let Some((_, after)) = line.split_once(',') else {
        return false;
    };
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    // "San Diego, CA", "Austin, TX 78701".
    (next.len() == 2 && next.chars().all(|c| c.is_ascii_uppercase()))
        || [
            "usa", "uk", "germany", "india", "canada", "brazil", "france", "spain", "portugal",
        ]
        .contains(&next.to_lowercase().as_str())
}

/// A letter without its accent, for matching names against email
/// addresses ("João" is spelled "joao").
fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ß' => 's',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric() -> Rubric {
        crate::rubric::load_default().unwrap()
    }

    fn name_of(text: &str) -> Option<String> {
        let lines: Vec<&str> = text.lines().collect();
        candidate_name(&lines, 3, &rubric())
    }

    /// Each case from issue 20's list of names missed or mistaken.
    #[test]
    fn names_as_real_resumes_print_them() {
        for (text, want) in [
            (
                "aaron buxbaum\naaron.buxbaum@gmail.com\nExperience",
                Some("aaron buxbaum"),
            ),
            (
                "Dmitry Safonov Kernel Engineer\ndima@example.org",
                Some("Dmitry Safonov"),
            ),
            ("Mr. Tom Donahue\ntom@example.com", Some("Tom Donahue")),
            (
                "Curriculum Vitae Dolf Andringa\nEngineer",
                Some("Dolf Andringa"),
            ),
            (
                "Victor Delaplaine Resume\nvictor@x.io",
                Some("Victor Delaplaine"),
            ),
            (
                "Salt Lake City, UT\nCLAYTON YOCHUM\nSummary",
                Some("CLAYTON YOCHUM"),
            ),
            ("San Diego, CA\nSummary", None),
            (
                "Frederico da Cruz\nSenior Front End Engineer",
                Some("Frederico da Cruz"),
            ),
            (
                "BRANDON MARTINEZ\nbrandon@example.com",
                Some("BRANDON MARTINEZ"),
            ),
            ("Technical Languages\nGo, Rust", None),
            (
                "Alice Kim 650.665.1436 alicek0914@gmail.com\nSkills",
                Some("Alice Kim"),
            ),
            ("IBM Deutschland GmbH\nSkills", None),
            ("B.S. Information Science (GPA 3.6/4.0)\nSkills", None),
            (
                "BRANDON A Senior Software Engineer with fourteen years",
                None,
            ),
        ] {
            assert_eq!(name_of(text).as_deref(), want, "{text:?}");
        }
    }

    /// A sidebar read after the main column: the line the email spells is
    /// the name, even far from the top, and a city above it is not.
    #[test]
    fn the_contact_details_find_the_name_in_a_sidebar() {
        let text = "Presidente Epitácio\n+55 18 98134 7570\njoaovictorlisboaporcel@hotmail.com\nEXPERIÊNCIAS\nIFSP (02/2024 - 06/2024)\nJOÃO VICTOR\nLISBOA PORCEL\nDesenvolvedor Backend";
        assert_eq!(name_of(text).as_deref(), Some("JOÃO VICTOR LISBOA PORCEL"));
    }
}
