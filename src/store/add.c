/* add.c — adding a corpus to the story store.
 *
 * 1. Each report's normalized body (dedup.h) is hashed; a report with no
 *    body, or whose body is stored already (or earlier in this input), is
 *    not clustered.
 * 2. idf comes from the stored document frequencies plus this input's, so
 *    a term common in the store counts as common here too.
 * 3. The clustering engine is seeded with the stored stories the new
 *    reports can reach: those indexed (story_terms) under one of the
 *    heaviest terms of a new report, which is how the engine itself finds
 *    candidates, so an add reads a few stories, not the whole store.  It
 *    runs over the new reports in cluster.c's order (so the result does
 *    not depend on the input order); near-duplicates inside the input
 *    follow their original (dedup.c).  Adding a set of reports to an empty
 *    store therefore gives the stories `crossread cluster` finds.
 * 4. Each report is then written in its own transaction: its row, and its
 *    story's row (new, or updated: size, dates, centroid += its vector,
 *    sources) and index entries.  A kill loses at most the report in
 *    flight.
 * 5. Document frequencies are folded in last, from the stored vectors of
 *    the reports not yet counted (meta df_upto); a store killed before
 *    that step is folded on the next add, so df never counts a report
 *    twice or misses one.
 *
 * Stored vectors keep the idf of the day they were added: an old report's
 * weights are not revisited as the store grows (the usual trade of online
 * clustering; terms' idf changes slowly once a store holds thousands of
 * reports). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#include "cluster/cluster.h"
#include "dedup/dedup.h"
#include "store/store.h"

/* ------------------------------------------------------------ helpers */

