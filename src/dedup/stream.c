/* stream.c — exact and near-duplicate detection over more reports than
 * fit in memory as analyzed documents.
 *
 * The caller analyzes reports in batches (one corpus at a time) and hands
 * each one to cr_dedup_stream_add, then frees the batch.  Per report only
 * what the passes need is kept: a 128-bit hash of the normalized body
 * (exact copies: at a million reports the chance of a false match is
 * about 2^-88, so the words are not kept to compare), its shingles as
 * sorted 32-bit hashes (near-duplicates are still verified by the exact
 * Jaccard of these sets; two different shingles of one pair share a
 * 32-bit hash with probability ~1e-4, moving a Jaccard by ~0.001), and its
 * LSH band keys.  About 2.5 KB per 3 KB report.  Derived copies are not
 * looked for here (cr_dedup_new does, in memory). */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup/dedup.h"

typedef struct band_key {
  uint64_t key;
  uint32_t doc;
} band_key;

struct cr_dedup_stream {
  double t;
  size_t k, perms, rows, bands;
  CR_VEC(XXH128_hash_t) body;   /* {0,0} for an empty body */
  CR_VEC(uint32_t *) sh;        /* sorted unique shingle hashes */
  CR_VEC(uint32_t) nsh;
  CR_VEC(band_key) keys;
  long *parent;                 /* union-find; roots are earliest docs */
};

cr_dedup_stream *cr_dedup_stream_new(const cr_dedup_options *o) {
  cr_dedup_stream *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->t = o && o->threshold > 0 ? o->threshold : CR_DEDUP_THRESHOLD;
  s->k = o && o->shingle ? o->shingle : CR_DEDUP_SHINGLE;
  s->perms = o && o->perms ? o->perms : CR_DEDUP_PERMS;
  if (s->t > 1 || s->k > CR_DEDUP_MAX_SHINGLE || s->perms > CR_DEDUP_MAX_PERMS) {
    free(s);
    return NULL;
  }
  s->rows = cr_lsh_rows(s->t, s->perms);
  s->bands = s->perms / s->rows;
  return s;
}

void cr_dedup_stream_free(cr_dedup_stream *s) {
  if (!s) return;
  for (size_t i = 0; i < s->sh.n; i++) free(s->sh.v[i]);
  cr_vec_free(&s->sh);
  cr_vec_free(&s->nsh);
  cr_vec_free(&s->body);
  cr_vec_free(&s->keys);
  free(s->parent);
  free(s);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

int cr_dedup_sketch(const cr_dedup_stream *s, const cr_doc *d, cr_dedup_sketch_t *out) {
  memset(out, 0, sizeof *out);
  size_t nw, n64 = 0;
  uint64_t *w = cr_dedup_words(d, &nw), *sh = NULL;
  if (nw == SIZE_MAX) return -1;
  if (!w) return 0; /* an empty body duplicates nothing */
  uint32_t sig[CR_DEDUP_MAX_PERMS];
  XXH128_hash_t body = XXH3_128bits(w, nw * sizeof *w);
  out->body_lo = body.low64;
  out->body_hi = body.high64;
  sh = cr_dedup_shingles(w, nw, s->k, &n64);
  free(w);
  if (!sh) return -1;
  out->sh = malloc(n64 * sizeof *out->sh);
  out->keys = malloc(s->bands * sizeof *out->keys);
  if (!out->sh || !out->keys) goto oom;
  /* sorted 64-bit hashes stay sorted by their low 32 bits only after a
   * sort of their own */
  for (size_t i = 0; i < n64; i++) out->sh[i] = (uint32_t)sh[i];
  qsort(out->sh, n64, sizeof *out->sh, cmp_u32);
  for (size_t i = 0; i < n64; i++)
    if (!out->nsh || out->sh[i] != out->sh[out->nsh - 1]) out->sh[out->nsh++] = out->sh[i];
  cr_minhash(sh, n64, s->perms, sig);
  free(sh);
  for (size_t b = 0; b < s->bands; b++)
    out->keys[b] = XXH3_64bits_withSeed(sig + b * s->rows, s->rows * sizeof *sig, b);
  out->nkeys = (uint32_t)s->bands;
  return 0;
oom:
  free(sh);
  cr_dedup_sketch_free(out);
  return -1;
}

void cr_dedup_sketch_free(cr_dedup_sketch_t *k) {
  free(k->sh);
  free(k->keys);
  memset(k, 0, sizeof *k);
}

int cr_dedup_stream_push(cr_dedup_stream *s, cr_dedup_sketch_t *k) {
  uint32_t doc = (uint32_t)s->body.n;
  XXH128_hash_t body = {k->body_lo, k->body_hi};
  for (uint32_t b = 0; b < k->nkeys; b++) {
    band_key x = {k->keys[b], doc};
    if (cr_vec_push(&s->keys, x)) return -1;
  }
  if (cr_vec_push(&s->body, body) || cr_vec_push(&s->nsh, k->nsh) || cr_vec_push(&s->sh, k->sh))
    return -1;
  k->sh = NULL; /* the stream owns it now */
  free(k->keys);
  k->keys = NULL;
  return 0;
}

int cr_dedup_stream_add(cr_dedup_stream *s, const cr_doc *d) {
  cr_dedup_sketch_t k;
  if (cr_dedup_sketch(s, d, &k)) return -1;
  if (cr_dedup_stream_push(s, &k)) {
    cr_dedup_sketch_free(&k);
    return -1;
  }
  return 0;
}

static long find(long *p, long x) {
  while (p[x] != x) {
    p[x] = p[p[x]];
    x = p[x];
  }
  return x;
}

static void join(long *p, long a, long b) {
  a = find(p, a);
  b = find(p, b);
  if (a < b) p[b] = a;
  else if (b < a) p[a] = b;
}

static size_t intersect32(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  size_t i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else k++, i++, j++;
  }
  return k;
}

