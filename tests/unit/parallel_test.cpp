#include "castgraph/parallel.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace castgraph {
namespace {

// Room is made and its pages faulted in without touching the elements already there.
TEST(ReserveTouched, KeepsElementsAndMakesRoom) {
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        std::vector<std::uint64_t> values;
        for (std::uint64_t i = 0; i < 1000; ++i) values.push_back(i * 7 + 1);
        constexpr std::size_t kRoom = std::size_t{8} << 20;  // 64 MB: several tasks' worth
        reserve_touched(values, kRoom);
        EXPECT_GE(values.capacity(), kRoom);
        ASSERT_EQ(values.size(), 1000u);
        for (std::uint64_t i = 0; i < 1000; ++i) ASSERT_EQ(values[i], i * 7 + 1) << "threads " << threads;
        values.resize(kRoom, 5);
        EXPECT_EQ(values.back(), 5u);
        reserve_touched(values, 10);  // less than there is: nothing to do
        EXPECT_EQ(values.size(), kRoom);
    }
    set_thread_count(0);
}

// The bytes written are one a page, at the start of each page from the given address.
TEST(TouchPages, WritesOneZeroAPageAndNothingElse) {
    set_thread_count(2);
    std::vector<unsigned char> buffer(std::size_t{40} << 20, 0xAB);
    touch_pages_in_parallel(buffer.data() + 100, buffer.size() - 100);
    std::size_t zeros = 0;
    for (std::size_t at = 0; at < buffer.size(); ++at) {
        const bool page_start = at >= 100 && (at - 100) % 4096 == 0;
        if (page_start) {
            ASSERT_EQ(buffer[at], 0) << at;
            ++zeros;
        } else {
            ASSERT_EQ(buffer[at], 0xAB) << at;
        }
    }
    EXPECT_EQ(zeros, (buffer.size() - 100 + 4095) / 4096);
    set_thread_count(0);
}

}  // namespace
}  // namespace castgraph
