#include "dot_exporter.hpp"

#include "internal/cgraph_support.hpp"
#include "castgraph/export_values.hpp"

namespace castgraph {
namespace {

std::string shape_of(NodeLabel label) {
    switch (label) {
    case NodeLabel::Episode: return "box";
    case NodeLabel::Podcast: return "doubleoctagon";
    case NodeLabel::Topic: return "note";
    default: return "ellipse";
    }
}

// Graphviz 2.43 writes a quoted string with only '"' escaped and reads "\\" as two
// characters, so a backslash before a quote or at the end of a value cannot be
// written as it is. Every text value is therefore an escString, Graphviz's own
// convention for labels: backslashes doubled.
std::string dot_value(ValueType type, const std::string& text) {
    return type == ValueType::Long || type == ValueType::Boolean ? text : cgraph::label_text(text);
}

}  // namespace

void DotExporter::write(const PropertyGraph& graph, const ExportOptions& /*options*/, std::ostream& out) const {
    auto dot = cgraph::open_graph("castgraph", true);
    auto* g = dot.get();
    // A knowledge graph has no hierarchy: sfdp lays it out in a moment where dot's
    // ranking takes minutes. -Glayout=dot on the command line picks another engine.
    cgraph::declare(g, AGRAPH, "layout", "sfdp");
    cgraph::declare(g, AGRAPH, "overlap", "prism");
    cgraph::declare(g, AGRAPH, "outputorder", "edgesfirst");
    // Declared once with a default, so every node and edge has each attribute.
    const auto& node_cols = node_columns();
    for (const auto& column : node_cols)
        if (column.name != "sightings") cgraph::declare(g, AGNODE, std::string(column.name), "");
    cgraph::declare(g, AGNODE, "style", "filled");
    cgraph::declare(g, AGNODE, "fillcolor", "");
    cgraph::declare(g, AGNODE, "shape", "ellipse");
    const auto& edge_cols = relationship_columns();
    for (const auto& column : edge_cols) cgraph::declare(g, AGEDGE, std::string(column.name), "");
    cgraph::declare(g, AGEDGE, "dir", "forward");

    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        auto* n = cgraph::node(g, node.id);
        for (const auto& value : node_values(graph, node)) {
            const auto& name = node_cols[value.column].name;
            if (name == "sightings") continue;
            cgraph::set(n, std::string(name), dot_value(node_cols[value.column].type, value.text));
        }
        cgraph::set(n, "fillcolor", std::string(label_color(node.label)));
        cgraph::set(n, "shape", shape_of(node.label));
    }
    std::size_t index = 0;
    const RelationshipValues relationship_values(graph, ListParts::Text);
    for (const auto edge : graph.relationships_in_order()) {
        const auto& relationship = graph.relationship(edge);
        auto* tail = agnode(g, const_cast<char*>(graph.node(boost::source(edge, graph.graph())).id.c_str()), 0);
        auto* head = agnode(g, const_cast<char*>(graph.node(boost::target(edge, graph.graph())).id.c_str()), 0);
        auto* e = cgraph::edge(g, tail, head, "e" + std::to_string(index++));
        for (const auto& value : relationship_values(relationship))
            cgraph::set(e, std::string(edge_cols[value.column].name), dot_value(edge_cols[value.column].type, value.text));
        if (relationship.type == RelType::CoAppearsWith) cgraph::set(e, "dir", "none");
    }
    cgraph::write_dot(g, out);
}

}  // namespace castgraph
