#include "castgraph/resolution_report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <string>

namespace castgraph {
namespace {

using ordered_json = nlohmann::ordered_json;

// Scores with three decimals, written the same everywhere.
double rounded(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return std::strtod(buffer, nullptr);
}

// The report is written record by record, in the layout nlohmann's dump(2) gives
// the whole document: a million items never sit in memory as one JSON value.
class ReportWriter {
public:
    explicit ReportWriter(std::ostream& out) : out_(out) {}

    // "key": value at the top level.
    void field(const char* key, const ordered_json& value) {
        separate();
        out_ << "  " << ordered_json(key).dump() << ": ";
        write_indented(value, 1);
    }

    // "key": [ ...records... ], each record made by make(i).
    template <typename Make>
    void records(const char* key, std::size_t count, const Make& make) {
        separate();
        out_ << "  " << ordered_json(key).dump() << ": ";
        if (count == 0) {
            out_ << "[]";
            return;
        }
        out_ << "[\n";
        for (std::size_t i = 0; i < count; ++i) {
            out_ << (i == 0 ? "    " : ",\n    ");
            write_indented(make(i), 2);
        }
        out_ << "\n  ]";
    }

    void finish() { out_ << (first_ ? "{}" : "\n}") << '\n'; }

private:
    void separate() {
        out_ << (first_ ? "{\n" : ",\n");
        first_ = false;
    }

    // A value dumped on its own, its lines shifted to the depth it has in the document.
    // JSON strings never hold a raw newline, so every newline starts a line.
    void write_indented(const ordered_json& value, int depth) {
        const auto text = value.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace);
        const std::string shift(static_cast<std::size_t>(depth) * 2, ' ');
        std::size_t begin = 0;
        for (auto newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', begin)) {
            out_.write(text.data() + begin, static_cast<std::streamsize>(newline + 1 - begin));
            out_ << shift;
            begin = newline + 1;
        }
        out_.write(text.data() + begin, static_cast<std::streamsize>(text.size() - begin));
    }

    std::ostream& out_;
    bool first_ = true;
};

}  // namespace

void write_resolution_report(const ResolutionResult& result, std::ostream& out) {
    ReportWriter report(out);
    report.field("format", "castgraph-resolution-report");
    report.field("version", 1);
    std::map<std::string, std::size_t> by_rule;
    for (const auto& merge : result.merges) ++by_rule[merge.rule];
    std::map<std::string, std::size_t> by_reason;
    for (const auto& refusal : result.refusals) ++by_reason[refusal.reason];
    report.field("summary", {{"items", result.mentions.size()},
                             {"names_before", result.distinct_names_before},
                             {"entities_after", result.entities.size()},
                             {"merges_by_rule", by_rule},
                             {"refused_by_reason", by_reason}});
    report.records("items", result.mentions.size(), [&](std::size_t m) {
        const auto& mention = result.mentions[m];
        return ordered_json{{"episode", mention.episode_id},
                            {"index", mention.item_index},
                            {"raw_name", mention.raw_name},
                            {"raw_type", mention.raw_type},
                            {"kind", kind_name(mention.kind)},
                            {"entity", result.entities[result.entity_of_mention[m]].id}};
    });
    report.records("entities", result.entities.size(), [&](std::size_t e) {
        const auto& entity = result.entities[e];
        return ordered_json{{"id", entity.id},
                            {"name", entity.name},
                            {"kind", kind_name(entity.kind)},
                            {"aliases", entity.aliases},
                            {"source_types", entity.source_types},
                            {"episodes", episodes_of(result, entity)}};
    });
    report.records("merges", result.merges.size(), [&](std::size_t i) {
        const auto& merge = result.merges[i];
        ordered_json item{{"rule", merge.rule}, {"entity", merge.entity}, {"forms", {merge.form_a, merge.form_b}}};
        if (merge.score) item["score"] = rounded(*merge.score);
        return item;
    });
    report.records("refused", result.refusals.size(), [&](std::size_t i) {
        const auto& refusal = result.refusals[i];
        return ordered_json{{"reason", refusal.reason},
                            {"form", refusal.form},
                            {"entities", refusal.entities},
                            {"detail", refusal.detail}};
    });
    report.finish();
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
