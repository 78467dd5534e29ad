/* fuzz_tokenize.c — the tokenizer and the sentence splitter straight on
 * arbitrary bytes (no repair first), checking the invariants every later
 * stage relies on:
 *   - every token lies inside the range it was asked for, is non-empty,
 *     and tokens come in order without overlapping;
 *   - the sentences of a range cover its tokens exactly, in order, each
 *     sentence's span running from its first token to its last.
 * The input is scanned twice: whole, and from a start offset chosen by the
 * first byte, so a scanner that looks before range.start or past
 * range.end shows up under ASan (the copy has no slack bytes). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static void tokfuzz_check(const char *text, cr_span range) {
  cr_token_vec toks = {0};
  cr_sentence_vec sents = {0};
  if (cr_tokenize(text, range, &toks)) abort(); /* out of memory */
  uint32_t prev_end = range.start;
  for (size_t i = 0; i < toks.n; i++) {
    cr_span s = toks.v[i].span;
    if (s.start < prev_end || s.end <= s.start || s.end > range.end) abort();
    if (toks.v[i].kind > CR_TOK_SYMBOL) abort();
    prev_end = s.end;
  }
  if (cr_split_sentences(text, toks.v, toks.n, 7, 3, &sents)) abort();
  uint32_t next = 7; /* tok_base */
  for (size_t i = 0; i < sents.n; i++) {
    const cr_sentence *s = &sents.v[i];
    if (s->para != 3 || s->tok_begin != next || s->tok_end <= s->tok_begin)
      abort();
    if (s->tok_end - 7 > toks.n) abort();
    if (s->span.start != toks.v[s->tok_begin - 7].span.start ||
        s->span.end != toks.v[s->tok_end - 1 - 7].span.end)
      abort();
    next = s->tok_end;
  }
  if (next - 7 != toks.n) abort(); /* every token in exactly one sentence */
  cr_vec_free(&toks);
  cr_vec_free(&sents);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0; /* spans are 32-bit; keep runs short */
  char *text = malloc(size ? size : 1);
  if (!text) return 0;
  memcpy(text, data, size);
  cr_span all = {0, (uint32_t)size};
  tokfuzz_check(text, all);
  if (size > 1) {
    cr_span part = {(uint32_t)(data[0] % size), (uint32_t)size};
    tokfuzz_check(text, part);
  }
  free(text);
  return 0;
}
