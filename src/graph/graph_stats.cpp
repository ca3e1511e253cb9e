#include "castgraph/graph_stats.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <tuple>

namespace castgraph {

GraphStats compute_stats(const PropertyGraph& graph, std::size_t top_k) {
    GraphStats stats;
    stats.node_count = graph.node_count();
    stats.relationship_count = graph.relationship_count();
    std::vector<std::size_t> labels(std::size(kAllLabels));
    std::vector<std::size_t> types(std::size(kAllRelTypes));
    for (const auto vertex : boost::make_iterator_range(boost::vertices(graph.graph()))) {
        const auto& node = graph.node(vertex);
        ++labels[static_cast<std::size_t>(node.label)];
        if (is_entity_label(node.label)) stats.top_entities.push_back({node.id, node.name, node.label, node.episode_count});
    }
    for (const auto edge : boost::make_iterator_range(boost::edges(graph.graph()))) {
        const auto& relationship = graph.relationship(edge);
        ++types[static_cast<std::size_t>(relationship.type)];
        if (relationship.type != RelType::CoAppearsWith) continue;
        const auto& a = graph.node(boost::source(edge, graph.graph()));
        const auto& b = graph.node(boost::target(edge, graph.graph()));
        stats.top_pairs.push_back({a.id, a.name, b.id, b.name, relationship.weight()});
    }
    for (const auto label : kAllLabels) stats.nodes_by_label.emplace_back(label, labels[static_cast<std::size_t>(label)]);
    for (const auto type : kAllRelTypes) stats.relationships_by_type.emplace_back(type, types[static_cast<std::size_t>(type)]);

    std::sort(stats.top_entities.begin(), stats.top_entities.end(), [](const RankedEntity& x, const RankedEntity& y) {
        return std::tie(y.episodes, x.id) < std::tie(x.episodes, y.id);
    });
    std::sort(stats.top_pairs.begin(), stats.top_pairs.end(), [](const RankedPair& x, const RankedPair& y) {
        return std::tie(y.weight, x.a_id, x.b_id) < std::tie(x.weight, y.a_id, y.b_id);
    });
    if (stats.top_entities.size() > top_k) stats.top_entities.resize(top_k);
    if (stats.top_pairs.size() > top_k) stats.top_pairs.resize(top_k);
    return stats;
}

void write_stats_table(const GraphStats& stats, std::ostream& out) {
    out << "nodes  " << stats.node_count << "\n";
    for (const auto& [label, count] : stats.nodes_by_label)
        out << "  " << std::left << std::setw(16) << label_name(label) << std::right << std::setw(8) << count << "\n";
    out << "relationships  " << stats.relationship_count << "\n";
    for (const auto& [type, count] : stats.relationships_by_type)
        out << "  " << std::left << std::setw(16) << rel_type_name(type) << std::right << std::setw(8) << count << "\n";
    out << "top entities by episodes\n";
    for (const auto& entity : stats.top_entities)
        out << "  " << std::right << std::setw(5) << entity.episodes << "  " << std::left << std::setw(13)
            << label_name(entity.label) << entity.name << "  (" << entity.id << ")\n";
    out << "top co-appearing pairs by shared episodes\n";
    for (const auto& pair : stats.top_pairs)
        out << "  " << std::right << std::setw(5) << pair.weight << "  " << pair.a_name << " -- " << pair.b_name << "\n";
    out << std::left;
}

void write_stats_json(const GraphStats& stats, std::ostream& out) {
    nlohmann::ordered_json document;
    document["format"] = "castgraph-stats";
    document["version"] = 1;
    document["nodes"] = stats.node_count;
    document["relationships"] = stats.relationship_count;
    auto& labels = document["nodes_by_label"] = nlohmann::ordered_json::object();
    for (const auto& [label, count] : stats.nodes_by_label) labels[std::string(label_name(label))] = count;
    auto& types = document["relationships_by_type"] = nlohmann::ordered_json::object();
    for (const auto& [type, count] : stats.relationships_by_type) types[std::string(rel_type_name(type))] = count;
    document["top_entities"] = nlohmann::ordered_json::array();
    for (const auto& entity : stats.top_entities)
        document["top_entities"].push_back({{"id", entity.id},
                                            {"name", entity.name},
                                            {"label", label_name(entity.label)},
                                            {"episodes", entity.episodes}});
    document["top_pairs"] = nlohmann::ordered_json::array();
    for (const auto& pair : stats.top_pairs)
        document["top_pairs"].push_back({{"a", pair.a_id}, {"a_name", pair.a_name}, {"b", pair.b_id},
                                         {"b_name", pair.b_name}, {"weight", pair.weight}});
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace castgraph
