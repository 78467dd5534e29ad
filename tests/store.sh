#!/bin/sh
# store.sh — crossread add / stories / brief --story on the example reports,
# bad stores, and a child `crossread add` killed with SIGKILL in the middle
# of a large add: the store must open, pass integrity_check, hold every
# report the add printed as stored, and a second add must store the rest
# exactly once.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-store-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
EX=examples/brussels-2024-10-17
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join(str(r[0]) for r in c.execute(sys.argv[2])))' "$@"; }

# ---- add, stories, brief --story
"$BIN" add --db "$T/news.db" "$EX" >"$T/add1" 2>"$T/err1"; rc=$?
check "add exits 0" "[ $rc -eq 0 ]"
check "add prints one line per stored report" "[ \$(grep -c '^added ' '$T/add1') -eq 5 ]"
check "the example reports are one story" "[ \$(sed 's/.*story \([0-9]*\).*/\1/' '$T/add1' | sort -u | wc -l) -eq 1 ]"
"$BIN" add --db "$T/news.db" "$EX/000_8569c3aa2e15a11a.txt" >"$T/add2" 2>"$T/err2"; rc=$?
check "re-adding a stored report: exit 0, nothing added" "[ $rc -eq 0 ] && [ ! -s '$T/add2' ]"
check "re-adding says it is already stored" "grep -q '000_8569c3aa2e15a11a is already stored (report 1, story 1); skipped' '$T/err2'"
"$BIN" stories --db "$T/news.db" -f json >"$T/st.json"; rc=$?
check "stories --format json lists one story of 5 reports" "[ $rc -eq 0 ] && python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
s=d[\"stories\"]
assert len(s)==1 and s[0][\"id\"]==1 and s[0][\"reports\"]==5 and s[0][\"sources\"]==5, s
assert s[0][\"headline\"] and s[0][\"first_seen\"] <= s[0][\"last_seen\"]' '$T/st.json'"
"$BIN" stories --db "$T/news.db" >"$T/st.txt"; rc=$?
check "stories (text) has a header and one row" "[ $rc -eq 0 ] && [ \$(wc -l < '$T/st.txt') -eq 2 ]"
"$BIN" brief --db "$T/news.db" --story 1 -f json >"$T/b1.json"; rc=$?
"$BIN" brief -f json "$EX" >"$T/b0.json"
check "brief --story equals the brief of the same files" "[ $rc -eq 0 ] && cmp -s '$T/b1.json' '$T/b0.json'"
"$BIN" brief --db "$T/news.db" --story 7 >/dev/null 2>"$T/err3"; rc=$?
check "brief of a missing story: exit 1, says so" "[ $rc -eq 1 ] && grep -q 'no story 7' '$T/err3'"
# ---- several adds racing to create one store: each migrates only what is
# left once it holds the write lock, so every one succeeds
i=0; while [ $i -lt 6 ]; do
  "$BIN" add --db "$T/race.db" "$EX" >"$T/race$i.out" 2>"$T/race$i.err" &
  i=$((i+1))
done
racefail=0
for p in $(jobs -p); do wait "$p" || racefail=$((racefail+1)); done
check "6 adds racing to create one store all exit 0" "[ $racefail -eq 0 ]"
check "... nothing on stderr but 'already stored'" "! cat '$T'/race*.err | grep -v 'is already stored' | grep -q ."
check "... and the 5 reports are stored once each" "[ \$(sql '$T/race.db' 'SELECT count(*) FROM reports') -eq 5 ]"
"$BIN" add "$EX" >/dev/null 2>&1; rc=$?
check "add without --db is a usage error" "[ $rc -eq 2 ]"

# ---- a later add: reports join their stored stories; a stored story
# nothing joins is left exactly as it was (its row and centroid)
mkdir -p "$T/ev1" "$T/ev2"
printf 'A magnitude 6.1 earthquake struck near Ridgecrest on Tuesday, the Geological Survey said. Mayor Peggy Breeden said 14 buildings in Ridgecrest collapsed.\n' >"$T/ev1/a1.txt"
printf 'Ridgecrest was shaken by a 6.1 quake on Tuesday. Peggy Breeden, the mayor, told reporters 14 buildings fell and two people were hurt in Ridgecrest.\n' >"$T/ev1/a2.txt"
printf 'A magnitude 7.3 earthquake hit Kumamoto on Saturday, the Meteorological Agency said. Governor Ikuo Kabashima said 41 people died in Kumamoto.\n' >"$T/ev1/b1.txt"
printf 'Kumamoto was struck by a 7.3 quake on Saturday. Ikuo Kabashima, the governor, said 41 were killed and thousands left homes in Kumamoto.\n' >"$T/ev1/b2.txt"
printf 'The city council of Lakeport approved a new library budget of 3 million dollars on Monday. Councillor Dana Whitfield said the Lakeport library would reopen in May.\n' >"$T/ev1/c1.txt"
printf 'Lakeport council members voted on Monday to fund the library with 3 million dollars, Dana Whitfield said, and the Lakeport library reopens in May.\n' >"$T/ev1/c2.txt"
printf 'The 6.1 earthquake near Ridgecrest damaged 14 buildings, Mayor Breeden said on Tuesday, as aftershocks rattled the desert town of Ridgecrest.\n' >"$T/ev2/a3.txt"
printf 'The 7.3 earthquake in Kumamoto killed 41 people, Governor Kabashima said on Saturday, as rescuers searched collapsed homes across Kumamoto.\n' >"$T/ev2/b3.txt"
"$BIN" add --db "$T/ev.db" "$T/ev1" >"$T/ev1.out" 2>/dev/null
story_of() { grep "^added $1:" "$T/$2" | sed 's/.*story \([0-9]*\).*/\1/'; }
sa=$(story_of a1 ev1.out); sb=$(story_of b1 ev1.out); sc=$(story_of c1 ev1.out)
check "three events, three stories" "[ \$(sed 's/.*story \([0-9]*\).*/\1/' '$T/ev1.out' | sort -u | wc -l) -eq 3 ] && [ \"\$(story_of a2 ev1.out)\" = $sa ] && [ \"\$(story_of b2 ev1.out)\" = $sb ] && [ \"\$(story_of c2 ev1.out)\" = $sc ]"
before=$(sql "$T/ev.db" "SELECT size || ' ' || hex(centroid) || ' ' || last_seen FROM stories WHERE id = $sc")
"$BIN" add --db "$T/ev.db" "$T/ev2" >"$T/ev2.out" 2>/dev/null; rc=$?
check "a later add: each report joins its stored story" "[ $rc -eq 0 ] && [ \"\$(story_of a3 ev2.out)\" = $sa ] && [ \"\$(story_of b3 ev2.out)\" = $sb ] && [ \$(sql '$T/ev.db' 'SELECT count(*) FROM stories') -eq 3 ]"
check "... and the story nothing joined is unchanged" "[ -n \"$before\" ] && [ \"\$(sql '$T/ev.db' \"SELECT size || ' ' || hex(centroid) || ' ' || last_seen FROM stories WHERE id = $sc\")\" = \"$before\" ]"

# ---- bad stores
printf 'my notes\n%.0s' $(seq 1 200) >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.bak"
"$BIN" add --db "$T/notes.txt" "$EX" >/dev/null 2>"$T/err4"; rc=$?
check "a non-SQLite file: exit 1, says so, left untouched" "[ $rc -eq 1 ] && grep -q 'not a SQLite database' '$T/err4' && cmp -s '$T/notes.txt' '$T/notes.bak'"
cp "$T/news.db" "$T/newer.db"
sql "$T/newer.db" "PRAGMA user_version=9" >/dev/null
"$BIN" stories --db "$T/newer.db" >/dev/null 2>"$T/err5"; rc=$?
check "a newer schema: exit 1, says so" "[ $rc -eq 1 ] && grep -q 'newer crossread (store schema 9' '$T/err5'"
"$BIN" add --db "file:$T/news.db?mode=ro" "$EX" >/dev/null 2>"$T/err6"; rc=$?
check "a read-only store: exit 1, says so" "[ $rc -eq 1 ] && grep -q 'read-only' '$T/err6'"
if [ "$(id -u)" != 0 ]; then
  cp "$T/news.db" "$T/ro.db"; chmod 444 "$T/ro.db"
  "$BIN" add --db "$T/ro.db" "$EX" >/dev/null 2>"$T/err7"; rc=$?
  check "a write-protected file: exit 1, says so" "[ $rc -eq 1 ] && grep -q 'read-only' '$T/err7'"
fi
# a file size limit: SQLite's write fails, the add stops with a message
mkdir "$T/gen"
i=0
for f in "$EX"/*.txt; do
  for k in 1 2 3 4 5 6 7 8; do sed "1s/\$/ (edition $k)/; 3s/^/Update $k: /" "$f" >"$T/gen/$i-$k.txt"; done
  i=$((i+1))
done
# the smallest limit (in the shell's ulimit blocks) that lets some in
for lim in 50 100 200 400 800 1600 3200; do
  rm -f "$T"/small.db*
  (ulimit -f $lim; exec "$BIN" add --db "$T/small.db" "$T/gen") >"$T/add8" 2>"$T/err8"; rc=$?
  [ $rc -ne 0 ] && [ -s "$T/add8" ] && break
done
check "a file size limit: exit 1, a clear message" "[ $rc -eq 1 ] && grep -q 'a full disk or a file size limit' '$T/err8'"
check "... and the store is consistent with what was printed" "[ \"\$(sql '$T/small.db' 'PRAGMA integrity_check')\" = ok ] && [ \$(sql '$T/small.db' 'SELECT count(*) FROM reports') -eq \$(grep -c '^added ' '$T/add8') ]"

# ---- SIGKILL during a large add
if [ ! -d ../shared/data ]; then
  echo "  skip: ../shared/data is absent (no texts to build the large add from)"
else
  python3 bench/genreports.py ../shared/data 1200 --seed 7 >"$T/many.jsonl"
  "$BIN" add -q --db "$T/clean.db" "$T/many.jsonl" >"$T/clean.out" 2>/dev/null
  total=$(sql "$T/clean.db" "SELECT count(*) FROM reports")
  : >"$T/k1.out"
  "$BIN" add -q --db "$T/k.db" "$T/many.jsonl" >>"$T/k1.out" 2>/dev/null &
  pid=$!
  # wait until it has stored some reports, then kill it mid-add (the
  # writes run at thousands of reports a second: poll often, kill early)
  n=0
  while [ "$(wc -l < "$T/k1.out")" -lt 20 ] && [ $n -lt 6000 ]; do sleep 0.01; n=$((n+1)); done
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  done1=$(grep -c '^added ' "$T/k1.out")
  check "the add was killed mid-way ($done1 of $total stored)" "[ $done1 -gt 0 ] && [ $done1 -lt $total ]"
  check "the killed store passes integrity_check" "[ \"\$(sql '$T/k.db' 'PRAGMA integrity_check')\" = ok ]"
  check "it holds every report the add printed" "python3 -c '
import sqlite3,sys
ids={l.split()[1].rstrip(\":\") for l in open(sys.argv[2]) if l.startswith(\"added \")}
db=set(r[0] for r in sqlite3.connect(sys.argv[1]).execute(\"SELECT doc_id FROM reports\"))
assert ids <= db, len(ids-db)
assert len(db) - len(ids) <= 1, (len(db), len(ids))' '$T/k.db' '$T/k1.out'"
  "$BIN" add -q --db "$T/k.db" "$T/many.jsonl" >"$T/k2.out" 2>/dev/null; rc=$?
  check "re-running the add completes" "[ $rc -eq 0 ]"
  check "every report is stored exactly once ($total)" "[ \$(sql '$T/k.db' 'SELECT count(*) FROM reports') -eq $total ] && [ \$(sql '$T/k.db' 'SELECT count(DISTINCT doc_id) FROM reports') -eq $total ]"
  check "story sizes add up, df folded" "[ \$(sql '$T/k.db' 'SELECT sum(size) FROM stories') -eq $total ] && [ \$(sql '$T/k.db' \"SELECT value FROM meta WHERE key='df_upto'\") -eq \$(sql '$T/k.db' 'SELECT max(id) FROM reports') ]"
fi
[ "$fails" -eq 0 ]
