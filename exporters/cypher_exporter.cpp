#include "cypher_exporter.hpp"

#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/cypher_text.hpp"
#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/text.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using Edge = PropertyGraph::Edge;

// Each node's id as a Cypher string, made once: ids fill most of a script, as
// the ends of every relationship and the episodes of co-appearances.
std::vector<std::string> id_literals(const PropertyGraph& graph) {
    std::vector<std::string> literals(graph.node_count());
    for (Vertex vertex = 0; vertex < literals.size(); ++vertex) append_cypher_string(literals[vertex], graph.node(vertex).id);
    return literals;
}

// A Cypher literal for one exported value: lists of scalars become Cypher lists,
// structured values (sightings) stay JSON text. (Relationships, whose lists name
// nodes, are written by RelationshipProperties below.)
void append_literal(std::string& out, ValueType type, const Value& value) {
    switch (type) {
    case ValueType::String:
    case ValueType::Json: append_cypher_string(out, value.text); return;
    case ValueType::Long:
    case ValueType::Boolean: out += value.text; return;
    case ValueType::StringList:
    case ValueType::LongList:
        out += '[';
        for (std::size_t i = 0; i < value.items.size(); ++i) {
            if (i) out += ", ";
            if (type == ValueType::StringList) append_cypher_string(out, value.items[i]);
            else out += value.items[i];
        }
        out += ']';
        return;
    }
    append_cypher_string(out, value.text);
}

// Property keys of a column list, "" for columns that are no property (the label or
// type itself): worked out once, not once a row.
std::vector<std::string> property_keys(const std::vector<Column>& columns) {
    std::vector<std::string> keys;
    for (const auto& column : columns) {
        const bool skipped =
            column.name == "kind" || column.name == "label" || column.name == "type" || column.name == "undirected";
        keys.push_back(skipped ? "" : cypher_identifier(column.name == "sightings" ? "sightings_json" : column.name));
    }
    return keys;
}

// {key: value, ...} of the values a format keeps.
void append_properties(std::string& out, std::span<const Value> values, const std::vector<Column>& columns,
                       const std::vector<std::string>& keys) {
    out += '{';
    bool first = true;
    for (const auto& value : values) {
        const auto& key = keys[value.column];
        if (key.empty()) continue;
        if (!first) out += ", ";
        first = false;
        out += key;
        out += ": ";
        append_literal(out, columns[value.column].type, value);
    }
    out += '}';
}

// A relationship's {key: value, ...}, as append_properties writes its values, made
// straight from the relationship: tens of millions of rows skip making the values'
// texts first.
class RelationshipProperties {
public:
    explicit RelationshipProperties(const std::vector<std::string>& ids)
        : ids_(ids), keys_(property_keys(relationship_columns())) {
        for (std::size_t bits = 0; bits < EvidenceSet::kCount; ++bits) {
            Value names;
            names.items = EvidenceSet::from_bits(bits).names();
            append_literal(evidence_literals_.emplace_back(), ValueType::StringList, names);
        }
    }

    void append(std::string& out, const Relationship& relationship) const {
        Appender appender{*this, out};
        out += '{';
        visit_relationship_values(relationship, appender);
        out += '}';
    }

private:
    struct Appender {
        const RelationshipProperties& owner;
        std::string& out;
        bool first = true;

        // Starts the property of this column; false for a column that is no property.
        bool key(std::size_t column) {
            const auto& name = owner.keys_[column];
            if (name.empty()) return false;
            if (!first) out += ", ";
            first = false;
            out += name;
            out += ": ";
            return true;
        }
        void text(std::size_t column, std::string_view value) {
            if (key(column)) append_cypher_string(out, value);
        }
        void boolean(std::size_t column, bool value) {
            if (key(column)) out += value ? std::string_view("true") : std::string_view("false");
        }
        void number(std::size_t column, std::uint64_t value) {
            if (key(column)) append_decimal(out, value);
        }
        void evidence(std::size_t column, EvidenceSet evidence) {
            if (key(column)) out += owner.evidence_literals_[evidence.bits()];
        }
        void numbers(std::size_t column, std::span<const std::uint32_t> numbers) {
            list(column, numbers, [&](std::uint32_t number) { append_decimal(out, number); });
        }
        void nodes(std::size_t column, std::span<const std::uint32_t> vertices) {
            list(column, vertices, [&](std::uint32_t vertex) { out += owner.ids_[vertex]; });
        }
        // [a, b, ...], each element written by append_element.
        template <typename AppendElement>
        void list(std::size_t column, std::span<const std::uint32_t> elements, AppendElement append_element) {
            if (!key(column)) return;
            out += '[';
            for (std::size_t i = 0; i < elements.size(); ++i) {
                if (i) out += ", ";
                append_element(elements[i]);
            }
            out += ']';
        }
    };

    const std::vector<std::string>& ids_;
    std::vector<std::string> keys_;
    std::vector<std::string> evidence_literals_;  // by EvidenceSet::bits()
};

class ScriptWriter {
public:
    ScriptWriter(std::ostream& out, const ExportOptions& options) : out_(out), options_(options) {}

