#pragma once

#include "castgraph/exporter.hpp"
#include "command.hpp"

namespace castgraph::cli {

// castgraph export graph.json --format NAME [-o FILE] [format options]
class ExportCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "export"; }
    [[nodiscard]] std::string description() const override {
        return "Write a graph file in another format: " + exporter_names();
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::string graph;
    std::string format;
    std::string output = "-";
    ExportOptions options;
};

}  // namespace castgraph::cli
