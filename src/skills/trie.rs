//! The vocabulary's spellings as a trie, for the one question the matcher
//! asks: which is the longest spelling that starts exactly here?
//!
//! Matching is anchored at word starts (see `matcher`), so the automaton
//! needs no failure links: building those for two thousand spellings was
//! most of the vocabulary's load time, paid by every process of a screen
//! with `--job`. A trie builds in well under a millisecond and answers the
//! anchored question with one walk. Lookups are ASCII case-insensitive:
//! spellings are stored lower case and the text's bytes are lower-cased as
//! they are read (the vocabulary holds ASCII spellings only, so a match
//! always ends on a character boundary).

/// One node: the spelling that ends here, if any, and the nodes one byte
/// further, sorted by byte.
#[derive(Debug, Default)]
struct Node {
    spelling: Option<usize>,
    next: Vec<(u8, u32)>,
}

#[derive(Debug)]
pub(super) struct SpellingTrie {
    /// Node 0 is the root.
    nodes: Vec<Node>,
}

impl SpellingTrie {
    /// The trie of `spellings`; spelling i is reported as i. When two
    /// spellings are the same bytes the first is kept (the loader refuses
    /// such vocabularies before they get here).
    pub fn new<'a>(spellings: impl IntoIterator<Item = &'a str>) -> SpellingTrie {
        let mut nodes = vec![Node::default()];
        for (index, spelling) in spellings.into_iter().enumerate() {
            let mut at = 0;
            for byte in spelling.bytes().map(|b| b.to_ascii_lowercase()) {
                at = match nodes[at].next.binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => nodes[at].next[i].1 as usize,
                    Err(i) => {
                        let child = nodes.len();
                        nodes[at].next.insert(i, (byte, child as u32));
                        nodes.push(Node::default());
                        child
                    }
                };
            }
            nodes[at].spelling.get_or_insert(index);
        }
        SpellingTrie { nodes }
    }

    /// The longest spelling that `text` starts with: its index and length
    /// in bytes.
    pub fn longest_at_start(&self, text: &[u8]) -> Option<(usize, usize)> {
        let mut at = 0;
        let mut longest = None;
        for (len, byte) in text.iter().map(u8::to_ascii_lowercase).enumerate() {
            let next = &self.nodes[at].next;
            match next.binary_search_by_key(&byte, |&(b, _)| b) {
                Ok(i) => at = next[i].1 as usize,
                Err(_) => break,
            }
            if let Some(spelling) = self.nodes[at].spelling {
                longest = Some((spelling, len + 1));
            }
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::SpellingTrie;

    #[test]
    fn the_longest_spelling_at_the_start_wins_whatever_the_case() {
        let trie = SpellingTrie::new(["spring", "spring boot", "c", "c++", "go"]);
        assert_eq!(trie.longest_at_start(b"Spring Boot 3"), Some((1, 11)));
        assert_eq!(trie.longest_at_start(b"SPRING Bootcamp"), Some((1, 11)));
        assert_eq!(trie.longest_at_start(b"Spring Batch"), Some((0, 6)));
        assert_eq!(trie.longest_at_start(b"C++ and C"), Some((3, 3)));
        assert_eq!(trie.longest_at_start(b"C#"), Some((2, 1)));
        assert_eq!(trie.longest_at_start(b"golang"), Some((4, 2)));
    }

    #[test]
    fn nothing_is_found_unless_a_whole_spelling_starts_the_text() {
        let trie = SpellingTrie::new(["spring boot", "kafka"]);
        assert_eq!(trie.longest_at_start(b"Spring"), None);
        assert_eq!(trie.longest_at_start(b"a Kafka"), None);
        assert_eq!(trie.longest_at_start(b""), None);
        assert_eq!(trie.longest_at_start("Kafkaé".as_bytes()), Some((1, 5)));
    }
}
