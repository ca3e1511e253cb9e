#pragma once

#include "command.hpp"

namespace castgraph::cli {

// castgraph stats graph.json [--json] [-k N] [-o FILE]
class StatsCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "stats"; }
    [[nodiscard]] std::string description() const override {
        return "Count nodes and relationships of a graph file; list top entities and co-appearing pairs";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::string graph;
    bool json = false;
    std::size_t top_k = 10;
    std::string output = "-";
};

}  // namespace castgraph::cli
