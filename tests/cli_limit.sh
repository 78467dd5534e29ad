#!/bin/sh
# cli_limit.sh — every command that reads reports takes -L/--limit
# NAME=VALUE (one parser, src/cli/common.c): the limit is applied (a later
# report skipped past max_docs, naming the file and the limit; texts
# truncated past max_doc_bytes), and a bad --limit is a usage error that
# lists the valid names.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-limit-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
EX=examples/brussels-2024-10-17
third=$(ls "$EX" | sort | sed -n 3p)
for cmd in brief clean cluster dedup quotes entities numbers extract add; do
  db=""; [ $cmd = add ] && db="--db $T/$cmd.db"
  "$BIN" $cmd $db "$EX" >"$T/out0" 2>"$T/err0"; rc0=$?
  "$BIN" $cmd $db --limit max_docs=2 "$EX" >"$T/out" 2>"$T/err"; rc=$?
  check "$cmd: without --limit exit 0; --limit max_docs=2: exit 1, skips $third naming the limit" \
    "[ $rc0 -eq 0 ] && [ $rc -eq 1 ] && grep -q '$third: skipped: .*(limit max_docs)' '$T/err'"
  [ $cmd = add ] && db="--db $T/$cmd-2.db"
  "$BIN" $cmd $db -L max_doc_bytes=300 "$EX" >"$T/out" 2>"$T/err"; rc=$?
  check "$cmd: -L max_doc_bytes=300 truncates every report with a warning" \
    "[ $rc -eq 0 ] && [ \$(grep -c 'warning: text truncated to 300 bytes (limit max_doc_bytes)' '$T/err') -eq 5 ]"
  "$BIN" $cmd $db --limit nosuch=3 "$EX" >"$T/out" 2>"$T/err"; rc=$?
  check "$cmd: an unknown limit is a usage error listing the names" \
    "[ $rc -eq 2 ] && grep -q 'crossread $cmd: --limit wants NAME=VALUE.*max_doc_bytes.*got .nosuch=3.' '$T/err'"
  check "$cmd --help shows --limit" "'$BIN' $cmd --help | grep -q -- '--limit NAME=VALUE'"
done
# stored reports are read back under the limits too
"$BIN" add -q --db "$T/s.db" "$EX" >/dev/null 2>&1
"$BIN" brief --db "$T/s.db" --story 1 --limit max_docs=2 >/dev/null 2>"$T/err"; rc=$?
check "brief --db --story: --limit max_docs=2 on a story of 5: exit 1, says so" \
  "[ $rc -eq 1 ] && grep -q 'limit max_docs) reading story 1' '$T/err'"
"$BIN" report --db "$T/s.db" -o "$T/site" -L max_docs=2 2>"$T/err"; rc=$?
check "report --db: --limit max_docs=2: exit 1, names the story" \
  "[ $rc -eq 1 ] && grep -q 'limit max_docs) reading story 1' '$T/err'"
"$BIN" report --db "$T/s.db" -o "$T/site2" -L max_docs=5 2>"$T/err"; rc=$?
check "report --db: --limit max_docs=5: exit 0" "[ $rc -eq 0 ] && [ -f '$T/site2/index.html' ]"
# reports per story: a story past the limit is briefed from part of its
# reports, with a warning naming the limit (input order; stored: newest)
"$BIN" brief -L max_story_reports=2 "$EX" >"$T/out" 2>"$T/err"; rc=$?
check "brief -L max_story_reports=2: the 5-report story is briefed from 2, with a warning" \
  "[ $rc -eq 0 ] && grep -q '^2 sources' '$T/out' && grep -q 'story 1 has 5 reports: briefed the first 2 (limit max_story_reports)' '$T/err'"
"$BIN" brief -f json --db "$T/s.db" --story 1 -L max_story_reports=3 >"$T/out" 2>"$T/err"; rc=$?
check "brief --db --story -L max_story_reports=3: the newest 3 stored reports, with a warning" \
  "[ $rc -eq 0 ] && grep -q 'story 1 has 5 reports: briefed the newest 3 (limit max_story_reports)' '$T/err' && python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
st=d[\"stories\"][0] if \"stories\" in d else d
assert len(st[\"sources\"])==3, len(st[\"sources\"])' '$T/out'"
"$BIN" brief --db "$T/s.db" --story 1 -L max_story_reports=5 >/dev/null 2>"$T/err"; rc=$?
check "... at the limit: no warning" "[ $rc -eq 0 ] && ! grep -q max_story_reports '$T/err'"
# the store's size: the add stops with the limit named, the store keeps
# what was printed, and an add with room completes the rest
if [ -d ../shared/data ]; then
  python3 bench/genreports.py ../shared/data 200 --seed 3 --bytes 1500 >"$T/r.jsonl"
  "$BIN" add -q --db "$T/cap.db" -L max_store_bytes=200K "$T/r.jsonl" >"$T/cap1" 2>"$T/err"; rc=$?
  n1=$(grep -c '^added ' "$T/cap1")
  check "add -L max_store_bytes=200K: exit 1 after $n1 reports, names the limit" \
    "[ $rc -eq 1 ] && [ $n1 -gt 0 ] && grep -q 'size limit (limit max_store_bytes' '$T/err'"
  check "... the store file stays within 200K and holds what was printed" \
    "[ \$(stat -c %s '$T/cap.db') -le 204800 ] && python3 -c '
import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
assert c.execute(\"PRAGMA integrity_check\").fetchone()[0]==\"ok\"
assert c.execute(\"SELECT count(*) FROM reports\").fetchone()[0]==int(sys.argv[2])' '$T/cap.db' $n1"
  "$BIN" add -q --db "$T/cap.db" "$T/r.jsonl" >"$T/cap2" 2>/dev/null; rc=$?
  check "... an add without the limit stores the rest" \
    "[ $rc -eq 0 ] && [ \$(( n1 + \$(grep -c '^added ' '$T/cap2') )) -eq \$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM reports\").fetchone()[0])' '$T/cap.db') ]"
fi
[ "$fails" -eq 0 ]
