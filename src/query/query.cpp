#include "castgraph/query.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "castgraph/entity_lookup.hpp"
#include "castgraph/error.hpp"
#include "castgraph/text.hpp"
#include "castgraph/timecode.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using json = nlohmann::ordered_json;

Vertex resolve_entity(const PropertyGraph& graph, const std::string& name) {
    const auto vertex = EntityLookup(graph).resolve(name);
    if (!is_entity_label(graph.node(vertex).label))
        throw NotFoundError("'" + name + "' is an episode, not an entity; give a person, organization, software or concept");
    return vertex;
}

json timecodes(std::span<const std::uint32_t> seconds) {
    auto list = json::array();
    for (const auto s : seconds) list.push_back(format_timecode(s));
    return list;
}

std::string role_of(RelType type) { return type == RelType::Hosted ? "host" : "guest"; }

// People linked to each episode by GUEST_ON or HOSTED, sorted by name then id.
std::vector<std::pair<Vertex, RelType>> people_of(const PropertyGraph& graph, Vertex episode) {
    std::vector<std::pair<Vertex, RelType>> people;
    for (const auto edge : boost::make_iterator_range(boost::in_edges(episode, graph.graph()))) {
        const auto type = graph.relationship(edge).type;
        if (type == RelType::GuestOn || type == RelType::Hosted) people.emplace_back(boost::source(edge, graph.graph()), type);
    }
    std::sort(people.begin(), people.end(), [&](const auto& a, const auto& b) {
        const auto& x = graph.node(a.first);
        const auto& y = graph.node(b.first);
        return std::tie(x.name, x.id) < std::tie(y.name, y.id);
    });
    return people;
}

std::string cell_text(const json& value, const char* separator) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
        std::string text;
        for (std::size_t i = 0; i < value.size(); ++i) text += (i ? separator : "") + cell_text(value[i], separator);
        return text;
    }
    if (value.is_number_float()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6f", value.get<double>());
        return buffer;
    }
    return value.dump();
}

}  // namespace

json query_subject(const PropertyGraph& graph, Vertex vertex) {
    const auto& node = graph.node(vertex);
    return {{"id", node.id}, {"name", node.name}, {"label", label_name(node.label)}};
}

QueryResult who_mentioned(const PropertyGraph& graph, const std::string& name, const QueryOptions& options) {
    const auto entity = resolve_entity(graph, name);
    QueryResult result;
    result.query = "who-mentioned";
    result.subject = query_subject(graph, entity);
    result.columns = {"person", "role", "episode", "podcast", "timestamps", "timestamps_s", "evidence", "person_id",
                      "episode_id"};
    std::vector<PropertyGraph::Edge> mentions;
    for (const auto edge : boost::make_iterator_range(boost::in_edges(entity, graph.graph()))) {
        const auto& relationship = graph.relationship(edge);
        if (relationship.type != RelType::Mentions) continue;
        if (relationship.only_in_descriptions() && !options.include_descriptions) continue;
        mentions.push_back(edge);
    }
    std::sort(mentions.begin(), mentions.end(), [&](const auto& a, const auto& b) {
        return graph.node(boost::source(a, graph.graph())).id < graph.node(boost::source(b, graph.graph())).id;
    });
    for (const auto edge : mentions) {
        const auto episode = boost::source(edge, graph.graph());
        const auto& relationship = graph.relationship(edge);
        const auto& episode_node = graph.node(episode);
        json base;
        base["person"] = nullptr;
        base["role"] = nullptr;
        base["episode"] = episode_node.name;
        base["podcast"] = episode_node.podcast;
        base["timestamps"] = timecodes(relationship.timestamps_s().view());
        base["timestamps_s"] = relationship.timestamps_s().to_vector();
        base["evidence"] = relationship.evidence.names();
        base["person_id"] = nullptr;
        base["episode_id"] = episode_node.id;
        const auto people = people_of(graph, episode);
        if (people.empty()) result.rows.push_back(base);
        for (const auto& [person, type] : people) {
            auto row = base;
            row["person"] = graph.node(person).name;
            row["role"] = role_of(type);
            row["person_id"] = graph.node(person).id;
            result.rows.push_back(std::move(row));
        }
    }
    if (result.rows.empty()) result.note = "no episode mentions " + graph.node(entity).name;
    return result;
}

