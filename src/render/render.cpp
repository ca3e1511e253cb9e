#include "castgraph/render.hpp"

#include <graphviz/gvc.h>

#include <cmath>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <set>

#include "castgraph/entity_lookup.hpp"
#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/log.hpp"
#include "castgraph/timecode.hpp"
#include "internal/cgraph_support.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;

// Light fills (Tableau 20) so black labels stay readable.
constexpr std::string_view kGuestColor = "#a0cbe8";
constexpr std::string_view kHostColor = "#ffbe7d";
constexpr std::string_view kBothColor = "#d4a6c8";

// Font size grows with the square root of the episode count, so a host of many
// episodes stands out without drowning everyone else.
double font_size_for(std::size_t episodes) { return 11.0 + 4.0 * std::sqrt(static_cast<double>(episodes)); }

template <typename F>
void for_each_edge(const PropertyGraph& graph, F&& visit) {
    for (const auto edge : graph.relationships_in_order())
        visit(boost::source(edge, graph.graph()), boost::target(edge, graph.graph()), graph.relationship(edge));
}

// People of the guest and host relationships, and which episodes they were on.
struct Appearances {
    std::map<Vertex, std::set<Vertex>> guest_of;  // person -> episodes
    std::map<Vertex, std::set<Vertex>> host_of;
    std::map<Vertex, std::set<Vertex>> people_of;  // episode -> people
};

Appearances appearances(const PropertyGraph& graph) {
    Appearances found;
    for_each_edge(graph, [&](Vertex from, Vertex to, const Relationship& relationship) {
        if (relationship.type == RelType::GuestOn) found.guest_of[from].insert(to);
        else if (relationship.type == RelType::Hosted) found.host_of[from].insert(to);
        else return;
        found.people_of[to].insert(from);
    });
    return found;
}

// Adds nodes in id order and returns their indexes.
std::map<Vertex, std::size_t> add_nodes(View& view, const PropertyGraph& graph, const std::set<Vertex>& vertices,
                                        const std::function<ViewNode(Vertex)>& make) {
    std::vector<Vertex> ordered(vertices.begin(), vertices.end());
    std::sort(ordered.begin(), ordered.end(), [&](Vertex a, Vertex b) { return graph.node(a).id < graph.node(b).id; });
    std::map<Vertex, std::size_t> index;
    for (const auto vertex : ordered) {
        index.emplace(vertex, view.nodes.size());
        view.nodes.push_back(make(vertex));
    }
    return index;
}

View guests_view(const PropertyGraph& graph) {
    const auto seen = appearances(graph);
    std::set<Vertex> people;
    for (const auto& [person, episodes] : seen.guest_of) people.insert(person);
    for (const auto& [person, episodes] : seen.host_of) people.insert(person);

    View view;
    view.title = "Guest network\nblue: guest   orange: host   purple: both   larger: more episodes   line: same episode";
    const auto index = add_nodes(view, graph, people, [&](Vertex person) {
        const auto guest = seen.guest_of.contains(person) ? seen.guest_of.at(person).size() : 0;
        const auto host = seen.host_of.contains(person) ? seen.host_of.at(person).size() : 0;
        ViewNode node;
        node.id = graph.node(person).id;
        node.label = graph.node(person).name;
        node.color = std::string(guest && host ? kBothColor : host ? kHostColor : kGuestColor);
        node.font_size = font_size_for(guest + host);
        node.weight = guest + host;
        return node;
    });
    std::map<std::pair<std::size_t, std::size_t>, std::uint32_t> shared;
    for (const auto& [episode, on_it] : seen.people_of) {
        std::vector<std::size_t> members;
        for (const auto person : on_it) members.push_back(index.at(person));
        std::sort(members.begin(), members.end());
        for (std::size_t a = 0; a < members.size(); ++a)
            for (std::size_t b = a + 1; b < members.size(); ++b) ++shared[{members[a], members[b]}];
    }
    for (const auto& [pair, weight] : shared)
        view.edges.push_back({pair.first, pair.second, weight, weight > 1 ? std::to_string(weight) : "", false});
    return view;
}

