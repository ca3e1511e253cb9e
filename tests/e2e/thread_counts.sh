#!/usr/bin/env bash
# The output does not depend on the number of threads: a page long enough to be
# parsed in several ranges (with problems scattered through it) gives the same
# episodes, graph (written in chunks formatted side by side), exports and warnings, in the
# same order, with 1, 2 and 4 threads.
set -euo pipefail
binary=$1 python=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" bench/generate_corpus.py --episodes 1500 --seed 7 --out "$work/clean.txt" >/dev/null 2>&1
"$python" - "$work" <<'PY'
import sys
work = sys.argv[1]
lines = open(f"{work}/clean.txt", encoding="utf-8").read().split("\n")
out = []
for number, line in enumerate(lines):
    if number > 0 and number % 1700 == 0:
        out.append(f"stray line {number} between the episodes")
    out.append(line)
open(f"{work}/page.txt", "w", encoding="utf-8").write("\n".join(out))
PY
for threads in 1 2 4; do
  "$binary" -j "$threads" parse "$work/page.txt" -o "$work/episodes-$threads.json" 2>"$work/parse-$threads.log"
  "$binary" -j "$threads" build "$work/page.txt" -o "$work/graph-$threads.json" --export graphml,jsonld,cypher,neo4j-csv \
    2>"$work/build-$threads.log"
done
warnings=$(grep -c "stray line" "$work/parse-1.log" || true)
[ "$warnings" -ge 5 ] || { echo "FAIL: expected the scattered stray lines to be reported, got $warnings"; exit 1; }
for threads in 2 4; do
  for file in "episodes-$threads.json" "parse-$threads.log" "graph-$threads.json" "graph-$threads.graphml" \
              "graph-$threads.jsonld" "graph-$threads.cypher" "build-$threads.log"; do
    cmp "$work/${file/-$threads/-1}" "$work/$file" || { echo "FAIL: $file differs from 1 thread"; exit 1; }
  done
  # neo4j-csv writes its files side by side.
  diff -r "$work/graph-1-neo4j-csv" "$work/graph-$threads-neo4j-csv" >/dev/null ||
    { echo "FAIL: graph-$threads-neo4j-csv differs from 1 thread"; exit 1; }
done
[ "$(ls "$work/graph-1-neo4j-csv" | wc -l)" -ge 10 ] || { echo "FAIL: neo4j-csv files missing"; exit 1; }
echo "ok: -j1, -j2 and -j4 give the same bytes ($warnings problems reported in the same order)"
