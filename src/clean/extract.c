/* extract.c — main-content extraction from an HTML page (see extract.h).
 *
 * The method is readability's candidate scoring with trafilatura's habit of
 * trusting markup when the page offers it, combined by evidence:
 *   1. flatten the gumbo tree into a preorder array (no recursion);
 *   2. drop what is never article text: scripts, styles, forms controls,
 *      navigation, asides, footers, hidden elements, and elements whose
 *      class or id says comment, share, related, cookie, newsletter ...;
 *   3. score every paragraph-like block by its shape (length, commas) and
 *      give the score to its ancestors, discounted by link density and
 *      weighted by class/id hints and article markup (<article>,
 *      itemprop=articleBody, <main>);
 *   4. take the best container plus the siblings that look like it;
 *   5. render it, leaving out link lists and widgets inside it;
 *   6. if that came out short while the page or its JSON-LD articleBody
 *      holds much more prose, prefer the better-supported text.
 */
#include "clean/extract.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean/dates.h"
#include "core/arena.h"
#include "core/vec.h"

#define TAG_TEXT 0xFFFF

enum {
  X_DROP = 1,    /* never article text (itself and everything below) */
  X_NEG = 2,     /* class/id hints at chrome */
  X_POS = 4,     /* class/id hints at the article */
  X_BLOCK = 8,   /* has block-level children */
  X_INLINK = 16, /* inside an <a> */
  X_MARKED = 32  /* article markup: itemprop=articleBody, <article> */
};

typedef struct xn {
  const GumboNode *g;
  int32_t parent;
  uint32_t size;       /* nodes in the subtree, itself included */
  uint16_t tag;
  uint8_t flags;
  uint8_t scored;
  int8_t weight;       /* class/id weight, -50..50 */
  uint32_t chars;      /* visible non-space characters in the subtree */
  uint32_t link_chars; /* of which inside links */
  uint32_t commas;
  uint32_t paras;      /* <p> elements in the subtree */
  uint32_t prose;      /* chars of paragraph-like blocks of prose in it */
  float score;
} xn;

typedef struct ctx {
  CR_VEC(xn) n;
  cr_arena *arena;     /* gumbo's allocations */
  cr_extract *out;
  const char *ld_body; /* JSON-LD articleBody, if any (heap) */
  char *title_text;    /* <title> text (heap) */
  char *h1_text;
  int show_hidden;     /* second pass: hidden elements are read too */
  size_t article_end;  /* preorder index past the chosen article (0: none) */
} ctx;

/* ------------------------------------------------------------ small helpers */

static void *gumbo_alloc(void *ud, size_t size) {
  return cr_arena_alloc((cr_arena *)ud, size);
}
/* The arena is freed whole; gumbo_destroy_output (recursive, so deep
 * trees could overflow the stack) is never called. */
static void gumbo_free(void *ud, void *p) { (void)ud, (void)p; }

static const char *attr(const GumboNode *g, const char *name) {
  if (g->type != GUMBO_NODE_ELEMENT) return NULL;
  const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
  return a ? a->value : NULL;
}

static int has_ci(const char *s, const char *needle) {
  if (!s) return 0;
  size_t m = strlen(needle);
  for (; *s; s++)
    if (strncasecmp(s, needle, m) == 0) return 1;
  return 0;
}

/* Visible characters: code points that are not white space. */
static uint32_t count_chars(const char *s, uint32_t *commas) {
  uint32_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) == 0x80 || isspace(*p)) continue;
    if (*p == 0xC2 && p[1] == 0xA0) { p++; continue; } /* NBSP */
    n++;
    if (*p == ',') (*commas)++;
  }
  return n;
}

static char *dup_trim(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  char *r = malloc(n + 1);
  if (!r) return NULL;
  /* Collapse inner runs of white space. */
  size_t k = 0;
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    if (isspace((unsigned char)s[i])) { sp = 1; continue; }
    if (sp && k) r[k++] = ' ';
    sp = 0;
    r[k++] = s[i];
  }
  r[k] = 0;
  return r;
}

static void set_once(char **slot, const char *v) {
  if (*slot || !v) return;
  char *d = dup_trim(v, strlen(v));
  if (d && !*d) { free(d); d = NULL; }
  *slot = d;
}

/* ------------------------------------------------------------ hints */

static int is_block_tag(unsigned t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
      return 1;
  }
  return 0;
}

static int is_heading(unsigned t) {
  return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6 && t != TAG_TEXT;
}

/* Tags whose content is never article prose. */
static int is_junk_tag(unsigned t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MENU: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_TITLE: case GUMBO_TAG_FIGCAPTION:
      return 1;
  }
  return 0;
}

/* Class/id hints.  Unambiguous fragments match anywhere in the value
 * ("jp-relatedposts", "commentlist"); short or generic words match only as
 * a whole class name or one of its dash/underscore parts at either end
 * ("nav", "nav-menu", "site-nav", but not "elementor-widget-container",
 * whose "widget" is a page-builder wrapper around everything). */
