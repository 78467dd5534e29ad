#!/usr/bin/env python3
"""Fits the summarizer's learned sentence prior (brief.c learned_weights).

    CR_BRIEF_FEATURES=FEAT build/bench/summary_eval DIR/train.source OUT 66
    python3 bench/summary_train.py FEAT DIR/train.target [TOOLS]

FEAT has one line per candidate sentence: the event number, the
CR_BRIEF_NFEATURES features of brief.c sentence_features, a tab, the
sentence.  Each sentence's label is its ROUGE-1 precision against the
event's gold summary (share of its tokens, clipped, that the editors'
summary also uses; ROUGE-1.5.5 tokens and stemming from TOOLS/rouge.py):
how much of it would count if it were chosen.  The weights are the
ridge-regularised least-squares fit of the label on the features
(pure Python, no numpy), printed as a C initializer to paste into
brief.c.  Train split only: val stays the check."""
import os
import sys
from collections import Counter

sys.dont_write_bytecode = True


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    feat_path, gold_path = sys.argv[1], sys.argv[2]
    tools = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools")
    sys.path.insert(0, tools)
    import rouge  # noqa: E402
    exc, _ = rouge.resolve_exceptions("wordnet")
    cache = {}
    gold = []
    with open(gold_path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            art = line.split("ARTICLE=>", 1)[-1]
            gold.append(Counter(rouge.tokens_of(art, exceptions=exc, _cache=cache)))
    xs, ys = [], []
    with open(feat_path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, _, text = line.rstrip("\n").partition("\t")
            f = head.split()
            ev, x = int(f[0]), [float(v) for v in f[1:]]
            toks = Counter(rouge.tokens_of(text, exceptions=exc, _cache=cache))
            n = sum(toks.values())
            if not n or ev >= len(gold):
                continue
            hits = sum(min(c, gold[ev][t]) for t, c in toks.items())
            xs.append(x)
            ys.append(hits / n)
    k = len(xs[0])
    ata = [[0.0] * k for _ in range(k)]
    atb = [0.0] * k
    for x, y in zip(xs, ys):
        for i in range(k):
            atb[i] += x[i] * y
            for j in range(k):
                ata[i][j] += x[i] * x[j]
    lam = 1e-3 * len(xs)
    for i in range(1, k):
        ata[i][i] += lam
    w = solve(ata, atb)
    mean = sum(ys) / len(ys)
    ss = sum((y - mean) ** 2 for y in ys)
    se = sum((y - sum(a * b for a, b in zip(w, x))) ** 2 for x, y in zip(xs, ys))
    print("%d sentences, mean label %.4f, R^2 %.4f" % (len(ys), mean, 1 - se / ss), file=sys.stderr)
    print("    " + ", ".join("%.4ff" % v for v in w) + "};")


if __name__ == "__main__":
    main()
