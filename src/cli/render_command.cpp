#include "render_command.hpp"

#include <filesystem>

#include "castgraph/graph_json.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"

namespace castgraph::cli {

void RenderCommand::setup(CLI::App& app) {
    app.add_option("graph", graph, "Graph file written by 'castgraph build'")->required();
    app.add_option("--view", options.view, "guests, hosts, full, or ego:NAME (an id, name or alias)")
        ->capture_default_str();
    app.add_option("-f,--format", format, "svg, png, pdf, or dot (the view before layout); default: from -o, else svg")
        ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}));
    app.add_option("--engine", options.engine, "Graphviz layout; default neato up to 300 nodes, sfdp above")
        ->check(CLI::IsMember({"neato", "sfdp", "fdp", "dot", "circo", "twopi"}));
    app.add_option("--max-nodes", options.max_nodes,
                   "guests, hosts and full views keep this many nodes, those with the most episodes or relationships (0: all)")
        ->capture_default_str();
    app.add_option("-o,--output", output, "Output file; '-' is standard output")->capture_default_str();
}

int RenderCommand::run(const GlobalOptions& /*global*/) {
    options.format = format;
    if (options.format.empty()) {
        const auto extension = std::filesystem::path(output).extension().string();
        options.format = extension == ".png" || extension == ".pdf" || extension == ".dot" ? extension.substr(1) : "svg";
    }
    const auto view = make_view(load_graph(graph), options.view, options.max_nodes);
    if (const auto before = view.nodes_before_limit; before > 0)
        logger().warn("render: view {} keeps {} of its {} nodes, those with the most {} (--max-nodes; 0 keeps all)",
                      options.view, view.nodes.size(), before, options.view == "full" ? "relationships" : "episodes");
    logger().info("render: view {} with {} nodes and {} edges", options.view, view.nodes.size(), view.edges.size());
    write_file_atomically(output, [&](std::ostream& out) { render_view(view, options, out); });
    return 0;
}

}  // namespace castgraph::cli