static const char *const neg_anywhere[] = {
    "comment", "related", "cookie", "consent", "gdpr", "subscribe",
    "newsletter", "signup", "sign-up", "sharedaddy", "share-", "sharing",
    "social", "outbrain", "taboola", "disqus", "sidebar", "breadcrumb",
    "advert", "sponsor", "paywall", "popup", "recommend", "trending",
    "most-popular", "author-bio", "authorbio", "shoutbox", "skyscraper",
    "pagination", "post-navigation", "masthead", "footer", "newsletter",
    "read-more", "readmore", "more-stories", "tag-list", "taglist",
    "widget_", "widget-area",
    "post-tags", "entry-tags", "byline", "donate",
};
static const char *const neg_part[] = {
    "nav", "navbar", "menu", "widget-area", "widgets", "ad", "ads", "banner", "promo",
    "meta", "tags", "share", "print", "jump", "rating", "caption",
    "credit", "login", "search", "modal", "toolbar", "pager", "header",
    "subnav", "topbar", "dropdown", "overlay", "notice", "alert",
    "date", "time", "timestamp", "author", "posted-on", "entry-date",
    "read-time", "reading-time", "cta",
};
static const char *const pos_anywhere[] = {
    "article", "entry-content", "post-content", "post-body", "story",
    "hentry", "h-entry", "prose", "richtext", "rich-text", "main-content",
    "articlebody", "article-body",
};
static const char *const pos_part[] = {"content", "main", "text", "body",
                                       "blog", "post", "entry"};

/* 1 when one of the space-separated names in v is part, or starts with
 * "part-"/"part_", or ends with "-part"/"_part" (case-insensitive). */
static int has_part(const char *v, const char *part) {
  size_t m = strlen(part);
  const char *p = v;
  while (*p) {
    while (*p == ' ' || *p == '\t') p++;
    const char *q = p;
    while (*q && *q != ' ' && *q != '\t') q++;
    size_t n = (size_t)(q - p);
    if (n >= m) {
      if (!memcmp(p, part, m) && (n == m || p[m] == '-' || p[m] == '_'))
        return 1;
      if (n > m && !memcmp(q - m, part, m) &&
          (q[-(long)m - 1] == '-' || q[-(long)m - 1] == '_'))
        return 1;
    }
    p = q;
  }
  return 0;
}

/* v is lower case; so are the hint lists. */
static int hint_match(const char *v, const char *const *any, size_t nany,
                      const char *const *part, size_t npart) {
  for (size_t i = 0; i < nany; i++)
    if (strstr(v, any[i])) return 1;
  for (size_t i = 0; i < npart; i++)
    if (has_part(v, part[i])) return 1;
  return 0;
}

#define N_(a) (sizeof a / sizeof *a)

/* Weight of an element's class and id: readability's +-25 per side.  The
 * value is lower-cased once so each hint is a plain strstr/memcmp. */
static int class_weight(const GumboNode *g, int *neg, int *pos) {
  const char *ids[2] = {attr(g, "class"), attr(g, "id")};
  int w = 0;
  *neg = *pos = 0;
  char low[512];
  for (int k = 0; k < 2; k++) {
    if (!ids[k] || !*ids[k]) continue;
    size_t n = 0;
    for (const char *p = ids[k]; *p && n + 1 < sizeof low; p++)
      low[n++] = (char)tolower((unsigned char)*p);
    low[n] = 0;
    if (hint_match(low, neg_anywhere, N_(neg_anywhere), neg_part, N_(neg_part)))
      w -= 25, *neg = 1;
    if (hint_match(low, pos_anywhere, N_(pos_anywhere), pos_part, N_(pos_part)))
      w += 25, *pos = 1;
  }
  return w;
}

/* Elements hidden from readers: hidden attribute, aria-hidden, inline
 * display:none. */
static int is_hidden(const GumboNode *g) {
  if (attr(g, "hidden")) return 1;
  const char *a = attr(g, "aria-hidden");
  if (a && !strcmp(a, "true")) return 1;
  const char *st = attr(g, "style");
  return st && (has_ci(st, "display:none") || has_ci(st, "display: none") ||
                has_ci(st, "visibility:hidden"));
}

/* Roles that mark chrome in accessible markup. */
static int junk_role(const GumboNode *g) {
  const char *r = attr(g, "role");
  return r && (!strcmp(r, "navigation") || !strcmp(r, "banner") ||
               !strcmp(r, "contentinfo") || !strcmp(r, "complementary") ||
               !strcmp(r, "dialog") || !strcmp(r, "menu") ||
               !strcmp(r, "alert"));
}

/* ------------------------------------------------------------ metadata */

