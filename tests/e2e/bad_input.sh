#!/usr/bin/env bash
# Bad input on the real binary: problems named by file:line:column on stderr,
# the bad record skipped and counted, the rest kept; --strict fails with exit 1;
# a missing file is an io error with exit 1; a bad option is a usage error, exit 2.
set -uo pipefail
binary=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }

"$binary" parse "$data/bad-page.txt" -o "$work/out.json" 2>"$work/err"; status=$?
check "bad page exits 0 with the rest kept" '[ $status -eq 0 ]'
check "kept episodes" '[ "$(grep -c "^      \"title\":" "$work/out.json")" -eq 4 ]'
check "invalid timestamp named with file:line:column" 'grep -q "bad-page.txt:17:[0-9]*: invalid chapter timestamp" "$work/err"'
check "invalid UTF-8 named with its line" 'grep -q "bad-page.txt:23:[0-9]*: invalid UTF-8" "$work/err"'
check "stray line named" 'grep -q "bad-page.txt:22: stray line" "$work/err"'
check "unknown entity shape named" 'grep -q "bad-page.txt:17:[0-9]*: .*entity-list item" "$work/err"'
check "summary line counts what was skipped" 'grep -q "parse: read 1 file, kept 4 episodes; 4 problems .*skipped: 1 chapter, 1 entity-list item, 1 episode, 1 line" "$work/err"'

"$binary" --strict parse "$data/bad-page.txt" -o "$work/strict.json" 2>"$work/err"; status=$?
check "--strict exits 1" '[ $status -eq 1 ]'
check "--strict names the first problem" 'grep -q "parse error: .*bad-page.txt:17:" "$work/err"'
check "--strict leaves no output file" '[ ! -e "$work/strict.json" ]'

"$binary" parse "$data/malformed.json" -o "$work/m.json" 2>"$work/err"; status=$?
check "malformed JSON is reported with line and column" 'grep -q "malformed.json:4:[0-9]*: malformed JSON" "$work/err"'

"$binary" parse "$work/does-not-exist.txt" 2>"$work/err"; status=$?
check "missing file exits 1" '[ $status -eq 1 ]'
check "missing file is an io error" 'grep -q "io error: .*does-not-exist.txt: cannot open" "$work/err"'

"$binary" parse --no-such-option x 2>"$work/err"; status=$?
check "unknown option exits 2" '[ $status -eq 2 ]'

echo "$((14 - failures)) passed, $failures failed"
[ $failures -eq 0 ]
