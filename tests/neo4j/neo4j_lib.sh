# shellcheck shell=bash
# Loads Cypher into a REAL Neo4j 5 server with the REAL cypher-shell, as a user would with
# `cypher-shell -f graph.cypher`, and checks what the database then holds.
#
# Source this file from a bash test script, then:
#
#   neo4j_init BUILD_DIR       tools checked; jars resolved by Maven into BUILD_DIR/neo4j-cache
#                              (reused when present: a warm run makes no Maven call at all)
#   neo4j_start                starts EmbeddedNeo4j.java (Bolt on 127.0.0.1, auth off) on a fresh
#                              database; an EXIT trap always stops it (SIGTERM, waits for it)
#   run_cypher_file FILE       cypher-shell -a bolt://127.0.0.1:PORT --format plain -f FILE;
#                              fails on a non-zero exit or on anything written to stderr
#   query 'CYPHER'             prints cypher-shell's plain-format output: a header line, then
#                              one line per row, values comma-separated; strings in double
#                              quotes, printed raw (no escaping: a newline in a value breaks
#                              the line); lists [1, "a"]; NULL, TRUE; an empty result prints
#                              nothing. Property maps print in the store's key order, not
#                              sorted: compare single properties (n.name) rather than maps.
#   expect_query 'CYPHER' [TITLE] <<'EOF'    the whole output must equal stdin
#   expect_value 'CYPHER' VALUE [TITLE]      one column, one row, equal to VALUE as printed
#   graph_snapshot             every node, relationship, constraint and index, in a stable
#                              order, with element ids: equal snapshots = unchanged database
#   expect_unchanged "$SNAPSHOT" [TITLE]     the database still equals that snapshot
#   neo4j_check_file CHECKS    the checks of a text file (format below), all in ONE
#                              cypher-shell call (each call is a JVM start, ~0.75 s)
#   cypher_shell ARGS...       the real cypher-shell on the running server, any arguments
#   neo4j_stop                 stops the server now (the EXIT trap does it otherwise)
#   neo4j_finish               exit 1 with a summary if any expectation failed; else quiet
#
# Everything is quiet on success and loud (message, diff, server log) on failure. Nothing is
# ever skipped: a missing java/javac/mvn, a failed download or a server that does not start
# is an error (neo4j_die: message, exit 1). Works under `set -euo pipefail`; the expect_*
# functions return 1 on a failed expectation, so under `set -e` the first one ends the script
# (with its diff, exit 1, the server stopped): append `|| true` to go on and let
# neo4j_finish report them all.
#
# Environment knobs (all optional):
#   NEO4J_PORT=N              Bolt port (default 0: the kernel picks a free one, no race)
#   NEO4J_START_TIMEOUT=S     seconds to wait for the server (default 120)
#   NEO4J_SERVER_HEAP=512m    -Xmx of the server JVM;  NEO4J_SHELL_HEAP=512m for cypher-shell
#   NEO4J_KEEP_DATA=1         keep the database folder after the run (printed on exit)
#   NEO4J_CDS=0               no class-data-sharing archive for cypher-shell (slower start)
#   NEO4J_VERBOSE=1           say what happens, and print the pass/fail summary on success

NEO4J_HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NEO4J_MAVEN_DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

NEO4J_CACHE=""       # BUILD_DIR/neo4j-cache
NEO4J_CP=""          # classpath of the server: neo4j + neo4j-bolt
NEO4J_SHELL_CP=""    # classpath of cypher-shell
NEO4J_SHELL_CDS=""   # class-data-sharing archive of cypher-shell (made on first use)
NEO4J_CLASSES=""     # compiled EmbeddedNeo4j
NEO4J_PID=""         # server pid while running
NEO4J_RUN_DIR=""     # fresh folder of this server: home/ (database), server.log, ready
NEO4J_BOLT_PORT=""
NEO4J_URI=""
NEO4J_PASSED=0
NEO4J_FAILED=0

