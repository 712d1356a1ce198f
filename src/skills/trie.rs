//! The vocabulary's spellings as a trie, for the one question the matcher
//! asks: which is the longest spelling that starts exactly here? (And the
//! posting's filter's: which spellings start here?)
//!
//! Matching is anchored at word starts (see `matcher`), so the automaton
//! needs no failure links: building those for two thousand spellings was
//! most of the vocabulary's load time, paid by every process of a screen
//! with `--job`. A trie builds in well under a millisecond and answers the
//! anchored question with one walk. Lookups are ASCII case-insensitive:
//! spellings are stored lower case and the text's bytes are lower-cased as
//! they are read (the vocabulary holds ASCII spellings only, so a match
//! always ends on a character boundary).

/// No node or no spelling.
const NONE: u32 = u32::MAX;

/// One node: the spelling that ends here (or `NONE`), and where its edges
/// (one per next byte) are in `SpellingTrie::edges`.
#[derive(Debug, Clone, Copy)]
struct Node {
    spelling: u32,
    first_edge: u32,
    edge_count: u32,
}

#[derive(Debug, Clone)]
pub(super) struct SpellingTrie {
    /// The root's next node for each byte (or `NONE`): every lookup takes
    /// this step, and the root has a child for most letters.
    root: Box<[u32; 256]>,
    /// Node 0 is the root (its edges are also in `root`).
    nodes: Vec<Node>,
    /// Each node's edges, together and in byte order: (byte, next node).
    edges: Vec<(u8, u32)>,
}

impl SpellingTrie {
    /// The trie of `spellings`; spelling i is reported as i. When two
    /// spellings are the same bytes the first is kept (the loader refuses
    /// such vocabularies before they get here).
    pub fn new<'a>(spellings: impl IntoIterator<Item = &'a str>) -> SpellingTrie {
        // Built with a list of edges per node, then laid out flat. A trie
        // has at most one node per byte of its spellings, plus the root:
        // sized for that at once, the node lists never grow.
        let spellings: Vec<&str> = spellings.into_iter().collect();
        let most_nodes = 1 + spellings.iter().map(|s| s.len()).sum::<usize>();
        let mut spelling_at: Vec<u32> = Vec::with_capacity(most_nodes);
        let mut next: Vec<Vec<(u8, u32)>> = Vec::with_capacity(most_nodes);
        spelling_at.push(NONE);
        next.push(Vec::new());
        for (index, spelling) in spellings.into_iter().enumerate() {
            let mut at = 0;
            for byte in spelling.bytes().map(|b| b.to_ascii_lowercase()) {
                at = match next[at].binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => next[at][i].1 as usize,
                    Err(i) => {
                        let child = next.len();
                        next[at].insert(i, (byte, child as u32));
                        next.push(Vec::new());
                        spelling_at.push(NONE);
                        child
                    }
                };
            }
            if spelling_at[at] == NONE {
                spelling_at[at] = index as u32;
            }
        }
        let mut root = Box::new([NONE; 256]);
        for &(byte, child) in &next[0] {
            root[usize::from(byte)] = child;
        }
        let mut nodes = Vec::with_capacity(next.len());
        let mut edges = Vec::with_capacity(next.len());
        for (spelling, out) in spelling_at.into_iter().zip(next) {
            nodes.push(Node {
                spelling,
                first_edge: edges.len() as u32,
                edge_count: out.len() as u32,
            });
            edges.extend(out);
        }
        SpellingTrie { root, nodes, edges }
    }

    /// The longest spelling that `text` starts with: its index and length
    /// in bytes.
    pub fn longest_at_start(&self, text: &[u8]) -> Option<(usize, usize)> {
        let mut longest = None;
        self.each_at_start(text, |spelling, len| longest = Some((spelling, len)));
        longest
    }

    /// Every spelling that `text` starts with, shortest first: its index
    /// and length in bytes.
    pub fn each_at_start(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let mut bytes = text.iter().map(u8::to_ascii_lowercase);
        let Some(first) = bytes.next() else { return };
        let mut at = self.root[usize::from(first)];
        let mut len = 1;
        while at != NONE {
            let node = self.nodes[at as usize];
            if node.spelling != NONE {
                found(node.spelling as usize, len);
            }
            let Some(byte) = bytes.next() else { return };
            let first = node.first_edge as usize;
            // Past the root a node has a few edges: a scan beats a search.
            at = self.edges[first..first + node.edge_count as usize]
                .iter()
                .find(|&&(b, _)| b == byte)
                .map_or(NONE, |&(_, child)| child);
            len += 1;
        }
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
