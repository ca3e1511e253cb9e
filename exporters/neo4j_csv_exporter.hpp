#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// CSV files for `neo4j-admin database import full`, for graphs too large for a
// script: nodes_<Label>.csv (id:ID, :LABEL, typed properties) and
// relationships_<TYPE>.csv (:START_ID, :END_ID, :TYPE, typed properties), with
// headers such as episode_count:long, in_entity_list:boolean, aliases:string[],
// timestamps_s:long[]. Every field is quoted (RFC 4180, quotes doubled); texts may
// hold newlines (import with --multiline-fields=true); array elements are
// separated by U+001F, the ASCII unit separator (--array-delimiter=U+001F), which
// an element cannot hold (a U+001F inside a name becomes a space). Entities carry
// the extra label Entity. import.sh holds the exact neo4j-admin command.
class Neo4jCsvExporter : public Exporter {
public:
    [[nodiscard]] std::string_view name() const override { return "neo4j-csv"; }
    [[nodiscard]] std::string_view extension() const override { return "-neo4j-csv"; }
    [[nodiscard]] std::string_view description() const override {
        return "CSV directory for neo4j-admin database import (give -o DIR)";
    }
    [[nodiscard]] bool writes_directory() const override { return true; }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
    void write_files(const PropertyGraph& graph, const ExportOptions& options, FileSink& sink) const override;
};

}  // namespace castgraph
