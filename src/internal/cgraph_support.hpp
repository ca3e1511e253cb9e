// Small helpers over Graphviz's cgraph C API, shared by the DOT exporter and the
// renderer: an owned graph, attribute setting with std::string, and writing DOT
// to a std::ostream through cgraph's I/O discipline.
#pragma once

#include <graphviz/cgraph.h>

#include <memory>
#include <ostream>
#include <string>

namespace castgraph::cgraph {

struct GraphCloser {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// A new root graph whose agwrite() output goes to the stream given to write_dot.
GraphPtr open_graph(const std::string& name, bool directed);

// Declares an attribute with its default for nodes (AGNODE), edges (AGEDGE) or
// the graph (AGRAPH), then sets it on one object.
void declare(Agraph_t* graph, int kind, const std::string& name, const std::string& default_value);
void set(void* object, const std::string& name, const std::string& value);

Agnode_t* node(Agraph_t* graph, const std::string& name);
Agedge_t* edge(Agraph_t* graph, Agnode_t* tail, Agnode_t* head, const std::string& key);

// Writes the graph as DOT; throws IoError when the stream fails.
void write_dot(Agraph_t* graph, std::ostream& out);

// A label as Graphviz shows it: backslashes doubled, since Graphviz reads
// "\n", "\l", "\N" and friends in labels as escapes; NUL characters, which a C
// string cannot hold, removed.
std::string label_text(const std::string& text);

}  // namespace castgraph::cgraph
