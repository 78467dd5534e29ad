/* fuzz_extract.c — any bytes as an HTML page: charset sniffing and
 * conversion, gumbo, the flattened tree, scoring, rendering, metadata and
 * JSON-LD, then the text stages on the extracted article. */
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_html_bytes = 1 << 20; /* keep each run fast */
  cr_corpus *c = cr_corpus_new(&lim);
  if (!c) return 0;
  cr_corpus_add_memory(c, "fuzz.html", (const char *)data, size, CR_INPUT_HTML);
  cr_corpus_analyze(c);
  cr_corpus_free(c);
  return 0;
}
