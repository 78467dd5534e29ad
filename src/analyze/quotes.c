/* quotes.c — pairing quotation marks.
 *
 * The tokenizer already decided, from its neighbours, whether each mark
 * opens or closes.  Here marks are paired per paragraph with a small
 * stack, so nested quotes (“… ‘…’ …”) pair inside out.  News style lets a
 * quotation run over several paragraphs: each paragraph reopens the quote
 * and only the last one closes it, so a mark still open at the end of its
 * paragraph simply covers the rest of that paragraph (close = UINT32_MAX)
 * and the attribution finder follows it into the next paragraph when that
 * one opens with a quote. */
#include <string.h>

#include "analyze/analyze.h"

/* Deeper nesting than this is not news prose; marks beyond it are
 * ignored rather than tracked, so the stack is a fixed array. */
#define CR_QUOTE_MAX_DEPTH 4

/* Tokens i and i+1 are two straight apostrophes with nothing between. */
static int double_apostrophe(const cr_doc *d, uint32_t i) {
  const cr_token *a = &d->toks[i], *b = &d->toks[i + 1];
  return b->kind == CR_TOK_QUOTE && a->span.end == b->span.start &&
         a->span.end - a->span.start == 1 && b->span.end - b->span.start == 1 &&
         d->text[a->span.start] == '\'' && d->text[b->span.start] == '\'';
}

static void pair_paragraph(const cr_doc *d, uint32_t t0, uint32_t t1,
                           uint8_t *inq, uint32_t *close) {
  uint32_t stack[CR_QUOTE_MAX_DEPTH];
  int depth = 0;
  for (uint32_t i = t0; i < t1; i++) {
    const cr_token *t = &d->toks[i];
    close[i] = UINT32_MAX;
    if (t->kind == CR_TOK_QUOTE) {
      int opens = (t->flags & CR_TF_OPEN) != 0;
      int closes = (t->flags & CR_TF_CLOSE) != 0;
      /* '' (two apostrophes, the quotation mark of some wire archives):
       * one mark; it opens after a space or at the paragraph start */
      if (i + 1 < t1 && double_apostrophe(d, i)) {
        int open2 = (t->flags & CR_TF_SPACE_BEFORE) || i == t0;
        close[i + 1] = UINT32_MAX;
        if (!open2 && depth > 0) {
          close[stack[--depth]] = i + 1;
          inq[i] = inq[i + 1] = (uint8_t)depth;
        } else if (open2 && depth < CR_QUOTE_MAX_DEPTH) {
          inq[i] = inq[i + 1] = (uint8_t)depth;
          stack[depth++] = i;
        } else {
          inq[i] = inq[i + 1] = (uint8_t)depth;
        }
        i++;
        continue;
      }
      if (!opens && !closes) opens = depth == 0; /* undecided: alternate */
      if (closes && depth > 0) {
        close[stack[--depth]] = i;
        inq[i] = (uint8_t)depth;
        continue;
      }
      if (opens && depth < CR_QUOTE_MAX_DEPTH) {
        inq[i] = (uint8_t)depth;
        stack[depth++] = i;
        continue;
      }
    }
    inq[i] = (uint8_t)depth;
  }
}

void cr_quote_marks(const cr_doc *d, uint8_t *inq, uint32_t *close) {
  if (!d->ntoks) return; /* inq and close may be NULL then */
  memset(inq, 0, d->ntoks);
  for (size_t i = 0; i < d->ntoks; i++) close[i] = UINT32_MAX;
  for (size_t p = 0; p < d->nparas; p++) {
    const cr_para *pa = &d->paras[p];
    if (pa->sent_begin >= pa->sent_end) continue;
    pair_paragraph(d, d->sents[pa->sent_begin].tok_begin,
                   d->sents[pa->sent_end - 1].tok_end, inq, close);
  }
}
