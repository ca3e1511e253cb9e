// Link-prediction scores on the co-appearance graph (CO_APPEARS_WITH taken as an
// undirected simple graph of entities), defined as NetworkX defines them:
//   jaccard(u, v)     = |N(u) ∩ N(v)| / |N(u) ∪ N(v)|
//   adamic_adar(u, v) = Σ over w in N(u) ∩ N(v) of 1 / ln |N(w)|
// Only pairs with at least one common neighbour are listed (every other pair scores 0).
#pragma once

#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

struct PairSimilarity {
    PropertyGraph::Vertex a = 0;  // a's id < b's id
    PropertyGraph::Vertex b = 0;
    std::uint32_t common = 0;
    double jaccard = 0.0;
    double adamic_adar = 0.0;
};

// Every pair with a common neighbour, sorted by (a id, b id). Work grows with the
// sum of squared degrees.
std::vector<PairSimilarity> co_appearance_similarities(const PropertyGraph& graph);

// The pairs of one entity with every other (same definitions), sorted by the other's id.
std::vector<PairSimilarity> similarities_of(const PropertyGraph& graph, PropertyGraph::Vertex entity);

// Co-appearance neighbours of an entity, sorted by vertex.
std::vector<PropertyGraph::Vertex> co_appearance_neighbours(const PropertyGraph& graph, PropertyGraph::Vertex entity);

}  // namespace castgraph
