#!/usr/bin/env python3
"""Error analysis of `crossread quotes` against PolNeAR gold (stdlib only).

  bench/quotes-errors.py DIR [PRED.jsonl] [--top N] [--lexicon]

DIR is a PolNeAR-layout split (text/*.txt, attributions/*_<annotator>.ann).
PRED defaults to running build/crossread quotes over DIR/text.  Spans are
compared as token sets, exactly as ../shared/tools/eval_quotes.py does (its
loader and tokeniser are imported, so the two never disagree); an article
with several annotators is compared with its first annotator only.

Prints:
  - missed gold cues by lemma (no predicted cue overlaps them) and cues
    found with the wrong boundary (by the tokens added or lost at each end);
  - false-positive cues by lemma (no gold cue overlaps them), with each
    lemma's precision in context (exact hits / predictions);
  - for attributions whose cue overlaps a gold cue: source and content
    boundary errors by pattern (missing, spurious, and the first/last
    tokens that one side has and the other lacks).
--lexicon prints, for every word that heads a gold cue at least 3 times,
how often the word occurs in the split, how often inside a gold cue, and
that precision: the raw material of data/cues.tsv.
Use the train split for analysis; dev is for checking only.
"""
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORER = os.environ.get('SCORER', os.path.join(ROOT, '..', 'shared', 'tools'))
sys.path.insert(0, SCORER if os.path.isdir(SCORER) else os.path.dirname(SCORER))
try:
    import eval_quotes as ev  # noqa: E402
except ImportError:
    print('quotes-errors: scorer eval_quotes.py not found (set SCORER), skipping')
    sys.exit(0)

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def lemma(w):
    """A crude English lemma: enough to group said/says/saying."""
    w = w.lower().replace('’', "'")
    irregular = {'said': 'say', 'says': 'say', 'told': 'tell', 'wrote': 'write',
                 'written': 'write', 'thought': 'think', 'knew': 'know',
                 'known': 'know', 'saw': 'see', 'seen': 'see', 'found': 'find',
                 'felt': 'feel', 'spoke': 'speak', 'spoken': 'speak',
                 'sought': 'seek', 'meant': 'mean', 'heard': 'hear',
                 'began': 'begin', 'made': 'make', 'gave': 'give', 'took': 'take'}
    if w in irregular:
        return irregular[w]
    for suf, rep in (('ies', 'y'), ('ied', 'y'), ('ing', ''), ('ed', ''), ('es', ''), ('s', '')):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[:-len(suf)] + rep
    return w


# Function words never taken as a cue's head.
FUNC = set('a an the to of in on at for by with that this is was were be been has have had '
           'not also would will could can may might did do does should must n\'t'.split())


def head(text):
    """The head word of a cue: its first content word ("has said" -> say,
    "according to" -> accord, "in a statement" -> statement)."""
    words = [w for w in WORD.findall(text) if w.lower() not in FUNC and not w.lower().endswith("n't")]
    if not words:
        return text.strip().lower() or '?'
    if words[0].lower().endswith('ly') and len(words) > 1:
        words = words[1:]
    return lemma(words[0])


