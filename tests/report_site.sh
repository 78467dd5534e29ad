#!/bin/sh
# report_site.sh — crossread report --db: the index and one page per story,
# every index link resolves, hostile input stays text, usage errors exit 2.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-site-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
"$BIN" add -q --db "$T/n.db" examples/brussels-2024-10-17 tests/fixtures/hostile >/dev/null 2>&1
"$BIN" report -q --db "$T/n.db" -o "$T/site"; rc=$?
check "report exits 0" "[ $rc -eq 0 ]"
check "index.html written" "[ -s '$T/site/index.html' ]"
check "every story link of the index resolves to a page" "python3 -c '
import re,os,sys
d=sys.argv[1]; idx=open(d+\"/index.html\").read()
links=re.findall(r\"href=\\\"(story-[0-9]+\\.html)\\\"\", idx)
sys.exit(not links or not all(os.path.exists(os.path.join(d,l)) for l in links))' '$T/site'"
check "only index and story-N pages are written" "[ -z \"\$(ls '$T/site' | grep -vE '^(index|story-[0-9]+)\\.html\$')\" ]"
check "no script element in any page" "! grep -qi '<script' '$T/site'/*.html"
"$BIN" report --db "$T/n.db" >/dev/null 2>&1; check "missing -o exits 2" "[ $? -eq 2 ]"
printf 'not a database' >"$T/bad.db"
"$BIN" report -q --db "$T/bad.db" -o "$T/s2" 2>"$T/err"; rc=$?
check "a non-store file exits 1 with a message naming it" "[ $rc -eq 1 ] && grep -q 'bad.db' '$T/err'"
[ $fails -eq 0 ]
