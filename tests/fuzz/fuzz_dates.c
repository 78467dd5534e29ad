/* fuzz_dates.c — any bytes through every date entry point: metadata dates
 * (cr_date_parse), a report's date for clustering (cr_find_date,
 * cr_doc_day; the same scanners, clean/dates.c) and dates written in the
 * text, resolved against a report date (cr_find_dates, analyze).
 *
 * The input's first line is a metadata date string; the rest a report.
 * Invariants beyond "no crash":
 *   - cr_date_parse returns -1, 0 or 1, and never writes past cap (a
 *     small cap gives the same verdict);
 *   - what it formats parses back to itself (ISO in, the same ISO out);
 *   - a full date it formats, in the years clustering accepts, is the day
 *     cr_find_date reads from that ISO string (the readers agree);
 *   - text dates lie inside the text and have a month 0..12 and day 0..31;
 *     one resolved from the report date is within two years of it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "clean/dates.h"
#include "cluster/cluster.h"

/* Metadata strings are short; this bounds the work per input. */
#define META_MAX 200

static int iso_ymd(const char *iso, int *y, int *m, int *d) {
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9')) return 0;
  *y = atoi(iso);
  *m = atoi(iso + 5);
  *d = atoi(iso + 8);
  return 1;
}

static void check_meta(const char *s, size_t n, char iso[64]) {
  char small[8];
  memset(iso, 0x55, 64);
  int v = cr_date_parse(s, n, iso, 64);
  if (v < -1 || v > 1) abort();
  if (!memchr(iso, 0, 64)) abort();
  if (cr_date_parse(s, n, small, sizeof small) != v || !memchr(small, 0, sizeof small))
    abort();
  if (v != 1) {
    iso[0] = 0;
    return;
  }
  char again[64];
  if (iso[0] != '-' &&
      (cr_date_parse(iso, strlen(iso), again, sizeof again) != 1 || strcmp(iso, again)))
    abort();
  int y, m, d;
  if (iso_ymd(iso, &y, &m, &d) && y >= 1900 && y <= 2100 &&
      cr_find_date(iso, strlen(iso)) != cr_days_from_civil(y, (unsigned)m, (unsigned)d))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  const char *nl = memchr(s, '\n', size);
  size_t mn = nl ? (size_t)(nl - s) : size;
  if (mn > META_MAX) mn = META_MAX;
  char ref[64];
  check_meta(s, mn, ref);

  int32_t day = cr_find_date(s, size);
  if (day != CR_NO_DAY &&
      (day < cr_days_from_civil(1900, 1, 1) || day > cr_days_from_civil(2101, 1, 31)))
    abort();

  if (!nl) return 0;
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 0;
  size_t rest = size - (size_t)(nl - s) - 1;
  if (cr_corpus_add_memory(c, "fuzz.txt", nl + 1, rest, CR_INPUT_TEXT) == CR_OK &&
      c->docs.n) {
    const cr_doc *d = c->docs.v[0];
    (void)cr_doc_day(d);
    cr_date_vec v = {0};
    int ry = 0, rm, rd, have_ref = ref[0] && iso_ymd(ref, &ry, &rm, &rd);
    if (cr_find_dates(d, have_ref ? ref : NULL, &v) == 0) {
      for (size_t i = 0; i < v.n; i++) {
        const cr_date *t = &v.v[i];
        if (t->span.start > t->span.end || t->span.end > d->text_len) abort();
        if (t->month < 0 || t->month > 12 || t->day < 0 || t->day > 31) abort();
        if (t->relative && have_ref && (t->year < ry - 2 || t->year > ry + 2)) abort();
      }
    }
    cr_vec_free(&v);
  }
  cr_corpus_free(c);
  return 0;
}
