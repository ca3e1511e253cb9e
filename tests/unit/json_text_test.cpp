// The graph file's and JSON-LD's strings, written without nlohmann for speed, against
// nlohmann's own escaping.
#include "internal/json_text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

namespace castgraph::internal {
namespace {

// Random strings over an alphabet of plain ASCII, the characters JSON escapes, DEL,
// two-byte UTF-8 and a byte that is never valid UTF-8, of every length to 100.
TEST(JsonText, StringsOfEveryLengthAsNlohmannDumpsThem) {
    const std::vector<std::string> alphabet = {"a", "Z", " ", "~", "\"", "\\", "\n", "\x01", "\x7f",
                                               "\xc3\xa9", "\xff"};
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> mostly_plain(0, 15);
    for (std::size_t length = 0; length <= 100; ++length) {
        for (int round = 0; round < 20; ++round) {
            std::string text;
            for (std::size_t i = 0; i < length; ++i)
                text += mostly_plain(random) > 0 ? alphabet[0] : alphabet[pick(random)];
            std::string written = "x";
            append_json_string(written, text);
            const auto expected = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            ASSERT_EQ(written, "x" + expected) << text;
        }
    }
}

}  // namespace
}  // namespace castgraph::internal
