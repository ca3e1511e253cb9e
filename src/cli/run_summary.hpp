#pragma once

#include <cstddef>
#include <string>

#include "castgraph/problems.hpp"

namespace castgraph::cli {

// The closing line of a run on standard error: what was read, kept and skipped.
// Shown as a warning when something was skipped, otherwise only with -v, so a
// clean run leaves standard error empty.
// `kept` adds what else was kept ("125 entity-list items -> 118 entities (7 merged)").
void report_run_summary(const std::string& command, std::size_t files, std::size_t episodes,
                        const ProblemLog& problems, const std::string& kept = {});

}  // namespace castgraph::cli
