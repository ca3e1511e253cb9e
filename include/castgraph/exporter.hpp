// The exporter seam: one Exporter per format, all listed in one registry, so
// --help, validation and "unknown format, choose one of ..." come from one list.
// Exporters read the property graph and write to a std::ostream; they never
// open files (the command line does).
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

// Options of every format, each read only by the formats it names.
struct ExportOptions {
    std::string graphml_flavor = "plain";  // graphml: plain | yed
};

class Exporter {
public:
    virtual ~Exporter() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;         // "graphml"
    [[nodiscard]] virtual std::string_view extension() const = 0;    // ".graphml"
    [[nodiscard]] virtual std::string_view description() const = 0;  // one line for --help
    // Writes the whole graph; throws UsageError for options it cannot honour.
    virtual void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const = 0;
};

// Every format, in the order --help lists them.
const std::vector<std::unique_ptr<Exporter>>& exporters();
// The exporter of a format name; throws UsageError naming the known formats.
const Exporter& find_exporter(std::string_view name);
// "graphml, dot, ..." for messages and --help.
std::string exporter_names();

}  // namespace castgraph
