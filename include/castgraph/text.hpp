// Unicode text helpers on UTF-8 strings, built on utf8proc.
#pragma once

#include <cstddef>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace castgraph {

// Byte offset of the first invalid UTF-8 sequence, or none when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Code points of valid UTF-8 text (decoding stops at the first invalid byte).
std::u32string decode_utf8(std::string_view text);

// Words of a text separated by ASCII spaces; views into the text.
std::vector<std::string_view> split_words(std::string_view text);
// The word of text at or after cursor, as split_words splits, with cursor moved past
// it; empty when no word is left. For callers that need only the first few.
std::string_view next_word(std::string_view text, std::size_t& cursor);

// ASCII letters, digits and '_': the bytes RE2's \w and \b know as word characters.
constexpr bool is_ascii_word(unsigned char byte) {
    return (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || byte == '_';
}

// Copy of the text with each invalid UTF-8 byte replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

// Matching form of a name: NFKC, case folded, accents removed from Latin letters,
// apostrophes, hyphens and dashes unified to ' and -, whitespace collapsed and
// trimmed. Letters of other scripts are kept as they are, so a non-Latin name
// never folds to nothing. Precondition: valid UTF-8 (invalid input is returned
// with only whitespace collapsed).
std::string normalize_text(std::string_view text);

namespace detail {
// normalize_text without its shortcut of folding one code point at a time, which
// must give the same: for tests.
std::string normalize_text_by_unicode_tables(std::string_view text);
}  // namespace detail

// Slug for ids: normalize_text, then every run of characters that are not letters
// or digits becomes one '-', no leading or trailing '-'. Non-Latin letters are kept.
// At most max_bytes long, cut at a '-' boundary where possible.
std::string slugify(std::string_view text, std::size_t max_bytes = 80);
// A slug cut to max_bytes as slugify cuts it: slugify(text, n) is
// shorten_slug(slugify(text, SIZE_MAX), n), without folding the text again.
std::string shorten_slug(std::string slug, std::size_t max_bytes);

// Trims ASCII and Unicode whitespace at both ends.
std::string_view trim(std::string_view text);

// Optimal string alignment distance (Levenshtein plus adjacent transpositions)
// on code points.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b);

// Collapses runs of whitespace to one space and trims.
std::string collapse_whitespace(std::string_view text);

// Appends a number in decimal, as std::to_string writes it, without a temporary string.
void append_decimal(std::string& out, std::uint64_t number);

}  // namespace castgraph
