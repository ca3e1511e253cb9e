#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// The inputs recommender libraries expect, as a directory:
//  interactions.tsv  episode_id, entity_id, weight: every MENTIONS (weight = count), GUEST_ON
//                    and HOSTED (weight 1) as an implicit-feedback matrix (header line)
//  nodes.tsv         index, id, label, name: the integer ids of graph.edgelist (header line)
//  graph.edgelist    "source target weight" on integer ids, no header (node2vec, DeepWalk,
//                    PyTorch Geometric): CO_APPEARS_WITH in both directions (undirected),
//                    every other relationship once, from -> to; weight = weight, else
//                    count, else 1
//  similarity.csv    a,b,measure,score: Jaccard and Adamic-Adar on the co-appearance graph
//                    for every pair with a common neighbour (similarity.hpp), a < b
class RecsysExporter : public Exporter {
public:
    [[nodiscard]] std::string_view name() const override { return "recsys"; }
    [[nodiscard]] std::string_view extension() const override { return "-recsys"; }
    [[nodiscard]] std::string_view description() const override {
        return "Recommender inputs: interactions, integer edge list with id map, similarity scores (give -o DIR)";
    }
    [[nodiscard]] bool writes_directory() const override { return true; }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
    void write_files(const PropertyGraph& graph, const ExportOptions& options, FileSink& sink) const override;
};

}  // namespace castgraph
