//! Clean-up shared by every format: make extracted text read as it reads on
//! the page.
//!
//! Takes raw text runs or lines and gives text a quote can be taken from:
//! ligatures become letters, and so do ligature glyphs a font left unmapped
//! when the letters make a word ("Sta\u{FFFD}" is "Staff"); soft hyphens,
//! zero-width and control characters go; private-use and unmapped glyphs
//! (icon fonts, bullet fonts without a Unicode mapping) become a bullet at
//! the start of a line and nothing elsewhere, never stray letters; "$ 400B"
//! becomes "$400B"; whitespace is normalised; a word broken by line-end
//! hyphenation is joined without its hyphen only when the joined word is a
//! word ("distribu-" + "tion"), with it when the hyphen is real ("event-" +
//! "sourced"), and a number's hyphen stays where it is ("200-" /
//! "engineer"). It must never paraphrase.

use rustc_hash::FxHashSet;

use super::dictionary::is_word;

/// The bullet that replaces icon and unmapped glyphs at the start of a line.
pub const BULLET: char = '•';

/// Characters that stand for "a glyph the font could not map" or "an icon":
/// the Unicode replacement character, private-use code points, and C1
/// control codes (unmapped bullet fonts often come out as U+0088 and kin).
fn is_icon_or_unmapped(c: char) -> bool {
    matches!(c,
        '\u{FFFD}'
        | '\u{80}'..='\u{9F}'
        | '\u{E000}'..='\u{F8FF}'
        | '\u{F0000}'..='\u{FFFFD}'
        | '\u{100000}'..='\u{10FFFD}')
}

/// Characters that carry no visible text and are dropped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    ) || (c.is_control() && c != '\t' && c != '\n' && !is_icon_or_unmapped(c))
}

/// The letters a ligature stands for.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '\u{0132}' => "IJ",
        '\u{0133}' => "ij",
        _ => return None,
    })
}

/// Bullet-like characters that start list items.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '■'
            | '□'
            | '◦'
            | '●'
            | '○'
            | '‣'
            | '⁃'
            | '∙'
            | '➢'
            | '►'
            | '▸'
            | '▶'
            | '➤'
            | '▹'
            | '▷'
            | '▻'
            | '◆'
            | '◇'
            | '♦'
            | '❖'
            | '➔'
            | '➜'
            | '❯'
            | '▫'
            | '◾'
            | '◼'
            | '✓'
            | '✔'
    )
}

/// The letters a font's ligature glyphs stand for, most common first: what
/// an unmapped glyph inside a word may be.
/// Carlito and Calibri add tf, tt, ti and their triples.
const LIGATURE_LETTERS: [&str; 13] = [
    "fi", "ff", "fl", "ffi", "ffl", "ft", "tt", "ti", "tf", "fj", "st", "fft", "tti",
];

/// The shortest word a mended ligature may make: a short one is too easily
/// a bullet icon glued to a fragment ("\u{F0B7}ed" is no "fled").
const MIN_MENDED_WORD: usize = 5;

/// The most distinct unmapped glyphs one word is mended over: each is
/// tried as every ligature, so the look-ups grow as the tenth power.
const MAX_UNMAPPED_IN_WORD: usize = 3;

/// A glyph the font maps to nothing (U+0000) or could not map (U+FFFD, a
/// private-use code) inside a word is a ligature whose mapping the
/// producer left out: Chrome and Skia embed fi, ff and ft glyphs with no
/// Unicode entry, so "Staff" came out "Sta", "certification"
/// "certication"; LibreOffice's "ti" came out as a private-use code
/// ("authen\u{F005}ca\u{F005}on"). Put back the ligature letters that make
/// a dictionary word, if some do (one glyph, the same letters throughout a
/// word); otherwise the glyphs stay as they were. A glyph that opens a line
/// is left alone: that is where a bullet font's icon sits.
fn mend_ligatures(raw: &str) -> Option<String> {
    let unmapped = |c: char| c == '\0' || is_icon_or_unmapped(c);
    if !raw.contains(unmapped) {
        return None;
    }
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len() + 8);
    let mut mended = false;
    let mut i = 0;
    while i < chars.len() {
        let in_word = |c: char| c.is_alphabetic() || unmapped(c);
        if !in_word(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut start = i;
        let end = i + chars[i..].iter().take_while(|&&c| in_word(c)).count();
        if chars[..start].iter().all(|c| c.is_whitespace()) {
            // Icons opening the line stay as they are.
            while start < end && unmapped(chars[start]) {
                out.push(chars[start]);
                start += 1;
            }
        }
        let word = &chars[start..end];
        match mend_word(word, unmapped) {
            Some(whole) => {
                out.push_str(&whole);
                mended = true;
            }
            None => out.extend(word),
        }
        i = end;
    }
    mended.then_some(out)
}

