//! Each skill may carry examples of text that must and must not name it;
//! loading checks them (a vocabulary whose examples fail is refused), and
//! `levelscan rubric check` reports them.

use super::schema::Examples;
use super::{SkillId, Vocabulary};

/// Every example of one skill that does not behave as written.
pub(super) fn failures_of(vocab: &Vocabulary, id: SkillId, examples: &Examples) -> Vec<String> {
    let name = vocab.name(id);
    let names = |text: &str| vocab.find(text).iter().any(|m| m.skill == id);
    let mut out = Vec::new();
    for text in &examples.matches {
        if !names(text) {
            out.push(format!(
                "skill \"{name}\": example should match but does not: {text:?}"
            ));
        }
    }
    for text in &examples.no_match {
        if names(text) {
            out.push(format!(
                "skill \"{name}\": example should not match but does: {text:?}"
            ));
        }
    }
    out
}
