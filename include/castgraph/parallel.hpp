// Independent work spread over the machine's cores. Callers keep results in
// slots indexed by task, so output never depends on which thread ran what.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace castgraph {

// Threads used by run_in_parallel; 0 (the default) means the machine's cores.
void set_thread_count(std::size_t threads);
[[nodiscard]] std::size_t thread_count();

// Runs every task once, on up to thread_count() threads, and waits for all of
// them. Then rethrows the exception of the first task, in task order, that threw.
void run_in_parallel(const std::vector<std::function<void()>>& tasks);

// Calls work(i) for every i in [begin, end), in chunks of `chunk` indexes run as tasks
// of run_in_parallel: for work whose results go to slots indexed by i.
void for_each_index_in_parallel(std::size_t begin, std::size_t end, std::size_t chunk,
                                const std::function<void(std::size_t)>& work);

// Calls format(chunk, text) for every chunk in [0, chunks) on every core, each into
// an empty string, and emit(text) on the calling thread in chunk order while later
// chunks are formatted: for writers of long outputs, whose bytes then never depend on
// the threads. At most a few chunks per core wait in memory. An exception from
// format is rethrown when its chunk's turn to be emitted comes (so the first in
// chunk order wins); one from emit stops the formatting and is rethrown.
void format_in_order(std::size_t chunks, const std::function<void(std::size_t chunk, std::string& text)>& format,
                     const std::function<void(const std::string& text)>& emit);

// Writes a zero at data and every 4,096 bytes after it within [data, data + bytes),
// on every core, so that the pages of a large array are faulted in side by side. The
// kernel zeroes a fresh page on the thread that first writes it, at about 3 GB/s a
// core here: a gigabyte-sized array filled by one thread pays that alone. Ranges under
// 16 MB are left alone (not worth the threads).
void touch_pages_in_parallel(void* data, std::size_t bytes);

// Room for `count` elements in `values`, its fresh pages touched on every core. Only
// for room that will be filled (or nearly all of it): touched pages count in the
// resident size.
template <typename T>
void reserve_touched(std::vector<T>& values, std::size_t count) {
    values.reserve(count);
    if (count > values.size())
        touch_pages_in_parallel(values.data() + values.size(), (count - values.size()) * sizeof(T));
}

// `count` elements in `values`, the new ones value-initialized, in room whose fresh
// pages are touched on every core first (reserve_touched): for a list filled in place.
template <typename T>
void resize_touched(std::vector<T>& values, std::size_t count) {
    reserve_touched(values, count);
    values.resize(count);
}

// Sorts [first, last) by operator< on every core: parts sorted side by side, then
// merged. Only for types whose equal values are identical (an order on the whole
// value), so the result cannot depend on the number of cores.
template <typename Iterator>
void parallel_sort(Iterator first, Iterator last) {
    const auto size = static_cast<std::size_t>(last - first);
    constexpr std::size_t kSmallest = 1 << 16;  // below this, threads cost more than they save
    const auto parts = std::min(thread_count(), std::max<std::size_t>(1, size / kSmallest));
    if (parts <= 1) {
        std::sort(first, last);
        return;
    }
    std::vector<Iterator> bounds;
    for (std::size_t part = 0; part <= parts; ++part)
        bounds.push_back(first + static_cast<std::ptrdiff_t>(size * part / parts));
    std::vector<std::function<void()>> sorts;
    for (std::size_t part = 0; part < parts; ++part)
        sorts.emplace_back([&, part] { std::sort(bounds[part], bounds[part + 1]); });
    run_in_parallel(sorts);
    for (std::size_t width = 1; width < parts; width *= 2) {
        std::vector<std::function<void()>> merges;
        for (std::size_t part = 0; part + width < parts; part += 2 * width)
            merges.emplace_back([&, part, width] {
                std::inplace_merge(bounds[part], bounds[part + width], bounds[std::min(parts, part + 2 * width)]);
            });
        run_in_parallel(merges);
    }
}

}  // namespace castgraph
