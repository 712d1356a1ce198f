//! Each rule carries its own examples; this checks them.
//!
//! Takes a loaded rubric and gives one message per example that does not
//! behave as written: a `match` sentence the rule misses, or a `no_match`
//! sentence it fires on. Used by `levelscan rubric check` and by the test
//! that walks every rubric in `rubrics/`.

use super::Rubric;
use crate::detect::metrics;

/// Every example that fails, as "kind id: what went wrong".
pub fn check_examples(rubric: &Rubric) -> Vec<String> {
    let mut failures = Vec::new();
    let mut check = |kind: &str, id: &str, sentence: &str, expect: bool, fired: bool| {
        if expect != fired {
            let verb = if expect {
                "should match but does not"
            } else {
                "should not match but does"
            };
            failures.push(format!("{kind} \"{id}\": {verb}: {sentence:?}"));
        }
    };
    for s in &rubric.signals {
        for e in &s.examples_match {
            check("signal", &s.id, e, true, s.regex.is_match(e));
        }
        for e in &s.examples_no_match {
            check("signal", &s.id, e, false, s.regex.is_match(e));
        }
    }
    for m in &rubric.metrics {
        let fires = |e: &str| {
            metrics::read(e, m).iter().any(|h| {
                m.weight_for(h.value)
                    + if h.improvement.is_some() {
                        m.improvement_weight
                    } else {
                        0.0
                    }
                    > 0.0
            })
        };
        for e in &m.examples_match {
            check("metric", &m.id, e, true, fires(e));
        }
        for e in &m.examples_no_match {
            check("metric", &m.id, e, false, fires(e));
        }
    }
    for f in &rubric.flags {
        for e in &f.examples_match {
            check("flag", &f.id, e, true, f.regex.is_match(e));
        }
        for e in &f.examples_no_match {
            check("flag", &f.id, e, false, f.regex.is_match(e));
        }
    }
    failures
}
