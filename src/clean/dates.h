/* dates.h — the date reader every stage uses: publication dates as news
 * pages write them, to ISO 8601 (clean: metadata); a report's own date as
 * a day number (cluster); the calendar and month names (analyze resolves
 * dates in the text with them).
 *
 * Takes: a date string from a meta tag, JSON-LD, <time>, a header line.
 * Adds:  the ISO 8601 form (time and zone kept when the string has them),
 *        or a verdict that the string names an impossible date.
 *
 * Accepted: 2024-10-17, 2024-10-17T17:13:00Z, 2024-10-17 17:13:00+02:00,
 * 2024/10/17, "October 17, 2024", "Oct. 17, 2024 5:13 PM EDT",
 * "Thursday, 17 October 2024 05:13 PM EDT", "17 Oct 2024", 17/10/2024,
 * 10/17/2024, 17.10.2024, and "Oct. 17" (no year: "--10-17", the ISO
 * 8601 form of a month and day).  Slash dates with both numbers <= 12 are
 * read month first (the US order, most common in English news). */
#ifndef CR_DATES_H
#define CR_DATES_H
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"

/* Parses the first date in s[0..n).  Returns 1 and writes the ISO form to
 * iso (at least 32 bytes), -1 when a date is written but impossible
 * (2024-13-17, 31 April, 25:00), 0 when there is no date. */
int cr_date_parse(const char *s, size_t n, char *iso, size_t cap);

/* Month number (1..12) of a word in any case: a full name, its first three
 * letters or "Sept"; 0 when it is not a month. */
int cr_month_of(const char *p, size_t n);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian), and back. */
int32_t cr_days_from_civil(int y, unsigned m, unsigned d);
void cr_civil_from_days(long days, int *y, int *m, int *d);

/* No date known. */
#define CR_NO_DAY INT32_MIN
/* The first full date (day, month, a year 1900..2100) written in the first
 * 600 bytes of s[0..n), read as cr_date_parse reads dates: "May 3, 2013",
 * "3 May 2013", "2013-05-03", "2013 / 05 / 03" (URL paths); numeric
 * day/month orders are not guessed.  CR_NO_DAY when none. */
int32_t cr_find_date(const char *s, size_t n);
/* A report's date as days since 1970-01-01: its metadata date, else the
 * first date written in its header region; CR_NO_DAY when none (the
 * clustering evidence that two reports days apart are rarely one event). */
int32_t cr_doc_day(const cr_doc *d);
#endif
