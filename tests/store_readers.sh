#!/bin/sh
# store_readers.sh — crossread stories and brief --story, run over and over
# while crossread add writes to the same store, always succeed and see a
# consistent state (tests/store_readers.py says what is checked).
set -u
BIN=${CROSSREAD:-build/crossread}
if [ ! -d ../shared/data ]; then
  echo "  skip: ../shared/data is absent (no texts to build the reports from)"; exit 0
fi
T=$(mktemp -d /tmp/crossread-readers-XXXXXX)
trap 'rm -rf "$T"' EXIT
python3 bench/genreports.py ../shared/data 1500 --seed 5 --bytes 1000 >"$T/reports.jsonl" || exit 1
python3 tests/store_readers.py "$BIN" "$T/reports.jsonl" "$T" 4
