#!/bin/sh
# Text-layer throughput: builds build/bench/text and runs it over DIR.
#   bench/text.sh DIR [MIN_MB]
DIR=${1:-../shared/data}
if [ ! -d "$DIR" ]; then
  echo "bench/text.sh: $DIR not found, skipping"
  exit 0
fi
DIR=$(cd "$DIR" && pwd)
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
make --no-print-directory BUILD="$BUILD" "$BUILD/bench/text" >/dev/null || exit 1
exec "$BUILD/bench/text" "$DIR" ${2:+"$2"}
