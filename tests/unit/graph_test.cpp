#include "castgraph/graph_builder.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "castgraph/aliases.hpp"
#include "castgraph/error.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/graph_stats.hpp"
#include "castgraph/ingest.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/parallel.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

// A hand-made episode of the show "Test Show".
struct EpisodeSpec {
    std::string title;
    std::vector<Guest> guests;
    std::vector<EntityItem> items;
    std::string summary;
    std::vector<Chapter> chapters;
    std::vector<Quote> quotes;
    std::vector<std::string> tags;
    bool with_list = true;
    std::string podcast = "Test Show";
};

Episode make(const EpisodeSpec& spec) {
    Episode episode;
    episode.title = spec.title;
    episode.podcast = spec.podcast;
    episode.id = make_episode_id(spec.podcast, spec.title);
    episode.guests = spec.guests;
    episode.summary = spec.summary;
    episode.chapters = spec.chapters;
    episode.quotes = spec.quotes;
    episode.tags = spec.tags;
    if (spec.with_list) episode.entity_list = EntityList{"Entities", "en", spec.items};
    return episode;
}

BuildResult build(const std::vector<Episode>& episodes, const ResolveOptions& options = {},
                  const PropertyGraph* previous = nullptr) {
    return build_graph(episodes, resolve_entities(episodes, options), {.previous = previous});
}

std::string graph_bytes(const PropertyGraph& graph) {
    std::ostringstream out;
    write_graph(graph, out);
    return out.str();
}

// A relationship's episodes as ids.
std::vector<std::string> episode_ids(const PropertyGraph& graph, const Relationship& relationship) {
    const auto ids = graph.episode_ids(relationship);
    return {ids.begin(), ids.end()};
}

// The relationship of a type between two ids, or nullptr.
const Relationship* find_rel(const PropertyGraph& graph, RelType type, const std::string& from, const std::string& to) {
    const auto source = graph.find(from);
    const auto target = graph.find(to);
    if (!source || !target) return nullptr;
    for (const auto edge : boost::make_iterator_range(boost::out_edges(*source, graph.graph())))
        if (boost::target(edge, graph.graph()) == *target && graph.relationship(edge).type == type)
            return &graph.relationship(edge);
    return nullptr;
}

// A Person node of that id, added to the graph.
PropertyGraph::Vertex add_person(PropertyGraph& graph, const std::string& id) {
    Node person;
    person.id = id;
    person.label = NodeLabel::Person;
    return graph.add_node(person);
}

std::size_t count_of(const PropertyGraph& graph, RelType type) {
    std::size_t count = 0;
    for (const auto edge : boost::make_iterator_range(boost::edges(graph.graph())))
        if (graph.relationship(edge).type == type) ++count;
    return count;
}

using Strings = std::vector<std::string>;

TEST(BuildGraph, PartOfLinksEachEpisodeToItsPodcast) {
    const auto a = make({.title = "One"});
    const auto b = make({.title = "Two", .podcast = ""});
    const auto graph = build({a, b}).graph;
    EXPECT_NE(find_rel(graph, RelType::PartOf, a.id, "podcast:test-show"), nullptr);
    EXPECT_EQ(graph.node(*graph.find("podcast:test-show")).name, "Test Show");
    EXPECT_EQ(count_of(graph, RelType::PartOf), 1u) << "an episode without a podcast has no PART_OF";
}

TEST(BuildGraph, GuestOnFromTitleMatchedToTheListOrSeenOnlyInTitles) {
    const auto listed = make({.title = "Agents — Kyle Daigle",
                              .guests = {{"Kyle Daigle", ""}},
                              .items = {{"Kyle Daigle", "Person", "COO of GitHub"}}});
    const auto unlisted_1 = make({.title = "Devin — Walden Yan", .guests = {{"Walden Yan", ""}}, .with_list = false});
    const auto unlisted_2 = make({.title = "Again — Walden Yan", .guests = {{"Walden Yan", ""}}, .with_list = false});
    const auto result = build({listed, unlisted_1, unlisted_2});
    const auto& graph = result.graph;

    const auto* kyle = find_rel(graph, RelType::GuestOn, "person:kyle-daigle", listed.id);
    ASSERT_NE(kyle, nullptr);
    EXPECT_EQ(kyle->evidence.names(), (Strings{"entity-list", "title"}));
    EXPECT_EQ(graph.node(*graph.find("person:kyle-daigle")).source_types, Strings{"Person"});

    // One title-only person for both titles, marked as such.
    ASSERT_NE(find_rel(graph, RelType::GuestOn, "person:walden-yan", unlisted_1.id), nullptr);
    ASSERT_NE(find_rel(graph, RelType::GuestOn, "person:walden-yan", unlisted_2.id), nullptr);
    const auto& walden = graph.node(*graph.find("person:walden-yan"));
    EXPECT_EQ(walden.source_types, Strings{"title"});
    EXPECT_EQ(walden.episode_count, 2u);
    ASSERT_EQ(walden.sightings.size(), 2u);
    EXPECT_EQ(walden.sightings[0].source, SightingSource::Title);
    EXPECT_EQ((std::set<std::string>{graph.node(walden.sightings[0].episode).id, graph.node(walden.sightings[1].episode).id}),
              (std::set<std::string>{unlisted_1.id, unlisted_2.id}));
    EXPECT_EQ(result.report.title_only_people, 1u);
}

TEST(BuildGraph, GuestMatchesAnAliasOfAListedPerson) {
    const auto episode = make({.title = "With Shawn Wang",
                               .guests = {{"Shawn Wang", ""}},
                               .items = {{"Shawn Wang / swyx", "Person", "Founder of AI Engineer"},
                                         {"swyx", "Person", "Writer"}}});
    const auto graph = build({episode}).graph;
    EXPECT_NE(find_rel(graph, RelType::GuestOn, "person:swyx", episode.id), nullptr);
    EXPECT_FALSE(graph.find("person:shawn-wang"));
}

TEST(DescribesHost, Table) {
    struct Row {
        const char* description;
        bool host;
    };
    const std::vector<Row> rows = {
        {"Host of Test Show podcast; developer advocate", true},
        {"Test Show co-host; conducts interviews", true},
        {"Host; founder of AI Engineer", true},
        {"Co-animateur ; CTO et fondateur de Miro Omix.", true},
        {"Co-animateur de la sous-série Test Show AI for Science", true},
        {"Animateur de Test Show ; vieil ami de Sunil", true},
        {"Animatrice du podcast Test Show.", true},
        {"Economist; co-host for this episode; focus on industrial policy", true},
        {"Regular Test Show host (science background); guest host for this episode.", true},
        {"Associé chez Redpoint Ventures ; animateur du podcast Unsupervised Learning.", false},
        {"Host of the Dwarkesh Podcast", false},
        {"Hosted the 2024 summit", false},
        {"Hosting company founder", false},
        {"Engineer.Host", true},  // the keyword right after a clause's end
        {"Ghost writer; hostess", false},
        {"CEO of GitHub; referenced in context of PR workflow", false},
        {"", false},
    };
    for (const auto& row : rows) EXPECT_EQ(describes_host(row.description, "Test Show"), row.host) << row.description;
}

TEST(BuildGraph, HostedFromDescriptionsAndNeverAlsoGuest) {
    const auto episode = make({.title = "The Next War — Yaroslav Azhnyuk, The Fourth Law & Noah Smith, Noahpinion",
                               .guests = {{"Yaroslav Azhnyuk", "The Fourth Law"}, {"Noah Smith", "Noahpinion"}},
                               .items = {{"Yaroslav Azhnyuk", "Person", "Founder of The Fourth Law"},
                                         {"Noah Smith", "Person", "Economist; co-host for this episode."},
                                         {"Brandon", "Person", "Regular Test Show host."},
                                         {"Jacob Effron", "Person", "Animateur du podcast Unsupervised Learning."}}});
    const auto graph = build({episode}).graph;
    EXPECT_NE(find_rel(graph, RelType::GuestOn, "person:yaroslav-azhnyuk", episode.id), nullptr);
    const auto* noah = find_rel(graph, RelType::Hosted, "person:noah-smith", episode.id);
    ASSERT_NE(noah, nullptr);
    EXPECT_EQ(noah->evidence.names(), (Strings{"entity-list", "title"}));
    EXPECT_EQ(find_rel(graph, RelType::GuestOn, "person:noah-smith", episode.id), nullptr);
    const auto* brandon = find_rel(graph, RelType::Hosted, "person:brandon", episode.id);
    ASSERT_NE(brandon, nullptr);
    EXPECT_EQ(brandon->evidence.names(), Strings{"entity-list"});
    EXPECT_EQ(find_rel(graph, RelType::Hosted, "person:jacob-effron", episode.id), nullptr);
    EXPECT_EQ(find_rel(graph, RelType::GuestOn, "person:jacob-effron", episode.id), nullptr);
    EXPECT_EQ(count_of(graph, RelType::Hosted), 2u);
    EXPECT_EQ(count_of(graph, RelType::GuestOn), 1u);
}

