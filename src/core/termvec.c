/* termvec.c — see termvec.h. */
#include "core/termvec.h"

#include <math.h>
#include <stdlib.h>

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

int cr_termvec_build(cr_arena *a, const cr_token *toks, size_t n,
                     const float *idf, cr_termvec *out) {
  out->v = NULL;
  out->n = 0;
  out->norm = 0;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) m += toks[i].term != CR_NO_ID;
  if (!m) return 0;
  uint32_t stackbuf[256];
  uint32_t *terms = m <= 256 ? stackbuf : malloc(m * sizeof *terms);
  if (!terms) return -1;
  m = 0;
  for (size_t i = 0; i < n; i++)
    if (toks[i].term != CR_NO_ID) terms[m++] = toks[i].term;
  qsort(terms, m, sizeof *terms, cmp_u32);
  size_t uniq = 1;
  for (size_t i = 1; i < m; i++) uniq += terms[i] != terms[i - 1];
  out->v = cr_arena_alloc(a, uniq * sizeof *out->v);
  if (!out->v) {
    if (terms != stackbuf) free(terms);
    return -1;
  }
  double norm = 0;
  for (size_t i = 0; i < m;) {
    size_t j = i;
    while (j < m && terms[j] == terms[i]) j++;
    float w = (float)(j - i) * (idf ? idf[terms[i]] : 1.0f);
    out->v[out->n].term = terms[i];
    out->v[out->n].w = w;
    out->n++;
    norm += (double)w * w;
    i = j;
  }
  out->norm = (float)sqrt(norm);
  if (terms != stackbuf) free(terms);
  return 0;
}

float cr_termvec_cosine(const cr_termvec *a, const cr_termvec *b) {
  if (!a->n || !b->n || a->norm <= 0 || b->norm <= 0) return 0;
  double dot = 0;
  uint32_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i].term < b->v[j].term) i++;
    else if (a->v[i].term > b->v[j].term) j++;
    else dot += (double)a->v[i++].w * b->v[j++].w;
  }
  float cs = (float)(dot / ((double)a->norm * b->norm));
  return cs > 1 ? 1 : cs;
}

uint32_t cr_termvec_shared(const cr_termvec *a, const cr_termvec *b) {
  uint32_t i = 0, j = 0, k = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i].term < b->v[j].term) i++;
    else if (a->v[i].term > b->v[j].term) j++;
    else k++, i++, j++;
  }
  return k;
}
