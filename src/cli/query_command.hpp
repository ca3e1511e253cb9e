#pragma once

#include "castgraph/query.hpp"
#include "command.hpp"

namespace castgraph::cli {

// castgraph query graph.json QUESTION [ARGS] [--json|--csv]
//   who-mentioned NAME | episodes NAME | neighbors NAME | path A B | top
class QueryCommand : public Command {
public:
    [[nodiscard]] std::string name() const override { return "query"; }
    [[nodiscard]] std::string description() const override {
        return "Ask a graph file: who-mentioned NAME, episodes NAME, neighbors NAME, path A B, top";
    }
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& global) override;

    std::string graph;
    std::string question;
    std::vector<std::string> arguments;
    std::vector<std::string> types;
    std::string label;
    bool json = false;
    bool csv = false;
    std::string output = "-";
    QueryOptions options;
};

// Writes a result as a table, JSON or CSV to a file or standard output.
void write_result(const QueryResult& result, bool json, bool csv, const std::string& output);

}  // namespace castgraph::cli
