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
  memset(inq, 0, d->ntoks);
  for (size_t i = 0; i < d->ntoks; i++) close[i] = UINT32_MAX;
  for (size_t p = 0; p < d->nparas; p++) {
    const cr_para *pa = &d->paras[p];
    if (pa->sent_begin >= pa->sent_end) continue;
    pair_paragraph(d, d->sents[pa->sent_begin].tok_begin,
                   d->sents[pa->sent_end - 1].tok_end, inq, close);
  }
}
