#include "internal/triple_sort.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <memory>
#include <numeric>
#include <utility>

#include "castgraph/parallel.hpp"

namespace castgraph::internal {

void sort_triples(std::vector<VertexTriple>& triples) {
    // Below this, the passes' counters cost more than they save.
    constexpr std::size_t kSmallest = std::size_t{1} << 16;
    const auto size = triples.size();
    if (size < kSmallest) {
        std::sort(triples.begin(), triples.end());
        return;
    }
    constexpr unsigned kDigitBits = 11;  // 2,048 counters: they and the write heads stay in the caches
    constexpr std::size_t kDigits = std::size_t{1} << kDigitBits;
    // Each pass runs on every core: each part of the input counts its digits, then
    // writes its triples after those of the parts before it, so the sort stays stable
    // and its result does not depend on the number of parts.
    const auto parts = std::min(thread_count(), size / kSmallest);
    std::vector<std::size_t> bounds(parts + 1);
    for (std::size_t part = 0; part <= parts; ++part) bounds[part] = size * part / parts;
    const auto each_part = [&](const auto& work) {
        for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) { work(part, bounds[part], bounds[part + 1]); });
    };

    // Left uninitialized: the first pass writes every triple, faulting its pages in on every core.
    std::unique_ptr<VertexTriple[]> scratch(new VertexTriple[size]);
    VertexTriple* source = triples.data();
    VertexTriple* target = scratch.get();
    std::vector<std::size_t> heads(parts * kDigits);  // part p's write head for digit d at p * kDigits + d
    // One stable pass over the digit of `field` at `shift`; a digit every triple shares moves nothing.
    const auto pass = [&](std::uint32_t VertexTriple::*field, unsigned shift) {
        const auto digit = [&](const VertexTriple& triple) {
            return (triple.*field >> shift) & ((1U << kDigitBits) - 1);
        };
        each_part([&](std::size_t part, std::size_t begin, std::size_t end) {
            auto* counts = heads.data() + part * kDigits;
            std::fill(counts, counts + kDigits, 0);
            for (auto i = begin; i < end; ++i) ++counts[digit(source[i])];
        });
        std::size_t next = 0;
        for (std::size_t d = 0; d < kDigits; ++d) {
            std::size_t total = 0;
            for (std::size_t part = 0; part < parts; ++part) total += heads[part * kDigits + d];
            if (total == size) return;
            for (std::size_t part = 0; part < parts; ++part)
                next += std::exchange(heads[part * kDigits + d], next);
        }
        each_part([&](std::size_t part, std::size_t begin, std::size_t end) {
            auto* part_heads = heads.data() + part * kDigits;
            for (auto i = begin; i < end; ++i) target[part_heads[digit(source[i])]++] = source[i];
        });
        std::swap(source, target);
    };
    // The largest value of each field, and whether the triples already come by episode.
    struct Summary {
        std::uint32_t from = 0, to = 0, episode = 0;
        bool by_episode = true;
    };
    std::vector<Summary> summaries(parts);
    each_part([&](std::size_t part, std::size_t begin, std::size_t end) {
        auto& summary = summaries[part];
        for (auto i = begin; i < end; ++i) {
            summary.from = std::max(summary.from, source[i].from);
            summary.to = std::max(summary.to, source[i].to);
            summary.episode = std::max(summary.episode, source[i].episode);
            if (i > begin && source[i].episode < source[i - 1].episode) summary.by_episode = false;
        }
        if (begin > 0 && source[begin].episode < source[begin - 1].episode) summary.by_episode = false;
    });
    Summary all;
    for (const auto& summary : summaries) {
        all.from = std::max(all.from, summary.from);
        all.to = std::max(all.to, summary.to);
        all.episode = std::max(all.episode, summary.episode);
        all.by_episode = all.by_episode && summary.by_episode;
    }
    const auto sort_by = [&](std::uint32_t VertexTriple::*field, std::uint32_t largest) {
        for (unsigned shift = 0; shift < static_cast<unsigned>(std::bit_width(largest)); shift += kDigitBits)
            pass(field, shift);
    };
    if (!all.by_episode) sort_by(&VertexTriple::episode, all.episode);
    sort_by(&VertexTriple::to, all.to);
    sort_by(&VertexTriple::from, all.from);
    if (source != triples.data())
        each_part([&](std::size_t, std::size_t begin, std::size_t end) {
            std::copy(source + begin, source + end, triples.data() + begin);
        });
}

}  // namespace castgraph::internal
