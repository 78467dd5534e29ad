/* test_dedup_cluster.c — dedup (exact, near, derived, no false pair) and
 * story clustering (events apart, input-order insensitivity, duplicates
 * joining their original), on the bundled real reports and edits of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "core/corpus.h"
#include "dedup/dedup.h"

#define EXAMPLE "examples/brussels-2024-10-17"

/* The text of the i-th example report (heap). */
static char *example_text(size_t i, size_t *len) {
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_path(c, EXAMPLE, CR_INPUT_AUTO), CR_OK);
  assert_true(cr_corpus_doc_count(c) > i);
  size_t n;
  const char *t = cr_doc_text(cr_corpus_doc(c, i), &n);
  char *s = malloc(n + 1);
  memcpy(s, t, n + 1);
  *len = n;
  cr_corpus_free(c);
  return s;
}

/* The text with the word at the k-th space replaced. */
static char *edit_word(const char *s, size_t n, int k) {
  char *out = malloc(n + 16);
  const char *p = s;
  for (int i = 0; i < k && (p = strchr(p + 1, ' ')); i++) {}
  assert_non_null(p);
  size_t at = (size_t)(p - s) + 1;
  const char *e = strchr(s + at, ' ');
  size_t end = e ? (size_t)(e - s) : n;
  memcpy(out, s, at);
  memcpy(out + at, "zqxj", 4);
  memcpy(out + at + 4, s + end, n - end + 1);
  return out;
}

/* The text with every period-th word from the offset-th on replaced. */
static char *edit_every(const char *s, size_t n, int period, int offset) {
  char *out = malloc(n * 2 + 16), *o = out;
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int space = s[i] == ' ' || s[i] == '\n';
    if (!space && !in) {
      in = 1;
      if (w >= offset && (w - offset) % period == 0) {
        memcpy(o, "zqxj", 4);
        o += 4;
        while (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\n') i++;
        w++;
        continue;
      }
      w++;
    }
    if (space) in = 0;
    *o++ = s[i];
  }
  *o = '\0';
  return out;
}

static void add(cr_corpus *c, const char *name, const char *s) {
  assert_int_equal(cr_corpus_add_memory(c, name, s, strlen(s), CR_INPUT_TEXT), CR_OK);
}

static void dedup_finds_exact_near_and_derived(void **state) {
  (void)state;
  size_t n0, n1;
  char *a = example_text(0, &n0), *b = example_text(1, &n1);
  char *near = edit_word(a, n0, 40);
  /* the first half of the report, cut at a line break */
  char *half = malloc(n0 + 1);
  memcpy(half, a, n0 + 1);
  char *cut = strchr(half + n0 / 2, '\n');
  assert_non_null(cut);
  *cut = '\0';
  /* exact copy re-wrapped: spacing and line breaks do not count */
  char *wrapped = malloc(n0 + 1);
  memcpy(wrapped, a, n0 + 1);
  for (char *p = wrapped; *p; p++)
    if (*p == ' ' && p[1] != ' ' && (p - wrapped) % 97 == 0) *p = '\n';
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "a.txt", a);
  add(c, "b.txt", b);
  add(c, "near.txt", near);
  add(c, "half.txt", half);
  add(c, "copy.txt", a);
  add(c, "empty.txt", "* * *\n"); /* no word: an empty body */
  add(c, "wrapped.txt", wrapped);
  cr_dedup *dd = NULL;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  double sim = 0;
  assert_int_equal(cr_dedup_duplicate_of(dd, 1, NULL), -1);   /* another report */
  assert_int_equal(cr_dedup_duplicate_of(dd, 2, &sim), 0);    /* one word changed */
  assert_true(sim >= 0.8 && sim < 1.0);
  assert_false(cr_dedup_is_exact(dd, 2));
  assert_int_equal(cr_dedup_duplicate_of(dd, 4, &sim), 0);    /* exact */
  assert_true(sim == 1.0 && cr_dedup_is_exact(dd, 4));
  assert_int_equal(cr_dedup_duplicate_of(dd, 3, NULL), -1);   /* half: Jaccard ~0.5 */
  assert_int_equal(cr_dedup_derived_from(dd, 3, &sim), 0);    /* ... but derived */
  assert_true(sim >= 0.8);
  assert_int_equal(cr_dedup_duplicate_of(dd, 5, NULL), -1);   /* empty body */
  assert_int_equal(cr_dedup_derived_from(dd, 5, NULL), -1);
  assert_int_equal(cr_dedup_derived_from(dd, 1, NULL), -1);
  assert_int_equal(cr_dedup_duplicate_of(dd, 6, &sim), 0);    /* re-wrapped */
  assert_true(sim >= 0.8);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  free(a);
  free(b);
  free(near);
  free(half);
  free(wrapped);
}

