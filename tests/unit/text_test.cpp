#include "castgraph/text.hpp"

#include <gtest/gtest.h>

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

// Text of one- and two-byte characters takes a shortcut past the Unicode tables;
// it must agree byte for byte with the general path, for every such character in
// every neighbourhood: alone, between letters of several scripts, between spaces,
// repeated, and next to a combining mark (which sends the text the general way).
TEST(NormalizeText, ShortcutAgreesWithUnicodePath) {
    const auto utf8 = [](char32_t codepoint) {
        std::string out;
        if (codepoint < 0x80) {
            out += static_cast<char>(codepoint);
        } else {
            out += static_cast<char>(0xC0 | (codepoint >> 6));
            out += static_cast<char>(0x80 | (codepoint & 0x3F));
        }
        return out;
    };
    const std::vector<std::string> neighbours = {"", "x", "Y", " ", "\u00E9", "\u03B1", "\u0416", "1", "'", "-",
                                                 "\u00A0", "\u0301", "\u00A8", "\u4E2D", "\u2019"};
    std::size_t compared = 0;
    for (char32_t codepoint = 1; codepoint < 0x800; ++codepoint) {
        const auto c = utf8(codepoint);
        for (const auto& before : neighbours)
            for (const auto& after : {std::string(), std::string("z"), std::string(" "), std::string("\u00E8"), c}) {
                const auto text = before + c + after;
                ASSERT_EQ(normalize_text(text), detail::normalize_text_by_unicode_tables(text))
                    << "U+" << std::hex << static_cast<std::uint32_t>(codepoint) << " in '" << text << "'";
                ++compared;
            }
    }
    EXPECT_EQ(compared, 0x7FFu * 15 * 5);
    EXPECT_EQ(normalize_text("GitHub`s  Copilot\t-\x01X"), "github's copilot -\x01x");
    EXPECT_EQ(normalize_text("Caf\u00E9 \u00AB Cr\u00E8me \u00BB"), "cafe \u00AB creme \u00BB");
    for (const auto* invalid : {"bad \xC3 byte", "over\xC0\xAFlong", "cut \xDF"})
        EXPECT_EQ(normalize_text(invalid), detail::normalize_text_by_unicode_tables(invalid)) << "invalid UTF-8";
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

TEST(CollapseWhitespace, UnicodeSpacesOneSpaceOtherBytesKept) {
    EXPECT_EQ(collapse_whitespace("caf\xC3\xA9\xC2\xA0 au  lait"), "caf\xC3\xA9 au lait") << "NBSP is a space";
    EXPECT_EQ(collapse_whitespace("a\xE3\x80\x80" "b\xE2\x80\xA8" "c"), "a b c") << "ideographic space, line separator";
    EXPECT_EQ(collapse_whitespace("x\x1Fy"), "x\x1Fy") << "a control character is not a space";
    EXPECT_EQ(collapse_whitespace(std::string_view("a\0b", 3)), std::string("a\0b", 3));
    EXPECT_EQ(collapse_whitespace("ok \xFF rest"), "ok") << "stops at invalid UTF-8";
    EXPECT_EQ(collapse_whitespace("\xF0\x9F\xA6\x9E  claw"), "\xF0\x9F\xA6\x9E claw");
}

}  // namespace
}  // namespace castgraph
