#include "castgraph/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castgraph {
namespace {

struct FreeDeleter {
    void operator()(utf8proc_uint8_t* pointer) const noexcept { std::free(pointer); }
};

void append_utf8(std::string& out, utf8proc_int32_t codepoint) {
    utf8proc_uint8_t buffer[4];
    const auto length = utf8proc_encode_char(codepoint, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

bool is_latin(utf8proc_int32_t codepoint) {
    return codepoint < 0x0250 || (codepoint >= 0x1E00 && codepoint <= 0x1EFF);
}

bool is_space(utf8proc_int32_t codepoint) {
    if (codepoint == '\t' || codepoint == '\n' || codepoint == '\r' || codepoint == '\v' || codepoint == '\f')
        return true;
    const auto category = utf8proc_category(codepoint);
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP;
}

bool is_apostrophe(utf8proc_int32_t codepoint) {
    switch (codepoint) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x0060: case 0x00B4:
    case 0x2032: case 0xFF07: return true;
    default: return false;
    }
}

bool is_dash(utf8proc_int32_t codepoint) {
    if (codepoint == '-') return false;
    return utf8proc_category(codepoint) == UTF8PROC_CATEGORY_PD || codepoint == 0x2212;
}

// Category of code points dropped by normalization: invisible format characters
// such as the emoji variation selector U+FE0F and zero-width joiners.
bool is_invisible(utf8proc_int32_t codepoint) {
    const auto category = utf8proc_category(codepoint);
    return category == UTF8PROC_CATEGORY_CF || (codepoint >= 0xFE00 && codepoint <= 0xFE0F);
}

std::string map(std::string_view text, int options) {
    utf8proc_uint8_t* raw = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &raw,
                                     static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(raw);
    if (length < 0) return std::string(text);
    return {reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length)};
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
    std::u32string codepoints;
    codepoints.reserve(text.size());
    const auto* cursor = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        const auto used = utf8proc_iterate(cursor, remaining, &codepoint);
        if (used <= 0) break;
        codepoints.push_back(static_cast<char32_t>(codepoint));
        cursor += used;
        remaining -= used;
    }
    return codepoints;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t cursor = 0;
    for (auto word = next_word(text, cursor); !word.empty(); word = next_word(text, cursor)) words.push_back(word);
    return words;
}

std::string_view next_word(std::string_view text, std::size_t& cursor) {
    while (cursor < text.size() && text[cursor] == ' ') ++cursor;
    const auto start = std::min(cursor, text.size());
    cursor = std::min(text.find(' ', start), text.size());
    return text.substr(start, cursor - start);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t offset = 0;
    while (offset < text.size()) {
#if defined(__SSE2__)
        // Sixteen bytes at a time up to the first past ASCII: the whole input is checked,
        // and most of it is ASCII.
        while (offset + 16 <= text.size()) {
            const auto block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + offset));
            if (const auto high = static_cast<unsigned>(_mm_movemask_epi8(block)); high != 0) {
                offset += static_cast<std::size_t>(std::countr_zero(high));
                break;
            }
            offset += 16;
        }
        if (offset == text.size()) break;
#endif
        const auto byte = static_cast<unsigned char>(text[offset]);
        if (byte < 0x80) {  // ASCII fast path
            ++offset;
            continue;
        }
        utf8proc_int32_t codepoint = 0;
        const auto used = utf8proc_iterate(begin + offset, static_cast<utf8proc_ssize_t>(text.size() - offset),
                                           &codepoint);
        if (used <= 0) return offset;
        offset += static_cast<std::size_t>(used);
    }
    return std::nullopt;
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t offset = 0;
    while (offset < text.size()) {
        const auto rest = text.substr(offset);
        const auto bad = find_invalid_utf8(rest);
        if (!bad) {
            out.append(rest);
            break;
        }
        out.append(rest.substr(0, *bad));
        out.append("\xEF\xBF\xBD");
        offset += *bad + 1;
    }
    return out;
}

std::string_view trim(std::string_view text) {
    // ASCII whitespace and NBSP-like characters at the edges.
    auto is_edge_space = [](std::string_view rest, std::size_t& width) {
        const auto byte = static_cast<unsigned char>(rest[0]);
        if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\v' || byte == '\f') {
            width = 1;
            return true;
        }
        if (byte < 0x80) return false;
        utf8proc_int32_t codepoint = 0;
        const auto used = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(rest.data()),
                                           static_cast<utf8proc_ssize_t>(rest.size()), &codepoint);
        if (used <= 0 || !is_space(codepoint)) return false;
        width = static_cast<std::size_t>(used);
        return true;
    };
    std::size_t width = 0;
    while (!text.empty() && is_edge_space(text, width)) text.remove_prefix(width);
    // From the end: step back over continuation bytes to find a code point start.
    while (!text.empty()) {
        std::size_t start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const auto last = text.substr(start);
        if (!is_edge_space(last, width) || width != last.size()) break;
        text.remove_suffix(last.size());
    }
    return text;
}