/* No reported pair below the threshold, whatever the threshold. */
static void dedup_reports_no_false_pair(void **state) {
  (void)state;
  size_t n0;
  char *a = example_text(2, &n0);
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "a.txt", a);
  char name[32];
  for (int k = 1; k <= 12; k++) { /* progressively more edited copies */
    char *cur = malloc(n0 + 1);
    memcpy(cur, a, n0 + 1);
    for (int e = 0; e < k * 3; e++) {
      char *nx = edit_word(cur, strlen(cur), 5 + e * 7);
      free(cur);
      cur = nx;
    }
    snprintf(name, sizeof name, "e%d.txt", k);
    add(c, name, cur);
    free(cur);
  }
  double ts[] = {0.5, 0.8, 0.9};
  for (size_t t = 0; t < 3; t++) {
    cr_dedup_options o = {ts[t], 0, 0, 0};
    cr_dedup *dd = NULL;
    assert_int_equal(cr_dedup_new(c, &o, &dd), CR_OK);
    size_t found = 0;
    for (size_t i = 0; i < cr_corpus_doc_count(c); i++) {
      double sim;
      if (cr_dedup_duplicate_of(dd, i, &sim) >= 0) {
        assert_true(sim >= ts[t]);
        found++;
      }
    }
    assert_true(found >= 1);
    cr_dedup_free(dd);
  }
  cr_corpus_free(c);
  free(a);
}

static void lsh_bands_follow_threshold(void **state) {
  (void)state;
  size_t r = cr_lsh_rows(0.8, 128);
  assert_true(cr_lsh_candidate_prob(0.8, r, 128 / r) >= 0.995);
  assert_true(cr_lsh_candidate_prob(0.8, r + 1, 128 / (r + 1)) < 0.995);
  assert_true(cr_lsh_rows(0.9, 128) > r); /* a higher threshold: more rows */
}

