// PlainRun, the writers' fast path for text that needs no escaping, on strings long
// enough for its sixteen-byte blocks, with the byte that ends a run at every position.
#include "internal/plain_run.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace castgraph::internal {
namespace {

int byte_value(char c) { return static_cast<int>(static_cast<unsigned char>(c)); }

TEST(PlainRun, EndsAtTheFirstByteToLookAtWhereverItIs) {
    const PlainRun run{'"', '&'};
    for (std::size_t length = 0; length <= 100; ++length) {
        const std::string plain(length, 'a');
        EXPECT_EQ(run(plain), length);
        for (std::size_t at = 0; at < length; ++at) {
            for (const char stop : {'"', '&', '\0', '\n', '\x1f', '\x7f', '\x80', '\xc3', '\xff'}) {
                auto text = plain;
                text[at] = stop;
                ASSERT_EQ(run(text), at) << "length " << length << ", byte " << byte_value(stop);
            }
            for (const char kept : {' ', '~', '<'}) {  // printable, not special here
                auto text = plain;
                text[at] = kept;
                EXPECT_EQ(run(text), length);
            }
        }
    }
}

// Several stops in one block: the first one counts, wherever the second is.
TEST(PlainRun, TheFirstOfSeveralStopsInABlockEndsTheRun) {
    const PlainRun run{'"', '&'};
    for (std::size_t length = 2; length <= 48; ++length) {
        for (std::size_t first = 0; first + 1 < length; ++first) {
            for (std::size_t second = first + 1; second < length; ++second) {
                std::string text(length, 'a');
                text[first] = '&';
                text[second] = '\x80';
                ASSERT_EQ(run(text), first) << "length " << length << ", stops at " << first << " and " << second;
                text[first] = '\x80';
                text[second] = '"';
                ASSERT_EQ(run(text), first) << "length " << length << ", stops at " << first << " and " << second;
            }
        }
    }
}

TEST(PlainRun, WithoutSpecialsOnlyTheRangeStopsAndTooManyAreRefused) {
    const PlainRun run;
    EXPECT_EQ(run(std::string(40, '"') + "\t"), 40u);
    EXPECT_EQ(run(std::string("ab\0c", 4)), 2u);
    EXPECT_EQ(run(std::string_view()), 0u);
    EXPECT_THROW(PlainRun({'a', 'b', 'c', 'd', 'e'}), std::invalid_argument);
}

}  // namespace
}  // namespace castgraph::internal
