#include "internal/graph_file_layout.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "castgraph/graph_json.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/text.hpp"

namespace castgraph::internal {
namespace {

// Thrown where the layout reader gives up: the general reader takes the file.
struct Miss {};

using simdjson::dom::element;
using simdjson::dom::element_type;

// What write_graph puts around the records.
constexpr std::string_view kRelationshipsStart = "\n],\n\"relationships\":[";
constexpr std::string_view kIdChangesStart = "\n],\n\"id_changes\":[";
constexpr std::string_view kEnd = "\n]}\n";

std::string_view text_of(element value) {
    std::string_view text;
    if (value.get_string().get(text)) throw Miss{};
    // simdjson has checked the file's UTF-8, but an escaped lone surrogate ("\ud800")
    // decodes to bytes that are not UTF-8; they begin with 0xED, which few texts hold.
    if (text.find('\xED') != std::string_view::npos && find_invalid_utf8(text)) throw Miss{};
    return text;
}

// As the general reader's counts: an integer in [0, 2^32).
std::uint32_t count_of(element value) {
    std::int64_t number = 0;
    if (value.type() != element_type::INT64 || value.get_int64().get(number) || number < 0 ||
        number > std::numeric_limits<std::uint32_t>::max())
        throw Miss{};
    return static_cast<std::uint32_t>(number);
}

bool boolean_of(element value) {
    bool flag = false;
    if (value.get_bool().get(flag)) throw Miss{};
    return flag;
}

simdjson::dom::array array_of(element value) {
    simdjson::dom::array values;
    if (value.get_array().get(values)) throw Miss{};
    return values;
}

std::vector<std::string> texts_of(element value) {
    std::vector<std::string> texts;
    for (const auto item : array_of(value)) texts.emplace_back(text_of(item));
    return texts;
}

// The fields of an object that a record reads, by position in `names`; others are
// left alone, as the general reader leaves them. A field given twice is not guessed at.
template <std::size_t N>
class Fields {
public:
    Fields(element record, const std::array<std::string_view, N>& names) {
        simdjson::dom::object object;
        if (record.get_object().get(object)) throw Miss{};
        for (const auto field : object) {
            const auto found = std::find(names.begin(), names.end(), field.key);
            if (found == names.end()) continue;
            const auto index = static_cast<std::size_t>(found - names.begin());
            if (present_[index]) throw Miss{};
            present_[index] = true;
            values_[index] = field.value;
        }
    }
    [[nodiscard]] element operator[](std::size_t index) const {
        if (!present_[index]) throw Miss{};
        return values_[index];
    }

private:
    std::array<element, N> values_{};
    std::array<bool, N> present_{};
};

enum NodeField : std::size_t {
    kId, kLabel, kName, kAliases, kSourceTypes, kEpisodeCount, kSightings,
    kPodcast, kPublished, kDurationS, kLanguages, kSummary,
};
constexpr std::array<std::string_view, 12> kNodeFields = {
    "id", "label", "name", "aliases", "source_types", "episode_count", "sightings",
    "podcast", "published", "duration_s", "languages", "summary"};
enum SightingField : std::size_t { kEpisode, kSource, kItem, kSightingName, kType, kDescription };
constexpr std::array<std::string_view, 6> kSightingFields = {"episode", "source", "item", "name", "type", "description"};
enum RelationshipField : std::size_t {
    kRelType, kFrom, kTo, kEvidence, kEpisodes, kInEntityList, kRelDescription, kTimestampsS, kCount, kWeight,
};
constexpr std::array<std::string_view, 10> kRelationshipFields = {
    "type", "from", "to", "evidence", "episodes", "in_entity_list", "description", "timestamps_s", "count", "weight"};
constexpr std::array<std::string_view, 2> kIdChangeFields = {"old_id", "new_id"};

// A node, with the ids of the episodes its sightings name that were not in the
// graph yet (by sighting), to be found once every node is in.
struct NodeRecord {
    Node node;
    std::vector<std::pair<std::uint32_t, std::string>> later_episodes;
};

// The same checks and meaning as read_node in graph_json.cpp. Episodes in earlier
// rounds of records are found at once: the graph is only read while records convert.
NodeRecord node_of(element record, const PropertyGraph& graph) {
    const Fields fields(record, kNodeFields);
    NodeRecord parsed;
    auto& node = parsed.node;
    node.id = text_of(fields[kId]);
    if (node.id.empty()) throw Miss{};
    const auto label = parse_label(text_of(fields[kLabel]));
    if (!label) throw Miss{};
    node.label = *label;
    node.name = text_of(fields[kName]);
    if (is_entity_label(node.label)) {
        node.aliases = texts_of(fields[kAliases]);
        node.source_types = texts_of(fields[kSourceTypes]);
        node.episode_count = count_of(fields[kEpisodeCount]);
        const auto sightings = array_of(fields[kSightings]);
        node.sightings.reserve(sightings.size());
        for (const auto sighting : sightings) {
            const Fields of(sighting, kSightingFields);
            const auto episode_id = text_of(of[kEpisode]);
            const auto episode = graph.find(episode_id);
            if (episode && graph.node(*episode).label != NodeLabel::Episode) throw Miss{};
            if (!episode) parsed.later_episodes.emplace_back(node.sightings.size(), episode_id);
            const auto source = parse_sighting_source(text_of(of[kSource]));
            if (!source) throw Miss{};
            node.sightings.push_back({episode.value_or(0), *source, count_of(of[kItem]),
                                      std::string(text_of(of[kSightingName])),
                                      std::string(text_of(of[kType])), std::string(text_of(of[kDescription]))});
        }
    } else if (node.label == NodeLabel::Episode) {
        node.podcast = text_of(fields[kPodcast]);
        node.published = text_of(fields[kPublished]);
        if (const auto duration = fields[kDurationS]; !duration.is_null()) node.duration_s = count_of(duration);
        node.languages = texts_of(fields[kLanguages]);
        node.summary = text_of(fields[kSummary]);
    }
    return parsed;
}

struct PendingRelationship {
    PropertyGraph::Vertex from = 0;
    PropertyGraph::Vertex to = 0;
    Relationship relationship;
};

// Node ids looked up by one thread, the last of each kind remembered: relationships
// come in (type, from, to) order, so most records name the node the one before did.
class NodeFinder {
public:
    explicit NodeFinder(const PropertyGraph& graph) : graph_(graph) {}
    const PropertyGraph& graph() const { return graph_; }
    PropertyGraph::Vertex operator()(std::string_view id, std::size_t slot) {
        auto& last = last_[slot];
        if (last.found && last.id == id) return last.vertex;
        const auto vertex = graph_.find(id);
        if (!vertex) throw Miss{};
        last = {std::string(id), *vertex, true};
        return *vertex;
    }

private:
    struct Last {
        std::string id;
        PropertyGraph::Vertex vertex = 0;
        bool found = false;
    };
    const PropertyGraph& graph_;
    std::array<Last, 3> last_{};  // from, to, an episode
};

// The same checks and meaning as read_relationship in graph_json.cpp.
PendingRelationship relationship_of(element record, NodeFinder& find) {
    const auto& graph = find.graph();
    const Fields fields(record, kRelationshipFields);
    const auto type = parse_rel_type(text_of(fields[kRelType]));
    if (!type) throw Miss{};
    const auto endpoint = [&](std::size_t field) { return find(text_of(fields[field]), field == kFrom ? 0 : 1); };
    PendingRelationship pending{endpoint(kFrom), endpoint(kTo), Relationship(*type)};
    auto& relationship = pending.relationship;
    const auto evidence = [&] {
        EvidenceSet set;
        for (const auto name : array_of(fields[kEvidence])) {
            const auto parsed = parse_evidence(text_of(name));
            if (!parsed) throw Miss{};
            set.insert(*parsed);
        }
        relationship.evidence = set;
    };
    const auto episodes = [&] {
        std::vector<std::uint32_t> vertices;
        for (const auto id : array_of(fields[kEpisodes])) {
            const auto vertex = find(text_of(id), 2);
            if (graph.node(vertex).label != NodeLabel::Episode) throw Miss{};
            vertices.push_back(vertex);
        }
        relationship.set_episodes(vertices);
    };
    const auto shape = shape_of(*type);
    if (shape.mention_fields) {
        relationship.in_entity_list = boolean_of(fields[kInEntityList]);
        relationship.description = std::string(text_of(fields[kRelDescription]));
        std::vector<std::uint32_t> timestamps;
        for (const auto number : array_of(fields[kTimestampsS])) timestamps.push_back(count_of(number));
        relationship.set_timestamps_s(timestamps);
        relationship.set_count(count_of(fields[kCount]));
    }
    if (shape.evidence) evidence();
    if (shape.weight) relationship.set_weight(count_of(fields[kWeight]));
    if (shape.episodes) episodes();
    return pending;
}

// Parses one record line (its trailing comma taken off) with this thread's parser.
// Records far enough from the end of the text are parsed in place: simdjson reads a
// few dozen bytes past a document, and the text's own bytes serve.
class RecordParser {
public:
    explicit RecordParser(std::string_view text) : text_(text) {}
    element parse(std::string_view record) {
        const auto padded = static_cast<std::size_t>(record.data() + record.size() - text_.data()) + simdjson::SIMDJSON_PADDING <= text_.size();
        element value;
        if (parser_.parse(record.data(), record.size(), !padded).get(value)) throw Miss{};
        return value;
    }

private:
    std::string_view text_;
    simdjson::dom::parser parser_;
};

// The records of one section: "\n{...},\n{...}...\n{...}", or nothing. Records are
// turned into items a round of chunks at a time, each chunk on a core by a converter
// of its own (converter_for_chunk()(record)), and handed to `take` in file order; a
// round's items are all that is held besides the graph.
template <typename Item, typename ConverterFactory>
void read_records(std::string_view text, std::string_view body, const ConverterFactory& converter_for_chunk,
                  const std::function<void(Item&&)>& take) {
    if (body.empty()) return;
    if (body.front() != '\n') throw Miss{};
    body.remove_prefix(1);
    constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
    const auto chunks_per_round = 2 * thread_count();
    std::vector<std::vector<Item>> items(chunks_per_round);
    std::vector<std::string_view> chunks;
    while (!body.empty()) {
        // The next round's chunks, each ending at a record's end.
        chunks.clear();
        while (!body.empty() && chunks.size() < chunks_per_round) {
            auto end = std::min(body.size(), kChunkBytes);
            if (end < body.size()) {
                end = body.find('\n', end);
                if (end == std::string_view::npos) end = body.size();
            }
            chunks.push_back(body.substr(0, end));
            body.remove_prefix(end < body.size() ? end + 1 : body.size());
        }
        const bool last_round = body.empty();
        std::vector<std::function<void()>> tasks;
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            tasks.emplace_back([&, c] {
                RecordParser parser(text);
                auto convert = converter_for_chunk();
                auto& out = items[c];
                out.clear();
                auto rest = chunks[c];
                while (!rest.empty()) {
                    auto end = rest.find('\n');
                    auto line = rest.substr(0, end);
                    const bool final_record = end == std::string_view::npos && last_round && c + 1 == chunks.size();
                    // Every record but the section's last ends with the comma between them.
                    if (final_record) {
                        if (line.empty() || line.back() == ',') throw Miss{};
                    } else {
                        if (line.empty() || line.back() != ',') throw Miss{};
                        line.remove_suffix(1);
                    }
                    out.push_back(convert(parser.parse(line)));
                    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
                }
            });
        }
        run_in_parallel(tasks);
        for (std::size_t c = 0; c < chunks.size(); ++c)
            for (auto& item : items[c]) take(std::move(item));
    }
}

}  // namespace

