#include "castgraph/timecode.hpp"

#include <gtest/gtest.h>

namespace castgraph {
namespace {

TEST(ParseTimecode, Table) {
    struct Row {
        const char* input;
        std::optional<std::uint32_t> expected;
    };
    const Row rows[] = {
        {"00:00", 0},
        {"14:47", 887},
        {"69:45", 4185},       // minutes past 59 on MM:SS
        {"99:59", 5999},
        {"1:24:44", 5084},     // H:MM:SS is hours
        {"01:05:13", 3913},    // HH:MM:SS is hours, not minutes
        {"1:02:44", 3764},
        {"12:60", std::nullopt},
        {"1:60:00", std::nullopt},
        {"1:2:3", std::nullopt},
        {"", std::nullopt},
        {"ab:cd", std::nullopt},
        {"1:", std::nullopt},
        {"-1:00", std::nullopt},
        {"1:00:00:00", std::nullopt},
        {"99999999:00", std::nullopt},
    };
    for (const auto& row : rows) EXPECT_EQ(parse_timecode(row.input), row.expected) << row.input;
}

TEST(FormatTimecode, Table) {
    EXPECT_EQ(format_timecode(0), "00:00");
    EXPECT_EQ(format_timecode(887), "14:47");
    EXPECT_EQ(format_timecode(4185), "1:09:45");
    EXPECT_EQ(format_timecode(5084), "1:24:44");
}

}  // namespace
}  // namespace castgraph
