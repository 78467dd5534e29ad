/* test_jsonw.c — what the JSON writer writes parses back to the same
 * values, whatever bytes the strings hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonw.h"

static char *write_doc(void (*fill)(cr_jw *), int pretty) {
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  cr_jw w;
  cr_jw_init(&w, f, pretty);
  fill(&w);
  assert_int_equal(cr_jw_finish(&w), 0);
  fclose(f);
  return mem;
}

static void fill_strings(cr_jw *w) {
  cr_jw_object(w);
  cr_jw_kstr(w, "quote", "“We know about 10,000 soldiers,” he said \"quoted\" \\ back");
  cr_jw_key(w, "controls");
  cr_jw_stringn(w, "a\0b\x01\n\t\x1f", 7);
  cr_jw_key(w, "invalid");
  cr_jw_string(w, "ok\xC0\x80 \xED\xA0\x80 \xFF end");
  cr_jw_kstr(w, "absent", NULL);
  cr_jw_key(w, "list");
  cr_jw_array(w);
  cr_jw_int(w, -3);
  cr_jw_double(w, 1.28);
  cr_jw_bool(w, 1);
  cr_jw_null(w);
  cr_jw_array(w);
  cr_jw_array_end(w);
  cr_jw_array_end(w);
  cr_jw_object_end(w);
}

static void round_trip(void **state) {
  (void)state;
  for (int pretty = 0; pretty < 2; pretty++) {
    char *s = write_doc(fill_strings, pretty);
    cJSON *o = cJSON_Parse(s);
    assert_non_null(o);
    assert_string_equal(cJSON_GetObjectItem(o, "quote")->valuestring,
                        "“We know about 10,000 soldiers,” he said \"quoted\" \\ back");
    /* cJSON stops at the escaped NUL; the escape itself must be there. */
    assert_non_null(strstr(s, "a\\u0000b\\u0001\\n\\t\\u001f"));
    const char *inv = cJSON_GetObjectItem(o, "invalid")->valuestring;
    assert_string_equal(inv, "ok\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD end");
    assert_null(cJSON_GetObjectItem(o, "absent"));
    cJSON *list = cJSON_GetObjectItem(o, "list");
    assert_int_equal(cJSON_GetArraySize(list), 5);
    assert_true(cJSON_GetArrayItem(list, 1)->valuedouble == 1.28);
    assert_true(cJSON_IsNull(cJSON_GetArrayItem(list, 3)));
    if (!pretty) assert_ptr_equal(strchr(s, '\n'), s + strlen(s) - 1);
    cJSON_Delete(o);
    free(s);
  }
}

static void fill_unbalanced(cr_jw *w) {
  cr_jw_object(w);
  cr_jw_array_end(w);
  cr_jw_array_end(w);
}

static void unbalanced_is_an_error(void **state) {
  (void)state;
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  cr_jw w;
  cr_jw_init(&w, f, 0);
  fill_unbalanced(&w);
  assert_int_equal(cr_jw_finish(&w), -1);
  fclose(f);
  free(mem);
}

static void depth_is_bounded(void **state) {
  (void)state;
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  cr_jw w;
  cr_jw_init(&w, f, 0);
  for (int i = 0; i < CR_JW_MAX_DEPTH + 5; i++) cr_jw_array(&w);
  assert_int_equal(w.error, 1);
  fclose(f);
  free(mem);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(round_trip),
      cmocka_unit_test(unbalanced_is_an_error),
      cmocka_unit_test(depth_is_bounded),
  };
  return cmocka_run_group_tests_name("jsonw", tests, NULL, NULL);
}
