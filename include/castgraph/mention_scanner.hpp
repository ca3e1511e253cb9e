// Finds many names at once in text: an Aho-Corasick automaton over the names'
// UTF-8 bytes, so one pass over a text finds every known name, however many
// there are.
//
// Matching is case-sensitive and exact on bytes. A match counts only at word
// boundaries: where a name begins or ends with a letter or digit, the text must
// not continue with a letter, digit or '_' there (Unicode categories), so "FAIR"
// is not found inside "Fairwater" and "Claude" not inside "Claudette". Among
// overlapping matches the leftmost wins, then the longest ("Claude Code" over
// "Claude").
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

    struct State {
        std::uint32_t first_edge = 0;  // range in edges_, sorted by byte
        std::uint32_t edge_count = 0;
        std::uint32_t failure = 0;
        std::uint32_t pattern = kNone;      // pattern ending exactly here
        std::uint32_t next_output = kNone;  // nearest state on the failure chain with a pattern
    };
    struct Transition {
        unsigned char byte = 0;
        std::uint32_t target = 0;
    };

    [[nodiscard]] std::uint32_t child(std::uint32_t state, unsigned char byte) const;
    [[nodiscard]] std::uint32_t step(std::uint32_t state, unsigned char byte) const;

    std::vector<State> states_;
    std::vector<Transition> edges_;
    std::uint32_t root_next_[256] = {};  // the root's transitions, direct (0 = stay at root)
    // Full transitions (failures followed) of the states near the root, 256 a state:
    // text spends most bytes there, and a few thousand such rows take a few megabytes.
    std::vector<std::uint32_t> dense_row_;  // by state: row in dense_, or kNone
    std::vector<std::uint32_t> dense_;
    std::vector<std::uint32_t> pattern_lengths_;
    std::vector<bool> word_at_start_;  // pattern begins with a letter or digit: needs a boundary there
    std::vector<bool> word_at_end_;
};

}  // namespace castgraph
