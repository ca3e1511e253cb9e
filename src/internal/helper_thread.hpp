// One thread kept for the rounds of a loop: run() hands it work while the caller goes
// on, wait() waits for that work and rethrows what it threw. A thread started and
// joined for each round cost about a millisecond a round here, most of it after the
// work was done (a thousand rounds at a million episodes).
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace castgraph::internal {

class HelperThread {
public:
    HelperThread() : thread_([this] { serve(); }) {}
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;

    // Waits for work under way (what it uses must outlive it) and drops work not begun.
    ~HelperThread() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
    }  // thread_ joins first, as the last member

    // Hands over work; the work given before must have been waited for.
    void run(std::function<void()> work) {
        {
            const std::lock_guard lock(mutex_);
            work_ = std::move(work);
            busy_ = true;
        }
        wake_.notify_one();
    }

    // Returns once the work handed over is done (at once if there is none), rethrowing
    // its exception.
    void wait() {
        std::exception_ptr failure;
        {
            std::unique_lock lock(mutex_);
            done_.wait(lock, [&] { return !busy_; });
            failure = std::exchange(failure_, nullptr);
        }
        if (failure) std::rethrow_exception(failure);
    }

private:
    void serve() {
        for (;;) {
            std::function<void()> work;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return stopping_ || busy_; });
                if (stopping_) return;
                work = std::move(work_);
            }
            std::exception_ptr failure;
            try {
                work();
            } catch (...) {
                failure = std::current_exception();
            }
            {
                const std::lock_guard lock(mutex_);
                failure_ = failure;
                busy_ = false;
            }
            done_.notify_one();
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    std::function<void()> work_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::jthread thread_;  // last: started once the rest is made, joined before it goes
};

}  // namespace castgraph::internal
