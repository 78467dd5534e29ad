/* termvec.h — sparse weighted term vectors (bag of stems) and cosine.
 * The common currency of every comparison between texts: summary
 * centrality, fact alignment, story clustering. */
#ifndef CR_TERMVEC_H
#define CR_TERMVEC_H
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/strmap.h"
#include "text/text.h"

typedef struct cr_tw {
  uint32_t term;
  float w;
} cr_tw;

typedef struct cr_termvec {
  cr_tw *v;      /* sorted by term, unique */
  uint32_t n;
  float norm;    /* Euclidean norm of the weights */
} cr_termvec;

/* Builds the vector of the tokens with a term: weight = count * idf[term]
 * (idf NULL means 1).  Allocated in a.  0, or -1 when out of memory. */
int cr_termvec_build(cr_arena *a, const cr_token *toks, size_t n,
                     const float *idf, cr_termvec *out);

/* Cosine similarity in [0, 1]; 0 when either vector is empty. */
float cr_termvec_cosine(const cr_termvec *a, const cr_termvec *b);

/* Number of terms the two vectors share. */
uint32_t cr_termvec_shared(const cr_termvec *a, const cr_termvec *b);
#endif
