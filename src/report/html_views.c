/* html_views.c — the story page of a brief: turns what the stages computed
 * (summary, alignment) into the page's view structs (html.h) and renders
 * them.  Everything allocated here lives only while the page is written.
 *
 * The coverage matrix is facts by sources when the alignment ran: facts
 * carried by several sources first (most sources first, the aligner's
 * order), then each source's unique details; a cell is the match of that
 * source's member sentence with the fact's representative wording
 * (cr_align_similarity, 1 for the representative itself).  Without an
 * alignment it is the summary sentences by the sources citing them. */
#include <stdlib.h>
#include <string.h>

#include "align/speakers.h"
#include "analyze/analyze.h"
#include "core/strmap.h"
#include "report/html.h"
#include "report/report.h"

/* The matrix under construction and everything it owns. */
typedef struct matrix_build {
  cr_html_matrix m;
  size_t nrows, cap;
  char **owned;          /* row texts allocated here (facts) */
  const char **rows, **cols;
  float *value;          /* per row: nd values, compacted to columns last */
  uint32_t *sent, *origin_doc, *origin, *col_doc, *cover, *col_of;
  size_t nd;
} matrix_build;

static void matrix_free(matrix_build *mb) {
  if (mb->owned)
    for (size_t r = 0; r < mb->nrows; r++) free(mb->owned[r]);
  free(mb->owned);
  free(mb->rows);
  free(mb->cols);
  free(mb->value);
  free(mb->sent);
  free(mb->origin_doc);
  free(mb->origin);
  free(mb->col_doc);
  free(mb->cover);
  free(mb->col_of);
}

static int matrix_init(matrix_build *mb, size_t nd, size_t cap) {
  memset(mb, 0, sizeof *mb);
  mb->nd = nd;
  mb->cap = cap;
  size_t cells = (cap ? cap : 1) * (nd ? nd : 1);
  mb->owned = calloc(cap ? cap : 1, sizeof *mb->owned);
  mb->rows = calloc(cap ? cap : 1, sizeof *mb->rows);
  mb->value = malloc(cells * sizeof *mb->value);
  mb->sent = malloc(cells * sizeof *mb->sent);
  mb->origin_doc = malloc((cap ? cap : 1) * sizeof *mb->origin_doc);
  mb->cover = calloc(nd ? nd : 1, sizeof *mb->cover);
  if (!mb->owned || !mb->rows || !mb->value || !mb->sent || !mb->origin_doc || !mb->cover)
    return -1;
  for (size_t i = 0; i < cells; i++) {
    mb->value[i] = -1;
    mb->sent[i] = CR_NO_ID;
  }
  return 0;
}

/* Sets cell (row r, source d) unless already set (the first member of a
 * source, its closest wording, wins). */
