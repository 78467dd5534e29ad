/* cluster.c — the public story-clustering API over a corpus.
 *
 * Builds the event vectors (docvec.c) with corpus idf, finds each report's
 * date (dates.c), and runs the online engine (online.c) in an order that
 * does not depend on the input order: by a hash of each report's text.
 * The same set of reports therefore gets the same stories however it is
 * listed; only reports with identical text tie, and those are duplicates
 * that follow their original anyway. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "cluster/cluster.h"

struct cr_clustering {
  size_t n, count;
  size_t *story;
};

typedef struct ord {
  uint64_t h;
  uint32_t i;
} ord;

static int cmp_ord(const void *a, const void *b) {
  const ord *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

/* Smoothed idf, as scikit-learn computes it: ln((1+N)/(1+df)) + 1. */
static float *corpus_idf(const cr_corpus *c) {
  size_t nv = cr_strmap_count(c->vocab);
  uint32_t *df = cr_doc_freqs(c);
  float *idf = malloc((nv ? nv : 1) * sizeof *idf);
  if (!df || !idf) {
    free(df);
    free(idf);
    return NULL;
  }
  double n = (double)c->docs.n;
  for (size_t t = 0; t < nv; t++)
    idf[t] = (float)(log((1.0 + n) / (1.0 + df[t])) + 1.0);
  free(df);
  return idf;
}

static void params_from_options(const cr_cluster_options *o,
                                cr_online_params *p) {
  cr_online_params_default(p);
  if (!o) return;
  if (o->assign > 0) p->assign = (float)o->assign;
  if (o->merge > 0) p->merge = (float)o->merge;
  if (o->rounds > 0) p->rounds = o->rounds;
  if (o->rounds < 0) p->rounds = 0;
  if (o->day_scale > 0) p->day_scale = (float)o->day_scale;
  if (o->day_scale < 0) p->day_scale = 0;
}

/* A duplicate's original, followed to the first copy (chains cannot loop:
 * originals come earlier in the input). */
static long original_of(const cr_dedup *dd, size_t i) {
  long o = dd ? cr_dedup_duplicate_of(dd, i, NULL) : -1;
  for (int hops = 0; o >= 0 && hops < 64; hops++) {
    long up = cr_dedup_duplicate_of(dd, (size_t)o, NULL);
    if (up < 0) break;
    o = up;
  }
  return o;
}

int cr_cluster_vectors(const cr_corpus *c, const uint32_t *docs, size_t n,
                       const float *idf, cr_arena *a, cr_termvec *vecs,
                       int32_t *days) {
  cr_event_weights w;
  cr_event_weights_default(&w);
  for (size_t i = 0; i < n; i++) {
    const cr_doc *d = c->docs.v[docs ? docs[i] : i];
    if (cr_event_vector(d, idf, &w, a, &vecs[i])) return -1;
    days[i] = cr_doc_day(d);
  }
  return 0;
}

int32_t cr_cluster_run(cr_online *eng, const cr_corpus *c, const uint32_t *docs,
                       size_t n, const int32_t *fixed, const cr_termvec *vecs,
                       const int32_t *days, int32_t *story) {
  ord *o = malloc((n ? n : 1) * sizeof *o);
  uint32_t *order = malloc((n ? n : 1) * sizeof *order);
  int32_t ns = -1;
  if (!o || !order) goto done;
  for (size_t i = 0; i < n; i++) {
    const cr_doc *d = c->docs.v[docs ? docs[i] : i];
    o[i].h = XXH3_64bits(d->text, d->text_len);
    o[i].i = (uint32_t)i;
  }
  qsort(o, n, sizeof *o, cmp_ord);
  for (size_t i = 0; i < n; i++) order[i] = o[i].i;
  ns = cr_online_run(eng, vecs, days, fixed, n, order, story);
done:
  free(o);
  free(order);
  return ns;
}

cr_status cr_cluster_new(cr_corpus *c, const cr_cluster_options *opts,
                         const cr_dedup *dedup, cr_clustering **out) {
  if (!c || !out) return CR_ERR_USAGE;
  *out = NULL;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) return st;
  size_t n = c->docs.n;
  cr_clustering *k = calloc(1, sizeof *k);
  cr_arena *a = cr_arena_new();
  float *idf = corpus_idf(c);
  cr_termvec *vecs = calloc(n ? n : 1, sizeof *vecs);
  int32_t *days = malloc((n ? n : 1) * sizeof *days);
  int32_t *fixed = malloc((n ? n : 1) * sizeof *fixed);
  int32_t *story = malloc((n ? n : 1) * sizeof *story);
  cr_online_params p;
  params_from_options(opts, &p);
  cr_online *eng = cr_online_new(&p);
  int32_t *renum = NULL;
  st = CR_ERR_NOMEM;
  if (!k || !a || !idf || !vecs || !days || !fixed || !story || !eng)
    goto done;
  k->n = n;
  if (!(k->story = malloc((n ? n : 1) * sizeof *k->story))) goto done;
  for (size_t i = 0; i < n; i++) fixed[i] = (int32_t)original_of(dedup, i);
  if (cr_cluster_vectors(c, NULL, n, idf, a, vecs, days)) goto done;
  int32_t ns = cr_cluster_run(eng, c, NULL, n, fixed, vecs, days, story);
  if (ns < 0) goto done;
  if (!(renum = malloc((ns ? (size_t)ns : 1) * sizeof *renum))) goto done;
  for (int32_t s = 0; s < ns; s++) renum[s] = -1;
  for (size_t i = 0; i < n; i++) {
    int32_t s = story[i];
    if (renum[s] < 0) renum[s] = (int32_t)k->count++;
    k->story[i] = (size_t)renum[s];
  }
  *out = k;
  k = NULL;
  st = CR_OK;
done:
  cr_clustering_free(k);
  cr_arena_free(a);
  free(idf);
  free(vecs);
  free(days);
  free(fixed);
  free(story);
  free(renum);
  cr_online_free(eng);
  return st;
}

void cr_clustering_free(cr_clustering *k) {
  if (!k) return;
  free(k->story);
  free(k);
}

size_t cr_clustering_count(const cr_clustering *k) { return k ? k->count : 0; }

size_t cr_clustering_story(const cr_clustering *k, size_t i) {
  return k && i < k->n ? k->story[i] : 0;
}
