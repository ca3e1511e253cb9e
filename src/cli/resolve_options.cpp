#include "resolve_options.hpp"

#include "castgraph/io.hpp"

namespace castgraph::cli {

void add_resolve_options(CLI::App& app, std::string& aliases, std::string& type_map) {
    app.add_option("--aliases", aliases, "Curated alias file (schemas/aliases.schema.json)");
    app.add_option("--type-map", type_map, "Type map replacing the built-in one (schemas/type-map.json)");
}

ResolveOptions load_resolve_options(const std::string& aliases, const std::string& type_map) {
    ResolveOptions options;
    if (!type_map.empty()) options.type_map = TypeMap::from_json(read_file(type_map), type_map);
    if (!aliases.empty()) options.aliases = parse_aliases(read_file(aliases), aliases);
    return options;
}

}  // namespace castgraph::cli
