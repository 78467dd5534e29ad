#!/bin/sh
# brief_stories.sh — crossread brief on a mixed input: one brief per story
# (JSON "stories" entries, Markdown sections); one story briefs as before.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-bs-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAIL: $1"; fails=$((fails+1)); fi; }
EX=examples/brussels-2024-10-17
mkdir "$T/in" && cp "$EX"/*.txt "$T/in/"
cat >"$T/in/quake.txt" <<'X'
Strong earthquake shakes southern Peru

A magnitude 6.1 earthquake struck off the coast of southern Peru on Monday, the national geophysical institute said, damaging dozens of adobe houses in Arequipa province.
Local officials in Arequipa reported two people injured and landslides blocking a highway near the town of Chala.
The quake was felt in Lima, about 600 km to the north, the institute said.
X
cat >"$T/in/quake2.txt" <<'X'
Peru quake damages homes in Arequipa

An earthquake of magnitude 6.1 hit southern Peru on Monday, damaging adobe houses in Arequipa province and blocking a highway near Chala with landslides, officials said.
Two people were injured in Arequipa, the geophysical institute said; the quake was also felt in Lima.
X
"$BIN" brief -f json "$T/in" >"$T/b.json"; rc=$?
check "brief of a mixed input exits 0" "[ $rc -eq 0 ]"
check "one story per event: the summit reports and the quake reports" "python3 -c '
import json,sys
s=json.load(open(sys.argv[1]))[\"stories\"]
assert len(s)==2, [x[\"headline\"] for x in s]
ids=[sorted(src[\"id\"] for src in x[\"sources\"]) for x in s]
assert len(ids[0])==5 and ids[1]==[\"quake\",\"quake2\"], ids
assert [x[\"id\"] for x in s]==[\"story-1\",\"story-2\"]
for x in s:
  own=set(sum(ids,[])) and {src[\"id\"] for src in x[\"sources\"]}
  assert x[\"summary\"] and all(set(i[\"sources\"]) <= own for i in x[\"summary\"])' '$T/b.json'"
"$BIN" brief "$T/in" >"$T/b.md"; rc=$?
check "Markdown: one section per story" "[ $rc -eq 0 ] && head -1 '$T/b.md' | grep -qx '# 2 stories' && [ \$(grep -c '^## ' '$T/b.md') -eq 2 ] && [ \$(grep -c '^### Summary' '$T/b.md') -eq 2 ]"
"$BIN" brief -f json "$EX" >"$T/one.json"
"$BIN" brief -f json --one-story "$EX" >"$T/one2.json"
check "one story: the same brief as --one-story" "cmp -s '$T/one.json' '$T/one2.json'"
check "--one-story on the mixed input gives one story" "\"$BIN\" brief -f json --one-story '$T/in' | python3 -c 'import json,sys; assert len(json.load(sys.stdin)[\"stories\"])==1'"
[ "$fails" -eq 0 ]
