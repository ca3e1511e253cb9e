// Builds the property graph from episodes and their resolved entities.
//
//  PART_OF          each episode to its podcast
//  GUEST_ON         title guests, matched to the episode's Person entities by name
//                   (any surface form), else to the one Person of that name, else a
//                   new Person seen only in titles (source type "title")
//  HOSTED           entity-list descriptions naming the person a host of this
//                   show or episode ("Host of Latent Space", "co-host", "Co-animateur",
//                   "Animateur"); "animateur du podcast X" for another show X is not.
//                   A host is never a guest of the same episode: the title's
//                   naming becomes "title" evidence on HOSTED.
//  AFFILIATED_WITH  "Guest, Org" titles; the organization matched like guests
//  MENTIONS         entity-list items, and every known name and alias found in the
//                   title, summary, chapter titles and text, quotes and entity
//                   descriptions (MentionScanner: exact case, word boundaries),
//                   with the start of the chapter that holds each text match
//  CO_APPEARS_WITH  entities featured by the same episode: its entity-list items,
//                   guests and hosts (a name only said in text is a MENTIONS only)
//  TAGGED           episode tags; ASSOCIATED_WITH entity to the tags of the
//                   episodes that mention it, with their number only
//
// A surface form shared by entities of different ids is not matched in text
// (it cannot say which one is meant); such forms are counted in the report.
//
// Ids: resolution's ids, unless a previous graph is given; then each entity that
// shares a surface form (same kind family) with an entity of the previous graph
// keeps that entity's id, and known entities merged by new evidence are reported
// as IdChange records (old id -> kept id), carried forward in the graph.
//
// Thread-safe: a pure function of its inputs.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/episode.hpp"
#include "castgraph/graph.hpp"
#include "castgraph/resolve.hpp"

namespace castgraph {

struct BuildOptions {
    const PropertyGraph* previous = nullptr;  // the earlier build whose ids to keep
    // CO_APPEARS_WITH grows with the square of an episode's entities: an episode that
    // features more than this many contributes no co-appearance pairs (reported), so a
    // page with 100,000 list items cannot ask for 5 billion relationships.
    std::size_t max_co_appearance_entities = 1000;
    // Pruning for users who want the strong ties only (defaults keep everything): drop
    // CO_APPEARS_WITH below this weight, and keep only pairs among the k strongest of at
    // least one of their two entities (0: no limit; ties by the other's id).
    std::uint32_t co_appearance_min_weight = 1;
    std::size_t co_appearance_top_k = 0;
};

struct BuildReport {
    std::size_t title_only_people = 0;         // guests found in no entity list
    std::size_t title_only_organizations = 0;  // affiliations found in no entity list
    std::size_t text_mentions = 0;             // name occurrences found in text
    std::vector<std::string> ambiguous_forms;  // surface forms not matched in text, sorted
    std::size_t kept_ids = 0;                  // entities whose id came from the previous graph
    std::vector<IdChange> merged_ids;          // known entities merged in this build
    std::map<std::string, std::string> renamed_ids;  // resolution id -> graph id, where they differ
    // Episodes over max_co_appearance_entities: (episode id, entities mentioned).
    std::vector<std::pair<std::string, std::size_t>> co_appearance_skipped;
    std::size_t co_appearance_pruned = 0;  // pairs dropped by min weight or top k
};

struct BuildResult {
    PropertyGraph graph;
    BuildReport report;
};

// Episodes must have unique ids (see deduplicate_episodes); resolution must come
// from the same episodes. Throws InputError on a repeated episode id.
BuildResult build_graph(const std::vector<Episode>& episodes, const ResolutionResult& resolution,
                        const BuildOptions& options = {});
// The same graph from episodes and their resolution handed over: each episode's
// chapters, quotes and entity list are let go as soon as they are scanned, titles
// and summaries move into the nodes, and the resolution's records go once the list
// items' texts are copied into their sightings, so a large build never holds its
// input twice.
BuildResult build_graph(std::vector<Episode>&& episodes, ResolutionResult&& resolution,
                        const BuildOptions& options = {});
// Episodes handed over without their resolution would leave its mentions viewing
// texts let go (see Mention): hand over both, or neither.
BuildResult build_graph(std::vector<Episode>&& episodes, const ResolutionResult& resolution,
                        const BuildOptions& options = {}) = delete;

// True when an entity-list description makes the person a host of this episode
// of the named podcast (see HOSTED above).
bool describes_host(std::string_view description, std::string_view podcast);

// Rewrites resolution ids to graph ids (BuildReport::renamed_ids), so a
// resolution report written next to a graph speaks of the same ids.
void rename_resolution_ids(ResolutionResult& resolution, const std::map<std::string, std::string>& renamed_ids);

}  // namespace castgraph
