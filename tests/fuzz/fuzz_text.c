/* fuzz_text.c — any bytes as a plain-text report: repair, paragraphs,
 * tokens, sentences, stems, and a brief of it. */
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 0;
  cr_corpus_add_memory(c, "fuzz.txt", (const char *)data, size, CR_INPUT_TEXT);
  cr_brief *b = NULL;
  if (cr_corpus_doc_count(c) && cr_brief_new(c, NULL, &b) == CR_OK)
    cr_brief_free(b);
  cr_corpus_free(c);
  return 0;
}
