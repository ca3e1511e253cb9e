#include "neo4j_csv_exporter.hpp"

#include <functional>
#include <map>
#include <numeric>

#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/parallel.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using Edge = PropertyGraph::Edge;

constexpr std::string_view kArrayDelimiter = "\x1f";

// Appends text with quotes doubled (RFC 4180); in an array element, the U+001F that
// separates elements becomes a space.
void append_escaped(std::string& out, std::string_view text, bool in_array) {
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '"' && !(in_array && c == kArrayDelimiter[0])) continue;
        out.append(text, plain_from, i - plain_from);
        out += c == '"' ? std::string_view("\"\"") : std::string_view(" ");
        plain_from = i + 1;
    }
    out.append(text, plain_from);
}

// Every field is quoted.
void append_field(std::string& out, std::string_view text) {
    out += '"';
    append_escaped(out, text, false);
    out += '"';
}

std::string csv_field(std::string_view text) {
    std::string out;
    append_field(out, text);
    return out;
}

// Column header of a property: name:type as neo4j-admin reads it.
std::string header(const Column& column) {
    std::string name(column.name == "sightings" ? "sightings_json" : column.name);
    switch (column.type) {
    case ValueType::String: return name;
    case ValueType::Long: return name + ":long";
    case ValueType::Boolean: return name + ":boolean";
    case ValueType::Json: return name;  // objects: JSON text
    case ValueType::StringList: return name + ":string[]";
    case ValueType::LongList: return name + ":long[]";
    }
    return name;
}

void append_cell(std::string& out, const Column& column, const Value& value) {
    if (column.type != ValueType::StringList && column.type != ValueType::LongList) {
        append_field(out, value.text);
        return;
    }
    out += '"';
    for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += kArrayDelimiter;
        append_escaped(out, value.items[i], true);
    }
    out += '"';
}

bool skipped(const Column& column) {
    return column.name == "kind" || column.name == "label" || column.name == "type" || column.name == "undirected";
}

// Columns used by any row of a group, in column order.
template <typename Rows, typename ValuesOf>
std::vector<std::size_t> used_columns(const Rows& rows, const ValuesOf& values_of, const std::vector<Column>& columns) {
    std::vector<bool> used(columns.size(), false);
    for (const auto& row : rows)
        for (const auto& value : values_of(row))
            if (!skipped(columns[value.column])) used[value.column] = true;
    std::vector<std::size_t> indexes;
    for (std::size_t column = 0; column < columns.size(); ++column)
        if (used[column]) indexes.push_back(column);
    return indexes;
}

// Appends a row's cells after its first fields: empty where the row has no value.
void append_row(std::string& out, const std::vector<Value>& values, const std::vector<std::size_t>& used,
                const std::vector<Column>& columns) {
    std::size_t next = 0;
    for (const auto column : used) {
        out += ',';
        while (next < values.size() && values[next].column < column) ++next;
        if (next < values.size() && values[next].column == column) append_cell(out, columns[column], values[next]);
    }
    out += '\n';
}

// Rows are put together in a buffer and written a megabyte at a time.
class RowBuffer {
public:
    explicit RowBuffer(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + 65536); }
    RowBuffer(const RowBuffer&) = delete;
    RowBuffer& operator=(const RowBuffer&) = delete;
    std::string& text() { return text_; }
    void row_done() {
        if (text_.size() >= kFlushAt) flush();
    }
    void flush() {
        out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
        text_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
    std::ostream& out_;
    std::string text_;
};

}  // namespace

void Neo4jCsvExporter::write(const PropertyGraph&, const ExportOptions&, std::ostream&) const {
    throw UsageError("neo4j-csv writes a directory of files; give -o DIR (not standard output)");
}

