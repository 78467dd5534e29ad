/* test_ingest.c — reading files, directories and JSONL; bad input never
 * stops the other inputs and always names the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/corpus.h"

static int has_diag(const cr_corpus *c, const char *file, size_t line,
                    const char *needle) {
  for (size_t i = 0; i < cr_corpus_diag_count(c); i++) {
    const cr_diag *d = cr_corpus_diag(c, i);
    if (strstr(d->file, file) && (line == 0 || d->line == line) &&
        strstr(d->message, needle))
      return 1;
  }
  return 0;
}

static const char report[] =
    "North Korea to Send 10,000 Troops to Ukraine, Zelensky Warns\n\n"
    "Ukrainian President Volodymyr Zelensky said North Korea is preparing to "
    "send 10,000 troops to help Russia’s war on Ukraine.\n";

static void plain_text(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_memory(c, "dir/002_x.txt", report, sizeof report - 1,
                                        CR_INPUT_AUTO), CR_OK);
  assert_int_equal(cr_corpus_doc_count(c), 1);
  const cr_doc *d = cr_corpus_doc(c, 0);
  assert_string_equal(cr_doc_id(d), "002_x");
  size_t len;
  const char *t = cr_doc_text(d, &len);
  assert_int_equal(len, sizeof report - 1);
  assert_memory_equal(t, report, len);
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  assert_string_equal(cr_doc_title(d),
                      "North Korea to Send 10,000 Troops to Ukraine, Zelensky Warns");
  assert_true(cr_doc_word_count(d) >= 18);
  cr_corpus_free(c);
}

static void bad_text_inputs(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_memory(c, "empty.txt", "", 0, CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_int_equal(cr_corpus_add_memory(c, "blank.txt", " \n\n\t", 4, CR_INPUT_AUTO),
                   CR_ERR_INPUT);
  static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
  assert_int_equal(cr_corpus_add_memory(c, "a.out", bin, sizeof bin - 1, CR_INPUT_TEXT),
                   CR_ERR_INPUT);
  static const char gz[] = "\x1f\x8b\x08\0\0\0\0\0";
  assert_int_equal(cr_corpus_add_memory(c, "x.txt", gz, sizeof gz - 1, CR_INPUT_AUTO),
                   CR_ERR_INPUT);
  /* Invalid UTF-8 is repaired and counted, the document kept. */
  static const char bad[] = "Kyiv \xC0\xAF said \xED\xA0\x80 troops \xE2\x82 end.";
  assert_int_equal(cr_corpus_add_memory(c, "bad.txt", bad, sizeof bad - 1, CR_INPUT_AUTO),
                   CR_OK);
  assert_int_equal(cr_corpus_doc_count(c), 1);
  const cr_doc *d = cr_corpus_doc(c, 0);
  assert_true(d->invalid_bytes >= 3);
  assert_memory_equal(d->raw, bad, sizeof bad - 1); /* original bytes kept */
  size_t len;
  const char *t = cr_doc_text(d, &len);
  assert_non_null(strstr(t, "\xEF\xBF\xBD"));
  assert_true(has_diag(c, "empty.txt", 0, "empty"));
  assert_true(has_diag(c, "a.out", 0, "binary"));
  assert_true(has_diag(c, "x.txt", 0, "gzip"));
  assert_true(has_diag(c, "bad.txt", 0, "invalid UTF-8"));
  assert_int_equal(cr_corpus_failed_inputs(c), 4);
  cr_corpus_free(c);
}

