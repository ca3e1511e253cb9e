#!/usr/bin/env bash
# castgraph build and stats on the real binary:
#  - two builds of the same input are byte-identical;
#  - a build given its own graph as --previous gives the same bytes (read, ids kept, written);
#  - the page given twice keeps each episode once and says so;
#  - --report writes the resolution report next to the graph;
#  - outputs named without a directory, and a FIFO as the output, are written;
#  - stats reads the graph (table and JSON), and a bad graph file is named with the problem's place.
# Prints "N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
binary=$(realpath "$1") || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
page=examples/latent-space-listing.txt
aliases=examples/aliases.json

"$binary" build "$page" --aliases "$aliases" -o "$work/one.json" 2>"$work/one.err"
"$binary" build "$page" --aliases "$aliases" -o "$work/two.json" 2>/dev/null
check "two builds are byte-identical" cmp -s "$work/one.json" "$work/two.json"
check "a clean build writes nothing on stderr" test ! -s "$work/one.err"

"$binary" build "$page" --aliases "$aliases" --previous "$work/one.json" -o "$work/again.json" 2>/dev/null
check "build on top of its own graph gives the same bytes" cmp -s "$work/one.json" "$work/again.json"

"$binary" build "$page" "$page" --aliases "$aliases" -o "$work/twice.json" 2>"$work/twice.err"
check "a page given twice gives the same graph" cmp -s "$work/one.json" "$work/twice.json"
check "each repeated episode is reported" \
  bash -c "test \$(grep -c 'was already read at' '$work/twice.err') -eq 12 && grep -q '12 problems (12 duplicate-episode)' '$work/twice.err'"
check "--strict stops on a repeated episode" bash -c "! '$binary' --strict build '$page' '$page' -o '$work/strict.json' 2>/dev/null && test ! -e '$work/strict.json'"

"$binary" build "$page" --aliases "$aliases" -o "$work/g.json" --report "$work/report.json" 2>/dev/null
check "--report writes the resolution report" grep -q '"format": *"castgraph-resolution-report"' "$work/report.json"

# Outputs named without a directory go into the working directory, exports and report too.
mkdir "$work/bare"
(cd "$work/bare" && "$binary" build "$OLDPWD/$page" --aliases "$OLDPWD/$aliases" -o bare.json \
  --report bare-report.json --export graphml 2>/dev/null)
check "outputs named without a directory are written" \
  bash -c "cmp -s '$work/one.json' '$work/bare/bare.json' && test -s '$work/bare/bare-report.json' &&
           test -s '$work/bare/bare.graphml'"

# A FIFO (or /dev/null) is written into, not replaced by a regular file.
mkfifo "$work/pipe"
timeout 60 cat "$work/pipe" >"$work/from-pipe" &  # a replaced FIFO would leave it waiting
reader=$!
# Nor the writer, if the reader has gone.
timeout 120 "$binary" build "$page" --aliases "$aliases" -o "$work/pipe" 2>/dev/null
wait "$reader" || true
check "a graph written into a FIFO reaches its reader" cmp -s "$work/one.json" "$work/from-pipe"
check "the FIFO is still a FIFO" test -p "$work/pipe"

"$binary" stats "$work/one.json" >"$work/stats.txt"
check "stats counts 12 episodes" grep -Eq '^  Episode +12$' "$work/stats.txt"
"$binary" stats --json -k 3 "$work/one.json" >"$work/stats.json"
check "stats --json lists 3 top entities" \
  bash -c "grep -c '\"episodes\":' '$work/stats.json' | grep -qx 3"

sed 's/"label":"Software"/"label":"Gadget"/' "$work/one.json" >"$work/bad.json"
"$binary" stats "$work/bad.json" >/dev/null 2>"$work/bad.err"; status=$?
check "a bad label exits 1" test "$status" -eq 1
check "the error names file, pointer and value" grep -Eq "bad.json: /nodes/[0-9]+/label: unknown label 'Gadget'" "$work/bad.err"
head -c 1000 "$work/one.json" >"$work/cut.json"
"$binary" stats "$work/cut.json" >/dev/null 2>"$work/cut.err"; status=$?
check "a truncated graph file exits 1 with line and column" \
  bash -c "test $status -eq 1 && grep -Eq 'cut.json:[0-9]+:[0-9]+: not a graph file: malformed JSON' '$work/cut.err'"
"$binary" stats "$work/missing.json" >/dev/null 2>"$work/missing.err"; status=$?
check "a missing graph file is an io error" bash -c "test $status -eq 1 && grep -q 'io error' '$work/missing.err'"

"$binary" query "$work/one.json" who-mentioned "Open Clow" >/dev/null 2>"$work/unknown.err"; status=$?
check "query of an unknown name exits 1 and suggests the closest" \
  bash -c "test $status -eq 1 && grep -q 'closest: OpenClaw' '$work/unknown.err'"
"$binary" query "$work/one.json" path OpenClaw >/dev/null 2>&1; status=$?
check "path with one name is a usage error (exit 2)" test "$status" -eq 2
"$binary" query "$work/one.json" who-mentioned openclaw --csv >"$work/who.csv"
check "who-mentioned --csv names Kyle Daigle and swyx" \
  bash -c "grep -q '^Kyle Daigle,guest,' '$work/who.csv' && grep -q '^swyx,host,' '$work/who.csv'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