static void meta_tag(ctx *x, const GumboNode *g) {
  const char *k = attr(g, "property");
  if (!k) k = attr(g, "name");
  if (!k) k = attr(g, "itemprop");
  const char *v = attr(g, "content");
  if (!k || !v) return;
  cr_extract *o = x->out;
  if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title") ||
      !strcasecmp(k, "dc.title") || !strcasecmp(k, "headline"))
    set_once(&o->title, v);
  else if (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
           !strcasecmp(k, "dc.creator") || !strcasecmp(k, "byl") ||
           !strcasecmp(k, "parsely-author") || !strcasecmp(k, "sailthru.author"))
  {
    /* Some sites put the author's profile URL here: not a name. */
    if (strncmp(v, "http", 4) != 0)
      set_once(&o->author, strncasecmp(v, "by ", 3) ? v : v + 3);
  }
  else if (!strcasecmp(k, "article:published_time") ||
           !strcasecmp(k, "og:article:published_time") ||
           !strcasecmp(k, "datePublished") || !strcasecmp(k, "dc.date") ||
           !strcasecmp(k, "dc.date.issued") || !strcasecmp(k, "date") ||
           !strcasecmp(k, "pubdate") || !strcasecmp(k, "publish-date") ||
           !strcasecmp(k, "parsely-pub-date") ||
           !strcasecmp(k, "sailthru.date") || !strcasecmp(k, "article.published"))
    set_once(&o->date_raw, v);
  else if (!strcasecmp(k, "og:site_name") || !strcasecmp(k, "application-name") ||
           !strcasecmp(k, "dc.publisher"))
    set_once(&o->site, v);
  else if (!strcasecmp(k, "og:url"))
    set_once(&o->url, v);
  else if (!strcasecmp(k, "article:section"))
    set_once(&o->section, v);
  else if (!strcasecmp(k, "og:locale") || !strcasecmp(k, "dc.language"))
    set_once(&o->lang, v);
}

static const char *jstr(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The name of a JSON-LD person/organisation: a string, an object with
 * "name", or the first of an array. */
static const char *jname(const cJSON *v) {
  if (cJSON_IsArray(v)) v = cJSON_GetArrayItem(v, 0);
  if (cJSON_IsString(v)) return v->valuestring;
  if (cJSON_IsObject(v)) return jstr(v, "name");
  return NULL;
}

static int is_article_type(const cJSON *o) {
  const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
  if (cJSON_IsArray(t)) t = cJSON_GetArrayItem(t, 0);
  if (!cJSON_IsString(t)) return 0;
  return has_ci(t->valuestring, "article") || has_ci(t->valuestring, "posting") ||
         has_ci(t->valuestring, "report") || has_ci(t->valuestring, "blog");
}

static void ld_object(ctx *x, const cJSON *o, int depth) {
  if (depth > 4) return;
  if (cJSON_IsArray(o)) {
    const cJSON *e;
    cJSON_ArrayForEach(e, o) ld_object(x, e, depth + 1);
    return;
  }
  if (!cJSON_IsObject(o)) return;
  const cJSON *graph = cJSON_GetObjectItemCaseSensitive(o, "@graph");
  if (graph) ld_object(x, graph, depth + 1);
  cr_extract *out = x->out;
  if (is_article_type(o)) {
    set_once(&out->title, jstr(o, "headline"));
    set_once(&out->date_raw, jstr(o, "datePublished"));
    set_once(&out->author, jname(cJSON_GetObjectItemCaseSensitive(o, "author")));
    set_once(&out->site, jname(cJSON_GetObjectItemCaseSensitive(o, "publisher")));
    set_once(&out->lang, jstr(o, "inLanguage"));
    const char *b = jstr(o, "articleBody");
    if (b && !x->ld_body) x->ld_body = strdup(b);
  }
  const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type");
  if (cJSON_IsString(t) && !strcmp(t->valuestring, "WebSite"))
    set_once(&out->site, jstr(o, "name"));
}

static void json_ld(ctx *x, const GumboNode *g) {
  const GumboVector *ch = &g->v.element.children;
  if (ch->length < 1) return;
  const GumboNode *t = ch->data[0];
  if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA) return;
  cJSON *j = cJSON_Parse(t->v.text.text);
  if (j) ld_object(x, j, 0);
  cJSON_Delete(j);
}

/* The text of a small element (title, h1, time), collapsed. */
static char *small_text(const ctx *x, uint32_t i) {
  cr_buf b = CR_BUF_INIT;
  for (uint32_t k = i; k < i + x->n.v[i].size && b.len < 4096; k++)
    if (x->n.v[k].tag == TAG_TEXT) {
      cr_buf_puts(&b, x->n.v[k].g->v.text.text);
      cr_buf_putc(&b, ' ');
    }
  char *r = b.failed ? NULL : dup_trim(cr_buf_cstr(&b), b.len);
  cr_buf_free(&b);
  return r;
}

/* ------------------------------------------------------------ title */