static void jsonl_records(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const char *jl =
      "{\"id\":\"a1\",\"outlet\":\"AP\",\"title\":\"T1\",\"date\":\"2024-10-17\","
      "\"text\":\"Zelensky spoke in Brussels. NATO said \\\"no evidence\\\".\"}\n"
      "{\"id\":\"a2\",\"text\": broken\n"
      "\n"
      "[1,2,3]\n"
      "{\"id\":7,\"text\":\"Second report about the summit.\"}\n"
      "{\"id\":\"a4\",\"title\":\"no text\"}\n"
      "{\"id\":\"a5\",\"title\":\"Given\",\"html\":\"<html><head><title>Page</title></head>"
      "<body><nav><a href=/>Home</a></nav><p>The summit opened in Brussels.</p>"
      "</body></html>\"}\n"
      "{\"id\":\"a6\",\"html\":\"<html><body><script>x()</script></body></html>\"}\n";
  assert_int_equal(cr_corpus_add_memory(c, "feed.jsonl", jl, strlen(jl), CR_INPUT_AUTO),
                   CR_OK);
  assert_int_equal(cr_corpus_doc_count(c), 3);
  const cr_doc *d = cr_corpus_doc(c, 0);
  assert_string_equal(cr_doc_id(d), "a1");
  assert_string_equal(d->meta.outlet, "AP");
  assert_string_equal(d->meta.date_raw, "2024-10-17");
  assert_string_equal(cr_doc_text(d, NULL), "Zelensky spoke in Brussels. NATO said \"no evidence\".");
  assert_string_equal(cr_doc_id(cr_corpus_doc(c, 1)), "7");
  assert_true(has_diag(c, "feed.jsonl", 2, "malformed JSON"));
  assert_true(has_diag(c, "feed.jsonl", 4, "not a JSON object"));
  assert_true(has_diag(c, "feed.jsonl", 6, "no \"text\""));
  /* An "html" record is extracted; the record's title wins. */
  d = cr_corpus_doc(c, 2);
  assert_string_equal(cr_doc_id(d), "a5");
  assert_string_equal(cr_doc_text(d, NULL), "The summit opened in Brussels.");
  assert_string_equal(d->meta.title, "Given");
  assert_true(has_diag(c, "feed.jsonl", 8, "no article text"));
  assert_int_equal(cr_corpus_failed_inputs(c), 4);
  cr_corpus_free(c);
}

static void jsonl_limits(void **state) {
  (void)state;
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_line_bytes = 100;
  cr_corpus *c = cr_corpus_new(&lim);
  /* 100,000 nested arrays: refused before cJSON recurses. */
  size_t n = 200000;
  char *deep = malloc(n + 2);
  memset(deep, '[', n / 2);
  memset(deep + n / 2, ']', n / 2);
  deep[n] = '\0';
  lim.max_line_bytes = 1 << 20;
  cr_corpus *c2 = cr_corpus_new(&lim);
  assert_int_equal(cr_corpus_add_memory(c2, "deep.jsonl", deep, n, CR_INPUT_JSONL), CR_ERR_INPUT);
  assert_true(has_diag(c2, "deep.jsonl", 1, "nested deeper"));
  free(deep);
  char line[300];
  memset(line, 'x', sizeof line);
  memcpy(line, "{\"text\":\"", 9);
  memcpy(line + sizeof line - 3, "\"}\n", 3);
  assert_int_equal(cr_corpus_add_memory(c, "long.jsonl", line, sizeof line, CR_INPUT_JSONL),
                   CR_ERR_INPUT);
  assert_true(has_diag(c, "long.jsonl", 1, "max_line_bytes"));
  cr_corpus_free(c);
  cr_corpus_free(c2);
}

static void write_file(const char *path, const char *s) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(s, f);
  fclose(f);
}

static void directories(void **state) {
  (void)state;
  char dir[] = "/tmp/crossread-test-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char p[512];
  snprintf(p, sizeof p, "%s/b.txt", dir);
  write_file(p, "Second report. It has text.\n");
  snprintf(p, sizeof p, "%s/sub", dir);
  mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/sub/a.txt", dir);
  write_file(p, "Nested report text.\n");
  snprintf(p, sizeof p, "%s/a.txt", dir);
  write_file(p, "First report text.\n");
  snprintf(p, sizeof p, "%s/empty.txt", dir);
  write_file(p, "");
  snprintf(p, sizeof p, "%s/image.png", dir);
  write_file(p, "\x89PNG");
  char link[600];
  snprintf(link, sizeof link, "%s/sub/loop", dir);
  assert_int_equal(symlink(dir, link), 0);
  snprintf(link, sizeof link, "%s/dangling.txt", dir);
  assert_int_equal(symlink("/nonexistent/crossread", link), 0);

  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_path(c, dir, CR_INPUT_AUTO), CR_OK);
  assert_int_equal(cr_corpus_doc_count(c), 3); /* png skipped, loop not followed */
  assert_string_equal(cr_doc_id(cr_corpus_doc(c, 0)), "a");
  assert_string_equal(cr_doc_id(cr_corpus_doc(c, 1)), "b");
  assert_non_null(strstr(cr_doc_file(cr_corpus_doc(c, 2)), "sub/a.txt"));
  assert_true(has_diag(c, "empty.txt", 0, "empty"));
  assert_true(has_diag(c, "loop", 0, "loop"));
  assert_true(has_diag(c, "dangling.txt", 0, "link"));
  assert_int_equal(cr_corpus_add_path(c, "/nonexistent/crossread.txt", CR_INPUT_AUTO),
                   CR_ERR_IO);
  assert_true(has_diag(c, "/nonexistent/crossread.txt", 0, "No such file"));
  cr_corpus_free(c);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
}

