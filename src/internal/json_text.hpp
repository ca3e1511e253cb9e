// Compact JSON text written straight into a string, byte for byte as nlohmann's
// dump(-1) with invalid UTF-8 replaced would write it, and long lists of records
// formatted on every core: for the writers of files of gigabytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
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
// chunk_size on every core and written in order (format_in_order), so the bytes
// never depend on the threads. format(i, text) appends record i; it runs on several
// threads at once.
template <typename Format>
void write_records(std::ostream& out, std::size_t count, std::size_t chunk_size, const Format& format) {
    format_in_order(
        (count + chunk_size - 1) / chunk_size,
        [&](std::size_t chunk, std::string& text) {
            for (auto i = chunk * chunk_size; i < std::min(count, (chunk + 1) * chunk_size); ++i) {
                text += i == 0 ? "\n" : ",\n";
                format(i, text);
            }
        },
        [&](const std::string& text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

}  // namespace castgraph::internal
