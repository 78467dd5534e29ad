#!/usr/bin/env python3
"""dedup_eval.py — a labelled near-duplicate set from real texts, and its scorer.

  dedup_eval.py build DATA_DIR OUT_DIR [--bases N] [--seed S]
      OUT_DIR/set.jsonl     reports {"id", "text"}: real texts and edited copies
      OUT_DIR/peer_shingles.jsonl the 5-word shingles of each report's text
                            (lowercased words), the peer's input
      OUT_DIR/articles.jsonl each report's article text (without the
                            boilerplate a recipe added), for the truth
  build/bench/dedup_shingles OUT_DIR/articles.jsonl > OUT_DIR/shingles.jsonl
  dedup_eval.py truth OUT_DIR
      OUT_DIR/truth.json    every pair sharing a shingle, with its true Jaccard
                            and containment, and the edit that made it
  dedup_eval.py score OUT_DIR NAME EDGES.jsonl [--threshold J]
      EDGES: {"a", "b", "kind": "near|exact|derived|group"} per reported
      pair ("group": b is in a's duplicate group, not a verified pair).

Edits (each copy gets one recipe, applied to a real report): a sentence
dropped, three dropped, a sentence inserted from another report, two
paragraphs swapped, boilerplate lines added, lines re-wrapped, a mix of
those, and two that must NOT be near-duplicates: 40% of the sentences
dropped, and the wire copy cut to its first half (containment 1: derived).

The true Jaccard is computed on the article text only (the boilerplate a
recipe adds is not article text, re-wrapping changes no word), over the
5-word shingles of crossread's normalized body (bench/dedup_shingles), so
the measured reports differ from the truth exactly by the edits crossread
must see through; near-duplicate truth is J >= threshold (0.8).  Recall counts a true pair as found when the two reports end in one
duplicate group; precision checks every reported pair against its true
Jaccard.
"""
import glob
import json
import os
import random
import re
import sys
from collections import defaultdict

WORD = re.compile(r"[0-9A-Za-z\u00C0-\uFFFF]+(?:[.'\u2019\-][0-9A-Za-z\u00C0-\uFFFF]+)*")
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019]))\s+(?=[\"'\u201c\u2018A-Z0-9])")
K = 5

BOILERPLATE = [
    "Advertisement",
    "Follow us on Twitter and Facebook for the latest news.",
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Sign up for our newsletter",
    "Click here to read more stories like this.",
]


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def shingles(text):
    w = words(text)
    if len(w) < K:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + K]) for i in range(len(w) - K + 1)}