/// A word with unmapped glyphs as the dictionary word the ligature letters
/// make of it, in the case of the letters around them.
fn mend_word(word: &[char], unmapped: impl Fn(char) -> bool) -> Option<String> {
    let mut glyphs: Vec<char> = word.iter().copied().filter(|&c| unmapped(c)).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    let letters = word.len() - word.iter().filter(|&&c| unmapped(c)).count();
    if glyphs.is_empty() || glyphs.len() > MAX_UNMAPPED_IN_WORD || letters == 0 {
        return None;
    }
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    let spell = |choice: &[usize]| -> String {
        let mut s = lower.clone();
        for (glyph, &k) in glyphs.iter().zip(choice) {
            s = s.replace(*glyph, LIGATURE_LETTERS[k]);
        }
        s
    };
    // Every assignment of ligatures to the word's glyphs, the most common
    // ligatures first.
    let mut choice = vec![0usize; glyphs.len()];
    let found = loop {
        let spelled = spell(&choice);
        if spelled.chars().count() >= MIN_MENDED_WORD
            && (is_word(&spelled) || is_word(stem(&spelled)))
        {
            break Some(choice);
        }
        let Some(at) = choice.iter().position(|&k| k + 1 < LIGATURE_LETTERS.len()) else {
            break None;
        };
        choice[at] += 1;
        choice[..at].fill(0);
    }?;
    let upper = letters > 1
        && word
            .iter()
            .filter(|c| !unmapped(**c))
            .all(|c| c.is_uppercase());
    let mut whole = String::with_capacity(word.len() + 4);
    for &c in word {
        match glyphs.iter().position(|&g| g == c) {
            Some(g) if upper => whole.push_str(&LIGATURE_LETTERS[found[g]].to_uppercase()),
            Some(g) => whole.push_str(LIGATURE_LETTERS[found[g]]),
            None => whole.push(c),
        }
    }
    Some(whole)
}

/// Clean one line of text: see the module documentation.
pub fn clean_line(raw: &str) -> String {
    let mended = mend_ligatures(raw);
    let raw = mended.as_deref().unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if let Some(letters) = ligature(c) {
            push_word_char(&mut out, &mut pending_space);
            out.push_str(letters);
        } else if is_icon_or_unmapped(c) {
            // An icon or unmapped glyph at the start of a line marks a list
            // item; anywhere else it is decoration (a phone or mail icon).
            if out.is_empty() {
                out.push(BULLET);
                pending_space = true;
            } else {
                pending_space = true;
            }
        } else if is_invisible(c) {
            continue;
        } else if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            push_word_char(&mut out, &mut pending_space);
            out.push(c);
        }
    }
    join_currency(&out)
}

fn push_word_char(out: &mut String, pending_space: &mut bool) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
}

/// "$ 400B" → "$400B": a currency sign set apart from its amount by a
/// layout gap is one token to a reader.
fn join_currency(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, '$' | '€' | '£' | '¥') {
            let mut lookahead = chars.clone();
            if lookahead.next() == Some(' ') && lookahead.peek().is_some_and(|d| d.is_ascii_digit())
            {
                chars.next();
            }
        }
    }
    out
}

