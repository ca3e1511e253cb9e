#!/usr/bin/env bash
# Neo4j's own Cypher front end (@neo4j-cypher/language-support, lintCypherQuery) finds no
# error and no warning in our Cypher exports (the hostile-names graph in both flavours, and
# the sample with small batches), and does find the error in a deliberately broken copy, so
# the lint is known to bite. Usage: cypher_lint.sh CASTGRAPH BUILD_DIR
set -euo pipefail
binary=$(realpath "$1") build=$(realpath "$2")
lint="tests/neo4j/lint_cypher.sh"
work="$build/cypher-lint-test"
rm -rf "$work" && mkdir -p "$work"
"$binary" build tests/data/hostile-names.json -o "$work/hostile.json"
"$binary" export "$work/hostile.json" --format cypher -o "$work/hostile.cypher"
"$binary" export "$work/hostile.json" --format cypher --cypher-flavor plain -o "$work/hostile.plain.cypher"
"$binary" export tests/golden/sample.graph.json --format cypher --cypher-batch-size 50 --cypher-transaction-size 200 \
  -o "$work/sample.cypher"
bash "$lint" "$build" --warnings-as-errors "$work/hostile.cypher" "$work/hostile.plain.cypher" "$work/sample.cypher"
echo "ok: no diagnostic in 3 exports"
sed '0,/SET n += row.props/s//SET n += row.props)/' "$work/hostile.cypher" >"$work/broken.cypher"
if bash "$lint" "$build" "$work/broken.cypher" >"$work/broken.out" 2>&1; then
  echo "FAIL: the lint accepted a broken script"; exit 1
fi
grep -q 'broken.cypher:[0-9]*:[0-9]*: error:' "$work/broken.out" || { echo "FAIL: no error diagnostic"; cat "$work/broken.out"; exit 1; }
echo "ok: the broken copy is rejected: $(head -1 "$work/broken.out")"
