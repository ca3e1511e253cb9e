// The typed property graph of DESIGN.md on a Boost.Graph compressed sparse row
// graph, with node and relationship properties beside it by vertex and edge
// index. It is the one input of every exporter, query and recommender.
//
// Nodes are looked up by their stable string id. CO_APPEARS_WITH is undirected
// in meaning and stored once, from the smaller id to the larger. Every other
// relationship is directed as DESIGN.md draws it.
//
// Owns its nodes and relationships. Not thread-safe for writing; concurrent
// reads are safe.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "castgraph/packed.hpp"
#include "castgraph/type_map.hpp"

namespace castgraph {

// Entity labels first, in EntityKind order, so an EntityKind converts directly.
enum class NodeLabel : std::uint8_t { Person, Organization, Software, Product, Concept, Other, Episode, Podcast, Topic };

enum class RelType : std::uint8_t {
    PartOf,          // Episode -> Podcast
    GuestOn,         // Person -> Episode
    Hosted,          // Person -> Episode
    AffiliatedWith,  // Person -> Organization
    Mentions,        // Episode -> entity
    CoAppearsWith,   // entity -- entity, stored once (smaller id first)
    Tagged,          // Episode -> Topic
    AssociatedWith,  // entity -> Topic
};

inline constexpr NodeLabel kAllLabels[] = {NodeLabel::Person,  NodeLabel::Organization, NodeLabel::Software,
                                           NodeLabel::Product, NodeLabel::Concept,      NodeLabel::Other,
                                           NodeLabel::Episode, NodeLabel::Podcast,      NodeLabel::Topic};
inline constexpr RelType kAllRelTypes[] = {RelType::PartOf,        RelType::GuestOn,       RelType::Hosted,
                                           RelType::AffiliatedWith, RelType::Mentions,      RelType::CoAppearsWith,
                                           RelType::Tagged,         RelType::AssociatedWith};

std::string_view label_name(NodeLabel label);  // "Person", "Episode", ...
std::string_view rel_type_name(RelType type);  // "GUEST_ON", "CO_APPEARS_WITH", ...
// Inverses; nullopt for an unknown name.
std::optional<NodeLabel> parse_label(std::string_view name);
std::optional<RelType> parse_rel_type(std::string_view name);

// Which properties a relationship type carries, as DESIGN.md's table gives them
// (see Relationship). Every reader and writer asks here, and keeps only the order
// its own format writes them in.
struct RelShape {
    bool evidence = false;
    bool mention_fields = false;  // in_entity_list, description, timestamps_s, count
    bool weight = false;
    bool episodes = false;
};

constexpr RelShape shape_of(RelType type) {
    switch (type) {
    case RelType::PartOf:
    case RelType::Tagged:
        return {};
    case RelType::GuestOn:
    case RelType::Hosted:
        return {.evidence = true};
    case RelType::AffiliatedWith:
        return {.evidence = true, .episodes = true};
    case RelType::Mentions:
        return {.evidence = true, .mention_fields = true};
    case RelType::CoAppearsWith:
        return {.weight = true, .episodes = true};
    case RelType::AssociatedWith:
        return {.weight = true};
    }
    return {};
}

// Where a relationship was seen. Enumerated in name order, so a set lists its
// names sorted.
enum class Evidence : std::uint8_t { Chapter, Description, EntityList, Quote, Summary, Title };

std::string_view evidence_name(Evidence evidence);  // "chapter", "entity-list", ...
std::optional<Evidence> parse_evidence(std::string_view name);

// A set of Evidence in one byte: a relationship carries one, and a graph has millions.
class EvidenceSet {
public:
    EvidenceSet() = default;
    EvidenceSet(std::initializer_list<Evidence> evidence) {
        for (const auto item : evidence) insert(item);
    }
    void insert(Evidence evidence) { bits_ = static_cast<std::uint8_t>(bits_ | bit(evidence)); }
    [[nodiscard]] bool contains(Evidence evidence) const { return (bits_ & bit(evidence)) != 0; }
    [[nodiscard]] bool empty() const { return bits_ == 0; }
    // The names, sorted.
    [[nodiscard]] std::vector<std::string> names() const;
    bool operator==(const EvidenceSet&) const = default;

