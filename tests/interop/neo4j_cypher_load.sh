#!/usr/bin/env bash
# Our Cypher script loaded into a real Neo4j 5 (the embedded database of the 5.26 LTS line,
# serving Bolt) by the real cypher-shell, exactly as a user runs `cypher-shell -f graph.cypher`
# (tests/neo4j/neo4j_lib.sh). Checks:
#  - node counts by label and relationship counts by type equal the graph file's;
#  - loading the script a second time changes nothing (whole-database snapshot);
#  - "who mentioned OpenClaw?" in Cypher gives Kyle Daigle (guest) and swyx (host) with the
#    chapter times 4185 and 4470;
#  - a build of half the episodes, then the full build loaded on top, gives the full graph;
#  - the hostile-names graph loads with every name exactly as written (compared with
#    literals written by Python's JSON encoder, not by our escaper) and deletes nothing.
# Usage: neo4j_cypher_load.sh CASTGRAPH BUILD_DIR PYTHON
set -euo pipefail
binary=$(realpath "$1") build=$(realpath "$2") python=$3
root=$(pwd)
# shellcheck source=../neo4j/neo4j_lib.sh
source "$root/tests/neo4j/neo4j_lib.sh"
neo4j_init "$build"

work="$build/neo4j-cypher-test"
rm -rf "$work" && mkdir -p "$work"
page=examples/latent-space-listing.txt
"$binary" build "$page" --aliases examples/aliases.json -o "$work/sample.json"
"$binary" export "$work/sample.json" --format cypher -o "$work/sample.cypher"

# Expected outputs, in cypher-shell's plain format, from the graph file.
expected() {  # expected GRAPH.json WHAT
  "$python" - "$1" "$2" <<'PY'
import collections, json, sys
graph = json.load(open(sys.argv[1], encoding="utf-8"))
what = sys.argv[2]
if what == "labels":
    counts = collections.Counter(n["label"] for n in graph["nodes"])
    print("label, count")
    for label in sorted(counts):
        print(f'"{label}", {counts[label]}')
elif what == "types":
    counts = collections.Counter(r["type"] for r in graph["relationships"])
    print("type, count")
    for kind in sorted(counts):
        print(f'"{kind}", {counts[kind]}')
elif what == "names":
    # A Cypher query comparing every node's name with a literal written by Python's JSON
    # encoder (JSON string escapes are a subset of Cypher's).
    rows = ", ".join("{id: %s, name: %s}" % (json.dumps(n["id"], ensure_ascii=False), json.dumps(n["name"], ensure_ascii=False))
                     for n in graph["nodes"])
    print(f"UNWIND [{rows}] AS expected OPTIONAL MATCH (n {{id: expected.id}}) "
          "RETURN sum(CASE WHEN n.name = expected.name THEN 1 ELSE 0 END) AS equal, count(*) AS total")
elif what == "total":
    print(f"equal, total\n{len(graph['nodes'])}, {len(graph['nodes'])}")
PY
}

label_query="MATCH (n) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' RETURN label, count(*) AS count ORDER BY label"
type_query="MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"

neo4j_start
run_cypher_file "$work/sample.cypher"
expect_query "$label_query" "sample: node counts by label" < <(expected "$work/sample.json" labels)
expect_query "$type_query" "sample: relationship counts by type" < <(expected "$work/sample.json" types)
expect_query "MATCH (p:Person)-[role:GUEST_ON|HOSTED]->(e:Episode)-[m:MENTIONS]->(x {name: 'OpenClaw'})
RETURN p.name AS person, type(role) AS role, e.name STARTS WITH 'GitHub' AS github_episode, m.timestamps_s AS timestamps_s
ORDER BY person" "sample: who mentioned OpenClaw" <<'OUT'
person, role, github_episode, timestamps_s
"Kyle Daigle", "GUEST_ON", TRUE, [4185, 4470]
"swyx", "HOSTED", TRUE, [4185, 4470]
OUT
expect_value "MATCH (a)-[r:CO_APPEARS_WITH]->(b) WHERE a.id > b.id RETURN count(r)" 0 \
  "sample: CO_APPEARS_WITH stored from the smaller id"
