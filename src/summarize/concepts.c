/* concepts.c — the information units a summary should cover.
 *
 * A concept is a content stem or a pair of adjacent content stems (a
 * bigram such as "north korea" or "hydrogen bomb").  Its weight is the
 * number of sources that mention it: what several outlets report is the
 * core of the story, what one reports is a detail (Gillick & Favre 2009
 * use the same document-frequency weighting for multi-document news
 * summaries).  Bigrams are interned in an open-addressing table keyed by
 * the stem pair. */
#include <stdlib.h>
#include <string.h>

#include "summarize/concepts.h"

typedef struct pair_slot {
  uint64_t key; /* (a << 32 | b) + 1; 0 = empty */
  uint32_t id;
} pair_slot;

typedef struct pair_table {
  pair_slot *s;
  size_t cap, n;
} pair_table;

static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

static int pair_grow(pair_table *t) {
  size_t ncap = t->cap ? t->cap * 2 : 1024;
  pair_slot *ns = calloc(ncap, sizeof *ns);
  if (!ns) return -1;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->s[i].key) continue;
    size_t h = mix(t->s[i].key) & (ncap - 1);
    while (ns[h].key) h = (h + 1) & (ncap - 1);
    ns[h] = t->s[i];
  }
  free(t->s);
  t->s = ns;
  t->cap = ncap;
  return 0;
}

/* The id of the pair (a, b), new ids from *next; CR_NO_ID out of memory. */
static uint32_t pair_id(pair_table *t, uint32_t a, uint32_t b, uint32_t *next) {
  if ((t->n + 1) * 2 > t->cap && pair_grow(t)) return CR_NO_ID;
  uint64_t key = ((uint64_t)a << 32 | b) + 1;
  size_t h = mix(key) & (t->cap - 1);
  while (t->s[h].key) {
    if (t->s[h].key == key) return t->s[h].id;
    h = (h + 1) & (t->cap - 1);
  }
  t->s[h].key = key;
  t->s[h].id = (*next)++;
  t->n++;
  return t->s[h].id;
}

static int cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

int cr_concepts_build(cr_arena *a, const cr_corpus *c, const cr_concept_src *u,
                      size_t n, cr_concepts *out) {
  memset(out, 0, sizeof *out);
  pair_table pt = {0};
  uint32_t next = (uint32_t)cr_strmap_count(c->vocab);
  CR_VEC(uint32_t) tmp = {0};
  out->unit_begin = cr_arena_alloc(a, (n + 1) * sizeof *out->unit_begin);
  if (!out->unit_begin) goto oom;
  CR_VEC(uint32_t) all = {0};
  for (size_t i = 0; i < n; i++) {
    const cr_doc *d = c->docs.v[u[i].doc];
    const cr_sentence *s = &d->sents[u[i].sent];
    tmp.n = 0;
    uint32_t prev = CR_NO_ID;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
      const cr_token *t = &d->toks[k];
      if (t->term == CR_NO_ID) {
        /* punctuation breaks a bigram, a stop word does not ("bomb in the
         * pacific" keeps bomb~pacific) */
        if (t->kind != CR_TOK_WORD) prev = CR_NO_ID;
        continue;
      }
      if (cr_vec_push(&tmp, t->term)) goto oom_all;
      if (prev != CR_NO_ID) {
        uint32_t id = pair_id(&pt, prev, t->term, &next);
        if (id == CR_NO_ID || cr_vec_push(&tmp, id)) goto oom_all;
      }
      prev = t->term;
    }
    if (tmp.n > 1) qsort(tmp.v, tmp.n, sizeof *tmp.v, cmp_u32);
    out->unit_begin[i] = (uint32_t)all.n;
    for (size_t k = 0; k < tmp.n; k++)
      if ((k == 0 || tmp.v[k] != tmp.v[k - 1]) && cr_vec_push(&all, tmp.v[k]))
        goto oom_all;
  }
  out->unit_begin[n] = (uint32_t)all.n;
  out->nconcepts = next;
  out->bigram_base = (uint32_t)cr_strmap_count(c->vocab);
  out->ids = cr_arena_memdup(a, all.v, all.n, sizeof *all.v);
  out->nsrc = cr_arena_calloc(a, next ? next : 1, sizeof *out->nsrc);
  uint32_t *last = calloc(next ? next : 1, sizeof *last);
  if ((all.n && !out->ids) || !out->nsrc || !last) {
    free(last);
    goto oom_all;
  }
  /* sources per concept: last[] holds the last document (+1) counted */
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = out->unit_begin[i]; k < out->unit_begin[i + 1]; k++) {
      uint32_t id = out->ids[k];
      if (last[id] != u[i].doc + 1) {
        last[id] = u[i].doc + 1;
        out->nsrc[id]++;
      }
    }
  free(last);
  cr_vec_free(&all);
  cr_vec_free(&tmp);
  free(pt.s);
  return 0;
oom_all:
  cr_vec_free(&all);
oom:
  cr_vec_free(&tmp);
  free(pt.s);
  return -1;
}
