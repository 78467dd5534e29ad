/* fuzz_jsonl.c — any bytes as a JSONL stream of reports. */
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 0;
  cr_corpus_add_memory(c, "fuzz.jsonl", (const char *)data, size, CR_INPUT_JSONL);
  cr_corpus_analyze(c);
  cr_corpus_free(c);
  return 0;
}
