/* bench/scale.c — dedup, clustering and the story store on many
 * generated reports.
 *
 *   build/bench/scale DATA_DIR N dedup|cluster|store [DB]
 *
 * Generates N reports of about 3 KB from the real texts under DATA_DIR
 * (PolNeAR text/ files and ECB+ *.jsonl "text"): a window of one text's
 * sentences, one sentence dropped, one inserted from another text, one
 * word made unique; 10% of the reports are copies of a recent one (half
 * exact, half with one word changed).  Deterministic.  Then one phase,
 * so each run's peak RSS is that phase's:
 *   dedup    reports segmented (paragraphs, tokens: what dedup reads) in
 *            batches of 1000 by SCALE_THREADS workers (default 2) and fed
 *            to the streaming dedup (dedup/stream.c), batches freed:
 *            bounded memory;
 *   cluster  all reports in one corpus: dedup (cr_dedup_new), then
 *            clustering (cr_cluster_new);
 *   store    reports added to the store DB in batches of 5000
 *            (cr_store_add: one transaction per report).
 * Prints one line: phase, N, seconds (generation excluded), docs/s, MB/s,
 * peak RSS, and what the phase found (dedup: the planted copies found,
 * its CPU time and the load average, since wall time on a shared machine
 * says little). */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "core/corpus.h"
#include "dedup/dedup.h"

#define DEDUP_BATCH 1000
#define STORE_BATCH 5000
#define REPORT_BYTES 3000
#define DUP_RATE 0.10
#define RECENT 1024

typedef struct sent {
  const char *p;
  uint32_t n;
  uint32_t text;
} sent;

typedef struct gen {
  CR_VEC(char *) texts;
  CR_VEC(sent) sents;
  CR_VEC(uint32_t) first;  /* first sentence of each text */
  uint64_t rng;
  char *recent[RECENT];
  size_t recent_id[RECENT];  /* report number of each recent text */
  size_t nrecent, made;
  size_t source;             /* the last report's original, or SIZE_MAX */
  cr_buf out;
} gen;

static uint64_t next(gen *g) {
  uint64_t z = (g->rng += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static size_t pick(gen *g, size_t n) { return n ? (size_t)(next(g) % n) : 0; }

/* Splits a text into sentences at ". " / "? " / "! " before a capital. */
static void add_text(gen *g, char *t) {
  uint32_t id = (uint32_t)g->texts.n;
  if (cr_vec_push(&g->texts, t) || cr_vec_push(&g->first, (uint32_t)g->sents.n)) exit(1);
  for (char *p = t; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  const char *s = t;
  for (const char *p = t; *p; p++) {
    if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ' && p[2] >= 'A' && p[2] <= 'Z') {
      while (*s == ' ') s++;
      if (p + 1 - s > 30) {
        sent x = {s, (uint32_t)(p + 1 - s), id};
        if (cr_vec_push(&g->sents, x)) exit(1);
      }
      s = p + 1;
    }
  }
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  cr_buf b = CR_BUF_INIT;
  char tmp[65536];
  size_t r;
  while ((r = fread(tmp, 1, sizeof tmp, f)) > 0) cr_buf_append(&b, tmp, r);
  fclose(f);
  cr_buf_append(&b, "", 1);
  *n = b.len - 1;
  return b.data;
}

static void walk(gen *g, const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d || depth > 6) {
    if (d) closedir(d);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st)) continue;
    size_t len = strlen(e->d_name), n;
    if (S_ISDIR(st.st_mode)) {
      walk(g, path, depth + 1);
    } else if (len > 4 && !strcmp(e->d_name + len - 4, ".txt") && strstr(dir, "/text")) {
      char *t = slurp(path, &n);
      if (t) add_text(g, t);
    } else if (len > 6 && !strcmp(e->d_name + len - 6, ".jsonl")) {
      char *t = slurp(path, &n);
      if (!t) continue;
      for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, "text");
        if (cJSON_IsString(x)) add_text(g, strdup(x->valuestring));
        cJSON_Delete(o);
      }
      free(t);
    }
  }
  closedir(d);
}

static void put_sent(gen *g, const sent *s) {
  cr_buf_append(&g->out, s->p, s->n);
  cr_buf_append(&g->out, " ", 1);
}

