//! Text from resumes made safe for HTML, and the matched words marked.
//!
//! Takes any text (a resume can hold `<script>`, quotes, control
//! characters) and gives HTML that shows it as text. Every string that
//! reaches the page from a resume, a file name or a rubric goes through
//! [`escape`] or [`highlight`]; nothing here ever passes markup through.

use regex::Regex;

/// Escape text for HTML element content and quoted attribute values.
/// Control characters that HTML forbids become U+FFFD, so a hostile file
/// cannot make the page invalid.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The quote, escaped, with each case-insensitive occurrence of `matched`
/// wrapped in `<mark>`. Spaces in `matched` match any run of whitespace,
/// since quotes are whitespace-normalised but phrases may not line up. A
/// `matched` that does not occur (a normalised number such as "28,000/s")
/// leaves the quote unmarked. A phrase that starts or ends with a letter
/// or digit is only marked as whole words.
pub fn highlight(quote: &str, matched: &str) -> String {
    let words: Vec<String> = matched.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return escape(quote);
    }
    // Whole words only, as the rubric matches them: "led" is not marked
    // inside "ledger".
    let edge = |c: Option<char>| {
        if c.is_some_and(char::is_alphanumeric) {
            r"\b"
        } else {
            ""
        }
    };
    let trimmed = matched.trim();
    let (start, end) = (edge(trimmed.chars().next()), edge(trimmed.chars().last()));
    let Ok(pattern) = Regex::new(&format!("(?i){start}{}{end}", words.join(r"\s+"))) else {
        return escape(quote);
    };
    let mut out = String::with_capacity(quote.len() + 16);
    let mut last = 0;
    for found in pattern.find_iter(quote) {
        out.push_str(&escape(&quote[last..found.start()]));
        out.push_str("<mark>");
        out.push_str(&escape(found.as_str()));
        out.push_str("</mark>");
        last = found.end();
    }
    out.push_str(&escape(&quote[last..]));
    out
}

/// Whether `matched` occurs in `quote` the way [`highlight`] finds it.
pub fn occurs(quote: &str, matched: &str) -> bool {
    highlight(quote, matched).contains("<mark>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_from_a_resume_is_shown_as_text() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
        assert_eq!(escape("café — ok"), "café — ok");
    }

    #[test]
    fn matched_words_are_marked_case_insensitively() {
        assert_eq!(
            highlight("Owned the Billing API end to end", "owned"),
            "<mark>Owned</mark> the Billing API end to end"
        );
        assert_eq!(
            highlight("ran a canary, then another Canary", "canary"),
            "ran a <mark>canary</mark>, then another <mark>Canary</mark>"
        );
        // Whitespace inside the phrase matches however the quote spaces it.
        assert_eq!(
            highlight("shipped behind a feature  flag", "feature flag"),
            "shipped behind a <mark>feature  flag</mark>"
        );
    }

    #[test]
    fn highlighting_escapes_around_and_inside_the_mark() {
        assert_eq!(
            highlight("<b>led</b> the <i>outbox</i> work", "<i>outbox</i>"),
            "&lt;b&gt;led&lt;/b&gt; the <mark>&lt;i&gt;outbox&lt;/i&gt;</mark> work"
        );
        // Whole words: not inside a longer word.
        assert_eq!(
            highlight("Led the double-entry ledger work", "led"),
            "<mark>Led</mark> the double-entry ledger work"
        );
        assert_eq!(highlight("a $6M round", "$6M"), "a <mark>$6M</mark> round");
        // Regex syntax in the phrase is literal.
        assert_eq!(highlight("a.b and axb", "a.b"), "<mark>a.b</mark> and axb");
    }

    #[test]
    fn a_phrase_not_in_the_quote_leaves_it_unmarked() {
        assert_eq!(highlight("28K events/s", "28,000/s"), "28K events/s");
        assert_eq!(highlight("x < y", ""), "x &lt; y");
        assert!(!occurs("28K events/s", "28,000/s"));
        assert!(occurs("ÉTÉ owned", "été"));
    }
}
