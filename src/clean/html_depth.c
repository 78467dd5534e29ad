/* html_depth.c — caps the element nesting of a page before it is parsed.
 *
 * The HTML tree-building algorithm checks "is there a <p> in scope?" by
 * walking the stack of open elements, so a page of N unclosed <div>s costs
 * N^2 in any conforming parser (200,000 nested divs: 7 minutes in gumbo).
 * A light tag scanner counts nesting and drops start tags past the limit
 * together with as many end tags, so the parser never sees the depth.
 * Tags whose end tag is optional (p, li, td ...) close themselves and are
 * not counted; raw-text elements and comments are skipped whole. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clean/extract.h"

static int name_in(const char *p, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && !strncasecmp(p, *list, n)) return 1;
  return 0;
}

/* Void elements never nest; optional-end elements are closed by their
 * siblings, so a run of them is flat in the tree. */
static const char *const not_nesting[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr", "param", "keygen", "p", "li", "td", "th", "tr",
    "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
    "caption", "rb", "rt", "rp", "html", "head", "body", NULL};
static const char *const raw_text[] = {"script", "style", "textarea", "title",
                                       "xmp", "iframe", "noembed", "noframes",
                                       "plaintext", NULL};

/* End of the tag starting at p[i] == '<' (index past '>'), honouring
 * quoted attribute values; n when unterminated. */
static size_t tag_end(const char *p, size_t n, size_t i) {
  char q = 0;
  for (size_t k = i + 1; k < n; k++) {
    if (q) {
      if (p[k] == q) q = 0;
    } else if (p[k] == '"' || p[k] == '\'') {
      q = p[k];
    } else if (p[k] == '>') {
      return k + 1;
    }
  }
  return n;
}

static const char *find_ci(const char *p, const char *end, const char *needle) {
  size_t m = strlen(needle);
  for (; p + m <= end; p++)
    if (!strncasecmp(p, needle, m)) return p;
  return NULL;
}

int cr_html_cap_depth(const char *p, size_t n, size_t limit, cr_buf *out) {
  size_t depth = 0, dropped = 0, copied = 0, i = 0;
  int capped = 0;
  while (i < n) {
    const char *lt = memchr(p + i, '<', n - i);
    if (!lt) break;
    i = (size_t)(lt - p);
    if (i + 4 <= n && !memcmp(p + i, "<!--", 4)) {
      const char *e = find_ci(p + i + 4, p + n, "-->");
      i = e ? (size_t)(e - p) + 3 : n;
      continue;
    }
    int closing = i + 1 < n && p[i + 1] == '/';
    size_t ns = i + 1 + (size_t)closing, ne = ns;
    while (ne < n && (isalnum((unsigned char)p[ne]) || p[ne] == '-' || p[ne] == ':')) ne++;
    if (ne == ns || !isalpha((unsigned char)p[ns])) {
      i++;
      continue;
    }
    size_t end = tag_end(p, n, i);
    int self_closing = end >= 2 && p[end - 2] == '/';
    int counted = !name_in(p + ns, ne - ns, not_nesting) && !self_closing;
    int drop = 0;
    if (!closing && counted) {
      if (depth >= limit) drop = 1, dropped++, capped = 1;
      else depth++;
    } else if (closing && counted) {
      if (dropped) drop = 1, dropped--;
      else if (depth) depth--;
    }
    if (drop) {
      if (cr_buf_append(out, p + copied, i - copied)) return -1;
      copied = end;
    }
    i = end;
    /* Raw text: skip to the matching end tag without counting. */
    if (!closing && name_in(p + ns, ne - ns, raw_text)) {
      char close[16] = "</";
      size_t m = ne - ns < 12 ? ne - ns : 12;
      memcpy(close + 2, p + ns, m);
      close[2 + m] = 0;
      const char *e = find_ci(p + i, p + n, close);
      i = e ? (size_t)(e - p) : n;
    }
  }
  if (!capped) return 0;
  if (cr_buf_append(out, p + copied, n - copied)) return -1;
  return 1;
}
