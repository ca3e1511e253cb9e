#include "castgraph/type_map.hpp"

#include <nlohmann/json.hpp>

#include "castgraph/error.hpp"
#include "castgraph/text.hpp"

namespace castgraph {
namespace internal {
extern const char* const kBuiltinTypeMapJson;
}

std::string_view kind_name(EntityKind kind) {
    switch (kind) {
    case EntityKind::Person: return "Person";
    case EntityKind::Organization: return "Organization";
    case EntityKind::Software: return "Software";
    case EntityKind::Product: return "Product";
    case EntityKind::Concept: return "Concept";
    case EntityKind::Other: return "Other";
    }
    return "Other";
}

std::string_view kind_id_prefix(EntityKind kind) {
    switch (kind) {
    case EntityKind::Person: return "person";
    case EntityKind::Organization: return "organization";
    case EntityKind::Software: return "software";
    case EntityKind::Product: return "product";
    case EntityKind::Concept: return "concept";
    case EntityKind::Other: return "other";
    }
    return "other";
}

EntityKind parse_kind(std::string_view name) {
    const auto key = normalize_text(name);
    for (const auto kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Software, EntityKind::Product,
                            EntityKind::Concept, EntityKind::Other})
        if (key == kind_id_prefix(kind)) return kind;
    throw InputError("unknown kind '" + std::string(name) +
                     "', expected Person, Organization, Software, Product, Concept or Other");
}

int kind_family(EntityKind kind) {
    return kind == EntityKind::Product ? static_cast<int>(EntityKind::Software) : static_cast<int>(kind);
}

TypeMap TypeMap::builtin() {
    static const TypeMap map = from_json(internal::kBuiltinTypeMapJson, "built-in type map");
    return map;
}

TypeMap TypeMap::from_json(std::string_view text, const std::string& source) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& error) {  // syntax, or a number out of range
        throw InputError(source + ": malformed JSON: " + error.what());
    }
    if (!document.is_object() || !document.contains("types") || !document["types"].is_object())
        throw InputError(source + ": expected an object with \"types\": {\"raw type\": \"Kind\", ...}");
    TypeMap map;
    for (const auto& [raw, kind] : document["types"].items()) {
        if (!kind.is_string()) throw InputError(source + ": /types/" + raw + ": expected a kind name (string)");
        try {
            map.kinds_[normalize_text(raw)] = parse_kind(kind.get<std::string>());
        } catch (const InputError& error) {
            throw InputError(source + ": /types/" + raw + ": " + error.message());
        }
    }
    return map;
}

EntityKind TypeMap::kind_of(std::string_view raw_type) const {
    const auto key = normalize_text(raw_type);
    if (const auto it = kinds_.find(key); it != kinds_.end()) return it->second;
    // "Logiciel/Base de données": the parts in order, the first known wins.
    std::size_t start = 0;
    while (start <= key.size()) {
        const auto end = std::min(key.find('/', start), key.size());
        const auto part = std::string(trim(std::string_view(key).substr(start, end - start)));
        if (const auto it = kinds_.find(part); it != kinds_.end()) return it->second;
        start = end + 1;
    }
    return EntityKind::Other;
}

}  // namespace castgraph
