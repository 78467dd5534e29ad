#!/bin/sh
# html.sh — the HTML story page without a browser: structure, citations
# that resolve, and hostile reports (tests/fixtures/hostile) shown as text
# with nothing able to run or load.  tests/html_check.py does the parsing;
# make browser-test loads the same pages in Chromium.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-html-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "  ok: $1"; }
bad() { echo "  FAIL: $1"; fails=$((fails+1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
CHECK="python3 tests/html_check.py"
EX=examples/brussels-2024-10-17
H=tests/fixtures/hostile

"$BIN" brief --format html -o "$T/story.html" "$EX"; rc=$?
check "brief --format html -o exits 0" "[ $rc -eq 0 ]"
check "the page passes html_check (CSP, no active content, anchors resolve)" \
  "$CHECK '$T/story.html' >'$T/check.out' || { cat '$T/check.out'; false; }"
check "every summary sentence is a list item with an anchor" \
  "[ \$(grep -o '<li id=\"sum-[0-9]*\"' '$T/story.html' | wc -l) -eq 5 ]"
check "every source has a card" "[ \$(grep -o '<article class=\"source\" id=\"src[0-9]*\"' '$T/story.html' | wc -l) -eq 5 ]"
# Each summary citation points at a sentence of the cited source, and the
# sentence it points at for the source whose wording is shown is that very
# sentence: compare the summary text with the target span's text.
check "the outlined citation of each summary sentence links to that exact sentence" "python3 - '$T/story.html' <<'EOF'
import re, sys, html
page = open(sys.argv[1], encoding='utf-8').read()
sents = {m.group(1): html.unescape(re.sub(r'\s+', ' ', m.group(2)))
         for m in re.finditer(r'<span class=\"s[^\"]*\" id=\"(src\d+-s\d+)\">(.*?)</span>', page)}
items = re.findall(r'<li id=\"sum-\d+\">(.*?) <span class=\"cites\">(.*?)</span></li>', page)
assert len(items) == 5, len(items)
cross = 0
for text, cites in items:
    own = re.findall(r'class=\"cite own\" href=\"#(src\d+-s\d+)\"', cites)
    assert len(own) == 1, cites
    assert sents[own[0]] == html.unescape(text), (sents[own[0]], text)
    cross += len(re.findall(r'class=\"cite\"', cites))
assert cross >= 5, 'too few cross-source citations: %d' % cross
EOF"
# The page shows what the JSON says: facts carried by several sources as
# matrix rows (plus at most 3 unique details per source under them), every
# discrepancy as a card, every unique detail marked "only here".
"$BIN" brief --format json "$EX" >"$T/story.json"
check "the page agrees with the JSON (facts, discrepancies, unique details)" "python3 - '$T/story.json' '$T/story.html' <<'EOF'
import json, re, sys
s = json.load(open(sys.argv[1]))['stories'][0]
page = open(sys.argv[2], encoding='utf-8').read()
svg = page[page.index('<svg'):page.index('</svg>')]
rows = len(re.findall(r'font-weight=\"700\">\d+\.</text>', svg))
unique_rows = sum(min(3, len(u['facts'])) for u in s.get('unique', []))
assert len(s['facts']) >= 2 and s.get('unique'), 'the example has facts and unique details'
assert rows == len(s['facts']) + unique_rows, (rows, len(s['facts']), unique_rows)
assert ('Only in one source:' in svg) == (unique_rows > 0)
cells = len(re.findall(r'<a href=\"#src\d+-s\d+\" aria-label=\"statement', svg))
assert cells == sum(len(f['sources']) for f in s['facts']) + unique_rows, cells
def section(name):
    i = page.find('<section id=\"%s\"' % name)
    return page[i:page.index('</section>', i)] if i >= 0 else ''
cards = re.findall(r'<div class=\"card\"><h3>(.*?)</h3>', section('discrepancies'))
assert len(cards) == len(s.get('discrepancies', [])), (cards, s.get('discrepancies'))
# speaker cards: the first speakers of the JSON, in order, with their stance
who = section('speakers')
names = re.findall(r'<div class=\"card\"><h3>(.*?)</h3><span class=\"badge st-([a-z-]+)\">', who)
sp = s.get('speakers', [])
assert len(names) == min(12, len(sp)) and names, (names, len(sp))
for (n, st), j in zip(names, sp):
    assert n == j['name'].replace('&', '&amp;') and st == j['stance'], (n, st, j['name'], j['stance'])
assert 'Stances are on the central claim' in who
for d in s.get('discrepancies', []):
    for v in d['variants']:
        assert v['value'] in page or json.dumps(v['value'])[1:-1] in page, v
only = page.count('<span class=\"badge only\">only here</span>')
assert only == sum(len(u['facts']) for u in s.get('unique', [])), only
EOF"
check "discrepancy values link to the sentences that give them" \
  "grep -o '<ul class=\"variants\">.*</ul>' '$T/story.html' | grep -q 'class=\"cite\" href=\"#src[0-9]*-s[0-9]*\"'"
check "removed paragraphs are folded in <details> with their reason" \
  "grep -q '<details><summary>Not in the body: [0-9]* paragraph' '$T/story.html' && grep -q 'photo caption' '$T/story.html'"
check "no external URL anywhere in the markup (no network)" \
  "! grep -Eo '(src|href)=\"[a-z]+:' '$T/story.html' | grep -q ."
"$BIN" brief --format html "$EX" >"$T/stdout.html"; rc=$?
check "--format html to stdout is the same page" "[ $rc -eq 0 ] && cmp -s '$T/stdout.html' '$T/story.html'"
"$BIN" clean --format html "$EX" >/dev/null 2>&1; rc=$?
check "clean --format html exits 2" "[ $rc -eq 2 ]"

# Many sources: the example's paragraphs as separate records.  The matrix
# keeps at most CR_HTML_MATRIX_MAX_COLS (40) columns and says how many
# sources it leaves out; every source still has its card.
python3 - "$EX" >"$T/many.jsonl" <<'PY'
import glob, json, sys
n = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.txt")):
    for para in open(path, encoding="utf-8").read().split("\n"):
        if len(para.split()) >= 12:
            n += 1
            print(json.dumps({"id": "p%d" % n, "title": "Part %d" % n, "text": para}))
PY
"$BIN" brief --format html -o "$T/many.html" "$T/many.jsonl"; rc=$?
nrec=$(wc -l <"$T/many.jsonl")
check "many sources ($nrec): page passes html_check" "[ $rc -eq 0 ] && $CHECK '$T/many.html' >/dev/null"
check "many sources: matrix columns capped at 40, the rest counted" \
  "[ \$(grep -o '<a href=\"#src[0-9]*\"><text' '$T/many.html' | wc -l) -le 40 ] && grep -q 'sources carrying fewer of these statements are not shown' '$T/many.html'"
check "many sources: every source has a card" \
  "[ \$(grep -o '<article class=\"source\"' '$T/many.html' | wc -l) -eq $nrec ]"

# Hostile reports, plus a file whose very name is a payload.
mkdir -p "$T/in" "$T/out"
cp "$H"/*.txt "$H"/*.jsonl "$T/in/"
cp "$H/bridge-a.txt" "$T/in/\"><img src=x onerror=document.title='PWNED'>.txt"
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
(cd "$T/out" && "$ABS_BIN" brief --format html -o page.html "$T/in"); rc=$?
check "hostile input: exit 0" "[ $rc -eq 0 ]"
check "hostile page passes html_check" "$CHECK '$T/out/page.html' >'$T/check.out' || { cat '$T/check.out'; false; }"
check "payloads are shown as text, not dropped" "$CHECK \
  --expect-text \"<script>document.title='PWNED'</script>\" \
  --expect-text '<img src=x onerror=\"document.title='\"'PWNED'\"'\">Evil Times' \
  --expect-text '<svg/onload=document.title='\"'PWNED'\"'> Council' \
  --expect-text \"\\\"><img src=x onerror=document.title='PWNED'>.txt\" \
  --expect-text 'Quote & Co <Ltd>' '$T/out/page.html' >/dev/null"
check "javascript: and data: URLs are never links" \
  "! grep -Eiq 'href=\"[[:space:]]*(javascript|data):' '$T/out/page.html' && grep -q 'url (not a web link): javascript:' '$T/out/page.html'"
check "the http(s) URL is a link, with no referrer" \
  "grep -q '<a rel=\"noopener noreferrer nofollow\" href=\"https://example.org/news/riverside-bridge\">' '$T/out/page.html'"
check "a URL with an embedded quote is not a link" \
  "! grep -q 'href=\"https://example.org/bridge' '$T/out/page.html'"
check "bidi override dropped from an outlet name" "! grep -q \"\$(printf '\\342\\200\\256')\" '$T/out/page.html'"
check "-o wrote exactly one file, nothing from input names" \
  "[ \"\$(ls -A '$T/out')\" = page.html ] && [ ! -e /tmp/crossread-escape ] && [ ! -e /tmp/crossread-escape.html ]"
cp "$T/out/page.html" "$T/hostile.html"

# The checker itself catches what it must (so a pass above means something).
sed 's/<li id="sum-2">/<li id="sum-2" onclick="x()">/' "$T/story.html" >"$T/bad1.html"
sed 's/href="#src1-s0"/href="#nowhere"/' "$T/story.html" >"$T/bad2.html"
sed "s/default-src 'none'/default-src 'self'/" "$T/story.html" >"$T/bad3.html"
sed 's/&lt;script&gt;document/<script>document/' "$T/hostile.html" >"$T/bad4.html"
sed 's/<title>/<title>PWNED<\/title><title>/' "$T/story.html" >"$T/bad5.html"
for b in 1 2 3 4 5; do
  check "html_check rejects corrupted page $b" "! $CHECK '$T/bad$b.html' >/dev/null"
done

# Markdown of the hostile input: markup characters escaped, one line per source.
"$BIN" brief "$T/in" >"$T/hostile.md"
check "Markdown escapes markup in hostile titles" "grep -q '\\\\<script\\\\>' '$T/hostile.md' && ! grep -q '<script>' '$T/hostile.md'"
check "Markdown prints URLs as code, never as links or autolinks" \
  "grep -q '\`javascript:document.title=' '$T/hostile.md' && ! grep -Eq '<(javascript|data|https?):|\\]\\(' '$T/hostile.md'"
check "Markdown drops bidi overrides" "! grep -q \"\$(printf '\\342\\200\\256')\" '$T/hostile.md'"
check "Markdown keeps one line per source" "[ \$(grep -c '^\\[[0-9]\\] ' '$T/hostile.md') -eq 8 ]"
[ $fails -eq 0 ]