static int cmp_key(const void *a, const void *b) {
  const band_key *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

typedef struct body_ref {
  XXH128_hash_t h;
  uint32_t doc;
} body_ref;

static int cmp_body(const void *a, const void *b) {
  const body_ref *x = a, *y = b;
  int c = XXH128_cmp(&x->h, &y->h);
  return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

/* The same bound as dedup.c: a bucket larger than this is a flood of one
 * copy; its first members are paired, which keeps the pass linear. */
#define STREAM_MAX_RUN 64

int cr_dedup_stream_finish(cr_dedup_stream *s) {
  size_t n = s->body.n;
  free(s->parent);
  if (!(s->parent = malloc((n ? n : 1) * sizeof *s->parent))) return -1;
  for (size_t i = 0; i < n; i++) s->parent[i] = (long)i;
  /* exact */
  body_ref *r = malloc((n ? n : 1) * sizeof *r);
  if (!r) return -1;
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (s->body.v[i].low64 || s->body.v[i].high64) r[m].h = s->body.v[i], r[m++].doc = (uint32_t)i;
  qsort(r, m, sizeof *r, cmp_body);
  for (size_t i = 1; i < m; i++)
    if (XXH128_isEqual(r[i].h, r[i - 1].h)) join(s->parent, r[i - 1].doc, r[i].doc);
  free(r);
  /* near: candidates from LSH buckets, verified exactly */
  qsort(s->keys.v, s->keys.n, sizeof *s->keys.v, cmp_key);
  for (size_t a = 0; a < s->keys.n;) {
    size_t b = a + 1;
    while (b < s->keys.n && s->keys.v[b].key == s->keys.v[a].key) b++;
    size_t end = b - a > STREAM_MAX_RUN ? a + STREAM_MAX_RUN : b;
    for (size_t x = a; x < end; x++)
      for (size_t y = x + 1; y < end; y++) {
        uint32_t i = s->keys.v[x].doc, j = s->keys.v[y].doc;
        if (find(s->parent, i) == find(s->parent, j)) continue;
        size_t in = intersect32(s->sh.v[i], s->nsh.v[i], s->sh.v[j], s->nsh.v[j]);
        size_t un = s->nsh.v[i] + s->nsh.v[j] - in;
        if (un && (double)in / (double)un >= s->t) join(s->parent, i, j);
      }
    a = b;
  }
  return 0;
}

size_t cr_dedup_stream_count(const cr_dedup_stream *s) { return s->body.n; }

size_t cr_dedup_stream_group(const cr_dedup_stream *s, size_t i) {
  if (!s->parent || i >= s->body.n) return i;
  long x = (long)i;
  while (s->parent[x] != x) x = s->parent[x];
  return (size_t)x;
}