void Neo4jCsvExporter::write_files(const PropertyGraph& graph, const ExportOptions& /*options*/, FileSink& sink) const {
    std::map<NodeLabel, std::vector<Vertex>> nodes;
    for (const auto vertex : graph.nodes_in_order()) nodes[graph.node(vertex).label].push_back(vertex);
    std::map<RelType, std::vector<Edge>> relationships;
    for (const auto edge : graph.relationships_in_order()) relationships[graph.relationship(edge).type].push_back(edge);

    // The files are independent: written side by side, the largest first so the
    // cores finish together. Each file's bytes do not depend on which core wrote it.
    struct File {
        std::string name;
        std::size_t rows;
        std::function<void(std::ostream&)> write;
    };
    std::vector<File> files;
    std::string command = "#!/bin/sh\n# Imports this directory into an empty database (default: neo4j) with neo4j-admin of Neo4j 5.\n"
                          "cd \"$(dirname \"$0\")\" && neo4j-admin database import full \"${1:-neo4j}\" \\\n"
                          "  --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=true";
    const auto& node_cols = node_columns();
    for (const auto& [label, vertices] : nodes) {
        const auto file = "nodes_" + std::string(label_name(label)) + ".csv";
        const auto labels = std::string(label_name(label)) + (is_entity_label(label) ? ";Entity" : "");
        files.push_back({file, vertices.size(), [&graph, &node_cols, &vertices = vertices, labels](std::ostream& out) {
                             const auto values_of = [&](Vertex v) { return node_values(graph, graph.node(v)); };
                             const auto used = used_columns(vertices, values_of, node_cols);
                             out << "id:ID,:LABEL";
                             for (const auto column : used) out << ',' << header(node_cols[column]);
                             out << '\n';
                             RowBuffer buffer(out);
                             for (const auto vertex : vertices) {
                                 auto& row = buffer.text();
                                 append_field(row, graph.node(vertex).id);
                                 row += ',';
                                 append_field(row, labels);
                                 append_row(row, values_of(vertex), used, node_cols);
                                 buffer.row_done();
                             }
                             buffer.flush();
                         }});
        command += " \\\n  --nodes=" + file;
    }
    const auto& edge_cols = relationship_columns();
    for (const auto& [type, edges] : relationships) {
        const auto file = "relationships_" + std::string(rel_type_name(type)) + ".csv";
        files.push_back({file, edges.size(), [&graph, &edge_cols, &edges = edges, type = type](std::ostream& out) {
                             std::vector<Value> values;
                             // Which columns the rows use, then the rows: only the second pass makes lists.
                             const RelationshipValues presence(graph, ListParts::Presence);
                             const auto used = used_columns(edges, [&](const Edge& e) -> const std::vector<Value>& {
                                 presence.fill(graph.relationship(e), values);
                                 return values;
                             }, edge_cols);
                             out << ":START_ID,:END_ID,:TYPE";
                             for (const auto column : used) out << ',' << header(edge_cols[column]);
                             out << '\n';
                             const RelationshipValues relationship_values(graph, ListParts::Items);
                             const auto type_field = csv_field(rel_type_name(type));
                             RowBuffer buffer(out);
                             for (const auto& edge : edges) {
                                 auto& row = buffer.text();
                                 append_field(row, graph.node(boost::source(edge, graph.graph())).id);
                                 row += ',';
                                 append_field(row, graph.node(boost::target(edge, graph.graph())).id);
                                 row += ',';
                                 row += type_field;
                                 relationship_values.fill(graph.relationship(edge), values);
                                 append_row(row, values, used, edge_cols);
                                 buffer.row_done();
                             }
                             buffer.flush();
                         }});
        command += " \\\n  --relationships=" + file;
    }
    std::vector<std::size_t> by_size(files.size());
    std::iota(by_size.begin(), by_size.end(), std::size_t{0});
    std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) { return files[a].rows > files[b].rows; });
    std::vector<std::function<void()>> tasks;
    for (const auto i : by_size) tasks.emplace_back([&, i] { sink.write_file(files[i].name, files[i].write); });
    run_in_parallel(tasks);
    sink.write_file("import.sh", [&](std::ostream& out) { out << command << "\n"; });
}

}  // namespace castgraph
