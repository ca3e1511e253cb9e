#include "castgraph/mention_scanner.hpp"

#include <gtest/gtest.h>

#include <string>
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

}  // namespace
}  // namespace castgraph
