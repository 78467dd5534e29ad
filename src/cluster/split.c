/* split.c — the split half of the merge/split refinement.
 *
 * Two events of one kind (two title fights of one boxer, two rehab stays
 * of two actresses reported in the same words) share most of their
 * vocabulary, so their reports can end up in one story.  What tells them
 * apart are the few terms that half of the story uses and the other half
 * does not: the opponent, the round, the date.  So each story is looked at
 * on its own, with local weights: a term every member has weighs nothing,
 * a term half of them have weighs most (local idf), and a term only one
 * member has is dropped (it can only add noise).  A two-way split (2-means
 * on those local vectors, seeded by the two most different members) is
 * kept when the halves are much more alike inside than across: one event
 * gives idiosyncratic leftovers that do not form two groups.  Tight halves
 * are not enough: one event's reports fall in tight groups too (wire
 * copies that name the suspect, wire copies that do not), so a split also
 * needs a few terms tied to one half beyond chance (a G-test per term). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"

/* Stories smaller than this are never split: too few reports to tell two
 * groups from noise. */
#define SPLIT_MIN_SIZE 6
/* Stories larger than this are not examined (bounds the scratch; the
 * statistics are linear in the story's size). */
#define SPLIT_MAX_SIZE 4096
/* 2-means iterations. */
#define SPLIT_ITERS 6
/* A term is tied to one half when the G-test of its presence against the
 * halves passes at p < 0.001 (chi-square, one degree of freedom). */
#define SPLIT_G_CRIT 10.83
/* Terms that must be tied to one half for a split: of the few hundred
 * terms of a story about 0.3 pass at p < 0.001 by chance (more, since the
 * cut is chosen to separate, but three stays unlikely: the Poisson tail
 * of 3 at 0.3 is 0.004).  Dev: the same stories for 2 .. 8. */
#define SPLIT_MIN_TIED 3

typedef struct lvec {
  cr_tw *v;
  uint32_t n;
} lvec;

static double ldot(const lvec *a, const lvec *b) {
  double d = 0;
  uint32_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i].term < b->v[j].term) i++;
    else if (a->v[i].term > b->v[j].term) j++;
    else d += (double)a->v[i++].w * b->v[j++].w;
  }
  return d;
}

/* Dot of a member with a dense centroid. */
static double cdot(const lvec *a, const float *cen) {
  double d = 0;
  for (uint32_t i = 0; i < a->n; i++) d += (double)a->v[i].w * cen[a->v[i].term];
  return d;
}

typedef struct split_ctx {
  uint32_t *df;   /* per term, local document frequency */
  uint32_t *df1;  /* per term, members of half 1 using it (tied_terms) */
  float *c0, *c1; /* dense centroids of the two halves */
  size_t nterms;
} split_ctx;

/* Local vectors of the members (unit length); returns 0 or -1. */
static int local_vectors(split_ctx *x, const cr_termvec *vecs,
                         const uint32_t *mem, size_t n, lvec *out) {
  for (size_t k = 0; k < n; k++) {
    const cr_termvec *v = &vecs[mem[k]];
    for (uint32_t i = 0; i < v->n; i++) x->df[v->v[i].term]++;
  }
  int rc = 0;
  for (size_t k = 0; k < n && !rc; k++) {
    const cr_termvec *v = &vecs[mem[k]];
    out[k].v = malloc((v->n ? v->n : 1) * sizeof *out[k].v);
    out[k].n = 0;
    if (!out[k].v) {
      rc = -1;
      break;
    }
    double norm = 0;
    for (uint32_t i = 0; i < v->n; i++) {
      uint32_t df = x->df[v->v[i].term];
      if (df < 2 || df >= n) continue;
      float w = v->v[i].w * logf((float)n / (float)df);
      out[k].v[out[k].n].term = v->v[i].term;
      out[k].v[out[k].n++].w = w;
      norm += (double)w * w;
    }
    if (norm > 0) {
      float inv = (float)(1.0 / sqrt(norm));
      for (uint32_t i = 0; i < out[k].n; i++) out[k].v[i].w *= inv;
    }
  }
  for (size_t k = 0; k < n; k++) {
    const cr_termvec *v = &vecs[mem[k]];
    for (uint32_t i = 0; i < v->n; i++) x->df[v->v[i].term] = 0;
  }
  return rc;
}

