// Small owning containers for the properties of millions of relationships: each is
// one pointer (8 bytes; null when empty) to a heap block holding its length and its
// contents, where a std::string or std::vector takes 24 to 32 bytes before any content
// (and a list of one number needs no block at all).
// Read through views; written whole (assignment), never grown in place. Copies of a
// text share its block.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace castgraph {

namespace packed_detail {

// A block of [uint32 length][uint32 owners][length items of Item], or null for no
// items. Its items never change once written, so copies share it: a copy counts one
// more owner (atomically: copies are made on several threads at once), and the last
// owner frees it. A graph's MENTIONS carry their list item's description this way,
// ten million texts at a million episodes that would otherwise be there twice.
template <typename Item>
class SharedBlock {
public:
    SharedBlock() = default;
    SharedBlock(const Item* items, std::size_t count) { fill(items, count); }
    SharedBlock(const SharedBlock& other) noexcept : block_(other.block_) {
        if (block_ != nullptr) owners().fetch_add(1, std::memory_order_relaxed);
    }
    SharedBlock(SharedBlock&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
    SharedBlock& operator=(const SharedBlock& other) noexcept {
        SharedBlock(other).swap(*this);
        return *this;
    }
    SharedBlock& operator=(SharedBlock&& other) noexcept {
        SharedBlock(std::move(other)).swap(*this);
        return *this;
    }
    ~SharedBlock() {
        if (block_ != nullptr && owners().fetch_sub(1, std::memory_order_acq_rel) == 1) std::free(block_);
    }

    void swap(SharedBlock& other) noexcept { std::swap(block_, other.block_); }
    [[nodiscard]] std::size_t size() const noexcept {
        std::uint32_t count = 0;
        if (block_ != nullptr) std::memcpy(&count, block_, sizeof count);
        return count;
    }
    [[nodiscard]] const Item* data() const noexcept {
        return block_ == nullptr ? nullptr : reinterpret_cast<const Item*>(block_ + kHeader);
    }

private:
    static constexpr std::size_t kHeader = std::max(2 * sizeof(std::uint32_t), alignof(Item));
    static_assert(std::is_trivially_copyable_v<Item>);

    [[nodiscard]] std::atomic_ref<std::uint32_t> owners() const noexcept {
        auto* count = std::launder(reinterpret_cast<std::uint32_t*>(block_ + sizeof(std::uint32_t)));
        return std::atomic_ref<std::uint32_t>(*count);
    }

    void fill(const Item* items, std::size_t count) {
        if (count == 0) return;
        if (count > UINT32_MAX) throw std::length_error("packed list longer than 2^32");
        block_ = static_cast<unsigned char*>(std::malloc(kHeader + count * sizeof(Item)));
        if (block_ == nullptr) throw std::bad_alloc();
        const auto length = static_cast<std::uint32_t>(count);
        std::memcpy(block_, &length, sizeof length);
        new (block_ + sizeof(std::uint32_t)) std::uint32_t(1);
        std::memcpy(block_ + kHeader, items, count * sizeof(Item));
    }

    unsigned char* block_ = nullptr;
};

}  // namespace packed_detail

// Text, read as a std::string_view. Copies share the text (see SharedBlock).
class PackedText {
public:
    PackedText() = default;
    PackedText(std::string_view text) : block_(text.data(), text.size()) {}  // NOLINT: assigned from strings
    PackedText(const std::string& text) : PackedText(std::string_view(text)) {}  // NOLINT
    PackedText(const char* text) : PackedText(std::string_view(text)) {}  // NOLINT

