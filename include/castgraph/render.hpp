// Diagrams of the graph, laid out and rendered in-process by Graphviz's gvc
// library (no external program):
//  guests   the guest network: people who were guests on or hosted episodes,
//           sized by their episodes and coloured by role (guest, host, both),
//           joined when they appeared on or hosted the same episode (edge
//           weight = shared episodes, drawn as pen width)
//  hosts    hosts and the guests they hosted (weight = episodes)
//  full     every node and relationship, coloured by label
//  ego:NAME one entity (id, name or alias), its neighbours and its topics
// Layout: neato for up to `neato_limit` nodes, sfdp above, both with overlap
// removal and a fixed seed so reruns draw the same picture.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

struct RenderOptions {
    std::string view = "guests";  // guests | hosts | full | ego:NAME
    std::string format = "svg";   // svg | png | pdf | dot (the view, not laid out)
    std::string engine;           // empty: neato or sfdp by size
    std::size_t neato_limit = 300;
    // Views of a large graph keep the nodes that matter most: people by episodes
    // (guests, hosts), nodes by relationships (full); 0 keeps all. Not ego views.
    std::size_t max_nodes = 200;
};

// The view as a small graph of its own, before layout.
struct ViewNode {
    std::string id;
    std::string label;
    std::string color;
    std::string shape = "ellipse";
    double font_size = 12.0;
    std::size_t weight = 0;  // episodes or relationships: what ranks it when a view is cut down
};
struct ViewEdge {
    std::size_t from = 0;  // indexes into nodes
    std::size_t to = 0;
    std::uint32_t weight = 1;
    std::string label;
    bool directed = false;
};
struct View {
    std::string title;
    std::size_t nodes_before_limit = 0;  // set when max_nodes cut the view down
    bool directed = false;
    std::vector<ViewNode> nodes;
    std::vector<ViewEdge> edges;
};

// Builds a view; throws UsageError for an unknown view and NotFoundError for an
// ego NAME that matches nothing (naming the closest names) or several entities.
// Above max_nodes (0: no limit), guests, hosts and full views keep the
// max_nodes heaviest nodes (ties by id) and the edges among them, and say so
// in their title.
View make_view(const PropertyGraph& graph, const std::string& view, std::size_t max_nodes = 0);

// Lays the view out and renders it. Throws UsageError for an unknown format.
void render_view(const View& view, const RenderOptions& options, std::ostream& out);

}  // namespace castgraph
