#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace castgraph::cli {

// A command's large structures (the graph, the episodes) live until the process
// ends, which follows the command: freeing millions of small objects one by one
// would only add seconds before exit. They stay reachable from a global, so leak
// checkers do not report them.
template <typename T>
void keep_until_exit(T&& value) {
    static auto* kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace castgraph::cli