/* Share of the words of a that also occur in b (ASCII case folded). */
static double word_overlap(const char *a, const char *b) {
  size_t total = 0, found = 0;
  const char *p = a;
  while (*p) {
    while (*p && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80)) p++;
    const char *q = p;
    while (*q && (isalnum((unsigned char)*q) || ((unsigned char)*q & 0x80))) q++;
    if (q > p) {
      total++;
      size_t n = (size_t)(q - p);
      for (const char *r = b; *r; r++)
        if (!strncasecmp(r, p, n) && (r == b || !isalnum((unsigned char)r[-1])) &&
            !isalnum((unsigned char)r[n])) {
          found++;
          break;
        }
    }
    p = q;
  }
  return total ? (double)found / (double)total : 0;
}

/* "Headline | Site", "Headline - Site": the longest part of a title split
 * at a spaced separator, which is the headline in nearly every case. */
static char *strip_site_suffix(const char *t) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                     " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " // "};
  const char *best = t;
  size_t bestn = strlen(t);
  for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
    const char *s = strstr(t, seps[k]);
    if (!s) continue;
    /* Only the last separator splits off a site name. */
    const char *last = s, *nx;
    while ((nx = strstr(last + 1, seps[k]))) last = nx;
    size_t head = (size_t)(last - t), tail = strlen(last + strlen(seps[k]));
    if (head >= tail) { best = t; bestn = head; }
    else { best = last + strlen(seps[k]); bestn = tail; }
    break;
  }
  return dup_trim(best, bestn);
}

/* The headline readers see: the first <h1> when it agrees with what the
 * page declares (og:title, JSON-LD, <title>); otherwise the declared title
 * without its site suffix. */
static void choose_title(ctx *x) {
  cr_extract *o = x->out;
  const char *declared = o->title ? o->title : x->title_text;
  if (x->h1_text && *x->h1_text && strlen(x->h1_text) < 400 &&
      (!declared || word_overlap(x->h1_text, declared) >= 0.6 ||
       word_overlap(declared, x->h1_text) >= 0.6)) {
    free(o->title);
    o->title = strdup(x->h1_text);
    return;
  }
  if (declared) {
    char *t = strip_site_suffix(declared);
    free(o->title);
    o->title = t;
  }
}

/* ------------------------------------------------------------ dates */

/* An element that shows a date: <time>, or a class/id/itemprop that says
 * date, time, posted, published or updated. */
static int is_dated_element(const xn *e) {
  if (e->tag == TAG_TEXT || (e->flags & X_DROP) || e->chars == 0 || e->chars > 80) return 0;
  if (e->tag == GUMBO_TAG_TIME) return 1;
  const char *vals[3] = {attr(e->g, "class"), attr(e->g, "id"), attr(e->g, "itemprop")};
  for (int k = 0; k < 3; k++)
    if (vals[k] && (has_ci(vals[k], "date") || has_ci(vals[k], "time") ||
                    has_ci(vals[k], "posted") || has_ci(vals[k], "publish") ||
                    has_ci(vals[k], "updated")))
      return 1;
  return 0;
}

/* The first full date (with a year) shown in a dated element, or its
 * datetime attribute. */
static void visible_date(ctx *x) {
  /* Dates after the article belong to comments and related stories. */
  size_t end = x->article_end ? x->article_end : x->n.n;
  for (size_t i = 0; i < end && !x->out->date_visible; i++) {
    const xn *e = &x->n.v[i];
    if (!is_dated_element(e)) continue;
    char *h = small_text(x, (uint32_t)i);
    char iso[40];
    if (h && cr_date_parse(h, strlen(h), iso, sizeof iso) == 1 && iso[0] != '-') {
      x->out->date_visible = h;
      h = NULL;
    } else if (e->tag == GUMBO_TAG_TIME && attr(e->g, "datetime")) {
      const char *dt = attr(e->g, "datetime");
      if (cr_date_parse(dt, strlen(dt), iso, sizeof iso) == 1) set_once(&x->out->date_visible, dt);
    }
    free(h);
  }
}

/* A byline shown on the page when the metadata names no author: an
 * element marked rel=author, itemprop=author, or class/id author/byline,
 * with a short text ("By Ann Writer" -> "Ann Writer"). */
static void visible_author(ctx *x) {
  size_t end = x->article_end ? x->article_end : x->n.n;
  for (size_t i = 0; i < end && !x->out->author; i++) {
    const xn *e = &x->n.v[i];
    if (e->tag == TAG_TEXT || e->chars < 3 || e->chars > 60) continue;
    const char *rel = attr(e->g, "rel"), *ip = attr(e->g, "itemprop");
    const char *cl = attr(e->g, "class"), *id = attr(e->g, "id");
    if (!((rel && !strcmp(rel, "author")) || (ip && !strcmp(ip, "author")) ||
          (cl && (has_ci(cl, "author-name") || has_ci(cl, "byline") ||
                  has_ci(cl, "author__name") || !strcasecmp(cl, "author"))) ||
          (id && has_ci(id, "byline"))))
      continue;
    char *h = small_text(x, (uint32_t)i);
    if (h && *h) {
      const char *v = h;
      if (!strncasecmp(v, "by ", 3)) v += 3;
      if (*v && !strchr(v, '@') && strncmp(v, "http", 4)) set_once(&x->out->author, v);
    }
    free(h);
  }
}

