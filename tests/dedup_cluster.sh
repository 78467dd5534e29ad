#!/bin/sh
# dedup_cluster.sh — crossread dedup and cluster on the example reports,
# a copy of one and bad arguments.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-dc-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
EX=examples/brussels-2024-10-17
mkdir "$T/in" && cp "$EX"/*.txt "$T/in/" && cp "$EX/000_8569c3aa2e15a11a.txt" "$T/in/copy.txt"
"$BIN" dedup "$T/in" >"$T/d.jsonl"; rc=$?
check "dedup exits 0" "[ $rc -eq 0 ]"
check "dedup finds the copy as exact" "grep -q '\"id\":\"copy\",\"kind\":\"exact\"' '$T/d.jsonl'"
"$BIN" cluster --format jsonl "$T/in" >"$T/c.jsonl"; rc=$?
check "cluster exits 0" "[ $rc -eq 0 ]"
check "cluster prints one line per report" "[ \$(wc -l < '$T/c.jsonl') -eq 6 ]"
check "the copy names its original and shares its story" "python3 -c '
import json,sys
r={d[\"id\"]:d for d in map(json.loads,open(sys.argv[1]))}
assert r[\"copy\"][\"duplicate_of\"]==\"000_8569c3aa2e15a11a\"
assert r[\"copy\"][\"cluster\"]==r[\"000_8569c3aa2e15a11a\"][\"cluster\"]' '$T/c.jsonl'"
"$BIN" dedup --threshold 1.5 "$T/in" >/dev/null 2>&1; rc=$?
check "dedup --threshold 1.5 is a usage error" "[ $rc -eq 2 ]"
"$BIN" cluster --format md "$T/in" >/dev/null 2>&1; rc=$?
check "cluster --format md is a usage error" "[ $rc -eq 2 ]"
"$BIN" cluster "$T/in" "$T/missing.txt" >"$T/c2.jsonl" 2>"$T/err"; rc=$?
check "a missing input: exit 1, named, the rest clustered" "[ $rc -eq 1 ] && grep -q missing.txt '$T/err' && [ \$(wc -l < '$T/c2.jsonl') -eq 6 ]"
[ "$fails" -eq 0 ]
