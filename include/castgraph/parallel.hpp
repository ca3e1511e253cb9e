// Independent work spread over the machine's cores. Callers keep results in
// slots indexed by task, so output never depends on which thread ran what.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace castgraph {

// Threads used by run_in_parallel; 0 (the default) means the machine's cores.
void set_thread_count(std::size_t threads);
[[nodiscard]] std::size_t thread_count();

// Runs every task once, on up to thread_count() threads, and waits for all of
// them. Then rethrows the exception of the first task, in task order, that threw.
void run_in_parallel(const std::vector<std::function<void()>>& tasks);

}  // namespace castgraph
