#include "stats_command.hpp"

#include "castgraph/graph_json.hpp"
#include "castgraph/graph_stats.hpp"
#include "castgraph/io.hpp"

namespace castgraph::cli {

void StatsCommand::setup(CLI::App& app) {
    app.add_option("graph", graph, "Graph file written by 'castgraph build'")->required();
    app.add_flag("--json", json, "Write JSON instead of a table");
    app.add_option("-k,--top", top_k, "How many top entities and pairs to list")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
    app.add_option("-o,--output", output, "Output file; '-' is standard output")->capture_default_str();
}

int StatsCommand::run(const GlobalOptions& /*global*/) {
    const auto stats = compute_stats(load_graph(graph), top_k);
    write_file_atomically(output, [&](std::ostream& out) {
        if (json)
            write_stats_json(stats, out);
        else
            write_stats_table(stats, out);
    });
    return 0;
}

}  // namespace castgraph::cli
