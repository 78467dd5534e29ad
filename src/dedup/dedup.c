/* dedup.c — the corpus dedup pass and the public API.
 *
 * 1. Exact: reports whose normalized bodies hash alike (XXH3 of the word
 *    hashes, then compared word for word) are copies of the first one.
 * 2. Near: the first report of each exact group gets a MinHash signature;
 *    LSH bands (rows derived from the threshold) give candidate pairs;
 *    each candidate is verified with the exact Jaccard of the two shingle
 *    sets, so no pair under the threshold is ever reported.
 * 3. Derived: reports sharing a whole sentence are candidates; a report
 *    whose shingles are mostly (>= containment) found in a longer one is
 *    derived from it: the shortened or lightly edited wire copy. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup/dedup.h"

/* An LSH bucket or a sentence shared by more reports than this is
 * boilerplate or a flood of one copy: a sentence pairs only its first
 * members, an LSH bucket each member with this many before it, which
 * keeps the passes linear. */
#define DEDUP_MAX_RUN 64
/* Sentences shorter than this (in words) are too common to suggest a
 * copy ("He said no."). */
#define DEDUP_MIN_SENTENCE_WORDS 8

struct cr_dedup {
  size_t n;
  long *dup_of;
  double *dup_sim;
  /* duplicate groups: connected components of the verified pairs (near
   * duplication is not transitive, so a report can be a copy of two
   * originals that are not copies of each other: they are one group);
   * parent[] is a union-find whose roots are each group's earliest report */
  long *parent;
  long *partner;       /* a verified partner when none is earlier, or -1 */
  double *partner_sim;
  uint8_t *exact;
  long *derived;
  double *derived_c;
};

typedef struct keyed {
  uint64_t key;
  uint32_t doc;
} keyed;

static int cmp_keyed(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

typedef CR_VEC(keyed) keyed_vec;

typedef struct docsh {
  uint64_t *words, *sh;
  size_t nw, nsh;
  uint64_t body;
} docsh;

static double jaccard(const docsh *a, const docsh *b) {
  size_t i = cr_dedup_intersect(a->sh, a->nsh, b->sh, b->nsh);
  size_t u = a->nsh + b->nsh - i;
  return u ? (double)i / (double)u : 0;
}

static long find(cr_dedup *dd, long x) {
  while (dd->parent[x] != x) {
    dd->parent[x] = dd->parent[dd->parent[x]];
    x = dd->parent[x];
  }
  return x;
}

/* Joins the groups of a and b; the earlier root stays the root. */
static void join(cr_dedup *dd, long a, long b) {
  a = find(dd, a);
  b = find(dd, b);
  if (a == b) return;
  if (a < b) dd->parent[b] = a;
  else dd->parent[a] = b;
}

/* Verifies a candidate pair: when its Jaccard reaches t the two groups
 * join, and j (< i) becomes i's original if it is the earliest verified
 * one.  A pair already in one group is not verified again (it would
 * change neither). */
static void near_pair(cr_dedup *dd, const docsh *ds, uint32_t i, uint32_t j,
                      double t) {
  if (j > i) {
    uint32_t x = i;
    i = j;
    j = x;
  }
  if (i == j || dd->exact[i] || dd->exact[j]) return;
  if (find(dd, i) == find(dd, j)) return;
  double js = jaccard(&ds[i], &ds[j]);
  if (js < t) return;
  join(dd, i, j);
  if (dd->dup_of[i] < 0 || (long)j < dd->dup_of[i]) {
    dd->dup_of[i] = j;
    dd->dup_sim[i] = js;
  }
  if (dd->dup_of[j] < 0 && dd->partner[j] < 0) {
    dd->partner[j] = i;
    dd->partner_sim[j] = js;
  }
}

static int exact_pass(cr_dedup *dd, docsh *ds, size_t n) {
  keyed *k = malloc((n ? n : 1) * sizeof *k);
  if (!k) return -1;
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (ds[i].nw) k[m].key = ds[i].body, k[m++].doc = (uint32_t)i;
  qsort(k, m, sizeof *k, cmp_keyed);
  for (size_t a = 0; a < m;) {
    size_t b = a + 1;
    while (b < m && k[b].key == k[a].key) b++;
    for (size_t c = a + 1; c < b; c++) {
      const docsh *x = &ds[k[a].doc], *y = &ds[k[c].doc];
      /* a hash is not proof: compare the words */
      if (x->nw == y->nw && !memcmp(x->words, y->words, x->nw * sizeof *x->words)) {
        dd->dup_of[k[c].doc] = k[a].doc;
        dd->dup_sim[k[c].doc] = 1.0;
        dd->exact[k[c].doc] = 1;
        join(dd, k[a].doc, k[c].doc);
      }
    }
    a = b;
  }
  free(k);
  return 0;
}

/* sigs (n x perms) receives every signature, for the derived pass. */
static int near_pass(cr_dedup *dd, docsh *ds, size_t n, size_t perms,
                     double t, uint32_t *sigs) {
  size_t rows = cr_lsh_rows(t, perms), bands = perms / rows;
  keyed *k = malloc((n ? n : 1) * bands * sizeof *k);
  if (!k) return -1;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (!ds[i].nsh || dd->exact[i]) continue;
    uint32_t *sig = sigs + i * perms;
    cr_minhash(ds[i].sh, ds[i].nsh, perms, sig);
    for (size_t b = 0; b < bands; b++) {
      k[m].key = XXH3_64bits_withSeed(sig + b * rows, rows * sizeof *sig, b);
      k[m++].doc = (uint32_t)i;
    }
  }
  qsort(k, m, sizeof *k, cmp_keyed);
  for (size_t a = 0; a < m;) {
    size_t b = a + 1;
    while (b < m && k[b].key == k[a].key) b++;
    /* each member against the DEDUP_MAX_RUN before it: in a flood of
     * one copy every member still meets another */
    for (size_t y = a + 1; y < b; y++)
      for (size_t x = y - a > DEDUP_MAX_RUN ? y - DEDUP_MAX_RUN : a; x < y; x++)
        near_pair(dd, ds, k[x].doc, k[y].doc, t);
    a = b;
  }
  free(k);
  return 0;
}

