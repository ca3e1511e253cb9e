#include "castgraph/ingest.hpp"

#include "castgraph/episode_json.hpp"
#include "castgraph/io.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/text.hpp"

namespace castgraph {

std::vector<Episode> read_episodes(const std::string& path, ProblemLog& problems) {
    const auto content = read_file(path);
    const std::string source = path == "-" ? "<stdin>" : path;
    const auto body = trim(content);
    if (!body.empty() && body.front() == '{') return read_episodes_json(content, source, problems);
    return parse_listing(content, source, problems);
}

std::vector<Episode> read_all_episodes(const std::vector<std::string>& paths, ProblemLog& problems) {
    std::vector<Episode> episodes;
    for (const auto& path : paths) {
        auto more = read_episodes(path, problems);
        episodes.insert(episodes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return episodes;
}

}  // namespace castgraph