TEST(BuildGraph, AffiliatedWithFromGuestCommaOrganization) {
    const auto listed = make({.title = "Proteins — Alex Rives, BioHub",
                              .guests = {{"Alex Rives", "BioHub"}},
                              .items = {{"Alex Rives", "Person", "Chief scientist"}, {"BioHub", "Organization", "A lab"}}});
    const auto unlisted = make({.title = "Sandboxes — Ivan Burazin, Daytona",
                                .guests = {{"Ivan Burazin", "Daytona"}},
                                .with_list = false});
    const auto result = build({listed, unlisted});
    const auto& graph = result.graph;
    const auto* rives = find_rel(graph, RelType::AffiliatedWith, "person:alex-rives", "organization:biohub");
    ASSERT_NE(rives, nullptr);
    EXPECT_EQ(rives->evidence.names(), Strings{"title"});
    EXPECT_EQ(episode_ids(graph, *rives), Strings{listed.id});
    EXPECT_NE(find_rel(graph, RelType::AffiliatedWith, "person:ivan-burazin", "organization:daytona"), nullptr);
    EXPECT_EQ(graph.node(*graph.find("organization:daytona")).source_types, Strings{"title"});
    EXPECT_EQ(result.report.title_only_organizations, 1u);
}

TEST(BuildGraph, MentionsFromListAndTextWithChapterTimestamps) {
    const auto episode = make({
        .title = "GitHub's Agent Era",
        .items = {{"OpenClaw", "Software", "An open-source agent"}, {"FAIR", "Organization", "Meta's lab"},
                  {"GitHub", "Organization", "Code host"}},
        .summary = "A talk about GitHub and agents.",
        .chapters = {{0, "Intro", "Welcome."},
                     {4185, "Ambient AI", "Then OpenClaw came up, and Fairwater too."},
                     {4470, "OpenClaw, Enterprise Security", "Security of agents."}},
        .quotes = {{"OpenClaw is the future", 1u}, {"GitHub all the way", std::nullopt}},
    });
    const auto graph = build({episode}).graph;

    const auto* openclaw = find_rel(graph, RelType::Mentions, episode.id, "software:openclaw");
    ASSERT_NE(openclaw, nullptr);
    EXPECT_TRUE(openclaw->in_entity_list);
    EXPECT_EQ(openclaw->description, "An open-source agent");
    const auto& sightings = graph.node(*graph.find("software:openclaw")).sightings;
    ASSERT_EQ(sightings.size(), 1u);
    EXPECT_EQ(openclaw->description.data(), sightings.front().description.data())
        << "MENTIONS shares its list item's description with the sighting instead of a copy";
    EXPECT_EQ(openclaw->timestamps_s(), (std::vector<std::uint32_t>{4185, 4470}));
    EXPECT_EQ(openclaw->evidence.names(), (Strings{"chapter", "entity-list", "quote"}));
    EXPECT_EQ(openclaw->count(), 4u);  // list item, chapter text, chapter title, quote

    const auto* github = find_rel(graph, RelType::Mentions, episode.id, "organization:github");
    ASSERT_NE(github, nullptr);
    EXPECT_EQ(github->evidence.names(), (Strings{"entity-list", "quote", "summary", "title"}));
    EXPECT_TRUE(github->timestamps_s().empty()) << "summary, title and chapterless quotes carry no time";

    const auto* fair = find_rel(graph, RelType::Mentions, episode.id, "organization:fair");
    ASSERT_NE(fair, nullptr);
    EXPECT_EQ(fair->evidence.names(), Strings{"entity-list"}) << "'Fairwater' is not a mention of FAIR";
    EXPECT_EQ(fair->count(), 1u);
}

TEST(BuildGraph, EpisodeWithoutListIsMentionedFromItsText) {
    const auto listing = make({.title = "Agents", .items = {{"Daytona", "Organization", "Sandboxes"},
                                                            {"Kubernetes", "Software", "Orchestrator"}}});
    const auto bare = make({.title = "Computers for agents",
                            .summary = "Daytona runs sandboxes, not Kubernetes pods.",
                            .chapters = {{75, "Why", "Daytona is fast."}},
                            .with_list = false});
    const auto graph = build({listing, bare}).graph;
    const auto* daytona = find_rel(graph, RelType::Mentions, bare.id, "organization:daytona");
    ASSERT_NE(daytona, nullptr);
    EXPECT_FALSE(daytona->in_entity_list);
    EXPECT_EQ(daytona->timestamps_s(), std::vector<std::uint32_t>{75});
    EXPECT_EQ(daytona->evidence.names(), (Strings{"chapter", "summary"}));
    EXPECT_NE(find_rel(graph, RelType::Mentions, bare.id, "software:kubernetes"), nullptr);
    EXPECT_EQ(graph.node(*graph.find("organization:daytona")).episode_count, 2u);
}

TEST(BuildGraph, FormSharedByTwoEntitiesIsNotMatchedInText) {
    // Cursor the company and Cursor the editor: a kind conflict, two entities.
    const auto a = make({.title = "A", .items = {{"Cursor", "Organization", "A company"}}});
    const auto b = make({.title = "B", .items = {{"Cursor", "Software", "An editor"}}});
    const auto c = make({.title = "C", .summary = "We use Cursor daily.", .with_list = false});
    const auto result = build({a, b, c});
    EXPECT_EQ(result.report.ambiguous_forms, Strings{"Cursor"});
    EXPECT_EQ(find_rel(result.graph, RelType::Mentions, c.id, "organization:cursor"), nullptr);
    EXPECT_EQ(find_rel(result.graph, RelType::Mentions, c.id, "software:cursor"), nullptr);
}

TEST(BuildGraph, CoAppearsWithCountsSharedEpisodesStoredOnce) {
    const auto one = make({.title = "One", .items = {{"Zed", "Software", ""}, {"Anthropic", "Organization", ""}}});
    const auto two = make({.title = "Two", .items = {{"Anthropic", "Organization", ""}, {"Zed", "Software", ""},
                                                      {"MCP", "Concept", ""}}});
    const auto graph = build({one, two}).graph;
    // Stored from the smaller id to the larger, whatever the list order.
    const auto* pair = find_rel(graph, RelType::CoAppearsWith, "organization:anthropic", "software:zed");
    ASSERT_NE(pair, nullptr);
    EXPECT_EQ(find_rel(graph, RelType::CoAppearsWith, "software:zed", "organization:anthropic"), nullptr);
    EXPECT_EQ(pair->weight(), 2u);
    EXPECT_EQ(episode_ids(graph, *pair), (Strings{one.id, two.id}));
    const auto* single = find_rel(graph, RelType::CoAppearsWith, "concept:mcp", "organization:anthropic");
    ASSERT_NE(single, nullptr);
    EXPECT_EQ(single->weight(), 1u);
    EXPECT_EQ(count_of(graph, RelType::CoAppearsWith), 3u);
}

// A resolution made by hand whose entities' mention lists disagree with
// entity_of_mention is refused, not read out of bounds.
TEST(BuildGraph, ResolutionWhoseEntitiesListOtherMentionsIsRefused) {
    const auto one = make({.title = "One", .items = {{"Zed", "Software", ""}, {"Anthropic", "Organization", ""}}});
    const auto two = make({.title = "Two", .items = {{"Zed", "Software", ""}}});
    const auto episodes = std::vector<Episode>{one, two};
    const auto resolution = resolve_entities(episodes, {});
    ASSERT_EQ(resolution.entities.size(), 2u);
    EXPECT_NO_THROW(build_graph(episodes, resolution, {}));
    const auto expect_internal_error = [&](const ResolutionResult& changed) {
        try {
            build_graph(episodes, changed, {});
            ADD_FAILURE() << "an inconsistent resolution was built";
        } catch (const Error& error) {
            EXPECT_EQ(error.category(), ErrorCategory::internal) << error.what();
        }
    };
    auto swapped = resolution;  // each entity lists the other's mentions
    std::swap(swapped.entities[0].mentions, swapped.entities[1].mentions);
    expect_internal_error(swapped);
    auto short_list = resolution;  // an entity leaves out one of its mentions
    for (auto& entity : short_list.entities)
        if (entity.mentions.size() > 1) entity.mentions.pop_back();
    expect_internal_error(short_list);
}

