/* stream.c — exact and near-duplicate detection over more reports than
 * fit in memory as analyzed documents.
 *
 * The caller reads reports in batches (one corpus at a time, segmented:
 * cr_corpus_segment is all dedup needs), sketches each one (several
 * threads may), pushes the sketches in report order and frees the batch.
 * Per report only what the passes need is kept: a 128-bit hash of the
 * normalized body (exact copies: at a million reports the chance of a
 * false match is about 2^-88, so the words are not kept to compare), its
 * shingles as sorted 32-bit hashes (near-duplicates are still verified by
 * the exact Jaccard of these sets; two different shingles of one pair
 * share a 32-bit hash with probability ~1e-4, moving a Jaccard by
 * ~0.001), one 32-bit key per LSH band (twice: in the band's array and
 * in the report's row) and the low byte of each MinHash value.  About
 * 2.4 KB per 3 KB report, the shingles in large blocks rather than one
 * allocation each.
 * Derived copies are not looked for here (cr_dedup_new does, in memory).
 *
 * Band keys are 32 bits and each band has its own array of key << 32 |
 * report: one sort of 64-bit integers per band puts a bucket's reports
 * together in report order.  Two unrelated reports share a band's 32-bit
 * key by chance with probability 2^-32: ~3,000 extra candidates among a
 * million reports, each rejected by its exact Jaccard. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup/dedup.h"

/* Shingles are copied into blocks of this many hashes (4 MB). */
#define SHINGLE_BLOCK (1u << 20)

typedef CR_VEC(uint64_t) key_vec;

struct cr_dedup_stream {
  double t;
  size_t k, perms, rows, bands;
  CR_VEC(XXH128_hash_t) body;   /* {0,0} for an empty body */
  CR_VEC(uint32_t *) sh;        /* sorted unique shingle hashes */
  CR_VEC(uint32_t) nsh;
  key_vec *band;                /* per band: key << 32 | report */
  CR_VEC(uint32_t) keys;        /* per report: its key in each band */
  CR_VEC(uint8_t) sig8;         /* per report: low byte of each MinHash */
  uint8_t *big;                 /* bit per band and report: its bucket
                                   was paired by window, not in full */
  CR_VEC(uint32_t *) blocks;    /* where the shingles live */
  uint32_t *block_at;           /* free room in the last block */
  size_t block_left;
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
  if (!(s->band = calloc(s->bands, sizeof *s->band))) {
    free(s);
    return NULL;
  }
  return s;
}

void cr_dedup_stream_free(cr_dedup_stream *s) {
  if (!s) return;
  for (size_t i = 0; i < s->blocks.n; i++) free(s->blocks.v[i]);
  for (size_t b = 0; b < s->bands; b++) cr_vec_free(&s->band[b]);
  free(s->band);
  cr_vec_free(&s->keys);
  cr_vec_free(&s->sig8);
  free(s->big);
  cr_vec_free(&s->blocks);
  cr_vec_free(&s->sh);
  cr_vec_free(&s->nsh);
  cr_vec_free(&s->body);
  free(s->parent);
  free(s);
}

/* Sorts a (n values) by four byte-wide counting passes through tmp: a
 * report's few hundred shingles sort several times faster than by
 * comparisons. */
static void radix_sort_u32(uint32_t *a, uint32_t *tmp, size_t n) {
  for (int shift = 0; shift < 32; shift += 8) {
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++) count[((a[i] >> shift) & 0xFF) + 1]++;
    for (size_t b = 1; b < 257; b++) count[b] += count[b - 1];
    for (size_t i = 0; i < n; i++) tmp[count[(a[i] >> shift) & 0xFF]++] = a[i];
    uint32_t *x = a;
    a = tmp;
    tmp = x;
  }
  /* four passes: the sorted values are back in the caller's a */
}

