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
use std::sync::OnceLock;

use regex_automata::meta;
use regex_syntax::hir::Hir;

/// A rule regex: the source it comes from and, once compiled, the syntax
/// tree it was compiled from (which the prefilter reads its words from)
/// and the regex.
#[derive(Clone)]
pub struct RuleRegex {
    source: String,
    compiled: OnceLock<Compiled>,
}

/// A rule shows as its source: the compiled engine's state is no part of
/// what the rubric says.
impl std::fmt::Debug for RuleRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RuleRegex").field(&self.source).finish()
    }
}

#[derive(Clone)]
struct Compiled {
    hir: Hir,
    regex: meta::Regex,
}

impl RuleRegex {
    /// Compile `source` with the regex crate's defaults (Unicode,
    /// leftmost-first, the same size limit), less the literal prefilter.
    /// The error reads as the regex crate's would.
    pub fn new(source: &str) -> Result<RuleRegex, String> {
        let compiled = compile(source)?;
        Ok(RuleRegex {
            source: source.to_string(),
            compiled: OnceLock::from(compiled),
        })
    }

    /// `source`, compiled the first time it is used: for a rule already
    /// known to compile (the embedded rubric's, which its tests compile) in
    /// a process that may never use it — the batch's parent reads the
    /// rubric's names and levels, and compiling every rule cost it ≈ 11 ms
    /// of a core the workers were starting on.
    pub fn deferred(source: String) -> RuleRegex {
        RuleRegex {
            source,
            compiled: OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The syntax tree the regex was compiled from (Unicode mode).
    pub fn hir(&self) -> &Hir {
        &self.compiled().hir
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.compiled().regex.is_match(text)
    }

    /// The leftmost-first match's byte range.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.compiled().regex.find(text).map(|m| m.range())
    }

    /// Whether the regex has been compiled yet.
    #[cfg(test)]
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            compile(&self.source).unwrap_or_else(|e| {
                panic!(
                    "a deferred rule compiles (the embedded rubric's tests compile it): {:?}: {e}",
                    self.source
                )
            })
        })
    }
}

fn compile(source: &str) -> Result<Compiled, String> {
    // Parsed here, with the regex crate's syntax defaults, so that the tree
    // can be kept.
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
    Ok(Compiled { hir, regex })
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
                .chain([rubric.years.engineering_titles.clone()])
                .collect()
        };
        let (now, deferred) = (rules(&now), rules(&deferred));
        assert!(now.len() > 30);
        assert!(now.iter().all(RuleRegex::is_compiled));
        assert!(!deferred.iter().any(RuleRegex::is_compiled));
        let lines: Vec<String> = crate::rubric::fixture_lines("");
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
