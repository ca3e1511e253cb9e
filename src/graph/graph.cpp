#include "castgraph/graph.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <utility>

#include "castgraph/error.hpp"

namespace castgraph {
namespace {

constexpr std::array<std::string_view, 9> kLabelNames = {"Person",  "Organization", "Software", "Product", "Concept",
                                                          "Other",   "Episode",      "Podcast",  "Topic"};
constexpr std::array<std::string_view, 8> kRelTypeNames = {"PART_OF",  "GUEST_ON",        "HOSTED", "AFFILIATED_WITH",
                                                            "MENTIONS", "CO_APPEARS_WITH", "TAGGED", "ASSOCIATED_WITH"};
constexpr std::array<std::string_view, 6> kEvidenceNames = {"chapter", "description", "entity-list",
                                                            "quote",   "summary",     "title"};

}  // namespace

std::string_view label_name(NodeLabel label) { return kLabelNames.at(static_cast<std::size_t>(label)); }

std::string_view rel_type_name(RelType type) { return kRelTypeNames.at(static_cast<std::size_t>(type)); }

std::optional<NodeLabel> parse_label(std::string_view name) {
    for (std::size_t i = 0; i < kLabelNames.size(); ++i)
        if (kLabelNames[i] == name) return static_cast<NodeLabel>(i);
    return std::nullopt;
}

std::optional<RelType> parse_rel_type(std::string_view name) {
    for (std::size_t i = 0; i < kRelTypeNames.size(); ++i)
        if (kRelTypeNames[i] == name) return static_cast<RelType>(i);
    return std::nullopt;
}

std::string_view evidence_name(Evidence evidence) { return kEvidenceNames.at(static_cast<std::size_t>(evidence)); }

std::optional<Evidence> parse_evidence(std::string_view name) {
    for (std::size_t i = 0; i < kEvidenceNames.size(); ++i)
        if (kEvidenceNames[i] == name) return static_cast<Evidence>(i);
    return std::nullopt;
}

std::vector<std::string> EvidenceSet::names() const {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kEvidenceNames.size(); ++i)
        if (contains(static_cast<Evidence>(i))) names.emplace_back(kEvidenceNames[i]);
    return names;
}

NodeLabel label_of(EntityKind kind) { return static_cast<NodeLabel>(static_cast<std::uint8_t>(kind)); }

bool is_entity_label(NodeLabel label) { return label <= NodeLabel::Other; }

PropertyGraph::Vertex PropertyGraph::add_node(Node node) {
    if (index_.contains(node.id)) throw InputError("graph: node id '" + node.id + "' appears twice");
    std::string id = node.id;
    const auto vertex = boost::add_vertex(std::move(node), *graph_);
    index_.emplace(std::move(id), vertex);
    return vertex;
}

PropertyGraph::Edge PropertyGraph::add_relationship(Vertex from, Vertex to, Relationship relationship) {
    if (relationship.type == RelType::CoAppearsWith && (*graph_)[to].id < (*graph_)[from].id) std::swap(from, to);
    return boost::add_edge(from, to, std::move(relationship), *graph_).first;
}

std::optional<PropertyGraph::Vertex> PropertyGraph::find(std::string_view id) const {
    const auto found = index_.find(std::string(id));
    if (found == index_.end()) return std::nullopt;
    return found->second;
}

std::vector<PropertyGraph::Vertex> PropertyGraph::nodes_in_order() const {
    std::vector<Vertex> order;
    order.reserve(node_count());
    for (const auto vertex : boost::make_iterator_range(boost::vertices(*graph_))) order.push_back(vertex);
    std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return (*graph_)[a].id < (*graph_)[b].id; });
    return order;
}

std::vector<PropertyGraph::Edge> PropertyGraph::relationships_in_order() const {
    // Compare ranks of ids instead of the ids: a million relationships would make
    // twenty million string comparisons.
    std::vector<std::uint32_t> rank(node_count());
    const auto nodes = nodes_in_order();
    for (std::size_t i = 0; i < nodes.size(); ++i) rank[nodes[i]] = static_cast<std::uint32_t>(i);
    struct Keyed {
        std::tuple<RelType, std::uint32_t, std::uint32_t> key;
        Edge edge;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(relationship_count());
    for (const auto edge : boost::make_iterator_range(boost::edges(*graph_)))
        keyed.push_back({{(*graph_)[edge].type, rank[boost::source(edge, *graph_)], rank[boost::target(edge, *graph_)]}, edge});
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    std::vector<Edge> order;
    order.reserve(keyed.size());
    for (const auto& entry : keyed) order.push_back(entry.edge);
    return order;
}

std::vector<std::string_view> PropertyGraph::episode_ids(const Relationship& relationship) const {
    std::vector<std::string_view> ids;
    ids.reserve(relationship.episodes.size());
    for (const auto episode : relationship.episodes) ids.emplace_back((*graph_)[episode].id);
    return ids;
}

}  // namespace castgraph
