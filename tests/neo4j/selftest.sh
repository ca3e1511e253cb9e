#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run indirectly, by must_fail and traps
# The Neo4j harness proving itself: a real Neo4j 5.26 server, the real cypher-shell and the
# Cypher linter on the hand-made selftest.cypher, plus the failures they must report.
#
#   selftest.sh BUILD_DIR [all|neo4j|lint]      (default: all)
#
# neo4j: loads selftest.cypher twice with `cypher-shell -f` and checks node and relationship
#        counts, that every string comes back exactly as written, and that the second load
#        changed nothing; then that a broken script, a wrong expectation, a Cypher error and
#        a server that cannot start are all reported as failures; then neo4j_load.sh --twice
#        with selftest.checks.
# lint:  lint_cypher.sh passes selftest.cypher and fails a broken statement.
# Quiet on success (exit 0); exit 1 with the reasons otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 BUILD_DIR [all|neo4j|lint]" >&2; exit 2; }
build_dir="$1" part="${2:-all}"
[[ "$part" == all || "$part" == neo4j || "$part" == lint ]] || { echo "$0: unknown part '$part'" >&2; exit 2; }

# shellcheck source=SCRIPTDIR/neo4j_lib.sh
source "$here/neo4j_lib.sh"

scratch=""
cleanup_scratch() { [[ -z "$scratch" ]] || rm -rf "$scratch"; }

# must_fail TITLE EXPECTED_TEXT COMMAND...: COMMAND (run in a subshell, so that the counters
# and traps of this script are untouched) must exit non-zero and print EXPECTED_TEXT on
# stdout or stderr.
must_fail() {
  local title="$1" text="$2" out rc=0
  shift 2
  out="$( ("$@") 2>&1)" || rc=$?
  if ((rc == 0)); then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    printf 'selftest: FAIL: %s: succeeded, but must fail. Output:\n%s\n' "$title" "$out" >&2
  elif [[ "$out" != *"$text"* ]]; then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    printf 'selftest: FAIL: %s: failed without saying "%s". Output:\n%s\n' "$title" "$text" "$out" >&2
  else
    NEO4J_PASSED=$((NEO4J_PASSED + 1))
    neo4j_log "ok: $title"
  fi
}

# Runs in a subshell: a second server on the port of the running one cannot bind.
start_on_busy_port() {
  NEO4J_PID="" NEO4J_RUN_DIR="" NEO4J_PORT="$NEO4J_BOLT_PORT"
  neo4j_start
}

# Runs in a subshell: a checks file with one wrong expectation.
check_file_with_wrong_expectation() {
  printf '== deliberately wrong\nMATCH (n:Person) RETURN count(n) AS persons\n--\npersons\n5\n' \
    >"$scratch/wrong.checks"
  neo4j_check_file "$scratch/wrong.checks"
  neo4j_finish
}

