/* test_stem.c — Snowball stems and the stop list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

static void check_stem(cr_stemmer *s, const char *w, const char *want) {
  size_t n;
  const char *r = cr_stem(s, w, strlen(w), &n);
  assert_int_equal(n, strlen(want));
  assert_memory_equal(r, want, n);
}

static void test_stems(void **st) {
  (void)st;
  cr_stemmer *s = cr_stemmer_new();
  assert_non_null(s);
  check_stem(s, "deploying", "deploy");
  check_stem(s, "deployed", "deploy");
  check_stem(s, "troops", "troop");
  check_stem(s, "soldiers", "soldier");
  check_stem(s, "negotiations", "negoti");
  check_stem(s, "nato", "nato");
  check_stem(s, "київ", "київ"); /* non-English passes through */
  cr_stemmer_free(s);
}

static void test_two_stemmers(void **st) {
  (void)st;
  cr_stemmer *a = cr_stemmer_new(), *b = cr_stemmer_new();
  size_t na, nb;
  const char *ra = cr_stem(a, "fighting", 8, &na);
  const char *rb = cr_stem(b, "allies", 6, &nb);
  /* a's result survives b's call: no shared state. */
  assert_memory_equal(ra, "fight", 5);
  assert_int_equal(na, 5);
  assert_memory_equal(rb, "alli", 4);
  cr_stemmer_free(a);
  cr_stemmer_free(b);
  cr_stemmer_free(NULL);
}

static void test_stopwords(void **st) {
  (void)st;
  assert_true(cr_is_stopword("the", 3));
  assert_true(cr_is_stopword("would", 5));
  assert_true(cr_is_stopword("don't", 5));
  assert_true(cr_is_stopword("yourselves", 10));
  assert_true(cr_is_stopword("a", 1));
  assert_true(cr_is_stopword("them", 4));
  assert_false(cr_is_stopword("thema", 5));
  assert_false(cr_is_stopword("troops", 6));
  assert_false(cr_is_stopword("nato", 4));
  assert_false(cr_is_stopword("said", 4));
  assert_false(cr_is_stopword("", 0));
  assert_false(cr_is_stopword("The", 3)); /* folded input only */
  assert_true(cr_is_stopword("then.", 4));  /* counted, not NUL-terminated */
}

static void test_stoplist_sorted(void **st) {
  (void)st;
  size_t n = 0;
  while (cr_stopword_at(n)) n++;
  assert_true(n >= 150);
  for (size_t i = 1; i < n; i++) assert_true(strcmp(cr_stopword_at(i - 1), cr_stopword_at(i)) < 0);
  for (size_t i = 0; i < n; i++) assert_true(cr_is_stopword(cr_stopword_at(i), strlen(cr_stopword_at(i))));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stems), cmocka_unit_test(test_two_stemmers),
      cmocka_unit_test(test_stopwords), cmocka_unit_test(test_stoplist_sorted)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
