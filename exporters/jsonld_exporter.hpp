#pragma once

#include "castgraph/exporter.hpp"

namespace castgraph {

// JSON-LD with the schema.org vocabulary, one "@graph" of every node:
//  Podcast   PodcastSeries            name
//  Episode   PodcastEpisode           name, description (summary), partOfSeries,
//            inLanguage ("en"), timeRequired (ISO 8601 "PT1H24M44S"), actor (guests
//            and hosts), guest / host (cg:), mentions, keywords (DefinedTerm topics),
//            mention (cg: one node per mentioned entity: entity, timestampsS,
//            evidence, inEntityList, count), publishedText (cg:, relative text)
//  Person    Person                   name, alternateName, affiliation
//  Organization Organization; Software SoftwareApplication; Product Product;
//  Concept   DefinedTerm; Other Thing; Topic DefinedTerm (termCode)
// Every node: @id = base IRI + graph id (percent-encoded where an IRI needs it),
// castgraphId (cg:id) = the graph id, sourceType and episodeCount (cg:) on
// entities. References are {"@id": ...} objects. CO_APPEARS_WITH and
// ASSOCIATED_WITH are left out: both follow from mentions and keywords.
// The @context is embedded as an object (schemas/castgraph.context.jsonld),
// never a remote URL, so processors work offline.
class JsonLdExporter : public Exporter {
public:
    [[nodiscard]] std::string_view name() const override { return "jsonld"; }
    [[nodiscard]] std::string_view extension() const override { return ".jsonld"; }
    [[nodiscard]] std::string_view description() const override {
        return "JSON-LD with schema.org terms and an embedded @context (--base-iri)";
    }
    void write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const override;
};

// The embedded @context object (the value of "@context" in schemas/castgraph.context.jsonld).
std::string_view jsonld_context_text();

}  // namespace castgraph
