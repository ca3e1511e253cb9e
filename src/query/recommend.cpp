#include "castgraph/recommend.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "castgraph/entity_lookup.hpp"
#include "castgraph/error.hpp"
#include "castgraph/similarity.hpp"

namespace castgraph {
namespace {

using Vertex = PropertyGraph::Vertex;
using json = nlohmann::ordered_json;

// The items of every episode (entities mentioned, guests and hosts, topics), and idf.
class EpisodeItems {
public:
    explicit EpisodeItems(const PropertyGraph& graph) {
        for (const auto edge : boost::make_iterator_range(boost::edges(graph.graph()))) {
            const auto& relationship = graph.relationship(edge);
            const auto from = boost::source(edge, graph.graph());
            const auto to = boost::target(edge, graph.graph());
            switch (relationship.type) {
            case RelType::Mentions:
                if (!relationship.only_in_descriptions())
                    items_[from].insert(to);
                break;
            case RelType::Tagged: items_[from].insert(to); break;
            case RelType::GuestOn:
            case RelType::Hosted: items_[to].insert(from); break;
            default: break;
            }
        }
        for (const auto vertex : boost::make_iterator_range(boost::vertices(graph.graph())))
            if (graph.node(vertex).label == NodeLabel::Episode) episodes_.push_back(vertex);
        for (const auto& [episode, items] : items_)
            for (const auto item : items) ++document_frequency_[item];
    }

    [[nodiscard]] const std::set<Vertex>& items(Vertex episode) const {
        static const std::set<Vertex> none;
        const auto found = items_.find(episode);
        return found == items_.end() ? none : found->second;
    }
    [[nodiscard]] double idf(Vertex item) const {
        return std::log(static_cast<double>(episodes_.size()) / static_cast<double>(document_frequency_.at(item)));
    }
    [[nodiscard]] const std::vector<Vertex>& episodes() const { return episodes_; }

    // Scores of every other episode against one, with each shared item's contribution.
    void score_against(Vertex episode, std::map<Vertex, std::map<Vertex, double>>& because) const {
        const auto& own = items(episode);
        for (const auto other : episodes_) {
            if (other == episode) continue;
            for (const auto item : items(other))
                if (own.contains(item) && idf(item) > 0) because[other][item] += idf(item);
        }
    }

private:
    std::map<Vertex, std::set<Vertex>> items_;
    std::map<Vertex, std::size_t> document_frequency_;
    std::vector<Vertex> episodes_;
};

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

// Rows sorted by score (then id), each with its reasons, largest first.
QueryResult ranked(const PropertyGraph& graph, std::string query, json subject,
                   const std::map<Vertex, std::map<Vertex, double>>& because, std::size_t k, const char* reason_kind) {
    QueryResult result;
    result.query = std::move(query);
    result.subject = std::move(subject);
    result.columns = {"rank", "name", "score", "because", "id"};
    std::vector<std::pair<Vertex, double>> scores;
    for (const auto& [candidate, reasons] : because) {
        double total = 0;
        for (const auto& [item, weight] : reasons) total += weight;
        if (total > 0) scores.emplace_back(candidate, total);
    }
    std::sort(scores.begin(), scores.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return graph.node(a.first).id < graph.node(b.first).id;
    });
    for (std::size_t i = 0; i < scores.size() && i < k; ++i) {
        const auto& [candidate, score] = scores[i];
        std::vector<std::pair<Vertex, double>> reasons(because.at(candidate).begin(), because.at(candidate).end());
        std::sort(reasons.begin(), reasons.end(), [&](const auto& a, const auto& b) {
            if (a.second != b.second) return a.second > b.second;
            return graph.node(a.first).id < graph.node(b.first).id;
        });
        auto explanation = json::array();
        for (const auto& [item, weight] : reasons)
            explanation.push_back(graph.node(item).name + " (" + std::string(label_name(graph.node(item).label)) + " " +
                                  number(weight) + ")");
        result.rows.push_back({{"rank", i + 1},
                               {"name", graph.node(candidate).name},
                               {"score", std::round(score * 1e6) / 1e6},
                               {"because", explanation},
                               {"id", graph.node(candidate).id}});
    }
    if (result.rows.empty()) result.note = std::string("nothing shares ") + reason_kind;
    return result;
}

}  // namespace