static void centroid_of(const lvec *lv, const uint8_t *side, size_t n, int s,
                        float *cen) {
  for (size_t k = 0; k < n; k++)
    if (side[k] == s)
      for (uint32_t i = 0; i < lv[k].n; i++) cen[lv[k].v[i].term] += lv[k].v[i].w;
}

static void clear_centroid(const lvec *lv, size_t n, float *cen) {
  for (size_t k = 0; k < n; k++)
    for (uint32_t i = 0; i < lv[k].n; i++) cen[lv[k].v[i].term] = 0;
}

/* 2-means; side[k] receives 0 or 1.  Returns 0 when both halves are
 * non-empty. */
static int two_means(split_ctx *x, const lvec *lv, size_t n, uint8_t *side) {
  /* seeds: the member least like the others, then the one least like it */
  size_t s0 = 0, s1 = 0;
  double worst = 2;
  memset(side, 0, n);
  centroid_of(lv, side, n, 0, x->c0);
  for (size_t k = 0; k < n; k++) {
    double d = cdot(&lv[k], x->c0);
    if (d < worst) worst = d, s0 = k;
  }
  clear_centroid(lv, n, x->c0);
  worst = 2;
  for (size_t k = 0; k < n; k++) {
    if (k == s0) continue;
    double d = ldot(&lv[k], &lv[s0]);
    if (d < worst) worst = d, s1 = k;
  }
  for (size_t k = 0; k < n; k++)
    side[k] = ldot(&lv[k], &lv[s1]) > ldot(&lv[k], &lv[s0]);
  for (int it = 0; it < SPLIT_ITERS; it++) {
    centroid_of(lv, side, n, 0, x->c0);
    centroid_of(lv, side, n, 1, x->c1);
    double n0 = 0, n1 = 0;
    for (size_t k = 0; k < n; k++) {
      n0 += side[k] == 0;
      n1 += side[k] == 1;
    }
    int changed = 0;
    for (size_t k = 0; k < n; k++) {
      double d0 = n0 ? cdot(&lv[k], x->c0) / n0 : 0;
      double d1 = n1 ? cdot(&lv[k], x->c1) / n1 : 0;
      uint8_t s = d1 > d0;
      changed |= s != side[k];
      side[k] = s;
    }
    clear_centroid(lv, n, x->c0);
    clear_centroid(lv, n, x->c1);
    if (!changed) break;
  }
  size_t ones = 0;
  for (size_t k = 0; k < n; k++) ones += side[k];
  return ones && ones < n ? 0 : -1;
}

/* Mean local cosine inside the halves and across them, from the halves'
 * sums: the dot products of all pairs inside a half add up to
 * (|sum|^2 - sum of |v|^2) / 2, and across to sum0 . sum1, so the cost is
 * the members' terms, not the square of the story's size. */
static void cohesion(split_ctx *x, const lvec *lv, size_t n, const uint8_t *side,
                     double *within, double *across) {
  centroid_of(lv, side, n, 0, x->c0);
  centroid_of(lv, side, n, 1, x->c1);
  double self[2] = {0, 0}, sq[2] = {0, 0}, cross = 0, cnt[2] = {0, 0};
  for (size_t k = 0; k < n; k++) {
    int s = side[k];
    cnt[s]++;
    self[s] += ldot(&lv[k], &lv[k]);
    /* |sum_s|^2 = sum over the members of s of v . sum_s */
    sq[s] += cdot(&lv[k], s ? x->c1 : x->c0);
    if (!s) cross += cdot(&lv[k], x->c1);
  }
  clear_centroid(lv, n, x->c0);
  clear_centroid(lv, n, x->c1);
  double nw = (cnt[0] * (cnt[0] - 1) + cnt[1] * (cnt[1] - 1)) / 2;
  double na = cnt[0] * cnt[1];
  *within = nw > 0 ? ((sq[0] - self[0]) + (sq[1] - self[1])) / 2 / nw : 0;
  *across = na > 0 ? cross / na : 0;
}

static double xlogx(double a) { return a > 0 ? a * log(a) : 0; }

/* How many terms the two halves use differently beyond chance: the G-test
 * (log-likelihood ratio) of each local term's presence against the halves.
 * Two events give their own names, places and figures to each half; one
 * event cut in two (the reports that name the suspect and the ones that
 * do not) differs in a handful of terms only, however tight the halves
 * are, so cohesion alone cannot tell the two apart. */
