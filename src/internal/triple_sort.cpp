#include "internal/triple_sort.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <numeric>

namespace castgraph::internal {

void sort_triples(std::vector<VertexTriple>& triples) {
    if (triples.size() < (std::size_t{1} << 16)) {  // below this, the passes' counters cost more than they save
        std::sort(triples.begin(), triples.end());
        return;
    }
    constexpr unsigned kDigitBits = 11;  // 2,048 counters: they and the write heads stay in the caches
    std::vector<VertexTriple> scratch(triples.size());
    std::vector<std::size_t> starts(std::size_t{1} << kDigitBits);
    // One stable pass over the digit of `field` at `shift`; a digit every triple shares moves nothing.
    const auto pass = [&](std::uint32_t VertexTriple::*field, unsigned shift) {
        const auto digit = [&](const VertexTriple& triple) {
            return (triple.*field >> shift) & ((1U << kDigitBits) - 1);
        };
        std::fill(starts.begin(), starts.end(), 0);
        for (const auto& triple : triples) ++starts[digit(triple)];
        if (std::find(starts.begin(), starts.end(), triples.size()) != starts.end()) return;
        std::exclusive_scan(starts.begin(), starts.end(), starts.begin(), std::size_t{0});
        for (const auto& triple : triples) scratch[starts[digit(triple)]++] = triple;
        triples.swap(scratch);
    };
    const auto sort_by = [&](std::uint32_t VertexTriple::*field) {
        std::uint32_t largest = 0;
        for (const auto& triple : triples) largest = std::max(largest, triple.*field);
        for (unsigned shift = 0; shift < static_cast<unsigned>(std::bit_width(largest)); shift += kDigitBits)
            pass(field, shift);
    };
    const bool by_episode = std::is_sorted(triples.begin(), triples.end(), [](const auto& a, const auto& b) {
        return a.episode < b.episode;
    });
    if (!by_episode) sort_by(&VertexTriple::episode);
    sort_by(&VertexTriple::to);
    sort_by(&VertexTriple::from);
}

}  // namespace castgraph::internal
