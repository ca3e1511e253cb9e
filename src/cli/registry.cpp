#include "command.hpp"
#include "parse_command.hpp"
#include "resolve_command.hpp"

namespace castgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<ParseCommand>());
    commands.push_back(std::make_unique<ResolveCommand>());
    return commands;
}

}  // namespace castgraph::cli
