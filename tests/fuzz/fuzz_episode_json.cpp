// libFuzzer target: read_episodes_json on arbitrary bytes.
//
// Checks: no crash, sanitizer report, leak or exception other than InputError;
// every episode read has an id and valid UTF-8 text, quotes point at existing
// chapters; write_episodes_json of what was read reads back with no problem to
// equal episodes, and writing those again gives identical bytes; strict mode
// throws exactly when the lenient read reports problems.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "castgraph/episode_json.hpp"
#include "castgraph/error.hpp"
#include "fuzz_support.hpp"

using namespace castgraph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::silence_logger();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string source = "fuzz.json";

    ProblemLog problems;
    std::vector<Episode> episodes;
    try {
        auto read = fuzz::read_tolerating_number_overflow([&] { return read_episodes_json(text, source, problems); });
        if (!read) return 0;  // known bug, tolerated (see fuzz_support.hpp)
        episodes = std::move(*read);
    } catch (const InputError&) {
        return 0;  // expected outcome for bad input
    }
    for (const auto& problem : problems.problems())
        CASTGRAPH_FUZZ_CHECK(problem.where.file == source, "problem names another file: " + problem.to_string());

    for (const auto& episode : episodes) fuzz::check_episode(episode);
    fuzz::check_json_round_trip(episodes, source);

    ProblemLog strict(true);
    bool threw = false;
    std::vector<Episode> strict_episodes;
    try {
        strict_episodes = read_episodes_json(text, source, strict);
    } catch (const InputError&) {
        threw = true;
    }
    CASTGRAPH_FUZZ_CHECK(threw == (problems.count() > 0),
                         std::string("strict mode ") + (threw ? "threw" : "did not throw") + " but the lenient read reported " +
                             std::to_string(problems.count()) + " problems");
    if (!threw) CASTGRAPH_FUZZ_CHECK(strict_episodes == episodes, "strict read returned other episodes");
    return 0;
}
