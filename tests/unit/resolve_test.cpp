#include "castgraph/resolve.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <numeric>
#include <sstream>

#include "castgraph/error.hpp"

#include "castgraph/listing_parser.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/resolution_report.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

struct Item {
    std::string name;
    std::string type;
    std::string description;
};

// Each item in an episode of its own, so merges across episodes are exercised.
std::vector<Episode> episodes_of(const std::vector<Item>& items) {
    std::vector<Episode> episodes;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Episode episode;
        episode.title = "Episode " + std::to_string(i);
        episode.id = "episode:test/" + std::to_string(i);
        episode.entity_list = EntityList{"Entities", "en", {{items[i].name, items[i].type, items[i].description}}};
        episodes.push_back(std::move(episode));
    }
    return episodes;
}

// A resolution beside the episodes it views (see Mention), so that tests can resolve
// episodes made on the spot.
struct Resolution : ResolutionResult {
    Resolution(std::vector<Episode> resolved, const ResolveOptions& options) : episodes(std::move(resolved)) {
        static_cast<ResolutionResult&>(*this) = resolve_entities(episodes, options);
    }
    std::vector<Episode> episodes;
};

Resolution resolved(std::vector<Episode> episodes, const ResolveOptions& options = {}) {
    return {std::move(episodes), options};
}

const ResolvedEntity& entity_of(const ResolutionResult& result, std::size_t episode_number) {
    const auto id = "episode:test/" + std::to_string(episode_number);
    for (std::size_t m = 0; m < result.mentions.size(); ++m)
        if (result.mentions[m].episode_id == id) return result.entities[result.entity_of_mention[m]];
    throw std::runtime_error("no mention in " + id);
}

bool has_merge(const ResolutionResult& result, const std::string& rule) {
    return std::any_of(result.merges.begin(), result.merges.end(), [&](const auto& m) { return m.rule == rule; });
}

bool has_refusal(const ResolutionResult& result, const std::string& reason) {
    return std::any_of(result.refusals.begin(), result.refusals.end(), [&](const auto& r) { return r.reason == reason; });
}

// Episodes about to be destroyed cannot be resolved: the result would view texts gone.
template <class Episodes>
concept Resolvable = requires(Episodes&& episodes) {
    resolve_entities(std::forward<Episodes>(episodes), ResolveOptions{});
};
static_assert(Resolvable<const std::vector<Episode>&>);
static_assert(Resolvable<std::vector<Episode>&>);
static_assert(!Resolvable<std::vector<Episode>>);

TEST(ResolveEntities, MentionsViewTheEpisodesTextsInsteadOfCopyingThem) {
    // Texts longer than any inline string buffer, so a copy would have its own bytes.
    const std::string long_text(64, 'x');
    const auto episodes = episodes_of({{"Ada Lovelace, the " + long_text, "Person " + long_text,
                                        "Mathematician " + long_text},
                                       {"Grace Hopper", "Person", ""}});
    const auto result = resolve_entities(episodes, {});
    ASSERT_EQ(result.mentions.size(), 2U);
    for (std::size_t e = 0; e < episodes.size(); ++e) {
        const auto& item = episodes[e].entity_list->items.front();
        const auto& mention = result.mentions[e];
        EXPECT_EQ(mention.episode_id.data(), episodes[e].id.data());
        EXPECT_EQ(mention.raw_name.data(), item.name.data());
        EXPECT_EQ(mention.raw_type.data(), item.type.data());
        EXPECT_EQ(mention.description.data(), item.description.data());
        EXPECT_EQ(mention.raw_name, item.name);
        EXPECT_EQ(mention.description, item.description);
    }
}

TEST(ResolveEntities, CountsDistinctNamesBeforeMergingByKeyAndKindFamily) {
    // Folded alike and of one family: one name. Software and product share a family;
    // a person of the same name does not. Only the first name of "A / B" counts.
    const auto result = resolved(episodes_of({{"OpenAI", "organization", ""},
                                                      {"openai", "company", ""},
                                                      {"Cursor", "software", ""},
                                                      {"cursor", "product", ""},
                                                      {"Cursor", "person", ""},
                                                      {"Shawn Wang / swyx", "person", ""}}),
                                         ResolveOptions{});
    // openai (organization), cursor (software), cursor (person), shawn wang
    EXPECT_EQ(result.distinct_names_before, 4u);
}