std::optional<PropertyGraph> read_graph_layout(std::string_view text) {
    try {
        const auto header = "{\"format\":\"" + std::string(kGraphFormat) + "\",\"version\":" +
                            std::to_string(kGraphFormatVersion) + ",\n\"nodes\":[";
        if (!text.starts_with(header) || !text.ends_with(kEnd)) return std::nullopt;
        const auto nodes_begin = header.size();
        const auto nodes_end = text.find(kRelationshipsStart, nodes_begin);
        if (nodes_end == std::string_view::npos) return std::nullopt;
        const auto relationships_begin = nodes_end + kRelationshipsStart.size();
        const auto relationships_end = text.find(kIdChangesStart, relationships_begin);
        if (relationships_end == std::string_view::npos) return std::nullopt;
        const auto changes_begin = relationships_end + kIdChangesStart.size();
        const auto changes_end = text.size() - kEnd.size();
        if (changes_end < changes_begin) return std::nullopt;

        PropertyGraph graph;
        const auto nodes = text.substr(nodes_begin, nodes_end - nodes_begin);
        graph.reserve_nodes(static_cast<std::size_t>(std::count(nodes.begin(), nodes.end(), '\n')));
        std::vector<std::pair<PropertyGraph::Vertex, NodeRecord>> later;  // nodes still missing episodes
        read_records<NodeRecord>(text, nodes,
                                 [&] { return [&graph](element record) { return node_of(record, graph); }; },
                                 [&](NodeRecord&& record) {
                                     if (graph.find(record.node.id)) throw Miss{};
                                     const auto vertex = graph.add_node(std::move(record.node));
                                     if (!record.later_episodes.empty()) later.emplace_back(vertex, std::move(record));
                                 });
        for (const auto& [vertex, record] : later) {
            auto& sightings = graph.node(vertex).sightings;
            for (const auto& [sighting, id] : record.later_episodes) {
                const auto episode = graph.find(id);
                if (!episode || graph.node(*episode).label != NodeLabel::Episode) throw Miss{};
                sightings[sighting].episode = *episode;
            }
        }
        std::vector<std::pair<PropertyGraph::Vertex, NodeRecord>>().swap(later);
        const auto relationships = text.substr(relationships_begin, relationships_end - relationships_begin);
        graph.reserve_relationships(static_cast<std::size_t>(std::count(relationships.begin(), relationships.end(), '\n')));
        read_records<PendingRelationship>(
            text, relationships,
            [&] { return [finder = NodeFinder(graph)](element record) mutable { return relationship_of(record, finder); }; },
            [&](PendingRelationship&& pending) {
                graph.add_relationship(pending.from, pending.to, std::move(pending.relationship));
            });
        read_records<IdChange>(text, text.substr(changes_begin, changes_end - changes_begin),
                               [] {
                                   return [](element record) {
                                       const Fields fields(record, kIdChangeFields);
                                       return IdChange{std::string(text_of(fields[0])), std::string(text_of(fields[1]))};
                                   };
                               },
                               [&](IdChange&& change) { graph.id_changes.push_back(std::move(change)); });
        std::sort(graph.id_changes.begin(), graph.id_changes.end(),
                  [](const IdChange& a, const IdChange& b) { return a.old_id < b.old_id; });
        graph.freeze();
        return graph;
    } catch (const Miss&) {
        return std::nullopt;
    }
}

}  // namespace castgraph::internal