# Java processes started here ignore whatever the caller's environment injects into JVMs or
# into cypher-shell's connection (a stray NEO4J_PASSWORD, a JAVA_TOOL_OPTIONS banner on stderr).
_NEO4J_CLEAN_ENV=(env -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS -u JDK_JAVA_OPTIONS -u CLASSPATH
  -u NEO4J_ADDRESS -u NEO4J_URI -u NEO4J_USERNAME -u NEO4J_PASSWORD -u NEO4J_DATABASE
  -u NEO4J_CYPHER_SHELL_HISTORY)

neo4j_die() {
  printf 'neo4j harness: ERROR: %s\n' "$*" >&2
  exit 1
}

neo4j_log() {
  [[ "${NEO4J_VERBOSE:-0}" == 1 ]] && printf 'neo4j harness: %s\n' "$*" >&2
  return 0
}

_neo4j_require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 ||
      neo4j_die "'$tool' not found on PATH (the Neo4j test needs Java 17+ with javac, and Maven)"
  done
}

_neo4j_check_java() {
  local version major
  version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  major="${version%%.*}"
  [[ "$major" =~ ^[0-9]+$ ]] || neo4j_die "cannot tell the version of 'java' ($(command -v java))"
  ((major >= 17)) || neo4j_die "Neo4j 5 needs Java 17 or later; 'java' is version $version"
}

# The key of the resolved classpaths: the pom and the plugin that resolved them.
_neo4j_classpath_key() {
  { cat "$NEO4J_HARNESS_DIR/pom.xml"; echo "$NEO4J_MAVEN_DEPENDENCY_PLUGIN"; } | sha256sum | cut -c1-16
}

_neo4j_classpaths_ok() { # _neo4j_classpaths_ok KEY: both classpaths resolved for KEY, all jars there
  local profile jar
  [[ -f "$NEO4J_CACHE/classpath.key" && "$(cat "$NEO4J_CACHE/classpath.key")" == "$1" ]] || return 1
  for profile in server shell; do
    [[ -s "$NEO4J_CACHE/classpath-$profile.txt" ]] || return 1
    local -a jars=()
    IFS=: read -r -a jars <"$NEO4J_CACHE/classpath-$profile.txt"
    for jar in "${jars[@]}"; do
      [[ -f "$jar" ]] || return 1
    done
  done
}

# Two classpaths from the profiles of pom.xml: the server's (neo4j, neo4j-bolt) and
# cypher-shell's own, each with the dependency versions it declares.
_neo4j_resolve_jars() {
  local key profile cp_file
  key="$(_neo4j_classpath_key)"
  if ! _neo4j_classpaths_ok "$key"; then
    _neo4j_require_tools mvn
    neo4j_log "resolving the Neo4j jars with Maven into $NEO4J_CACHE/m2 (about 160 MB, once)"
    rm -f "$NEO4J_CACHE/classpath.key"
    for profile in server shell; do
      cp_file="$NEO4J_CACHE/classpath-$profile.txt"
      # -f on the pom: Maven writes nothing next to it for this goal (no target/).
      if ! mvn -B -q -ntp -Dstyle.color=never -f "$NEO4J_HARNESS_DIR/pom.xml" -P "$profile" \
        -Dmaven.repo.local="$NEO4J_CACHE/m2" \
        "$NEO4J_MAVEN_DEPENDENCY_PLUGIN:build-classpath" \
        -Dmdep.outputFile="$cp_file.tmp" -Dmdep.includeScope=runtime \
        >"$NEO4J_CACHE/mvn-$profile.log" 2>&1; then
        cat "$NEO4J_CACHE/mvn-$profile.log" >&2
        neo4j_die "Maven could not resolve the $profile jars (log above, also in $NEO4J_CACHE/mvn-$profile.log)"
      fi
      mv "$cp_file.tmp" "$cp_file"
    done
    echo "$key" >"$NEO4J_CACHE/classpath.key"
    _neo4j_classpaths_ok "$key" || neo4j_die "Maven wrote a classpath with missing jars in $NEO4J_CACHE"
  fi
  NEO4J_CP="$(cat "$NEO4J_CACHE/classpath-server.txt")"
  NEO4J_SHELL_CP="$(cat "$NEO4J_CACHE/classpath-shell.txt")"
  [[ "$NEO4J_CP" == *"/neo4j-kernel-"*".jar"* ]] || neo4j_die "no neo4j-kernel jar in the server classpath"
  [[ "$NEO4J_CP" == *"/neo4j-bolt-"*".jar"* ]] || neo4j_die "no neo4j-bolt jar in the server classpath"
  [[ "$NEO4J_SHELL_CP" == *"/cypher-shell-"*".jar"* ]] || neo4j_die "no cypher-shell jar in the shell classpath"
}

