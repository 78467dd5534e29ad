/* meta.c — the metadata a report carries in its text or declared fields:
 * published date (ISO, with the raw string and a validity verdict),
 * dateline place and wire agency ("BRUSSELS (AP) –"), agency credits
 * ("© 2024 Thomson Reuters", "Associated Press writer ... contributed"),
 * and a "By NAME" byline.  Runs after the paragraph stage, whose header
 * lines (kind meta) are where scraped text keeps its date. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clean/clean.h"
#include "clean/dates.h"
#include "text/text.h"

/* Wire agencies: the name in a dateline and the credits that name it.
 * Source: the agencies' own bylines and copyright lines. */
static const struct { const char *cue, *agency; } agency_cues[] = {
    {"(AP)", "AP"}, {"Associated Press", "AP"}, {"(AFP)", "AFP"},
    {"Agence France-Presse", "AFP"}, {"(Reuters)", "Reuters"},
    {"Thomson Reuters", "Reuters"}, {"Thomson/Reuters", "Reuters"},
    {"(Bloomberg)", "Bloomberg"}, {"Bloomberg News", "Bloomberg"},
    {"(dpa)", "dpa"}, {"(UPI)", "UPI"}, {"(ANSA)", "ANSA"}, {"(EFE)", "EFE"},
    {"(Xinhua)", "Xinhua"}, {"(PTI)", "PTI"}, {"(CNN)", "CNN"},
    {"(Yonhap)", "Yonhap"}, {"(Kyodo)", "Kyodo"}, {"(TASS)", "TASS"},
    {"(ANI)", "ANI"}, {"(IANS)", "IANS"}, {"(CP)", "The Canadian Press"},
};

static const char *find_n(const char *h, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (!memcmp(h + i, needle, m)) return h + i;
  return NULL;
}

/* "BRUSSELS (AP) –", "KYIV, Ukraine (Reuters) -": an upper-case place (with
 * an optional ", Region") before an agency in parentheses, then a dash. */
static int dateline(cr_corpus *c, cr_doc *d, cr_span s) {
  const char *t = d->text + s.start;
  size_t n = s.end - s.start, look = n < 120 ? n : 120;
  const char *par = memchr(t, '(', look);
  if (!par || par == t) return 0;
  const char *close = memchr(par, ')', look - (size_t)(par - t));
  if (!close || close - par > 30) return 0;
  /* The place: at least two capitals, no lower-case letter before a comma. */
  size_t caps = 0;
  int comma = 0;
  for (const char *p = t; p < par; p++) {
    if (*p == ',') comma = 1;
    else if (isupper((unsigned char)*p)) caps++;
    else if (islower((unsigned char)*p) && !comma) return 0;
  }
  if (caps < 2) return 0;
  const char *after = close + 1;
  while (after < t + n && *after == ' ') after++;
  if (!(after < t + n && (*after == '-' || (unsigned char)*after == 0xE2))) return 0;
  const char *e = par;
  while (e > t && e[-1] == ' ') e--;
  d->meta.dateline = cr_arena_strndup(c->arena, t, (size_t)(e - t));
  if (!d->meta.agency) {
    char tmp[40];
    size_t k = (size_t)(close - par) + 1;
    memcpy(tmp, par, k);
    tmp[k] = 0;
    for (size_t i = 0; i < sizeof agency_cues / sizeof *agency_cues; i++)
      if (!strcasecmp(tmp, agency_cues[i].cue)) d->meta.agency = agency_cues[i].agency;
  }
  return 1;
}

static void agency_credit(cr_doc *d, cr_span s) {
  if (d->meta.agency) return;
  const char *t = d->text + s.start;
  size_t n = s.end - s.start;
  /* Credits are short lines: a copyright or a contributor line. */
  if (n > 300) return;
  for (size_t i = 0; i < sizeof agency_cues / sizeof *agency_cues; i++)
    if (agency_cues[i].cue[0] != '(' && find_n(t, n, agency_cues[i].cue)) {
      d->meta.agency = agency_cues[i].agency;
      return;
    }
}

static void byline(cr_corpus *c, cr_doc *d, cr_span s) {
  const char *t = d->text + s.start;
  size_t n = s.end - s.start;
  if (d->meta.byline || n < 5 || n > 80 || strncmp(t, "By ", 3)) return;
  if (!isupper((unsigned char)t[3])) return;
  d->meta.byline = cr_arena_strndup(c->arena, t + 3, n - 3);
}

