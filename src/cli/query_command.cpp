#include "query_command.hpp"

#include "castgraph/error.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/io.hpp"

namespace castgraph::cli {

void QueryCommand::setup(CLI::App& app) {
    app.add_option("graph", graph, "Graph file written by 'castgraph build'")->required();
    app.add_option("question", question, "who-mentioned, episodes, neighbors, path or top")
        ->required()
        ->check(CLI::IsMember({"who-mentioned", "episodes", "neighbors", "path", "top"}));
    app.add_option("names", arguments, "The NAME (or A B for path): an id, a name or an alias");
    app.add_flag("--include-descriptions", options.include_descriptions,
                 "who-mentioned: also count mentions found only in other entities' descriptions");
    app.add_option("--type", types, "neighbors: only through these relationship types (MENTIONS, ...)")->delimiter(',');
    app.add_option("--depth", options.depth, "neighbors: how many relationships away")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10}))
        ->capture_default_str();
    app.add_option("--label", label, "top: only entities of this label (Person, Software, ...)");
    app.add_option("-k,--top", options.top_k, "top: how many")->capture_default_str();
    app.add_option("--by", options.rank_by, "top: rank by episodes or connections")
        ->check(CLI::IsMember({"episodes", "connections"}))
        ->capture_default_str();
    auto* json_flag = app.add_flag("--json", json, "Write JSON (schemas/query-result.schema.json)");
    app.add_flag("--csv", csv, "Write CSV")->excludes(json_flag);
    app.add_option("-o,--output", output, "Output file; '-' is standard output")->capture_default_str();
}

void write_result(const QueryResult& result, bool json, bool csv, const std::string& output) {
    write_file_atomically(output, [&](std::ostream& out) {
        if (json)
            write_query_json(result, out);
        else if (csv)
            write_query_csv(result, out);
        else
            write_query_table(result, out);
    });
}

int QueryCommand::run(const GlobalOptions& /*global*/) {
    const std::size_t wanted = question == "top" ? 0 : question == "path" ? 2 : 1;
    if (arguments.size() != wanted)
        throw UsageError("query " + question + " takes " + std::to_string(wanted) +
                         (wanted == 1 ? " name" : " names") + ", got " + std::to_string(arguments.size()));
    for (const auto& type : types) {
        const auto parsed = parse_rel_type(type);
        if (!parsed) throw UsageError("unknown relationship type '" + type + "'");
        options.types.push_back(*parsed);
    }
    if (!label.empty()) {
        const auto parsed = parse_label(label);
        if (!parsed || !is_entity_label(*parsed)) throw UsageError("unknown entity label '" + label + "'");
        options.label = parsed;
    }
    const auto loaded = load_graph(graph);
    QueryResult result;
    if (question == "who-mentioned") result = who_mentioned(loaded, arguments[0], options);
    else if (question == "episodes") result = episodes_of(loaded, arguments[0]);
    else if (question == "neighbors") result = neighbors(loaded, arguments[0], options);
    else if (question == "path") result = shortest_path(loaded, arguments[0], arguments[1]);
    else result = top_entities(loaded, options);
    write_result(result, json, csv, output);
    return 0;
}

}  // namespace castgraph::cli
