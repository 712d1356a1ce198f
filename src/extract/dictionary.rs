//! The word list that tells a hyphenation break from a real hyphen
//! ("distribu-" + "tion" is a word, "event-" + "sourced" two), looked up
//! where it lies in the binary.
//!
//! The general list (SCOWL American English, Debian's wamerican, lower-case
//! words only: `words.txt`, licence in `words.LICENSE`) is kept sorted, so
//! a word is found by binary search over its lines, with nothing to build:
//! a hash set of its 64,000 words cost every worker ≈ 2 ms before its first
//! hyphenated line, for the handful of look-ups a resume makes.
//! `tech_words.txt` adds the words of backend engineering it lacks, in any
//! order (recruiters may add their own), and is short enough to scan.

/// The general list: one lower-case word per line, in byte order (a test
/// checks the order, which the search relies on).
const GENERAL: &str = include_str!("words.txt");

/// Engineering words, one per line, `#` lines are comments.
const TECH: &str = include_str!("tech_words.txt");

/// Whether `word` (lower-case) is in either list.
pub fn is_word(word: &str) -> bool {
    sorted_lines_contain(GENERAL, word) || is_tech_word(word)
}

/// Whether `word` (lower-case) is in the engineering list.
pub fn is_tech_word(word: &str) -> bool {
    TECH.lines()
        .any(|line| line == word && !line.starts_with('#'))
}

/// Whether a text of lines sorted in byte order holds `word` as a line.
fn sorted_lines_contain(sorted: &str, word: &str) -> bool {
    let text = sorted.as_bytes();
    let word = word.as_bytes();
    // Every line starting before `low` sorts before `word`; every line
    // starting at or after `high` sorts after it. Both are line starts (or
    // the end of the text).
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = text[low..middle]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |at| low + at + 1);
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |at| start + at);
        match text[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_general_list_is_sorted_in_byte_order() {
        let lines: Vec<&str> = GENERAL.lines().collect();
        for pair in lines.windows(2) {
            assert!(
                pair[0] < pair[1],
                "words.txt must stay sorted in byte order, without repeats: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        assert!(lines.len() > 60_000);
    }

    #[test]
    fn finds_every_listed_word_and_nothing_else() {
        let listed: HashSet<&str> = GENERAL
            .lines()
            .chain(TECH.lines().filter(|l| !l.starts_with('#')))
            .collect();
        for word in GENERAL.lines() {
            assert!(is_word(word), "{word:?} is listed");
            // Near misses on either side of it in the order.
            for near in [
                format!("{word}q"),
                format!("{word}-"),
                word[..word.len() - 1].to_string(),
                format!("a{word}"),
            ] {
                assert_eq!(is_word(&near), listed.contains(near.as_str()), "{near:?}");
            }
        }
        for word in ["kubernetes", "elasticsearch", "idempotency"] {
            assert_eq!(is_word(word), listed.contains(word), "{word:?}");
        }
        assert!(is_word("distribution"));
        assert!(!is_word(""));
        assert!(!is_word("zzzzzz"));
        assert!(!is_word("Distribution"), "the lists are lower-case");
        assert!(!is_word("# words of backend engineering"));
    }

    #[test]
    fn searches_lists_of_any_size() {
        let sorted = "b\nd\nf";
        for (word, found) in [("a", false), ("b", true), ("c", false), ("d", true)] {
            assert_eq!(sorted_lines_contain(sorted, word), found, "{word}");
        }
        assert!(sorted_lines_contain(sorted, "f"));
        assert!(!sorted_lines_contain(sorted, "g"));
        assert!(!sorted_lines_contain("", "a"));
        assert!(sorted_lines_contain("a", "a"));
        assert!(sorted_lines_contain("a\n", "a"));
    }
}
