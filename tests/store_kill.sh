#!/bin/sh
# store_kill.sh — 100 runs of `crossread add` killed with SIGKILL at random
# points (tests/store_kill.py says what each run checks).  Under the
# sanitizer build (BUILD=build/sanitize, ~3x slower) 25 runs; STORE_KILL_RUNS
# overrides, STORE_KILL_SEED replays a run's kill points (default: a new
# seed each time, printed).
set -u
BIN=${CROSSREAD:-build/crossread}
if [ ! -d ../shared/data ]; then
  echo "  skip: ../shared/data is absent (no texts to build the reports from)"; exit 0
fi
runs=100
case "${BUILD:-build}" in *sanitize*) runs=25; echo "  sanitizer build: $runs runs, not 100" ;; esac
runs=${STORE_KILL_RUNS:-$runs}
seed=${STORE_KILL_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
T=$(mktemp -d /tmp/crossread-kill-XXXXXX)
trap 'rm -rf "$T"' EXIT
python3 bench/genreports.py ../shared/data 120 --seed 11 --bytes 1000 >"$T/reports.jsonl" || exit 1
python3 tests/store_kill.py "$BIN" "$T/reports.jsonl" "$T" "$runs" "$seed"
