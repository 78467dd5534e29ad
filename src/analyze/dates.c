/* dates.c — when things happened: "October 17, 2024", "17 October",
 * "in June", "Thursday", "last week", "yesterday".
 *
 * Relative dates are resolved against the report's own date when it is
 * known (news copy says "Thursday" for the Thursday of the week it was
 * written), so two reports of one event dated a day apart agree on the
 * event's date even though one says "Thursday" and the other
 * "yesterday".  Without a report date a relative date keeps its span and
 * zeros for what it cannot know. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "clean/dates.h"

static const char *const weekdays[7] = {"monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday",
                                        "sunday"};

/* 0 = Monday ... 6 = Sunday. */
static int weekday_of(long days) { return (int)(((days % 7) + 7 + 3) % 7); }

/* A month token ("Oct." too): the shared month names. */
static int month_of(const char *w) {
  size_t n = strlen(w);
  if (n && w[n - 1] == '.') n--;
  return cr_month_of(w, n);
}

static int small_int(const cr_doc *d, uint32_t i, int lo, int hi) {
  const cr_token *t = &d->toks[i];
  if (t->kind != CR_TOK_NUMBER) return 0;
  int v = 0;
  for (uint32_t k = t->span.start; k < t->span.end; k++) {
    char ch = d->text[k];
    if (ch < '0' || ch > '9') {
      /* 17th */
      if (k > t->span.start && (ch == 's' || ch == 'n' || ch == 'r' || ch == 't')) break;
      return 0;
    }
    v = v * 10 + (ch - '0');
    if (v > hi) return 0;
  }
  return v >= lo ? v : 0;
}

