#include "castgraph/graph.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include "castgraph/error.hpp"
#include "castgraph/parallel.hpp"
#include "internal/csr_build.hpp"

namespace castgraph {
namespace {

// The id index's hash, and the slot entry holding a vertex with the hash's high 32
// bits, which a probe compares before it reads the node.
std::uint64_t id_hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
std::uint64_t id_slot_entry(std::uint64_t hash, std::uint32_t vertex) { return (hash >> 32 << 32) | vertex; }

constexpr std::array<std::string_view, 9> kLabelNames = {"Person",  "Organization", "Software", "Product", "Concept",
                                                          "Other",   "Episode",      "Podcast",  "Topic"};
constexpr std::array<std::string_view, 8> kRelTypeNames = {"PART_OF",  "GUEST_ON",        "HOSTED", "AFFILIATED_WITH",
                                                            "MENTIONS", "CO_APPEARS_WITH", "TAGGED", "ASSOCIATED_WITH"};
constexpr std::array<std::string_view, 2> kSightingSourceNames = {"entity-list", "title"};
constexpr std::array<std::string_view, 6> kEvidenceNames = {"chapter", "description", "entity-list",
                                                            "quote",   "summary",     "title"};

// Calls work(edge) for every edge, vertex by vertex on every core: tens of millions
// of edges at a million episodes.
template <typename Work>
void for_each_edge_in_parallel(const PropertyGraph::Graph& graph, const Work& work) {
    constexpr std::size_t kVerticesATask = 4096;
    for_each_index_in_parallel(0, boost::num_vertices(graph), kVerticesATask, [&](std::size_t vertex) {
        const auto from = static_cast<PropertyGraph::Vertex>(vertex);
        for (const auto edge : boost::make_iterator_range(boost::out_edges(from, graph))) work(edge);
    });
}

}  // namespace

std::string_view label_name(NodeLabel label) { return kLabelNames.at(static_cast<std::size_t>(label)); }

std::string_view rel_type_name(RelType type) { return kRelTypeNames.at(static_cast<std::size_t>(type)); }

std::optional<NodeLabel> parse_label(std::string_view name) {
    for (std::size_t i = 0; i < kLabelNames.size(); ++i)
        if (kLabelNames[i] == name) return static_cast<NodeLabel>(i);
    return std::nullopt;
}

std::optional<RelType> parse_rel_type(std::string_view name) {
    for (std::size_t i = 0; i < kRelTypeNames.size(); ++i)
        if (kRelTypeNames[i] == name) return static_cast<RelType>(i);
    return std::nullopt;
}

std::string_view evidence_name(Evidence evidence) { return kEvidenceNames.at(static_cast<std::size_t>(evidence)); }

std::optional<Evidence> parse_evidence(std::string_view name) {
    for (std::size_t i = 0; i < kEvidenceNames.size(); ++i)
        if (kEvidenceNames[i] == name) return static_cast<Evidence>(i);
    return std::nullopt;
}

std::string_view sighting_source_name(SightingSource source) {
    return kSightingSourceNames.at(static_cast<std::size_t>(source));
}

std::optional<SightingSource> parse_sighting_source(std::string_view name) {
    for (std::size_t i = 0; i < kSightingSourceNames.size(); ++i)
        if (kSightingSourceNames[i] == name) return static_cast<SightingSource>(i);
    return std::nullopt;
}

std::vector<std::string> EvidenceSet::names() const {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kEvidenceNames.size(); ++i)
        if (contains(static_cast<Evidence>(i))) names.emplace_back(kEvidenceNames[i]);
    return names;
}

NodeLabel label_of(EntityKind kind) { return static_cast<NodeLabel>(static_cast<std::uint8_t>(kind)); }

void Relationship::check_carries(bool carries, std::string_view property) const {
    if (!carries)
        throw Error(ErrorCategory::internal,
                    "graph: " + std::string(rel_type_name(type)) + " has no " + std::string(property));
}

bool is_entity_label(NodeLabel label) { return label <= NodeLabel::Other; }

PropertyGraph::Vertex PropertyGraph::add_node(Node node) {
    check_can_add_nodes(1);
    const auto vertex = static_cast<Vertex>(nodes_.size());
    if ((nodes_.size() + 1) * 2 > id_slots_.size()) grow_id_slots(std::max<std::size_t>(16, 2 * (nodes_.size() + 1)));
    nodes_.push_back(std::move(node));
    // One hashing of the id both checks and indexes it: a million nodes.
    if (!index_node(vertex, id_hash(nodes_.back().id))) {
        const auto message = taken_id_message(nodes_.back().id);
        nodes_.pop_back();
        throw InputError(message);
    }
    return vertex;
}

void PropertyGraph::check_can_add_nodes(std::size_t more) const {
    if (frozen_) throw Error(ErrorCategory::internal, "graph: node added after freeze()");
    if (nodes_.size() + more > std::numeric_limits<Vertex>::max())
        throw Error(ErrorCategory::internal, "graph: more than 2^32 nodes");
}

