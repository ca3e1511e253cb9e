#include "castgraph/export_values.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/text.hpp"
#include "internal/json_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace castgraph {
namespace {

enum NodeColumn : std::size_t {
    kKind, kLabel, kName, kAliases, kSourceTypes, kEpisodeCount, kSightings,
    kPodcast, kPublished, kDurationS, kLanguages, kSummary,
};

// Sightings are ordered_json (fields in the graph file's order): keep the value's own type.
template <typename Json = nlohmann::json>
std::string json_text(const Json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Value string_list(std::size_t column, const std::vector<std::string>& items) {
    return {column, json_text(nlohmann::json(items)), items};
}

std::string_view boolean(bool value) { return value ? "true" : "false"; }

// The next value of a row being filled in column order, reusing `values`: its text
// emptied and its nodes dropped. Its list items are left to the caller, which may
// resize them and keep their strings' room.
Value& next_value(std::vector<Value>& values, std::size_t& used, std::size_t column) {
    if (used == values.size()) values.emplace_back();
    auto& value = values[used++];
    value.column = column;
    value.text.clear();
    value.nodes = {};
    return value;
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

std::vector<Value> node_values(const PropertyGraph& graph, const Node& node) {
    std::vector<Value> values;
    values.resize(fill_node_values(graph, node, values));
    return values;
}

std::size_t fill_node_values(const PropertyGraph& graph, const Node& node, std::vector<Value>& values) {
    std::size_t used = 0;
    const auto next = [&](std::size_t column) -> Value& {
        auto& value = next_value(values, used, column);
        value.items.clear();
        return value;
    };
    // An empty text is absent: readers turn an empty element into null or "" as they
    // like, and an absent value reads the same everywhere.
    const auto text = [&](std::size_t column, std::string_view text_value) {
        if (!text_value.empty()) next(column).text.assign(text_value);
    };
    const auto list = [&](std::size_t column, const std::vector<std::string>& items) {
        auto& value = next(column);
        value.text = json_text(nlohmann::json(items));
        value.items.assign(items.begin(), items.end());
    };
    text(kKind, label_name(node.label));
    text(kLabel, node.name);
    text(kName, node.name);
    if (is_entity_label(node.label)) {
        list(kAliases, node.aliases);
        list(kSourceTypes, node.source_types);
        next(kEpisodeCount).text = std::to_string(node.episode_count);
        internal::append_sightings_json(next(kSightings).text, graph, node.sightings);
    } else if (node.label == NodeLabel::Episode) {
        text(kPodcast, node.podcast);
        text(kPublished, node.published);
        if (node.duration_s) next(kDurationS).text = std::to_string(*node.duration_s);
        list(kLanguages, node.languages);
        text(kSummary, node.summary);
    }
    return used;
}

RelationshipValues::RelationshipValues(const PropertyGraph& graph, ListParts parts)
    : graph_(graph), parts_(parts), quoted_ids_(parts == ListParts::Text || parts == ListParts::Both ? graph.node_count() : 0) {
    for (PropertyGraph::Vertex vertex = 0; vertex < quoted_ids_.size(); ++vertex)
        if (graph.node(vertex).label == NodeLabel::Episode) quoted_ids_[vertex] = json_text(nlohmann::json(graph.node(vertex).id));
}

std::vector<Value> RelationshipValues::operator()(const Relationship& relationship) const {
    std::vector<Value> values;
    fill(relationship, values);
    return values;
}

namespace {

// The evidence list of every EvidenceSet, made once: the same few lists make up
// millions of rows.
const Value& evidence_value(EvidenceSet evidence) {
    static const std::vector<Value> values = [] {
        std::vector<Value> all;
        for (std::size_t bits = 0; bits < EvidenceSet::kCount; ++bits)
            all.push_back(string_list(kRelationshipEvidence, EvidenceSet::from_bits(bits).names()));
        return all;
    }();
    return values[evidence.bits()];
}

}  // namespace

const std::string& evidence_json_text(EvidenceSet evidence) { return evidence_value(evidence).text; }

void RelationshipValues::fill(const Relationship& relationship, std::vector<Value>& values) const {
    // Values are taken in column order and their strings reassigned, never freed.
    struct Filler {
        const RelationshipValues& owner;
        std::vector<Value>& values;
        bool text_parts;
        bool items;
        bool node_parts;
        std::size_t used = 0;

        Value& next(std::size_t column) { return next_value(values, used, column); }
        void item_count(Value& value, std::size_t count) const { value.items.resize(items ? count : 0); }
        std::string& scalar(std::size_t column) {
            auto& value = next(column);
            value.items.clear();  // a reused value may have been a list
            return value.text;
        }
        void text(std::size_t column, std::string_view text_value) { scalar(column).assign(text_value); }
        void boolean(std::size_t column, bool value) { scalar(column).assign(castgraph::boolean(value)); }
        void number(std::size_t column, std::uint64_t value) { append_decimal(scalar(column), value); }
        void evidence(std::size_t column, EvidenceSet evidence) {
            const auto& known = evidence_value(evidence);
            auto& value = next(column);
            if (text_parts) value.text.assign(known.text);
            item_count(value, known.items.size());
            for (std::size_t i = 0; i < value.items.size(); ++i) value.items[i].assign(known.items[i]);
        }
        void numbers(std::size_t column, std::span<const std::uint32_t> numbers) {
            auto& value = next(column);
            if (text_parts) internal::append_json_numbers(value.text, numbers);
            item_count(value, numbers.size());
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                value.items[i].clear();
                append_decimal(value.items[i], numbers[i]);
            }
        }
        void nodes(std::size_t column, std::span<const std::uint32_t> vertices) {
            auto& value = next(column);
            if (node_parts) {
                value.items.clear();
                value.nodes = vertices;
                return;
            }
            if (text_parts) {
                value.text += '[';
                for (std::size_t i = 0; i < vertices.size(); ++i) {
                    if (i > 0) value.text += ',';
                    value.text += owner.quoted_ids_[vertices[i]];
                }
                value.text += ']';
            }
            item_count(value, vertices.size());
            for (std::size_t i = 0; i < value.items.size(); ++i) value.items[i].assign(owner.graph_.node(vertices[i]).id);
        }
    };
    Filler filler{*this, values,
                  parts_ == ListParts::Text || parts_ == ListParts::Both || parts_ == ListParts::TextWithNodes,
                  parts_ == ListParts::Items || parts_ == ListParts::Both || parts_ == ListParts::ItemsAsNodes,
                  parts_ == ListParts::ItemsAsNodes || parts_ == ListParts::TextWithNodes};
    visit_relationship_values(relationship, filler);
    values.resize(filler.used);
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
