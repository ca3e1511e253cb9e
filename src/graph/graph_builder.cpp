#include "castgraph/graph_builder.hpp"

#include <re2/re2.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "castgraph/error.hpp"
#include "castgraph/mention_scanner.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/text.hpp"
#include "internal/helper_thread.hpp"
#include "internal/pattern.hpp"
#include "internal/step_times.hpp"
#include "internal/triple_sort.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;

// An entity on its way into the graph: resolved from entity lists, or seen only
// in titles (a guest or an affiliation no list names).
struct EntityRecord {
    std::string natural_id;  // resolution id, or kind:slug for a title-only entity
    std::string id;          // the id it gets in the graph
    EntityKind kind = EntityKind::Other;
    std::string name;
    std::set<std::string> aliases;
    std::set<std::string> source_types;
    std::vector<Sighting> sightings;  // list items' first, in mention order, then titles'
    std::vector<std::uint32_t> sighting_mentions;  // the mention of each list item's sighting
    bool from_title_only = false;

    [[nodiscard]] std::vector<std::string> forms() const {
        std::vector<std::string> all{name};
        all.insert(all.end(), aliases.begin(), aliases.end());
        return all;
    }
};

// What an episode says of one entity: its MENTIONS relationship to be. Flat and
// small, as an episode has dozens and a corpus millions.
struct MentionFact {
    static constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t entity = 0;
    std::uint32_t description_of = kNone;  // the list item (resolution mention) whose description it carries
    std::uint32_t count = 0;               // list items plus text occurrences
    std::uint32_t timestamps_begin = 0;    // range in EpisodeFacts::timestamps
    std::uint32_t timestamps_end = 0;
    EvidenceSet evidence;
    bool in_entity_list = false;
};

// What one episode contributes, keyed by entity index.
struct EpisodeFacts {
    std::vector<std::uint32_t> mention_indexes;  // into resolution.mentions (fewer than 2^32)
    std::vector<MentionFact> mentions;         // by entity index
    std::vector<std::uint32_t> timestamps;     // of the mentions, each range sorted and unique
    std::map<std::size_t, EvidenceSet> guests;
    std::map<std::size_t, EvidenceSet> hosts;
    std::vector<std::pair<std::size_t, std::size_t>> affiliations;  // person, organization
};

struct PendingRelationship {
    Vertex from;
    Vertex to;
    Relationship relationship;
};

std::vector<std::string> sorted_vector(const std::set<std::string>& values) { return {values.begin(), values.end()}; }

Relationship with_evidence(RelType type, EvidenceSet evidence) {
    Relationship relationship(type);
    relationship.evidence = evidence;
    return relationship;
}

// A pair of vertices seen together in one episode. Collected flat and sorted, so
// millions of them cost 12 bytes each and no tree nodes; vertices are in id order,
// so sorting puts each pair's episodes in id order too.
using PairInEpisode = internal::VertexTriple;

// A pair of vertices and the run of its episodes in the sorted PairInEpisode list:
// the list itself holds the episodes, so grouping copies none of them. Positions are
// 32-bit: tens of millions of pairs at a million episodes.
struct PairRun {
    std::uint32_t begin;
    std::uint32_t end;
    [[nodiscard]] std::size_t weight() const { return end - begin; }
};

// Whether two triples tie the same pair of vertices (in sorted lists, runs of them).
bool same_pair(const PairInEpisode& a, const PairInEpisode& b) { return a.from == b.from && a.to == b.to; }

// Sorted by (from, to, episode), each triple once: each pair's episodes in a run.
void sort_pairs(std::vector<PairInEpisode>& seen) {
    internal::sort_triples(seen);
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    if (seen.size() >= std::numeric_limits<std::uint32_t>::max())
        throw Error(ErrorCategory::internal, "graph: 2^32 co-appearances or more");
}