def load_pred(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line:
            o = json.loads(line)
            out[o['doc']] = o['attributions']
    return out


def toks_text(units, text, s):
    if not s:
        return ''
    return ' '.join(text[units.starts[i]:units.ends[i]] for i in sorted(s))


def edge(units, text, extra, base, left):
    """The tokens of `extra` beyond `base` at one end, as a pattern."""
    if not base:
        return ''
    lo, hi = min(base), max(base)
    side = sorted(i for i in extra if (i < lo if left else i > hi))
    if not side:
        return ''
    words = [text[units.starts[i]:units.ends[i]].lower() for i in side]
    if len(words) > 3:
        words = (words[:2] + ['…'] + words[-1:]) if left else (words[:1] + ['…'] + words[-2:])
    return ' '.join(words)


def show(title, counter, top, total=None):
    print('\n== %s (%d)' % (title, sum(counter.values()) if total is None else total))
    for k, n in counter.most_common(top):
        print('  %5d  %s' % (n, k))


def lexicon(gold):
    occ, inc = collections.Counter(), collections.Counter()
    for doc, g in gold.items():
        text = g['text']
        ann = g['anns'][sorted(g['anns'])[0]]
        cued = set()
        for a in ann:
            for s, e in a['cue']:
                for m in WORD.finditer(text, s, e):
                    cued.add(m.start())
        for m in WORD.finditer(text):
            w = m.group().lower().replace('’', "'")
            occ[w] += 1
            if m.start() in cued:
                inc[w] += 1
    print('%-20s %6s %6s %6s' % ('word', 'occur', 'in-cue', 'prec'))
    for w, n in sorted(inc.items(), key=lambda kv: -kv[1]):
        if n >= 3 and w not in FUNC:
            print('%-20s %6d %6d %6.2f' % (w, occ[w], n, n / occ[w]))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    top = 40
    if '--top' in sys.argv:
        top = int(sys.argv[sys.argv.index('--top') + 1])
        args = [a for a in args if a != str(top)]
    if not args or not os.path.isdir(os.path.join(args[0], 'text')):
        print('quotes-errors: %s has no text/ directory, skipping' % (args[0] if args else 'DIR'))
        return
    gdir = args[0]
    gold = ev.load_gold(gdir)
    if '--lexicon' in sys.argv:
        lexicon(gold)
        return
    if len(args) > 1:
        pred = load_pred(args[1])
    else:
        exe = os.path.join(ROOT, os.environ.get('BUILD', 'build'), 'crossread')
        files = sorted(os.path.join(gdir, 'text', f) for f in os.listdir(os.path.join(gdir, 'text'))
                       if f.endswith('.txt'))
        r = subprocess.run([exe, 'quotes', '--quiet'] + files, capture_output=True, text=True)
        pred = {}
        for line in r.stdout.splitlines():
            o = json.loads(line)
            pred[o['doc']] = o['attributions']

    missed, fp, bound = collections.Counter(), collections.Counter(), collections.Counter()
    hits, preds = collections.Counter(), collections.Counter()
    src, con = collections.Counter(), collections.Counter()
    ngold = npred = 0
    for doc, g in gold.items():
        text = g['text']
        u = ev.Units(text, 'token')
        ann = g['anns'][sorted(g['anns'])[0]]
        gs = ev.dedupe([u.attribution(a) for a in ann])
        ps = ev.dedupe([u.attribution({'cue': a.get('cue', []), 'source': a.get('source', []),
                                       'content': a.get('content', [])})
                        for a in pred.get(doc, [])])
        ngold += len(gs)
        npred += len(ps)
        for gc, gsrc, gcon in gs:
            if not gc:
                continue
            h = head(toks_text(u, text, gc))
            over = [p for p in ps if p[0] & gc]
            if not over:
                missed[h] += 1
            elif not any(p[0] == gc for p in over):
                p = over[0][0]
                pat = []
                for left, name in ((True, 'L'), (False, 'R')):
                    a = edge(u, text, p, gc, left)
                    b = edge(u, text, gc, p, left)
                    if a:
                        pat.append('%s+[%s]' % (name, a))
                    if b:
                        pat.append('%s-[%s]' % (name, b))
                bound[' '.join(pat) or 'inner'] += 1
        for pc, psrc, pcon in ps:
            if not pc:
                continue
            h = head(toks_text(u, text, pc))
            preds[h] += 1
            over = [g for g in gs if g[0] & pc]
            if any(g[0] == pc for g in over):
                hits[h] += 1
            if not over:
                fp[h] += 1
                continue
            g = next((g for g in over if g[0] == pc), over[0])
            for role, pr, gr, ctr in (('src', psrc, g[1], src), ('con', pcon, g[2], con)):
                if pr == gr:
                    ctr['ok'] += 1
                elif not pr:
                    ctr['missing (gold: %s)' % head(toks_text(u, text, gr))[:20]] += 0
                    ctr['MISSING'] += 1
                elif not gr:
                    ctr['SPURIOUS'] += 1
                elif not pr & gr:
                    ctr['DISJOINT'] += 1
                else:
                    pat = []
                    for left, name in ((True, 'L'), (False, 'R')):
                        a = edge(u, text, pr, gr, left)
                        b = edge(u, text, gr, pr, left)
                        if a:
                            pat.append('%s+[%s]' % (name, a))
                        if b:
                            pat.append('%s-[%s]' % (name, b))
                    ctr[' '.join(pat) or 'inner'] += 1
    print('quotes-errors: %s: %d gold attributions, %d predicted' % (gdir, ngold, npred))
    show('missed gold cues by head lemma (no predicted cue overlaps)', missed, top)
    show('cue boundary errors (+ predicted only, - gold only; L/R end)', bound, top)
    show('false-positive cues by head lemma (no gold cue overlaps)', fp, top)
    print('\n== precision in context by head lemma (exact hits / predictions, >= 5 predictions)')
    rows = sorted(((hits[h] / n, n, h) for h, n in preds.items() if n >= 5))
    for p, n, h in rows[:top]:
        print('  %5.2f %5d  %s' % (p, n, h))
    src = collections.Counter({k: v for k, v in src.items() if v})
    con = collections.Counter({k: v for k, v in con.items() if v})
    show('source errors on linked attributions (+ predicted only, - gold only)', src, top)
    show('content errors on linked attributions (+ predicted only, - gold only)', con, top)


if __name__ == '__main__':
    main()
