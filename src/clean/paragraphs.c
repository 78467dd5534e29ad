/* paragraphs.c — lines to classified paragraphs, and the title line. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clean/clean.h"
#include "clean/dates.h"

typedef CR_VEC(cr_para) para_vec;

/* Case-insensitive substring search within a span (ASCII needles).  The
 * first byte is compared inline because this runs for every pattern on
 * every line, and a libc call per position dominated the whole pipeline. */
static int span_has(const char *t, cr_span s, const char *needle) {
  size_t m = strlen(needle), n = s.end - s.start;
  if (m == 0 || m > n) return 0;
  int lo = tolower((unsigned char)needle[0]), up = toupper((unsigned char)needle[0]);
  const char *p = t + s.start;
  for (size_t i = 0; i + m <= n; i++)
    if ((p[i] == lo || p[i] == up) && strncasecmp(p + i + 1, needle + 1, m - 1) == 0)
      return 1;
  return 0;
}

static int span_starts(const char *t, cr_span s, const char *prefix) {
  size_t m = strlen(prefix);
  return s.end - s.start >= m && strncasecmp(t + s.start, prefix, m) == 0;
}

/* Words in a span: runs of non-space bytes. */
static size_t span_words(const char *t, cr_span s) {
  size_t w = 0;
  int in = 0;
  for (uint32_t i = s.start; i < s.end; i++) {
    int sp = isspace((unsigned char)t[i]);
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

static int span_letters(const char *t, cr_span s) {
  int n = 0;
  for (uint32_t i = s.start; i < s.end; i++)
    if (isalpha((unsigned char)t[i]) || ((unsigned char)t[i] & 0x80)) n++;
  return n;
}

static int span_has_letter(const char *t, cr_span s) {
  for (uint32_t i = s.start; i < s.end; i++)
    if (isalpha((unsigned char)t[i]) || ((unsigned char)t[i] & 0x80)) return 1;
  return 0;
}

/* Last byte that is not a closing quote or space, to see how a line ends. */
static char span_final(const char *t, cr_span s) {
  uint32_t e = s.end;
  while (e > s.start) {
    unsigned char ch = (unsigned char)t[e - 1];
    if (ch == '"' || ch == '\'' || ch == ' ') { e--; continue; }
    /* ” and ’ are E2 80 9D / E2 80 99 */
    if (e - s.start >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
        (unsigned char)t[e - 2] == 0x80 &&
        ((unsigned char)t[e - 1] == 0x9D || (unsigned char)t[e - 1] == 0x99)) {
      e -= 3;
      continue;
    }
    return (char)ch;
  }
  return 0;
}

/* Site chrome seen on news pages: prompts, legal lines, navigation.  Each
 * pattern matches only short lines (see is_boilerplate) so an article
 * sentence that merely mentions "newsletter" is kept. */
static const char *const chrome_prefixes[] = {
    "sign up", "subscribe", "read more:", "read more", "related:",
    "check out", "tags:", "tagged:", "share this", "follow us",
    "join the", "privacy:", "please review", "most popular", "advertisement",
    "source link", "click here", "recommended", "more from", "trending",
    "read and post comments", "receive breaking news", "copyright",
    "all rights reserved", "top", "(optional", "featured-image", "loading",
};
static const char *const chrome_anywhere[] = {
    "all rights reserved", "registered trademark", "are trademarks of",
    "newsletter", "cookie", "©", "sign up for", "your inbox",
};

/* Chrome words that are chrome only as a whole line ("TOP", "Loading"):
 * followed by anything they start an ordinary heading or sentence. */
static int whole_line_only(const char *prefix) {
  return !strcmp(prefix, "top") || !strcmp(prefix, "loading") ||
         !strcmp(prefix, "trending") || !strcmp(prefix, "recommended") ||
         !strcmp(prefix, "most popular");
}

/* Short lines that are site chrome; returns the reason or NULL. */
static const char *is_boilerplate(const char *t, cr_span s, size_t words) {
  /* "For more AP coverage, visit https://...": an outlet's promo line,
   * whatever a scraper glued after it. */
  if (span_starts(t, s, "for more ") && span_has(t, s, "coverage") &&
      span_has(t, s, "http"))
    return "outlet promotion line";
  if (words <= 12)
    for (size_t i = 0; i < sizeof chrome_prefixes / sizeof *chrome_prefixes; i++)
      if (span_starts(t, s, chrome_prefixes[i])) {
        /* "Top" alone, not "Top officials said ..." nor "Top 10 trends". */
        size_t m = strlen(chrome_prefixes[i]);
        if (s.end - s.start == m) return "site chrome (navigation, prompt or legal line)";
        if (whole_line_only(chrome_prefixes[i])) continue;
        if (!isalpha((unsigned char)t[s.start + m]))
          return "site chrome (navigation, prompt or legal line)";
      }
  if (words <= 25)
    for (size_t i = 0; i < sizeof chrome_anywhere / sizeof *chrome_anywhere; i++)
      if (span_has(t, s, chrome_anywhere[i]))
        return "site chrome (legal line, newsletter or cookie prompt)";
  /* Separator lines such as "___" or "* * *"; bare numbers (view or
   * comment counts) and numeric dates are header/footer residue. */
  if (!span_has_letter(t, s)) {
    for (uint32_t i = s.start; i < s.end; i++)
      if (isdigit((unsigned char)t[i])) return "number or numeric date line";
    return "separator or symbol-only line";
  }
  return NULL;
}

/* Captions are one or two sentences; a long paragraph that mentions a
 * photo credit is body text. */
#define CAPTION_MAX_WORDS 80
/* ---- footer and teaser rules (a second pass, once every line has a
 * first verdict) */

/* "ukraine, russia, war, north korea": a list of three or more short
 * lower-case items without sentence punctuation is a tag list. */
static int is_tag_list(const char *t, cr_span s, size_t words) {
  if (words > 30) return 0;
  size_t seps = 0, upper = 0, item_words = 0, max_item = 0;
  int in = 0;
  for (uint32_t i = s.start; i < s.end; i++) {
    char ch = t[i];
    if (ch == ',' || ch == '|' || ch == ';') {
      seps++;
      if (item_words > max_item) max_item = item_words;
      item_words = 0;
      in = 0;
      continue;
    }
    if (ch == '.' || ch == '!' || ch == '?') return 0;
    int sp = isspace((unsigned char)ch);
    if (!sp && !in) {
      item_words++;
      if (isupper((unsigned char)ch)) upper++;
    }
    in = !sp;
  }
  if (item_words > max_item) max_item = item_words;
  return seps >= 2 && max_item <= 3 && upper * 3 <= words;
}

/* A teaser: the opening of an earlier paragraph repeated (often cut with
 * "..."), as footers and related boxes show an article's abstract. */
static int is_teaser_of(const char *t, cr_span s, cr_span earlier) {
  size_t n = s.end - s.start, m = earlier.end - earlier.start;
  size_t need = 60;
  if (n < need || m < need) return 0;
  return memcmp(t + s.start, t + earlier.start, need) == 0;
}

static size_t span_len(cr_span s) { return s.end - s.start; }

/* Legal lines open the footer: what follows them is the site's, not the
 * article's. */
static int is_legal_reason(const char *why) {
  return why && strstr(why, "legal");
}

static int ends_sentence(const char *t, cr_span s) {
  char f = span_final(t, s);
  return f == '.' || f == '?' || f == '!';
}

/* Second pass over the first verdicts: teasers anywhere after the first
 * body paragraph, tag lists, and short lines in the footer zone (after a
 * copyright or trademark line in the last part of the text). */
static void footer_pass(const char *t, cr_para *v, size_t n, int html) {
  /* In an extracted HTML article the DOM already cut the footer; only the
   * teaser rule applies. */
  size_t footer = n;
  for (size_t k = n / 3; k < n; k++)
    if (v[k].kind == CR_PARA_BOILERPLATE && is_legal_reason(v[k].reason)) {
      footer = k;
      break;
    }
  for (size_t k = 0; k < n; k++) {
    cr_para *p = &v[k];
    /* A numeric line that is a date is a date line, possible or not. */
    if (p->kind == CR_PARA_BOILERPLATE && p->reason &&
        !strcmp(p->reason, "number or numeric date line")) {
      char iso[40];
      int dv = cr_date_parse(t + p->span.start, p->span.end - p->span.start, iso, sizeof iso);
      if (dv) {
        p->kind = CR_PARA_META;
        p->reason = dv > 0 ? "date line" : "impossible date line";
      }
      continue;
    }
    if (p->kind != CR_PARA_BODY && p->kind != CR_PARA_META) continue;
    size_t words = span_words(t, p->span);
    if (!html && p->kind == CR_PARA_BODY && is_tag_list(t, p->span, words)) {
      p->kind = CR_PARA_BOILERPLATE;
      p->reason = "tag list";
      continue;
    }
    if (p->kind == CR_PARA_BODY)
      for (size_t j = 0; j < k; j++)
        if (v[j].kind == CR_PARA_BODY && is_teaser_of(t, p->span, v[j].span)) {
          /* The shorter copy is the teaser: a lede summary above the full
           * paragraph, or an abstract repeated in the footer. */
          cr_para *shorter = span_len(p->span) < span_len(v[j].span) ? p : &v[j];
          shorter->kind = CR_PARA_BOILERPLATE;
          shorter->reason = "teaser repeating the start of another paragraph";
          break;
        }
    if (p->kind != CR_PARA_BODY || k <= footer || html) continue;
    if (words <= 4 || (words <= 8 && !ends_sentence(t, p->span))) {
      p->kind = CR_PARA_BOILERPLATE;
      p->reason = "footer line (after the copyright line)";
    }
  }
}

/* Photo credits mark a caption: "(AP Photo/…)", "pool photo, via AP",
 * "Photo: Reuters", "Getty Images". */
static int is_caption(const char *t, cr_span s) {
  return span_has(t, s, "(AP Photo") || span_has(t, s, "pool photo") ||
         span_has(t, s, "via AP)") || span_has(t, s, "Getty Images") ||
         span_has(t, s, "Photo: ") || span_has(t, s, "(Photo by") ||
         span_has(t, s, "/Reuters)") || span_has(t, s, "(Reuters Photo") ||
         span_has(t, s, "Photograph:") || span_has(t, s, "(AFP Photo");
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday",
                                       "sunday"};
static const char *const months[] = {"january", "february", "march", "april",
                                     "may", "june", "july", "august",
                                     "september", "october", "november",
                                     "december"};

/* Header lines that are not prose: a date on its own, a temperature, a
 * bare place name above the headline, a number. */
static const char *is_meta_line(const char *t, cr_span s, size_t words) {
  if (words > 8) return NULL;
  char f = span_final(t, s);
  if (f == '.' || f == '?' || f == '!') return NULL;
  for (size_t i = 0; i < 7; i++)
    if (span_starts(t, s, weekdays[i])) return "date line";
  for (size_t i = 0; i < 12; i++)
    if (span_starts(t, s, months[i]) && words <= 4) return "date line";
  int digits = 0, letters = span_letters(t, s);
  for (uint32_t i = s.start; i < s.end; i++)
    digits += isdigit((unsigned char)t[i]) != 0;
  if (digits && letters <= 3) return "number, date or temperature line";
  return NULL;
}

/* A headline: one line of 3-25 words that does not end like a sentence
 * and starts with a capital or a quote. */
static int looks_like_title(const char *t, cr_span s, size_t words) {
  if (words < 3 || words > 25) return 0;
  char f = span_final(t, s);
  if (f == '.' || f == ',' || f == ':' || f == ';') return 0;
  unsigned char c0 = (unsigned char)t[s.start];
  return isupper(c0) || c0 == '"' || c0 == '\'' || c0 >= 0x80;
}

/* Where the title is searched: scraped headers put weather, dates and tag
 * lines above it, but it is always within the first few lines. */
#define TITLE_SEARCH_LINES 6
/* A line ending like a sentence with more words than this is prose. */
#define TITLE_PROSE_WORDS 12

static int same_text(const char *t, cr_span a, cr_span b) {
  return a.end - a.start == b.end - b.start &&
         memcmp(t + a.start, t + b.start, a.end - a.start) == 0;
}

/* "NewsMinister Resigns ..." repeats the headline glued to a section name:
 * a line that ends with the whole title and is barely longer is chrome. */
static int repeats_title(const char *t, cr_span s, cr_span title) {
  size_t n = s.end - s.start, m = title.end - title.start;
  return m >= 10 && n > m && n <= m + 24 &&
         memcmp(t + s.end - m, t + title.start, m) == 0;
}

/* Hard-wrapped plain text (a wire feed or an e-mail at 60-80 columns)
 * splits each paragraph over several lines, and every rule here reads a
 * line as a paragraph: a wrapped line judged alone turns a half sentence
 * into a title, a footer line or a cookie prompt.  A wrap this narrow
 * never holds the one-line paragraphs of a scraped page. */
#define WRAP_MIN_WIDTH 40
#define WRAP_MAX_WIDTH 100

/* Characters (code points) in a span, as wrapping tools count them. */
static size_t span_chars(const char *t, cr_span s) {
  size_t n = 0;
  for (uint32_t i = s.start; i < s.end; i++) n += ((unsigned char)t[i] & 0xC0) != 0x80;
  return n;
}

/* A line is full when the next line's first word would not have fit
 * after it: there a wrapping tool breaks; a paragraph may end anywhere. */
static int line_full(const char *t, cr_span a, cr_span b, size_t width) {
  uint32_t e = b.start;
  while (e < b.end && !isspace((unsigned char)t[e])) e++;
  return span_chars(t, a) + 1 + span_chars(t, (cr_span){b.start, e}) > width;
}

/* Joins the lines of each wrapped paragraph (adj[k]: line k follows line
 * k-1 without a blank line) when the text is wrapped: its longest line
 * is 40-100 characters, and at least three (and three quarters) of the
 * line breaks inside blocks fall where the next word would not fit. */
static void unwrap_lines(const char *t, para_vec *v, const uint8_t *adj) {
  size_t width = 0, breaks = 0, full = 0;
  for (size_t k = 0; k < v->n; k++) {
    cr_span s = v->v[k].span;
    if (s.end - s.start > 4 * WRAP_MAX_WIDTH) return; /* too wide in any encoding */
    size_t w = span_chars(t, s);
    if (w > width) width = w;
  }
  if (width < WRAP_MIN_WIDTH || width > WRAP_MAX_WIDTH) return;
  for (size_t k = 1; k < v->n; k++)
    if (adj[k]) breaks++, full += line_full(t, v->v[k - 1].span, v->v[k].span, width);
  if (full < 3 || full * 4 < breaks * 3) return;
  size_t o = 0;
  cr_span last = {0, 0};
  for (size_t k = 0; k < v->n; k++) {
    cr_span s = v->v[k].span;
    if (o && adj[k] && line_full(t, last, s, width)) v->v[o - 1].span.end = s.end;
    else v->v[o++] = v->v[k];
    last = s;
  }
  v->n = o;
}

int cr_clean_paragraphs(cr_corpus *c, cr_doc *d) {
  para_vec v = {0};
  CR_VEC(uint8_t) adj = {0};
  const char *t = d->text;
  size_t n = d->text_len, i = 0;
  int blank = 1;
  while (i < n) {
    const char *nl = memchr(t + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - t) : n;
    size_t s = i, e = end;
    while (s < e && isspace((unsigned char)t[s])) s++;
    while (e > s && isspace((unsigned char)t[e - 1])) e--;
    /* Skip a UTF-8 NBSP-only line (C2 A0) as blank. */
    if (e > s && !(e - s == 2 && (unsigned char)t[s] == 0xC2 &&
                   (unsigned char)t[s + 1] == 0xA0)) {
      cr_para p = {{(uint32_t)s, (uint32_t)e}, CR_PARA_BODY, NULL, 0, 0};
      if (cr_vec_push(&v, p) || cr_vec_push(&adj, (uint8_t)!blank)) goto oom;
      blank = 0;
    } else {
      blank = 1;
    }
    i = end + 1;
  }
  if (!d->html) unwrap_lines(t, &v, adj.v);
  cr_vec_free(&adj);

  int have_title = 0;
  cr_span title = {0, 0};
  for (size_t k = 0; k < v.n; k++) {
    cr_para *p = &v.v[k];
    size_t words = span_words(t, p->span);
    const char *why;
    if ((why = is_boilerplate(t, p->span, words))) {
      p->kind = CR_PARA_BOILERPLATE;
      p->reason = why;
      continue;
    }
    /* An exact repeat of an earlier line: captions and footers are
     * repeated by scrapers; the first copy stays. */
    for (size_t j = 0; j < k; j++)
      if (v.v[j].kind != CR_PARA_BOILERPLATE && same_text(t, v.v[j].span, p->span)) {
        p->kind = CR_PARA_BOILERPLATE;
        p->reason = "repeated line";
        break;
      }
    if (p->kind != CR_PARA_BODY) continue;
    if (words <= CAPTION_MAX_WORDS && is_caption(t, p->span)) {
      p->kind = CR_PARA_CAPTION;
      p->reason = "photo caption";
      continue;
    }
    /* "X reported from Y. Associated Press writer Z contributed to this
     * report.": a credit, not a fact of the story. */
    if (words <= 40 && (span_has(t, p->span, "contributed to this report") ||
                        span_has(t, p->span, "contributed reporting") ||
                        span_starts(t, p->span, "reporting by ") ||
                        span_starts(t, p->span, "editing by "))) {
      p->kind = CR_PARA_META;
      p->reason = "contributor credit";
      continue;
    }
    /* Header-line rules are for flattened scraped text; an extracted HTML
     * article has no weather or date header, and its short lines are
     * table cells and list items of the article. */
    if (!d->html && (why = is_meta_line(t, p->span, words))) {
      p->kind = CR_PARA_META;
      p->reason = why;
      continue;
    }
    /* An extracted HTML article has its title in the metadata already;
     * its first short line is a subheading, not a headline. */
    if (!have_title && k < TITLE_SEARCH_LINES && !(d->html && d->meta.title) &&
        looks_like_title(t, p->span, words)) {
      p->kind = CR_PARA_TITLE;
      title = p->span;
      have_title = 1;
      continue;
    }
    if (have_title && repeats_title(t, p->span, title)) {
      p->kind = CR_PARA_BOILERPLATE;
      p->reason = "headline repeated with a section label";
      continue;
    }
    /* A place name on its own line above the title ("Leeds"). */
    if (!have_title && k < TITLE_SEARCH_LINES && words <= 2 &&
        span_final(t, p->span) != '.') {
      p->kind = CR_PARA_META;
      p->reason = "short header line";
      continue;
    }
    /* Once prose starts the title search is over: a long line, or a
     * whole sentence longer than any headline of its kind (a headline
     * that ends with a period is not taken as a title anyway). */
    have_title = have_title || words > 25 || (words > TITLE_PROSE_WORDS && ends_sentence(t, p->span));
  }
  footer_pass(t, v.v, v.n, d->html);
  if (title.end > title.start && !d->meta.title)
    d->meta.title = cr_arena_strndup(c->arena, t + title.start,
                                     title.end - title.start);
  d->paras = cr_arena_memdup(c->arena, v.v, v.n, sizeof *v.v);
  d->nparas = v.n;
  int fail = v.n && !d->paras;
  cr_vec_free(&v);
  return fail ? -1 : 0;
oom:
  cr_vec_free(&v);
  cr_vec_free(&adj);
  return -1;
}
