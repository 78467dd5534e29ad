/* utf8.c — strict UTF-8 decoding, validation and repair.
 *
 * News text arrives from scrapers, PDFs and old CMS exports, so every byte
 * sequence must be survivable.  The decoder is strict (RFC 3629): an
 * overlong form or an encoded surrogate would let two different byte strings
 * fold to the same word, so they are rejected like any other garbage. */
#include <string.h>

#include "text/text.h"

/* Decodes one sequence starting at s[*i]; strict per RFC 3629 table 3-7. */
int32_t cr_utf8_next(const char *s, size_t n, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  size_t left = n - *i;
  unsigned c = p[0];
  if (c < 0x80) {
    *i += 1;
    return (int32_t)c;
  }
  int32_t cp;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;      /* overlong below U+0800 */
    else if (c == 0xED) hi = 0x9F; /* surrogates U+D800..DFFF */
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;      /* overlong below U+10000 */
    else if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
  } else {
    *i += 1; /* continuation byte, C0/C1 overlong lead, or F5..FF */
    return -1;
  }
  if (left < len || p[1] < lo || p[1] > hi) {
    *i += 1;
    return -1;
  }
  cp = (cp << 6) | (p[1] & 0x3F);
  for (size_t k = 2; k < len; k++) {
    if ((p[k] & 0xC0) != 0x80) {
      *i += 1;
      return -1;
    }
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  *i += len;
  return cp;
}

size_t cr_utf8_encode(int32_t cp, char out[4]) {
  if (cp < 0) return 0;
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp > 0x10FFFF) return 0;
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Length of the leading ASCII run, eight bytes at a time: most news text
 * is ASCII, and checking a word for any high bit is far cheaper than
 * decoding byte by byte. */
static size_t ascii_run(const char *s, size_t n) {
  size_t i = 0;
  while (i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && !((unsigned char)s[i] & 0x80)) i++;
  return i;
}

int cr_utf8_valid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    i += ascii_run(s + i, n - i);
    if (i >= n) break;
    if (cr_utf8_next(s, n, &i) < 0) return 0;
  }
  return 1;
}

size_t cr_utf8_repair(const char *s, size_t n, cr_buf *out) {
  static const char repl[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
  size_t fixes = 0, i = 0;
  if (cr_buf_reserve(out, n)) return (size_t)-1;
  while (i < n) {
    size_t run = ascii_run(s + i, n - i);
    /* NUL is ASCII but would truncate every C string made from the text. */
    const char *nul = run ? memchr(s + i, 0, run) : NULL;
    if (nul) run = (size_t)(nul - (s + i));
    if (run && cr_buf_append(out, s + i, run)) return (size_t)-1;
    i += run;
    if (i >= n) break;
    if (s[i] == 0) {
      fixes++;
      i++;
      continue;
    }
    size_t at = i;
    if (cr_utf8_next(s, n, &i) < 0) {
      fixes++;
      if (cr_buf_append(out, repl, 3)) return (size_t)-1;
    } else if (cr_buf_append(out, s + at, i - at)) {
      return (size_t)-1;
    }
  }
  if (cr_buf_reserve(out, 0)) return (size_t)-1;
  if (out->data) out->data[out->len] = '\0';
  return fixes;
}

size_t cr_utf8_count(const char *s, size_t n) {
  size_t count = 0, i = 0;
  while (i < n) {
    size_t run = ascii_run(s + i, n - i);
    count += run;
    i += run;
    if (i >= n) break;
    cr_utf8_next(s, n, &i);
    count++;
  }
  return count;
}

cr_char_class cr_char_classify(int32_t cp) {
  switch (cp) {
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x00AB: /* « */
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
    case 0x2039: /* ‹ */
      return CR_CH_QUOTE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x203A: /* › */
      return CR_CH_QUOTE_CLOSE;
    case '"':
    case 0x201F: /* ‟ */
      return CR_CH_QUOTE_AMBIG;
    case '\'':
    case 0x2019: /* ’ */
    case 0x02BC: /* ʼ */
      return CR_CH_APOSTROPHE;
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2012: /* ‒ */
    case 0x2015: /* ― */
    case 0x2212: /* − */
      return CR_CH_DASH;
    case 0x2026: /* … */
      return CR_CH_ELLIPSIS;
    default:
      return CR_CH_OTHER;
  }
}