static uint64_t test_rng(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Over random pairs of n-shingle sets sharing c shingles: the fraction
 * of signature bins that agree (should track the Jaccard) and of pairs
 * that share a whole LSH band (a candidate). */
static void minhash_rates(size_t n, size_t c, double *agree, double *cand) {
  enum { TRIALS = 200 };
  uint64_t seed = 7, *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
  uint32_t sa[CR_DEDUP_PERMS], sb[CR_DEDUP_PERMS];
  size_t rows = cr_lsh_rows(CR_DEDUP_THRESHOLD, CR_DEDUP_PERMS), same = 0, hits = 0;
  for (int t = 0; t < TRIALS; t++) {
    for (size_t i = 0; i < n; i++) {
      a[i] = test_rng(&seed);
      b[i] = i < c ? a[i] : test_rng(&seed);
    }
    cr_minhash(a, n, CR_DEDUP_PERMS, sa);
    cr_minhash(b, n, CR_DEDUP_PERMS, sb);
    int hit = 0;
    for (size_t i = 0; i < CR_DEDUP_PERMS; i++) same += sa[i] == sb[i];
    for (size_t k = 0; k + rows <= CR_DEDUP_PERMS; k += rows)
      hit |= !memcmp(sa + k, sb + k, rows * sizeof *sa);
    hits += hit;
  }
  *agree = (double)same / (TRIALS * CR_DEDUP_PERMS);
  *cand = (double)hits / TRIALS;
  free(a);
  free(b);
}

/* One-permutation MinHash with densification: bins agree about as often
 * as the Jaccard says, for long reports and for short ones (most bins
 * empty), and the LSH bands find pairs at the threshold, not far under. */
static void minhash_tracks_jaccard(void **state) {
  (void)state;
  double agree, cand;
  minhash_rates(400, 356, &agree, &cand); /* J = 356 / 444 = 0.80 */
  assert_true(agree > 0.77 && agree < 0.83);
  assert_true(cand >= 0.98);
  minhash_rates(400, 267, &agree, &cand); /* J = 0.50 */
  assert_true(agree > 0.46 && agree < 0.54);
  minhash_rates(400, 133, &agree, &cand); /* J = 0.20 */
  assert_true(agree > 0.17 && agree < 0.23);
  assert_true(cand < 0.05);
  minhash_rates(20, 18, &agree, &cand); /* 20 shingles, J = 0.82 */
  assert_true(agree > 0.76 && agree < 0.88);
  assert_true(cand >= 0.95);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* The typed sort agrees with qsort, repeats and sorted runs included. */
static void sort_u64_sorts(void **state) {
  (void)state;
  uint64_t seed = 3;
  for (size_t n = 0; n < 3000; n = n * 2 + 1)
    for (int kind = 0; kind < 4; kind++) {
      uint64_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
      for (size_t i = 0; i < n; i++) {
        uint64_t r = test_rng(&seed);
        a[i] = kind == 0 ? r : kind == 1 ? r % 5 : kind == 2 ? i : n - i;
      }
      memcpy(b, a, n * sizeof *a);
      cr_sort_u64(a, n);
      if (n) qsort(b, n, sizeof *b, cmp_u64);
      assert_memory_equal(a, b, n * sizeof *a);
      free(a);
      free(b);
    }
}

/* The streaming sketch of a segmented report (cr_corpus_segment: no
 * stems, metadata or attributions) is the sketch of the analyzed report,
 * and analysis goes on from segmentation to the same document. */
static void segmented_reports_sketch_alike(void **state) {
  (void)state;
  size_t n;
  char *a = example_text(0, &n), *b = example_text(2, &n);
  const char *wrapped =
      "Advertisement\n\nFormer Employee Charged With Murder After Shooting At Office\n"
      "Party In Denver.\n\nPolice said the gunman entered the party of at least a dozen\n"
      "people around 4 p.m. and said a newsletter sent that morning\nhad named him as a speaker.\n";
  cr_corpus *seg = cr_corpus_new(NULL), *full = cr_corpus_new(NULL), *both = cr_corpus_new(NULL);
  const char *texts[] = {a, b, wrapped, "Advertisement\n\nSign up for our newsletter\n"};
  for (size_t i = 0; i < 4; i++) {
    add(seg, "r.txt", texts[i]);
    add(full, "r.txt", texts[i]);
    add(both, "r.txt", texts[i]);
  }
  assert_int_equal(cr_corpus_segment(seg), 0);
  assert_int_equal(cr_corpus_analyze(full), CR_OK);
  assert_int_equal(cr_corpus_segment(both), 0);
  assert_int_equal(cr_corpus_analyze(both), CR_OK);
  cr_dedup_stream *s = cr_dedup_stream_new(NULL);
  for (size_t i = 0; i < 4; i++) {
    const cr_doc *x = cr_corpus_doc(seg, i), *y = cr_corpus_doc(full, i), *z = cr_corpus_doc(both, i);
    assert_false(x->analyzed);
    cr_dedup_sketch_t kx, ky;
    assert_int_equal(cr_dedup_sketch(s, x, &kx), 0);
    assert_int_equal(cr_dedup_sketch(s, y, &ky), 0);
    assert_true(kx.body_lo == ky.body_lo && kx.body_hi == ky.body_hi);
    assert_int_equal(kx.nsh, ky.nsh);
    assert_int_equal(kx.nkeys, ky.nkeys);
    if (kx.nsh) assert_memory_equal(kx.sh, ky.sh, kx.nsh * sizeof *kx.sh);
    if (kx.nkeys) assert_memory_equal(kx.keys, ky.keys, kx.nkeys * sizeof *kx.keys);
    assert_int_equal(i < 3, kx.nsh > 0); /* the chrome-only report has none */
    /* segmented, then analyzed: the document analysis alone makes */
    assert_int_equal(z->ntoks, y->ntoks);
    assert_int_equal(z->nsents, y->nsents);
    assert_int_equal(z->words, y->words);
    for (size_t k = 0; k < y->ntoks; k++) assert_int_equal(z->toks[k].term, y->toks[k].term);
    assert_true((z->meta.title == NULL) == (y->meta.title == NULL));
    cr_dedup_sketch_free(&kx);
    cr_dedup_sketch_free(&ky);
  }
  cr_dedup_stream_free(s);
  cr_corpus_free(seg);
  cr_corpus_free(full);
  cr_corpus_free(both);
  free(a);
  free(b);
}

static void dates_are_found(void **state) {
  (void)state;
  const char *s1 = "http: / / x. com / 2013 / 05 / 02 / story\nHeadline";
  const char *s2 = "Posted May 3, 2013 1: 35 pm.";
  const char *s3 = "Sat 12 November 2011";
  assert_int_equal(cr_find_date(s1, strlen(s1)), cr_days_from_civil(2013, 5, 2));
  assert_int_equal(cr_find_date(s2, strlen(s2)), cr_days_from_civil(2013, 5, 3));
  assert_int_equal(cr_find_date(s3, strlen(s3)), cr_days_from_civil(2011, 11, 12));
  assert_int_equal(cr_find_date("no date 33 here", 15), CR_NO_DAY);
  assert_int_equal(cr_days_from_civil(1970, 1, 1), 0);
}

/* Two events of one kind, told with different people, places and numbers. */
static const char *quake_a[] = {
    "A magnitude 6.1 earthquake struck near Ridgecrest on Tuesday, the Geological Survey said. Mayor Peggy Breeden said 14 buildings in Ridgecrest collapsed.",
    "Ridgecrest was shaken by a 6.1 quake on Tuesday. Peggy Breeden, the mayor, told reporters 14 buildings fell and two people were hurt in Ridgecrest.",
    "The 6.1 earthquake near Ridgecrest damaged 14 buildings, Mayor Breeden said on Tuesday, as aftershocks rattled the Mojave town of Ridgecrest.",
};
static const char *quake_b[] = {
    "A magnitude 7.3 earthquake hit Kumamoto on Saturday, Japan's Meteorological Agency said. Governor Ikuo Kabashima said 41 people died in Kumamoto.",
    "Kumamoto was struck by a 7.3 quake on Saturday. Ikuo Kabashima, the governor, said 41 were killed and thousands left homes in Kumamoto.",
    "The 7.3 earthquake in Kumamoto killed 41 people, Governor Kabashima said on Saturday, as rescuers searched collapsed homes across Kumamoto.",
};

static cr_clustering *cluster_list(const char **docs, const int *order, size_t n,
                                   cr_corpus **out) {
  cr_corpus *c = cr_corpus_new(NULL);
  char name[16];
  for (size_t i = 0; i < n; i++) {
    snprintf(name, sizeof name, "d%d.txt", order[i]);
    add(c, name, docs[order[i]]);
  }
  cr_dedup *dd = NULL;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  cr_clustering *k = NULL;
  assert_int_equal(cr_cluster_new(c, NULL, dd, &k), CR_OK);
  cr_dedup_free(dd);
  *out = c;
  return k;
}

static void cluster_tells_events_apart(void **state) {
  (void)state;
  const char *docs[7];
  for (int i = 0; i < 3; i++) docs[i] = quake_a[i], docs[3 + i] = quake_b[i];
  docs[6] = quake_b[1]; /* an exact copy joins its original's story */
  int fwd[7] = {0, 1, 2, 3, 4, 5, 6}, rev[7] = {6, 5, 4, 3, 2, 1, 0};
  cr_corpus *c1, *c2;
  cr_clustering *k1 = cluster_list(docs, fwd, 7, &c1);
  cr_clustering *k2 = cluster_list(docs, rev, 7, &c2);
  assert_int_equal(cr_clustering_count(k1), 2);
  assert_int_equal(cr_clustering_story(k1, 0), cr_clustering_story(k1, 1));
  assert_int_equal(cr_clustering_story(k1, 0), cr_clustering_story(k1, 2));
  assert_int_equal(cr_clustering_story(k1, 3), cr_clustering_story(k1, 5));
  assert_int_equal(cr_clustering_story(k1, 6), cr_clustering_story(k1, 4));
  assert_int_not_equal(cr_clustering_story(k1, 0), cr_clustering_story(k1, 3));
  /* the same partition when the input is listed backwards */
  for (int i = 0; i < 7; i++)
    for (int j = 0; j < 7; j++) {
      int same1 = cr_clustering_story(k1, (size_t)i) == cr_clustering_story(k1, (size_t)j);
      int same2 = cr_clustering_story(k2, (size_t)(6 - i)) == cr_clustering_story(k2, (size_t)(6 - j));
      assert_int_equal(same1, same2);
    }
  cr_clustering_free(k1);
  cr_clustering_free(k2);
  cr_corpus_free(c1);
  cr_corpus_free(c2);
}

static void cluster_empty_and_single(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  cr_clustering *k = NULL;
  assert_int_equal(cr_cluster_new(c, NULL, NULL, &k), CR_OK);
  assert_int_equal(cr_clustering_count(k), 0);
  cr_clustering_free(k);
  add(c, "e.txt", "* * *\n");
  add(c, "q.txt", quake_a[0]);
  assert_int_equal(cr_cluster_new(c, NULL, NULL, &k), CR_OK);
  assert_int_equal(cr_clustering_count(k), 2); /* an empty body is its own story */
  cr_clustering_free(k);
  cr_corpus_free(c);
}

/* Near duplication is not transitive: X and Y are each an edit of A but
 * not near each other; listed X, Y, A, all three are one group. */
static void dedup_groups_join_non_transitive_copies(void **state) {
  (void)state;
  size_t n;
  char *a = example_text(0, &n);
  char *x = edit_every(a, n, 60, 3), *y = edit_every(a, n, 60, 33);
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "x.txt", x);
  add(c, "y.txt", y);
  add(c, "a.txt", a);
  cr_dedup *dd;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  double sxa, sya;
  /* A's earliest verified original is X; Y has no earlier partner ... */
  assert_int_equal(cr_dedup_duplicate_of(dd, 2, &sxa), 0);
  assert_true(sxa >= 0.8);
  assert_int_equal(cr_dedup_duplicate_of(dd, 1, NULL), -1);
  /* ... but was verified with A, and is in X's group */
  assert_int_equal(cr_dedup_partner(dd, 1, &sya), 2);
  assert_true(sya >= 0.8);
  assert_int_equal(cr_dedup_group(dd, 1), 0);
  assert_int_equal(cr_dedup_group(dd, 2), 0);
  assert_int_equal(cr_dedup_group(dd, 0), 0);
  /* and X, Y really are below the threshold with each other */
  cr_corpus *c2 = cr_corpus_new(NULL);
  add(c2, "x.txt", x);
  add(c2, "y.txt", y);
  cr_dedup *d2;
  assert_int_equal(cr_dedup_new(c2, NULL, &d2), CR_OK);
  assert_int_equal(cr_dedup_group(d2, 1), 1);
  /* clustering puts the group in one story */
  cr_clustering *k;
  assert_int_equal(cr_cluster_new(c, NULL, dd, &k), CR_OK);
  assert_int_equal(cr_clustering_story(k, 1), cr_clustering_story(k, 0));
  cr_clustering_free(k);
  cr_dedup_free(d2);
  cr_dedup_free(dd);
  cr_corpus_free(c2);
  cr_corpus_free(c);
  free(a);
  free(x);
  free(y);
}

/* The second text is an exact copy of the first. */
static void assert_exact_copy(const char *flat, const char *wrapped) {
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "flat.txt", flat);
  add(c, "wrapped.txt", wrapped);
  cr_dedup *dd;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  assert_int_equal(cr_dedup_duplicate_of(dd, 1, NULL), 0);
  assert_true(cr_dedup_is_exact(dd, 1));
  cr_dedup_free(dd);
  cr_corpus_free(c);
}

