// RE2 patterns are compiled once, quietly, and checked at construction: a
// pattern that does not compile is a programming error, reported at once.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>

#include "castgraph/error.hpp"

namespace castgraph::internal {

inline std::unique_ptr<const RE2> compile_pattern(const std::string& pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    auto compiled = std::make_unique<const RE2>(pattern, options);
    if (!compiled->ok())
        throw Error(ErrorCategory::internal, "pattern /" + pattern + "/ does not compile: " + compiled->error());
    return compiled;
}

}  // namespace castgraph::internal