static int parse_iso(const char *s, int *y, int *m, int *d) {
  if (!s || strlen(s) < 10) return 0;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
  *y = atoi(s);
  *m = atoi(s + 5);
  *d = atoi(s + 8);
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static int push(cr_date_vec *out, cr_span s, long days, int have_ref,
                uint8_t rel, uint8_t gran) {
  cr_date dt;
  memset(&dt, 0, sizeof dt);
  dt.span = s;
  dt.relative = rel;
  dt.granularity = gran;
  if (have_ref) cr_civil_from_days(days, &dt.year, &dt.month, &dt.day);
  if (gran == 'm' || gran == 'y') dt.day = 0;
  if (gran == 'y') dt.month = 0;
  return cr_vec_push(out, dt);
}

/* Moves a resolved month or year date by sign months or years. */
static void calendar_step(cr_date *dt, uint8_t g, int sign) {
  if (g == 'y') {
    dt->year += sign;
    return;
  }
  int m = dt->month - 1 + sign;
  dt->year += m < 0 ? -1 : m / 12;
  dt->month = (m % 12 + 12) % 12 + 1;
}

/* "Thursday, October 17, 2024" and "Thursday 17 October": a weekday
 * naming the date right after it is not a date of its own. */
static int weekday_before_date(const cr_doc *d, const cr_sentence *se, uint32_t i) {
  uint32_t j = i + 1;
  if (j < se->tok_end && d->text[d->toks[j].span.start] == ',') j++;
  char w[16];
  if (j < se->tok_end && cr_tok_lower(d, &d->toks[j], w, sizeof w) && month_of(w)) return 1;
  return j + 1 < se->tok_end && small_int(d, j, 1, 31) &&
         cr_tok_lower(d, &d->toks[j + 1], w, sizeof w) && month_of(w);
}

/* Which way a weekday points from the report's date: +1 for "next
 * Thursday" or a weekday in a sentence about the future ("will meet on
 * Thursday"), -1 for "last Thursday", 0 for the usual past of news
 * copy (the latest such day on or before the report). */
static int weekday_direction(const cr_doc *d, const cr_sentence *se, uint32_t i) {
  if (i > se->tok_begin) {
    if (cr_tok_is(d, &d->toks[i - 1], "next")) return 1;
    if (cr_tok_is(d, &d->toks[i - 1], "last")) return -1;
  }
  for (uint32_t k = i > se->tok_begin + 8 ? i - 8 : se->tok_begin; k < i; k++)
    if (cr_tok_is(d, &d->toks[k], "will") || cr_tok_is(d, &d->toks[k], "\u2019ll"))
      return 1;
  return 0;
}

int cr_find_dates(const cr_doc *d, const char *ref_iso, cr_date_vec *out) {
  int ry = 0, rm = 0, rd = 0;
  int have_ref = parse_iso(ref_iso, &ry, &rm, &rd);
  long ref = have_ref ? cr_days_from_civil(ry, (unsigned)rm, (unsigned)rd) : 0;
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = d->paras[se->para].kind;
    if (pk == CR_PARA_BOILERPLATE) continue;
    for (uint32_t i = se->tok_begin; i < se->tok_end; i++) {
      char w[16], p[16];
      /* every date word is capitalised or starts with l, n, t or y: a
       * one-byte test keeps the per-token cost down */
      const cr_token *tk = &d->toks[i];
      char c0 = d->text[tk->span.start];
      if (tk->kind != CR_TOK_WORD && tk->kind != CR_TOK_ABBREV) continue;
      if (!(tk->flags & CR_TF_CAP) && c0 != 'l' && c0 != 'n' && c0 != 't' && c0 != 'y')
        continue;
      if (!cr_tok_lower(d, tk, w, sizeof w)) continue;
      cr_span sp = d->toks[i].span;
      int m = month_of(w);
      if (m && (d->toks[i].flags & CR_TF_CAP)) {
        /* October 17(, 2024) | 17 October (2024) | in June */
        int day = 0, year = 0;
        uint32_t j = i + 1;
        if (j < se->tok_end && (day = small_int(d, j, 1, 31))) j++;
        else if (i > se->tok_begin && (day = small_int(d, i - 1, 1, 31)))
          sp.start = d->toks[i - 1].span.start;
        if (j < se->tok_end && d->text[d->toks[j].span.start] == ',' && j + 1 < se->tok_end &&
            small_int(d, j + 1, 1800, 2100))
          j++;
        if (j < se->tok_end && (year = small_int(d, j, 1800, 2100))) j++;
        sp.end = d->toks[j - 1].span.end;
        if (!day && !year && m == 5 && !(i > se->tok_begin &&
                                         (cr_tok_is(d, &d->toks[i - 1], "in") ||
                                          cr_tok_is(d, &d->toks[i - 1], "since"))))
          continue; /* "May" the verb or name */
        int y = year;
        if (!y && have_ref) y = (m > rm + 1) ? ry - 1 : ry; /* the latest such month */
        cr_date dt;
        memset(&dt, 0, sizeof dt);
        dt.span = sp;
        dt.year = y;
        dt.month = m;
        dt.day = day;
        dt.relative = !year && have_ref;
        dt.granularity = day ? 'd' : 'm';
        if (cr_vec_push(out, dt)) return -1;
        i = j - 1;
        continue;
      }
      for (int wd = 0; wd < 7; wd++)
        if (!strcmp(w, weekdays[wd])) {
          /* "Thursday, October 17, 2024": the date that follows says it */
          if (weekday_before_date(d, se, i)) goto next;
          int dir = weekday_direction(d, se, i);
          long off;
          if (dir > 0) /* the next such weekday after the report's date */
            off = have_ref ? (wd - weekday_of(ref) + 6) % 7 + 1 : 0;
          else /* the latest on or before it ("last Thursday": before it) */
            off = have_ref ? -((weekday_of(ref) - wd + 7 + (dir < 0 ? 6 : 0)) % 7 + (dir < 0)) : 0;
          if (i > se->tok_begin && (cr_tok_is(d, &d->toks[i - 1], "next") ||
                                    cr_tok_is(d, &d->toks[i - 1], "last")))
            sp.start = d->toks[i - 1].span.start;
          if (push(out, sp, ref + off, have_ref, 1, 'd')) return -1;
          goto next;
        }
      if (!strcmp(w, "today") || !strcmp(w, "yesterday") || !strcmp(w, "tomorrow")) {
        long off = w[0] == 'y' ? -1 : w[2] == 'm' ? 1 : 0;
        if (push(out, sp, ref + off, have_ref, 1, 'd')) return -1;
        continue;
      }
      if ((!strcmp(w, "last") || !strcmp(w, "next") || !strcmp(w, "this")) &&
          i + 1 < se->tok_end && cr_tok_lower(d, &d->toks[i + 1], p, sizeof p)) {
        int sign = w[0] == 'l' ? -1 : w[0] == 'n' ? 1 : 0;
        long off;
        uint8_t g;
        if (!strcmp(p, "week")) off = 7 * sign, g = 'w';
        else if (!strcmp(p, "month")) off = 0, g = 'm';
        else if (!strcmp(p, "year")) off = 0, g = 'y';
        else continue;
        sp.end = d->toks[i + 1].span.end;
        if (push(out, sp, ref + off, have_ref, 1, g)) return -1;
        /* months and years by the calendar: "last month" on March 31 is
         * February, "last year" on December 31 of a leap year the year
         * before (a 30- or 365-day step gets both wrong) */
        if (have_ref && g != 'w') calendar_step(&out->v[out->n - 1], g, sign);
        i++;
      }
    next:;
    }
  }
  return 0;
}