static void max_docs_limit(void **state) {
  (void)state;
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_docs = 2;
  lim.max_doc_bytes = 10;
  cr_corpus *c = cr_corpus_new(&lim);
  cr_status st[3];
  for (int i = 0; i < 3; i++)
    st[i] = cr_corpus_add_memory(c, "r.txt", "Text of a report \xE2\x80\x94 long", 25, CR_INPUT_TEXT);
  assert_int_equal(cr_corpus_doc_count(c), 2);
  /* The third is refused by the limit, not lost to "out of memory". */
  assert_int_equal(st[1], CR_OK);
  assert_int_equal(st[2], CR_ERR_LIMIT);
  assert_int_equal(cr_corpus_failed_inputs(c), 1);
  assert_true(has_diag(c, "r.txt", 0, "max_docs"));
  assert_true(has_diag(c, "r.txt", 0, "truncated"));
  size_t len;
  cr_doc_text(cr_corpus_doc(c, 0), &len);
  assert_true(len <= 10);
  cr_corpus_free(c);
}

/* Found by fuzz_ingest: U+FFFD takes 3 bytes for each invalid byte, so a
 * text cut to max_doc_bytes before repair grew past it afterwards.  And a
 * cut must not walk back over a run of stray continuation bytes. */
static void max_doc_bytes_after_repair(void **state) {
  (void)state;
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_doc_bytes = 10;
  cr_corpus *c = cr_corpus_new(&lim);
  cr_corpus_add_memory(c, "bad.txt", "ab\xFF\xFE\xFD\xFC\xFB\xFA\xF9\xF8" "cdefgh", 16, CR_INPUT_TEXT);
  char cont[40];
  memset(cont, 0x80, sizeof cont);
  memcpy(cont, "News ", 5);
  cr_corpus_add_memory(c, "cont.txt", cont, sizeof cont, CR_INPUT_TEXT);
  assert_int_equal(cr_corpus_doc_count(c), 2);
  for (size_t i = 0; i < 2; i++) {
    size_t len;
    const char *t = cr_doc_text(cr_corpus_doc(c, i), &len);
    assert_true(len <= 10);
    assert_true(len >= 8); /* cut near the limit, not back to nothing */
    assert_true(cr_utf8_valid(t, len));
  }
  assert_true(has_diag(c, "bad.txt", 0, "truncated"));
  cr_corpus_free(c);
}

/* A JSONL file of many broken lines lists only the first 100 problems
 * (memory and stderr stay bounded) but counts every one, and the good
 * records among them are still read. */
static void jsonl_diag_cap(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  static char buf[20000];
  size_t n = 0;
  for (int i = 0; i < 1000; i++) n += (size_t)snprintf(buf + n, sizeof buf - n, "x%d\n", i);
  n += (size_t)snprintf(buf + n, sizeof buf - n, "{\"text\":\"A good record at the end.\"}\n");
  cr_corpus_add_memory(c, "many.jsonl", buf, n, CR_INPUT_AUTO);
  assert_int_equal(cr_corpus_doc_count(c), 1);
  assert_int_equal(cr_corpus_failed_inputs(c), 1000);
  assert_int_equal(cr_corpus_diag_count(c), 101);
  assert_true(has_diag(c, "many.jsonl", 100, "malformed"));
  assert_true(has_diag(c, "many.jsonl", 0, "900 more problems"));
  /* The next file is listed again. */
  cr_corpus_add_memory(c, "next.jsonl", "oops\n", 5, CR_INPUT_JSONL);
  assert_true(has_diag(c, "next.jsonl", 1, "malformed"));
  cr_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(plain_text),     cmocka_unit_test(bad_text_inputs),
      cmocka_unit_test(jsonl_records),  cmocka_unit_test(jsonl_limits),
      cmocka_unit_test(directories),    cmocka_unit_test(max_docs_limit),
      cmocka_unit_test(max_doc_bytes_after_repair),
      cmocka_unit_test(jsonl_diag_cap),
  };
  return cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
}
