// Building the graph's compressed sparse row arrays from its relationships' ends on
// every core, where Boost's constructor sorts ninety million of them on one.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

namespace castgraph::internal {

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                                    boost::no_property, std::uint32_t, std::uint32_t>;

// Makes graph exactly what CsrGraph(boost::edges_are_unsorted_multi_pass, ends.begin(),
// ends.end(), vertex_count) makes: out-edges by source in the order of `ends`, in-edges
// by target in out-edge order, each with its out-edge's index. Also fills added, by
// edge index: the position in `ends` of the pair that became the edge. Both sorts are
// stable counting sorts, each core placing a part of the pairs from its own counts.
// Every vertex in ends must be below vertex_count, and ends must fit 32-bit indexes.
void build_csr(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends, std::size_t vertex_count,
               CsrGraph& graph, std::vector<std::uint32_t>& added);

}  // namespace castgraph::internal