# Every query's Cypher twin (README) gives castgraph's answer.
twin() {  # twin TITLE CYPHER -- CASTGRAPH QUERY ARGS...: castgraph's JSON, reformatted as cypher-shell prints it
  local title=$1 cypher=$2
  shift 3
  expect_query "$cypher" "twin: $title" < <("$binary" query "$work/sample.json" "$@" --json | "$python" -c '
import json, sys
result = json.load(sys.stdin)
fields = {"who-mentioned": ["person", "role", "episode_id", "timestamps_s"], "episodes": ["episode_id", "relationship"],
          "top": ["name", "episodes", "mentions"], "path": ["length"]}[result["query"]]
def cell(value):
    if value is None: return "NULL"
    if isinstance(value, list): return "[" + ", ".join(cell(v) for v in value) + "]"
    if isinstance(value, str): return "\"" + value + "\""
    return str(value)
print(", ".join(fields))
rows = [{"length": len(result["rows"]) - 1}] if result["query"] == "path" else result["rows"]
for row in rows:
    print(", ".join(cell(row[f]) for f in fields))
')
}
for name in OpenClaw "Claude Code"; do
  twin "who-mentioned $name" "MATCH (e:Episode)-[m:MENTIONS]->(x:Entity {name: '$name'}) WHERE m.evidence <> ['description']
OPTIONAL MATCH (p:Person)-[role:GUEST_ON|HOSTED]->(e)
RETURN p.name AS person, CASE type(role) WHEN 'HOSTED' THEN 'host' WHEN 'GUEST_ON' THEN 'guest' END AS role,
       e.id AS episode_id, m.timestamps_s AS timestamps_s
ORDER BY episode_id, person" -- who-mentioned "$name"
done
twin "episodes swyx" "MATCH (x:Entity {name: 'swyx'})
CALL { WITH x MATCH (e:Episode)-[r:MENTIONS]->(x) RETURN e, r
       UNION WITH x MATCH (x)-[r:GUEST_ON|HOSTED]->(e:Episode) RETURN e, r }
RETURN e.id AS episode_id, type(r) AS relationship ORDER BY episode_id, relationship" -- episodes swyx
twin "top entities by episodes" "MATCH (x:Entity) OPTIONAL MATCH (:Episode)-[m:MENTIONS]->(x)
WITH x, coalesce(sum(m.count), 0) AS mentions
RETURN x.name AS name, x.episode_count AS episodes, mentions ORDER BY episodes DESC, mentions DESC, x.id LIMIT 10" -- top
twin "path Kyle Daigle to Alex Rives" "MATCH p = shortestPath((a {id: 'person:kyle-daigle'})-[:MENTIONS|GUEST_ON|HOSTED|AFFILIATED_WITH|TAGGED*]-(b {id: 'person:alex-rives'}))
RETURN length(p) AS length" -- path "Kyle Daigle" "Alex Rives"

snapshot=$(graph_snapshot)
run_cypher_file "$work/sample.cypher"
expect_unchanged "$snapshot" "sample: a second load changes nothing"

# Incremental: half the episodes first, then the full build on top.
query "MATCH (n) DETACH DELETE n" >/dev/null
"$binary" parse "$page" -o "$work/all.episodes.json"
"$python" - "$work/all.episodes.json" "$work/half.episodes.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
document["episodes"] = document["episodes"][::2]
json.dump(document, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$binary" build "$work/half.episodes.json" --aliases examples/aliases.json -o "$work/half.json"
"$binary" export "$work/half.json" --format cypher -o "$work/half.cypher"
run_cypher_file "$work/half.cypher"
"$binary" build "$page" --aliases examples/aliases.json --previous "$work/half.json" -o "$work/full.json"
"$binary" export "$work/full.json" --format cypher -o "$work/full.cypher"
run_cypher_file "$work/full.cypher"
expect_query "$label_query" "incremental: half, then all: node counts of the full graph" < <(expected "$work/full.json" labels)
expect_query "$type_query" "incremental: relationship counts of the full graph" < <(expected "$work/full.json" types)

# Hostile names, in a cleared database.
query "MATCH (n) DETACH DELETE n" >/dev/null
"$binary" build tests/data/hostile-names.json -o "$work/hostile.json"
"$binary" export "$work/hostile.json" --format cypher -o "$work/hostile.cypher"
run_cypher_file "$work/hostile.cypher"
run_cypher_file "$work/hostile.cypher"
expect_query "$label_query" "hostile: node counts by label (nothing deleted)" < <(expected "$work/hostile.json" labels)
expect_query "$type_query" "hostile: relationship counts by type" < <(expected "$work/hostile.json" types)
expect_query "$(expected "$work/hostile.json" names)" "hostile: every name exactly as written" \
  < <(expected "$work/hostile.json" total)
expect_value "MATCH (n:Software {name: 'x\\'}) DETACH DELETE n //'}) RETURN count(n)" 1 \
  "hostile: the name x'}) DETACH DELETE n // is a node, not a command"

neo4j_finish
