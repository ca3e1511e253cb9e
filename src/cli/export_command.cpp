#include "export_command.hpp"

#include "castgraph/graph_json.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"
#include "export_options.hpp"
#include "keep_until_exit.hpp"
#include "progress.hpp"

namespace castgraph::cli {

void ExportCommand::setup(CLI::App& app) {
    app.add_option("graph", graph, "Graph file written by 'castgraph build'")->required();
    std::vector<std::string> names;
    for (const auto& exporter : exporters()) names.emplace_back(exporter->name());
    app.add_option("-f,--format", format, "Output format: " + exporter_names())->required()->check(CLI::IsMember(names));
    app.add_option("-o,--output", output, "Output file, or directory for neo4j-csv; '-' is standard output")
        ->capture_default_str();
    add_export_options(app, options);
}

int ExportCommand::run(const GlobalOptions& global) {
    const auto& exporter = find_exporter(format);
    Progress progress(global.quiet);
    progress.stage("load", "reading " + graph);
    auto loaded = load_graph(graph);
    progress.stage("write", "writing " + output + " (" + format + ")");
    export_to(exporter, loaded, options, output);
    logger().info("export: stage times (wall/CPU): {}", progress.timings());
    keep_until_exit(std::move(loaded));
    return 0;
}

}  // namespace castgraph::cli
