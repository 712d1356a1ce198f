//! Loading a vocabulary strictly: TOML text in, a checked [`Vocabulary`] or
//! one [`SkillsError`] naming the file, line, column and the problem.
//!
//! Refused: unknown keys (serde), a name given twice, a spelling claimed by
//! two skills, a spelling or phrase with no letter or digit in it, a
//! non-ASCII spelling (matching is ASCII case-insensitive), an `implies`
//! naming no skill, context rules on a skill with no `needs_context`
//! spelling (or the reverse), and any example that does not hold. Never
//! accepts a file it has not fully understood, never panics on one.

use std::collections::BTreeSet;
use std::ops::Range;

use rustc_hash::FxHashMap;
use toml::Spanned;

use super::context::{ContextRule, Phrases};
use super::matcher::{Matcher, Spelling};
use super::schema::{ContextKind, SkillDef, SkillsFile};
use super::{Skill, SkillId, Vocabulary, normalise};
use crate::rubric::load::line_and_column;

/// Why a vocabulary was refused. The message says where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkillsError {
    #[error("{file}: cannot read the skill vocabulary: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The most skills a vocabulary may hold (ids are 16-bit).
const MAX_SKILLS: usize = u16::MAX as usize;

/// Whether loading runs every skill's examples.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Examples {
    Check,
    /// Only for the built-in vocabulary, whose examples this crate's tests
    /// run: checking them costs every process that loads it ≈ 40 ms.
    Trust,
}

pub(super) fn load(text: &str, file: &str, examples: Examples) -> Result<Vocabulary, SkillsError> {
    let place = Place { text, file };
    let raw: SkillsFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        place.error_at(
            offset,
            format!(
                "{} (the fields are documented in rubrics/README.md, \"Skills\")",
                e.message().trim_end()
            ),
        )
    })?;
    if raw.skills.is_empty() {
        return Err(place.error_at(0, "no [[skill]] entries"));
    }
    if raw.skills.len() > MAX_SKILLS {
        return Err(place.error_at(0, format!("more than {MAX_SKILLS} skills")));
    }
    if raw.vocabulary.window == 0 {
        return Err(place.error_at(0, "[vocabulary] window must be at least 1"));
    }

    // Every spelling (names first, so a name always beats an alias in
    // messages) to its skill; a spelling claimed twice is refused.
    let mut by_spelling: FxHashMap<String, SkillId> = FxHashMap::default();
    let mut spellings: Vec<Spelling> = Vec::new();
    for (index, def) in raw.skills.iter().enumerate() {
        let id = SkillId(index as u16);
        let def = def.get_ref();
        let mut own: Vec<&Spanned<String>> = vec![&def.name];
        own.extend(def.aliases.iter());
        let mut seen_here = BTreeSet::new();
        for spelled in own {
            let written = spelled.get_ref().trim();
            place.check_spelling(written, spelled.span())?;
            for variant in variants(written) {
                let key = normalise(&variant);
                if !seen_here.insert(key.clone()) {
                    continue;
                }
                if let Some(&other) = by_spelling.get(&key) {
                    let other_name = raw.skills[other.index()].get_ref().name.get_ref();
                    let what = if other == id { "twice" } else { "already" };
                    return Err(place.error(
                        spelled.span(),
                        format!("\"{written}\" is {what} a spelling of \"{other_name}\": a spelling names one skill"),
                    ));
                }
                by_spelling.insert(key, id);
                spellings.push(Spelling {
                    skill: id,
                    written: variant,
                    rule: None,
                });
            }
        }
    }

    let title_words: std::sync::Arc<[String]> = raw
        .vocabulary
        .title_words
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    let mut rules: Vec<ContextRule> = Vec::new();
    let mut skills: Vec<Skill> = Vec::with_capacity(raw.skills.len());
    let mut direct_implies: Vec<Vec<SkillId>> = Vec::with_capacity(raw.skills.len());
    for (index, spanned) in raw.skills.iter().enumerate() {
        let id = SkillId(index as u16);
        let def = spanned.get_ref();
        let name = def.name.get_ref().trim();
        let category = def.category.get_ref().trim();
        if category.is_empty() {
            return Err(place.error(
                def.category.span(),
                format!("skill \"{name}\": empty category"),
            ));
        }
        let mut implies = Vec::new();
        for target in &def.implies {
            let Some(&target_id) = by_spelling.get(&normalise(target.get_ref())) else {
                return Err(place.error(
                    target.span(),
                    format!(
                        "skill \"{name}\" implies \"{}\", which no skill is called",
                        target.get_ref()
                    ),
                ));
            };
            if target_id != id && !implies.contains(&target_id) {
                implies.push(target_id);
            }
        }
        direct_implies.push(implies);
        if let Some(rule) =
            place.context_rule(def, raw.vocabulary.window, &title_words, spanned.span())?
        {
            let rule_index = rules.len();
            rules.push(rule);
            for spelled in &def.needs_context {
                let key = normalise(spelled.get_ref());
                if by_spelling.get(&key) != Some(&id) {
                    return Err(place.error(
                        spelled.span(),
                        format!(
                            "skill \"{name}\": needs_context \"{}\" is not one of its spellings",
                            spelled.get_ref()
                        ),
                    ));
                }
                // The spelling keeps the case written in needs_context, for
                // the `case` context. (Only this skill's spellings can be it:
                // comparing those alone keeps loading linear.)
                for s in spellings
                    .iter_mut()
                    .filter(|s| s.skill == id && normalise(&s.written) == key)
                {
                    s.rule = Some(rule_index);
                    s.written = spelled.get_ref().trim().to_string();
                }
            }
        }
        skills.push(Skill {
            name: name.to_string(),
            category: category.to_string(),
            implies: Vec::new(),
            kind: def.kind,
        });
    }
    for (index, skill) in skills.iter_mut().enumerate() {
        skill.implies = closure(&direct_implies, SkillId(index as u16));
    }
    // A kind no skill is work in has no examples to stand in for it: the
    // flag would do nothing, which is a slip in the file.
    for (index, spanned) in raw.skills.iter().enumerate() {
        let def = spanned.get_ref();
        let id = SkillId(index as u16);
        if def.kind && !skills.iter().any(|s| s.implies.contains(&id)) {
            return Err(place.error(
                spanned.span(),
                format!(
                    "skill \"{}\" is a kind, but no skill implies it",
                    def.name.get_ref().trim()
                ),
            ));
        }
    }

    let matcher = Matcher::new(spellings, rules);
    let vocabulary = Vocabulary {
        name: raw.vocabulary.name.clone(),
        version: raw.vocabulary.version,
        skills,
        by_spelling,
        matcher,
    };
    // Every failing example at once, placed at the first failing skill, so
    // that one run of `rubric check` shows all there is to fix.
    let mut first_failing: Option<Range<usize>> = None;
    let mut failures: Vec<String> = Vec::new();
    let to_check = if examples == Examples::Check {
        raw.skills.len()
    } else {
        0
    };
    for (index, spanned) in raw.skills.iter().enumerate().take(to_check) {
        let these = super::examples::failures_of(
            &vocabulary,
            SkillId(index as u16),
            &spanned.get_ref().examples,
        );
        if !these.is_empty() && first_failing.is_none() {
            first_failing = Some(spanned.span());
        }
        failures.extend(these);
    }
    if let Some(span) = first_failing {
        return Err(place.error(span, failures.join("\n")));
    }
    Ok(vocabulary)
}

