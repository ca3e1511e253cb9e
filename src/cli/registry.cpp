#include "build_command.hpp"
#include "command.hpp"
#include "export_command.hpp"
#include "query_command.hpp"
#include "recommend_command.hpp"
#include "render_command.hpp"
#include "parse_command.hpp"
#include "resolve_command.hpp"
#include "stats_command.hpp"

namespace castgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<ParseCommand>());
    commands.push_back(std::make_unique<ResolveCommand>());
    commands.push_back(std::make_unique<BuildCommand>());
    commands.push_back(std::make_unique<StatsCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<RenderCommand>());
    commands.push_back(std::make_unique<QueryCommand>());
    commands.push_back(std::make_unique<RecommendCommand>());
    return commands;
}

}  // namespace castgraph::cli
