#include "castgraph/text.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace castgraph {
namespace {

TEST(NormalizeText, Table) {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Kyle Daigle", "kyle daigle"},
        {"  Kyle   Daigle\t", "kyle daigle"},
        {"Séquençage métagénomique", "sequencage metagenomique"},
        {"Devin\u2019s", "devin's"},                       // curly apostrophe
        {"Hand\u2013Held \u2014 Coding", "hand-held - coding"},  // en and em dash
        {"\uFF27\uFF50\uFF54", "gpt"},                     // full-width letters (NFKC)
        {"Stra\u00DFe", "strasse"},                        // case folding of sharp s
        {"\u674E\u660E", "\u674E\u660E"},                  // Chinese kept
        {"\u041C\u043E\u0441\u043A\u0432\u0430", "\u043C\u043E\u0441\u043A\u0432\u0430"},  // Cyrillic lower-cased
        {"\u0939\u093F\u0928\u094D\u0926\u0940", "\u0939\u093F\u0928\u094D\u0926\u0940"},  // Devanagari marks kept
        {"\u26A1\uFE0F Matt", "\u26A1 matt"},              // variation selector dropped
        {"a\u00A0b", "a b"},                               // no-break space
        {"", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(normalize_text(row.input), row.expected) << row.input;
}

// Text is folded one code point at a time where that gives what the general path
// gives; it must agree byte for byte with that path for every code point in every
// neighbourhood: alone, between letters of several scripts, between spaces,
// repeated, and next to characters that send the text the general way (a combining
// mark, a Hangul jamo, U+00A8 DIAERESIS, whose folding is a space and a mark).
TEST(NormalizeText, FoldingByCodePointAgreesWithUnicodePath) {
    const auto utf8 = [](char32_t c) {
        std::string out;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
        return out;
    };
    const std::vector<std::string> before = {"", "x", " ", "\u00E9", "\u03B1", "\u0416", "'", "\u00A0", "\u0301",
                                             "\u00A8", "\u1100", "\uAC00", "\u4E2D", "\u2019", "\U0001F52C"};
    const std::vector<std::string> after = {"", "z", " ", "\u00E8", "\u0301", "\u1161", "\u11A8", "\uFE0F"};
    std::size_t compared = 0;
    const auto compare = [&](char32_t codepoint, const std::vector<std::string>& lefts, const std::vector<std::string>& rights) {
        const auto c = utf8(codepoint);
        for (const auto& left : lefts)
            for (const auto& right : rights) {
                for (const auto& text : {left + c + right, left + c + c + right}) {
                    ASSERT_EQ(normalize_text(text), detail::normalize_text_by_unicode_tables(text))
                        << "U+" << std::hex << static_cast<std::uint32_t>(codepoint) << " in '" << text << "'";
                    ++compared;
                }
            }
    };
    // Every neighbourhood for the code points folded from the table; the rest of the
    // Basic Multilingual Plane and the emoji planes with a few.
    for (char32_t codepoint = 1; codepoint < 0x800; ++codepoint) compare(codepoint, before, after);
    for (char32_t codepoint = 0x2000; codepoint < 0x2070; ++codepoint) compare(codepoint, before, after);
    const std::vector<std::string> few_before = {"", "\u03B1", "\u1100"};
    const std::vector<std::string> few_after = {" a", "\u0301", "\u1161"};
    for (char32_t codepoint = 0x800; codepoint < 0x10000; ++codepoint)
        if (codepoint < 0xD800 || codepoint > 0xDFFF) compare(codepoint, few_before, few_after);
    for (char32_t codepoint = 0x1F000; codepoint < 0x1FB00; ++codepoint) compare(codepoint, few_before, few_after);
    EXPECT_GT(compared, 1'000'000u);
    EXPECT_EQ(normalize_text("GitHub`s  Copilot\t-\x01X"), "github's copilot -\x01x");
    EXPECT_EQ(normalize_text("Caf\u00E9 \u00AB Cr\u00E8me \u00BB \u2014 \u26A1\uFE0F \U0001F52C"), "cafe \u00AB creme \u00BB - \u26A1 \U0001F52C");
    for (const auto* invalid : {"bad \xC3 byte", "over\xC0\xAFlong", "cut \xDF", "\xED\xA0\x80 surrogate"})
        EXPECT_EQ(normalize_text(invalid), detail::normalize_text_by_unicode_tables(invalid)) << "invalid UTF-8";
}

// ASCII text folds byte by byte: random ASCII texts (spaces, controls and
// punctuation included) against the general path.
TEST(NormalizeText, AsciiFoldingAgreesWithUnicodePath) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> length(0, 24);
    std::uniform_int_distribution<int> byte(0, 127);
    for (int round = 0; round < 20'000; ++round) {
        std::string text(static_cast<std::size_t>(length(random)), ' ');
        for (auto& c : text) c = static_cast<char>(byte(random));
        ASSERT_EQ(normalize_text(text), detail::normalize_text_by_unicode_tables(text)) << "text: " << text;
    }
    EXPECT_EQ(normalize_text("  Hello,\tWORLD`s \x7F end "), "hello, world's \x7F end");
}

TEST(Slugify, Table) {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Kyle Daigle", "kyle-daigle"},
        {"GitHub's Agent Era: 14x Commits", "githubs-agent-era-14x-commits"},
        {"Autoencodeurs épars / SAE", "autoencodeurs-epars-sae"},
        {"\u26A1\uFE0F Matt Pocock - Why", "matt-pocock-why"},
        {"\u674E\u660E", "\u674E\u660E"},
        {"!!!", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(slugify(row.input), row.expected) << row.input;
    EXPECT_EQ(slugify("alpha beta gamma", 10), "alpha-beta");
}

TEST(Slugify, ShortenedSlugIsTheSlugCutTheSameWay) {
    // Cut at a dash, or (no dash in the second half) at a code point boundary.
    const std::vector<std::string> texts = {
        "What Latent Verification Really Costs: 15B Drones, 36x Faster Inference, & Open Models",
        "Ce que Ambient Alignment nous apprend : 36B articles, 24B dépôts et les leçons",
        "Supercalifragilisticexpialidocious-and-then-some-more-words-here",
        "\u674E\u660E\u674E\u660E\u674E\u660E\u674E\u660E \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
        "a b", ""};
    std::size_t cut = 0;
    for (const auto& text : texts)
        for (std::size_t max_bytes = 0; max_bytes <= 90; ++max_bytes) {
            const auto whole = slugify(text, SIZE_MAX);
            EXPECT_EQ(shorten_slug(whole, max_bytes), slugify(text, max_bytes)) << text << " to " << max_bytes;
            if (whole.size() > max_bytes) ++cut;
        }
    EXPECT_GT(cut, 200u) << "most of these should be cut";
}

// 20,000 texts of up to max_pieces pieces drawn at random, the same for a given
// seed, each handed to check; the first fatal failure ends the run.
template <typename Check>
void for_random_texts(const std::vector<std::string>& pieces, unsigned seed, int max_pieces, const Check& check) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, max_pieces);
    for (int round = 0; round < 20000 && !::testing::Test::HasFatalFailure(); ++round) {
        std::string text;
        for (int i = length(random); i > 0; --i) text += pieces[piece(random)];
        check(text);
    }
}

