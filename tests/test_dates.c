/* test_dates.c — dates as news pages write them, to ISO 8601; impossible
 * dates flagged, not guessed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "clean/dates.h"

static int parse(const char *s, char *iso) {
  return cr_date_parse(s, strlen(s), iso, 40);
}

static void formats(void **state) {
  (void)state;
  static const struct { const char *in, *iso; } cases[] = {
      {"Thursday, 17 October 2024 05:13 PM EDT", "2024-10-17T17:13-04:00"},
      {"October 17, 2024", "2024-10-17"},
      {"2024-10-17T17:13:00Z", "2024-10-17T17:13:00Z"},
      {"2024-10-17T17:13:00.123+02:00", "2024-10-17T17:13:00+02:00"},
      {"2024-10-17 09:05:00 +0530", "2024-10-17T09:05:00+05:30"},
      {"17/10/2024", "2024-10-17"},
      {"10/17/2024", "2024-10-17"},
      {"17.10.2024", "2024-10-17"},
      {"Oct. 17", "--10-17"},
      {"Oct. 17, 2024 12:30 a.m. GMT", "2024-10-17T00:30Z"},
      {"Published 17th Oct 2024", "2024-10-17"},
      {"Sept 3, 2024", "2024-09-03"},
      {"2024/02/29", "2024-02-29"},
      {"Updated: March 1, 2023 at 9:15 PM PST", "2023-03-01T21:15-08:00"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char iso[40];
    int v = parse(cases[i].in, iso);
    if (v != 1 || strcmp(iso, cases[i].iso))
      fail_msg("%s -> %d %s (want %s)", cases[i].in, v, iso, cases[i].iso);
  }
}

static void impossible_dates_are_flagged(void **state) {
  (void)state;
  char iso[40];
  assert_int_equal(parse("2024-13-17", iso), -1);
  assert_int_equal(parse("2023-02-29", iso), -1);
  assert_int_equal(parse("April 31, 2024", iso), -1);
  assert_int_equal(parse("2024-10-17T25:00:00Z", iso), -1);
  assert_int_equal(parse("32/10/2024", iso), -1);
  assert_string_equal(iso, "");
}

static void no_date(void **state) {
  (void)state;
  char iso[40];
  assert_int_equal(parse("", iso), 0);
  assert_int_equal(parse("Glasgow 12°C", iso), 0);
  assert_int_equal(parse("version 1.2.3", iso), 0);
  assert_int_equal(parse("Mayor says no", iso), 0);
}

/* The report date for clustering comes from the same scanners: a full
 * date with a plausible year, impossible and yearless dates passed over. */
static void report_date(void **state) {
  (void)state;
  const char *url = "http: / / x. com / 2013 / 05 / 02 / story\nHeadline";
  assert_int_equal(cr_find_date(url, strlen(url)), cr_days_from_civil(2013, 5, 2));
  const char *dots = "Published: 2012. 08. 08 09: 01 AM";
  assert_int_equal(cr_find_date(dots, strlen(dots)), cr_days_from_civil(2012, 8, 8));
  const char *skip = "Oct. 17 then 2013-02-30 and 1850-01-02, finally 3rd May 2013";
  assert_int_equal(cr_find_date(skip, strlen(skip)), cr_days_from_civil(2013, 5, 3));
  /* numeric day/month orders are not guessed */
  assert_int_equal(cr_find_date("on 10/11/2012", 13), CR_NO_DAY);
  /* only the header region counts */
  char far[700];
  memset(far, 'x', sizeof far);
  memcpy(far + 650, " 2013-05-02", 11);
  assert_int_equal(cr_find_date(far, sizeof far), CR_NO_DAY);
  /* and the metadata reader agrees with it */
  char iso[32];
  assert_int_equal(cr_date_parse(dots, strlen(dots), iso, sizeof iso), 1);
  assert_string_equal(iso, "2012-08-08");
}

static void calendar(void **state) {
  (void)state;
  assert_int_equal(cr_days_from_civil(1970, 1, 1), 0);
  assert_int_equal(cr_days_from_civil(2000, 3, 1) - cr_days_from_civil(2000, 2, 28), 2);
  for (long z = -800000; z <= 800000; z += 997) {
    int y, m, d;
    cr_civil_from_days(z, &y, &m, &d);
    assert_int_equal(cr_days_from_civil(y, (unsigned)m, (unsigned)d), z);
  }
  assert_int_equal(cr_month_of("Sept", 4), 9);
  assert_int_equal(cr_month_of("MAY", 3), 5);
  assert_int_equal(cr_month_of("Mayor", 5), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(formats),
      cmocka_unit_test(impossible_dates_are_flagged),
      cmocka_unit_test(no_date),
      cmocka_unit_test(report_date),
      cmocka_unit_test(calendar),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
