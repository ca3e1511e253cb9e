#!/usr/bin/env bash
# Golden end-to-end test: runs the real binary, requires exit status 0 and an
# empty standard error, and compares standard output byte for byte with the
# golden file. CASTGRAPH_UPDATE_GOLDEN=1 rewrites the golden file instead.
# Usage: golden.sh BINARY GOLDEN_FILE ARGS...
set -euo pipefail
binary=$1 golden=$2
shift 2
actual=$(mktemp) errors=$(mktemp)
trap 'rm -f "$actual" "$errors"' EXIT
status=0
"$binary" "$@" >"$actual" 2>"$errors" || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: exit status $status for: $binary $*"; cat "$errors"; exit 1
fi
if [ -s "$errors" ]; then
  echo "FAIL: standard error is not empty:"; cat "$errors"; exit 1
fi
if [ "${CASTGRAPH_UPDATE_GOLDEN:-0}" = 1 ]; then
  mkdir -p "$(dirname "$golden")"; cat "$actual" >"$golden"; echo "updated $golden"; exit 0
fi
if ! cmp -s "$actual" "$golden"; then
  echo "FAIL: output differs from $golden:"; diff -u "$golden" "$actual" | head -40; exit 1
fi
echo "ok: output equals $(basename "$golden") ($(wc -c <"$golden") bytes)"
