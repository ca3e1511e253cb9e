// The exporter seam: one Exporter per format, all listed in one registry, so
// --help, validation and "unknown format, choose one of ..." come from one list.
// Exporters read the property graph and write to a std::ostream; they never
// open files (the command line does).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

// Options of every format, each read only by the formats it names.
struct ExportOptions {
    std::string graphml_flavor = "plain";       // graphml: plain | yed
    std::string base_iri = "urn:castgraph:";    // jsonld: node IRIs are base + id
    std::string cypher_flavor = "shell";        // cypher: shell (:begin/:commit) | plain
    std::size_t cypher_batch_size = 500;        // cypher: rows per UNWIND statement
    std::size_t cypher_transaction_size = 10000;  // cypher: rows per transaction (shell flavor)
};

// Where a format made of several files writes them; the command line decides
// where they go and writes each atomically.
class FileSink {
public:
    virtual ~FileSink() = default;
    virtual void write_file(const std::string& name, const std::function<void(std::ostream&)>& write) = 0;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;         // "graphml"
    [[nodiscard]] virtual std::string_view extension() const = 0;    // ".graphml"; a directory's suffix ("-neo4j-csv")
    [[nodiscard]] virtual std::string_view description() const = 0;  // one line for --help
    // True for formats written as a directory of files (write_files), false for one stream (write).
    [[nodiscard]] virtual bool writes_directory() const { return false; }
    // Writes the whole graph; throws UsageError for options it cannot honour.
    virtual void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const = 0;
    virtual void write_files(const PropertyGraph& graph, const ExportOptions& options, FileSink& sink) const;
};

// Every format, in the order --help lists them.
const std::vector<std::unique_ptr<Exporter>>& exporters();
// The exporter of a format name; throws UsageError naming the known formats.
const Exporter& find_exporter(std::string_view name);
// "graphml, dot, ..." for messages and --help.
std::string exporter_names();

}  // namespace castgraph
