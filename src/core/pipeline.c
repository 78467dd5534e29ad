/* pipeline.c — runs the per-document stages in order: clean (paragraphs,
 * title), text (tokens, sentences), metadata, stems.  Each stage only
 * reads what the earlier ones left on the document. */
#include "analyze/analyze.h"
#include "clean/clean.h"
#include "core/corpus.h"
#include "core/termvec.h"

/* Paragraph kinds whose sentences are read by later stages.  Boilerplate
 * and header lines are kept as paragraphs but carry no sentences. */
static int para_has_sentences(uint8_t kind) {
  return kind == CR_PARA_BODY || kind == CR_PARA_TITLE ||
         kind == CR_PARA_HEADING || kind == CR_PARA_CAPTION;
}

/* Word-like tokens get a vocabulary term: the Snowball stem of the folded
 * form; stop words and one-letter words get none, since they carry no
 * content for matching sentences across sources.  Returns CR_NO_ID for
 * those, and UINT32_MAX - 1 when out of memory. */
#define TERM_OOM (CR_NO_ID - 1)
static uint32_t term_of_token(cr_corpus *c, const char *s, size_t n,
                              uint8_t kind) {
  cr_buf_clear(&c->fold);
  if (cr_fold(s, n, &c->fold) && c->fold.failed) return TERM_OOM;
  const char *f = cr_buf_cstr(&c->fold);
  size_t fl = c->fold.len;
  if (kind == CR_TOK_WORD && (fl < 2 || cr_is_stopword(f, fl))) return CR_NO_ID;
  uint32_t t;
  if (kind != CR_TOK_WORD) {
    t = cr_corpus_term(c, f, fl);
  } else {
    size_t sl;
    const char *st = cr_stem(c->stemmer, f, fl, &sl);
    t = st ? cr_corpus_term(c, st, sl) : cr_corpus_term(c, f, fl);
  }
  return t == CR_NO_ID ? TERM_OOM : t;
}

/* term_of_token through the corpus cache keyed by the token's bytes. */
static int stem_tokens(cr_corpus *c, const char *text, cr_token *toks,
                       size_t n) {
  for (size_t i = 0; i < n; i++) {
    cr_token *k = &toks[i];
    k->term = CR_NO_ID;
    if (k->kind != CR_TOK_WORD && k->kind != CR_TOK_NUMBER &&
        k->kind != CR_TOK_ABBREV)
      continue;
    const char *s = text + k->span.start;
    size_t len = k->span.end - k->span.start;
    uint32_t slot = cr_strmap_intern(c->term_cache, s, len);
    if (slot == CR_NO_ID) return -1;
    if (slot == c->term_of.n) {
      uint32_t t = term_of_token(c, s, len, k->kind);
      if (t == TERM_OOM || cr_vec_push(&c->term_of, t)) return -1;
    }
    k->term = c->term_of.v[slot];
  }
  return 0;
}

/* Paragraphs, tokens and sentences: the stages every reader of a
 * report's words needs, and the only ones dedup needs. */
static int segment_doc(cr_corpus *c, cr_doc *d) {
  if (cr_clean_paragraphs(c, d)) return -1;
  c->toks.n = 0;
  c->sents.n = 0;
  d->words = 0;
  for (size_t p = 0; p < d->nparas; p++) {
    cr_para *para = &d->paras[p];
    para->sent_begin = para->sent_end = (uint32_t)c->sents.n;
    if (!para_has_sentences(para->kind)) continue;
    size_t t0 = c->toks.n;
    if (cr_tokenize(d->text, para->span, &c->toks)) return -1;
    if (cr_split_sentences(d->text, c->toks.v + t0, c->toks.n - t0,
                           (uint32_t)t0, (uint32_t)p, &c->sents))
      return -1;
    para->sent_end = (uint32_t)c->sents.n;
    if (para->kind == CR_PARA_BODY)
      for (size_t k = t0; k < c->toks.n; k++) {
        uint8_t kind = c->toks.v[k].kind;
        d->words += kind == CR_TOK_WORD || kind == CR_TOK_NUMBER ||
                    kind == CR_TOK_ABBREV;
      }
  }
  d->toks = cr_arena_memdup(c->arena, c->toks.v, c->toks.n, sizeof(cr_token));
  d->ntoks = c->toks.n;
  d->sents = cr_arena_memdup(c->arena, c->sents.v, c->sents.n,
                             sizeof(cr_sentence));
  d->nsents = c->sents.n;
  if ((d->ntoks && !d->toks) || (d->nsents && !d->sents)) return -1;
  d->segmented = 1;
  return 0;
}

static int analyze_doc(cr_corpus *c, cr_doc *d) {
  if (!d->segmented && segment_doc(c, d)) return -1;
  if (cr_clean_meta(c, d)) return -1;
  if (stem_tokens(c, d->text, d->toks, d->ntoks)) return -1;
  d->analyzed = 1;
  return 0;
}

int cr_corpus_segment(cr_corpus *c) {
  for (size_t i = 0; i < c->docs.n; i++) {
    cr_doc *d = c->docs.v[i];
    if (!d->segmented && segment_doc(c, d)) return -1;
  }
  return 0;
}

cr_status cr_corpus_analyze(cr_corpus *c) {
  if (!c) return CR_ERR_USAGE;
  for (size_t i = 0; i < c->docs.n; i++) {
    cr_doc *d = c->docs.v[i];
    if (!d->analyzed && analyze_doc(c, d)) return CR_ERR_NOMEM;
  }
  if (cr_analyze_corpus(c)) return CR_ERR_NOMEM; /* who said what */
  return CR_OK;
}

int cr_corpus_vectorize(cr_corpus *c, const char *s, size_t n,
                        const float *idf, cr_arena *a, cr_termvec *out) {
  cr_token_vec toks = {0};
  cr_span all = {0, (uint32_t)n};
  int rc = -1;
  if (!cr_tokenize(s, all, &toks) && !stem_tokens(c, s, toks.v, toks.n))
    rc = cr_termvec_build(a, toks.v, toks.n, idf, out);
  cr_vec_free(&toks);
  return rc;
}
