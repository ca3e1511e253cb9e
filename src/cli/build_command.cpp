#include "build_command.hpp"

#include <filesystem>

#include "castgraph/error.hpp"
#include "castgraph/graph_builder.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/ingest.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/resolution_report.hpp"
#include "allocator.hpp"
#include "export_options.hpp"
#include "keep_until_exit.hpp"
#include "progress.hpp"
#include "resolve_options.hpp"
#include "run_summary.hpp"

namespace castgraph::cli {

void BuildCommand::setup(CLI::App& app) {
    app.add_option("inputs", inputs, "Listing pages or episode JSON files; '-' reads standard input")->required();
    app.add_option("-o,--output", output, "Where to write the graph file (JSON); '-' is standard output")
        ->capture_default_str();
    app.add_option("--report", report, "Also write the resolution report (JSON) here, with the graph's ids");
    app.add_option("--previous", previous,
                   "Graph file of an earlier build: entities it knew keep their ids, merged ones are reported");
    add_resolve_options(app, aliases, type_map);
    app.add_option("--max-co-appearance", max_co_appearance,
                   "An episode mentioning more entities than this adds no CO_APPEARS_WITH pairs (reported)")
        ->check(CLI::Range(std::size_t{2}, std::size_t{1000000}))
        ->capture_default_str();
    app.add_option("--min-weight", min_weight, "Keep CO_APPEARS_WITH pairs that share at least this many episodes")
        ->check(CLI::Range(1u, 1000000u))
        ->capture_default_str();
    app.add_option("--top-k-per-entity", top_k_per_entity,
                   "Keep only each entity's K strongest CO_APPEARS_WITH pairs (0: all)")
        ->capture_default_str();
    std::vector<std::string> names;
    for (const auto& exporter : exporters()) names.emplace_back(exporter->name());
    app.add_option("--export", export_formats, "Also export to these formats (comma-separated): " + exporter_names())
        ->delimiter(',')
        ->check(CLI::IsMember(names));
    app.add_option("--export-prefix", export_prefix,
                   "Path of the exports without extension (default: the -o path without .json)");
    add_export_options(app, export_options);
}

namespace {

std::string default_export_prefix(const std::string& output) {
    if (output == "-") throw UsageError("--export needs --export-prefix when the graph goes to standard output");
    std::filesystem::path path(output);
    if (path.extension() == ".json") path.replace_extension();
    return path.string();
}

}  // namespace

int BuildCommand::run(const GlobalOptions& global) {
    auto options = load_resolve_options(aliases, type_map);
    options.keep_merges = !report.empty();
    const auto prefix = export_formats.empty() || !export_prefix.empty() ? export_prefix : default_export_prefix(output);
    std::optional<PropertyGraph> previous_graph;
    if (!previous.empty()) previous_graph = load_graph(previous);

    ProblemLog problems(global.strict);
    Progress progress(global.quiet);
    std::vector<Episode> read;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        progress.stage(i == 0 ? "read" : "", "reading " + inputs[i] + " (" + std::to_string(i + 1) + "/" + std::to_string(inputs.size()) +
                       "), " + std::to_string(read.size()) + " episodes so far");
        append_episodes(read, read_episodes(inputs[i], problems));
    }
    auto episodes = deduplicate_episodes(std::move(read), problems);
    progress.stage("resolve", "resolving the entities of " + std::to_string(episodes.size()) + " episodes");
    auto resolution = resolve_entities(episodes, options);
    // Reading and resolving free many short-lived strings, whose pages the allocator's
    // delay keeps for the next ones. From here on the episodes are let go while the graph
    // grows, on other threads' heaps: with the delay, both were resident (the
    // 20,000-episode build with three exports peaked at 212-227 MB, now 173-174 MB).
    // Returning pages from the start instead took a million episodes' read stage half
    // as long again (19.4 s against 12.5 s).
    return_freed_pages_at_once("the graph stage");
    progress.stage("graph", "building the graph of " + std::to_string(resolution.entities.size()) + " entities");
    BuildOptions build_options;
    build_options.previous = previous_graph ? &*previous_graph : nullptr;
    build_options.max_co_appearance_entities = max_co_appearance;
    build_options.co_appearance_min_weight = min_weight;
    build_options.co_appearance_top_k = top_k_per_entity;
    const auto episode_count = episodes.size();
    const auto items = resolution.mentions.size();
    const auto entity_count = resolution.entities.size();
    // Without a report to write, the resolution is not needed after the graph: the
    // builder takes it and the episodes and lets them go as it goes. The report reads
    // the resolution's mentions, views of the episodes' texts, so then both are kept.
    auto built = report.empty() ? build_graph(std::move(episodes), std::move(resolution), build_options)
                                : build_graph(episodes, resolution, build_options);
    for (const auto& [episode, count] : built.report.co_appearance_skipped)
        problems.report({{episode, 0, 0}, "co-appearance-limit",
                         "episode mentions " + std::to_string(count) + " entities, over --max-co-appearance " +
                             std::to_string(max_co_appearance) + "; its CO_APPEARS_WITH pairs are left out",
                         "co-appearance pairs"});

