/* flags.c — what a reader should know about each source before trusting it.
 *
 *   duplicate     its body is (nearly) contained in another source: word
 *                 5-gram containment, the simple copy check (full
 *                 near-duplicate detection is the dedup stage's);
 *   garbled       likely machine-translated or mangled text: quote marks
 *                 in impossible places, sentences that start in lower
 *                 case, fragments dangling after a quote;
 *   invalid-date  a date was found but cannot exist (meta.date_valid < 0);
 *   no-date       no publication date was found;
 *   short         a body too short to carry a story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup.h"
#include "align/align.h"

/* ------------------------------------------------------------ garbled */

/* Evidence thresholds: one slip is a typo, several in one report are a
 * pattern.  At least GARBLED_MIN_EVIDENCE items and one per
 * GARBLED_WORDS_PER_ITEM body words. */
#define GARBLED_MIN_EVIDENCE 3
#define GARBLED_WORDS_PER_ITEM 300

static int is_body(const cr_doc *d, const cr_sentence *s) {
  return d->paras[s->para].kind == CR_PARA_BODY;
}

/* A closing quote with white space before it ("war. ”") closes nothing:
 * translation tools leave quote marks stranded like this. */
static int stranded_close_quote(const cr_token *t) {
  return t->kind == CR_TOK_QUOTE && (t->flags & CR_TF_CLOSE) &&
         (t->flags & CR_TF_SPACE_BEFORE);
}

static int lower_word(const cr_doc *d, const cr_token *t) {
  unsigned char ch = (unsigned char)d->text[t->span.start];
  return t->kind == CR_TOK_WORD && ch >= 'a' && ch <= 'z';
}

/* A sentence that starts with a lower-case word, or a full stop followed
 * by one inside a sentence, is a clause cut from its sentence ("...
 * hostilities. world war."); abbreviations are tokens of their own and
 * never count. */
static int starts_lower(const cr_doc *d, const cr_sentence *s) {
  int n = 0;
  for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
    const cr_token *t = &d->toks[k];
    if (t->kind == CR_TOK_QUOTE || t->kind == CR_TOK_PUNCT) continue;
    n += lower_word(d, t);
    break;
  }
  for (uint32_t k = s->tok_begin; k + 1 < s->tok_end; k++) {
    const cr_token *t = &d->toks[k];
    if (t->kind == CR_TOK_PUNCT && d->text[t->span.start] == '.' &&
        t->span.end - t->span.start == 1 && lower_word(d, &d->toks[k + 1]))
      n++;
  }
  return n;
}

/* A sentence opening with a closing quote mark and a few words ("” he
 * called.") is the tail of a quote torn off by a bad sentence join. */
static int dangling_after_quote(const cr_doc *d, const cr_sentence *s) {
  if (s->tok_begin >= s->tok_end) return 0;
  const cr_token *t = &d->toks[s->tok_begin];
  if (t->kind != CR_TOK_QUOTE || !(t->flags & CR_TF_CLOSE)) return 0;
  uint32_t words = 0;
  for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
    words += d->toks[k].kind == CR_TOK_WORD;
  return words <= 4;
}

/* Curly quotes that open and close in unequal numbers in one paragraph. */
static int unbalanced_paragraph(const cr_doc *d, const cr_para *p) {
  int open = 0, close = 0;
  for (uint32_t s = p->sent_begin; s < p->sent_end; s++)
    for (uint32_t k = d->sents[s].tok_begin; k < d->sents[s].tok_end; k++) {
      const cr_token *t = &d->toks[k];
      if (t->kind != CR_TOK_QUOTE) continue;
      /* only typographic marks: straight quotes carry no direction */
      unsigned char c0 = (unsigned char)d->text[t->span.start];
      if (c0 == '"' || c0 == '\'') continue;
      open += (t->flags & CR_TF_OPEN) != 0;
      close += (t->flags & CR_TF_CLOSE) != 0;
    }
  return open != close;
}

typedef struct garble_counts {
  size_t stranded, unbalanced, lower, dangling;
} garble_counts;

/* Counts the evidence; returns 1 when it amounts to a pattern. */
static int count_garbled(const cr_doc *d, garble_counts *g) {
  memset(g, 0, sizeof *g);
  for (size_t i = 0; i < d->nsents; i++) {
    const cr_sentence *s = &d->sents[i];
    if (!is_body(d, s)) continue;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
      g->stranded += stranded_close_quote(&d->toks[k]);
    g->lower += starts_lower(d, s);
    g->dangling += dangling_after_quote(d, s);
  }
  for (size_t p = 0; p < d->nparas; p++)
    if (d->paras[p].kind == CR_PARA_BODY) g->unbalanced += unbalanced_paragraph(d, &d->paras[p]);
  size_t total = g->stranded + g->lower + g->dangling + g->unbalanced;
  return total >= GARBLED_MIN_EVIDENCE && total * GARBLED_WORDS_PER_ITEM >= d->words;
}

const char *cr_garbled_evidence(const cr_doc *d) {
  garble_counts g;
  return count_garbled(d, &g) ? "quote marks stranded or unbalanced, sentences cut mid-clause"
                              : NULL;
}

/* The evidence as a sentence with counts, in the arena. */
static const char *garbled_why(cr_arena *a, const cr_doc *d) {
  garble_counts g;
  if (!count_garbled(d, &g)) return NULL;
  char buf[256];
  snprintf(buf, sizeof buf,
           "%zu stranded closing quote(s), %zu paragraph(s) with unbalanced "
           "quotes, %zu sentence(s) starting in lower case, %zu fragment(s) "
           "dangling after a quote",
           g.stranded, g.unbalanced, g.lower, g.dangling);
  return cr_arena_strdup(a, buf);
}

