#!/usr/bin/env bash
# Lints cypher-shell scripts with lint_cypher.mjs, installing its pinned npm package
# (package.json + package-lock.json beside this script, `npm ci`) into
# BUILD_DIR/neo4j-cache/npm once; later runs reuse the install without calling npm.
#
#   lint_cypher.sh BUILD_DIR [--warnings-as-errors] FILE.cypher...
#
# Quiet and exit 0 on a clean file; prints FILE:LINE:COLUMN: SEVERITY: MESSAGE per
# diagnostic and exits 1 on any error (or warning, with --warnings-as-errors). A missing
# node/npm or a failed install is an error (exit 2), never a skip.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 2 ]] || { echo "usage: $0 BUILD_DIR [--warnings-as-errors] FILE.cypher..." >&2; exit 2; }
build_dir="$1"
shift

die() {
  printf 'lint_cypher: ERROR: %s\n' "$*" >&2
  exit 2
}

for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found on PATH (the Cypher lint needs Node 18.18+ and npm)"
done
node -e 'const [a, b] = process.versions.node.split(".").map(Number);
  process.exit(a > 18 || (a === 18 && b >= 18) ? 0 : 1)' ||
  die "Node $(node --version) is too old: @neo4j-cypher/language-support 2.0.0-next.20 needs 18.18.2+"

mkdir -p "$build_dir/neo4j-cache" || die "cannot create $build_dir/neo4j-cache"
cache="$(cd "$build_dir/neo4j-cache" && pwd)"
prefix="$cache/npm"
key="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)"

exec {lock_fd}>"$cache/.npm.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 600 "$lock_fd" || die "timed out waiting for the lock on $cache/.npm.lock"
fi
if [[ "$(cat "$prefix/.installed" 2>/dev/null)" != "$key" ||
  ! -f "$prefix/node_modules/@neo4j-cypher/language-support/package.json" ]]; then
  rm -rf "$prefix"
  mkdir -p "$prefix"
  cp "$here/package.json" "$here/package-lock.json" "$prefix/"
  # npm's own download cache goes into the build folder as well.
  if ! (cd "$prefix" && npm ci --no-audit --no-fund --ignore-scripts --engine-strict \
    --cache "$cache/npm-cache" --loglevel=error >"$cache/npm.log" 2>&1); then
    cat "$cache/npm.log" >&2
    die "npm ci failed in $prefix (log above, also in $cache/npm.log)"
  fi
  echo "$key" >"$prefix/.installed"
fi
exec {lock_fd}>&-

exec node "$here/lint_cypher.mjs" --modules "$prefix" "$@"