    for (const auto& format : export_formats) find_exporter(format);  // all known before any is written
    progress.stage("write", "writing " + output + (export_formats.empty() ? "" : " and " + std::to_string(export_formats.size()) + " exports") +
                   " (" + std::to_string(built.graph.node_count()) + " nodes, " +
                   std::to_string(built.graph.relationship_count()) + " relationships)");
    // The graph file and the exports only read the graph: they are written side by
    // side. The graph file, quicker to write than any export, is queued last, so it
    // fills the gap while the other core finishes a long export.
    std::vector<std::pair<std::string, std::function<void()>>> writers;
    for (const auto& format : export_formats)
        writers.emplace_back("export " + format, [&, format] {
            export_to(find_exporter(format), built.graph, export_options, prefix + std::string(find_exporter(format).extension()));
        });
    writers.emplace_back("graph file", [&] { write_file_atomically(output, [&](std::ostream& out) { write_graph(built.graph, out); }); });
    std::vector<TaskTiming> timings(writers.size());
    std::vector<std::function<void()>> tasks;
    for (std::size_t i = 0; i < writers.size(); ++i)
        tasks.emplace_back([&, i] { timings[i] = timed(writers[i].second); });
    run_in_parallel(tasks);
    for (std::size_t i = 0; i < writers.size(); ++i)
        progress.add_timing(writers[i].first, timings[i].wall_seconds, timings[i].cpu_seconds);
    if (!report.empty()) {
        rename_resolution_ids(resolution, built.report.renamed_ids);
        write_file_atomically(report, [&](std::ostream& out) { write_resolution_report(resolution, out); });
    }

    logger().info("build: stage times (wall/CPU): {}", progress.timings());
    const auto& summary = built.report;
    for (const auto& change : summary.merged_ids)
        logger().warn("build: known entities merged: '{}' is now '{}' (update databases loaded earlier)",
                      change.old_id, change.new_id);
    logger().info("build: {} nodes, {} relationships; {} text mentions; {} guests and {} affiliations seen only in "
                  "titles; {} surface forms shared by several entities not matched in text",
                  built.graph.node_count(), built.graph.relationship_count(), summary.text_mentions,
                  summary.title_only_people, summary.title_only_organizations, summary.ambiguous_forms.size());
    if (summary.co_appearance_pruned > 0)
        logger().info("build: {} CO_APPEARS_WITH pairs pruned by --min-weight/--top-k-per-entity", summary.co_appearance_pruned);
    for (const auto& form : summary.ambiguous_forms) logger().debug("build: ambiguous form '{}'", form);
    if (previous_graph) logger().info("build: {} entities kept their id from {}", summary.kept_ids, previous);
    const auto merged = items - std::min(items, entity_count);
    report_run_summary("build", inputs.size(), episode_count, problems,
                       std::to_string(items) + " entity-list items -> " + std::to_string(entity_count) +
                           " entities (" + std::to_string(merged) + " merged), " +
                           std::to_string(built.report.title_only_people + built.report.title_only_organizations) +
                           " seen only in titles; " + std::to_string(built.graph.node_count()) + " nodes, " +
                           std::to_string(built.graph.relationship_count()) + " relationships");
    keep_until_exit(std::move(built));
    keep_until_exit(std::move(resolution));
    keep_until_exit(std::move(episodes));  // still here when a report was written
    return 0;
}

}  // namespace castgraph::cli