TEST(BuildGraph, CoAppearancePruningAndLimit) {
    // Zed and Anthropic share 2 episodes; MCP shares 1 with each; Yak shares 1 with Zed.
    const auto one = make({.title = "One", .items = {{"Zed", "Software", ""}, {"Anthropic", "Organization", ""},
                                                      {"Yak", "Software", ""}}});
    const auto two = make({.title = "Two", .items = {{"Anthropic", "Organization", ""}, {"Zed", "Software", ""},
                                                      {"MCP", "Concept", ""}}});
    const auto episodes = std::vector<Episode>{one, two};
    const auto resolution = resolve_entities(episodes, {});
    BuildOptions options;
    EXPECT_EQ(count_of(build_graph(episodes, resolution, options).graph, RelType::CoAppearsWith), 5u);
    options.co_appearance_min_weight = 2;
    auto pruned = build_graph(episodes, resolution, options);
    EXPECT_EQ(count_of(pruned.graph, RelType::CoAppearsWith), 1u);
    EXPECT_EQ(pruned.report.co_appearance_pruned, 4u);
    EXPECT_NE(find_rel(pruned.graph, RelType::CoAppearsWith, "organization:anthropic", "software:zed"), nullptr);
    options.co_appearance_min_weight = 1;
    options.co_appearance_top_k = 1;  // each entity's strongest pair: Anthropic-Zed, MCP-Anthropic, Yak-Anthropic
    pruned = build_graph(episodes, resolution, options);
    EXPECT_EQ(count_of(pruned.graph, RelType::CoAppearsWith), 3u);
    // A kept pair keeps its weight and episodes, the first in order as much as the others.
    const auto kept = [&](const char* from, const char* to, const Strings& episode_list) {
        const auto* pair = find_rel(pruned.graph, RelType::CoAppearsWith, from, to);
        ASSERT_NE(pair, nullptr) << from << " -- " << to;
        EXPECT_EQ(pair->weight(), episode_list.size()) << from << " -- " << to;
        EXPECT_EQ(episode_ids(pruned.graph, *pair), episode_list) << from << " -- " << to;
    };
    kept("concept:mcp", "organization:anthropic", {two.id});
    kept("organization:anthropic", "software:yak", {one.id});
    kept("organization:anthropic", "software:zed", {one.id, two.id});
    options.co_appearance_top_k = 0;
    options.max_co_appearance_entities = 2;  // both episodes mention 3
    const auto limited = build_graph(episodes, resolution, options);
    EXPECT_EQ(count_of(limited.graph, RelType::CoAppearsWith), 0u);
    EXPECT_EQ(limited.report.co_appearance_skipped.size(), 2u);
}

// Spellings are counted on every core, a part of the episodes each: the same spelling
// in several parts sums, and the name is the most frequent, then the first in byte order.
TEST(BuildGraph, ShowsAndTopicsNamedByTheirMostFrequentSpelling) {
    std::vector<Episode> episodes;
    const auto add = [&](const std::string& podcast, std::vector<std::string> tags) {
        episodes.push_back(make({.title = "Episode " + std::to_string(episodes.size()),
                                 .items = {{"GitHub", "Organization", ""}},
                                 .tags = std::move(tags),
                                 .podcast = podcast}));
    };
    // "latent space" leads in the first episodes, "Latent Space" over all of them.
    add("latent space", {"Rust", "ai-agents"});
    add("latent space", {"rust", "AI Agents"});
    add("Latent Space", {"AI Agents"});
    add("Latent Space", {"ai-agents"});
    add("Latent Space", {"AI Agents", "!!"});
    for (const std::size_t threads : {1, 2, 3, 5}) {
        set_thread_count(threads);
        const auto graph = build(episodes).graph;
        set_thread_count(0);
        EXPECT_EQ(graph.node(*graph.find("podcast:latent-space")).name, "Latent Space") << threads << " threads";
        EXPECT_EQ(graph.node(*graph.find("topic:ai-agents")).name, "AI Agents") << threads << " threads";
        EXPECT_EQ(graph.node(*graph.find("topic:rust")).name, "Rust") << "a tie goes to the first in byte order";
        std::size_t topics = 0;
        for (const auto vertex : boost::make_iterator_range(boost::vertices(graph.graph())))
            topics += graph.node(vertex).label == NodeLabel::Topic ? 1 : 0;
        EXPECT_EQ(topics, 2u) << "a tag with no letters makes no topic; " << threads << " threads";
    }
}

TEST(BuildGraph, TaggedAndAssociatedWith) {
    const auto one = make({.title = "One", .items = {{"GitHub", "Organization", ""}}, .tags = {"github", "ai-agents"}});
    const auto two = make({.title = "Two", .items = {{"GitHub", "Organization", ""}}, .tags = {"github", "github"}});
    const auto three = make({.title = "Three", .items = {{"Zed", "Software", ""}}, .tags = {"GitHub"}});
    const auto graph = build({one, two, three}).graph;
    EXPECT_NE(find_rel(graph, RelType::Tagged, one.id, "topic:github"), nullptr);
    EXPECT_NE(find_rel(graph, RelType::Tagged, one.id, "topic:ai-agents"), nullptr);
    EXPECT_EQ(count_of(graph, RelType::Tagged), 4u) << "a tag repeated in one episode is one TAGGED";
    EXPECT_EQ(graph.node(*graph.find("topic:github")).name, "github") << "most frequent spelling names the topic";
    const auto* associated = find_rel(graph, RelType::AssociatedWith, "organization:github", "topic:github");
    ASSERT_NE(associated, nullptr);
    EXPECT_EQ(associated->weight(), 2u);
    EXPECT_TRUE(associated->episodes().empty()) << "which episodes is MENTIONS joined with TAGGED";
    EXPECT_EQ(find_rel(graph, RelType::AssociatedWith, "software:zed", "topic:github")->weight(), 1u);
}

// Thousands of list items are placed in parts side by side, each part starting at an
// episode of its own. A resolution whose mentions do not go episode by episode (out of
// its documented order) is placed one mention at a time, to the same graph; one whose
// entities list their mentions out of order, or one twice, is refused.
TEST(BuildGraph, ListItemsPlacedInPartsOrOneByOne) {
    std::vector<Episode> episodes;
    for (int e = 0; e < 1500; ++e) {
        std::vector<EntityItem> items;
        for (int i = 0; i < 8; ++i)
            items.push_back({"Person " + std::to_string((e * 7 + i * 13) % 300), "Person", "Guest number " + std::to_string(i)});
        episodes.push_back(make({.title = "Episode " + std::to_string(e), .items = std::move(items)}));
    }
    const auto resolution = resolve_entities(episodes, {});
    ASSERT_GT(resolution.mentions.size(), 2u * 4096) << "enough mentions for several parts";
    const auto graph_file = [](const BuildResult& built) {
        std::ostringstream out;
        write_graph(built.graph, out);
        return out.str();
    };
    const auto expected = graph_file(build_graph(episodes, resolution));

    // The mentions with their episodes' runs in reverse order (each run kept whole), and
    // with the last episode's run cut in two around the first's.
    for (const bool split : {false, true}) {
        std::vector<std::vector<std::size_t>> runs;
        for (std::size_t m = 0; m < resolution.mentions.size(); ++m) {
            if (m == 0 || resolution.mentions[m].episode_id != resolution.mentions[m - 1].episode_id) runs.emplace_back();
            runs.back().push_back(m);
        }
        std::reverse(runs.begin(), runs.end());
        if (split) {
            auto& last = runs.front();
            runs.back().insert(runs.back().begin(), last.begin() + 4, last.end());
            last.resize(4);
        }
        std::vector<std::size_t> order;
        for (const auto& run : runs) order.insert(order.end(), run.begin(), run.end());
        ResolutionResult moved = resolution;
        std::vector<std::size_t> new_index(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            moved.mentions[i] = resolution.mentions[order[i]];
            moved.entity_of_mention[i] = resolution.entity_of_mention[order[i]];
            new_index[order[i]] = i;
        }
        for (auto& entity : moved.entities) {
            for (auto& m : entity.mentions) m = new_index[m];
            std::sort(entity.mentions.begin(), entity.mentions.end());
        }
        EXPECT_EQ(graph_file(build_graph(episodes, moved)), expected) << (split ? "split" : "reversed");
    }

    auto out_of_order = resolution;
    auto& listed = out_of_order.entities[7].mentions;
    ASSERT_GE(listed.size(), 2u);
    std::swap(listed[0], listed[1]);
    EXPECT_THROW(build_graph(episodes, out_of_order), Error);
    auto twice = resolution;
    twice.entities[7].mentions.push_back(twice.entities[7].mentions.back());
    EXPECT_THROW(build_graph(episodes, twice), Error);
}

