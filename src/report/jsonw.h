/* jsonw.h — a streaming JSON writer.
 *
 * Writes straight to a FILE so a large report never has to be built in
 * memory, tracks commas itself so renderers cannot emit invalid JSON, and
 * escapes every string (control characters, quotes, invalid UTF-8 as
 * U+FFFD) so input text can never break the document. */
#ifndef CR_JSONW_H
#define CR_JSONW_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CR_JW_MAX_DEPTH 32

typedef struct cr_jw {
  FILE *f;
  int pretty;          /* indent with two spaces; else one line */
  int depth;
  int after_key;
  uint8_t has_items[CR_JW_MAX_DEPTH];
  int error;           /* sticky: a write failed or depth overflowed */
} cr_jw;

void cr_jw_init(cr_jw *w, FILE *f, int pretty);
void cr_jw_object(cr_jw *w);
void cr_jw_object_end(cr_jw *w);
void cr_jw_array(cr_jw *w);
void cr_jw_array_end(cr_jw *w);
void cr_jw_key(cr_jw *w, const char *key);
void cr_jw_string(cr_jw *w, const char *s);           /* NULL writes null */
void cr_jw_stringn(cr_jw *w, const char *s, size_t n);
void cr_jw_int(cr_jw *w, long long v);
void cr_jw_double(cr_jw *w, double v);
void cr_jw_bool(cr_jw *w, int v);
void cr_jw_null(cr_jw *w);
/* key + value shorthands; a NULL string skips the member entirely, which
 * is how "fields not computed are absent" is kept. */
void cr_jw_kstr(cr_jw *w, const char *key, const char *s);
void cr_jw_kint(cr_jw *w, const char *key, long long v);
/* Ends the document (newline) and returns 0, or -1 if anything failed. */
int cr_jw_finish(cr_jw *w);
#endif
