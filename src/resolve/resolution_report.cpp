#include "castgraph/resolution_report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

namespace castgraph {
namespace {

using ordered_json = nlohmann::ordered_json;

// Scores with three decimals, written the same everywhere.
double rounded(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return std::strtod(buffer, nullptr);
}

}  // namespace

void write_resolution_report(const ResolutionResult& result, std::ostream& out) {
    ordered_json report;
    report["format"] = "castgraph-resolution-report";
    report["version"] = 1;
    std::map<std::string, std::size_t> by_rule;
    for (const auto& merge : result.merges) ++by_rule[merge.rule];
    std::map<std::string, std::size_t> by_reason;
    for (const auto& refusal : result.refusals) ++by_reason[refusal.reason];
    report["summary"] = {{"items", result.mentions.size()},
                         {"names_before", result.distinct_names_before},
                         {"entities_after", result.entities.size()},
                         {"merges_by_rule", by_rule},
                         {"refused_by_reason", by_reason}};
    auto& items = report["items"] = ordered_json::array();
    for (std::size_t m = 0; m < result.mentions.size(); ++m) {
        const auto& mention = result.mentions[m];
        const auto& entity = result.entities[result.entity_of_mention[m]];
        items.push_back({{"episode", mention.episode_id},
                         {"index", mention.item_index},
                         {"raw_name", mention.raw_name},
                         {"raw_type", mention.raw_type},
                         {"kind", kind_name(mention.kind)},
                         {"entity", entity.id}});
    }
    auto& entities = report["entities"] = ordered_json::array();
    for (const auto& entity : result.entities)
        entities.push_back({{"id", entity.id},
                            {"name", entity.name},
                            {"kind", kind_name(entity.kind)},
                            {"aliases", entity.aliases},
                            {"source_types", entity.source_types},
                            {"episodes", episodes_of(result, entity)}});
    auto& merges = report["merges"] = ordered_json::array();
    for (const auto& merge : result.merges) {
        ordered_json item{{"rule", merge.rule}, {"entity", merge.entity}, {"forms", {merge.form_a, merge.form_b}}};
        if (merge.score) item["score"] = rounded(*merge.score);
        merges.push_back(std::move(item));
    }
    auto& refused = report["refused"] = ordered_json::array();
    for (const auto& refusal : result.refusals)
        refused.push_back({{"reason", refusal.reason},
                           {"form", refusal.form},
                           {"entities", refusal.entities},
                           {"detail", refusal.detail}});
    out << report.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) << '\n';
}

void write_resolution_table(const ResolutionResult& result, std::ostream& out) {
    out << "resolution: " << result.mentions.size() << " items, " << result.distinct_names_before
        << " distinct names -> " << result.entities.size() << " entities\n";
    for (const auto& merge : result.merges) {
        out << "  merge  " << merge.rule;
        if (merge.score) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, " %.3f", *merge.score);
            out << buffer;
        }
        out << "  '" << merge.form_a << "' + '" << merge.form_b << "' -> " << merge.entity << '\n';
    }
    for (const auto& refusal : result.refusals) {
        out << "  refuse " << refusal.reason << "  '" << refusal.form << "': " << refusal.detail << " [";
        for (std::size_t i = 0; i < refusal.entities.size(); ++i) out << (i ? ", " : "") << refusal.entities[i];
        out << "]\n";
    }
}

}  // namespace castgraph
