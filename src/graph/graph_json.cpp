#include "castgraph/graph_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>

#include "castgraph/error.hpp"
#include "castgraph/io.hpp"
#include "castgraph/text.hpp"
#include "internal/graph_file_layout.hpp"
#include "internal/json_text.hpp"

namespace castgraph {

namespace {

using internal::append_json_key;
using internal::append_json_numbers;
using internal::append_json_string;
using internal::append_json_strings;
using internal::append_sightings_json;
using internal::evidence_json;
using internal::write_records;
using ordered_json = nlohmann::ordered_json;
using json = nlohmann::json;

// A node's line: the bytes nlohmann's dump(-1) gives for the node's object, put
// together directly, as an entity's sightings make up most of a node file.
void append_node_json(std::string& out, const PropertyGraph& graph, const Node& node) {
    out += "{\"id\":";
    append_json_string(out, node.id);
    append_json_string(append_json_key(out, "label"), label_name(node.label));
    append_json_string(append_json_key(out, "name"), node.name);
    if (is_entity_label(node.label)) {
        append_json_strings(append_json_key(out, "aliases"), node.aliases);
        append_json_strings(append_json_key(out, "source_types"), node.source_types);
        append_decimal(append_json_key(out, "episode_count"), node.episode_count);
        append_sightings_json(append_json_key(out, "sightings"), graph, node.sightings);
    } else if (node.label == NodeLabel::Episode) {
        append_json_string(append_json_key(out, "podcast"), node.podcast);
        append_json_string(append_json_key(out, "published"), node.published);
        auto& duration = append_json_key(out, "duration_s");
        if (node.duration_s) append_decimal(duration, *node.duration_s);
        else duration += "null";
        append_json_strings(append_json_key(out, "languages"), node.languages);
        append_json_string(append_json_key(out, "summary"), node.summary);
    }
    out += '}';
}

std::string dump(const ordered_json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Relationships are most of a graph file and mostly ids: each node's id is
// escaped once, and a relationship line is put together from those pieces.
// The bytes are those nlohmann's dump(-1) would give for the same object.
class RelationshipWriter {
public:
    // The quoted ids side by side in one string: a million nodes' ids do not fit the
    // caches, and relationships read them in no order, so each is asked for ahead
    // (prefetch) from where one offset, of a table the caches hold, says it is.
    explicit RelationshipWriter(const PropertyGraph& graph) : graph_(graph) {
        for (const auto type : kAllRelTypes)
            line_start_[static_cast<std::size_t>(type)] = "{\"type\":\"" + std::string(rel_type_name(type)) + "\",\"from\":";
        quoted_begin_.reserve(graph.node_count() + 1);
        std::size_t plain_size = 0;  // with their quotes; escapes, rare in ids, grow the string
        for (PropertyGraph::Vertex vertex = 0; vertex < graph.node_count(); ++vertex)
            plain_size += graph.node(vertex).id.size() + 2;
        quoted_.reserve(plain_size);
        for (PropertyGraph::Vertex vertex = 0; vertex < graph.node_count(); ++vertex) {
            quoted_begin_.push_back(quoted_.size());
            append_json_string(quoted_, graph.node(vertex).id);  // what dump() writes, without a JSON value made first
        }
        quoted_begin_.push_back(quoted_.size());
    }

    // Asks for where the target's id lies, for a line some way ahead of prefetch's.
    void prefetch_offsets(PropertyGraph::Edge edge) const {
        __builtin_prefetch(&quoted_begin_[boost::target(edge, graph_.graph())]);
    }

    // Asks for the ids and texts that append(edge) will read: a MENTIONS line's
    // description and timestamps lie in blocks of their own, far apart.
    void prefetch(PropertyGraph::Edge edge) const {
        prefetch_quoted(boost::target(edge, graph_.graph()));
        const auto& relationship = graph_.relationship(edge);
        if (const auto* text = relationship.description.data(); text != nullptr) __builtin_prefetch(text);
        if (const auto* numbers = relationship.timestamps_s().begin(); numbers != nullptr) __builtin_prefetch(numbers);
        for (const auto episode : relationship.episodes()) prefetch_quoted(episode);
    }

    // Keys go in with their punctuation, as few appends as can be: a million episodes
    // make ninety million lines.
    void append(PropertyGraph::Edge edge, std::string& line) const {
        const auto& relationship = graph_.relationship(edge);
        line += line_start_[static_cast<std::size_t>(relationship.type)];
        line += quoted(boost::source(edge, graph_.graph()));
        line += ",\"to\":";
        line += quoted(boost::target(edge, graph_.graph()));
        const auto shape = shape_of(relationship.type);
        if (shape.mention_fields) {
            line += relationship.in_entity_list ? ",\"in_entity_list\":true,\"description\":"
                                                : ",\"in_entity_list\":false,\"description\":";
            append_json_string(line, relationship.description);
            line += ",\"timestamps_s\":";
            append_json_numbers(line, relationship.timestamps_s().view());
        }
        if (shape.evidence) {
            line += ",\"evidence\":";
            line += evidence_json(relationship.evidence);
        }
        if (shape.mention_fields) {
            line += ",\"count\":";
            append_decimal(line, relationship.count());
        }
        if (shape.weight) {
            line += ",\"weight\":";
            append_decimal(line, relationship.weight());
        }
        if (shape.episodes) episodes(line, relationship);
        line += '}';
    }

private:
    std::string_view quoted(std::size_t vertex) const {
        return std::string_view(quoted_).substr(quoted_begin_[vertex], quoted_begin_[vertex + 1] - quoted_begin_[vertex]);
    }

    void prefetch_quoted(std::size_t vertex) const {
        const auto* begin = quoted_.data() + quoted_begin_[vertex];
        __builtin_prefetch(begin);
        __builtin_prefetch(quoted_.data() + quoted_begin_[vertex + 1] - 1);  // an id may cross a cache line
    }

    void episodes(std::string& line, const Relationship& relationship) const {
        line += ",\"episodes\":[";
        for (std::size_t i = 0; i < relationship.episodes().size(); ++i) {
            if (i > 0) line += ',';
            line += quoted(relationship.episodes()[i]);
        }
        line += ']';
    }

    const PropertyGraph& graph_;
    std::array<std::string, std::size(kAllRelTypes)> line_start_;  // by type: {"type":"...","from":
    std::string quoted_;                     // every node's id as a JSON string, by vertex
    std::vector<std::size_t> quoted_begin_;  // where each starts in quoted_, then its end
};

// Reads typed fields, naming the JSON pointer of anything wrong.
class FieldReader {
public:
    explicit FieldReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
        throw InputError(source_ + ": " + pointer + ": " + message);
    }

    const json& field(const json& object, const char* key, const std::string& path) const {
        const auto found = object.find(key);
        if (found == object.end()) fail(path + "/" + key, "missing");
        return *found;
    }

    std::string string(const json& object, const char* key, const std::string& path) const {
        const auto& value = field(object, key, path);
        if (!value.is_string()) fail(path + "/" + key, "expected a string, found " + std::string(value.type_name()));
        auto text = value.get<std::string>();
        if (find_invalid_utf8(text)) fail(path + "/" + key, "invalid UTF-8");
        return text;
    }

    std::uint32_t count(const json& value, const std::string& pointer) const {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
            value.get<std::int64_t>() > std::numeric_limits<std::uint32_t>::max())
            fail(pointer, "expected a non-negative integer below 2^32");
        return static_cast<std::uint32_t>(value.get<std::int64_t>());
    }

