#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of tests/fuzz.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET] [BUILD_DIR]
#
#   SECONDS_PER_TARGET  fuzzing time per target (default 30)
#   BUILD_DIR           clang fuzz build tree (default <repo>/build-fuzz); configured
#                       with CASTGRAPH_FUZZ=ON and built when needed
#
# Environment:
#   FUZZ_TARGETS   targets to run, space separated (default: all five)
#   FUZZ_PARALLEL  targets fuzzed at the same time (default 2)
#   FUZZ_WORK_DIR  scratch directory for corpora, artifacts and logs
#                  (default BUILD_DIR/fuzz-runs; emptied per target at each run)
#   FUZZ_TOLERATE_KNOWN=1  while fuzzing (not when replaying regressions), let the
#                  targets treat the known library bugs listed in
#                  tests/data/fuzz-regressions/README.md as rejected input, so a long
#                  run is not stopped by them again and again
#   CC, CXX        compilers for a fresh configure (default clang, clang++)
#
# Steps: configure/build; replay every file of tests/data/fuzz-regressions/<target>/
# through its target (one run per file); fuzz each target for SECONDS_PER_TARGET on
# a scratch copy of tests/fuzz/corpus/<target>/ (the committed corpus is never
# written) with its dictionary tests/fuzz/<target>.dict; print executions, exec/s,
# cov/ft and corpus size per target. Exits 1 when a regression input fails or a
# fuzzer stops on a crash, leak, timeout or out-of-memory (the input it saved is
# printed), 2 on a usage or build problem.
set -uo pipefail

SECONDS_PER_TARGET=${1:-30}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILD_DIR=${2:-$REPO/build-fuzz}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$PWD/$BUILD_DIR ;; esac
WORK_DIR=${FUZZ_WORK_DIR:-$BUILD_DIR/fuzz-runs}
PARALLEL=${FUZZ_PARALLEL:-2}
TARGETS=${FUZZ_TARGETS:-"fuzz_listing_parser fuzz_episode_json fuzz_aliases fuzz_title fuzz_pipeline"}
REGRESSIONS=$REPO/tests/data/fuzz-regressions

if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -lt 1 ]; then
    echo "usage: $0 [SECONDS_PER_TARGET] [BUILD_DIR]" >&2
    exit 2
fi

# Longest input libFuzzer generates, per target.
max_len() {
    case "$1" in
    fuzz_title) echo 512 ;;
    fuzz_aliases) echo 8192 ;;
    *) echo 16384 ;;  # listing pages and episode JSON: a few episodes; the pipeline caps at 64 KB itself
    esac
}

# ---- build ------------------------------------------------------------------------
if ! grep -qs '^CASTGRAPH_FUZZ:BOOL=ON' "$BUILD_DIR/CMakeCache.txt"; then
    echo "== configuring $BUILD_DIR (clang, CASTGRAPH_FUZZ=ON)"
    CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASTGRAPH_FUZZ=ON -DCASTGRAPH_BUILD_TESTS=OFF || exit 2
fi
echo "== building fuzz targets in $BUILD_DIR"
cmake --build "$BUILD_DIR" --target $TARGETS || exit 2

binary() { echo "$BUILD_DIR/tests/fuzz/$1"; }
for target in $TARGETS; do
    [ -x "$(binary "$target")" ] || { echo "missing $(binary "$target")" >&2; exit 2; }
done

COMMON_FLAGS=(-timeout=10 -rss_limit_mb=2048)
status=0

# What went wrong, from a libFuzzer log: the error and message lines, the top
# stack frames (sanitizer and libFuzzer internals dropped, repeats of a recursion
# folded) and the frames in castgraph's code, cut to a readable width.
summarize_log() {
    grep -E '^==[0-9]+==( |)ERROR|^SUMMARY|castgraph fuzz invariant|check failed|terminate called|what\(\):|ALARM|out-of-memory|detected memory leaks|Test unit written to' \
        "$1" | head -n 12 | cut -c1-300
    local frames
    frames=$(grep -E '^ *#[0-9]+ 0x' "$1" \
        | grep -vE '__sanitizer|fuzzer::|castgraph::fuzz::fail|libc\.so|libstdc\+\+|pthread_kill|raise|abort|__libc_start|in _start|in main ' \
        | sed -E 's/ \(BuildId: [0-9a-f]+\)//; s/^ *#[0-9]+ 0x[0-9a-f]+ in /  in /' | cut -c1-300)
    uniq -c <<<"$frames" | head -n 6 | sed -E 's/^ *1 +in /  in /; s/^ *([0-9]+) +in /  (x\1) in /'
    grep -E 'castgraph::|LLVMFuzzerTestOneInput' <<<"$frames" | uniq | head -n 4
}

