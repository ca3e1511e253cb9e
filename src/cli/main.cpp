// castgraph: the executable. It only parses the command line, runs one command
// from the registry and turns exceptions into exit codes:
// 0 ok, 1 error (input, io, internal) or "not found", 2 usage.
#include <cstdlib>
#include <exception>
#include <iostream>

#ifdef CASTGRAPH_MIMALLOC
#include <mimalloc.h>
#endif

#include "castgraph/error.hpp"
#include "castgraph/log.hpp"
#include "castgraph/parallel.hpp"
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

#ifdef CASTGRAPH_MIMALLOC
    {
        // Freed pages go back to the system at once, not after mimalloc's default 25 ms:
        // a build frees a stage's memory while the next one allocates, and with the
        // delay both are resident (the 20,000-episode build with three exports peaked at
        // 212-240 MB with it, 173-179 MB without). MIMALLOC_DECOMMIT_DELAY (or its older name
        // MIMALLOC_RESET_DELAY) still sets it.
        if (std::getenv("MIMALLOC_DECOMMIT_DELAY") == nullptr && std::getenv("MIMALLOC_RESET_DELAY") == nullptr)
            mi_option_set(mi_option_decommit_delay, 0);
        // Whether malloc itself reaches mimalloc, not only that it is linked.
        void* block = std::malloc(1);
        const bool serves_malloc = mi_is_in_heap_region(block);
        std::free(block);
        const int version = mi_version();
        log.debug("allocator: mimalloc {}.{}.{}{}, freed pages returned after {} ms", version / 100, version / 10 % 10,
                  version % 10, serves_malloc ? "" : " (linked, but malloc does not reach it)",
                  mi_option_get(mi_option_decommit_delay));
    }
#endif

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