/* Hard-wrapped lines change no word of the body, even when the first
 * wrapped line looks like a headline. */
static void dedup_sees_through_rewrapping(void **state) {
  (void)state;
  const char *flat =
      "A former employee who opened fire at an office Christmas party killing one man "
      "has been charged with first-degree murder, police said Saturday.\n\n"
      "Police said the gunman entered the party of at least a dozen people around "
      "4 p.m. and gave himself up just after 6 p.m. after negotiations.\n";
  const char *wrapped =
      "A former employee who opened fire at an office Christmas\n"
      "party killing one man has been charged with first-degree\n"
      "murder, police said Saturday.\n\n"
      "Police said the gunman entered the party of at least a\n"
      "dozen people around 4 p.m. and gave himself up just after\n"
      "6 p.m. after negotiations.\n";
  assert_exact_copy(flat, wrapped);
}

/* A wrapped copy with chrome around it is still an exact copy: a first
 * line that would pass for a headline, a line with a chrome word and a
 * wrapped legal notice are judged with their whole paragraph. */
static void dedup_sees_through_wrapped_chrome(void **state) {
  (void)state;
  const char *flat =
      "Former Employee Charged With Murder After Shooting At Office Party In Denver.\n\n"
      "Police said the gunman entered the party of at least a dozen people around "
      "4 p.m. and said a newsletter sent that morning had named him as a speaker.\n\n"
      "He gave himself up just after 6 p.m. after negotiations with officers, "
      "police said on Saturday.\n";
  const char *wrapped =
      "Advertisement\n\n"
      "Former Employee Charged With Murder After Shooting At Office\n"
      "Party In Denver.\n\n"
      "Police said the gunman entered the party of at least a dozen\n"
      "people around 4 p.m. and said a newsletter sent that morning\n"
      "had named him as a speaker.\n\n"
      "He gave himself up just after 6 p.m. after negotiations with\n"
      "officers, police said on Saturday.\n\n"
      "Copyright 2016 The Example Press. All rights reserved. This\n"
      "material may not be published, broadcast, rewritten or\n"
      "redistributed.\n";
  assert_exact_copy(flat, wrapped);
}