std::string collapse_whitespace(std::string_view text) {
    // Chapter texts are mostly ASCII: its bytes are judged by a table made with is_space.
    enum : std::uint8_t { kPlain, kSpace, kLead };
    static const std::array<std::uint8_t, 256> byte_kind = [] {
        std::array<std::uint8_t, 256> table{};
        for (std::size_t byte = 0; byte < table.size(); ++byte)
            table[byte] = byte >= 0x80 ? kLead : is_space(static_cast<utf8proc_int32_t>(byte)) ? kSpace : kPlain;
        return table;
    }();
    // The result is never longer than the text: spaces only shrink, and every other
    // code point is copied as the bytes that encode it.
    std::string out(text.size(), '\0');
    char* const begin = out.data();
    char* written = begin;
    bool pending_space = false;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const std::size_t size = text.size();
    std::size_t pos = 0;
    while (pos < size) {
        const auto kind = byte_kind[bytes[pos]];
        if (kind == kPlain) {
            if (pending_space) *written++ = ' ';
            pending_space = false;
#if defined(__SSE2__)
            // Sixteen bytes at a time up to the first that is a control or not ASCII (as
            // signed bytes, all are below 0x20), or a space that is not a lone one between
            // two such bytes: a lone space is copied as it stands. The last byte's space
            // stops too, since what follows it is unseen. The block is stored whole: the
            // output never runs ahead of the input, so it fits, and what lies past the
            // run is written over next.
            const auto first_printable = _mm_set1_epi8(0x20);
            while (pos + 16 <= size) {
                const auto block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(written), block);
                const auto others = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(block, first_printable)));
                const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, first_printable)));
                const auto stops = others | (spaces & ((spaces >> 1) | (others >> 1) | 0x8000U));
                if (stops != 0) {
                    const auto run = static_cast<std::size_t>(std::countr_zero(stops));
                    pos += run;
                    written += run;
                    break;
                }
                pos += 16;
                written += 16;
            }
#endif
            // Byte by byte from there: to the run's end, past a control character (plain
            // too), or through the last bytes.
            while (pos < size && byte_kind[bytes[pos]] == kPlain) *written++ = static_cast<char>(bytes[pos++]);
            continue;
        }
        if (kind == kSpace) {
            pending_space = written != begin;
            ++pos;
            continue;
        }
        utf8proc_int32_t codepoint = 0;
        const auto length = utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(size - pos), &codepoint);
        if (length <= 0) break;  // stops at invalid UTF-8, as decode_utf8 does
        const auto used = static_cast<std::size_t>(length);
        if (is_space(codepoint)) {
            pending_space = written != begin;
            pos += used;
            continue;
        }
        if (pending_space) *written++ = ' ';
        pending_space = false;
        std::memcpy(written, bytes + pos, used);
        written += used;
        pos += used;
    }
    out.resize(static_cast<std::size_t>(written - begin));
    return out;
}

