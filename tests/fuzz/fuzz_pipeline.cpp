// libFuzzer target: the whole pipeline on a listing page (inputs capped at 64 KB):
// parse_listing -> deduplicate_episodes -> resolve_entities (default options) ->
// build_graph -> write_graph -> read_graph -> write_graph.
//
// Checks: only the parse may throw (InputError); deduplicated episodes have
// unique ids; resolved entity ids are unique; every mention has an entity;
// build_graph accepts the resolution; the graph read back has as many nodes and
// relationships and writes the same bytes.
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "castgraph/error.hpp"
#include "castgraph/graph_builder.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/ingest.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/resolve.hpp"
#include "fuzz_support.hpp"

using namespace castgraph;

namespace {
constexpr std::size_t kMaxInput = 64 * 1024;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::silence_logger();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    ProblemLog problems;
    std::vector<Episode> episodes;
    try {
        episodes = deduplicate_episodes(parse_listing(text, "fuzz.txt", problems), problems);
    } catch (const InputError&) {
        return 0;  // expected outcome for bad input
    }
    std::set<std::string> episode_ids;
    for (const auto& episode : episodes)
        CASTGRAPH_FUZZ_CHECK(episode_ids.insert(episode.id).second, "duplicate episode id after deduplication");

    std::string first;
    try {
        const ResolveOptions options;
        const auto resolution = resolve_entities(episodes, options);
        CASTGRAPH_FUZZ_CHECK(resolution.entity_of_mention.size() == resolution.mentions.size(),
                             "entity_of_mention has " + std::to_string(resolution.entity_of_mention.size()) +
                                 " entries for " + std::to_string(resolution.mentions.size()) + " mentions");
        for (const auto e : resolution.entity_of_mention)
            CASTGRAPH_FUZZ_CHECK(e < resolution.entities.size(), "mention points past the entities");
        std::set<std::string> entity_ids;
        for (const auto& entity : resolution.entities) {
            // Known bug: a collision suffix ("c" -> "c-2") can equal another entity's
            // slug ("C 2" -> "c-2"), giving two entities one id.
            CASTGRAPH_FUZZ_CHECK(entity_ids.insert(entity.id).second || fuzz::tolerate_known_bugs(),
                                 "two resolved entities share the id " + fuzz::printable(entity.id));
            fuzz::check_utf8(entity.id, "entity id");
            fuzz::check_utf8(entity.name, "entity name");
        }

        const auto built = build_graph(episodes, resolution);
        std::ostringstream out;
        write_graph(built.graph, out);
        first = out.str();
        const auto reread = read_graph(first, "first.graph.json");
        CASTGRAPH_FUZZ_CHECK(reread.node_count() == built.graph.node_count() &&
                                 reread.relationship_count() == built.graph.relationship_count(),
                             "graph read back has other counts");
        std::ostringstream again;
        write_graph(reread, again);
        CASTGRAPH_FUZZ_CHECK(again.str() == first, "graph differs after write_graph -> read_graph -> write_graph:\n" +
                                                       first + "\n---- second write:\n" + again.str());
    } catch (const Error& error) {
        fuzz::fail(__FILE__, __LINE__,
                   std::string("castgraph error after a successful parse (resolve/build/graph round trip): ") +
                       error.what());
    }
    return 0;
}