TEST(ResolveEntities, MergeRulesTable) {
    struct Row {
        const char* name;
        std::vector<Item> items;
        bool same;                  // items 0 and 1 end in one entity
        const char* rule;           // the rule expected to have merged them ("" when apart)
        const char* canonical;      // canonical name of item 0's entity ("" to skip)
    };
    const Row rows[] = {
        {"alias form", {{"swyx", "Person", ""}, {"Shawn Wang / swyx", "Person", ""}}, true, "alias", "swyx"},
        {"French and English types", {{"Anthropic", "Organisation", ""}, {"Anthropic", "Organization", ""}}, true, "exact", "Anthropic"},
        {"case and accents", {{"S\u00E9quen\u00E7age", "Concept", ""}, {"sequencage", "concept", ""}}, true, "exact", ""},
        {"software and product are one family", {{"Central Station", "product", ""}, {"Central Station", "Logiciel", ""}}, true, "exact", ""},
        {"X/Y type", {{"UniRef", "Logiciel/Base de donn\u00E9es", ""}, {"UniRef", "Software", ""}}, true, "exact", ""},
        {"acronym", {{"AI Engineer Europe (AIE)", "Organization", ""}, {"AIE", "Organization", ""}}, true, "acronym", "AI Engineer Europe"},
        {"legal suffix", {{"Acme Inc.", "Organization", ""}, {"Acme", "Organization", ""}}, true, "org-suffix", ""},
        {"generic suffix", {{"Modular AI", "Organization", ""}, {"Modular", "Organization", ""}}, true, "org-suffix", ""},
        {"parent-qualified unit", {{"Meta FAIR", "Organization", ""}, {"FAIR", "Organization", ""}}, true, "parent-qualified", "FAIR"},
        {"parent-qualified DeepMind", {{"Google DeepMind", "Organization", ""}, {"DeepMind", "Organization", ""}}, true, "parent-qualified", "DeepMind"},
        {"typo in a surname", {{"Lex Friedman", "Person", ""}, {"Lex Fridman", "Person", ""}}, true, "fuzzy", ""},
        {"a typo in each name", {{"Jonathon Smithers", "Person", ""}, {"Jonathan Smithars", "Person", ""}}, true, "fuzzy", ""},
        {"two typos in a long surname", {{"Anna Krzyzanowski", "Person", ""}, {"Anna Krzyzanovsky", "Person", ""}}, true, "fuzzy", ""},
        {"typo in an accented word", {{"Biblioth\u00E8que Num\u00E9rique", "Organization", ""}, {"Biblioth\u00E8que Num\u00E9riqe", "Organization", ""}}, true, "fuzzy", ""},
        {"typo in an organization's last word", {{"Acme Robotics", "Organization", ""}, {"Acme Robotiks", "Organization", ""}}, true, "fuzzy", ""},
        {"former name in description", {{"OpenClaw", "Software", "Personal agent (formerly Clawdbot)."}, {"Clawdbot", "Software", ""}}, true, "description-alias", "OpenClaw"},
        {"French former name", {{"Acme Cloud", "Logiciel", "Plateforme, anciennement Nimbus ; rachet\u00E9e."}, {"Nimbus", "Software", ""}}, true, "description-alias", "Acme Cloud"},
        // Never merged:
        {"person and organization", {{"Jordan", "Person", ""}, {"Jordan", "Organization", ""}}, false, "", ""},
        {"versions", {{"Llama 2", "Software", ""}, {"Llama 3", "Software", ""}}, false, "", ""},
        {"GPT versions", {{"GPT-4", "Software", ""}, {"GPT-5", "Software", ""}}, false, "", ""},
        {"prefix", {{"JEPA", "Concept", ""}, {"V-JEPA", "Concept", ""}}, false, "", ""},
        {"containment", {{"FAIR", "Organization", ""}, {"Fairwater", "Organization", ""}}, false, "", ""},
        {"product of a company", {{"GitHub", "Software", ""}, {"GitHub Copilot", "Software", ""}}, false, "", ""},
        {"one shared name part", {{"Dylan Patel", "Person", ""}, {"Dwarkesh Patel", "Person", ""}}, false, "", ""},
        {"parent is not the unit", {{"Meta", "Organization", ""}, {"Meta FAIR", "Organization", ""}}, false, "", ""},
        {"Claude is not Claude Code", {{"Claude", "Software", ""}, {"Claude Code", "Software", ""}}, false, "", ""},
        {"a person's former employer", {{"Alex Rives", "Personne", "Directeur ; anciennement Meta FAIR."}, {"Meta FAIR", "Person", ""}}, false, "", ""},
        {"one-word person typo", {{"Brandon", "Person", ""}, {"Brendon", "Person", ""}}, false, "", ""},
        {"two typos in a short word", {{"Maria Gonzales", "Person", ""}, {"Maria Ganzalis", "Person", ""}}, false, "", ""},
        {"two words differ in an organization", {{"Acme Robotics", "Organization", ""}, {"Acne Robotiks", "Organization", ""}}, false, "", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        const auto result = resolved(episodes_of(row.items), ResolveOptions{});
        const auto& first = entity_of(result, 0);
        const auto& second = entity_of(result, 1);
        EXPECT_EQ(first.id == second.id, row.same) << first.id << " vs " << second.id;
        if (row.same) {
            EXPECT_TRUE(has_merge(result, row.rule)) << row.rule;
        } else {
            EXPECT_TRUE(result.merges.empty());
        }
        if (*row.canonical) {
            EXPECT_EQ(first.name, row.canonical);
        }
    }
}

// Fuzzy pairs are looked for by one word of each name: here the first, where these
// names differ most (their last word is the same). A typo in it is still found, and
// the names that only share the last word stay apart.
TEST(ResolveEntities, FuzzyFindsATypoInTheWordNamesAreLookedForBy) {
    const auto result = resolved(episodes_of({{"Axilonum Labs", "Organization", ""},
                                              {"Axilonun Labs", "Organization", ""},
                                              {"Aquilanum Labs", "Organization", ""},
                                              {"Azurite Labs", "Organization", ""},
                                              {"Axolotl Labs", "Organization", ""}}),
                                 ResolveOptions{});
    EXPECT_EQ(entity_of(result, 0).id, entity_of(result, 1).id);
    EXPECT_TRUE(has_merge(result, "fuzzy"));
    EXPECT_EQ(result.entities.size(), 4U);
    EXPECT_EQ(result.merges.size(), 1U);
}

TEST(ResolveEntities, KindConflictIsReported) {
    const auto result = resolved(episodes_of({{"Jordan", "Person", ""}, {"Jordan", "Organization", ""}}), {});
    EXPECT_TRUE(has_refusal(result, "kind-conflict"));
    EXPECT_EQ(result.entities.size(), 2U);
}

TEST(ResolveEntities, AmbiguousAcronymMergesNeither) {
    const auto result = resolved(episodes_of({{"Machine Learning (ML)", "Concept", ""},
                                                      {"Meta Llama (ML)", "Concept", ""},
                                                      {"ML", "Concept", ""}}),
                                         {});
    EXPECT_EQ(result.entities.size(), 3U);
    EXPECT_TRUE(result.merges.empty());
    ASSERT_TRUE(has_refusal(result, "ambiguous-acronym"));
    EXPECT_EQ(result.refusals.front().entities.size(), 3U);
}

TEST(ResolveEntities, CuratedAliasesAndDistinctPairs) {
    ResolveOptions options;
    options.aliases.entities.push_back({"OpenClaw", EntityKind::Software, {"Clawdbot", "Clawd", "Moltbot"}});
    options.aliases.distinct.emplace_back("Claude", "Claude Code");
    const auto result = resolved(episodes_of({{"Clawdbot", "Software", ""},
                                                      {"Moltbot", "product", ""},
                                                      {"Claude Code / Claude", "Software", ""},
                                                      {"Claude", "Software", ""}}),
                                         options);
    EXPECT_EQ(entity_of(result, 0).id, "software:openclaw");
    EXPECT_EQ(entity_of(result, 0).name, "OpenClaw");
    EXPECT_EQ(entity_of(result, 1).id, "software:openclaw");
    EXPECT_TRUE(has_merge(result, "curated"));
    EXPECT_NE(entity_of(result, 2).id, entity_of(result, 3).id);
    ASSERT_TRUE(has_refusal(result, "distinct-pair"));
    const auto refusal = std::find_if(result.refusals.begin(), result.refusals.end(),
                                      [](const auto& r) { return r.reason == "distinct-pair"; });
    // The other mention's name, then the whole list name whose alias form would have joined them.
    EXPECT_EQ(refusal->form, "Claude / Claude Code / Claude");
    EXPECT_EQ(refusal->detail, "the alias file declares 'claude' and 'claude code' distinct; alias merge refused");

    // Without the distinct pair the alias form would have merged them.
    const auto open = resolved(episodes_of({{"Claude Code / Claude", "Software", ""}, {"Claude", "Software", ""}}), {});
    EXPECT_EQ(entity_of(open, 0).id, entity_of(open, 1).id);
}

TEST(ResolveEntities, TypeMapTable) {
    const auto map = TypeMap::builtin();
    struct Row {
        const char* raw;
        EntityKind kind;
    };
    const Row rows[] = {
        {"Person", EntityKind::Person},         {"person", EntityKind::Person},
        {"Personne", EntityKind::Person},       {"Organisation", EntityKind::Organization},
        {"organization", EntityKind::Organization}, {"Logiciel", EntityKind::Software},
        {"Logiciel/Base de donn\u00E9es", EntityKind::Software}, {"product", EntityKind::Product},
        {"Concept", EntityKind::Concept},       {"Spaceship", EntityKind::Other},
        {"Weird/Concept", EntityKind::Concept},
    };
    for (const auto& row : rows) EXPECT_EQ(map.kind_of(row.raw), row.kind) << row.raw;
    const auto custom = TypeMap::from_json(R"({"types": {"vaisseau": "Product"}})", "t.json");
    EXPECT_EQ(custom.kind_of("Vaisseau"), EntityKind::Product);
    EXPECT_THROW(TypeMap::from_json(R"({"types": {"x": "Planet"}})", "t.json"), InputError);
}

TEST(ResolveEntities, SurfaceFormsTable) {
    struct Row {
        const char* raw;
        std::vector<std::string> names;
        std::vector<std::string> acronyms;
    };
    const Row rows[] = {
        {"Shawn Wang / swyx", {"Shawn Wang", "swyx"}, {}},
        {"AI Engineer Europe (AIE)", {"AI Engineer Europe"}, {"AIE"}},
        {"MoE (Mixture of Experts)", {"Mixture of Experts"}, {"MoE"}},
        {"Autoencodeurs \u00E9pars / SAE", {"Autoencodeurs \u00E9pars", "SAE"}, {}},
        {"Kyle Daigle.", {"Kyle Daigle"}, {}},
        {"mattpocock/skills", {"mattpocock/skills"}, {}},
        {"  Plain name;  ", {"Plain name"}, {}},
        {" .; ", {}, {}},
        {"Odd (name", {"Odd (name"}, {}},
    };
    for (const auto& row : rows) {
        std::vector<std::string> names;
        std::vector<std::string> acronyms;
        split_surface_forms(row.raw, names, acronyms);
        EXPECT_EQ(names, row.names) << row.raw;
        EXPECT_EQ(acronyms, row.acronyms) << row.raw;
    }
    EXPECT_EQ(description_aliases("Agent (formerly Clawdbot, Clawd and Moltbot).", EntityKind::Software),
              (std::vector<std::string>{"Clawdbot", "Clawd", "Moltbot"}));
    EXPECT_TRUE(description_aliases("CTO; formerly at Google.", EntityKind::Software).empty());
    EXPECT_EQ(description_aliases("Writer, formerly known as Jo Smith.", EntityKind::Person),
              (std::vector<std::string>{"Jo Smith"}));
    // Keywords in any case, after any byte but an ASCII word character (RE2's \b); a long s
    // (U+017F) is an s to (?i).
    const std::vector<std::pair<std::string, std::vector<std::string>>> stated = {
        {"Agent (FORMERLY Clawdbot).", {"Clawdbot"}},
        {"Agent (previou\xC5\xBFly Clawdbot).", {"Clawdbot"}},
        {"Agent (unformerly Clawdbot).", {}},
        {"Agent_formerly Zed.", {}},
        {"Agent 9formerly Zed.", {}},
        {"Agent, \xC3\xA9" "formerly Xtool.", {"Xtool"}},
        {"Agent; Anciennement Yplus.", {"Yplus"}},
        {"AUPARAVANT Wolf.", {"Wolf"}},
        {"Formerl", {}},
    };
    for (const auto& [description, aliases] : stated)
        EXPECT_EQ(description_aliases(description, EntityKind::Software), aliases) << description;
    EXPECT_EQ(name_key("GPT-5"), "gpt 5");
    EXPECT_EQ(name_key("\u674E\u660E"), "\u674E\u660E");
}

// More mentions than one parallel chunk of the surface table (4096), with episode ids
// out of string order ("episode:test/10" before ".../2"), so each mention's forms are
// counted, placed and read back across chunks and after the mentions are sorted.
TEST(ResolveEntities, SurfaceFormsOfManyMentionsStayWithTheirMention) {
    constexpr int kTools = 3000;
    std::vector<Item> items;
    for (int k = 0; k < kTools; ++k) {
        const auto number = std::to_string(k);
        items.push_back({"Toolkit " + number + " (TK" + number + ")", "Software", "A tool."});
    }
    for (int k = 0; k < kTools; ++k)
        items.push_back({"Renamed " + std::to_string(k), "Software", "A tool (formerly Toolkit " + std::to_string(k) + ")."});
    set_thread_count(4);  // chunks filled side by side even on a one-core machine
    const auto result = resolved(episodes_of(items));
    set_thread_count(0);
    ASSERT_EQ(result.mentions.size(), 2u * kTools);
    EXPECT_EQ(result.entities.size(), static_cast<std::size_t>(kTools));
    for (int k = 0; k < kTools; k += 7) {
        const auto number = std::to_string(k);
        const auto& entity = entity_of(result, static_cast<std::size_t>(k));
        EXPECT_EQ(&entity, &entity_of(result, static_cast<std::size_t>(kTools + k))) << number;
        EXPECT_EQ(entity.name, "Renamed " + number);
        EXPECT_EQ(entity.aliases, (std::vector<std::string>{"TK" + number, "Toolkit " + number, "Toolkit " + number + " (TK" + number + ")"}));
    }
}

class SampleResolution : public ::testing::Test {
protected:
    static std::vector<Episode> sample() {
        ProblemLog problems(true);
        return parse_listing(test::read_text(test::sample_path()), "sample.txt", problems);
    }
    static std::string id_of(const ResolutionResult& result, const std::string& raw_name) {
        for (std::size_t m = 0; m < result.mentions.size(); ++m)
            if (result.mentions[m].raw_name == raw_name) return result.entities[result.entity_of_mention[m]].id;
        return "";
    }
    static std::string report_of(const ResolutionResult& result) {
        std::ostringstream out;
        write_resolution_report(result, out);
        return out.str();
    }
};

TEST_F(SampleResolution, ReportIsWrittenInTheLayoutOfOneJsonDocument) {
    ResolveOptions options;
    options.keep_merges = true;
    const auto report = report_of(resolved(sample(), options));
    // Written record by record, it must read as nlohmann's own dump(2) of the document.
    EXPECT_EQ(nlohmann::ordered_json::parse(report).dump(2) + "\n", report);
    EXPECT_EQ(report_of(ResolutionResult{}),
              "{\n"
              "  \"format\": \"castgraph-resolution-report\",\n"
              "  \"version\": 1,\n"
              "  \"summary\": {\n"
              "    \"items\": 0,\n"
              "    \"names_before\": 0,\n"
              "    \"entities_after\": 0,\n"
              "    \"merges_by_rule\": {},\n"
              "    \"refused_by_reason\": {}\n"
              "  },\n"
              "  \"items\": [],\n"
              "  \"entities\": [],\n"
              "  \"merges\": [],\n"
              "  \"refused\": []\n"
              "}\n");
}

TEST_F(SampleResolution, RequiredCases) {
    const auto result = resolved(sample(), {});
    const auto swyx = id_of(result, "swyx");
    EXPECT_EQ(swyx, "person:swyx");
    EXPECT_EQ(id_of(result, "Shawn Wang / swyx"), swyx);
    const auto& swyx_entity = *std::find_if(result.entities.begin(), result.entities.end(),
                                            [&](const auto& e) { return e.id == swyx; });
    EXPECT_EQ(episodes_of(result, swyx_entity).size(), 6U);
    EXPECT_EQ(swyx_entity.kind, EntityKind::Person);
    const auto& brandon = *std::find_if(result.entities.begin(), result.entities.end(),
                                        [](const auto& e) { return e.name == "Brandon"; });
    EXPECT_EQ(episodes_of(result, brandon).size(), 2U);
    EXPECT_NE(id_of(result, "Claude"), id_of(result, "Claude Code"));
    EXPECT_NE(id_of(result, "OpenClaw"), id_of(result, "Claude Code"));
    EXPECT_NE(id_of(result, "GitHub"), id_of(result, "GitHub Copilot"));
    EXPECT_NE(id_of(result, "GitHub"), id_of(result, "GitHub Actions"));
    EXPECT_NE(id_of(result, "GitHub Copilot"), id_of(result, "GitHub Actions"));
    EXPECT_EQ(id_of(result, "Anthropic"), "organization:anthropic");
    EXPECT_EQ(id_of(result, "Kyle Daigle"), "person:kyle-daigle");
    EXPECT_EQ(id_of(result, "Claude Code"), "software:claude-code");  // Logiciel and Software
    EXPECT_EQ(id_of(result, "UniRef"), "software:uniref");
    // Every item is in the result with an entity: nothing dropped.
    EXPECT_EQ(result.mentions.size(), 125U);
    EXPECT_EQ(result.entity_of_mention.size(), 125U);
    EXPECT_TRUE(result.refusals.empty());
}

TEST_F(SampleResolution, ShufflingEpisodesChangesNothing) {
    auto episodes = sample();
    const auto expected = report_of(resolve_entities(episodes, {}));
    std::mt19937 random(20261126);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(episodes.begin(), episodes.end(), random);
        EXPECT_EQ(report_of(resolve_entities(episodes, {})), expected) << "round " << round;
    }
}

