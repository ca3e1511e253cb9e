#!/usr/bin/env bash
# Builds and exports synthetic corpora of the given sizes and prints, per size: input MB,
# the `wc -l` baseline, wall and CPU seconds per stage (read, resolve, graph, write, each
# export; for the build alone, each step of the resolve and graph stages too), MB/s, peak RSS,
# CO_APPEARS_WITH counts with and without pruning, and the guest
# diagram's time (over 100,000 episodes: build alone and the pruned build only, as the
# exports would write tens of gigabytes). With --compare, also the NetworkX pipeline on the
# 20,000-episode corpus and the ratios. Figures, not pass/fail: the targets are in
# bench/README.md.
#
# Usage: bench/run_bench.sh [--compare] [SIZES...]      (default sizes: 10000 100000 1000000)
# Environment: CASTGRAPH (default build/castgraph, a Release build), BENCH_DIR (default
# build/bench: corpora are cached there by size and seed), SEED (default 1).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
# A step that fails stops the run, and says which and where its log is (a full disk
# fails the graph file of 1,000,000 episodes, 22 GB, after minutes of work).
# (To the script's own standard error, fd 3: the failing step's is its log.)
exec 3>&2
trap 'status=$?; echo "run_bench.sh: failed at line $LINENO (exit $status); the logs are in ${bench:-build/bench}:" >&3
      tail -n 3 "${bench:-build/bench}"/*.log >&3 2>/dev/null || true' ERR
compare=0
if [ "${1:-}" = --compare ]; then compare=1; shift; fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
binary=${CASTGRAPH:-build/castgraph}
bench=${BENCH_DIR:-build/bench}
seed=${SEED:-1}
python=/usr/bin/python3
mkdir -p "$bench"
[ -x "$binary" ] || { echo "no castgraph binary at $binary (cmake --build build first)" >&2; exit 1; }

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
# timed NAME COMMAND...: runs the command under /usr/bin/time; sets WALL, CPU, RSS_MB.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$bench/time.$name" "$@"
  read -r WALL user sys rss <"$bench/time.$name"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  RSS_MB=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
}

# Peak memory measured at 100,000, 300,000 and 1,000,000 episodes: about 20 KB per episode.
per_episode_kb=20
available_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
for size in "${sizes[@]}"; do
  need_kb=$(( size * per_episode_kb ))
  if [ "$need_kb" -gt $(( available_kb * 9 / 10 )) ]; then
    echo "== $size episodes: not run: building needs about $(( need_kb / 1048576 )) GB ($per_episode_kb KB per episode), this machine has $(( available_kb / 1048576 )) GB available"
    continue
  fi
  corpus="$bench/corpus-$size-$seed.txt"
  if [ ! -s "$corpus" ]; then
    echo "generating $size episodes..." >&2
    "$python" bench/generate_corpus.py --episodes "$size" --seed "$seed" --out "$corpus"
  fi
  bytes=$(stat -c %s "$corpus")
  echo "== $size episodes: $(mb "$bytes") MB input"
  cat "$corpus" >/dev/null  # page cache warm for every reader alike
  # wc -l reads a cached file in milliseconds: time it with nanosecond clocks, best of 5.
  wc_wall=$(for _ in 1 2 3 4 5; do
    start=$(date +%s%N); wc -l "$corpus" >/dev/null; end=$(date +%s%N); echo $(( end - start ))
  done | sort -n | head -1 | awk '{ printf "%.4f", $1 / 1e9 }')
  echo "wc -l:                 ${wc_wall} s wall"
  timed buildonly "$binary" -vv build "$corpus" -o "$bench/graph-only-$size.json" 2>"$bench/buildonly.log"
  echo "build alone:           ${WALL} s wall, ${CPU} s CPU, peak ${RSS_MB} MB = $(awk -v a="$WALL" -v b="$wc_wall" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }') x wc -l, $(awk -v w="$WALL" -v n="$size" 'BEGIN { printf "%.3f", w * 1000 / n }') ms per episode"
  grep -o 'stage times (wall/CPU): .*' "$bench/buildonly.log" | sed 's/^/  /'
  # -vv: each step of the resolve and graph stages, where a large build's time goes.
  grep -o '[a-z]* steps (wall): .*' "$bench/buildonly.log" | sed 's/^/    /' || true
  if [ "$size" -gt 100000 ]; then
    # The exports of this many episodes would write tens of gigabytes: build alone and
    # the pruned build only.
    co=$(grep -c '"type":"CO_APPEARS_WITH"' "$bench/graph-only-$size.json" || true)
    echo "  graph.json: $(mb "$(stat -c %s "$bench/graph-only-$size.json")") MB"
    rm -f "$bench/graph-only-$size.json"
    timed pruned "$binary" -q build "$corpus" -o "$bench/pruned-$size.json" --min-weight 2 --top-k-per-entity 20
    co_pruned=$(grep -c '"type":"CO_APPEARS_WITH"' "$bench/pruned-$size.json" || true)
    rm -f "$bench/pruned-$size.json"
    echo "pruned build:          ${WALL} s wall, peak ${RSS_MB} MB"
    echo "CO_APPEARS_WITH:       $co (all), $co_pruned (--min-weight 2 --top-k-per-entity 20)"
    echo "(over 100,000 episodes the exports, neo4j-csv and render are left out)"
    continue
  fi
  rm -f "$bench/graph-only-$size.json"

  out="$bench/out-$size"
  rm -rf "$out" && mkdir -p "$out"
  timed build "$binary" -v build "$corpus" -o "$out/graph.json" --export graphml,jsonld,cypher 2>"$out/build.log"
  echo "build + 3 exports:     ${WALL} s wall, ${CPU} s CPU, peak ${RSS_MB} MB ($(awk -v b="$bytes" -v w="$WALL" 'BEGIN { printf "%.0f", b / 1048576 / w }') MB/s)"
  grep -o 'stage times (wall/CPU): .*' "$out/build.log" | sed 's/^/  /'
  grep -o 'build: read .*' "$out/build.log" | sed 's/^/  /'
  timed csv "$binary" -v export "$out/graph.json" --format neo4j-csv -o "$out/neo4j-csv" 2>"$out/csv.log"
  csv_bytes=$(du -sb "$out/neo4j-csv" | cut -f1)
  csv_write=$(grep -o 'write [0-9.]*' "$out/csv.log" | awk '{ print $2 }')
  echo "neo4j-csv export:      ${WALL} s wall (reading the graph file, then writing), peak ${RSS_MB} MB, $(mb "$csv_bytes") MB written in ${csv_write} s ($(awk -v b="$csv_bytes" -v w="$csv_write" 'BEGIN { printf "%.0f", b / 1048576 / w }') MB/s)"
  co=$(grep -c '"type":"CO_APPEARS_WITH"' "$out/graph.json" || true)
  timed pruned "$binary" -q build "$corpus" -o "$out/pruned.json" --min-weight 2 --top-k-per-entity 20
  co_pruned=$(grep -c '"type":"CO_APPEARS_WITH"' "$out/pruned.json" || true)
  echo "CO_APPEARS_WITH:       $co (all), $co_pruned (--min-weight 2 --top-k-per-entity 20)"
  for file in "$out"/graph.*; do echo "  $(basename "$file"): $(mb "$(stat -c %s "$file")") MB"; done
  if [ "$size" -le 100000 ]; then
    timed render "$binary" render "$out/graph.json" --view guests -o "$out/guests.svg"
    echo "render --view guests:  ${WALL} s wall, peak ${RSS_MB} MB"
  fi
done

if [ "$compare" = 1 ]; then
  corpus="$bench/corpus-20000-$seed.txt"
  [ -s "$corpus" ] || "$python" bench/generate_corpus.py --episodes 20000 --seed "$seed" --out "$corpus"
  out="$bench/compare"
  rm -rf "$out" && mkdir -p "$out"
  echo "== NetworkX comparison on 20000 episodes ($(mb "$(stat -c %s "$corpus")") MB)"
  timed ours "$binary" -q build "$corpus" -o "$out/graph.json" --export graphml,jsonld,cypher
  ours_wall=$WALL ours_rss=$RSS_MB
  echo "castgraph build + GraphML, JSON-LD, Cypher: ${WALL} s wall, peak ${RSS_MB} MB"
  timed python "$python" bench/networkx_pipeline.py "$corpus" --graphml "$out/nx.graphml" --cypher "$out/nx.cypher" 2>"$out/nx.log"
  echo "NetworkX pipeline (GraphML, Cypher):        ${WALL} s wall, peak ${RSS_MB} MB"
  tail -1 "$out/nx.log" | sed 's/^/  /'
  echo "ratio: $(awk -v a="$WALL" -v b="$ours_wall" 'BEGIN { printf "%.0f", a / b }')x faster, $(awk -v a="$RSS_MB" -v b="$ours_rss" 'BEGIN { printf "%.1f", a / b }')x leaner"
fi
