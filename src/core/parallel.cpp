#include "castgraph/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace castgraph {
namespace {

std::atomic<std::size_t> configured_threads{0};

// Helper threads whose tasks are done, left to end while their caller goes on. A
// thread that ends hands its allocator heap back block by block: after the name scan,
// which frees the episodes' texts, that took half a second at a million episodes, the
// caller waiting to join. Joined later, by the time more have ended, or at exit.
class EndingThreads {
public:
    ~EndingThreads() {
        // Joined here, not by the list's destructor: a thread ending needs the lock no more.
        const std::lock_guard lock(mutex_);
        threads_.clear();
    }

    void add(std::vector<std::jthread>& threads) {
        std::vector<std::jthread> ended;  // joined outside the lock
        {
            const std::lock_guard lock(mutex_);
            for (auto& thread : threads) threads_.push_back(std::move(thread));
            // The oldest have long ended: joined at once, so the list stays short.
            if (threads_.size() > kKept) {
                const auto oldest = threads_.size() - kKept;
                ended.assign(std::make_move_iterator(threads_.begin()),
                             std::make_move_iterator(threads_.begin() + static_cast<std::ptrdiff_t>(oldest)));
                threads_.erase(threads_.begin(), threads_.begin() + static_cast<std::ptrdiff_t>(oldest));
            }
        }
        threads.clear();
    }

private:
    static constexpr std::size_t kKept = 16;
    std::mutex mutex_;
    std::vector<std::jthread> threads_;
};

EndingThreads& ending_threads() {
    static EndingThreads threads;
    return threads;
}

}  // namespace

void set_thread_count(std::size_t threads) { configured_threads = threads; }

std::size_t thread_count() {
    if (const auto configured = configured_threads.load(); configured > 0) return configured;
    return std::max(1U, std::thread::hardware_concurrency());
}

void run_in_parallel(const std::vector<std::function<void()>>& tasks) {
    std::vector<std::exception_ptr> failures(tasks.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (auto task = next++; task < tasks.size(); task = next++) {
            try {
                tasks[task]();
            } catch (...) {
                failures[task] = std::current_exception();
            }
        }
    };
    const auto threads = std::min(thread_count(), tasks.size());
    if (threads <= 1) {
        work();
    } else {
        // Shared with the helpers, which still signal through it as the caller returns.
        struct Running {
            std::mutex mutex;
            std::condition_variable done;
            std::size_t helpers = 0;
        };
        const auto running = std::make_shared<Running>();
        running->helpers = threads - 1;
        std::vector<std::jthread> helpers;  // should starting one fail, those started join here
        for (std::size_t i = 1; i < threads; ++i)
            helpers.emplace_back([&work, running] {
                work();
                {
                    const std::lock_guard lock(running->mutex);
                    --running->helpers;
                }
                running->done.notify_one();
            });
        work();
        {
            std::unique_lock lock(running->mutex);
            running->done.wait(lock, [&] { return running->helpers == 0; });
        }
        ending_threads().add(helpers);
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

void for_each_index_in_parallel(std::size_t begin, std::size_t end, std::size_t chunk,
                                const std::function<void(std::size_t)>& work) {
    std::vector<std::function<void()>> tasks;
    for (auto first = begin; first < end; first += chunk)
        tasks.emplace_back([&, first] {
            for (auto i = first; i < std::min(end, first + chunk); ++i) work(i);
        });
    run_in_parallel(tasks);
}

void format_in_order(std::size_t chunks, const std::function<void(std::size_t chunk, std::string& text)>& format,
                     const std::function<void(const std::string& text)>& emit) {
    const auto workers = std::min(thread_count(), chunks);
    if (workers <= 1) {
        std::string text;
        for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
            text.clear();
            format(chunk, text);
            emit(text);
        }
        return;
    }
    // Persistent workers fill a ring of slots ahead of the emitting thread, which
    // frees each slot as it goes: no barrier between rounds, no threads per round.
    struct Slot {
        std::string text;
        std::exception_ptr failure;
        bool ready = false;
    };
    std::vector<Slot> ring(4 * workers);
    std::mutex mutex;
    std::condition_variable slot_freed;
    std::condition_variable chunk_ready;
    std::size_t next_chunk = 0;  // the next chunk a worker takes
    std::size_t emitted = 0;     // chunks emitted, whose slots are free again
    bool stopping = false;
    const auto work = [&] {
        for (;;) {
            std::size_t chunk = 0;
            {
                std::unique_lock lock(mutex);
                const auto can_take = [&] {
                    return stopping || next_chunk >= chunks || next_chunk < emitted + ring.size();
                };
                slot_freed.wait(lock, can_take);
                if (stopping || next_chunk >= chunks) return;
                chunk = next_chunk++;
            }
            auto& slot = ring[chunk % ring.size()];
            slot.text.clear();
            try {
                format(chunk, slot.text);
            } catch (...) {
                slot.failure = std::current_exception();
            }
            {
                const std::lock_guard lock(mutex);
                slot.ready = true;
            }
            chunk_ready.notify_one();
        }
    };
    const auto stop = [&] {
        {
            const std::lock_guard lock(mutex);
            stopping = true;
        }
        slot_freed.notify_all();
    };
    std::vector<std::jthread> threads;  // declared after what they use: joined first
    threads.reserve(workers);
    try {
        for (std::size_t i = 0; i < workers; ++i) threads.emplace_back(work);  // may throw: stop the others
        for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
            auto& slot = ring[chunk % ring.size()];
            {
                std::unique_lock lock(mutex);
                chunk_ready.wait(lock, [&] { return slot.ready; });
            }
            if (slot.failure) std::rethrow_exception(slot.failure);
            emit(slot.text);
            {
                const std::lock_guard lock(mutex);
                slot.ready = false;
                ++emitted;
            }
            slot_freed.notify_all();
        }
    } catch (...) {
        stop();
        throw;
    }
}

void touch_pages_in_parallel(void* data, std::size_t bytes) {
    constexpr std::size_t kPage = 4096;
    constexpr std::size_t kChunk = std::size_t{16} << 20;  // 16 MB a task
    if (bytes < kChunk) return;  // not worth the threads
    auto* begin = static_cast<unsigned char*>(data);
    for_each_index_in_parallel(0, (bytes + kChunk - 1) / kChunk, 1, [&](std::size_t chunk) {
        const auto end = std::min(bytes, (chunk + 1) * kChunk);
        // Volatile: the zeros are there to fault the pages in, not to be read.
        for (auto at = chunk * kChunk; at < end; at += kPage) static_cast<volatile unsigned char*>(begin)[at] = 0;
    });
}

}  // namespace castgraph
