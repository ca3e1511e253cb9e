// The questions users ask of the graph, answered as tables (schemas/query-result.schema.json):
//  who-mentioned NAME  the guests and hosts of the episodes that mention an entity, with the
//                      episode, their role, the chapter times and the evidence. Mentions
//                      found only in entity-list descriptions of other entities (the page's
//                      gloss, not the episode's words) count only with include_descriptions.
//                      An episode that mentions it with no known guest or host gives one row
//                      without a person.
//  episodes NAME       the episodes linked to an entity (MENTIONS, GUEST_ON, HOSTED)
//  neighbors NAME      nodes within `depth` relationships (any direction), optionally only
//                      through the given relationship types
//  path A B            a shortest path through episodes and entities (Boost.Graph breadth-
//                      first search over MENTIONS, GUEST_ON, HOSTED, AFFILIATED_WITH, TAGGED,
//                      in either direction)
//  top                 entities ranked by episodes (most mentioned) or by distinct
//                      neighbours (most connected)
// NAME is an id, a name or an alias, folded like resolution folds names (EntityLookup); an
// unknown name throws NotFoundError with the closest names.
//
// Pure functions of the graph; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

struct QueryResult {
    std::string query;                 // "who-mentioned"
    nlohmann::ordered_json subject;    // what was asked: {"name": ..., "id": ...}
    std::vector<std::string> columns;  // row keys, in display order
    std::vector<nlohmann::ordered_json> rows;
    std::string note;                  // a sentence for people ("no episode mentions ..."), may be empty
};

struct QueryOptions {
    bool include_descriptions = false;    // who-mentioned: count description-only mentions
    std::vector<RelType> types;           // neighbors: only these relationship types (empty: all)
    std::size_t depth = 1;                // neighbors
    std::optional<NodeLabel> label;       // top: only this label
    std::size_t top_k = 10;               // top
    std::string rank_by = "episodes";     // top: episodes | connections
};

// A node as QueryResult::subject names it: {"id", "name", "label"}.
nlohmann::ordered_json query_subject(const PropertyGraph& graph, PropertyGraph::Vertex vertex);

QueryResult who_mentioned(const PropertyGraph& graph, const std::string& name, const QueryOptions& options = {});
QueryResult episodes_of(const PropertyGraph& graph, const std::string& name);
QueryResult neighbors(const PropertyGraph& graph, const std::string& name, const QueryOptions& options = {});
QueryResult shortest_path(const PropertyGraph& graph, const std::string& from, const std::string& to);
QueryResult top_entities(const PropertyGraph& graph, const QueryOptions& options = {});

// Output forms: an aligned text table (lists joined with ", "), JSON
// (schemas/query-result.schema.json) and CSV (RFC 4180; lists joined with "; ").
void write_query_table(const QueryResult& result, std::ostream& out);
void write_query_json(const QueryResult& result, std::ostream& out);
void write_query_csv(const QueryResult& result, std::ostream& out);

}  // namespace castgraph
