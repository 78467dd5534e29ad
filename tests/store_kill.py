#!/usr/bin/env python3
"""store_kill.py — crossread add killed with SIGKILL at random points, many times.

usage: store_kill.py CROSSREAD REPORTS.jsonl WORKDIR RUNS SEED

Each run starts from an empty store and kills `crossread add` once or
twice (a third of the runs also kill the first re-run), each time at a
random point: a random delay before the first report is stored (reading
the input, creating the store), or right after the add printed its k-th
report (k random), or a random part of one report's time after that
(inside the next transaction, or in the df fold after the last).  After every kill the store must open, pass integrity_check
and foreign_key_check, and hold every report the add printed with the
report and story numbers it printed (at most one more: committed, killed
before printing).  A last add must then complete and leave every report
stored exactly once, story sizes and term frequencies adding up.

The kill points come from random.Random(SEED); the seed is printed so a
failure can be replayed (delays depend on the machine's speed, so a replay
hits the same points only roughly; the line-count points exactly).
Prints one line per failed check and a summary; exits 1 on any failure.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time


def added_lines(path):
    """{doc_id: (report, story)} from the 'added ID: report N, story M' lines."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("added ") or not line.endswith("\n"):
                continue  # a line cut by the kill is not a completed add
            head, _, rest = line[6:].partition(": report ")
            rep, _, story = rest.partition(", story ")
            out[head] = (int(rep), int(story.split()[0]))
    return out


def check_store(db, printed, killed_adds):
    """Returns a list of problems with the store after a kill."""
    if not os.path.exists(db):
        return [] if not printed else ["store missing though %d reports were printed" % len(printed)]
    try:
        c = sqlite3.connect(db)
        bad = []
        ic = [r[0] for r in c.execute("PRAGMA integrity_check")]
        if ic != ["ok"]:
            bad.append("integrity_check: %s" % ic[:3])
        if list(c.execute("PRAGMA foreign_key_check")):
            bad.append("foreign_key_check found dangling rows")
        have = {}
        if c.execute("SELECT count(*) FROM sqlite_master WHERE name='reports'").fetchone()[0]:
            have = {d: (r, s) for r, d, s in c.execute("SELECT id, doc_id, story FROM reports")}
        for doc, rs in printed.items():
            if doc not in have:
                bad.append("printed %s (report %d) is not in the store" % (doc, rs[0]))
            elif have[doc] != rs:
                bad.append("printed %s as %s, stored as %s" % (doc, rs, have[doc]))
        if have and c.execute("SELECT count(*) FROM stories s WHERE size != "
                              "(SELECT count(*) FROM reports r WHERE r.story = s.id)").fetchone()[0]:
            bad.append("a story's size differs from its stored reports")
        # each killed add may have committed one report it did not print
        if len(have) - len(printed) > killed_adds:
            bad.append("%d stored but %d printed (%d kills)" % (len(have), len(printed), killed_adds))
        c.close()
        return bad
    except sqlite3.Error as e:
        return ["store does not open: %s" % e]


def check_final(db, total):
    c = sqlite3.connect(db)
    q = lambda sql: c.execute(sql).fetchone()[0]
    bad = []
    if q("PRAGMA integrity_check") != "ok":
        bad.append("final integrity_check failed")
    n, ndoc, nhash = q("SELECT count(*) FROM reports"), q(
        "SELECT count(DISTINCT doc_id) FROM reports"), q("SELECT count(DISTINCT hash) FROM reports")
    if not n == ndoc == nhash == total:
        bad.append("final store: %d reports, %d distinct ids, %d hashes; want %d" % (n, ndoc, nhash, total))
    if q("SELECT coalesce(sum(size),0) FROM stories") != n:
        bad.append("story sizes do not add up to the reports")
    if q("SELECT count(*) FROM stories s WHERE size != "
         "(SELECT count(*) FROM reports r WHERE r.story = s.id)"):
        bad.append("a story's size differs from its reports")
    if q("SELECT value FROM meta WHERE key='df_upto'") != q("SELECT coalesce(max(id),0) FROM reports"):
        bad.append("df_upto is not the last report")
    # every stored term occurrence counted in df exactly once
    if q("SELECT coalesce(sum(df),0) FROM terms") != q("SELECT coalesce(sum(length(vector)),0)/8 FROM reports"):
        bad.append("term frequencies do not match the stored vectors (a fold counted twice or missed)")
    c.close()
    return bad


