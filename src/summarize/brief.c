/* brief.c — a first cross-source brief of all inputs as one story.
 *
 * Each body sentence is scored by how strongly the other sources state the
 * same thing (for each other source, the best cosine with any of its
 * sentences), plus a small lead bonus (news puts the essentials first) and
 * its centrality within its own report (which decides when there is one
 * source).  Sentences are then picked greedily with Maximal Marginal
 * Relevance so two wordings of one fact are never both chosen; the chosen
 * wording cites every source whose best match reaches CR_CITE_SIMILARITY. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/termvec.h"
#include "summarize/summarize.h"

/* Bounds on the quadratic comparison: a brief reads at most this many
 * sentences per report and in all (the earliest ones, which carry the
 * news). */
#define BRIEF_MAX_SENTS_PER_DOC 120
#define BRIEF_MAX_UNITS 6000
#define BRIEF_DEFAULT_SENTENCES 5
/* A sentence needs this many content terms to stand alone in a summary. */
#define BRIEF_MIN_TERMS 5
/* MMR: how much similarity to an already chosen sentence costs. */
#define BRIEF_MMR_LAMBDA 0.7f
/* A candidate this similar to a chosen sentence repeats it. */
#define BRIEF_REDUNDANT 0.45f

typedef struct unit {
  uint32_t doc, sent, rank; /* rank: position among the doc's body sentences */
  cr_termvec vec;
  float support, within, score;
  size_t nbody;
} unit;

/* Sentences whose first word points back to an earlier sentence read
 * badly out of context ("He said ...", "But ..."). */
static int opens_out_of_context(const cr_doc *d, const cr_sentence *s) {
  static const char *const openers[] = {"he", "she", "they", "it", "this",
                                        "that", "these", "those", "but",
                                        "and", "however", "his", "her",
                                        "their", "its", "also", "so"};
  for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
    const cr_token *t = &d->toks[k];
    if (t->kind == CR_TOK_QUOTE || t->kind == CR_TOK_PUNCT) continue;
    if (t->kind != CR_TOK_WORD) return 0;
    size_t n = t->span.end - t->span.start;
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
      if (strlen(openers[i]) == n &&
          strncasecmp(d->text + t->span.start, openers[i], n) == 0)
        return 1;
    return islower((unsigned char)d->text[t->span.start]) != 0;
  }
  return 0;
}

/* Lead bonus: the first sentences of a news report carry its gist. */
static float lead_bonus(uint32_t rank) { return 0.25f / (1.0f + rank / 2.0f); }

/* Sentence text with runs of white space collapsed to one space. */
static char *sentence_text(cr_arena *a, const cr_doc *d, cr_span s) {
  char *out = cr_arena_alloc(a, s.end - s.start + 1);
  if (!out) return NULL;
  size_t n = 0;
  int sp = 0;
  for (uint32_t i = s.start; i < s.end; i++) {
    char ch = d->text[i];
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      sp = 1;
      continue;
    }
    if (sp && n) out[n++] = ' ';
    sp = 0;
    out[n++] = ch;
  }
  out[n] = '\0';
  return out;
}

/* Collects the candidate sentences of every body paragraph. */
static int collect_units(cr_corpus *c, cr_arena *a, unit **out, size_t *nout) {
  CR_VEC(unit) v = {0};
  for (size_t di = 0; di < c->docs.n; di++) {
    const cr_doc *d = c->docs.v[di];
    uint32_t rank = 0;
    size_t first = v.n;
    for (size_t si = 0; si < d->nsents && rank < BRIEF_MAX_SENTS_PER_DOC; si++) {
      const cr_sentence *s = &d->sents[si];
      if (d->paras[s->para].kind != CR_PARA_BODY) continue;
      if (v.n >= BRIEF_MAX_UNITS) break;
      unit u = {(uint32_t)di, (uint32_t)si, rank++, {0}, 0, 0, 0, 0};
      if (cr_termvec_build(a, d->toks + s->tok_begin, s->tok_end - s->tok_begin,
                           NULL, &u.vec) ||
          cr_vec_push(&v, u)) {
        cr_vec_free(&v);
        return -1;
      }
    }
    for (size_t k = first; k < v.n; k++) v.v[k].nbody = rank;
  }
  *out = v.v;
  *nout = v.n;
  return 0;
}

/* Re-weights unit vectors by the inverse sentence frequency of each term. */
static int apply_idf(cr_corpus *c, unit *u, size_t n) {
  size_t nt = cr_strmap_count(c->vocab);
  float *df = calloc(nt ? nt : 1, sizeof *df);
  if (!df) return -1;
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < u[i].vec.n; k++) df[u[i].vec.v[k].term] += 1;
  for (size_t i = 0; i < n; i++) {
    double norm = 0;
    for (uint32_t k = 0; k < u[i].vec.n; k++) {
      cr_tw *tw = &u[i].vec.v[k];
      tw->w *= (float)log(1.0 + (double)n / df[tw->term]);
      norm += (double)tw->w * tw->w;
    }
    u[i].vec.norm = (float)sqrt(norm);
  }
  free(df);
  return 0;
}

