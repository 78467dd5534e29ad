/* dates.c — a report's date, as evidence for story clustering.
 *
 * Two reports days or years apart are rarely about one event even when
 * they share every topical word ("rehab", "earthquake").  The date comes
 * from the metadata when it is valid, else from the first date written in
 * the report's header region (date lines, the URL path, the dateline),
 * which scraped pages and wire copies almost always carry. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "cluster/cluster.h"

/* Header region searched for a written date: dates further down are
 * usually about other events ("in October 2010 she ..."). */
#define DATE_SCAN_BYTES 600

int32_t cr_days_from_civil(int y, unsigned m, unsigned d) {
  /* H. Hinnant's days_from_civil. */
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (int32_t)doe - 719468;
}

static const char *const months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};

/* Month number of the word at s (a month name or its 3-letter
 * abbreviation, any case), its length in *len; 0 when not a month. */
static int month_at(const char *s, size_t n, size_t *len) {
  if (n < 3) return 0;
  for (int m = 0; m < 12; m++)
    if (strncasecmp(s, months[m], 3) == 0) {
      size_t k = 3;
      while (k < n && isalpha((unsigned char)s[k])) k++;
      *len = k;
      return m + 1;
    }
  return 0;
}

/* Reads 1..max digits at s[*i]; -1 when there are none. */
static int digits(const char *s, size_t n, size_t *i, int max) {
  int v = 0, k = 0;
  while (*i < n && k < max && isdigit((unsigned char)s[*i]))
    v = v * 10 + (s[(*i)++] - '0'), k++;
  if (*i < n && isdigit((unsigned char)s[*i])) return -1; /* too long */
  return k ? v : -1;
}

static void skip(const char *s, size_t n, size_t *i, const char *set) {
  while (*i < n && strchr(set, s[*i]) && s[*i]) (*i)++;
}

static int plausible(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* "May 3, 2013", "MAY 3 2013", "May 03, 2013 1:35 pm" */
static int32_t month_day_year(const char *s, size_t n, size_t i) {
  size_t ml;
  int m = month_at(s + i, n - i, &ml);
  if (!m || (i > 0 && isalpha((unsigned char)s[i - 1]))) return CR_NO_DAY;
  i += ml;
  skip(s, n, &i, ". ");
  int d = digits(s, n, &i, 2);
  skip(s, n, &i, "thsndr");
  skip(s, n, &i, ", ");
  int y = digits(s, n, &i, 4);
  return plausible(y, m, d) ? cr_days_from_civil(y, (unsigned)m, (unsigned)d)
                            : CR_NO_DAY;
}

/* "3 May 2013" */
static int32_t day_month_year(const char *s, size_t n, size_t i) {
  if (i > 0 && isalnum((unsigned char)s[i - 1])) return CR_NO_DAY;
  int d = digits(s, n, &i, 2);
  if (d < 0) return CR_NO_DAY;
  skip(s, n, &i, " ");
  size_t ml;
  int m = month_at(s + i, n - i, &ml);
  if (!m) return CR_NO_DAY;
  i += ml;
  skip(s, n, &i, ". ,");
  int y = digits(s, n, &i, 4);
  return plausible(y, m, d) ? cr_days_from_civil(y, (unsigned)m, (unsigned)d)
                            : CR_NO_DAY;
}

/* "2013-05-03", "2013/05/03", "2013 / 05 / 03" (URL paths as tokenized
 * text sometimes spells them) */
static int32_t year_month_day(const char *s, size_t n, size_t i) {
  if (i > 0 && isalnum((unsigned char)s[i - 1])) return CR_NO_DAY;
  int y = digits(s, n, &i, 4);
  if (y < 1900) return CR_NO_DAY;
  size_t j = i;
  skip(s, n, &i, " -/");
  if (i == j) return CR_NO_DAY;
  int m = digits(s, n, &i, 2);
  j = i;
  skip(s, n, &i, " -/");
  if (i == j) return CR_NO_DAY;
  int d = digits(s, n, &i, 2);
  return plausible(y, m, d) ? cr_days_from_civil(y, (unsigned)m, (unsigned)d)
                            : CR_NO_DAY;
}

int32_t cr_find_date(const char *s, size_t n) {
  if (n > DATE_SCAN_BYTES) n = DATE_SCAN_BYTES;
  for (size_t i = 0; i < n; i++) {
    int32_t day = CR_NO_DAY;
    if (isalpha((unsigned char)s[i])) day = month_day_year(s, n, i);
    else if (isdigit((unsigned char)s[i]))
      if ((day = year_month_day(s, n, i)) == CR_NO_DAY)
        day = day_month_year(s, n, i);
    if (day != CR_NO_DAY) return day;
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
