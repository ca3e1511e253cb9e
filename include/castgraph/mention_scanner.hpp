// Finds many names at once in text: a trie of the names' UTF-8 bytes, walked
// from each place in the text where a name may begin, so one pass over a text
// finds every known name, however many there are.
//
// Matching is case-sensitive and exact on bytes. A match counts only at word
// boundaries: where a name begins or ends with a letter or digit, the text must
// not continue with a letter, digit or '_' there (Unicode categories), so "FAIR"
// is not found inside "Fairwater" and "Claude" not inside "Claudette". Among
// overlapping matches the leftmost wins, then the longest ("Claude Code" over
// "Claude").
//
// Walks start only at a byte some name begins with, and for a name that begins
// with a letter or digit only at a word start; a start inside a match already kept
// is skipped, as the leftmost-longest rule would drop what it finds. Most bytes
// cost a table lookup, the others a walk no longer than the longest name. (An
// Aho-Corasick automaton also follows name prefixes from inside every word, and
// over a few hundred thousand names each such step misses the caches.)
//
// Immutable after construction; scan() is safe to call from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace castgraph {

class MentionScanner {
public:
    struct Match {
        std::size_t begin = 0;  // byte offsets into the scanned text
        std::size_t end = 0;
        std::uint32_t pattern = 0;  // index into the constructor's patterns
        bool operator==(const Match&) const = default;
    };

    // Empty patterns are ignored; a pattern given twice keeps its first index.
    explicit MentionScanner(const std::vector<std::string>& patterns);

    // Non-overlapping matches in text order.
    [[nodiscard]] std::vector<Match> scan(std::string_view text) const;
    // The same, appending to out (which is cleared first), to reuse its storage.
    void scan(std::string_view text, std::vector<Match>& out) const;

    [[nodiscard]] std::size_t pattern_count() const noexcept { return pattern_lengths_.size(); }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    // By first byte: which kinds of names begin with it.
    static constexpr std::uint8_t kStartsWordName = 1;   // a name that needs a word boundary before it
    static constexpr std::uint8_t kStartsOtherName = 2;  // a name led by punctuation, which needs none

    // States are numbered depth first, so a state's first child (by byte) is the next
    // state: walking a name reads consecutive records, and most states, inside one
    // name, have no other child. A walk mostly ends at a byte that no child takes,
    // which the record alone says. The record also says whether a name ends here and
    // which boundaries it needs, so a walk reads nothing else until a name is kept.
    static constexpr std::uint8_t kHasChild = 1;
    static constexpr std::uint8_t kEndsName = 2;
    static constexpr std::uint8_t kNameNeedsWordStart = 4;  // the name begins with a letter or digit
    static constexpr std::uint8_t kNameNeedsWordEnd = 8;    // the name ends with one
    struct State {
        std::uint32_t other_edges = 0;  // where the children after the first are in edge_bytes_
        std::uint8_t other_count = 0;
        unsigned char first_byte = 0;
        std::uint8_t flags = 0;
    };

    // The state after byte from state (not the root), or kNone when no name continues so.
    // Inline: defined in mention_scanner.cpp, the only place that calls it, on the hot path.
    [[nodiscard]] inline std::uint32_t child(std::uint32_t state, unsigned char byte) const;

    std::uint8_t starts_[256] = {};
    std::uint32_t root_next_[256] = {};  // the root's children, direct (kNone: none)
    // The state after two bytes from the root, direct, by (first << 8 | second): the
    // root's children have the most children, where child() would search longest.
    std::vector<std::uint32_t> pair_next_;
    std::vector<State> states_;
    // Each state's children after the first: their bytes side by side, so one cache
    // line holds a state's choices, and the states they lead to in the same order.
    std::vector<unsigned char> edge_bytes_;
    std::vector<std::uint32_t> edge_targets_;
    std::vector<std::uint32_t> pattern_;  // pattern ending exactly here, or kNone
    std::vector<std::uint32_t> pattern_lengths_;
};

}  // namespace castgraph
