#include "progress.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace castgraph::cli {

namespace {

double thread_cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// The process's peak resident memory so far, in MB: which stage raised it shows where memory goes.
long peak_rss_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

}  // namespace

TaskTiming timed(const std::function<void()>& work) {
    const auto wall = std::chrono::steady_clock::now();
    const auto cpu = thread_cpu_seconds();
    work();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(), thread_cpu_seconds() - cpu};
}

Progress::Progress(bool quiet) : enabled_(!quiet && ::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);  // leave no partial line behind
}

void Progress::close_stage() {
    if (current_.empty()) return;
    const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - stage_wall_).count();
    const auto cpu = static_cast<double>(std::clock() - stage_cpu_) / CLOCKS_PER_SEC;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%s %.3f/%.3f s (peak %ld MB)", current_.c_str(), wall, cpu, peak_rss_mb());
    timings_.emplace_back(buffer);
    timings_.insert(timings_.end(), pending_.begin(), pending_.end());
    pending_.clear();
    current_.clear();
}

void Progress::add_timing(const std::string& name, double wall_seconds, double cpu_seconds) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%s %.3f/%.3f s", name.c_str(), wall_seconds, cpu_seconds);
    pending_.emplace_back(buffer);
}

std::string Progress::timings() {
    close_stage();
    std::string text;
    for (const auto& timing : timings_) text += (text.empty() ? "" : ", ") + timing;
    return text;
}

void Progress::stage(const std::string& name, const std::string& text) {
    if (!name.empty()) {
        close_stage();
        current_ = name;
        stage_wall_ = std::chrono::steady_clock::now();
        stage_cpu_ = std::clock();
    }
    if (!enabled_) return;
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r\033[K[%6.1f s] %s", seconds, text.c_str());
    std::fflush(stderr);
    shown_ = true;
}

}  // namespace castgraph::cli