// CO_APPEARS_WITH's pairs and weights are those counted here episode by episode, for
// any number of threads, pruned or not.
TEST(BuildGraph, CoAppearancesAreThoseCountedEpisodeByEpisode) {
    std::vector<Episode> episodes;
    std::map<std::pair<std::string, std::string>, std::uint32_t> expected;
    for (int e = 0; e < 400; ++e) {
        // Ann and Bob in every episode: a pair seen 400 times.
        std::set<std::string> names{"Ann Example", "Bob Example"};
        for (int i = 0; i < 6; ++i) names.insert("Person " + std::to_string((e * 7 + i * 11) % 40));
        std::vector<EntityItem> items;
        for (const auto& name : names) items.push_back({name, "Person", ""});
        for (auto a = names.begin(); a != names.end(); ++a)
            for (auto b = std::next(a); b != names.end(); ++b) ++expected[{*a, *b}];
        episodes.push_back(make({.title = "Episode " + std::to_string(e), .items = std::move(items)}));
    }
    const auto resolution = resolve_entities(episodes, {});
    const auto co_appearances = [](const PropertyGraph& graph) {
        std::map<std::pair<std::string, std::string>, std::uint32_t> found;
        for (const auto edge : graph.relationships_in_order()) {
            const auto& relationship = graph.relationship(edge);
            if (relationship.type != RelType::CoAppearsWith) continue;
            EXPECT_EQ(relationship.episodes().size(), relationship.weight());
            auto names = std::minmax(graph.node(boost::source(edge, graph.graph())).name,
                                     graph.node(boost::target(edge, graph.graph())).name);
            EXPECT_TRUE(found.emplace(std::pair{names.first, names.second}, relationship.weight()).second)
                << names.first << " and " << names.second << " twice";
        }
        return found;
    };
    std::map<std::pair<std::string, std::string>, std::uint32_t> strong;
    for (const auto& [pair, weight] : expected)
        if (weight >= 20) strong[pair] = weight;
    ASSERT_EQ(expected.at({"Ann Example", "Bob Example"}), 400u);
    ASSERT_GT(strong.size(), 1u);
    ASSERT_LT(strong.size(), expected.size());
    for (const std::size_t threads : {1, 2, 3, 5}) {
        SCOPED_TRACE(std::to_string(threads) + " threads");
        set_thread_count(threads);
        EXPECT_EQ(co_appearances(build_graph(episodes, resolution).graph), expected);
        BuildOptions pruned;
        pruned.co_appearance_min_weight = 20;
        EXPECT_EQ(co_appearances(build_graph(episodes, resolution, pruned).graph), strong);
    }
    set_thread_count(0);
}

TEST(BuildGraph, RepeatedEpisodeIdIsAnError) {
    const auto a = make({.title = "Same"});
    EXPECT_THROW(build_graph({a, a}, {}, {}), InputError);
}

// Each episode of the resolution is looked for among the input's, wherever it stands,
// whether episodes and resolution are lent or handed over.
TEST(BuildGraph, ResolutionOfAnEpisodeNotGivenIsAnError) {
    const auto first = make({.title = "First", .items = {{"Ada Lovelace", "Person", "Mathematician."}}});
    const auto second = make({.title = "Second", .items = {{"Ada Lovelace", "Person", "Mathematician."}}});
    const auto middle = make({.title = "Middle", .items = {{"Ada Lovelace", "Person", "Mathematician."}}});
    const std::vector<Episode> resolved{first, second, middle};
    const auto resolution = resolve_entities(resolved, {});
    const std::vector<std::function<BuildResult(const std::vector<Episode>&)>> ways = {
        [&](const std::vector<Episode>& given) { return build_graph(given, resolution); },
        [&](const std::vector<Episode>& given) {
            return build_graph(std::vector<Episode>(given), ResolutionResult(resolution));
        }};
    for (const auto& build_from : ways) {
        for (const auto& [given, missing] : {std::pair{std::vector{first, middle}, second.id},
                                             std::pair{std::vector{second, middle}, first.id},
                                             std::pair{std::vector{first, second}, middle.id}}) {
            try {
                build_from(given);
                FAIL() << "no error without " << missing;
            } catch (const Error& error) {
                EXPECT_EQ(error.category(), ErrorCategory::internal);
                const auto expected = "resolution names episode '" + missing + "' that is not in the input";
                EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
            }
        }
        const auto built = build_from({first, second, middle});
        EXPECT_EQ(built.graph.node_count(), 5U);  // 3 episodes, a show, Ada
        const auto ada = built.graph.find("person:ada-lovelace");
        ASSERT_TRUE(ada);
        ASSERT_EQ(built.graph.node(*ada).sightings.size(), 3U);
        for (std::size_t i = 0; i < 3; ++i)  // each sighting in its own episode, in id order
            EXPECT_EQ(built.graph.node(built.graph.node(*ada).sightings[i].episode).id,
                      (std::vector{first.id, middle.id, second.id})[i]);
    }
}

TEST(DeduplicateEpisodes, KeepsTheRichestRecordWhateverTheOrder) {
    auto bare = make({.title = "Same", .with_list = false});
    bare.source_file = "a.txt";
    auto rich = make({.title = "Same", .items = {{"Zed", "Software", ""}}});
    rich.source_file = "b.txt";
    const auto other = make({.title = "Other"});
    for (const auto& order : {std::vector<Episode>{bare, rich, other}, std::vector<Episode>{rich, other, bare}}) {
        ProblemLog problems;
        const auto unique = deduplicate_episodes(order, problems);
        ASSERT_EQ(unique.size(), 2u);
        const auto& kept = unique[0].id == rich.id ? unique[0] : unique[1];
        EXPECT_EQ(kept.source_file, "b.txt");
        ASSERT_EQ(problems.count(), 1u);
        EXPECT_EQ(problems.problems()[0].reason, "duplicate-episode");
        EXPECT_EQ(problems.problems()[0].where.file, "a.txt");
    }
}

// Thousands of episodes in no order, some read twice: each id once, in id order, every
// kept record whole (they are moved into place on every core), each second reading
// reported against the first.
TEST(DeduplicateEpisodes, KeepsEveryIdOnceInIdOrderWholeOnEveryCore) {
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        constexpr std::size_t kEpisodes = 12000;
        std::vector<Episode> input;
        for (std::size_t i = 0; i < kEpisodes; ++i) {
            auto episode = make({.title = "Episode " + std::to_string(i * 7919 % kEpisodes),
                                 .items = {{"Name " + std::to_string(i), "Person", "About " + std::to_string(i)}},
                                 .summary = "Summary of episode " + std::to_string(i) + ", long enough to be on the heap",
                                 .tags = {"tag" + std::to_string(i % 7)}});
            episode.source_file = "a.txt";
            episode.source_line = static_cast<std::uint32_t>(i + 1);
            input.push_back(episode);
            if (i % 40 == 0) {  // read again, bare: the first reading is the richer one
                auto bare = make({.title = episode.title, .with_list = false});
                bare.source_file = "b.txt";
                bare.source_line = static_cast<std::uint32_t>(i + 1);
                input.push_back(bare);
            }
        }
        auto expected = input;
        expected.erase(std::remove_if(expected.begin(), expected.end(), [](const Episode& e) { return e.source_file == "b.txt"; }),
                       expected.end());
        std::sort(expected.begin(), expected.end(), [](const Episode& a, const Episode& b) { return a.id < b.id; });
        ProblemLog problems;
        const auto unique = deduplicate_episodes(input, problems);
        ASSERT_EQ(unique.size(), kEpisodes) << threads << " threads";
        for (std::size_t k = 0; k < kEpisodes; ++k) ASSERT_EQ(unique[k], expected[k]) << k << ", " << threads << " threads";
        ASSERT_EQ(problems.count(), kEpisodes / 40);
        for (const auto& problem : problems.problems()) {
            EXPECT_EQ(problem.reason, "duplicate-episode");
            EXPECT_EQ(problem.where.file, "b.txt");
            EXPECT_NE(problem.message.find("already read at a.txt:" + std::to_string(problem.where.line)), std::string::npos)
                << problem.message;
        }
    }
    set_thread_count(0);
}