/* ------------------------------------------------------------ flatten */

static int is_paragraph_like(const xn *e);

/* A paragraph of prose: paragraph-shaped, some length, few links.  Its
 * characters measure how much article a container holds. */
static int is_prose_block(const xn *e) {
  return e->tag != TAG_TEXT && e->chars >= 40 && is_paragraph_like(e) &&
         e->link_chars * 2 < e->chars;
}

typedef struct walk_item {
  const GumboNode *g;
  int32_t parent;
  uint8_t flags;
} walk_item;

static int flatten(ctx *x, const GumboNode *root) {
  CR_VEC(walk_item) st = {0};
  walk_item first = {root, -1, 0};
  if (cr_vec_push(&st, first)) return -1;
  while (st.n) {
    walk_item it = st.v[--st.n];
    const GumboNode *g = it.g;
    xn e = {0};
    e.g = g;
    e.parent = it.parent;
    e.size = 1;
    e.flags = it.flags;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA) {
      e.tag = TAG_TEXT;
      if (!(e.flags & X_DROP)) e.chars = count_chars(g->v.text.text, &e.commas);
      if (e.flags & X_INLINK) e.link_chars = e.chars;
    } else if (g->type == GUMBO_NODE_ELEMENT) {
      unsigned t = g->v.element.tag;
      e.tag = (uint16_t)t;
      if (t == GUMBO_TAG_META) meta_tag(x, g);
      else if (t == GUMBO_TAG_LINK) {
        const char *rel = attr(g, "rel");
        if (rel && !strcasecmp(rel, "canonical")) set_once(&x->out->url, attr(g, "href"));
      } else if (t == GUMBO_TAG_HTML) set_once(&x->out->lang, attr(g, "lang"));
      else if (t == GUMBO_TAG_SCRIPT) {
        const char *ty = attr(g, "type");
        if (ty && !strcasecmp(ty, "application/ld+json")) json_ld(x, g);
      } else if (t == GUMBO_TAG_TIME)
        set_once(&x->out->date_raw, attr(g, "datetime"));
      const char *ip = attr(g, "itemprop");
      if (ip) {
        if (!strcmp(ip, "articleBody") || !strcmp(ip, "reviewBody")) e.flags |= X_MARKED;
        if (!strcmp(ip, "datePublished"))
          set_once(&x->out->date_raw, attr(g, "datetime") ? attr(g, "datetime") : attr(g, "content"));
      }
      if (t == GUMBO_TAG_ARTICLE) e.flags |= X_MARKED;
      int neg, pos;
      e.weight = (int8_t)class_weight(g, &neg, &pos);
      if (neg) e.flags |= X_NEG;
      if (pos) e.flags |= X_POS;
      if (is_junk_tag(t) || (!x->show_hidden && is_hidden(g)) || junk_role(g))
        e.flags |= X_DROP;
      if (t == GUMBO_TAG_A) e.flags |= X_INLINK;
    } else if (g->type == GUMBO_NODE_DOCUMENT) {
      e.tag = GUMBO_TAG_UNKNOWN;
    } else {
      e.flags |= X_DROP; /* comments, whitespace */
      e.tag = GUMBO_TAG_UNKNOWN;
      if (g->type == GUMBO_NODE_WHITESPACE) e.tag = TAG_TEXT, e.flags &= (uint8_t)~X_DROP;
    }
    if (x->n.n >= INT32_MAX || cr_vec_push(&x->n, e)) goto oom;
    int32_t self = (int32_t)(x->n.n - 1);
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE ||
        g->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector *ch = g->type == GUMBO_NODE_DOCUMENT
                                  ? &g->v.document.children
                                  : &g->v.element.children;
      /* Children inherit drop and in-link; class hints are per element. */
      uint8_t inh = e.flags & (X_DROP | X_INLINK);
      for (unsigned k = ch->length; k-- > 0;) {
        walk_item c = {ch->data[k], self, inh};
        if (cr_vec_push(&st, c)) goto oom;
      }
    }
  }
  cr_vec_free(&st);
  /* Subtree sizes and text statistics, children before parents. */
  for (size_t i = x->n.n; i-- > 1;) {
    xn *e = &x->n.v[i], *p = &x->n.v[e->parent];
    p->size += e->size;
    if (e->flags & X_DROP) continue;
    if (is_prose_block(e)) e->prose = e->chars;
    p->chars += e->chars;
    p->link_chars += e->link_chars;
    p->commas += e->commas;
    p->paras += e->paras + (e->tag == GUMBO_TAG_P);
    p->prose += e->prose;
    if (e->tag != TAG_TEXT && is_block_tag(e->tag)) p->flags |= X_BLOCK;
  }
  return 0;
oom:
  cr_vec_free(&st);
  return -1;
}

/* ------------------------------------------------------------ scoring */

static float link_density(const xn *e) {
  return e->chars ? (float)e->link_chars / (float)e->chars : 0.f;
}

