/* fuzz_quotes.c — any bytes as two reports of one corpus: quotation
 * pairing, attributions, entities with the cross-report alias merge,
 * numbers and dates; then every span is checked against its text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "analyze/analyze.h"

static void check_span(const cr_doc *d, cr_span s) {
  if (s.start > s.end || s.end > d->text_len) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 0;
  /* the input split in two reports, so the alias merge sees two */
  size_t half = size / 2;
  cr_corpus_add_memory(c, "a.txt", (const char *)data, half, CR_INPUT_TEXT);
  cr_corpus_add_memory(c, "b.txt", (const char *)data + half, size - half, CR_INPUT_TEXT);
  if (cr_corpus_analyze(c) == CR_OK) {
    for (size_t i = 0; i < c->docs.n; i++) {
      const cr_doc *d = c->docs.v[i];
      for (size_t k = 0; k < d->nattrs; k++) {
        check_span(d, d->attrs[k].source);
        check_span(d, d->attrs[k].cue);
        check_span(d, d->attrs[k].content);
        check_span(d, d->attrs[k].content2);
        (void)cr_attr_speaker(c, d, &d->attrs[k]);
      }
      for (size_t k = 0; k < d->nments; k++) {
        check_span(d, d->ments[k].span);
        if (d->ments[k].entity >= c->ents.n) abort();
      }
      for (size_t k = 0; k < d->nnums; k++) check_span(d, d->nums[k].span);
      for (size_t k = 0; k < d->ndates; k++) check_span(d, d->dates[k].span);
    }
  }
  cr_corpus_free(c);
  return 0;
}