/* ------------------------------------------------------------ duplicates */

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Sorted unique hashes of the body's word 5-grams; *n receives the count. */
/* The report's 5-word shingle set, hashed the way crossread dedup hashes
 * it, so "duplicate" means the same here and there.  Never NULL but out of
 * memory (an empty body gives an empty set). */
static uint64_t *shingles(const cr_doc *d, size_t *n) {
  size_t nw;
  uint64_t *w = cr_dedup_words(d, &nw);
  *n = 0;
  if (!w && nw == SIZE_MAX) return NULL;
  uint64_t *sh = cr_dedup_shingles(w, nw, CR_DEDUP_SHINGLE, n);
  free(w);
  if (!sh && nw) return NULL;
  return sh ? sh : malloc(1);
}

float cr_containment(const cr_doc *a, const cr_doc *b) {
  size_t na = 0, nb = 0;
  uint64_t *ha = shingles(a, &na), *hb = shingles(b, &nb);
  float r = ha && hb && na ? (float)cr_dedup_intersect(ha, na, hb, nb) / (float)na : 0;
  free(ha);
  free(hb);
  return r;
}

/* A cheap sample of a document's shingles (those with hash % SAMPLE == 0)
 * proposes candidate copies; the full sets confirm them.  Stories of
 * hundreds of reports are thus not compared all-pairs. */
#define SAMPLE 8
/* A sampled shingle in more documents than this is boilerplate. */
#define SAMPLE_MAX_DOCS 64

typedef struct sh_doc {
  uint64_t h;
  uint32_t doc;
} sh_doc;

static int cmp_sh(const void *a, const void *b) {
  const sh_doc *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int find_duplicates(cr_alignment *al) {
  cr_corpus *c = al->corpus;
  size_t nd = c->docs.n;
  uint64_t **sh = calloc(nd ? nd : 1, sizeof *sh);
  size_t *nsh = calloc(nd ? nd : 1, sizeof *nsh);
  CR_VEC(sh_doc) samp = {0};
  CR_VEC(uint64_t) pairs = {0};
  int rc = -1;
  if (!sh || !nsh) goto done;
  for (size_t d = 0; d < nd; d++) {
    if (!(sh[d] = shingles(c->docs.v[d], &nsh[d]))) goto done;
    for (size_t i = 0; i < nsh[d]; i++) {
      sh_doc x = {sh[d][i], (uint32_t)d};
      if (sh[d][i] % SAMPLE == 0 && cr_vec_push(&samp, x)) goto done;
    }
  }
  if (samp.n > 1) qsort(samp.v, samp.n, sizeof *samp.v, cmp_sh);
  for (size_t i = 0; i < samp.n;) {
    size_t j = i;
    while (j < samp.n && samp.v[j].h == samp.v[i].h) j++;
    if (j - i <= SAMPLE_MAX_DOCS)
      for (size_t a = i; a < j; a++)
        for (size_t b = a + 1; b < j; b++)
          if (cr_vec_push(&pairs, (uint64_t)samp.v[a].doc << 32 | samp.v[b].doc)) goto done;
    i = j;
  }
  if (pairs.n > 1) qsort(pairs.v, pairs.n, sizeof *pairs.v, cmp_u64);
  for (size_t i = 0; i < pairs.n;) {
    size_t j = i;
    while (j < pairs.n && pairs.v[j] == pairs.v[i]) j++;
    uint32_t a = (uint32_t)(pairs.v[i] >> 32), b = (uint32_t)pairs.v[i];
    i = j;
    size_t k = cr_dedup_intersect(sh[a], nsh[a], sh[b], nsh[b]);
    /* the later (or smaller) report is the copy of the other */
    float ca = nsh[a] ? (float)k / (float)nsh[a] : 0;
    float cb = nsh[b] ? (float)k / (float)nsh[b] : 0;
    uint32_t copy = cb >= ca ? b : a, orig = copy == b ? a : b;
    float cont = copy == b ? cb : ca;
    cr_source_flags *f = &al->flags[copy];
    if (cont >= CR_DUPLICATE_CONTAINMENT && cont > f->containment) {
      f->flags |= CR_FLAG_DUPLICATE;
      f->duplicate_of = (int32_t)orig;
      f->containment = cont;
    }
  }
  rc = 0;
done:
  if (sh)
    for (size_t d = 0; d < nd; d++) free(sh[d]);
  free(sh);
  free(nsh);
  cr_vec_free(&samp);
  cr_vec_free(&pairs);
  return rc;
}

int cr_align_flags(cr_alignment *al) {
  cr_corpus *c = al->corpus;
  al->flags = cr_arena_calloc(al->arena, c->docs.n ? c->docs.n : 1, sizeof *al->flags);
  if (!al->flags) return -1;
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    cr_source_flags *f = &al->flags[i];
    f->duplicate_of = -1;
    if ((f->garbled_why = garbled_why(al->arena, d))) f->flags |= CR_FLAG_GARBLED;
    if (d->meta.date_valid < 0) f->flags |= CR_FLAG_INVALID_DATE;
    if (d->meta.date_valid == 0) f->flags |= CR_FLAG_NO_DATE;
    if (d->words < CR_SHORT_BODY_WORDS) f->flags |= CR_FLAG_SHORT;
  }
  return find_duplicates(al);
}
