// The curated alias file (schemas/aliases.schema.json): canonical names with
// their aliases (former names, spellings), and pairs that must never merge.
//
//   {"format": "castgraph-aliases", "version": 1,
//    "entities": [{"canonical": "OpenClaw", "kind": "Software",
//                  "aliases": ["Clawdbot", "Clawd", "Moltbot"]}],
//    "distinct": [["Claude", "Claude Code"]]}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "castgraph/type_map.hpp"

namespace castgraph {

struct CuratedEntity {
    std::string canonical;
    EntityKind kind = EntityKind::Other;
    std::vector<std::string> aliases;
};

struct CuratedAliases {
    std::vector<CuratedEntity> entities;
    std::vector<std::pair<std::string, std::string>> distinct;
};

// Parses an alias file; throws InputError naming the source, the JSON pointer and the problem.
CuratedAliases parse_aliases(std::string_view text, const std::string& source);

}  // namespace castgraph