// Calls visit(run) for each pair's run of sorted triples, in order.
template <typename Visit>
void for_each_pair_run(const std::vector<PairInEpisode>& sorted, Visit visit) {
    for (std::size_t begin = 0; begin < sorted.size();) {
        auto end = begin + 1;
        while (end < sorted.size() && same_pair(sorted[end], sorted[begin])) ++end;
        visit(PairRun{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
        begin = end;
    }
}

std::size_t count_pair_runs(const std::vector<PairInEpisode>& sorted) {
    std::size_t count = 0;
    for_each_pair_run(sorted, [&](PairRun) { ++count; });
    return count;
}

// The runs as a list, for pruning to choose from; sized once.
std::vector<PairRun> group_pairs(const std::vector<PairInEpisode>& sorted) {
    std::vector<PairRun> runs;
    runs.reserve(count_pair_runs(sorted));
    for_each_pair_run(sorted, [&](PairRun run) { runs.push_back(run); });
    return runs;
}

// Each episode's Topic vertices, sorted and distinct, one episode after another: a
// million episodes' few tags each, without a list apiece.
struct EpisodeTopics {
    std::vector<std::uint32_t> begin;  // episode e's topics are vertices[begin[e], begin[e + 1])
    std::vector<std::uint32_t> vertices;
    [[nodiscard]] std::span<const std::uint32_t> of(std::size_t e) const {
        return {vertices.data() + begin[e], vertices.data() + begin[e + 1]};
    }
};

// The entities each topic's episodes mention, one entry per (episode, entity): an
// ASSOCIATED_WITH tie is MENTIONS joined with TAGGED, and only its number of episodes
// is kept. Held by topic as 32-bit vertices, 4 bytes a tie (some 280 MB at a million
// episodes), where (entity, topic, episode) triples and their sort buffer took 24.
class TopicEntities {
public:
    // Room for every tie: each episode's mentions once for each of its topics.
    TopicEntities(std::size_t vertex_count, const EpisodeTopics& topics, const std::vector<EpisodeFacts>& facts)
        : begin_(vertex_count + 1, 0) {
        for (std::size_t e = 0; e < facts.size(); ++e)
            for (const auto topic : topics.of(e)) begin_[topic + 1] += facts[e].mentions.size();
        for (std::size_t topic = 0; topic < vertex_count; ++topic)
            if (begin_[topic + 1] > 0) topics_.push_back(static_cast<std::uint32_t>(topic));
        std::partial_sum(begin_.begin(), begin_.end(), begin_.begin());
        next_ = begin_;
        // Left uninitialized: touched as it fills, while the episodes are let go.
        entities_ = std::make_unique_for_overwrite<std::uint32_t[]>(begin_.back());
    }

    // Each (topic, entity) of an episode once.
    void add(std::uint32_t topic, Vertex entity) {
        if (next_[topic] == begin_[topic + 1])
            throw Error(ErrorCategory::internal, "graph: more topic ties than the episodes' mentions");
        entities_[next_[topic]++] = static_cast<std::uint32_t>(entity);
    }

    // Each topic's entities sorted, on every core: a run of one entity is its episodes.
    // Once every tie is in; touches nothing else, so it may run beside other work.
    void sort() {
        for_each_index_in_parallel(0, topics_.size(), 1, [&](std::size_t t) {
            const auto topic = topics_[t];
            std::sort(entities_.get() + begin_[topic], entities_.get() + next_[topic]);
        });
    }

    // Adds an ASSOCIATED_WITH relationship, weighted by its episodes, for every tie,
    // in (entity, topic) order; lets the entries go. After sort().
    void add_to(PropertyGraph& graph) {
        // An entity's ties start after those of the entities before it; walking the
        // topics in vertex order then puts each entity's ties in topic order. They are
        // put in that order as 8-byte records first and then added in a row: tens of
        // millions of relationship records placed by position missed the caches twice
        // each.
        std::vector<std::size_t> entity_next(begin_.size(), 0);
        for_each_run([&](std::uint32_t entity, std::uint32_t, std::uint32_t) { ++entity_next[entity + 1]; });
        std::partial_sum(entity_next.begin(), entity_next.end(), entity_next.begin());
        struct Tie {
            std::uint32_t topic;
            std::uint32_t episodes;
        };
        const auto count = entity_next.back();
        const auto ties = std::make_unique_for_overwrite<Tie[]>(count);
        for_each_run([&](std::uint32_t entity, std::uint32_t topic, std::uint32_t episodes) {
            ties[entity_next[entity]++] = {topic, episodes};
        });
        entities_.reset();
        // Each entity's next is now the end of its ties.
        graph.prepare_relationships(count);
        std::size_t tie = 0;
        for (PropertyGraph::Vertex entity = 0; entity < entity_next.size(); ++entity) {
            for (; tie < entity_next[entity]; ++tie) {
                Relationship association(RelType::AssociatedWith);
                association.set_weight(ties[tie].episodes);
                graph.add_relationship(entity, ties[tie].topic, std::move(association));
            }
        }
    }

private:
    template <typename Visit>
    void for_each_run(Visit visit) const {
        for (const auto topic : topics_) {
            for (auto i = begin_[topic]; i < next_[topic];) {
                const auto start = i;
                while (++i < next_[topic] && entities_[i] == entities_[start]) {}
                visit(entities_[start], topic, static_cast<std::uint32_t>(i - start));
            }
        }
    }

    std::vector<std::size_t> begin_;     // by vertex: where a topic's entities start
    std::vector<std::size_t> next_;      // and where the next one goes (their end, once all are in)
    std::vector<std::uint32_t> topics_;  // the topics some episode mentions an entity with, ascending
    std::unique_ptr<std::uint32_t[]> entities_;
};

// Texts copied once each, then shared: a few are compared one by one, more are hashed.
class SharedTexts {
public:
    PackedText operator()(std::string_view text) {
        if (hashed_.empty()) {
            for (const auto& [seen, packed] : few_)
                if (seen == text) return packed;
            if (few_.size() < kFew) return few_.emplace_back(text, PackedText(text)).second;
            hashed_.insert(few_.begin(), few_.end());
        }
        const auto [at, inserted] = hashed_.try_emplace(text);
        if (inserted) at->second = PackedText(text);
        return at->second;
    }

private:
    static constexpr std::size_t kFew = 16;
    std::vector<std::pair<std::string_view, PackedText>> few_;
    std::unordered_map<std::string_view, PackedText> hashed_;
};

// A form worth looking for in text: two bytes or more, with at least one letter.
bool searchable_form(std::string_view form) {
    if (form.size() < 2) return false;
    for (const char32_t c : decode_utf8(form)) {
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) return true;
    }
    return false;
}

// Freed memory of the worker threads' arenas goes back to the system, where the
// main thread's next allocations can use it. glibc's allocator needs asking; under
// another (the executable's mimalloc) this finds nothing to do, as that one returns
// freed pages by itself.
void return_free_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

const RE2& host_keyword() {
    // "hosted" and "hosting" are not host evidence: \b after the keyword.
    static const auto pattern = internal::compile_pattern(
        R"((?i)\b(?:co[- ]?)?(?:hosts?|animat(?:eur|rice)s?|pr[ée]sentat(?:eur|rice)s?)\b)");
    return *pattern;
}

const RE2& names_other_show() {
    // "host of X", "animateur du podcast X": a host of something; whether it is this
    // show is decided by the podcast name. "for this episode" is about this one.
    static const auto pattern = internal::compile_pattern(
        R"((?i)^\s*(?:of|at|on|de|du|des|d')\s*)");
    return *pattern;
}

const RE2& guest_keyword() {
    static const auto pattern = internal::compile_pattern(R"((?i)\b(?:guest|invit[ée]e?)\b)");
    return *pattern;
}

class GraphBuilder {
public:
    GraphBuilder(const std::vector<Episode>& episodes, const ResolutionResult& resolution, const BuildOptions& options)
        : resolution_(resolution), options_(options) {
        for (const auto& episode : episodes) episodes_.push_back(&episode);
        index_episodes();
    }

    // Owning the episodes, the builder lets go of each text once it is read (titles
    // and summaries once copied into the episode nodes).
    // Owning the resolution as well (whose mentions view the episodes' texts), it lets
    // the list items' records go once their texts are copied into the sightings, and
    // the rest once the relationships are made.
    GraphBuilder(std::vector<Episode>&& episodes, ResolutionResult&& resolution, const BuildOptions& options)
        : owned_resolution_(std::move(resolution)), resolution_(owned_resolution_), resolution_owned_(true),
          options_(options) {
        take_episodes(std::move(episodes));
    }

    BuildResult run() {
        internal::StepTimes steps("graph");
        collect_resolved_entities();
        steps.mark("entities");
        collect_title_people();
        steps.mark("title people");
        collect_hosts_and_guests();
        steps.mark("hosts and guests");
        collect_mentions();
        steps.mark("mentions");
        assign_ids();
        steps.mark("ids");
        add_nodes();
        steps.mark("nodes");
        add_relationships();
        steps.mark("relationships");
        release_build_state();
        steps.mark("release");
        finish_report();
        steps.mark("report");
        steps.log();
        return std::move(result_);
    }

private:
    void take_episodes(std::vector<Episode>&& episodes) {
        owned_ = std::move(episodes);
        for (auto& episode : owned_) {
            episodes_.push_back(&episode);
            releasable_.push_back(&episode);
        }
        index_episodes();
    }

    void index_episodes() {
        // Deduplicated episodes come in id order already: a million long ids are
        // then compared once each, not sorted again.
        const auto by_id = [](const Episode* a, const Episode* b) { return a->id < b->id; };
        if (!std::is_sorted(episodes_.begin(), episodes_.end(), by_id)) {
            std::sort(episodes_.begin(), episodes_.end(), by_id);
            std::sort(releasable_.begin(), releasable_.end(), by_id);
        }
        for (std::size_t i = 1; i < episodes_.size(); ++i)
            if (episodes_[i]->id == episodes_[i - 1]->id)
                throw InputError("graph: episode id '" + episodes_[i]->id + "' appears twice");
        facts_.resize(episodes_.size());
    }

    // The index in episodes_ of the episode with this id: mentions come in episode
    // order, so it is nearly always `from` or the one after; else a binary search.
    std::optional<std::size_t> find_episode(std::string_view id, std::size_t from) const {
        for (auto at = from; at < std::min(episodes_.size(), from + 2); ++at)
            if (episodes_[at]->id == id) return at;
        const auto by_id = [](const Episode* episode, std::string_view key) { return episode->id < key; };
        const auto found = std::lower_bound(episodes_.begin(), episodes_.end(), id, by_id);
        if (found == episodes_.end() || (*found)->id != id) return std::nullopt;
        return static_cast<std::size_t>(found - episodes_.begin());
    }

    void collect_resolved_entities() {
        // Entities, list items and their positions are kept in 32 bits from here on.
        if (resolution_.entities.size() >= MentionFact::kNone || resolution_.mentions.size() >= MentionFact::kNone)
            throw Error(ErrorCategory::internal, "graph: 2^32 entities or entity-list items or more");
        internal::StepTimes steps("entities");  // the graph step "entities", in parts
        // Entities are independent: made side by side, in resolution's order.
        entities_.resize(resolution_.entities.size());
        for_each_index_in_parallel(0, entities_.size(), 256, [&](std::size_t e) {
            auto& record = entities_[e];
            record.kind = resolution_.entities[e].kind;
            // Handed over, the entity's texts move instead of being copied beside themselves.
            if (resolution_owned_) {
                auto& resolved = owned_resolution_.entities[e];
                record.natural_id = std::move(resolved.id);
                record.name = std::move(resolved.name);
                record.aliases.insert(std::make_move_iterator(resolved.aliases.begin()),
                                      std::make_move_iterator(resolved.aliases.end()));
                record.source_types.insert(std::make_move_iterator(resolved.source_types.begin()),
                                           std::make_move_iterator(resolved.source_types.end()));
                return;
            }
            const auto& resolved = resolution_.entities[e];
            record.natural_id = resolved.id;
            record.name = resolved.name;
            record.aliases.insert(resolved.aliases.begin(), resolved.aliases.end());
            record.source_types.insert(resolved.source_types.begin(), resolved.source_types.end());
        });
        // Where each list item goes, in numbers only: its episode, and (in the next step)
        // its place among its entity's sightings. Mentions come episode by episode: an
        // episode is looked for once for its whole list, next to the last one found, in
        // parts of the mentions side by side, each part starting at a new episode.
        steps.mark("records");
        const auto& mentions = resolution_.mentions;
        listed_position_.resize(mentions.size());
        std::vector<std::uint32_t> episode_of_mention(mentions.size());
        const auto parts = std::max<std::size_t>(1, std::min(4 * thread_count(), mentions.size() / 4096));
        std::vector<std::size_t> part_begin(parts + 1, mentions.size());
        for (std::size_t part = 0; part < parts; ++part) {
            auto begin = std::max(part == 0 ? 0 : part_begin[part - 1], mentions.size() * part / parts);
            while (begin > 0 && begin < mentions.size() && mentions[begin].episode_id == mentions[begin - 1].episode_id)
                ++begin;
            part_begin[part] = begin;
        }
        // Whether each part's episodes only go up: then no episode spans two parts, and
        // the parts add to their episodes' lists side by side.
        std::vector<char> part_ascends(parts, 1);
        for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) {
            std::size_t episode = 0;
            for (auto m = part_begin[part]; m < part_begin[part + 1]; ++m) {
                if (m == part_begin[part] || mentions[m].episode_id != episodes_[episode]->id) {
                    const auto found = find_episode(mentions[m].episode_id, episode);
                    if (!found)
                        throw Error(ErrorCategory::internal, "graph: resolution names episode '" +
                                                                 std::string(mentions[m].episode_id) +
                                                                 "' that is not in the input");
                    if (m != part_begin[part] && *found <= episode) part_ascends[part] = 0;
                    episode = *found;
                }
                episode_of_mention[m] = static_cast<std::uint32_t>(episode);
            }
        });
        bool ascending = std::all_of(part_ascends.begin(), part_ascends.end(), [](char ascends) { return ascends; });
        for (std::size_t part = 1; ascending && part < parts; ++part)
            if (part_begin[part] > part_begin[part - 1] && part_begin[part] < mentions.size() &&
                episode_of_mention[part_begin[part]] <= episode_of_mention[part_begin[part] - 1])
                ascending = false;
        const auto add_to_episodes = [&](std::size_t begin, std::size_t end) {
            for (auto m = begin; m < end; ++m)
                facts_[episode_of_mention[m]].mention_indexes.push_back(static_cast<std::uint32_t>(m));
        };
        if (ascending)
            for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) { add_to_episodes(part_begin[part], part_begin[part + 1]); });
        else
            add_to_episodes(0, mentions.size());
        steps.mark("items' episodes");
        // Each entity's sightings are made side by side with the others', its list items
        // in mention order (resolution's order for the entity). An entity's items repeat
        // the same spellings, types and, mostly, descriptions: each distinct text is
        // copied once per entity and its sightings share it (see PackedText). Shared
        // only within runs of items, a popular entity's texts were copied once per run.
        // A list item's place among its entity's sightings is its place in the entity's
        // mentions, which ascend; as every mention is some entity's, once, the entities'
        // lists together hold each mention once.
        std::size_t members_in_all = 0;
        for (const auto& resolved : resolution_.entities) members_in_all += resolved.mentions.size();
        if (members_in_all != mentions.size())
            throw Error(ErrorCategory::internal, "graph: the entities list other mentions than the resolution has");
        for_each_index_in_parallel(0, entities_.size(), 64, [&](std::size_t e) {
            const auto& members = resolution_.entities[e].mentions;
            auto& entity = entities_[e];
            entity.sightings.resize(members.size());
            entity.sighting_mentions.resize(members.size());
            SharedTexts copied;
            // Members are far apart among millions of mentions, their texts among the
            // episodes': each is asked for ahead of its turn, its record first, then
            // (once that has come) the texts it points to.
            constexpr std::size_t kRecordsAhead = 8;
            constexpr std::size_t kTextsAhead = 4;
            for (std::size_t position = 0; position < members.size(); ++position) {
                if (position + kRecordsAhead < members.size()) {
                    const auto ahead = members[position + kRecordsAhead];
                    if (ahead < mentions.size()) {
                        __builtin_prefetch(&mentions[ahead]);
                        __builtin_prefetch(&resolution_.entity_of_mention[ahead]);
                        __builtin_prefetch(&episode_of_mention[ahead]);
                    }
                }
                if (position + kTextsAhead < members.size()) {
                    const auto ahead = members[position + kTextsAhead];
                    if (ahead < mentions.size()) {
                        __builtin_prefetch(mentions[ahead].raw_name.data());
                        __builtin_prefetch(mentions[ahead].raw_type.data());
                        __builtin_prefetch(mentions[ahead].description.data());
                    }
                }
                const auto m = members[position];
                if (m >= mentions.size() || resolution_.entity_of_mention[m] != e ||
                    (position > 0 && m <= members[position - 1]))
                    throw Error(ErrorCategory::internal, "graph: entity '" + entity.natural_id +
                                                             "' lists mentions that are not its own, or out of order");
                listed_position_[m] = static_cast<std::uint32_t>(position);
                const auto& mention = mentions[m];
                entity.sighting_mentions[position] = static_cast<std::uint32_t>(m);
                // Until the nodes are made, a sighting's episode is its index in episodes_.
                auto& sighting = entity.sightings[position];
                sighting.episode = episode_of_mention[m];
                sighting.source = SightingSource::EntityList;
                sighting.item = mention.item_index;
                sighting.name = copied(mention.raw_name);
                sighting.type = copied(mention.raw_type);
                sighting.description = copied(mention.description);
            }
        });
        steps.mark("sightings");
        for (std::size_t e = 0; e < entities_.size(); ++e) register_forms(e);
        steps.mark("register");
        // Handed over, the items' records and the entities' lists are read no more:
        // ten million items' records are 800 MB.
        if (resolution_owned_) {
            std::vector<Mention>().swap(owned_resolution_.mentions);
            for (auto& resolved : owned_resolution_.entities) {
                std::vector<std::string>().swap(resolved.aliases);
                std::vector<std::string>().swap(resolved.source_types);
                std::vector<std::size_t>().swap(resolved.mentions);
            }
        }
        steps.mark("release");
        steps.log();
    }

    void register_forms(std::size_t entity) {
        for (const auto& form : entities_[entity].forms())
            by_form_[{kind_family(entities_[entity].kind), name_key(form)}].insert(entity);
    }

    // The entity a title names: one of the episode's own entities of that kind
    // first, else the only one of that name anywhere (nullopt when there is none).
    // Reads only: safe on several threads at once.
    std::optional<std::size_t> known_entity_for_title_name(const std::string& name, EntityKind kind,
                                                           std::size_t episode) const {
        std::set<std::size_t> candidates;
        if (const auto found = by_form_.find({kind_family(kind), name_key(name)}); found != by_form_.end())
            for (const auto entity : found->second)
                if (entities_[entity].kind == kind) candidates.insert(entity);
        std::set<std::size_t> in_episode;
        for (const auto m : facts_[episode].mention_indexes) {
            const auto entity = resolution_.entity_of_mention[m];
            if (candidates.contains(entity)) in_episode.insert(entity);
        }
        if (!in_episode.empty()) return *in_episode.begin();
        if (!candidates.empty()) return *candidates.begin();  // ordered by resolution id
        return std::nullopt;
    }

    // The same, else a new title-only entity.
    std::size_t entity_for_title_name(const std::string& name, EntityKind kind, std::size_t episode) {
        if (const auto known = known_entity_for_title_name(name, kind, episode)) return *known;
        EntityRecord record;
        record.kind = kind;
        record.name = name;
        record.natural_id = std::string(kind_id_prefix(kind)) + ":" + slugify(name);
        record.source_types.insert("title");
        record.from_title_only = true;
        entities_.push_back(std::move(record));
        register_forms(entities_.size() - 1);
        if (kind == EntityKind::Person) ++result_.report.title_only_people;
        else ++result_.report.title_only_organizations;
        return entities_.size() - 1;
    }

    void collect_title_people() {
        // The names whose entity exists are looked up on every core first. The others go
        // one by one, in episode order, as each may make a title-only entity that a later
        // episode's title then finds. A name with an entity never makes one, so
        // the first look-ups hold.
        std::vector<std::size_t> first_guest(episodes_.size() + 1, 0);
        for (std::size_t e = 0; e < episodes_.size(); ++e)
            first_guest[e + 1] = first_guest[e] + episodes_[e]->guests.size();
        // By guest: the entity, or one of these marks.
        constexpr auto kNoName = std::numeric_limits<std::size_t>::max();  // nothing written
        constexpr auto kNotKnown = kNoName - 1;                            // written, no entity yet
        std::vector<std::size_t> known_person(first_guest.back(), kNoName);
        std::vector<std::size_t> known_organization(first_guest.back(), kNoName);
        for_each_episode_in_parallel([&](std::size_t e) {
            const auto& guests = episodes_[e]->guests;
            for (std::size_t g = 0; g < guests.size(); ++g) {
                const auto at = first_guest[e] + g;
                if (!trim(guests[g].name).empty())
                    known_person[at] =
                        known_entity_for_title_name(guests[g].name, EntityKind::Person, e).value_or(kNotKnown);
                if (!trim(guests[g].affiliation).empty())
                    known_organization[at] =
                        known_entity_for_title_name(guests[g].affiliation, EntityKind::Organization, e)
                            .value_or(kNotKnown);
            }
        });
        for (std::size_t e = 0; e < episodes_.size(); ++e) {
            const auto& guests = episodes_[e]->guests;
            for (std::size_t g = 0; g < guests.size(); ++g) {
                const auto at = first_guest[e] + g;
                if (known_person[at] == kNoName) continue;  // an affiliation alone is not read
                if (known_person[at] == kNotKnown)
                    known_person[at] = entity_for_title_name(guests[g].name, EntityKind::Person, e);
                if (known_organization[at] == kNotKnown)
                    known_organization[at] = entity_for_title_name(guests[g].affiliation, EntityKind::Organization, e);
            }
        }
        // Each episode's guests and affiliations are its own; each entity's sightings
        // are made by the core whose share of the entities holds it, in episode order.
        const auto for_each_title_guest = [&](std::size_t e, const auto& visit) {
            const auto& guests = episodes_[e]->guests;
            for (std::size_t g = 0; g < guests.size(); ++g) {
                const auto at = first_guest[e] + g;
                if (known_person[at] != kNoName) visit(g, guests[g], known_person[at], known_organization[at]);
            }
        };
        for_each_episode_in_parallel([&](std::size_t e) {
            for_each_title_guest(e, [&](std::size_t, const Guest&, std::size_t person, std::size_t organization) {
                facts_[e].guests[person].insert(Evidence::Title);
                if (organization != kNoName) facts_[e].affiliations.emplace_back(person, organization);
            });
        });
        const auto parts = std::max<std::size_t>(1, thread_count());
        for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) {
            const auto first = entities_.size() * part / parts;
            const auto end = entities_.size() * (part + 1) / parts;
            const auto sighted = [&](std::size_t entity, std::size_t e, std::size_t g, const std::string& name,
                                     std::string_view role) {
                if (entity < first || entity >= end) return;
                entities_[entity].sightings.push_back({static_cast<std::uint32_t>(e), SightingSource::Title,
                                                       static_cast<std::uint32_t>(g), name, role, ""});
            };
            for (std::size_t e = 0; e < episodes_.size(); ++e)
                for_each_title_guest(e, [&](std::size_t g, const Guest& guest, std::size_t person, std::size_t organization) {
                    sighted(person, e, g, guest.name, "guest");
                    if (organization != kNoName) sighted(organization, e, g, guest.affiliation, "affiliation");
                });
        });
    }

    // Runs work(e) for every episode, in chunks on every core. Each call may write
    // only its own episode's facts, so the result is the same on any number of cores.
    void for_each_episode_in_parallel(const std::function<void(std::size_t)>& work) const {
        for_each_index_in_parallel(0, episodes_.size(), 256, work);
    }

    void collect_hosts_and_guests() {
        for_each_episode_in_parallel([&](std::size_t e) {
            auto& facts = facts_[e];
            // Each item's entity record, sighting and description lie far apart: asked
            // for from memory a pass each for the whole list, not one after another.
            const auto record_of = [&](std::size_t m) -> const EntityRecord& {
                return entities_[resolution_.entity_of_mention[m]];
            };
            const auto listed_sighting = [&](std::size_t m) -> const Sighting& {
                return record_of(m).sightings[listed_position_[m]];
            };
            for (const auto m : facts.mention_indexes) {
                __builtin_prefetch(&record_of(m).kind);
                __builtin_prefetch(&record_of(m).sightings);
            }
            for (const auto m : facts.mention_indexes)
                if (record_of(m).kind == EntityKind::Person) __builtin_prefetch(&listed_sighting(m));
            for (const auto m : facts.mention_indexes)
                if (record_of(m).kind == EntityKind::Person)
                    if (const auto* text = listed_sighting(m).description.data(); text != nullptr)
                        __builtin_prefetch(text);
            for (const auto m : facts.mention_indexes) {
                if (record_of(m).kind != EntityKind::Person) continue;
                const auto entity = resolution_.entity_of_mention[m];
                const auto& description = listed_sighting(m).description;
                if (describes_host(description, episodes_[e]->podcast)) {
                    facts.hosts[entity].insert(Evidence::EntityList);
                } else if (RE2::PartialMatch(description.view(), guest_keyword())) {
                    facts.guests[entity].insert(Evidence::EntityList);
                } else if (facts.guests.contains(entity)) {
                    facts.guests[entity].insert(Evidence::EntityList);  // a title guest the list also names
                }
            }
            // A host is never a guest of the same episode; being named in the title
            // is then evidence for the hosting.
            for (auto guest = facts.guests.begin(); guest != facts.guests.end();) {
                const auto host = facts.hosts.find(guest->first);
                if (host == facts.hosts.end()) {
                    ++guest;
                    continue;
                }
                if (guest->second.contains(Evidence::Title)) host->second.insert(Evidence::Title);
                guest = facts.guests.erase(guest);
            }
        });
    }

    void collect_mentions() {
        // Facts keep entity and list-item indexes in 32 bits.
        if (entities_.size() >= MentionFact::kNone || listed_position_.size() >= MentionFact::kNone)
            throw Error(ErrorCategory::internal, "graph: more than 2^32 entities or entity-list items");
        // Every searchable surface form, and the entities it belongs to. The forms and
        // the patterns (millions of strings at a million episodes) are let go once the
        // scanner is made, before the episodes are scanned.
        internal::StepTimes steps("scan");  // the graph step "mentions", in parts
        std::vector<std::size_t> owner_of_pattern;
        const auto scanner = [&] {
            std::vector<std::string> patterns;
            {
                std::map<std::string, std::set<std::size_t>> owners;
                for (std::size_t e = 0; e < entities_.size(); ++e)
                    for (auto& form : entities_[e].forms())
                        if (searchable_form(form)) owners[std::move(form)].insert(e);
                while (!owners.empty()) {
                    auto owned = owners.extract(owners.begin());  // in form order, each let go as read
                    if (owned.mapped().size() > 1)
                        result_.report.ambiguous_forms.push_back(std::move(owned.key()));
                    else {
                        patterns.push_back(std::move(owned.key()));
                        owner_of_pattern.push_back(*owned.mapped().begin());
                    }
                }
            }
            steps.mark("patterns");
            return MentionScanner(patterns);
        }();
        steps.mark("matcher");

        // Episodes are independent: scanned side by side, counts kept by episode.
        std::vector<std::size_t> text_mentions(episodes_.size(), 0);
        for_each_episode_in_parallel([&](std::size_t e) {
            text_mentions[e] = scan_episode(scanner, owner_of_pattern, e);
            if (!releasable_.empty()) release_scanned_texts(*releasable_[e]);
        });
        steps.mark("texts");
        for (const auto count : text_mentions) result_.report.text_mentions += count;
        if (!releasable_.empty()) return_free_memory();
        steps.mark("pages returned");
        steps.log();
    }

    // What the rest of the build never reads again: chapters, quotes and the entity
    // list (resolution holds what the graph needs of each item).
    static void release_scanned_texts(Episode& episode) {
        std::vector<Chapter>().swap(episode.chapters);
        std::vector<Quote>().swap(episode.quotes);
        episode.entity_list.reset();
    }

    // Adds an episode's list items and the names its text says to its facts;
    // returns the number of text matches.
    std::size_t scan_episode(const MentionScanner& scanner, const std::vector<std::size_t>& owner_of_pattern,
                             std::size_t e) {
        // Every sighting of an entity in the episode, then grouped by entity.
        struct Hit {
            std::uint32_t entity;
            std::uint32_t mention;  // list item, or MentionFact::kNone for text
            std::uint32_t start;    // chapter start, when has_start
            bool has_start;
            Evidence evidence;
        };
        std::vector<Hit> hits;
        std::size_t text_mentions = 0;
        std::vector<MentionScanner::Match> matches;
        const auto& episode = *episodes_[e];
        auto& facts = facts_[e];
        const auto narrow = [](std::size_t index) { return static_cast<std::uint32_t>(index); };
        for (const auto m : facts.mention_indexes)
            hits.push_back({narrow(resolution_.entity_of_mention[m]), narrow(m), 0, false, Evidence::EntityList});
        // The texts, listed first: each is asked for from memory while the one before
        // is scanned (they lie apart, and waiting for each one's first bytes took a
        // third of the scanning).
        struct Text {
            std::string_view text;
            Evidence evidence;
            std::optional<std::uint32_t> start;
        };
        thread_local std::vector<Text> texts;
        texts.clear();
        texts.push_back({episode.title, Evidence::Title, std::nullopt});
        texts.push_back({episode.summary, Evidence::Summary, std::nullopt});
        for (const auto& chapter : episode.chapters) {
            texts.push_back({chapter.title, Evidence::Chapter, chapter.start_s});
            texts.push_back({chapter.text, Evidence::Chapter, chapter.start_s});
        }
        for (const auto& quote : episode.quotes) {
            std::optional<std::uint32_t> start;
            if (quote.chapter && *quote.chapter < episode.chapters.size())
                start = episode.chapters[*quote.chapter].start_s;
            texts.push_back({quote.text, Evidence::Quote, start});
        }
        if (episode.entity_list)
            for (const auto& item : episode.entity_list->items)
                texts.push_back({item.description, Evidence::Description, std::nullopt});
        constexpr std::size_t kLine = 64;
        constexpr std::size_t kPrefetched = 8 * kLine;  // the start of the next text
        const auto prefetch = [&](std::string_view text) {
            for (std::size_t at = 0; at < std::min(text.size(), kPrefetched); at += kLine) __builtin_prefetch(text.data() + at);
        };
        if (!texts.empty()) prefetch(texts.front().text);
        for (std::size_t t = 0; t < texts.size(); ++t) {
            if (t + 1 < texts.size()) prefetch(texts[t + 1].text);
            const auto& [text, evidence, start] = texts[t];
            scanner.scan(text, matches);
            for (const auto& match : matches)
                hits.push_back({narrow(owner_of_pattern[match.pattern]), MentionFact::kNone, start.value_or(0),
                                start.has_value(), evidence});
            text_mentions += matches.size();
        }

        // Stable: an entity's list items stay first and in list order, so its first item gives the description.
        std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.entity < b.entity; });
        for (std::size_t i = 0; i < hits.size();) {
            MentionFact fact;
            fact.entity = hits[i].entity;
            fact.timestamps_begin = narrow(facts.timestamps.size());
            for (; i < hits.size() && hits[i].entity == fact.entity; ++i) {
                const auto& hit = hits[i];
                ++fact.count;
                fact.evidence.insert(hit.evidence);
                if (hit.mention != MentionFact::kNone && !fact.in_entity_list) {
                    fact.in_entity_list = true;
                    fact.description_of = hit.mention;
                }
                if (hit.has_start) facts.timestamps.push_back(hit.start);
            }
            const auto begin = facts.timestamps.begin() + fact.timestamps_begin;
            std::sort(begin, facts.timestamps.end());
            facts.timestamps.erase(std::unique(begin, facts.timestamps.end()), facts.timestamps.end());
            fact.timestamps_end = narrow(facts.timestamps.size());
            facts.mentions.push_back(fact);
        }
        return text_mentions;
    }

    // Ids: resolution's, or a previous graph's for entities it knew (see header).
    void assign_ids() {
        std::vector<std::size_t> order(entities_.size());
        for (std::size_t e = 0; e < order.size(); ++e) order[e] = e;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(entities_[a].natural_id, a) < std::tie(entities_[b].natural_id, b);
        });

        std::set<std::string> reserved;  // ids a fresh entity must not take
        std::vector<std::set<std::string>> won(entities_.size());
        if (options_.previous != nullptr) match_previous_ids(reserved, won);

        std::set<std::string> taken;
        for (const auto e : order) {
            if (won[e].empty()) continue;
            auto& entity = entities_[e];
            entity.id = won[e].contains(entity.natural_id) ? entity.natural_id : *won[e].begin();
            taken.insert(entity.id);
            ++result_.report.kept_ids;
            for (const auto& old_id : won[e])
                if (old_id != entity.id) result_.report.merged_ids.push_back({old_id, entity.id});
        }
        for (const auto e : order) {
            auto& entity = entities_[e];
            if (!entity.id.empty()) continue;
            entity.id = entity.natural_id;
            for (int suffix = 2; taken.contains(entity.id) || reserved.contains(entity.id); ++suffix)
                entity.id = entity.natural_id + "-" + std::to_string(suffix);
            taken.insert(entity.id);
        }
        for (std::size_t e = 0; e < resolution_.entities.size(); ++e)
            if (entities_[e].id != entities_[e].natural_id)
                result_.report.renamed_ids.emplace(entities_[e].natural_id, entities_[e].id);
    }

    void match_previous_ids(std::set<std::string>& reserved, std::vector<std::set<std::string>>& won) {
        const auto& previous = *options_.previous;
        std::map<std::pair<int, std::string>, std::set<std::string>> old_by_form;
        for (const auto vertex : boost::make_iterator_range(boost::vertices(previous.graph()))) {
            const auto& node = previous.node(vertex);
            if (!is_entity_label(node.label)) continue;
            reserved.insert(node.id);
            const int family = kind_family(static_cast<EntityKind>(static_cast<std::uint8_t>(node.label)));
            old_by_form[{family, name_key(node.name)}].insert(node.id);
            for (const auto& alias : node.aliases) old_by_form[{family, name_key(alias)}].insert(node.id);
        }
        for (const auto& change : previous.id_changes) reserved.insert(change.old_id);

        // Each old id goes to one claimant: the entity that still has that id
        // naturally, else the one sharing most forms with it, else the smallest id.
        std::map<std::string, std::vector<std::tuple<bool, std::size_t, std::size_t>>> claimants;
        for (std::size_t e = 0; e < entities_.size(); ++e) {
            std::map<std::string, std::size_t> shared;
            std::set<std::string> keys;
            for (const auto& form : entities_[e].forms()) keys.insert(name_key(form));
            for (const auto& key : keys)
                if (const auto found = old_by_form.find({kind_family(entities_[e].kind), key}); found != old_by_form.end())
                    for (const auto& old_id : found->second) ++shared[old_id];
            for (const auto& [old_id, count] : shared)
                claimants[old_id].emplace_back(old_id == entities_[e].natural_id, count, e);
        }
        for (auto& [old_id, contenders] : claimants) {
            const auto best = std::min_element(contenders.begin(), contenders.end(), [&](const auto& a, const auto& b) {
                const auto& [natural_a, shared_a, entity_a] = a;
                const auto& [natural_b, shared_b, entity_b] = b;
                if (natural_a != natural_b) return natural_a;
                if (shared_a != shared_b) return shared_a > shared_b;
                return entities_[entity_a].natural_id < entities_[entity_b].natural_id;
            });
            won[std::get<2>(*best)].insert(old_id);
        }
    }

    void add_nodes() {
        internal::StepTimes steps("nodes");  // the graph step "nodes", in parts
        std::vector<Node> nodes;
        // Episode nodes are made side by side: each copies its id and show.
        nodes.resize(episodes_.size());
        for_each_index_in_parallel(0, episodes_.size(), 1024, [&](std::size_t e) {
            const auto* episode = episodes_[e];
            auto& node = nodes[e];
            node.id = episode->id;
            node.label = NodeLabel::Episode;
            node.podcast = episode->podcast;
            node.duration_s = episode->duration_s;
            node.name = episode->title;
            node.published = episode->published;
            node.languages = episode->languages;
            node.summary = episode->summary;
            // Copied, then let go (read for the last time): moved, they would keep the
            // read stage's pages, where the episode's other texts were, in memory for the
            // life of the graph (some 600 MB at a million episodes).
            if (!releasable_.empty()) {
                auto& owned = *releasable_[e];
                std::string().swap(owned.title);
                std::string().swap(owned.published);
                std::vector<std::string>().swap(owned.languages);
                std::string().swap(owned.summary);
            }
        });
        steps.mark("episodes");
        // Spellings counted in a part of the episodes per core, then summed: a million
        // episodes' shows and tags, counted on one core, took a second and a half.
        const auto parts = std::max<std::size_t>(1, thread_count());
        std::vector<std::unordered_map<std::string_view, std::size_t>> podcast_part(parts);
        std::vector<std::unordered_map<std::string_view, std::size_t>> tag_part(parts);
        for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) {
            for (auto e = episodes_.size() * part / parts; e < episodes_.size() * (part + 1) / parts; ++e) {
                ++podcast_part[part][episodes_[e]->podcast];
                for (const auto& tag : episodes_[e]->tags) ++tag_part[part][tag];
            }
        });
        steps.mark("counting");
        // Each spelling is made an id once (a million episodes have a few thousand shows
        // and tens of thousands of tags), side by side; then spellings are grouped by id.
        struct Spelling {
            std::string id;  // empty: the spelling makes no id
            std::string_view text;
            std::size_t uses = 0;
        };
        const auto spellings_by_id = [&](std::vector<std::unordered_map<std::string_view, std::size_t>>& counted,
                                         std::optional<std::string> (*make_id)(std::string_view)) {
            auto& uses = counted.front();
            for (std::size_t part = 1; part < counted.size(); ++part)
                for (const auto& [text, count] : counted[part]) uses[text] += count;
            std::vector<Spelling> spellings;
            spellings.reserve(uses.size());
            for (const auto& [text, count] : uses) spellings.push_back({std::string(), text, count});
            std::vector<std::unordered_map<std::string_view, std::size_t>>().swap(counted);
            for_each_index_in_parallel(0, spellings.size(), 1024, [&](std::size_t i) {
                spellings[i].id = make_id(spellings[i].text).value_or(std::string());
            });
            std::erase_if(spellings, [](const Spelling& spelling) { return spelling.id.empty(); });
            std::sort(spellings.begin(), spellings.end(),
                      [](const Spelling& a, const Spelling& b) { return std::tie(a.id, a.text) < std::tie(b.id, b.text); });
            return spellings;
        };
        const auto podcast_spellings = spellings_by_id(podcast_part, podcast_id);
        const auto topic_spellings = spellings_by_id(tag_part, topic_id);
        // A show or tag written several ways is named by its most frequent spelling (the
        // first in byte order among the most frequent).
        const auto add_named = [&](const std::vector<Spelling>& spellings, NodeLabel label) {
            for (std::size_t begin = 0; begin < spellings.size();) {
                auto end = begin + 1;
                auto best = begin;
                for (; end < spellings.size() && spellings[end].id == spellings[begin].id; ++end)
                    if (spellings[end].uses > spellings[best].uses) best = end;
                Node node;
                node.id = spellings[begin].id;
                node.label = label;
                node.name = spellings[best].text;
                nodes.push_back(std::move(node));
                begin = end;
            }
        };
        add_named(podcast_spellings, NodeLabel::Podcast);
        const auto first_topic = nodes.size();
        add_named(topic_spellings, NodeLabel::Topic);
        const auto first_entity = nodes.size();
        steps.mark("shows and topics");
        // Entity nodes side by side too: each sorts its own sightings, and the list
        // items' positions it notes belong to it alone.
        nodes.resize(first_entity + entities_.size());
        for_each_index_in_parallel(0, entities_.size(), 256, [&](std::size_t e) {
            auto& entity = entities_[e];
            auto& node = nodes[first_entity + e];
            node.id = entity.id;
            node.label = label_of(entity.kind);
            node.name = entity.name;
            entity.aliases.erase(entity.name);
            node.aliases = sorted_vector(entity.aliases);
            node.source_types = sorted_vector(entity.source_types);
            node.sightings = sorted_sightings(entity);
        });
        steps.mark("entity nodes");
        // Positions are sorted, not the nodes, which are a few hundred bytes each. The
        // episodes, shows, topics and entities each mostly come in id order already:
        // each run is sorted if it is not, then the runs are merged.
        std::vector<std::uint32_t> by_id(nodes.size());
        std::iota(by_id.begin(), by_id.end(), std::uint32_t{0});
        const auto id_before = [&](std::uint32_t a, std::uint32_t b) { return nodes[a].id < nodes[b].id; };
        const std::array<std::size_t, 5> runs = {0, episodes_.size(), first_topic, first_entity, nodes.size()};
        for (std::size_t r = 0; r + 1 < runs.size(); ++r) {
            const auto begin = by_id.begin() + static_cast<std::ptrdiff_t>(runs[r]);
            const auto end = by_id.begin() + static_cast<std::ptrdiff_t>(runs[r + 1]);
            if (!std::is_sorted(begin, end, id_before)) std::sort(begin, end, id_before);
            if (r > 0) std::inplace_merge(by_id.begin(), begin, end, id_before);
        }
        steps.mark("order");
        const auto first_vertex = static_cast<Vertex>(graph_.node_count());
        graph_.add_nodes(nodes, by_id);
        std::vector<Vertex> vertex_at(nodes.size());  // by position in nodes
        for (std::size_t i = 0; i < by_id.size(); ++i) vertex_at[by_id[i]] = static_cast<Vertex>(first_vertex + i);
        steps.mark("add");
        std::vector<Node>().swap(nodes);
        steps.mark("free");
        entity_vertex_.assign(vertex_at.begin() + static_cast<std::ptrdiff_t>(first_entity),
                              vertex_at.begin() + static_cast<std::ptrdiff_t>(first_entity + entities_.size()));
        for (const auto& spelling : podcast_spellings) podcast_vertex_.emplace(spelling.text, *graph_.find(spelling.id));
        for (const auto& spelling : topic_spellings) topic_vertex_.emplace(spelling.text, *graph_.find(spelling.id));
        // Sightings' episodes, indexes in episodes_ so far, become vertices.
        episode_vertex_.assign(vertex_at.begin(), vertex_at.begin() + static_cast<std::ptrdiff_t>(episodes_.size()));
        for_each_index_in_parallel(0, entities_.size(), 1024, [&](std::size_t e) {
            for (auto& sighting : graph_.node(entity_vertex_[e]).sightings)
                sighting.episode = episode_vertex_[sighting.episode];
        });
        steps.mark("vertices");
        steps.log();
    }

    // An entity's sightings in (episode, source, item) order, each unique; where
    // each list item's sighting lands is noted, as its description is read there.
    std::vector<Sighting> sorted_sightings(EntityRecord& entity) {
        std::vector<std::uint32_t> order(entity.sightings.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& x = entity.sightings[a];
            const auto& y = entity.sightings[b];
            return std::tie(x.episode, x.source, x.item) < std::tie(y.episode, y.source, y.item);
        });
        std::vector<Sighting> sorted;
        sorted.reserve(order.size());
        for (const auto k : order) {
            if (k < entity.sighting_mentions.size())  // a list item's
                listed_position_[entity.sighting_mentions[k]] = static_cast<std::uint32_t>(sorted.size());
            sorted.push_back(std::move(entity.sightings[k]));
        }
        std::vector<Sighting>().swap(entity.sightings);
        std::vector<std::uint32_t>().swap(entity.sighting_mentions);
        return sorted;
    }

    static std::optional<std::string> podcast_id(std::string_view podcast) {
        const auto slug = slugify(podcast);
        if (slug.empty()) return std::nullopt;
        return "podcast:" + slug;
    }

    static std::optional<std::string> topic_id(std::string_view tag) {
        const auto slug = slugify(tag);
        if (slug.empty()) return std::nullopt;
        return "topic:" + slug;
    }

    void add_relationships() {
        // Relationships go into the graph type by type, each type in (source, target)
        // order, so insertion order never depends on the input's. A type's pending list
        // is freed as soon as it is in, so the graph never sits beside a copy of itself;
        // MENTIONS, the most, are made in that order and go in directly.
        constexpr auto kTypes = static_cast<std::size_t>(RelType::AssociatedWith) + 1;
        using PendingByType = std::array<std::vector<PendingRelationship>, kTypes>;
        PendingByType pending;
        const auto relate_in = [](PendingByType& lists, Vertex from, Vertex to, Relationship relationship) {
            lists.at(static_cast<std::size_t>(relationship.type)).push_back({from, to, std::move(relationship)});
        };
        const auto relate = [&](Vertex from, Vertex to, Relationship relationship) {
            relate_in(pending, from, to, std::move(relationship));
        };
        const auto add_pending = [&](RelType type) {
            auto& relationships = pending.at(static_cast<std::size_t>(type));
            graph_.prepare_relationships(relationships.size());
            // Sorting keys, not the relationships themselves, which are large to move.
            std::vector<std::tuple<Vertex, Vertex, std::size_t>> order;
            order.reserve(relationships.size());
            for (std::size_t i = 0; i < relationships.size(); ++i)
                order.emplace_back(relationships[i].from, relationships[i].to, i);
            std::sort(order.begin(), order.end());
            for (const auto& [from, to, index] : order)
                graph_.add_relationship(from, to, std::move(relationships[index].relationship));
            std::vector<PendingRelationship>().swap(relationships);
        };

        // Episodes, shows and people first: they are few, and come before MENTIONS.
        // Room for every relationship at once, so millions are never copied as they
        // grow. Co-appearances and associations are counted per episode, before pairs
        // seen in several episodes are merged: an upper bound, whose unused end is
        // never touched.
        internal::StepTimes tsteps("relationships");
        const auto topics = topics_by_episode();
        tsteps.mark("topics");
        // Episodes are counted, and their shows, guests and hosts related, a chunk of
        // episodes per task, each into its own lists; the lists are then taken in
        // episode order. (Each of these relationships ties a pair once.)
        struct Counted {
            std::size_t mentions = 0;
            std::size_t tags = 0;
            std::size_t co_appearance_bound = 0;
            std::size_t association_bound = 0;
            PendingByType related;
            std::vector<std::pair<std::pair<std::size_t, std::size_t>, Vertex>> affiliations;  // with their episode
        };
        constexpr std::size_t kEpisodesATask = 4096;
        std::vector<Counted> counted((episodes_.size() + kEpisodesATask - 1) / kEpisodesATask);
        for_each_index_in_parallel(0, counted.size(), 1, [&](std::size_t chunk) {
            auto& count = counted[chunk];
            for (auto e = chunk * kEpisodesATask; e < std::min(episodes_.size(), (chunk + 1) * kEpisodesATask); ++e) {
                const auto& facts = facts_[e];
                const auto episode_vertex = episode_vertex_[e];
                std::size_t featured = facts.guests.size() + facts.hosts.size();
                for (const auto& fact : facts.mentions) featured += fact.in_entity_list ? 1 : 0;
                featured = std::min(featured, options_.max_co_appearance_entities);
                count.mentions += facts.mentions.size();
                count.tags += topics.of(e).size();
                count.co_appearance_bound += featured < 2 ? 0 : featured * (featured - 1) / 2;
                count.association_bound += facts.mentions.size() * topics.of(e).size();

                if (const auto podcast = podcast_vertex_.find(episodes_[e]->podcast); podcast != podcast_vertex_.end())
                    relate_in(count.related, episode_vertex, podcast->second, Relationship(RelType::PartOf));
                for (const auto& [entity, evidence] : facts.guests)
                    relate_in(count.related, entity_vertex_[entity], episode_vertex, with_evidence(RelType::GuestOn, evidence));
                for (const auto& [entity, evidence] : facts.hosts)
                    relate_in(count.related, entity_vertex_[entity], episode_vertex, with_evidence(RelType::Hosted, evidence));
                for (const auto& affiliation : facts.affiliations) count.affiliations.emplace_back(affiliation, episode_vertex);
            }
        });
        std::size_t mentions = 0;
        std::size_t tags = 0;
        std::size_t co_appearance_bound = 0;
        std::size_t association_bound = 0;
        for (std::size_t type = 0; type < kTypes; ++type) {
            std::size_t total = pending[type].size();
            for (const auto& count : counted) total += count.related[type].size();
            pending[type].reserve(total);
        }
        std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> affiliation_episodes;
        for (auto& count : counted) {
            mentions += count.mentions;
            tags += count.tags;
            co_appearance_bound += count.co_appearance_bound;
            association_bound += count.association_bound;
            for (std::size_t type = 0; type < kTypes; ++type)
                std::move(count.related[type].begin(), count.related[type].end(), std::back_inserter(pending[type]));
            for (const auto& [affiliation, episode_vertex] : count.affiliations) {
                auto& episodes = affiliation_episodes[affiliation];
                if (episodes.empty() || episodes.back() != episode_vertex) episodes.push_back(episode_vertex);
            }
            count = Counted{};
        }
        std::vector<Counted>().swap(counted);
        for (auto& [pair, episodes] : affiliation_episodes) {
            auto affiliation = with_evidence(RelType::AffiliatedWith, {Evidence::Title});
            std::sort(episodes.begin(), episodes.end());
            episodes.erase(std::unique(episodes.begin(), episodes.end()), episodes.end());
            affiliation.set_episodes(std::move(episodes));
            relate(entity_vertex_[pair.first], entity_vertex_[pair.second], std::move(affiliation));
        }
        affiliation_episodes.clear();
        // The spellings they are found by view the episodes, let go from here on.
        std::unordered_map<std::string_view, Vertex>().swap(podcast_vertex_);
        std::unordered_map<std::string_view, Vertex>().swap(topic_vertex_);
        std::size_t bound = mentions + tags + co_appearance_bound + association_bound;
        for (const auto& relationships : pending) bound += relationships.size();
        graph_.reserve_relationships(bound);
        tsteps.mark("count");
        for (const auto type : {RelType::PartOf, RelType::GuestOn, RelType::Hosted, RelType::AffiliatedWith})
            add_pending(type);
        tsteps.mark("pending");

        std::vector<PairInEpisode> co_appearances;
        co_appearances.reserve(co_appearance_bound);
        TopicEntities topic_entities(graph_.node_count(), topics, facts_);
        // Episodes come in order, so "last episode counted" makes the count distinct.
        std::vector<std::uint32_t> entity_episode_count(entities_.size(), 0);
        std::vector<std::optional<Vertex>> entity_last_episode(entities_.size());
        const auto link_episode = [&](std::size_t entity, Vertex episode_vertex) {
            if (entity_last_episode[entity] == episode_vertex) return;
            entity_last_episode[entity] = episode_vertex;
            ++entity_episode_count[entity];
        };
        // MENTIONS's room (reserved above) is left to be touched as it fills: the
        // episodes let go in the same loop give their pages back meanwhile, where
        // touching it all at once (1.6 GB at a million episodes) raised the peak.
        // MENTIONS records are made a batch of episodes at a time (their texts and
        // timestamp lists are copied, tens of millions at a million episodes), then go
        // into the graph in episode order. While this thread adds one batch, a helper
        // thread starts making the next, and this one joins it when done: adding
        // alone, one core would wait; making on both cores only between batches, one
        // core did.
        // A batch's episodes and facts, read here for the last time, are let go while
        // the batch after the next is made: freed one by one in this loop (an episode
        // holds some fifty strings), they took about a sixth of its time.
        constexpr std::size_t kBatch = 1024;  // a few megabytes of records in flight
        constexpr std::size_t kChunk = 64;    // episodes taken at a time by either thread
        std::array<std::vector<std::vector<Relationship>>, 2> made{std::vector<std::vector<Relationship>>(kBatch),
                                                                    std::vector<std::vector<Relationship>>(kBatch)};
        const auto release = [&](std::size_t e) {
            facts_[e] = EpisodeFacts{};
            if (!releasable_.empty()) *releasable_[e] = Episode{};
        };
        // Makes the records of the batch from `first` on, a chunk at a time from
        // `cursor`, until none is left to take.
        std::atomic<std::size_t> cursor{kBatch};
        const auto make_batch = [&](std::size_t first) {
            const auto end = std::min(episodes_.size(), first + kBatch);
            auto& records = made[first / kBatch % 2];
            for (auto begin = cursor.fetch_add(kChunk); begin < end; begin = cursor.fetch_add(kChunk)) {
                for (auto b = begin; b < std::min(end, begin + kChunk); ++b) {
                    if (b >= 2 * kBatch) release(b - 2 * kBatch);
                    records[b - first] = make_mentions(facts_[b]);
                }
            }
        };
        // The first batch on every core, as nothing else runs yet.
        for_each_index_in_parallel(0, std::min(episodes_.size(), kBatch), 128,
                                   [&](std::size_t b) { made[0][b] = make_mentions(facts_[b]); });
        // The helper is renewed every 64 batches. One kept for the whole loop raised
        // the peak by some 200 MB at a million episodes (a thread's heap gives back
        // what was freed when the thread ends); one started for each batch cost about
        // a millisecond a batch, and the loop took 7 s where it takes 4.
        constexpr std::size_t kBatchesAHelper = 64;
        std::optional<internal::HelperThread> helper;  // after what it uses: joined first
        if (thread_count() > 1) helper.emplace();
        for (std::size_t e = 0; e < episodes_.size(); ++e) {
            if (e % kBatch == 0) {
                if (e > 0) {
                    make_batch(e);  // what the helper has not taken yet
                    if (helper) helper->wait();
                    if (helper && e / kBatch % kBatchesAHelper == 0) {
                        helper.reset();
                        helper.emplace();
                    }
                }
                if (e + kBatch < episodes_.size()) {
                    cursor = e + kBatch;
                    if (helper) helper->run([&make_batch, first = e + kBatch] { make_batch(first); });
                }
            }
            const auto& episode = *episodes_[e];
            const auto& facts = facts_[e];
            auto& mention_records = made[e / kBatch % 2][e % kBatch];
            const auto episode_vertex = episode_vertex_[e];
            for (const auto& [entity, evidence] : facts.guests) link_episode(entity, episode_vertex);
            for (const auto& [entity, evidence] : facts.hosts) link_episode(entity, episode_vertex);

            const auto episode_topics = topics.of(e);
            for (const auto topic : episode_topics) relate(episode_vertex, topic, Relationship(RelType::Tagged));

            // Co-appearance is among the entities the episode features (its entity list,
            // guests and hosts), not every name its text happens to say: that keeps it a
            // guest network, and its size grows with the list, not with the transcript.
            std::vector<Vertex> featured;
            for (const auto& [entity, evidence] : facts.guests) featured.push_back(entity_vertex_[entity]);
            for (const auto& [entity, evidence] : facts.hosts) featured.push_back(entity_vertex_[entity]);
            // make_mentions put them in target order; episodes being in source order,
            // MENTIONS go in sorted.
            for (std::size_t i = 0; i < facts.mentions.size(); ++i) {
                const auto& fact = facts.mentions[i];
                const std::size_t entity = fact.entity;
                const auto entity_vertex = entity_vertex_[entity];
                graph_.add_relationship(episode_vertex, entity_vertex, std::move(mention_records[i]));
                link_episode(entity, episode_vertex);
                if (fact.in_entity_list) featured.push_back(entity_vertex);
                // In target order: an entity twice in a row would count the episode twice.
                if (i == 0 || entity_vertex_[facts.mentions[i - 1].entity] != entity_vertex)
                    for (const auto topic : episode_topics) topic_entities.add(topic, entity_vertex);
            }
            // Vertices are in id order, so (smaller, larger) is the stored direction.
            std::sort(featured.begin(), featured.end());
            featured.erase(std::unique(featured.begin(), featured.end()), featured.end());
            if (featured.size() > options_.max_co_appearance_entities) {
                result_.report.co_appearance_skipped.emplace_back(episode.id, featured.size());
            } else {
                for (std::size_t a = 0; a < featured.size(); ++a)
                    for (std::size_t b = a + 1; b < featured.size(); ++b)
                        co_appearances.push_back({featured[a], featured[b], episode_vertex});
            }
        }
        tsteps.mark("main loop");
        std::vector<EpisodeFacts>().swap(facts_);
        if (!releasable_.empty()) {
            std::vector<const Episode*>().swap(episodes_);
            std::vector<Episode*>().swap(releasable_);
            std::vector<Episode>().swap(owned_);
        }
        if (resolution_owned_) owned_resolution_ = ResolutionResult{};  // read for the last time above
        for (std::size_t e = 0; e < entities_.size(); ++e)
            graph_.node(entity_vertex_[e]).episode_count = entity_episode_count[e];

        tsteps.mark("release");
        sort_pairs(co_appearances);
        tsteps.mark("sort pairs");
        // The topics' ties sorted meanwhile, while co-appearances go in on this thread.
        auto topics_sorted = std::async(thread_count() > 1 ? std::launch::async : std::launch::deferred,
                                        [&] { topic_entities.sort(); });
        // Grouped pairs come sorted by (source, target) already: they go in directly.
        std::vector<std::uint32_t> episodes;
        const auto add_co_appearance = [&](PairRun run) {
            episodes.clear();
            for (auto i = run.begin; i < run.end; ++i) episodes.push_back(co_appearances[i].episode);
            Relationship co_appearance(RelType::CoAppearsWith);
            co_appearance.set_weight(static_cast<std::uint32_t>(run.weight()));
            co_appearance.set_episodes(episodes);
            const auto& pair = co_appearances[run.begin];
            graph_.add_relationship(pair.from, pair.to, std::move(co_appearance));
        };
        // Only pruning needs the runs as a list (tens of millions at a million episodes,
        // taking room beside the relationships they become); else they are walked.
        if (options_.co_appearance_min_weight > 1 || options_.co_appearance_top_k > 0) {
            auto co_appearing = group_pairs(co_appearances);
            prune_co_appearances(co_appearances, co_appearing);
            graph_.prepare_relationships(co_appearing.size());
            for (const auto& run : co_appearing) add_co_appearance(run);
        } else {
            graph_.prepare_relationships(count_pair_runs(co_appearances));
            for_each_pair_run(co_appearances, add_co_appearance);
        }
        std::vector<PairInEpisode>().swap(co_appearances);
        tsteps.mark("co-appear");
        add_pending(RelType::Tagged);
        tsteps.mark("tagged");
        topics_sorted.get();
        tsteps.mark("topic ties sorted");
        topic_entities.add_to(graph_);
        tsteps.mark("associated");
        tsteps.log();
    }

    // Every episode's topics, looked up on every core, a chunk of episodes at a time
    // into its own list; then the lists are laid end to end. (Looked up twice, once to
    // count and once to write in place, they took 1.3 s at a million episodes.)
    EpisodeTopics topics_by_episode() const {
        EpisodeTopics topics;
        topics.begin.assign(episodes_.size() + 1, 0);
        constexpr std::size_t kChunk = 1024;
        std::vector<std::vector<std::uint32_t>> found((episodes_.size() + kChunk - 1) / kChunk);
        for_each_index_in_parallel(0, found.size(), 1, [&](std::size_t chunk) {
            for (auto e = chunk * kChunk; e < std::min(episodes_.size(), (chunk + 1) * kChunk); ++e) {
                const auto of = topics_of(*episodes_[e]);
                topics.begin[e + 1] = static_cast<std::uint32_t>(std::min<std::size_t>(of.size(), MentionFact::kNone));
                found[chunk].insert(found[chunk].end(), of.begin(), of.end());
            }
        });
        std::size_t total = 0;
        for (auto& begin : topics.begin) {
            total += begin;
            if (total >= MentionFact::kNone) throw Error(ErrorCategory::internal, "graph: 2^32 episode tags or more");
            begin = static_cast<std::uint32_t>(total);
        }
        topics.vertices.resize(total);
        for_each_index_in_parallel(0, found.size(), 1, [&](std::size_t chunk) {
            std::copy(found[chunk].begin(), found[chunk].end(), topics.vertices.begin() + topics.begin[chunk * kChunk]);
            std::vector<std::uint32_t>().swap(found[chunk]);
        });
        return topics;
    }

    // An episode's Topic vertices, sorted and distinct: vertices are in id order, as
    // the ids would sort. Reads only the topic index, so episodes are looked up side by side.
    std::vector<Vertex> topics_of(const Episode& episode) const {
        std::vector<Vertex> topics;
        for (const auto& tag : episode.tags)
            if (const auto topic = topic_vertex_.find(tag); topic != topic_vertex_.end())
                topics.push_back(topic->second);
        std::sort(topics.begin(), topics.end());
        topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
        return topics;
    }

    // An episode's MENTIONS records, with its facts put in their order: by target
    // vertex. Reads only the graph's nodes, so episodes are made side by side.
    std::vector<Relationship> make_mentions(EpisodeFacts& facts) const {
        std::sort(facts.mentions.begin(), facts.mentions.end(), [&](const MentionFact& a, const MentionFact& b) {
            return entity_vertex_[a.entity] < entity_vertex_[b.entity];
        });
        // A described mention's node, sighting and shared description block (whose count
        // of owners its copy raises) lie far apart: asked for a pass each, not one after
        // another.
        const auto sighting_of = [&](const MentionFact& fact) -> const Sighting& {
            return graph_.node(entity_vertex_[fact.entity]).sightings[listed_position_[fact.description_of]];
        };
        for (const auto& fact : facts.mentions)
            if (fact.description_of != MentionFact::kNone)
                __builtin_prefetch(&graph_.node(entity_vertex_[fact.entity]).sightings);
        for (const auto& fact : facts.mentions)
            if (fact.description_of != MentionFact::kNone) __builtin_prefetch(&sighting_of(fact));
        for (const auto& fact : facts.mentions)
            if (fact.description_of != MentionFact::kNone)
                if (const auto* text = sighting_of(fact).description.data(); text != nullptr)
                    __builtin_prefetch(text, 1);
        std::vector<Relationship> records;
        records.reserve(facts.mentions.size());
        for (const auto& fact : facts.mentions) {
            auto& mention = records.emplace_back(RelType::Mentions);
            mention.in_entity_list = fact.in_entity_list;
            if (fact.description_of != MentionFact::kNone) mention.description = sighting_of(fact).description;
            mention.set_timestamps_s(PackedNumbers(std::span(facts.timestamps)
                                                       .subspan(fact.timestamps_begin,
                                                                fact.timestamps_end - fact.timestamps_begin)));
            mention.evidence = fact.evidence;
            mention.set_count(fact.count);
        }
        return records;
    }

    // Everything but the graph and the report, let go before the graph is laid out.
    void release_build_state() {
        std::vector<Episode>().swap(owned_);
        std::vector<const Episode*>().swap(episodes_);
        std::vector<Episode*>().swap(releasable_);
        std::vector<Vertex>().swap(episode_vertex_);
        std::unordered_map<std::string_view, Vertex>().swap(podcast_vertex_);
        std::unordered_map<std::string_view, Vertex>().swap(topic_vertex_);
        std::vector<EntityRecord>().swap(entities_);
        std::vector<Vertex>().swap(entity_vertex_);
        std::vector<std::uint32_t>().swap(listed_position_);
        by_form_.clear();
    }

    void prune_co_appearances(const std::vector<PairInEpisode>& seen, std::vector<PairRun>& pairs) {
        const auto before = pairs.size();
        if (options_.co_appearance_min_weight > 1)
            std::erase_if(pairs,
                          [&](const PairRun& pair) { return pair.weight() < options_.co_appearance_min_weight; });
        if (options_.co_appearance_top_k > 0) {
            // Each entity's pairs by weight (then the other's id, which vertex order follows).
            struct Ranked {
                std::size_t weight;
                Vertex other;
                std::size_t pair;
            };
            std::vector<std::vector<Ranked>> ranked(graph_.node_count());
            for (std::size_t i = 0; i < pairs.size(); ++i) {
                const auto& first = seen[pairs[i].begin];
                ranked[first.from].push_back({pairs[i].weight(), first.to, i});
                ranked[first.to].push_back({pairs[i].weight(), first.from, i});
            }
            std::vector<bool> kept(pairs.size(), false);
            for (auto& others : ranked) {
                const auto k = std::min(others.size(), options_.co_appearance_top_k);
                std::partial_sort(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(k), others.end(),
                                  [](const Ranked& a, const Ranked& b) {
                                      return a.weight != b.weight ? a.weight > b.weight : a.other < b.other;
                                  });
                for (std::size_t i = 0; i < k; ++i) kept[others[i].pair] = true;
            }
            std::size_t next = 0;
            for (std::size_t i = 0; i < pairs.size(); ++i)
                if (kept[i]) pairs[next++] = pairs[i];
            pairs.resize(next);
        }
        result_.report.co_appearance_pruned = before - pairs.size();
    }

    void finish_report() {
        auto& report = result_.report;
        std::sort(report.merged_ids.begin(), report.merged_ids.end(),
                  [](const IdChange& a, const IdChange& b) { return a.old_id < b.old_id; });
        // Earlier merges carry forward, following the kept id through this build's merges.
        std::map<std::string, std::string> changes;
        if (options_.previous != nullptr)
            for (const auto& change : options_.previous->id_changes) changes[change.old_id] = change.new_id;
        for (const auto& change : report.merged_ids) changes[change.old_id] = change.new_id;
        for (auto& [old_id, new_id] : changes) {
            for (int hops = 0; hops < 64; ++hops) {
                const auto next = changes.find(new_id);
                if (next == changes.end() || next->second == new_id) break;
                new_id = next->second;
            }
            graph_.id_changes.push_back({old_id, new_id});
        }
        graph_.freeze();
        result_.graph = std::move(graph_);
    }

    ResolutionResult owned_resolution_;  // when handed over
    const ResolutionResult& resolution_;
    bool resolution_owned_ = false;
    const BuildOptions& options_;
    std::vector<Episode> owned_;            // when built from episodes handed over
    std::vector<const Episode*> episodes_;  // sorted by id
    std::vector<Episode*> releasable_;      // the same, when owned; else empty
    std::vector<EpisodeFacts> facts_;  // parallel to episodes_
    std::vector<Vertex> episode_vertex_;  // parallel to episodes_, from add_nodes on
    // Podcast and Topic vertices by the spellings episodes use (a spelling with no id has none).
    std::unordered_map<std::string_view, Vertex> podcast_vertex_;
    std::unordered_map<std::string_view, Vertex> topic_vertex_;
    std::vector<EntityRecord> entities_;  // resolution's entities first, same indexes
    // Each entity's vertex, from add_nodes on: apart from the records (hundreds of bytes
    // each), so tens of millions of look-ups by mention stay in the caches.
    std::vector<Vertex> entity_vertex_;
    // By mention: where its sighting is in its entity's sightings (the node's, once
    // add_nodes has sorted them), which hold its description.
    std::vector<std::uint32_t> listed_position_;
    // (kind family, name key) -> entities. Hashed: a million episodes look up their
    // guests' and affiliations' names here one by one.
    struct FormHash {
        std::size_t operator()(const std::pair<int, std::string>& form) const noexcept {
            return std::hash<std::string>{}(form.second) * 31 + static_cast<std::size_t>(form.first);
        }
    };
    std::unordered_map<std::pair<int, std::string>, std::set<std::size_t>, FormHash> by_form_;
    PropertyGraph graph_;
    BuildResult result_;
};

}  // namespace

