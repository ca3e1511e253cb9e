#include "castgraph/mention_scanner.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <map>

namespace castgraph {
namespace {

bool is_word_code_point(utf8proc_int32_t code_point) {
    if (code_point == '_') return true;
    switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:  // after a name, a combining mark changes its last letter
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

// The code point starting at pos (-1 at the end or on invalid bytes).
utf8proc_int32_t code_point_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return -1;
    utf8proc_int32_t code_point = -1;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                     static_cast<utf8proc_ssize_t>(text.size() - pos), &code_point);
    return code_point;
}

// Start of the code point ending just before pos (pos itself at the start).
std::size_t previous_start(std::string_view text, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

bool is_mark(utf8proc_int32_t code_point) {
    const auto category = utf8proc_category(code_point);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}

bool is_word_at(std::string_view text, std::size_t pos) {
    const auto code_point = code_point_at(text, pos);
    return code_point >= 0 && is_word_code_point(code_point);
}

// Whether the character before pos is part of a word. Marks (accents, emoji
// variation selectors) take the nature of the character they modify.
bool is_word_before(std::string_view text, std::size_t pos) {
    while (pos > 0) {
        pos = previous_start(text, pos);
        const auto code_point = code_point_at(text, pos);
        if (code_point < 0) return false;
        if (!is_mark(code_point)) return is_word_code_point(code_point);
    }
    return false;
}

}  // namespace

MentionScanner::MentionScanner(const std::vector<std::string>& patterns) {
    // Build the trie with ordered children, then flatten it.
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    std::vector<std::uint32_t> pattern_at(1, kNone);
    for (std::size_t index = 0; index < patterns.size(); ++index) {
        const auto& pattern = patterns[index];
        pattern_lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
        word_at_start_.push_back(is_word_at(pattern, 0));
        word_at_end_.push_back(is_word_before(pattern, pattern.size()));
        if (pattern.empty()) continue;
        std::uint32_t state = 0;
        for (const char c : pattern) {
            const auto byte = static_cast<unsigned char>(c);
            const auto found = children[state].find(byte);
            if (found != children[state].end()) {
                state = found->second;
            } else {
                const auto next = static_cast<std::uint32_t>(children.size());
                children[state].emplace(byte, next);
                children.emplace_back();
                pattern_at.push_back(kNone);
                state = next;
            }
        }
        if (pattern_at[state] == kNone) pattern_at[state] = static_cast<std::uint32_t>(index);
    }

    states_.resize(children.size());
    for (std::size_t state = 0; state < children.size(); ++state) {
        states_[state].first_edge = static_cast<std::uint32_t>(edges_.size());
        states_[state].edge_count = static_cast<std::uint32_t>(children[state].size());
        states_[state].pattern = pattern_at[state];
        for (const auto& [byte, target] : children[state]) edges_.push_back({byte, target});
    }
    for (const auto& [byte, target] : children[0]) root_next_[byte] = target;

    // Failure and output links, breadth first.
    dense_row_.assign(states_.size(), kNone);
    std::vector<std::uint32_t> breadth_first{0};
    std::vector<std::uint32_t> depth(states_.size(), 0);
    for (const auto& [byte, target] : children[0]) {
        states_[target].failure = 0;
        depth[target] = 1;
        breadth_first.push_back(target);
    }
    for (std::size_t next = 1; next < breadth_first.size(); ++next) {
        const auto state = breadth_first[next];
        for (std::uint32_t e = 0; e < states_[state].edge_count; ++e) {
            const auto [byte, target] = edges_[states_[state].first_edge + e];
            const auto failure = step(states_[state].failure, byte);
            states_[target].failure = failure;
            states_[target].next_output =
                states_[failure].pattern != kNone ? failure : states_[failure].next_output;
            depth[target] = depth[state] + 1;
            breadth_first.push_back(target);
        }
    }
    // Dense rows, shallowest first: a state's failure is shallower, so its row is ready.
    constexpr std::uint32_t kDenseDepth = 2;
    for (const auto state : breadth_first) {
        if (depth[state] > kDenseDepth) break;
        const auto row = static_cast<std::uint32_t>(dense_.size() / 256);
        dense_.resize(dense_.size() + 256);
        for (unsigned byte = 0; byte < 256; ++byte) {
            const auto next = child(state, static_cast<unsigned char>(byte));
            dense_[std::size_t{row} * 256 + byte] =
                next != kNone ? next : (state == 0 ? 0 : dense_[std::size_t{dense_row_[states_[state].failure]} * 256 + byte]);
        }
        dense_row_[state] = row;
    }
}

std::uint32_t MentionScanner::child(std::uint32_t state, unsigned char byte) const {
    if (state == 0) return root_next_[byte] != 0 ? root_next_[byte] : kNone;
    const auto& node = states_[state];
    const auto* first = edges_.data() + node.first_edge;
    const auto* last = first + node.edge_count;
    const auto* found =
        std::lower_bound(first, last, byte, [](const Transition& t, unsigned char b) { return t.byte < b; });
    return found != last && found->byte == byte ? found->target : kNone;
}

std::uint32_t MentionScanner::step(std::uint32_t state, unsigned char byte) const {
    while (true) {
        if (const auto row = dense_row_[state]; row != kNone) return dense_[std::size_t{row} * 256 + byte];
        const auto next = child(state, byte);
        if (next != kNone) return next;
        if (state == 0) return 0;
        state = states_[state].failure;
    }
}

std::vector<MentionScanner::Match> MentionScanner::scan(std::string_view text) const {
    std::vector<Match> matches;
    scan(text, matches);
    return matches;
}

void MentionScanner::scan(std::string_view text, std::vector<Match>& out) const {
    out.clear();
    std::uint32_t state = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        state = step(state, static_cast<unsigned char>(text[pos]));
        for (auto hit = states_[state].pattern != kNone ? state : states_[state].next_output; hit != kNone;
             hit = states_[hit].next_output) {
            const auto pattern = states_[hit].pattern;
            const std::size_t end = pos + 1;
            const std::size_t begin = end - pattern_lengths_[pattern];
            if (word_at_start_[pattern] && is_word_before(text, begin)) continue;
            if (word_at_end_[pattern] && is_word_at(text, end)) continue;
            out.push_back({begin, end, pattern});
        }
    }
    // Leftmost first, then longest; keep the ones that do not overlap a kept match.
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::size_t kept = 0;
    std::size_t covered_until = 0;
    for (const auto& match : out) {
        if (kept > 0 && match.begin < covered_until) continue;
        out[kept++] = match;
        covered_until = match.end;
    }
    out.resize(kept);
}

}  // namespace castgraph
