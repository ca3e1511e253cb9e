#include "castgraph/timecode.hpp"

#include <charconv>
#include <vector>

namespace castgraph {

std::optional<std::uint32_t> parse_timecode(std::string_view text) {
    std::vector<std::uint32_t> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(':', start), text.size());
        const auto part = text.substr(start, end - start);
        if (part.empty() || part.size() > 3) return std::nullopt;
        std::uint32_t value = 0;
        const auto [pointer, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (error != std::errc() || pointer != part.data() + part.size()) return std::nullopt;
        parts.push_back(value);
        start = end + 1;
        if (parts.size() > 3) return std::nullopt;
    }
    if (parts.size() == 2) {  // MM:SS; minutes may run past 59 ("99:59")
        if (text.find(':') != 2 && text.find(':') != 1 && text.find(':') != 3) return std::nullopt;
        if (text.size() - text.find(':') != 3 || parts[1] > 59) return std::nullopt;
        return parts[0] * 60 + parts[1];
    }
    if (parts.size() == 3) {  // H:MM:SS or HH:MM:SS: hours, never minutes
        const auto first = text.find(':');
        const auto second = text.find(':', first + 1);
        if (first > 2 || second - first != 3 || text.size() - second != 3) return std::nullopt;
        if (parts[1] > 59 || parts[2] > 59) return std::nullopt;
        return parts[0] * 3600 + parts[1] * 60 + parts[2];
    }
    return std::nullopt;
}

std::string format_timecode(std::uint32_t seconds) {
    const auto hours = seconds / 3600;
    const auto minutes = (seconds / 60) % 60;
    const auto rest = seconds % 60;
    auto two = [](std::uint32_t value) {
        return (value < 10 ? "0" : "") + std::to_string(value);
    };
    if (hours > 0) return std::to_string(hours) + ':' + two(minutes) + ':' + two(rest);
    return two(minutes) + ':' + two(rest);
}

}  // namespace castgraph
