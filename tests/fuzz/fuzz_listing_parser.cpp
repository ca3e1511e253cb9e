// libFuzzer target: parse_listing on arbitrary bytes.
//
// Checks: no crash, sanitizer report, leak or exception other than InputError;
// every episode has an id made from its podcast and title, valid UTF-8 text,
// quotes pointing at existing chapters, the guests parse_title_guests finds in
// its title and the source named; every problem names the source and a line of
// the page; the episodes survive write_episodes_json -> read_episodes_json
// unchanged; strict mode throws exactly when the lenient parse reports problems,
// and otherwise returns the same episodes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "castgraph/error.hpp"
#include "castgraph/listing_parser.hpp"
#include "castgraph/title_parser.hpp"
#include "fuzz_support.hpp"

using namespace castgraph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::silence_logger();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string source = "fuzz.txt";

    ProblemLog problems;
    std::vector<Episode> episodes;
    try {
        episodes = parse_listing(text, source, problems);
    } catch (const InputError&) {
        return 0;  // expected outcome for bad input
    }

    std::size_t line_count = 1;
    for (const char c : text) line_count += c == '\n' ? 1 : 0;
    for (const auto& problem : problems.problems()) {
        CASTGRAPH_FUZZ_CHECK(problem.where.file == source, "problem names another file: " + problem.to_string());
        CASTGRAPH_FUZZ_CHECK(problem.where.line >= 1 && problem.where.line <= line_count,
                             "problem line out of range (" + std::to_string(line_count) +
                                 " lines): " + problem.to_string());
        CASTGRAPH_FUZZ_CHECK(!problem.reason.empty(), "problem without reason: " + problem.to_string());
    }

    for (const auto& episode : episodes) {
        fuzz::check_episode(episode);
        CASTGRAPH_FUZZ_CHECK(episode.id == make_episode_id(episode.podcast, episode.title),
                             "episode id " + fuzz::printable(episode.id) + " is not made from podcast and title");
        CASTGRAPH_FUZZ_CHECK(episode.id.rfind("episode:", 0) == 0, "episode id " + fuzz::printable(episode.id));
        CASTGRAPH_FUZZ_CHECK(episode.source_file == source, "source file " + fuzz::printable(episode.source_file));
        CASTGRAPH_FUZZ_CHECK(episode.source_line >= 1 && episode.source_line <= line_count,
                             "source line " + std::to_string(episode.source_line));
        CASTGRAPH_FUZZ_CHECK(episode.guests == parse_title_guests(episode.title),
                             "guests differ from parse_title_guests of the title " + fuzz::printable(episode.title));
    }

    fuzz::check_json_round_trip(episodes, source);

    // Strict mode: the first problem is fatal; without problems the result is the same.
    ProblemLog strict(true);
    bool threw = false;
    std::vector<Episode> strict_episodes;
    try {
        strict_episodes = parse_listing(text, source, strict);
    } catch (const InputError&) {
        threw = true;
    }
    CASTGRAPH_FUZZ_CHECK(threw == (problems.count() > 0),
                         std::string("strict mode ") + (threw ? "threw" : "did not throw") + " but the lenient parse reported " +
                             std::to_string(problems.count()) + " problems");
    if (!threw) CASTGRAPH_FUZZ_CHECK(strict_episodes == episodes, "strict parse returned other episodes");
    return 0;
}
