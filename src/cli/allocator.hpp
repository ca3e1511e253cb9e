// The executable's allocator (mimalloc when it is linked with it): what it is, and
// when it hands freed memory back to the system.
#pragma once

#include <string_view>

namespace castgraph::cli {

// Logs (debug) the allocator and whether malloc reaches it.
void log_allocator();

// From here on (`from`, named in the debug log), pages freed go back to the system at
// once instead of after mimalloc's delay (25 ms), unless MIMALLOC_DECOMMIT_DELAY or
// MIMALLOC_RESET_DELAY sets it. Without mimalloc, nothing.
void return_freed_pages_at_once(std::string_view from);

}  // namespace castgraph::cli
