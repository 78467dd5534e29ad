/* dates.c — see dates.h.  A small hand-written scanner, not strptime:
 * strptime depends on the locale and cannot say "impossible" apart from
 * "not a date". */
#include "clean/dates.h"

#include "core/doc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct dt {
  int y, mo, d, h, mi, s; /* -1 when absent */
  int tz_known, tz_min;   /* offset east of UTC in minutes */
} dt;

static const char *const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};

int cr_month_of(const char *p, size_t n) {
  if (n < 3) return 0;
  for (int i = 0; i < 12; i++) {
    size_t full = strlen(month_names[i]);
    if ((n == full || n == 3 || (i == 8 && n == 4)) &&
        !strncasecmp(p, month_names[i], n))
      return i + 1;
  }
  return 0;
}

/* Zone abbreviations common in English-language news (offsets in
 * minutes).  Ambiguous ones (IST: India or Ireland) take the commonest. */
static const struct { const char *name; int off; } zones[] = {
    {"UTC", 0},    {"GMT", 0},     {"Z", 0},       {"EST", -300},
    {"EDT", -240}, {"CST", -360},  {"CDT", -300},  {"MST", -420},
    {"MDT", -360}, {"PST", -480},  {"PDT", -420},  {"BST", 60},
    {"CET", 60},   {"CEST", 120},  {"EET", 120},   {"EEST", 180},
    {"MSK", 180},  {"IST", 330},   {"JST", 540},   {"KST", 540},
    {"AEST", 600}, {"AEDT", 660},  {"HKT", 480},   {"SGT", 480},
    {"ET", -300},  {"PT", -480},   {"WIB", 420}};

static int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

/* Reads up to max digits; returns the count read. */
static int digits(const char *s, size_t n, size_t *i, int max, int *v) {
  int k = 0;
  *v = 0;
  while (*i < n && k < max && isdigit((unsigned char)s[*i])) {
    *v = *v * 10 + (s[*i] - '0');
    (*i)++;
    k++;
  }
  return k;
}

static void skip_space(const char *s, size_t n, size_t *i) {
  while (*i < n && (isspace((unsigned char)s[*i]) || s[*i] == ',')) (*i)++;
}

/* Time after a date: "T17:13", " 17:13:00.123", " 5:13 PM", then a zone
 * ("Z", "+02:00", "+0200", "EDT"). */
static void parse_time(const char *s, size_t n, size_t i, dt *t) {
  if (i < n && (s[i] == 'T' || s[i] == 't')) i++;
  skip_space(s, n, &i);
  if (i + 3 < n && !strncasecmp(s + i, "at ", 3)) i += 3;
  int h, mi, sec = -1;
  size_t j = i;
  if (!digits(s, n, &j, 2, &h) || j >= n || s[j] != ':') return;
  j++;
  if (digits(s, n, &j, 2, &mi) != 2) return;
  if (j < n && s[j] == ':') {
    j++;
    if (digits(s, n, &j, 2, &sec) != 2) return;
    if (j < n && (s[j] == '.' || s[j] == ',')) {
      j++;
      while (j < n && isdigit((unsigned char)s[j])) j++;
    }
  }
  t->h = h, t->mi = mi, t->s = sec;
  size_t k = j;
  while (k < n && s[k] == ' ') k++;
  if (k + 1 < n && (toupper((unsigned char)s[k]) == 'A' || toupper((unsigned char)s[k]) == 'P') &&
      (toupper((unsigned char)s[k + 1]) == 'M' || (s[k + 1] == '.' && k + 3 < n))) {
    int pm = toupper((unsigned char)s[k]) == 'P';
    if (t->h >= 1 && t->h <= 12) t->h = t->h % 12 + (pm ? 12 : 0);
    else t->h = 99; /* 13 PM: impossible */
    k += s[k + 1] == '.' ? 4 : 2;
    j = k;
  }
  while (j < n && s[j] == ' ') j++;
  if (j < n && (s[j] == '+' || s[j] == '-')) {
    int sign = s[j] == '-' ? -1 : 1, oh, om = 0;
    size_t q = j + 1;
    if (digits(s, n, &q, 2, &oh) == 2) {
      if (q < n && s[q] == ':') q++;
      digits(s, n, &q, 2, &om);
      t->tz_known = 1;
      t->tz_min = sign * (oh * 60 + om);
    }
    return;
  }
  for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
    size_t zl = strlen(zones[z].name);
    if (j + zl <= n && !strncmp(s + j, zones[z].name, zl) &&
        (j + zl == n || !isalpha((unsigned char)s[j + zl]))) {
      t->tz_known = 1;
      t->tz_min = zones[z].off;
      return;
    }
  }
}

