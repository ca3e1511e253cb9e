#!/usr/bin/env bash
# The test suite again under AddressSanitizer and UndefinedBehaviorSanitizer: a second build
# tree (BUILD_DIR/sanitize, clang) with -DCASTGRAPH_SANITIZE=ON, then its unit, golden,
# end-to-end, schema and hostile-input tests (the interop tests with outside servers and the
# install tests run once, in the main tree). Any sanitizer report aborts the test that hit it.
# The same tree builds the libFuzzer targets (-DCASTGRAPH_FUZZ=ON), which fuzz.smoke runs
# next: both need clang's ASan + UBSan build of the library, so it is compiled once.
# The tree is a unity build at -O1 with line tables only: each library's sources compile as
# one unit, so the heavy headers' inline code is instrumented once per library instead of
# once per file. That takes about two thirds of the compile time, and reports still name
# file and line.
# Usage: run_sanitized_suite.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$(realpath "$1") build_dir=$(realpath "$2")/sanitize
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:hard_rss_limit_mb=6000"
export CASTGRAPH_TEST_ADDRESS_SPACE_KB=unlimited  # ASan's shadow memory needs the address space
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$source_dir/tests/sanitize/lsan.supp:print_suppressions=0"
# A tree configured before with another compiler (GCC, before this tree also built the fuzz
# targets) is started afresh: CMake cannot change a tree's compiler in place.
if [ -f "$build_dir/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++$' "$build_dir/CMakeCache.txt"; then
  rm -rf "$build_dir"
fi
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCASTGRAPH_SANITIZE=ON -DCASTGRAPH_FUZZ=ON -DCASTGRAPH_BUILD_TESTS=ON \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCASTGRAPH_TEST_PYTHON=/usr/bin/python3 >/dev/null
cmake --build "$build_dir" -- -j2
ctest --test-dir "$build_dir" --output-on-failure -LE "interop|install" -j2