    std::uint32_t count(const json& object, const char* key, const std::string& path) const {
        return count(field(object, key, path), path + "/" + key);
    }

    bool boolean(const json& object, const char* key, const std::string& path) const {
        const auto& value = field(object, key, path);
        if (!value.is_boolean()) fail(path + "/" + key, "expected true or false");
        return value.get<bool>();
    }

    const json& array(const json& object, const char* key, const std::string& path) const {
        const auto& value = field(object, key, path);
        if (!value.is_array()) fail(path + "/" + key, "expected an array, found " + std::string(value.type_name()));
        return value;
    }

    std::vector<std::string> strings(const json& object, const char* key, const std::string& path) const {
        std::vector<std::string> out;
        const auto& values = array(object, key, path);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto pointer = path + "/" + key + "/" + std::to_string(i);
            if (!values[i].is_string()) fail(pointer, "expected a string");
            out.push_back(values[i].get<std::string>());
            if (find_invalid_utf8(out.back())) fail(pointer, "invalid UTF-8");
        }
        return out;
    }

    // Evidence names as DESIGN.md lists them; an unknown one is an error, not dropped.
    EvidenceSet evidence(const json& object, const std::string& path) const {
        EvidenceSet out;
        const auto names = strings(object, "evidence", path);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto evidence = parse_evidence(names[i]);
            if (!evidence) fail(path + "/evidence/" + std::to_string(i), "unknown evidence '" + names[i] + "'");
            out.insert(*evidence);
        }
        return out;
    }

    std::vector<std::uint32_t> counts(const json& object, const char* key, const std::string& path) const {
        std::vector<std::uint32_t> out;
        const auto& values = array(object, key, path);
        for (std::size_t i = 0; i < values.size(); ++i) out.push_back(count(values[i], path + "/" + key + "/" + std::to_string(i)));
        return out;
    }

    void require_object(const json& value, const std::string& path) const {
        if (!value.is_object()) fail(path, "expected an object, found " + std::string(value.type_name()));
    }

