#!/usr/bin/env bash
# castgraph export, build --export and render on the real binary:
#  - build --export graphml,dot writes the same bytes as export from the graph file;
#  - an unknown format is a usage error (exit 2) naming the known formats;
#  - render draws the sample's guest network as PNG, SVG and PDF in-process; the SVG
#    names every guest and host; an ego view of an alias works; an unknown name exits 1
#    with the closest names; two renders are byte-identical.
# Prints "N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
page=examples/latent-space-listing.txt
aliases=examples/aliases.json

"$binary" build "$page" --aliases "$aliases" -o "$work/g.json" --export graphml,dot 2>"$work/build.err"
check "build --export writes graphml and dot next to the graph" test -s "$work/g.graphml" -a -s "$work/g.dot"
"$binary" export "$work/g.json" --format graphml -o "$work/x.graphml"
"$binary" export "$work/g.json" -f dot >"$work/x.dot"
check "build --export and export give the same GraphML" cmp -s "$work/g.graphml" "$work/x.graphml"
check "build --export and export (to stdout) give the same DOT" cmp -s "$work/g.dot" "$work/x.dot"
"$binary" build "$page" -o - --export graphml >/dev/null 2>"$work/prefix.err"; status=$?
check "--export with the graph on stdout asks for --export-prefix" \
  bash -c "test $status -eq 2 && grep -q 'export-prefix' '$work/prefix.err'"
"$binary" export "$work/g.json" --format gexf -o "$work/x.gexf" 2>"$work/format.err"; status=$?
check "an unknown format exits 2 and names the known ones" \
  bash -c "test $status -eq 2 && grep -q 'graphml' '$work/format.err' && test ! -e '$work/x.gexf'"

"$binary" render "$work/g.json" --view guests -o "$work/guests.png" 2>"$work/render.err"
check "render writes a PNG" bash -c "head -c 8 '$work/guests.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
check "render leaves stderr empty" test ! -s "$work/render.err"
"$binary" render "$work/g.json" --view guests -o "$work/guests.svg"
"$binary" render "$work/g.json" --view guests -o "$work/again.svg"
check "two renders are byte-identical" cmp -s "$work/guests.svg" "$work/again.svg"
missing=""
for person in "Kyle Daigle" "swyx" "Noah Smith" "Brandon" "Walden Yan" "Alex Rives"; do
  grep -q ">$person</text>" "$work/guests.svg" || missing="$missing $person"
done
check "the guest network names guests and hosts:${missing:- all found}" test -z "$missing"
"$binary" render "$work/g.json" --view guests --format pdf -o "$work/guests.pdf"
check "render writes a PDF" bash -c "head -c 5 '$work/guests.pdf' | grep -q '%PDF-'"
"$binary" render "$work/g.json" --view "ego:Clawdbot" -o "$work/ego.svg"
check "ego view found through an alias shows OpenClaw and the GitHub episode's chapter times" \
  bash -c "grep -q '>OpenClaw</text>' '$work/ego.svg' && grep -q '1:09:45, 1:14:30' '$work/ego.svg'"
"$binary" render "$work/g.json" --view "ego:OpenClow" -o "$work/none.svg" 2>"$work/none.err"; status=$?
check "an unknown ego name exits 1 and suggests OpenClaw" \
  bash -c "test $status -eq 1 && grep -q 'not found:.*closest: OpenClaw' '$work/none.err' && test ! -e '$work/none.svg'"
"$binary" render "$work/g.json" --view hosts --format dot -o "$work/hosts.dot"
check "the hosts view as DOT reads in Graphviz" bash -c "dot -Tsvg '$work/hosts.dot' -o /dev/null 2>'$work/hosts.err' && test ! -s '$work/hosts.err'"
"$binary" render "$work/g.json" --view bogus -o "$work/bogus.svg" 2>/dev/null; status=$?
check "an unknown view exits 2" test "$status" -eq 2

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
