#!/bin/sh
# schema.sh — real `brief --format json|jsonl` output validates against the
# published schema (docs/schema.json), and the validator rejects documents
# that break it (so a pass means something).
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-schema-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "  ok: $1"; }
bad() { echo "  FAIL: $1"; fails=$((fails+1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
V="python3 tests/schema_check.py docs/schema.json"
EX=examples/brussels-2024-10-17

check "docs/schema.json is JSON and names version 1" \
  "python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s[\"properties\"][\"crossread\"][\"enum\"]==[\"1\"]' docs/schema.json"
check "the schema version is the one the program writes" \
  "grep -q '#define CR_SCHEMA_VERSION \"1\"' include/crossread.h"

"$BIN" brief --format json "$EX" >"$T/example.json"
"$BIN" brief --format jsonl -n 3 "$EX" >"$T/example.jsonl"
"$BIN" brief --format json tests/fixtures/hostile >"$T/hostile.json"
head -3 "$EX/002_3f71ce7762c062f3.txt" | "$BIN" brief --format json - >"$T/stdin.json"
printf '{"id":"d1","date":"2024-02-30","title":"T","text":"One sentence only about the vote in parliament today."}\n' \
  | "$BIN" brief --format json - >"$T/baddate.json"
for f in example.json example.jsonl hostile.json stdin.json baddate.json; do
  check "$f validates" "$V '$T/$f' >'$T/out' || { cat '$T/out'; false; }"
done

# Each mutation breaks one rule; the validator must catch every one.
mutate() { # name, python expression on d
  python3 - "$T/example.json" "$T/m-$1.json" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["stories"][0]
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
EOF
  check "validator rejects: $1" "! $V '$T/m-$1.json' >/dev/null"
}
mutate version 'd["crossread"] = "2"'
mutate missing-summary-text 'del s["summary"][0]["text"]'
mutate words-as-string 's["sources"][0]["words"] = "911"'
mutate negative-sentence 's["summary"][0]["from"]["sentence"] = -1'
mutate unknown-source-field 's["sources"][0]["colour"] = "red"'
mutate unknown-flag 's["sources"][0]["flags"] = ["haunted"]'
mutate bad-stance 's["speakers"] = [{"name": "X", "stance": "maybe"}]'
mutate cited-id-not-string 's["summary"][0]["sources"][0] = 1'
mutate speaker-without-quotes 'del s["speakers"][0]["quotes"]'
mutate quote-span-of-three 's["speakers"][0]["quotes"][0]["span"] = [1, 2, 3]'
mutate quote-unknown-field 's["speakers"][0]["quotes"][0]["mood"] = "x"'
mutate entity-zero-mentions 's["entities"][0]["mentions"] = 0'
mutate cover-above-one 's["speakers"][0]["quotes"][0]["claim_cover"] = 1.5'
mutate stories-not-array 'd["stories"] = s'
check "validator refuses a schema keyword it does not implement" \
  "python3 -c 'import json; json.dump({\"type\":\"object\",\"pattern\":\"x\"}, open(\"$T/s.json\",\"w\"))' && \
   python3 tests/schema_check.py '$T/s.json' '$T/example.json' >/dev/null 2>&1; [ \$? -ne 0 ]"
[ $fails -eq 0 ]