    // Every set is one of kCount, numbered by bits(): writers make each set's text once.
    static constexpr std::size_t kCount = 1U << (static_cast<unsigned>(Evidence::Title) + 1);
    [[nodiscard]] std::size_t bits() const { return bits_; }
    static EvidenceSet from_bits(std::size_t bits) {
        EvidenceSet set;
        set.bits_ = static_cast<std::uint8_t>(bits & (kCount - 1));
        return set;
    }

private:
    static std::uint8_t bit(Evidence evidence) { return static_cast<std::uint8_t>(1U << static_cast<unsigned>(evidence)); }
    std::uint8_t bits_ = 0;
};

NodeLabel label_of(EntityKind kind);
// True for Person .. Other.
bool is_entity_label(NodeLabel label);

// Where a sighting was: enumerated in name order, as sightings sort by it.
enum class SightingSource : std::uint8_t { EntityList, Title };

std::string_view sighting_source_name(SightingSource source);  // "entity-list", "title"
std::optional<SightingSource> parse_sighting_source(std::string_view name);

// One place an entity was seen: an entity-list item, or a guest or affiliation
// in an episode title. Provenance is kept whole.
struct Sighting {
    // The Episode node's vertex in the graph that holds the sighting (its id is
    // graph.node(episode).id): a graph holds millions of sightings, and a vertex
    // costs 4 bytes where an id costs a hundred.
    std::uint32_t episode = 0;
    SightingSource source = SightingSource::EntityList;
    std::uint32_t item = 0;    // index in the entity list, or of the guest in the title
    PackedText name;           // surface form as written
    PackedText type;           // raw type as written
    PackedText description;    // as written
    bool operator==(const Sighting&) const = default;
};

// Bundled node properties. Which fields are used depends on the label:
//  entities  name, aliases, source_types, sightings, episode_count
//  Episode   name (= title), podcast, published, duration_s, languages, summary
//  Podcast, Topic  name
struct Node {
    std::string id;
    NodeLabel label = NodeLabel::Other;
    std::string name;

    std::vector<std::string> aliases;       // every other surface form, sorted
    std::vector<std::string> source_types;  // raw types ("title" for a guest seen only in a title), sorted
    std::vector<Sighting> sightings;        // sorted by (episode id, source, item)
    std::uint32_t episode_count = 0;        // episodes linked by MENTIONS, GUEST_ON or HOSTED

    std::string podcast;
    std::string published;  // relative date text as found
    std::optional<std::uint32_t> duration_s;
    std::vector<std::string> languages;
    std::string summary;

    bool operator==(const Node&) const = default;
};

// Bundled relationship properties. Which fields are used depends on the type:
//  GUEST_ON, HOSTED       evidence ("title", "entity-list")
//  AFFILIATED_WITH        evidence, episodes
//  MENTIONS               in_entity_list, description, timestamps_s, evidence, count
//  CO_APPEARS_WITH        weight, episodes
//  ASSOCIATED_WITH        weight
struct Relationship {
    Relationship() = default;
    explicit Relationship(RelType relationship_type) : type(relationship_type) {}

    // Packed to 24 bytes plus its texts and lists, as a graph holds tens of millions.
    // No type carries both timestamps and episodes, nor both a count and a weight, so
    // each pair shares its room; a type that does not carry one reads it as empty or 0,
    // and setting it throws.

