#pragma once

#include "command.hpp"

namespace castgraph::cli {

// castgraph recommend graph.json (--episode TITLE|ID | --entity NAME | --person NAME) [-k N]
class RecommendCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "recommend"; }
    [[nodiscard]] std::string description() const override {
        return "Related episodes, related entities, or episodes for a person's listeners, each explained";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::string graph;
    std::string episode;
    std::string entity;
    std::string person;
    std::string method = "adamic-adar";
    std::size_t top_k = 10;
    bool json = false;
    bool csv = false;
    std::string output = "-";
};

}  // namespace castgraph::cli
