// The escapers of the writers copy most text as it is: names, descriptions and
// ids are printable ASCII with few characters to escape. plain_ascii_run finds
// where such a run ends, a block of bytes at a time in a loop without early exits,
// which compilers turn into vector code; the escaper then deals with the byte
// there in its own way.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace castgraph::internal {

// The length of text's leading run of printable ASCII bytes (0x20 to 0x7E) that are
// none of `specials`. A special that is 0 stands for none (0 is never printable).
template <std::size_t N>
std::size_t plain_ascii_run(std::string_view text, const std::array<unsigned char, N>& specials) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    // Bytes and bitwise ors, not bools and short-circuits: GCC vectorizes a block's
    // test only so.
    const auto stops = [&](unsigned char byte) -> unsigned char {
        auto stop = static_cast<unsigned char>(static_cast<unsigned char>(byte - 0x20) > 0x5E);
        for (const auto special : specials) stop |= static_cast<unsigned char>(byte == special);
        return stop;
    };
    constexpr std::size_t kBlock = 32;
    std::size_t pos = 0;
    for (; pos + kBlock <= text.size(); pos += kBlock) {
        unsigned char any = 0;
        for (std::size_t i = 0; i < kBlock; ++i) any |= stops(bytes[pos + i]);
        if (any != 0) break;
    }
    while (pos < text.size() && stops(bytes[pos]) == 0) ++pos;
    return pos;
}

}  // namespace castgraph::internal
