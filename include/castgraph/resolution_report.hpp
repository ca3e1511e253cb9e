// The resolution report (schemas/resolution-report.schema.json): every
// entity-list item with the entity it went to, every merge with its rule, every
// refused merge with its reason. Deterministic bytes.
#pragma once

#include <ostream>

#include "castgraph/resolve.hpp"

namespace castgraph {

void write_resolution_report(const ResolutionResult& result, std::ostream& out);

// A readable table of merges and refusals, for people (-v on standard error).
void write_resolution_table(const ResolutionResult& result, std::ostream& out);

}  // namespace castgraph
