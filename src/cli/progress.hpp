#pragma once

#include <chrono>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace castgraph::cli {

// Wall and CPU seconds of work run on one thread.
struct TaskTiming {
    double wall_seconds = 0;
    double cpu_seconds = 0;
};
// Runs work on the calling thread and times it (CPU: this thread's only).
TaskTiming timed(const std::function<void()>& work);

// A one-line progress display on standard error for long runs: shown only when standard
// error is a terminal and -q is not given, so logs and pipes stay clean. It also times
// each stage (wall and CPU seconds) for the -v summary and the benchmark.
class Progress {
public:
    explicit Progress(bool quiet);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Starts a stage: `name` for the timings ("read", "resolve"), `text` for the display;
    // an empty name only updates the display within the current stage.
    void stage(const std::string& name, const std::string& text);
    // Adds the timing of one piece of work done on its own thread (an export written
    // beside others), listed after the stage that ran it.
    void add_timing(const std::string& name, double wall_seconds, double cpu_seconds);
    // "read 1.20/1.18 s (peak 210 MB), resolve 0.40/0.40 s (peak 260 MB), ..." (wall/CPU and
    // the process's peak memory at the stage's end), closing the current stage.
    std::string timings();

private:
    void close_stage();

    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::string current_;
    std::chrono::steady_clock::time_point stage_wall_;
    std::clock_t stage_cpu_ = 0;
    std::vector<std::string> pending_;  // add_timing's, shown after the current stage
    std::vector<std::string> timings_;
};

}  // namespace castgraph::cli
