/* html_index.c — the index page of a story site: every story with its
 * dates and sources, newest first as the caller orders them, and a
 * timeline of when each story was covered (one row per story, a dot per
 * dated source).  Pages are linked by names made from story ordinals. */
#include <string.h>

#include "clean/dates.h"
#include "report/html.h"

/* Timeline geometry in SVG user units. */
#define TL_LABEL_W 44
#define TL_PLOT_W 640
#define TL_ROW_H 22
#define TL_AXIS_H 28
/* Outlet names listed per story before "+N more". */
#define INDEX_MAX_NAMES 8

void cr_html_story_page_name(char *buf, size_t size, size_t ordinal) {
  snprintf(buf, size, "story-%zu.html", ordinal);
}

/* Civil date to days since 1970-01-01, after checking the day exists in
 * its month. */
int cr_html_iso_day(const char *iso, long *day) {
  if (!iso) return -1;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      if (iso[i] != '-') return -1;
    } else if (iso[i] < '0' || iso[i] > '9') {
      return -1;
    }
  }
  long y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  int m = (iso[5] - '0') * 10 + (iso[6] - '0'), d = (iso[8] - '0') * 10 + (iso[9] - '0');
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return -1;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return -1;
  *day = cr_days_from_civil((int)y, (unsigned)m, (unsigned)d);
  return 0;
}

static void timeline(FILE *f, const cr_html_index_story *st, size_t n) {
  long lo = 0, hi = 0, d;
  const char *lo_s = NULL, *hi_s = NULL;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < st[i].nsources; j++) {
      if (cr_html_iso_day(st[i].sources[j].date, &d)) continue;
      if (!lo_s || d < lo) {
        lo = d;
        lo_s = st[i].sources[j].date;
      }
      if (!hi_s || d > hi) {
        hi = d;
        hi_s = st[i].sources[j].date;
      }
    }
  if (!lo_s) return; /* no dated source: no timeline */
  long span = hi > lo ? hi - lo : 1;
  int w = TL_LABEL_W + TL_PLOT_W + 10, h = (int)n * TL_ROW_H + TL_AXIS_H;
  fputs("<section id=\"timeline\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">"
        "Timeline</h2><figure class=\"matrix\">",
        f);
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
             "viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"timeline-h\">",
          w, h, w, h);
  for (size_t i = 0; i < n; i++) {
    int y = (int)i * TL_ROW_H + TL_ROW_H / 2;
    char page[32];
    cr_html_story_page_name(page, sizeof page, st[i].ordinal);
    fprintf(f, "<a href=\"%s\"><text x=\"0\" y=\"%d\" font-weight=\"700\">%zu.</text></a>", page,
            y + 4, i + 1);
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#9aa5b1\"/>", TL_LABEL_W,
            TL_LABEL_W + TL_PLOT_W, y, y);
    for (size_t j = 0; j < st[i].nsources; j++) {
      if (cr_html_iso_day(st[i].sources[j].date, &d)) continue;
      int x = TL_LABEL_W + (int)((double)(d - lo) / (double)span * TL_PLOT_W);
      fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#0072b2\" fill-opacity=\"0.7\">"
                 "<title>",
              x, y);
      cr_html_text(f, st[i].sources[j].name);
      fputs(", ", f);
      cr_html_textn(f, st[i].sources[j].date, 10);
      fputs("</title></circle>", f);
    }
  }
  int ay = (int)n * TL_ROW_H + 18;
  fprintf(f, "<text x=\"%d\" y=\"%d\">", TL_LABEL_W, ay);
  cr_html_textn(f, lo_s, 10);
  fprintf(f, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", TL_LABEL_W + TL_PLOT_W, ay);
  cr_html_textn(f, hi_s, 10);
  fputs("</text></svg><figcaption class=\"note\">One row per story, one dot per dated "
        "source.</figcaption></figure></section>\n",
        f);
}

static void story_item(FILE *f, const cr_html_index_story *s) {
  char page[32];
  cr_html_story_page_name(page, sizeof page, s->ordinal);
  fprintf(f, "<li><a href=\"%s\">", page);
  cr_html_text(f, s->headline ? s->headline : "(no headline)");
  fputs("</a><p class=\"meta\">", f);
  if (s->first_seen) {
    fputs("<span>", f);
    cr_html_textn(f, s->first_seen, strnlen(s->first_seen, 10));
    if (s->last_seen && strncmp(s->first_seen, s->last_seen, 10) != 0) {
      fputs(" \xE2\x80\x93 ", f);
      cr_html_textn(f, s->last_seen, strnlen(s->last_seen, 10));
    }
    fputs("</span>", f);
  }
  fprintf(f, "<span>%zu source%s</span>", s->nsources, s->nsources == 1 ? "" : "s");
  if (s->nsources) {
    fputs("<span>", f);
    for (size_t j = 0; j < s->nsources && j < INDEX_MAX_NAMES; j++) {
      if (j) fputs(", ", f);
      cr_html_text(f, s->sources[j].name);
    }
    if (s->nsources > INDEX_MAX_NAMES)
      fprintf(f, " and %zu more", s->nsources - INDEX_MAX_NAMES);
    fputs("</span>", f);
  }
  fputs("</p></li>\n", f);
}

int cr_html_index_page(const cr_html_index_story *stories, size_t n, FILE *out) {
  size_t reports = 0;
  for (size_t i = 0; i < n; i++) reports += stories[i].nsources;
  cr_html_page_open(out, "Stories");
  fprintf(out, "<header><h1>Stories</h1><p class=\"dek\">%zu stor%s, %zu report%s</p></header>\n"
               "<main id=\"main\">\n",
          n, n == 1 ? "y" : "ies", reports, reports == 1 ? "" : "s");
  timeline(out, stories, n);
  fputs("<section id=\"stories\" aria-labelledby=\"stories-h\"><h2 id=\"stories-h\">Newest first"
        "</h2><ol class=\"summary\">\n",
        out);
  for (size_t i = 0; i < n; i++) story_item(out, &stories[i]);
  fputs("</ol></section>\n</main>\n", out);
  cr_html_page_close(out, reports);
  return ferror(out) || fflush(out) ? -1 : 0;
}