/// Whether a line ends in a word broken by hyphenation that continues on
/// `next`, and if so the joined text of the two lines' meeting words.
///
/// `vocabulary` is every word of the document, lower-cased: the document's
/// own spelling elsewhere is the best evidence of what a hyphen is.
pub fn should_join_hyphen(line: &str, next: &str, vocabulary: &FxHashSet<String>) -> bool {
    let Some(before) = line.strip_suffix('-') else {
        return false;
    };
    let head: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    // A hyphen after a number ("200-engineer") is written, not a break; a
    // break needs letters on both sides.
    if head.is_empty()
        || tail.is_empty()
        || !head.chars().all(char::is_alphabetic)
        || !tail.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let head_lc = head.to_lowercase();
    let tail = tail.to_lowercase();
    let joined = format!("{head_lc}{tail}");
    // Before a capital ("Kafka-Flink") a hyphen is written, unless the
    // joined word is a known word in its own right ("Web-" + "Sockets").
    let capital_continuation = next.chars().next().is_some_and(char::is_uppercase);
    if capital_continuation {
        return is_word(&joined) && !vocabulary.contains(&format!("{head_lc}-{tail}"));
    }
    let hyphenated = format!("{head_lc}-{tail}");
    if vocabulary.contains(&hyphenated) {
        return false;
    }
    if vocabulary.contains(&joined) {
        return true;
    }
    if is_word(&joined) || is_word(stem(&joined)) {
        return true;
    }
    // Two words in their own right joined by a hyphen are a compound
    // ("event-sourced", "zero-downtime"); a fragment that is no word
    // ("Kuber-" + "netes") is a break.
    // A break leaves at least two letters on the new line; a continuation
    // of two letters that is no common particle ("Debezi-" + "um") is a
    // fragment, not a word.
    let particle = matches!(
        tail.as_str(),
        "in" | "up" | "on" | "of" | "by" | "to" | "at" | "go" | "as"
    );
    let tail_is_word = (tail.len() > 2 || particle) && (is_word(&tail) || is_word(stem(&tail)));
    !tail_is_word
}

/// A crude stem for dictionary look-ups: the list holds base forms and
/// common inflections, not every one.
fn stem(word: &str) -> &str {
    let sibilant = |base: &str| {
        ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| base.ends_with(e))
    };
    if let Some(base) = word.strip_suffix("es")
        && sibilant(base)
    {
        return base;
    }
    for suffix in ["ing", "ed", "s", "ly"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.len() >= 3
        {
            return base;
        }
    }
    word
}

/// Every word of the text, lower-cased, including hyphenated forms, for
/// [`should_join_hyphen`].
pub fn vocabulary<'a>(lines: impl IntoIterator<Item = &'a str>) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    for line in lines {
        for token in line.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let token = token.trim_matches('-');
            if !token.is_empty() {
                words.insert(token.to_lowercase());
                for part in token.split('-') {
                    if !part.is_empty() {
                        words.insert(part.to_lowercase());
                    }
                }
            }
        }
    }
    words
}

/// A line ending in a written hyphen between letters, the next line going
/// on with a letter: a compound broken at the line end ("event-" /
/// "sourced"), one word to a reader. Read across the two lines it came out
/// "event- sourced" in every quote.
fn breaks_a_compound(line: &str, next: &str) -> bool {
    let mut end = line.chars().rev();
    end.next() == Some('-')
        && end.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
}