# EmbeddedNeo4j.java compiled once per (source, classpath) into the cache: starting the
# server from classes saves the ~2 s the single-file source launcher spends compiling.
_neo4j_compile_server() {
  local key dir
  key="$({ cat "$NEO4J_HARNESS_DIR/EmbeddedNeo4j.java"; cat "$NEO4J_CACHE/classpath.key"; } | sha256sum | cut -c1-16)"
  dir="$NEO4J_CACHE/classes-$key"
  if [[ ! -f "$dir/EmbeddedNeo4j.class" ]]; then
    _neo4j_require_tools javac
    neo4j_log "compiling EmbeddedNeo4j.java"
    rm -rf "$dir.tmp"
    mkdir -p "$dir.tmp"
    if ! "${_NEO4J_CLEAN_ENV[@]}" javac -nowarn -encoding UTF-8 -d "$dir.tmp" -cp "$NEO4J_CP" \
      "$NEO4J_HARNESS_DIR/EmbeddedNeo4j.java" >"$NEO4J_CACHE/javac.log" 2>&1; then
      cat "$NEO4J_CACHE/javac.log" >&2
      neo4j_die "javac failed on $NEO4J_HARNESS_DIR/EmbeddedNeo4j.java"
    fi
    rm -rf "$dir"
    mv "$dir.tmp" "$dir"
    # Classes of earlier versions of the source are of no more use.
    find "$NEO4J_CACHE" -maxdepth 1 -name 'classes-*' ! -name "classes-$key" -exec rm -rf {} +
  fi
  NEO4J_CLASSES="$dir"
}

# neo4j_init BUILD_DIR: checks the tools and makes the cache ready (under a lock, so that
# tests running in parallel share one download).
neo4j_init() {
  [[ $# -eq 1 && -n "$1" ]] || neo4j_die "usage: neo4j_init BUILD_DIR"
  _neo4j_require_tools java sha256sum
  _neo4j_check_java
  mkdir -p "$1/neo4j-cache" || neo4j_die "cannot create $1/neo4j-cache"
  NEO4J_CACHE="$(cd "$1/neo4j-cache" && pwd)"
  local lock_fd
  exec {lock_fd}>"$NEO4J_CACHE/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 900 "$lock_fd" || neo4j_die "timed out waiting for the lock on $NEO4J_CACHE"
  fi
  _neo4j_resolve_jars
  _neo4j_compile_server
  NEO4J_SHELL_CDS="$NEO4J_CACHE/cypher-shell-$({ cat "$NEO4J_CACHE/classpath.key"
    readlink -f "$(command -v java)"; } | sha256sum | cut -c1-16).jsa"
  exec {lock_fd}>&-
}

_neo4j_print_server_log() {
  [[ -n "$NEO4J_RUN_DIR" ]] || return 0
  if [[ -s "$NEO4J_RUN_DIR/server.log" ]]; then
    printf -- '--- %s\n' "$NEO4J_RUN_DIR/server.log" >&2
    cat "$NEO4J_RUN_DIR/server.log" >&2
  fi
  if [[ -s "$NEO4J_RUN_DIR/home/logs/debug.log" ]]; then
    printf -- '--- last lines of %s\n' "$NEO4J_RUN_DIR/home/logs/debug.log" >&2
    tail -n 40 "$NEO4J_RUN_DIR/home/logs/debug.log" >&2
  fi
  printf -- '---\n' >&2
}

