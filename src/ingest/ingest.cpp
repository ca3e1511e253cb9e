#include "castgraph/ingest.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <tuple>

#include "castgraph/episode_json.hpp"
#include "castgraph/io.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/text.hpp"

namespace castgraph {

std::vector<Episode> read_episodes(const std::string& path, ProblemLog& problems) {
    const FileText file(path);
    const auto content = file.view();
    const std::string source = path == "-" ? "<stdin>" : path;
    const auto body = trim(content);
    if (!body.empty() && body.front() == '{') return read_episodes_json(content, source, problems);
    return parse_listing(content, source, problems, [&file](std::string_view part) { file.let_go(part); });
}

void append_episodes(std::vector<Episode>& episodes, std::vector<Episode>&& more) {
    if (episodes.empty())
        episodes = std::move(more);
    else
        episodes.insert(episodes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

std::vector<Episode> read_all_episodes(const std::vector<std::string>& paths, ProblemLog& problems) {
    std::vector<Episode> episodes;
    for (const auto& path : paths) append_episodes(episodes, read_episodes(path, problems));
    return episodes;
}

namespace {

// Orders two records of one episode: the one a reader would rather keep first.
// The serialized form breaks every remaining tie, so the choice never depends
// on input order.
struct RicherFirst {
    static std::size_t items(const Episode& episode) {
        return episode.entity_list ? episode.entity_list->items.size() : 0;
    }
    static std::size_t text_size(const Episode& episode) {
        std::size_t size = episode.summary.size();
        for (const auto& chapter : episode.chapters) size += chapter.title.size() + chapter.text.size();
        return size;
    }
    static std::string serialized(const Episode& episode) {
        auto copy = episode;
        copy.source_file.clear();
        copy.source_line = 0;
        std::ostringstream out;
        write_episodes_json({copy}, out);
        return out.str();
    }
    bool operator()(const Episode& a, const Episode& b) const {
        const auto key = [](const Episode& e) { return std::make_tuple(items(e), e.chapters.size(), text_size(e)); };
        if (key(a) != key(b)) return key(a) > key(b);
        return serialized(a) < serialized(b);
    }
};

}  // namespace

std::vector<Episode> deduplicate_episodes(std::vector<Episode> episodes, ProblemLog& problems) {
    // Positions are sorted, not the episodes: each is a few hundred bytes of strings
    // and lists, and a million of them would be moved some twenty times over. Sorted
    // by (id, position) on every core, then each run of one id by content, stably:
    // the order a stable sort by (id, richer first) gives.
    std::vector<std::pair<std::string_view, std::size_t>> by_id(episodes.size());
    for (std::size_t i = 0; i < episodes.size(); ++i) by_id[i] = {episodes[i].id, i};
    parallel_sort(by_id.begin(), by_id.end());
    std::size_t distinct = 0;
    for (std::size_t begin = 0; begin < by_id.size();) {
        ++distinct;
        auto end = begin + 1;
        while (end < by_id.size() && by_id[end].first == by_id[begin].first) ++end;
        if (end - begin > 1)
            std::stable_sort(by_id.begin() + static_cast<std::ptrdiff_t>(begin),
                             by_id.begin() + static_cast<std::ptrdiff_t>(end),
                             [&](const auto& left, const auto& right) {
                                 return RicherFirst{}(episodes[left.second], episodes[right.second]);
                             });
        begin = end;
    }
    // The first of each id's run is kept; the others are reported against it.
    std::vector<std::size_t> kept;
    kept.reserve(distinct);
    for (std::size_t i = 0; i < by_id.size(); ++i) {
        if (i == 0 || by_id[i].first != by_id[i - 1].first) {
            kept.push_back(by_id[i].second);
            continue;
        }
        const auto& episode = episodes[by_id[i].second];
        const auto& first = episodes[kept.back()];
        problems.report({{episode.source_file, episode.source_line, 0},
                         "duplicate-episode",
                         "episode '" + episode.title + "' was already read at " + first.source_file + ":" +
                             std::to_string(first.source_line) + "; the record with more content is kept",
                         "episode"});
    }
    // Moved into id order on every core: each lies anywhere in the input, and a million
    // moved one after another took half a second. The ids viewed are not read again.
    std::vector<Episode> unique;
    resize_touched(unique, kept.size());
    for_each_index_in_parallel(0, kept.size(), 4096, [&](std::size_t k) { unique[k] = std::move(episodes[kept[k]]); });
    return unique;
}

}  // namespace castgraph
