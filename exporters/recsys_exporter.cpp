#include "recsys_exporter.hpp"

#include <cstdio>
#include <map>

#include "castgraph/error.hpp"
#include "castgraph/similarity.hpp"

namespace castgraph {
namespace {

// Text fields of the TSV files: tabs and newlines would break a row.
std::string tsv_field(std::string text) {
    for (auto& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return text;
}

std::string score_text(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);  // round-trips every double
    return buffer;
}

}  // namespace

void RecsysExporter::write(const PropertyGraph&, const ExportOptions&, std::ostream&) const {
    throw UsageError("recsys writes a directory of files; give -o DIR (not standard output)");
}

void RecsysExporter::write_files(const PropertyGraph& graph, const ExportOptions& /*options*/, FileSink& sink) const {
    const auto order = graph.nodes_in_order();
    std::map<PropertyGraph::Vertex, std::size_t> index;
    for (std::size_t i = 0; i < order.size(); ++i) index.emplace(order[i], i);
    const auto& edges = graph.relationships_in_order();

    sink.write_file("interactions.tsv", [&](std::ostream& out) {
        out << "episode_id\tentity_id\tweight\n";
        for (const auto edge : edges) {
            const auto& relationship = graph.relationship(edge);
            const auto& from = graph.node(boost::source(edge, graph.graph())).id;
            const auto& to = graph.node(boost::target(edge, graph.graph())).id;
            if (relationship.type == RelType::Mentions) out << from << '\t' << to << '\t' << relationship.count() << '\n';
            if (relationship.type == RelType::GuestOn || relationship.type == RelType::Hosted)
                out << to << '\t' << from << "\t1\n";
        }
    });
    sink.write_file("nodes.tsv", [&](std::ostream& out) {
        out << "index\tid\tlabel\tname\n";
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto& node = graph.node(order[i]);
            out << i << '\t' << node.id << '\t' << label_name(node.label) << '\t' << tsv_field(node.name) << '\n';
        }
    });
    sink.write_file("graph.edgelist", [&](std::ostream& out) {
        for (const auto edge : edges) {
            const auto& relationship = graph.relationship(edge);
            const auto from = index.at(boost::source(edge, graph.graph()));
            const auto to = index.at(boost::target(edge, graph.graph()));
            const auto weight = relationship.weight() ? relationship.weight() : relationship.count() ? relationship.count() : 1;
            out << from << ' ' << to << ' ' << weight << '\n';
            if (relationship.type == RelType::CoAppearsWith) out << to << ' ' << from << ' ' << weight << '\n';
        }
    });
    sink.write_file("similarity.csv", [&](std::ostream& out) {
        out << "a,b,measure,score\n";
        for (const auto& pair : co_appearance_similarities(graph)) {
            const auto& a = graph.node(pair.a).id;
            const auto& b = graph.node(pair.b).id;
            out << a << ',' << b << ",adamic_adar," << score_text(pair.adamic_adar) << '\n';
            out << a << ',' << b << ",jaccard," << score_text(pair.jaccard) << '\n';
        }
    });
}

}  // namespace castgraph