QueryResult episodes_of(const PropertyGraph& graph, const std::string& name) {
    const auto entity = resolve_entity(graph, name);
    QueryResult result;
    result.query = "episodes";
    result.subject = query_subject(graph, entity);
    result.columns = {"episode", "podcast", "relationship", "timestamps", "evidence", "episode_id"};
    std::map<std::pair<std::string, std::string>, json> rows;  // (episode id, relationship) -> row
    const auto add = [&](Vertex episode, const Relationship& relationship) {
        const auto& node = graph.node(episode);
        json row;
        row["episode"] = node.name;
        row["podcast"] = node.podcast;
        row["relationship"] = rel_type_name(relationship.type);
        row["timestamps"] = timecodes(relationship.timestamps_s().view());
        row["evidence"] = relationship.evidence.names();
        row["episode_id"] = node.id;
        rows[{node.id, std::string(rel_type_name(relationship.type))}] = std::move(row);
    };
    for (const auto edge : boost::make_iterator_range(boost::in_edges(entity, graph.graph())))
        if (graph.relationship(edge).type == RelType::Mentions) add(boost::source(edge, graph.graph()), graph.relationship(edge));
    for (const auto edge : boost::make_iterator_range(boost::out_edges(entity, graph.graph()))) {
        const auto type = graph.relationship(edge).type;
        if (type == RelType::GuestOn || type == RelType::Hosted) add(boost::target(edge, graph.graph()), graph.relationship(edge));
    }
    for (auto& [key, row] : rows) result.rows.push_back(std::move(row));
    if (result.rows.empty()) result.note = graph.node(entity).name + " is in no episode";
    return result;
}

QueryResult neighbors(const PropertyGraph& graph, const std::string& name, const QueryOptions& options) {
    const auto start = EntityLookup(graph).resolve(name);
    QueryResult result;
    result.query = "neighbors";
    result.subject = query_subject(graph, start);
    result.columns = {"name", "label", "depth", "relationship", "weight", "id"};
    const auto allowed = [&](RelType type) {
        return options.types.empty() || std::find(options.types.begin(), options.types.end(), type) != options.types.end();
    };
    // Breadth first in both directions; the first relationship that reached a node is kept.
    std::map<Vertex, std::tuple<std::size_t, RelType, std::uint32_t>> seen;
    std::deque<Vertex> queue{start};
    seen[start] = {0, RelType::Mentions, 0};
    while (!queue.empty()) {
        const auto current = queue.front();
        queue.pop_front();
        const auto depth = std::get<0>(seen[current]);
        if (depth >= options.depth) continue;
        std::vector<std::pair<Vertex, const Relationship*>> next;
        for (const auto edge : boost::make_iterator_range(boost::out_edges(current, graph.graph())))
            next.emplace_back(boost::target(edge, graph.graph()), &graph.relationship(edge));
        for (const auto edge : boost::make_iterator_range(boost::in_edges(current, graph.graph())))
            next.emplace_back(boost::source(edge, graph.graph()), &graph.relationship(edge));
        std::sort(next.begin(), next.end(), [&](const auto& a, const auto& b) {
            return std::tie(graph.node(a.first).id, a.second->type) < std::tie(graph.node(b.first).id, b.second->type);
        });
        for (const auto& [vertex, relationship] : next) {
            if (!allowed(relationship->type) || seen.contains(vertex)) continue;
            const auto weight = relationship->weight() ? relationship->weight() : std::max<std::uint32_t>(1, relationship->count());
            seen[vertex] = {depth + 1, relationship->type, weight};
            queue.push_back(vertex);
        }
    }
    std::vector<std::pair<Vertex, std::tuple<std::size_t, RelType, std::uint32_t>>> found(seen.begin(), seen.end());
    std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        const auto& [depth_a, type_a, weight_a] = a.second;
        const auto& [depth_b, type_b, weight_b] = b.second;
        if (depth_a != depth_b) return depth_a < depth_b;
        if (weight_a != weight_b) return weight_a > weight_b;
        return graph.node(a.first).id < graph.node(b.first).id;
    });
    for (const auto& [vertex, info] : found) {
        if (vertex == start) continue;
        const auto& [depth, type, weight] = info;
        const auto& node = graph.node(vertex);
        result.rows.push_back({{"name", node.name},
                               {"label", label_name(node.label)},
                               {"depth", depth},
                               {"relationship", rel_type_name(type)},
                               {"weight", weight},
                               {"id", node.id}});
    }
    return result;
}

QueryResult shortest_path(const PropertyGraph& graph, const std::string& from, const std::string& to) {
    const EntityLookup lookup(graph);
    const auto source = lookup.resolve(from);
    const auto target = lookup.resolve(to);
    // An undirected view over the relationships that pass through episodes and entities;
    // the derived ones (CO_APPEARS_WITH, ASSOCIATED_WITH) and PART_OF (one show joins
    // every episode) would only shortcut them.
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                             boost::property<boost::edge_name_t, RelType>>;
    Undirected undirected(graph.node_count());
    for (const auto edge : graph.relationships_in_order()) {
        const auto type = graph.relationship(edge).type;
        if (type == RelType::CoAppearsWith || type == RelType::AssociatedWith || type == RelType::PartOf) continue;
        boost::add_edge(boost::source(edge, graph.graph()), boost::target(edge, graph.graph()), type, undirected);
    }
    std::vector<Undirected::vertex_descriptor> predecessor(graph.node_count());
    for (std::size_t v = 0; v < predecessor.size(); ++v) predecessor[v] = v;
    boost::breadth_first_search(
        undirected, source,
        boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(predecessor.data(), boost::on_tree_edge()))));

    QueryResult result;
    result.query = "path";
    result.subject = {{"from", query_subject(graph, source)}, {"to", query_subject(graph, target)}};
    result.columns = {"step", "name", "label", "relationship", "id"};
    if (source != target && predecessor[target] == target) {
        result.note = "no path between " + graph.node(source).name + " and " + graph.node(target).name;
        return result;
    }
    std::vector<Vertex> path{target};
    while (path.back() != source) path.push_back(static_cast<Vertex>(predecessor[path.back()]));
    std::reverse(path.begin(), path.end());
    for (std::size_t step = 0; step < path.size(); ++step) {
        const auto& node = graph.node(path[step]);
        json relationship = nullptr;
        if (step + 1 < path.size()) {
            const auto [edge, found] = boost::edge(path[step], path[step + 1], undirected);
            if (found) relationship = rel_type_name(boost::get(boost::edge_name, undirected, edge));
        }
        result.rows.push_back({{"step", step},
                               {"name", node.name},
                               {"label", label_name(node.label)},
                               {"relationship", relationship},
                               {"id", node.id}});
    }
    return result;
}

