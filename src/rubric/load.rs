//! Loading a rubric strictly: TOML text in, a checked [`Rubric`] or one
//! [`RubricError`] naming the file, line, column and the fix.
//!
//! Every check happens here, before the first resume is read: unknown keys
//! (serde), patterns that do not compile, thresholds out of order, tiers out
//! of order, signals or gates that name a family or signal that does not
//! exist, levels missing or misspelt. This must never accept a rubric it has
//! not fully understood, and never panic on one.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use toml::Spanned;

use super::schema::{self, Examples, Measure, RubricFile};
use super::{
    ClaimRules, DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME, Expectation, Family, Feature, FitWeights,
    FlagRule, JobRules, Level, LevelRule, Metric, Model, Question, Rubric, Scoring, SectionKind,
    SectionWeights, Signal, Tier, TitleRule, YearsRule,
};
use crate::matching::ascii_bounds::AsciiBounds;
use crate::matching::inflect::{combined_source, verb_forms};
use crate::matching::metric_words::{ContextWords, MetricWords};
use crate::matching::rule_regex::RuleRegex;

/// Why a rubric was refused. The message says where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricError {
    #[error("{file}: cannot read the rubric: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Load the rubric compiled into the binary.
pub fn load_default() -> Result<Rubric, RubricError> {
    load_str(DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME)
}

/// The rubric compiled into the binary, each rule parsed and compiled the
/// first time it is needed ([`RuleRegex::deferred`]): for the batch's
/// processes, the parent, which matches no rule, and the workers, which
/// match most sentences with the rules' ASCII-boundary copies. The
/// embedded rubric is known to compile: its tests load it with
/// [`load_default`].
pub fn load_default_deferred() -> Result<Rubric, RubricError> {
    parse_and_build(DEFAULT_RUBRIC, DEFAULT_RUBRIC_NAME, Regexes::Deferred)
}

/// Read and load a rubric file.
pub fn load_file(path: &Path) -> Result<Rubric, RubricError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| RubricError::Read {
        file: file.clone(),
        message: e.to_string(),
    })?;
    load_str(&text, &file)
}

/// Load a rubric from text; `file` names it in error messages.
pub fn load_str(text: &str, file: &str) -> Result<Rubric, RubricError> {
    parse_and_build(text, file, Regexes::CompiledNow)
}

fn parse_and_build(text: &str, file: &str, regexes: Regexes) -> Result<Rubric, RubricError> {
    let loader = Loader {
        text,
        file,
        regexes,
    };
    let raw: RubricFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = format!(
            "{} (the fields are documented in rubrics/README.md)",
            e.message().trim_end()
        );
        loader.error_at(offset, message)
    })?;
    loader.build(raw)
}

struct Loader<'a> {
    text: &'a str,
    file: &'a str,
    regexes: Regexes,
}

/// When the rules' regexes are compiled.
#[derive(Clone, Copy)]
enum Regexes {
    /// While loading, so that a bad pattern is reported then.
    CompiledNow,
    /// On first use: only for the embedded rubric.
    Deferred,
}

