/* test_limits.c — the named limits: setting them by name, refusing bad
 * values, and docs/limits.md naming every limit the code enforces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossread.h"

static void set_by_name(void **state) {
  (void)state;
  cr_limits l;
  cr_limits_default(&l);
  assert_int_equal(cr_limits_set(&l, "max_input_bytes", "1G"), CR_OK);
  assert_int_equal(l.max_input_bytes, (size_t)1 << 30);
  assert_int_equal(cr_limits_set(&l, "max_doc_bytes", "16M"), CR_OK);
  assert_int_equal(l.max_doc_bytes, (size_t)16 << 20);
  assert_int_equal(cr_limits_set(&l, "max_line_bytes", "512KiB"), CR_OK);
  assert_int_equal(l.max_line_bytes, (size_t)512 << 10);
  assert_int_equal(cr_limits_set(&l, "max_docs", "12"), CR_OK);
  assert_int_equal(l.max_docs, 12);
  assert_int_equal(cr_limits_set(&l, "max_dir_depth", "5"), CR_OK);
  assert_int_equal(l.max_dir_depth, 5);
  assert_int_equal(cr_limits_set(&l, "max_json_depth", "1000"), CR_OK);
  assert_int_equal(l.max_json_depth, 1000);
}

static void bad_values_refused(void **state) {
  (void)state;
  cr_limits l, before;
  cr_limits_default(&l);
  before = l;
  const char *bad[] = {"0", "", "-1", "1X", "12 ", " 12", "K", "1.5M",
                       "99999999999999999999", "17179869184G"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_int_equal(cr_limits_set(&l, "max_docs", bad[i]), CR_ERR_USAGE);
  assert_int_equal(cr_limits_set(&l, "no_such_limit", "1"), CR_ERR_USAGE);
  /* Past what the code can honour: 32-bit spans, cJSON's nesting cap. */
  assert_int_equal(cr_limits_set(&l, "max_doc_bytes", "4G"), CR_ERR_USAGE);
  assert_int_equal(cr_limits_set(&l, "max_json_depth", "1001"), CR_ERR_USAGE);
  assert_memory_equal(&l, &before, sizeof l); /* nothing changed */
}

static void table_matches_struct(void **state) {
  (void)state;
  cr_limits l;
  memset(&l, 0, sizeof l);
  cr_limits_default(&l);
  size_t n = 0;
  const cr_limit_info *li;
  for (; (li = cr_limit_info_at(n)); n++) {
    assert_non_null(li->unit);
    assert_non_null(li->what);
    assert_non_null(li->on_excess);
    assert_true(cr_limits_get(&l, n) > 0); /* every default is set */
  }
  /* Every field of cr_limits is a size_t with a row in the table: a stage
   * adding a limit adds both (and a row in docs/limits.md). */
  assert_int_equal(n * sizeof(size_t), sizeof(cr_limits));
}

static void docs_name_every_limit(void **state) {
  (void)state;
  FILE *f = fopen("docs/limits.md", "rb");
  assert_non_null(f);
  static char doc[65536];
  size_t n = fread(doc, 1, sizeof doc - 1, f);
  fclose(f);
  doc[n] = '\0';
  const cr_limit_info *li;
  for (size_t i = 0; (li = cr_limit_info_at(i)); i++) {
    char want[80];
    snprintf(want, sizeof want, "| `%s` |", li->name);
    if (!strstr(doc, want)) fail_msg("docs/limits.md has no row for %s", li->name);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(set_by_name),
      cmocka_unit_test(bad_values_refused),
      cmocka_unit_test(table_matches_struct),
      cmocka_unit_test(docs_name_every_limit),
  };
  return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
