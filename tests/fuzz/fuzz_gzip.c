/* fuzz_gzip.c — any bytes behind a gzip header, as an .html.gz file: the
 * decompressor with its size ceiling (corrupt, truncated, concatenated and
 * bomb-like members), then extraction of whatever came out. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crossread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_html_bytes = 1 << 20;
  /* Most inputs get the gzip magic so the fuzzer spends its time inside
   * inflate rather than on the "not gzip" path. */
  char *buf = malloc(size + 2);
  if (!buf) return 0;
  int raw = size > 0 && data[0] == 'R';
  size_t n = size;
  if (raw) {
    memcpy(buf, data, size);
  } else {
    buf[0] = 0x1f;
    buf[1] = (char)0x8b;
    memcpy(buf + 2, data, size);
    n += 2;
  }
  cr_corpus *c = cr_corpus_new(&lim);
  if (c) {
    cr_corpus_add_memory(c, "fuzz.html.gz", buf, n, CR_INPUT_AUTO);
    cr_corpus_analyze(c);
    cr_corpus_free(c);
  }
  free(buf);
  return 0;
}