namespace {

// The general path: Unicode decomposition, folding and composition.
std::string normalize_by_unicode_tables(std::string_view text) {
    // Compatibility decomposition with case folding, so accents become separate marks.
    const auto decomposed =
        map(text, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    std::string folded;
    folded.reserve(decomposed.size());
    utf8proc_int32_t previous_base = 0;
    bool pending_space = false;
    for (const utf8proc_int32_t codepoint : decode_utf8(decomposed)) {
        const auto category = utf8proc_category(codepoint);
        const bool is_mark = category == UTF8PROC_CATEGORY_MN;
        if (is_mark && is_latin(previous_base)) continue;  // é -> e, but keep marks of other scripts
        if (is_invisible(codepoint)) continue;
        if (is_space(codepoint)) {
            pending_space = !folded.empty();
            continue;
        }
        if (pending_space) folded.push_back(' ');
        pending_space = false;
        if (is_apostrophe(codepoint)) {
            folded.push_back('\'');
        } else if (is_dash(codepoint)) {
            folded.push_back('-');
        } else {
            append_utf8(folded, codepoint);
        }
        if (!is_mark) previous_base = codepoint;
    }
    return map(folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

bool is_any_mark(utf8proc_int32_t codepoint) {
    const auto category = utf8proc_category(codepoint);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}

bool is_hangul(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF);
}

// What normalization does to one code point wherever it stands: dropped, a space,
// or the text it becomes; or "general" when the text holding it must take the
// general path. A code point folds the same in any neighbourhood when its
// decomposition holds no combining mark (marks look at the letter before them and
// may compose with it) and no Hangul jamo (which compose with each other), or only
// marks after Latin code points (see fold_code_point), and its folding neither
// starts nor ends with a space (as U+00A8 DIAERESIS does, a space and a mark).
// Worked out through the general path itself, so the two agree.
struct Folding {
    enum class Kind : std::uint8_t { general, drop, space, text };
    Kind kind = Kind::general;
    std::string folded;
};

Folding fold_code_point(utf8proc_int32_t codepoint) {
    std::string character;
    append_utf8(character, codepoint);
    const auto decomposed =
        decode_utf8(map(character, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD));
    const auto all = [&](auto&& test) {
        return std::all_of(decomposed.begin(), decomposed.end(), [&](char32_t c) { return test(static_cast<utf8proc_int32_t>(c)); });
    };
    if (all(is_invisible)) return {Folding::Kind::drop, ""};
    if (all([](utf8proc_int32_t c) { return is_invisible(c) || is_space(c); })) return {Folding::Kind::space, ""};
    // So does a Latin letter with accents (é is e and U+0301), and any decomposition of
    // code points below U+0250 followed by nonspacing marks (≠ is = and U+0338): the
    // general path drops nonspacing marks after such a code point, and none of them
    // composes with what stands before it.
    const auto is_nonspacing_mark = [](utf8proc_int32_t c) { return utf8proc_category(c) == UTF8PROC_CATEGORY_MN; };
    const bool latin_and_its_marks =
        !is_nonspacing_mark(static_cast<utf8proc_int32_t>(decomposed.front())) &&
        all([&](utf8proc_int32_t c) { return is_nonspacing_mark(c) || (is_latin(c) && !is_any_mark(c)); });
    if (!latin_and_its_marks &&
        !all([](utf8proc_int32_t c) { return !is_any_mark(c) && !is_hangul(static_cast<char32_t>(c)); }))
        return {};
    if (is_space(static_cast<utf8proc_int32_t>(decomposed.front())) || is_space(static_cast<utf8proc_int32_t>(decomposed.back())))
        return {};
    auto folded = normalize_by_unicode_tables(character);
    const auto code_points = decode_utf8(folded);
    if (!std::all_of(code_points.begin(), code_points.end(), [](char32_t c) {
            return !is_any_mark(static_cast<utf8proc_int32_t>(c)) && !is_hangul(c);
        }))
        return {};
    return {Folding::Kind::text, std::move(folded)};
}

// The foldings of the code points text is mostly made of, worked out once: one and
// two UTF-8 bytes (ASCII, Latin letters with accents, Greek, Cyrillic, ...) and the
// General Punctuation block (dashes, quotes, ellipsis, invisible spaces). Others
// are worked out where they occur.
class FoldingTable {
public:
    static constexpr utf8proc_int32_t kShortEnd = 0x800;
    static constexpr utf8proc_int32_t kPunctuationBegin = 0x2000;
    static constexpr utf8proc_int32_t kPunctuationEnd = 0x2070;

    FoldingTable() {
        for (utf8proc_int32_t c = 1; c < kShortEnd; ++c) foldings_[index(c)] = fold_code_point(c);
        for (utf8proc_int32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c) foldings_[index(c)] = fold_code_point(c);
    }
    static bool holds(utf8proc_int32_t c) { return (c >= 1 && c < kShortEnd) || (c >= kPunctuationBegin && c < kPunctuationEnd); }
    const Folding& operator[](utf8proc_int32_t c) const { return foldings_[index(c)]; }

private:
    static std::size_t index(utf8proc_int32_t c) {
        return static_cast<std::size_t>(c < kShortEnd ? c : c - kPunctuationBegin + kShortEnd);
    }
    std::array<Folding, static_cast<std::size_t>(kShortEnd + kPunctuationEnd - kPunctuationBegin)> foldings_;
};

const FoldingTable& folding_table() {
    static const FoldingTable table;
    return table;
}

// Code points outside the table (emoji, CJK) recur in a text and across texts:
// each is worked out once per thread, as working it out takes three Unicode mappings.
const Folding& rare_folding(utf8proc_int32_t codepoint) {
    thread_local std::unordered_map<utf8proc_int32_t, Folding> foldings;
    const auto [found, added] = foldings.try_emplace(codepoint);
    if (added) found->second = fold_code_point(codepoint);
    return found->second;
}

// The common case without decomposing the whole text: each code point folded on its
// own. nullopt when one needs the general path, or the text is not valid UTF-8.
std::optional<std::string> normalize_by_code_point(std::string_view text) {
    const auto& table = folding_table();
    std::string folded;
    folded.reserve(text.size());
    bool pending_space = false;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t codepoint = bytes[pos];
        if (codepoint < 0x80) {
            ++pos;
        } else {
            const auto length = utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &codepoint);
            if (length <= 0) return std::nullopt;
            pos += static_cast<std::size_t>(length);
        }
        const Folding* folding = nullptr;
        if (FoldingTable::holds(codepoint)) {
            folding = &table[codepoint];
        } else {
            folding = &rare_folding(codepoint);
        }
        switch (folding->kind) {
        case Folding::Kind::general: return std::nullopt;
        case Folding::Kind::drop: continue;
        case Folding::Kind::space: pending_space = !folded.empty(); continue;
        case Folding::Kind::text: break;
        }
        if (pending_space) folded.push_back(' ');
        pending_space = false;
        if (folding->folded.size() == 1) folded.push_back(folding->folded[0]);
        else folded += folding->folded;
    }
    return folded;
}

// ASCII text, which most names, words and titles are, folds byte by byte: each
// byte drops, is a space or becomes one byte. The table is read off the folding
// table, so the two agree. False, with `folded` unspecified, for any other text.
bool normalize_ascii(std::string_view text, std::string& folded) {
    enum : std::int16_t { kDrop = -1, kSpace = -2, kOther = -3 };
    static const std::array<std::int16_t, 128> byte_folding = [] {
        const auto& table = folding_table();
        std::array<std::int16_t, 128> bytes{};
        bytes.fill(kOther);
        for (utf8proc_int32_t c = 1; c < 128; ++c) {
            const auto& folding = table[c];
            if (folding.kind == Folding::Kind::drop) bytes[c] = kDrop;
            else if (folding.kind == Folding::Kind::space) bytes[c] = kSpace;
            else if (folding.kind == Folding::Kind::text && folding.folded.size() == 1 &&
                     static_cast<unsigned char>(folding.folded[0]) < 0x80)
                bytes[c] = static_cast<std::int16_t>(folding.folded[0]);
        }
        return bytes;
    }();
    folded.resize(text.size());
    char* const begin = folded.data();
    char* written = begin;
    bool pending_space = false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) return false;
        const auto folding = byte_folding[byte];
        if (folding >= 0) {
            if (pending_space) *written++ = ' ';
            pending_space = false;
            *written++ = static_cast<char>(folding);
        } else if (folding == kSpace) {
            pending_space = written != begin;
        } else if (folding == kOther) {
            return false;
        }
    }
    folded.resize(static_cast<std::size_t>(written - begin));
    return true;
}

}  // namespace

