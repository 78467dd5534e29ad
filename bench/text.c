/* bench/text.c — text-layer throughput over a directory of reports.
 *
 *   build/bench/text DIR [MIN_MB]
 *
 * Reads every .txt/.jsonl/.source/.target file under DIR (a .jsonl line is
 * one document, raw bytes), then runs the product path over the set —
 * cr_corpus_add_memory (ingest: validation/repair, copy into the arena),
 * cr_corpus_analyze (paragraphs, tokens, sentences, fold + stem) — in
 * corpora of BATCH documents, and repeats until MIN_MB (default 200)
 * megabytes were processed.  A second pass times the scanner alone
 * (repair, tokens, sentences) to show where the time goes. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "core/corpus.h"
#include "text/text.h"

/* Reports per corpus: a large story or a day of one outlet's feed. */
#define BATCH 1000

typedef struct doc {
  char *p;
  size_t n;
} doc;
typedef CR_VEC(doc) doc_vec;

static int has_ext(const char *name, const char *ext) {
  size_t n = strlen(name), e = strlen(ext);
  return n > e && !strcmp(name + n - e, ext);
}

static int add_doc(doc_vec *dv, const char *p, size_t n) {
  if (!n) return 0;
  char *c = malloc(n);
  if (!c) return -1;
  memcpy(c, p, n);
  doc d = {c, n};
  return cr_vec_push(dv, d);
}

static int load_file(const char *path, int jsonl, doc_vec *dv) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  cr_buf b = CR_BUF_INIT;
  char tmp[65536];
  size_t r;
  while ((r = fread(tmp, 1, sizeof tmp, f)) > 0) cr_buf_append(&b, tmp, r);
  fclose(f);
  int rc = 0;
  if (!jsonl) {
    rc = add_doc(dv, b.data, b.len);
  } else {
    size_t i = 0;
    while (i < b.len && !rc) {
      char *nl = memchr(b.data + i, '\n', b.len - i);
      size_t e = nl ? (size_t)(nl - b.data) : b.len;
      rc = add_doc(dv, b.data + i, e - i);
      i = e + 1;
    }
  }
  cr_buf_free(&b);
  return rc;
}

static int walk(const char *dir, doc_vec *dv, size_t depth) {
  if (depth > 32) return 0;
  DIR *d = opendir(dir);
  if (!d) return 0;
  struct dirent *e;
  int rc = 0;
  while (!rc && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (lstat(path, &st)) continue;
    if (S_ISDIR(st.st_mode)) {
      rc = walk(path, dv, depth + 1);
    } else if (S_ISREG(st.st_mode)) {
      if (has_ext(e->d_name, ".jsonl")) rc = load_file(path, 1, dv);
      else if (has_ext(e->d_name, ".txt") || has_ext(e->d_name, ".source") ||
               has_ext(e->d_name, ".target"))
        rc = load_file(path, 0, dv);
    }
  }
  closedir(d);
  return rc;
}

typedef struct stats {
  size_t tokens, sentences, words;
} stats;

typedef struct work {
  cr_buf repaired, folded;
  cr_token_vec toks;
  cr_sentence_vec sents;
  cr_stemmer *stem;
} work;

/* full = 0 stops after sentences, to time the scanner without the
 * stemmer (libstemmer dominates a full run). */
