// Wall time of each step of a long stage, logged at debug level (-vv): where a
// large build's time goes, step by step.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <spdlog/fmt/fmt.h>

#include "castgraph/log.hpp"

namespace castgraph::internal {

class StepTimes {
public:
    explicit StepTimes(std::string_view stage) : stage_(stage) {}

    // Ends the step running since the last mark (or since construction).
    void mark(std::string_view step) {
        const auto now = std::chrono::steady_clock::now();
        if (!text_.empty()) text_ += ", ";
        text_ += fmt::format("{} {:.3f} s", step, std::chrono::duration<double>(now - last_).count());
        last_ = now;
    }

    void log() const { logger().debug("{} steps (wall): {}", stage_, text_); }

private:
    std::string stage_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    std::string text_;
};

}  // namespace castgraph::internal