std::string normalize_text(std::string_view text) {
    if (std::string folded; normalize_ascii(text, folded)) return folded;
    if (auto quick = normalize_by_code_point(text)) return std::move(*quick);
    if (find_invalid_utf8(text)) return collapse_whitespace(text);
    return normalize_by_unicode_tables(text);
}

namespace detail {
std::string normalize_text_by_unicode_tables(std::string_view text) {
    if (find_invalid_utf8(text)) return collapse_whitespace(text);
    return normalize_by_unicode_tables(text);
}
}  // namespace detail

std::string slugify(std::string_view text, std::size_t max_bytes) {
    const auto normalized = normalize_text(text);
    std::string slug;
    bool pending_dash = false;
    // ASCII, as most titles and names fold to, byte by byte: its letters and digits are
    // the code points kept below, and it has no marks.
    if (std::all_of(normalized.begin(), normalized.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        slug.reserve(normalized.size());
        for (const char c : normalized) {
            if (c == '\'') continue;
            const bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letter_or_digit) {
                pending_dash = !slug.empty();
                continue;
            }
            if (pending_dash) slug.push_back('-');
            pending_dash = false;
            slug.push_back(c);
        }
        return shorten_slug(std::move(slug), max_bytes);
    }
    for (const utf8proc_int32_t codepoint : decode_utf8(normalized)) {
        const auto category = utf8proc_category(codepoint);
        const bool keep = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                          (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME &&
                           !slug.empty()) ||
                          (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (codepoint == '\'') continue;  // "GitHub's" -> "githubs"
        if (!keep) {
            pending_dash = !slug.empty();
            continue;
        }
        if (pending_dash) slug.push_back('-');
        pending_dash = false;
        append_utf8(slug, codepoint);
    }
    return shorten_slug(std::move(slug), max_bytes);
}

std::string shorten_slug(std::string slug, std::size_t max_bytes) {
    if (slug.size() > max_bytes) {
        auto cut = slug.rfind('-', max_bytes);
        if (cut == std::string::npos || cut < max_bytes / 2) {
            cut = max_bytes;  // step back to a code point boundary
            while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;
        }
        slug.resize(cut);
    }
    return slug;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    const auto n = a.size();
    const auto m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

void append_decimal(std::string& out, std::uint64_t number) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
}

}  // namespace castgraph
