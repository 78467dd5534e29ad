/* test_utf8.c — strict decoding, repair, counting, classes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

static void test_decode_valid(void **st) {
  (void)st;
  const char *s = "Z\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80"; /* Z é ’ 😀 */
  size_t i = 0, n = strlen(s);
  assert_int_equal(cr_utf8_next(s, n, &i), 'Z');
  assert_int_equal(cr_utf8_next(s, n, &i), 0xE9);
  assert_int_equal(cr_utf8_next(s, n, &i), 0x2019);
  assert_int_equal(cr_utf8_next(s, n, &i), 0x1F600);
  assert_int_equal(i, n);
  assert_true(cr_utf8_valid(s, n));
}

/* Each invalid class returns -1 and advances exactly one byte. */
static void check_invalid(const char *s, size_t n) {
  size_t i = 0;
  assert_int_equal(cr_utf8_next(s, n, &i), -1);
  assert_int_equal(i, 1);
  assert_false(cr_utf8_valid(s, n));
}

static void test_decode_invalid(void **st) {
  (void)st;
  check_invalid("\xC0\x80", 2);         /* overlong NUL */
  check_invalid("\xC1\xBF", 2);         /* overlong */
  check_invalid("\xE0\x80\xAF", 3);     /* overlong 3-byte */
  check_invalid("\xF0\x80\x80\xAF", 4); /* overlong 4-byte */
  check_invalid("\xED\xA0\x80", 3);     /* surrogate U+D800 */
  check_invalid("\xED\xBF\xBF", 3);     /* surrogate U+DFFF */
  check_invalid("\xE2\x82", 2);         /* truncated € */
  check_invalid("\xF4\x90\x80\x80", 4); /* U+110000 */
  check_invalid("\xF5\x80\x80\x80", 4); /* F5 lead */
  check_invalid("\xFF", 1);
  check_invalid("\x80", 1);             /* lone continuation */
  check_invalid("\xE2\x28\xA1", 3);     /* bad continuation */
  /* The last valid code points on either side of the limits. */
  size_t i = 0;
  assert_int_equal(cr_utf8_next("\xF4\x8F\xBF\xBF", 4, &i), 0x10FFFF);
  i = 0;
  assert_int_equal(cr_utf8_next("\xEE\x80\x80", 3, &i), 0xE000);
}

static void test_valid_long_ascii(void **st) {
  (void)st;
  char buf[100];
  memset(buf, 'a', sizeof buf);
  assert_true(cr_utf8_valid(buf, sizeof buf));
  buf[77] = (char)0x80; /* past the 8-byte fast path */
  assert_false(cr_utf8_valid(buf, sizeof buf));
}

static void test_encode(void **st) {
  (void)st;
  char o[4];
  assert_int_equal(cr_utf8_encode('A', o), 1);
  assert_int_equal(cr_utf8_encode(0x20AC, o), 3);
  assert_memory_equal(o, "\xE2\x82\xAC", 3);
  assert_int_equal(cr_utf8_encode(0x1F600, o), 4);
  assert_memory_equal(o, "\xF0\x9F\x98\x80", 4);
  assert_int_equal(cr_utf8_encode(0xD800, o), 0);
  assert_int_equal(cr_utf8_encode(0x110000, o), 0);
  assert_int_equal(cr_utf8_encode(-1, o), 0);
}

static void test_repair(void **st) {
  (void)st;
  const char in[] = "ok\xC0\x80x\0y\xED\xA0\x80\xE2\x82";
  cr_buf b = CR_BUF_INIT;
  size_t fixes = cr_utf8_repair(in, sizeof in - 1, &b);
  /* C0, 80, NUL, ED, A0, 80, E2, 82: each byte one fix. */
  assert_int_equal(fixes, 8);
  assert_true(cr_utf8_valid(b.data, b.len));
  assert_null(memchr(b.data, 0, b.len));
  assert_int_equal(memcmp(b.data, "ok\xEF\xBF\xBD", 5), 0);
  assert_non_null(strstr(b.data, "xy"));
  cr_buf_clear(&b);
  const char *good = "Zelenskyy’s €35";
  assert_int_equal(cr_utf8_repair(good, strlen(good), &b), 0);
  assert_string_equal(b.data, good);
  cr_buf_free(&b);
}

static void test_count(void **st) {
  (void)st;
  assert_int_equal(cr_utf8_count("Zelenskyy’s", strlen("Zelenskyy’s")), 11);
  assert_int_equal(cr_utf8_count("a\xFF" "b", 3), 3);
  assert_int_equal(cr_utf8_count("", 0), 0);
}

static void test_classify(void **st) {
  (void)st;
  assert_int_equal(cr_char_classify(0x201C), CR_CH_QUOTE_OPEN);
  assert_int_equal(cr_char_classify(0x00AB), CR_CH_QUOTE_OPEN);
  assert_int_equal(cr_char_classify(0x201D), CR_CH_QUOTE_CLOSE);
  assert_int_equal(cr_char_classify('"'), CR_CH_QUOTE_AMBIG);
  assert_int_equal(cr_char_classify(0x2019), CR_CH_APOSTROPHE);
  assert_int_equal(cr_char_classify(0x02BC), CR_CH_APOSTROPHE);
  assert_int_equal(cr_char_classify('\''), CR_CH_APOSTROPHE);
  assert_int_equal(cr_char_classify(0x2013), CR_CH_DASH);
  assert_int_equal(cr_char_classify(0x2212), CR_CH_DASH);
  assert_int_equal(cr_char_classify(0x2026), CR_CH_ELLIPSIS);
  assert_int_equal(cr_char_classify('-'), CR_CH_OTHER);
  assert_int_equal(cr_char_classify('a'), CR_CH_OTHER);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decode_valid), cmocka_unit_test(test_decode_invalid),
      cmocka_unit_test(test_valid_long_ascii), cmocka_unit_test(test_encode),
      cmocka_unit_test(test_repair), cmocka_unit_test(test_count),
      cmocka_unit_test(test_classify)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
