#pragma once

#include "command.hpp"

namespace castgraph::cli {

// castgraph parse FILE... [-o out.json]: listing pages or episode JSON in, episode JSON out.
class ParseCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "parse"; }
    [[nodiscard]] std::string description() const override {
        return "Read listing pages or episode JSON and write episode records (JSON)";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::vector<std::string> inputs;
    std::string output = "-";
};

}  // namespace castgraph::cli
