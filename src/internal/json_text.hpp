// Compact JSON text written straight into a string, byte for byte as nlohmann's
// dump(-1) with invalid UTF-8 replaced would write it, and long lists of records
// formatted on every core: for the writers of files of gigabytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/graph.hpp"
#include "castgraph/parallel.hpp"

namespace castgraph::internal {

// A JSON string: valid UTF-8 without quotes, backslashes or control characters,
// most text, is copied as it is; anything else goes through nlohmann's escaping.
void append_json_string(std::string& out, std::string_view text);

// ["a","b"]
void append_json_strings(std::string& out, const std::vector<std::string>& texts);

// An entity's sightings, the bytes of sightings_json(graph, sightings).dump(-1).
void append_sightings_json(std::string& out, const PropertyGraph& graph, const std::vector<Sighting>& sightings);

// ,"name": before a value that is not an object's first; returns out to append the value.
std::string& append_json_key(std::string& out, std::string_view name);

// [1,2,3]
void append_json_numbers(std::string& out, std::span<const std::uint32_t> numbers);

// The evidence list as a JSON array of names (["chapter","entity-list"]), made once
// for each of the few sets that make up millions of relationships.
const std::string& evidence_json(EvidenceSet evidence);

// Writes `count` records, one a line, separated by commas: formatted in chunks of
// chunk_size on every core, a round of chunks ahead of the one being written, and
// written in order, so the bytes never depend on the threads. format(i, text)
// appends record i; it runs on several threads at once.
template <typename Format>
void write_records(std::ostream& out, std::size_t count, std::size_t chunk_size, const Format& format) {
    const auto chunks_per_round = 2 * thread_count();
    const auto format_round = [&](std::size_t first_chunk, std::vector<std::string>& texts) {
        texts.resize(chunks_per_round);
        std::vector<std::function<void()>> tasks;
        for (std::size_t c = 0; c < chunks_per_round; ++c) {
            texts[c].clear();
            const auto begin = (first_chunk + c) * chunk_size;
            if (begin >= count) continue;
            tasks.emplace_back([&, c, begin] {
                auto& text = texts[c];
                for (auto i = begin; i < std::min(count, begin + chunk_size); ++i) {
                    text += i == 0 ? "\n" : ",\n";
                    format(i, text);
                }
            });
        }
        run_in_parallel(tasks);
    };
    std::vector<std::string> current;
    std::vector<std::string> ahead;
    format_round(0, current);
    for (std::size_t first = 0; first * chunk_size < count; first += chunks_per_round) {
        const auto next = first + chunks_per_round;
        std::future<void> formatting;
        if (next * chunk_size < count) formatting = std::async(std::launch::async, [&, next] { format_round(next, ahead); });
        for (const auto& text : current) out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (formatting.valid()) {
            formatting.get();
            std::swap(current, ahead);
        }
    }
}

}  // namespace castgraph::internal