QueryResult top_entities(const PropertyGraph& graph, const QueryOptions& options) {
    if (options.rank_by != "episodes" && options.rank_by != "connections")
        throw UsageError("rank by episodes or connections, not '" + options.rank_by + "'");
    QueryResult result;
    result.query = "top";
    result.subject = {{"label", options.label ? json(label_name(*options.label)) : json(nullptr)},
                      {"by", options.rank_by}};
    result.columns = {"rank", "name", "label", "episodes", "connections", "mentions", "id"};
    struct Ranked {
        Vertex vertex;
        std::uint32_t episodes, connections, mentions;
    };
    std::vector<Ranked> ranked;
    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        if (!is_entity_label(node.label) || (options.label && node.label != *options.label)) continue;
        std::set<Vertex> neighbours;
        std::uint32_t mentions = 0;
        for (const auto edge : boost::make_iterator_range(boost::out_edges(vertex, graph.graph())))
            neighbours.insert(boost::target(edge, graph.graph()));
        for (const auto edge : boost::make_iterator_range(boost::in_edges(vertex, graph.graph()))) {
            neighbours.insert(boost::source(edge, graph.graph()));
            if (graph.relationship(edge).type == RelType::Mentions) mentions += graph.relationship(edge).count();
        }
        ranked.push_back({vertex, node.episode_count, static_cast<std::uint32_t>(neighbours.size()), mentions});
    }
    const bool by_episodes = options.rank_by == "episodes";
    std::stable_sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
        const auto key_a = by_episodes ? std::tie(a.episodes, a.mentions) : std::tie(a.connections, a.episodes);
        const auto key_b = by_episodes ? std::tie(b.episodes, b.mentions) : std::tie(b.connections, b.episodes);
        return key_a > key_b;  // ties keep id order
    });
    for (std::size_t i = 0; i < ranked.size() && i < options.top_k; ++i) {
        const auto& node = graph.node(ranked[i].vertex);
        result.rows.push_back({{"rank", i + 1},
                               {"name", node.name},
                               {"label", label_name(node.label)},
                               {"episodes", ranked[i].episodes},
                               {"connections", ranked[i].connections},
                               {"mentions", ranked[i].mentions},
                               {"id", node.id}});
    }
    return result;
}

void write_query_table(const QueryResult& result, std::ostream& out) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    for (const auto& column : result.columns) widths.push_back(decode_utf8(column).size());
    for (const auto& row : result.rows) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < result.columns.size(); ++c) {
            auto text = collapse_whitespace(cell_text(row.value(result.columns[c], json()), ", "));
            widths[c] = std::max(widths[c], decode_utf8(text).size());
            line.push_back(std::move(text));
        }
        cells.push_back(std::move(line));
    }
    const auto write_line = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c) {
            text += line[c];
            if (c + 1 < line.size()) text += std::string(widths[c] - decode_utf8(line[c]).size() + 2, ' ');
        }
        out << text << '\n';
    };
    write_line(result.columns);
    for (const auto& line : cells) write_line(line);
    if (!result.note.empty()) out << "(" << result.note << ")\n";
}

void write_query_json(const QueryResult& result, std::ostream& out) {
    json document;
    document["format"] = "castgraph-query";
    document["version"] = 1;
    document["query"] = result.query;
    document["subject"] = result.subject;
    document["columns"] = result.columns;
    document["rows"] = result.rows;
    document["note"] = result.note;
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_query_csv(const QueryResult& result, std::ostream& out) {
    const auto field = [](const std::string& text) {
        if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
        std::string quoted = "\"";
        for (const char c : text) {
            if (c == '"') quoted += '"';
            quoted += c;
        }
        return quoted + "\"";
    };
    for (std::size_t c = 0; c < result.columns.size(); ++c) out << (c ? "," : "") << field(result.columns[c]);
    out << '\n';
    for (const auto& row : result.rows) {
        for (std::size_t c = 0; c < result.columns.size(); ++c)
            out << (c ? "," : "") << field(cell_text(row.value(result.columns[c], json()), "; "));
        out << '\n';
    }
}

}  // namespace castgraph