// One code point at a time, as the rules say: letters and digits kept, marks kept
// after the first kept character, apostrophes dropped, anything else one dash between.
std::string slugify_by_code_point(std::string_view text) {
    std::string slug;
    bool pending_dash = false;
    const auto normalized = normalize_text(text);
    for (const utf8proc_int32_t codepoint : decode_utf8(normalized)) {
        const auto category = utf8proc_category(codepoint);
        const bool keep = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                          (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME && !slug.empty()) ||
                          (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (codepoint == '\'') continue;
        if (!keep) {
            pending_dash = !slug.empty();
            continue;
        }
        if (pending_dash) slug.push_back('-');
        pending_dash = false;
        std::array<utf8proc_uint8_t, 4> bytes{};
        slug.append(reinterpret_cast<const char*>(bytes.data()),
                    static_cast<std::size_t>(utf8proc_encode_char(codepoint, bytes.data())));
    }
    return slug;
}

TEST(Slugify, AgreesWithACodePointWalkOnRandomText) {
    // Every ASCII byte, and a few others so both paths run.
    std::vector<std::string> pieces;
    for (int byte = 1; byte < 0x80; ++byte) pieces.emplace_back(1, static_cast<char>(byte));
    for (const char* other : {"\xC3\xA9", "\xE2\x80\x99", "\xCC\x81", "\xF0\x9F\xA6\x9E", "\xE6\x9D\x8E", "Word"})
        pieces.emplace_back(other);
    for_random_texts(pieces, 7, 30, [](const std::string& text) {
        ASSERT_EQ(slugify(text, SIZE_MAX), slugify_by_code_point(text)) << "text: " << text;
    });
}

TEST(FindInvalidUtf8, AgreesWithACodePointWalkOnRandomText) {
    const std::vector<std::string> pieces = {"a", "plain ascii words", "sixteen-byte-run", "\x7F", std::string(1, '\0'),
                                             "\xC3\xA9", "\xF0\x9F\xA6\x9E", "\xFF", "\xC3", "\xED\xA0\x80", "\x80"};
    for_random_texts(pieces, 11, 40, [](const std::string& text) {
        std::optional<std::size_t> expected;
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
        for (std::size_t pos = 0; pos < text.size();) {
            utf8proc_int32_t codepoint = 0;
            const auto used = utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &codepoint);
            if (used <= 0) {
                expected = pos;
                break;
            }
            pos += static_cast<std::size_t>(used);
        }
        ASSERT_EQ(find_invalid_utf8(text), expected) << "text: " << text;
    });
}

