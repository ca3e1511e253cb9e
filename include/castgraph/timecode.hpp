// Timestamps and durations as written on listing pages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace castgraph {

// "MM:SS" (minutes may exceed 59: "99:59"), "H:MM:SS" or "HH:MM:SS" (hours).
// Returns none for anything else, or for seconds/minutes out of range.
std::optional<std::uint32_t> parse_timecode(std::string_view text);

// 4185 -> "69:45"; 5084 -> "1:24:44" (hours shown only when needed).
std::string format_timecode(std::uint32_t seconds);

}  // namespace castgraph