    // MENTIONS: starts of the chapters that mention, sorted, unique.
    [[nodiscard]] const PackedNumbers& timestamps_s() const noexcept {
        return type == RelType::Mentions ? numbers_ : kNoNumbers;
    }
    void set_timestamps_s(PackedNumbers timestamps) {
        check_carries(type == RelType::Mentions, "timestamps_s");
        numbers_ = std::move(timestamps);
    }
    // AFFILIATED_WITH, CO_APPEARS_WITH: vertices of Episode nodes (not ids: a pair of
    // entities may share thousands of episodes, and a vertex costs 4 bytes where an id
    // costs a hundred), in id order.
    [[nodiscard]] const PackedNumbers& episodes() const noexcept {
        return shape_of(type).episodes ? numbers_ : kNoNumbers;
    }
    void set_episodes(PackedNumbers episodes) {
        check_carries(shape_of(type).episodes, "episodes");
        numbers_ = std::move(episodes);
    }
    // MENTIONS: list items plus text occurrences.
    [[nodiscard]] std::uint32_t count() const noexcept { return type == RelType::Mentions ? amount_ : 0; }
    void set_count(std::uint32_t count) {
        check_carries(type == RelType::Mentions, "count");
        amount_ = count;
    }
    // CO_APPEARS_WITH, ASSOCIATED_WITH: shared episodes.
    [[nodiscard]] std::uint32_t weight() const noexcept { return shape_of(type).weight ? amount_ : 0; }
    void set_weight(std::uint32_t weight) {
        check_carries(shape_of(type).weight, "weight");
        amount_ = weight;
    }

    // A mention seen only in other items' entity-list descriptions, which queries and
    // recommendations leave out unless asked.
    [[nodiscard]] bool only_in_descriptions() const { return evidence == EvidenceSet{Evidence::Description}; }

    bool operator==(const Relationship&) const = default;

    // The members, in the order that packs them.
    PackedText description;  // MENTIONS: the entity-list description in this episode

private:
    // Throws an internal error naming the property when the type does not carry it.
    void check_carries(bool carries, std::string_view property) const;
    static inline const PackedNumbers kNoNumbers{};

    PackedNumbers numbers_;     // timestamps_s or episodes
    std::uint32_t amount_ = 0;  // count or weight

public:
    RelType type = RelType::Mentions;
    EvidenceSet evidence;
    bool in_entity_list = false;
};
static_assert(sizeof(Relationship) == 24, "a relationship's record is 24 bytes");

// An entity id a previous build knew that now lives under another id, because
// new evidence merged it into another known entity.
struct IdChange {
    std::string old_id;
    std::string new_id;
    bool operator==(const IdChange&) const = default;
};

// Built in two steps: nodes and relationships are added, then freeze() lays the
// relationships out in Boost's compressed sparse row graph (bidirectional), which
// keeps a relationship in some 48 bytes (its 24-byte record, 32-bit CSR arrays, the
// writers' order) where an adjacency_list needs several times that and a heap block each. Relationships are read only from a frozen graph; nodes
// are readable, and writable, in both steps.
class PropertyGraph {
public:
    // 32-bit vertex and edge indexes: half the CSR arrays of the default size_t.
    using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;
    using Vertex = Graph::vertex_descriptor;
    using Edge = Graph::edge_descriptor;

    // Adds a node; throws InputError when its id is already taken. Not after freeze().
    // A node's id is its key: it must not change once added.
    Vertex add_node(Node node);
    // Adds nodes[order[0]], nodes[order[1]], ... as that many add_node calls would (the
    // same vertices, in a row from node_count()), moving them out of `nodes` on every
    // core. When an id is taken (by a node before or in the list), throws InputError as
    // add_node does, and none of these nodes is added (those moved out are lost).
    void add_nodes(std::vector<Node>& nodes, const std::vector<std::uint32_t>& order);
    // Adds a relationship; CO_APPEARS_WITH endpoints are put in id order. Not after freeze().
    void add_relationship(Vertex from, Vertex to, Relationship relationship);
    // Room for this many nodes, or relationships, in all, so a graph of millions is not
    // copied (nor its id index rehashed) as it grows.
    void reserve_nodes(std::size_t count);
    void reserve_relationships(std::size_t count);
    // Room for `more` relationships beyond those added, its fresh pages touched on
    // every core: for relationships that will surely be added (touched room counts
    // in the resident size).
    void prepare_relationships(std::size_t more);
    // Puts one relationship at `position` (counted from the first of the batch).
    using PlaceRelationship = std::function<void(std::size_t position, Vertex from, Vertex to, Relationship)>;
    // Adds `count` relationships at once, put in place by `fill` in any order: for a
    // list made in another order than it goes in, which then need not be held whole
    // beside the graph. Each position must be given once; throws an internal error
    // otherwise. Not after freeze().
    void add_relationships_by_position(std::size_t count, RelType type,
                                       const std::function<void(const PlaceRelationship&)>& fill);
    // Builds the graph from what was added. A vertex's out- and in-relationships
    // keep the order they were added in.
    void freeze();