/* A flood of near copies fills one LSH bucket per band far past the
 * bound on pairs per bucket; every copy still joins the group, in the
 * streaming pass and in memory. */
static void dedup_flood_of_copies_is_one_group(void **state) {
  (void)state;
  enum { COPIES = 150 };
  size_t n;
  char *a = example_text(0, &n);
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "a.txt", a);
  for (int i = 1; i < COPIES; i++) {
    char *x = edit_word(a, n, 20 + i);
    add(c, "copy.txt", x);
    free(x);
  }
  cr_dedup *dd;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  cr_dedup_stream *s = cr_dedup_stream_new(NULL);
  for (size_t i = 0; i < COPIES; i++) assert_int_equal(cr_dedup_stream_add(s, cr_corpus_doc(c, i)), 0);
  assert_int_equal(cr_dedup_stream_finish(s), 0);
  for (size_t i = 0; i < COPIES; i++) {
    assert_int_equal(cr_dedup_stream_group(s, i), 0);
    assert_int_equal(cr_dedup_group(dd, i), 0);
  }
  cr_dedup_stream_free(s);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  free(a);
}

/* The streaming pass finds the groups the in-memory pass finds. */
static void dedup_stream_matches_in_memory(void **state) {
  (void)state;
  size_t n;
  char *a = example_text(0, &n), *b = example_text(1, &n);
  size_t na = strlen(a);
  char *x = edit_every(a, na, 60, 3), *y = edit_every(a, na, 60, 33);
  cr_corpus *c = cr_corpus_new(NULL);
  add(c, "x.txt", x);
  add(c, "b.txt", b);
  add(c, "y.txt", y);
  add(c, "a.txt", a);
  add(c, "b2.txt", b);
  cr_dedup *dd;
  assert_int_equal(cr_dedup_new(c, NULL, &dd), CR_OK);
  cr_dedup_stream *s = cr_dedup_stream_new(NULL);
  assert_non_null(s);
  for (size_t i = 0; i < cr_corpus_doc_count(c); i++)
    assert_int_equal(cr_dedup_stream_add(s, cr_corpus_doc(c, i)), 0);
  assert_int_equal(cr_dedup_stream_finish(s), 0);
  assert_int_equal(cr_dedup_stream_count(s), 5);
  size_t copies = 0;
  for (size_t i = 0; i < 5; i++) {
    assert_int_equal(cr_dedup_stream_group(s, i), cr_dedup_group(dd, i));
    copies += cr_dedup_stream_group(s, i) != i;
  }
  assert_int_equal(copies, 3); /* y and a join x; b2 joins b */
  cr_dedup_stream_free(s);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  free(a);
  free(b);
  free(x);
  free(y);
}

