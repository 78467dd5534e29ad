/* concepts.h — content stems and stem bigrams of candidate sentences, with
 * the number of sources mentioning each (see concepts.c). */
#ifndef CR_CONCEPTS_H
#define CR_CONCEPTS_H
#include "core/corpus.h"

/* A candidate sentence: document and sentence index. */
typedef struct cr_concept_src {
  uint32_t doc, sent;
} cr_concept_src;

typedef struct cr_concepts {
  uint32_t *ids;        /* concept ids of every unit, unit by unit, sorted */
  uint32_t *unit_begin; /* unit i has ids[unit_begin[i] .. unit_begin[i+1]) */
  uint32_t *nsrc;       /* per concept: sources mentioning it */
  uint32_t nconcepts;
  uint32_t bigram_base; /* ids below are stems (vocabulary ids), above bigrams */
} cr_concepts;

/* Builds the concepts of the n units (allocated in a).  0, or -1 out of
 * memory. */
int cr_concepts_build(cr_arena *a, const cr_corpus *c, const cr_concept_src *u,
                      size_t n, cr_concepts *out);
#endif
