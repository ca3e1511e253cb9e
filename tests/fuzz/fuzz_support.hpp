// Shared helpers of the libFuzzer targets: a quiet logger, invariant checks that
// abort with a message (so libFuzzer records a crash and saves the input), and
// checks of episode records every reader must satisfy.
#pragma once

#include <nlohmann/json.hpp>
#include <spdlog/logger.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/episode.hpp"
#include "castgraph/episode_json.hpp"
#include "castgraph/log.hpp"
#include "castgraph/problems.hpp"
#include "castgraph/text.hpp"

namespace castgraph::fuzz {

// Abort with a message: libFuzzer treats it as a crash ("deadly signal") and
// writes the input to crash-<sha1>.
[[noreturn]] inline void fail(const char* file, int line, const std::string& what) {
    std::fprintf(stderr, "\n==== castgraph fuzz invariant violated at %s:%d\n%s\n", file, line, what.c_str());
    std::fflush(stderr);
    std::abort();
}

#define CASTGRAPH_FUZZ_CHECK(condition, message)                                                        \
    do {                                                                                                \
        if (!(condition))                                                                               \
            ::castgraph::fuzz::fail(__FILE__, __LINE__, std::string("check failed: " #condition "\n") + \
                                                            std::string(message));                      \
    } while (false)

// Known library bugs (see tests/data/fuzz-regressions/README.md) are crashes by
// default. With CASTGRAPH_FUZZ_TOLERATE_KNOWN=1 in the environment a target
// treats them as rejected input, so a long run can look for other bugs past them.
inline bool tolerate_known_bugs() {
    static const bool tolerate = [] {
        const char* value = std::getenv("CASTGRAPH_FUZZ_TOLERATE_KNOWN");
        return value != nullptr && std::string_view(value) == "1";
    }();
    return tolerate;
}

// Known bug: nlohmann::json::parse throws out_of_range.406 for a number that
// overflows a double ("1e400"); read_episodes_json and parse_aliases catch only
// parse_error, so it escapes them. Calls read(); when tolerating known bugs, that
// exception gives nullopt. Otherwise no handler is active, so an escaping
// exception terminates with the stack of the throw intact.
template <class Read>
auto read_tolerating_number_overflow(Read read) -> std::optional<decltype(read())> {
    if (tolerate_known_bugs()) {
        try {
            return read();
        } catch (const nlohmann::json::out_of_range& error) {
            if (error.id == 406) return std::nullopt;
            throw;
        }
    }
    return read();
}

// Problems are expected by the thousand; logging each one would make the fuzzer
// spend its time in spdlog and flood the output.
inline void silence_logger() { logger().set_level(spdlog::level::off); }

inline std::string printable(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte >= 0x7F) {
            char buffer[5];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

inline void check_utf8(std::string_view text, const char* what) {
    CASTGRAPH_FUZZ_CHECK(!find_invalid_utf8(text), std::string(what) + " is not valid UTF-8: " + printable(text));
}

inline std::string episodes_json(const std::vector<Episode>& episodes) {
    std::ostringstream out;
    write_episodes_json(episodes, out);
    return out.str();
}

// Invariants of every episode a reader returns (listing page or episode JSON).
inline void check_episode(const Episode& episode) {
    CASTGRAPH_FUZZ_CHECK(!episode.id.empty(), "episode without id, title " + printable(episode.title));
    CASTGRAPH_FUZZ_CHECK(!trim(episode.title).empty(), "episode with a blank title, id " + printable(episode.id));
    check_utf8(episode.id, "episode id");
    check_utf8(episode.title, "title");
    check_utf8(episode.podcast, "podcast");
    check_utf8(episode.published, "published");
    check_utf8(episode.summary, "summary");
    for (const auto& guest : episode.guests) {
        check_utf8(guest.name, "guest name");
        check_utf8(guest.affiliation, "guest affiliation");
    }
    for (const auto& language : episode.languages) check_utf8(language, "language");
    for (const auto& chapter : episode.chapters) {
        check_utf8(chapter.title, "chapter title");
        check_utf8(chapter.text, "chapter text");
    }
    for (const auto& quote : episode.quotes) {
        check_utf8(quote.text, "quote");
        if (quote.chapter)
            CASTGRAPH_FUZZ_CHECK(*quote.chapter < episode.chapters.size(),
                                 "quote chapter " + std::to_string(*quote.chapter) + " out of range (" +
                                     std::to_string(episode.chapters.size()) + " chapters)");
    }
    if (episode.entity_list) {
        check_utf8(episode.entity_list->header, "entity-list header");
        check_utf8(episode.entity_list->language, "entity-list language");
        for (const auto& item : episode.entity_list->items) {
            CASTGRAPH_FUZZ_CHECK(!trim(item.name).empty(), "entity item with a blank name");
            check_utf8(item.name, "entity name");
            check_utf8(item.type, "entity type");
            check_utf8(item.description, "entity description");
        }
    }
    for (const auto& tag : episode.tags) check_utf8(tag, "tag");
    check_utf8(episode.source_file, "source file");
}

// Writing episodes as JSON and reading them back gives the same episodes with no
// problem, and writing those again gives the same bytes. Returns the JSON text.
inline std::string check_json_round_trip(const std::vector<Episode>& episodes, const std::string& source) {
    const auto written = episodes_json(episodes);
    ProblemLog problems;
    const auto read_back = read_episodes_json(written, source, problems);
    CASTGRAPH_FUZZ_CHECK(problems.count() == 0, "written episode JSON read back with problems: " +
                                                    problems.summary() + "\nfirst: " +
                                                    problems.problems().front().to_string() + "\njson:\n" + written);
    CASTGRAPH_FUZZ_CHECK(read_back.size() == episodes.size(),
                         "episode count changed in the JSON round trip: " + std::to_string(episodes.size()) + " -> " +
                             std::to_string(read_back.size()));
    for (std::size_t i = 0; i < episodes.size(); ++i)
        CASTGRAPH_FUZZ_CHECK(read_back[i] == episodes[i], "episode " + std::to_string(i) + " (" +
                                                              printable(episodes[i].id) +
                                                              ") differs after the JSON round trip; json:\n" + written +
                                                              "\nsecond write:\n" + episodes_json(read_back));
    const auto rewritten = episodes_json(read_back);
    CASTGRAPH_FUZZ_CHECK(rewritten == written, "second write_episodes_json differs:\nfirst:\n" + written +
                                                   "\nsecond:\n" + rewritten);
    return written;
}

}  // namespace castgraph::fuzz