/// The 1-based line and column (in characters) of a byte offset in a
/// file's text: where an error in a TOML file (a rubric, a skill
/// vocabulary) points.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl Loader<'_> {
    fn error_at(&self, offset: usize, message: impl Into<String>) -> RubricError {
        let (line, column) = line_and_column(self.text, offset);
        RubricError::Invalid {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn error(&self, span: Range<usize>, message: impl Into<String>) -> RubricError {
        self.error_at(span.start, message)
    }

    fn build(&self, raw: RubricFile) -> Result<Rubric, RubricError> {
        let families = self.families(&raw.families)?;
        let family_ids: Vec<&str> = families.iter().map(|f| f.id.as_str()).collect();
        let find_family = |name: &Spanned<String>| -> Result<usize, RubricError> {
            family_ids
                .iter()
                .position(|f| *f == name.get_ref())
                .ok_or_else(|| {
                    self.error(
                        name.span(),
                        format!(
                            "family \"{}\" does not exist; declare it with [[family]] or use one of: {}",
                            name.get_ref(),
                            family_ids.join(", ")
                        ),
                    )
                })
        };

        let mut ids = BTreeSet::new();
        let mut signals = Vec::new();
        for s in &raw.signals {
            let span = s.span();
            let s = s.get_ref();
            self.unique_id(&mut ids, &s.id, span.clone())?;
            let family = find_family(&s.family)?;
            self.non_negative(s.weight, "weight", span.clone())?;
            if s.max_hits == 0 {
                return Err(self.error(
                    span,
                    format!("signal \"{}\": max_hits must be at least 1", s.id),
                ));
            }
            let regex =
                self.phrase_regex(&s.id, &s.phrases, s.inflect, &s.patterns, span.clone())?;
            self.require_examples(&s.id, &s.examples, span)?;
            let questions = self.questions(
                &format!("signal \"{}\"", s.id),
                &s.questions,
                Question::EVIDENCE_PLACEHOLDERS,
            )?;
            signals.push(Signal {
                id: s.id.clone(),
                family,
                weight: s.weight,
                max_hits: s.max_hits,
                context: s.context,
                scope: s.scope,
                leadership: s.leadership,
                bounds: AsciiBounds::default(),
                regex,
                describe: s.describe.clone(),
                questions,
                examples_match: s.examples.matches.clone(),
                examples_no_match: s.examples.no_match.clone(),
            });
        }

        let mut metrics = Vec::new();
        for m in &raw.metrics {
            let span = m.span();
            let m = m.get_ref();
            self.unique_id(&mut ids, &m.id, span.clone())?;
            let family = find_family(&m.family)?;
            self.non_negative(m.weight, "weight", span.clone())?;
            if m.max_hits == 0 {
                return Err(self.error(
                    span,
                    format!("metric \"{}\": max_hits must be at least 1", m.id),
                ));
            }
            if matches!(m.measure, Measure::Rate | Measure::Count) && m.units.is_empty() {
                return Err(self.error(
                    span,
                    format!("metric \"{}\": a {:?} metric needs `units` (the words after the number, e.g. \"rps\", \"regions\")", m.id, m.measure).to_lowercase(),
                ));
            }
            if m.measure == Measure::Percent && m.context.is_empty() {
                return Err(self.error(
                    span,
                    format!("metric \"{}\": a percent metric needs `context` words (e.g. \"uptime\"), or every percentage would count", m.id),
                ));
            }
            let tiers: Vec<Tier> = m
                .tiers
                .as_ref()
                .map_or(&[][..], |t| t.get_ref().as_slice())
                .iter()
                .map(|t| Tier {
                    at_least: t.at_least,
                    weight: t.weight,
                })
                .collect();
            if tiers.windows(2).any(|w| w[1].at_least <= w[0].at_least) {
                return Err(self.error(
                    m.tiers.as_ref().map_or(span.clone(), |t| t.span()),
                    format!("metric \"{}\": tiers must be in ascending order of `at_least`, each larger than the one before", m.id),
                ));
            }
            self.require_examples(&m.id, &m.examples, span)?;
            let questions = self.questions(
                &format!("metric \"{}\"", m.id),
                &m.questions,
                Question::EVIDENCE_PLACEHOLDERS,
            )?;
            let units: Vec<String> = m.units.iter().map(|u| u.to_lowercase()).collect();
            let implied_per_second: Vec<String> = m
                .implied_per_second
                .iter()
                .map(|u| u.to_lowercase())
                .collect();
            let context: Vec<String> = m.context.iter().map(|c| c.to_lowercase()).collect();
            metrics.push(Metric {
                id: m.id.clone(),
                family,
                measure: m.measure,
                words: MetricWords::new(units.iter().chain(&implied_per_second)),
                units,
                implied_per_second,
                unit_factors: m
                    .unit_factors
                    .iter()
                    .map(|(k, v)| (k.to_lowercase(), *v))
                    .collect::<BTreeMap<_, _>>(),
                context,
                weight: m.weight,
                tiers,
                improvement_weight: m.improvement_weight,
                max_hits: m.max_hits,
                describe: m.describe.clone(),
                questions,
                examples_match: m.examples.matches.clone(),
                examples_no_match: m.examples.no_match.clone(),
            });
        }

        let known_signal = |name: &Spanned<String>| -> Result<String, RubricError> {
            if ids.contains(name.get_ref()) {
                Ok(name.get_ref().clone())
            } else {
                Err(self.error(
                    name.span(),
                    format!(
                        "no signal or metric is called \"{}\"; check the spelling against the [[signal]] and [[metric]] ids",
                        name.get_ref()
                    ),
                ))
            }
        };

        let levels = self.levels(&raw.levels, &find_family, &known_signal)?;
        let model = self.model(&raw.model, &families)?;
        let claims = self.claims(&raw.claims)?;
        let job = raw.job.as_ref().map(|j| self.job(j)).transpose()?;

        let mut achievement_signals = Vec::new();
        for s in &raw.scoring.achievement_signals {
            achievement_signals.push(known_signal(s)?);
        }
        let scoring = Scoring {
            achievement_signals,
            bare_mention_factor: raw.scoring.bare_mention_factor,
            list_line_factor: raw.scoring.list_line_factor,
            other_career_factor: raw.scoring.other_career_factor,
            list_min_items: raw.scoring.list_min_items.max(2),
            tool_stuffing_min_items: raw.scoring.tool_stuffing_min_items.max(2),
            min_item_weight: raw.scoring.min_item_weight,
        };

        let s = &raw.sections;
        let by_kind: BTreeMap<SectionKind, f64> = [
            (SectionKind::Header, s.header),
            (SectionKind::Summary, s.summary),
            (SectionKind::Experience, s.experience),
            (SectionKind::Projects, s.projects),
            (SectionKind::Skills, s.skills),
            (SectionKind::Education, s.education),
            (SectionKind::Other, s.other),
        ]
        .into_iter()
        .collect();
        if let Some((kind, _)) = by_kind.iter().find(|(_, w)| w.is_nan() || **w < 0.0) {
            return Err(self.error_at(
                self.text.find("[sections]").unwrap_or(0),
                format!(
                    "[sections] {}: a section weight must be 0 or more",
                    kind.name()
                ),
            ));
        }

        let years = YearsRule {
            engineering_titles: self
                .word_regex(&raw.years.engineering_titles, "[years] engineering_titles")?,
            student_titles: self.word_regex(&raw.years.student_titles, "[years] student_titles")?,
            other_titles: self.word_regex(&raw.years.other_titles, "[years] other_titles")?,
            undecided_titles: self
                .optional_word_regex(&raw.years.undecided_titles, "[years] undecided_titles")?,
            not_jobs: self.optional_word_regex(&raw.years.not_jobs, "[years] not_jobs")?,
            engineering_work: self
                .word_regex(&raw.years.engineering_work, "[years] engineering_work")?,
        };

        let mut flags = Vec::new();
        for f in &raw.flags {
            let span = f.span();
            let f = f.get_ref();
            let regex =
                self.phrase_regex(&f.id, &f.phrases, f.inflect, &f.patterns, span.clone())?;
            let mut sections = Vec::new();
            for name in &f.sections {
                sections.push(SectionKind::from_name(name.get_ref()).ok_or_else(|| {
                    self.error(
                        name.span(),
                        format!(
                            "no section is called \"{}\"; use one of: header, summary, experience, projects, skills, education, other",
                            name.get_ref()
                        ),
                    )
                })?);
            }
            self.require_examples(&f.id, &f.examples, span)?;
            let questions = self.questions(
                &format!("flag \"{}\"", f.id),
                &f.questions,
                Question::EVIDENCE_PLACEHOLDERS,
            )?;
            let unless_family = match &f.unless_family {
                Some(name) => Some(find_family(name)?),
                None => None,
            };
            flags.push(FlagRule {
                id: f.id.clone(),
                bounds: AsciiBounds::default(),
                regex,
                sections,
                when: f.when,
                unless_family,
                describe: f.describe.clone(),
                questions,
                examples_match: f.examples.matches.clone(),
                examples_no_match: f.examples.no_match.clone(),
            });
        }

        let mut titles = Vec::new();
        for t in &raw.titles {
            let span = t.span();
            let t = t.get_ref();
            let level = if t.level.get_ref() == "management" {
                None
            } else {
                Some(self.level_name(&t.level)?)
            };
            let mut accepts = Vec::new();
            for a in &t.accepts {
                accepts.push(self.level_name(a)?);
            }
            if level.is_some() && accepts.is_empty() {
                return Err(self.error(span, format!("title \"{}\": `accepts` must list the assessed levels consistent with this claim", t.claim)));
            }
            let report = t.report.clone().unwrap_or_else(|| match level {
                Some(l) => l.name().to_string(),
                None => "management".to_string(),
            });
            titles.push(TitleRule {
                claim: t.claim.clone(),
                report,
                regex: self.word_regex(&t.words, &format!("title \"{}\" words", t.claim))?,
                unless: if t.unless.is_empty() {
                    None
                } else {
                    Some(self.word_regex(&t.unless, &format!("title \"{}\" unless", t.claim))?)
                },
                level,
                accepts,
            });
        }

        Ok(Rubric {
            name: raw.rubric.name,
            version: raw.rubric.version,
            description: raw.rubric.description,
            families,
            sections: SectionWeights { by_kind },
            scoring,
            years,
            metric_contexts: ContextWords::new(metrics.iter().map(|m| m.context.as_slice())),
            metrics,
            levels,
            prefilter: OnceLock::new(),
            signals,
            flags,
            titles,
            model,
            claims,
            job,
        })
    }

    /// The level model: every feature a family or a built-in, one weight
    /// per feature, four ascending thresholds.
    fn model(
        &self,
        raw: &Spanned<schema::ModelDef>,
        families: &[Family],
    ) -> Result<Model, RubricError> {
        let m = raw.get_ref();
        let mut features = Vec::new();
        for name in &m.features {
            let feature = families
                .iter()
                .position(|f| &f.id == name.get_ref())
                .map(Feature::Family)
                .or_else(|| {
                    Feature::BUILT_IN
                        .iter()
                        .find(|(n, _)| n == name.get_ref())
                        .map(|(_, f)| *f)
                });
            let Some(feature) = feature else {
                let known: Vec<&str> = families
                    .iter()
                    .map(|f| f.id.as_str())
                    .chain(Feature::BUILT_IN.iter().map(|(n, _)| *n))
                    .collect();
                return Err(self.error(
                    name.span(),
                    format!(
                        "[model] features: no feature is called \"{}\"; use a family id or one of: {}",
                        name.get_ref(),
                        known.join(", ")
                    ),
                ));
            };
            if features.iter().any(|(n, _)| n == name.get_ref()) {
                return Err(self.error(
                    name.span(),
                    format!("[model] features: \"{}\" is listed twice", name.get_ref()),
                ));
            }
            features.push((name.get_ref().clone(), feature));
        }
        let weights = m.weights.get_ref();
        if weights.len() != features.len() || weights.iter().any(|w| !w.is_finite()) {
            return Err(self.error(
                m.weights.span(),
                format!(
                    "[model] weights: one finite number per feature ({} features, {} weights)",
                    features.len(),
                    weights.len()
                ),
            ));
        }
        let thresholds = m.thresholds.get_ref();
        let ascending = thresholds.windows(2).all(|w| w[0] < w[1]);
        if thresholds.len() != 4 || !ascending || thresholds.iter().any(|t| !t.is_finite()) {
            return Err(self.error(
                m.thresholds.span(),
                "[model] thresholds: four ascending numbers, the boundaries of mid, senior, staff and principal",
            ));
        }
        Ok(Model {
            fitted_on: m.fitted_on.clone(),
            cross_validated: m.cross_validated.clone(),
            features,
            weights: weights.clone(),
            thresholds: thresholds.clone(),
            untitled: m.untitled,
            management: m.management,
        })
    }

    fn claims(&self, raw: &schema::ClaimsDef) -> Result<ClaimRules, RubricError> {
        for (name, p) in [
            ("overclaimed_probability", raw.overclaimed_probability),
            ("underclaimed_probability", raw.underclaimed_probability),
        ] {
            if !(0.5..=1.0).contains(&p) {
                return Err(self.error_at(
                    self.text.find("[claims]").unwrap_or(0),
                    format!("[claims] {name}: a probability from 0.5 to 1 (found {p})"),
                ));
            }
        }
        Ok(ClaimRules {
            overclaimed_probability: raw.overclaimed_probability,
            underclaimed_probability: raw.underclaimed_probability,
            min_evidence: raw.min_evidence,
        })
    }

    /// A `[job]` word list, one word each, lowercased.
    fn one_word_each(
        &self,
        span: &Range<usize>,
        key: &str,
        words: &[String],
    ) -> Result<BTreeSet<String>, RubricError> {
        let mut out = BTreeSet::new();
        for word in words {
            let word = word.trim();
            if word.is_empty() || word.contains(char::is_whitespace) {
                return Err(self.error(
                    span.clone(),
                    format!("[job] {key}: one word each (found {word:?})"),
                ));
            }
            out.insert(word.to_lowercase());
        }
        Ok(out)
    }

    /// The `[job]` table: work verbs in every regular form, fit weights
    /// that are points (scaled to sum to 100), a listed credit below 1.
    fn job(&self, raw: &Spanned<schema::JobDef>) -> Result<JobRules, RubricError> {
        let span = raw.span();
        let raw = raw.get_ref();
        let mut work_verbs = BTreeSet::new();
        for verb in &raw.work_verbs {
            let verb = verb.trim();
            if verb.is_empty() || verb.contains(char::is_whitespace) {
                return Err(self.error(
                    span.clone(),
                    format!("[job] work_verbs: one word each (found {verb:?})"),
                ));
            }
            work_verbs.extend(verb_forms(verb));
        }
        if work_verbs.is_empty() {
            return Err(self.error(span, "[job] work_verbs: list at least one verb"));
        }
        let tool_labels = self.one_word_each(&span, "tool_labels", &raw.tool_labels)?;
        // Teaching words are one word, or two where the second alone names
        // other things ("training sessions", not "user sessions").
        let (phrases, single): (Vec<&String>, Vec<&String>) = raw
            .teaching_words
            .iter()
            .partition(|w| w.trim().contains(char::is_whitespace));
        let single: Vec<String> = single.into_iter().cloned().collect();
        let teaching_words = self.one_word_each(&span, "teaching_words", &single)?;
        let mut teaching_phrases = Vec::new();
        for phrase in phrases {
            let lower = phrase.to_lowercase();
            let parts: Vec<&str> = lower.split_whitespace().collect();
            let [first, second] = parts[..] else {
                return Err(self.error(
                    span.clone(),
                    format!("[job] teaching_words: one or two words each (found {phrase:?})"),
                ));
            };
            teaching_phrases.push((first.to_string(), second.to_string()));
        }
        let aside_words = self
            .one_word_each(&span, "aside_words", &raw.aside_words)?
            .into_iter()
            .collect();
        let role_words = self
            .one_word_each(&span, "role_words", &raw.role_words)?
            .into_iter()
            .collect();
        let w = &raw.fit_weights;
        let parts = [w.required, w.nice, w.level, w.years];
        let total: f64 = parts.iter().sum();
        if parts.iter().any(|p| !p.is_finite() || *p < 0.0) || total <= 0.0 || w.required <= 0.0 {
            return Err(self.error(
                span,
                "[job] fit_weights: points of 0 or more, required above 0",
            ));
        }
        if !(0.0..1.0).contains(&raw.listed_credit) {
            return Err(self.error(
                span,
                format!(
                    "[job] listed_credit: from 0 up to (not including) 1, the credit of shown (found {})",
                    raw.listed_credit
                ),
            ));
        }
        let scale = 100.0 / total;
        Ok(JobRules {
            work_verbs,
            tool_labels,
            teaching_words,
            teaching_phrases,
            aside_words,
            role_words,
            weights: FitWeights {
                required: w.required * scale,
                nice: w.nice * scale,
                level: w.level * scale,
                years: w.years * scale,
            },
            listed_credit: raw.listed_credit,
        })
    }

    fn families(&self, raw: &[Spanned<schema::FamilyDef>]) -> Result<Vec<Family>, RubricError> {
        if raw.is_empty() {
            return Err(self.error_at(0, "a rubric needs at least one [[family]]"));
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for f in raw {
            let span = f.span();
            let f = f.get_ref();
            if !seen.insert(f.id.clone()) {
                return Err(self.error(
                    span,
                    format!(
                        "family \"{}\" is declared twice; give each [[family]] its own id",
                        f.id
                    ),
                ));
            }
            self.non_negative(f.weight, "weight", span.clone())?;
            if f.cap.is_nan() || f.cap <= 0.0 {
                return Err(self.error(span, format!("family \"{}\": cap must be above 0", f.id)));
            }
            out.push(Family {
                id: f.id.clone(),
                weight: f.weight,
                cap: f.cap,
                description: f.description.clone(),
            });
        }
        Ok(out)
    }

    fn levels(
        &self,
        raw: &[Spanned<schema::LevelDef>],
        find_family: &dyn Fn(&Spanned<String>) -> Result<usize, RubricError>,
        known_signal: &dyn Fn(&Spanned<String>) -> Result<String, RubricError>,
    ) -> Result<Vec<LevelRule>, RubricError> {
        let mut out: Vec<LevelRule> = Vec::new();
        for (i, l) in raw.iter().enumerate() {
            let level = self.level_name(&l.get_ref().id)?;
            let expected = Level::ALL.get(i).copied();
            if Some(level) != expected {
                return Err(self.error(
                    l.get_ref().id.span(),
                    format!(
                        "levels must be listed once each, lowest first: entry, mid, senior, staff, principal; found \"{}\" where \"{}\" belongs",
                        level,
                        expected.map_or("nothing more", Level::name)
                    ),
                ));
            }
            let mut expects = Vec::new();
            for g in &l.get_ref().expects {
                let span = g.span();
                let g = g.get_ref();
                if g.signals.is_empty() && g.families.is_empty() {
                    return Err(self.error(
                        span,
                        "an `expect` needs `signals` or `families` to look for",
                    ));
                }
                let mut signals = Vec::new();
                for s in &g.signals {
                    signals.push(known_signal(s)?);
                }
                let mut families = Vec::new();
                for f in &g.families {
                    families.push(find_family(f)?);
                }
                let questions = self.questions(
                    &format!("{level} expectation \"{}\"", g.need),
                    &g.questions,
                    Question::EXPECTATION_PLACEHOLDERS,
                )?;
                expects.push(Expectation {
                    need: g.need.clone(),
                    questions,
                    signals,
                    families,
                    min_count: g.min_count.max(1),
                    min_weight: g.min_weight,
                });
            }
            out.push(LevelRule { level, expects });
        }
        if out.len() != Level::ALL.len() {
            return Err(self.error_at(
                self.text.len(),
                "the rubric must define all five [[level]] tables: entry, mid, senior, staff, principal",
            ));
        }
        Ok(out)
    }

    fn level_name(&self, name: &Spanned<String>) -> Result<Level, RubricError> {
        Level::from_name(name.get_ref()).ok_or_else(|| {
            self.error(
                name.span(),
                format!(
                    "no level is called \"{}\"; use one of: entry, mid, senior, staff, principal",
                    name.get_ref()
                ),
            )
        })
    }

    fn unique_id(
        &self,
        ids: &mut BTreeSet<String>,
        id: &str,
        span: Range<usize>,
    ) -> Result<(), RubricError> {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(self.error(
                span,
                format!("id \"{id}\": use lower-case letters, digits and underscores"),
            ));
        }
        if !ids.insert(id.to_string()) {
            return Err(self.error(
                span,
                format!("id \"{id}\" is used twice; signal and metric ids must be unique"),
            ));
        }
        Ok(())
    }

    fn non_negative(&self, value: f64, what: &str, span: Range<usize>) -> Result<(), RubricError> {
        if value >= 0.0 && value.is_finite() {
            Ok(())
        } else {
            Err(self.error(
                span,
                format!("{what} must be a number of 0 or more, not {value}"),
            ))
        }
    }

    fn require_examples(
        &self,
        id: &str,
        examples: &Examples,
        span: Range<usize>,
    ) -> Result<(), RubricError> {
        if examples.matches.is_empty() {
            return Err(self.error(
                span,
                format!("\"{id}\": add at least one `examples.match` sentence, so the rubric test can prove the rule fires"),
            ));
        }
        Ok(())
    }

    /// Probe questions as written: none empty, every placeholder one the
    /// owner can fill (`allowed`).
    fn questions(
        &self,
        owner: &str,
        raw: &[Spanned<String>],
        allowed: &[&str],
    ) -> Result<Vec<Question>, RubricError> {
        let allowed_list = allowed
            .iter()
            .map(|p| format!("{{{p}}}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut out = Vec::new();
        for q in raw {
            let text = q.get_ref().trim();
            if text.is_empty() {
                return Err(self.error(
                    q.span(),
                    format!("{owner}: a question is empty; write the question or remove it"),
                ));
            }
            let names = Question::placeholders(text)
                .map_err(|problem| self.error(q.span(), format!("{owner}: {problem}")))?;
            if let Some(unknown) = names.iter().find(|n| !allowed.contains(n)) {
                return Err(self.error(
                    q.span(),
                    format!(
                        "{owner}: no placeholder is called {{{unknown}}}; here a question may use: {allowed_list}"
                    ),
                ));
            }
            out.push(Question(text.to_string()));
        }
        Ok(out)
    }

    fn phrase_regex(
        &self,
        id: &str,
        phrases: &[String],
        inflect: schema::Inflect,
        patterns: &[Spanned<String>],
        span: Range<usize>,
    ) -> Result<RuleRegex, RubricError> {
        if phrases.is_empty() && patterns.is_empty() {
            return Err(self.error(
                span,
                format!("\"{id}\" needs `phrases` or `patterns` to match"),
            ));
        }
        let raw: Vec<String> = patterns.iter().map(|p| p.get_ref().clone()).collect();
        let combined_error = match self.rule_regex(combined_source(phrases, inflect, &raw)) {
            Ok(regex) => return Ok(regex),
            Err(e) => e,
        };
        // Compile each pattern alone, so the error points at the one at
        // fault (only now: compiling each twice doubled a rubric's load).
        for p in patterns {
            if let Err(e) = RuleRegex::new(p.get_ref()) {
                let detail = e.lines().last().unwrap_or_default().trim().to_string();
                return Err(self.error(
                    p.span(),
                    format!(
                        "\"{id}\": pattern {:?} is not a valid regex: {detail}",
                        p.get_ref()
                    ),
                ));
            }
        }
        Err(self.error(
            span,
            format!("\"{id}\": phrases do not form a valid pattern: {combined_error}"),
        ))
    }

    fn word_regex(&self, words: &[String], what: &str) -> Result<RuleRegex, RubricError> {
        let alts: Vec<String> = words
            .iter()
            .map(|w| format!(r"\b{}\b", regex::escape(w.trim())))
            .collect();
        if alts.is_empty() {
            return Err(self.error_at(0, format!("{what}: list at least one word")));
        }
        self.rule_regex(format!("(?i){}", alts.join("|")))
            .map_err(|e| self.error_at(0, format!("{what}: {e}")))
    }

    /// As [`Self::word_regex`], for a list a rubric may leave out: none
    /// listed is a rule that never matches (a word boundary and its absence
    /// at once).
    fn optional_word_regex(&self, words: &[String], what: &str) -> Result<RuleRegex, RubricError> {
        if words.is_empty() {
            self.rule_regex(r"\b\B".to_string())
                .map_err(|e| self.error_at(0, format!("{what}: {e}")))
        } else {
            self.word_regex(words, what)
        }
    }

    /// A rule's regex, compiled now or on first use as this load asks.
    fn rule_regex(&self, source: String) -> Result<RuleRegex, String> {
        match self.regexes {
            Regexes::CompiledNow => RuleRegex::new(&source),
            Regexes::Deferred => Ok(RuleRegex::deferred(source)),
        }
    }
}
