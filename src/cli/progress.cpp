#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace castgraph::cli {

Progress::Progress(bool quiet) : enabled_(!quiet && ::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);  // leave no partial line behind
}

void Progress::close_stage() {
    if (current_.empty()) return;
    const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - stage_wall_).count();
    const auto cpu = static_cast<double>(std::clock() - stage_cpu_) / CLOCKS_PER_SEC;
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%s %.3f/%.3f s", current_.c_str(), wall, cpu);
    timings_.emplace_back(buffer);
    current_.clear();
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