bool describes_host(std::string_view description, std::string_view podcast) {
    // Most descriptions name no host at all: the keyword's automaton alone says so, for
    // the whole text at once (a keyword never spans a clause's end, so the clauses below
    // find one only if the whole text has one).
    if (!RE2::PartialMatch(re2::StringPiece(description.data(), description.size()), host_keyword())) return false;
    const auto podcast_key = normalize_text(podcast);
    // Each clause (between ';' or '.') is judged on its own.
    std::size_t clause_begin = 0;
    while (clause_begin < description.size()) {
        auto clause_end = description.find_first_of(";.", clause_begin);
        if (clause_end == std::string_view::npos) clause_end = description.size();
        const auto clause = description.substr(clause_begin, clause_end - clause_begin);
        clause_begin = clause_end + 1;

        const re2::StringPiece text(clause.data(), clause.size());
        re2::StringPiece keyword;
        if (!host_keyword().Match(text, 0, text.size(), RE2::UNANCHORED, &keyword, 1)) continue;
        if (!podcast_key.empty() && normalize_text(clause).find(podcast_key) != std::string::npos) return true;
        // Host of something else, named after the keyword: not this show.
        const auto keyword_end = static_cast<std::size_t>(keyword.data() + keyword.size() - clause.data());
        if (RE2::PartialMatch(clause.substr(keyword_end), names_other_show())) continue;
        return true;
    }
    return false;
}

BuildResult build_graph(const std::vector<Episode>& episodes, const ResolutionResult& resolution,
                        const BuildOptions& options) {
    return GraphBuilder(episodes, resolution, options).run();
}

BuildResult build_graph(std::vector<Episode>&& episodes, ResolutionResult&& resolution, const BuildOptions& options) {
    return GraphBuilder(std::move(episodes), std::move(resolution), options).run();
}

void rename_resolution_ids(ResolutionResult& resolution, const std::map<std::string, std::string>& renamed_ids) {
    if (renamed_ids.empty()) return;
    const auto rename = [&](std::string& id) {
        if (const auto found = renamed_ids.find(id); found != renamed_ids.end()) id = found->second;
    };
    for (auto& entity : resolution.entities) rename(entity.id);
    for (auto& merge : resolution.merges) rename(merge.entity);
    for (auto& refusal : resolution.refusals) {
        for (auto& id : refusal.entities) rename(id);
        std::sort(refusal.entities.begin(), refusal.entities.end());
    }
}

}  // namespace castgraph
