#include "castgraph/mention_scanner.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>

#include "castgraph/error.hpp"
#include "castgraph/text.hpp"

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

// is_ascii_word (text.hpp) gives the ASCII code points is_word_code_point accepts.

// is_word_at and is_word_before, without decoding when the byte there is ASCII
// (an ASCII byte is a whole code point, and never a mark).
bool is_word_at_fast(std::string_view text, std::size_t pos) {
    if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80)
        return is_ascii_word(static_cast<unsigned char>(text[pos]));
    return is_word_at(text, pos);
}

bool is_word_before_fast(std::string_view text, std::size_t pos) {
    if (pos > 0 && static_cast<unsigned char>(text[pos - 1]) < 0x80)
        return is_ascii_word(static_cast<unsigned char>(text[pos - 1]));
    return is_word_before(text, pos);
}

}  // namespace

MentionScanner::MentionScanner(const std::vector<std::string>& patterns) {
    // Build the trie with ordered children, then flatten it.
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    std::vector<std::uint32_t> pattern_at(1, kNone);
    std::vector<std::uint8_t> boundaries(1, 0);  // kNameNeedsWord* of the name ending at a state
    for (std::size_t index = 0; index < patterns.size(); ++index) {
        const auto& pattern = patterns[index];
        pattern_lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
        if (pattern.empty()) continue;
        const bool needs_word_start = is_word_at(pattern, 0);
        starts_[static_cast<unsigned char>(pattern[0])] |= needs_word_start ? kStartsWordName : kStartsOtherName;
        std::uint32_t state = 0;
        for (const char c : pattern) {
            const auto byte = static_cast<unsigned char>(c);
            const auto found = children[state].find(byte);
            if (found != children[state].end()) {
                state = found->second;
            } else {
                const auto next = static_cast<std::uint32_t>(children.size());
                if (next == kNone) throw Error(ErrorCategory::internal, "mention scanner: names too long in total");
                children[state].emplace(byte, next);
                children.emplace_back();
                pattern_at.push_back(kNone);
                boundaries.push_back(0);
                state = next;
            }
        }
        if (pattern_at[state] != kNone) continue;
        pattern_at[state] = static_cast<std::uint32_t>(index);
        const bool needs_word_end = is_word_before(pattern, pattern.size());
        boundaries[state] = static_cast<std::uint8_t>((needs_word_start ? kNameNeedsWordStart : 0) |
                                                      (needs_word_end ? kNameNeedsWordEnd : 0));
    }

    // Depth-first numbering, children in byte order.
    std::vector<std::uint32_t> number(children.size(), kNone);
    std::vector<std::uint32_t> state_of;
    state_of.reserve(children.size());
    std::vector<std::uint32_t> stack{0};
    while (!stack.empty()) {
        const auto state = stack.back();
        stack.pop_back();
        number[state] = static_cast<std::uint32_t>(state_of.size());
        state_of.push_back(state);
        // Pushed last to first, so the smallest byte's child is numbered next.
        for (auto child = children[state].rbegin(); child != children[state].rend(); ++child)
            stack.push_back(child->second);
    }
    states_.resize(state_of.size());
    pattern_.resize(state_of.size());
    for (std::uint32_t numbered = 0; numbered < state_of.size(); ++numbered) {
        const auto original = state_of[numbered];
        const auto& edges = children[original];
        auto& record = states_[numbered];
        pattern_[numbered] = pattern_at[original];
        if (pattern_at[original] != kNone) record.flags = static_cast<std::uint8_t>(kEndsName | boundaries[original]);
        if (edges.empty()) continue;
        record.flags |= kHasChild;
        record.first_byte = edges.begin()->first;
        record.other_edges = static_cast<std::uint32_t>(edge_bytes_.size());
        record.other_count = static_cast<std::uint8_t>(edges.size() - 1);  // at most 255 besides the first
        for (auto edge = std::next(edges.begin()); edge != edges.end(); ++edge) {
            edge_bytes_.push_back(edge->first);
            edge_targets_.push_back(number[edge->second]);
        }
    }
    pair_next_.assign(std::size_t{1} << 16, kNone);
    std::fill(std::begin(root_next_), std::end(root_next_), kNone);
    for (const auto& [byte, target] : children[0]) {
        root_next_[byte] = number[target];
        for (const auto& [second, grandchild] : children[target])
            pair_next_[std::size_t{byte} << 8 | second] = number[grandchild];
    }
}

inline std::uint32_t MentionScanner::child(std::uint32_t state, unsigned char byte) const {
    const auto& record = states_[state];
    if (record.first_byte == byte && (record.flags & kHasChild) != 0) return state + 1;
    const auto* bytes = edge_bytes_.data() + record.other_edges;
    if (record.other_count <= 16) {  // most: shorter than a call to memchr pays for
        for (std::uint32_t i = 0; i < record.other_count; ++i)
            if (bytes[i] == byte) return edge_targets_[record.other_edges + i];
        return kNone;
    }
    const void* found = std::memchr(bytes, byte, record.other_count);
    return found != nullptr ? edge_targets_[record.other_edges + (static_cast<const unsigned char*>(found) - bytes)]
                            : kNone;
}

std::vector<MentionScanner::Match> MentionScanner::scan(std::string_view text) const {
    std::vector<Match> matches;
    scan(text, matches);
    return matches;
}

void MentionScanner::scan(std::string_view text, std::vector<Match>& out) const {
    out.clear();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    static const auto ascii_word = [] {
        std::array<bool, 256> table{};
        for (unsigned byte = 0; byte < 256; ++byte) table[byte] = is_ascii_word(static_cast<unsigned char>(byte));
        return table;
    }();
    for (std::size_t begin = 0; begin < text.size(); ++begin) {
        // Inside a run of ASCII letters, digits and '_' no name begins: a name led by one
        // needs a word boundary before it. Most of a text is such runs.
        if (begin > 0 && ascii_word[bytes[begin]] && ascii_word[bytes[begin - 1]]) {
            while (begin + 1 < text.size() && ascii_word[bytes[begin + 1]]) ++begin;
            continue;
        }
        const auto starts = starts_[bytes[begin]];
        if (starts == 0) continue;
        // Whether a word ends just before begin, asked once and only when it matters.
        enum { unknown, yes, no } word_before = unknown;
        const auto at_word_start = [&] {
            if (word_before == unknown) word_before = is_word_before_fast(text, begin) ? yes : no;
            return word_before == no;
        };
        if (starts == kStartsWordName && !at_word_start()) continue;
        // The longest name found from here; the leftmost-longest rule keeps it.
        std::optional<Match> longest;
        std::uint32_t state = root_next_[bytes[begin]];
        for (auto pos = begin; state != kNone;) {
            if (const auto flags = states_[state].flags; (flags & kEndsName) != 0) {
                if (((flags & kNameNeedsWordStart) == 0 || at_word_start()) &&
                    ((flags & kNameNeedsWordEnd) == 0 || !is_word_at_fast(text, pos + 1)))
                    longest = Match{begin, pos + 1, pattern_[state]};
            }
            if (++pos == text.size()) break;
            state = pos == begin + 1 ? pair_next_[std::size_t{bytes[begin]} << 8 | bytes[pos]]
                                     : child(state, bytes[pos]);
        }
        if (!longest) continue;
        out.push_back(*longest);
        begin = longest->end - 1;  // a match starting inside this one would be dropped
    }
}

}  // namespace castgraph
