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
/* explain: also list every removed or demoted piece with its reason. */
int cr_clean_text(const cr_corpus *c, FILE *out, int explain);

/* The flags of a source as short names ("invalid-utf8", ...); returns how
 * many were written to names (at most max). */
size_t cr_doc_flags(const cr_doc *d, const char **names, size_t max);

/* facts_view.c: the distinct wordings of a fact (unit indexes, the
 * representative first); at most max. */
size_t cr_fact_wordings(const cr_alignment *al, const cr_fact *f, uint32_t *out,
                        size_t max);
/* A one-source fact worth listing as that source's unique detail. */
int cr_fact_is_detail(const cr_alignment *al, const cr_fact *f);
/* Every flag of source i: the document's own and the alignment's. */
size_t cr_source_flag_names(const cr_brief *b, size_t i, const char **names, size_t max);

/* A unique detail needs this many words; at most this many are listed
 * per source (the earliest in the report). */
#define CR_UNIQUE_MIN_WORDS 8
#define CR_UNIQUE_MAX_PER_SOURCE 20
/* Speakers in the Markdown (the most quoted) and quotes per speaker
 * (those on the central claim first); the JSON has them all. */
#define CR_MD_MAX_SPEAKERS 12
#define CR_MD_MAX_QUOTES 4
/* Speaker cards on the HTML page and quotes per card. */
#define CR_HTML_MAX_SPEAKERS 12
#define CR_HTML_MAX_QUOTES 4

/* Wordings listed per fact. */
#define CR_FACT_MAX_WORDINGS 32
#endif
