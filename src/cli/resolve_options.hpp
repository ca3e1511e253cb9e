#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "castgraph/resolve.hpp"

namespace castgraph::cli {

// --aliases and --type-map, shared by every command that resolves entities.
void add_resolve_options(CLI::App& app, std::string& aliases, std::string& type_map);
ResolveOptions load_resolve_options(const std::string& aliases, const std::string& type_map);

}  // namespace castgraph::cli