def kill_one(rng, binary, db, jsonl, out, secs, total):
    """Starts an add and kills it at a random point; its stdout (read
    through a pipe) is appended to out.  Returns (mode, exited, lines)."""
    p = subprocess.Popen([binary, "add", "-q", "--db", db, jsonl], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    got = []
    r = rng.random()
    first, full = secs
    if r < 0.15:
        # before the first report is stored: reading the input, opening
        # or creating the store, clustering
        delay = rng.uniform(0, first)
        mode = "at %.3fs" % delay
        time.sleep(delay)
    else:
        # right after the add printed its k-th report, or a random part of
        # a report's time later (inside the next transaction; after the
        # last one, in the df fold)
        want = rng.randrange(1, total + 1)
        delay = 0 if r < 0.6 else rng.uniform(0, 2 * (full - first) / max(1, total))
        mode = "%.4fs after %d lines" % (delay, want)
        while len(got) < want:
            line = p.stdout.readline()
            if not line:
                break
            got.append(line)
        if delay:
            time.sleep(delay)
    exited = p.poll() is not None
    if not exited:
        p.send_signal(signal.SIGKILL)
    got += p.stdout.readlines()
    p.wait()
    with open(out, "ab") as o:
        o.writelines(got)
    return mode, exited, len(got)


def main():
    binary, jsonl, work, runs, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    print("store_kill: %d runs, seed %d (replay: STORE_KILL_SEED=%d)" % (runs, seed, seed))
    clean = os.path.join(work, "clean.db")
    # the timings of a clean add (the fastest of three: the machine may be
    # busy) place the kill delays
    firsts, fulls = [], []
    for i in range(3):
        if os.path.exists(clean):
            for f in (clean, clean + "-wal", clean + "-shm"):
                if os.path.exists(f):
                    os.remove(f)
        t0 = time.monotonic()
        p = subprocess.Popen([binary, "add", "-q", "--db", clean, jsonl], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        p.stdout.readline()
        firsts.append(time.monotonic() - t0)
        p.stdout.read()
        if p.wait() != 0:
            sys.exit("store_kill: the clean add failed")
        fulls.append(time.monotonic() - t0)
    full_secs = (min(firsts), min(fulls))
    c = sqlite3.connect(clean)
    total = c.execute("SELECT count(*) FROM reports").fetchone()[0]
    c.close()
    print("store_kill: a clean add stores %d reports in %.2f s (the first after %.2f s)" % (total, full_secs[1], full_secs[0]))
    fails = 0
    kills = {"before the first report": 0, "mid-add": 0, "after the last report": 0,
             "after the add ended": 0}
    nkills = 0
    stored_at_kill = []
    for run in range(runs):
        db = os.path.join(work, "k%d.db" % run)
        out = os.path.join(work, "k%d.out" % run)
        open(out, "w").close()
        problems = []
        nk = 2 if rng.random() < 1 / 3 else 1
        for k in range(nk):
            mode, exited, got = kill_one(rng, binary, db, jsonl, out, full_secs, total)
            printed = added_lines(out)
            nkills += 0 if exited else 1
            if exited:
                kills["after the add ended"] += 1
            elif not printed:
                kills["before the first report"] += 1
            elif len(printed) >= total:
                kills["after the last report"] += 1
            else:
                kills["mid-add"] += 1
            stored_at_kill.append(len(printed))
            problems += ["kill %d (%s, %d printed): %s" % (k + 1, mode, got, b)
                         for b in check_store(db, printed, k + 1)]
        r = subprocess.run([binary, "add", "-q", "--db", db, jsonl], stdout=open(out, "a"),
                           stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            problems.append("the completing add exited %d" % r.returncode)
        # every report printed once over the adds of the run; a report
        # committed but killed before its line is skipped as already stored
        # by the next add, so the count may fall short by one per kill
        n = sum(1 for l in open(out) if l.startswith("added "))
        if n > total or total - n > nk or n != len(added_lines(out)):
            problems.append("'added' printed %d times (%d distinct) for %d reports, %d kills"
                            % (n, len(added_lines(out)), total, nk))
        problems += check_final(db, total)
        for p in problems:
            print("  FAIL: run %d: %s" % (run, p))
        fails += bool(problems)
        for f in (db, db + "-wal", db + "-shm", out):
            if os.path.exists(f) and not problems:
                os.remove(f)
    mid = sorted(stored_at_kill)
    print("store_kill: %d runs, %d SIGKILLs (%s); reports printed at a kill: min %d, median %d, max %d of %d"
          % (runs, nkills, ", ".join("%s %d" % kv for kv in kills.items()),
             mid[0], mid[len(mid) // 2], mid[-1], total))
    print("store_kill: %d run%s failed" % (fails, "" if fails == 1 else "s"))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
