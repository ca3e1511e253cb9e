// The episode JSON format (schemas/episode.schema.json): the same facts as a
// listing page, as structured records.
//
//   { "format": "castgraph-episodes", "version": 1, "episodes": [ {...}, ... ] }
//
// Writing is deterministic: keys in a fixed order, two-space indentation.
// Reading validates each record; a bad record is reported (file, line of the
// record, JSON pointer of the field) and skipped. Malformed JSON is one problem
// for the whole file (nothing can be kept).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/episode.hpp"
#include "castgraph/problems.hpp"

namespace castgraph {

void write_episodes_json(const std::vector<Episode>& episodes, std::ostream& out);

std::vector<Episode> read_episodes_json(std::string_view text, const std::string& source_name,
                                        ProblemLog& problems);

}  // namespace castgraph
