// The command-line layer: one Command per subcommand, all listed in one
// registry (registry.cpp). A command's setup() only declares options; run() does
// the work. Commands throw castgraph::Error; main() alone turns it into an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace castgraph::cli {

// Options every subcommand shares.
struct GlobalOptions {
    int verbosity = 0;  // -v (repeatable)
    bool quiet = false;  // -q
    bool strict = false;  // --strict: the first input problem is fatal
    std::size_t threads = 0;  // --threads: 0 means one per core
};

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string description() const = 0;
    // Declares the subcommand's options and arguments; opens no files.
    virtual void setup(CLI::App& app) = 0;
    // Returns the exit status (0 ok, 1 not found / failed).
    virtual int run(const GlobalOptions& global) = 0;
};

// Every subcommand, in the order --help lists them.
std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace castgraph::cli
