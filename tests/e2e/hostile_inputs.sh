#!/usr/bin/env bash
# Hostile inputs (tests/data/hostile/, and the large ones generate.py writes) through the
# real binary: each gives a clear error naming the file, or a correct result; never a crash
# (signal), a hang (120 s) or unbounded memory (4 GB address space), never an internal error.
# Also: items read = items kept + items skipped; a killed export leaves the old file or the
# whole new one, never half a file.
# Usage: hostile_inputs.sh CASTGRAPH PYTHON. Prints "N passed, M failed".
set -uo pipefail
binary=$(realpath "$1") python=$2
data=tests/data/hostile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
"$python" "$data/generate.py" "$work/in"
cp "$data"/*.txt "$data"/*.json "$work/in/" 2>/dev/null
cp tests/data/hostile-names.json tests/data/bad-page.txt tests/data/malformed.json "$work/in/"

# build FILE: status, stderr in $work/NAME.err, graph in $work/NAME.graph.json and every export.
build() {
  local name; name=$(basename "$1")
  # Memory is bounded by the address space, except under AddressSanitizer, which reserves
  # terabytes of shadow space and bounds the resident size itself (hard_rss_limit_mb).
  (ulimit -v "${CASTGRAPH_TEST_ADDRESS_SPACE_KB:-4000000}"; timeout 240 "$binary" build "$1" -o "$work/$name.graph.json" \
     --export graphml,dot,jsonld,cypher 2>"$work/$name.err" >/dev/null)
}
for input in "$work"/in/*; do
  name=$(basename "$input")
  build "$input"; status=$?
  if [ "$status" -eq 0 ]; then
    check "$name: built and exported" test -s "$work/$name.graph.json" -a -s "$work/$name.graph.cypher"
  elif [ "$status" -eq 1 ]; then
    check "$name: refused with an error naming the file" grep -q "$name" "$work/$name.err"
  else
    check "$name: no crash, hang or memory blow-up (exit $status)" false
    head -5 "$work/$name.err"
  fi
  check "$name: no internal error" bash -c "! grep -q 'internal error' '$work/$name.err'"
done

# Specific outcomes.
check "invalid UTF-8: the bad episode is skipped and named, the good one kept" \
  bash -c "grep -q 'invalid-utf8' '$work/invalid-utf8.txt.err' && grep -q 'person:bob-example' '$work/invalid-utf8.txt.graph.json'"
check "100,000 entities: all kept, co-appearance left out and reported" \
  bash -c "test \$(grep -c '\"label\":\"Person\"' '$work/big-list.txt.graph.json') -ge 99000 && grep -q 'co-appearance-limit' '$work/big-list.txt.err'"
check "10 MB line: the text mentions are found" grep -q '"to":"software:openclaw"' "$work/long-line.txt.graph.json"
check "timestamps out of range are skipped chapters" grep -q '2 invalid-timestamp' "$work/odd-names.txt.err"
check "punctuation-only names stay apart" \
  bash -c "grep -q '\"name\":\"...\"' '$work/odd-names.txt.graph.json' && grep -q '\"name\":\"—\"' '$work/odd-names.txt.graph.json'"
check "NUL bytes survive as data" grep -q 'Na\\u0000me' "$work/nul-bytes.txt.graph.json"
check "--strict stops at the first problem" bash -c "! '$binary' --strict build '$work/in/odd-names.txt' -o '$work/strict.json' 2>/dev/null && test ! -e '$work/strict.json'"

# Accounting: items in = kept + skipped, counted independently of the parser.
read_items=$("$python" -c "import re,sys; t=open(sys.argv[1],encoding='utf-8').read(); print(len(re.findall(r'- \*\*', t.split('## Entities',1)[1])))" "$data/odd-names.txt")
kept_items=$("$python" -c "import json,sys; g=json.load(open(sys.argv[1])); print(sum(1 for n in g['nodes'] for s in n.get('sightings',[]) if s['source']=='entity-list'))" "$work/odd-names.txt.graph.json")
skipped_items=$(grep -o 'skipped: .*' "$work/odd-names.txt.err" | grep -o '[0-9]* entity-list item' | grep -o '^[0-9]*')
check "items in ($read_items) = kept ($kept_items) + skipped (${skipped_items:-0})" test "$read_items" -eq $((kept_items + ${skipped_items:-0}))
check "the summary names the kept items" grep -q "kept 1 episode, $kept_items entity-list items" "$work/odd-names.txt.err"

# Atomic outputs: kill an export at several moments; the target holds the old bytes or the whole new output.
"$binary" build "$work/in/big-list.txt" -o "$work/big.json" 2>/dev/null
"$binary" export "$work/big.json" --format graphml -o "$work/full.graphml"
printf 'old content\n' >"$work/target.graphml"
torn=0
for delay in 0.05 0.1 0.2 0.4 0.6 0.8 1.0 1.5; do
  "$binary" export "$work/big.json" --format graphml -o "$work/target.graphml" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if ! cmp -s "$work/target.graphml" "$work/full.graphml" && [ "$(cat "$work/target.graphml")" != "old content" ]; then
    torn=$((torn + 1))
  fi
done
# Three more kills, each the moment the temporary file appears: certainly mid-write.
# Reading the graph comes first and takes over 10 s in a sanitized build: wait up to 120 s.
for round in 1 2 3; do
  "$binary" export "$work/big.json" --format graphml -o "$work/target.graphml" &
  pid=$!
  for _ in $(seq 1 24000); do
    [ -e "$work/target.graphml.tmp-$pid" ] && break
    sleep 0.005
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if ! cmp -s "$work/target.graphml" "$work/full.graphml" && [ "$(cat "$work/target.graphml")" != "old content" ]; then
    torn=$((torn + 1))
  fi
done
interrupted=$(ls "$work"/target.graphml.tmp-* 2>/dev/null | wc -l)
check "11 killed exports left no half-written file ($interrupted killed mid-write)" \
  bash -c "test $torn -eq 0 && test $interrupted -ge 3"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
