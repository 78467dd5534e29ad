#!/usr/bin/env python3
"""genreports.py — many news reports from real texts, with perturbations.

usage: genreports.py DATA_DIR N [--seed S] [--dup-rate R] [--bytes B] > out.jsonl

Reads the real texts under DATA_DIR (PolNeAR text/*.txt, ECB+ jsonl "text",
NeuS *.source articles) and writes N JSONL reports {"id", "text",
"dup_of"?} of about B bytes each (default 3000): a window of a real text's
sentences with light edits (a sentence dropped, one inserted from another
text, a word changed), so two generated reports are never the same text
unless meant to be.  A share R of the reports (default 0.1) are copies of
an earlier one: an exact copy, or a near copy (one word changed, lines
re-wrapped); "dup_of" names the original.  Deterministic for a seed.
Exits 3 when DATA_DIR holds no usable text.
"""
import glob
import json
import os
import random
import re
import sys

SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def load_texts(root):
    texts = []
    for p in sorted(glob.glob(os.path.join(root, "**", "text", "*.txt"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    for p in sorted(glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    t = json.loads(line).get("text")
                except ValueError:
                    continue
                if isinstance(t, str):
                    texts.append(t)
    for p in sorted(glob.glob(os.path.join(root, "**", "*.source"), recursive=True)):
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                for art in line.split("[SEP]"):
                    m = re.search(r"ARTICLE=>(.*)", art)
                    if m:
                        texts.append(m.group(1).strip())
    sents = []
    for t in texts:
        s = [x.strip() for x in SENT.split(" ".join(t.split())) if len(x.split()) >= 6]
        if len(s) >= 4:
            sents.append(s)
    return sents


def report(rng, docs, nbytes):
    base = rng.choice(docs)
    start = rng.randrange(len(base))
    out, size, i = [], 0, start
    while size < nbytes and i < start + 400:
        s = base[i % len(base)]
        out.append(s)
        size += len(s) + 1
        i += 1
    if len(out) > 3:
        del out[rng.randrange(len(out))]
    other = rng.choice(docs)
    out.insert(rng.randrange(len(out) + 1), rng.choice(other))
    words = out[0].split()
    words[rng.randrange(len(words))] = "w%06d" % rng.randrange(10 ** 6)
    out[0] = " ".join(words)
    paras, k = [], 0
    while k < len(out):
        n = rng.randint(2, 4)
        paras.append(" ".join(out[k:k + n]))
        k += n
    return "\n\n".join(paras) + "\n"


def near_copy(rng, text):
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = words[i] + "s"
    t = " ".join(words)
    # re-wrapped lines: spacing never counts in the normalized body
    return re.sub(r"(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) ", r"\1\n", t)


def main():
    args = sys.argv[1:]
    seed, rate, nbytes = 1, 0.1, 3000
    pos = []
    while args:
        a = args.pop(0)
        if a == "--seed":
            seed = int(args.pop(0))
        elif a == "--dup-rate":
            rate = float(args.pop(0))
        elif a == "--bytes":
            nbytes = int(args.pop(0))
        else:
            pos.append(a)
    if len(pos) != 2:
        sys.exit(__doc__)
    docs = load_texts(pos[0])
    if not docs:
        print("genreports: no texts under %s" % pos[0], file=sys.stderr)
        sys.exit(3)
    rng = random.Random(seed)
    made = []
    w = sys.stdout
    for i in range(int(pos[1])):
        rec = {"id": "r%07d" % i}
        if made and rng.random() < rate:
            j = rng.randrange(len(made))
            rec["text"] = made[j][1] if rng.random() < 0.5 else near_copy(rng, made[j][1])
            rec["dup_of"] = made[j][0]
        else:
            rec["text"] = report(rng, docs, nbytes)
            if len(made) < 20000:
                made.append((rec["id"], rec["text"]))
            else:
                made[rng.randrange(len(made))] = (rec["id"], rec["text"])
        w.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
