#include "allocator.hpp"

#include <cstdlib>

#ifdef CASTGRAPH_MIMALLOC
#include <mimalloc.h>
#endif

#include "castgraph/log.hpp"

namespace castgraph::cli {

void log_allocator() {
#ifdef CASTGRAPH_MIMALLOC
    // Whether malloc itself reaches mimalloc, not only that it is linked.
    void* block = std::malloc(1);
    const bool serves_malloc = mi_is_in_heap_region(block);
    std::free(block);
    const int version = mi_version();
    logger().debug("allocator: mimalloc {}.{}.{}{}", version / 100, version / 10 % 10, version % 10,
                   serves_malloc ? "" : " (linked, but malloc does not reach it)");
#endif
}

void return_freed_pages_at_once(std::string_view from) {
#ifdef CASTGRAPH_MIMALLOC
    if (std::getenv("MIMALLOC_DECOMMIT_DELAY") == nullptr && std::getenv("MIMALLOC_RESET_DELAY") == nullptr)
        mi_option_set(mi_option_decommit_delay, 0);
    logger().debug("allocator: freed pages returned after {} ms from {} on", mi_option_get(mi_option_decommit_delay), from);
#else
    (void)from;
#endif
}

}  // namespace castgraph::cli
