/* follow_quotes.c — quotations that carry on an attribution.
 *
 * News prose lets a speaker go on in a sentence of its own that is
 * nothing but a quotation, with no cue:
 *
 *     He promised that he would stay in the race. "We are in till the
 *     last ballot is cast!"
 *
 *     "A," she said. "B." ¶ "C."
 *
 * PolNeAR counts such a quotation in the content of the attribution just
 * before it.  The sentence finder sees one sentence at a time, so this
 * pass runs over a document's attributions once they are all found: a
 * sentence that opens with a quotation, holds nothing after it, and is
 * neither a cue's sentence nor inside another content joins the content
 * that ends right before it, when that content is itself a quotation or
 * its cue a verb of saying (after "believes ..." a quotation is more
 * often someone else's).  An attribution has two fragments: a
 * quotation right after the last one (only full stops between) extends
 * it; one after other words becomes the second fragment when that is
 * still free. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

/* How many quotation sentences (or reopened paragraphs) one attribution
 * may take on: a long run of cue-less quotations is an interview or a
 * transcript, not one speaker going on. */
#define CR_FOLLOW_MAX_QUOTES 6

/* The sentence holding token t (sentences are in token order). */
static uint32_t sent_of(const cr_doc *d, uint32_t t) {
  size_t lo = 0, hi = d->nsents;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->sents[mid].tok_end <= t) lo = mid + 1;
    else hi = mid;
  }
  return (uint32_t)lo;
}

/* The last token that ends at or before byte `end`. */
static uint32_t tok_ending(const cr_doc *d, uint32_t end) {
  size_t lo = 0, hi = d->ntoks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->toks[mid].span.end <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo ? (uint32_t)lo - 1 : 0;
}

/* Token i is a full stop, question or exclamation mark, or a quotation
 * mark: what may stand between a content and the quotation after it. */
static int closing_punct(const cr_doc *d, uint32_t i) {
  const cr_token *t = &d->toks[i];
  if (t->kind == CR_TOK_QUOTE) return 1;
  if (t->kind != CR_TOK_PUNCT || t->span.end - t->span.start != 1) return 0;
  char c = d->text[t->span.start];
  return c == '.' || c == '?' || c == '!';
}

/* Token t, a content's last, is a closing quotation mark (or the full
 * stop after one): a speaker already quoted goes on. */
static int quoted_end(const cr_doc *d, uint32_t t) {
  if (d->toks[t].kind != CR_TOK_QUOTE && t > 0 && closing_punct(d, t)) t--;
  return d->toks[t].kind == CR_TOK_QUOTE && !(d->toks[t].flags & CR_TF_OPEN);
}

/* The cue has a verb of saying ("said", "told", "added"): its speaker
 * may go on quoting after a reported clause. */
static int speech_cue(const cr_doc *d, cr_span cue) {
  for (uint32_t i = cr_doc_token_at(d, cue.start); i < d->ntoks && d->toks[i].span.end <= cue.end; i++) {
    char w[24];
    size_t n = cr_tok_lower(d, &d->toks[i], w, sizeof w);
    const cr_cue_entry *e = n ? cr_cue_lookup(w, n) : NULL;
    if (e && e->cls == CR_CUE_SPEECH) return 1;
  }
  return 0;
}

/* The next paragraph after p that has sentences, or d->nparas. */
static uint32_t next_para(const cr_doc *d, uint32_t p) {
  uint32_t np = p + 1;
  while (np < d->nparas && d->paras[np].sent_begin >= d->paras[np].sent_end) np++;
  return np;
}

/* Sentence s opens with a quotation that runs to the end of a sentence
 * with nothing but punctuation after its closing mark; the quotation may
 * go on over paragraphs that each reopen it.  Sets *last to the last
 * sentence it covers and returns the token after its last mark, or 0. */
static uint32_t whole_quote(const cr_doc *d, const uint32_t *close, uint32_t s,
                            uint32_t *last) {
  uint32_t open = d->sents[s].tok_begin;
  uint32_t para = d->sents[s].para;
  for (int hops = 0; hops < CR_FOLLOW_MAX_QUOTES; hops++) {
    const cr_token *t = &d->toks[open];
    if (t->kind != CR_TOK_QUOTE || !(t->flags & CR_TF_OPEN)) return 0;
    uint32_t c = close[open];
    if (c != UINT32_MAX) {
      uint32_t cs = sent_of(d, c);
      for (uint32_t j = c + 1; j < d->sents[cs].tok_end; j++)
        if (!closing_punct(d, j)) return 0;
      *last = cs;
      return c + 1;
    }
    /* open to the end of its paragraph: the next one must reopen it */
    uint32_t np = next_para(d, para);
    if (np >= d->nparas) return 0;
    para = np;
    open = d->sents[d->paras[np].sent_begin].tok_begin;
  }
  return 0;
}