/* Fills support (sum over other sources of the best match) and within
 * (mean similarity to the other sentences of the same source). */
static int score_units(cr_corpus *c, unit *u, size_t n) {
  size_t nd = c->docs.n;
  float *best = calloc(nd ? nd : 1, sizeof *best);
  if (!best) return -1;
  for (size_t i = 0; i < n; i++) {
    memset(best, 0, nd * sizeof *best);
    float within = 0;
    size_t nwithin = 0;
    for (size_t j = 0; j < n; j++) {
      if (i == j) continue;
      float s = cr_termvec_cosine(&u[i].vec, &u[j].vec);
      if (u[j].doc == u[i].doc) {
        within += s;
        nwithin++;
      } else if (s > best[u[j].doc]) {
        best[u[j].doc] = s;
      }
    }
    float support = 0;
    for (size_t d = 0; d < nd; d++) support += best[d];
    u[i].support = support;
    u[i].within = nwithin ? within / (float)nwithin : 0;
  }
  free(best);
  return 0;
}

/* Every document with a sentence similar enough to unit i, itself included,
 * with the best-matching sentence of each (what a citation points to). */
static int cite(cr_corpus *c, cr_arena *a, const unit *u, size_t n, size_t i,
                cr_summary_item *it) {
  size_t nd = c->docs.n;
  float *best = calloc(nd ? nd : 1, sizeof *best);
  uint32_t *bsent = calloc(nd ? nd : 1, sizeof *bsent);
  if (!best || !bsent) {
    free(best);
    free(bsent);
    return -1;
  }
  best[u[i].doc] = 1.0f;
  bsent[u[i].doc] = u[i].sent;
  for (size_t j = 0; j < n; j++) {
    if (u[j].doc == u[i].doc) continue;
    float s = cr_termvec_cosine(&u[i].vec, &u[j].vec);
    if (s >= CR_CITE_SIMILARITY && s > best[u[j].doc]) {
      best[u[j].doc] = s;
      bsent[u[j].doc] = u[j].sent;
    }
  }
  size_t k = 0;
  for (size_t d = 0; d < nd; d++) k += best[d] > 0;
  it->sources = cr_arena_alloc(a, k * sizeof *it->sources);
  it->source_sents = cr_arena_alloc(a, k * sizeof *it->source_sents);
  it->source_sims = cr_arena_alloc(a, k * sizeof *it->source_sims);
  if (!it->sources || !it->source_sents || !it->source_sims) {
    free(best);
    free(bsent);
    return -1;
  }
  /* documents in corpus order, so the sources come out sorted */
  it->nsources = 0;
  for (size_t d = 0; d < nd; d++)
    if (best[d] > 0) {
      it->sources[it->nsources] = (uint32_t)d;
      it->source_sents[it->nsources] = bsent[d];
      it->source_sims[it->nsources++] = best[d];
    }
  free(best);
  free(bsent);
  return 0;
}

/* Picks up to want sentences by MMR; writes unit indexes to chosen. */
static size_t select_mmr(const unit *u, size_t n, size_t want, size_t words,
                         const cr_corpus *c, cr_arena *a, size_t *chosen) {
  size_t k = 0, total_words = 0;
  uint8_t *used = cr_arena_calloc(a, n ? n : 1, 1);
  if (!used) return 0;
  while (k < want) {
    float best = -1e9f;
    size_t bi = n;
    for (size_t i = 0; i < n; i++) {
      if (used[i]) continue;
      float red = 0;
      for (size_t j = 0; j < k; j++) {
        float s = cr_termvec_cosine(&u[i].vec, &u[chosen[j]].vec);
        if (s > red) red = s;
      }
      if (red >= BRIEF_REDUNDANT) continue;
      float mmr = BRIEF_MMR_LAMBDA * u[i].score - (1 - BRIEF_MMR_LAMBDA) * red;
      if (mmr > best) {
        best = mmr;
        bi = i;
      }
    }
    if (bi == n) break;
    used[bi] = 1;
    if (words) {
      const cr_doc *d = c->docs.v[u[bi].doc];
      cr_span s = d->sents[u[bi].sent].span;
      size_t w = 1;
      for (uint32_t p = s.start; p < s.end; p++) w += d->text[p] == ' ';
      if (k > 0 && total_words + w > words) continue;
      total_words += w;
    }
    chosen[k++] = bi;
  }
  return k;
}

/* The chosen sentences are ordered by their relative position in their
 * reports, which follows the inverted pyramid of news writing. */
typedef struct order {
  float pos;
  uint32_t doc, sent;
  size_t unit;
} order;

