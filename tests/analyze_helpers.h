/* analyze_helpers.h — what the analysis tests share: an analysed
 * in-memory corpus, a span's text and the number found at a text.
 * Included after cmocka.h and analyze/analyze.h; static inline, so a test
 * that uses only some of them builds without unused-function warnings. */
#ifndef CR_TESTS_ANALYZE_HELPERS_H
#define CR_TESTS_ANALYZE_HELPERS_H

/* The texts as documents doc0.txt, doc1.txt, ..., analysed. */
static inline cr_corpus *corpus_of(const char *const *texts, size_t n) {
  cr_corpus *c = cr_corpus_new(NULL);
  assert_non_null(c);
  for (size_t i = 0; i < n; i++) {
    char name[32];
    snprintf(name, sizeof name, "doc%u.txt", (unsigned)(i % 1000000u));
    assert_int_equal(cr_corpus_add_memory(c, name, texts[i], strlen(texts[i]), CR_INPUT_TEXT),
                     CR_OK);
  }
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  return c;
}

/* The text of a span, in the caller's buffer. */
static inline const char *span_text(const cr_doc *d, cr_span s, char *buf, size_t cap) {
  size_t n = s.end - s.start;
  if (n >= cap) n = cap - 1;
  memcpy(buf, d->text + s.start, n);
  buf[n] = 0;
  return buf;
}

/* The number whose span reads text, or NULL. */
static inline const cr_number *number_at(const cr_doc *d, const char *text) {
  char b[128];
  for (size_t i = 0; i < d->nnums; i++)
    if (!strcmp(span_text(d, d->nums[i].span, b, sizeof b), text)) return &d->nums[i];
  return NULL;
}

#endif