int cr_dedup_sketch(const cr_dedup_stream *s, const cr_doc *d, cr_dedup_sketch_t *out) {
  memset(out, 0, sizeof *out);
  size_t nw, m = 0;
  uint64_t *w = cr_dedup_words(d, &nw), *sh = NULL;
  if (nw == SIZE_MAX) return -1;
  if (!w) return 0; /* an empty body duplicates nothing */
  uint32_t sig[CR_DEDUP_MAX_PERMS];
  XXH128_hash_t body = XXH3_128bits(w, nw * sizeof *w);
  out->body_lo = body.low64;
  out->body_hi = body.high64;
  sh = cr_dedup_shingle_list(w, nw, s->k, &m);
  free(w);
  if (!sh) return -1;
  /* the MinHash of a list is that of its set; the set kept for the exact
   * Jaccard is the high 32 bits of each hash, sorted and unique */
  cr_minhash(sh, m, s->perms, sig);
  out->sh = malloc(2 * m * sizeof *out->sh);
  out->keys = malloc(s->bands * sizeof *out->keys);
  out->sig8 = malloc(s->perms);
  if (!out->sh || !out->keys || !out->sig8) goto oom;
  for (size_t i = 0; i < m; i++) out->sh[i] = (uint32_t)(sh[i] >> 32);
  free(sh);
  sh = NULL;
  radix_sort_u32(out->sh, out->sh + m, m);
  for (size_t i = 0; i < m; i++)
    if (!out->nsh || out->sh[i] != out->sh[out->nsh - 1]) out->sh[out->nsh++] = out->sh[i];
  for (size_t b = 0; b < s->bands; b++)
    out->keys[b] = (uint32_t)XXH3_64bits_withSeed(sig + b * s->rows, s->rows * sizeof *sig, b);
  out->nkeys = (uint32_t)s->bands;
  for (size_t i = 0; i < s->perms; i++) out->sig8[i] = (uint8_t)sig[i];
  return 0;
oom:
  free(sh);
  cr_dedup_sketch_free(out);
  return -1;
}

void cr_dedup_sketch_free(cr_dedup_sketch_t *k) {
  free(k->sh);
  free(k->keys);
  free(k->sig8);
  memset(k, 0, sizeof *k);
}

/* Room for n shingle hashes in the current block (a new block when it is
 * full; a report longer than a block gets a block of its own). */
static uint32_t *shingle_room(cr_dedup_stream *s, size_t n) {
  if (n > s->block_left) {
    size_t size = n > SHINGLE_BLOCK ? n : SHINGLE_BLOCK;
    uint32_t *b = malloc(size * sizeof *b);
    if (!b || cr_vec_push(&s->blocks, b)) {
      free(b);
      return NULL;
    }
    s->block_at = b;
    s->block_left = size;
  }
  uint32_t *at = s->block_at;
  s->block_at += n;
  s->block_left -= n;
  return at;
}

