/* fuzz_ingest.c — arbitrary bytes through the whole public path a user
 * reaches: format detection (CR_INPUT_AUTO), plain text or JSONL reading,
 * analysis, the brief, and every renderer.
 *
 * Byte 0 picks the file name (which steers detection) and whether small
 * limits are in force, so the truncation and skip paths are fuzzed too.
 * Checked: every document's text is valid UTF-8 without NUL and within
 * max_doc_bytes, its sentences lie inside it in order, every diagnostic
 * names the file, and the JSON renderers write JSON that parses. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/corpus.h"

static void ingfuzz_json_parses(cr_corpus *c, const cr_brief *b, int which) {
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  if (!f) return;
  cr_status st = which ? cr_render_clean(c, CR_FORMAT_JSON, f)
                       : cr_render_brief(b, CR_FORMAT_JSON, f);
  fclose(f);
  /* Clean output is one object per report (JSON Lines for several):
   * every value in the stream must parse, back to back. */
  const char *p = mem, *end = mem + len;
  while (st == CR_OK && p < end) {
    while (p < end && (*p == '\n' || *p == ' ')) p++;
    if (p >= end) break;
    const char *stop = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(p, (size_t)(end - p), &stop, 0);
    if (!j || !stop || stop <= p) abort();
    cJSON_Delete(j);
    p = stop;
  }
  free(mem);
}

static void ingfuzz_render_md(const cr_brief *b) {
  FILE *f = fopen("/dev/null", "w");
  if (!f) return;
  cr_render_brief(b, CR_FORMAT_MARKDOWN, f);
  fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  static const char *const names[] = {"in.txt", "in.jsonl", "-", "in"};
  const char *name = names[data[0] & 3];
  cr_limits lim;
  cr_limits_default(&lim);
  if (data[0] & 4) { /* small limits: exercise the truncating paths */
    lim.max_doc_bytes = 64;
    lim.max_line_bytes = 256;
    lim.max_json_depth = 3;
    lim.max_docs = 4;
  }
  cr_corpus *c = cr_corpus_new(&lim);
  if (!c) return 0;
  cr_corpus_add_memory(c, name, (const char *)data + 1, size - 1, CR_INPUT_AUTO);
  if (cr_corpus_analyze(c) != CR_OK) abort();
  for (size_t i = 0; i < cr_corpus_doc_count(c); i++) {
    const cr_doc *d = cr_corpus_doc(c, i);
    size_t n;
    const char *t = cr_doc_text(d, &n);
    if (!cr_utf8_valid(t, n) || memchr(t, 0, n) || t[n] != 0) abort();
    if (n > lim.max_doc_bytes) abort();
    uint32_t prev = 0;
    for (size_t k = 0; k < cr_doc_sentence_count(d); k++) {
      cr_span s = cr_doc_sentence(d, k);
      if (s.start < prev || s.end < s.start || s.end > n) abort();
      prev = s.end;
    }
  }
  if (cr_corpus_doc_count(c) > lim.max_docs) abort();
  for (size_t i = 0; i < cr_corpus_diag_count(c); i++) {
    const cr_diag *g = cr_corpus_diag(c, i);
    if (strcmp(g->file, name) || !g->message[0]) abort();
  }
  ingfuzz_json_parses(c, NULL, 1);
  cr_brief *b = NULL;
  if (cr_corpus_doc_count(c) && cr_brief_new(c, NULL, &b) == CR_OK) {
    ingfuzz_json_parses(c, b, 0);
    ingfuzz_render_md(b);
    cr_brief_free(b);
  }
  cr_corpus_free(c);
  return 0;
}
