#include "internal/graph_file_layout.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "castgraph/graph_json.hpp"
#include "castgraph/parallel.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

std::string bytes_of(const PropertyGraph& graph) {
    std::ostringstream out;
    write_graph(graph, out);
    return out.str();
}

// Every label and relationship type, texts that need escaping, and enough records
// to fill several of the layout reader's chunks.
PropertyGraph large_graph(std::size_t episode_count) {
    PropertyGraph graph;
    const auto node = [&](std::string id, NodeLabel label, std::string name) {
        Node added;
        added.id = std::move(id);
        added.label = label;
        added.name = std::move(name);
        return added;
    };
    const auto podcast = graph.add_node(node("podcast:show", NodeLabel::Podcast, "The \"Show\""));
    const auto topic = graph.add_node(node("topic:agents", NodeLabel::Topic, "agents"));
    auto org = node("organization:lab", NodeLabel::Organization, "Lab — Ångström");
    org.aliases = {"The Lab", "LAB"};
    org.source_types = {"Organization"};
    const auto lab = graph.add_node(org);
    std::vector<PropertyGraph::Vertex> people;
    for (std::size_t p = 0; p < 300; ++p) {
        auto person = node("person:p" + std::to_string(p), NodeLabel::Person, "Zoë \"" + std::to_string(p) + "\" ⚡");
        person.aliases = {"Z" + std::to_string(p)};
        person.source_types = {"Person", "Personne"};
        person.episode_count = static_cast<std::uint32_t>(p);
        people.push_back(graph.add_node(person));
    }
    std::vector<PropertyGraph::Vertex> episodes;
    for (std::size_t e = 0; e < episode_count; ++e) {
        auto episode = node("episode:show/e" + std::to_string(e), NodeLabel::Episode, "Épisode " + std::to_string(e) + " \\ 🎙");
        episode.podcast = "The \"Show\"";
        episode.published = "2 days ago";
        if (e % 2 == 0) episode.duration_s = static_cast<std::uint32_t>(e);
        episode.languages = {"en", "fr"};
        episode.summary = "line\nbreak";
        episodes.push_back(graph.add_node(episode));
    }
    // Sightings name episodes that come after them in the file.
    for (std::size_t p = 0; p < people.size(); ++p) {
        const auto seen_in = episodes[p % episodes.size()];
        graph.node(people[p]).sightings = {
            {seen_in, SightingSource::EntityList, 3, "Zoë", "Personne", "dit \"bonjour\"\n\tà tous"},
            {seen_in, SightingSource::Title, 0, "Zoë", "guest", ""}};
    }
    for (std::size_t e = 0; e < episode_count; ++e) {
        const auto person = people[e % people.size()];
        graph.add_relationship(episodes[e], podcast, Relationship(RelType::PartOf));
        graph.add_relationship(episodes[e], topic, Relationship(RelType::Tagged));
        Relationship mention(RelType::Mentions);
        mention.in_entity_list = e % 3 == 0;
        mention.description = "a \"quoted\" description of " + std::to_string(e);
        mention.set_timestamps_s({60, static_cast<std::uint32_t>(e)});
        mention.evidence = {Evidence::EntityList, Evidence::Chapter};
        mention.set_count(2);
        graph.add_relationship(episodes[e], person, mention);
        Relationship guest(RelType::GuestOn);
        guest.evidence = {Evidence::Title};
        graph.add_relationship(person, episodes[e], guest);
    }
    for (std::size_t p = 0; p + 1 < people.size(); ++p) {
        Relationship pair(RelType::CoAppearsWith);
        pair.set_episodes(std::vector<std::uint32_t>{static_cast<std::uint32_t>(episodes[p]), static_cast<std::uint32_t>(episodes[p + 1])});
        pair.set_weight(2);
        graph.add_relationship(people[p], people[p + 1], pair);
        Relationship association(RelType::AssociatedWith);
        association.set_weight(3);
        graph.add_relationship(people[p], topic, association);
    }
    Relationship affiliation(RelType::AffiliatedWith);
    affiliation.evidence = {Evidence::Title};
    affiliation.set_episodes(std::vector<std::uint32_t>{static_cast<std::uint32_t>(episodes[0])});
    graph.add_relationship(people[0], lab, affiliation);
    Relationship host(RelType::Hosted);
    host.evidence = {Evidence::Description};
    graph.add_relationship(people[1], episodes[1], host);
    graph.id_changes = {{"person:old", "person:p1"}, {"person:older", "person:p2"}};
    graph.freeze();
    return graph;
}