    // One UNWIND statement of `rows` rows, row(i, text) appending the i-th, inside a
    // transaction when the flavor has them.
    template <typename Row>
    void statement(std::size_t rows, const Row& row, const std::string& body) {
        const bool shell = options_.cypher_flavor == "shell";
        if (shell && rows_in_transaction_ > 0 && rows_in_transaction_ + rows > options_.cypher_transaction_size)
            commit();
        if (shell && rows_in_transaction_ == 0) out_ << ":begin\n";
        // Rows are put together and written a megabyte at a time: a stream's per-call
        // cost would come twice for each of millions of rows, and a statement of popular
        // entities' rows (their sightings) runs to tens of megabytes. They go straight
        // into the text, not through strings of their own, which would each keep the
        // room of the longest row they ever held.
        constexpr std::size_t kWriteAt = std::size_t{1} << 20;
        text_.assign("UNWIND [\n");
        for (std::size_t i = 0; i < rows; ++i) {
            row(i, text_);
            text_ += i + 1 < rows ? std::string_view(",\n") : std::string_view("\n");
            if (text_.size() >= kWriteAt) {
                out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
                text_.clear();
            }
        }
        text_ += "] AS row\n";
        text_ += body;
        text_ += ";\n";
        out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
        rows_in_transaction_ += rows;
        if (!shell) rows_in_transaction_ = 0;
    }

    void commit() {
        if (rows_in_transaction_ > 0) out_ << ":commit\n";
        rows_in_transaction_ = 0;
    }

private:
    std::ostream& out_;
    const ExportOptions& options_;
    std::size_t rows_in_transaction_ = 0;
    std::string text_;  // the statement's text not yet written, its storage kept from one to the next
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

    // Rows are made one statement at a time, so memory stays flat however large the script.
    ScriptWriter script(out, options);
    const auto write_batches = [&](const auto& members, const auto& row_of, const std::string& body) {
        for (std::size_t begin = 0; begin < members.size(); begin += options.cypher_batch_size) {
            const auto end = std::min(members.size(), begin + options.cypher_batch_size);
            script.statement(
                end - begin, [&](std::size_t i, std::string& text) { row_of(members[begin + i], text); }, body);
        }
    };

    const auto ids = id_literals(graph);
    std::map<NodeLabel, std::vector<Vertex>> nodes_by_label;
    for (const auto vertex : graph.nodes_in_order()) nodes_by_label[graph.node(vertex).label].push_back(vertex);
    const auto node_keys = property_keys(node_columns());
    std::vector<Value> node_properties;  // reused from row to row
    const auto node_row = [&](Vertex vertex, std::string& row) {
        const auto& node = graph.node(vertex);
        row += "{id: ";
        row += ids[vertex];
        row += ", props: ";
        const auto count = fill_node_values(graph, node, node_properties);
        append_properties(row, std::span<const Value>(node_properties).first(count), node_columns(), node_keys);
        row += '}';
    };
    for (const auto& [label, vertices] : nodes_by_label) {
        const auto name = cypher_identifier(label_name(label));
        std::string body = "MERGE (n:" + name + " {id: row.id}) SET n += row.props";
        if (is_entity_label(label)) body += " SET n:Entity";
        write_batches(vertices, node_row, body);
    }

    const RelationshipProperties relationship_properties(ids);
    const auto& in_order = graph.relationships_in_order();
    const auto relationship_row = [&](std::uint32_t position, std::string& row) {
        const auto edge = in_order[position];
        row += "{from: ";
        row += ids[boost::source(edge, graph.graph())];
        row += ", to: ";
        row += ids[boost::target(edge, graph.graph())];
        row += ", props: ";
        relationship_properties.append(row, graph.relationship(edge));
        row += '}';
    };
    // One statement per kind (type, source label, target label), in that order. The
    // writers' order has each type in one run; a run is grouped by its ends' labels
    // with a counting pass over positions, 4 bytes a relationship for one type at a
    // time, rather than a copy of every edge (tens of millions at a million episodes).
    constexpr std::size_t kLabelCount = std::size(kAllLabels);
    static_assert(static_cast<std::size_t>(NodeLabel::Topic) + 1 == kLabelCount, "labels number 0 to N - 1");
    const auto label_of = [](std::size_t number) { return static_cast<NodeLabel>(number); };
    const auto label_number = [&](Vertex vertex) {
        const auto number = static_cast<std::size_t>(graph.node(vertex).label);
        if (number >= kLabelCount) throw Error(ErrorCategory::internal, "cypher: a node with an unknown label");
        return number;
    };
    const auto kind_of = [&](Edge edge) {
        return label_number(boost::source(edge, graph.graph())) * kLabelCount +
               label_number(boost::target(edge, graph.graph()));
    };
    std::vector<std::uint32_t> by_kind;
    for (std::size_t begin = 0; begin < in_order.size();) {
        const auto type = graph.relationship(in_order[begin]).type;
        auto end = begin;
        while (end < in_order.size() && graph.relationship(in_order[end]).type == type) ++end;
        std::array<std::size_t, kLabelCount * kLabelCount + 1> kind_begin{};
        for (auto i = begin; i < end; ++i) ++kind_begin[kind_of(in_order[i]) + 1];
        std::partial_sum(kind_begin.begin(), kind_begin.end(), kind_begin.begin());
        auto kind_next = kind_begin;
        by_kind.resize(end - begin);
        for (auto i = begin; i < end; ++i) by_kind[kind_next[kind_of(in_order[i])]++] = static_cast<std::uint32_t>(i);
        for (std::size_t kind = 0; kind < kLabelCount * kLabelCount; ++kind) {
            if (kind_begin[kind] == kind_begin[kind + 1]) continue;
            const std::span<const std::uint32_t> positions(by_kind.data() + kind_begin[kind],
                                                           kind_begin[kind + 1] - kind_begin[kind]);
            write_batches(positions, relationship_row,
                          "MATCH (a:" + cypher_identifier(label_name(label_of(kind / kLabelCount))) +
                              " {id: row.from})\nMATCH (b:" +
                              cypher_identifier(label_name(label_of(kind % kLabelCount))) +
                              " {id: row.to})\nMERGE (a)-[r:" + cypher_identifier(rel_type_name(type)) +
                              "]->(b) SET r += row.props");
        }
        begin = end;
    }
    script.commit();
}

}  // namespace castgraph
