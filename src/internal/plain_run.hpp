// The escapers of the writers copy most text as it is: names, descriptions and
// ids are printable ASCII with few characters to escape. A PlainRun finds where
// such a run ends, sixteen bytes at a time where the machine has SSE2 (every x86-64
// does) and a table lookup a byte elsewhere; the escaper then deals with the byte
// there in its own way.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castgraph::internal {

class PlainRun {
public:
    static constexpr std::size_t kMaxSpecials = 4;

    // Runs of printable ASCII (0x20 to 0x7E) without any of `specials`, of which there
    // are at most kMaxSpecials.
    constexpr PlainRun(std::initializer_list<unsigned char> specials)
        : PlainRun(std::span<const unsigned char>(specials.begin(), specials.size())) {}
    constexpr explicit PlainRun(std::span<const unsigned char> specials = {}) {
        if (specials.size() > kMaxSpecials) throw std::invalid_argument("PlainRun: too many special characters");
        for (unsigned byte = 0; byte < 256; ++byte) stops_[byte] = byte < 0x20 || byte > 0x7E;
        std::size_t count = 0;
        for (const auto special : specials) {
            stops_[special] = true;
            specials_[count++] = special;
        }
        // The unused places repeat a stop that the range test finds anyway.
        for (; count < kMaxSpecials; ++count) specials_[count] = 0;
    }

    // The length of text's leading run.
    [[nodiscard]] std::size_t operator()(std::string_view text) const noexcept {
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        std::size_t pos = 0;
#if defined(__SSE2__)
        // As signed bytes, controls and every byte from 0x80 on are below 0x20.
        const auto space = _mm_set1_epi8(0x20);
        const auto del = _mm_set1_epi8(0x7F);
        for (; pos + 16 <= text.size(); pos += 16) {
            const auto block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
            auto stop = _mm_or_si128(_mm_cmplt_epi8(block, space), _mm_cmpeq_epi8(block, del));
            for (const auto special : specials_)
                stop = _mm_or_si128(stop, _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(special))));
            if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stop)); mask != 0)
                return pos + static_cast<std::size_t>(std::countr_zero(mask));
        }
#endif
        while (pos < text.size() && !stops_[bytes[pos]]) ++pos;
        return pos;
    }

private:
    std::array<bool, 256> stops_{};
    std::array<unsigned char, kMaxSpecials> specials_{};
};

}  // namespace castgraph::internal