/// Join line-end hyphenation in a sequence of lines: a line whose last word
/// was broken takes the rest of that word from the next line, without the
/// hyphen when it only marks the break, with it when it is written
/// ("event-sourced"). Lines keep
/// their positions (a line whose only word moved up becomes empty, and the
/// caller drops empty lines), so callers can keep per-line data aligned.
/// Callers pass one column of one page at a time, so no word is joined
/// across them.
pub fn join_hyphenation(lines: &mut [String]) {
    // Most blocks have no line ending in a hyphen: skip building the
    // vocabulary for them.
    if !lines.iter().any(|l| l.ends_with('-')) {
        return;
    }
    let vocabulary = vocabulary(lines.iter().map(String::as_str));
    for i in 0..lines.len().saturating_sub(1) {
        let keep_hyphen = if should_join_hyphen(&lines[i], &lines[i + 1], &vocabulary) {
            false
        } else if breaks_a_compound(&lines[i], &lines[i + 1]) {
            true
        } else {
            continue;
        };
        let next = std::mem::take(&mut lines[i + 1]);
        let split = next.find(' ').unwrap_or(next.len());
        let (rest_of_word, remainder) = next.split_at(split);
        if !keep_hyphen {
            lines[i].pop();
        }
        lines[i].push_str(rest_of_word);
        lines[i + 1] = remainder.trim_start().to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(a: &str, b: &str) -> Vec<String> {
        let mut lines = vec![a.to_string(), b.to_string()];
        join_hyphenation(&mut lines);
        lines.retain(|l| !l.is_empty());
        lines
    }

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(clean_line("e\u{FB03}cient \u{FB01}rst"), "efficient first");
    }

    #[test]
    fn unmapped_ligature_glyphs_become_the_letters_that_make_a_word() {
        assert_eq!(
            clean_line("Sta\u{FFFD} Software Engineer"),
            "Staff Software Engineer"
        );
        assert_eq!(
            clean_line("certi\0cation in Pro\0cient"),
            "certification in Proficient"
        );
        assert_eq!(
            clean_line("Microsoft O\u{FFFD}ice, SO\u{FFFD}WARE"),
            "Microsoft Office, SOFTWARE"
        );
        assert_eq!(
            clean_line("con\u{F001}gure the work\u{FFFD}ows"),
            "configure the workflows"
        );
        assert_eq!(
            clean_line(
                "email no\u{F005}\u{F001}ca\u{F005}ons, authen\u{F005}ca\u{F005}on, pla\u{F004}orm"
            ),
            "email notifications, authentication, platform"
        );
        // No word, a short one, or an icon opening the line: left as it was.
        assert_eq!(clean_line("call\u{FFFD} 555"), "call 555");
        assert_eq!(clean_line("\u{F0B7}led a team"), "• led a team");
        assert_eq!(
            clean_line("\u{FFFD}rst line, kub\u{FFFD}xz"),
            "• rst line, kub xz"
        );
    }

    #[test]
    fn soft_hyphens_and_zero_width_go() {
        assert_eq!(
            clean_line("Sep. 2023 \u{AD} Mar. 2024"),
            "Sep. 2023 Mar. 2024"
        );
        assert_eq!(clean_line("Kaf\u{200B}ka"), "Kafka");
    }

    #[test]
    fn icons_become_bullets_or_nothing() {
        assert_eq!(clean_line("\u{F0B7} Owned the API"), "• Owned the API");
        assert_eq!(clean_line("\u{88}Owned the API"), "• Owned the API");
        assert_eq!(clean_line("x \u{E0A0} y"), "x y");
        assert_eq!(clean_line("\u{FFFD}"), "•");
    }

    #[test]
    fn currency_joins_its_amount() {
        assert_eq!(clean_line("$ 400B+ in volume"), "$400B+ in volume");
        assert_eq!(clean_line("costs $ and more"), "costs $ and more");
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(clean_line("  a \t b\u{A0}\u{2009}c  "), "a b c");
    }

    #[test]
    fn real_hyphens_stay() {
        assert_eq!(
            join("an event-", "sourced ledger"),
            ["an event-sourced", "ledger"]
        );
        assert_eq!(join("a 200-", "engineer org"), ["a 200-", "engineer org"]);
        assert_eq!(
            join("zero-", "downtime cutover"),
            ["zero-downtime", "cutover"]
        );
        assert_eq!(join("Kafka -", "Flink"), ["Kafka -", "Flink"]);
    }

    #[test]
    fn hyphenation_breaks_join() {
        assert_eq!(
            join("the distribu-", "tion layer"),
            ["the distribution", "layer"]
        );
        assert_eq!(join("on Kuber-", "netes"), ["on Kubernetes"]);
        assert_eq!(
            join("built a pro-", "duction service"),
            ["built a production", "service"]
        );
    }

    #[test]
    fn the_document_decides_first() {
        let mut lines = vec![
            "uses trade-offs".to_string(),
            "weighed trade-".to_string(),
            "offs early".to_string(),
        ];
        join_hyphenation(&mut lines);
        assert_eq!(lines[1], "weighed trade-offs");
        assert_eq!(lines[2], "early");
    }
}
