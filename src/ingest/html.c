/* html.c — HTML pages (plain or gzip-compressed) into documents.
 *
 * The document keeps the page bytes as raw and gets the extracted article
 * as its text, so every later stage reads prose, not markup; the metadata
 * the page declares (title, author, date, site, canonical URL, language)
 * goes to the document's meta fields. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clean/dates.h"
#include "clean/extract.h"
#include "ingest/ingest.h"

int cr_looks_like_html(const char *name, const char *p, size_t n) {
  size_t ln = strlen(name);
  static const char *const exts[] = {".html", ".htm", ".html.gz", ".htm.gz",
                                     ".xhtml", ".shtml"};
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    size_t m = strlen(exts[i]);
    if (ln >= m && strcasecmp(name + ln - m, exts[i]) == 0) return 1;
  }
  size_t i = 0;
  if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
  return n - i >= 5 && (strncasecmp(p + i, "<!doctype html", n - i < 14 ? n - i : 14) == 0 ||
                        strncasecmp(p + i, "<html", 5) == 0);
}

/* Markup near the start: a tag ("<p", "<!DOCTYPE", "</div") in the first
 * 4 KB. */
static int has_markup(const char *p, size_t n) {
  size_t look = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 1 < look; i++)
    if (p[i] == '<' && (isalpha((unsigned char)p[i + 1]) || p[i + 1] == '!' || p[i + 1] == '/'))
      return 1;
  return 0;
}

static char *adopt(cr_corpus *c, const char *s) {
  return s ? cr_arena_strdup(c->arena, s) : NULL;
}

cr_status cr_ingest_html(cr_corpus *c, const char *name, size_t line,
                         const char *id, const char *bytes, size_t len) {
  cr_buf plain = CR_BUF_INIT, utf8 = CR_BUF_INIT;
  cr_extract x;
  memset(&x, 0, sizeof x);
  cr_status st = CR_OK;
  const char *page = bytes;
  size_t plen = len;
  if (cr_is_gzip(bytes, len)) {
    const char *err = cr_gunzip(bytes, len, c->limits.max_html_bytes,
                                c->limits.max_gzip_ratio, &plain);
    if (err) {
      cr_corpus_diagf(c, CR_ERROR, name, line, "skipped: %s", err);
      c->failed_inputs++;
      st = strstr(err, "memory") ? CR_ERR_NOMEM : CR_ERR_INPUT;
      goto done;
    }
    page = cr_buf_cstr(&plain);
    plen = plain.len;
    /* A compressed plain-text report ("report.txt.gz") keeps its lines:
     * it is read as text, not rendered as one HTML paragraph. */
    if (!has_markup(page, plen)) {
      const char *why = cr_ingest_not_text(page, plen);
      if (why) {
        cr_corpus_diagf(c, CR_ERROR, name, line, "skipped: decompressed %s", why);
        c->failed_inputs++;
        st = CR_ERR_INPUT;
      } else if (!cr_corpus_add_doc(c, name, line, id, page, plen, page, plen)) {
        st = CR_ERR_NOMEM;
      }
      goto done;
    }
  } else if (len >= 2 && name && strlen(name) > 3 &&
             strcmp(name + strlen(name) - 3, ".gz") == 0) {
    cr_corpus_diagf(c, CR_ERROR, name, line,
                    "skipped: named .gz but not gzip data (no gzip header)");
    c->failed_inputs++;
    st = CR_ERR_INPUT;
    goto done;
  }
  if (plen > c->limits.max_html_bytes) {
    cr_corpus_diagf(c, CR_ERROR, name, line,
                    "skipped: HTML page of %zu bytes exceeds %zu "
                    "(limit max_html_bytes)", plen, c->limits.max_html_bytes);
    c->failed_inputs++;
    st = CR_ERR_LIMIT;
    goto done;
  }
  char label[64];
  int unknown;
  if (cr_html_to_utf8(page, plen, &utf8, label, sizeof label, &unknown)) {
    st = CR_ERR_NOMEM;
    goto done;
  }
  if (unknown)
    cr_corpus_diagf(c, CR_WARNING, name, line,
                    "unknown character set \"%s\"; read as UTF-8 with "
                    "invalid bytes replaced", label);
  if (cr_extract_html(cr_buf_cstr(&utf8), utf8.len, c->limits.max_html_depth, &x)) {
    st = CR_ERR_NOMEM;
    goto done;
  }
  if (x.depth_capped)
    cr_corpus_diagf(c, CR_WARNING, name, line,
                    "HTML nested deeper than %zu elements; the deeper tags "
                    "were ignored (limit max_html_depth)", c->limits.max_html_depth);
  if (x.text.len == 0) {
    cr_corpus_diagf(c, CR_ERROR, name, line,
                    "skipped: no article text found in the HTML page");
    c->failed_inputs++;
    st = CR_ERR_INPUT;
    goto done;
  }
  cr_doc *d = cr_corpus_add_doc(c, name, line, id, bytes, len,
                                cr_buf_cstr(&x.text), x.text.len);
  if (!d) {
    st = c->docs.n >= c->limits.max_docs ? CR_ERR_LIMIT : CR_ERR_NOMEM;
    if (st == CR_ERR_LIMIT) c->failed_inputs++;
    goto done;
  }
  d->html = 1;
  if (!d->meta.title) d->meta.title = adopt(c, x.title);
  if (!d->meta.url) d->meta.url = adopt(c, x.url);
  if (!d->meta.outlet) d->meta.outlet = adopt(c, x.site);
  if (!d->meta.byline) d->meta.byline = adopt(c, x.author);
  /* The date the page shows its readers, else the declared one: meta
   * dates are often stale template values, while the visible date is the
   * one the outlet stands behind (and "Updated ..." when it says so). */
  if (!d->meta.date_raw) d->meta.date_raw = adopt(c, x.date_visible ? x.date_visible : x.date_raw);
  if (!d->meta.language) d->meta.language = adopt(c, x.lang);
  if (d->meta.date_raw) {
    char iso[40];
    d->meta.date_valid = cr_date_parse(d->meta.date_raw, strlen(d->meta.date_raw), iso, sizeof iso);
    if (d->meta.date_valid > 0) d->meta.date = adopt(c, iso);
  }
done:
  cr_extract_free(&x);
  cr_buf_free(&plain);
  cr_buf_free(&utf8);
  return st;
}
