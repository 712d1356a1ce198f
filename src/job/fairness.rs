//! What a posting asks that levelscan must not assess: a degree, a school,
//! an age, a nationality or citizenship, a gender, a clearance or work
//! permit. Each is reported as "not assessed" with the posting's words, so
//! the recruiter sees it was read and set aside; none becomes a requirement
//! or a signal. Equal-opportunity statements ("regardless of age, gender
//! ...") ask for nothing and are skipped.

use super::clauses::sentences;
use super::sections::{PostingLine, contains_words};

/// Each kind of requirement never assessed, with the words that raise it.
const NOT_ASSESSED: &[(&str, &[&str])] = &[
    (
        "degree requirement",
        &[
            "degree",
            "bachelor",
            "bachelor's",
            "bachelors",
            "master's",
            "masters",
            "phd",
            "ph.d",
            "bs/ms",
            "b.s.",
            "m.s.",
            "bsc",
            "msc",
            "b.sc",
            "m.sc",
            "b.tech",
            "m.tech",
            "diploma",
            "graduate of",
            "university graduate",
            "college graduate",
            "ba/bs",
            "mba",
            "bs in",
            "bs or ms",
            "ms in",
            "ba in",
            "ma in",
            "b.a.",
            "cs degree",
            "related field",
            "computer science or related",
            "computer science or a related",
        ],
    ),
    (
        "school requirement",
        &[
            "top university",
            "top-tier university",
            "top tier university",
            "ivy league",
            "top school",
            "top-tier school",
            "prestigious university",
            "target school",
        ],
    ),
    (
        "age requirement",
        &[
            "years old",
            "years of age",
            "age limit",
            "under 30",
            "under 35",
            "under 40",
            "aged",
            "young team",
            "young and dynamic",
            "young, dynamic",
            "digital native",
            "digital natives",
            "recent graduate",
            "recent graduates",
            "recent grad",
            "recently graduated",
            "graduated within",
            "energetic young",
            "youthful",
        ],
    ),
    (
        "nationality or citizenship requirement",
        &[
            // "a US citizen", "citizens of the EU"; "citizens" alone are the
            // public a government service serves ("better results for
            // citizens"), not a requirement.
            "citizen",
            "citizens of",
            "citizens only",
            "citizens or permanent residents",
            "citizenship",
            "nationality",
            "national of",
            "native speaker",
            "native english",
            "native-level",
            "native level",
            "native german",
            "native french",
            "green card",
            "passport",
        ],
    ),
    (
        "work authorisation requirement",
        &[
            "authorized to work",
            "authorised to work",
            "work authorization",
            "work authorisation",
            "work permit",
            "visa sponsorship",
            "right to work",
            "eligible to work",
        ],
    ),
    (
        "security clearance requirement",
        &["security clearance", "clearance", "ts/sci", "polygraph"],
    ),
    (
        "gender requirement",
        &[
            "male candidates",
            "female candidates",
            "male only",
            "female only",
            "men only",
            "women only",
            "gentleman",
            "gentlemen",
            "salesman",
            "manpower",
            "guys only",
        ],
    ),
];

/// Words that mark a statement against discrimination, which asks nothing.
const EQUAL_OPPORTUNITY: &[&str] = &[
    "regardless of",
    "without regard",
    "equal opportunity",
    "equal employment",
    "discriminat",
    "we welcome",
    "we encourage",
    "all qualified applicants",
    "underrepresented",
    "diverse backgrounds",
    "protected",
    "inclusive",
    "accommodation",
];

/// Phrases that use a word of the lists above for something else
/// ("observability as a first-class citizen").
const FIGURES_OF_SPEECH: &[&str] = &[
    "first-class citizen",
    "first class citizen",
    "good citizen",
    "corporate citizen",
    "citizen developer",
];

/// The requirements the posting makes that are never assessed, one line
/// each, in the order first met, each kind once.
pub fn not_assessed(lines: &[PostingLine]) -> Vec<String> {
    let mut kinds_seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for line in lines {
        for (_, sentence) in sentences(&line.original) {
            let mut lower = sentence.to_lowercase().replace('\u{2019}', "'");
            for figure in FIGURES_OF_SPEECH {
                lower = lower.replace(figure, " ");
            }
            if EQUAL_OPPORTUNITY.iter().any(|w| lower.contains(w)) {
                continue;
            }
            for (kind, words) in NOT_ASSESSED {
                if kinds_seen.contains(kind) || !words.iter().any(|w| contains_words(&lower, w)) {
                    continue;
                }
                kinds_seen.push(kind);
                out.push(format!(
                    "{kind}: not assessed (\u{201c}{}\u{201d})",
                    shorten(sentence, 90)
                ));
            }
        }
    }
    out
}

/// At most `max` characters, cut at a word end with "…".
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim().trim_start_matches(['-', '*', '•', ' ']);
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::sections::SectionKind;

    fn lines(texts: &[&str]) -> Vec<PostingLine> {
        texts
            .iter()
            .map(|t| PostingLine {
                text: t.to_string(),
                original: t.to_string(),
                section: SectionKind::Required,
                heading: false,
            })
            .collect()
    }

    #[test]
    fn degrees_ages_and_citizenship_are_set_aside() {
        let found = not_assessed(&lines(&[
            "BS in Computer Science or a related degree",
            "Join our young and dynamic team",
            "Must be a US citizen",
            "Go and Kafka",
            "Observability as a first-class citizen",
            "Collaboration that achieves better results for citizens",
        ]));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("degree requirement: not assessed"));
        assert!(found[1].starts_with("age requirement"));
        assert!(found[2].starts_with("nationality or citizenship requirement"));
        let found = not_assessed(&lines(&["Open to citizens of the EU only"]));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn an_equal_opportunity_statement_asks_nothing() {
        assert!(
            not_assessed(&lines(&[
                "We hire regardless of age, gender, nationality or degree."
            ]))
            .is_empty()
        );
    }
}
