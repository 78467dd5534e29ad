/* dedup.h — exact duplicates, near-duplicates and derived (wire) copies.
 *
 * Takes: analyzed documents (tokens, sentences, paragraph kinds).
 * Adds:  for each report, the report it duplicates (exact: same normalized
 *        body; near: Jaccard of word shingles >= threshold, verified
 *        exactly) and the longer report it was derived from (most of its
 *        shingles are found there).
 *
 * The normalized body is the sequence of word tokens (words, numbers,
 * abbreviations) of the body paragraphs, ASCII-lowercased: punctuation,
 * spacing, line wrapping and boilerplate lines do not count.
 *
 *   shingles.c  word hashes, shingle sets, sentence hashes of one report;
 *   minhash.c   signatures and the LSH band parameters for a threshold;
 *   dedup.c     the corpus pass and the public cr_dedup_* API;
 *   stream.c    the same exact and near passes over reports added one
 *               batch at a time (for millions of reports). */
#ifndef CR_DEDUP_H
#define CR_DEDUP_H
#include <stddef.h>
#include <stdint.h>

#include "core/corpus.h"

/* Shingles of 5 words: long enough that two unrelated reports share
 * almost none (news prose repeats 3-word phrases a lot), short enough
 * that one edited word only breaks 5 shingles. */
#define CR_DEDUP_SHINGLE 5
/* 128 MinHash values (bins of one permutation, minhash.c): the LSH for
 * J >= 0.8 then gets 21 bands of 6 rows (cr_lsh_rows), which finds a pair
 * at the threshold with probability 0.998 and one at J = 0.85 with
 * 0.99995, while a pair at J = 0.5 becomes a candidate only 28% of the
 * time; 512 bytes of signature per report while it is computed. */
#define CR_DEDUP_PERMS 128
#define CR_DEDUP_THRESHOLD 0.8
#define CR_DEDUP_CONTAINMENT 0.8
/* Largest values accepted from users: past them signatures grow without
 * any gain in recall. */
#define CR_DEDUP_MAX_PERMS 1024
#define CR_DEDUP_MAX_SHINGLE 32

/* The word hashes of d's normalized body (heap, *n entries); NULL with
 * *n = 0 for an empty body, NULL with *n = SIZE_MAX out of memory. */
uint64_t *cr_dedup_words(const cr_doc *d, size_t *n);

/* The shingle hashes of a word-hash sequence in text order, repeats
 * included (heap; *n). */
uint64_t *cr_dedup_shingle_list(const uint64_t *words, size_t nw, size_t k,
                                size_t *n);
/* The same sorted and unique (heap; *n). */
uint64_t *cr_dedup_shingles(const uint64_t *words, size_t nw, size_t k,
                            size_t *n);

/* Sorts a ascending. */
void cr_sort_u64(uint64_t *a, size_t n);

/* |a & b| for sorted unique arrays. */
size_t cr_dedup_intersect(const uint64_t *a, size_t na, const uint64_t *b,
                          size_t nb);

/* MinHash signature (perms values) of a shingle set. */
void cr_minhash(const uint64_t *sh, size_t n, size_t perms, uint32_t *sig);

/* The fewest of perms signature bins two sets must agree on when each
 * bin agrees with probability p: SIG_Z standard deviations under the
 * expected count (a pair at p falls that far with probability ~1e-6),
 * the deviation widened for a short set that fills only eff bins.  A
 * candidate agreeing on fewer is dropped before its exact comparison. */
double cr_minhash_min_agree(double p, size_t perms, double eff);
/* Rows per band for a Jaccard threshold and a permutation count: the most
 * rows (fewest false candidates) that still find a pair at the threshold
 * with probability >= 0.995.  Bands = perms / rows. */
size_t cr_lsh_rows(double threshold, size_t perms);
/* ------------------------------------------------------------ stream.c
 * Exact and near-duplicate groups over more reports than fit in memory as
 * analyzed documents: add each report (segmented by cr_corpus_segment or
 * analyzed, in batches the caller frees), then finish.  Keeps ~2.4 KB per
 * 3 KB report. */
typedef struct cr_dedup_stream cr_dedup_stream;
/* NULL out of memory or for options out of range. */
cr_dedup_stream *cr_dedup_stream_new(const cr_dedup_options *o);
void cr_dedup_stream_free(cr_dedup_stream *s);
/* Report number cr_dedup_stream_count() before the call.  0, -1 OOM. */
int cr_dedup_stream_add(cr_dedup_stream *s, const cr_doc *d);
/* The same in two steps, so several threads can sketch (words, shingles,
 * MinHash: the costly part, reading only s's parameters) while one
 * pushes the sketches in report order. */
typedef struct cr_dedup_sketch_t {
  uint64_t body_lo, body_hi;  /* 0, 0: empty body */
  uint32_t *sh, nsh;          /* sorted unique 32-bit shingle hashes */
  uint32_t *keys;             /* one LSH key per band */
  uint32_t nkeys;
  uint8_t *sig8;              /* the low byte of each MinHash value */
} cr_dedup_sketch_t;
int cr_dedup_sketch(const cr_dedup_stream *s, const cr_doc *d, cr_dedup_sketch_t *out);
void cr_dedup_sketch_free(cr_dedup_sketch_t *k);
/* Appends a sketch (copying what it keeps, then freeing it); 0, or -1
 * out of memory or past 2^32 - 1 reports (report numbers are 32-bit). */
int cr_dedup_stream_push(cr_dedup_stream *s, cr_dedup_sketch_t *k);
/* Groups the reports added: exact copies and verified near-duplicates,
 * joined transitively.  0, -1 out of memory. */
int cr_dedup_stream_finish(cr_dedup_stream *s);
size_t cr_dedup_stream_count(const cr_dedup_stream *s);
/* The first report of report i's group (i when it has no duplicate). */
size_t cr_dedup_stream_group(const cr_dedup_stream *s, size_t i);

/* Probability that a pair of Jaccard j becomes a candidate. */
double cr_lsh_candidate_prob(double j, size_t rows, size_t bands);
#endif
