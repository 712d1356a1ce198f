//! One sentence per anti-signal flag, for a reader who has not read the
//! rubric. Takes a flag id (and the rubric's own description, if it has
//! one); gives the sentence the report prints beside the flag. The built-in
//! sentences come first because they are written for recruiters; a flag
//! only a custom rubric knows falls back to that rubric's description.

/// The built-in sentences, by flag id.
const SENTENCES: &[(&str, &str)] = &[
    (
        "filler",
        "Stock phrases (\"results-driven\", \"team player\") that say nothing a reviewer can check.",
    ),
    (
        "objective_statement",
        "Opens with what the writer wants (an objective) rather than what they have done.",
    ),
    (
        "aspiring_language",
        "Aspiring or apologetic wording (\"eager to learn\", \"limited experience\").",
    ),
    (
        "unquantified_scale",
        "Claims scale (\"highly scalable\", \"high traffic\") with no number in the same sentence, so it earns no scale credit.",
    ),
    (
        "umbrella_terms",
        "Umbrella words (\"microservices architecture\", \"distributed systems\") with no named design pattern behind them anywhere in the resume.",
    ),
    (
        "tool_stuffing",
        "A long flat list of tools and technologies, with little said about what was built with them.",
    ),
    (
        "ai_tool_credential",
        "AI coding tools (Copilot, ChatGPT, ...) offered as a credential in the header or summary.",
    ),
    (
        "vocabulary_mismatch",
        "Staff-level vocabulary (\"technical strategy\", \"multi-team\") over evidence that reads entry or mid: worth asking about in an interview.",
    ),
    (
        "hidden_text",
        "The file holds text a reader cannot see (white on white, tiny or off-page): a known way to stuff keywords past screeners. It was not used as evidence.",
    ),
    (
        "same_contact",
        "Another, different resume in this batch gives the same contact email.",
    ),
];

/// The sentence explaining `flag`: the built-in one, else the rubric's
/// description, else a plain statement that the rubric raised it.
pub fn explain(flag: &str, rubric_describe: Option<&str>) -> String {
    if let Some((_, sentence)) = SENTENCES.iter().find(|(id, _)| *id == flag) {
        return (*sentence).to_string();
    }
    match rubric_describe.map(str::trim) {
        Some(describe) if !describe.is_empty() => describe.to_string(),
        _ => "An anti-signal defined by the rubric in use.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_of_the_contract_has_its_own_sentence() {
        for flag in [
            "filler",
            "objective_statement",
            "aspiring_language",
            "unquantified_scale",
            "umbrella_terms",
            "tool_stuffing",
            "ai_tool_credential",
            "vocabulary_mismatch",
            "hidden_text",
            "same_contact",
        ] {
            let sentence = explain(flag, None);
            assert!(sentence.ends_with('.'), "{flag}: {sentence}");
            assert_ne!(sentence, explain("no_such_flag", None), "{flag}");
        }
    }

    #[test]
    fn unknown_flags_use_the_rubric_description() {
        assert_eq!(
            explain("buzzwords", Some("Too many buzzwords.")),
            "Too many buzzwords."
        );
        assert_eq!(
            explain("buzzwords", Some("  ")),
            "An anti-signal defined by the rubric in use."
        );
    }
}