/* Hashes of the body sentences long enough to mark a copy. */
static int sentence_keys(const cr_doc *d, uint32_t doc, keyed_vec *out) {
  uint64_t w[256];
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    if (se->para >= d->nparas || d->paras[se->para].kind != CR_PARA_BODY) continue;
    size_t nw = 0;
    for (uint32_t k = se->tok_begin; k < se->tok_end && k < d->ntoks && nw < 256; k++) {
      const cr_token *t = &d->toks[k];
      if (t->term != CR_NO_ID) w[nw++] = t->term;
    }
    if (nw < DEDUP_MIN_SENTENCE_WORDS) continue;
    keyed kk = {XXH3_64bits(w, nw * sizeof *w), doc};
    if (cr_vec_push(out, kk)) return -1;
  }
  return 0;
}

/* Whether the signatures of i (the shorter) and j agree on enough bins
 * for i's containment in j to reach cmin: containment c means a Jaccard
 * of at least c|i| / (|i| + |j| - c|i|), and bins agree with probability
 * equal to the Jaccard, so a pair far under it skips the exact merge of
 * the two shingle lists (most pairs sharing a sentence are far under). */
static int sig_may_contain(const docsh *ds, const uint32_t *sigs, size_t perms,
                           uint32_t i, uint32_t j, double cmin) {
  const uint32_t *a = sigs + (size_t)i * perms, *b = sigs + (size_t)j * perms;
  size_t m = 0;
  for (size_t x = 0; x < perms; x++) m += a[x] == b[x];
  double na = (double)ds[i].nsh, nb = (double)ds[j].nsh;
  double jmin = cmin * na / (na + nb - cmin * na);
  return (double)m >= cr_minhash_min_agree(jmin, perms, na < nb ? na : nb);
}

