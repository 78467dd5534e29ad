/* summarize.h — the cited multi-source summary and the headline.
 *
 * Takes: analyzed documents (body sentences with stemmed terms).
 * Adds:  a brief: up to N summary sentences chosen for how many other
 *        sources state the same thing (cross-source centrality), with
 *        redundancy control, each citing every source that carries it;
 *        a headline chosen among the sources' titles. */
#ifndef CR_SUMMARIZE_H
#define CR_SUMMARIZE_H
#include "core/corpus.h"

typedef struct cr_summary_item {
  uint32_t doc, sent;     /* the sentence the wording comes from */
  char *text;             /* its text, whitespace collapsed */
  uint32_t *sources;      /* corpus indexes of every citing document, sorted */
  size_t nsources;
  float score;
  /* per cited source, parallel to sources: the sentence of that source
   * that states it best, and the cosine of that match (1 for doc itself);
   * the HTML page links each citation to that sentence */
  uint32_t *source_sents;
  float *source_sims;
} cr_summary_item;

struct cr_brief {
  cr_corpus *corpus;
  cr_arena *arena;
  char *headline;
  cr_summary_item *items;
  size_t nitems;
};

/* Two sentences from different sources state the same information when
 * the cosine of their tf-idf vectors reaches this (tuned on the example
 * reports: paraphrases of one claim score 0.3-0.6, unrelated sentences of
 * one story under 0.2). */
#define CR_CITE_SIMILARITY 0.28f
#endif