static int process(work *w, const char *p, size_t n, stats *st, int full) {
  if (!cr_utf8_valid(p, n)) {
    cr_buf_clear(&w->repaired);
    if (cr_utf8_repair(p, n, &w->repaired) == (size_t)-1) return -1;
    p = w->repaired.data;
    n = w->repaired.len;
  }
  if (n > UINT32_MAX) n = UINT32_MAX;
  uint32_t para = 0;
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(p + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - p) : n;
    w->toks.n = 0;
    if (cr_tokenize(p, (cr_span){(uint32_t)i, (uint32_t)e}, &w->toks)) return -1;
    if (w->toks.n) {
      w->sents.n = 0;
      if (cr_split_sentences(p, w->toks.v, w->toks.n, 0, para++, &w->sents)) return -1;
      st->sentences += w->sents.n;
      st->tokens += w->toks.n;
      for (size_t k = 0; full && k < w->toks.n; k++) {
        const cr_token *t = &w->toks.v[k];
        if (t->kind != CR_TOK_WORD) continue;
        cr_buf_clear(&w->folded);
        cr_fold(p + t->span.start, t->span.end - t->span.start, &w->folded);
        if (cr_is_stopword(w->folded.data, w->folded.len)) continue;
        size_t sl;
        cr_stem(w->stem, w->folded.data, w->folded.len, &sl);
        st->words++;
      }
    }
    i = e + 1;
  }
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s DIR [MIN_MB]\n", argv[0]);
    return 2;
  }
  double min_mb = argc > 2 ? atof(argv[2]) : 200.0;
  doc_vec dv = {0};
  if (walk(argv[1], &dv, 0)) {
    fprintf(stderr, "out of memory loading %s\n", argv[1]);
    return 1;
  }
  size_t set_bytes = 0;
  for (size_t i = 0; i < dv.n; i++) set_bytes += dv.v[i].n;
  if (!set_bytes) {
    fprintf(stderr, "no documents under %s\n", argv[1]);
    return 1;
  }
  work w = {CR_BUF_INIT, CR_BUF_INIT, {0}, {0}, cr_stemmer_new()};
  if (!w.stem) return 1;
  stats st = {0, 0, 0};
  size_t docs = 0, bytes = 0, passes = 0;
  double t0 = now();
  while ((double)bytes < min_mb * 1e6) {
    for (size_t i = 0; i < dv.n; i += BATCH) {
      cr_corpus *c = cr_corpus_new(NULL);
      if (!c) return 1;
      size_t end = i + BATCH < dv.n ? i + BATCH : dv.n;
      for (size_t k = i; k < end; k++) {
        cr_corpus_add_memory(c, "bench.txt", dv.v[k].p, dv.v[k].n, CR_INPUT_TEXT);
        bytes += dv.v[k].n;
        docs++;
      }
      if (cr_corpus_analyze(c) != CR_OK) {
        fprintf(stderr, "out of memory\n");
        return 1;
      }
      for (size_t k = 0; k < c->docs.n; k++) {
        st.tokens += c->docs.v[k]->ntoks;
        st.sentences += c->docs.v[k]->nsents;
        st.words += c->docs.v[k]->words;
      }
      cr_corpus_free(c);
    }
    passes++;
  }
  double dt = now() - t0;
  /* Same set again, scanner only (repair, tokens, sentences). */
  stats st2 = {0, 0, 0};
  size_t bytes2 = 0;
  double t1 = now();
  while ((double)bytes2 < min_mb * 1e6)
    for (size_t i = 0; i < dv.n; i++) {
      if (process(&w, dv.v[i].p, dv.v[i].n, &st2, 0)) return 1;
      bytes2 += dv.v[i].n;
    }
  double dt2 = now() - t1;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("input: %zu documents, %.1f MB, %zu passes\n", dv.n, (double)set_bytes / 1e6, passes);
  printf("documents/s: %.0f\n", (double)docs / dt);
  printf("MB/s: %.1f\n", (double)bytes / 1e6 / dt);
  printf("tokens/s: %.0f\n", (double)st.tokens / dt);
  printf("sentences: %zu\n", st.sentences);
  printf("body words: %zu\n", st.words);
  printf("peak RSS: %ld KB\n", ru.ru_maxrss);
  printf("tokenize+sentences only MB/s: %.1f\n", (double)bytes2 / 1e6 / dt2);
  printf("total time: %.2f s (+ %.2f s scanner-only pass)\n", dt, dt2);
  cr_stemmer_free(w.stem);
  cr_buf_free(&w.repaired);
  cr_buf_free(&w.folded);
  cr_vec_free(&w.toks);
  cr_vec_free(&w.sents);
  for (size_t i = 0; i < dv.n; i++) free(dv.v[i].p);
  cr_vec_free(&dv);
  return 0;
}