selftest_neo4j() {
  neo4j_init "$build_dir"
  neo4j_start
  scratch="$(mktemp -d)"
  trap 'cleanup_scratch; _neo4j_on_exit' EXIT

  expect_query "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition" \
    "the server is Neo4j 5.26.30" <<'EOF'
name, versions, edition
"Neo4j Kernel", ["5.26.30"], "community"
EOF
  expect_value "MATCH (n) RETURN count(n) AS nodes" 0 "a fresh database is empty"

  # First load, as `cypher-shell -f selftest.cypher`. selftest.checks: node and relationship
  # counts, and every value (quotes, backslash, non-ASCII, emoji, newline) as cypher-shell
  # prints it back; one cypher-shell call for the whole file.
  run_cypher_file "$here/selftest.cypher" || neo4j_die "the first load of selftest.cypher failed"
  expect_value "MATCH (n) RETURN count(n) AS nodes" 3 "first load: 3 nodes"
  neo4j_check_file "$here/selftest.checks"
  # The exact string; and, inside Neo4j, equal to the same text spelled differently (in
  # double quotes, with no escaped quote).
  expect_query "MATCH (n:Person {id: 'person:a'})
RETURN n.name AS name, n.name = \"A 'quoted' \\\\ name\" AS same, size(n.name) AS length" \
    "first load: the quoted name comes back exactly" <<'EOF'
name, same, length
"A 'quoted' \ name", TRUE, 17
EOF

  # Second load: must change nothing at all (same element ids, properties, schema).
  local before
  before="$(graph_snapshot)"
  run_cypher_file "$here/selftest.cypher" || neo4j_die "the second load of selftest.cypher failed"
  expect_unchanged "$before" "second load: the database is unchanged"
  expect_value "MATCH (n) RETURN count(n) AS nodes" 3 "second load: still 3 nodes"

  # The harness must report failures, not pass over them.
  cat >"$scratch/broken.cypher" <<'EOF'
:begin
CREATE (:Broken {id: 'must be rolled back'});
MATCH (n) RETURN n.id +* 1;
:commit
EOF
  must_fail "a broken script fails the load" "Invalid input '*'" run_cypher_file "$scratch/broken.cypher"
  expect_unchanged "$before" "a failed :begin block is rolled back"
  must_fail "a wrong expect_value fails" "+3" expect_value "MATCH (n) RETURN count(n) AS nodes" 4 wrong
  must_fail "a wrong expect_query fails" "-\"person:x\"" expect_query \
    "MATCH (n:Person) RETURN n.id AS id ORDER BY id" wrong <<<$'id\n"person:a"\n"person:x"'
  must_fail "a query with a Cypher error fails" "Unknown function" query "RETURN nope(1) AS x"
  must_fail "a wrong check in a checks file fails" "1 failed" check_file_with_wrong_expectation
  must_fail "a server that cannot bind its port fails to start" "exited with status" start_on_busy_port

  # Stopping ends the server and removes its database.
  local pid="$NEO4J_PID" run_dir="$NEO4J_RUN_DIR"
  neo4j_stop
  if kill -0 "$pid" 2>/dev/null || [[ -d "$run_dir" ]]; then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    echo "selftest: FAIL: neo4j_stop left server $pid running or $run_dir behind" >&2
  fi

  # The command-line entry: load twice with the checks file.
  if ! bash "$here/neo4j_load.sh" --twice "$build_dir" "$here/selftest.cypher" "$here/selftest.checks"; then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    echo "selftest: FAIL: neo4j_load.sh --twice selftest.cypher selftest.checks" >&2
  fi
}

selftest_lint() {
  local out rc=0
  out="$(bash "$here/lint_cypher.sh" "$build_dir" --warnings-as-errors "$here/selftest.cypher" 2>&1)" || rc=$?
  if ((rc != 0)) || [[ -n "$out" ]]; then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    printf 'selftest: FAIL: lint of selftest.cypher (exit %s):\n%s\n' "$rc" "$out" >&2
  fi
  [[ -n "$scratch" ]] || { scratch="$(mktemp -d)"; trap cleanup_scratch EXIT; }
  printf ':begin\nCREATE (n:Person {id: 1});\nMATCH (n) RETURN n.id +* 1;\n:commit\n' >"$scratch/broken.cypher"
  rc=0
  out="$(bash "$here/lint_cypher.sh" "$build_dir" "$scratch/broken.cypher" 2>&1)" || rc=$?
  if [[ "$rc" != 1 || "$out" != "$scratch/broken.cypher:3:24: error: Invalid input '*': expected an expression" ]]; then
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    printf 'selftest: FAIL: lint of a broken statement must exit 1 with one error (exit %s):\n%s\n' "$rc" "$out" >&2
  fi
}

if [[ "$part" == all || "$part" == neo4j ]]; then selftest_neo4j; fi
if [[ "$part" == all || "$part" == lint ]]; then selftest_lint; fi
neo4j_finish
