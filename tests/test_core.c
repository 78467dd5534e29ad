/* test_core.c — arena, buffer, string map, term vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "core/termvec.h"

static void arena_aligns_and_grows(void **state) {
  (void)state;
  cr_arena *a = cr_arena_new();
  assert_non_null(a);
  for (int i = 0; i < 10000; i++) {
    char *p = cr_arena_alloc(a, (size_t)(i % 97) + 1);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    memset(p, 0xAB, (size_t)(i % 97) + 1);
  }
  /* A request larger than any block still succeeds. */
  char *big = cr_arena_alloc(a, 10u << 20);
  assert_non_null(big);
  big[(10u << 20) - 1] = 1;
  assert_null(cr_arena_calloc(a, SIZE_MAX / 2, 4));
  assert_string_equal(cr_arena_strndup(a, "Kyiv, Ukraine", 4), "Kyiv");
  cr_arena_free(a);
}

static void buf_appends_and_formats(void **state) {
  (void)state;
  cr_buf b = CR_BUF_INIT;
  assert_string_equal(cr_buf_cstr(&b), "");
  for (int i = 0; i < 1000; i++) cr_buf_printf(&b, "%d,", i);
  assert_int_equal(b.failed, 0);
  assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
  char longfmt[600];
  memset(longfmt, 'x', sizeof longfmt - 1);
  longfmt[sizeof longfmt - 1] = 0;
  cr_buf_clear(&b);
  cr_buf_printf(&b, "%s!", longfmt);
  assert_int_equal(b.len, 600);
  assert_int_equal(b.data[599], '!');
  cr_buf_free(&b);
}

static void strmap_interns_stably(void **state) {
  (void)state;
  cr_arena *a = cr_arena_new();
  cr_strmap *m = cr_strmap_new(a);
  char key[32];
  for (int i = 0; i < 50000; i++) {
    int n = snprintf(key, sizeof key, "stem%d", i);
    assert_int_equal(cr_strmap_intern(m, key, (size_t)n), (uint32_t)i);
  }
  assert_int_equal(cr_strmap_count(m), 50000);
  assert_int_equal(cr_strmap_intern(m, "stem123", 7), 123);
  assert_int_equal(cr_strmap_find(m, "stem49999", 9), 49999);
  assert_int_equal(cr_strmap_find(m, "troop", 5), CR_NO_ID);
  size_t len;
  assert_string_equal(cr_strmap_key(m, 7, &len), "stem7");
  assert_int_equal(len, 5);
  /* Keys with NUL bytes and the empty key are distinct keys. */
  uint32_t e = cr_strmap_intern(m, "", 0), z = cr_strmap_intern(m, "a\0b", 3);
  assert_int_not_equal(e, z);
  assert_int_equal(cr_strmap_find(m, "a\0b", 3), z);
  cr_strmap_free(m);
  cr_arena_free(a);
}

static void termvec_cosine(void **state) {
  (void)state;
  cr_arena *a = cr_arena_new();
  cr_token t1[4] = {{{0, 0}, 0, 0, 3}, {{0, 0}, 0, 0, 1}, {{0, 0}, 0, 0, 3},
                    {{0, 0}, 0, 0, CR_NO_ID}};
  cr_token t2[2] = {{{0, 0}, 0, 0, 1}, {{0, 0}, 0, 0, 3}};
  cr_token t3[1] = {{{0, 0}, 0, 0, 9}};
  cr_termvec a1, a2, a3;
  assert_int_equal(cr_termvec_build(a, t1, 4, NULL, &a1), 0);
  assert_int_equal(a1.n, 2); /* term 3 twice, term 1 once, stop word dropped */
  assert_int_equal(a1.v[0].term, 1);
  assert_true(a1.v[1].w == 2.0f);
  assert_int_equal(cr_termvec_build(a, t2, 2, NULL, &a2), 0);
  assert_int_equal(cr_termvec_build(a, t3, 1, NULL, &a3), 0);
  float s = cr_termvec_cosine(&a1, &a2);
  assert_true(s > 0.94f && s < 0.95f); /* (1+2)/(sqrt5*sqrt2) = 0.9487 */
  assert_true(cr_termvec_cosine(&a1, &a3) == 0.0f);
  assert_true(cr_termvec_cosine(&a1, &a1) > 0.999f);
  assert_int_equal(cr_termvec_shared(&a1, &a2), 2);
  cr_arena_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(arena_aligns_and_grows),
      cmocka_unit_test(buf_appends_and_formats),
      cmocka_unit_test(strmap_interns_stably),
      cmocka_unit_test(termvec_cosine),
  };
  return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