/* Spaces around a date separator: URL paths in tokenized text ("2013 /
 * 05 / 02"). */
static void skip_blanks(const char *s, size_t n, size_t *i) {
  while (*i < n && s[*i] == ' ') (*i)++;
}

/* "YYYY-MM-DD", "YYYY/MM/DD" or "YYYY / MM / DD" at i. */
static int try_ymd(const char *s, size_t n, size_t i, dt *t) {
  size_t j = i;
  int y, m, d;
  if (digits(s, n, &j, 4, &y) != 4) return 0;
  skip_blanks(s, n, &j);
  if (j >= n || (s[j] != '-' && s[j] != '/' && s[j] != '.')) return 0;
  char sep = s[j++];
  skip_blanks(s, n, &j);
  if (!digits(s, n, &j, 2, &m)) return 0;
  skip_blanks(s, n, &j);
  if (j >= n || s[j] != sep) return 0;
  j++;
  skip_blanks(s, n, &j);
  if (!digits(s, n, &j, 2, &d)) return 0;
  if (j < n && isdigit((unsigned char)s[j])) return 0;
  t->y = y, t->mo = m, t->d = d;
  parse_time(s, n, j, t);
  return 1;
}

/* "17/10/2024", "10/17/2024", "17.10.2024". */
static int try_numeric_dmy(const char *s, size_t n, size_t i, dt *t) {
  size_t j = i;
  int a, b, y;
  if (!digits(s, n, &j, 2, &a) || j >= n || (s[j] != '/' && s[j] != '.' && s[j] != '-')) return 0;
  char sep = s[j++];
  if (!digits(s, n, &j, 2, &b) || j >= n || s[j] != sep) return 0;
  j++;
  if (digits(s, n, &j, 4, &y) != 4) return 0;
  if (j < n && isdigit((unsigned char)s[j])) return 0;
  /* Day first when the first number cannot be a month, or with dots (the
   * European convention); otherwise month first. */
  if (a > 12 || sep == '.' || (sep == '-' && b <= 12)) t->d = a, t->mo = b;
  else t->mo = a, t->d = b;
  t->y = y;
  parse_time(s, n, j, t);
  return 1;
}

/* A word at i: returns its length. */
static size_t word_at(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && isalpha((unsigned char)s[j])) j++;
  return j - i;
}

/* "October 17, 2024", "Oct. 17", "17 October 2024", with an optional
 * weekday before and a time after. */
static int try_words(const char *s, size_t n, size_t i, dt *t) {
  size_t w = word_at(s, n, i);
  int m = cr_month_of(s + i, w);
  size_t j = i + w;
  if (m) { /* Month D[, YYYY] */
    if (j < n && s[j] == '.') j++;
    while (j < n && s[j] == ' ') j++;
    int d, y;
    if (!digits(s, n, &j, 2, &d)) return 0;
    if (j + 1 < n && isalpha((unsigned char)s[j]) && isalpha((unsigned char)s[j + 1]) &&
        (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
         !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2)))
      j += 2;
    if (j < n && isdigit((unsigned char)s[j])) return 0;
    t->mo = m, t->d = d;
    size_t k = j;
    skip_space(s, n, &k);
    if (digits(s, n, &k, 4, &y) == 4 && !(k < n && isdigit((unsigned char)s[k]))) {
      t->y = y;
      parse_time(s, n, k, t);
    }
    return 1;
  }
  int d;
  j = i;
  if (!digits(s, n, &j, 2, &d)) return 0;
  if (j + 1 < n && (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
                    !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2)))
    j += 2;
  while (j < n && s[j] == ' ') j++;
  w = word_at(s, n, j);
  if (!(m = cr_month_of(s + j, w))) return 0;
  j += w;
  if (j < n && s[j] == '.') j++;
  skip_space(s, n, &j);
  int y;
  t->d = d, t->mo = m;
  if (digits(s, n, &j, 4, &y) == 4) {
    t->y = y;
    parse_time(s, n, j, t);
  }
  return 1;
}

