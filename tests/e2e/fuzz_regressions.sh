#!/usr/bin/env bash
# Every input the fuzzers found a bug with (tests/data/fuzz-regressions/<target>/) through
# the real binary, by the command that reads that kind of file: it must end with exit 0
# or a clear error (exit 1), never a crash or an "internal error". The fuzz targets replay
# the same files (tests/fuzz/run_fuzzers.sh).
# Usage: fuzz_regressions.sh CASTGRAPH. Prints "N passed, M failed".
set -uo pipefail
binary=$1
dir=tests/data/fuzz-regressions
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
run() {  # run FILE COMMAND...
  local file=$1; shift
  "$@" >/dev/null 2>"$work/err"; local status=$?
  if { [ "$status" -eq 0 ] || [ "$status" -eq 1 ]; } && ! grep -q 'internal error' "$work/err"; then
    passed=$((passed + 1)); echo "ok: $file (exit $status)"
  else
    failed=$((failed + 1)); echo "FAIL: $file (exit $status)"; head -3 "$work/err"
  fi
}
for file in "$dir"/fuzz_listing_parser/* "$dir"/fuzz_episode_json/* "$dir"/fuzz_title/*; do
  [ -f "$file" ] && run "$file" "$binary" parse "$file" -o "$work/out.json"
done
for file in "$dir"/fuzz_aliases/*; do
  [ -f "$file" ] && run "$file" "$binary" resolve examples/latent-space-listing.txt --aliases "$file" -o "$work/out.json"
done
for file in "$dir"/fuzz_pipeline/*; do
  [ -f "$file" ] && run "$file" "$binary" build "$file" -o "$work/g.json" --report "$work/r.json"
done
# The duplicate-id case: every entity of the report and of the graph has its own id.
if [ -f "$dir/fuzz_pipeline/duplicate-entity-id-c-2.txt" ]; then
  "$binary" resolve "$dir/fuzz_pipeline/duplicate-entity-id-c-2.txt" -o "$work/ids.json" 2>/dev/null
  if [ -z "$(grep -o '"id": "software:[^"]*"' "$work/ids.json" | sort | uniq -d)" ]; then
    passed=$((passed + 1)); echo "ok: colliding slugs get distinct ids"
  else
    failed=$((failed + 1)); echo "FAIL: two entities share an id"
  fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
