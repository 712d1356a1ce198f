//! Phrases into regex source: a rubric lists "own" or "dead-letter queue"
//! once, and this writes the forms a resume uses ("owned", "owning",
//! "dead letter queues").
//!
//! Takes phrases and an inflection mode; gives one case-insensitive regex
//! source bounded at word edges. Only the first word of a verb phrase and the
//! last word of a noun phrase are inflected; irregular forms ("led", "drove")
//! are listed in the rubric itself, because guessing them would be wrong more
//! often than right.

use serde::Deserialize;

/// Which words of a phrase take their inflected forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Inflect {
    /// As written.
    #[default]
    None,
    /// The first word is a verb: own, owns, owned, owning.
    Verb,
    /// The last word is a noun: queue, queues.
    Noun,
}

/// The regular forms of an English verb: base, -s, -ed, -ing.
pub fn verb_forms(base: &str) -> Vec<String> {
    let b = base.to_lowercase();
    let mut forms = vec![b.clone()];
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    let is_vowel = |c: char| "aeiou".contains(c);
    if b.ends_with('e') {
        let stem = &b[..b.len() - 1];
        forms.push(format!("{b}s"));
        forms.push(format!("{b}d"));
        forms.push(format!("{stem}ing"));
    } else if n >= 2 && b.ends_with('y') && !is_vowel(chars[n - 2]) {
        let stem = &b[..b.len() - 1];
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
        forms.push(format!("{b}ing"));
    } else {
        let sibilant = ["s", "sh", "ch", "x", "z"].iter().any(|s| b.ends_with(s));
        forms.push(if sibilant {
            format!("{b}es")
        } else {
            format!("{b}s")
        });
        // Short consonant-vowel-consonant verbs double the last letter
        // (ship → shipped); longer ones rarely do in resumes (develop).
        let cvc = (3..=4).contains(&n)
            && !is_vowel(chars[n - 1])
            && !"wxy".contains(chars[n - 1])
            && is_vowel(chars[n - 2])
            && !is_vowel(chars[n - 3]);
        if cvc {
            let last = chars[n - 1];
            forms.push(format!("{b}{last}ed"));
            forms.push(format!("{b}{last}ing"));
        } else {
            forms.push(format!("{b}ed"));
            forms.push(format!("{b}ing"));
        }
    }
    forms
}

/// Singular and plural of a noun.
pub fn noun_forms(base: &str) -> Vec<String> {
    let b = base.to_lowercase();
    let sibilant = ["s", "sh", "ch", "x", "z"].iter().any(|s| b.ends_with(s));
    let plural = if sibilant {
        format!("{b}es")
    } else if b.ends_with('y') && !b.ends_with("ey") && !b.ends_with("ay") {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    vec![b, plural]
}

/// Escape one word or phrase for a regex, letting a space or hyphen in the
/// phrase match a space, a hyphen or nothing ("dead-letter" = "dead letter").
fn escape_flexible(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split([' ', '-']).filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(r"[\s\-]?");
        }
        out.push_str(&regex::escape(part));
    }
    out
}

/// The regex source for one phrase with its inflections.
pub fn phrase_source(phrase: &str, mode: Inflect) -> String {
    let words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((first, rest)) = words.split_first() else {
        return String::new();
    };
    match mode {
        Inflect::None => escape_flexible(phrase),
        Inflect::Verb => {
            let alts: Vec<String> = verb_forms(first)
                .iter()
                .map(|f| escape_flexible(f))
                .collect();
            let tail = escape_flexible(&rest.join(" "));
            if tail.is_empty() {
                format!("(?:{})", alts.join("|"))
            } else {
                format!(r"(?:{})\s+{tail}", alts.join("|"))
            }
        }
        Inflect::Noun => {
            let (last, head) = words.split_last().unwrap_or((first, &[]));
            let alts: Vec<String> = noun_forms(last)
                .iter()
                .map(|f| escape_flexible(f))
                .collect();
            let head = escape_flexible(&head.join(" "));
            if head.is_empty() {
                format!("(?:{})", alts.join("|"))
            } else {
                format!(r"{head}[\s\-]?(?:{})", alts.join("|"))
            }
        }
    }
}

/// One case-insensitive regex source for phrases (inflected) and raw
/// patterns together, each bounded at word edges.
pub fn combined_source(phrases: &[String], mode: Inflect, patterns: &[String]) -> String {
    let mut alts: Vec<String> = phrases
        .iter()
        .map(|p| phrase_source(p.trim(), mode))
        .filter(|s| !s.is_empty())
        .map(|s| format!(r"\b{s}\b"))
        .collect();
    alts.extend(patterns.iter().map(|p| format!("(?:{p})")));
    format!("(?i){}", alts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_take_regular_forms() {
        assert_eq!(verb_forms("own"), ["own", "owns", "owned", "owning"]);
        assert_eq!(
            verb_forms("design"),
            ["design", "designs", "designed", "designing"]
        );
        assert_eq!(
            verb_forms("migrate"),
            ["migrate", "migrates", "migrated", "migrating"]
        );
        assert_eq!(verb_forms("ship"), ["ship", "ships", "shipped", "shipping"]);
        assert_eq!(
            verb_forms("unify"),
            ["unify", "unifies", "unified", "unifying"]
        );
        assert_eq!(verb_forms("establish")[1], "establishes");
    }

    #[test]
    fn nouns_take_plurals_and_flexible_hyphens() {
        let re = regex::Regex::new(&combined_source(
            &["dead-letter queue".into()],
            Inflect::Noun,
            &[],
        ))
        .unwrap();
        assert!(re.is_match("added dead letter queues"));
        assert!(re.is_match("a Dead-Letter Queue"));
        assert!(!re.is_match("dead queue"));
    }

    #[test]
    fn verb_phrases_inflect_the_first_word_only() {
        let re = regex::Regex::new(&combined_source(
            &["set the technical direction".into()],
            Inflect::Verb,
            &[],
        ))
        .unwrap();
        assert!(re.is_match("Setting the technical direction for payments"));
        assert!(!re.is_match("a setback"));
    }
}