static int valid(const dt *t) {
  if (t->mo < 1 || t->mo > 12 || t->d < 1) return 0;
  if (t->y >= 0 && (t->y < 1000 || t->d > days_in_month(t->y, t->mo))) return 0;
  if (t->y < 0 && t->d > (t->mo == 2 ? 29 : days_in_month(2001, t->mo))) return 0;
  if (t->h >= 0 && (t->h > 23 || t->mi > 59 || t->s > 60)) return 0;
  if (t->tz_known && (t->tz_min < -14 * 60 || t->tz_min > 14 * 60)) return 0;
  return 1;
}

static void format_iso(const dt *t, char *iso, size_t cap) {
  int k;
  if (t->y >= 0) k = snprintf(iso, cap, "%04d-%02d-%02d", t->y, t->mo, t->d);
  else k = snprintf(iso, cap, "--%02d-%02d", t->mo, t->d);
  if (k < 0 || (size_t)k >= cap || t->h < 0 || t->y < 0) return;
  size_t u = (size_t)k;
  if (t->s >= 0) k = snprintf(iso + u, cap - u, "T%02d:%02d:%02d", t->h, t->mi, t->s);
  else k = snprintf(iso + u, cap - u, "T%02d:%02d", t->h, t->mi);
  if (k < 0 || (size_t)k >= cap - u) return;
  u += (size_t)k;
  if (t->tz_known) {
    int off = t->tz_min < 0 ? -t->tz_min : t->tz_min;
    if (off == 0) snprintf(iso + u, cap - u, "Z");
    else snprintf(iso + u, cap - u, "%c%02d:%02d", t->tz_min < 0 ? '-' : '+', off / 60, off % 60);
  }
}

int cr_date_parse(const char *s, size_t n, char *iso, size_t cap) {
  if (cap) iso[0] = 0;
  for (size_t i = 0; i < n; i++) {
    /* Only at a word start. */
    if (i > 0 && isalnum((unsigned char)s[i - 1])) continue;
    dt t = {-1, -1, -1, -1, -1, -1, 0, 0};
    int ok = 0;
    if (isdigit((unsigned char)s[i]))
      ok = try_ymd(s, n, i, &t) || try_numeric_dmy(s, n, i, &t) || try_words(s, n, i, &t);
    else if (isalpha((unsigned char)s[i]))
      ok = try_words(s, n, i, &t);
    if (!ok) continue;
    if (!valid(&t)) return -1;
    format_iso(&t, iso, cap);
    return 1;
  }
  return 0;
}

/* ------------------------------------------------------------ calendar */

int32_t cr_days_from_civil(int y, unsigned m, unsigned d) {
  /* H. Hinnant's days_from_civil. */
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (int32_t)doe - 719468;
}

void cr_civil_from_days(long z, int *y, int *m, int *d) {
  /* H. Hinnant's civil_from_days. */
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ------------------------------------------------------------ report date */

/* Header region searched for a report's written date: dates further down
 * are usually about other events ("in October 2010 she ..."). */
#define DATE_SCAN_BYTES 600

/* Years a news report's own date can have: outside, a number that looks
 * like a date ("1200 / 10 / 12") rather than a date. */
static int report_year(int y) { return y >= 1900 && y <= 2100; }

int32_t cr_find_date(const char *s, size_t n) {
  if (n > DATE_SCAN_BYTES) n = DATE_SCAN_BYTES;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && isalnum((unsigned char)s[i - 1])) continue;
    dt t = {-1, -1, -1, -1, -1, -1, 0, 0};
    int ok = 0;
    /* day-first and month-first numeric dates (10/11/2012) are left out:
     * their order is a guess, and a wrong guess moves a report a month */
    if (isdigit((unsigned char)s[i])) ok = try_ymd(s, n, i, &t) || try_words(s, n, i, &t);
    else if (isalpha((unsigned char)s[i])) ok = try_words(s, n, i, &t);
    if (ok && report_year(t.y) && t.mo >= 1 && t.mo <= 12 && t.d >= 1 &&
        t.d <= days_in_month(t.y, t.mo))
      return cr_days_from_civil(t.y, (unsigned)t.mo, (unsigned)t.d);
  }
  return CR_NO_DAY;
}

int32_t cr_doc_day(const cr_doc *d) {
  const char *m = d->meta.date_valid > 0 ? d->meta.date : d->meta.date_raw;
  if (m) {
    int32_t day = cr_find_date(m, strlen(m));
    if (day != CR_NO_DAY) return day;
  }
  return cr_find_date(d->text, d->text_len);
}
