// Node and relationship properties as flat, typed columns, for the formats
// whose values are scalars (GraphML, DOT, CSV): one place decides the names,
// types and text of every exported value, so the formats agree.
//
// Lists (aliases, evidence, episodes, timestamps_s, sightings, ...) become JSON
// array text, and scalar lists also keep their elements (for relationships, the
// parts a writer asks for: ListParts); booleans "true"/"false"; integers decimal.
// An absent value (duration_s unknown, a field another label uses) and an empty
// text are left out, never written as an empty string or 0.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

// StringList and LongList are lists of scalars; Json is structured text (sightings).
enum class ValueType { String, Long, Boolean, StringList, LongList, Json };

struct Column {
    std::string_view name;
    ValueType type;
};

struct Value {
    std::size_t column = 0;  // index into node_columns() or relationship_columns()
    std::string text;        // lists as JSON array text
    std::vector<std::string> items = {};  // a list's elements as plain text (strings unquoted)
    std::span<const std::uint32_t> nodes = {};  // a list of nodes as vertices (ListParts::ItemsAsNodes)
};

// Every column a node or relationship can have, in a fixed order. Nodes: kind
// (the label: Person, Episode, ...), label (display text), then properties.
// Relationships: type, undirected, then properties.
const std::vector<Column>& node_columns();
const std::vector<Column>& relationship_columns();

// graph holds the node (its sightings name their episodes by vertex).
std::vector<Value> node_values(const PropertyGraph& graph, const Node& node);
// The same values, written into the first elements of `values`, whose strings are
// reused (an entity's sightings run to megabytes); returns how many are the node's.
// Elements after them are left as they are, for the next node to reuse.
std::size_t fill_node_values(const PropertyGraph& graph, const Node& node, std::vector<Value>& values);

// Which parts of list values an exporter reads: the JSON array text (GraphML, DOT),
// the elements (CSV, Cypher), or both. Making only those saves most of the work on
// a graph of millions of relationships. Presence makes every value a relationship
// has, lists left empty: enough to know which columns a set of rows uses.
// ItemsAsNodes gives the elements as Items does, but a list of nodes (episodes) as
// their vertices in `nodes`, `items` left empty: for writers that make each node's
// text once instead of once in every list that names it. TextWithNodes gives the
// text of every list but a list of nodes, which comes as its vertices as in
// ItemsAsNodes: for text writers that keep each node's id escaped for their format.
enum class ListParts { Text, Items, Both, Presence, ItemsAsNodes, TextWithNodes };

// Relationship columns by number, in relationship_columns()'s order.
enum RelationshipColumn : std::size_t {
    kRelationshipType, kRelationshipUndirected, kRelationshipEvidence, kRelationshipInEntityList,
    kRelationshipDescription, kRelationshipTimestampsS, kRelationshipCount, kRelationshipWeight,
    kRelationshipEpisodes,
};

// Hands each value a relationship has to the visitor, in column order, as the graph
// stores it: the one place that decides which values a relationship type carries.
// Writers of millions of rows format from here directly; RelationshipValues makes
// them into text. The visitor has text(column, string_view), boolean(column, bool),
// number(column, uint64), evidence(column, EvidenceSet), numbers(column, span) for
// lists of integers and nodes(column, span) for lists of nodes (vertices).
template <typename Visitor>
void visit_relationship_values(const Relationship& relationship, Visitor& visit) {
    visit.text(kRelationshipType, rel_type_name(relationship.type));
    visit.boolean(kRelationshipUndirected, relationship.type == RelType::CoAppearsWith);
    const auto shape = shape_of(relationship.type);
    if (shape.evidence) visit.evidence(kRelationshipEvidence, relationship.evidence);
    if (shape.mention_fields) {
        visit.boolean(kRelationshipInEntityList, relationship.in_entity_list);
        // An empty text is absent (see the top of this file).
        if (!relationship.description.empty()) visit.text(kRelationshipDescription, relationship.description.view());
        visit.numbers(kRelationshipTimestampsS, relationship.timestamps_s().view());
        visit.number(kRelationshipCount, relationship.count());
    }
    if (shape.weight) visit.number(kRelationshipWeight, relationship.weight());
    if (shape.episodes) visit.nodes(kRelationshipEpisodes, relationship.episodes().view());
}

// An evidence list as the JSON array text RelationshipValues gives it.
const std::string& evidence_json_text(EvidenceSet evidence);

// The values of a graph's relationships. Made once per export: episode lists,
// most of the text of a large graph, are put together from ids escaped once.
class RelationshipValues {
public:
    explicit RelationshipValues(const PropertyGraph& graph, ListParts parts = ListParts::Both);
    std::vector<Value> operator()(const Relationship& relationship) const;
    // The same values, written into `values` and reusing its memory: for writers of
    // millions of rows, which would otherwise allocate a few strings per row.
    void fill(const Relationship& relationship, std::vector<Value>& values) const;

private:
    const PropertyGraph& graph_;
    ListParts parts_;
    std::vector<std::string> quoted_ids_;  // by vertex, as JSON strings
};

// Fill colour of a node label in every drawing ("#4e79a7"), so GraphML for yEd,
// DOT and rendered diagrams agree.
std::string_view label_color(NodeLabel label);

}  // namespace castgraph