bool PropertyGraph::index_node(Vertex vertex, std::uint64_t hash) {
    const auto& id = nodes_[vertex].id;
    const auto slot = id_slot(id, hash);
    if (id_slots_[slot] != kEmptySlot) return false;
    id_slots_[slot] = id_slot_entry(hash, vertex);
    if (vertex > 0 && !(nodes_[vertex - 1].id < id)) ids_ascending_ = false;
    return true;
}

std::string PropertyGraph::taken_id_message(const std::string& id) { return "graph: node id '" + id + "' appears twice"; }

std::pair<PropertyGraph::Vertex, PropertyGraph::Vertex> PropertyGraph::stored_ends(Vertex from, Vertex to,
                                                                                   RelType type) const {
    if (frozen_) throw Error(ErrorCategory::internal, "graph: relationship added after freeze()");
    if (from >= nodes_.size() || to >= nodes_.size())
        throw Error(ErrorCategory::internal, "graph: relationship between vertices that are not nodes");
    if (type == RelType::CoAppearsWith && (ids_ascending_ ? to < from : nodes_[to].id < nodes_[from].id))
        std::swap(from, to);
    return {from, to};
}

void PropertyGraph::add_relationship(Vertex from, Vertex to, Relationship relationship) {
    ends_.push_back(stored_ends(from, to, relationship.type));
    relationships_.push_back(std::move(relationship));
}

void PropertyGraph::add_relationships_by_position(std::size_t count, RelType type,
                                                  const std::function<void(const PlaceRelationship&)>& fill) {
    if (frozen_) throw Error(ErrorCategory::internal, "graph: relationship added after freeze()");
    const auto first = relationships_.size();
    prepare_relationships(count);
    // An end no vertex has marks a position not yet given.
    constexpr auto kNotGiven = std::numeric_limits<Vertex>::max();
    ends_.resize(first + count, {kNotGiven, kNotGiven});
    relationships_.resize(first + count, Relationship(type));
    try {
        fill([&](std::size_t position, Vertex from, Vertex to, Relationship relationship) {
            if (position >= count || ends_[first + position].first != kNotGiven || relationship.type != type)
                throw Error(ErrorCategory::internal,
                            "graph: relationship placed out of its batch, twice or with another type");
            ends_[first + position] = stored_ends(from, to, type);
            relationships_[first + position] = std::move(relationship);
        });
        for (auto at = first; at < ends_.size(); ++at)
            if (ends_[at].first == kNotGiven) throw Error(ErrorCategory::internal, "graph: relationship batch left a gap");
    } catch (...) {
        // A failed batch leaves nothing behind: its unfilled ends name no vertex.
        ends_.resize(first);
        relationships_.resize(first);
        throw;
    }
}

void PropertyGraph::add_nodes(std::vector<Node>& nodes, const std::vector<std::uint32_t>& order) {
    check_can_add_nodes(order.size());
    const auto first = nodes_.size();
    reserve_nodes(first + order.size());
    // Moved in and hashed on every core: a million nodes, one add_node after another,
    // took half a second. Indexed in order then, as add_node would, each slot asked
    // for ahead (the slots are scattered over tens of megabytes).
    resize_touched(nodes_, first + order.size());
    std::vector<std::uint64_t> hashes(order.size());
    for_each_index_in_parallel(0, order.size(), std::size_t{1} << 12, [&](std::size_t i) {
        nodes_[first + i] = std::move(nodes[order[i]]);
        hashes[i] = id_hash(nodes_[first + i].id);
    });
    constexpr std::size_t kSlotAhead = 16;
    const auto mask = id_slots_.size() - 1;
    const bool ids_ascending = ids_ascending_;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i + kSlotAhead < order.size()) __builtin_prefetch(&id_slots_[hashes[i + kSlotAhead] & mask]);
        if (index_node(static_cast<Vertex>(first + i), hashes[i])) continue;
        const auto message = taken_id_message(nodes_[first + i].id);
        // Taken out again, last first: the index is then as it was.
        for (auto added = i; added-- > 0;) id_slots_[id_slot(nodes_[first + added].id, hashes[added])] = kEmptySlot;
        nodes_.resize(first);
        ids_ascending_ = ids_ascending;
        throw InputError(message);
    }
}

void PropertyGraph::reserve_nodes(std::size_t count) {
    nodes_.reserve(count);
    if (count * 2 > id_slots_.size()) grow_id_slots(count);
}

void PropertyGraph::grow_id_slots(std::size_t nodes) {
    std::size_t size = 16;
    while (size < 2 * nodes) size *= 2;
    id_slots_.assign(size, kEmptySlot);
    for (Vertex vertex = 0; vertex < nodes_.size(); ++vertex) {
        const auto hash = id_hash(nodes_[vertex].id);
        id_slots_[id_slot(nodes_[vertex].id, hash)] = id_slot_entry(hash, vertex);
    }
}