/* A block a reader would call a paragraph: <p>, <pre>, <td>, <blockquote>,
 * or a div/section holding only inline content (pages that never use <p>). */
static int is_paragraph_like(const xn *e) {
  switch (e->tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 1;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SPAN:
      return !(e->flags & X_BLOCK);
  }
  return 0;
}

/* The starting score of a container, from what its tag usually holds. */
static float tag_base(unsigned t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_SECTION:
      return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
      return -5;
  }
  return 0;
}

/* Markup evidence: a page that marks its article body is usually right. */
static float markup_bonus(const xn *e) {
  float b = 0;
  if (e->flags & X_MARKED) b += 30;
  if (e->tag == GUMBO_TAG_MAIN) b += 10;
  return b;
}

static void init_candidate(xn *e) {
  if (e->scored) return;
  e->score = tag_base(e->tag) + (float)e->weight + markup_bonus(e);
  e->scored = 1;
}

/* Readability's rule: paragraph score = 1 + commas + one point per 100
 * characters (at most 3), given whole to the parent, half to the
 * grandparent, and a third per level further up. */
static void score_paragraphs(ctx *x) {
  for (size_t i = 0; i < x->n.n; i++) {
    xn *e = &x->n.v[i];
    if (e->tag == TAG_TEXT || (e->flags & X_DROP) || !is_paragraph_like(e)) continue;
    if (e->chars < 25) continue;
    float s = 1.f + (float)e->commas + (float)(e->chars / 100 < 3 ? e->chars / 100 : 3);
    int32_t a = e->parent;
    for (int level = 0; a >= 0 && level < 5; level++, a = x->n.v[a].parent) {
      xn *anc = &x->n.v[a];
      if (anc->tag == GUMBO_TAG_HTML || anc->tag == GUMBO_TAG_UNKNOWN) break;
      init_candidate(anc);
      anc->score += level == 0 ? s : level == 1 ? s / 2 : s / (float)(level * 3);
    }
  }
  for (size_t i = 0; i < x->n.n; i++) {
    xn *e = &x->n.v[i];
    if (e->scored) e->score *= 1.f - link_density(e);
  }
}

static int32_t top_candidate(const ctx *x) {
  int32_t best = -1;
  float bs = 0;
  for (size_t i = 0; i < x->n.n; i++) {
    const xn *e = &x->n.v[i];
    if (e->scored && !(e->flags & X_DROP) && e->score > bs) {
      bs = e->score;
      best = (int32_t)i;
    }
  }
  return best;
}

/* A sibling joins the article when it scores near the top candidate or is
 * a plain paragraph of prose (readability's sibling rule). */
static char *small_text(const ctx *x, uint32_t i);

