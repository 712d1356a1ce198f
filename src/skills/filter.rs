//! A quick test of which of a few skills a text can name, before the
//! vocabulary's full search runs on it.
//!
//! A screen against a posting looks for a dozen requirements in every
//! sentence of every resume, and most sentences name none of them: the full
//! search (a walk of the whole vocabulary's trie at every word start, then
//! context rules) is the larger part of what `--job` costs per file. The
//! filter holds just the spellings of the skills that matter, in a trie of
//! their own (small, built once per process), tried at each place a word
//! may start; a spelling counts when it is not glued to a letter after it.
//! Every mention the full search could report of those skills is found
//! (the full search too tries spellings only where words start, and takes
//! none joined to a following letter), so the filter changes no result: it
//! only skips texts, and skills, that cannot be there.

use super::SkillId;
use super::trie::SpellingTrie;

/// The spellings of some skills, to test texts against.
#[derive(Debug, Clone)]
pub struct SpellingFilter {
    spellings: SpellingTrie,
    /// The skill of each spelling in the trie, by index.
    skill_of: Vec<SkillId>,
    /// Whether it was built for each skill of the vocabulary, by index
    /// (what two filters compare by).
    kept: Vec<bool>,
}

impl PartialEq for SpellingFilter {
    fn eq(&self, other: &SpellingFilter) -> bool {
        self.kept == other.kept
    }
}

impl SpellingFilter {
    /// The filter for the skills `kept` marks (by index), each spelled
    /// every way in `spellings` (matched ASCII case-insensitively, as the
    /// full search matches).
    pub(super) fn new<'a>(
        kept: Vec<bool>,
        spellings: impl IntoIterator<Item = (SkillId, &'a str)>,
    ) -> SpellingFilter {
        let (skill_of, written): (Vec<SkillId>, Vec<&str>) = spellings.into_iter().unzip();
        SpellingFilter {
            spellings: SpellingTrie::new(written),
            skill_of,
            kept,
        }
    }

    /// Whether the filter was built for `skill`: a mention of it is one
    /// the filter lets through.
    pub fn keeps(&self, skill: SkillId) -> bool {
        self.kept.get(skill.index()).copied().unwrap_or(false)
    }

    /// The skills `text` may name, each once: every skill of the filter's
    /// that the full search would find in it is among them.
    pub fn named_in(&self, text: &str) -> Vec<SkillId> {
        let bytes = text.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut skills: Vec<SkillId> = Vec::new();
        for at in 0..bytes.len() {
            if at > 0 && word_byte(bytes[at - 1]) {
                continue;
            }
            self.spellings.each_at_start(&bytes[at..], |spelling, len| {
                let end = at + len;
                // A following digit may be a glued version ("Python3"); a
                // following letter always makes another word ("Gopher").
                let glued_to_letter = bytes[end - 1].is_ascii_alphanumeric()
                    && bytes
                        .get(end)
                        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_');
                let skill = self.skill_of[spelling];
                if !glued_to_letter && !skills.contains(&skill) {
                    skills.push(skill);
                }
            });
        }
        skills
    }
}

#[cfg(test)]
mod tests {
    use crate::skills::Vocabulary;

    /// Whether the filter lets `text` through: false only when the full
    /// search would certainly find none of its skills there.
    fn may_name(filter: &super::SpellingFilter, text: &str) -> bool {
        !filter.named_in(text).is_empty()
    }

    fn filter_for(names: &[&str]) -> super::SpellingFilter {
        let vocab = Vocabulary::builtin();
        let ids: Vec<_> = names.iter().map(|n| vocab.canonical(n).unwrap()).collect();
        vocab.filter(|s| ids.contains(&s))
    }

    #[test]
    fn a_text_passes_when_a_spelling_stands_as_a_word() {
        let f = filter_for(&["Go", "PostgreSQL"]);
        assert!(may_name(&f, "Built services in Golang and Postgres."));
        assert!(may_name(&f, "Tuned psql queries"));
        assert!(may_name(&f, "GO"));
        assert!(!may_name(&f, "Good engineers"));
        // Joined by a hyphen, "go" may still be the language ("Go-based"):
        // the full search's context rules judge it, not the filter.
        assert!(may_name(&f, "go-getters"));
    }

    #[test]
    fn a_spelling_inside_another_word_does_not_pass() {
        let f = filter_for(&["Go", "Java"]);
        assert!(!may_name(&f, "Ran a good algorithm at Google"));
        assert!(!may_name(&f, "Wrote JavaScript for a cargo app"));
        assert!(may_name(&f, "Wrote Java17 services"));
    }

    #[test]
    fn a_text_may_name_the_skills_whose_spellings_stand_in_it() {
        let vocab = Vocabulary::builtin();
        let id = |n: &str| vocab.canonical(n).unwrap();
        let f = filter_for(&["Go", "PostgreSQL", "Kafka"]);
        assert_eq!(
            f.named_in("Ran Postgres and psql, then golang"),
            vec![id("PostgreSQL"), id("Go")]
        );
        assert!(f.named_in("Good engineers at Google").is_empty());
        // Every skill the full search finds is among those the filter
        // names: a filter of the whole vocabulary names at least them.
        let all = vocab.filter(|_| true);
        for text in [
            "Built the Go (golang) ingest service on Kafka and Postgres 15.",
            "Spring Boot 3.4 microservices on AWS (EKS); CI/CD in GitHub Actions.",
        ] {
            let named = all.named_in(text);
            for mention in vocab.find(text) {
                assert!(named.contains(&mention.skill), "{text:?}");
            }
        }
    }

    #[test]
    fn no_skill_lets_nothing_pass() {
        assert!(!may_name(&filter_for(&[]), "Go, Java, Kafka"));
    }

    /// The promise that makes the filter safe: wherever the full search
    /// finds one of the skills, the filter passes the text.
    #[test]
    fn every_text_the_full_search_names_a_skill_in_passes() {
        let vocab = Vocabulary::builtin();
        let texts = [
            "Built the Go (golang) ingest service on Kafka and Postgres 15.",
            "Python3, Node.js/TypeScript, C++ and C# on .NET 8; k8s via Helm.",
            "Led a team of 5 using Spring Boot 3.4 microservices on AWS (EKS).",
            "Skills: R, SQL, Scala, Spark; ETL pipelines in dbt and Airflow.",
            "Migrated CI/CD from Jenkins to GitHub Actions; Terraform on GCP.",
        ];
        for text in texts {
            for mention in vocab.find(text) {
                let f = vocab.filter(|s| s == mention.skill);
                assert!(
                    may_name(&f, text),
                    "{} in {text:?} must pass",
                    vocab.name(mention.skill)
                );
            }
        }
    }
}
