// Finds graph nodes by what a user types: an id, a name or an alias, compared
// like resolution compares names (case, accents, punctuation folded), so
// "openclaw" and "Clawdbot" (an alias) both find OpenClaw. Episodes are found by
// title the same way, or by the start of their title when only one starts so.
//
// Immutable after construction; safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"

namespace castgraph {

class EntityLookup {
public:
    explicit EntityLookup(const PropertyGraph& graph);

    // Every node the text names, sorted by id: the node with that id, else
    // every entity or episode with that name or alias.
    [[nodiscard]] std::vector<PropertyGraph::Vertex> find(std::string_view text) const;

    // The one node the text names. Throws NotFoundError naming up to five
    // closest names when nothing matches, or the candidates when several do.
    [[nodiscard]] PropertyGraph::Vertex resolve(std::string_view text) const;

    // Up to k known names closest to the text (edit distance on the folded
    // forms, then name order).
    [[nodiscard]] std::vector<std::string> closest(std::string_view text, std::size_t k) const;

private:
    const PropertyGraph& graph_;
    std::map<std::string, std::vector<PropertyGraph::Vertex>> by_key_;  // folded name -> nodes
    std::map<std::string, std::string> display_;  // folded name -> a name as written
};

}  // namespace castgraph
