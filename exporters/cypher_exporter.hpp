#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// A Cypher script for Neo4j 5 that `cypher-shell -f graph.cypher` runs as it is:
//  1. a uniqueness constraint on id for every node label (CREATE CONSTRAINT ... IF
//     NOT EXISTS), so every MERGE and MATCH below uses an index;
//  2. nodes, per label, in batches: UNWIND [{id: ..., props: {...}}, ...] AS row
//     MERGE (n:Label {id: row.id}) SET n += row.props (entities also get :Entity);
//  3. relationships, per (type, from label, to label), in batches: MATCH both ends
//     by label and id, MERGE (a)-[r:TYPE]->(b) SET r += row.props.
// Batches hold --cypher-batch-size rows; with the shell flavor :begin/:commit
// wrap at most --cypher-transaction-size rows; --cypher-flavor plain leaves them
// out (Neo4j Browser). MERGE on ids makes the script idempotent: loading it twice,
// or a later build over an earlier one, leaves one node per id and one
// relationship per (type, from, to).
// Values: strings are escaped literals, lists are Cypher lists, an entity's
// sightings a JSON string (Neo4j properties cannot hold maps); CO_APPEARS_WITH is
// stored from the smaller id (query it undirected: -[:CO_APPEARS_WITH]-).
class CypherExporter : public Exporter {
public:
    [[nodiscard]] std::string_view name() const override { return "cypher"; }
    [[nodiscard]] std::string_view extension() const override { return ".cypher"; }
    [[nodiscard]] std::string_view description() const override {
        return "Cypher script for Neo4j 5 (cypher-shell -f), idempotent MERGE in batches";
    }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
};

}  // namespace castgraph
