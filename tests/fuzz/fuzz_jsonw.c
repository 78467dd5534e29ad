/* fuzz_jsonw.c — what the JSON writer writes parses back (cJSON) to the
 * values it was given, whatever bytes they hold.
 *
 * The input is cut at 0x1E bytes into strings.  Byte 0 picks pretty or
 * compact output and a nesting depth; each string is written as a key (up
 * to its first NUL, since keys are C strings) and as a value inside that
 * nesting, followed by an integer made of its first bytes.  Expected:
 *   - the document parses, is valid UTF-8, and nothing else follows it;
 *   - each string value equals the input with every invalid UTF-8 byte
 *     replaced by U+FFFD (cJSON stops a string at an escaped U+0000, so
 *     the comparison stops at the first NUL; the NULs themselves are
 *     counted as \u0000 escapes in the raw output);
 *   - each key likewise, each integer exactly;
 *   - past CR_JW_MAX_DEPTH the writer reports an error instead. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonw.h"
#include "text/text.h"

/* s[0..n) with invalid bytes as U+FFFD, cut at the first NUL (what a
 * JSON parser that stops at U+0000 sees); malloc'd. */
static char *jwfuzz_expect(const char *s, size_t n) {
  cr_buf b = CR_BUF_INIT;
  for (size_t i = 0; i < n;) {
    size_t at = i;
    if (cr_utf8_next(s, n, &i) < 0) cr_buf_append(&b, "\xEF\xBF\xBD", 3);
    else if (s[at] == 0) break;
    else cr_buf_append(&b, s + at, i - at);
  }
  char *r = strdup(cr_buf_cstr(&b));
  cr_buf_free(&b);
  return r;
}

static long long jwfuzz_int(const char *s, size_t n) {
  uint64_t v = 0;
  memcpy(&v, s, n < 6 ? n : 6); /* 48 bits: exact in a double */
  return (n & 1) ? -(long long)v : (long long)v;
}

/* Number of \u0000 escapes in JSON text (an escaped backslash followed
 * by "u0000" is text, not an escape, hence the walk escape by escape). */
static size_t jwfuzz_nul_escapes(const char *j, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (j[i] == '\\') {
      if (i + 5 < n && !memcmp(j + i + 1, "u0000", 5)) k++;
      i++; /* skip the escaped character */
    }
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  int pretty = data[0] & 1, depth = (data[0] >> 1) % 40;
  const char *s = (const char *)data + 1;
  size_t n = size - 1;
  /* Cut into strings. */
  const char *part[64];
  size_t plen[64], np = 0;
  for (size_t i = 0, b = 0; i <= n && np < 64; i++)
    if (i == n || s[i] == 0x1E) {
      part[np] = s + b;
      plen[np++] = i - b;
      b = i + 1;
    }
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  if (!f) return 0;
  cr_jw w;
  cr_jw_init(&w, f, pretty);
  for (int d = 0; d < depth; d++) cr_jw_array(&w);
  cr_jw_array(&w);
  for (size_t k = 0; k < np; k++) {
    char *key = strndup(part[k], plen[k]); /* a C string: stops at NUL */
    cr_jw_object(&w);
    cr_jw_key(&w, key);
    cr_jw_stringn(&w, part[k], plen[k]);
    cr_jw_kint(&w, "n", jwfuzz_int(part[k], plen[k]));
    cr_jw_object_end(&w);
    free(key);
  }
  cr_jw_array_end(&w);
  for (int d = 0; d < depth; d++) cr_jw_array_end(&w);
  int rc = cr_jw_finish(&w);
  fclose(f);

  if (depth + 2 > CR_JW_MAX_DEPTH) {
    if (rc != -1) abort(); /* too deep must be reported */
    free(mem);
    return 0;
  }
  if (rc != 0) abort();
  if (!cr_utf8_valid(mem, len)) abort();
  size_t nuls = 0;
  for (size_t k = 0; k < np; k++) /* keys stop at NUL: values only */
    for (size_t i = 0; i < plen[k]; i++) nuls += part[k][i] == 0;
  if (jwfuzz_nul_escapes(mem, len) != nuls) abort();

  const char *end = NULL;
  cJSON *root = cJSON_ParseWithOpts(mem, &end, 1);
  if (!root) abort();
  cJSON *arr = root;
  for (int d = 0; d < depth; d++) {
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) != 1) abort();
    arr = cJSON_GetArrayItem(arr, 0);
  }
  if (!cJSON_IsArray(arr) || (size_t)cJSON_GetArraySize(arr) != np) abort();
  size_t k = 0;
  for (cJSON *o = arr->child; o; o = o->next, k++) {
    cJSON *v = o->child, *num = v ? v->next : NULL;
    if (!cJSON_IsObject(o) || !v || !num || num->next) abort();
    char *want_key = jwfuzz_expect(part[k], strnlen(part[k], plen[k]));
    char *want_val = jwfuzz_expect(part[k], plen[k]);
    if (strcmp(v->string, want_key) || !cJSON_IsString(v) ||
        strcmp(v->valuestring, want_val))
      abort();
    if (strcmp(num->string, "n") || !cJSON_IsNumber(num) ||
        num->valuedouble != (double)jwfuzz_int(part[k], plen[k]))
      abort();
    free(want_key);
    free(want_val);
  }
  cJSON_Delete(root);
  free(mem);
  return 0;
}
