/* html_escape.c — input text into HTML text; the one door every input byte
 * goes through on its way into the page (see html.h). */
#include <string.h>
#include <strings.h>

#include "report/html.h"
#include "text/text.h"

/* Code points that must not reach the page as themselves. */
static int dropped(int32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n';
  if (cp >= 0x7f && cp < 0xa0) return 1;           /* DEL and C1 controls */
  /* bidi embeddings/overrides/isolates: a hostile title could otherwise
   * visually reorder the outlet name or the citation beside it */
  if (cp >= 0x202a && cp <= 0x202e) return 1;
  if (cp >= 0x2066 && cp <= 0x2069) return 1;
  return cp == 0xfeff;                              /* stray BOM */
}

static const char *reference(int32_t cp) {
  switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
  }
}

void cr_html_textn(FILE *f, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t start = i;
    int32_t cp = cr_utf8_next(s, n, &i);
    if (cp < 0) {
      fputs("\xEF\xBF\xBD", f); /* U+FFFD */
      continue;
    }
    if (dropped(cp)) continue;
    const char *ref = reference(cp);
    if (ref) fputs(ref, f);
    else fwrite(s + start, 1, i - start, f);
  }
}

void cr_html_text(FILE *f, const char *s) {
  if (s) cr_html_textn(f, s, strlen(s));
}

void cr_html_text_clip(FILE *f, const char *s, size_t max) {
  if (!s) return;
  size_t n = strlen(s), i = 0, cps = 0;
  while (i < n && cps < max) {
    cr_utf8_next(s, n, &i);
    cps++;
  }
  cr_html_textn(f, s, i);
  if (i < n) fputs("\xE2\x80\xA6", f); /* … */
}

int cr_html_url_ok(const char *url) {
  if (!url) return 0;
  size_t skip;
  if (strncasecmp(url, "https://", 8) == 0) skip = 8;
  else if (strncasecmp(url, "http://", 7) == 0) skip = 7;
  else return 0;
  if (!url[skip]) return 0; /* a scheme without a host */
  for (const unsigned char *p = (const unsigned char *)url; *p; p++)
    if (*p <= 0x20 || *p == 0x7f || strchr("\"'<>\\`", *p)) return 0;
  return 1;
}