/* The next report into g->out (NUL-terminated). */
static void next_report(gen *g) {
  g->out.len = 0;
  g->source = SIZE_MAX;
  if (g->nrecent && (double)(next(g) % 10000) / 10000.0 < DUP_RATE) {
    size_t slot = pick(g, g->nrecent < RECENT ? g->nrecent : RECENT);
    const char *src = g->recent[slot];
    g->source = g->recent_id[slot];
    cr_buf_append(&g->out, src, strlen(src) + 1);
    g->out.len--;
    if (next(g) & 1) { /* a near copy: one word changed */
      char *sp = strchr(g->out.data + pick(g, g->out.len / 2), ' ');
      if (sp && sp[1]) sp[1] = sp[1] == 'x' ? 'y' : 'x';
    }
  } else {
    uint32_t t = (uint32_t)pick(g, g->texts.n);
    uint32_t lo = g->first.v[t], hi = t + 1 < g->first.n ? g->first.v[t + 1] : (uint32_t)g->sents.n;
    size_t i = hi > lo ? lo + pick(g, hi - lo) : pick(g, g->sents.n);
    size_t drop = 1 + pick(g, 6), insert = 2 + pick(g, 6), k = 0;
    char uniq[32];
    snprintf(uniq, sizeof uniq, "Report w%07zu says: ", g->made);
    cr_buf_append(&g->out, uniq, strlen(uniq));
    while (g->out.len < REPORT_BYTES) {
      if (i >= hi) i = lo = g->first.v[t = (uint32_t)pick(g, g->texts.n)],
                   hi = t + 1 < g->first.n ? g->first.v[t + 1] : (uint32_t)g->sents.n;
      if (k == insert) put_sent(g, &g->sents.v[pick(g, g->sents.n)]);
      if (k++ != drop && i < g->sents.n) put_sent(g, &g->sents.v[i]);
      i++;
      if (k % 4 == 0) cr_buf_append(&g->out, "\n\n", 2);
    }
    cr_buf_append(&g->out, "\n", 1);
  }
  cr_buf_append(&g->out, "", 1);
  g->out.len--;
  size_t slot = g->made % RECENT;
  free(g->recent[slot]);
  g->recent[slot] = strdup(g->out.data);
  g->recent_id[slot] = g->made;
  if (g->nrecent < RECENT) g->nrecent++;
  g->made++;
}

static double clock_secs(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void) { return clock_secs(CLOCK_MONOTONIC); }

/* User + system CPU seconds of this process (all threads). */
static double cpu_secs(void) { return clock_secs(CLOCK_PROCESS_CPUTIME_ID); }

static double peak_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

/* Adds the next n reports to c; returns the bytes added and the seconds
 * spent generating (excluded from the timings). */
static size_t fill(gen *g, cr_corpus *c, size_t n, double *gen_secs) {
  size_t bytes = 0;
  for (size_t i = 0; i < n; i++) {
    double t0 = now();
    next_report(g);
    *gen_secs += now() - t0;
    char name[32];
    snprintf(name, sizeof name, "r%07zu.txt", g->made - 1);
    if (cr_corpus_add_memory(c, name, g->out.data, g->out.len, CR_INPUT_TEXT) != CR_OK) exit(1);
    bytes += g->out.len;
  }
  return bytes;
}

/* One batch for a dedup worker: its texts in, sketches out. */
typedef struct job {
  const cr_dedup_stream *s;
  char **texts;
  size_t *lens, n, first;
  cr_dedup_sketch_t *out;
  int failed;
} job;

static void *run_job(void *arg) {
  job *j = arg;
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) {
    j->failed = 1;
    return NULL;
  }
  for (size_t i = 0; i < j->n; i++) {
    char name[32];
    snprintf(name, sizeof name, "r%07zu.txt", j->first + i);
    if (cr_corpus_add_memory(c, name, j->texts[i], j->lens[i], CR_INPUT_TEXT) != CR_OK) j->failed = 1;
  }
  /* paragraphs, tokens and sentences are all dedup reads */
  if (cr_corpus_segment(c)) j->failed = 1;
  for (size_t i = 0; i < j->n && !j->failed; i++)
    if (cr_dedup_sketch(j->s, cr_corpus_doc(c, i), &j->out[i])) j->failed = 1;
  cr_corpus_free(c);
  return NULL;
}