# Stops the server (if any) by its pid, and waits for it to end. Safe to call twice.
neo4j_stop() {
  if [[ -n "$NEO4J_PID" ]]; then
    local pid="$NEO4J_PID" waited=0
    NEO4J_PID=""
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null && ((waited < 300)); do
        sleep 0.1
        waited=$((waited + 1))
      done
      if kill -0 "$pid" 2>/dev/null; then
        printf 'neo4j harness: server %s ignored SIGTERM for 30 s: killing it\n' "$pid" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    wait "$pid" 2>/dev/null || true # its status: 143 after SIGTERM
    neo4j_log "server $pid stopped"
  fi
  if [[ -n "$NEO4J_RUN_DIR" && -d "$NEO4J_RUN_DIR" ]]; then
    if [[ "${NEO4J_KEEP_DATA:-0}" == 1 ]]; then
      printf 'neo4j harness: database kept in %s\n' "$NEO4J_RUN_DIR" >&2
    else
      rm -rf "$NEO4J_RUN_DIR"
    fi
  fi
  NEO4J_RUN_DIR=""
  return 0
}

# The EXIT trap; safe under `set -e` (the script's exit status is left as it was).
_neo4j_on_exit() {
  neo4j_stop || true
}

# neo4j_start: a fresh, empty database in BUILD_DIR/neo4j-cache/../neo4j-run.XXXXXX.
neo4j_start() {
  [[ -n "$NEO4J_CLASSES" ]] || neo4j_die "neo4j_start: call neo4j_init BUILD_DIR first"
  [[ -z "$NEO4J_PID" ]] || neo4j_die "neo4j_start: a server is already running (pid $NEO4J_PID)"
  NEO4J_RUN_DIR="$(mktemp -d "$NEO4J_CACHE/../neo4j-run.XXXXXX")" ||
    neo4j_die "cannot create a database folder next to $NEO4J_CACHE"
  NEO4J_RUN_DIR="$(cd "$NEO4J_RUN_DIR" && pwd)"
  trap _neo4j_on_exit EXIT
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local ready="$NEO4J_RUN_DIR/ready" timeout="${NEO4J_START_TIMEOUT:-120}"
  "${_NEO4J_CLEAN_ENV[@]}" java -Xms64m -Xmx"${NEO4J_SERVER_HEAP:-512m}" -XX:+UseSerialGC \
    -Dfile.encoding=UTF-8 -cp "$NEO4J_CLASSES:$NEO4J_CP" EmbeddedNeo4j \
    "$NEO4J_RUN_DIR/home" "${NEO4J_PORT:-0}" "$ready" \
    </dev/null >"$NEO4J_RUN_DIR/server.log" 2>&1 &
  NEO4J_PID=$!
  neo4j_log "server pid $NEO4J_PID, database in $NEO4J_RUN_DIR"

  local deadline=$((SECONDS + timeout))
  while [[ ! -s "$ready" ]]; do
    if ! kill -0 "$NEO4J_PID" 2>/dev/null; then
      local rc=0
      wait "$NEO4J_PID" || rc=$?
      NEO4J_PID=""
      _neo4j_print_server_log
      neo4j_die "the Neo4j server exited with status $rc before it was ready (log above)"
    fi
    if ((SECONDS >= deadline)); then
      _neo4j_print_server_log
      neo4j_die "the Neo4j server was not ready after ${timeout} s (log above)"
    fi
    sleep 0.1
  done
  NEO4J_BOLT_PORT="$(cut -d' ' -f1 "$ready")"
  [[ "$NEO4J_BOLT_PORT" =~ ^[0-9]+$ ]] || neo4j_die "bad ready file $ready: $(cat "$ready")"
  NEO4J_URI="bolt://127.0.0.1:$NEO4J_BOLT_PORT"
  neo4j_log "Neo4j ready on $NEO4J_URI"
}