static void derived_pair(cr_dedup *dd, const docsh *ds, const uint32_t *sigs,
                         size_t perms, uint32_t i, uint32_t j, double cmin) {
  /* i is the shorter one */
  if (ds[i].nsh > ds[j].nsh) {
    uint32_t x = i;
    i = j;
    j = x;
  }
  /* a near-duplicate is reported as such, not also as a derivation */
  if (dd->dup_of[i] >= 0 || dd->partner[i] >= 0 || find(dd, i) == find(dd, j) ||
      !ds[i].nsh || ds[i].nsh == ds[j].nsh || !sig_may_contain(ds, sigs, perms, i, j, cmin))
    return;
  double c = (double)cr_dedup_intersect(ds[i].sh, ds[i].nsh, ds[j].sh, ds[j].nsh) /
             (double)ds[i].nsh;
  if (c >= cmin && (c > dd->derived_c[i] ||
                    (c == dd->derived_c[i] && (long)j < dd->derived[i]))) {
    dd->derived[i] = j;
    dd->derived_c[i] = c;
  }
}

/* Pairs reports that share a sentence, each pair verified once.  Wire
 * copies share many sentences, so pairing inside each sentence's group
 * (as the groups come) verified the same pair once per shared sentence:
 * quadratic in the overlap, 100k reports took minutes.  Instead every
 * report gathers the members of its sentences' groups (the first
 * DEDUP_MAX_RUN of each, as before), and each distinct later partner is
 * verified once.  The pairs are the same, so the result is too. */
static int derived_pass(cr_dedup *dd, const cr_corpus *c, docsh *ds, size_t n,
                        double cmin, const uint32_t *sigs, size_t perms) {
  keyed_vec k = {0};
  for (size_t i = 0; i < n; i++)
    if (!dd->exact[i] && sentence_keys(c->docs.v[i], (uint32_t)i, &k)) {
      cr_vec_free(&k);
      return -1;
    }
  /* group starts are kept in 32 bits below */
  if (k.n > UINT32_MAX) {
    cr_vec_free(&k);
    return -1;
  }
  qsort(k.v, k.n, sizeof *k.v, cmp_keyed);
  /* (doc << 32 | first member of the group) for each member among its
   * group's first DEDUP_MAX_RUN: sorted, a report's groups lie together */
  CR_VEC(uint64_t) by_doc = {0};
  CR_VEC(uint64_t) partners = {0};
  int rc = 0;
  for (size_t a = 0; a < k.n && !rc;) {
    size_t b = a + 1;
    while (b < k.n && k.v[b].key == k.v[a].key) b++;
    size_t end = b - a > DEDUP_MAX_RUN ? a + DEDUP_MAX_RUN : b;
    if (end - a > 1)
      for (size_t x = a; x < end && !rc; x++)
        rc = cr_vec_push(&by_doc, (uint64_t)k.v[x].doc << 32 | (uint64_t)a);
    a = b;
  }
  if (!rc) cr_sort_u64(by_doc.v, by_doc.n);
  for (size_t a = 0; a < by_doc.n && !rc;) {
    uint32_t i = (uint32_t)(by_doc.v[a] >> 32);
    size_t b = a;
    partners.n = 0;
    for (; b < by_doc.n && (uint32_t)(by_doc.v[b] >> 32) == i && !rc; b++) {
      size_t g = (size_t)(by_doc.v[b] & 0xFFFFFFFFu);
      for (size_t x = g; x < k.n && x < g + DEDUP_MAX_RUN && k.v[x].key == k.v[g].key; x++)
        if (k.v[x].doc > i && (rc = cr_vec_push(&partners, k.v[x].doc))) break;
    }
    if (!rc) cr_sort_u64(partners.v, partners.n);
    for (size_t p = 0; p < partners.n && !rc; p++)
      if (!p || partners.v[p] != partners.v[p - 1])
        derived_pair(dd, ds, sigs, perms, i, (uint32_t)partners.v[p], cmin);
    a = b;
  }
  cr_vec_free(&partners);
  cr_vec_free(&by_doc);
  cr_vec_free(&k);
  return rc ? -1 : 0;
}

