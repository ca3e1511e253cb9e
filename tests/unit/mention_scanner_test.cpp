#include "castgraph/mention_scanner.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace castgraph {
namespace {

// The matched substrings, in text order.
std::vector<std::string> found(const std::vector<std::string>& patterns, const std::string& text) {
    const MentionScanner scanner(patterns);
    std::vector<std::string> out;
    for (const auto& match : scanner.scan(text)) {
        EXPECT_EQ(text.substr(match.begin, match.end - match.begin), patterns.at(match.pattern));
        out.push_back(text.substr(match.begin, match.end - match.begin));
    }
    return out;
}

TEST(MentionScanner, MatchesTable) {
    struct Row {
        const char* name;
        std::vector<std::string> patterns;
        std::string text;
        std::vector<std::string> expected;
    };
    const std::vector<Row> rows = {
        {"one name", {"OpenClaw"}, "We talked about OpenClaw today.", {"OpenClaw"}},
        {"every occurrence", {"GitHub"}, "GitHub, GitHub and GitHub", {"GitHub", "GitHub", "GitHub"}},
        {"no name inside a longer word", {"FAIR"}, "Meta's Fairwater and FAIRWATER clusters", {}},
        {"name at a word boundary", {"FAIR"}, "Meta FAIR, (FAIR) and FAIR.", {"FAIR", "FAIR", "FAIR"}},
        {"longest at one start", {"Claude", "Claude Code"}, "Claude Code beats Claude", {"Claude Code", "Claude"}},
        {"shorter when the longer is cut by a word", {"Claude", "Claude Code"}, "Claude Codex", {"Claude"}},
        {"leftmost wins over overlapping", {"Google DeepMind", "DeepMind Lab"}, "Google DeepMind Lab",
         {"Google DeepMind"}},
        {"possessive keeps the name", {"GitHub"}, "GitHub's agent era", {"GitHub"}},
        {"case matters", {"Modal"}, "a modal dialog and Modal Labs", {"Modal"}},
        {"accented letters are word letters", {"Réseau"}, "Réseaux et Réseau", {"Réseau"}},
        {"no match after a letter with accent", {"ESM"}, "éESM ESM", {"ESM"}},
        {"digits are word characters", {"GPT-4"}, "GPT-4o and GPT-4", {"GPT-4"}},
        {"punctuation-edged names need no boundary", {".NET"}, "ASP.NET and .NET", {".NET", ".NET"}},
        {"emoji next to a name", {"Latent Space"}, "⚡️Latent Space🎙", {"Latent Space"}},
        {"non-Latin names", {"東京"}, "東京大学 and 東京", {"東京"}},
        {"suffix of another pattern found through failure links", {"abcd", "bc"}, "abce bc", {"bc"}},
        {"nested suffix patterns", {"AI Engineer", "Engineer"}, "an Engineer at AI Engineer Europe",
         {"Engineer", "AI Engineer"}},
        {"empty text", {"x1"}, "", {}},
        {"empty pattern ignored", {"", "Kyle"}, "Kyle Daigle", {"Kyle"}},
    };
    for (const auto& row : rows) EXPECT_EQ(found(row.patterns, row.text), row.expected) << row.name;
}

TEST(MentionScanner, StateWithManyChildren) {
    // "Q" followed by any of 26 letters, and a longer name through one of them: the
    // root's grandchildren, found by their first two bytes.
    std::vector<std::string> patterns;
    for (char letter = 'a'; letter <= 'z'; ++letter) patterns.push_back(std::string("Q") + letter);
    patterns.push_back("Qmx Labs");
    EXPECT_EQ(found(patterns, "Qa, Qz, Qm and Qmx Labs; Qmx, Q1 and Qq"),
              (std::vector<std::string>{"Qa", "Qz", "Qm", "Qmx Labs", "Qq"}));
    EXPECT_EQ(found({"Qz", "Qb"}, "Qa Qb Qz"), (std::vector<std::string>{"Qb", "Qz"}));

    // The same one byte deeper, where a state's children past the first are searched:
    // a few by a loop, many (more than 16) by memchr.
    std::vector<std::string> deeper;
    for (char letter = 'a'; letter <= 'z'; ++letter) deeper.push_back(std::string("Qx") + letter);
    deeper.push_back("Qxm Labs");
    EXPECT_EQ(found(deeper, "Qxa, Qxz, Qxm and Qxm Labs; Qxm, Qx1 and Qxq"),
              (std::vector<std::string>{"Qxa", "Qxz", "Qxm", "Qxm Labs", "Qxm", "Qxq"}));
    EXPECT_EQ(found({"Qxz", "Qxb", "Qxd"}, "Qxa Qxb Qxc Qxz Qxd"), (std::vector<std::string>{"Qxb", "Qxz", "Qxd"}));
}

TEST(MentionScanner, RepeatedPatternKeepsFirstIndex) {
    const MentionScanner scanner({"Temporal", "Temporal"});
    const auto matches = scanner.scan("Temporal");
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0].pattern, 0u);
}

TEST(MentionScanner, ManyPatternsAtOnce) {
    std::vector<std::string> patterns;
    for (int i = 0; i < 5000; ++i) patterns.push_back("Name" + std::to_string(i));
    const MentionScanner scanner(patterns);
    const auto matches = scanner.scan("Name42 met Name4999 and Name5000 and Name420");
    ASSERT_EQ(matches.size(), 3u);
    EXPECT_EQ(matches[0].pattern, 42u);
    EXPECT_EQ(matches[1].pattern, 4999u);
    EXPECT_EQ(matches[2].pattern, 420u);
}

