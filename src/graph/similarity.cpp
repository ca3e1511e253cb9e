#include "castgraph/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;

std::vector<std::vector<Vertex>> neighbour_lists(const PropertyGraph& graph) {
    std::vector<std::vector<Vertex>> neighbours(graph.node_count());
    for (const auto edge : boost::make_iterator_range(boost::edges(graph.graph()))) {
        if (graph.relationship(edge).type != RelType::CoAppearsWith) continue;
        const auto a = boost::source(edge, graph.graph());
        const auto b = boost::target(edge, graph.graph());
        if (a == b) continue;
        neighbours[a].push_back(b);
        neighbours[b].push_back(a);
    }
    for (auto& list : neighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return neighbours;
}

PairSimilarity finish(const PropertyGraph& graph, Vertex a, Vertex b, std::uint32_t common, double adamic_adar,
                      const std::vector<std::vector<Vertex>>& neighbours) {
    if (graph.node(b).id < graph.node(a).id) std::swap(a, b);
    const auto united = neighbours[a].size() + neighbours[b].size() - common;
    return {a, b, common, united ? static_cast<double>(common) / static_cast<double>(united) : 0.0, adamic_adar};
}

}  // namespace

std::vector<Vertex> co_appearance_neighbours(const PropertyGraph& graph, Vertex entity) {
    std::vector<Vertex> list;
    for (const auto edge : boost::make_iterator_range(boost::out_edges(entity, graph.graph())))
        if (graph.relationship(edge).type == RelType::CoAppearsWith) list.push_back(boost::target(edge, graph.graph()));
    for (const auto edge : boost::make_iterator_range(boost::in_edges(entity, graph.graph())))
        if (graph.relationship(edge).type == RelType::CoAppearsWith) list.push_back(boost::source(edge, graph.graph()));
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    list.erase(std::remove(list.begin(), list.end(), entity), list.end());
    return list;
}

std::vector<PairSimilarity> co_appearance_similarities(const PropertyGraph& graph) {
    const auto neighbours = neighbour_lists(graph);
    // Each common neighbour w contributes to every pair of its neighbours.
    std::map<std::pair<Vertex, Vertex>, std::pair<std::uint32_t, double>> pairs;
    for (Vertex w = 0; w < neighbours.size(); ++w) {
        const auto& list = neighbours[w];
        if (list.size() < 2) continue;
        const double weight = 1.0 / std::log(static_cast<double>(list.size()));
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                auto& [common, adamic_adar] = pairs[{list[i], list[j]}];
                ++common;
                adamic_adar += weight;
            }
    }
    std::vector<PairSimilarity> result;
    result.reserve(pairs.size());
    for (const auto& [pair, score] : pairs)
        result.push_back(finish(graph, pair.first, pair.second, score.first, score.second, neighbours));
    std::sort(result.begin(), result.end(), [&](const PairSimilarity& x, const PairSimilarity& y) {
        return std::tie(graph.node(x.a).id, graph.node(x.b).id) < std::tie(graph.node(y.a).id, graph.node(y.b).id);
    });
    return result;
}

std::vector<PairSimilarity> similarities_of(const PropertyGraph& graph, Vertex entity) {
    const auto own = co_appearance_neighbours(graph, entity);
    std::map<Vertex, std::pair<std::uint32_t, double>> scores;
    std::vector<std::vector<Vertex>> neighbours(graph.node_count());
    for (const auto w : own) {
        neighbours[w] = co_appearance_neighbours(graph, w);
        const double weight = 1.0 / std::log(static_cast<double>(neighbours[w].size()));
        for (const auto v : neighbours[w]) {
            if (v == entity) continue;
            auto& [common, adamic_adar] = scores[v];
            ++common;
            adamic_adar += weight;
        }
    }
    neighbours[entity] = own;
    std::vector<PairSimilarity> result;
    for (const auto& [other, score] : scores) {
        if (neighbours[other].empty()) neighbours[other] = co_appearance_neighbours(graph, other);
        auto pair = finish(graph, entity, other, score.first, score.second, neighbours);
        result.push_back(pair);
    }
    std::sort(result.begin(), result.end(), [&](const PairSimilarity& x, const PairSimilarity& y) {
        const auto& other_x = x.a == entity ? x.b : x.a;
        const auto& other_y = y.a == entity ? y.b : y.a;
        return graph.node(other_x).id < graph.node(other_y).id;
    });
    return result;
}

}  // namespace castgraph
