// A graph file as castgraph writes it, read fast: the header on its first line,
// then one record a line, so the records are parsed on every core with simdjson
// and turned straight into nodes and relationships, with no JSON tree in between.
// Commands that read a built graph (export, query, render, stats) spend most of
// their time here on a large graph.
#pragma once

#include <optional>
#include <string_view>

#include "castgraph/graph.hpp"

namespace castgraph::internal {

// The graph when the text has castgraph's layout and every record holds what the
// general reader would accept, with the same meaning; nullopt for anything else (a
// file laid out otherwise, a syntax error, a value out of place), which the general
// reader then reads or rejects, naming what is wrong and where. The result never
// depends on the number of threads.
std::optional<PropertyGraph> read_graph_layout(std::string_view text);

}  // namespace castgraph::internal
