// The one logger of castgraph: named "castgraph", writing to standard error so
// standard output carries data only.
#pragma once

#include <spdlog/logger.h>

namespace castgraph {

spdlog::logger& logger();

}  // namespace castgraph
