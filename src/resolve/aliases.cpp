#include "castgraph/aliases.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/error.hpp"
#include "castgraph/text.hpp"

namespace castgraph {

CuratedAliases parse_aliases(std::string_view text, const std::string& source) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& error) {  // syntax, or a number out of range
        throw InputError(source + ": malformed JSON: " + error.what());
    }
    auto fail = [&](const std::string& pointer, const std::string& message) {
        throw InputError(source + ": " + pointer + ": " + message);
    };
    auto text_of = [&](const nlohmann::json& value, const std::string& pointer) {
        if (!value.is_string()) fail(pointer, "expected a string");
        auto result = value.get<std::string>();
        if (find_invalid_utf8(result)) fail(pointer, "invalid UTF-8");
        if (trim(result).empty()) fail(pointer, "empty name");
        return result;
    };
    if (!document.is_object()) fail("/", "expected an object");
    if (document.contains("format") && document["format"] != "castgraph-aliases")
        fail("/format", "expected \"castgraph-aliases\"");
    CuratedAliases aliases;
    if (document.contains("entities")) {
        const auto& entities = document["entities"];
        if (!entities.is_array()) fail("/entities", "expected an array");
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const auto pointer = "/entities/" + std::to_string(i);
            const auto& entry = entities[i];
            if (!entry.is_object()) fail(pointer, "expected an object");
            if (!entry.contains("canonical")) fail(pointer, "missing \"canonical\"");
            CuratedEntity entity;
            entity.canonical = text_of(entry["canonical"], pointer + "/canonical");
            if (!entry.contains("kind")) fail(pointer, "missing \"kind\"");
            try {
                entity.kind = parse_kind(text_of(entry["kind"], pointer + "/kind"));
            } catch (const InputError& error) {
                fail(pointer + "/kind", error.message());
            }
            if (entry.contains("aliases")) {
                if (!entry["aliases"].is_array()) fail(pointer + "/aliases", "expected an array");
                for (std::size_t j = 0; j < entry["aliases"].size(); ++j)
                    entity.aliases.push_back(text_of(entry["aliases"][j], pointer + "/aliases/" + std::to_string(j)));
            }
            aliases.entities.push_back(std::move(entity));
        }
    }
    if (document.contains("distinct")) {
        const auto& pairs = document["distinct"];
        if (!pairs.is_array()) fail("/distinct", "expected an array of [name, name] pairs");
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const auto pointer = "/distinct/" + std::to_string(i);
            if (!pairs[i].is_array() || pairs[i].size() != 2) fail(pointer, "expected a pair [name, name]");
            aliases.distinct.emplace_back(text_of(pairs[i][0], pointer + "/0"), text_of(pairs[i][1], pointer + "/1"));
        }
    }
    return aliases;
}

}  // namespace castgraph
