#include "castgraph/title_parser.hpp"

#include <re2/re2.h>
#include <utf8proc.h>

#include <string>

#include "castgraph/text.hpp"
#include "internal/pattern.hpp"

namespace castgraph {
namespace {

bool starts_upper(std::string_view word) {
    utf8proc_int32_t codepoint = 0;
    if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                         static_cast<utf8proc_ssize_t>(word.size()), &codepoint) <= 0)
        return false;
    return utf8proc_category(codepoint) == UTF8PROC_CATEGORY_LU;
}

// Lower-case particles allowed inside personal names ("Ludwig van Beethoven").
bool is_name_particle(std::string_view word) {
    static constexpr std::string_view particles[] = {"van", "von", "de", "der", "den", "da",
                                                      "di", "du", "del", "la", "le", "bin", "al"};
    for (const auto particle : particles)
        if (word == particle) return true;
    return false;
}

bool looks_like_person_name(std::string_view text) {
    const auto words = split_words(text);
    if (words.size() < 2 || words.size() > 5) return false;
    if (!starts_upper(words.front()) || !starts_upper(words.back())) return false;
    for (const auto word : words) {
        if (!starts_upper(word) && !is_name_particle(word)) return false;
        for (const char c : word)
            if (c == ':' || c == '?' || c == '!' || (c >= '0' && c <= '9')) return false;
    }
    return true;
}

// "Alex Rives, BioHub" -> {Alex Rives, BioHub}; "Walden Yan" -> {Walden Yan, ""}.
std::optional<Guest> parse_guest(std::string_view text) {
    text = trim(text);
    Guest guest;
    const auto comma = text.find(',');
    if (comma != std::string_view::npos) {
        guest.name = std::string(trim(text.substr(0, comma)));
        guest.affiliation = std::string(trim(text.substr(comma + 1)));
        if (guest.affiliation.empty()) return std::nullopt;
    } else {
        guest.name = std::string(text);
    }
    if (!looks_like_person_name(guest.name)) return std::nullopt;
    return guest;
}

// "A & B" / "A, Org & B, Org2" / "A and B": all guests, or nothing when one part
// is not a name.
std::vector<Guest> parse_guest_list(std::string_view text) {
    std::vector<Guest> guests;
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto ampersand = text.find(" & ", start);
        auto word_and = text.find(" and ", start);
        auto et = text.find(" et ", start);
        auto cut = std::min({ampersand, word_and, et});
        if (cut == std::string_view::npos) {
            parts.push_back(text.substr(start));
            break;
        }
        parts.push_back(text.substr(start, cut - start));
        start = cut + (cut == ampersand ? 3 : cut == word_and ? 5 : 4);
    }
    for (const auto part : parts) {
        auto guest = parse_guest(part);
        if (!guest) return {};
        guests.push_back(std::move(*guest));
    }
    return guests;
}

// Title without leading emoji, symbols and spaces ("⚡️ Matt Pocock - ...").
std::string_view strip_leading_symbols(std::string_view text) {
    while (!text.empty()) {
        utf8proc_int32_t codepoint = 0;
        const auto used = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                           static_cast<utf8proc_ssize_t>(text.size()), &codepoint);
        if (used <= 0) break;
        const auto category = utf8proc_category(codepoint);
        const bool is_letter_or_digit =
            (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
            (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (is_letter_or_digit) break;
        text.remove_prefix(static_cast<std::size_t>(used));
    }
    return text;
}

}  // namespace

std::vector<Guest> parse_title_guests(std::string_view title) {
    title = trim(title);
    // "Title — Guests": the last em dash (with or without a space before it).
    static constexpr std::string_view em_dash = "\xE2\x80\x94";
    if (const auto dash = title.rfind(em_dash); dash != std::string_view::npos) {
        auto guests = parse_guest_list(title.substr(dash + em_dash.size()));
        if (!guests.empty()) return guests;
    }
    // "Guest - Title": a name before the first spaced hyphen.
    const auto stripped = strip_leading_symbols(title);
    if (const auto hyphen = stripped.find(" - "); hyphen != std::string_view::npos) {
        if (auto guest = parse_guest(stripped.substr(0, hyphen)); guest && guest->affiliation.empty())
            return {*guest};
    }
    // "Title: Guest on Topic" or "Guest on Topic".
    static const auto on_pattern = internal::compile_pattern(R"((?:^|:\s+)([^:]+?)\s+on\s)");
    std::string candidate;
    re2::StringPiece input(stripped.data(), stripped.size());
    while (RE2::FindAndConsume(&input, *on_pattern, &candidate)) {
        if (auto guest = parse_guest(candidate); guest && guest->affiliation.empty()) return {*guest};
    }
    return {};
}

}  // namespace castgraph
