#include "castgraph/listing_parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <mutex>
#include <numeric>
#include <string_view>
#include <vector>

#include "castgraph/error.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

class SampleListing : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        problems_ = new ProblemLog(true);  // strict: the sample has no problem at all
        episodes_ = new std::vector<Episode>(parse_listing(test::read_text(test::sample_path()), "sample.txt", *problems_));
    }
    static void TearDownTestSuite() {
        delete episodes_;
        delete problems_;
    }
    static ProblemLog* problems_;
    static std::vector<Episode>* episodes_;
};
ProblemLog* SampleListing::problems_ = nullptr;
std::vector<Episode>* SampleListing::episodes_ = nullptr;

TEST_F(SampleListing, TwelveEpisodesTenWithEntityLists) {
    ASSERT_EQ(episodes_->size(), 12U);
    int english = 0;
    int french = 0;
    std::size_t items = 0;
    for (const auto& episode : *episodes_) {
        if (!episode.entity_list) continue;
        (episode.entity_list->header == "Entities" ? english : french) += 1;
        items += episode.entity_list->items.size();
    }
    EXPECT_EQ(english, 6);
    EXPECT_EQ(french, 4);
    EXPECT_EQ(items, 125U);
    EXPECT_EQ(problems_->count(), 0U);
}

TEST_F(SampleListing, PerEpisodeFacts) {
    struct Row {
        const char* title_start;
        std::vector<Guest> guests;
        std::uint32_t duration_s;
        std::size_t chapters;
        std::optional<std::uint32_t> first_chapter_s;
        std::optional<std::uint32_t> last_chapter_s;
        std::size_t quotes;
        std::optional<std::size_t> entity_items;
        std::vector<std::string> tags;
    };
    const Row rows[] = {
        {"GitHub's Agent Era", {{"Kyle Daigle", ""}}, 5084, 19, 0, 4982, 19, 11, {"github", "copilot", "ai-agents"}},
        {"Inside xAI", {{"Ethan He", ""}}, 6282, 20, 0, 5999, 12, 13, {"video-generation", "world-models", "grok-imagine"}},
        {"Devin\u2019s 80% Moment", {{"Walden Yan", ""}, {"Cole Murray", ""}}, 4172, 0, std::nullopt, std::nullopt, 0,
         std::nullopt, {}},
        {"\U0001F52C La Bitter Lesson", {{"Alex Rives", "BioHub"}}, 4212, 7, 0, 3420, 7, 15,
         {"protein-language-models", "scaling-laws", "esm"}},
        {"\u26A1\uFE0F Pourquoi", {{"Sunil Pai", "Cloudflare"}}, 887, 11, 0, 784, 10, 10, {"cloudflare", "ai-agents", "open-source"}},
        {"\u26A1\uFE0F La strat\u00E9gie", {{"Omar Sanseviero", "Google DeepMind"}}, 1798, 16, 0, 1566, 16, 12,
         {"gemma", "google-deepmind", "open-models"}},
        {"AI Agents Need Computers", {{"Ivan Burazin", "Daytona"}}, 4300, 20, 0, 4286, 0, std::nullopt, {}},
        {"The Agent-Native Cloud", {{"Jake Cooper", ""}}, 5394, 26, 0, 5379, 0, 12,
         {"cloud-computing", "ai-agents", "infrastructure"}},
        {"The Next War", {{"Yaroslav Azhnyuk", "The Fourth Law"}, {"Noah Smith", "Noahpinion"}}, 7168, 16, 0, 7099, 16, 13,
         {"drones", "ukraine", "defense-tech"}},
        {"Dans les coulisses", {{"Janie Lee", ""}, {"Chai Asawa", ""}}, 3998, 21, 0, 3923, 21, 14,
         {"ai-healthcare", "ambient-ai", "abridge"}},
        {"\u26A1\uFE0F Matt Pocock", {{"Matt Pocock", ""}}, 1322, 8, 4, 1005, 0, 11, {"ai-engineering", "software-design", "typescript"}},
        {"\U0001F52CHow GPT-5", {{"Alex Lupsasca", "OpenAI"}}, 5511, 26, 0, 5419, 26, 14,
         {"theoretical-physics", "quantum-field-theory", "gpt-5"}},
    };
    ASSERT_EQ(episodes_->size(), std::size(rows));
    for (std::size_t i = 0; i < std::size(rows); ++i) {
        const auto& row = rows[i];
        const auto& episode = (*episodes_)[i];
        SCOPED_TRACE(episode.title);
        EXPECT_EQ(episode.title.rfind(row.title_start, 0), 0U);
        EXPECT_EQ(episode.guests, row.guests);
        EXPECT_EQ(episode.podcast, "Latent Space");
        EXPECT_EQ(episode.duration_s, row.duration_s);
        EXPECT_EQ(episode.languages, (std::vector<std::string>{"EN", "ZH"}));
        EXPECT_EQ(episode.chapters.size(), row.chapters);
        if (!episode.chapters.empty()) {
            EXPECT_EQ(episode.chapters.front().start_s, row.first_chapter_s);
            EXPECT_EQ(episode.chapters.back().start_s, row.last_chapter_s);
        }
        EXPECT_EQ(episode.quotes.size(), row.quotes);
        EXPECT_EQ(episode.entity_list ? std::optional(episode.entity_list->items.size()) : std::nullopt, row.entity_items);
        EXPECT_EQ(episode.tags, row.tags);
        EXPECT_EQ(episode.source_file, "sample.txt");
    }
}