TEST(GraphFileLayout, ReadsItsOwnLayoutTheSameOnAnyNumberOfThreads) {
    const auto bytes = bytes_of(large_graph(30000));
    ASSERT_GT(bytes.size(), std::size_t{12} << 20) << "several chunks of records";
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        const auto read = internal::read_graph_layout(bytes);
        ASSERT_TRUE(read) << threads << " threads";
        EXPECT_EQ(bytes_of(*read), bytes) << threads << " threads";
    }
    set_thread_count(0);
    // The same records laid out otherwise go the general way, to the same graph.
    const auto reformatted = nlohmann::ordered_json::parse(bytes).dump(2);
    EXPECT_FALSE(internal::read_graph_layout(reformatted));
    EXPECT_EQ(bytes_of(read_graph(reformatted, "g.json")), bytes);
}

TEST(GraphFileLayout, LeavesAnythingElseToTheGeneralReader) {
    const auto bytes = test::read_text(std::string(CASTGRAPH_GOLDEN_DIR) + "/sample.graph.json");
    ASSERT_TRUE(internal::read_graph_layout(bytes));
    const auto replaced = [&](const std::string& from, const std::string& to) {
        auto copy = bytes;
        const auto at = copy.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return at == std::string::npos ? copy : copy.replace(at, from.size(), to);
    };
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"a field given twice", replaced("{\"id\":\"person:alex-rives\"", "{\"id\":\"x\",\"id\":\"person:alex-rives\"")},
        {"a count written as a fraction", replaced("\"episode_count\":1,", "\"episode_count\":1.0,")},
        {"a count too large", replaced("\"episode_count\":1,", "\"episode_count\":4294967296,")},
        {"an escaped lone surrogate", replaced("\"name\":\"Alex Rives\"", "\"name\":\"Alex \\ud800Rives\"")},
        {"a comma after the last record", replaced("}\n],\n\"id_changes\"", "},\n],\n\"id_changes\"")},
        {"no comma between records", replaced("},\n{\"id\":\"person:alex-rives\"", "}\n{\"id\":\"person:alex-rives\"")},
        {"a record over two lines", replaced("{\"id\":\"person:alex-rives\"", "{\n\"id\":\"person:alex-rives\"")},
        {"an unknown label", replaced("\"label\":\"Software\"", "\"label\":\"Gadget\"")},
        {"an unknown relationship type", replaced("\"type\":\"MENTIONS\"", "\"type\":\"LIKES\"")},
        {"an unknown evidence", replaced("\"evidence\":[\"entity-list\"]", "\"evidence\":[\"rumour\"]")},
        {"an unknown sighting source", replaced("\"source\":\"entity-list\"", "\"source\":\"rumour\"")},
        {"a sighting of no episode", replaced("\"sightings\":[{\"episode\":\"episode:", "\"sightings\":[{\"episode\":\"episode:gone-")},
        {"a sighting of a node that is no episode",
         replaced("\"sightings\":[{\"episode\":\"episode:latent-space/", "\"sightings\":[{\"episode\":\"podcast:latent-space\",\"x\":\"")},
        {"an end that is no node", replaced("\"to\":\"person:alex-rives\"", "\"to\":\"person:nobody\"")},
        {"a node given twice", replaced("{\"id\":\"person:alex-rives\"", "{\"id\":\"person:alex-lupsasca\"")},
        {"a missing field", replaced("\"source_types\":[\"Personne\"],", "")},
        {"another version", replaced("\"version\":1", "\"version\":2")},
        {"a cut file", bytes.substr(0, bytes.size() - 10)},
        {"no id changes", replaced("\n],\n\"id_changes\":[\n]}\n", "\n]}\n")},
    };
    for (const auto& [what, text] : refused) EXPECT_FALSE(internal::read_graph_layout(text)) << what;

    // What the general reader ignores or does not order, this one does not mind either.
    for (const auto& text : {replaced("{\"id\":\"person:alex-rives\",", "{\"extra\":[1,{\"a\":\"\\u00e9\"}],\"id\":\"person:alex-rives\","),
                             replaced("\"label\":\"Person\",\"name\":\"Alex Rives\"", "\"name\":\"Alex Rives\",\"label\":\"Person\"")}) {
        const auto read = internal::read_graph_layout(text);
        ASSERT_TRUE(read);
        EXPECT_EQ(bytes_of(*read), bytes_of(read_graph(nlohmann::ordered_json::parse(text).dump(2), "g.json")));
        EXPECT_EQ(bytes_of(*read), bytes);
    }
}

}  // namespace
}  // namespace castgraph
