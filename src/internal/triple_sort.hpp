// Sorting the tens of millions of (from, to, episode) triples that co-appearance
// and topic association make at a million episodes.
#pragma once

#include <compare>
#include <cstdint>
#include <vector>

namespace castgraph::internal {

// Two vertices and the episode that ties them.
struct VertexTriple {
    std::uint32_t from;
    std::uint32_t to;
    std::uint32_t episode;
    auto operator<=>(const VertexTriple&) const = default;
};

// Sorts as operator< orders, least significant digit first, in linear time where a
// comparison sort took seconds. Triples are mostly made episode by episode in
// ascending order, so the passes over the episode run only when they were not.
void sort_triples(std::vector<VertexTriple>& triples);

}  // namespace castgraph::internal