private:
    std::string source_;
};

// A sighting's episode is an id in the file and a vertex in the graph: the ids are
// handed back in sighting_episodes, to be found once every node is in.
Node read_node(const FieldReader& reader, const json& record, const std::string& path,
               std::vector<std::string>& sighting_episodes) {
    reader.require_object(record, path);
    Node node;
    node.id = reader.string(record, "id", path);
    if (node.id.empty()) reader.fail(path + "/id", "empty id");
    const auto label = reader.string(record, "label", path);
    const auto parsed = parse_label(label);
    if (!parsed) reader.fail(path + "/label", "unknown label '" + label + "'");
    node.label = *parsed;
    node.name = reader.string(record, "name", path);
    if (is_entity_label(node.label)) {
        node.aliases = reader.strings(record, "aliases", path);
        node.source_types = reader.strings(record, "source_types", path);
        node.episode_count = reader.count(record, "episode_count", path);
        const auto& sightings = reader.array(record, "sightings", path);
        for (std::size_t i = 0; i < sightings.size(); ++i) {
            const auto item_path = path + "/sightings/" + std::to_string(i);
            reader.require_object(sightings[i], item_path);
            sighting_episodes.push_back(reader.string(sightings[i], "episode", item_path));
            const auto source_name = reader.string(sightings[i], "source", item_path);
            const auto source = parse_sighting_source(source_name);
            if (!source) reader.fail(item_path + "/source", "unknown sighting source '" + source_name + "'");
            node.sightings.push_back({0, *source, reader.count(sightings[i], "item", item_path),
                                      reader.string(sightings[i], "name", item_path),
                                      reader.string(sightings[i], "type", item_path),
                                      reader.string(sightings[i], "description", item_path)});
        }
    } else if (node.label == NodeLabel::Episode) {
        node.podcast = reader.string(record, "podcast", path);
        node.published = reader.string(record, "published", path);
        if (const auto& duration = reader.field(record, "duration_s", path); !duration.is_null())
            node.duration_s = reader.count(duration, path + "/duration_s");
        node.languages = reader.strings(record, "languages", path);
        node.summary = reader.string(record, "summary", path);
    }
    return node;
}

// A relationship's episodes: ids of Episode nodes, kept in the file's order.
std::vector<std::size_t> read_episodes(const FieldReader& reader, const json& record, const std::string& path,
                                       const PropertyGraph& graph) {
    const auto ids = reader.strings(record, "episodes", path);
    std::vector<std::size_t> episodes;
    episodes.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto vertex = graph.find(ids[i]);
        if (!vertex || graph.node(*vertex).label != NodeLabel::Episode)
            reader.fail(path + "/episodes/" + std::to_string(i), "no Episode node has id '" + ids[i] + "'");
        episodes.push_back(*vertex);
    }
    return episodes;
}

void read_relationship(const FieldReader& reader, const json& record, const std::string& path, PropertyGraph& graph) {
    reader.require_object(record, path);
    const auto type_name = reader.string(record, "type", path);
    const auto type = parse_rel_type(type_name);
    if (!type) reader.fail(path + "/type", "unknown relationship type '" + type_name + "'");
    const auto endpoint = [&](const char* key) {
        const auto id = reader.string(record, key, path);
        const auto vertex = graph.find(id);
        if (!vertex) reader.fail(path + "/" + key, "no node has id '" + id + "'");
        return *vertex;
    };
    const auto from = endpoint("from");
    const auto to = endpoint("to");
    Relationship relationship(*type);
    // In the order the writer puts them, so the first of several faults is the one named.
    const auto shape = shape_of(*type);
    if (shape.mention_fields) {
        relationship.in_entity_list = reader.boolean(record, "in_entity_list", path);
        relationship.description = reader.string(record, "description", path);
        relationship.set_timestamps_s(reader.counts(record, "timestamps_s", path));
    }
    if (shape.evidence) relationship.evidence = reader.evidence(record, path);
    if (shape.mention_fields) relationship.set_count(reader.count(record, "count", path));
    if (shape.weight) relationship.set_weight(reader.count(record, "weight", path));
    if (shape.episodes) relationship.set_episodes(read_episodes(reader, record, path, graph));
    graph.add_relationship(from, to, std::move(relationship));
}

