#include "cypher_exporter.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <tuple>

#include "castgraph/cypher_text.hpp"
#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using Edge = PropertyGraph::Edge;

// A Cypher literal for one exported value: lists of scalars become Cypher lists,
// a list of objects (sightings) stays JSON text.
std::string literal(ValueType type, const std::string& text) {
    switch (type) {
    case ValueType::String: return cypher_string(text);
    case ValueType::Long:
    case ValueType::Boolean: return text;
    case ValueType::JsonList: {
        const auto list = nlohmann::json::parse(text);
        std::string out = "[";
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].is_object()) return cypher_string(text);
            if (i) out += ", ";
            out += list[i].is_string() ? cypher_string(list[i].get<std::string>()) : list[i].dump();
        }
        return out + "]";
    }
    }
    return cypher_string(text);
}

// {key: value, ...} of the values a format keeps; the label or type itself is not a property.
std::string properties(const std::vector<Value>& values, const std::vector<Column>& columns) {
    std::string out = "{";
    bool first = true;
    for (const auto& value : values) {
        const auto& column = columns[value.column];
        if (column.name == "kind" || column.name == "label" || column.name == "type" || column.name == "undirected")
            continue;
        if (!first) out += ", ";
        first = false;
        out += cypher_identifier(column.name == "sightings" ? "sightings_json" : column.name);
        out += ": ";
        out += literal(column.type, value.text);
    }
    return out + "}";
}

class ScriptWriter {
public:
    ScriptWriter(std::ostream& out, const ExportOptions& options) : out_(out), options_(options) {}

    // One UNWIND statement of rows, inside a transaction when the flavor has them.
    void statement(const std::vector<std::string>& rows, std::size_t begin, std::size_t end, const std::string& body) {
        const bool shell = options_.cypher_flavor == "shell";
        if (shell && rows_in_transaction_ > 0 && rows_in_transaction_ + (end - begin) > options_.cypher_transaction_size)
            commit();
        if (shell && rows_in_transaction_ == 0) out_ << ":begin\n";
        out_ << "UNWIND [\n";
        for (std::size_t i = begin; i < end; ++i) out_ << rows[i] << (i + 1 < end ? ",\n" : "\n");
        out_ << "] AS row\n" << body << ";\n";
        rows_in_transaction_ += end - begin;
        if (!shell) rows_in_transaction_ = 0;
    }

    void batches(const std::vector<std::string>& rows, const std::string& body) {
        for (std::size_t begin = 0; begin < rows.size(); begin += options_.cypher_batch_size)
            statement(rows, begin, std::min(rows.size(), begin + options_.cypher_batch_size), body);
    }

    void commit() {
        if (rows_in_transaction_ > 0) out_ << ":commit\n";
        rows_in_transaction_ = 0;
    }

private:
    std::ostream& out_;
    const ExportOptions& options_;
    std::size_t rows_in_transaction_ = 0;
};

}  // namespace

void CypherExporter::write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const {
    if (options.cypher_flavor != "shell" && options.cypher_flavor != "plain")
        throw UsageError("unknown Cypher flavor '" + options.cypher_flavor + "', choose shell or plain");
    if (options.cypher_batch_size == 0 || options.cypher_transaction_size == 0)
        throw UsageError("Cypher batch and transaction sizes must be at least 1");

    out << "// castgraph graph for Neo4j 5: " << graph.node_count() << " nodes, " << graph.relationship_count()
        << " relationships.\n// Load with: cypher-shell -f graph.cypher   (idempotent: MERGE on id)\n";
    for (const auto label : kAllLabels) {
        const auto name = std::string(label_name(label));
        out << "CREATE CONSTRAINT " << cypher_identifier("castgraph_" + name + "_id") << " IF NOT EXISTS FOR (n:"
            << cypher_identifier(name) << ") REQUIRE n.id IS UNIQUE;\n";
    }

    ScriptWriter script(out, options);
    std::map<NodeLabel, std::vector<std::string>> node_rows;
    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        node_rows[node.label].push_back("{id: " + cypher_string(node.id) +
                                        ", props: " + properties(node_values(node), node_columns()) + "}");
    }
    for (const auto& [label, rows] : node_rows) {
        const auto name = cypher_identifier(label_name(label));
        std::string body = "MERGE (n:" + name + " {id: row.id}) SET n += row.props";
        if (is_entity_label(label)) body += " SET n:Entity";
        script.batches(rows, body);
    }

    std::map<std::tuple<RelType, NodeLabel, NodeLabel>, std::vector<std::string>> relationship_rows;
    for (const auto edge : graph.relationships_in_order()) {
        const auto& from = graph.node(boost::source(edge, graph.graph()));
        const auto& to = graph.node(boost::target(edge, graph.graph()));
        const auto& relationship = graph.relationship(edge);
        relationship_rows[{relationship.type, from.label, to.label}].push_back(
            "{from: " + cypher_string(from.id) + ", to: " + cypher_string(to.id) +
            ", props: " + properties(relationship_values(graph, relationship), relationship_columns()) + "}");
    }
    for (const auto& [key, rows] : relationship_rows) {
        const auto& [type, from_label, to_label] = key;
        script.batches(rows, "MATCH (a:" + cypher_identifier(label_name(from_label)) + " {id: row.from})\nMATCH (b:" +
                                 cypher_identifier(label_name(to_label)) + " {id: row.to})\nMERGE (a)-[r:" +
                                 cypher_identifier(rel_type_name(type)) + "]->(b) SET r += row.props");
    }
    script.commit();
}

}  // namespace castgraph