# ---- regression inputs --------------------------------------------------------------
declare -A REPLAYED REPLAY_FAILED
for target in $TARGETS; do
    REPLAYED[$target]=0
    REPLAY_FAILED[$target]=0
    [ -d "$REGRESSIONS/$target" ] || continue
    mkdir -p "$WORK_DIR/$target"
    while IFS= read -r -d '' input; do
        REPLAYED[$target]=$((REPLAYED[$target] + 1))
        log="$WORK_DIR/$target/replay-$(basename "$input").log"
        if "$(binary "$target")" "${COMMON_FLAGS[@]}" "$input" >"$log" 2>&1; then
            echo "== replay $target: ${input#"$REPO"/}: ok"
        else
            REPLAY_FAILED[$target]=$((REPLAY_FAILED[$target] + 1))
            status=1
            echo "== replay $target: ${input#"$REPO"/}: FAILED (log $log)"
            summarize_log "$log" | sed 's/^/     /'
        fi
    done < <(find "$REGRESSIONS/$target" -maxdepth 1 -type f ! -name '*.md' ! -name '.*' -print0 | sort -z)
done

# ---- fuzzing ------------------------------------------------------------------------
run_target() {
    local target=$1
    local dir="$WORK_DIR/$target"
    rm -rf "$dir/corpus" "$dir/artifacts" "$dir/fuzz.log"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -R "$HERE/corpus/$target/." "$dir/corpus/"
    local dict=()
    [ -f "$HERE/$target.dict" ] && dict=(-dict="$HERE/$target.dict")
    # The outer timeout only catches a fuzzer that stops answering; libFuzzer's own
    # -timeout reports a slow input.
    local tolerate=()
    [ "${FUZZ_TOLERATE_KNOWN:-0}" = 1 ] && tolerate=(env CASTGRAPH_FUZZ_TOLERATE_KNOWN=1)
    "${tolerate[@]}" timeout --kill-after=30 $((SECONDS_PER_TARGET + 120)) \
        "$(binary "$target")" "${COMMON_FLAGS[@]}" -max_len="$(max_len "$target")" \
        -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
        "${dict[@]}" "$dir/corpus" >"$dir/fuzz.log" 2>&1
    echo $? >"$dir/exit-status"
}

echo "== fuzzing $TARGETS: ${SECONDS_PER_TARGET}s each, $PARALLEL at a time; scratch in $WORK_DIR"
running=0
for target in $TARGETS; do
    if [ "$running" -ge "$PARALLEL" ]; then
        wait -n
        running=$((running - 1))
    fi
    echo "   start $target ($(date +%H:%M:%S))"
    run_target "$target" &
    running=$((running + 1))
done
wait

# ---- report -------------------------------------------------------------------------
stat_of() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }
printf '\n%-20s %12s %8s %7s %8s %14s %8s %s\n' target executions exec/s cov ft corpus replays result
for target in $TARGETS; do
    dir="$WORK_DIR/$target"
    log="$dir/fuzz.log"
    code=$(cat "$dir/exit-status" 2>/dev/null || echo "?")
    runs=$(stat_of "$log" number_of_executed_units)
    speed=$(stat_of "$log" average_exec_per_sec)
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    files=$(find "$dir/corpus" -type f | wc -l)
    bytes=$(du -sb "$dir/corpus" | cut -f1)
    result=ok
    [ "$code" = 0 ] || { result="FAILED (exit $code)"; status=1; }
    [ "${REPLAY_FAILED[$target]}" = 0 ] || { result="$result, ${REPLAY_FAILED[$target]} regression(s) failing"; status=1; }
    printf '%-20s %12s %8s %7s %8s %14s %8s %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
        "$files/$((bytes / 1024))KB" "${REPLAYED[$target]}" "$result"
done

for target in $TARGETS; do
    dir="$WORK_DIR/$target"
    [ "$(cat "$dir/exit-status" 2>/dev/null)" = 0 ] && continue
    echo
    echo "==== $target stopped (exit $(cat "$dir/exit-status" 2>/dev/null)); log $dir/fuzz.log"
    summarize_log "$dir/fuzz.log" | sed 's/^/   /'
    for artifact in "$dir"/artifacts/*; do
        [ -f "$artifact" ] || continue
        echo "   input: $artifact ($(stat -c %s "$artifact") bytes)"
        echo "   reproduce: $(binary "$target") $artifact"
        echo "   keep it: cp $artifact $REGRESSIONS/$target/"
    done
done
exit $status
