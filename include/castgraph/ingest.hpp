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

// Adds `more` at the end of `episodes`; into an empty list, the whole list is taken
// (a million episodes moved one by one took a quarter second).
void append_episodes(std::vector<Episode>& episodes, std::vector<Episode>&& more);

// Reads all inputs in the order given.
std::vector<Episode> read_all_episodes(const std::vector<std::string>& paths, ProblemLog& problems);

// One record per episode id, for the graph: the same episode read twice (a page
// crawled again, a page and its JSON) is kept once. Among differing records the
// richest is kept (most entity-list items, then chapters, then text), whatever
// the input order; each record dropped is reported as a "duplicate-episode"
// problem naming both places. Returns the episodes sorted by id.
std::vector<Episode> deduplicate_episodes(std::vector<Episode> episodes, ProblemLog& problems);

}  // namespace castgraph
