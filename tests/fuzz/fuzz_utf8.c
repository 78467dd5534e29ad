/* fuzz_utf8.c — the UTF-8 layer against an independent reference.
 *
 * The reference decoder below is written from the Unicode definition
 * (decode the value, then reject overlongs, surrogates and values past
 * U+10FFFF) rather than from the byte-range table utf8.c uses, so the two
 * cannot share a mistake.  Checked:
 *   - cr_utf8_valid agrees with the reference;
 *   - cr_utf8_count equals the reference count (an invalid byte counts one);
 *   - cr_utf8_repair gives exactly the reference repair (each invalid byte
 *     to U+FFFD, NUL dropped), whose output is valid and NUL-free, and
 *     reports the number of fixes;
 *   - cr_utf8_next decodes what the reference decodes and cr_utf8_encode
 *     writes it back to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* Length of the valid sequence at s[i], with its value in *cp, or 0. */
static size_t u8ref_seq(const unsigned char *s, size_t n, size_t i, int32_t *cp) {
  unsigned c = s[i];
  size_t len;
  int32_t v, min;
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if ((c & 0xE0) == 0xC0) { len = 2; v = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  if (n - i < len) return 0;
  for (size_t k = 1; k < len; k++) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  /* Reference pass: validity, count, expected repair. */
  int ref_valid = 1;
  size_t ref_count = 0, ref_fixes = 0;
  unsigned char *want = malloc(size * 3 + 1);
  size_t wn = 0;
  if (!want) return 0;
  for (size_t i = 0; i < size;) {
    int32_t cp;
    size_t len = u8ref_seq(data, size, i, &cp);
    ref_count++;
    if (len == 0) {
      ref_valid = 0;
      ref_fixes++;
      memcpy(want + wn, "\xEF\xBF\xBD", 3);
      wn += 3;
      i++;
      continue;
    }
    /* cr_utf8_next must agree, and encoding must give the bytes back. */
    size_t j = i;
    if (cr_utf8_next(s, size, &j) != cp || j != i + len) abort();
    char enc[4];
    if (cr_utf8_encode(cp, enc) != len || memcmp(enc, data + i, len)) abort();
    if (cp == 0) ref_fixes++;
    else { memcpy(want + wn, data + i, len); wn += len; }
    i += len;
  }
  if (cr_utf8_valid(s, size) != ref_valid) abort();
  if (cr_utf8_count(s, size) != ref_count) abort();

  cr_buf out = CR_BUF_INIT;
  size_t fixes = cr_utf8_repair(s, size, &out);
  if (fixes == (size_t)-1) abort(); /* out of memory */
  if (fixes != ref_fixes || out.len != wn || (wn && memcmp(out.data, want, wn)))
    abort();
  if (!cr_utf8_valid(out.data, out.len) || (out.len && memchr(out.data, 0, out.len)))
    abort();
  /* The repaired text must also pass the reference check. */
  for (size_t i = 0; i < out.len;) {
    int32_t cp;
    size_t len = u8ref_seq((const unsigned char *)out.data, out.len, i, &cp);
    if (len == 0) abort();
    i += len;
  }
  cr_buf_free(&out);
  free(want);
  return 0;
}