/* ---- the clustering engine on synthetic vectors (online.c) */

/* A unit vector over terms t[0..n) with weights w[0..n) (sorted terms). */
static cr_termvec unit_vec(const uint32_t *t, const float *w, uint32_t n) {
  cr_termvec v = {malloc(n * sizeof(cr_tw)), n, 1.0f};
  double sq = 0;
  for (uint32_t i = 0; i < n; i++) sq += (double)w[i] * w[i];
  for (uint32_t i = 0; i < n; i++) {
    v.v[i].term = t[i];
    v.v[i].w = (float)(w[i] / sqrt(sq));
  }
  return v;
}

/* One report of group g (copy k): a term every group shares, three terms
 * of its group and one of its own.  Across groups the cosine is 0.16
 * (under the 0.2 to join), inside a group 0.77. */
static cr_termvec group_doc(uint32_t g, uint32_t k) {
  uint32_t t[5] = {7, 100 + 3 * g, 101 + 3 * g, 102 + 3 * g, 100000 + 10 * g + k};
  float w[5] = {0.4f, 0.45f, 0.45f, 0.45f, 0.48f};
  return unit_vec(t, w, 5);
}

/* 100 events share a common term, so a report's lookup touches far more
 * stories than the engine compares exactly: the ranking by the postings'
 * partial score must still bring its own story to the top (ranking by age
 * would lose every group past the first few). */
