#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// DOT for Graphviz, written through cgraph (agopen, agnode, agedge, agsafeset,
// agwrite), so quoting and escaping are Graphviz's own: ids and values with
// quotes, backslashes, '<', newlines, emoji or the words node/edge/graph read
// back as written.
//  - node names are the graph's stable ids; "label" is the display text (the
//    name); "kind" is the node label; every property of export_values except an
//    entity's sightings (kept in the other formats);
//  - text values are escStrings, as Graphviz reads labels: backslashes doubled
//    (Graphviz's writer cannot otherwise put a backslash before a quote);
//  - edges carry "type", their properties, and key=e<N> (the relationship's
//    position, as in GraphML) so parallel edges of different types stay apart;
//    CO_APPEARS_WITH is drawn without arrowheads (dir=none, undirected=true);
//  - layout=sfdp with overlap removal, so `dot -Tsvg` draws it in a moment.
class DotExporter : public Exporter {
public:
    [[nodiscard]] std::string_view name() const override { return "dot"; }
    [[nodiscard]] std::string_view extension() const override { return ".dot"; }
    [[nodiscard]] std::string_view description() const override { return "Graphviz DOT (written by cgraph)"; }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
};

}  // namespace castgraph