    [[nodiscard]] std::string_view view() const noexcept { return {block_.data(), block_.size()}; }
    // Where the text is, found without reading its block (to prefetch it): null when empty.
    [[nodiscard]] const char* data() const noexcept { return block_.data(); }
    operator std::string_view() const noexcept { return view(); }  // NOLINT: reads like the string it was
    [[nodiscard]] std::string str() const { return std::string(view()); }
    [[nodiscard]] bool empty() const noexcept { return block_.size() == 0; }
    [[nodiscard]] std::size_t size() const noexcept { return block_.size(); }
    bool operator==(const PackedText& other) const noexcept { return view() == other.view(); }

private:
    packed_detail::SharedBlock<char> block_;
};

// Unsigned 32-bit numbers (seconds, vertices), read as a span. A single number, the
// most common list by far (a pair seen in one episode, a name said in one chapter),
// is kept in the 8 bytes themselves instead of a heap block.
class PackedNumbers {
public:
    PackedNumbers() = default;
    PackedNumbers(std::initializer_list<std::uint32_t> numbers) { fill(numbers.begin(), numbers.size()); }
    explicit PackedNumbers(std::span<const std::uint32_t> numbers) { fill(numbers.data(), numbers.size()); }
    // From any list of integers that fit in 32 bits (vertices come as std::size_t).
    template <typename Number>
    PackedNumbers(const std::vector<Number>& numbers) {  // NOLINT: assigned from vectors
        if constexpr (std::is_same_v<Number, std::uint32_t>) {
            fill(numbers.data(), numbers.size());
        } else {
            std::vector<std::uint32_t> narrow;
            narrow.reserve(numbers.size());
            for (const auto number : numbers) {
                if (number > UINT32_MAX) throw std::length_error("packed number above 2^32");
                narrow.push_back(static_cast<std::uint32_t>(number));
            }
            fill(narrow.data(), narrow.size());
        }
    }
    PackedNumbers(const PackedNumbers& other) { fill(other.begin(), other.size()); }
    PackedNumbers(PackedNumbers&& other) noexcept : words_(std::exchange(other.words_, {})) {}
    PackedNumbers& operator=(const PackedNumbers& other) {
        if (this != &other) PackedNumbers(other).swap(*this);
        return *this;
    }
    PackedNumbers& operator=(PackedNumbers&& other) noexcept {
        PackedNumbers(std::move(other)).swap(*this);
        return *this;
    }
    ~PackedNumbers() { std::free(block()); }

    template <typename Iterator>
    void assign(Iterator first, Iterator last) {
        *this = PackedNumbers(std::vector<std::uint32_t>(first, last));
    }
    void swap(PackedNumbers& other) noexcept { std::swap(words_, other.words_); }

    [[nodiscard]] std::span<const std::uint32_t> view() const noexcept { return {begin(), size()}; }
    [[nodiscard]] const std::uint32_t* begin() const noexcept {
        if (is_inline()) return &words_[1];
        const auto* heap = block();
        return heap == nullptr ? nullptr : reinterpret_cast<const std::uint32_t*>(heap + kHeader);
    }
    [[nodiscard]] const std::uint32_t* end() const noexcept { return begin() + size(); }
    [[nodiscard]] std::size_t size() const noexcept {
        if (is_inline()) return 1;
        std::uint32_t count = 0;
        if (const auto* heap = block(); heap != nullptr) std::memcpy(&count, heap, sizeof count);
        return count;
    }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    [[nodiscard]] std::uint32_t operator[](std::size_t index) const noexcept { return begin()[index]; }
    [[nodiscard]] std::vector<std::uint32_t> to_vector() const { return {begin(), end()}; }
    bool operator==(const PackedNumbers& other) const noexcept {
        return std::equal(begin(), end(), other.begin(), other.end());
    }

private:
    // The two words are a heap block's address, all zero when empty, or {kInline,
    // number}. The low word of an address from malloc (16-byte aligned) is never
    // kInline, and on a little-endian machine it is the first word.
    static_assert(std::endian::native == std::endian::little && sizeof(void*) == 2 * sizeof(std::uint32_t));
    static constexpr std::uint32_t kInline = 1;
    static constexpr std::size_t kHeader = sizeof(std::uint32_t);

    [[nodiscard]] bool is_inline() const noexcept { return words_[0] == kInline; }
    [[nodiscard]] unsigned char* block() const noexcept {
        if (is_inline()) return nullptr;
        unsigned char* heap = nullptr;
        std::memcpy(&heap, words_.data(), sizeof heap);
        return heap;
    }
    void fill(const std::uint32_t* numbers, std::size_t count) {
        if (count == 0) return;
        if (count == 1) {
            words_ = {kInline, numbers[0]};
            return;
        }
        if (count > UINT32_MAX) throw std::length_error("packed list longer than 2^32");
        auto* heap = static_cast<unsigned char*>(std::malloc(kHeader + count * sizeof(std::uint32_t)));
        if (heap == nullptr) throw std::bad_alloc();
        const auto length = static_cast<std::uint32_t>(count);
        std::memcpy(heap, &length, sizeof length);
        std::memcpy(heap + kHeader, numbers, count * sizeof(std::uint32_t));
        std::memcpy(words_.data(), &heap, sizeof heap);
    }

    alignas(void*) std::array<std::uint32_t, 2> words_{};
};

}  // namespace castgraph
