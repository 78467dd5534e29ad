/* render.c — the public renderer entry points. */
#include "report/html.h"
#include "report/report.h"

cr_status cr_render_brief(const cr_brief *b, cr_format fmt, FILE *out) {
  if (!b || !out) return CR_ERR_USAGE;
  int rc;
  switch (fmt) {
    case CR_FORMAT_JSON: rc = cr_brief_json(b, out, 1); break;
    case CR_FORMAT_JSONL: rc = cr_brief_json(b, out, 0); break;
    case CR_FORMAT_MARKDOWN:
    case CR_FORMAT_TEXT: rc = cr_brief_markdown(b, out); break;
    case CR_FORMAT_HTML: rc = cr_brief_html(b, out); break;
    default: return CR_ERR_USAGE;
  }
  return rc ? CR_ERR_IO : CR_OK;
}

cr_status cr_render_briefs(const cr_brief *const *b, size_t n, cr_format fmt,
                           FILE *out) {
  if (!b || !n || !out) return CR_ERR_USAGE;
  for (size_t i = 0; i < n; i++)
    if (!b[i]) return CR_ERR_USAGE;
  int rc;
  switch (fmt) {
    case CR_FORMAT_JSON: rc = cr_briefs_json(b, n, out, 1); break;
    case CR_FORMAT_JSONL: rc = cr_briefs_json(b, n, out, 0); break;
    case CR_FORMAT_MARKDOWN:
    case CR_FORMAT_TEXT: rc = cr_briefs_markdown(b, n, out); break;
    case CR_FORMAT_HTML:
      if (n != 1) return CR_ERR_USAGE; /* one page is one story */
      rc = cr_brief_html(b[0], out);
      break;
    default: return CR_ERR_USAGE;
  }
  return rc ? CR_ERR_IO : CR_OK;
}

cr_status cr_render_clean(cr_corpus *c, cr_format fmt, FILE *out) {
  if (!c || !out) return CR_ERR_USAGE;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) return st;
  int rc;
  switch (fmt) {
    case CR_FORMAT_JSON: rc = cr_clean_json(c, out, 1); break;
    case CR_FORMAT_JSONL: rc = cr_clean_json(c, out, 0); break;
    case CR_FORMAT_TEXT:
    case CR_FORMAT_MARKDOWN: rc = cr_clean_text(c, out, 0); break;
    default: return CR_ERR_USAGE;
  }
  return rc ? CR_ERR_IO : CR_OK;
}
