/* report.h — renderers: the brief and the cleaned documents as JSON,
 * Markdown and plain text.  Renderers only read; every field they print
 * was computed by an earlier stage, and a field not computed is absent. */
#ifndef CR_REPORT_H
#define CR_REPORT_H
#include <stdio.h>

#include "summarize/summarize.h"

int cr_brief_json(const cr_brief *b, FILE *out, int pretty);
int cr_brief_markdown(const cr_brief *b, FILE *out);
/* Several stories in one document (n == 1: the single brief's output). */
int cr_briefs_json(const cr_brief *const *b, size_t n, FILE *out, int pretty);
int cr_briefs_markdown(const cr_brief *const *b, size_t n, FILE *out);
int cr_clean_json(const cr_corpus *c, FILE *out, int pretty);
int cr_clean_text(const cr_corpus *c, FILE *out);

/* The flags of a source as short names ("invalid-utf8", ...); returns how
 * many were written to names (at most max). */
size_t cr_doc_flags(const cr_doc *d, const char **names, size_t max);
#endif
