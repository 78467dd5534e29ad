#!/bin/sh
# seeds.sh — plain-text cleaning on the scraped seed reports, asserted by
# class of line (not by file): every junk class is out of the clean text
# and every body sentence is in it.  Skips when the seeds are absent.
set -u
BIN=${CROSSREAD:-build/crossread}
SEEDS=${SEEDS:-../shared/data/seeds}
if [ ! -d "$SEEDS" ]; then echo "  skip: $SEEDS not found"; exit 0; fi
T=$(mktemp -d /tmp/crossread-seeds-XXXXXX)
trap 'rm -rf "$T"' EXIT
"$BIN" clean --format json "$SEEDS" >"$T/clean.jsonl" 2>"$T/err" || { echo "  FAIL: clean exited $?"; cat "$T/err"; exit 1; }
python3 - "$SEEDS" "$T/clean.jsonl" <<'PY'
import json, os, re, sys
seeds, out = sys.argv[1], sys.argv[2]
docs = {os.path.basename(d['file']): d for d in map(json.loads, open(out))}
# Junk classes: a line of the input that matches one must not be body.
classes = {
    'photo credit caption': lambda l: re.search(r'\((AP Photo|[^)]*pool photo|[^)]*via AP)', l),
    'copyright/trademark': lambda l: len(l.split()) <= 30 and re.search(r'©|all rights reserved|registered trademark', l, re.I),
    'prompt/navigation': lambda l: re.match(r'(sign up|read more:|source link|check out|tags:|join the|read and post|please review|privacy:|most popular|receive breaking|featured-image)', l, re.I),
    'tag list': lambda l: re.fullmatch(r'[a-z][a-z ]*(\s*[,|]\s*[a-z][a-z ]*){2,}', l),
    'number/date/temperature line': lambda l: re.fullmatch(r'[\d\W]+|\d+(\.\d+)?\s*°?\s*[CF]', l),
    'separator': lambda l: re.fullmatch(r'[_*\-=\s]+', l),
    'weekday date line': lambda l: len(l.split()) <= 8 and re.match(r'(mon|tues|wednes|thurs|fri|satur|sun)day,', l, re.I),
    'outlet promo': lambda l: re.match(r'for more .* coverage, visit', l, re.I),
    'contributor credit': lambda l: re.search(r'contributed to this report', l),
}
fails = 0
checked = {k: 0 for k in classes}
kept = 0
for name in sorted(os.listdir(seeds)):
    if not name.endswith('.txt'): continue
    d = docs.get(name)
    if d is None:
        print('  FAIL: no output for', name); fails += 1; continue
    body_paras = [p['text'] for p in d['paragraphs'] if p['kind'] in ('body', 'heading')]
    body = set(body_paras)
    lines = [l.strip() for l in open(os.path.join(seeds, name), encoding='utf-8')]
    for l in lines:
        if not l: continue
        for cls, match in classes.items():
            if match(l):
                checked[cls] += 1
                if l in body:
                    print('  FAIL: %s kept as body: %s' % (cls, l[:80])); fails += 1
                break
        else:
            # A body sentence: a long line ending like a sentence, not a
            # teaser cut with an ellipsis, must be in the clean text.
            if len(l.split()) >= 15 and re.search(r'[.?!"”’]$', l) and not l.endswith('...'):
                if l not in d['text']:
                    print('  FAIL: body line lost: %s' % l[:80]); fails += 1
                kept += 1
    # Repeats: no body paragraph twice.
    if len(body_paras) != len(body):
        print('  FAIL: repeated body paragraph in', name); fails += 1
for cls, n in checked.items():
    print('  %-30s %d lines checked' % (cls, n))
print('  body lines kept: %d checked' % kept)
if not all(checked[c] for c in ('photo credit caption', 'copyright/trademark', 'prompt/navigation', 'tag list')):
    print('  FAIL: a junk class was not exercised (seeds changed?)'); fails += 1
sys.exit(1 if fails else 0)
PY
