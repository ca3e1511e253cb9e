#include "resolve_command.hpp"

#include <sstream>

#include "castgraph/ingest.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"
#include "castgraph/resolution_report.hpp"
#include "resolve_options.hpp"
#include "run_summary.hpp"

namespace castgraph::cli {

void ResolveCommand::setup(CLI::App& app) {
    app.add_option("inputs", inputs, "Listing pages or episode JSON files; '-' reads standard input")->required();
    app.add_option("--report,-o", report, "Where to write the resolution report (JSON); '-' is standard output")
        ->capture_default_str();
    add_resolve_options(app, aliases, type_map);
}

int ResolveCommand::run(const GlobalOptions& global) {
    const auto options = load_resolve_options(aliases, type_map);
    ProblemLog problems(global.strict);
    const auto episodes = read_all_episodes(inputs, problems);
    const auto result = resolve_entities(episodes, options);
    write_file_atomically(report, [&](std::ostream& out) { write_resolution_report(result, out); });
    if (logger().should_log(spdlog::level::info)) {
        std::ostringstream table;
        write_resolution_table(result, table);
        logger().info("{}", table.str());
    }
    const auto items = result.mentions.size();
    report_run_summary("resolve", inputs.size(), episodes.size(), problems,
                       std::to_string(items) + " entity-list items -> " + std::to_string(result.entities.size()) +
                           " entities (" + std::to_string(items - std::min(items, result.entities.size())) + " merged)");
    return 0;
}

}  // namespace castgraph::cli
