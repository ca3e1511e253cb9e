#include <algorithm>

#include "castgraph/error.hpp"
#include "castgraph/exporter.hpp"
#include "cypher_exporter.hpp"
#include "dot_exporter.hpp"
#include "graphml_exporter.hpp"
#include "jsonld_exporter.hpp"
#include "neo4j_csv_exporter.hpp"
#include "recsys_exporter.hpp"

namespace castgraph {

void Exporter::write_files(const PropertyGraph& graph, const ExportOptions& options, FileSink& sink) const {
    sink.write_file("graph" + std::string(extension()), [&](std::ostream& out) { write(graph, options, out); });
}

const std::vector<std::unique_ptr<Exporter>>& exporters() {
    static const auto all = [] {
        std::vector<std::unique_ptr<Exporter>> list;
        list.push_back(std::make_unique<GraphmlExporter>());
        list.push_back(std::make_unique<DotExporter>());
        list.push_back(std::make_unique<JsonLdExporter>());
        list.push_back(std::make_unique<CypherExporter>());
        list.push_back(std::make_unique<Neo4jCsvExporter>());
        list.push_back(std::make_unique<RecsysExporter>());
        return list;
    }();
    return all;
}

std::string exporter_names() {
    std::string names;
    for (const auto& exporter : exporters()) {
        if (!names.empty()) names += ", ";
        names += exporter->name();
    }
    return names;
}

const Exporter& find_exporter(std::string_view name) {
    const auto& all = exporters();
    const auto found = std::find_if(all.begin(), all.end(), [&](const auto& e) { return e->name() == name; });
    if (found == all.end()) throw UsageError("unknown export format '" + std::string(name) + "', choose one of " + exporter_names());
    return **found;
}

}  // namespace castgraph
