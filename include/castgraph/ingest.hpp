// Reading inputs of any supported kind: listing pages and episode JSON,
// recognised by content (a JSON document starts with '{').
#pragma once

#include <string>
#include <vector>

#include "castgraph/episode.hpp"
#include "castgraph/problems.hpp"

namespace castgraph {

// Reads one input; "-" is standard input. Throws IoError when the file cannot be read.
std::vector<Episode> read_episodes(const std::string& path, ProblemLog& problems);

// Reads all inputs in the order given.
std::vector<Episode> read_all_episodes(const std::vector<std::string>& paths, ProblemLog& problems);

}  // namespace castgraph
