#pragma once

#include "castgraph/render.hpp"
#include "command.hpp"

namespace castgraph::cli {

// castgraph render graph.json [--view guests|hosts|full|ego:NAME] [--format svg|png|pdf|dot] [-o FILE]
class RenderCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "render"; }
    [[nodiscard]] std::string description() const override {
        return "Draw a diagram of a graph file (guest network, hosts, full graph, one entity's neighbourhood)";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::string graph;
    std::string output = "-";
    std::string format;  // empty: from the output's extension, else svg
    RenderOptions options;
};

}  // namespace castgraph::cli
