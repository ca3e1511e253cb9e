// Kinds of entities, and the multilingual map from raw entity-list types
// ("Personne", "Logiciel/Base de données", "person") to kinds. The map is data:
// schemas/type-map.json is built in as the default; --type-map loads another.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace castgraph {

enum class EntityKind { Person, Organization, Software, Product, Concept, Other };

// "Person", "Organization", ... (the graph label).
std::string_view kind_name(EntityKind kind);
// Lower-case id prefix: "person", "organization", ...
std::string_view kind_id_prefix(EntityKind kind);
// Parses "Person", "person", ...; throws InputError for anything else.
EntityKind parse_kind(std::string_view name);

// Kinds that may merge: Software and Product are one family (the same app is a
// product in one list and "Logiciel" in another); every other kind is its own.
int kind_family(EntityKind kind);

class TypeMap {
public:
    // The built-in map (schemas/type-map.json).
    static TypeMap builtin();
    // A map from a type-map JSON text; throws InputError naming source and problem.
    static TypeMap from_json(std::string_view text, const std::string& source);

    // Kind of a raw type: whole normalized type first, then each part of "X/Y";
    // Other when nothing is known.
    [[nodiscard]] EntityKind kind_of(std::string_view raw_type) const;

private:
    std::map<std::string, EntityKind> kinds_;
};

}  // namespace castgraph
