#include "jsonld_exporter.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "castgraph/error.hpp"
#include "castgraph/text.hpp"
#include "internal/json_text.hpp"

namespace castgraph {

std::string_view jsonld_context_file_text();

namespace {

using ordered_json = nlohmann::ordered_json;

std::string dump(const ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// An IRI from the base and a graph id: characters an IRI may not hold
// (RFC 3987: controls, space, <>"{}|\^`) are percent-encoded.
std::string iri(const std::string& base, const std::string& id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = base;
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

// ISO 8601 duration: 5084 s -> "PT1H24M44S".
std::string iso_duration(std::uint32_t seconds) {
    if (seconds == 0) return "PT0S";
    std::string out = "PT";
    if (seconds >= 3600) out += std::to_string(seconds / 3600) + "H";
    if (seconds % 3600 >= 60) out += std::to_string(seconds % 3600 / 60) + "M";
    if (seconds % 60 != 0) out += std::to_string(seconds % 60) + "S";
    return out;
}

std::string lower_ascii(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string_view schema_type(NodeLabel label) {
    switch (label) {
    case NodeLabel::Person: return "Person";
    case NodeLabel::Organization: return "Organization";
    case NodeLabel::Software: return "SoftwareApplication";
    case NodeLabel::Product: return "Product";
    case NodeLabel::Concept: return "DefinedTerm";
    case NodeLabel::Other: return "Thing";
    case NodeLabel::Episode: return "PodcastEpisode";
    case NodeLabel::Podcast: return "PodcastSeries";
    case NodeLabel::Topic: return "DefinedTerm";
    }
    return "Thing";
}

// Writes each node as one line of compact JSON, straight into text: the bytes
// nlohmann's dump(-1) gives for the same object (the golden test pins them), at a
// fraction of the cost of building that object first.
class JsonLdWriter {
public:
    JsonLdWriter(const PropertyGraph& graph, const ExportOptions& options)
        : graph_(graph), iri_(graph.node_count()), nodes_(graph.nodes_in_order()), rank_(graph.node_count()) {
        for (PropertyGraph::Vertex vertex = 0; vertex < iri_.size(); ++vertex) iri_[vertex] = dump(iri(options.base_iri, graph.node(vertex).id));
        for (std::size_t i = 0; i < nodes_.size(); ++i) rank_[nodes_[i]] = static_cast<std::uint32_t>(i);
    }

    void write(std::ostream& out) const {
        const auto context = nlohmann::ordered_json::parse(jsonld_context_file_text());
        out << "{\"@context\":" << dump(context.at("@context")) << ",\n\"@graph\":[";
        // Small chunks: each chunk in flight keeps its room, and an episode's node lists
        // everything it links to (256 nodes a chunk took some 5 MB more at 20,000 episodes).
        internal::write_records(out, nodes_.size(), 32, [&](std::size_t i, std::string& text) { append_node(nodes_[i], text); });
        out << "\n]}\n";
    }

private:
    using Vertex = PropertyGraph::Vertex;

    // Every object here starts with "@id" or "@type"; the keys after it take a comma.
    static std::string& key(std::string& out, std::string_view name) { return internal::append_json_key(out, name); }

    static void append_strings(std::string& out, const auto& texts) {
        out += '[';
        bool first = true;
        for (const auto& text : texts) {
            if (!first) out += ',';
            first = false;
            internal::append_json_string(out, text);
        }
        out += ']';
    }

    void append_reference(std::string& out, Vertex vertex) const {
        out += "{\"@id\":";
        out += iri_[vertex];
        out += '}';
    }

    void append_references(std::string& out, const std::vector<Vertex>& vertices) const {
        out += '[';
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            if (i > 0) out += ',';
            append_reference(out, vertices[i]);
        }
        out += ']';
    }

    using Edge = PropertyGraph::Edge;

    // A node's relationships of one type, out of it or into it, in the writers' order
    // (by the other end's id, ties as added): read from the graph when the node is
    // written, so that no index of them (tens of millions at a million episodes)
    // takes room beside the graph.
    std::vector<Edge> links(Vertex vertex, RelType type, bool outgoing) const {
        std::vector<Edge> found;
        const auto& graph = graph_.graph();
        if (outgoing) {
            for (const auto edge : boost::make_iterator_range(boost::out_edges(vertex, graph)))
                if (graph_.relationship(edge).type == type) found.push_back(edge);
        } else {
            for (const auto edge : boost::make_iterator_range(boost::in_edges(vertex, graph)))
                if (graph_.relationship(edge).type == type) found.push_back(edge);
        }
        const auto other = [&](Edge edge) { return outgoing ? boost::target(edge, graph) : boost::source(edge, graph); };
        std::stable_sort(found.begin(), found.end(), [&](Edge a, Edge b) { return rank_[other(a)] < rank_[other(b)]; });
        return found;
    }

    // The other ends of those relationships.
    std::vector<Vertex> linked(Vertex vertex, RelType type, bool outgoing) const {
        std::vector<Vertex> ends;
        for (const auto edge : links(vertex, type, outgoing))
            ends.push_back(outgoing ? boost::target(edge, graph_.graph()) : boost::source(edge, graph_.graph()));
        return ends;
    }

    void append_node(Vertex vertex, std::string& out) const {
        const auto& node = graph_.node(vertex);
        out += "{\"@id\":";
        out += iri_[vertex];
        internal::append_json_string(key(out, "@type"), schema_type(node.label));
        internal::append_json_string(key(out, "castgraphId"), node.id);
        internal::append_json_string(key(out, "name"), node.name);
        if (is_entity_label(node.label)) {
            if (!node.aliases.empty()) append_strings(key(out, "alternateName"), node.aliases);
            if (const auto organizations = linked(vertex, RelType::AffiliatedWith, true); !organizations.empty())
                append_references(key(out, "affiliation"), organizations);
            append_strings(key(out, "sourceType"), node.source_types);
            append_decimal(key(out, "episodeCount"), node.episode_count);
        } else if (node.label == NodeLabel::Topic) {
            internal::append_json_string(key(out, "termCode"), node.name);
        } else if (node.label == NodeLabel::Episode) {
            append_episode(vertex, node, out);
        }
        out += '}';
    }

    void append_episode(Vertex vertex, const Node& node, std::string& out) const {
        if (!node.summary.empty()) internal::append_json_string(key(out, "description"), node.summary);
        if (const auto series = linked(vertex, RelType::PartOf, true); !series.empty())
            append_reference(key(out, "partOfSeries"), series.back());
        if (!node.languages.empty()) {
            std::vector<std::string> languages;
            for (const auto& language : node.languages) languages.push_back(lower_ascii(language));
            append_strings(key(out, "inLanguage"), languages);
        }
        if (node.duration_s) internal::append_json_string(key(out, "timeRequired"), iso_duration(*node.duration_s));
        if (!node.published.empty()) internal::append_json_string(key(out, "publishedText"), node.published);
        const auto guests = linked(vertex, RelType::GuestOn, false);
        const auto hosts = linked(vertex, RelType::Hosted, false);
        std::vector<Vertex> people = guests;
        people.insert(people.end(), hosts.begin(), hosts.end());
        if (!people.empty()) {
            std::sort(people.begin(), people.end(), [&](Vertex a, Vertex b) { return graph_.node(a).id < graph_.node(b).id; });
            people.erase(std::unique(people.begin(), people.end()), people.end());
            append_references(key(out, "actor"), people);
        }
        if (!guests.empty()) append_references(key(out, "guest"), guests);
        if (!hosts.empty()) append_references(key(out, "host"), hosts);
        if (const auto mentioned = links(vertex, RelType::Mentions, true); !mentioned.empty()) {
            key(out, "mentions") += '[';
            for (std::size_t i = 0; i < mentioned.size(); ++i) {
                if (i > 0) out += ',';
                append_reference(out, boost::target(mentioned[i], graph_.graph()));
            }
            key(out += ']', "mention") += '[';
            for (std::size_t i = 0; i < mentioned.size(); ++i) {
                const auto edge = mentioned[i];
                const auto& relationship = graph_.relationship(edge);
                if (i > 0) out += ',';
                out += "{\"@type\":\"cg:Mention\"";
                append_reference(key(out, "entity"), boost::target(edge, graph_.graph()));
                if (!relationship.timestamps_s().empty())
                    internal::append_json_numbers(key(out, "timestampsS"), relationship.timestamps_s().view());
                key(out, "evidence") += internal::evidence_json(relationship.evidence);
                key(out, "inEntityList") += relationship.in_entity_list ? "true" : "false";
                append_decimal(key(out, "count"), relationship.count());
                if (!relationship.description.empty()) internal::append_json_string(key(out, "description"), relationship.description);
                out += '}';
            }
            out += ']';
        }
        if (const auto topics = linked(vertex, RelType::Tagged, true); !topics.empty())
            append_references(key(out, "keywords"), topics);
    }

    const PropertyGraph& graph_;
    std::vector<std::string> iri_;  // by vertex: the node's IRI as a JSON string
    std::vector<Vertex> nodes_;     // in the writers' order
    std::vector<std::uint32_t> rank_;  // by vertex: its place in nodes_
};

}  // namespace

std::string_view jsonld_context_text() {
    static const auto text = dump(nlohmann::ordered_json::parse(jsonld_context_file_text()).at("@context"));
    return text;
}

void JsonLdExporter::write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const {
    if (options.base_iri.empty() || options.base_iri.find(':') == std::string::npos)
        throw UsageError("--base-iri must be an absolute IRI such as https://example.org/podcasts/ or urn:castgraph: (got '" +
                         options.base_iri + "')");
    JsonLdWriter(graph, options).write(out);
}

}  // namespace castgraph
