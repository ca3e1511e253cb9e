#pragma once

#include "castgraph/exporter.hpp"
#include "command.hpp"

namespace castgraph::cli {

// castgraph build FILE... [-o graph.json] [--aliases F] [--type-map F] [--report F] [--previous F]
//                 [--export graphml,dot,... [--export-prefix P]]
class BuildCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "build"; }
    [[nodiscard]] std::string description() const override {
        return "Read, resolve and build the graph; write the native graph file (JSON)";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::vector<std::string> inputs;
    std::string output = "-";
    std::string report;
    std::string previous;
    std::string aliases;
    std::string type_map;
    std::size_t max_co_appearance = 1000;
    std::uint32_t min_weight = 1;
    std::size_t top_k_per_entity = 0;
    std::vector<std::string> export_formats;
    std::string export_prefix;
    ExportOptions export_options;
};

}  // namespace castgraph::cli