View hosts_view(const PropertyGraph& graph) {
    const auto seen = appearances(graph);
    std::set<Vertex> people;
    std::map<std::pair<Vertex, Vertex>, std::uint32_t> hosted;  // (host, guest) -> episodes
    for (const auto& [host, episodes] : seen.host_of)
        for (const auto episode : episodes)
            for (const auto person : seen.people_of.at(episode))
                if (seen.guest_of.contains(person) && seen.guest_of.at(person).contains(episode)) {
                    ++hosted[{host, person}];
                    people.insert(host);
                    people.insert(person);
                }
    View view;
    view.title = "Hosts and the guests they hosted\norange: host   blue: guest   arrow: host to guest";
    view.directed = true;
    const auto index = add_nodes(view, graph, people, [&](Vertex person) {
        ViewNode node;
        node.id = graph.node(person).id;
        node.label = graph.node(person).name;
        const bool host = seen.host_of.contains(person);
        const bool guest = seen.guest_of.contains(person);
        node.color = std::string(guest && host ? kBothColor : host ? kHostColor : kGuestColor);
        node.weight = (host ? seen.host_of.at(person).size() : 0) + (guest ? seen.guest_of.at(person).size() : 0);
        node.font_size = font_size_for(node.weight);
        return node;
    });
    for (const auto& [pair, weight] : hosted)
        view.edges.push_back({index.at(pair.first), index.at(pair.second), weight,
                              weight > 1 ? std::to_string(weight) : "", true});
    return view;
}

ViewNode plain_node(const Node& node) {
    ViewNode view_node;
    view_node.id = node.id;
    view_node.label = node.name;
    view_node.color = std::string(label_color(node.label));
    view_node.shape = node.label == NodeLabel::Episode ? "box" : node.label == NodeLabel::Topic ? "note" : "ellipse";
    view_node.font_size = is_entity_label(node.label) ? font_size_for(node.episode_count) : 11.0;
    return view_node;
}

View full_view(const PropertyGraph& graph) {
    View view;
    view.title = "Every node and relationship";
    view.directed = true;
    std::map<Vertex, std::size_t> index;
    for (const auto vertex : graph.nodes_in_order()) {
        index.emplace(vertex, view.nodes.size());
        view.nodes.push_back(plain_node(graph.node(vertex)));
    }
    for_each_edge(graph, [&](Vertex from, Vertex to, const Relationship& relationship) {
        view.edges.push_back({index.at(from), index.at(to), std::max<std::uint32_t>(1, relationship.weight()), "",
                              relationship.type != RelType::CoAppearsWith});
        ++view.nodes[index.at(from)].weight;
        ++view.nodes[index.at(to)].weight;
    });
    return view;
}

// Cuts a view down to its max_nodes heaviest nodes (ties by id) and the edges
// among them: thousands of people make a hairball that takes minutes to lay out
// and shows nothing.
void keep_heaviest(View& view, std::size_t max_nodes, const std::string& what) {
    if (max_nodes == 0 || view.nodes.size() <= max_nodes) return;
    std::vector<std::size_t> order(view.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = view.nodes[a];
        const auto& y = view.nodes[b];
        return x.weight != y.weight ? x.weight > y.weight : x.id < y.id;
    });
    order.resize(max_nodes);
    std::sort(order.begin(), order.end());  // keep the view's node order
    std::vector<std::optional<std::size_t>> new_index(view.nodes.size());
    std::vector<ViewNode> kept;
    for (const auto i : order) {
        new_index[i] = kept.size();
        kept.push_back(std::move(view.nodes[i]));
    }
    std::vector<ViewEdge> edges;
    for (auto& edge : view.edges) {
        if (!new_index[edge.from] || !new_index[edge.to]) continue;
        edge.from = *new_index[edge.from];
        edge.to = *new_index[edge.to];
        edges.push_back(std::move(edge));
    }
    view.nodes_before_limit = view.nodes.size();
    view.title += "\nthe " + std::to_string(max_nodes) + " of " + std::to_string(view.nodes.size()) + " " + what;
    view.nodes = std::move(kept);
    view.edges = std::move(edges);
}

