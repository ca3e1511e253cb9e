#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// GraphML (http://graphml.graphdrawing.org/) for NetworkX, igraph, Gephi and yEd.
//  - every key declared before the graph, one attr.type each (string, long, boolean);
//  - node ids are the graph's stable ids, edges have ids (e0, e1, ... in the
//    graph's relationship order) and a "type" key; node "kind" is the label;
//  - "label" is the display text (the name), read by Gephi and yEd;
//  - lists are JSON array text; booleans true/false; an absent value has no <data>;
//  - CO_APPEARS_WITH edges carry undirected=true (the graph is directed; that
//    relationship is symmetric and stored once);
//  - characters XML 1.0 forbids are removed, everything else escaped by libxml2.
// Flavor "yed" adds yFiles node graphics (a coloured shape with the name) so yEd
// shows labels without a properties-mapping step.
class GraphmlExporter : public Exporter {
public:
    // Initializes libxml2 once, on the thread that makes the registry: exports may then
    // be written on other threads.
    GraphmlExporter();
    [[nodiscard]] std::string_view name() const override { return "graphml"; }
    [[nodiscard]] std::string_view extension() const override { return ".graphml"; }
    [[nodiscard]] std::string_view description() const override {
        return "GraphML for NetworkX, igraph, Gephi, yEd (--graphml-flavor yed)";
    }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
};

}  // namespace castgraph