/// A spelling and the forms it also matches: "react native" also as
/// "react-native".
fn variants(written: &str) -> Vec<String> {
    let collapsed = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = vec![collapsed.clone()];
    if collapsed.contains(' ') {
        out.push(collapsed.replace(' ', "-"));
    }
    out
}

/// Every skill reachable through `implies`, in order of discovery, not
/// counting the skill itself (a cycle is harmless).
fn closure(direct: &[Vec<SkillId>], start: SkillId) -> Vec<SkillId> {
    let mut out: Vec<SkillId> = Vec::new();
    let mut queue: Vec<SkillId> = direct[start.index()].clone();
    while let Some(next) = queue.first().copied() {
        queue.remove(0);
        if next == start || out.contains(&next) {
            continue;
        }
        out.push(next);
        queue.extend(direct[next.index()].iter().copied());
    }
    out
}

struct Place<'a> {
    text: &'a str,
    file: &'a str,
}

impl Place<'_> {
    fn error_at(&self, offset: usize, message: impl Into<String>) -> SkillsError {
        let (line, column) = line_and_column(self.text, offset);
        SkillsError::Invalid {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn error(&self, span: Range<usize>, message: impl Into<String>) -> SkillsError {
        self.error_at(span.start, message)
    }

    /// A spelling must be matchable: ASCII, with a letter or digit.
    fn check_spelling(&self, written: &str, span: Range<usize>) -> Result<(), SkillsError> {
        if !written.chars().any(|c| c.is_ascii_alphanumeric()) {
            return Err(self.error(
                span,
                format!("\"{written}\" cannot be matched: a spelling needs a letter or digit"),
            ));
        }
        if !written.is_ascii() {
            return Err(self.error(
                span,
                format!("\"{written}\": spellings are ASCII (matching ignores ASCII case only)"),
            ));
        }
        Ok(())
    }

    /// The skill's context rule, or none when no spelling needs context.
    fn context_rule(
        &self,
        def: &SkillDef,
        window: usize,
        title_words: &std::sync::Arc<[String]>,
        span: Range<usize>,
    ) -> Result<Option<ContextRule>, SkillsError> {
        let name = def.name.get_ref();
        let has_rules = !def.context.is_empty()
            || !def.near.is_empty()
            || !def.not_near.is_empty()
            || def.also_a_name;
        if def.needs_context.is_empty() {
            if has_rules {
                return Err(self.error(span, format!("skill \"{name}\": context, near, not_near and also_a_name apply only to needs_context spellings, and it has none")));
            }
            return Ok(None);
        }
        if def.context.is_empty() {
            return Err(self.error(span, format!("skill \"{name}\": needs_context without `context` would never match; list the kinds of context accepted (list, near, version, case)")));
        }
        if def.context.contains(&ContextKind::Near) == def.near.is_empty() {
            return Err(self.error(
                span,
                format!("skill \"{name}\": `near` words and the `near` context kind go together"),
            ));
        }
        if def.examples.matches.is_empty() || def.examples.no_match.is_empty() {
            return Err(self.error(span, format!("skill \"{name}\": a spelling that needs context needs examples that match and that do not")));
        }
        let phrases = |list: &[Spanned<String>]| -> Result<Vec<String>, SkillsError> {
            list.iter()
                .map(|p| {
                    let phrase = normalise(p.get_ref());
                    if phrase.chars().any(char::is_alphanumeric) {
                        Ok(phrase)
                    } else {
                        Err(self.error(
                            p.span(),
                            format!("skill \"{name}\": \"{}\" is not a phrase", p.get_ref()),
                        ))
                    }
                })
                .collect()
        };
        Ok(Some(ContextRule {
            kinds: def.context.clone(),
            near: Phrases::new(phrases(&def.near)?),
            not_near: Phrases::new(phrases(&def.not_near)?),
            window,
            also_a_name: def.also_a_name,
            title_words: title_words.clone(),
        }))
    }
}
