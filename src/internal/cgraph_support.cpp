#include "internal/cgraph_support.hpp"

#include "castgraph/error.hpp"

namespace castgraph::cgraph {
namespace {

char* c(const std::string& text) { return const_cast<char*>(text.c_str()); }

// cgraph's I/O discipline: agwrite() hands its text to putstr with the channel
// given to agwrite, here the std::ostream.
int put_string(void* channel, const char* text) {
    auto& out = *static_cast<std::ostream*>(channel);
    out << text;
    return out ? 0 : -1;
}
int flush_stream(void* channel) {
    static_cast<std::ostream*>(channel)->flush();
    return 0;
}
int read_nothing(void*, char*, int) { return 0; }

Agiodisc_t stream_io = {read_nothing, put_string, flush_stream};
Agdisc_t stream_discipline = {&AgMemDisc, &AgIdDisc, &stream_io};

}  // namespace

GraphPtr open_graph(const std::string& name, bool directed) {
    auto* graph = agopen(c(name), directed ? Agdirected : Agundirected, &stream_discipline);
    if (graph == nullptr) throw Error(ErrorCategory::internal, "cgraph: cannot open a graph");
    return GraphPtr(graph);
}

void declare(Agraph_t* graph, int kind, const std::string& name, const std::string& default_value) {
    agattr(graph, kind, c(name), c(default_value));
}

void set(void* object, const std::string& name, const std::string& value) {
    if (agsafeset(object, c(name), c(value), c(std::string())) != 0)
        throw Error(ErrorCategory::internal, "cgraph: cannot set attribute " + name);
}

Agnode_t* node(Agraph_t* graph, const std::string& name) {
    auto* created = agnode(graph, c(name), 1);
    if (created == nullptr) throw Error(ErrorCategory::internal, "cgraph: cannot create node " + name);
    return created;
}

Agedge_t* edge(Agraph_t* graph, Agnode_t* tail, Agnode_t* head, const std::string& key) {
    auto* created = agedge(graph, tail, head, c(key), 1);
    if (created == nullptr) throw Error(ErrorCategory::internal, "cgraph: cannot create edge " + key);
    return created;
}

void write_dot(Agraph_t* graph, std::ostream& out) {
    if (agwrite(graph, &out) != 0 || !out) throw IoError("dot: write failed");
}

std::string label_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        if (ch == '\0') continue;  // cgraph holds C strings: a NUL would cut the value short
        if (ch == '\\') out += '\\';
        out += ch;
    }
    return out;
}

}  // namespace castgraph::cgraph
