#include "castgraph/parallel.hpp"

#include "internal/helper_thread.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace castgraph {
namespace {

// A thousand elements already in a list, which making room must keep as they are.
constexpr std::uint64_t kKept = 1000;
std::vector<std::uint64_t> kept_elements() {
    std::vector<std::uint64_t> values;
    for (std::uint64_t i = 0; i < kKept; ++i) values.push_back(i * 7 + 1);
    return values;
}
void expect_kept_elements(const std::vector<std::uint64_t>& values, std::size_t threads) {
    ASSERT_GE(values.size(), kKept);
    for (std::uint64_t i = 0; i < kKept; ++i) ASSERT_EQ(values[i], i * 7 + 1) << "threads " << threads;
}

// Room is made and its pages faulted in without touching the elements already there.
TEST(ReserveTouched, KeepsElementsAndMakesRoom) {
    for (const std::size_t threads : {1, 2, 3}) {
        set_thread_count(threads);
        auto values = kept_elements();
        constexpr std::size_t kRoom = std::size_t{8} << 20;  // 64 MB: several tasks' worth
        reserve_touched(values, kRoom);
        EXPECT_GE(values.capacity(), kRoom);
        ASSERT_EQ(values.size(), kKept);
        expect_kept_elements(values, threads);
        values.resize(kRoom, 5);
        EXPECT_EQ(values.back(), 5u);
        reserve_touched(values, 10);  // less than there is: nothing to do
        EXPECT_EQ(values.size(), kRoom);
    }
    set_thread_count(0);
}

// The list grows to the count asked, its elements kept and the new ones zero, or
// shrinks to it.
TEST(ResizeTouched, KeepsElementsAndValueInitializesTheRest) {
    for (const std::size_t threads : {1, 2}) {
        set_thread_count(threads);
        auto values = kept_elements();
        constexpr std::size_t kCount = std::size_t{4} << 20;  // 32 MB: several tasks' worth
        resize_touched(values, kCount);
        ASSERT_EQ(values.size(), kCount);
        expect_kept_elements(values, threads);
        EXPECT_TRUE(std::all_of(values.begin() + kKept, values.end(), [](std::uint64_t v) { return v == 0; }));
        resize_touched(values, 10);
        ASSERT_EQ(values.size(), 10u);
        EXPECT_EQ(values[9], 9u * 7 + 1);
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

// Chunks reach emit in order whatever thread formatted them and however long each
// took, with many more chunks than the ring holds.
TEST(FormatInOrder, EmitsEveryChunkInOrder) {
    for (const std::size_t threads : {1, 2, 3, 8}) {
        set_thread_count(threads);
        constexpr std::size_t kChunks = 1000;
        std::vector<std::size_t> emitted;
        format_in_order(
            kChunks,
            [](std::size_t chunk, std::string& text) {
                EXPECT_TRUE(text.empty());
                if (chunk % 97 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a slow chunk
                text = std::to_string(chunk) + std::string(chunk % 13, 'x');
            },
            [&](const std::string& text) {
                const auto chunk = std::stoul(text);
                EXPECT_EQ(text, std::to_string(chunk) + std::string(chunk % 13, 'x'));
                emitted.push_back(chunk);
            });
        ASSERT_EQ(emitted.size(), kChunks) << "threads " << threads;
        for (std::size_t i = 0; i < kChunks; ++i) ASSERT_EQ(emitted[i], i) << "threads " << threads;
    }
    set_thread_count(0);
}

// The first failing chunk in chunk order is the one reported, and nothing from it
// or after it is emitted, even when a later chunk fails first.
TEST(FormatInOrder, RethrowsTheFirstFailureInChunkOrder) {
    for (const std::size_t threads : {1, 2, 4}) {
        set_thread_count(threads);
        std::size_t emitted = 0;
        try {
            format_in_order(
                100,
                [](std::size_t chunk, std::string& text) {
                    if (chunk == 40) std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    if (chunk == 40 || chunk == 41) throw std::runtime_error("chunk " + std::to_string(chunk));
                    text = "ok";
                },
                [&](const std::string&) { ++emitted; });
            FAIL() << "no exception";
        } catch (const std::runtime_error& error) {
            EXPECT_STREQ(error.what(), "chunk 40") << "threads " << threads;
        }
        EXPECT_EQ(emitted, 40u) << "threads " << threads;
    }
    set_thread_count(0);
}

// A failing emit (a full disk) stops the formatting and reaches the caller.
TEST(FormatInOrder, StopsWhenEmitFails) {
    set_thread_count(2);
    std::size_t formatted = 0;
    std::mutex mutex;
    EXPECT_THROW(format_in_order(
                     100000,
                     [&](std::size_t, std::string& text) {
                         const std::lock_guard lock(mutex);
                         ++formatted;
                         text = "x";
                     },
                     [](const std::string&) { throw std::runtime_error("write failed"); }),
                 std::runtime_error);
    EXPECT_LT(formatted, 100u);  // the ring's few chunks, not the rest
    set_thread_count(0);
}

// Every task runs once, on the threads asked for, and the first failure in task
// order is rethrown once all have run.
TEST(RunInParallel, RunsEveryTaskOnceAndRethrowsTheFirstFailureInTaskOrder) {
    set_thread_count(2);
    std::vector<std::atomic<int>> runs(500);
    std::vector<std::function<void()>> tasks;
    for (std::size_t t = 0; t < runs.size(); ++t)
        tasks.emplace_back([&, t] {
            ++runs[t];
            if (t == 300 || t == 400) throw std::runtime_error(t == 300 ? "task 300" : "task 400");
        });
    try {
        run_in_parallel(tasks);
        ADD_FAILURE() << "no failure rethrown";
    } catch (const std::runtime_error& failure) {
        EXPECT_STREQ(failure.what(), "task 300");
    }
    for (std::size_t t = 0; t < runs.size(); ++t) EXPECT_EQ(runs[t], 1) << "task " << t;
    set_thread_count(0);
}

// The caller goes on once the tasks are done, while a helper thread is still ending
// (here held by a thread_local's destructor, as an allocator's heap holds an ending
// thread): joined, the call would return only after the hold.
TEST(RunInParallel, ReturnsOnceTheTasksAreDoneWhileAHelperStillEnds) {
    set_thread_count(2);
    static std::atomic<bool> released{false};
    static std::atomic<bool> ended{false};
    released = false;
    ended = false;
    struct HoldsThreadEnd {
        ~HoldsThreadEnd() {
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!released && std::chrono::steady_clock::now() < give_up)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            ended = true;
        }
    };
    const auto caller = std::this_thread::get_id();
    std::atomic<int> arrived{0};
    std::atomic<bool> helper_ran{false};
    std::vector<std::function<void()>> tasks(2, [&] {
        // Each thread takes one task: both wait here until both have come.
        ++arrived;
        while (arrived < 2) std::this_thread::yield();
        if (std::this_thread::get_id() == caller) return;
        thread_local HoldsThreadEnd hold;
        (void)hold;
        helper_ran = true;
    });
    run_in_parallel(tasks);
    EXPECT_TRUE(helper_ran);
    EXPECT_FALSE(ended) << "returned only after the helper thread ended";
    released = true;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!ended && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_TRUE(ended);
    set_thread_count(0);
}

// Work handed to the helper runs on another thread, round after round, and each wait
// returns only once that round is done.
TEST(HelperThread, RunsEachRoundOnItsOwnThreadAndWaitsForIt) {
    internal::HelperThread helper;
    helper.wait();  // nothing handed over yet: returns at once
    std::vector<int> done;
    std::thread::id ran_on;
    for (int round = 0; round < 200; ++round) {
        helper.run([&, round] {
            if (round == 0) ran_on = std::this_thread::get_id();
            EXPECT_EQ(std::this_thread::get_id(), ran_on) << "round " << round;
            // Slow enough that a wait returning early would find the round missing.
            if (round % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            done.push_back(round);
        });
        helper.wait();
        ASSERT_EQ(done.size(), static_cast<std::size_t>(round + 1));
        EXPECT_EQ(done.back(), round);
    }
    EXPECT_NE(ran_on, std::this_thread::get_id());
}

// A round's exception reaches the waiting caller once, and the helper serves the next.
TEST(HelperThread, RethrowsARoundsFailureOnceAndGoesOn) {
    internal::HelperThread helper;
    helper.run([] { throw std::runtime_error("round failed"); });
    EXPECT_THROW(helper.wait(), std::runtime_error);
    EXPECT_NO_THROW(helper.wait());
    bool ran = false;
    helper.run([&] { ran = true; });
    EXPECT_NO_THROW(helper.wait());
    EXPECT_TRUE(ran);
}

// Going out of scope finishes the round under way before the thread is joined.
TEST(HelperThread, FinishesTheRoundUnderWayWhenDestroyed) {
    std::atomic<bool> finished{false};
    std::atomic<bool> started{false};
    {
        internal::HelperThread helper;
        helper.run([&] {
            started = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            finished = true;
        });
        while (!started) std::this_thread::yield();
    }
    EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace castgraph