# cypher_shell ARGS...: the real cypher-shell (org.neo4j.shell.Main of the cypher-shell jar,
# on its own classpath) against the running server, with no credentials (auth is off) and
# stdin closed. UTF-8 is explicit: Java 17 would otherwise read the script in the locale's
# charset, and mangle every non-ASCII character under LANG=C. Startup: C1 only and a class-
# data-sharing archive in the cache (dumped by the first call, then mapped: ~0.75 s a call
# instead of ~0.95 s); the JVM's own logging is off so that nothing but cypher-shell's output
# reaches stdout (a stale archive is then ignored silently). NEO4J_CDS=0 turns it off.
cypher_shell() {
  [[ -n "$NEO4J_URI" && -n "$NEO4J_PID" ]] || neo4j_die "cypher_shell: no server (call neo4j_start)"
  local -a cds=()
  local dump="" rc=0
  if [[ "${NEO4J_CDS:-1}" != 0 && -n "$NEO4J_SHELL_CDS" ]]; then
    if [[ -s "$NEO4J_SHELL_CDS" ]]; then
      cds=(-XX:SharedArchiveFile="$NEO4J_SHELL_CDS")
    else
      dump="$NEO4J_SHELL_CDS.$BASHPID.$RANDOM.tmp"
      cds=(-XX:ArchiveClassesAtExit="$dump")
    fi
  fi
  "${_NEO4J_CLEAN_ENV[@]}" java -Xmx"${NEO4J_SHELL_HEAP:-512m}" -XX:+UseSerialGC \
    -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xlog:disable "${cds[@]}" -Dfile.encoding=UTF-8 \
    -cp "$NEO4J_SHELL_CP" org.neo4j.shell.Main -a "$NEO4J_URI" --format plain "$@" </dev/null || rc=$?
  if [[ -n "$dump" ]]; then
    if [[ -s "$dump" ]]; then
      mv -f "$dump" "$NEO4J_SHELL_CDS"
      # Archives of earlier classpaths or JDKs are of no more use.
      find "$NEO4J_CACHE" -maxdepth 1 -name 'cypher-shell-*.jsa' ! -name "${NEO4J_SHELL_CDS##*/}" -delete
    else
      rm -f "$dump"
    fi
  fi
  return "$rc"
}

