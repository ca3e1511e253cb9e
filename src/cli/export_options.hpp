#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "castgraph/exporter.hpp"

namespace castgraph::cli {

// Options of the export formats (--graphml-flavor, ...), shared by export and build.
void add_export_options(CLI::App& app, ExportOptions& options);

// Writes one format to a file, or to a directory for a directory format ("-" is
// standard output, refused for a directory format).
void export_to(const Exporter& exporter, const PropertyGraph& graph, const ExportOptions& options,
               const std::string& path);

// Writes one file per format: prefix + the format's extension ("out/graph" ->
// "out/graph.graphml"; a directory format: "out/graph-neo4j-csv/"). Formats are
// checked before anything is written.
void write_exports(const PropertyGraph& graph, const std::vector<std::string>& formats, const std::string& prefix,
                   const ExportOptions& options);

}  // namespace castgraph::cli
