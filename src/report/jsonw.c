/* jsonw.c — see jsonw.h. */
#include "report/jsonw.h"

#include <math.h>
#include <string.h>

#include "text/text.h"

void cr_jw_init(cr_jw *w, FILE *f, int pretty) {
  memset(w, 0, sizeof *w);
  w->f = f;
  w->pretty = pretty;
}

static void put(cr_jw *w, const char *s, size_t n) {
  if (!w->error && fwrite(s, 1, n, w->f) != n) w->error = 1;
}

static void newline_indent(cr_jw *w) {
  if (!w->pretty) return;
  put(w, "\n", 1);
  for (int i = 0; i < w->depth; i++) put(w, "  ", 2);
}

/* Comma and indentation before a value (not after a key). */
static void before_value(cr_jw *w) {
  if (w->after_key) {
    w->after_key = 0;
    return;
  }
  if (w->depth > 0) {
    if (w->has_items[w->depth - 1]) put(w, ",", 1);
    w->has_items[w->depth - 1] = 1;
    newline_indent(w);
  }
}

static void open_container(cr_jw *w, char ch) {
  before_value(w);
  put(w, &ch, 1);
  if (w->depth >= CR_JW_MAX_DEPTH) {
    w->error = 1;
    return;
  }
  w->has_items[w->depth++] = 0;
}

static void close_container(cr_jw *w, char ch) {
  if (w->depth == 0) {
    w->error = 1;
    return;
  }
  int had = w->has_items[--w->depth];
  if (had) newline_indent(w);
  put(w, &ch, 1);
}

void cr_jw_object(cr_jw *w) { open_container(w, '{'); }
void cr_jw_object_end(cr_jw *w) { close_container(w, '}'); }
void cr_jw_array(cr_jw *w) { open_container(w, '['); }
void cr_jw_array_end(cr_jw *w) { close_container(w, ']'); }

static void put_escaped(cr_jw *w, const char *s, size_t n) {
  put(w, "\"", 1);
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x20 && ch != '"' && ch != '\\' && ch < 0x80) {
      i++;
      continue;
    }
    put(w, s + run, i - run);
    if (ch >= 0x80) {
      size_t j = i;
      if (cr_utf8_next(s, n, &j) < 0) put(w, "\\ufffd", 6);
      else put(w, s + i, j - i);
      i = j;
    } else {
      char esc[8];
      switch (ch) {
        case '"': put(w, "\\\"", 2); break;
        case '\\': put(w, "\\\\", 2); break;
        case '\n': put(w, "\\n", 2); break;
        case '\r': put(w, "\\r", 2); break;
        case '\t': put(w, "\\t", 2); break;
        default:
          snprintf(esc, sizeof esc, "\\u%04x", ch);
          put(w, esc, 6);
      }
      i++;
    }
    run = i;
  }
  put(w, s + run, n - run);
  put(w, "\"", 1);
}

void cr_jw_key(cr_jw *w, const char *key) {
  before_value(w);
  put_escaped(w, key, strlen(key));
  put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
  w->after_key = 1;
}

void cr_jw_stringn(cr_jw *w, const char *s, size_t n) {
  before_value(w);
  put_escaped(w, s, n);
}

void cr_jw_string(cr_jw *w, const char *s) {
  if (!s) cr_jw_null(w);
  else cr_jw_stringn(w, s, strlen(s));
}

void cr_jw_int(cr_jw *w, long long v) {
  char b[32];
  int n = snprintf(b, sizeof b, "%lld", v);
  before_value(w);
  put(w, b, (size_t)n);
}

void cr_jw_double(cr_jw *w, double v) {
  char b[40];
  /* JSON has no NaN or infinity. */
  int n = isfinite(v) ? snprintf(b, sizeof b, "%.6g", v) : snprintf(b, sizeof b, "null");
  before_value(w);
  put(w, b, (size_t)n);
}

void cr_jw_bool(cr_jw *w, int v) {
  before_value(w);
  put(w, v ? "true" : "false", v ? 4 : 5);
}

void cr_jw_null(cr_jw *w) {
  before_value(w);
  put(w, "null", 4);
}

void cr_jw_kstr(cr_jw *w, const char *key, const char *s) {
  if (!s) return;
  cr_jw_key(w, key);
  cr_jw_string(w, s);
}

void cr_jw_kint(cr_jw *w, const char *key, long long v) {
  cr_jw_key(w, key);
  cr_jw_int(w, v);
}

int cr_jw_finish(cr_jw *w) {
  if (w->depth != 0) w->error = 1;
  put(w, "\n", 1);
  if (fflush(w->f) != 0) w->error = 1;
  return w->error ? -1 : 0;
}
