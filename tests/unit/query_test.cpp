#include "castgraph/query.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "castgraph/error.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/recommend.hpp"

namespace castgraph {
namespace {

const PropertyGraph& sample() {
    static const auto graph = load_graph(std::string(CASTGRAPH_GOLDEN_DIR) + "/sample.graph.json");
    return graph;
}

const std::string kGitHub = "episode:latent-space/githubs-agent-era-14x-commits-200m-developers-copilots-next-a8fcc5";

std::vector<std::string> column(const QueryResult& result, const char* key) {
    std::vector<std::string> values;
    for (const auto& row : result.rows) values.push_back(row.at(key).is_null() ? "" : row.at(key).dump());
    return values;
}

TEST(WhoMentioned, OpenClawByKyleDaigleAndSwyxWithChapterTimes) {
    const auto result = who_mentioned(sample(), "OpenClaw");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0].at("person"), "Kyle Daigle");
    EXPECT_EQ(result.rows[0].at("role"), "guest");
    EXPECT_EQ(result.rows[1].at("person"), "swyx");
    EXPECT_EQ(result.rows[1].at("role"), "host");
    for (const auto& row : result.rows) {
        EXPECT_EQ(row.at("episode_id"), kGitHub);
        EXPECT_EQ(row.at("timestamps"), nlohmann::ordered_json({"1:09:45", "1:14:30"}));
        EXPECT_EQ(row.at("timestamps_s"), nlohmann::ordered_json({4185, 4470}));
        EXPECT_EQ(row.at("evidence"), nlohmann::ordered_json({"chapter", "entity-list"}));
    }
}

TEST(WhoMentioned, NamesAreFoldedAndAliasesWork) {
    for (const auto* name : {"openclaw", "OPENCLAW", "Clawdbot", "software:openclaw"})
        EXPECT_EQ(who_mentioned(sample(), name).subject.at("id"), "software:openclaw") << name;
}

TEST(WhoMentioned, UnknownNameSuggestsTheClosest) {
    try {
        (void)who_mentioned(sample(), "OpenClow");
        FAIL();
    } catch (const NotFoundError& error) {
        EXPECT_NE(std::string(error.what()).find("closest: OpenClaw"), std::string::npos) << error.what();
    }
}

TEST(WhoMentioned, DescriptionsOfOtherEntitiesCountOnlyWhenAsked) {
    // The GitHub episode names Claude Code only in its description of OpenClaw.
    const auto plain = who_mentioned(sample(), "Claude Code");
    const auto ids = column(plain, "episode_id");
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "\"" + kGitHub + "\""), 0);
    EXPECT_FALSE(plain.rows.empty());
    QueryOptions options;
    options.include_descriptions = true;
    const auto all = who_mentioned(sample(), "Claude Code", options);
    const auto all_ids = column(all, "episode_id");
    EXPECT_EQ(std::count(all_ids.begin(), all_ids.end(), "\"" + kGitHub + "\""), 2);  // Kyle Daigle and swyx
}

TEST(Queries, EpisodesNeighborsPathTop) {
    const auto episodes = episodes_of(sample(), "Kyle Daigle");
    ASSERT_EQ(episodes.rows.size(), 2u);  // MENTIONS and GUEST_ON of the GitHub episode
    EXPECT_EQ(episodes.rows[0].at("relationship"), "GUEST_ON");

    QueryOptions only_mentions;
    only_mentions.types = {RelType::Mentions};
    const auto around = neighbors(sample(), "OpenClaw", only_mentions);
    ASSERT_EQ(around.rows.size(), 1u);
    EXPECT_EQ(around.rows[0].at("id"), kGitHub);

    const auto path = shortest_path(sample(), "Kyle Daigle", "OpenClaw");
    ASSERT_EQ(path.rows.size(), 3u);  // Kyle Daigle, the GitHub episode, OpenClaw
    EXPECT_EQ(path.rows[1].at("id"), kGitHub);

    const auto top = top_entities(sample());
    EXPECT_EQ(top.rows.front().at("id"), "person:swyx");
    EXPECT_EQ(top.rows.size(), 10u);
}

TEST(Recommend, RelatedEpisodesAreExplainedAndDeterministic) {
    const auto result = related_episodes(sample(), "GitHub's Agent Era", 5);
    ASSERT_FALSE(result.rows.empty());
    double previous = 1e9;
    for (const auto& row : result.rows) {
        EXPECT_LE(row.at("score").get<double>(), previous);
        previous = row.at("score").get<double>();
        EXPECT_FALSE(row.at("because").empty());
        EXPECT_NE(row.at("id"), kGitHub);
    }
    std::ostringstream first, second;
    write_query_json(result, first);
    write_query_json(related_episodes(sample(), kGitHub, 5), second);
    EXPECT_EQ(first.str(), second.str());
}

TEST(Recommend, EpisodeWithoutEntitiesAndUnknownNames) {
    const auto devin = related_episodes(sample(), "Devin's 80% Moment", 5);
    EXPECT_TRUE(devin.rows.empty());
    EXPECT_FALSE(devin.note.empty());
    EXPECT_THROW((void)related_episodes(sample(), "No Such Episode", 5), NotFoundError);
    EXPECT_THROW((void)related_entities(sample(), "Nobody At All", "jaccard", 5), NotFoundError);
    EXPECT_THROW((void)related_entities(sample(), "OpenClaw", "cosine", 5), UsageError);
    EXPECT_THROW((void)episodes_for_listener(sample(), "OpenClaw", 5), NotFoundError) << "not a person";
}

TEST(Recommend, ListenersOfAPersonGetOtherEpisodes) {
    const auto result = episodes_for_listener(sample(), "Kyle Daigle", 3);
    ASSERT_EQ(result.rows.size(), 3u);
    for (const auto& row : result.rows) EXPECT_NE(row.at("id"), kGitHub) << "not the episode they were on";
}

}  // namespace
}  // namespace castgraph