cr_status cr_dedup_new(cr_corpus *c, const cr_dedup_options *o,
                       cr_dedup **out) {
  if (!c || !out) return CR_ERR_USAGE;
  *out = NULL;
  double t = o && o->threshold > 0 ? o->threshold : CR_DEDUP_THRESHOLD;
  double cmin = o && o->containment > 0 ? o->containment : CR_DEDUP_CONTAINMENT;
  size_t k = o && o->shingle ? o->shingle : CR_DEDUP_SHINGLE;
  size_t perms = o && o->perms ? o->perms : CR_DEDUP_PERMS;
  if (t > 1 || cmin > 1 || k > CR_DEDUP_MAX_SHINGLE || perms > CR_DEDUP_MAX_PERMS)
    return CR_ERR_USAGE;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) return st;
  size_t n = c->docs.n;
  cr_dedup *dd = calloc(1, sizeof *dd);
  docsh *ds = calloc(n ? n : 1, sizeof *ds);
  uint32_t *sigs = NULL;
  st = CR_ERR_NOMEM;
  if (!dd || !ds) goto done;
  dd->n = n;
  dd->dup_of = malloc((n ? n : 1) * sizeof *dd->dup_of);
  dd->dup_sim = calloc(n ? n : 1, sizeof *dd->dup_sim);
  dd->exact = calloc(n ? n : 1, 1);
  dd->derived = malloc((n ? n : 1) * sizeof *dd->derived);
  dd->derived_c = calloc(n ? n : 1, sizeof *dd->derived_c);
  dd->parent = malloc((n ? n : 1) * sizeof *dd->parent);
  dd->partner = malloc((n ? n : 1) * sizeof *dd->partner);
  dd->partner_sim = calloc(n ? n : 1, sizeof *dd->partner_sim);
  if (!dd->dup_of || !dd->dup_sim || !dd->exact || !dd->derived || !dd->derived_c ||
      !dd->parent || !dd->partner || !dd->partner_sim)
    goto done;
  for (size_t i = 0; i < n; i++) {
    dd->dup_of[i] = dd->derived[i] = dd->partner[i] = -1;
    dd->parent[i] = (long)i;
    ds[i].words = cr_dedup_words(c->docs.v[i], &ds[i].nw);
    if (ds[i].nw == SIZE_MAX) goto done;
    if (!ds[i].nw) continue; /* an empty body duplicates nothing */
    ds[i].body = XXH3_64bits(ds[i].words, ds[i].nw * sizeof *ds[i].words);
    ds[i].sh = cr_dedup_shingles(ds[i].words, ds[i].nw, k, &ds[i].nsh);
    if (!ds[i].sh) goto done;
  }
  sigs = calloc((n ? n : 1) * perms, sizeof *sigs);
  if (!sigs || exact_pass(dd, ds, n) || near_pass(dd, ds, n, perms, t, sigs) ||
      derived_pass(dd, c, ds, n, cmin, sigs, perms))
    goto done;
  *out = dd;
  dd = NULL;
  st = CR_OK;
done:
  for (size_t i = 0; ds && i < n; i++) {
    free(ds[i].words);
    free(ds[i].sh);
  }
  free(ds);
  free(sigs);
  cr_dedup_free(dd);
  return st;
}

void cr_dedup_free(cr_dedup *d) {
  if (!d) return;
  free(d->dup_of);
  free(d->dup_sim);
  free(d->exact);
  free(d->derived);
  free(d->derived_c);
  free(d->parent);
  free(d->partner);
  free(d->partner_sim);
  free(d);
}

size_t cr_dedup_group(const cr_dedup *d, size_t i) {
  if (!d || i >= d->n) return i;
  long x = (long)i;
  while (d->parent[x] != x) x = d->parent[x];
  return (size_t)x;
}

long cr_dedup_partner(const cr_dedup *d, size_t i, double *sim) {
  if (!d || i >= d->n) return -1;
  if (d->dup_of[i] >= 0) {
    if (sim) *sim = d->dup_sim[i];
    return d->dup_of[i];
  }
  if (d->partner[i] < 0) return -1;
  if (sim) *sim = d->partner_sim[i];
  return d->partner[i];
}

long cr_dedup_duplicate_of(const cr_dedup *d, size_t i, double *sim) {
  if (!d || i >= d->n || d->dup_of[i] < 0) return -1;
  if (sim) *sim = d->dup_sim[i];
  return d->dup_of[i];
}

int cr_dedup_is_exact(const cr_dedup *d, size_t i) {
  return d && i < d->n && d->exact[i];
}

long cr_dedup_derived_from(const cr_dedup *d, size_t i, double *containment) {
  if (!d || i >= d->n || d->derived[i] < 0) return -1;
  if (containment) *containment = d->derived_c[i];
  return d->derived[i];
}