// The id index grows as nodes come (from 16 slots, kept at most half full) or is sized
// at once: either way every id finds its own vertex, an id never added finds none, and
// a second node with a taken id is refused, the first keeping its vertex.
TEST(PropertyGraph, FindsEveryIdAsTheIndexGrows) {
    for (const bool reserved : {false, true}) {
        PropertyGraph graph;
        constexpr std::size_t kNodes = 5000;
        if (reserved) graph.reserve_nodes(kNodes);
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < kNodes; ++i) {
            // Short ids (kept inside the string) and long ones, in no order.
            ids.push_back(i % 2 == 0 ? "p:" + std::to_string(i * 7919 % kNodes)
                                     : "organization:a-rather-long-id-" + std::to_string(i));
            Node node;
            node.id = ids.back();
            node.label = NodeLabel::Person;
            EXPECT_EQ(graph.add_node(std::move(node)), i);
        }
        for (std::size_t i = 0; i < kNodes; ++i) {
            const auto found = graph.find(ids[i]);
            ASSERT_TRUE(found.has_value()) << ids[i];
            EXPECT_EQ(*found, i) << ids[i];
        }
        EXPECT_FALSE(graph.find("p:5000").has_value());
        EXPECT_FALSE(graph.find("").has_value());
        Node again;
        again.id = ids[4321];
        EXPECT_THROW(graph.add_node(std::move(again)), InputError);
        EXPECT_EQ(graph.node_count(), kNodes);
        EXPECT_EQ(graph.find(ids[4321]), std::optional<PropertyGraph::Vertex>(4321));
    }
    EXPECT_FALSE(PropertyGraph().find("p:1").has_value()) << "an empty graph finds nothing";
}

// Nodes added as a list take the vertices one add_node after another would, in the
// list's order, on any number of threads; an id taken (before, or twice in the list)
// is refused and leaves the graph as it was.
TEST(PropertyGraph, AddsAListOfNodesAsOneByOne) {
    const auto make_nodes = [](std::size_t count, std::size_t salt) {
        std::vector<Node> nodes(count);
        for (std::size_t i = 0; i < count; ++i) {
            // Short ids (kept inside the string) and long ones, in no order; each list its own.
            const bool short_id = i % 3 == 0;
            auto& id = nodes[i].id;
            id = short_id ? "p" : "organization:a-rather-long-id-";
            id += std::to_string(salt);
            id += short_id ? ":" : "-";
            id += std::to_string(short_id ? i * 7919 % 100000 : i);
            nodes[i].label = NodeLabel::Person;
            nodes[i].name = std::to_string(i);
        }
        return nodes;
    };
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        PropertyGraph one_by_one;
        PropertyGraph listed;
        for (auto& node : make_nodes(700, 1)) {  // some before, added singly to both
            one_by_one.add_node(node);
            listed.add_node(node);
        }
        auto nodes = make_nodes(9000, 2);
        const auto copies = nodes;
        std::vector<std::uint32_t> order(nodes.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>((i * 4099) % order.size());
        for (const auto position : order) one_by_one.add_node(copies[position]);
        listed.add_nodes(nodes, order);
        ASSERT_EQ(listed.node_count(), one_by_one.node_count());
        for (PropertyGraph::Vertex vertex = 0; vertex < listed.node_count(); ++vertex) {
            ASSERT_EQ(listed.node(vertex), one_by_one.node(vertex)) << vertex;
            EXPECT_EQ(listed.find(listed.node(vertex).id), std::optional(vertex));
        }
        EXPECT_EQ(listed.nodes_in_order(), one_by_one.nodes_in_order());

        // Taken ids: one already in the graph, then one twice in the list. Refused, the
        // list leaves nothing behind: with its taken id changed, it then goes in whole.
        for (const auto& taken_at : {std::size_t{5}, std::size_t{120}}) {
            auto trial = listed;
            auto more = make_nodes(200, 3);
            more[150].id = taken_at == 5 ? trial.node(42).id : more[taken_at].id;
            std::vector<std::uint32_t> all(more.size());
            for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint32_t>(i);
            const auto count = trial.node_count();
            EXPECT_THROW(trial.add_nodes(more, all), InputError);
            EXPECT_EQ(trial.node_count(), count);
            for (PropertyGraph::Vertex vertex = 0; vertex < count; ++vertex)
                ASSERT_EQ(trial.find(trial.node(vertex).id), std::optional(vertex)) << vertex;
            EXPECT_EQ(trial.nodes_in_order(), one_by_one.nodes_in_order());
            more = make_nodes(200, 3);
            more[150].id = "p3:instead";
            ASSERT_NO_THROW(trial.add_nodes(more, all));
            EXPECT_EQ(trial.node_count(), count + 200);
            EXPECT_EQ(trial.find("p3:instead"), std::optional(static_cast<PropertyGraph::Vertex>(count + 150)));
        }
    }
    set_thread_count(0);
}

TEST(PropertyGraph, FreezeKeepsEachRelationshipWithItsEndsInTheOrderAdded) {
    PropertyGraph graph;
    const auto node = [&](const std::string& id) { return add_person(graph, id); };
    const auto ann = node("person:ann");
    const auto bob = node("person:bob");
    const auto cy = node("person:cy");
    // Added out of source order, with counts telling them apart.
    const std::vector<std::pair<PropertyGraph::Vertex, PropertyGraph::Vertex>> ends = {
        {cy, ann}, {ann, bob}, {cy, bob}, {ann, cy}, {bob, ann}, {cy, ann}};
    for (std::size_t i = 0; i < ends.size(); ++i) {
        Relationship mention(RelType::Mentions);
        mention.set_count(static_cast<std::uint32_t>(i));
        graph.add_relationship(ends[i].first, ends[i].second, mention);
    }
    EXPECT_THROW(static_cast<void>(graph.graph()), Error);
    graph.freeze();
    EXPECT_THROW(graph.add_relationship(ann, bob, Relationship(RelType::Mentions)), Error);
    EXPECT_THROW(node("person:dee"), Error);

    ASSERT_EQ(graph.relationship_count(), ends.size());
    std::vector<std::uint32_t> out_of_cy;
    for (const auto edge : boost::make_iterator_range(boost::out_edges(cy, graph.graph()))) {
        const auto& relationship = graph.relationship(edge);
        EXPECT_EQ(ends[relationship.count()], std::make_pair(cy, boost::target(edge, graph.graph())));
        out_of_cy.push_back(relationship.count());
    }
    EXPECT_EQ(out_of_cy, (std::vector<std::uint32_t>{0, 2, 5}));
    std::vector<std::uint32_t> into_ann;
    for (const auto edge : boost::make_iterator_range(boost::in_edges(ann, graph.graph()))) {
        const auto& relationship = graph.relationship(edge);
        EXPECT_EQ(ends[relationship.count()], std::make_pair(boost::source(edge, graph.graph()), ann));
        into_ann.push_back(relationship.count());
    }
    EXPECT_EQ(into_ann, (std::vector<std::uint32_t>{4, 0, 5}));  // by source, then as added
    std::set<std::uint32_t> all;
    for (const auto edge : boost::make_iterator_range(boost::edges(graph.graph()))) all.insert(graph.relationship(edge).count());
    EXPECT_EQ(all.size(), ends.size());
    // Writers' order: (type, source id, target id), ties as added.
    std::vector<std::uint32_t> written;
    for (const auto edge : graph.relationships_in_order()) written.push_back(graph.relationship(edge).count());
    EXPECT_EQ(written, (std::vector<std::uint32_t>{1, 3, 4, 0, 5, 2}));
}

TEST(PropertyGraph, RelationshipsPlacedByPositionGoInAsIfAddedInThatOrder) {
    PropertyGraph graph;
    const auto ann = add_person(graph, "person:ann");
    const auto bob = add_person(graph, "person:bob");
    const auto cy = add_person(graph, "person:cy");
    graph.add_relationship(cy, ann, Relationship(RelType::Mentions));  // before the batch
    // Weights tell the relationships apart: position p gets weight p + 1.
    const std::vector<std::pair<PropertyGraph::Vertex, PropertyGraph::Vertex>> ends = {
        {ann, cy}, {ann, bob}, {cy, bob}, {ann, cy}};
    graph.add_relationships_by_position(ends.size(), RelType::AssociatedWith, [&](const auto& place) {
        for (const std::size_t position : {2, 0, 3, 1}) {
            Relationship association(RelType::AssociatedWith);
            association.set_weight(static_cast<std::uint32_t>(position + 1));
            place(position, ends[position].first, ends[position].second, std::move(association));
        }
    });
    graph.add_relationship(bob, ann, Relationship(RelType::Mentions));  // after it
    graph.freeze();
    ASSERT_EQ(graph.relationship_count(), 6U);
    std::vector<std::uint32_t> out_of_ann;  // in the order added: by position
    for (const auto edge : boost::make_iterator_range(boost::out_edges(ann, graph.graph()))) {
        const auto& relationship = graph.relationship(edge);
        ASSERT_EQ(relationship.type, RelType::AssociatedWith);
        EXPECT_EQ(ends[relationship.weight() - 1].second, boost::target(edge, graph.graph()));
        out_of_ann.push_back(relationship.weight());
    }
    EXPECT_EQ(out_of_ann, (std::vector<std::uint32_t>{1, 2, 4}));
    std::vector<RelType> into_ann;
    for (const auto edge : boost::make_iterator_range(boost::in_edges(ann, graph.graph())))
        into_ann.push_back(graph.relationship(edge).type);
    EXPECT_EQ(into_ann, (std::vector<RelType>{RelType::Mentions, RelType::Mentions}));
}

