//! A rubric rule's regex, built without the regex engine's own literal
//! prefilter, and for the embedded rubric only when first needed.
//!
//! `regex::Regex` works out the literals a pattern must contain, to skip
//! ahead in long texts; for rubric phrases — hundreds of inflected words
//! under `(?i)` — that analysis was half of compiling them. Rubric regexes
//! run on one sentence at a time, and only after the rubric's own
//! prefilter (`prefilter.rs`) has found one of their words in it, so there
//! is nothing left to skip: the same engine, without that step, finds the
//! same matches. A rubric file is compiled whole while it loads, so that a
//! bad pattern is reported then; the embedded rubric, which its tests
//! compile, is compiled rule by rule as the batch's processes need it
//! ([`RuleRegex::deferred`]).

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta;
use regex_syntax::hir::Hir;

/// A rule regex: the source it comes from and, once needed, the syntax
/// tree parsed from it (which the prefilter and the ASCII-boundary copy
/// read) and the regex compiled from that tree.
#[derive(Clone)]
pub struct RuleRegex {
    source: String,
    hir: OnceLock<Hir>,
    regex: OnceLock<meta::Regex>,
}

/// A rule shows as its source: the compiled engine's state is no part of
/// what the rubric says.
impl std::fmt::Debug for RuleRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RuleRegex").field(&self.source).finish()
    }
}

impl RuleRegex {
    /// Compile `source` with the regex crate's defaults (Unicode,
    /// leftmost-first, the same size limit), less the literal prefilter.
    /// The error reads as the regex crate's would.
    pub fn new(source: &str) -> Result<RuleRegex, String> {
        let hir = parse(source)?;
        let regex = build(&hir)?;
        Ok(RuleRegex {
            source: source.to_string(),
            hir: OnceLock::from(hir),
            regex: OnceLock::from(regex),
        })
    }

    /// `source`, parsed and compiled the first time each is needed: for a
    /// rule already known to compile (the embedded rubric's, which its
    /// tests compile). The batch's parent reads the rubric's names and
    /// levels and matches no rule; a worker matches most sentences with the
    /// ASCII-boundary copies (`ascii_bounds.rs`), built from the tree, and
    /// needs a rule's own regex only for text with word characters beyond
    /// ASCII. Compiling every rule up front cost each process ≈ 11 ms.
    pub fn deferred(source: String) -> RuleRegex {
        RuleRegex {
            source,
            hir: OnceLock::new(),
            regex: OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The syntax tree the regex is compiled from (Unicode mode).
    pub fn hir(&self) -> &Hir {
        self.hir
            .get_or_init(|| parse(&self.source).unwrap_or_else(|e| self.not_deferrable(&e)))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_match(text)
    }

    /// The leftmost-first match's byte range.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.regex().find(text).map(|m| m.range())
    }

    /// Whether the regex has been compiled yet.
    #[cfg(test)]
    pub fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }

    fn regex(&self) -> &meta::Regex {
        self.regex
            .get_or_init(|| build(self.hir()).unwrap_or_else(|e| self.not_deferrable(&e)))
    }

    fn not_deferrable(&self, error: &str) -> ! {
        panic!(
            "a deferred rule compiles (the embedded rubric's tests compile it): {:?}: {error}",
            self.source
        )
    }
}

/// Parsed with the regex crate's syntax defaults.
fn parse(source: &str) -> Result<Hir, String> {
    regex_syntax::Parser::new()
        .parse(source)
        .map_err(|e| e.to_string())
}

fn build(hir: &Hir) -> Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(config())
        .build_from_hir(hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
            None => e.to_string(),
        })
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
        texts.extend(crate::matching::fixture_lines("naïve"));
        let rules = rubric
            .signals
            .iter()
            .map(|s| &s.regex)
            .chain(rubric.flags.iter().map(|f| &f.regex))
            .chain(rubric.titles.iter().map(|t| &t.regex))
            .chain([
                &rubric.years.engineering_titles,
                &rubric.years.student_titles,
                &rubric.years.other_titles,
                &rubric.years.undecided_titles,
                &rubric.years.not_jobs,
                &rubric.years.engineering_work,
            ]);
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

    /// The embedded rubric read with its regexes deferred is the same
    /// rubric, compiles nothing until a rule is used, and then matches as
    /// the rubric compiled while loading.
    #[test]
    fn a_deferred_rubric_is_the_same_rubric() {
        let now = crate::rubric::load_default().unwrap();
        let deferred = crate::rubric::load_default_deferred().unwrap();
        // Everything but the rules is read the same way in both; the rules
        // come from the same sources.
        assert_eq!(
            format!("{:?}", now.levels),
            format!("{:?}", deferred.levels)
        );
        assert_eq!(format!("{:?}", now.flags), format!("{:?}", deferred.flags));
        assert_eq!(
            format!("{:?}", now.signals),
            format!("{:?}", deferred.signals)
        );
        let rules = |rubric: &crate::rubric::Rubric| -> Vec<RuleRegex> {
            let signals = rubric.signals.iter().map(|s| s.regex.clone());
            let flags = rubric.flags.iter().map(|f| f.regex.clone());
            let titles = rubric.titles.iter().map(|t| t.regex.clone());
            signals
                .chain(flags)
                .chain(titles)
                .chain([
                    rubric.years.engineering_titles.clone(),
                    rubric.years.student_titles.clone(),
                    rubric.years.other_titles.clone(),
                    rubric.years.undecided_titles.clone(),
                    rubric.years.not_jobs.clone(),
                    rubric.years.engineering_work.clone(),
                ])
                .collect()
        };
        let (now, deferred) = (rules(&now), rules(&deferred));
        assert!(now.len() > 30);
        assert!(now.iter().all(RuleRegex::is_compiled));
        assert!(!deferred.iter().any(RuleRegex::is_compiled));
        let lines: Vec<String> = crate::matching::fixture_lines("");
        for (compiled, deferred) in now.iter().zip(&deferred) {
            for line in &lines {
                assert_eq!(compiled.find(line), deferred.find(line), "{line:?}");
            }
            assert!(deferred.is_compiled());
            assert_eq!(compiled.hir(), deferred.hir());
        }
    }

    #[test]
    #[should_panic(expected = "a deferred rule compiles")]
    fn a_deferred_rule_that_does_not_compile_says_so_when_used() {
        RuleRegex::deferred("(unclosed".to_string()).is_match("text");
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
