// Entity resolution: the entity-list items of all episodes resolved into one
// entity per real thing, every merge and every refused merge explained.
//
// Rules, applied in this order on a snapshot each round, so the outcome does not
// depend on the order of episodes or input files:
//  exact       same kind family, same normalized name
//  curated     names declared together in the alias file
//  alias       "A / B" forms, aliases stated in descriptions ("formerly X")
//  acronym     "Name (ACR)" forms
//  org-suffix  Organization names differing by a generic or legal suffix ("Modular AI" / "Modular")
//  parent-qualified  "Google DeepMind" / "DeepMind" when both are seen (never "Meta FAIR" into "Meta")
//  fuzzy       typos of long name words ("Lex Friedman" / "Lex Fridman"), never numbers or
//              versions, prefixes, containment, or people sharing only one name part
// Refused: an alias or acronym that points to two entities (merges neither), a
// curated distinct pair, a kind conflict (same name, different kind family).
//
// Thread-safe: pure function of its inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/aliases.hpp"
#include "castgraph/episode.hpp"
#include "castgraph/type_map.hpp"

namespace castgraph {

// One entity-list item as seen by resolution: views of its episode's texts, which
// the result does not copy (ten million items hold gigabytes of them). The episodes
// resolved must outlive the result, in place: moving their vector keeps them so.
struct Mention {
    std::string_view episode_id;
    std::string_view raw_name;
    std::string_view raw_type;
    std::string_view description;
    std::uint32_t item_index = 0;  // index in the episode's entity list (a list has fewer than 2^32 items)
    EntityKind kind = EntityKind::Other;
};

struct ResolvedEntity {
    std::string id;  // "person:kyle-daigle"
    std::string name;  // canonical name
    EntityKind kind = EntityKind::Other;
    std::vector<std::string> aliases;  // every other surface form, sorted
    std::vector<std::string> source_types;  // raw types, sorted, unique
    std::vector<std::size_t> mentions;  // indexes into ResolutionResult::mentions, in their order
};

struct MergeRecord {
    std::string rule;  // exact, curated, alias, acronym, description-alias, org-suffix, parent-qualified, fuzzy
    std::string form_a;  // the two surface forms that matched
    std::string form_b;
    std::optional<double> score;  // fuzzy similarity
    std::string entity;  // resulting entity id
};

struct RefusalRecord {
    std::string reason;  // ambiguous-alias, ambiguous-acronym, distinct-pair, kind-conflict
    std::string form;
    std::vector<std::string> entities;  // entity ids involved, sorted
    std::string detail;
};

struct ResolutionResult {
    std::vector<Mention> mentions;  // sorted by (episode id, item index)
    std::vector<std::size_t> entity_of_mention;  // index into entities
    std::vector<ResolvedEntity> entities;  // sorted by id
    std::vector<MergeRecord> merges;  // sorted; empty unless ResolveOptions::keep_merges
    std::vector<RefusalRecord> refusals;  // sorted
    std::size_t distinct_names_before = 0;  // distinct (normalized name, kind) pairs before merging
};

// The ids of the episodes whose lists name an entity, sorted, unique (views into result's mentions).
std::vector<std::string_view> episodes_of(const ResolutionResult& result, const ResolvedEntity& entity);

struct ResolveOptions {
    TypeMap type_map = TypeMap::builtin();
    CuratedAliases aliases;
    // Merge records are for the resolution report: a build that writes none skips a
    // record per merged item (a million at 100,000 episodes). Entities are the same.
    bool keep_merges = true;
};

// Surface forms of a raw name: "A / B" -> names A and B; "Name (ACR)" -> name and
// acronym; trailing punctuation trimmed.
void split_surface_forms(const std::string& raw_name, std::vector<std::string>& names,
                         std::vector<std::string>& acronyms);
// The same forms as views of raw_name, each a part of it.
void split_surface_forms(std::string_view raw_name, std::vector<std::string_view>& names,
                         std::vector<std::string_view>& acronyms);

// Former names stated in a description: "formerly X", "previously called X",
// "anciennement X". For people only explicit renames ("formerly known as X").
std::vector<std::string> description_aliases(std::string_view description, EntityKind kind);

// The key two names are compared by: normalize_text without punctuation.
std::string name_key(std::string_view name);

// The result's mentions view the episodes' texts (see Mention): episodes about to be
// destroyed cannot be resolved, which the deleted overload says at compile time.
ResolutionResult resolve_entities(const std::vector<Episode>& episodes, const ResolveOptions& options);
ResolutionResult resolve_entities(std::vector<Episode>&& episodes, const ResolveOptions& options) = delete;

}  // namespace castgraph