static int step_done(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int tw_term_cmp(const void *a, const void *b) {
  uint32_t x = ((const cr_tw *)a)->term, y = ((const cr_tw *)b)->term;
  return (x > y) - (x < y);
}

static int tw_weight_desc(const void *a, const void *b) {
  float x = ((const cr_tw *)a)->w, y = ((const cr_tw *)b)->w;
  if (x != y) return x < y ? 1 : -1;
  return tw_term_cmp(a, b);
}

/* out = a + b (sorted sparse sum, heap), truncated to the heaviest
 * CR_STORE_CENTROID_TERMS terms when it grows past twice that (as the
 * engine truncates its centroids). */
static cr_tw *sparse_sum(const cr_tw *a, uint32_t na, const cr_tw *b,
                         uint32_t nb, uint32_t *n) {
  cr_tw *out = malloc(((size_t)na + nb + 1) * sizeof *out);
  if (!out) return NULL;
  uint32_t i = 0, j = 0, m = 0;
  while (i < na || j < nb) {
    if (j >= nb || (i < na && a[i].term < b[j].term)) out[m++] = a[i++];
    else if (i >= na || b[j].term < a[i].term) out[m++] = b[j++];
    else {
      out[m] = a[i++];
      out[m++].w += b[j++].w;
    }
  }
  if (m > 2 * CR_STORE_CENTROID_TERMS) {
    qsort(out, m, sizeof *out, tw_weight_desc);
    m = CR_STORE_CENTROID_TERMS;
    qsort(out, m, sizeof *out, tw_term_cmp);
  }
  *n = m;
  return out;
}

int cr_store_index_story(sqlite3_stmt *ins, int64_t story, const cr_tw *c,
                         uint32_t n) {
  cr_tw top[CR_INDEX_TERMS];
  uint32_t k = cr_top_terms(c, n, top);
  for (uint32_t i = 0; i < k; i++) {
    sqlite3_bind_int64(ins, 1, top[i].term);
    sqlite3_bind_int64(ins, 2, story);
    int rc = step_done(ins);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

static void now_iso(char out[32]) {
  time_t t = time(NULL);
  struct tm tm;
  if (!gmtime_r(&t, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
    strcpy(out, "1970-01-01T00:00:00Z");
}

/* 128-bit hash of the normalized body as 32 hex digits; 0, 1 for an empty
 * body, -1 out of memory. */
static int body_hash(const cr_doc *d, char out[33]) {
  size_t nw;
  uint64_t *w = cr_dedup_words(d, &nw);
  if (!w) return nw == SIZE_MAX ? -1 : 1;
  XXH128_hash_t h = XXH3_128bits(w, nw * sizeof *w);
  free(w);
  snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
           (unsigned long long)h.low64);
  return 0;
}

/* ------------------------------------------------------------ df folding */

static long meta_get(cr_store *s, const char *key, int *rc) {
  sqlite3_stmt *st;
  long v = 0;
  *rc = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key=?", -1, &st, NULL);
  if (*rc != SQLITE_OK) return 0;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  *rc = sqlite3_step(st);
  if (*rc == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
  *rc = *rc == SQLITE_ROW || *rc == SQLITE_DONE ? SQLITE_OK : *rc;
  sqlite3_finalize(st);
  return v;
}

/* Counts the terms of every stored report past df_upto into terms.df, in
 * one transaction. */
static cr_status fold_df(cr_store *s) {
  int rc = cr_store_exec(s, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "counting term frequencies");
  sqlite3_stmt *sel = NULL, *upd = NULL, *meta = NULL;
  long upto = meta_get(s, "df_upto", &rc), last = upto;
  uint32_t *cnt = NULL;
  size_t ncnt = 0;
  if (rc != SQLITE_OK) goto fail;
  /* Term ids run 1..count (terms are never deleted).  A damaged vector
   * may name any id: ids past the count are not counted (nor sized for),
   * so one bad blob cannot ask for 16 GB. */
  long maxterm = cr_store_query_int(s->db, "SELECT count(*) FROM terms", &rc);
  if (rc != SQLITE_OK) goto fail;
  rc = sqlite3_prepare_v2(s->db, "SELECT id, vector FROM reports WHERE id > ? ORDER BY id",
                          -1, &sel, NULL);
  if (rc != SQLITE_OK) goto fail;
  sqlite3_bind_int64(sel, 1, upto);
  while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
    last = (long)sqlite3_column_int64(sel, 0);
    const unsigned char *p = sqlite3_column_blob(sel, 1);
    uint32_t n = cr_store_blob_count((size_t)sqlite3_column_bytes(sel, 1));
    for (uint32_t i = 0; i < n; i++) {
      cr_tw t;
      cr_store_blob_get(p + 8 * (size_t)i, 1, &t);
      if (t.term > (uint32_t)maxterm) continue;
      if (t.term >= ncnt) {
        size_t nn = ncnt ? ncnt : 4096;
        while (nn <= t.term) nn *= 2;
        uint32_t *nc = realloc(cnt, nn * sizeof *nc);
        if (!nc) {
          rc = SQLITE_NOMEM;
          goto fail;
        }
        memset(nc + ncnt, 0, (nn - ncnt) * sizeof *nc);
        cnt = nc;
        ncnt = nn;
      }
      cnt[t.term]++;
    }
  }
  if (rc != SQLITE_DONE) goto fail;
  rc = sqlite3_prepare_v2(s->db, "UPDATE terms SET df = df + ? WHERE id = ?", -1, &upd, NULL);
  if (rc != SQLITE_OK) goto fail;
  for (size_t t = 0; t < ncnt; t++) {
    if (!cnt[t]) continue;
    sqlite3_bind_int64(upd, 1, cnt[t]);
    sqlite3_bind_int64(upd, 2, (sqlite3_int64)t);
    if ((rc = step_done(upd)) != SQLITE_OK) goto fail;
  }
  rc = sqlite3_prepare_v2(s->db, "UPDATE meta SET value = ? WHERE key = 'df_upto'", -1,
                          &meta, NULL);
  if (rc != SQLITE_OK) goto fail;
  sqlite3_bind_int64(meta, 1, last);
  if ((rc = step_done(meta)) != SQLITE_OK) goto fail;
  sqlite3_finalize(sel);
  sqlite3_finalize(upd);
  sqlite3_finalize(meta);
  free(cnt);
  rc = cr_store_exec(s, "COMMIT");
  if (rc == SQLITE_OK) return CR_OK;
  cr_store_exec(s, "ROLLBACK");
  return cr_store_sqlfail(s, rc, "counting term frequencies");
fail:
  sqlite3_finalize(sel);
  sqlite3_finalize(upd);
  sqlite3_finalize(meta);
  free(cnt);
  cr_store_exec(s, "ROLLBACK");
  return cr_store_sqlfail(s, rc, "counting term frequencies");
}

/* ------------------------------------------------------------ the add */

/* A story touched by this add: its stored id (0 until written) and its
 * centroid in store term ids. */
typedef struct touched {
  int64_t id;
  cr_tw *sum;
  uint32_t n;
} touched;

typedef struct add_ctx {
  cr_store *s;
  cr_corpus *c;
  size_t n;                 /* documents */
  char (*hash)[33];
  uint8_t *skip;            /* 0 cluster, 1 same body, 2 empty body */
  uint32_t *sel;            /* clustered documents */
  size_t nsel;
  int32_t *pos;             /* document -> position in sel, or -1 */
  /* term ids: store <-> corpus */
  uint32_t *c2s;            /* corpus term -> store term (0 = none) */
  size_t nc2s;
  uint32_t *sdf;            /* corpus term -> stored df */
  long stored_docs;
  /* engine */
  cr_online *eng;
  int32_t nseed;
  touched *tx;              /* per engine story */
  size_t ntx;
  cr_arena *a;
  cr_termvec *vecs;
  int32_t *days, *story;
  sqlite3_stmt *find, *ins_story, *upd_story, *ins_report, *upd_sources, *ins_term,
      *ins_sterm;
} add_ctx;

static cr_status fail_rc(add_ctx *x, int rc, const char *doing) {
  return cr_store_sqlfail(x->s, rc, doing);
}

/* Grows the corpus -> store term map to the vocabulary's size. */
static int grow_terms(add_ctx *x) {
  size_t nv = cr_strmap_count(x->c->vocab);
  if (nv <= x->nc2s) return 0;
  uint32_t *a = realloc(x->c2s, nv * sizeof *a);
  if (!a) return -1;
  x->c2s = a;
  uint32_t *b = realloc(x->sdf, nv * sizeof *b);
  if (!b) return -1;
  x->sdf = b;
  memset(x->c2s + x->nc2s, 0, (nv - x->nc2s) * sizeof *a);
  memset(x->sdf + x->nc2s, 0, (nv - x->nc2s) * sizeof *b);
  x->nc2s = nv;
  return 0;
}

/* Reads the stored terms into the corpus vocabulary; returns the store
 * -> corpus map (heap, *n entries). */
static cr_status load_terms(add_ctx *x, uint32_t **s2c, size_t *ns2c) {
  sqlite3_stmt *st;
  *s2c = NULL;
  *ns2c = 0;
  int rc = sqlite3_prepare_v2(x->s->db, "SELECT id, stem, df FROM terms", -1, &st, NULL);
  if (rc != SQLITE_OK) return fail_rc(x, rc, "reading terms");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    const char *stem = (const char *)sqlite3_column_text(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    if (id <= 0 || id > UINT32_MAX - 1 || !stem) continue;
    uint32_t t = cr_corpus_term(x->c, stem, len);
    if (t == CR_NO_ID || grow_terms(x)) break;
    x->c2s[t] = (uint32_t)id;
    x->sdf[t] = (uint32_t)sqlite3_column_int64(st, 2);
    if ((size_t)id >= *ns2c) {
      size_t nn = *ns2c ? *ns2c : 4096;
      while (nn <= (size_t)id) nn *= 2;
      uint32_t *m = realloc(*s2c, nn * sizeof *m);
      if (!m) break;
      for (size_t i = *ns2c; i < nn; i++) m[i] = CR_NO_ID;
      *s2c = m;
      *ns2c = nn;
    }
    (*s2c)[id] = t;
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_ROW) return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory reading terms");
  if (rc != SQLITE_DONE) return fail_rc(x, rc, "reading terms");
  return CR_OK;
}

static int grow_touched(add_ctx *x, size_t n) {
  if (n <= x->ntx) return 0;
  touched *t = realloc(x->tx, n * sizeof *t);
  if (!t) return -1;
  memset(t + x->ntx, 0, (n - x->ntx) * sizeof *t);
  x->tx = t;
  x->ntx = n;
  return 0;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* The stored stories indexed under one of the heaviest terms of a new
 * report (store ids, ascending, heap).  Under a very common term only
 * the newest CR_STORE_TERM_STORIES are taken, as the engine caps its
 * postings. */
static cr_status reachable_stories(add_ctx *x, int64_t **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  CR_VEC(int64_t) terms = {0}, ids = {0};
  sqlite3_stmt *st = NULL;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < x->nsel; k++) {
    cr_tw top[CR_INDEX_TERMS];
    uint32_t m = cr_top_terms(x->vecs[k].v, x->vecs[k].n, top);
    for (uint32_t i = 0; i < m; i++)
      if (top[i].term < x->nc2s && x->c2s[top[i].term] &&
          cr_vec_push(&terms, (int64_t)x->c2s[top[i].term]))
        goto oom;
  }
  if (terms.n) qsort(terms.v, terms.n, sizeof *terms.v, cmp_i64);
  rc = sqlite3_prepare_v2(x->s->db,
                          "SELECT story FROM story_terms WHERE term = ?1"
                          " ORDER BY story DESC LIMIT ?2",
                          -1, &st, NULL);
  if (rc != SQLITE_OK) goto sqlfail;
  sqlite3_bind_int(st, 2, CR_STORE_TERM_STORIES);
  for (size_t i = 0; i < terms.n; i++) {
    if (i && terms.v[i] == terms.v[i - 1]) continue;
    sqlite3_bind_int64(st, 1, terms.v[i]);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      if (cr_vec_push(&ids, sqlite3_column_int64(st, 0))) goto oom;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) goto sqlfail;
  }
  sqlite3_finalize(st);
  cr_vec_free(&terms);
  if (ids.n) qsort(ids.v, ids.n, sizeof *ids.v, cmp_i64);
  size_t u = 0;
  for (size_t i = 0; i < ids.n; i++)
    if (!u || ids.v[i] != ids.v[u - 1]) ids.v[u++] = ids.v[i];
  *out = ids.v;
  *nout = u;
  return CR_OK;
oom:
  sqlite3_finalize(st);
  cr_vec_free(&terms);
  cr_vec_free(&ids);
  return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory finding stories");
sqlfail:
  sqlite3_finalize(st);
  cr_vec_free(&terms);
  cr_vec_free(&ids);
  return fail_rc(x, rc, "finding stories");
}

/* Seeds the engine with the stored stories ids[0..n) (ascending). */
static cr_status load_stories(add_ctx *x, const int64_t *ids, size_t nids,
                              const uint32_t *s2c, size_t ns2c) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(x->s->db,
                              "SELECT id, centroid, day_lo, day_hi, size FROM stories "
                              "WHERE id = ?",
                              -1, &st, NULL);
  if (rc != SQLITE_OK) return fail_rc(x, rc, "reading stories");
  cr_tw *tmp = NULL;
  size_t ntmp = 0;
  cr_status out = CR_OK;
  rc = SQLITE_DONE;
  for (size_t q = 0; q < nids; q++) {
    sqlite3_bind_int64(st, 1, ids[q]);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) { /* an index entry of a story since removed */
      sqlite3_reset(st);
      continue;
    }
    if (rc != SQLITE_ROW) break;
    const unsigned char *p = sqlite3_column_blob(st, 1);
    uint32_t n = cr_store_blob_count((size_t)sqlite3_column_bytes(st, 1));
    if (n + (size_t)1 > ntmp) {
      cr_tw *t = realloc(tmp, (n + (size_t)1) * sizeof *t);
      if (!t) goto oom;
      tmp = t;
      ntmp = n + (size_t)1;
    }
    touched *tx;
    if (grow_touched(x, (size_t)x->nseed + 1)) goto oom;
    tx = &x->tx[x->nseed];
    tx->id = sqlite3_column_int64(st, 0);
    tx->n = n;
    if (!(tx->sum = malloc((n ? n : 1) * sizeof *tx->sum))) goto oom;
    cr_store_blob_get(p, n, tx->sum);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
      uint32_t t = tx->sum[i].term;
      if (t >= ns2c || s2c[t] == CR_NO_ID) continue; /* cannot happen: terms first */
      tmp[m].term = s2c[t];
      tmp[m++].w = tx->sum[i].w;
    }
    qsort(tmp, m, sizeof *tmp, tw_term_cmp);
    cr_termvec v = {tmp, m, 1.0f};
    int32_t lo = sqlite3_column_type(st, 2) == SQLITE_NULL ? CR_NO_DAY
                                                            : sqlite3_column_int(st, 2);
    int32_t hi = sqlite3_column_type(st, 3) == SQLITE_NULL ? CR_NO_DAY
                                                            : sqlite3_column_int(st, 3);
    uint32_t size = (uint32_t)sqlite3_column_int64(st, 4);
    if (cr_online_seed(x->eng, &v, lo, hi, size) != x->nseed) goto oom;
    sqlite3_reset(st);
    x->nseed++;
    rc = SQLITE_DONE;
  }
  if (rc != SQLITE_DONE) out = fail_rc(x, rc, "reading stories");
  free(tmp);
  sqlite3_finalize(st);
  return out;
oom:
  free(tmp);
  sqlite3_finalize(st);
  return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory reading stories");
}

