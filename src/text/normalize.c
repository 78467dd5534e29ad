/* normalize.c — the matching form of a word or span.
 *
 * Two reports of one event spell the same word differently: “Morales’s”
 * vs "Morales's", composed vs decomposed accents, capitalised headlines.
 * Folding maps all of them to one byte string so the vocabulary sees one
 * term.  utf8proc does NFC + case folding; the typographic mapping after it
 * is ours because Unicode folding leaves punctuation alone. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* Maps typographic apostrophes and dashes to ASCII; other code points pass. */
static int32_t fold_punct(int32_t cp) {
  switch (cr_char_classify(cp)) {
    case CR_CH_APOSTROPHE: return '\'';
    case CR_CH_DASH: return '-';
    default: break;
  }
  if (cp == 0x2010 || cp == 0x2011) return '-'; /* hyphen, non-breaking hyphen */
  return cp;
}

/* Appends s with typographic punctuation mapped; s is valid UTF-8 here. */
static int append_mapped(const char *s, size_t n, cr_buf *out) {
  if (cr_buf_reserve(out, n)) return -1;
  size_t i = 0;
  while (i < n) {
    size_t at = i;
    if (!((unsigned char)s[i] & 0x80)) {
      while (i < n && !((unsigned char)s[i] & 0x80)) i++;
      if (cr_buf_append(out, s + at, i - at)) return -1;
      continue;
    }
    int32_t cp = cr_utf8_next(s, n, &i);
    int32_t m = cp < 0 ? cp : fold_punct(cp);
    if (m == cp) {
      if (cr_buf_append(out, s + at, i - at)) return -1;
    } else if (cr_buf_putc(out, (char)m)) {
      return -1;
    }
  }
  return 0;
}

/* ASCII-only input needs no Unicode tables: lowercase it directly.  Most
 * words in English news take this path, which keeps folding off the
 * profile. */
static int fold_ascii(const char *s, size_t n, cr_buf *out) {
  if (cr_buf_reserve(out, n)) return -1;
  char *d = out->data + out->len;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    d[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out->len += n;
  out->data[out->len] = '\0';
  return 0;
}

static int is_ascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] & 0x80) return 0;
  return 1;
}

int cr_fold(const char *s, size_t n, cr_buf *out) {
  if (is_ascii(s, n)) return fold_ascii(s, n, out);
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t r = -1;
  if (n <= (size_t)PTRDIFF_MAX / 8)
    r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (r < 0) {
    /* Invalid UTF-8 or no memory: a lowercase copy still matches most. */
    free(dst);
    fold_ascii(s, n, out);
    return -1;
  }
  int rc = append_mapped((const char *)dst, (size_t)r, out);
  free(dst);
  return rc;
}