static int sibling_joins(const ctx *x, uint32_t si, const xn *top) {
  const xn *s = &x->n.v[si];
  if (s->flags & X_DROP) return 0;
  float thr = top->score * 0.2f;
  if (thr < 10) thr = 10;
  if (s->scored && s->score >= thr) return 1;
  if (s->tag == GUMBO_TAG_P) {
    float ld = link_density(s);
    if (s->chars > 80 && ld < 0.25f) return 1;
    /* A short sentence with no link ("It was not."), as readability. */
    if (s->chars > 0 && s->chars <= 80 && ld == 0) {
      char *h = small_text(x, si);
      size_t n = h ? strlen(h) : 0;
      int sentence = n && (h[n - 1] == '.' || strstr(h, ". "));
      free(h);
      if (sentence) return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------ render */

typedef struct render {
  cr_buf *b;
  int pending_space;
  int pending_break; /* 0 none, 1 line, 2 paragraph */
} render;

static void r_break(render *r, int kind) {
  if (r->b->len && kind > r->pending_break) r->pending_break = kind;
  r->pending_space = 0;
}

static void r_text(render *r, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (isspace(*p) || (*p == 0xC2 && p[1] == 0xA0)) {
      if (*p == 0xC2) p++;
      r->pending_space = 1;
      continue;
    }
    if (r->pending_break) {
      cr_buf_append(r->b, "\n\n", (size_t)r->pending_break);
      r->pending_break = 0;
      r->pending_space = 0;
    } else if (r->pending_space && r->b->len) {
      cr_buf_putc(r->b, ' ');
    }
    r->pending_space = 0;
    cr_buf_putc(r->b, (char)*p);
  }
}

/* Inside the chosen article, pieces that are still chrome: a list or block
 * made mostly of links, a negatively hinted widget with little prose, a
 * form.  Paragraphs are never dropped here. */
static int is_inner_junk(const ctx *x, const xn *e, uint32_t root_chars) {
  if (e->tag == TAG_TEXT || e->tag == GUMBO_TAG_P) return 0;
  if (e->tag == GUMBO_TAG_FORM && e->chars < 500) return 1;
  float ld = link_density(e);
  /* A widget marked as chrome, unless it holds a large share of the
   * article (page builders mark whole columns "widget"). */
  if ((e->flags & X_NEG) && !(e->flags & (X_POS | X_MARKED)) &&
      (float)e->chars < 0.3f * (float)root_chars)
    return 1;
  if (!is_block_tag(e->tag)) return 0;
  if ((e->tag == GUMBO_TAG_UL || e->tag == GUMBO_TAG_OL) && ld > 0.5f) return 1;
  if (is_heading(e->tag) && ld > 0.5f) return 1;
  if (ld > 0.5f && e->chars < 1500) return 1;
  (void)x;
  return 0;
}

/* Labels that sites put between paragraphs: ad slots, "Updated",
 * "Published on", "Share".  Only a block whose whole text is one of them. */
static int is_label_block(const ctx *x, uint32_t i) {
  static const char *const labels[] = {
      "advertisement", "sponsored", "updated", "published", "published on",
      "share", "share this", "share this article", "print", "email",
      "skip to content", "skip to main content", "read more", "continue reading",
      "related", "ad", "story continues below advertisement",
      "article continues below", "scroll to continue"};
  char *h = small_text(x, i);
  int hit = 0;
  for (size_t k = 0; h && k < sizeof labels / sizeof *labels && !hit; k++)
    hit = !strcasecmp(h, labels[k]);
  free(h);
  return hit;
}

/* Renders the subtree at i; the title heading is left out (it is
 * metadata, not body). */
static void render_tree(ctx *x, uint32_t root, render *r, int clean) {
  uint32_t end = root + x->n.v[root].size;
  /* Elements whose end must emit a break: an explicit stack of ends. */
  CR_VEC(uint32_t) closes = {0};
  for (uint32_t i = root; i < end;) {
    while (closes.n && closes.v[closes.n - 1] <= i) {
      closes.n--;
      r_break(r, 2);
    }
    const xn *e = &x->n.v[i];
    if ((e->flags & X_DROP) || (clean && i != root && is_inner_junk(x, e, x->n.v[root].chars))) {
      i += e->size;
      continue;
    }
    if (e->tag == TAG_TEXT) {
      r_text(r, e->g->v.text.text);
    } else if (e->tag == GUMBO_TAG_BR) {
      r_break(r, 1);
    } else if (is_block_tag(e->tag)) {
      if (is_heading(e->tag) && x->title_text && e->chars < 400) {
        char *h = small_text(x, i);
        /* A heading that is the page title (or its start) is metadata;
         * a short section heading ("News") merely found in it is not. */
        int is_title = h && strlen(h) >= 12 &&
                       (strstr(x->title_text, h) != NULL ||
                        (x->out->title && !strcmp(x->out->title, h)));
        free(h);
        if (is_title) {
          i += e->size;
          continue;
        }
      }
      if (clean && e->chars <= 16 && is_label_block(x, i)) {
        i += e->size;
        continue;
      }
      r_break(r, 2);
      if (cr_vec_push(&closes, i + e->size)) break;
    }
    i++;
  }
  cr_vec_free(&closes);
  r_break(r, 2);
}

/* ------------------------------------------------------------ choose */

static int32_t find_tag(const ctx *x, unsigned tag) {
  for (size_t i = 0; i < x->n.n; i++)
    if (x->n.v[i].tag == tag) return (int32_t)i;
  return -1;
}

/* Words of s: count of maximal alnum runs (ASCII or any non-ASCII byte). */
static size_t count_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int al = isalnum(c) || c >= 0x80;
    if (al && !in) w++;
    in = al;
  }
  return w;
}