TEST_F(SampleListing, ListsHoldNoSpareRoom) {
    // Held through every later stage: spare room would be a third of the lists' size.
    for (const auto& episode : *episodes_) {
        SCOPED_TRACE(episode.title);
        EXPECT_EQ(episode.chapters.capacity(), episode.chapters.size());
        EXPECT_EQ(episode.quotes.capacity(), episode.quotes.size());
        EXPECT_EQ(episode.guests.capacity(), episode.guests.size());
        EXPECT_EQ(episode.tags.capacity(), episode.tags.size());
        EXPECT_EQ(episode.languages.capacity(), episode.languages.size());
        if (episode.entity_list) {
            EXPECT_EQ(episode.entity_list->items.capacity(), episode.entity_list->items.size());
        }
    }
}

TEST_F(SampleListing, DetailsAsWritten) {
    const auto& github = episodes_->at(0);
    EXPECT_EQ(github.published, "il y a 1 jour");
    EXPECT_EQ(github.source_line, 5U);
    EXPECT_EQ(github.id, "episode:latent-space/githubs-agent-era-14x-commits-200m-developers-copilots-next-a8fcc5");
    EXPECT_EQ(github.chapters.at(15).start_s, 4185U);  // [69:45]
    EXPECT_EQ(github.chapters.at(15).title, "Ambient AI, Background Agents, and the Future of the SDLC");
    EXPECT_EQ(github.chapters.at(16).start_s, 4470U);  // [74:30]
    EXPECT_EQ(github.chapters.at(0).title, "Hook");
    EXPECT_EQ(github.chapters.at(0).text.rfind("Kyle opens mid-sentence", 0), 0U);
    EXPECT_EQ(github.quotes.at(0).chapter, 0U);
    EXPECT_EQ(github.quotes.at(0).text.rfind("I can crank up 15 agents", 0), 0U);
    EXPECT_EQ(github.summary.rfind("GitHub COO Kyle Daigle joins swyx", 0), 0U);
    const auto& openclaw = github.entity_list->items.at(6);
    EXPECT_EQ(openclaw.name, "OpenClaw");
    EXPECT_EQ(openclaw.type, "Software");
    EXPECT_EQ(openclaw.description.rfind("Anthropic's Claude Code agentic tool", 0), 0U);

    const auto& biohub = episodes_->at(3);
    EXPECT_EQ(biohub.entity_list->language, "fr");
    const auto& uniref = biohub.entity_list->items.at(12);
    EXPECT_EQ(uniref.name, "UniRef");
    EXPECT_EQ(uniref.type, "Logiciel/Base de donn\u00E9es");
    const auto& sae = biohub.entity_list->items.at(6);
    EXPECT_EQ(sae.name, "Autoencodeurs \u00E9pars / SAE");

    const auto& war = episodes_->at(8);  // "## [01:05:13]" is hours
    EXPECT_EQ(war.chapters.at(11).start_s, 3913U);
    const auto& daytona = episodes_->at(6);
    EXPECT_EQ(daytona.chapters.at(16).start_s, 3764U);  // "## [1:02:44]"
    EXPECT_EQ(daytona.chapters.at(1).title, "Introduction");
    EXPECT_EQ(daytona.chapters.at(1).text, "");

    const auto& matt = episodes_->at(10);
    EXPECT_EQ(matt.entity_list->items.at(1).name, "Shawn Wang / swyx");
    EXPECT_EQ(matt.entity_list->items.at(2).name, "AI Engineer Europe (AIE)");
    EXPECT_EQ(matt.entity_list->items.at(0).type, "Person");
    const auto& railway = episodes_->at(7);
    EXPECT_EQ(railway.entity_list->items.at(0).type, "person");  // lower-case types kept as written
}