int cr_dedup_stream_push(cr_dedup_stream *s, cr_dedup_sketch_t *k) {
  if (s->body.n >= UINT32_MAX) return -1;
  uint32_t doc = (uint32_t)s->body.n;
  XXH128_hash_t body = {k->body_lo, k->body_hi};
  uint32_t *sh = k->nsh ? shingle_room(s, k->nsh) : NULL;
  if (k->nsh && !sh) return -1;
  if (k->nsh) memcpy(sh, k->sh, k->nsh * sizeof *sh);
  for (size_t b = 0; b < s->bands; b++) {
    /* an empty body has no keys: a fresh key per band (its own report
     * number) is in no other report's bucket */
    uint32_t key = b < k->nkeys ? k->keys[b] : doc;
    if (cr_vec_push(&s->band[b], (uint64_t)key << 32 | doc) || cr_vec_push(&s->keys, key))
      return -1;
  }
  for (size_t i = 0; i < s->perms; i++)
    if (cr_vec_push(&s->sig8, k->sig8 ? k->sig8[i] : (uint8_t)0)) return -1;
  if (cr_vec_push(&s->body, body) || cr_vec_push(&s->nsh, k->nsh) || cr_vec_push(&s->sh, sh))
    return -1;
  cr_dedup_sketch_free(k);
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

/* Whether the Jaccard of two sorted unique sets reaches t.  Most
 * candidates that fail do so by far, so the merge stops as soon as the
 * shingles of one side known to be missing from the other leave too few
 * to reach t (J >= t  <=>  |a & b| >= t (|a| + |b|) / (1 + t)); the final
 * test is the exact ratio.  The merge steps without branches on the data
 * (a candidate's order of shingles is random to the branch predictor). */
static int similar(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, double t) {
  if (!na || !nb) return 0;
  size_t lo = na < nb ? na : nb, hi = na + nb - lo;
  if ((double)lo < t * (double)hi) return 0; /* J <= |small| / |large| */
  /* rounded down a little, so an exit is never taken at J = t exactly */
  size_t need = (size_t)(t * (double)(na + nb) / (1.0 + t) * (1 - 1e-9));
  size_t i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    uint32_t x = a[i], y = b[j];
    k += x == y;
    i += x <= y;
    j += y <= x;
    if (na - (i - k) < need || nb - (j - k) < need) return 0;
  }
  return (double)k / (double)(na + nb - k) >= t;
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

/* A bucket larger than this is a flood of one copy or of one text: each
 * member is paired with the WINDOW members before it (in report order)
 * rather than with all, which keeps the pass linear; a copy of a recent
 * report still meets its original. */
#define STREAM_WINDOW 64

/* The big bits are band-major, each band on bytes of its own, so the two
 * halves of the bands can be marked by two threads. */
static uint8_t *big_byte(const cr_dedup_stream *s, uint32_t doc, size_t band) {
  return s->big + band * ((s->body.n + 7) / 8) + doc / 8;
}

static int big_bit(const cr_dedup_stream *s, uint32_t doc, size_t band) {
  return *big_byte(s, doc, band) >> (doc % 8) & 1;
}

/* Whether the pair met in a band before this one, in a bucket small
 * enough to pair all its members: it was settled there (most pairs under
 * the threshold share 2-3 bands, and verifying them again is the bulk of
 * the cost on a large corpus). */
static int met_before(const cr_dedup_stream *s, uint32_t i, uint32_t j, size_t band) {
  const uint32_t *ki = s->keys.v + (size_t)i * s->bands, *kj = s->keys.v + (size_t)j * s->bands;
  for (size_t b = 0; b < band; b++)
    if (ki[b] == kj[b] && !big_bit(s, i, b) && !big_bit(s, j, b)) return 1;
  return 0;
}

/* Whether the low bytes of two signatures agree in enough bins for the
 * pair to reach the threshold.  Bins agree with probability J (plus
 * 1/256 for bytes equal by chance), so a candidate far under it is
 * dropped for the price of comparing 128 bytes instead of two shingle
 * lists.  A short report fills fewer bins than perms (the rest are
 * copies), so its estimate varies more: the bound widens with it. */
static int sig_may_match(const cr_dedup_stream *s, uint32_t i, uint32_t j) {
  const uint8_t *a = s->sig8.v + (size_t)i * s->perms, *b = s->sig8.v + (size_t)j * s->perms;
  size_t m = 0, k = 0;
  /* equal bytes eight at a time: the high bit of each byte of z is set
   * where a and b agree */
  for (; k + 8 <= s->perms; k += 8) {
    uint64_t x, y;
    memcpy(&x, a + k, 8);
    memcpy(&y, b + k, 8);
    x ^= y;
    uint64_t z = ~(((x & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | x | 0x7F7F7F7F7F7F7F7Full);
    m += (size_t)__builtin_popcountll(z);
  }
  for (; k < s->perms; k++) m += a[k] == b[k];
  double p = s->t + (1 - s->t) / 256;
  double eff = (double)(s->nsh.v[i] < s->nsh.v[j] ? s->nsh.v[i] : s->nsh.v[j]);
  return (double)m >= cr_minhash_min_agree(p, s->perms, eff);
}

/* One half of the bands: sorted and marked, then verified into a
 * union-find of its own (a copy of the exact groups), so two threads can
 * each take a half; the groups are the components of both halves'
 * verified pairs, whichever half found them. */
typedef struct half {
  cr_dedup_stream *s;
  size_t from, to;              /* bands */
  long *parent;
  CR_VEC(long) root;            /* roots of a bucket's members */
  int failed;
} half;

static void sort_and_mark(half *h) {
  cr_dedup_stream *s = h->s;
  for (size_t band = h->from; band < h->to; band++) {
    const uint64_t *v = s->band[band].v;
    size_t n = s->band[band].n;
    cr_sort_u64(s->band[band].v, n);
    for (size_t a = 0; a < n;) {
      size_t b = a + 1;
      while (b < n && v[b] >> 32 == v[a] >> 32) b++;
      if (b - a > STREAM_WINDOW)
        for (size_t x = a; x < b; x++)
          *big_byte(s, (uint32_t)v[x], band) |= (uint8_t)(1u << ((uint32_t)v[x] % 8));
      a = b;
    }
  }
}

/* Verifies the candidate pairs of one band's sorted keys.  On a large
 * corpus most pairs in a bucket are already in one group: each member's
 * root is looked up once per bucket (roots only merge, so two members
 * once seen under one root stay together) and again only for a pair
 * that seems apart.  0, -1 out of memory. */
static int band_pass(half *h, size_t band) {
  const cr_dedup_stream *s = h->s;
  const uint64_t *v = s->band[band].v;
  size_t n = s->band[band].n;
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && v[b] >> 32 == v[a] >> 32) b++;
    if (b - a == 1) {
      a = b;
      continue;
    }
    h->root.n = 0;
    for (size_t x = a; x < b; x++)
      if (cr_vec_push(&h->root, find(h->parent, (uint32_t)v[x]))) return -1;
    long *r = h->root.v - a;
    for (size_t y = a + 1; y < b; y++)
      for (size_t x = y - a > STREAM_WINDOW ? y - STREAM_WINDOW : a; x < y; x++) {
        if (r[x] == r[y]) continue;
        uint32_t i = (uint32_t)v[x], j = (uint32_t)v[y];
        r[x] = find(h->parent, i);
        r[y] = find(h->parent, j);
        if (r[x] == r[y] || met_before(s, i, j, band) || !sig_may_match(s, i, j) ||
            !similar(s->sh.v[i], s->nsh.v[i], s->sh.v[j], s->nsh.v[j], s->t))
          continue;
        join(h->parent, i, j);
        r[x] = r[y] = find(h->parent, i);
      }
    a = b;
  }
  return 0;
}

static void *sort_half(void *arg) {
  sort_and_mark(arg);
  return NULL;
}

static void *verify_half(void *arg) {
  half *h = arg;
  for (size_t band = h->from; band < h->to && !h->failed; band++)
    if (band_pass(h, band)) h->failed = 1;
  return NULL;
}

/* Runs f on both halves: on a second thread when the corpus is large
 * enough to repay it, else one after the other (the same result). */
#define STREAM_THREAD_MIN 10000
static void both(half h[2], void *(*f)(void *), size_t n) {
  pthread_t th;
  int threaded = n >= STREAM_THREAD_MIN && !pthread_create(&th, NULL, f, &h[1]);
  f(&h[0]);
  if (threaded) pthread_join(th, NULL);
  else f(&h[1]);
}

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
  /* near: candidates from LSH buckets, verified exactly.  The later half
   * skips more pairs (met in an earlier band), so it gets more bands. */
  free(s->big);
  if (!(s->big = calloc(s->bands * ((n + 7) / 8) + 1, 1))) return -1;
  half h[2] = {{s, 0, s->bands * 2 / 5, NULL, {0}, 0}, {s, s->bands * 2 / 5, s->bands, NULL, {0}, 0}};
  int rc = -1;
  both(h, sort_half, n);
  for (int k = 0; k < 2; k++)
    if (!(h[k].parent = malloc((n ? n : 1) * sizeof *h[k].parent))) goto done;
  memcpy(h[0].parent, s->parent, n * sizeof *s->parent);
  memcpy(h[1].parent, s->parent, n * sizeof *s->parent);
  both(h, verify_half, n);
  if (h[0].failed || h[1].failed) goto done;
  for (size_t i = 0; i < n; i++) {
    join(h[0].parent, (long)i, find(h[1].parent, (long)i));
  }
  for (size_t i = 0; i < n; i++) s->parent[i] = find(h[0].parent, (long)i);
  rc = 0;
done:
  for (int k = 0; k < 2; k++) {
    free(h[k].parent);
    cr_vec_free(&h[k].root);
  }
  return rc;
}

size_t cr_dedup_stream_count(const cr_dedup_stream *s) { return s->body.n; }

size_t cr_dedup_stream_group(const cr_dedup_stream *s, size_t i) {
  if (!s->parent || i >= s->body.n) return i;
  long x = (long)i;
  while (s->parent[x] != x) x = s->parent[x];
  return (size_t)x;
}