QueryResult related_episodes(const PropertyGraph& graph, const std::string& episode, std::size_t k) {
    const auto vertex = EntityLookup(graph).resolve(episode);
    if (graph.node(vertex).label != NodeLabel::Episode)
        throw NotFoundError("'" + episode + "' is not an episode; give an episode title or id");
    const EpisodeItems items(graph);
    std::map<Vertex, std::map<Vertex, double>> because;
    items.score_against(vertex, because);
    auto result = ranked(graph, "recommend-episode", query_subject(graph, vertex), because, k,
                         "an entity, person or topic with this episode");
    if (items.items(vertex).empty()) result.note = "this episode has no entities, people or topics to compare";
    return result;
}

QueryResult episodes_for_listener(const PropertyGraph& graph, const std::string& person, std::size_t k) {
    const auto vertex = EntityLookup(graph).resolve(person);
    if (graph.node(vertex).label != NodeLabel::Person)
        throw NotFoundError("'" + person + "' is not a person");
    const EpisodeItems items(graph);
    std::set<Vertex> seeds;
    for (const auto episode : items.episodes())
        if (items.items(episode).contains(vertex)) seeds.insert(episode);
    std::map<Vertex, std::map<Vertex, double>> because;
    for (const auto seed : seeds) {
        std::map<Vertex, std::map<Vertex, double>> scores;
        items.score_against(seed, scores);
        for (const auto& [candidate, reasons] : scores) {
            if (seeds.contains(candidate)) continue;
            for (const auto& [item, weight] : reasons) because[candidate][item] += weight;
        }
    }
    auto result = ranked(graph, "recommend-person", query_subject(graph, vertex), because, k,
                         "anything with the episodes of this person");
    if (seeds.empty()) result.note = graph.node(vertex).name + " is in no episode";
    return result;
}

QueryResult related_entities(const PropertyGraph& graph, const std::string& entity, const std::string& method,
                             std::size_t k) {
    if (method != "adamic-adar" && method != "jaccard")
        throw UsageError("unknown method '" + method + "', choose adamic-adar or jaccard");
    const auto vertex = EntityLookup(graph).resolve(entity);
    if (!is_entity_label(graph.node(vertex).label)) throw NotFoundError("'" + entity + "' is not an entity");
    const auto own = co_appearance_neighbours(graph, vertex);
    std::map<Vertex, std::map<Vertex, double>> because;
    std::map<Vertex, double> score_of;
    for (const auto& pair : similarities_of(graph, vertex)) {
        const auto other = pair.a == vertex ? pair.b : pair.a;
        score_of[other] = method == "jaccard" ? pair.jaccard : pair.adamic_adar;
    }
    // Explain by the common neighbours, weighted as the measure weighs them, scaled to the score.
    for (const auto& [other, score] : score_of) {
        const auto theirs = co_appearance_neighbours(graph, other);
        std::vector<Vertex> common;
        std::set_intersection(own.begin(), own.end(), theirs.begin(), theirs.end(), std::back_inserter(common));
        double total = 0;
        std::map<Vertex, double> weights;
        for (const auto w : common) {
            const double weight = method == "jaccard" ? 1.0 : 1.0 / std::log(static_cast<double>(co_appearance_neighbours(graph, w).size()));
            weights[w] = weight;
            total += weight;
        }
        for (const auto& [w, weight] : weights) because[other][w] = total > 0 ? score * weight / total : 0;
    }
    return ranked(graph, "recommend-entity-" + method, query_subject(graph, vertex), because, k,
                  "a co-appearing entity with this one");
}

}  // namespace castgraph
