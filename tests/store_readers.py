#!/usr/bin/env python3
"""store_readers.py — `crossread stories` and `brief --story` during adds.

usage: store_readers.py CROSSREAD REPORTS.jsonl WORKDIR CHUNKS

Adds the reports to one store in CHUNKS growing adds (the first k/CHUNKS
of the file, then more; what is stored already is skipped), while two
reader threads run the whole time: one runs `crossread stories --db -f
json` then `crossread brief --db --story ID -f json` of a story it
listed, over and over; the other reads the store directly, in one read
transaction at a time.  Every reader run must exit 0 with nothing on
stderr (no SQLITE_BUSY, no "locked") and see a state some moment of the
adds had:
  - the stories' report counts add up to a number between the reports the
    adds had printed before the listing started and those stored after it
    ended, and never less than the listing before showed;
  - a story's brief has at least the sources its listing showed (stories
    only grow);
  - in one read transaction the story sizes add up to the stored reports.
Prints one line per failure and a summary of the runs; exits 1 on failure.
"""
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

lock = threading.Lock()
state = {"printed": 0, "writing": False, "done": False}
fails = []
counts = {"stories": 0, "brief": 0, "snapshot": 0, "stories_during_writes": 0,
          "brief_during_writes": 0}


def fail(msg):
    with lock:
        fails.append(msg)
    print("  FAIL: " + msg, flush=True)


def printed():
    with lock:
        return state["printed"], state["writing"]


def stored(db):
    """Reports in the store now (reports are only ever added)."""
    c = sqlite3.connect(db, timeout=10)
    n = c.execute("SELECT count(*) FROM reports").fetchone()[0]
    c.close()
    return n


def cli_reader(binary, db, seed):
    rng = random.Random(seed)
    last_total = 0
    while not state["done"]:
        lo, w0 = printed()
        r = subprocess.run([binary, "stories", "--db", db, "-f", "json"], capture_output=True)
        _, w1 = printed()
        counts["stories"] += 1
        counts["stories_during_writes"] += w0 or w1
        if r.returncode != 0 or r.stderr:
            if lo == 0 and (b"no such file" in r.stderr or b"empty database" in r.stderr):
                continue  # the first add has not created the store yet
            fail("stories exited %d: %s" % (r.returncode, r.stderr.decode(errors="replace")[:200]))
            continue
        try:
            stories = json.loads(r.stdout)["stories"]
        except (ValueError, KeyError) as e:
            fail("stories printed no valid JSON (%s)" % e)
            continue
        total = sum(s["reports"] for s in stories)
        hi = stored(db)
        if not lo <= total <= hi or total < last_total:
            fail("stories add up to %d reports: %d were printed before the listing, %d stored "
                 "after it, %d listed the time before" % (total, lo, hi, last_total))
        last_total = total
        if any(not 1 <= s["sources"] <= s["reports"] for s in stories):
            fail("a story lists more sources than reports, or none")
        if not stories:
            continue
        pick = rng.choice(stories)
        _, w0 = printed()
        b = subprocess.run([binary, "brief", "--db", db, "--story", str(pick["id"]), "-f", "json"],
                           capture_output=True)
        _, w1 = printed()
        counts["brief"] += 1
        counts["brief_during_writes"] += w0 or w1
        if b.returncode != 0 or b.stderr:
            fail("brief --story %d exited %d: %s"
                 % (pick["id"], b.returncode, b.stderr.decode(errors="replace")[:200]))
            continue
        try:
            briefs = json.loads(b.stdout)["stories"]
        except (ValueError, KeyError) as e:
            fail("brief --story %d printed no valid JSON (%s)" % (pick["id"], e))
            continue
        if len(briefs) != 1 or len(briefs[0]["sources"]) < pick["sources"]:
            fail("brief --story %d: %d briefs, %d sources; the listing had %d sources"
                 % (pick["id"], len(briefs), len(briefs[0]["sources"]) if briefs else 0,
                    pick["sources"]))


def snapshot_reader(db):
    while not state["done"]:
        time.sleep(0.002)  # leave the writer some CPU
        if not os.path.exists(db):
            continue
        try:
            c = sqlite3.connect(db, timeout=10)
            c.execute("BEGIN")
            have = c.execute("SELECT count(*) FROM sqlite_master WHERE name='stories'").fetchone()[0]
            if have:
                n = c.execute("SELECT count(*) FROM reports").fetchone()[0]
                s = c.execute("SELECT coalesce(sum(size),0) FROM stories").fetchone()[0]
                if n != s:
                    fail("one read transaction: %d reports, story sizes add up to %d" % (n, s))
            c.execute("COMMIT")
            c.close()
            counts["snapshot"] += have
        except sqlite3.Error as e:
            fail("direct read: %s" % e)


def guarded(fn, *args):
    """Runs a reader; an exception in it is a failure, not a quiet exit."""
    try:
        fn(*args)
    except Exception as e:  # noqa: BLE001 - any error fails the test
        fail("%s stopped: %r" % (fn.__name__, e))


def main():
    binary, jsonl, work, chunks = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    db = os.path.join(work, "readers.db")
    lines = open(jsonl, "rb").readlines()
    readers = [threading.Thread(target=guarded, args=(cli_reader, binary, db, 1)),
               threading.Thread(target=guarded, args=(snapshot_reader, db))]
    for t in readers:
        t.start()
    for k in range(1, chunks + 1):
        part = os.path.join(work, "part%d.jsonl" % k)
        with open(part, "wb") as f:
            f.writelines(lines[: len(lines) * k // chunks])
        errf = open(os.path.join(work, "add%d.err" % k), "w+b")
        p = subprocess.Popen([binary, "add", "-q", "--db", db, part], stdout=subprocess.PIPE,
                             stderr=errf)
        for line in p.stdout:
            if line.startswith(b"added "):
                with lock:
                    state["printed"] += 1
                    state["writing"] = True
        p.wait()
        errf.seek(0)
        err = errf.read()
        errf.close()
        with lock:
            state["writing"] = False
        if p.wait() != 0:
            fail("add %d exited %d: %s" % (k, p.returncode, err.decode(errors="replace")[:200]))
        if b"locked" in err or b"busy" in err:
            fail("add %d: %s" % (k, err.decode(errors="replace")[:200]))
    state["done"] = True
    for t in readers:
        t.join()
    c = sqlite3.connect(db)
    n = c.execute("SELECT count(*) FROM reports").fetchone()[0]
    c.close()
    if not counts["stories"] or not counts["brief"] or not counts["snapshot"]:
        fail("a reader never ran: %s" % counts)
    if n != state["printed"]:
        fail("%d reports stored, %d printed" % (n, state["printed"]))
    print("store_readers: %d adds stored %d reports; %d stories runs (%d during writes), "
          "%d brief --story runs (%d during writes), %d direct read transactions; %d failures"
          % (chunks, n, counts["stories"], counts["stories_during_writes"], counts["brief"],
             counts["brief_during_writes"], counts["snapshot"], len(fails)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
