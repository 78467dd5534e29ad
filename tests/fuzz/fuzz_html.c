/* fuzz_html.c — any bytes through the HTML escaper and as a report on the
 * story page.  Invariants beyond "no crash": escaped text never contains a
 * character that could open or close markup or an attribute, and is valid
 * UTF-8; the page of any report holds no "<script". */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/corpus.h"
#include "report/html.h"
#include "text/text.h"

static void check_escaped(const char *s, size_t n) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return;
  cr_html_textn(f, s, n);
  fclose(f);
  if (memchr(buf, '<', len) || memchr(buf, '>', len) || memchr(buf, '"', len) ||
      memchr(buf, '\'', len) || !cr_utf8_valid(buf, len))
    abort();
  free(buf);
}

/* The first byte picks the reader: JSONL (titles, outlets, URLs) or a
 * plain-text report (title line and body). */
static void check_page(const char *s, size_t n) {
  if (n < 1) return;
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return;
  cr_corpus_add_memory(c, "fuzz", s + 1, n - 1, (s[0] & 1) ? CR_INPUT_JSONL : CR_INPUT_TEXT);
  cr_brief *b = NULL;
  if (cr_corpus_doc_count(c) && cr_brief_new(c, NULL, &b) == CR_OK) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
      cr_brief_html(b, f);
      fclose(f);
      if (memmem(buf, len, "<script", 7) || !cr_utf8_valid(buf, len))
        abort();
      free(buf);
    }
    cr_brief_free(b);
  }
  cr_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  check_escaped((const char *)data, size);
  check_page((const char *)data, size);
  return 0;
}
