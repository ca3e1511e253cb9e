#include "castgraph/export_values.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/graph_json.hpp"

#include <algorithm>
#include <array>

namespace castgraph {
namespace {

enum NodeColumn : std::size_t {
    kKind, kLabel, kName, kAliases, kSourceTypes, kEpisodeCount, kSightings,
    kPodcast, kPublished, kDurationS, kLanguages, kSummary,
};
enum RelationshipColumn : std::size_t {
    kType, kUndirected, kEvidence, kInEntityList, kDescription, kTimestampsS, kCount, kWeight, kEpisodes,
};

template <typename T>
std::string json_list(const std::vector<T>& values) {
    return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
        {"name", ValueType::String},          {"aliases", ValueType::JsonList},
        {"source_types", ValueType::JsonList}, {"episode_count", ValueType::Long},
        {"sightings", ValueType::JsonList},   {"podcast", ValueType::String},
        {"published", ValueType::String},     {"duration_s", ValueType::Long},
        {"languages", ValueType::JsonList},   {"summary", ValueType::String},
    };
    return columns;
}

const std::vector<Column>& relationship_columns() {
    static const std::vector<Column> columns = {
        {"type", ValueType::String},         {"undirected", ValueType::Boolean},
        {"evidence", ValueType::JsonList},   {"in_entity_list", ValueType::Boolean},
        {"description", ValueType::String},  {"timestamps_s", ValueType::JsonList},
        {"count", ValueType::Long},          {"weight", ValueType::Long},
        {"episodes", ValueType::JsonList},
    };
    return columns;
}

std::vector<Value> node_values(const Node& node) {
    std::vector<Value> values = {{kKind, std::string(label_name(node.label))}, {kLabel, node.name}, {kName, node.name}};
    if (is_entity_label(node.label)) {
        values.push_back({kAliases, json_list(node.aliases)});
        values.push_back({kSourceTypes, json_list(node.source_types)});
        values.push_back({kEpisodeCount, std::to_string(node.episode_count)});
        values.push_back({kSightings, sightings_json(node.sightings).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
    } else if (node.label == NodeLabel::Episode) {
        values.push_back({kPodcast, node.podcast});
        values.push_back({kPublished, node.published});
        if (node.duration_s) values.push_back({kDurationS, std::to_string(*node.duration_s)});
        values.push_back({kLanguages, json_list(node.languages)});
        values.push_back({kSummary, node.summary});
    }
    drop_empty_text(values, node_columns());
    return values;
}

std::vector<Value> relationship_values(const PropertyGraph& graph, const Relationship& relationship) {
    std::vector<Value> values = {{kType, std::string(rel_type_name(relationship.type))},
                                 {kUndirected, boolean(relationship.type == RelType::CoAppearsWith)}};
    switch (relationship.type) {
    case RelType::PartOf:
    case RelType::Tagged:
        break;
    case RelType::GuestOn:
    case RelType::Hosted:
        values.push_back({kEvidence, json_list(relationship.evidence)});
        break;
    case RelType::AffiliatedWith:
        values.push_back({kEvidence, json_list(relationship.evidence)});
        values.push_back({kEpisodes, json_list(graph.episode_ids(relationship))});
        break;
    case RelType::Mentions:
        values.push_back({kEvidence, json_list(relationship.evidence)});
        values.push_back({kInEntityList, boolean(relationship.in_entity_list)});
        values.push_back({kDescription, relationship.description});
        values.push_back({kTimestampsS, json_list(relationship.timestamps_s)});
        values.push_back({kCount, std::to_string(relationship.count)});
        break;
    case RelType::CoAppearsWith:
    case RelType::AssociatedWith:
        values.push_back({kWeight, std::to_string(relationship.weight)});
        values.push_back({kEpisodes, json_list(graph.episode_ids(relationship))});
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