def load_bases(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "**", "text", "*.txt"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            out.append(("polnear", f.read()))
    for p in sorted(glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    t = json.loads(line).get("text")
                except ValueError:
                    continue
                if isinstance(t, str):
                    out.append(("ecb", t))
    for p in sorted(glob.glob(os.path.join(root, "**", "*.source"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                for art in line.split("[SEP]"):
                    m = re.search(r"ARTICLE=>(.*)", art)
                    if m:
                        out.append(("neus", m.group(1).strip()))
    return out


def paragraphs(text):
    """A report as paragraphs of sentences (texts on one line are split
    into paragraphs of three sentences)."""
    paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if len(paras) == 1:
        s = SENT.split(paras[0].strip())
        paras = [" ".join(s[i:i + 3]) for i in range(0, len(s), 3)]
    return [SENT.split(" ".join(p.split())) for p in paras]


def join(paras):
    return "\n\n".join(" ".join(p) for p in paras if p) + "\n"


def all_sentences(paras):
    return [(i, j) for i, p in enumerate(paras) for j in range(len(p))]


def drop(rng, paras, n):
    paras = [list(p) for p in paras]
    idx = all_sentences(paras)
    for i, j in sorted(rng.sample(idx, min(n, len(idx) - 1)), reverse=True):
        del paras[i][j]
    return paras


def insert(rng, paras, other):
    paras = [list(p) for p in paras]
    i = rng.randrange(len(paras))
    paras[i].insert(rng.randrange(len(paras[i]) + 1), other)
    return paras


def swap(rng, paras):
    paras = list(paras)
    if len(paras) >= 3:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return paras


def rewrap(text, width=60):
    out = []
    for para in text.split("\n\n"):
        line, lines = "", []
        for w in para.split():
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = (line + " " + w) if line else w
        if line:
            lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def boilerplate(rng, text):
    top = rng.choice(BOILERPLATE[:2])
    bottom = rng.choice(BOILERPLATE[2:])
    return top + "\n\n" + text + "\n" + bottom + "\n"


RECIPES = ["drop1", "drop3", "insert1", "swap", "boilerplate", "rewrap", "mix",
           "drop40", "firsthalf"]


def make_copy(rng, recipe, paras, other_sent):
    """(report text, article text) for a recipe."""
    if recipe == "drop1":
        p = drop(rng, paras, 1)
    elif recipe == "drop3":
        p = drop(rng, paras, 3)
    elif recipe == "insert1":
        p = insert(rng, paras, other_sent)
    elif recipe == "swap":
        p = swap(rng, paras)
    elif recipe in ("boilerplate", "rewrap"):
        p = paras
    elif recipe == "mix":
        p = swap(rng, insert(rng, drop(rng, paras, 1), other_sent))
    elif recipe == "drop40":
        n = len(all_sentences(paras))
        p = drop(rng, paras, max(1, int(n * 0.4)))
    elif recipe == "firsthalf":
        sents = all_sentences(paras)
        keep = sents[:max(1, len(sents) // 2)]
        p = [[] for _ in paras]
        for i, j in keep:
            p[i].append(paras[i][j])
    article = join(p)
    text = article
    if recipe in ("boilerplate", "mix"):
        text = boilerplate(rng, text)
    if recipe in ("rewrap", "mix"):
        text = rewrap(text)
    return text, article


def build(root, out, nbases, seed):
    bases = load_bases(root)
    rng = random.Random(seed)
    usable = []
    for src, t in bases:
        p = paragraphs(t)
        n = len(all_sentences(p))
        if 12 <= n <= 120 and len(words(t)) >= 200:
            usable.append((src, p))
    if not usable:
        print("dedup_eval: no usable texts under %s" % root, file=sys.stderr)
        sys.exit(3)
    # spread the bases over the sources
    by = defaultdict(list)
    for src, p in usable:
        by[src].append(p)
    picked = []
    for src in sorted(by):
        rng.shuffle(by[src])
        picked += [(src, p) for p in by[src][:max(1, nbases // len(by))]]
    os.makedirs(out, exist_ok=True)
    docs, recipe_of, family = [], {}, {}
    all_sents = [s for _, p in picked for par in p for s in par]
    for b, (src, p) in enumerate(picked):
        bid = "%s%04d" % (src, b)
        docs.append((bid, join(p), join(p)))
        family[bid] = bid
        recipes = rng.sample(RECIPES, 4)
        for r in recipes:
            cid = "%s-%s" % (bid, r)
            text, art = make_copy(rng, r, p, rng.choice(all_sents))
            docs.append((cid, text, art))
            recipe_of[cid] = r
            family[cid] = bid
    rng.shuffle(docs)
    with open(os.path.join(out, "set.jsonl"), "w") as f:
        for did, text, _ in docs:
            f.write(json.dumps({"id": did, "text": text}) + "\n")
    # the peer's input: what a user of a MinHash package would index, the
    # 5-word shingles of each report's text, lowercased words
    with open(os.path.join(out, "peer_shingles.jsonl"), "w") as f:
        for did, text, _ in docs:
            f.write(json.dumps({"id": did, "shingles": sorted(shingles(text))}) + "\n")
    with open(os.path.join(out, "articles.jsonl"), "w") as f:
        for did, _, art in docs:
            f.write(json.dumps({"id": did, "text": art}) + "\n")
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump({"recipe": recipe_of, "family": family}, f)
    by_src = defaultdict(int)
    for src, _ in picked:
        by_src[src] += 1
    print("set: %d reports (%d real texts: %s; %d edited copies, 4 recipes per text)" % (
        len(docs), len(picked), ", ".join("%s %d" % kv for kv in sorted(by_src.items())),
        len(docs) - len(picked)))


def truth(out):
    """Every pair sharing a shingle of its article text, with its exact
    Jaccard and containment (shingles.jsonl: crossread's normalization of
    the article text, bench/dedup_shingles)."""
    meta = json.load(open(os.path.join(out, "meta.json")))
    sh = {}
    for line in open(os.path.join(out, "shingles.jsonl")):
        r = json.loads(line)
        sh[r["id"]] = set(r["shingles"])
    inv = defaultdict(list)
    for did in sh:
        for s in sh[did]:
            inv[s].append(did)
    inter = defaultdict(int)
    for s, ds in inv.items():
        for i in range(len(ds)):
            for j in range(i + 1, len(ds)):
                a, b = sorted((ds[i], ds[j]))
                inter[(a, b)] += 1
    pairs = []
    for (a, b), n in inter.items():
        u = len(sh[a]) + len(sh[b]) - n
        pairs.append({"a": a, "b": b, "jaccard": n / u if u else 0,
                      "in_a": n / len(sh[a]) if sh[a] else 0,
                      "in_b": n / len(sh[b]) if sh[b] else 0,
                      "na": len(sh[a]), "nb": len(sh[b]),
                      "recipe": meta["recipe"].get(a) or meta["recipe"].get(b),
                      "direct": meta["family"][a] == meta["family"][b] and
                      (a == meta["family"][a] or b == meta["family"][b])})
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump({"docs": len(sh), "pairs": pairs}, f)


def score(out, name, edges_path, t):
    truth = json.load(open(os.path.join(out, "truth.json")))
    jac = {(p["a"], p["b"]): p for p in truth["pairs"]}
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    near, derived = [], []
    for line in open(edges_path):
        e = json.loads(line)
        a, b = sorted((e["a"], e["b"]))
        if e["kind"] in ("near", "exact"):
            near.append((a, b))
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        elif e["kind"] == "group":  # same duplicate group, not a verified pair
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        elif e["kind"] == "derived":
            derived.append((e["b"], e["a"]))  # (shorter copy, longer original)
    pos = [k for k, p in jac.items() if p["jaccard"] >= t]
    tp_edges = sum(1 for k in near if k in jac and jac[k]["jaccard"] >= t)
    found = sum(1 for a, b in pos if find(a) == find(b))
    prec = tp_edges / len(near) if near else 1.0
    rec = found / len(pos) if pos else 1.0
    print("%-11s near-duplicates: precision %.4f (%d of %d pairs reported), recall %.4f (%d of %d true pairs J >= %.2f)"
          % (name, prec, tp_edges, len(near), rec, found, len(pos), t))
    # per recipe: a copy and its original
    rows = defaultdict(lambda: [0, 0, 0, 0])
    for k, p in jac.items():
        if p["direct"] and p["recipe"]:
            r = rows[p["recipe"]]
            same = find(k[0]) == find(k[1])
            if p["jaccard"] >= t:
                r[0] += 1
                r[1] += same
            else:
                r[2] += 1
                r[3] += same
    print("%-11s by edit, copy vs original: found/true (J >= %.2f) | flagged/below:" % (name, t))
    print("            " + ", ".join("%s %d/%d | %d/%d" % (r, rows[r][1], rows[r][0], rows[r][3], rows[r][2])
                                     for r in RECIPES if r in rows))
    bad = [(k, jac.get(k, {}).get("jaccard", 0)) for k in near if k not in jac or jac[k]["jaccard"] < t]
    if bad:
        print("%-11s false pairs: %s" % (name, ", ".join("%s~%s J=%.3f" % (k[0], k[1], j) for k, j in bad[:5])))
    miss = [(k, jac[k]["jaccard"]) for k in pos if find(k[0]) != find(k[1])]
    if miss:
        print("%-11s missed, e.g.: %s" % (name, ", ".join("%s~%s J=%.3f" % (k[0], k[1], j) for k, j in miss[:4])))
    if name != "crossread":
        return
    # derived: a shorter report >= 0.8 of whose shingles are in a longer one
    # it is not a near-duplicate of
    def containment(short, long):
        k = tuple(sorted((short, long)))
        p = jac.get(k)
        if not p:
            return 0.0
        return p["in_a"] if k[0] == short else p["in_b"]
    should = set()
    for (a, b), p in jac.items():
        if p["jaccard"] >= t:
            continue
        if p["na"] < p["nb"] and p["in_a"] >= 0.8:
            should.add(a)
        if p["nb"] < p["na"] and p["in_b"] >= 0.8:
            should.add(b)
    # a report in a duplicate group is reported as a near-duplicate instead
    grouped = defaultdict(int)
    for k in list(parent):
        grouped[find(k)] += 1
    should = {d for d in should if grouped.get(find(d), 0) == 0}
    got = {s for s, l in derived if containment(s, l) >= 0.8}
    dprec = len(got) / len(derived) if derived else 1.0
    cut = {d for k, p in jac.items() if p["direct"] and p["recipe"] == "firsthalf" for d in k if d.endswith("-firsthalf")}
    print("%-11s derived (wire) copies: precision %.4f (%d of %d true containment >= 0.8), recall %.4f (%d of %d reports, not near-duplicates, contained >= 0.8 in a longer one); first-half cuts found %d of %d"
          % (name, dprec, len(got), len(derived), len(got & should) / len(should) if should else 1.0,
             len(got & should), len(should), len(cut & got), len(cut)))


def main():
    a = sys.argv[1:]
    if len(a) >= 3 and a[0] == "build":
        nb, seed = 400, 1
        if "--bases" in a:
            nb = int(a[a.index("--bases") + 1])
        if "--seed" in a:
            seed = int(a[a.index("--seed") + 1])
        build(a[1], a[2], nb, seed)
    elif len(a) == 2 and a[0] == "truth":
        truth(a[1])
    elif len(a) >= 4 and a[0] == "score":
        t = float(a[a.index("--threshold") + 1]) if "--threshold" in a else 0.8
        score(a[1], a[2], a[3], t)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
