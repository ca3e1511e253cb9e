// Recommendations, each score explained by what drove it (the "because" column).
//
// Related episodes (--episode): an episode's items are the entities it mentions (not
// counting description-only mentions), its guests and hosts, and its topics. With N
// episodes and df(x) the number of episodes holding item x, idf(x) = ln(N / df(x)), and
//     score(e, f) = Σ over items x shared by e and f of idf(x)
// so a rare shared guest or tool counts for much, a topic every episode has for nothing.
// Listeners of a person (--person): the episodes the person is in are the seeds S; every
// other episode f scores Σ over e in S of score(e, f).
// Related entities (--entity): Adamic-Adar or Jaccard on the co-appearance graph
// (similarity.hpp), explained by the common neighbours.
//
// Results are QueryResult tables (rank, name, score, because, id), ties broken by id, so
// they are deterministic. Unknown names throw NotFoundError with the closest names.
#pragma once

#include <cstddef>
#include <string>

#include "castgraph/graph.hpp"
#include "castgraph/query.hpp"

namespace castgraph {

QueryResult related_episodes(const PropertyGraph& graph, const std::string& episode, std::size_t k);
QueryResult episodes_for_listener(const PropertyGraph& graph, const std::string& person, std::size_t k);
// method: "adamic-adar" or "jaccard"
QueryResult related_entities(const PropertyGraph& graph, const std::string& entity, const std::string& method,
                             std::size_t k);

}  // namespace castgraph
