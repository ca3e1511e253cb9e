// Summary figures of a graph: counts by node label and relationship type, the
// entities in the most episodes, and the strongest co-appearing pairs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

struct RankedEntity {
    std::string id;
    std::string name;
    NodeLabel label = NodeLabel::Other;
    std::uint32_t episodes = 0;
};

struct RankedPair {
    std::string a_id, a_name;
    std::string b_id, b_name;
    std::uint32_t weight = 0;
};

struct GraphStats {
    std::vector<std::pair<NodeLabel, std::size_t>> nodes_by_label;  // every label, in enum order
    std::vector<std::pair<RelType, std::size_t>> relationships_by_type;
    std::size_t node_count = 0;
    std::size_t relationship_count = 0;
    std::vector<RankedEntity> top_entities;  // by episodes desc, then id
    std::vector<RankedPair> top_pairs;       // by weight desc, then ids
};

GraphStats compute_stats(const PropertyGraph& graph, std::size_t top_k = 10);

void write_stats_table(const GraphStats& stats, std::ostream& out);
void write_stats_json(const GraphStats& stats, std::ostream& out);

}  // namespace castgraph
