#include "castgraph/title_parser.hpp"

#include <gtest/gtest.h>

namespace castgraph {
namespace {

TEST(ParseTitleGuests, EveryTitleFormOfTheSample) {
    struct Row {
        const char* title;
        std::vector<Guest> expected;
    };
    const Row rows[] = {
        {"GitHub's Agent Era: 14x Commits, 200M Developers, Copilot's Next Act \u2014 Kyle Daigle",
         {{"Kyle Daigle", ""}}},
        {"Inside xAI: Building Grok Imagine in 3 Months, Videogen vs World Models, and Video Agents\u2014 Ethan He",
         {{"Ethan He", ""}}},
        {"Devin\u2019s 80% Moment: Background Agents, 7x PRs, & End of Hand-Held Coding \u2014 Walden Yan & Cole Murray",
         {{"Walden Yan", ""}, {"Cole Murray", ""}}},
        {"\U0001F52C La Bitter Lesson arrive pour les prot\u00E9ines \u2014 Alex Rives, BioHub", {{"Alex Rives", "BioHub"}}},
        {"\u26A1\uFE0F La strat\u00E9gie open AI de Google \u2014 Omar Sanseviero, Google DeepMind",
         {{"Omar Sanseviero", "Google DeepMind"}}},
        {"The Next War Is Already Here \u2014 Yaroslav Azhnyuk, The Fourth Law & Noah Smith, Noahpinion",
         {{"Yaroslav Azhnyuk", "The Fourth Law"}, {"Noah Smith", "Noahpinion"}}},
        {"The Agent-Native Cloud: Jake Cooper on Railway's Future", {{"Jake Cooper", ""}}},
        {"\u26A1\uFE0F Matt Pocock - Why Engineering Fundamentals matter MORE now", {{"Matt Pocock", ""}}},
        {"Jake Cooper on Railway", {{"Jake Cooper", ""}}},
        // Not guests: a subtitle after the dash, a topic before " on ", no marker at all.
        {"Why Agents Fail \u2014 and what to do", {}},
        {"Notes on Scaling", {}},
        {"A title without guests", {}},
        {"", {}},
    };
    for (const auto& row : rows) EXPECT_EQ(parse_title_guests(row.title), row.expected) << row.title;
}

}  // namespace
}  // namespace castgraph
