#pragma once

#include "command.hpp"

namespace castgraph::cli {

// castgraph resolve FILE... [--report report.json] [--aliases F] [--type-map F]
class ResolveCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "resolve"; }
    [[nodiscard]] std::string description() const override {
        return "Resolve entity-list items into entities and write the resolution report (JSON)";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::vector<std::string> inputs;
    std::string report = "-";
    std::string aliases;
    std::string type_map;
};

}  // namespace castgraph::cli
