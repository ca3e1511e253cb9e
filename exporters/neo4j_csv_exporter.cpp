#include "neo4j_csv_exporter.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using Edge = PropertyGraph::Edge;

constexpr std::string_view kArrayDelimiter = "\x1f";

std::string csv_field(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
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

std::string cell(const Column& column, const Value& value) {
    if (column.type != ValueType::StringList && column.type != ValueType::LongList) return csv_field(value.text);
    std::string joined;
    for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i) joined += kArrayDelimiter;
        auto element = value.items[i];
        for (auto& c : element)
            if (c == kArrayDelimiter[0]) c = ' ';
        joined += element;
    }
    return csv_field(joined);
}

bool skipped(const Column& column) {
    return column.name == "kind" || column.name == "label" || column.name == "type" || column.name == "undirected";
}

// Columns used by any row of a group, in column order.
template <typename Rows, typename ValuesOf>
std::vector<std::size_t> used_columns(const Rows& rows, const ValuesOf& values_of, const std::vector<Column>& columns) {
    std::set<std::size_t> used;
    for (const auto& row : rows)
        for (const auto& value : values_of(row))
            if (!skipped(columns[value.column])) used.insert(value.column);
    return {used.begin(), used.end()};
}

void write_row(std::ostream& out, std::string prefix, const std::vector<Value>& values,
               const std::vector<std::size_t>& used, const std::vector<Column>& columns) {
    out << prefix;
    std::size_t next = 0;
    for (const auto column : used) {
        out << ',';
        while (next < values.size() && values[next].column < column) ++next;
        if (next < values.size() && values[next].column == column) out << cell(columns[column], values[next]);
    }
    out << '\n';
}

}  // namespace

void Neo4jCsvExporter::write(const PropertyGraph&, const ExportOptions&, std::ostream&) const {
    throw UsageError("neo4j-csv writes a directory of files; give -o DIR (not standard output)");
}

void Neo4jCsvExporter::write_files(const PropertyGraph& graph, const ExportOptions& /*options*/, FileSink& sink) const {
    std::map<NodeLabel, std::vector<Vertex>> nodes;
    for (const auto vertex : graph.nodes_in_order()) nodes[graph.node(vertex).label].push_back(vertex);
    std::map<RelType, std::vector<Edge>> relationships;
    for (const auto edge : graph.relationships_in_order()) relationships[graph.relationship(edge).type].push_back(edge);

    std::string command = "#!/bin/sh\n# Imports this directory into an empty database (default: neo4j) with neo4j-admin of Neo4j 5.\n"
                          "cd \"$(dirname \"$0\")\" && neo4j-admin database import full \"${1:-neo4j}\" \\\n"
                          "  --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=true";
    const auto& node_cols = node_columns();
    for (const auto& entry : nodes) {  // not a structured binding: lambdas below capture these
        const auto label = entry.first;
        const auto& vertices = entry.second;
        const auto values_of = [&](Vertex v) { return node_values(graph.node(v)); };
        const auto used = used_columns(vertices, values_of, node_cols);
        const auto file = "nodes_" + std::string(label_name(label)) + ".csv";
        const auto labels = std::string(label_name(label)) + (is_entity_label(label) ? ";Entity" : "");
        sink.write_file(file, [&](std::ostream& out) {
            out << "id:ID,:LABEL";
            for (const auto column : used) out << ',' << header(node_cols[column]);
            out << '\n';
            for (const auto vertex : vertices)
                write_row(out, csv_field(graph.node(vertex).id) + "," + csv_field(labels), values_of(vertex), used, node_cols);
        });
        command += " \\\n  --nodes=" + file;
    }
    const auto& edge_cols = relationship_columns();
    for (const auto& entry : relationships) {
        const auto type = entry.first;
        const auto& edges = entry.second;
        const RelationshipValues relationship_values(graph);
        const auto values_of = [&](const Edge& e) { return relationship_values(graph.relationship(e)); };
        const auto used = used_columns(edges, values_of, edge_cols);
        const auto file = "relationships_" + std::string(rel_type_name(type)) + ".csv";
        sink.write_file(file, [&](std::ostream& out) {
            out << ":START_ID,:END_ID,:TYPE";
            for (const auto column : used) out << ',' << header(edge_cols[column]);
            out << '\n';
            for (const auto& edge : edges)
                write_row(out,
                          csv_field(graph.node(boost::source(edge, graph.graph())).id) + "," +
                              csv_field(graph.node(boost::target(edge, graph.graph())).id) + "," +
                              csv_field(rel_type_name(type)),
                          values_of(edge), used, edge_cols);
        });
        command += " \\\n  --relationships=" + file;
    }
    sink.write_file("import.sh", [&](std::ostream& out) { out << command << "\n"; });
}

}  // namespace castgraph
