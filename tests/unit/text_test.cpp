#include "castgraph/text.hpp"

#include <gtest/gtest.h>

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

// ASCII text takes a shortcut past the Unicode tables; a non-ASCII letter in front
// sends the same text down the general path, which must agree byte for byte.
TEST(NormalizeText, AsciiShortcutAgreesWithUnicodePath) {
    for (int byte = 0; byte < 128; ++byte) {
        const char c = static_cast<char>(byte);
        const std::string ascii = std::string("x") + c + "Y" + c + c + "z`-";
        EXPECT_EQ(normalize_text("\u00E9" + ascii), "e" + normalize_text(ascii)) << "byte " << byte;
    }
    EXPECT_EQ(normalize_text("GitHub`s  Copilot\t-\x01X"), "github's copilot -\x01x");
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
