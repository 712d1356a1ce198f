//! Making cells safe and short.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return as a formula: a resume (or a file name) can carry one.
//! Such cells get a leading apostrophe, which spreadsheets show as text,
//! unless the cell is a plain number ("-3.5"). Quotes are cut at a word end
//! on a character boundary, with "…".

/// Neutralise a cell a spreadsheet would read as a formula.
pub fn neutralise(cell: &str) -> String {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Cut `text` to at most `max_chars` characters at a word end, adding "…"
/// when anything was cut.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut end = 0;
    let mut last_space = None;
    for (count, (i, c)) in text.char_indices().enumerate() {
        if count >= max_chars.saturating_sub(1) {
            break;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        end = i + c.len_utf8();
    }
    let cut = last_space.filter(|&s| s > 0).unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1 555 0100"), "'+1 555 0100");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tcmd"), "'\tcmd");
        assert_eq!(neutralise("-3.5"), "-3.5");
        assert_eq!(neutralise("Owned the API"), "Owned the API");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn quotes_are_cut_at_word_ends() {
        assert_eq!(cut_at_word("short", 10), "short");
        assert_eq!(
            cut_at_word("owned the shipment tracking service", 20),
            "owned the shipment…"
        );
        assert_eq!(cut_at_word("ééééééééééé", 5), "éééé…");
    }
}