static void matrix_set(matrix_build *mb, size_t r, uint32_t d, float v, uint32_t sent) {
  if (d >= mb->nd) return;
  size_t i = r * mb->nd + d;
  if (mb->value[i] >= 0) return;
  mb->value[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  mb->sent[i] = sent;
  mb->cover[d]++;
}

typedef struct by_cover {
  uint32_t doc, cover;
} by_cover;

/* Sources carrying more rows first, then corpus order. */
static int cmp_by_cover(const void *a, const void *b) {
  const by_cover *x = a, *y = b;
  if (x->cover != y->cover) return x->cover > y->cover ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Chooses the columns (the sources carrying any row, at most
 * CR_HTML_MATRIX_MAX_COLS of those carrying most, in corpus order) and
 * compacts the per-source cells to them. */
static int matrix_finish(matrix_build *mb, const cr_corpus *c, size_t nshared) {
  size_t nd = mb->nd, nr = mb->nrows;
  by_cover *v = malloc((nd ? nd : 1) * sizeof *v);
  mb->col_doc = malloc((nd ? nd : 1) * sizeof *mb->col_doc);
  mb->col_of = malloc((nd ? nd : 1) * sizeof *mb->col_of);
  mb->cols = malloc((nd ? nd : 1) * sizeof *mb->cols);
  mb->origin = malloc((nr ? nr : 1) * sizeof *mb->origin);
  if (!v || !mb->col_doc || !mb->col_of || !mb->cols || !mb->origin) {
    free(v);
    return -1;
  }
  size_t nc = 0;
  for (size_t d = 0; d < nd; d++)
    if (mb->cover[d]) v[nc++] = (by_cover){(uint32_t)d, mb->cover[d]};
  qsort(v, nc, sizeof *v, cmp_by_cover);
  if (nc > CR_HTML_MATRIX_MAX_COLS) nc = CR_HTML_MATRIX_MAX_COLS;
  for (size_t k = 0; k < nc; k++) mb->col_doc[k] = v[k].doc;
  free(v);
  qsort(mb->col_doc, nc, sizeof *mb->col_doc, cmp_u32);
  for (size_t d = 0; d < nd; d++) mb->col_of[d] = CR_NO_ID;
  for (size_t k = 0; k < nc; k++) {
    mb->col_of[mb->col_doc[k]] = (uint32_t)k;
    mb->cols[k] = cr_html_source_name(c->docs.v[mb->col_doc[k]]);
  }
  /* compact in place: row r's columns come from its nd source cells,
   * which lie at or after the write position */
  for (size_t r = 0; r < nr; r++) {
    for (size_t k = 0; k < nc; k++) {
      mb->value[r * nc + k] = mb->value[r * nd + mb->col_doc[k]];
      mb->sent[r * nc + k] = mb->sent[r * nd + mb->col_doc[k]];
    }
    uint32_t od = mb->origin_doc[r];
    mb->origin[r] = od < nd ? mb->col_of[od] : CR_NO_ID;
  }
  mb->m = (cr_html_matrix){nr, nc, mb->rows, mb->cols, mb->value, mb->sent, mb->origin,
                           mb->col_doc, nd - nc, nshared};
  return 0;
}

/* Summary sentences by the sources citing them. */
static int summary_matrix(const cr_brief *b, matrix_build *mb) {
  const cr_corpus *c = b->corpus;
  size_t nr = b->nitems < CR_HTML_MATRIX_MAX_ROWS ? b->nitems : CR_HTML_MATRIX_MAX_ROWS;
  if (matrix_init(mb, c->docs.n, nr)) return -1;
  for (size_t r = 0; r < nr; r++) {
    const cr_summary_item *it = &b->items[r];
    mb->rows[r] = it->text;
    mb->origin_doc[r] = it->doc;
    for (size_t j = 0; j < it->nsources; j++)
      matrix_set(mb, r, it->sources[j], it->source_sims[j], it->source_sents[j]);
    mb->nrows++;
  }
  return matrix_finish(mb, c, nr);
}

/* Adds fact f as the next row. */
static int fact_row(matrix_build *mb, const cr_alignment *al, const cr_fact *f) {
  const cr_unit *rep = &al->units[f->rep];
  const cr_doc *d = al->corpus->docs.v[rep->doc];
  size_t r = mb->nrows;
  mb->owned[r] = cr_sentence_text(NULL, d, d->sents[rep->sent].span);
  if (!mb->owned[r]) return -1;
  mb->rows[r] = mb->owned[r];
  mb->origin_doc[r] = rep->doc;
  for (uint32_t k = 0; k < f->nunits; k++) {
    const cr_unit *u = &al->units[f->units[k]];
    matrix_set(mb, r, u->doc, k == 0 ? 1.0f : cr_align_similarity(rep, u), u->sent);
  }
  mb->nrows++;
  return 0;
}

/* Facts by sources: shared facts, then each source's unique details. */
static int fact_matrix(const cr_brief *b, matrix_build *mb) {
  const cr_alignment *al = b->align;
  const cr_corpus *c = b->corpus;
  if (matrix_init(mb, c->docs.n, CR_HTML_MATRIX_MAX_ROWS)) return -1;
  for (size_t f = 0; f < al->nfacts && al->facts[f].nsources >= 2 && mb->nrows < mb->cap; f++)
    if (fact_row(mb, al, &al->facts[f])) return -1;
  size_t nshared = mb->nrows;
  for (size_t s = 0; s < c->docs.n && mb->nrows < mb->cap; s++) {
    size_t shown = 0;
    for (size_t f = 0;
         f < al->nfacts && shown < CR_HTML_MATRIX_UNIQUE_PER_SOURCE && mb->nrows < mb->cap; f++) {
      const cr_fact *fa = &al->facts[f];
      if (al->units[fa->rep].doc != s || !cr_fact_is_detail(al, fa)) continue;
      if (fact_row(mb, al, fa)) return -1;
      shown++;
    }
  }
  return matrix_finish(mb, c, nshared);
}

/* Discrepancies with, for each value's source, the sentence of the fact
 * in that source (so a chip jumps to the words that differ). */
typedef struct disc_build {
  cr_html_discrepancy *discs;
  cr_html_variant *vars;
  uint32_t *sents;
  char **context;        /* the fact's representative wording, owned */
  size_t n;
} disc_build;

static void discs_free(disc_build *db) {
  if (db->context)
    for (size_t i = 0; i < db->n; i++) free(db->context[i]);
  free(db->context);
  free(db->discs);
  free(db->vars);
  free(db->sents);
}

static uint32_t fact_sentence(const cr_alignment *al, const cr_fact *f, uint32_t doc) {
  for (uint32_t k = 0; k < f->nunits; k++)
    if (al->units[f->units[k]].doc == doc) return al->units[f->units[k]].sent;
  return CR_NO_ID;
}

static int discs_build(const cr_alignment *al, disc_build *db) {
  memset(db, 0, sizeof *db);
  size_t nv = 0, ns = 0;
  for (size_t i = 0; i < al->ndiscs; i++) {
    nv += al->discs[i].nvalues;
    for (uint32_t v = 0; v < al->discs[i].nvalues; v++) ns += al->discs[i].values[v].nsources;
  }
  db->discs = calloc(al->ndiscs ? al->ndiscs : 1, sizeof *db->discs);
  db->vars = calloc(nv ? nv : 1, sizeof *db->vars);
  db->sents = malloc((ns ? ns : 1) * sizeof *db->sents);
  db->context = calloc(al->ndiscs ? al->ndiscs : 1, sizeof *db->context);
  db->n = al->ndiscs;
  if (!db->discs || !db->vars || !db->sents || !db->context) return -1;
  size_t kv = 0, ks = 0;
  for (size_t i = 0; i < al->ndiscs; i++) {
    const cr_discrepancy *d = &al->discs[i];
    const cr_fact *f = d->fact < al->nfacts ? &al->facts[d->fact] : NULL;
    if (f) {
      const cr_unit *rep = &al->units[f->rep];
      const cr_doc *doc = al->corpus->docs.v[rep->doc];
      if (!(db->context[i] = cr_sentence_text(NULL, doc, doc->sents[rep->sent].span))) return -1;
    }
    db->discs[i] =
        (cr_html_discrepancy){d->about, d->note, db->context[i], db->vars + kv, d->nvalues};
    for (uint32_t v = 0; v < d->nvalues; v++) {
      const cr_disc_value *dv = &d->values[v];
      db->vars[kv++] = (cr_html_variant){dv->value, dv->sources, dv->nsources, db->sents + ks};
      for (uint32_t j = 0; j < dv->nsources; j++)
        db->sents[ks++] = f ? fact_sentence(al, f, dv->sources[j]) : CR_NO_ID;
    }
  }
  return 0;
}

static int cmp_mark(const void *a, const void *b) {
  const cr_html_mark *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Every unique detail's sentence (all of them, as the JSON lists them:
 * at most CR_UNIQUE_MAX_PER_SOURCE per source), sorted. */
static cr_html_mark *unique_marks(const cr_alignment *al, size_t *n) {
  size_t nd = al->corpus->docs.n, k = 0;
  size_t *per = calloc(nd ? nd : 1, sizeof *per);
  cr_html_mark *v = malloc((al->nfacts ? al->nfacts : 1) * sizeof *v);
  if (!per || !v) {
    free(per);
    free(v);
    return NULL;
  }
  for (size_t f = 0; f < al->nfacts; f++) {
    const cr_fact *fa = &al->facts[f];
    const cr_unit *u = &al->units[fa->rep];
    if (u->doc >= nd || per[u->doc] >= CR_UNIQUE_MAX_PER_SOURCE || !cr_fact_is_detail(al, fa))
      continue;
    per[u->doc]++;
    v[k++] = (cr_html_mark){u->doc, u->sent};
  }
  free(per);
  qsort(v, k, sizeof *v, cmp_mark);
  *n = k;
  return v;
}

/* The speaker cards: the speakers of the brief (those with a stance on
 * the central claim first), their quotes with every outlet carrying
 * each.  Quote texts are allocated here; speakers_free releases them. */
typedef struct speakers_build {
  cr_html_speaker *v;
  cr_html_quote *quotes;
  char **texts;
  size_t n, nq;
  char *claim;
} speakers_build;

static void speakers_free(speakers_build *sb) {
  for (size_t i = 0; i < sb->nq; i++) free(sb->texts[i]);
  free(sb->texts);
  free(sb->quotes);
  free(sb->v);
  free(sb->claim);
}

static int speakers_view(const cr_brief *b, speakers_build *sb) {
  const cr_speakers *sp = b->speakers;
  const cr_corpus *c = b->corpus;
  memset(sb, 0, sizeof *sb);
  if (!sp || !sp->n) return 0;
  size_t ns = sp->n < CR_HTML_MAX_SPEAKERS ? sp->n : CR_HTML_MAX_SPEAKERS, nq = 0;
  for (size_t i = 0; i < ns; i++)
    nq += sp->v[i].nquotes < CR_HTML_MAX_QUOTES ? sp->v[i].nquotes : CR_HTML_MAX_QUOTES;
  sb->v = calloc(ns, sizeof *sb->v);
  sb->quotes = calloc(nq ? nq : 1, sizeof *sb->quotes);
  sb->texts = calloc(nq ? nq : 1, sizeof *sb->texts);
  if (!sb->v || !sb->quotes || !sb->texts) return -1;
  if (sp->claim_fact >= 0) {
    const cr_unit *u = &sp->align->units[sp->align->facts[sp->claim_fact].rep];
    const cr_doc *d = c->docs.v[u->doc];
    if (!(sb->claim = cr_sentence_text(NULL, d, d->sents[u->sent].span))) return -1;
  }
  for (size_t i = 0; i < ns; i++) {
    const cr_speaker *s = &sp->v[i];
    const cr_entity *e = &c->ents.v[s->entity];
    cr_html_speaker *h = &sb->v[i];
    h->name = e->name;
    h->aliases = s->aliases;
    h->naliases = s->naliases;
    h->role = s->role;
    h->stance = cr_stance_name((cr_stance)s->stance);
    h->quotes = &sb->quotes[sb->nq];
    for (uint32_t q = 0; q < s->nquotes && q < CR_HTML_MAX_QUOTES; q++) {
      const cr_speaker_quote *qt = &s->quotes[q];
      char *t = cr_speaker_quote_text(c, qt);
      if (!t) return -1;
      sb->texts[sb->nq] = t;
      cr_html_quote *hq = &sb->quotes[sb->nq++];
      hq->text = t;
      hq->kind = cr_attr_kind_name((cr_attr_kind)c->docs.v[qt->doc]->attrs[qt->attr].kind);
      hq->sources = qt->sources;
      hq->nsources = qt->nsources;
      h->nquotes++;
    }
  }
  sb->n = ns;
  return 0;
}

int cr_brief_html(const cr_brief *b, FILE *out) {
  speakers_build sb = {0};
  matrix_build mb;
  disc_build db = {0};
  cr_html_mark *uniq = NULL;
  size_t nuniq = 0;
  int rc = -1;
  if (b->align ? fact_matrix(b, &mb) : summary_matrix(b, &mb)) goto done;
  if (b->align && (discs_build(b->align, &db) || !(uniq = unique_marks(b->align, &nuniq))))
    goto done;
  if (speakers_view(b, &sb)) goto done;
  cr_html_story s = {b, &mb.m, sb.v, sb.n, db.discs, db.n, uniq, nuniq, sb.claim};
  rc = cr_html_story_page(&s, out);
done:
  speakers_free(&sb);
  matrix_free(&mb);
  discs_free(&db);
  free(uniq);
  return rc;
}
