#include "recommend_command.hpp"

#include "castgraph/graph_json.hpp"
#include "castgraph/recommend.hpp"
#include "query_command.hpp"

namespace castgraph::cli {

void RecommendCommand::setup(CLI::App& app) {
    app.add_option("graph", graph, "Graph file written by 'castgraph build'")->required();
    auto* target = app.add_option_group("what to recommend for", "Exactly one of");
    target->add_option("--episode", episode, "Episodes related to this one (title or id)");
    target->add_option("--entity", entity, "Entities related to this one by co-appearance");
    target->add_option("--person", person, "Episodes a listener of this person would like next");
    target->require_option(1);
    app.add_option("--method", method, "--entity: adamic-adar or jaccard")
        ->check(CLI::IsMember({"adamic-adar", "jaccard"}))
        ->capture_default_str();
    app.add_option("-k,--top", top_k, "How many")->capture_default_str();
    auto* json_flag = app.add_flag("--json", json, "Write JSON (schemas/query-result.schema.json)");
    app.add_flag("--csv", csv, "Write CSV")->excludes(json_flag);
    app.add_option("-o,--output", output, "Output file; '-' is standard output")->capture_default_str();
}

int RecommendCommand::run(const GlobalOptions& /*global*/) {
    const auto loaded = load_graph(graph);
    const auto result = !episode.empty() ? related_episodes(loaded, episode, top_k)
                        : !entity.empty() ? related_entities(loaded, entity, method, top_k)
                                          : episodes_for_listener(loaded, person, top_k);
    write_result(result, json, csv, output);
    return 0;
}

}  // namespace castgraph::cli