static void line(const char *phase, size_t n, double secs, size_t bytes, const char *what) {
  printf("%-8s N=%-8zu %8.1f s  %8.0f docs/s  %6.2f MB/s  peak RSS %7.1f MB  %s\n", phase, n,
         secs, (double)n / (secs > 0 ? secs : 1e-9), (double)bytes / 1e6 / (secs > 0 ? secs : 1e-9),
         peak_mb(), what);
  fflush(stdout);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fputs("usage: scale DATA_DIR N dedup|cluster|store [DB]\n", stderr);
    return 2;
  }
  size_t n = strtoull(argv[2], NULL, 10);
  const char *phase = argv[3];
  static gen g;
  g.rng = 42;
  walk(&g, argv[1], 0);
  if (g.sents.n < 100) {
    fprintf(stderr, "scale: no usable texts under %s, skipping\n", argv[1]);
    return 3;
  }
  double gen_secs = 0, t0 = now();
  size_t bytes = 0;
  char what[256];
  if (!strcmp(phase, "dedup")) {
    /* SCALE_THREADS workers (default 2, the machine's cores) each analyze
     * and sketch one batch; the sketches are pushed in report order */
    const char *te = getenv("SCALE_THREADS");
    int nt = te && atoi(te) == 1 ? 1 : 2;
    cr_dedup_stream *s = cr_dedup_stream_new(NULL);
    job jobs[2];
    char **texts = malloc(2 * DEDUP_BATCH * sizeof *texts);
    size_t *lens = malloc(2 * DEDUP_BATCH * sizeof *lens);
    cr_dedup_sketch_t *sk = calloc(2 * DEDUP_BATCH, sizeof *sk);
    if (!s || !texts || !lens || !sk) return 1;
    /* CPU time (user + sys, every thread) is what a loaded machine does
     * not distort; the generator's share is measured on its thread */
    double sketch_secs = 0, cpu0 = clock_secs(CLOCK_PROCESS_CPUTIME_ID), gen_cpu = 0;
    CR_VEC(uint64_t) planted = {0}; /* copy << 32 | original */
    for (size_t done = 0; done < n;) {
      int used = 0;
      for (int t = 0; t < nt && done < n; t++) {
        size_t b = n - done < DEDUP_BATCH ? n - done : DEDUP_BATCH;
        job *j = &jobs[used++];
        memset(j, 0, sizeof *j);
        j->s = s;
        j->texts = texts + t * DEDUP_BATCH;
        j->lens = lens + t * DEDUP_BATCH;
        j->out = sk + t * DEDUP_BATCH;
        j->n = b;
        j->first = done;
        double g0 = now(), gc0 = clock_secs(CLOCK_THREAD_CPUTIME_ID);
        for (size_t i = 0; i < b; i++) {
          next_report(&g);
          if (g.source != SIZE_MAX && cr_vec_push(&planted, ((uint64_t)(g.made - 1) << 32) | g.source))
            return 1;
          j->texts[i] = strdup(g.out.data);
          j->lens[i] = g.out.len;
          bytes += g.out.len;
        }
        gen_secs += now() - g0;
        gen_cpu += clock_secs(CLOCK_THREAD_CPUTIME_ID) - gc0;
        done += b;
      }
      double s0 = now();
      pthread_t th;
      int threaded = used > 1 && !pthread_create(&th, NULL, run_job, &jobs[1]);
      run_job(&jobs[0]);
      if (used > 1 && !threaded) run_job(&jobs[1]);
      if (threaded) pthread_join(th, NULL);
      sketch_secs += now() - s0;
      for (int t = 0; t < used; t++) {
        if (jobs[t].failed) return 1;
        for (size_t i = 0; i < jobs[t].n; i++) {
          if (cr_dedup_stream_push(s, &jobs[t].out[i])) return 1;
          free(jobs[t].texts[i]);
        }
      }
    }
    double f0 = now(), fc0 = clock_secs(CLOCK_PROCESS_CPUTIME_ID);
    if (cr_dedup_stream_finish(s)) return 1;
    double fin = now() - f0, fin_cpu = clock_secs(CLOCK_PROCESS_CPUTIME_ID) - fc0;
    /* recall on the planted copies: each must share its original's group */
    size_t copies = 0, found = 0;
    for (size_t i = 0; i < n; i++) copies += cr_dedup_stream_group(s, i) != i;
    for (size_t i = 0; i < planted.n; i++)
      found += cr_dedup_stream_group(s, planted.v[i] >> 32) ==
               cr_dedup_stream_group(s, (uint32_t)planted.v[i]);
    double cpu = clock_secs(CLOCK_PROCESS_CPUTIME_ID) - cpu0 - gen_cpu, load[1] = {0};
    if (getloadavg(load, 1) < 1) load[0] = -1;
    snprintf(what, sizeof what,
             "in a group %zu; planted copies found %zu of %zu; %d thread%s: "
             "segment+shingles+minhash %.1f s, LSH+verify %.1f s (CPU %.1f s); CPU %.1f s; load %.1f",
             copies, found, planted.n, nt, nt > 1 ? "s" : "", sketch_secs, fin, fin_cpu, cpu,
             load[0]);
    cr_vec_free(&planted);
    line("dedup", n, now() - t0 - gen_secs, bytes, what);
    cr_dedup_stream_free(s);
    free(texts);
    free(lens);
    free(sk);
  } else if (!strcmp(phase, "cluster")) {
    cr_corpus *c = cr_corpus_new(NULL);
    bytes = fill(&g, c, n, &gen_secs);
    double a0 = now();
    if (cr_corpus_analyze(c) != CR_OK) return 1;
    double analyze = now() - a0, d0 = now();
    cr_dedup *dd;
    cr_clustering *k;
    if (cr_dedup_new(c, NULL, &dd) != CR_OK) return 1;
    double dsecs = now() - d0, c0 = now(), u0 = cpu_secs();
    if (cr_cluster_new(c, NULL, dd, &k) != CR_OK) return 1;
    double csecs = now() - c0, ccpu = cpu_secs() - u0;
    snprintf(what, sizeof what,
             "%zu stories; analysis %.1f s, dedup %.1f s, clustering %.1f s (%.1f s CPU, %.0f docs/s)",
             cr_clustering_count(k), analyze, dsecs, csecs, ccpu, (double)n / (csecs > 0 ? csecs : 1e-9));
    line("cluster", n, now() - t0 - gen_secs, bytes, what);
    cr_clustering_free(k);
    cr_dedup_free(dd);
    cr_corpus_free(c);
  } else if (!strcmp(phase, "store") && argc > 4) {
    cr_store *s;
    char err[512];
    if (cr_store_open(argv[4], CR_STORE_WRITE, &s, err, sizeof err) != CR_OK) {
      fprintf(stderr, "scale: %s\n", err);
      return 1;
    }
    double last = 0, first = -1, cpu_first = 0, cpu_last = 0;
    for (size_t done = 0; done < n; done += STORE_BATCH) {
      size_t b = n - done < STORE_BATCH ? n - done : STORE_BATCH;
      cr_corpus *c = cr_corpus_new(NULL);
      bytes += fill(&g, c, b, &gen_secs);
      double b0 = now(), u0 = cpu_secs();
      if (cr_store_add(s, c, NULL, NULL) != CR_OK) {
        fprintf(stderr, "scale: %s\n", cr_store_errmsg(s));
        return 1;
      }
      last = now() - b0;
      cpu_last = cpu_secs() - u0;
      if (first < 0) first = last, cpu_first = cpu_last;
      cr_corpus_free(c);
    }
    cr_store_close(s);
    struct stat st;
    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", argv[4]);
    double mb = stat(argv[4], &st) ? 0 : st.st_size / 1e6;
    double wmb = stat(wal, &st) ? 0 : st.st_size / 1e6;
    /* first and last batch: how an add's cost grows with the store (CPU
     * seconds too, since wall time is distorted on a loaded machine) */
    snprintf(what, sizeof what,
             "store %.1f MB (+ WAL %.1f MB); batches of %d: first %.1f s (%.1f s CPU), last %.1f s (%.1f s CPU)",
             mb, wmb, STORE_BATCH, first, cpu_first, last, cpu_last);
    line("store", n, now() - t0 - gen_secs, bytes, what);
  } else {
    fputs("scale: unknown phase (dedup, cluster, store DB)\n", stderr);
    return 2;
  }
  return 0;
}