TEST(SplitChapterHeading, Table) {
    struct Row {
        const char* input;
        std::vector<std::string> names;
        const char* title;
        const char* text;
    };
    const Row rows[] = {
        {"Hook Kyle opens mid-sentence, already deep in his argument about careers.", {}, "Hook",
         "Kyle opens mid-sentence, already deep in his argument about careers."},
        {"What Should swyx Ask Satya? swyx is about to interview Satya Nadella at Build.", {"swyx"},
         "What Should swyx Ask Satya?", "swyx is about to interview Satya Nadella at Build."},
        {"Hook Ivan Burazin describes the intense, direct demand for the product.", {"Ivan Burazin"}, "Hook",
         "Ivan Burazin describes the intense, direct demand for the product."},
        {"La Bitter Lesson arrive pour les prot\u00E9ines Brandon et RJ pr\u00E9sentent Alex comme un invit\u00E9.",
         {"Bitter Lesson"}, "La Bitter Lesson arrive pour les prot\u00E9ines",
         "Brandon et RJ pr\u00E9sentent Alex comme un invit\u00E9."},
        {"Introduction to AI's impact on physics research Lupsasca opens in medias res, framing it.", {},
         "Introduction to AI's impact on physics research", "Lupsasca opens in medias res, framing it."},
        {"CodeAnywhere, Shift, and the end of localhost", {}, "CodeAnywhere, Shift, and the end of localhost", ""},
        {"What Daytona is: composable computers for AI agents", {}, "What Daytona is: composable computers for AI agents",
         ""},
        // Without a sentence end, eight words after the heading make a text; seven do not.
        {"Intro Kyle opens with one two three four five", {}, "Intro", "Kyle opens with one two three four five"},
        {"Intro Kyle opens with one two three four", {}, "Intro Kyle opens with one two three four", ""},
        {"", {}, "", ""},
    };
    for (const auto& row : rows) {
        const auto split = split_chapter_heading(row.input, row.names);
        EXPECT_EQ(split.title, row.title) << row.input;
        EXPECT_EQ(split.text, row.text) << row.input;
    }
}

