#include "internal/json_text.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/text.hpp"
#include "internal/plain_run.hpp"

namespace castgraph::internal {
namespace {

constexpr PlainRun kJsonPlain{'"', '\\'};

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    // Quotes, backslashes and control characters are escaped; DEL is left to nlohmann
    // too. Valid UTF-8 is copied as it is, as dump(-1) without ensure_ascii does. The
    // leading run of printable ASCII without quotes or backslashes, most often the whole
    // string, needs no further look.
    const auto rest = text.substr(kJsonPlain(text));
    bool ascii = true;
    const bool plain = std::all_of(rest.begin(), rest.end(), [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        ascii = ascii && byte < 0x80;
        return byte >= 0x20 && byte != 0x7f && c != '"' && c != '\\';
    });
    if (!plain || (!ascii && find_invalid_utf8(rest))) {
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}

void append_json_strings(std::string& out, const std::vector<std::string>& texts) {
    out += '[';
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, texts[i]);
    }
    out += ']';
}

void append_sightings_json(std::string& out, const PropertyGraph& graph, const std::vector<Sighting>& sightings) {
    // A sighting's texts are heap blocks of their own and its episode a node far away:
    // asked for a few sightings ahead, their cache misses overlap instead of queueing.
    constexpr std::size_t kNodeAhead = 8;
    constexpr std::size_t kTextAhead = 4;
    for (std::size_t i = 0; i < std::min(kNodeAhead, sightings.size()); ++i)
        __builtin_prefetch(&graph.node(sightings[i].episode));
    // Each key with its punctuation in one append: an entity's sightings are most of its line.
    out += '[';
    for (std::size_t i = 0; i < sightings.size(); ++i) {
        if (i + kNodeAhead < sightings.size()) __builtin_prefetch(&graph.node(sightings[i + kNodeAhead].episode));
        if (i + kTextAhead < sightings.size()) {
            const auto& later = sightings[i + kTextAhead];
            __builtin_prefetch(graph.node(later.episode).id.data());
            __builtin_prefetch(later.name.data());
            __builtin_prefetch(later.type.data());
            __builtin_prefetch(later.description.data());
        }
        const auto& sighting = sightings[i];
        out += i > 0 ? std::string_view(",{\"episode\":") : std::string_view("{\"episode\":");
        append_json_string(out, graph.node(sighting.episode).id);
        out += ",\"source\":";
        append_json_string(out, sighting_source_name(sighting.source));
        out += ",\"item\":";
        append_decimal(out, sighting.item);
        out += ",\"name\":";
        append_json_string(out, sighting.name);
        out += ",\"type\":";
        append_json_string(out, sighting.type);
        out += ",\"description\":";
        append_json_string(out, sighting.description);
        out += '}';
    }
    out += ']';
}

std::string& append_json_key(std::string& out, std::string_view name) {
    out += ",\"";
    out += name;
    out += "\":";
    return out;
}

void append_json_numbers(std::string& out, std::span<const std::uint32_t> numbers) {
    out += '[';
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        if (i > 0) out += ',';
        append_decimal(out, numbers[i]);
    }
    out += ']';
}

const std::string& evidence_json(EvidenceSet evidence) {
    static const std::vector<std::string> dumped = [] {
        std::vector<std::string> all;
        for (std::size_t bits = 0; bits < EvidenceSet::kCount; ++bits)
            all.push_back(nlohmann::json(EvidenceSet::from_bits(bits).names()).dump());
        return all;
    }();
    return dumped[evidence.bits()];
}

}  // namespace castgraph::internal
