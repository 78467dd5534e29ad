/* buf.h — a growable byte buffer (heap, not arena) for building strings
 * whose final size is unknown: decoded JSON strings, rendered output,
 * repaired UTF-8.  Always NUL-terminated when len > 0 or after _cstr. */
#ifndef CR_BUF_H
#define CR_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct cr_buf {
  char *data;
  size_t len, cap;
  int failed; /* sticky: an allocation failed; further appends are no-ops */
} cr_buf;

#define CR_BUF_INIT {NULL, 0, 0, 0}

void cr_buf_free(cr_buf *b);
void cr_buf_clear(cr_buf *b);
int cr_buf_reserve(cr_buf *b, size_t extra);
int cr_buf_append(cr_buf *b, const void *p, size_t n);
int cr_buf_puts(cr_buf *b, const char *s);
int cr_buf_putc(cr_buf *b, char c);
int cr_buf_printf(cr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns a NUL-terminated view (empty string for an empty buffer). */
const char *cr_buf_cstr(cr_buf *b);
#endif
