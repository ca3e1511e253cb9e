#include <gtest/gtest.h>

#include <boost/range/iterator_range.hpp>

#include <random>
#include <utility>
#include <vector>

#include "castgraph/parallel.hpp"
#include "internal/csr_build.hpp"

namespace castgraph::internal {
namespace {

using Ends = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Pairs among `vertices`, a few vertices taking most (as popular entities do), with
// repeats and loops; the last vertices have none.
Ends random_ends(std::size_t count, std::uint32_t vertices, std::mt19937& random) {
    std::uniform_int_distribution<std::uint32_t> any(0, vertices - vertices / 8 - 1);
    std::uniform_int_distribution<std::uint32_t> popular(0, 9);
    Ends ends(count);
    for (auto& [from, to] : ends) {
        from = random() % 3 == 0 ? popular(random) : any(random);
        to = random() % 3 == 0 ? popular(random) : any(random);
    }
    return ends;
}

// The arrays are Boost's own, and the edges agree with Boost's constructor: same
// out-edges in the same order, same in-edges with the same out-edge indexes.
void expect_as_boost_builds(const Ends& ends, std::uint32_t vertices) {
    const CsrGraph expected(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), vertices);
    CsrGraph built;
    std::vector<std::uint32_t> added;
    build_csr(ends, vertices, built, added);
    EXPECT_EQ(built.m_forward.m_rowstart, expected.m_forward.m_rowstart);
    EXPECT_EQ(built.m_forward.m_column, expected.m_forward.m_column);
    EXPECT_EQ(built.m_backward.m_rowstart, expected.m_backward.m_rowstart);
    EXPECT_EQ(built.m_backward.m_column, expected.m_backward.m_column);
    EXPECT_EQ(built.m_backward.m_edge_properties, expected.m_backward.m_edge_properties);
    ASSERT_EQ(boost::num_vertices(built), vertices);
    ASSERT_EQ(boost::num_edges(built), ends.size());
    // added: each edge's pair, and a vertex's out-edges in the order of their pairs.
    ASSERT_EQ(added.size(), ends.size());
    std::vector<bool> seen(ends.size(), false);
    for (const auto edge : boost::make_iterator_range(boost::edges(built))) {
        const auto at = added[edge.idx];
        ASSERT_LT(at, ends.size());
        EXPECT_FALSE(seen[at]);
        seen[at] = true;
        EXPECT_EQ(ends[at], std::make_pair(boost::source(edge, built), boost::target(edge, built)));
        if (edge.idx > 0 && boost::source(edge, built) == ends[added[edge.idx - 1]].first) {
            EXPECT_LT(added[edge.idx - 1], at);
        }
    }
    // In-edges as a reader walks them: the same in both graphs.
    for (std::uint32_t vertex = 0; vertex < vertices; ++vertex) {
        const auto [built_begin, built_end] = boost::in_edges(vertex, built);
        const auto [expected_begin, expected_end] = boost::in_edges(vertex, expected);
        ASSERT_EQ(std::distance(built_begin, built_end), std::distance(expected_begin, expected_end)) << vertex;
        for (auto b = built_begin, e = expected_begin; b != built_end; ++b, ++e) {
            EXPECT_EQ(b->idx, e->idx);
            EXPECT_EQ(boost::source(*b, built), boost::source(*e, expected));
        }
    }
}

// On one core and on several, the parts' seams anywhere (over a million pairs, so the
// pairs are counted in parts), and for the empty and the tiny graph.
TEST(BuildCsr, MakesWhatBoostsConstructorMakes) {
    std::mt19937 random(20261130);
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        expect_as_boost_builds({}, 0);
        expect_as_boost_builds({}, 5);
        expect_as_boost_builds({{0, 0}}, 1);
        expect_as_boost_builds({{2, 1}, {0, 2}, {2, 1}, {1, 0}, {2, 0}}, 4);
        expect_as_boost_builds(random_ends(1000, 50, random), 50);
        expect_as_boost_builds(random_ends(3'200'001, 40'000, random), 40'000);
    }
    set_thread_count(0);
}

}  // namespace
}  // namespace castgraph::internal