TEST(PropertyGraph, RelationshipsPlacedTwiceOutsideTheirBatchOrNotAtAllAreRefused) {
    // Returns the relationships of a graph frozen after a batch placing `positions`: a
    // refused batch leaves only the relationship added before it.
    const auto placing = [](const std::vector<std::size_t>& positions, RelType type) {
        PropertyGraph graph;
        const auto ann = add_person(graph, "person:ann");
        const auto bob = add_person(graph, "person:bob");
        graph.add_relationship(bob, ann, Relationship(RelType::Mentions));
        std::optional<ErrorCategory> refused;
        try {
            graph.add_relationships_by_position(2, RelType::AssociatedWith, [&](const auto& place) {
                for (const auto position : positions) place(position, ann, bob, Relationship(type));
            });
        } catch (const Error& error) {
            refused = error.category();
        }
        graph.freeze();
        return std::make_pair(refused, graph.relationship_count());
    };
    EXPECT_EQ(placing({1, 0}, RelType::AssociatedWith), std::make_pair(std::optional<ErrorCategory>{}, std::size_t{3}));
    const auto refused = std::make_pair(std::optional<ErrorCategory>{ErrorCategory::internal}, std::size_t{1});
    for (const auto& positions : std::vector<std::vector<std::size_t>>{{0}, {0, 0}, {0, 2}, {}})
        EXPECT_EQ(placing(positions, RelType::AssociatedWith), refused) << positions.size() << " positions";
    EXPECT_EQ(placing({0, 1}, RelType::Mentions), refused) << "another type";
}

