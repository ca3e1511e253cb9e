#include "internal/json_text.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/text.hpp"

namespace castgraph::internal {

void append_json_string(std::string& out, std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (!plain) {
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    out += text;
    out += '"';
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
