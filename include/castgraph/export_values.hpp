// Node and relationship properties as flat, typed columns, for the formats
// whose values are scalars (GraphML, DOT, CSV): one place decides the names,
// types and text of every exported value, so the formats agree.
//
// Lists (aliases, evidence, episodes, timestamps_s, sightings, ...) become JSON
// array text; booleans "true"/"false"; integers decimal. An absent value
// (duration_s unknown, a field another label uses) and an empty text are left
// out, never written as an empty string or 0.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

enum class ValueType { String, Long, Boolean, JsonList };

struct Column {
    std::string_view name;
    ValueType type;
};

struct Value {
    std::size_t column = 0;  // index into node_columns() or relationship_columns()
    std::string text;
};

// Every column a node or relationship can have, in a fixed order. Nodes: kind
// (the label: Person, Episode, ...), label (display text), then properties.
// Relationships: type, undirected, then properties.
const std::vector<Column>& node_columns();
const std::vector<Column>& relationship_columns();

std::vector<Value> node_values(const Node& node);
std::vector<Value> relationship_values(const PropertyGraph& graph, const Relationship& relationship);

// Fill colour of a node label in every drawing ("#4e79a7"), so GraphML for yEd,
// DOT and rendered diagrams agree.
std::string_view label_color(NodeLabel label);

}  // namespace castgraph
