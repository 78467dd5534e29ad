#!/bin/sh
# output_paths.sh — names that come from inputs never become output paths:
# reports whose file names and JSONL ids look like paths ("../..", "/tmp",
# a newline, an HTML page name) are stored and published with `report -o
# DIR`, and the only files written are DIR/index.html and DIR/story-N.html.
set -u
BIN=${CROSSREAD:-build/crossread}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
T=$(mktemp -d /tmp/crossread-paths-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
EX=examples/brussels-2024-10-17
mkdir -p "$T/in/sub" "$T/work"
i=0
for f in "$EX"/*.txt; do
  i=$((i+1))
  case $i in
    1) cp "$f" "$T/in/x..index.html.txt" ;;
    2) cp "$f" "$T/in/story-1.html.txt" ;;
    3) cp "$f" "$T/in/sub/$(printf 'a\nb').txt" ;;
    *) cp "$f" "$T/in/sub/x..%2f..%2fescape-$i.txt" ;;
  esac
done
python3 - "$T/in/feed.jsonl" "$EX" <<'PY'
import glob, json, sys
names = ["../../escape", "/tmp/crossread-abs-escape", "..\\..\\win", "story-1.html", "index.html"]
with open(sys.argv[1], "w") as f:
    for n, p in zip(names, sorted(glob.glob(sys.argv[2] + "/*.txt"))):
        text = open(p, encoding="utf-8").read().replace("Brussels", "Brussels " + n)
        f.write(json.dumps({"id": n, "url": "file:///" + n, "outlet": n, "title": n, "text": text}) + "\n")
PY
find "$T" | sort >"$T/before"
"$BIN" add -q --db "$T/work/n.db" "$T/in" >"$T/add" 2>"$T/err"; rc=$?
check "add of the oddly named inputs exits 0, stores all 10" "[ $rc -eq 0 ] && [ \$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM reports\").fetchone()[0])' '$T/work/n.db') -eq 10 ]"
(cd "$T/work" && "$BIN" report -q --db n.db -o site 2>"$T/err2"); rc=$?
check "add prints every id on one line, control characters escaped" "[ \$(grep -c '^added ' '$T/add') -eq 10 ] && grep -q '^added a\\\\x0Ab: report' '$T/add' && ! grep -qx 'b: report.*' '$T/add'"
check "report exits 0" "[ $rc -eq 0 ]"
check "it wrote pages" "[ -s '$T/work/site/index.html' ] && ls '$T/work/site' | grep -q '^story-1.html\$'"
check "only index.html and story-N.html inside -o" "[ -z \"\$(ls -A '$T/work/site' | grep -vE '^(index|story-[0-9]+)\\.html\$')\" ]"
check "nothing written beside -o but the store" "[ -z \"\$(ls -A '$T/work' | grep -vE '^(site|n\\.db(-wal|-shm)?)\$')\" ]"
find "$T" ! -path "$T/work/*" | sort >"$T/after"
check "no new file in the input folder or the test folder" "[ -z \"\$(comm -13 '$T/before' '$T/after' | grep -vE '^$T/(work|before|after|add|err2?)\$')\" ]"
check "no file named after an input anywhere under the test folder" "[ -z \"\$(find '$T' -name '*escape*' ! -path '$T/in/*')\" ] && [ ! -e /tmp/crossread-abs-escape ]"
[ "$fails" -eq 0 ]