TEST(FindInvalidUtf8, Table) {
    EXPECT_FALSE(find_invalid_utf8("plain ascii"));
    EXPECT_FALSE(find_invalid_utf8("caf\xC3\xA9"));
    EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2U);
    EXPECT_EQ(find_invalid_utf8("caf\xC3"), 3U);  // truncated sequence
    EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0U);  // surrogate
}

TEST(Trim, Table) {
    EXPECT_EQ(trim("  a b  "), "a b");
    EXPECT_EQ(trim("\u00A0a\u00A0"), "a");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(collapse_whitespace(" a \n\t b "), "a b");
}

// Runs of ASCII spaces separate words; other whitespace belongs to them. next_word
// hands out the same words one at a time.
TEST(SplitWords, Table) {
    const std::vector<std::pair<std::string, std::vector<std::string_view>>> rows = {
        {"", {}},
        {"   ", {}},
        {"one", {"one"}},
        {"  two  words ", {"two", "words"}},
        {"tab\tkept\u00A0too", {"tab\tkept\u00A0too"}},
    };
    for (const auto& [text, words] : rows) {
        EXPECT_EQ(split_words(text), words) << text;
        std::vector<std::string_view> one_by_one;
        std::size_t cursor = 0;
        for (auto word = next_word(text, cursor); !word.empty(); word = next_word(text, cursor))
            one_by_one.push_back(word);
        EXPECT_EQ(one_by_one, words) << text;
        EXPECT_EQ(cursor, text.size()) << text;
    }
}

TEST(CollapseWhitespace, UnicodeSpacesOneSpaceOtherBytesKept) {
    EXPECT_EQ(collapse_whitespace("caf\xC3\xA9\xC2\xA0 au  lait"), "caf\xC3\xA9 au lait") << "NBSP is a space";
    EXPECT_EQ(collapse_whitespace("a\xE3\x80\x80" "b\xE2\x80\xA8" "c"), "a b c") << "ideographic space, line separator";
    EXPECT_EQ(collapse_whitespace("x\x1Fy"), "x\x1Fy") << "a control character is not a space";
    EXPECT_EQ(collapse_whitespace(std::string_view("a\0b", 3)), std::string("a\0b", 3));
    EXPECT_EQ(collapse_whitespace("ok \xFF rest"), "ok") << "stops at invalid UTF-8";
    EXPECT_EQ(collapse_whitespace("\xF0\x9F\xA6\x9E  claw"), "\xF0\x9F\xA6\x9E claw");
}

// One code point at a time, as the rules say: spaces are tabs, line breaks and the
// Unicode separators; a run of them is one space, none at the ends; invalid UTF-8 ends it.
std::string collapse_whitespace_by_code_point(std::string_view text) {
    std::string out;
    bool pending_space = false;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t codepoint = 0;
        const auto length = utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &codepoint);
        if (length <= 0) break;
        const auto category = utf8proc_category(codepoint);
        const bool space = (codepoint >= '\t' && codepoint <= '\r') || category == UTF8PROC_CATEGORY_ZS ||
                           category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
        if (space) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.append(text.substr(pos, static_cast<std::size_t>(length)));
        }
        pos += static_cast<std::size_t>(length);
    }
    return out;
}

TEST(CollapseWhitespace, AgreesWithACodePointWalkOnRandomText) {
    const std::vector<std::string> pieces = {"a", "Z", "9", "-", ".", " ", "  ", "\t", "\n", "\r\n", "\v", "\f",
                                             "\x1F", std::string(1, '\0'), "\xC3\xA9", "\xC2\xA0", "\xE3\x80\x80",
                                             "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x8B", "\xF0\x9F\xA6\x9E",
                                             "\xFF", "\xC3", "\x7F", "word", "longer words here",
                                             "sixteen-byte-run", "a-plain-run-of-more-than-thirty-two-bytes",
                                             "short words one space apart, as a sentence is"};
    for_random_texts(pieces, 42, 24, [](const std::string& text) {
        ASSERT_EQ(collapse_whitespace(text), collapse_whitespace_by_code_point(text)) << "text: " << text;
    });
}

}  // namespace
}  // namespace castgraph