static void set_date(cr_corpus *c, cr_doc *d) {
  char iso[40];
  int v = cr_date_parse(d->meta.date_raw, strlen(d->meta.date_raw), iso, sizeof iso);
  d->meta.date_valid = v;
  if (v > 0) d->meta.date = cr_arena_strdup(c->arena, iso);
}

/* English when at least a fifth of the words of the body are English stop
 * words (running English prose has about two in five; other Latin-script
 * languages share very few of them).  Other languages are left unknown
 * rather than guessed. */
static void language(cr_doc *d) {
  if (d->meta.language) return;
  size_t words = 0, stops = 0;
  for (size_t k = 0; k < d->nparas && words < 2000; k++) {
    const cr_para *p = &d->paras[k];
    if (p->kind != CR_PARA_BODY) continue;
    const char *t = d->text;
    for (uint32_t i = p->span.start; i < p->span.end;) {
      while (i < p->span.end && !isalpha((unsigned char)t[i])) i++;
      uint32_t s = i;
      char w[24];
      size_t n = 0;
      int ascii = 1;
      while (i < p->span.end && (isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80)) {
        if ((unsigned char)t[i] >= 0x80) ascii = 0;
        if (n < sizeof w) w[n++] = (char)tolower((unsigned char)t[i]);
        i++;
      }
      if (i == s) break;
      words++;
      if (ascii && n < sizeof w && cr_is_stopword(w, n)) stops++;
    }
  }
  if (words >= 20 && stops * 5 >= words) d->meta.language = "en";
}

/* "NEWSMAX.COM" on a line of its own in the footer names the outlet. */
static void outlet_line(cr_corpus *c, cr_doc *d, cr_span s) {
  if (d->meta.outlet) return;
  const char *t = d->text + s.start;
  size_t n = s.end - s.start;
  if (n < 5 || n > 40) return;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)t[i]) && t[i] != '.' && t[i] != '-') return;
  static const char *const tlds[] = {".com", ".org", ".net", ".co.uk", ".news", ".eu", ".int"};
  for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++) {
    size_t m = strlen(tlds[i]);
    if (n > m && !strncasecmp(t + n - m, tlds[i], m)) {
      char *o = cr_arena_strndup(c->arena, t, n);
      if (o)
        for (char *q = o; *q; q++) *q = (char)tolower((unsigned char)*q);
      d->meta.outlet = o;
      return;
    }
  }
}

int cr_clean_meta(cr_corpus *c, cr_doc *d) {
  language(d);
  /* Header lines the paragraph stage set aside as dates. */
  for (size_t k = 0; k < d->nparas && !d->meta.date_raw; k++) {
    const cr_para *p = &d->paras[k];
    if (k > 12) break;
    if (p->kind != CR_PARA_META) continue;
    char iso[40];
    const char *t = d->text + p->span.start;
    size_t n = p->span.end - p->span.start;
    if (cr_date_parse(t, n, iso, sizeof iso) != 0)
      d->meta.date_raw = cr_arena_strndup(c->arena, t, n);
  }
  /* Any impossible date on a date line marks the metadata as doubtful,
   * even when another line gave a valid date. */
  for (size_t k = 0; k < d->nparas && !d->date_impossible; k++) {
    const cr_para *p = &d->paras[k];
    if (p->kind != CR_PARA_META) continue;
    char iso[40];
    const char *t = d->text + p->span.start;
    size_t n = p->span.end - p->span.start;
    if (cr_date_parse(t, n, iso, sizeof iso) < 0)
      d->date_impossible = cr_arena_strndup(c->arena, t, n);
  }
  if (d->meta.date_raw && !d->meta.date) set_date(c, d);
  int seen_dateline = 0;
  for (size_t k = 0; k < d->nparas; k++) {
    const cr_para *p = &d->paras[k];
    if (k < 12 && !seen_dateline && p->kind == CR_PARA_BODY)
      seen_dateline = dateline(c, d, p->span);
    if (k < 12 && p->kind != CR_PARA_BOILERPLATE) byline(c, d, p->span);
    agency_credit(d, p->span);
    if (p->kind == CR_PARA_BOILERPLATE) outlet_line(c, d, p->span);
  }
  return 0;
}
