#include "internal/json_text.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/text.hpp"

namespace castgraph::internal {

void append_json_string(std::string& out, std::string_view text) {
    // Quotes, backslashes and control characters are escaped; DEL is left to nlohmann
    // too. Valid UTF-8 is copied as it is, as dump(-1) without ensure_ascii does.
    bool ascii = true;
    const bool plain = std::all_of(text.begin(), text.end(), [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        ascii = ascii && byte < 0x80;
        return byte >= 0x20 && byte != 0x7f && c != '"' && c != '\\';
    });
    if (!plain || (!ascii && find_invalid_utf8(text))) {
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
    out += '[';
    for (std::size_t i = 0; i < sightings.size(); ++i) {
        const auto& sighting = sightings[i];
        out += i > 0 ? ",{\"episode\":" : "{\"episode\":";
        append_json_string(out, graph.node(sighting.episode).id);
        append_json_string(append_json_key(out, "source"), sighting_source_name(sighting.source));
        append_decimal(append_json_key(out, "item"), sighting.item);
        append_json_string(append_json_key(out, "name"), sighting.name);
        append_json_string(append_json_key(out, "type"), sighting.type);
        append_json_string(append_json_key(out, "description"), sighting.description);
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
