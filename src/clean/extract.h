/* extract.h — the article inside an HTML page, and what the page says
 * about it.
 *
 * Takes: a page as UTF-8 bytes.
 * Adds:  the article text (paragraphs and headings in reading order,
 *        separated by blank lines; navigation, asides, comments, related
 *        lists, share widgets and banners left out) and the page metadata
 *        (title, author, date, site name, canonical URL, language) from meta
 *        tags, JSON-LD and markup.
 *
 * The page is parsed with gumbo into an arena that is dropped whole, then
 * flattened into a preorder array so every later pass is a loop, never a
 * recursion: a page nested 100,000 levels deep costs time, not stack. */
#ifndef CR_EXTRACT_H
#define CR_EXTRACT_H
#include <stddef.h>

#include "core/buf.h"

typedef struct cr_extract {
  cr_buf text;          /* the article text */
  char *title, *author, *date_raw, *site, *url, *lang, *section;
  char *date_visible;   /* the first date shown on the page (a dated
                           element's text), which readers see */
  const char *strategy; /* which evidence chose the text (static string) */
  size_t nodes;         /* elements and text nodes in the page */
  int depth_capped;     /* tags past max_depth were unwrapped */
} cr_extract;

/* Extracts from html[0..n) (valid UTF-8 not required; gumbo replaces bad
 * bytes).  Elements nested deeper than max_depth are unwrapped first (see
 * cr_html_cap_depth; 0 means no cap) and out->depth_capped is set.
 * Returns 0, or -1 when out of memory.  Free with cr_extract_free even on
 * failure. */
int cr_extract_html(const char *html, size_t n, size_t max_depth, cr_extract *out);

/* html_depth.c: copies html to out without the start tags (and as many end
 * tags) nested deeper than limit.  Returns 1 when it did (out holds the
 * page), 0 when the page was within the limit (out untouched), -1 out of
 * memory.  Parsers cost depth x tags, so this keeps parsing linear. */
int cr_html_cap_depth(const char *html, size_t n, size_t limit, cr_buf *out);
void cr_extract_free(cr_extract *x);
#endif