std::size_t PropertyGraph::id_slot(std::string_view id, std::uint64_t hash) const {
    const auto mask = id_slots_.size() - 1;
    const auto tag = hash >> 32;
    for (auto slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
        const auto held = id_slots_[slot];
        if (held == kEmptySlot) return slot;
        if (held >> 32 == tag && nodes_[static_cast<Vertex>(held)].id == id) return slot;
    }
}

void PropertyGraph::reserve_relationships(std::size_t count) {
    relationships_.reserve(count);
    ends_.reserve(count);
}

void PropertyGraph::prepare_relationships(std::size_t more) {
    reserve_touched(relationships_, relationships_.size() + more);
    reserve_touched(ends_, ends_.size() + more);
}

void PropertyGraph::freeze() {
    if (frozen_) return;
    if (ends_.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error(ErrorCategory::internal, "graph: more than 2^32 relationships");
    // Boost's constructor sorts the ends by source, then by target, on one core: some
    // seconds at ninety million. The same arrays are made on every core, with the
    // position in relationships_ of each edge.
    internal::build_csr(ends_, nodes_.size(), graph_, added_);
    for_each_edge_in_parallel(graph_, [&](Edge edge) {
        if (ends_[added_[edge.idx]] != std::make_pair(boost::source(edge, graph_), boost::target(edge, graph_)))
            throw Error(ErrorCategory::internal, "graph: relationship and edge indexes disagree");
    });
    // The ends are in the graph now: the writers' order is made after they are let
    // go, so the two never take room at once.
    std::vector<std::pair<Vertex, Vertex>>().swap(ends_);
    order_relationships();
    frozen_ = true;
}

const PropertyGraph::Graph& PropertyGraph::graph() const {
    if (!frozen_) throw Error(ErrorCategory::internal, "graph: traversed before freeze()");
    return graph_;
}

std::optional<PropertyGraph::Vertex> PropertyGraph::find(std::string_view id) const {
    if (id_slots_.empty()) return std::nullopt;
    const auto held = id_slots_[id_slot(id, id_hash(id))];
    if (held == kEmptySlot) return std::nullopt;
    return static_cast<Vertex>(held);
}

std::vector<PropertyGraph::Vertex> PropertyGraph::nodes_in_order() const {
    std::vector<Vertex> order;
    order.reserve(node_count());
    for (Vertex vertex = 0; vertex < nodes_.size(); ++vertex) order.push_back(vertex);
    if (!ids_ascending_)
        std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return nodes_[a].id < nodes_[b].id; });
    return order;
}

void PropertyGraph::order_relationships() {
    // Edges in the order their relationships were added.
    reserve_touched(order_, relationships_.size());
    order_.assign(relationships_.size(), Edge{});
    for_each_edge_in_parallel(graph_, [&](Edge edge) { order_[added_[edge.idx]] = edge; });
    // Ranks of ids instead of the ids: millions of relationships would make tens of
    // millions of string comparisons.
    std::vector<std::uint32_t> rank(node_count());
    const auto nodes = nodes_in_order();
    for (std::size_t i = 0; i < nodes.size(); ++i) rank[nodes[i]] = static_cast<std::uint32_t>(i);
    const auto key = [&](Edge edge) {
        return std::make_tuple(relationship(edge).type, rank[boost::source(edge, graph_)],
                               rank[boost::target(edge, graph_)]);
    };
    // The builder and the graph reader add relationships in this order already: one
    // pass finds that, and only other callers pay for a sort.
    // (PropertyGraph.WritersOrderLargeGraphsAddedOutOfOrderAnywhere puts pairs at the seams of these parts.)
    constexpr std::size_t kEdgesATask = std::size_t{1} << 16;
    std::vector<char> part_in_order((order_.size() + kEdgesATask - 1) / kEdgesATask, 1);
    for_each_index_in_parallel(0, part_in_order.size(), 1, [&](std::size_t part) {
        const auto end = std::min(order_.size(), (part + 1) * kEdgesATask);
        for (auto i = std::max<std::size_t>(1, part * kEdgesATask); i < end; ++i)
            if (key(order_[i]) < key(order_[i - 1])) {
                part_in_order[part] = 0;
                return;
            }
    });
    const bool added_in_order = std::all_of(part_in_order.begin(), part_in_order.end(), [](char in) { return in; });
    if (!added_in_order)
        std::stable_sort(order_.begin(), order_.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
}

const std::vector<PropertyGraph::Edge>& PropertyGraph::relationships_in_order() const {
    if (!frozen_) throw Error(ErrorCategory::internal, "graph: relationships read before freeze()");
    return order_;
}

std::vector<std::string_view> PropertyGraph::episode_ids(const Relationship& relationship) const {
    std::vector<std::string_view> ids;
    ids.reserve(relationship.episodes().size());
    for (const auto episode : relationship.episodes()) ids.emplace_back(nodes_[episode].id);
    return ids;
}

}  // namespace castgraph