typedef struct hk {
  const char *h;
  uint32_t i;
} hk;

static int cmp_hk(const void *a, const void *b) {
  const hk *x = a, *y = b;
  int c = strcmp(x->h, y->h);
  return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Step 1: which documents are clustered. */
static cr_status select_docs(add_ctx *x) {
  for (size_t i = 0; i < x->n; i++) {
    x->pos[i] = -1;
    int r = body_hash(x->c->docs.v[i], x->hash[i]);
    if (r < 0) return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory");
    if (r > 0) {
      x->skip[i] = 2;
      continue;
    }
    sqlite3_bind_text(x->find, 1, x->hash[i], 32, SQLITE_STATIC);
    int rc = sqlite3_step(x->find);
    sqlite3_reset(x->find);
    if (rc == SQLITE_ROW) {
      x->skip[i] = 1;
      continue;
    }
    if (rc != SQLITE_DONE) return fail_rc(x, rc, "looking reports up");
  }
  /* repeats inside the input: the first copy is the one stored */
  hk *k = malloc((x->n ? x->n : 1) * sizeof *k);
  if (!k) return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory");
  size_t m = 0;
  for (size_t i = 0; i < x->n; i++)
    if (!x->skip[i]) k[m].h = x->hash[i], k[m++].i = (uint32_t)i;
  qsort(k, m, sizeof *k, cmp_hk);
  for (size_t i = 1; i < m; i++)
    if (!strcmp(k[i].h, k[i - 1].h)) x->skip[k[i].i] = 1;
  free(k);
  for (size_t i = 0; i < x->n; i++)
    if (!x->skip[i]) {
      x->pos[i] = (int32_t)x->nsel;
      x->sel[x->nsel++] = (uint32_t)i;
    }
  return CR_OK;
}

/* Step 2: idf over the stored reports and the clustered new ones,
 * smoothed as cluster.c computes it. */
static float *batch_idf(add_ctx *x) {
  size_t nv = cr_strmap_count(x->c->vocab);
  float *idf = malloc((nv ? nv : 1) * sizeof *idf);
  uint32_t *df = calloc(nv ? nv : 1, sizeof *df);
  uint32_t *last = calloc(nv ? nv : 1, sizeof *last);
  if (!idf || !df || !last) {
    free(idf);
    free(df);
    free(last);
    return NULL;
  }
  for (size_t k = 0; k < x->nsel; k++) {
    const cr_doc *d = x->c->docs.v[x->sel[k]];
    for (size_t j = 0; j < d->ntoks; j++) {
      uint32_t t = d->toks[j].term;
      if (t == CR_NO_ID || t >= nv || last[t] == k + 1) continue;
      last[t] = (uint32_t)k + 1;
      df[t]++;
    }
  }
  double n = (double)x->stored_docs + (double)x->nsel;
  for (size_t t = 0; t < nv; t++) {
    double f = df[t] + (t < x->nc2s ? x->sdf[t] : 0);
    idf[t] = (float)(log((1.0 + n) / (1.0 + f)) + 1.0);
  }
  free(df);
  free(last);
  return idf;
}

/* Near-duplicates inside the input join their original's story (the
 * first report of their duplicate group, when that one is clustered). */
static cr_status fixed_from_dedup(add_ctx *x, int32_t *fixed) {
  for (size_t k = 0; k < x->nsel; k++) fixed[k] = -1;
  cr_dedup *dd = NULL;
  cr_status st = cr_dedup_new(x->c, NULL, &dd);
  if (st != CR_OK) return cr_store_fail(x->s, st, "finding duplicates: %s", cr_status_str(st));
  for (size_t k = 0; k < x->nsel; k++) {
    size_t o = cr_dedup_group(dd, x->sel[k]);
    if (o != x->sel[k] && x->pos[o] >= 0) fixed[k] = x->pos[o];
  }
  cr_dedup_free(dd);
  return CR_OK;
}

/* Stores the terms of the new vectors the store does not know yet, in one
 * transaction (a term with df 0 is harmless if the add dies later). */
static cr_status insert_terms(add_ctx *x) {
  if (grow_terms(x)) return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory");
  int rc = cr_store_exec(x->s, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return fail_rc(x, rc, "storing terms");
  for (size_t k = 0; k < x->nsel; k++) {
    const cr_termvec *v = &x->vecs[k];
    for (uint32_t i = 0; i < v->n; i++) {
      uint32_t t = v->v[i].term;
      if (x->c2s[t]) continue;
      size_t len;
      const char *stem = cr_strmap_key(x->c->vocab, t, &len);
      sqlite3_bind_text(x->ins_term, 1, stem, (int)len, SQLITE_STATIC);
      if ((rc = step_done(x->ins_term)) != SQLITE_OK) goto fail;
      int64_t id = sqlite3_last_insert_rowid(x->s->db);
      if (id <= 0 || id >= UINT32_MAX) {
        rc = SQLITE_FULL;
        goto fail;
      }
      x->c2s[t] = (uint32_t)id;
    }
  }
  rc = cr_store_exec(x->s, "COMMIT");
  if (rc == SQLITE_OK) return CR_OK;
fail:
  cr_store_exec(x->s, "ROLLBACK");
  /* the rolled-back ids are not in the store */
  memset(x->c2s, 0, x->nc2s * sizeof *x->c2s);
  return fail_rc(x, rc, "storing terms");
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *s) {
  if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}

static void bind_day(sqlite3_stmt *st, int i, int32_t day) {
  if (day == CR_NO_DAY) sqlite3_bind_null(st, i);
  else sqlite3_bind_int(st, i, day);
}

/* Step 4: one report, one transaction.  *ev receives the outcome. */
static cr_status write_report(add_ctx *x, size_t k, cr_store_event *ev) {
  const cr_doc *d = x->c->docs.v[x->sel[k]];
  const cr_termvec *cv = &x->vecs[k];
  int32_t es = x->story[k], day = x->days[k];
  touched *tx = &x->tx[es];
  cr_tw *v = malloc((cv->n ? cv->n : 1) * sizeof *v);
  unsigned char *vb = malloc(cr_store_blob_size(cv->n) + 1), *cb = NULL;
  cr_tw *sum = NULL;
  uint32_t nsum = 0;
  if (!v || !vb) goto oom;
  for (uint32_t i = 0; i < cv->n; i++) {
    v[i].term = x->c2s[cv->v[i].term];
    v[i].w = cv->v[i].w;
  }
  qsort(v, cv->n, sizeof *v, tw_term_cmp);
  cr_store_blob_put(v, cv->n, vb);
  if (!(sum = sparse_sum(tx->sum, tx->n, v, cv->n, &nsum))) goto oom;
  if (!(cb = malloc(cr_store_blob_size(nsum) + 1))) goto oom;
  cr_store_blob_put(sum, nsum, cb);
  char seen[32], added[32];
  now_iso(added);
  if (day != CR_NO_DAY) cr_store_iso_day(day, seen);
  else memcpy(seen, added, sizeof seen);

  int rc = cr_store_exec(x->s, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) goto sqlfail;
  int64_t sid = tx->id;
  sqlite3_stmt *st;
  if (!sid) {
    st = x->ins_story;
    bind_opt_text(st, 1, cr_doc_title(d));
    bind_day(st, 2, day);
    bind_day(st, 3, day);
    sqlite3_bind_text(st, 4, added, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, added, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 6, cb, (int)cr_store_blob_size(nsum), SQLITE_STATIC);
    if ((rc = step_done(st)) != SQLITE_OK) goto rollback;
    sid = sqlite3_last_insert_rowid(x->s->db);
  } else {
    st = x->upd_story;
    bind_opt_text(st, 1, cr_doc_title(d));
    bind_day(st, 2, day);
    sqlite3_bind_text(st, 3, added, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 4, cb, (int)cr_store_blob_size(nsum), SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, sid);
    if ((rc = step_done(st)) != SQLITE_OK) goto rollback;
  }
  st = x->ins_report;
  sqlite3_bind_text(st, 1, x->hash[x->sel[k]], 32, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, d->id, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, d->file, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 4, (sqlite3_int64)d->line);
  sqlite3_bind_text(st, 5, d->line ? "jsonl" : "text", -1, SQLITE_STATIC);
  bind_opt_text(st, 6, cr_doc_title(d));
  bind_opt_text(st, 7, d->meta.outlet);
  bind_opt_text(st, 8, d->meta.url);
  bind_day(st, 9, day);
  sqlite3_bind_text(st, 10, seen, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 11, added, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 12, sid);
  sqlite3_bind_blob(st, 13, vb, (int)cr_store_blob_size(cv->n), SQLITE_STATIC);
  sqlite3_bind_blob(st, 14, d->raw ? d->raw : "", (int)d->raw_len, SQLITE_STATIC);
  if ((rc = step_done(st)) != SQLITE_OK) goto rollback;
  int64_t rid = sqlite3_last_insert_rowid(x->s->db);
  if ((rc = cr_store_index_story(x->ins_sterm, sid, sum, nsum)) != SQLITE_OK) goto rollback;
  sqlite3_bind_int64(x->upd_sources, 1, sid);
  if ((rc = step_done(x->upd_sources)) != SQLITE_OK) goto rollback;
  if ((rc = cr_store_exec(x->s, "COMMIT")) != SQLITE_OK) goto rollback;
  /* committed: only now does the in-memory story follow */
  ev->outcome = tx->id ? CR_STORE_JOINED : CR_STORE_NEW_STORY;
  ev->report = rid;
  ev->story = sid;
  tx->id = sid;
  free(tx->sum);
  tx->sum = sum;
  tx->n = nsum;
  free(v);
  free(vb);
  free(cb);
  return CR_OK;
rollback:
  cr_store_exec(x->s, "ROLLBACK");
sqlfail:
  free(v);
  free(vb);
  free(cb);
  free(sum);
  return cr_store_sqlfail(x->s, rc, "adding a report");
oom:
  free(v);
  free(vb);
  free(cb);
  free(sum);
  return cr_store_fail(x->s, CR_ERR_NOMEM, "out of memory adding a report");
}

/* A skipped report's event: the stored copy it repeats. */
static cr_status skipped_event(add_ctx *x, size_t i, cr_store_event *ev) {
  ev->outcome = x->skip[i] == 2 ? CR_STORE_SKIPPED_EMPTY : CR_STORE_SKIPPED_SAME;
  if (x->skip[i] == 2) return CR_OK;
  sqlite3_bind_text(x->find, 1, x->hash[i], 32, SQLITE_STATIC);
  int rc = sqlite3_step(x->find);
  if (rc == SQLITE_ROW) {
    ev->report = sqlite3_column_int64(x->find, 0);
    ev->story = sqlite3_column_int64(x->find, 1);
  }
  sqlite3_reset(x->find);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? CR_OK
                                               : fail_rc(x, rc, "looking reports up");
}

static const char SQL_FIND[] = "SELECT id, story FROM reports WHERE hash = ?";
static const char SQL_INS_STORY[] =
    "INSERT INTO stories(headline, size, day_lo, day_hi, first_seen, last_seen,"
    " centroid, sources) VALUES(?1, 1, ?2, ?3, ?4, ?5, ?6, 0)";
static const char SQL_UPD_STORY[] =
    "UPDATE stories SET headline = coalesce(headline, ?1), size = size + 1,"
    " day_lo = CASE WHEN ?2 IS NULL THEN day_lo ELSE min(coalesce(day_lo, ?2), ?2) END,"
    " day_hi = CASE WHEN ?2 IS NULL THEN day_hi ELSE max(coalesce(day_hi, ?2), ?2) END,"
    " first_seen = min(first_seen, ?3), last_seen = max(last_seen, ?3),"
    " centroid = ?4 WHERE id = ?5";
static const char SQL_INS_REPORT[] =
    "INSERT INTO reports(hash, doc_id, file, line, format, title, outlet, url,"
    " day, seen, added, story, vector, raw)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
static const char SQL_UPD_SOURCES[] =
    "UPDATE stories SET sources = (SELECT count(DISTINCT coalesce(outlet, doc_id))"
    " FROM reports WHERE story = ?1) WHERE id = ?1";
static const char SQL_INS_TERM[] = "INSERT INTO terms(stem, df) VALUES(?, 0)";

static int prepare_all(add_ctx *x) {
  sqlite3 *db = x->s->db;
  int rc;
  if ((rc = sqlite3_prepare_v2(db, SQL_FIND, -1, &x->find, NULL)) ||
      (rc = sqlite3_prepare_v2(db, SQL_INS_STORY, -1, &x->ins_story, NULL)) ||
      (rc = sqlite3_prepare_v2(db, SQL_UPD_STORY, -1, &x->upd_story, NULL)) ||
      (rc = sqlite3_prepare_v2(db, SQL_INS_REPORT, -1, &x->ins_report, NULL)) ||
      (rc = sqlite3_prepare_v2(db, SQL_UPD_SOURCES, -1, &x->upd_sources, NULL)) ||
      (rc = sqlite3_prepare_v2(db, SQL_INS_TERM, -1, &x->ins_term, NULL)) ||
      (rc = sqlite3_prepare_v2(db, CR_STORE_SQL_INDEX, -1, &x->ins_sterm, NULL)))
    return rc;
  return SQLITE_OK;
}

static void ctx_free(add_ctx *x) {
  sqlite3_finalize(x->find);
  sqlite3_finalize(x->ins_story);
  sqlite3_finalize(x->upd_story);
  sqlite3_finalize(x->ins_report);
  sqlite3_finalize(x->upd_sources);
  sqlite3_finalize(x->ins_term);
  sqlite3_finalize(x->ins_sterm);
  for (size_t i = 0; i < x->ntx; i++) free(x->tx[i].sum);
  free(x->tx);
  free(x->hash);
  free(x->skip);
  free(x->sel);
  free(x->pos);
  free(x->c2s);
  free(x->sdf);
  free(x->vecs);
  free(x->days);
  free(x->story);
  cr_arena_free(x->a);
  cr_online_free(x->eng);
}

cr_status cr_store_add(cr_store *s, cr_corpus *c, cr_store_cb cb, void *ctx) {
  if (!s || !c) return CR_ERR_USAGE;
  s->err[0] = '\0';
  if (s->readonly) return cr_store_fail(s, CR_ERR_IO, "the store is read-only: cannot add to it");
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) return cr_store_fail(s, st, "analyzing the reports: %s", cr_status_str(st));
  if ((st = fold_df(s)) != CR_OK) return st;
  if ((st = cr_store_cap(s, c->limits.max_store_bytes)) != CR_OK) return st;
  add_ctx x;
  memset(&x, 0, sizeof x);
  x.s = s;
  x.c = c;
  size_t n = x.n = c->docs.n, n1 = n ? n : 1;
  uint32_t *s2c = NULL;
  size_t ns2c = 0, nreach = 0;
  int64_t *reach = NULL;
  float *idf = NULL;
  int32_t *fixed = NULL;
  int rc;
  x.hash = malloc(n1 * sizeof *x.hash);
  x.skip = calloc(n1, 1);
  x.sel = malloc(n1 * sizeof *x.sel);
  x.pos = malloc(n1 * sizeof *x.pos);
  x.vecs = calloc(n1, sizeof *x.vecs);
  x.days = malloc(n1 * sizeof *x.days);
  x.story = malloc(n1 * sizeof *x.story);
  fixed = malloc(n1 * sizeof *fixed);
  x.a = cr_arena_new();
  x.eng = cr_online_new(NULL);
  if (!x.hash || !x.skip || !x.sel || !x.pos || !x.vecs || !x.days || !x.story ||
      !fixed || !x.a || !x.eng) {
    st = cr_store_fail(s, CR_ERR_NOMEM, "out of memory");
    goto done;
  }
  if ((rc = prepare_all(&x)) != SQLITE_OK) {
    st = fail_rc(&x, rc, "preparing statements");
    goto done;
  }
  long upto = meta_get(s, "df_upto", &rc);
  if (rc == SQLITE_OK) {
    sqlite3_stmt *q;
    rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM reports WHERE id <= ?", -1, &q, NULL);
    if (rc == SQLITE_OK) {
      sqlite3_bind_int64(q, 1, upto);
      if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        x.stored_docs = (long)sqlite3_column_int64(q, 0);
        rc = SQLITE_OK;
      }
      sqlite3_finalize(q);
    }
  }
  if (rc != SQLITE_OK) {
    st = fail_rc(&x, rc, "reading the store");
    goto done;
  }
  if ((st = select_docs(&x)) != CR_OK || (st = load_terms(&x, &s2c, &ns2c)) != CR_OK)
    goto done;
  if (grow_terms(&x) || !(idf = batch_idf(&x)) ||
      cr_cluster_vectors(c, x.sel, x.nsel, idf, x.a, x.vecs, x.days)) {
    st = cr_store_fail(s, CR_ERR_NOMEM, "out of memory");
    goto done;
  }
  if ((st = fixed_from_dedup(&x, fixed)) != CR_OK ||
      (st = reachable_stories(&x, &reach, &nreach)) != CR_OK ||
      (st = load_stories(&x, reach, nreach, s2c, ns2c)) != CR_OK)
    goto done;
  int32_t ns = cr_cluster_run(x.eng, c, x.sel, x.nsel, fixed, x.vecs, x.days, x.story);
  if (ns < 0 || grow_touched(&x, (size_t)ns)) {
    st = cr_store_fail(s, CR_ERR_NOMEM, "out of memory clustering");
    goto done;
  }
  if ((st = insert_terms(&x)) != CR_OK) goto done;
  for (size_t i = 0; i < n; i++) {
    cr_store_event ev = {i, CR_STORE_JOINED, 0, 0};
    if (x.pos[i] >= 0) st = write_report(&x, (size_t)x.pos[i], &ev);
    else st = skipped_event(&x, i, &ev);
    if (st != CR_OK) goto done;
    if (ev.outcome == CR_STORE_SKIPPED_EMPTY) {
      const cr_doc *d = c->docs.v[i];
      cr_corpus_diagf(c, CR_ERROR, d->file, d->line, "empty body: not stored");
      c->failed_inputs++;
    }
    if (cb) cb(ctx, &ev);
  }
  st = fold_df(s);
done:
  free(s2c);
  free(reach);
  free(idf);
  free(fixed);
  ctx_free(&x);
  return st;
}
