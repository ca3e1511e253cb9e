#!/usr/bin/env bash
# Loads a Cypher script into a fresh, real Neo4j 5 server with the real cypher-shell
# (`cypher-shell -f SCRIPT`), then runs the checks of CHECKS_FILE against the database.
#
#   neo4j_load.sh [--twice] BUILD_DIR SCRIPT.cypher [CHECKS_FILE]
#   neo4j_load.sh --self-test BUILD_DIR
#
# --twice      load the script a second time, expect the database to be left exactly as
#              the first load left it (same nodes, relationships, element ids, properties,
#              constraints and indexes), and run the checks again
# CHECKS_FILE  checks in the format of neo4j_check_file (see neo4j_lib.sh):
#                == TITLE
#                CYPHER QUERY (one or more lines)
#                --
#                EXPECTED PLAIN-FORMAT OUTPUT (header line, then one line per row)
# --self-test  runs selftest.sh (this harness proving itself on selftest.cypher)
#
# Jars are resolved into BUILD_DIR/neo4j-cache (once; later runs reuse them without Maven)
# and the database lives in a BUILD_DIR/neo4j-run.* folder removed on exit. Quiet on
# success; exit 1 with the reason (cypher-shell's error, a diff, the server log) otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
  echo "usage: $0 [--twice] BUILD_DIR SCRIPT.cypher [CHECKS_FILE]" >&2
  echo "       $0 --self-test BUILD_DIR" >&2
  exit 2
}

if [[ "${1:-}" == --self-test ]]; then
  [[ $# -eq 2 ]] || usage
  exec bash "$here/selftest.sh" "$2"
fi

twice=0
if [[ "${1:-}" == --twice ]]; then
  twice=1
  shift
fi
[[ $# -eq 2 || $# -eq 3 ]] || usage
build_dir="$1" script="$2" checks="${3:-}"
[[ -f "$script" ]] || { echo "$0: no such script: $script" >&2; exit 2; }
[[ -z "$checks" || -f "$checks" ]] || { echo "$0: no such checks file: $checks" >&2; exit 2; }

# shellcheck source=SCRIPTDIR/neo4j_lib.sh
source "$here/neo4j_lib.sh"

neo4j_init "$build_dir"
neo4j_start

run_cypher_file "$script" || neo4j_die "loading $script failed (see above)"
[[ -z "$checks" ]] || neo4j_check_file "$checks"

if ((twice)); then
  before="$(graph_snapshot)"
  run_cypher_file "$script" || neo4j_die "loading $script a second time failed (see above)"
  expect_unchanged "$before" "loading $script a second time changes nothing" || true
  [[ -z "$checks" ]] || neo4j_check_file "$checks"
fi

neo4j_finish