static int tied_terms(split_ctx *x, const lvec *lv, size_t n,
                      const uint8_t *side) {
  double n1 = 0;
  for (size_t k = 0; k < n; k++) {
    n1 += side[k];
    for (uint32_t i = 0; i < lv[k].n; i++) {
      x->df[lv[k].v[i].term]++;
      x->df1[lv[k].v[i].term] += side[k];
    }
  }
  double n0 = (double)n - n1, all = (double)n;
  int tied = 0;
  for (size_t k = 0; k < n; k++)
    for (uint32_t i = 0; i < lv[k].n; i++) {
      uint32_t t = lv[k].v[i].term;
      if (!x->df[t]) continue; /* counted already */
      double a = x->df1[t], b = x->df[t] - a; /* users in half 1, half 0 */
      double c = n1 - a, d = n0 - b;
      double g = 2 * (xlogx(a) + xlogx(b) + xlogx(c) + xlogx(d) + xlogx(all) -
                      xlogx(a + b) - xlogx(c + d) - xlogx(a + c) - xlogx(b + d));
      tied += g > SPLIT_G_CRIT;
      x->df[t] = x->df1[t] = 0;
    }
  return tied;
}

/* One half is a single report: an outlier cut off, not a second event.
 * The term test has no power there (one report ties no term to its side
 * at p < 0.001 in a story of fewer than ~80), so cohesion alone decides. */
static int lone_member(const uint8_t *side, size_t n) {
  size_t ones = 0;
  for (size_t k = 0; k < n; k++) ones += side[k];
  return ones == 1 || ones + 1 == n;
}

int cr_split_stories(const cr_termvec *vecs, size_t n, const uint32_t *order,
                     int32_t *story, const int32_t *fixed, int32_t nstories,
                     const uint8_t *splittable, size_t nterms, float ratio,
                     float min_within, int32_t *next_id) {
  split_ctx x = {calloc(nterms ? nterms : 1, sizeof *x.df),
                 calloc(nterms ? nterms : 1, sizeof *x.df1),
                 calloc(nterms ? nterms : 1, sizeof *x.c0),
                 calloc(nterms ? nterms : 1, sizeof *x.c1), nterms};
  /* members of each story, by counting sort */
  uint32_t *start = calloc((size_t)nstories + 1, sizeof *start);
  uint32_t *mem = malloc((n ? n : 1) * sizeof *mem);
  lvec *lv = calloc(SPLIT_MAX_SIZE, sizeof *lv);
  uint8_t *side = malloc(SPLIT_MAX_SIZE);
  int rc = -1;
  if (!x.df || !x.df1 || !x.c0 || !x.c1 || !start || !mem || !lv || !side) goto done;
  for (size_t i = 0; i < n; i++)
    if (fixed[i] < 0) start[story[i] + 1]++;
  for (int32_t s = 0; s < nstories; s++) start[s + 1] += start[s];
  {
    uint32_t *fill = calloc((size_t)nstories, sizeof *fill);
    if (!fill) goto done;
    /* members listed in processing order, not input order, so a split
     * does not depend on how the input was listed */
    for (size_t k = 0; k < n; k++) {
      uint32_t i = order[k];
      if (fixed[i] < 0) mem[start[story[i]] + fill[story[i]]++] = i;
    }
    free(fill);
  }
  for (int32_t s = 0; s < nstories; s++) {
    size_t m = start[s + 1] - start[s];
    if (m < SPLIT_MIN_SIZE || m > SPLIT_MAX_SIZE || !splittable[s]) continue;
    const uint32_t *ms = mem + start[s];
    if (local_vectors(&x, vecs, ms, m, lv)) goto done;
    double within = 0, across = 0;
    int ok = two_means(&x, lv, m, side) == 0;
    if (ok) cohesion(&x, lv, m, side, &within, &across);
    ok = ok && within >= min_within && within >= ratio * across &&
         (lone_member(side, m) || tied_terms(&x, lv, m, side) >= SPLIT_MIN_TIED);
    for (size_t k = 0; k < m; k++) free(lv[k].v), lv[k].v = NULL;
    if (!ok) continue;
    int32_t id = (*next_id)++;
    for (size_t k = 0; k < m; k++)
      if (side[k]) story[ms[k]] = id;
  }
  rc = 0;
done:
  free(x.df);
  free(x.df1);
  free(x.c0);
  free(x.c1);
  free(start);
  free(mem);
  free(lv);
  free(side);
  return rc;
}
