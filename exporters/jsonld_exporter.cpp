#include "jsonld_exporter.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "castgraph/error.hpp"

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

class JsonLdWriter {
public:
    JsonLdWriter(const PropertyGraph& graph, const ExportOptions& options) : graph_(graph), base_(options.base_iri) {
        collect_links();
    }

    void write(std::ostream& out) const {
        const auto context = nlohmann::ordered_json::parse(jsonld_context_file_text());
        out << "{\"@context\":" << dump(context.at("@context")) << ",\n\"@graph\":[";
        const char* separator = "\n";
        for (const auto vertex : graph_.nodes_in_order()) {
            out << separator << dump(node(vertex));
            separator = ",\n";
        }
        out << "\n]}\n";
    }

private:
    using Vertex = PropertyGraph::Vertex;

    ordered_json reference(Vertex vertex) const { return {{"@id", iri(base_, graph_.node(vertex).id)}}; }

    ordered_json references(const std::vector<Vertex>& vertices) const {
        auto list = ordered_json::array();
        for (const auto vertex : vertices) list.push_back(reference(vertex));
        return list;
    }

    // Relationships in the graph's order, grouped by the node they describe.
    void collect_links() {
        for (const auto edge : graph_.relationships_in_order()) {
            const auto from = boost::source(edge, graph_.graph());
            const auto to = boost::target(edge, graph_.graph());
            switch (graph_.relationship(edge).type) {
            case RelType::PartOf: series_[from] = to; break;
            case RelType::GuestOn: guests_[to].push_back(from); break;
            case RelType::Hosted: hosts_[to].push_back(from); break;
            case RelType::AffiliatedWith: affiliations_[from].push_back(to); break;
            case RelType::Mentions: mentions_[from].push_back(edge); break;
            case RelType::Tagged: keywords_[from].push_back(to); break;
            case RelType::CoAppearsWith:
            case RelType::AssociatedWith: break;  // derived from mentions and keywords
            }
        }
    }

    template <typename Map>
    static const typename Map::mapped_type* find(const Map& map, Vertex vertex) {
        const auto found = map.find(vertex);
        return found == map.end() ? nullptr : &found->second;
    }

    ordered_json node(Vertex vertex) const {
        const auto& node = graph_.node(vertex);
        ordered_json out;
        out["@id"] = iri(base_, node.id);
        out["@type"] = schema_type(node.label);
        out["castgraphId"] = node.id;
        out["name"] = node.name;
        if (is_entity_label(node.label)) {
            if (!node.aliases.empty()) out["alternateName"] = node.aliases;
            if (const auto* organizations = find(affiliations_, vertex)) out["affiliation"] = references(*organizations);
            out["sourceType"] = node.source_types;
            out["episodeCount"] = node.episode_count;
        } else if (node.label == NodeLabel::Topic) {
            out["termCode"] = node.name;
        } else if (node.label == NodeLabel::Episode) {
            if (!node.summary.empty()) out["description"] = node.summary;
            if (const auto* series = find(series_, vertex)) out["partOfSeries"] = reference(*series);
            if (!node.languages.empty()) {
                auto languages = ordered_json::array();
                for (const auto& language : node.languages) languages.push_back(lower_ascii(language));
                out["inLanguage"] = languages;
            }
            if (node.duration_s) out["timeRequired"] = iso_duration(*node.duration_s);
            if (!node.published.empty()) out["publishedText"] = node.published;
            std::set<Vertex> people;
            const auto* guests = find(guests_, vertex);
            const auto* hosts = find(hosts_, vertex);
            if (guests) people.insert(guests->begin(), guests->end());
            if (hosts) people.insert(hosts->begin(), hosts->end());
            if (!people.empty()) {
                std::vector<Vertex> ordered(people.begin(), people.end());
                std::sort(ordered.begin(), ordered.end(),
                          [&](Vertex a, Vertex b) { return graph_.node(a).id < graph_.node(b).id; });
                out["actor"] = references(ordered);
            }
            if (guests) out["guest"] = references(*guests);
            if (hosts) out["host"] = references(*hosts);
            if (const auto* mentioned = find(mentions_, vertex)) {
                auto entities = ordered_json::array();
                auto details = ordered_json::array();
                for (const auto edge : *mentioned) {
                    const auto& relationship = graph_.relationship(edge);
                    const auto target = boost::target(edge, graph_.graph());
                    entities.push_back(reference(target));
                    ordered_json detail;
                    detail["@type"] = "cg:Mention";
                    detail["entity"] = reference(target);
                    if (!relationship.timestamps_s.empty()) detail["timestampsS"] = relationship.timestamps_s;
                    detail["evidence"] = relationship.evidence.names();
                    detail["inEntityList"] = relationship.in_entity_list;
                    detail["count"] = relationship.count;
                    if (!relationship.description.empty()) detail["description"] = relationship.description;
                    details.push_back(std::move(detail));
                }
                out["mentions"] = std::move(entities);
                out["mention"] = std::move(details);
            }
            if (const auto* topics = find(keywords_, vertex)) out["keywords"] = references(*topics);
        }
        return out;
    }

    const PropertyGraph& graph_;
    std::string base_;
    std::map<Vertex, Vertex> series_;
    std::map<Vertex, std::vector<Vertex>> guests_, hosts_, affiliations_, keywords_;
    std::map<Vertex, std::vector<PropertyGraph::Edge>> mentions_;
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
