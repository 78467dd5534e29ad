/* test_normalize.c — folding to the matching form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

static const char *fold(cr_buf *b, const char *s, int *rc) {
  cr_buf_clear(b);
  *rc = cr_fold(s, strlen(s), b);
  return cr_buf_cstr(b);
}

static void test_fold_ascii(void **st) {
  (void)st;
  cr_buf b = CR_BUF_INIT;
  int rc;
  assert_string_equal(fold(&b, "NATO Secretary-General", &rc), "nato secretary-general");
  assert_int_equal(rc, 0);
  cr_buf_free(&b);
}

static void test_fold_typographic(void **st) {
  (void)st;
  cr_buf b = CR_BUF_INIT;
  int rc;
  assert_string_equal(fold(&b, "Zelenskyy’s", &rc), "zelenskyy's");
  assert_int_equal(rc, 0);
  assert_string_equal(fold(&b, "Moscow–Pyongyang", &rc), "moscow-pyongyang");
  assert_string_equal(fold(&b, "Kim Jongʼs — war", &rc), "kim jong's - war");
  cr_buf_free(&b);
}

static void test_fold_unicode(void **st) {
  (void)st;
  cr_buf b = CR_BUF_INIT;
  int rc;
  /* Decomposed e + combining acute composes; ÉTÉ case-folds. */
  assert_string_equal(fold(&b, "Zelenskiy Orba\xCC\x81n \xC3\x89T\xC3\x89", &rc),
                      "zelenskiy orb\xC3\xA1n \xC3\xA9t\xC3\xA9");
  assert_int_equal(rc, 0);
  assert_string_equal(fold(&b, "STRASSE Straße", &rc), "strasse strasse");
  assert_string_equal(fold(&b, "КИЇВ", &rc), "київ");
  cr_buf_free(&b);
}

static void test_fold_invalid(void **st) {
  (void)st;
  cr_buf b = CR_BUF_INIT;
  int rc;
  const char *r = fold(&b, "ABC\xFF\xC3\xA9", &rc);
  assert_int_equal(rc, -1);
  assert_int_equal(memcmp(r, "abc\xFF", 4), 0); /* lowercase copy as fallback */
  cr_buf_free(&b);
}

static void test_fold_appends(void **st) {
  (void)st;
  cr_buf b = CR_BUF_INIT;
  cr_buf_puts(&b, "x:");
  assert_int_equal(cr_fold("Ré", strlen("Ré"), &b), 0);
  assert_string_equal(b.data, "x:ré");
  cr_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fold_ascii), cmocka_unit_test(test_fold_typographic),
      cmocka_unit_test(test_fold_unicode), cmocka_unit_test(test_fold_invalid),
      cmocka_unit_test(test_fold_appends)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