static void online_finds_story_among_many(void **state) {
  (void)state;
  enum { G = 100, K = 3, N = G * K };
  cr_termvec *v = malloc(N * sizeof *v);
  int32_t *days = malloc(N * sizeof *days), *fixed = malloc(N * sizeof *fixed);
  int32_t *story = malloc(N * sizeof *story);
  uint32_t *order = malloc(N * sizeof *order);
  for (uint32_t i = 0; i < N; i++) {
    /* copies of a group far apart in the order */
    v[i] = group_doc(i % G, i / G);
    days[i] = CR_NO_DAY;
    fixed[i] = -1;
    order[i] = i;
  }
  for (int pass = 0; pass < 2; pass++) {
    cr_online *o = cr_online_new(NULL);
    if (pass) /* backwards: the same partition */
      for (uint32_t i = 0; i < N; i++) order[i] = N - 1 - i;
    assert_true(cr_online_run(o, v, days, fixed, N, order, story) >= G);
    for (uint32_t i = 0; i < N; i++)
      for (uint32_t j = 0; j < N; j++)
        assert_int_equal(story[i] == story[j], i % G == j % G);
    cr_online_free(o);
  }
  for (uint32_t i = 0; i < N; i++) free(v[i].v);
  free(v);
  free(days);
  free(fixed);
  free(story);
  free(order);
}

/* Stored stories seed the engine: a report of a stored event joins it, a
 * stored story nothing joins keeps its centroid exactly, two stored
 * stories are never merged even when alike, and a new event starts a
 * story after the seeds. */
static void online_seeded_stories(void **state) {
  (void)state;
  enum { S = 40 };
  cr_online *o = cr_online_new(NULL);
  cr_termvec seeds[S + 1];
  for (uint32_t g = 0; g < S; g++) {
    cr_termvec a = group_doc(g, 0), b = group_doc(g, 1);
    /* a stored story of two reports: the sum of their vectors */
    uint32_t t[6];
    float w[6];
    for (uint32_t i = 0; i < 4; i++) t[i] = a.v[i].term, w[i] = a.v[i].w + b.v[i].w;
    t[4] = a.v[4].term, w[4] = a.v[4].w;
    t[5] = b.v[4].term, w[5] = b.v[4].w;
    seeds[g] = (cr_termvec){malloc(6 * sizeof(cr_tw)), 6, 1.0f};
    for (uint32_t i = 0; i < 6; i++) seeds[g].v[i].term = t[i], seeds[g].v[i].w = w[i];
    assert_int_equal(cr_online_seed(o, &seeds[g], 100, 101, 2), (int32_t)g);
    free(a.v);
    free(b.v);
  }
  /* a stored story just like story 3 */
  seeds[S] = (cr_termvec){malloc(6 * sizeof(cr_tw)), 6, 1.0f};
  memcpy(seeds[S].v, seeds[3].v, 6 * sizeof(cr_tw));
  assert_int_equal(cr_online_seed(o, &seeds[S], 100, 101, 2), S);
  /* new: a third report of event 5, and a report of a new event */
  cr_termvec v[2] = {group_doc(5, 2), group_doc(S + 7, 0)};
  int32_t days[2] = {CR_NO_DAY, CR_NO_DAY}, fixed[2] = {-1, -1}, story[2];
  uint32_t order[2] = {0, 1};
  int32_t ns = cr_online_run(o, v, days, fixed, 2, order, story);
  assert_true(ns > S + 1);
  assert_int_equal(story[0], 5);
  assert_true(story[1] > S);
  uint32_t size;
  const cr_termvec *c = cr_online_centroid(o, 5, NULL, NULL, &size);
  assert_int_equal(size, 3);
  assert_int_equal(c->n, 7);
  for (uint32_t g = 0; g <= S; g++) {
    if (g == 5) continue;
    int32_t lo, hi;
    c = cr_online_centroid(o, (int32_t)g, &lo, &hi, &size);
    assert_int_equal(size, 2);
    assert_int_equal(lo, 100);
    assert_int_equal(hi, 101);
    assert_int_equal(c->n, 6);
    assert_memory_equal(c->v, seeds[g].v, 6 * sizeof(cr_tw));
  }
  for (uint32_t g = 0; g <= S; g++) free(seeds[g].v);
  free(v[0].v);
  free(v[1].v);
  cr_online_free(o);
}

/* A stored story that nothing joined in the single pass must still be
 * found by the reassignment rounds: report 1 first joins the new story of
 * report 0 (cosine 0.5 against the stored story's 0.4), but once report 2
 * has joined too, its story without it scores (0.5 + 0.15) / 2 < 0.4 and
 * it moves to the stored story. */