// The scanner's rules applied the plain way, for comparison: every occurrence of
// every pattern, boundaries checked code point by code point, then leftmost and
// longest among overlaps.
namespace reference {

utf8proc_int32_t decode(std::string_view text, std::size_t pos) {
    utf8proc_int32_t code_point = -1;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                     static_cast<utf8proc_ssize_t>(text.size() - pos), &code_point);
    return code_point;
}

bool is_word(utf8proc_int32_t code_point) {
    if (code_point == '_') return true;
    const auto category = utf8proc_category(code_point);
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL || category == UTF8PROC_CATEGORY_LT ||
           category == UTF8PROC_CATEGORY_LM || category == UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_MN ||
           category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_NL ||
           category == UTF8PROC_CATEGORY_NO;
}

bool is_mark(utf8proc_int32_t code_point) {
    const auto category = utf8proc_category(code_point);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}

// Starts of the code points of valid UTF-8 text.
std::vector<std::size_t> starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t pos = 0; pos < text.size(); ++pos)
        if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) out.push_back(pos);
    return out;
}

bool word_at(std::string_view text, std::size_t pos) { return pos < text.size() && is_word(decode(text, pos)); }

bool word_before(std::string_view text, std::size_t pos) {
    const auto all = starts(text);
    for (auto it = std::lower_bound(all.begin(), all.end(), pos); it != all.begin();) {
        const auto code_point = decode(text, *--it);
        if (!is_mark(code_point)) return is_word(code_point);
    }
    return false;
}

std::vector<MentionScanner::Match> scan(const std::vector<std::string>& patterns, std::string_view text) {
    std::vector<MentionScanner::Match> all;
    std::map<std::string, std::uint32_t> first_index;
    for (std::uint32_t index = 0; index < patterns.size(); ++index) first_index.emplace(patterns[index], index);
    for (const auto& [pattern, index] : first_index) {
        if (pattern.empty()) continue;
        for (auto begin = text.find(pattern); begin != std::string_view::npos; begin = text.find(pattern, begin + 1)) {
            const auto end = begin + pattern.size();
            if (word_at(pattern, 0) && word_before(text, begin)) continue;
            if (word_before(pattern, pattern.size()) && word_at(text, end)) continue;
            all.push_back({begin, end, index});
        }
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<MentionScanner::Match> kept;
    for (const auto& match : all)
        if (kept.empty() || match.begin >= kept.back().end) kept.push_back(match);
    return kept;
}

}  // namespace reference

// count pieces drawn at random, one after another.
std::string random_text(const std::vector<std::string>& pieces, std::mt19937& random, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += pieces[random() % pieces.size()];
    return out;
}

TEST(MentionScanner, AgreesWithPlainSearchOnRandomText) {
    // Letters, digits, accents (precomposed and combining), CJK, marks alone, and
    // the punctuation names begin or end with: overlaps, prefixes and boundaries of every kind.
    // "×" shares its first byte with "é" and "ß": names of both kinds begin with that byte.
    const std::vector<std::string> pieces = {"a", "b",  "ab", "A", "\u00e9", "e\u0301", "\u0301", "\u4e2d", "1", " ",
                                             "-", ".",  "_",  "@", "#",       "(",        ")",       "\u00df", "\u00d7",
                                             "\u2014"};
    std::mt19937 random(20261127);
    const auto pick = [&](std::size_t count) { return random_text(pieces, random, count); };
    std::size_t matches = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> patterns;
        const auto pattern_count = 1 + random() % 40;
        for (std::size_t i = 0; i < pattern_count; ++i) patterns.push_back(pick(random() % 5));
        const MentionScanner scanner(patterns);
        for (int text_round = 0; text_round < 5; ++text_round) {
            const auto text = pick(random() % 50);
            const auto expected = reference::scan(patterns, text);
            ASSERT_EQ(scanner.scan(text), expected) << "round " << round << ", text '" << text << "'";
            matches += expected.size();
        }
    }
    EXPECT_GT(matches, 10000u) << "the texts should hold many matches";
}

// Long texts (hundreds of bytes, with long runs of letters) and names led by none to six
// kinds of punctuation beside names of letters: the skips over the inside of a word and
// over a match already kept, many times in one text.
TEST(MentionScanner, AgreesWithPlainSearchOnLongTexts) {
    const std::vector<std::string> pieces = {"a",  "b", "ab", "Ab", "\u00e9", "e\u0301", "1", " ", "  ", "_",
                                             "\u4e2d", "-", ".", "@", "#", "(", ")", "\u00d7", "abababababababab"};
    const std::vector<std::string> leads = {"@", "#", "(", ".", "-", ")"};
    std::mt19937 random(20261129);
    const auto pick = [&](std::size_t count) { return random_text(pieces, random, count); };
    std::size_t matches = 0;
    for (int round = 0; round < 400; ++round) {
        std::vector<std::string> patterns;
        const auto lead_count = random() % (leads.size() + 1);
        for (std::size_t i = 0; i < lead_count; ++i) patterns.push_back(leads[i] + pick(random() % 3));
        const auto pattern_count = 1 + random() % 30;
        for (std::size_t i = 0; i < pattern_count; ++i) patterns.push_back(pick(1 + random() % 4));
        const MentionScanner scanner(patterns);
        for (int text_round = 0; text_round < 3; ++text_round) {
            const auto text = pick(100 + random() % 300);
            const auto expected = reference::scan(patterns, text);
            ASSERT_EQ(scanner.scan(text), expected) << "round " << round << ", text '" << text << "'";
            matches += expected.size();
        }
    }
    EXPECT_GT(matches, 20000u) << "the texts should hold many matches";
}

}  // namespace
}  // namespace castgraph