// Edge text in the ego view: what ties the entity to an episode, and when; a
// co-appearance or topic only shows its weight when it is more than one.
std::string edge_caption(const Relationship& relationship) {
    if (relationship.type == RelType::CoAppearsWith || relationship.type == RelType::AssociatedWith)
        return relationship.weight() > 1 ? "×" + std::to_string(relationship.weight()) : "";
    std::string caption(rel_type_name(relationship.type));
    if (relationship.type == RelType::Mentions && !relationship.timestamps_s().empty()) {
        caption += " @";
        for (std::size_t i = 0; i < relationship.timestamps_s().size(); ++i)
            caption += (i ? ", " : " ") + format_timecode(relationship.timestamps_s()[i]);
    }
    return caption;
}

View ego_view(const PropertyGraph& graph, const std::string& name) {
    const auto center = EntityLookup(graph).resolve(name);
    std::set<Vertex> members{center};
    std::vector<std::tuple<Vertex, Vertex, const Relationship*>> incident;
    for_each_edge(graph, [&](Vertex from, Vertex to, const Relationship& relationship) {
        if (from != center && to != center) return;
        members.insert(from);
        members.insert(to);
        incident.emplace_back(from, to, &relationship);
    });
    View view;
    view.title = graph.node(center).name +
                 " and its neighbourhood\norange: person   blue: organization   green: software   purple: concept   "
                 "yellow: episode   teal: topic";
    view.directed = true;
    const auto index = add_nodes(view, graph, members, [&](Vertex vertex) { return plain_node(graph.node(vertex)); });
    view.nodes[index.at(center)].font_size = 20.0;
    for (const auto& [from, to, relationship] : incident)
        view.edges.push_back({index.at(from), index.at(to), std::max<std::uint32_t>(1, relationship->weight()),
                              edge_caption(*relationship), relationship->type != RelType::CoAppearsWith});
    return view;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

constexpr std::size_t kSplineEdgeLimit = 1000;

cgraph::GraphPtr to_cgraph(const View& view, const std::string& engine) {
    auto graph = cgraph::open_graph("castgraph", view.directed);
    auto* g = graph.get();
    cgraph::declare(g, AGRAPH, "label", "");
    cgraph::declare(g, AGRAPH, "labelloc", "t");
    cgraph::declare(g, AGRAPH, "fontname", "DejaVu Sans");
    cgraph::declare(g, AGRAPH, "fontsize", "18");
    cgraph::declare(g, AGRAPH, "overlap", "false");  // removes node overlaps: no label soup
    cgraph::declare(g, AGRAPH, "sep", "+6");
    // Edges routed around nodes look best, but routing thousands of them takes
    // minutes; a dense view gets straight lines.
    cgraph::declare(g, AGRAPH, "splines", view.edges.size() <= kSplineEdgeLimit ? "true" : "false");
    cgraph::declare(g, AGRAPH, "outputorder", "edgesfirst");
    cgraph::declare(g, AGRAPH, "start", "1");  // fixed seed: the same picture every run
    cgraph::declare(g, AGRAPH, "pack", "true");
    cgraph::declare(g, AGRAPH, "bgcolor", "white");
    cgraph::declare(g, AGRAPH, "pad", "0.3");
    if (engine == "sfdp") cgraph::declare(g, AGRAPH, "K", "1.2");
    cgraph::set(g, "label", cgraph::label_text(view.title));
    cgraph::declare(g, AGNODE, "label", "");
    cgraph::declare(g, AGNODE, "shape", "ellipse");
    cgraph::declare(g, AGNODE, "style", "filled");
    cgraph::declare(g, AGNODE, "fillcolor", "");
    cgraph::declare(g, AGNODE, "color", "#555555");
    cgraph::declare(g, AGNODE, "fontname", "DejaVu Sans");
    cgraph::declare(g, AGNODE, "fontsize", "12");
    cgraph::declare(g, AGNODE, "margin", "0.08,0.04");
    cgraph::declare(g, AGEDGE, "penwidth", "1");
    cgraph::declare(g, AGEDGE, "color", "#88888899");
    cgraph::declare(g, AGEDGE, "label", "");
    cgraph::declare(g, AGEDGE, "fontname", "DejaVu Sans");
    cgraph::declare(g, AGEDGE, "fontsize", "9");
    cgraph::declare(g, AGEDGE, "fontcolor", "#555555");
    cgraph::declare(g, AGEDGE, "arrowsize", "0.6");
    cgraph::declare(g, AGEDGE, "dir", view.directed ? "forward" : "none");
    cgraph::declare(g, AGEDGE, "len", "1.6");

    std::vector<Agnode_t*> nodes;
    for (const auto& node : view.nodes) {
        auto* n = cgraph::node(g, node.id);
        cgraph::set(n, "label", cgraph::label_text(node.label));
        cgraph::set(n, "fillcolor", node.color);
        cgraph::set(n, "shape", node.shape);
        cgraph::set(n, "fontsize", number(node.font_size));
        nodes.push_back(n);
    }
    std::size_t index = 0;
    for (const auto& edge : view.edges) {
        auto* e = cgraph::edge(g, nodes.at(edge.from), nodes.at(edge.to), "e" + std::to_string(index++));
        cgraph::set(e, "penwidth", number(0.8 + 1.6 * std::sqrt(static_cast<double>(edge.weight) - 1.0 + 1e-9)));
        if (!edge.label.empty()) cgraph::set(e, "label", cgraph::label_text(edge.label));
        cgraph::set(e, "dir", edge.directed ? "forward" : "none");
    }
    return graph;
}

// Graphviz reports through a global callback; route its messages to our log.
int graphviz_message(char* message) {
    std::string text(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    logger().debug("graphviz: {}", text);
    return 0;
}

struct ContextCloser {
    void operator()(GVC_t* context) const { gvFreeContext(context); }
};

}  // namespace

View make_view(const PropertyGraph& graph, const std::string& view, std::size_t max_nodes) {
    const auto limited = [&](View made, const std::string& what) {
        keep_heaviest(made, max_nodes, what);
        return made;
    };
    if (view == "guests") return limited(guests_view(graph), "people with the most episodes");
    if (view == "hosts") return limited(hosts_view(graph), "people with the most episodes");
    if (view == "full") return limited(full_view(graph), "nodes with the most relationships");
    if (view.rfind("ego:", 0) == 0 && view.size() > 4) return ego_view(graph, view.substr(4));
    throw UsageError("unknown view '" + view + "', choose guests, hosts, full or ego:NAME");
}

void render_view(const View& view, const RenderOptions& options, std::ostream& out) {
    static const std::set<std::string> formats = {"svg", "png", "pdf", "dot"};
    if (!formats.contains(options.format))
        throw UsageError("unknown diagram format '" + options.format + "', choose svg, png, pdf or dot");
    const auto engine = !options.engine.empty() ? options.engine
                        : view.nodes.size() <= options.neato_limit ? "neato"
                                                                    : "sfdp";
    auto graph = to_cgraph(view, engine);
    if (options.format == "dot") {
        cgraph::write_dot(graph.get(), out);
        return;
    }
    // gvc keeps global state: one layout at a time.
    static std::mutex graphviz_mutex;
    const std::lock_guard lock(graphviz_mutex);
    agseterrf(graphviz_message);
    agseterr(AGWARN);
    std::unique_ptr<GVC_t, ContextCloser> context(gvContext());
    if (!context) throw Error(ErrorCategory::internal, "graphviz: cannot create a context");
    if (gvLayout(context.get(), graph.get(), engine.c_str()) != 0)
        throw UsageError("graphviz: layout '" + engine + "' failed or is not installed");
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(context.get(), graph.get(), options.format.c_str(), &data, &length);
    gvFreeLayout(context.get(), graph.get());
    if (status != 0 || data == nullptr) {
        gvFreeRenderData(data);
        throw UsageError("graphviz: cannot render " + options.format + " (is the Graphviz plugin installed?)");
    }
    out.write(data, length);
    gvFreeRenderData(data);
    if (!out) throw IoError("render: write failed");
}

}  // namespace castgraph