std::string line_and_column(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n');
    const auto line_start = text.rfind('\n', byte == 0 ? 0 : byte - 1);
    const auto column = line_start == std::string_view::npos ? byte + 1 : byte - line_start;
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

nlohmann::ordered_json sightings_json(const PropertyGraph& graph, const std::vector<Sighting>& sightings) {
    auto list = ordered_json::array();
    for (const auto& sighting : sightings)
        list.push_back({{"episode", graph.node(sighting.episode).id},
                        {"source", sighting_source_name(sighting.source)},
                        {"item", sighting.item},
                        {"name", sighting.name.str()},
                        {"type", sighting.type.str()},
                        {"description", sighting.description.str()}});
    return list;
}

std::string sightings_json_text(const PropertyGraph& graph, const std::vector<Sighting>& sightings) {
    std::string text;
    append_sightings_json(text, graph, sightings);
    return text;
}

void write_graph(const PropertyGraph& graph, std::ostream& out) {
    out << "{\"format\":\"" << kGraphFormat << "\",\"version\":" << kGraphFormatVersion << ",\n\"nodes\":[";
    const auto nodes = graph.nodes_in_order();
    // Small chunks: each chunk in flight keeps its room, and an entity's line lists
    // every sighting of it, up to megabytes (128 nodes a chunk took some 6–10 MB more
    // at 20,000 episodes).
    write_records(out, nodes.size(), 16,
                  [&](std::size_t i, std::string& text) { append_node_json(text, graph, graph.node(nodes[i])); });
    out << "\n],\n\"relationships\":[";
    const RelationshipWriter relationships(graph);
    const auto& edges = graph.relationships_in_order();
    constexpr std::size_t kAhead = 8;  // relationships whose ids are asked for ahead of writing them
    constexpr std::size_t kOffsetsAhead = 16;  // and where those ids lie, before that
    write_records(out, edges.size(), 2048, [&](std::size_t i, std::string& text) {
        if (i + kOffsetsAhead < edges.size()) relationships.prefetch_offsets(edges[i + kOffsetsAhead]);
        if (i + kAhead < edges.size()) relationships.prefetch(edges[i + kAhead]);
        relationships.append(edges[i], text);
    });
    out << "\n],\n\"id_changes\":[";
    const char* separator = "\n";
    for (const auto& change : graph.id_changes) {
        out << separator << dump(ordered_json{{"old_id", change.old_id}, {"new_id", change.new_id}});
        separator = ",\n";
    }
    out << "\n]}\n";
}

namespace {

// Reads the records of a graph file as the parser completes each one and drops
// it from the document at once: memory holds the graph, never the whole file's
// JSON tree as well (several times the file's size). That needs the order
// castgraph writes (format, version, nodes, relationships); records that come
// earlier than that (JSON does not order keys) are kept and read at the end.
class GraphFileReader {
public:
    explicit GraphFileReader(const std::string& source) : reader_(source) {}

    void reserve_relationships(std::size_t count) { graph_.reserve_relationships(count); }

    template <typename Input>
    PropertyGraph read(Input&& input) {
        const json::parser_callback_t callback = [this](int depth, json::parse_event_t event, json& parsed) {
            return on_event(depth, event, parsed);
        };
        auto document = json::parse(std::forward<Input>(input), callback);
        reader_.require_object(document, "");
        check_header(document);
        const auto& nodes = reader_.array(document, "nodes", "");
        for (std::size_t i = 0; i < nodes.size(); ++i) read_node_record(nodes[i], i);
        const auto& relationships = reader_.array(document, "relationships", "");
        for (std::size_t i = 0; i < relationships.size(); ++i)
            read_relationship(reader_, relationships[i], "/relationships/" + std::to_string(i), graph_);
        if (document.contains("id_changes")) {
            const auto& changes = reader_.array(document, "id_changes", "");
            for (std::size_t i = 0; i < changes.size(); ++i) read_id_change(changes[i], i);
        }
        std::sort(graph_.id_changes.begin(), graph_.id_changes.end(),
                  [](const IdChange& a, const IdChange& b) { return a.old_id < b.old_id; });
        find_sighting_episodes();
        graph_.freeze();
        return std::move(graph_);
    }

private:
    bool on_event(int depth, json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        if (depth == 1 && event == Event::key) {
            section_ = parsed.get<std::string>();
            index_ = 0;
            const bool header_known = header_.contains("format") && header_.contains("version");
            streaming_ = header_known && (section_ == "nodes" || (section_ == "relationships" && nodes_done_) ||
                                          section_ == "id_changes");
            if (streaming_) check_header(header_);
            return true;
        }
        if (depth == 1 && event == Event::value && (section_ == "format" || section_ == "version")) {
            header_[section_] = parsed;
            return true;
        }
        // The arrays stay, empty of the records already taken.
        if (depth == 1 && event == Event::array_end && section_ == "nodes" && streaming_) nodes_done_ = true;
        const bool record_end = depth == 2 && (event == Event::object_end || event == Event::array_end || event == Event::value);
        if (!record_end || !streaming_) return true;
        if (section_ == "nodes") read_node_record(parsed, index_++);
        else if (section_ == "relationships")
            read_relationship(reader_, parsed, "/relationships/" + std::to_string(index_++), graph_);
        else read_id_change(parsed, index_++);
        return false;
    }

    void read_node_record(const json& record, std::size_t index) {
        const auto path = "/nodes/" + std::to_string(index);
        std::vector<std::string> episodes;
        auto node = read_node(reader_, record, path, episodes);
        if (graph_.find(node.id)) reader_.fail(path + "/id", "node id '" + node.id + "' appears twice");
        const auto vertex = graph_.add_node(std::move(node));
        for (std::size_t i = 0; i < episodes.size(); ++i)
            sighting_episodes_.push_back({vertex, static_cast<std::uint32_t>(i), index, std::move(episodes[i])});
    }

    // Sightings name episodes that may come later in the file: found once all nodes are in.
    void find_sighting_episodes() {
        for (const auto& pending : sighting_episodes_) {
            const auto vertex = graph_.find(pending.episode);
            if (!vertex || graph_.node(*vertex).label != NodeLabel::Episode)
                reader_.fail("/nodes/" + std::to_string(pending.node_index) + "/sightings/" +
                                 std::to_string(pending.sighting) + "/episode",
                             "no Episode node has id '" + pending.episode + "'");
            graph_.node(pending.node).sightings[pending.sighting].episode = *vertex;
        }
        std::vector<PendingSighting>().swap(sighting_episodes_);
    }

    void read_id_change(const json& record, std::size_t index) {
        const auto path = "/id_changes/" + std::to_string(index);
        reader_.require_object(record, path);
        graph_.id_changes.push_back({reader_.string(record, "old_id", path), reader_.string(record, "new_id", path)});
    }

    // Format and version are checked before the first record is read, so another
    // kind of file is named as such, not by its first odd-looking record.
    void check_header(const json& header) {
        if (header_checked_) return;
        if (!header.contains("format") || header["format"] != kGraphFormat)
            reader_.fail("/format", "not a castgraph graph file (expected format \"" + std::string(kGraphFormat) + "\")");
        if (reader_.count(header, "version", "") != kGraphFormatVersion)
            reader_.fail("/version", "unsupported version (this castgraph reads version " +
                                         std::to_string(kGraphFormatVersion) + ")");
        header_checked_ = true;
    }

    struct PendingSighting {
        PropertyGraph::Vertex node;
        std::uint32_t sighting;
        std::size_t node_index;  // in the file
        std::string episode;
    };

    FieldReader reader_;
    PropertyGraph graph_;
    std::vector<PendingSighting> sighting_episodes_;
    json header_ = json::object();
    std::string section_;
    std::size_t index_ = 0;
    bool streaming_ = false;  // the current section's records are read as they come
    bool header_checked_ = false;
    bool nodes_done_ = false;
};

}  // namespace

PropertyGraph read_graph(std::string_view text, const std::string& source) {
    // castgraph's own layout on every core; anything else, and every error, the general way.
    if (auto graph = internal::read_graph_layout(text)) return std::move(*graph);
    try {
        GraphFileReader reader(source);
        // castgraph writes a record a line: the line count bounds the relationships, and
        // room for them all at once spares copying millions while the arrays grow.
        reader.reserve_relationships(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
        return reader.read(text);
    } catch (const json::parse_error& error) {
        throw InputError(source + ":" + line_and_column(text, error.byte == 0 ? 0 : error.byte - 1) +
                         ": not a graph file: malformed JSON");
    } catch (const json::exception& error) {  // a number out of range ("1e400") has no position
        throw InputError(source + ": not a graph file: " + error.what());
    }
}

PropertyGraph load_graph(const std::string& path) {
    const FileText file(path);
    return read_graph(file.view(), path);
}

}  // namespace castgraph
