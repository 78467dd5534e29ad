/* shingles.c — the normalized body of a report as word hashes, its word
 * shingles, and set intersection. */
#include <stdlib.h>
#include <string.h>
/* inlined: a call per word and per shingle costs more than the hash */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup/dedup.h"

/* Body paragraphs carry the report; headings inside it too.  Titles,
 * captions and header lines are what republishers change first. */
static int para_is_body(uint8_t kind) {
  return kind == CR_PARA_BODY || kind == CR_PARA_HEADING;
}

static int tok_is_word(uint8_t kind) {
  return kind == CR_TOK_WORD || kind == CR_TOK_NUMBER || kind == CR_TOK_ABBREV;
}

/* ASCII lowercase is enough for copies of one text: republishers change
 * case in headlines, not the Unicode form of body words, and a full fold
 * per token would cost more than the rest of dedup. */
static uint64_t word_hash(const char *s, size_t n) {
  char buf[64];
  if (n > sizeof buf) return XXH3_64bits(s, n);
  for (size_t i = 0; i < n; i++)
    buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
  return XXH3_64bits(buf, n);
}

static int counts(const cr_doc *d, size_t p) {
  return p < d->nparas && para_is_body(d->paras[p].kind);
}

uint64_t *cr_dedup_words(const cr_doc *d, size_t *n) {
  *n = 0;
  size_t m = 0;
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    if (!counts(d, se->para)) continue;
    for (uint32_t k = se->tok_begin; k < se->tok_end && k < d->ntoks; k++)
      m += tok_is_word(d->toks[k].kind);
  }
  if (!m) return NULL;
  uint64_t *w = malloc(m * sizeof *w);
  if (!w) {
    *n = SIZE_MAX;
    return NULL;
  }
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    if (!counts(d, se->para)) continue;
    for (uint32_t k = se->tok_begin; k < se->tok_end && k < d->ntoks; k++) {
      const cr_token *t = &d->toks[k];
      if (tok_is_word(t->kind))
        w[(*n)++] = word_hash(d->text + t->span.start, t->span.end - t->span.start);
    }
  }
  return w;
}

/* Sorts ascending.  Every report sorts its shingles and the streaming
 * pass sorts its band keys: a typed sort runs ~4x faster than qsort's
 * call per comparison.  Quicksort on the median of three, recursing into
 * the smaller side (depth <= log n), insertion sort for short runs. */
void cr_sort_u64(uint64_t *a, size_t n) {
  while (n > 16) {
    uint64_t x = a[0], y = a[n / 2], z = a[n - 1];
    uint64_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    size_t i = 0, j = n - 1;
    for (;;) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i >= j) break;
      uint64_t t = a[i];
      a[i++] = a[j];
      a[j--] = t;
    }
    /* a[0..j] <= p <= a[j+1..n) */
    if (j + 1 < n - j - 1) {
      cr_sort_u64(a, j + 1);
      a += j + 1;
      n -= j + 1;
    } else {
      cr_sort_u64(a + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  for (size_t i = 1; i < n; i++) {
    uint64_t x = a[i];
    size_t j = i;
    for (; j && a[j - 1] > x; j--) a[j] = a[j - 1];
    a[j] = x;
  }
}

uint64_t *cr_dedup_shingle_list(const uint64_t *words, size_t nw, size_t k,
                                size_t *n) {
  *n = 0;
  if (!nw) return NULL;
  /* a report shorter than one shingle is one shingle of all its words */
  size_t m = nw >= k ? nw - k + 1 : 1, len = nw >= k ? k : nw;
  uint64_t *sh = malloc(m * sizeof *sh);
  if (!sh) return NULL;
  for (size_t i = 0; i < m; i++) sh[i] = XXH3_64bits(words + i, len * sizeof *words);
  *n = m;
  return sh;
}

uint64_t *cr_dedup_shingles(const uint64_t *words, size_t nw, size_t k,
                            size_t *n) {
  size_t m;
  uint64_t *sh = cr_dedup_shingle_list(words, nw, k, &m);
  *n = 0;
  if (!sh) return NULL;
  cr_sort_u64(sh, m);
  size_t u = 1;
  for (size_t i = 1; i < m; i++)
    if (sh[i] != sh[u - 1]) sh[u++] = sh[i];
  *n = u;
  return sh;
}

size_t cr_dedup_intersect(const uint64_t *a, size_t na, const uint64_t *b,
                          size_t nb) {
  size_t i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else k++, i++, j++;
  }
  return k;
}
