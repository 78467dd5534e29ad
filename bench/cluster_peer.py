#!/usr/bin/python3
"""scikit-learn peer for bench/cluster-eval: TF-IDF (sublinear, English stop
words), agglomerative clustering with cosine distance and average linkage,
the distance threshold tuned on the same file (grid 0.60..0.95, best B-cubed
F1 against the gold field).  Uses only id and text for clustering; the gold
story field is read for the threshold tuning alone (which is what makes this
peer an upper bound for its method on this file).

usage: cluster_peer.py GOLD.jsonl PRED_OUT.jsonl   (prints the threshold)"""
import json
import sys
import time

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def bcubed_f1(gold, pred):
    from collections import Counter
    g, p, gp = Counter(gold), Counter(pred), Counter(zip(gold, pred))
    n = len(gold)
    prec = sum(gp[(a, b)] / p[b] for a, b in zip(gold, pred)) / n
    rec = sum(gp[(a, b)] / g[a] for a, b in zip(gold, pred)) / n
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in rows]
    gold = [r["story"] for r in rows]
    t0 = time.time()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    best = (-1.0, None, None)
    for i in range(60, 96):
        th = i / 100
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=th).fit_predict(x)
        f = bcubed_f1(gold, list(labels))
        if f > best[0]:
            best = (f, th, labels)
    dt = time.time() - t0
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for r, lab in zip(rows, best[2]):
            out.write(json.dumps({"id": r["id"], "cluster": int(lab)}) + "\n")
    print(f"peer: threshold {best[1]:.2f} (tuned on this file, 36 fits in {dt:.1f} s)")


if __name__ == "__main__":
    main()
