// The native graph file (schemas/graph.schema.json): what `castgraph build`
// writes and every later command reads, so one build serves many exports and
// queries. JSON with one node or relationship per line, nodes in id order and
// relationships in (type, from, to) order: reruns give identical bytes and diffs
// stay readable.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>

#include "castgraph/graph.hpp"

namespace castgraph {

inline constexpr std::string_view kGraphFormat = "castgraph-graph";
inline constexpr int kGraphFormatVersion = 1;

void write_graph(const PropertyGraph& graph, std::ostream& out);

// Reads a graph file; source names it in errors. Throws InputError naming the
// file, the line and column of a syntax error or the JSON pointer of a bad value.
PropertyGraph read_graph(std::string_view text, const std::string& source);

// An entity's sightings as the graph file writes them (a JSON array of objects,
// episodes by id); exporters that carry sightings as text use the same form.
// graph holds the sightings' episodes.
nlohmann::ordered_json sightings_json(const PropertyGraph& graph, const std::vector<Sighting>& sightings);
// The same as compact JSON text, written without building the JSON value: the
// bytes of sightings_json(graph, sightings).dump(-1) with invalid UTF-8 replaced.
std::string sightings_json_text(const PropertyGraph& graph, const std::vector<Sighting>& sightings);

// read_graph of the file, read in place (FileText).
PropertyGraph load_graph(const std::string& path);

}  // namespace castgraph
