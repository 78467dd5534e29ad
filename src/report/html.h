/* html.h — the story page: one self-contained HTML file.
 *
 * Takes: a brief (headline, cited summary, the analyzed sources) and, as
 *        later stages produce them, the coverage rows of facts, speaker
 *        cards and discrepancies, each handed in as a small view struct.
 * Adds:  nothing to the model; writes HTML with inline CSS and SVG, no
 *        script, and a Content-Security-Policy that forbids any script,
 *        remote load, form or base URL, so even a renderer bug cannot make
 *        a hostile report run code or phone home.
 *
 * Every byte that came from an input (titles, bodies, ids, file names,
 * URLs, quotes) is written through cr_html_text; only http(s) URLs that
 * pass cr_html_url_ok ever become an href, and fragment ids are built from
 * corpus indexes, never from input. */
#ifndef CR_REPORT_HTML_H
#define CR_REPORT_HTML_H
#include <stdio.h>

#include "summarize/summarize.h"

/* ------------------------------------------------------------ html_escape.c */

/* Writes s[0..n) as HTML text, safe both between tags and inside a
 * double- or single-quoted attribute: & < > " ' become character
 * references, invalid UTF-8 becomes U+FFFD, C0/C1 controls other than tab
 * and newline are dropped (they are not allowed in HTML text), and the
 * bidirectional overrides U+202A..U+202E, U+2066..U+2069 are dropped so a
 * title cannot reorder the text around it. */
