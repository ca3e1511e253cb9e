#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "castgraph/parallel.hpp"
#include "internal/triple_sort.hpp"

namespace castgraph::internal {
namespace {

std::vector<VertexTriple> random_triples(std::size_t count, std::uint32_t largest, std::mt19937& random) {
    std::uniform_int_distribution<std::uint32_t> value(0, largest);
    std::vector<VertexTriple> triples(count);
    for (auto& triple : triples) triple = {value(random), value(random), value(random)};
    return triples;
}

void expect_sorted_as_by_comparison(std::vector<VertexTriple> triples) {
    auto expected = triples;
    std::sort(expected.begin(), expected.end());
    sort_triples(triples);
    ASSERT_EQ(triples.size(), expected.size());
    EXPECT_TRUE(triples == expected);
}

TEST(TripleSort, AgreesWithComparisonSortInAnyOrder) {
    std::mt19937 random(20261127);
    for (const std::uint32_t largest : {3U, 2'047U, 2'048U, 1'500'000U, 0xFFFFFFFFU})
        for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{70'000},
                                        std::size_t{300'000}}) {
            SCOPED_TRACE("largest " + std::to_string(largest) + ", count " + std::to_string(count));
            expect_sorted_as_by_comparison(random_triples(count, largest, random));
        }
}

TEST(TripleSort, AgreesWithComparisonSortWhenMadeEpisodeByEpisode) {
    // As the graph builder makes them: episodes ascending, each episode's pairs sorted,
    // with repeated triples that the caller removes afterwards.
    std::mt19937 random(7);
    std::uniform_int_distribution<std::uint32_t> vertex(0, 200'000);
    std::uniform_int_distribution<int> featured(0, 12);
    std::vector<VertexTriple> triples;
    for (std::uint32_t episode = 200'001; triples.size() < 400'000; episode += 1 + (episode % 3 == 0 ? 1 : 0)) {
        std::vector<std::uint32_t> vertices(static_cast<std::size_t>(featured(random)));
        for (auto& v : vertices) v = vertex(random) % (episode % 5 == 0 ? 50 : 200'000);  // some crowded pairs
        std::sort(vertices.begin(), vertices.end());
        for (std::size_t a = 0; a < vertices.size(); ++a)
            for (std::size_t b = a + 1; b < vertices.size(); ++b) triples.push_back({vertices[a], vertices[b], episode});
    }
    ASSERT_TRUE(std::is_sorted(triples.begin(), triples.end(),
                               [](const auto& x, const auto& y) { return x.episode < y.episode; }));
    expect_sorted_as_by_comparison(triples);
}

TEST(TripleSort, SharedDigitsAndOneFieldOnly) {
    // Every triple with the same `from`, or only the episode differing: the passes a
    // shared digit skips must leave the others' order alone.
    std::mt19937 random(11);
    auto triples = random_triples(100'000, 1 << 20, random);
    for (auto& triple : triples) triple.from = 5'000;
    expect_sorted_as_by_comparison(triples);
    for (auto& triple : triples) triple.to = 1 << 19;
    expect_sorted_as_by_comparison(triples);
}

TEST(TripleSort, SameOrderOnAnyNumberOfCores) {
    // Each pass splits the triples into one part per thread (at most one per 65,536
    // triples): parts whose seams fall among equal digits must still give the stable order.
    std::mt19937 random(29);
    auto triples = random_triples(300'000, 5'000, random);
    for (std::size_t i = 0; i < triples.size(); i += 7) triples[i].from = 42;  // many equal digits
    auto expected = triples;
    std::sort(expected.begin(), expected.end());
    for (const std::size_t threads : {1, 2, 3, 8}) {
        SCOPED_TRACE("threads " + std::to_string(threads));
        set_thread_count(threads);
        auto sorted = triples;
        sort_triples(sorted);
        EXPECT_TRUE(sorted == expected);
    }
    set_thread_count(0);
}

TEST(TripleSort, SharedDigitsInSeveralParts) {
    // A digit every triple shares skips its pass in every part at once.
    std::mt19937 random(37);
    auto triples = random_triples(250'000, 1 << 20, random);
    for (auto& triple : triples) triple.from = 5'000;
    set_thread_count(3);
    expect_sorted_as_by_comparison(triples);
    for (auto& triple : triples) triple.to = 1 << 19;
    expect_sorted_as_by_comparison(triples);
    set_thread_count(0);
}

TEST(TripleSort, EpisodesAscendingWithinEachPartOnly) {
    // Each half comes by episode, the whole does not: the episode passes must still run.
    std::mt19937 random(31);
    auto triples = random_triples(200'000, 1'000, random);
    for (std::size_t i = 0; i < triples.size(); ++i)
        triples[i].episode = static_cast<std::uint32_t>(i < 100'000 ? 500'000 + i : i);
    set_thread_count(2);
    expect_sorted_as_by_comparison(triples);
    set_thread_count(0);
}

}  // namespace
}  // namespace castgraph::internal