static int cmp_order(const void *a, const void *b) {
  const order *x = a, *y = b;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return (x->sent > y->sent) - (x->sent < y->sent);
}

/* The headline: the source title closest to the other titles and to the
 * summary, i.e. the most representative wording of the event. */
static char *pick_headline(cr_corpus *c, cr_arena *a, const cr_brief *b,
                           const unit *u, const order *ord) {
  size_t nd = c->docs.n, best_i = nd;
  cr_termvec *tv = cr_arena_calloc(a, nd ? nd : 1, sizeof *tv);
  if (!tv) return NULL;
  for (size_t d = 0; d < nd; d++) {
    const char *t = c->docs.v[d]->meta.title;
    if (t && cr_corpus_vectorize(c, t, strlen(t), NULL, a, &tv[d])) return NULL;
  }
  float best = -1;
  for (size_t d = 0; d < nd; d++) {
    if (!tv[d].n) continue;
    float s = 0;
    for (size_t e = 0; e < nd; e++)
      if (e != d) s += cr_termvec_cosine(&tv[d], &tv[e]);
    for (size_t k = 0; k < b->nitems; k++)
      s += cr_termvec_cosine(&tv[d], &u[ord[k].unit].vec);
    if (s > best) {
      best = s;
      best_i = d;
    }
  }
  if (best_i < nd) return cr_arena_strdup(a, c->docs.v[best_i]->meta.title);
  return b->nitems ? cr_arena_strdup(a, b->items[0].text) : NULL;
}

cr_status cr_brief_new(cr_corpus *c, const cr_brief_options *opts,
                       cr_brief **out) {
  if (!c || !out) return CR_ERR_USAGE;
  *out = NULL;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) return st;
  size_t want = opts && opts->sentences ? opts->sentences : BRIEF_DEFAULT_SENTENCES;
  size_t words = opts ? opts->words : 0;

  cr_brief *b = calloc(1, sizeof *b);
  if (!b) return CR_ERR_NOMEM;
  b->corpus = c;
  b->arena = cr_arena_new();
  unit *u = NULL;
  size_t n = 0;
  if (!b->arena || collect_units(c, b->arena, &u, &n) || apply_idf(c, u, n) ||
      score_units(c, u, n))
    goto oom;

  for (size_t i = 0; i < n; i++) {
    const cr_doc *d = c->docs.v[u[i].doc];
    float s = u[i].support + 0.5f * u[i].within + lead_bonus(u[i].rank);
    if (u[i].vec.n < BRIEF_MIN_TERMS) s *= 0.3f;
    if (opens_out_of_context(d, &d->sents[u[i].sent])) s *= 0.6f;
    u[i].score = s;
  }
  size_t *chosen = cr_arena_alloc(b->arena, (want + 1) * sizeof *chosen);
  if (!chosen) goto oom;
  size_t k = select_mmr(u, n, want, words, c, b->arena, chosen);

  order *ord = cr_arena_alloc(b->arena, (k + 1) * sizeof *ord);
  b->items = cr_arena_calloc(b->arena, k + 1, sizeof *b->items);
  if (!ord || !b->items) goto oom;
  for (size_t i = 0; i < k; i++) {
    const unit *x = &u[chosen[i]];
    ord[i].pos = x->nbody ? (float)x->rank / (float)x->nbody : 0;
    ord[i].doc = x->doc;
    ord[i].sent = x->sent;
    ord[i].unit = chosen[i];
  }
  qsort(ord, k, sizeof *ord, cmp_order);
  for (size_t i = 0; i < k; i++) {
    const unit *x = &u[ord[i].unit];
    cr_summary_item *it = &b->items[i];
    const cr_doc *d = c->docs.v[x->doc];
    it->doc = x->doc;
    it->sent = x->sent;
    it->score = x->score;
    it->text = sentence_text(b->arena, d, d->sents[x->sent].span);
    if (!it->text || cite(c, b->arena, u, n, ord[i].unit, it)) goto oom;
    b->nitems++;
  }
  b->headline = pick_headline(c, b->arena, b, u, ord);
  free(u);
  *out = b;
  return CR_OK;
oom:
  free(u);
  cr_brief_free(b);
  return CR_ERR_NOMEM;
}

void cr_brief_free(cr_brief *b) {
  if (!b) return;
  cr_arena_free(b->arena);
  free(b);
}

size_t cr_brief_summary_count(const cr_brief *b) { return b->nitems; }

const char *cr_brief_summary_text(const cr_brief *b, size_t i,
                                  size_t *n_sources) {
  if (i >= b->nitems) return NULL;
  if (n_sources) *n_sources = b->items[i].nsources;
  return b->items[i].text;
}

size_t cr_brief_summary_source(const cr_brief *b, size_t i, size_t j) {
  return b->items[i].sources[j];
}

const char *cr_brief_headline(const cr_brief *b) { return b->headline; }
