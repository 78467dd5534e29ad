/* docvec.c — event vectors for story clustering.
 *
 * Reports of one kind of event (two earthquakes, two rehab stays) share
 * their topical words; what tells the events apart is who, where, how many
 * and when.  So the vector is the usual sublinear tf-idf over stems, with
 * name-like terms (capitalised inside a sentence), numbers and years
 * multiplied by a boost.  idf already discounts names every report of the
 * corpus mentions; the boost makes the rarer names and figures dominate
 * the topical vocabulary. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"

void cr_event_weights_default(cr_event_weights *w) {
  /* Tuned on the ECB+ dev file (bench/cluster-eval). */
  w->name = 2.0f;
  w->number = 1.3f;
  w->year = 1.5f;
  w->title = 1.5f;
}

uint32_t *cr_doc_freqs(const cr_corpus *c) {
  size_t nv = cr_strmap_count(c->vocab);
  uint32_t *df = calloc(nv ? nv : 1, sizeof *df);
  uint32_t *last = calloc(nv ? nv : 1, sizeof *last); /* doc index + 1 */
  if (!df || !last) {
    free(df);
    free(last);
    return NULL;
  }
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    for (size_t k = 0; k < d->ntoks; k++) {
      uint32_t t = d->toks[k].term;
      if (t == CR_NO_ID || t >= nv || last[t] == i + 1) continue;
      last[t] = (uint32_t)i + 1;
      df[t]++;
    }
  }
  free(last);
  return df;
}

/* A capitalised word that does not open its sentence is a name (people,
 * places, organisations) in English news prose; all-capital words of two
 * letters or more are acronyms (NATO, FBI). */
static int is_name_like(const cr_token *k, int sentence_initial) {
  if (k->kind != CR_TOK_WORD && k->kind != CR_TOK_ABBREV) return 0;
  if (k->flags & CR_TF_UPPER) return 1;
  return (k->flags & CR_TF_CAP) && !sentence_initial;
}

/* Years say when; 1900..2099 written as four digits. */
static int is_year(const char *text, const cr_token *k) {
  if (k->span.end - k->span.start != 4) return 0;
  const char *p = text + k->span.start;
  for (int i = 0; i < 4; i++)
    if (p[i] < '0' || p[i] > '9') return 0;
  return (p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0');
}

/* Headlines are in title case: every word capitalised, so capitals there
 * say nothing about names. */
static int para_is_headline(uint8_t kind) {
  return kind == CR_PARA_TITLE || kind == CR_PARA_HEADING;
}

typedef struct tb {
  uint32_t term;
  float boost;
} tb;

static int cmp_tb(const void *a, const void *b) {
  const tb *x = a, *y = b;
  return (x->term > y->term) - (x->term < y->term);
}

int cr_event_vector(const cr_doc *d, const float *idf,
                    const cr_event_weights *w, cr_arena *a, cr_termvec *out) {
  out->v = NULL;
  out->n = 0;
  out->norm = 0;
  tb *all = malloc((d->ntoks ? d->ntoks : 1) * sizeof *all);
  if (!all) return -1;
  size_t m = 0;
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = se->para < d->nparas ? d->paras[se->para].kind : CR_PARA_BODY;
    int headline = para_is_headline(pk);
    int initial = 1;
    for (uint32_t k = se->tok_begin; k < se->tok_end && k < d->ntoks; k++) {
      const cr_token *t = &d->toks[k];
      int wordish = t->kind == CR_TOK_WORD || t->kind == CR_TOK_NUMBER ||
                    t->kind == CR_TOK_ABBREV;
      if (t->term != CR_NO_ID) {
        float b = 1.0f;
        if (headline) b = w->title;
        else if (is_name_like(t, initial)) b = w->name;
        if (t->kind == CR_TOK_NUMBER)
          b = is_year(d->text, t) ? w->year : w->number;
        all[m].term = t->term;
        all[m].boost = b;
        m++;
      }
      if (wordish) initial = 0;
    }
  }
  if (!m) {
    free(all);
    return 0;
  }
  qsort(all, m, sizeof *all, cmp_tb);
  size_t uniq = 1;
  for (size_t i = 1; i < m; i++) uniq += all[i].term != all[i - 1].term;
  out->v = cr_arena_alloc(a, uniq * sizeof *out->v);
  if (!out->v) {
    free(all);
    return -1;
  }
  double norm = 0;
  for (size_t i = 0; i < m;) {
    size_t j = i;
    float boost = 1.0f;
    /* A term is a name when any of its uses is (the sentence-initial
     * "Lohan" is the same person as the mid-sentence one). */
    while (j < m && all[j].term == all[i].term) {
      if (all[j].boost > boost) boost = all[j].boost;
      j++;
    }
    float wt = (1.0f + logf((float)(j - i))) * (idf ? idf[all[i].term] : 1.0f) * boost;
    out->v[out->n].term = all[i].term;
    out->v[out->n].w = wt;
    out->n++;
    norm += (double)wt * wt;
    i = j;
  }
  free(all);
  /* Unit length: centroids are sums of unit vectors, so every report
   * counts once however long it is. */
  float inv = norm > 0 ? (float)(1.0 / sqrt(norm)) : 0;
  for (uint32_t i = 0; i < out->n; i++) out->v[i].w *= inv;
  out->norm = norm > 0 ? 1.0f : 0.0f;
  return 0;
}
