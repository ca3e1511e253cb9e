#include "internal/csr_build.hpp"

#include <algorithm>
#include <utility>

#include "castgraph/parallel.hpp"

namespace castgraph::internal {
namespace {

// A stable counting sort of the items [0, count) by key(item) < key_count, on every
// core: each part of the items is counted on its own, so where its items go is known.
// place(begin, end, next) then places the items [begin, end) of a part in order, item
// at next[key(item)]++. Fills starts with each key's first position, and one past the
// last position at the end.
template <typename Key, typename Place>
void counting_sort(std::size_t count, std::size_t key_count, const Key& key, const Place& place,
                   std::vector<std::uint32_t>& starts) {
    constexpr std::size_t kSmallestPart = std::size_t{1} << 20;  // below this, its counts cost more than a thread saves
    const auto parts = std::clamp<std::size_t>(count / kSmallestPart, 1, thread_count());
    const auto part_begin = [&](std::size_t part) { return count * part / parts; };
    std::vector<std::vector<std::uint32_t>> next(parts);  // by part and key
    for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) {
        next[part].assign(key_count, 0);
        for (auto item = part_begin(part); item < part_begin(part + 1); ++item) ++next[part][key(item)];
    });
    starts.assign(key_count + 1, 0);
    std::uint32_t position = 0;
    for (std::size_t k = 0; k < key_count; ++k) {
        starts[k] = position;
        for (auto& part_next : next) position += std::exchange(part_next[k], position);
    }
    starts[key_count] = position;
    for_each_index_in_parallel(0, parts, 1,
                               [&](std::size_t part) { place(part_begin(part), part_begin(part + 1), next[part]); });
}

}  // namespace

void build_csr(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends, std::size_t vertex_count,
               CsrGraph& graph, std::vector<std::uint32_t>& added) {
    // Boost's structures, public members of its graph, filled as its constructor fills
    // them (a unit test compares the two on random graphs).
    auto& forward = graph.m_forward;
    auto& backward = graph.m_backward;
    const auto edges = ends.size();
    // Out-edges: by source, in the order of ends.
    resize_touched(forward.m_column, edges);
    resize_touched(added, edges);
    counting_sort(
        edges, vertex_count, [&](std::size_t i) { return ends[i].first; },
        [&](std::size_t begin, std::size_t end, std::vector<std::uint32_t>& next) {
            for (auto i = begin; i < end; ++i) {
                const auto position = next[ends[i].first]++;
                forward.m_column[position] = ends[i].second;
                added[position] = static_cast<std::uint32_t>(i);
            }
        },
        forward.m_rowstart);
    // In-edges: by target, in out-edge order, each with its out-edge's index. Out-edges
    // come by source, so a part's sources are read off the rows as it goes.
    resize_touched(backward.m_column, edges);
    resize_touched(backward.m_edge_properties, edges);
    const auto& rows = forward.m_rowstart;
    counting_sort(
        edges, vertex_count, [&](std::size_t edge) { return forward.m_column[edge]; },
        [&](std::size_t begin, std::size_t end, std::vector<std::uint32_t>& next) {
            if (begin == end) return;
            // The row holding edge `begin`: the last that starts at or before it.
            auto source = static_cast<std::size_t>(std::upper_bound(rows.begin(), rows.end(), begin) - rows.begin()) - 1;
            for (auto edge = begin; edge < end; ++edge) {
                while (rows[source + 1] <= edge) ++source;
                const auto position = next[forward.m_column[edge]]++;
                backward.m_column[position] = static_cast<std::uint32_t>(source);
                backward.m_edge_properties[position] = static_cast<std::uint32_t>(edge);
            }
        },
        backward.m_rowstart);
}

}  // namespace castgraph::internal