static void online_idle_seed_stays_findable(void **state) {
  (void)state;
  cr_online *o = cr_online_new(NULL);
  uint32_t zt[1] = {3};
  float zw[1] = {2.0f}; /* two stored reports, both e3 */
  cr_termvec z = {malloc(sizeof(cr_tw)), 1, 2.0f};
  z.v[0].term = zt[0];
  z.v[0].w = zw[0];
  assert_int_equal(cr_online_seed(o, &z, CR_NO_DAY, CR_NO_DAY, 2), 0);
  uint32_t t0[1] = {1}, t1[3] = {1, 3, 4}, t2[2] = {1, 2};
  float w0[1] = {1.0f}, w1[3] = {0.5f, 0.4f, 0.768115f}, w2[2] = {0.3f, 0.953939f};
  cr_termvec v[3] = {unit_vec(t0, w0, 1), unit_vec(t1, w1, 3), unit_vec(t2, w2, 2)};
  int32_t days[3] = {CR_NO_DAY, CR_NO_DAY, CR_NO_DAY}, fixed[3] = {-1, -1, -1}, story[3];
  uint32_t order[3] = {0, 1, 2};
  assert_true(cr_online_run(o, v, days, fixed, 3, order, story) > 1);
  assert_int_equal(story[1], 0);
  assert_int_equal(story[0], story[2]);
  assert_int_not_equal(story[0], 0);
  for (int i = 0; i < 3; i++) free(v[i].v);
  free(z.v);
  cr_online_free(o);
}

/* Ten reports of one story, five on each side of a tight cut (the cohesion
 * test alone would split them): every report has the story's terms and
 * one of its own, and each side has `tied` terms all of its reports use
 * and the other side's never do.  Returns how many ended in story 0. */
static size_t split_with_tied_terms(uint32_t tied) {
  enum { N = 10 };
  cr_termvec v[N];
  int32_t story[N], fixed[N];
  uint32_t order[N];
  for (uint32_t i = 0; i < N; i++) {
    uint32_t t[16], n = 0;
    float w[16];
    for (uint32_t c = 1; c <= 3; c++) t[n] = c, w[n++] = 1.0f; /* the story */
    for (uint32_t k = 0; k < tied; k++) /* its side's own terms */
      t[n] = (i < N / 2 ? 50 : 70) + k, w[n++] = 0.5f;
    t[n] = 200 + i, w[n++] = 0.5f; /* its own */
    v[i] = unit_vec(t, w, n);
    story[i] = 0;
    fixed[i] = -1;
    order[i] = i;
  }
  uint8_t ok = 1;
  int32_t next = 1;
  assert_int_equal(cr_split_stories(v, N, order, story, fixed, 1, &ok, 256,
                                    4.0f, 0.05f, &next), 0);
  size_t left = 0;
  for (uint32_t i = 0; i < N; i++) {
    left += story[i] == 0;
    free(v[i].v);
  }
  return left;
}

/* A story is split only when its halves differ in more terms than chance
 * gives: two names apart (the reports that name the suspect, those that
 * do not) keep one story, five apart on each side make two. */
static void split_needs_tied_terms(void **state) {
  (void)state;
  assert_int_equal(split_with_tied_terms(1), 10);
  assert_int_equal(split_with_tied_terms(5), 5);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(dedup_groups_join_non_transitive_copies),
      cmocka_unit_test(dedup_sees_through_rewrapping),
      cmocka_unit_test(dedup_sees_through_wrapped_chrome),
      cmocka_unit_test(dedup_stream_matches_in_memory),
      cmocka_unit_test(dedup_flood_of_copies_is_one_group),
      cmocka_unit_test(dedup_finds_exact_near_and_derived),
      cmocka_unit_test(dedup_reports_no_false_pair),
      cmocka_unit_test(lsh_bands_follow_threshold),
      cmocka_unit_test(minhash_tracks_jaccard),
      cmocka_unit_test(sort_u64_sorts),
      cmocka_unit_test(segmented_reports_sketch_alike),
      cmocka_unit_test(dates_are_found),
      cmocka_unit_test(cluster_tells_events_apart),
      cmocka_unit_test(cluster_empty_and_single),
      cmocka_unit_test(online_finds_story_among_many),
      cmocka_unit_test(online_seeded_stories),
      cmocka_unit_test(online_idle_seed_stays_findable),
      cmocka_unit_test(split_needs_tied_terms),
  };
  return cmocka_run_group_tests_name("dedup_cluster", tests, NULL, NULL);
}
