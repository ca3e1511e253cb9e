#include "castgraph/export_values.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/graph_json.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace castgraph {
namespace {

enum NodeColumn : std::size_t {
    kKind, kLabel, kName, kAliases, kSourceTypes, kEpisodeCount, kSightings,
    kPodcast, kPublished, kDurationS, kLanguages, kSummary,
};
enum RelationshipColumn : std::size_t {
    kType, kUndirected, kEvidence, kInEntityList, kDescription, kTimestampsS, kCount, kWeight, kEpisodes,
};

// Sightings are ordered_json (fields in the graph file's order): keep the value's own type.
template <typename Json = nlohmann::json>
std::string json_text(const Json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Value string_list(std::size_t column, const std::vector<std::string>& items) {
    return {column, json_text(nlohmann::json(items)), items};
}

Value long_list(std::size_t column, const std::vector<std::uint32_t>& numbers) {
    Value value{column, json_text(nlohmann::json(numbers))};
    for (const auto number : numbers) value.items.push_back(std::to_string(number));
    return value;
}

std::string boolean(bool value) { return value ? "true" : "false"; }

// An empty text is absent: readers turn an empty element into null or "" as they
// like, and an absent value reads the same everywhere.
void drop_empty_text(std::vector<Value>& values, const std::vector<Column>& columns) {
    std::erase_if(values, [&](const Value& value) {
        return columns[value.column].type == ValueType::String && value.text.empty();
    });
}

}  // namespace

const std::vector<Column>& node_columns() {
    static const std::vector<Column> columns = {
        {"kind", ValueType::String},          {"label", ValueType::String},
        {"name", ValueType::String},            {"aliases", ValueType::StringList},
        {"source_types", ValueType::StringList}, {"episode_count", ValueType::Long},
        {"sightings", ValueType::Json},         {"podcast", ValueType::String},
        {"published", ValueType::String},       {"duration_s", ValueType::Long},
        {"languages", ValueType::StringList},   {"summary", ValueType::String},
    };
    return columns;
}

const std::vector<Column>& relationship_columns() {
    static const std::vector<Column> columns = {
        {"type", ValueType::String},         {"undirected", ValueType::Boolean},
        {"evidence", ValueType::StringList}, {"in_entity_list", ValueType::Boolean},
        {"description", ValueType::String},  {"timestamps_s", ValueType::LongList},
        {"count", ValueType::Long},          {"weight", ValueType::Long},
        {"episodes", ValueType::StringList},
    };
    return columns;
}

std::vector<Value> node_values(const Node& node) {
    std::vector<Value> values = {{kKind, std::string(label_name(node.label))}, {kLabel, node.name}, {kName, node.name}};
    if (is_entity_label(node.label)) {
        values.push_back(string_list(kAliases, node.aliases));
        values.push_back(string_list(kSourceTypes, node.source_types));
        values.push_back({kEpisodeCount, std::to_string(node.episode_count)});
        values.push_back({kSightings, json_text(sightings_json(node.sightings))});
    } else if (node.label == NodeLabel::Episode) {
        values.push_back({kPodcast, node.podcast});
        values.push_back({kPublished, node.published});
        if (node.duration_s) values.push_back({kDurationS, std::to_string(*node.duration_s)});
        values.push_back(string_list(kLanguages, node.languages));
        values.push_back({kSummary, node.summary});
    }
    drop_empty_text(values, node_columns());
    return values;
}

RelationshipValues::RelationshipValues(const PropertyGraph& graph) : graph_(graph), quoted_ids_(graph.node_count()) {
    for (std::size_t vertex = 0; vertex < quoted_ids_.size(); ++vertex)
        if (graph.node(vertex).label == NodeLabel::Episode) quoted_ids_[vertex] = json_text(nlohmann::json(graph.node(vertex).id));
}

std::vector<Value> RelationshipValues::operator()(const Relationship& relationship) const {
    const auto episodes = [&] {
        Value value{kEpisodes, "["};
        for (const auto episode : relationship.episodes) {
            if (value.text.size() > 1) value.text += ',';
            value.text += quoted_ids_[episode];
            value.items.push_back(graph_.node(episode).id);
        }
        value.text += ']';
        return value;
    };
    std::vector<Value> values = {{kType, std::string(rel_type_name(relationship.type))},
                                 {kUndirected, boolean(relationship.type == RelType::CoAppearsWith)}};
    switch (relationship.type) {
    case RelType::PartOf:
    case RelType::Tagged:
        break;
    case RelType::GuestOn:
    case RelType::Hosted:
        values.push_back(string_list(kEvidence, relationship.evidence.names()));
        break;
    case RelType::AffiliatedWith:
        values.push_back(string_list(kEvidence, relationship.evidence.names()));
        values.push_back(episodes());
        break;
    case RelType::Mentions:
        values.push_back(string_list(kEvidence, relationship.evidence.names()));
        values.push_back({kInEntityList, boolean(relationship.in_entity_list)});
        values.push_back({kDescription, relationship.description});
        values.push_back(long_list(kTimestampsS, relationship.timestamps_s));
        values.push_back({kCount, std::to_string(relationship.count)});
        break;
    case RelType::CoAppearsWith:
        values.push_back({kWeight, std::to_string(relationship.weight)});
        values.push_back(episodes());
        break;
    case RelType::AssociatedWith:
        values.push_back({kWeight, std::to_string(relationship.weight)});
        break;
    }
    drop_empty_text(values, relationship_columns());
    std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) { return a.column < b.column; });
    return values;
}

std::string_view label_color(NodeLabel label) {
    // Tableau 20's light tones: distinct hues that stay readable under black text.
    static constexpr std::array<std::string_view, 9> colors = {
        "#ffbe7d",  // Person
        "#a0cbe8",  // Organization
        "#8cd17d",  // Software
        "#b6992d",  // Product
        "#d4a6c8",  // Concept
        "#bab0ac",  // Other
        "#f1ce63",  // Episode
        "#ff9d9a",  // Podcast
        "#86bcb6",  // Topic
    };
    return colors.at(static_cast<std::size_t>(label));
}

}  // namespace castgraph
