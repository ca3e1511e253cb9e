#include "parse_command.hpp"

#include "castgraph/episode_json.hpp"
#include "castgraph/ingest.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"
#include "run_summary.hpp"

namespace castgraph::cli {

void ParseCommand::setup(CLI::App& app) {
    app.add_option("inputs", inputs, "Listing pages (.txt) or episode JSON files; '-' reads standard input")
        ->required();
    app.add_option("-o,--output", output, "Output file for the episode JSON; '-' is standard output")
        ->capture_default_str();
}

int ParseCommand::run(const GlobalOptions& global) {
    ProblemLog problems(global.strict);
    const auto episodes = read_all_episodes(inputs, problems);
    write_file_atomically(output, [&](std::ostream& out) { write_episodes_json(episodes, out); });
    report_run_summary("parse", inputs.size(), episodes.size(), problems);
    return 0;
}

}  // namespace castgraph::cli
