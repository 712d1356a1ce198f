//! Whether a posting is written in English, the only language whose
//! section headings and asking sentences the reader knows. A posting it
//! cannot read is refused either way; this only lets the refusal say why
//! and what to do (give the requirements with `--must` and `--nice`),
//! instead of claiming that the posting asks for nothing.

use super::sections::PostingLine;

/// Short words English prose cannot do without.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "with", "you", "your", "for", "we", "our", "are", "will", "have",
    "be", "an", "this", "that", "on", "as", "is", "in",
];

/// The same for the languages postings most often come in besides English
/// (Spanish, Portuguese, French, German, Dutch, Italian, Czech), leaving out
/// those that are English words too ("in", "do", "per", "no").
const OTHER: &[&str] = &[
    "de", "la", "el", "los", "las", "y", "con", "para", "por", "que", "una", "del", "da", "das",
    "dos", "e", "em", "com", "na", "le", "les", "des", "du", "et", "pour", "avec", "est", "vous",
    "nous", "der", "die", "und", "mit", "für", "ein", "eine", "zu", "von", "dem", "ist", "wir",
    "bei", "auf", "het", "een", "van", "en", "met", "voor", "je", "di", "il", "che", "v", "s",
    "se", "pro", "ve", "z",
];

/// Whether the posting is plainly in another language: most of its letters
/// are of another script (Chinese, Japanese, Cyrillic…), or, over at least
/// 30 words, another language's short words outnumber English ones. A
/// list of skills with few short words of any language is not judged.
pub fn not_in_english(lines: &[PostingLine]) -> bool {
    let (mut latin, mut other_script) = (0usize, 0usize);
    let (mut words, mut english, mut other) = (0usize, 0usize, 0usize);
    for line in lines {
        for c in line.original.chars().filter(|c| c.is_alphabetic()) {
            // Latin letters, accented ones included, end at U+024F.
            if c <= '\u{024F}' {
                latin += 1;
            } else {
                other_script += 1;
            }
        }
        for word in line.original.split_whitespace() {
            let word = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if word.is_empty() {
                continue;
            }
            words += 1;
            english += usize::from(ENGLISH.contains(&word.as_str()));
            other += usize::from(OTHER.contains(&word.as_str()));
        }
    }
    other_script > latin || (words >= 30 && other > english)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::sections::SectionKind;

    fn lines(text: &str) -> Vec<PostingLine> {
        text.lines()
            .map(|l| PostingLine {
                text: l.to_string(),
                original: l.to_string(),
                section: SectionKind::Opening,
                heading: false,
            })
            .collect()
    }

    #[test]
    fn postings_in_other_languages_are_told_from_english_ones() {
        let german = "Als Junior PHP Developer wirst du dich bei uns um die Weiterentwicklung unserer modernen E-Commerce-Plattform kümmern und neue Anforderungen in ein bestehendes System integrieren. Du arbeitest mit Symfony und MySQL in einem kleinen Team, das für die Qualität der Software verantwortlich ist.";
        let spanish = "En Mercado Libre estamos democratizando el comercio y los servicios financieros para transformar la vida de las personas de América Latina. Buscamos personas con experiencia en Java y Go para diseñar servicios que escalen.";
        let chinese = "我们的愿景\n作为全球十大数字资产交易所之一，我们在交易、安全和区块链产品创新方面提供一流的服务体验。\n熟悉 Swift 和 iOS 开发";
        let english = "We are looking for a backend engineer to join our team. You will build services in Go and PostgreSQL, and you have experience with Kafka and the systems that depend on it.";
        let skills_list = "Programming & Scripting:\nPython (essential)\nBash/Shell scripting (basic)\nMachine Learning:\nscikit-learn, pandas, NumPy (basic usage)\nVersion Control & Collaboration:\nGit / GitHub\nCI/CD & Automation:\nGitHub Actions or GitLab CI";
        assert!(not_in_english(&lines(german)));
        assert!(not_in_english(&lines(spanish)));
        assert!(not_in_english(&lines(chinese)));
        assert!(!not_in_english(&lines(english)));
        assert!(!not_in_english(&lines(skills_list)));
    }
}
