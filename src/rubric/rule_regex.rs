//! A rubric rule's regex, built without the regex engine's own literal
//! prefilter.
//!
//! `regex::Regex` works out the literals a pattern must contain, to skip
//! ahead in long texts; for rubric phrases — hundreds of inflected words
//! under `(?i)` — that analysis was half of compiling them, and every
//! process (the batch's parent and each worker) compiles the whole rubric
//! before its first file. Rubric regexes run on one sentence at a time, and
//! only after the rubric's own prefilter (`prefilter.rs`) has found one of
//! their words in it, so there is nothing left to skip: the same engine,
//! without that step, finds the same matches.

use std::ops::Range;

use regex_automata::meta;
use regex_syntax::hir::Hir;

/// A compiled rule regex, the source it came from and the syntax tree it
/// was compiled from (which the prefilter reads its words from).
#[derive(Debug, Clone)]
pub struct RuleRegex {
    source: String,
    hir: Hir,
    regex: meta::Regex,
}

impl RuleRegex {
    /// Compile `source` with the regex crate's defaults (Unicode,
    /// leftmost-first, the same size limit), less the literal prefilter.
    /// The error reads as the regex crate's would.
    pub fn new(source: &str) -> Result<RuleRegex, String> {
        // Parsed here, with the regex crate's syntax defaults, so that the
        // tree can be kept.
        let hir = regex_syntax::Parser::new()
            .parse(source)
            .map_err(|e| e.to_string())?;
        let regex = meta::Builder::new()
            .configure(config())
            .build_from_hir(&hir)
            .map_err(|e| match e.size_limit() {
                Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
                None => e.to_string(),
            })?;
        Ok(RuleRegex {
            source: source.to_string(),
            hir,
            regex,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The syntax tree the regex was compiled from (Unicode mode).
    pub fn hir(&self) -> &Hir {
        &self.hir
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    /// The leftmost-first match's byte range.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.regex.find(text).map(|m| m.range())
    }
}

/// The engine configuration of rule regexes (and of their ASCII-boundary
/// copies): the regex crate's, without the literal prefilter.
pub fn config() -> meta::Config {
    meta::Config::new()
        .auto_prefilter(false)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches as the regex crate on every example sentence and
    /// fixture resume line, for every signal, flag and title of the default
    /// rubric.
    #[test]
    fn finds_what_the_regex_crate_finds() {
        let rubric = crate::rubric::load_default().unwrap();
        let mut texts: Vec<String> = Vec::new();
        for s in &rubric.signals {
            texts.extend(s.examples_match.iter().chain(&s.examples_no_match).cloned());
        }
        for f in &rubric.flags {
            texts.extend(f.examples_match.iter().chain(&f.examples_no_match).cloned());
        }
        texts.extend(crate::rubric::fixture_lines("naïve"));
        let rules = rubric
            .signals
            .iter()
            .map(|s| &s.regex)
            .chain(rubric.flags.iter().map(|f| &f.regex))
            .chain(rubric.titles.iter().map(|t| &t.regex))
            .chain([&rubric.years.engineering_titles]);
        let mut found = 0;
        for rule in rules {
            let theirs = regex::Regex::new(rule.as_str()).unwrap();
            for text in &texts {
                let expected = theirs.find(text).map(|m| m.range());
                assert_eq!(rule.find(text), expected, "{} on {text:?}", rule.as_str());
                assert_eq!(rule.is_match(text), expected.is_some());
                found += usize::from(expected.is_some());
            }
        }
        assert!(found > 300, "{found} matches");
    }

    #[test]
    fn errors_read_as_the_regex_crates() {
        for bad in ["(unclosed", "[z-a]", r"\p{NoSuchClass}"] {
            let ours = RuleRegex::new(bad).unwrap_err();
            let theirs = regex::Regex::new(bad).unwrap_err().to_string();
            assert_eq!(ours, theirs);
        }
        let huge = format!("(?i)(?:{}){{50}}", r"\w{100}");
        let ours = RuleRegex::new(&huge).unwrap_err();
        assert_eq!(ours, regex::Regex::new(&huge).unwrap_err().to_string());
    }
}
