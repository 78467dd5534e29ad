#!/bin/sh
# cli.sh — the crossread command on good and bad input: exit codes, that
# every bad input is named on stderr, and that the other inputs go on.
set -u
BIN=${CROSSREAD:-build/crossread}
T=$(mktemp -d /tmp/crossread-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "  ok: $1"; }
bad() { echo "  FAIL: $1"; fails=$((fails+1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

EX=examples/brussels-2024-10-17

# The main job on the example.
"$BIN" brief "$EX" >"$T/brief.md" 2>"$T/err"; rc=$?
check "brief exits 0 on the example" "[ $rc -eq 0 ]"
check "brief prints a headline" "head -1 '$T/brief.md' | grep -q '^# '"
check "brief prints 5 numbered summary sentences" "[ \$(sed -n '/^## Summary/,/^## [A-Z]/p' '$T/brief.md' | grep -c '^[0-9]\\. ') -eq 5 ]"
check "brief lists facts carried by several sources" "grep -q '^## Facts reported by several sources' '$T/brief.md'"
check "summary sentences cite several sources" "grep -q '^[0-9]\\. .*\\[[0-9]\\]\\[[0-9]\\]' '$T/brief.md'"
check "brief lists 5 sources" "[ \$(grep -c '^\\[[0-9]\\] ' '$T/brief.md') -eq 5 ]"
"$BIN" brief --format json -o "$T/brief.json" "$EX"; rc=$?
check "brief --format json -o exits 0" "[ $rc -eq 0 ]"
check "JSON output parses" "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"crossread\"]==\"1\" and len(d[\"stories\"][0][\"sources\"])==5' '$T/brief.json'"
"$BIN" brief -n 2 "$EX" >"$T/two.md"
check "--sentences 2" "[ \$(sed -n '/^## Summary/,/^## [A-Z]/p' '$T/two.md' | grep -c '^[0-9]\\. ') -eq 2 ]"
cat "$EX"/*.txt | head -c 3000 | "$BIN" brief - >/dev/null 2>&1; rc=$?
check "stdin input works" "[ $rc -eq 0 ]"
"$BIN" clean --format json "$EX" >"$T/clean.json"; rc=$?
check "clean --format json exits 0, one JSON line per report" "[ $rc -eq 0 ] && python3 -c 'import json,sys; d=[json.loads(l) for l in open(sys.argv[1])]; assert len(d)==5 and all(k in d[0] for k in (\"file\",\"title\",\"author\",\"date\",\"date_raw\",\"date_valid\",\"outlet\",\"agency\",\"dateline\",\"language\",\"text\",\"removed\"))' '$T/clean.json'"
"$BIN" clean --format json "$EX/000_8569c3aa2e15a11a.txt" >"$T/one.json"; rc=$?
check "clean --format json of one report is one object" "[ $rc -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"removed\"] and d[\"text\"]' '$T/one.json'"
"$BIN" clean --explain "$EX/000_8569c3aa2e15a11a.txt" >"$T/explain.txt"; rc=$?
check "clean --explain lists removed pieces with reasons" "[ $rc -eq 0 ] && grep -q '^  \[caption: photo caption\]' '$T/explain.txt' && grep -q '^  \[boilerplate: ' '$T/explain.txt'"

# Usage errors exit 2.
"$BIN" >/dev/null 2>&1; check "no command exits 2" "[ $? -eq 2 ]"
"$BIN" frobnicate >/dev/null 2>&1; check "unknown command exits 2" "[ $? -eq 2 ]"
"$BIN" brief >/dev/null 2>&1; check "brief without input exits 2" "[ $? -eq 2 ]"
"$BIN" brief --sentences zero "$EX" >/dev/null 2>&1; check "bad --sentences exits 2" "[ $? -eq 2 ]"
"$BIN" brief --format pdf "$EX" >/dev/null 2>&1; check "bad --format exits 2" "[ $? -eq 2 ]"
"$BIN" --help | grep -q brief; check "--help lists commands" "[ $? -eq 0 ]"
"$BIN" brief --help | grep -q -- --sentences; check "brief --help documents options" "[ $? -eq 0 ]"

# Bad inputs beside good ones: named on stderr, exit 1, the rest briefed.
mkdir -p "$T/in"
cp "$EX"/*.txt "$T/in/"
: >"$T/in/empty.txt"
head -c 4096 /dev/urandom >"$T/in/random.txt"
printf 'Kyiv \300\257 said \355\240\200 troops \342\202 end of report.\n' >"$T/in/invalid.txt"
printf '{"id":"ok1","text":"A valid record about the summit in Brussels."}\n{"id": broken\n[1]\n' >"$T/in/feed.jsonl"
ln -s /nonexistent/file "$T/in/dangling.txt"
ln -s "$T/in" "$T/in/loop"
"$BIN" brief "$T/in" >"$T/out.md" 2>"$T/err"; rc=$?
check "mixed bad input exits 1" "[ $rc -eq 1 ]"
check "empty file named" "grep -q 'empty.txt: empty input' '$T/err'"
check "binary file named" "grep -q 'random.txt: skipped: binary' '$T/err'"
check "invalid UTF-8 warned, not fatal" "grep -q 'invalid.txt: warning: .*invalid UTF-8' '$T/err'"
check "malformed JSONL line named with its line" "grep -q 'feed.jsonl:2: skipped record: malformed JSON' '$T/err'"
check "non-object JSONL line named" "grep -q 'feed.jsonl:3: skipped record: not a JSON object' '$T/err'"
check "dangling link named" "grep -q 'dangling.txt: warning: skipped: broken' '$T/err'"
check "symlink loop refused" "grep -q 'loop: warning: skipped: symbolic link loop' '$T/err'"
check "the good reports are still briefed (5 + invalid + jsonl record)" "[ \$(grep -c '^\\[[0-9]\\] ' '$T/out.md') -eq 7 ]"

"$BIN" brief /nonexistent/dir "$EX" >/dev/null 2>"$T/err"; rc=$?
check "missing path exits 1 and is named" "[ $rc -eq 1 ] && grep -q '/nonexistent/dir: cannot read' '$T/err'"
"$BIN" brief "$T/in/empty.txt" >/dev/null 2>"$T/err"; rc=$?
check "only bad input exits 1" "[ $rc -eq 1 ] && grep -q 'no readable reports' '$T/err'"
"$BIN" brief -o /nonexistent/dir/out.md "$EX" 2>"$T/err"; rc=$?
check "unwritable -o exits 1 and is named" "[ $rc -eq 1 ] && grep -q 'out.md: cannot write' '$T/err'"

# A 200 MB file without a newline: read, truncated to max_doc_bytes with a
# warning, no crash, bounded time (timeout) and memory (ulimit -v).
head -c 209715200 /dev/zero | tr '\0' 'a' >"$T/huge.txt"
case "${BUILD:-build}" in *sanitize*) VLIM=unlimited ;; *) VLIM=4000000 ;; esac
( ulimit -v $VLIM 2>/dev/null; timeout 120 "$BIN" clean "$T/huge.txt" "$EX/002_3f71ce7762c062f3.txt" >/dev/null 2>"$T/err" ); rc=$?
check "200 MB single line: exit 0, truncated with a warning" "[ $rc -eq 0 ] && grep -q 'huge.txt: warning: text truncated' '$T/err'"
rm -f "$T/huge.txt"

# HTML pages in a directory walk: .html, .htm and .html.gz are read; a
# .html.gz that is not gzip is named, the others still extracted.
mkdir -p "$T/web"
printf '<html><head><title>Storm hits coast | Example</title></head><body><nav><a href=/>Home</a></nav><p>Rain fell all night along the coast, and several roads were closed by the police.</p></body></html>' >"$T/web/a.html"
printf '<p>The port reopened on Friday morning after the storm, officials said in a statement.</p>' >"$T/web/b.htm"
gzip -c "$T/web/a.html" >"$T/web/c.html.gz"
printf '<p>not compressed</p>' >"$T/web/d.html.gz"
printf 'Storm report\n\nThe port reopened on Friday morning, officials said.\nA second line stays a paragraph.\n' | gzip -c >"$T/web/e.html.gz"
"$BIN" extract --format json "$T/web" >"$T/web.json" 2>"$T/err"; rc=$?
check "extract: bad .html.gz named, exit 1" "[ $rc -eq 1 ] && grep -q 'd.html.gz: skipped: .*not gzip' '$T/err'"
check "extract: html, htm and html.gz extracted without chrome" "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert set(d)=={\"a\",\"b\",\"c\",\"e\"}, d; assert \"officials said.\\nA second line\" in d[\"e\"][\"articleBody\"]; assert d[\"c\"][\"articleBody\"].startswith(\"Rain fell\") and \"Home\" not in d[\"a\"][\"articleBody\"] and d[\"a\"][\"title\"]==\"Storm hits coast\"' '$T/web.json'"

[ $fails -eq 0 ]
