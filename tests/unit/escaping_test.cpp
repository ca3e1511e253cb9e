// The writers' shared fast paths for text that needs no escaping, checked on strings
// long enough to take the block-at-a-time path, with the character that ends a run
// at every position.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <random>
#include <string>

#include "internal/json_text.hpp"
#include "internal/plain_run.hpp"

namespace castgraph::internal {
namespace {

TEST(PlainRun, EndsAtTheFirstByteToLookAtWhereverItIs) {
    const PlainRun run{'"', '&'};
    for (std::size_t length = 0; length <= 100; ++length) {
        const std::string plain(length, 'a');
        EXPECT_EQ(run(plain), length);
        for (std::size_t at = 0; at < length; ++at) {
            for (const char stop : {'"', '&', '\0', '\n', '\x1f', '\x7f', '\x80', '\xc3', '\xff'}) {
                auto text = plain;
                text[at] = stop;
                ASSERT_EQ(run(text), at) << "length " << length << ", byte " << int(stop);
            }
            for (const char kept : {' ', '~', '<'}) {  // printable, not special here
                auto text = plain;
                text[at] = kept;
                EXPECT_EQ(run(text), length);
            }
        }
    }
}

TEST(PlainRun, WithoutSpecialsOnlyTheRangeStopsAndTooManyAreRefused) {
    const PlainRun run;
    EXPECT_EQ(run(std::string(40, '"') + "\t"), 40u);
    EXPECT_EQ(run(std::string("ab\0c", 4)), 2u);
    EXPECT_THROW(PlainRun({'a', 'b', 'c', 'd', 'e'}), std::invalid_argument);
}

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