// Mentions come in (episode id, item index, name, type, description) order, also
// when episodes arrive out of order or two share an id (as undeduplicated input may).
TEST(ResolveEntitiesOrder, MentionsAreInEpisodeOrderWhateverTheInput) {
    auto episodes = episodes_of({{"Al", "Person", ""}, {"Zed", "Person", ""}, {"Bea", "Person", ""}});
    episodes[0].id = "episode:test/a";
    episodes[1].id = "episode:test/b";
    episodes[2].id = "episode:test/b";
    const auto names = [](const ResolutionResult& result) {
        std::vector<std::string> found;
        for (const auto& mention : result.mentions)
            found.push_back(std::string(mention.episode_id) + " " + std::string(mention.raw_name));
        return found;
    };
    EXPECT_EQ(names(resolve_entities(episodes, {})),
              (std::vector<std::string>{"episode:test/a Al", "episode:test/b Bea", "episode:test/b Zed"}));
    episodes[0].id = "episode:test/c";  // ids that only decrease
    episodes[2].id = "episode:test/a";
    EXPECT_EQ(names(resolve_entities(episodes, {})),
              (std::vector<std::string>{"episode:test/a Bea", "episode:test/b Zed", "episode:test/c Al"}));
}

TEST(ResolveEntitiesOrder, ShufflingItemsAcrossEpisodesChangesNoIdOrMerge) {
    std::vector<Item> items = {{"Modular AI", "Organization", ""}, {"Modular", "Organization", ""},
                               {"Meta FAIR", "Organization", ""},  {"FAIR", "Organization", ""},
                               {"Lex Friedman", "Person", ""},     {"Lex Fridman", "Person", ""},
                               {"swyx", "Person", ""},             {"Shawn Wang / swyx", "Person", ""},
                               {"ML", "Concept", ""},              {"Machine Learning (ML)", "Concept", ""},
                               {"Meta Llama (ML)", "Concept", ""}};
    auto canonical_view = [](const ResolutionResult& result) {
        std::ostringstream out;
        for (const auto& entity : result.entities) {
            out << entity.id << '|' << entity.name << '|';
            for (const auto& alias : entity.aliases) out << alias << ',';
            out << '\n';
        }
        for (const auto& merge : result.merges) out << merge.rule << ' ' << merge.entity << '\n';
        for (const auto& refusal : result.refusals) out << refusal.reason << ' ' << refusal.form << '\n';
        return out.str();
    };
    // Episode ids follow the item, so a permutation of items is a permutation of input order.
    auto run = [&](const std::vector<std::size_t>& order) {
        std::vector<Episode> episodes;
        for (const auto i : order) {
            Episode episode;
            episode.id = "episode:test/" + std::to_string(i);
            episode.entity_list = EntityList{"Entities", "en", {{items[i].name, items[i].type, ""}}};
            episodes.push_back(std::move(episode));
        }
        return canonical_view(resolve_entities(episodes, {}));
    };
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    const auto expected = run(order);
    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(order.begin(), order.end(), random);
        EXPECT_EQ(run(order), expected) << "round " << round;
    }
}

}  // namespace
}  // namespace castgraph
