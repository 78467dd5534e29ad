/* cluster.h — story clustering: one story per real-world event.
 *
 * Takes: analyzed documents (tokens with stemmed term ids, sentences,
 *        paragraphs), optionally the dedup result (a duplicate joins its
 *        original's story).
 * Adds:  a story id per document.
 *
 * Pieces (one file each):
 *   docvec.c   event vectors: sublinear tf-idf of stems, with name-like
 *              tokens, numbers and years boosted (they identify an event,
 *              where common words only identify a topic);
 *   (dates)    a report's date (metadata, else a date written in its header
 *              lines or URL) as days since 1970, for time evidence, comes
 *              from clean/dates.c (cr_doc_day), the one date reader;
 *   online.c   the engine: single-pass assignment to story centroids found
 *              through an inverted index, then reassignment and merge
 *              rounds; works on plain vectors so the store can seed it with
 *              stored stories.
 *   cluster.c  the public cr_cluster_* API over a corpus. */
#ifndef CR_CLUSTER_H
#define CR_CLUSTER_H
#include <stdint.h>

#include "clean/dates.h"
#include "core/corpus.h"
#include "core/termvec.h"

/* A report's date (cr_doc_day, CR_NO_DAY) is read by clean/dates.c. */

/* ------------------------------------------------------------ docvec.c */
typedef struct cr_event_weights {
  float name;    /* a capitalised word inside a sentence (or its later uses) */
  float number;  /* a number other than a year */
  float year;    /* a year-like number 1900..2099 */
  float title;   /* a term of the headline */
} cr_event_weights;

void cr_event_weights_default(cr_event_weights *w);

/* Document frequency of every vocabulary term over docs (array of
 * cr_strmap_count(c->vocab) counts, heap; caller frees). */
uint32_t *cr_doc_freqs(const cr_corpus *c);

/* The event vector of d, unit length: (1 + ln tf) * idf * boost.  idf is
 * indexed by term id.  Allocated in a.  0, or -1 out of memory. */
int cr_event_vector(const cr_doc *d, const float *idf,
                    const cr_event_weights *w, cr_arena *a, cr_termvec *out);

/* ------------------------------------------------------------ online.c */
typedef struct cr_online_params {
  float assign;      /* join the best story when similarity >= this */
  float merge;       /* merge two stories whose centroids reach this */
  int rounds;        /* reassignment rounds after the single pass */
  float day_scale;   /* time evidence: similarity is divided by
                        1 + gap_days / day_scale (0 turns it off) */
  uint32_t max_centroid_terms; /* centroid truncation (cost bound) */
  float split_ratio; /* split.c: within / across cohesion to split (0 off) */
  float split_min;   /* split.c: least within-half cohesion to split */
} cr_online_params;

void cr_online_params_default(cr_online_params *p);

typedef struct cr_online cr_online;

/* Terms of a story put in the inverted index, and of a report looked up:
 * the heaviest ones, which name the event (the store indexes its stories
 * by the same number). */
#define CR_INDEX_TERMS 24

/* The (at most) CR_INDEX_TERMS heaviest terms of v[0..n) into top[], in
 * no particular order; returns how many. */
uint32_t cr_top_terms(const cr_tw *v, uint32_t n, cr_tw *top);

cr_online *cr_online_new(const cr_online_params *p);
void cr_online_free(cr_online *o);

/* Adds a story with a fixed centroid (a stored story), returns its id or
 * -1 out of memory.  Seeded stories take documents but are never merged
 * into each other. */
int32_t cr_online_seed(cr_online *o, const cr_termvec *centroid, int32_t day_lo,
                       int32_t day_hi, uint32_t size);

/* Clusters n unit vectors (with days, CR_NO_DAY when unknown) in the order
 * given by order[] (a permutation of 0..n-1), writing story ids to story[]
 * (seeded stories keep their ids, new stories follow).  fixed[i] >= 0
 * forces document i into the story of document fixed[i] (duplicates).
 * Returns the number of stories, or -1 out of memory. */
int32_t cr_online_run(cr_online *o, const cr_termvec *vecs,
                      const int32_t *days, const int32_t *fixed, size_t n,
                      const uint32_t *order, int32_t *story);

/* The centroid of story s after a run (sum of unit vectors, truncated),
 * its date range and size; for persisting stories. */
const cr_termvec *cr_online_centroid(cr_online *o, int32_t s, int32_t *day_lo,
                                     int32_t *day_hi, uint32_t *size);

/* ------------------------------------------------------------ cluster.c */
/* Builds the event vectors of the documents docs[0..n) of c (all of c's
 * documents when docs is NULL) with idf into vecs (allocated in a) and
 * their days.  0, or -1 out of memory. */
int cr_cluster_vectors(const cr_corpus *c, const uint32_t *docs, size_t n,
                       const float *idf, cr_arena *a, cr_termvec *vecs,
                       int32_t *days);

/* Runs eng over those vectors in an order that does not depend on the
 * input order (a hash of each text).  fixed[k] is the position in docs[]
 * of k's original, or -1.  story[k] receives engine story ids.  The
 * number of engine stories, or -1 out of memory.  The store calls it with
 * an engine seeded with the stored stories the new reports can reach. */
int32_t cr_cluster_run(cr_online *eng, const cr_corpus *c, const uint32_t *docs,
                       size_t n, const int32_t *fixed, const cr_termvec *vecs,
                       const int32_t *days, int32_t *story);

/* ------------------------------------------------------------ subset.c */
/* Adds a report to c again from its original bytes: a JSONL record
 * (line > 0) is parsed again, a file's bytes are read again under its
 * name (same reader, same id; id is kept for callers' records).  0, 1 when the record was rejected (a diagnostic on c),
 * -1 out of memory or past limit max_docs. */
int cr_corpus_reread(cr_corpus *c, const char *file, size_t line,
                     const char *id, const char *raw, size_t len);

/* ------------------------------------------------------------ split.c */
/* Splits stories (story[] of n documents, looked at in order[], ids < nstories) in two where
 * local weights show two groups: mean local cosine inside the halves at
 * least ratio times the mean across, and at least min_within, and (unless
 * one half is a single report) a few terms tied to one half beyond chance.  Only
 * stories with splittable[s] are looked at; duplicates (fixed[i] >= 0)
 * are left to follow their original.  New ids come from *next_id.  nterms
 * bounds the term ids.  0, or -1 out of memory. */
int cr_split_stories(const cr_termvec *vecs, size_t n, const uint32_t *order,
                     int32_t *story, const int32_t *fixed, int32_t nstories,
                     const uint8_t *splittable, size_t nterms, float ratio,
                     float min_within, int32_t *next_id);
#endif
