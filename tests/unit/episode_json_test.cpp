#include "castgraph/episode_json.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "castgraph/listing_parser.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

std::string to_text(const std::vector<Episode>& episodes) {
    std::ostringstream out;
    write_episodes_json(episodes, out);
    return out.str();
}

TEST(EpisodeJson, SampleRoundTripsToTheSameRecordsAndBytes) {
    ProblemLog problems(true);
    const auto episodes = parse_listing(test::read_text(test::sample_path()), "sample.txt", problems);
    const auto first = to_text(episodes);
    const auto again = read_episodes_json(first, "episodes.json", problems);
    EXPECT_EQ(again, episodes);
    EXPECT_EQ(to_text(again), first);
}

TEST(EpisodeJson, BadRecordsAreNamedAndSkipped) {
    struct Row {
        const char* name;
        const char* document;
        std::size_t kept;
        const char* reason;
        std::uint32_t line;
        const char* message_part;
    };
    const Row rows[] = {
        {"malformed JSON", "{\n  \"episodes\": [\n    {\"title\": \"A\",}\n  ]\n}\n", 0, "malformed-json", 3, "syntax error"},
        {"wrong type", "{\"episodes\": [\n {\"title\": \"A\"},\n {\"title\": \"B\", \"duration_s\": \"1:00\"}\n]}", 1,
         "invalid-record", 3, "/episodes/1/duration_s"},
        {"missing title", "{\"episodes\": [\n\n {\"podcast\": \"P\"}]}", 0, "invalid-record", 3, "/episodes/0/title"},
        {"bad quote index", "{\"episodes\": [{\"title\": \"A\", \"quotes\": [{\"text\": \"q\", \"chapter\": 3}]}]}", 0,
         "invalid-record", 1, "chapter index out of range"},
        {"not an episode file", "{\"format\": \"other\", \"episodes\": []}", 0, "invalid-episode-file", 1,
         "unknown format"},
        {"no episodes array", "{\"records\": []}", 0, "invalid-episode-file", 1, "\"episodes\""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        ProblemLog problems;
        const auto episodes = read_episodes_json(row.document, "in.json", problems);
        EXPECT_EQ(episodes.size(), row.kept);
        ASSERT_EQ(problems.count(), 1U);
        const auto& problem = problems.problems().front();
        EXPECT_EQ(problem.reason, row.reason);
        EXPECT_EQ(problem.where.file, "in.json");
        EXPECT_EQ(problem.where.line, row.line);
        EXPECT_NE(problem.message.find(row.message_part), std::string::npos) << problem.message;
    }
}

TEST(EpisodeJson, MinimalRecordGetsItsIdAndSource) {
    ProblemLog problems;
    const auto episodes = read_episodes_json(R"({"episodes": [{"title": "Hello World", "podcast": "Show"}]})", "in.json", problems);
    ASSERT_EQ(episodes.size(), 1U);
    EXPECT_EQ(episodes[0].id, "episode:show/hello-world");
    EXPECT_EQ(episodes[0].source_file, "in.json");
    EXPECT_FALSE(episodes[0].entity_list);
}

}  // namespace
}  // namespace castgraph
