#include "castgraph/packed.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {
namespace {

TEST(PackedText, HoldsAnyBytesAndCopiesAndMovesWhole) {
    const std::string hostile("a\0\"b\xC3\xA9", 6);
    PackedText text(hostile);
    EXPECT_EQ(text.view(), hostile);
    EXPECT_EQ(text.size(), 6u);
    PackedText copy = text;
    EXPECT_EQ(copy, text);
    EXPECT_EQ(copy.view().data(), text.view().data()) << "a copy shares the block";
    PackedText moved = std::move(copy);
    EXPECT_EQ(moved.view(), hostile);
    EXPECT_TRUE(copy.empty());  // NOLINT: a moved-from value is empty
    text = "";
    EXPECT_TRUE(text.empty());
    EXPECT_EQ(text.view(), "");
    EXPECT_EQ(moved.view(), hostile) << "the block lives while one copy does";
    const auto& same = moved;
    moved = same;  // assigning a text to itself keeps it
    EXPECT_EQ(moved.view(), hostile);
    EXPECT_EQ(PackedText(), PackedText(""));
    EXPECT_EQ(moved.data(), moved.view().data()) << "where the text is, for prefetching";
    EXPECT_EQ(PackedText().data(), nullptr);
}

// Copies are made and dropped on several threads at once (the graph builder's
// MENTIONS); the count of owners must see every one, or a block is freed early (the
// sanitizers' build reports that) or never.
TEST(PackedText, CopiesMadeAndDroppedOnManyThreadsLeaveTheTextWhole) {
    const std::string long_text(100, 'd');
    std::vector<PackedText> originals;
    for (int i = 0; i < 64; ++i) originals.emplace_back(long_text + std::to_string(i));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < 2000; ++round) {
                std::vector<PackedText> copies(originals.begin(), originals.end());
                for (std::size_t i = 0; i < copies.size(); ++i)
                    if (copies[i].data() != originals[i].data()) ADD_FAILURE() << "copy " << i << " not shared";
            }
        });
    for (auto& thread : threads) thread.join();
    for (std::size_t i = 0; i < originals.size(); ++i) EXPECT_EQ(originals[i].view(), long_text + std::to_string(i));
    // The last owner frees the block: a copy outlives its original.
    auto survivor = originals.front();
    originals.clear();
    EXPECT_EQ(survivor.view(), long_text + "0");
}

TEST(PackedNumbers, KeepsOrderAndRefusesNumbersAbove32Bits) {
    const PackedNumbers seconds = {4185, 60, 4470};
    EXPECT_EQ(seconds.to_vector(), (std::vector<std::uint32_t>{4185, 60, 4470}));
    EXPECT_EQ(seconds[1], 60u);
    const std::vector<std::size_t> vertices = {7, 3};
    const PackedNumbers from_vertices = vertices;
    EXPECT_EQ(from_vertices.to_vector(), (std::vector<std::uint32_t>{7, 3}));
    PackedNumbers assigned;
    assigned.assign(vertices.begin(), vertices.end());
    EXPECT_EQ(assigned, from_vertices);
    EXPECT_TRUE(PackedNumbers().empty());
    EXPECT_EQ(PackedNumbers().view().size(), 0u);
    const std::vector<std::size_t> too_large = {std::size_t{std::numeric_limits<std::uint32_t>::max()} + 1};
    EXPECT_THROW(PackedNumbers{too_large}, std::length_error);
}

TEST(PackedNumbers, OneNumberHeldInPlaceBehavesLikeAnyList) {
    const PackedNumbers one = {4294967295u};
    EXPECT_EQ(one.size(), 1u);
    EXPECT_FALSE(one.empty());
    EXPECT_EQ(one[0], 4294967295u);
    EXPECT_EQ(one.to_vector(), std::vector<std::uint32_t>{4294967295u});
    EXPECT_EQ(one.view().size(), 1u);
    PackedNumbers copy = one;
    EXPECT_EQ(copy, one);
    PackedNumbers moved = std::move(copy);
    EXPECT_EQ(moved, one);
    EXPECT_TRUE(copy.empty());  // NOLINT: a moved-from list is empty
    const PackedNumbers zero = {0u};
    EXPECT_EQ(zero.size(), 1u) << "a single 0 is a list of one, not an empty list";
    EXPECT_NE(zero, PackedNumbers());
    const PackedNumbers kind_one = {1u};
    EXPECT_EQ(kind_one.to_vector(), std::vector<std::uint32_t>{1u});
    // Growing from one to several and back swaps storage without losing a number.
    PackedNumbers list = {5u};
    list = PackedNumbers{5u, 6u, 7u};
    EXPECT_EQ(list.to_vector(), (std::vector<std::uint32_t>{5, 6, 7}));
    list = kind_one;
    EXPECT_EQ(list, kind_one);
    list.swap(moved);
    EXPECT_EQ(list, one);
    EXPECT_EQ(moved, kind_one);
}

TEST(PackedNumbers, RelationshipStaysSmall) {
    // Three packed fields of 8 bytes, two counters and three one-byte fields.
    EXPECT_LE(sizeof(Relationship), 40u);
    Relationship a(RelType::Mentions);
    a.description = "desc";
    a.set_timestamps_s({1, 2});
    Relationship b = a;
    EXPECT_EQ(a, b);
    b.set_timestamps_s({1});
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace castgraph