/* Fewest words in a follow-on quotation: a shorter one ("Related:",
 * 'A healthy environment.') is a heading or a caption. */
#define CR_FOLLOW_MIN_WORDS 4

/* toks[lo..hi) has fewer than CR_FOLLOW_MIN_WORDS words. */
static int few_words(const cr_doc *d, uint32_t lo, uint32_t hi) {
  uint32_t n = 0, caps = 0;
  for (uint32_t j = lo; j < hi; j++)
    if (d->toks[j].kind == CR_TOK_WORD) {
      n++;
      caps += (d->toks[j].flags & CR_TF_CAP) != 0;
    }
  /* 'Coal Isn't the Villain.': a title-case heading */
  return n < CR_FOLLOW_MIN_WORDS || caps * 2 > n;
}

/* Marks the sentences a span of bytes touches. */
static void claim(const cr_doc *d, uint8_t *taken, cr_span sp) {
  if (sp.end <= sp.start) return;
  uint32_t a = sent_of(d, cr_doc_token_at(d, sp.start));
  uint32_t b = sent_of(d, tok_ending(d, sp.end));
  for (uint32_t s = a; s <= b && s < d->nsents; s++) taken[s] = 1;
}

/* The sentences s..last are free for a follow-on quotation. */
static int all_free(const uint8_t *taken, uint32_t s, uint32_t last) {
  for (uint32_t k = s; k <= last; k++)
    if (taken[k]) return 0;
  return 1;
}

/* Takes on the cue-less quotations after attribution a's content. */
static void follow(const cr_doc *d, const uint32_t *close, uint8_t *taken, cr_attr *a) {
  for (int n = 0; n < CR_FOLLOW_MAX_QUOTES; n++) {
    cr_span *frag = a->content2.end > a->content2.start ? &a->content2 : &a->content;
    if (frag->end <= frag->start) return;
    uint32_t endtok = tok_ending(d, frag->end);
    if (!quoted_end(d, endtok) && !speech_cue(d, a->cue)) return;
    uint32_t s = sent_of(d, endtok) + 1;
    if (s >= d->nsents) return;
    const cr_sentence *ns = &d->sents[s];
    uint32_t here = d->sents[s - 1].para;
    if (ns->para != here && ns->para != next_para(d, here)) return;
    uint8_t pk = d->paras[ns->para].kind;
    if (pk != CR_PARA_BODY) return;
    uint32_t last = s, qe = whole_quote(d, close, s, &last);
    if (!qe || !all_free(taken, s, last) || few_words(d, ns->tok_begin, qe)) return;
    int adjacent = 1;
    for (uint32_t j = endtok + 1; j < ns->tok_begin; j++)
      if (!closing_punct(d, j)) adjacent = 0;
    if (adjacent) {
      frag->end = d->toks[qe - 1].span.end;
    } else if (frag == &a->content) {
      a->content2.start = d->toks[ns->tok_begin].span.start;
      a->content2.end = d->toks[qe - 1].span.end;
    } else {
      return;
    }
    if (a->kind == CR_ATTR_INDIRECT) a->kind = CR_ATTR_MIXED;
    for (uint32_t k = s; k <= last; k++) taken[k] = 1;
  }
}

int cr_follow_quotes(const cr_doc *d, const uint32_t *close, cr_attr_vec *attrs) {
  if (!attrs->n || !d->nsents) return 0;
  uint8_t *taken = calloc(d->nsents, 1);
  if (!taken) return -1;
  for (size_t i = 0; i < attrs->n; i++) {
    const cr_attr *a = &attrs->v[i];
    claim(d, taken, a->cue);
    claim(d, taken, a->content);
    claim(d, taken, a->content2);
    claim(d, taken, a->source);
  }
  /* the attribution whose content ends last before a quotation takes it:
   * walk them from the end so the nearest one claims first */
  for (size_t i = attrs->n; i-- > 0;) follow(d, close, taken, &attrs->v[i]);
  free(taken);
  return 0;
}