TEST(PropertyGraph, WritersOrderLargeGraphsAddedOutOfOrderAnywhere) {
    // Whether relationships came in the writers' order is checked in parts on every
    // core: one pair out of order at any place, a part's first included, must be found.
    for (const std::size_t swapped : {std::size_t{1}, std::size_t{65'536}, std::size_t{65'537}, std::size_t{199'999}}) {
        SCOPED_TRACE("out of order at " + std::to_string(swapped));
        PropertyGraph graph;
        std::vector<PropertyGraph::Vertex> people;
        for (int i = 0; i < 500; ++i) people.push_back(add_person(graph, "person:" + std::to_string(100'000 + i)));
        std::vector<std::pair<PropertyGraph::Vertex, PropertyGraph::Vertex>> ends;
        for (std::size_t from = 0; from < people.size() && ends.size() < 200'000; ++from)
            for (std::size_t to = 0; to < people.size() && ends.size() < 200'000; ++to)
                ends.emplace_back(people[from], people[to]);
        std::swap(ends[swapped - 1], ends[swapped]);
        for (const auto& [from, to] : ends) graph.add_relationship(from, to, Relationship(RelType::Mentions));
        graph.freeze();
        const auto& order = graph.relationships_in_order();
        ASSERT_EQ(order.size(), ends.size());
        for (std::size_t i = 1; i < order.size(); ++i) {
            const auto previous = std::make_pair(boost::source(order[i - 1], graph.graph()),
                                                 boost::target(order[i - 1], graph.graph()));
            const auto current = std::make_pair(boost::source(order[i], graph.graph()),
                                                boost::target(order[i], graph.graph()));
            ASSERT_LT(previous, current) << "at " << i;
        }
    }
}

TEST(PropertyGraph, CoAppearanceAndWritersFollowIdsWhateverTheOrderNodesCameIn) {
    // Added in id order (as the builder and the reader add them) and not: vertex
    // order then is, and then is not, id order.
    for (const bool ascending : {true, false}) {
        PropertyGraph graph;
        const auto node = [&](const std::string& id) { return add_person(graph, id); };
        std::vector<std::string> ids = {"person:ann", "person:bob", "person:cy"};
        if (!ascending) std::reverse(ids.begin(), ids.end());
        for (const auto& id : ids) node(id);
        try {
            node("person:bob");
            ADD_FAILURE() << "a second node with the id of another";
        } catch (const InputError& error) {
            EXPECT_STREQ(error.what(), "parse error: graph: node id 'person:bob' appears twice");
        }
        EXPECT_EQ(graph.node_count(), 3u);
        const auto ann = *graph.find("person:ann");
        const auto bob = *graph.find("person:bob");
        const auto cy = *graph.find("person:cy");
        Relationship pair(RelType::CoAppearsWith);
        pair.set_weight(1);
        graph.add_relationship(cy, ann, pair);  // stored from the smaller id
        pair.set_weight(2);
        graph.add_relationship(bob, cy, pair);
        graph.freeze();
        std::vector<std::string> nodes;
        for (const auto vertex : graph.nodes_in_order()) nodes.push_back(graph.node(vertex).id);
        EXPECT_EQ(nodes, (std::vector<std::string>{"person:ann", "person:bob", "person:cy"})) << ascending;
        std::vector<std::pair<std::string, std::string>> written;
        for (const auto edge : graph.relationships_in_order())
            written.emplace_back(graph.node(boost::source(edge, graph.graph())).id,
                                 graph.node(boost::target(edge, graph.graph())).id);
        EXPECT_EQ(written, (std::vector<std::pair<std::string, std::string>>{{"person:ann", "person:cy"},
                                                                            {"person:bob", "person:cy"}}))
            << ascending;
        EXPECT_EQ(graph.relationship(graph.relationships_in_order()[0]).weight(), 1u);
    }
}

TEST(Relationship, TypesShareRoomForPropertiesNoTypeCarriesTogether) {
    Relationship mention(RelType::Mentions);
    mention.set_timestamps_s({60, 4185});
    mention.set_count(3);
    EXPECT_EQ(mention.timestamps_s(), (std::vector<std::uint32_t>{60, 4185}));
    EXPECT_EQ(mention.count(), 3u);
    EXPECT_TRUE(mention.episodes().empty()) << "a mention's timestamps are not episodes";
    EXPECT_EQ(mention.weight(), 0u) << "a mention's count is not a weight";

    Relationship pair(RelType::CoAppearsWith);
    pair.set_episodes({7, 9});
    pair.set_weight(2);
    EXPECT_EQ(pair.episodes(), (std::vector<std::uint32_t>{7, 9}));
    EXPECT_EQ(pair.weight(), 2u);
    EXPECT_TRUE(pair.timestamps_s().empty());
    EXPECT_EQ(pair.count(), 0u);

    const auto internal_error = [](const auto& set) {
        try {
            set();
        } catch (const Error& error) {
            return error.category() == ErrorCategory::internal;
        }
        return false;
    };
    EXPECT_TRUE(internal_error([&] { pair.set_count(1); }));
    EXPECT_TRUE(internal_error([&] { pair.set_timestamps_s({1}); }));
    EXPECT_TRUE(internal_error([&] { mention.set_weight(1); }));
    EXPECT_TRUE(internal_error([&] { mention.set_episodes({1}); }));
    Relationship tag(RelType::Tagged);
    EXPECT_TRUE(internal_error([&] { tag.set_weight(1); }));
    EXPECT_EQ(pair.weight(), 2u) << "a refused property changes nothing";
    EXPECT_EQ(mention.count(), 3u);
}

TEST(EvidenceSet, ListsNamesSortedWhateverTheInsertionOrder) {
    EvidenceSet evidence;
    EXPECT_TRUE(evidence.empty());
    for (const auto item : {Evidence::Title, Evidence::Chapter, Evidence::Quote, Evidence::Title, Evidence::EntityList})
        evidence.insert(item);
    EXPECT_EQ(evidence.names(), (Strings{"chapter", "entity-list", "quote", "title"}));
    EXPECT_TRUE(evidence.contains(Evidence::Quote));
    EXPECT_FALSE(evidence.contains(Evidence::Summary));
    EXPECT_EQ(evidence, (EvidenceSet{Evidence::EntityList, Evidence::Chapter, Evidence::Quote, Evidence::Title}));
    for (const auto name : {"chapter", "description", "entity-list", "quote", "summary", "title"})
        EXPECT_EQ(evidence_name(parse_evidence(name).value()), name);
    EXPECT_FALSE(parse_evidence("Title").has_value());
}

TEST(GraphFile, RoundTripsByteForByte) {
    const auto episode = make({.title = "Quotes \"and\" \\ back\nslash 🎙",
                               .guests = {{"Kyle Daigle", "GitHub"}},
                               .items = {{"Kyle Daigle", "Person", "COO of GitHub; host of nothing"},
                                         {"GitHub", "Organization", "<script>alert(1)</script>"}},
                               .summary = "Kyle Daigle on GitHub.",
                               .chapters = {{61, "GitHub", "text"}},
                               .tags = {"github"}});
    const auto graph = build({episode}).graph;
    const auto bytes = graph_bytes(graph);
    const auto reread = read_graph(bytes, "test.json");
    EXPECT_EQ(graph_bytes(reread), bytes);
    EXPECT_EQ(reread.node_count(), graph.node_count());
    EXPECT_EQ(reread.relationship_count(), graph.relationship_count());
    EXPECT_EQ(reread.node(*reread.find("organization:github")), graph.node(*graph.find("organization:github")));
}

// Node lines and sightings are put together without building JSON values: their
// bytes must stay those the JSON library writes, whatever the text holds.
TEST(GraphFile, NodeLinesAreTheBytesOfTheJsonLibrary) {
    auto first = make({.title = "Tab\there, quote \" and \\ back; DEL \x7f, bell \x07, Café 🎙 漢字",
                       .items = {{"Zoë \"Q\" Ångström", "Personne", "dit « bonjour »\u2028ligne; NUL-free \x1f"},
                                 {"Back\\slash", "Software", ""}},
                       .summary = "line\nbreak \r return",
                       .tags = {"ünïcode"}});
    first.duration_s = 3601;
    const auto second = make({.title = "Plain", .items = {{"Back\\slash", "Software", "again"}}});
    const auto graph = build({first, second}).graph;
    const auto bytes = graph_bytes(graph);
    std::istringstream lines(bytes);
    std::size_t checked = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{\"id\":", 0) != 0) continue;
        if (line.back() == ',') line.pop_back();
        EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(-1), line);
        ++checked;
    }
    EXPECT_GE(checked, 6u);  // two episodes, a podcast, a topic, two entities
    EXPECT_NE(bytes.find("\"duration_s\":3601"), std::string::npos);
    EXPECT_NE(bytes.find("\"duration_s\":null"), std::string::npos);

    // Invalid UTF-8 cannot reach a graph, but the text form still replaces it as the library does.
    const std::vector<Sighting> sightings = {
        {*graph.find(first.id), SightingSource::EntityList, 0, "bad \xC3\x28 byte", "T\xED\xA0\x80",
         "overlong \xC0\xAF and \xF8\x88\x80\x80\x80"},
        {*graph.find(second.id), SightingSource::Title, 4294967295u, "Zoë \"Q\"", "guest", "\x01\x7f\\/"},
    };
    EXPECT_EQ(sightings_json_text(graph, sightings),
              sightings_json(graph, sightings).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    EXPECT_NE(sightings_json_text(graph, sightings).find("\"episode\":\"" + second.id + "\",\"source\":\"title\""),
              std::string::npos);
    EXPECT_EQ(sightings_json_text(graph, {}), "[]");
}

// Records are taken as the parser completes them; a file whose relationships come
// before its nodes (JSON does not order keys) still reads the same.
TEST(GraphFile, KeyOrderDoesNotMatter) {
    const auto episode = make({.title = "One", .items = {{"Zed", "Software", ""}, {"MCP", "Concept", ""}}, .tags = {"AI"}});
    const auto bytes = graph_bytes(build({episode}).graph);
    const auto parsed = nlohmann::ordered_json::parse(bytes);
    nlohmann::ordered_json reordered;
    for (const auto* key : {"relationships", "id_changes", "nodes", "version", "format"}) reordered[key] = parsed[key];
    EXPECT_EQ(graph_bytes(read_graph(reordered.dump(2), "reordered.json")), bytes);
}

TEST(GraphFile, BadFilesAreNamedWithWhereAndWhat) {
    const auto episode = make({.title = "One", .items = {{"Zed", "Software", ""}, {"MCP", "Concept", ""}}});
    const auto bytes = graph_bytes(build({episode}).graph);
    struct Row {
        std::string text;
        std::string expected;  // part of the message
    };
    auto replaced = [&](const std::string& from, const std::string& to) {
        auto copy = bytes;
        const auto at = copy.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return copy.replace(at, from.size(), to);
    };
    const std::vector<Row> rows = {
        {"{\"format\":\"castgraph-graph\",\n\"version\":1,\n\"nodes\":[", "g.json:3:10: not a graph file: malformed JSON"},
        {"{\"format\":\"castgraph-episodes\",\"version\":1}", "g.json: /format: not a castgraph graph file"},
        {replaced("\"version\":1", "\"version\":2"), "g.json: /version: unsupported version"},
        {replaced("\"label\":\"Software\"", "\"label\":\"Gadget\""), "g.json: /nodes/3/label: unknown label 'Gadget'"},
        {replaced("\"to\":\"software:zed\"", "\"to\":\"software:zen\""), "no node has id 'software:zen'"},
        {replaced("\"type\":\"MENTIONS\"", "\"type\":\"LIKES\""), "unknown relationship type 'LIKES'"},
        {replaced("\"evidence\":[\"entity-list\"]", "\"evidence\":[\"rumour\"]"), "/evidence/0: unknown evidence 'rumour'"},
        {replaced("\"weight\":1,\"episodes\":[\"", "\"weight\":1,\"episodes\":[\"software:zed\",\""),
         "/episodes/0: no Episode node has id 'software:zed'"},
        {replaced("\"episode_count\":1", "\"episode_count\":-1"), "/episode_count: expected a non-negative integer"},
        {replaced("\"source\":\"entity-list\"", "\"source\":\"rumour\""),
         "g.json: /nodes/0/sightings/0/source: unknown sighting source 'rumour'"},
        {replaced("\"sightings\":[{\"episode\":\"episode:", "\"sightings\":[{\"episode\":\"episode:gone-"),
         "g.json: /nodes/0/sightings/0/episode: no Episode node has id 'episode:gone-"},
        {replaced("\"sightings\":[{\"episode\":\"episode:test-show/one\"", "\"sightings\":[{\"episode\":\"software:zed\""),
         "g.json: /nodes/0/sightings/0/episode: no Episode node has id 'software:zed'"},
        {"{\"format\":\"castgraph-graph\",\"version\":1,\"nodes\":5,\"relationships\":[]}", "g.json: /nodes: expected an array"},
        {"{\"format\":\"castgraph-graph\",\"version\":1,\"nodes\":[]}", "g.json: /relationships: missing"},
    };
    for (const auto& row : rows) {
        try {
            read_graph(row.text, "g.json");
            ADD_FAILURE() << "accepted: " << row.expected;
        } catch (const InputError& error) {
            EXPECT_NE(std::string(error.what()).find(row.expected), std::string::npos) << error.what();
        }
    }
}

TEST(PreviousGraph, KnownEntitiesKeepTheirIdsAndMergesAreReported) {
    // First build: Clawdbot and Moltbot are two entities.
    const auto first = make({.title = "First", .items = {{"Clawdbot", "Software", "An agent"},
                                                         {"Moltbot", "Software", "Another agent"}}});
    const auto v1 = build({first}).graph;
    ASSERT_TRUE(v1.find("software:clawdbot"));
    ASSERT_TRUE(v1.find("software:moltbot"));

    // Second build: the project is now OpenClaw, and the alias file says all three
    // names are one thing, so the canonical name changes and the two known ids merge.
    const auto second = make({.title = "Second", .items = {{"OpenClaw", "Software", "The agent"}}});
    const auto third = make({.title = "Third", .items = {{"OpenClaw", "Software", "The agent"}}});
    ResolveOptions options;
    options.aliases.entities.push_back({"OpenClaw", EntityKind::Software, {"Clawdbot", "Moltbot"}});
    const auto without_previous = build({first, second, third}, options);
    EXPECT_TRUE(without_previous.graph.find("software:openclaw"));

    const auto v2 = build({first, second, third}, options, &v1);
    EXPECT_FALSE(v2.graph.find("software:openclaw")) << "a known entity keeps its id";
    ASSERT_TRUE(v2.graph.find("software:clawdbot"));
    EXPECT_EQ(v2.graph.node(*v2.graph.find("software:clawdbot")).name, "OpenClaw");
    EXPECT_EQ(v2.report.merged_ids, (std::vector<IdChange>{{"software:moltbot", "software:clawdbot"}}));
    EXPECT_EQ(v2.graph.id_changes, v2.report.merged_ids);
    EXPECT_EQ(v2.report.renamed_ids.at("software:openclaw"), "software:clawdbot");

    // Third build on top of the second: ids stay, the earlier merge is carried forward,
    // and a new entity named like a retired id does not take it.
    const auto fourth = make({.title = "Fourth", .items = {{"Moltbot", "Concept", "A meme"}}});
    const auto v3 = build({first, second, third, fourth}, options, &v2.graph);
    EXPECT_TRUE(v3.graph.find("software:clawdbot"));
    EXPECT_EQ(v3.graph.id_changes, v2.graph.id_changes);
    EXPECT_TRUE(v3.graph.find("concept:moltbot")) << "other kind family, other id";
    EXPECT_TRUE(v3.report.merged_ids.empty());

    // Building the same input on top of itself changes nothing.
    EXPECT_EQ(graph_bytes(build({first, second, third}, options, &v2.graph).graph), graph_bytes(v2.graph));
}

TEST(PreviousGraph, FreshEntityNeverReusesAnIdOfSomethingElse) {
    const auto first = make({.title = "First", .items = {{"Acme", "Organization", ""}}});
    const auto v1 = build({first}).graph;
    // Acme is now called Acme Corp everywhere; a different "Acme" no longer exists,
    // but a new entity whose slug equals a retired id must not take it.
    const auto second = make({.title = "Second", .items = {{"Acme Labs", "Organization", ""}}});
    const auto v2 = build({second}, {}, &v1);
    EXPECT_TRUE(v2.graph.find("organization:acme-labs"));
    EXPECT_EQ(v2.report.kept_ids, 0u);
}

class SampleGraph : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ProblemLog problems;
        episodes_ = new std::vector<Episode>(
            deduplicate_episodes(parse_listing(test::read_text(test::sample_path()), "sample", problems), problems));
        ResolveOptions options;
        options.aliases = parse_aliases(test::read_text(std::string(CASTGRAPH_EXAMPLES_DIR) + "/aliases.json"), "aliases");
        result_ = new BuildResult(build_graph(*episodes_, resolve_entities(*episodes_, options)));
    }
    static void TearDownTestSuite() {
        delete result_;
        delete episodes_;
    }
    static const PropertyGraph& graph() { return result_->graph; }
    static std::string episode_titled(const std::string& prefix) {
        for (const auto& episode : *episodes_)
            if (episode.title.rfind(prefix, 0) == 0) return episode.id;
        throw std::runtime_error("no episode titled " + prefix);
    }

    static std::vector<Episode>* episodes_;
    static BuildResult* result_;
};
std::vector<Episode>* SampleGraph::episodes_ = nullptr;
BuildResult* SampleGraph::result_ = nullptr;

TEST_F(SampleGraph, OpenClawIsMentionedByTheGitHubEpisodeAtItsChapters) {
    const auto github = episode_titled("GitHub's Agent Era");
    const auto* mention = find_rel(graph(), RelType::Mentions, github, "software:openclaw");
    ASSERT_NE(mention, nullptr);
    EXPECT_TRUE(mention->in_entity_list);
    EXPECT_EQ(mention->timestamps_s(), (std::vector<std::uint32_t>{4185, 4470}));
    EXPECT_EQ(mention->evidence.names(), (Strings{"chapter", "entity-list"}));
    EXPECT_NE(find_rel(graph(), RelType::GuestOn, "person:kyle-daigle", github), nullptr);
    EXPECT_NE(find_rel(graph(), RelType::Hosted, "person:swyx", github), nullptr);
}

TEST_F(SampleGraph, HostsAndGuests) {
    std::set<std::string> swyx_hosted;
    std::set<std::pair<std::string, std::string>> guest_pairs, host_pairs;
    for (const auto edge : boost::make_iterator_range(boost::edges(graph().graph()))) {
        const auto& relationship = graph().relationship(edge);
        const auto& from = graph().node(boost::source(edge, graph().graph())).id;
        const auto& to = graph().node(boost::target(edge, graph().graph())).id;
        if (relationship.type == RelType::GuestOn) guest_pairs.emplace(from, to);
        if (relationship.type == RelType::Hosted) host_pairs.emplace(from, to);
        if (relationship.type == RelType::Hosted && from == "person:swyx") swyx_hosted.insert(to);
    }
    EXPECT_EQ(swyx_hosted.size(), 6u);
    for (const auto& pair : host_pairs) EXPECT_FALSE(guest_pairs.contains(pair)) << pair.first << " " << pair.second;
    const auto war = episode_titled("The Next War");
    EXPECT_TRUE(host_pairs.contains({"person:noah-smith", war})) << "co-host for this episode";
    EXPECT_TRUE(guest_pairs.contains({"person:yaroslav-azhnyuk", war}));
    EXPECT_FALSE(host_pairs.contains({"person:jacob-effron", episode_titled("Dans les coulisses")}))
        << "host of another podcast";
    EXPECT_EQ(guest_pairs.size(), 14u);
    EXPECT_EQ(host_pairs.size(), 11u);
}

TEST_F(SampleGraph, DaytonaEpisodeHasMentionsFromItsText) {
    const auto daytona = episode_titled("AI Agents Need Computers");
    const auto* mention = find_rel(graph(), RelType::Mentions, daytona, "organization:daytona");
    ASSERT_NE(mention, nullptr);
    EXPECT_FALSE(mention->in_entity_list);
    EXPECT_NE(find_rel(graph(), RelType::GuestOn, "person:ivan-burazin", daytona), nullptr);
    EXPECT_NE(find_rel(graph(), RelType::AffiliatedWith, "person:ivan-burazin", "organization:daytona"), nullptr);
}

TEST_F(SampleGraph, CountsByLabelAndType) {
    const auto stats = compute_stats(graph());
    std::map<std::string, std::size_t> labels, types;
    for (const auto& [label, count] : stats.nodes_by_label) labels[std::string(label_name(label))] = count;
    for (const auto& [type, count] : stats.relationships_by_type) types[std::string(rel_type_name(type))] = count;
    EXPECT_EQ(labels["Episode"], 12u);
    EXPECT_EQ(labels["Podcast"], 1u);
    EXPECT_EQ(types["PART_OF"], 12u);
    EXPECT_EQ(types["TAGGED"], 30u);
    // Every entity-list item is behind one MENTIONS edge with in_entity_list.
    std::size_t listed = 0;
    for (const auto edge : boost::make_iterator_range(boost::edges(graph().graph())))
        if (graph().relationship(edge).type == RelType::Mentions && graph().relationship(edge).in_entity_list)
            listed += 1;
    std::set<std::pair<std::string, std::string>> listed_pairs;
    for (const auto& episode : *episodes_) {
        if (!episode.entity_list) continue;
        for (const auto& vertex : graph().nodes_in_order()) {
            const auto& node = graph().node(vertex);
            for (const auto& sighting : node.sightings)
                if (graph().node(sighting.episode).id == episode.id && sighting.source == SightingSource::EntityList)
                    listed_pairs.emplace(episode.id, node.id);
        }
    }
    EXPECT_EQ(listed, listed_pairs.size());
    EXPECT_EQ(stats.top_entities.front().id, "person:swyx");
}

TEST_F(SampleGraph, SameBytesWhateverTheEpisodeOrder) {
    const auto expected = graph_bytes(graph());
    ResolveOptions options;
    options.aliases = parse_aliases(test::read_text(std::string(CASTGRAPH_EXAMPLES_DIR) + "/aliases.json"), "aliases");
    auto shuffled = *episodes_;
    std::mt19937 random(7);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        EXPECT_EQ(graph_bytes(build_graph(shuffled, resolve_entities(shuffled, options)).graph), expected);
    }
    EXPECT_EQ(graph_bytes(read_graph(expected, "sample")), expected);
}

// Episodes handed over without their resolution would leave its mentions viewing
// texts the builder lets go: both or neither.
template <class Episodes, class Resolution>
concept Buildable = requires(Episodes&& episodes, Resolution&& resolution) {
    build_graph(std::forward<Episodes>(episodes), std::forward<Resolution>(resolution));
};
static_assert(Buildable<const std::vector<Episode>&, const ResolutionResult&>);
static_assert(Buildable<std::vector<Episode>, ResolutionResult>);
static_assert(!Buildable<std::vector<Episode>, const ResolutionResult&>);

TEST_F(SampleGraph, EpisodesHandedOverGiveTheSameGraph) {
    ResolveOptions options;
    options.aliases = parse_aliases(test::read_text(std::string(CASTGRAPH_EXAMPLES_DIR) + "/aliases.json"), "aliases");
    auto both_handed_over = *episodes_;
    auto resolution_handed_over = resolve_entities(both_handed_over, options);
    const auto built_from_both = build_graph(std::move(both_handed_over), std::move(resolution_handed_over));
    EXPECT_EQ(graph_bytes(built_from_both.graph), graph_bytes(graph()));
    EXPECT_EQ(built_from_both.report.text_mentions, result_->report.text_mentions);
}

}  // namespace
}  // namespace castgraph
