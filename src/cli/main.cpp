// castgraph: the executable. It only parses the command line, runs one command
// from the registry and turns exceptions into exit codes:
// 0 ok, 1 error (input, io, internal) or "not found", 2 usage.
#include <cstdlib>
#include <exception>
#include <iostream>

#include "castgraph/error.hpp"
#include "castgraph/log.hpp"
#include "castgraph/parallel.hpp"
#include "allocator.hpp"
#include "command.hpp"

int main(int argc, char** argv) {
    using namespace castgraph;
    CLI::App app{"castgraph: podcast episode pages to a knowledge graph of people, organizations, software and "
                 "concepts"};
    app.set_version_flag("--version", std::string("castgraph ") + CASTGRAPH_VERSION);
    cli::GlobalOptions global;
    app.add_flag("-v,--verbose", global.verbosity, "More detail on standard error (repeat for debug)");
    app.add_flag("-q,--quiet", global.quiet, "Only errors on standard error");
    app.add_flag("--strict", global.strict, "Make the first input problem fatal (exit 1)");
    app.add_option("-j,--threads", global.threads,
                   "Threads for parsing and writing (default 0: one per core); the output is the same for any number")
        ->check(CLI::Range(std::size_t{0}, std::size_t{256}))
        ->capture_default_str();
    app.require_subcommand(1);
    app.fallthrough();

    auto commands = cli::make_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> subcommands;
    for (auto& command : commands) {
        auto* sub = app.add_subcommand(command->name(), command->description());
        command->setup(*sub);
        subcommands.emplace_back(sub, command.get());
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int status = app.exit(error);
        return status == 0 ? 0 : 2;
    }

    set_thread_count(global.threads);
    auto& log = logger();
    if (global.quiet)
        log.set_level(spdlog::level::err);
    else if (global.verbosity >= 2)
        log.set_level(spdlog::level::debug);
    else if (global.verbosity == 1)
        log.set_level(spdlog::level::info);

    cli::log_allocator();

    try {
        for (auto& [sub, command] : subcommands)
            if (sub->parsed()) return command->run(global);
        return 2;
    } catch (const UsageError& error) {
        std::cerr << "castgraph: " << error.what() << '\n';
        return 2;
    } catch (const Error& error) {
        std::cerr << "castgraph: " << error.what() << '\n';
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "castgraph: internal error: out of memory\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "castgraph: internal error: " << error.what() << '\n';
        return 1;
    }
}
