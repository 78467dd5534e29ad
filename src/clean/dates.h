/* dates.h — publication dates as news pages write them, to ISO 8601.
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

/* Parses the first date in s[0..n).  Returns 1 and writes the ISO form to
 * iso (at least 32 bytes), -1 when a date is written but impossible
 * (2024-13-17, 31 April, 25:00), 0 when there is no date. */
int cr_date_parse(const char *s, size_t n, char *iso, size_t cap);
#endif
