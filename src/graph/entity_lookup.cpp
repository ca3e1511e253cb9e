#include "castgraph/entity_lookup.hpp"

#include <algorithm>
#include <tuple>

#include "castgraph/error.hpp"
#include "castgraph/resolve.hpp"
#include "castgraph/text.hpp"

namespace castgraph {

EntityLookup::EntityLookup(const PropertyGraph& graph) : graph_(graph) {
    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        if (!is_entity_label(node.label) && node.label != NodeLabel::Episode) continue;
        std::vector<std::string> forms{node.name};
        forms.insert(forms.end(), node.aliases.begin(), node.aliases.end());
        for (const auto& form : forms) {
            const auto key = name_key(form);
            if (key.empty()) continue;
            auto& vertices = by_key_[key];
            if (std::find(vertices.begin(), vertices.end(), vertex) == vertices.end()) vertices.push_back(vertex);
            display_.emplace(key, form);
        }
    }
}

std::vector<PropertyGraph::Vertex> EntityLookup::find(std::string_view text) const {
    if (const auto by_id = graph_.find(trim(text))) return {*by_id};
    if (find_invalid_utf8(text)) return {};
    const auto key = name_key(text);
    if (key.empty()) return {};
    const auto found = by_key_.find(key);
    std::vector<PropertyGraph::Vertex> vertices;
    if (found != by_key_.end()) {
        vertices = found->second;
    } else {
        // Episode titles are long: the start of a title is enough when it is the start of one only.
        for (auto it = by_key_.lower_bound(key); it != by_key_.end() && it->first.rfind(key, 0) == 0; ++it)
            for (const auto vertex : it->second)
                if (graph_.node(vertex).label == NodeLabel::Episode &&
                    std::find(vertices.begin(), vertices.end(), vertex) == vertices.end())
                    vertices.push_back(vertex);
    }
    std::sort(vertices.begin(), vertices.end(),
              [&](auto a, auto b) { return graph_.node(a).id < graph_.node(b).id; });
    return vertices;
}

PropertyGraph::Vertex EntityLookup::resolve(std::string_view text) const {
    const auto vertices = find(text);
    if (vertices.size() == 1) return vertices.front();
    if (vertices.empty()) {
        std::string message = "no entity or episode is named '" + std::string(text) + "'";
        const auto suggestions = closest(text, 5);
        if (!suggestions.empty()) {
            message += "; closest: ";
            for (std::size_t i = 0; i < suggestions.size(); ++i) message += (i ? ", " : "") + suggestions[i];
        }
        throw NotFoundError(message);
    }
    std::string message = "'" + std::string(text) + "' names " + std::to_string(vertices.size()) +
                           " nodes; give one of their ids:";
    for (const auto vertex : vertices) message += " " + graph_.node(vertex).id;
    throw NotFoundError(message);
}

std::vector<std::string> EntityLookup::closest(std::string_view text, std::size_t k) const {
    if (find_invalid_utf8(text)) return {};
    const auto wanted = decode_utf8(name_key(text));
    std::vector<std::tuple<std::size_t, std::string>> ranked;
    for (const auto& [key, display] : display_) {
        const auto candidate = decode_utf8(key);
        // Names much longer or shorter cannot be close; skip the quadratic work.
        const auto gap = candidate.size() > wanted.size() ? candidate.size() - wanted.size() : wanted.size() - candidate.size();
        if (gap > std::max<std::size_t>(3, wanted.size() / 2)) continue;
        ranked.emplace_back(edit_distance(wanted, candidate), display);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> names;
    for (const auto& [distance, display] : ranked) {
        if (names.size() == k) break;
        if (distance > std::max<std::size_t>(2, wanted.size() / 2)) break;
        names.push_back(display);
    }
    return names;
}

}  // namespace castgraph