# run_cypher_file FILE: loads FILE exactly as `cypher-shell -f FILE` does (fail-fast: the
# first failing statement stops the load, an open :begin block is rolled back). Quiet on
# success; on failure prints cypher-shell's stdout and stderr and returns 1.
run_cypher_file() {
  [[ $# -eq 1 ]] || neo4j_die "usage: run_cypher_file FILE"
  [[ -f "$1" ]] || neo4j_die "run_cypher_file: no such file: $1"
  local out err rc=0
  out="$(mktemp)" err="$(mktemp)"
  cypher_shell -f "$1" >"$out" 2>"$err" || rc=$?
  if ((rc != 0)) || [[ -s "$err" ]]; then
    {
      printf 'neo4j harness: FAILED: cypher-shell -f %s (exit %s)\n' "$1" "$rc"
      [[ -s "$out" ]] && { echo '--- stdout'; cat "$out"; }
      [[ -s "$err" ]] && { echo '--- stderr'; cat "$err"; }
      echo '---'
    } >&2
    rm -f "$out" "$err"
    return 1
  fi
  neo4j_log "loaded $1"
  rm -f "$out" "$err"
}

# query 'CYPHER': prints the plain-format result; on a Cypher error prints it to stderr and
# returns 1.
query() {
  [[ $# -eq 1 ]] || neo4j_die "usage: query 'CYPHER'"
  local err rc=0
  err="$(mktemp)"
  cypher_shell "$1" 2>"$err" || rc=$?
  if ((rc != 0)) || [[ -s "$err" ]]; then
    printf 'neo4j harness: query failed (exit %s): %s\n' "$rc" "$1" >&2
    cat "$err" >&2
    rm -f "$err"
    return 1
  fi
  rm -f "$err"
}

# _neo4j_compare TITLE EXPECTED ACTUAL: the two texts (each given without its final newline,
# as $(...) leaves it) must be equal; records a pass, or a failure with a diff.
_neo4j_compare() {
  local expected actual rc=0
  expected="$(mktemp)" actual="$(mktemp)"
  printf '%s\n' "$2" >"$expected"
  printf '%s\n' "$3" >"$actual"
  if cmp -s "$expected" "$actual"; then
    NEO4J_PASSED=$((NEO4J_PASSED + 1))
    neo4j_log "ok: $1"
  else
    NEO4J_FAILED=$((NEO4J_FAILED + 1))
    rc=1
    {
      printf 'neo4j harness: FAIL: %s\n' "$1"
      diff -u --label expected --label actual "$expected" "$actual"
    } >&2
  fi
  rm -f "$expected" "$actual"
  return "$rc"
}

_neo4j_query_failed() {
  NEO4J_FAILED=$((NEO4J_FAILED + 1))
  printf 'neo4j harness: FAIL: %s (the query failed)\n' "$1" >&2
  return 1
}

# expect_query 'CYPHER' [TITLE] <<'EOF' ... EOF: the query's whole plain-format output must
# equal stdin (an empty stdin expects an empty result). Records a pass or a failure (with a
# diff) and returns 0 or 1; neo4j_finish turns recorded failures into the exit status.
expect_query() {
  [[ $# -ge 1 && $# -le 2 ]] || neo4j_die "usage: expect_query 'CYPHER' [TITLE] <<EXPECTED"
  local title="${2:-$1}" expected actual
  expected="$(cat)"
  actual="$(query "$1")" || { _neo4j_query_failed "$title"; return 1; }
  _neo4j_compare "$title" "$expected" "$actual"
}

# expect_value 'CYPHER' VALUE [TITLE]: the query returns one row of one column, printed as
# VALUE (e.g. 3, "text", ["a", "b"], TRUE, NULL); the header line is not compared.
expect_value() {
  [[ $# -ge 2 && $# -le 3 ]] || neo4j_die "usage: expect_value 'CYPHER' VALUE [TITLE]"
  local title="${3:-$1}" actual
  actual="$(query "$1")" || { _neo4j_query_failed "$title"; return 1; }
  _neo4j_compare "$title" "${actual%%$'\n'*}"$'\n'"$2" "$actual"
}

# graph_snapshot: the whole database in a stable order, element ids included, so that two
# equal snapshots mean that nothing was created, deleted, or changed in between.
graph_snapshot() {
  query "MATCH (n) RETURN elementId(n) AS node, labels(n) AS labels, properties(n) AS properties ORDER BY node;
MATCH (a)-[r]->(b) RETURN elementId(r) AS rel, elementId(a) AS from, type(r) AS type, elementId(b) AS to, properties(r) AS properties ORDER BY rel;
SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex ORDER BY name;
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint ORDER BY name;"
}

# expect_unchanged "$SNAPSHOT" [TITLE]: the database still equals an earlier
# SNAPSHOT="$(graph_snapshot)".
expect_unchanged() {
  [[ $# -ge 1 && $# -le 2 ]] || neo4j_die "usage: expect_unchanged SNAPSHOT [TITLE]"
  local title="${2:-database unchanged}" now
  now="$(graph_snapshot)" || { _neo4j_query_failed "$title"; return 1; }
  _neo4j_compare "$title" "$1" "$now"
}

# neo4j_check_file CHECKS_FILE: runs the checks of a plain-text file:
#
#   # comment lines and blank lines outside a check are ignored
#   == persons are loaded              <- a check starts with "== TITLE"
#   MATCH (n:Person)                   <- the query: every line up to "--"
#   RETURN count(n) AS persons
#   --
#   persons                            <- the expected output, up to the next "== " line or
#   2                                     the end of the file (trailing blank lines dropped)
neo4j_check_file() {
  [[ $# -eq 1 && -f "$1" ]] || neo4j_die "usage: neo4j_check_file CHECKS_FILE (not found: ${1:-})"
  local line title="" cypher="" expected="" actual="" state=none n=0 lineno=0
  local -a titles=() cyphers=() expecteds=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    lineno=$((lineno + 1))
    if [[ "$line" == "== "* ]]; then
      if [[ "$state" == query ]]; then
        neo4j_die "$1:$lineno: check '$title' has no '--' line before the next check"
      fi
      if [[ "$state" == expect ]]; then
        titles+=("$title") cyphers+=("$cypher") expecteds+=("$expected")
      fi
      title="${line#== }" cypher="" expected="" state=query
    elif [[ "$state" == query ]]; then
      if [[ "$line" == "--" ]]; then
        [[ -n "$cypher" ]] || neo4j_die "$1:$lineno: check '$title' has no query"
        state=expect
      else
        cypher+="${cypher:+$'\n'}$line"
      fi
    elif [[ "$state" == expect ]]; then
      expected+="$line"$'\n'
    elif [[ -n "$line" && "$line" != "#"* ]]; then
      neo4j_die "$1:$lineno: expected '== TITLE', '#' or a blank line, got: $line"
    fi
  done <"$1"
  [[ "$state" != query ]] || neo4j_die "$1: check '$title' has no '--' line"
  [[ "$state" != expect ]] || { titles+=("$title") cyphers+=("$cypher") expecteds+=("$expected"); }
  ((${#titles[@]} > 0)) || neo4j_die "$1: no check in the file"
  local -a actuals=()
  _neo4j_run_batch cyphers actuals || actuals=() # on any trouble: one call per check below
  for ((n = 0; n < ${#titles[@]}; n++)); do
    expected="${expecteds[n]}"
    while [[ "$expected" == *$'\n' ]]; do expected="${expected%$'\n'}"; done
    if ((${#actuals[@]} == ${#titles[@]})); then
      actual="${actuals[n]}"
    else
      actual="$(query "${cyphers[n]}")" || { _neo4j_query_failed "${titles[n]}"; continue; }
    fi
    _neo4j_compare "${titles[n]}" "$expected" "$actual" || true
  done
}

# _neo4j_run_batch QUERIES_ARRAY RESULTS_ARRAY: runs all the queries in one cypher-shell call
# (a JVM start each costs ~1 s), each after a marker query, and splits the output at the
# markers into RESULTS (each without its trailing newlines, as $(query ...) would give it).
# Returns 1, RESULTS unset, if the call fails or its output cannot be split.
_neo4j_run_batch() {
  local -n _queries="$1" _results="$2"
  local batch out err rc=0 q n line marker_pending=0 current=-1
  batch="$(mktemp)" out="$(mktemp)" err="$(mktemp)"
  for ((n = 0; n < ${#_queries[@]}; n++)); do
    q="${_queries[n]}"
    while [[ "$q" =~ [[:space:]\;]$ ]]; do q="${q%?}"; done
    # The ";" on a line of its own: a query may end with a // comment.
    printf 'RETURN "@@ castgraph check %d @@" AS castgraph_check;\n%s\n;\n' "$n" "$q" >>"$batch"
  done
  cypher_shell -f "$batch" >"$out" 2>"$err" || rc=$?
  _results=()
  if ((rc == 0)) && [[ ! -s "$err" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
      if ((marker_pending)); then
        marker_pending=0
        if [[ "$line" =~ ^\"@@\ castgraph\ check\ ([0-9]+)\ @@\"$ ]]; then
          current="${BASH_REMATCH[1]}"
          _results[current]=""
          continue
        fi
        ((current >= 0)) || { rc=1; break; }
        _results[current]+="castgraph_check"$'\n'
      fi
      if [[ "$line" == castgraph_check ]]; then
        marker_pending=1
      elif ((current >= 0)); then
        _results[current]+="$line"$'\n'
      else
        rc=1
        break
      fi
    done <"$out"
    ((marker_pending == 0 && current == ${#_queries[@]} - 1)) || rc=1
  else
    rc=1
  fi
  rm -f "$batch" "$out" "$err"
  if ((rc != 0)); then
    _results=()
    return 1
  fi
  for ((n = 0; n < ${#_results[@]}; n++)); do
    while [[ "${_results[n]}" == *$'\n' ]]; do _results[n]="${_results[n]%$'\n'}"; done
  done
}

# neo4j_finish: exit 1 with "N passed, M failed" if any expectation failed; exit 0 quietly
# otherwise (the summary is printed on success too with NEO4J_VERBOSE=1).
neo4j_finish() {
  if ((NEO4J_FAILED > 0)); then
    printf 'neo4j harness: %d passed, %d failed\n' "$NEO4J_PASSED" "$NEO4J_FAILED" >&2
    exit 1
  fi
  neo4j_log "$NEO4J_PASSED passed, 0 failed"
  exit 0
}
