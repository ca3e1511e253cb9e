// libFuzzer target: parse_aliases on arbitrary bytes, then resolution and graph
// building of a small fixed page with the aliases parsed.
//
// Checks: parse_aliases either throws InputError (expected for bad input) or
// returns names that are valid UTF-8 and not blank; the result re-serialized as
// an alias file parses to the same aliases; resolve_entities + build_graph with
// these curated aliases neither crash nor throw, give unique entity ids, and the
// graph survives write_graph -> read_graph -> write_graph byte for byte.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "castgraph/aliases.hpp"
#include "castgraph/error.hpp"
#include "castgraph/graph_builder.hpp"
#include "castgraph/graph_json.hpp"
#include "castgraph/ingest.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/resolve.hpp"
#include "fuzz_support.hpp"

using namespace castgraph;

namespace {

// Entity lists naming the forms of examples/aliases.json, so curated merges and
// distinct pairs have something to act on.
constexpr std::string_view kPage = R"(OpenClaw Turns One — Shawn Wang
1:00:00
EN
Watch with Captions
Latent Spaceil y a 1 jour

OpenClaw Turns One — Shawn Wang

Shawn Wang on Clawdbot and Moltbot, now OpenClaw, versus Claude Code and GitHub Copilot. ## [00:00] Intro Shawn opens with Clawd history. ## [01:30] Agents GitHub Actions runs GDM models. ## Entities - **Shawn Wang / swyx** (Person): Host of Latent Space. - **OpenClaw** (Software): Agent harness (formerly Clawdbot). - **Clawdbot** (Logiciel): Earlier name. - **Claude Code** (Software): Coding agent by Anthropic. - **Claude** (Product): Model. - **GitHub** (Organization): Code host. - **GitHub Copilot** (Software): Assistant. - **GitHub Actions** (Software): CI. - **Google DeepMind (GDM)** (Organization): Lab. - **DeepMind** (Organisation): Lab.

#agents#openclaw
Gemini at Scale — Omar Sanseviero, Google DeepMind
29:58
EN/FR
Watch with Captions
Latent Spaceil y a 11 jours

Gemini at Scale — Omar Sanseviero, Google DeepMind

Omar and swyx on Gemma. ## [00:00] Open models Omar explains why open weights matter. ## Entités - **Omar Sanseviero** (Personne): Chercheur chez Google DeepMind. - **Google DeepMind** (Organisation): Laboratoire. - **Moltbot** (Logiciel): Ancien nom d'OpenClaw. - **swyx** (Personne): Co-animateur de Latent Space.

#gemma#open-models
)";

const std::vector<Episode>& page_episodes() {
    static const std::vector<Episode> episodes = [] {
        ProblemLog problems;
        return deduplicate_episodes(parse_listing(kPage, "aliases-page.txt", problems), problems);
    }();
    return episodes;
}

nlohmann::json to_alias_file(const CuratedAliases& aliases) {
    nlohmann::json out = {{"format", "castgraph-aliases"}, {"version", 1}};
    out["entities"] = nlohmann::json::array();
    for (const auto& entity : aliases.entities)
        out["entities"].push_back(
            {{"canonical", entity.canonical}, {"kind", std::string(kind_name(entity.kind))}, {"aliases", entity.aliases}});
    out["distinct"] = nlohmann::json::array();
    for (const auto& [a, b] : aliases.distinct) out["distinct"].push_back({a, b});
    return out;
}

bool same(const CuratedAliases& a, const CuratedAliases& b) {
    if (a.distinct != b.distinct || a.entities.size() != b.entities.size()) return false;
    for (std::size_t i = 0; i < a.entities.size(); ++i)
        if (a.entities[i].canonical != b.entities[i].canonical || a.entities[i].kind != b.entities[i].kind ||
            a.entities[i].aliases != b.entities[i].aliases)
            return false;
    return true;
}

void check_name(const std::string& name, const char* what) {
    fuzz::check_utf8(name, what);
    CASTGRAPH_FUZZ_CHECK(!trim(name).empty(), std::string("blank ") + what + " accepted");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::silence_logger();
    (void)page_episodes();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    CuratedAliases aliases;
    try {
        auto parsed = fuzz::read_tolerating_number_overflow([&] { return parse_aliases(text, "fuzz-aliases.json"); });
        if (!parsed) return 0;  // known bug, tolerated (see fuzz_support.hpp)
        aliases = std::move(*parsed);
    } catch (const InputError&) {
        return 0;  // expected outcome for bad input
    }

    for (const auto& entity : aliases.entities) {
        check_name(entity.canonical, "canonical name");
        for (const auto& alias : entity.aliases) check_name(alias, "alias");
    }
    for (const auto& [a, b] : aliases.distinct) {
        check_name(a, "distinct name");
        check_name(b, "distinct name");
    }

    // Re-serialized, the aliases parse to the same thing.
    const auto rewritten = to_alias_file(aliases).dump();
    CuratedAliases again;
    try {
        again = parse_aliases(rewritten, "rewritten.json");
    } catch (const InputError& error) {
        fuzz::fail(__FILE__, __LINE__, std::string("re-serialized aliases rejected: ") + error.what() + "\n" + rewritten);
    }
    CASTGRAPH_FUZZ_CHECK(same(aliases, again), "re-serialized aliases differ:\n" + rewritten);

    // Resolution and graph building with these curated aliases.
    ResolveOptions options;
    options.aliases = std::move(aliases);
    const auto& episodes = page_episodes();
    try {
        const auto resolution = resolve_entities(episodes, options);
        std::set<std::string> ids;
        for (const auto& entity : resolution.entities)
            CASTGRAPH_FUZZ_CHECK(ids.insert(entity.id).second || fuzz::tolerate_known_bugs(),  // see fuzz_pipeline.cpp
                                 "two resolved entities share the id " + fuzz::printable(entity.id));
        const auto built = build_graph(episodes, resolution);
        std::ostringstream first;
        write_graph(built.graph, first);
        const auto reread = read_graph(first.str(), "first.graph.json");
        std::ostringstream second;
        write_graph(reread, second);
        CASTGRAPH_FUZZ_CHECK(first.str() == second.str(), "graph differs after write_graph -> read_graph -> write_graph");
    } catch (const Error& error) {
        fuzz::fail(__FILE__, __LINE__,
                   std::string("resolve/build/graph round trip threw on accepted aliases: ") + error.what() +
                       "\naliases: " + rewritten);
    }
    return 0;
}
