#!/usr/bin/env bash
# parse(page) -> A; parse(A) -> B; A and B must be identical, and a second run
# of the same input must give the same bytes.
set -euo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" parse examples/latent-space-listing.txt -o "$work/a.json"
"$binary" parse "$work/a.json" -o "$work/b.json"
cmp "$work/a.json" "$work/b.json" || { echo "FAIL: parse of parse output differs"; diff <(head -c 2000 "$work/a.json") <(head -c 2000 "$work/b.json"); exit 1; }
"$binary" parse examples/latent-space-listing.txt -o "$work/c.json"
cmp "$work/a.json" "$work/c.json" || { echo "FAIL: two runs differ"; exit 1; }
# Standard input gives the same records, only the source name differs.
"$binary" parse - <examples/latent-space-listing.txt >"$work/d.json"
[ "$(grep -c '"file": "<stdin>"' "$work/d.json")" = 12 ] || { echo "FAIL: stdin source name"; exit 1; }
echo "ok: round trip and reruns are byte-identical"
