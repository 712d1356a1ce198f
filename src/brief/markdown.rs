//! The brief as Markdown: for a terminal (`-o -`), a wiki or a ticket.
//!
//! Takes a [`Brief`] and gives text in its order, nothing added or left
//! out. Resume text can hold Markdown or HTML (`*`, `[link](…)`,
//! `<script>`): every such character is escaped, so the text reads as
//! written and no renderer turns it into markup.

use super::Brief;

/// The brief as one Markdown document.
pub fn render(b: &Brief) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    let candidate = b.candidate.as_deref().unwrap_or("name not found");
    line(format!("# Interview brief: {}", escape(candidate)));
    line(String::new());
    line(format!("- **File:** {}", escape(&b.file)));
    line(format!("- **Claimed:** {}", escape(&claimed(b))));
    line(format!(
        "- **Assessed:** {}, confidence {:.2}; years: {}",
        escape(&b.level_in_words),
        b.confidence,
        escape(&b.years)
    ));
    line(format!(
        "- **Claim check:** {} ({})",
        escape(&b.claim_verdict),
        escape(&b.claim_reason)
    ));
    line(String::new());

    line("## What the resume shows".into());
    line(String::new());
    for f in &b.shows {
        if f.quotes.is_empty() {
            line(format!("- **{}:** nothing found", escape(&f.family)));
        }
        for q in &f.quotes {
            line(format!(
                "- **{}:** “{}” ({})",
                escape(&f.family),
                escape(&q.text),
                q.place()
            ));
        }
    }
    line(String::new());

    line(format!("## What it does not show yet{}", gaps_for(b)));
    line(String::new());
    if b.gaps.is_empty() {
        line(none_missing(b).into());
    }
    for g in &b.gaps {
        line(format!(
            "- {} ({}) — {}",
            escape(&g.need),
            escape(&g.level),
            escape(&g.found)
        ));
    }
    line(String::new());

    if let Some(job) = &b.job {
        line(format!(
            "## Requirements not shown ({})",
            escape(&job.posting)
        ));
        line(String::new());
        for r in &job.not_shown {
            line(format!("- {}", escape(r)));
        }
        line(String::new());
    }

    line("## Questions to ask".into());
    line(String::new());
    if b.questions.is_empty() {
        line("The rubric gives no questions for this resume.".into());
    }
    for (i, q) in b.questions.iter().enumerate() {
        line(format!("{}. {}  ", i + 1, escape(&q.text)));
        line(format!("   *{}*", escape(&q.probes)));
    }
    line(String::new());

    line("## Flags".into());
    line(String::new());
    if b.flags.is_empty() {
        line("None.".into());
    }
    for f in &b.flags {
        let quote = f.quote.as_ref().map_or(String::new(), |q| {
            format!(" — “{}” ({})", escape(&q.text), q.place())
        });
        line(format!(
            "- **{}:** {}{quote}",
            escape(&f.flag),
            escape(&f.explanation)
        ));
    }
    out
}

/// "Senior Backend Engineer (senior)", or what stands for it.
pub(super) fn claimed(b: &Brief) -> String {
    match (&b.claimed_title, &b.claimed_level) {
        (Some(t), Some(l)) => format!("{t} ({l})"),
        (Some(t), None) => format!("{t} (no level)"),
        _ => "no title found".to_string(),
    }
}

/// " (for staff)", or nothing at the top of the ladder.
pub(super) fn gaps_for(b: &Brief) -> String {
    b.gaps_for
        .as_deref()
        .map_or(String::new(), |l| format!(" (for {l})"))
}

/// What the gaps section says when it lists none.
pub(super) fn none_missing(b: &Brief) -> &'static str {
    if b.gaps_for.is_some() {
        "Nothing the rubric expects is missing: the score decides."
    } else {
        "Principal is the top of the ladder: nothing above it to show."
    }
}

/// Escape the characters Markdown (and the HTML inside it) would read as
/// markup; line breaks become spaces so a text stays on its line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_resume_text_is_escaped() {
        assert_eq!(
            escape("<script>*x*</script> [a](b) `c`"),
            "\\<script\\>\\*x\\*\\</script\\> \\[a\\](b) \\`c\\`"
        );
        assert_eq!(escape("a\nb"), "a b");
    }
}