// Bad input: each problem names file, line and column, skips only its record.
TEST(ParseListing, BadInputIsReportedAndSkipped) {
    const std::string good_episode =
        "Good Episode \u2014 Ada Lovelace\n12:00\nEN/FR\nWatch with Captions\nShowil y a 2 jours\n\n"
        "Good Episode \u2014 Ada Lovelace\n\nSummary. ## [00:00] Intro Ada explains the engine in detail today. "
        "## Entities - **Ada Lovelace** (Person): Mathematician.\n\n#math\n";
    struct Row {
        const char* name;
        std::string page;
        std::size_t episodes_kept;
        const char* reason;
        std::uint32_t line;
        std::uint32_t column;
        const char* skipped;
    };
    const Row rows[] = {
        {"invalid chapter timestamp",
         "T \u2014 Ada Lovelace\n10:00\n\nBody ## [00:61] Bad chapter text. ## [01:00] Fine chapter text here.\n",
         1, "invalid-timestamp", 4, 9, "chapter"},
        {"invalid UTF-8 skips the episode", "Bad \xFF title\n10:00\n\n" + good_episode, 1, "invalid-utf8", 1, 5,
         "episode"},
        {"stray line between episodes", good_episode + "\nsomething odd\n\n" + good_episode, 2, "stray-line", 13, 0,
         "line"},
        {"unknown entity-list shape",
         "T\n10:00\n\nBody ## Entities - **Ada** (Person): ok. - **Broken** no type here. - **Bob** (Person): ok.\n", 1,
         "unknown-entity-shape", 4, 44, "entity-list item"},
        {"truncated page", good_episode + "\nA title cut off before its duration\n", 1, "truncated-episode", 13, 0,
         "line"},
        {"invalid duration", "T\n1:99:00\n\nT\n\nBody.\n", 1, "invalid-duration", 2, 0, "duration"},
        {"unknown section", "T\n10:00\n\nBody ## Notes something ## [00:00] Intro.\n", 1, "unknown-section", 4, 6,
         "section"},
        {"unterminated quote", "T\n10:00\n\nBody ## [00:00] Intro > *\"never closed\n", 1, "unterminated-quote", 4, 23,
         "quote"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        ProblemLog problems;
        const auto episodes = parse_listing(row.page, "pages.txt", problems);
        EXPECT_EQ(episodes.size(), row.episodes_kept);
        ASSERT_EQ(problems.count(), 1U);
        const auto& problem = problems.problems().front();
        EXPECT_EQ(problem.reason, row.reason);
        EXPECT_EQ(problem.where.file, "pages.txt");
        EXPECT_EQ(problem.where.line, row.line);
        EXPECT_EQ(problem.where.column, row.column);
        EXPECT_EQ(problem.skipped, row.skipped);

        ProblemLog strict(true);
        EXPECT_THROW(parse_listing(row.page, "pages.txt", strict), InputError);
    }
}

TEST(ParseListing, KeepsTheRestAroundABadChapter) {
    ProblemLog problems;
    const auto episodes = parse_listing(
        "T\n10:00\n\nBody ## [00:61] Bad chapter. ## [01:00] Fine chapter ## Entities - **Ada** (Person): x.\n",
        "p.txt", problems);
    ASSERT_EQ(episodes.size(), 1U);
    ASSERT_EQ(episodes[0].chapters.size(), 1U);
    EXPECT_EQ(episodes[0].chapters[0].start_s, 60U);
    ASSERT_TRUE(episodes[0].entity_list);
    EXPECT_EQ(episodes[0].entity_list->items.size(), 1U);
}

TEST(ParseListing, EmptyAndHeaderOnlyPages) {
    ProblemLog problems;
    EXPECT_TRUE(parse_listing("", "p.txt", problems).empty());
    EXPECT_TRUE(parse_listing("LaiDub\n\nPodcasts\n", "p.txt", problems).empty());
    EXPECT_EQ(problems.count(), 0U);
}

// A page of several megabytes is split into lines on every core, in parts: line
// numbers, CRLF endings and repaired invalid UTF-8 come out as from one pass.
TEST(ParseListing, LargePageKeepsLineNumbersAcrossParts) {
    const auto block = [](std::size_t i, bool bad, bool crlf) {
        const auto title = "Episode " + std::to_string(i) + (bad ? " \xFF" : "") + " \u2014 Ada Lovelace";
        std::string text = title + "\n12:00\nEN\nWatch with Captions\nShowil y a 2 jours\n\n" + title +
                           "\n\nSummary. ## [00:00] Intro Ada explains the engine in detail today. "
                           "## Entities - **Ada Lovelace** (Person): Mathematician.\n\n#math\n\n";
        if (crlf) {
            std::string with_cr;
            for (const char c : text) with_cr += c == '\n' ? std::string("\r\n") : std::string(1, c);
            text = with_cr;
        }
        return text;
    };
    constexpr std::size_t kBlocks = 64000;  // some 13 MB: several parts
    constexpr std::uint32_t kLinesPerBlock = 12;
    std::string page;
    for (std::size_t i = 0; i < kBlocks; ++i) page += block(i, i % 9973 == 5, i % 2 == 1);
    ASSERT_GT(page.size(), std::size_t{12} << 20);  // parts are of about 4 MB
    ProblemLog problems;
    std::mutex parts_lock;
    std::vector<std::string_view> parts;
    const auto episodes = parse_listing(page, "big.txt", problems, [&](std::string_view part) {
        const std::lock_guard lock(parts_lock);
        parts.push_back(part);
    });
    // The parts said to be parsed tile the page: every byte once, none outside it.
    ASSERT_GT(parts.size(), 2u);
    std::sort(parts.begin(), parts.end(), [](auto a, auto b) { return std::less<>{}(a.data(), b.data()); });
    EXPECT_EQ(parts.front().data(), page.data());
    for (std::size_t p = 1; p < parts.size(); ++p)
        EXPECT_EQ(parts[p - 1].data() + parts[p - 1].size(), parts[p].data()) << p;
    EXPECT_EQ(parts.back().data() + parts.back().size(), page.data() + page.size());
    std::vector<std::uint32_t> bad_lines;
    for (std::size_t i = 0; i < kBlocks; ++i)
        if (i % 9973 == 5) bad_lines.push_back(static_cast<std::uint32_t>(i) * kLinesPerBlock + 1);
    ASSERT_EQ(problems.count(), bad_lines.size());
    for (std::size_t p = 0; p < bad_lines.size(); ++p) {
        EXPECT_EQ(problems.problems()[p].reason, "invalid-utf8");
        EXPECT_EQ(problems.problems()[p].where.line, bad_lines[p]);
    }
    ASSERT_EQ(episodes.size(), kBlocks - bad_lines.size());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        if (i % 9973 == 5) continue;
        const auto& episode = episodes[kept++];
        ASSERT_EQ(episode.source_line, i * kLinesPerBlock + 1) << i;
        ASSERT_EQ(episode.title, "Episode " + std::to_string(i) + " \u2014 Ada Lovelace") << i;
        ASSERT_EQ(episode.tags, std::vector<std::string>{"math"}) << i;
    }
}

}  // namespace
}  // namespace castgraph