    [[nodiscard]] std::optional<Vertex> find(std::string_view id) const;
    [[nodiscard]] const Node& node(Vertex vertex) const { return nodes_[vertex]; }
    [[nodiscard]] Node& node(Vertex vertex) { return nodes_[vertex]; }
    [[nodiscard]] const Relationship& relationship(Edge edge) const { return relationships_[added_[edge.idx]]; }
    [[nodiscard]] Relationship& relationship(Edge edge) { return relationships_[added_[edge.idx]]; }
    // The Boost graph, for traversal; throws an internal error before freeze().
    [[nodiscard]] const Graph& graph() const;
    [[nodiscard]] std::size_t node_count() const noexcept { return nodes_.size(); }
    [[nodiscard]] std::size_t relationship_count() const noexcept { return relationships_.size(); }

    // Nodes sorted by id, and relationships sorted by (type, source id, target id):
    // the order every writer uses, so output never depends on insertion order. The
    // relationships' order is worked out once, by freeze(), for all writers.
    [[nodiscard]] std::vector<Vertex> nodes_in_order() const;
    [[nodiscard]] const std::vector<Edge>& relationships_in_order() const;
    // The ids of a relationship's episodes, in order.
    [[nodiscard]] std::vector<std::string_view> episode_ids(const Relationship& relationship) const;

    // Ids of earlier builds merged into other entities; sorted by old id.
    std::vector<IdChange> id_changes;

private:
    // A new relationship's ends as stored (CO_APPEARS_WITH in id order); throws an
    // internal error after freeze() or for a vertex that is not a node.
    [[nodiscard]] std::pair<Vertex, Vertex> stored_ends(Vertex from, Vertex to, RelType type) const;
    // Fills order_ from the frozen graph: (type, source id, target id), ties in the order added.
    void order_relationships();

    std::vector<Node> nodes_;  // by vertex
    // Whether each node's id sorts after the one before, as the builder and the graph
    // file add them: vertex order is then id order, and comparing vertices does.
    bool ids_ascending_ = true;
    // In the order added (the writers' order, for the builder and the reader), with
    // their endpoints in ends_ until freeze(). They stay where they are: moving
    // millions of them into edge order cost more than looking each up once more.
    std::vector<Relationship> relationships_;
    std::vector<std::pair<Vertex, Vertex>> ends_;
    std::vector<std::uint32_t> added_;  // by edge index: position in relationships_
    Graph graph_;
    std::vector<Edge> order_;  // relationships_in_order()
    bool frozen_ = false;
    // Vertices by id: open addressing over the nodes' own ids, so no id is kept twice
    // (a map from a copy of each id held every id again for the graph's life). A slot
    // holds a vertex in its low 32 bits and its id's hash in the high ones, so a probe
    // reads a node only when the hashes agree; kEmptySlot marks a free one. At most
    // half full.
    static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
    std::vector<std::uint64_t> id_slots_;
    // Room for this many nodes at half load, every id placed again.
    void grow_id_slots(std::size_t nodes);
    // The slot holding id, or the free slot where it would go; id_slots_ is not empty.
    [[nodiscard]] std::size_t id_slot(std::string_view id, std::uint64_t hash) const;
    // Throws unless `more` nodes may still be added.
    void check_can_add_nodes(std::size_t more) const;
    // Indexes the id of nodes_[vertex], whose hash is given, and notes whether ids still
    // ascend; false, with nothing changed, when another node has the id.
    bool index_node(Vertex vertex, std::uint64_t hash);
    static std::string taken_id_message(const std::string& id);
};

}  // namespace castgraph
