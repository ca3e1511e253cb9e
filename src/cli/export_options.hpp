#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "castgraph/exporter.hpp"

namespace castgraph::cli {

// Options of the export formats (--graphml-flavor, ...), shared by export and build.
void add_export_options(CLI::App& app, ExportOptions& options);

// Writes one file per format: prefix + the format's extension ("out/graph" ->
// "out/graph.graphml"). Formats are checked before anything is written.
void write_exports(const PropertyGraph& graph, const std::vector<std::string>& formats, const std::string& prefix,
                   const ExportOptions& options);

}  // namespace castgraph::cli