static int extract_body(ctx *x) {
  cr_extract *o = x->out;
  score_paragraphs(x);
  int32_t top = top_candidate(x);
  render r = {&o->text, 0, 0};
  if (top >= 0) {
    const xn *t = &x->n.v[top];
    /* A top candidate alone in its parent: the parent is the article. */
    while (t->parent >= 0 && x->n.v[t->parent].tag != GUMBO_TAG_BODY &&
           x->n.v[t->parent].chars <= t->chars + t->chars / 20 &&
           x->n.v[t->parent].tag != GUMBO_TAG_HTML) {
      top = t->parent;
      t = &x->n.v[top];
    }
    /* Articles split into sections give the best score to one section:
     * climb to an ancestor that holds at least twice the prose (a lower
     * bar pulls in the calls to action and service blurbs around the
     * article: 1.3x gave F1 0.944 on wcxb-dev, 2x 0.946), as long as it
     * is not mostly links. */
    for (int32_t a = t->parent, best = top; a >= 0; a = x->n.v[a].parent) {
      const xn *an = &x->n.v[a];
      if (an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML) break;
      if (link_density(an) > 0.4f) break;
      if ((float)an->prose >= 2.0f * (float)x->n.v[best].prose + 80.f) {
        best = a;
        top = a;
      }
    }
    t = &x->n.v[top];
    int32_t par = t->parent;
    if (par >= 0) {
      const xn *p = &x->n.v[par];
      for (uint32_t c = (uint32_t)par + 1; c < (uint32_t)par + p->size;
           c += x->n.v[c].size) {
        if ((int32_t)c == top || sibling_joins(x, c, t))
          render_tree(x, c, &r, 1);
      }
    } else {
      render_tree(x, (uint32_t)top, &r, 1);
    }
    o->strategy = "scored container";
    x->article_end = (size_t)top + t->size;
  }
  /* Fallbacks: a short extraction is checked against the JSON-LD body and
   * the whole page without chrome; the one with more prose wins when the
   * difference is large. */
  size_t got = count_words(o->text.data ? o->text.data : "", o->text.len);
  if (x->ld_body) {
    size_t lw = count_words(x->ld_body, strlen(x->ld_body));
    if (lw > 50 && got * 2 < lw) {
      cr_buf_clear(&o->text);
      r.pending_break = r.pending_space = 0;
      cr_buf_puts(&o->text, x->ld_body);
      o->strategy = "JSON-LD articleBody";
      got = lw;
    }
  }
  if (got < 100) {
    int32_t body = find_tag(x, GUMBO_TAG_BODY);
    if (body >= 0) {
      cr_buf alt = CR_BUF_INIT;
      render r2 = {&alt, 0, 0};
      render_tree(x, (uint32_t)body, &r2, 1);
      size_t aw = count_words(alt.data ? alt.data : "", alt.len);
      if (aw > got * 3 && (aw > 30 || got == 0)) {
        cr_buf_free(&o->text);
        o->text = alt;
        o->strategy = "whole page without chrome";
      } else {
        cr_buf_free(&alt);
      }
    }
  }
  /* Trim the trailing break. */
  while (o->text.len && isspace((unsigned char)o->text.data[o->text.len - 1]))
    o->text.len--;
  if (o->text.data) o->text.data[o->text.len] = 0;
  return o->text.failed ? -1 : 0;
}

int cr_extract_html(const char *html, size_t n, size_t max_depth, cr_extract *out) {
  memset(out, 0, sizeof *out);
  cr_buf capped = CR_BUF_INIT;
  if (max_depth) {
    int r = cr_html_cap_depth(html, n, max_depth, &capped);
    if (r < 0) {
      cr_buf_free(&capped);
      return -1;
    }
    if (r > 0) {
      out->depth_capped = 1;
      html = capped.data;
      n = capped.len;
    }
  }
  ctx x = {0};
  x.out = out;
  x.arena = cr_arena_new();
  if (!x.arena) {
    cr_buf_free(&capped);
    return -1;
  }
  GumboOptions opt = kGumboDefaultOptions;
  opt.allocator = gumbo_alloc;
  opt.deallocator = gumbo_free;
  opt.userdata = x.arena;
  /* Parse errors are not used; recording them costs memory per error. */
  opt.max_errors = 0;
  int rc = -1;
  GumboOutput *g = gumbo_parse_with_options(&opt, html, n);
  if (!g) goto done;
  if (flatten(&x, g->document)) goto done;
  out->nodes = x.n.n;
  int32_t ti = find_tag(&x, GUMBO_TAG_TITLE);
  if (ti >= 0) x.title_text = small_text(&x, (uint32_t)ti);
  int32_t h1 = find_tag(&x, GUMBO_TAG_H1);
  if (h1 >= 0) x.h1_text = small_text(&x, (uint32_t)h1);
  choose_title(&x);
  if (!x.title_text && out->title) x.title_text = strdup(out->title);
  rc = extract_body(&x);
  visible_date(&x);
  visible_author(&x);
  /* Streaming server renderers (React, Next.js) send the article inside a
   * hidden element that script reveals: when the visible page held almost
   * no prose, read the hidden parts as well and keep the longer result. */
  if (rc == 0 && count_words(out->text.data ? out->text.data : "", out->text.len) < 100) {
    cr_buf first = out->text;
    const char *first_strategy = out->strategy;
    memset(&out->text, 0, sizeof out->text);
    x.n.n = 0;
    x.show_hidden = 1;
    if (flatten(&x, g->document) == 0 && extract_body(&x) == 0 &&
        count_words(out->text.data ? out->text.data : "", out->text.len) >
            2 * count_words(first.data ? first.data : "", first.len) + 20) {
      cr_buf_free(&first);
      out->strategy = "hidden content revealed by script";
    } else {
      cr_buf_free(&out->text);
      out->text = first;
      out->strategy = first_strategy;
    }
  }
done:
  cr_vec_free(&x.n);
  free((void *)x.ld_body);
  free(x.title_text);
  free(x.h1_text);
  cr_arena_free(x.arena);
  cr_buf_free(&capped);
  return rc;
}

void cr_extract_free(cr_extract *x) {
  cr_buf_free(&x->text);
  free(x->title);
  free(x->author);
  free(x->date_raw);
  free(x->site);
  free(x->url);
  free(x->lang);
  free(x->section);
  free(x->date_visible);
  memset(x, 0, sizeof *x);
}