void cr_html_textn(FILE *f, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL writes nothing. */
void cr_html_text(FILE *f, const char *s);
/* Writes at most max code points of s, then "…" if it was longer. */
void cr_html_text_clip(FILE *f, const char *s, size_t max);
/* 1 when url may be written as an href: it starts with http:// or
 * https:// (any case) and holds no space, control character, quote, angle
 * bracket or backslash.  Everything else (javascript:, data:, relative
 * paths, protocol-relative //host) is shown as text only. */
int cr_html_url_ok(const char *url);

/* ------------------------------------------------------------ html_matrix.c */

/* A coverage matrix: rows are statements (summary sentences today, facts
 * once the align stage exists), columns are sources: col_doc[c] is the
 * corpus index of column c (NULL: column c is source c).
 * value[r * ncols + c] is the match strength in [0,1], or a negative
 * number when column c does not carry row r; sent[r * ncols + c] is the
 * sentence of that source it links to (CR_NO_ID for none); origin[r] is
 * the column whose wording the row uses (CR_NO_ID for none); omitted is
 * how many sources were left out of the columns (said under the map). */
typedef struct cr_html_matrix {
  size_t nrows, ncols;
  const char *const *row_text;  /* nrows full texts (tooltips, labels) */
  const char *const *col_label; /* ncols short source names */
  const float *value;
  const uint32_t *sent;
  const uint32_t *origin;
  const uint32_t *col_doc;
  size_t omitted;
  size_t nshared;               /* rows [nshared, nrows) are carried by one
                                   source only and drawn apart, under a
                                   label; nrows when there is no such split */
} cr_html_matrix;

/* Columns of the brief's coverage matrix at most: past this the map is
 * wider than any screen; the sources carrying the most statements are
 * kept and the others counted in "omitted". */
#define CR_HTML_MATRIX_MAX_COLS 40
/* Rows at most: the facts most sources carry, then unique details (at
 * most CR_UNIQUE_MAX_PER_SOURCE per source, as in the JSON) while room
 * is left. */
#define CR_HTML_MATRIX_MAX_ROWS 80
/* Unique details per source shown as matrix rows (a row with one cell
 * says little; all of them are marked in the sources panel). */
#define CR_HTML_MATRIX_UNIQUE_PER_SOURCE 3

/* Writes the matrix as an SVG heat map (with a legend and a text
 * alternative); nothing when it has no rows. */
void cr_html_matrix_svg(FILE *f, const cr_html_matrix *m);

/* ------------------------------------------------------------ html.c */

/* One value of a discrepancy and the sources (corpus indexes) giving it. */
typedef struct cr_html_variant {
  const char *value;
  const uint32_t *sources;
  size_t nsources;
  const uint32_t *sents;   /* parallel to sources: the sentence giving the
                              value (CR_NO_ID: link the source card); or
                              NULL for none known */
} cr_html_variant;

typedef struct cr_html_discrepancy {
  const char *about;
  const char *note;        /* a reading of it; may be NULL */
  const char *context;     /* the statement it is found in; may be NULL */
  const cr_html_variant *variants;
  size_t nvariants;
} cr_html_discrepancy;

typedef struct cr_html_quote {
  const char *text;
  const char *kind;          /* direct, indirect, mixed; may be NULL */
  const uint32_t *sources;   /* every source carrying it */
  size_t nsources;
} cr_html_quote;

typedef struct cr_html_speaker {
  const char *name;
  const char *const *aliases;
  size_t naliases;
  const char *role;          /* may be NULL */
  const char *stance;        /* asserts, denies, cannot-confirm, ... */
  const cr_html_quote *quotes;
  size_t nquotes;
} cr_html_speaker;

/* Everything the page shows.  Sections whose data is absent (NULL or
 * zero counts) are left out, never filled with placeholders (the brief's
 * page, cr_brief_html in html_views.c, fills them from the alignment). */
/* A sentence of a source (corpus index, sentence index). */
typedef struct cr_html_mark {
  uint32_t doc, sent;
} cr_html_mark;

typedef struct cr_html_story {
  const cr_brief *brief;
  const cr_html_matrix *coverage;
  const cr_html_speaker *speakers;
  size_t nspeakers;
  const cr_html_discrepancy *discrepancies;
  size_t ndiscrepancies;
  const cr_html_mark *unique;  /* sentences only their source carries,
                                  sorted by doc then sent: marked "only
                                  here" in the sources panel */
  size_t nunique;
  const char *claim;           /* the central claim speakers' stances are
                                  on; NULL: none */
} cr_html_story;

/* Writes the page; 0, or -1 on a write error or out of memory. */
int cr_html_story_page(const cr_html_story *s, FILE *out);

/* ------------------------------------------------------------ html_views.c */

/* The page of a brief: the coverage matrix is facts by sources when the
 * alignment ran (corroborated facts on top, unique details under them),
 * else summary sentences by sources; discrepancies from the alignment. */
int cr_brief_html(const cr_brief *b, FILE *out);

/* The short name of a source: its outlet, else its id. */
const char *cr_html_source_name(const cr_doc *d);

/* The page frame shared by the story page and the index: doctype, CSP,
 * viewport, title, the inline style sheet, a skip link to #main; and the
 * footer and closing tags. */
void cr_html_page_open(FILE *f, const char *title);
void cr_html_page_close(FILE *f, size_t nreports);

/* ------------------------------------------------------------ html_index.c */

/* The story index of a site (crossread report): stories newest first,
 * their sources, and a timeline of coverage.  The store (which holds the
 * stories) fills these views; page names come from story_page_name,
 * never from input, so no input can name a path outside the site. */
typedef struct cr_html_index_source {
  const char *name;      /* outlet or id */
  const char *date;      /* ISO 8601 when valid, else NULL */
} cr_html_index_source;

typedef struct cr_html_index_story {
  const char *headline;
  const char *first_seen, *last_seen; /* ISO 8601 or NULL */
  size_t ordinal;        /* its page is story_page_name(ordinal) */
  const cr_html_index_source *sources;
  size_t nsources;
} cr_html_index_story;

/* Writes "story-<ordinal>.html" into buf (at least 32 bytes). */
void cr_html_story_page_name(char *buf, size_t size, size_t ordinal);
/* Writes the index page; stories are listed in the order given (the
 * caller sorts newest first).  0, or -1 on a write error. */
int cr_html_index_page(const cr_html_index_story *stories, size_t n, FILE *out);

/* Sets *day to the days since 1970-01-01 of an ISO 8601 date's
 * YYYY-MM-DD prefix and returns 0; -1 when it does not start with a
 * valid calendar date. */
int cr_html_iso_day(const char *iso, long *day);

/* The CSS of the page (html_css.c). */
extern const char cr_html_css[];
#endif
