/* test_html.c — the HTML escaper, the URL filter, the SVG coverage matrix
 * and the page sections fed with view data (speakers, discrepancies) that
 * later stages will produce, including hostile strings in every field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/corpus.h"
#include "core/strmap.h"
#include "report/html.h"

typedef struct mem {
  char *buf;
  size_t len;
  FILE *f;
} mem;

static void mem_open(mem *m) {
  m->buf = NULL;
  m->len = 0;
  m->f = open_memstream(&m->buf, &m->len);
  assert_non_null(m->f);
}

/* Closes the stream; m->buf holds the NUL-terminated output. */
static const char *mem_done(mem *m) {
  assert_int_equal(fclose(m->f), 0);
  return m->buf;
}

static char *escaped(const char *s, size_t n) {
  mem m;
  mem_open(&m);
  cr_html_textn(m.f, s, n);
  mem_done(&m);
  return m.buf;
}

#define ASSERT_ESCAPES(in, want)                 \
  do {                                           \
    char *got_ = escaped(in, sizeof(in) - 1);    \
    assert_string_equal(got_, want);             \
    free(got_);                                  \
  } while (0)

static void test_escape_markup(void **state) {
  ASSERT_ESCAPES("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
  ASSERT_ESCAPES("a & b", "a &amp; b");
  ASSERT_ESCAPES("\" onmouseover='x'", "&quot; onmouseover=&#39;x&#39;");
  ASSERT_ESCAPES("&lt;already&gt;", "&amp;lt;already&amp;gt;");
  ASSERT_ESCAPES("<!-- <![CDATA[ ]]> -->", "&lt;!-- &lt;![CDATA[ ]]&gt; --&gt;");
  ASSERT_ESCAPES("plain text stays", "plain text stays");
}

static void test_escape_unicode(void **state) {
  ASSERT_ESCAPES("Zelenskyy\xE2\x80\x99s \xE2\x80\x9Cwar\xE2\x80\x9D",
                 "Zelenskyy\xE2\x80\x99s \xE2\x80\x9Cwar\xE2\x80\x9D");
  /* invalid bytes: a lone continuation, an overlong '<', a truncated
   * sequence; each becomes U+FFFD and never a raw '<' */
  ASSERT_ESCAPES("a\x80z", "a\xEF\xBF\xBDz");
  ASSERT_ESCAPES("\xC0\xBCscript", "\xEF\xBF\xBD\xEF\xBF\xBDscript");
  ASSERT_ESCAPES("end\xE2\x82", "end\xEF\xBF\xBD\xEF\xBF\xBD");
  /* controls dropped, tab and newline kept; a NUL inside the span too */
  ASSERT_ESCAPES("a\x01\x1b[31mb\tc\nd\x7f", "a[31mb\tc\nd");
  ASSERT_ESCAPES("x\0y", "xy");
  ASSERT_ESCAPES("c1\xC2\x85.", "c1.");
  /* bidi overrides and isolates dropped, other format characters kept */
  ASSERT_ESCAPES("Daily \xE2\x80\xAE" "emiT", "Daily emiT");
  ASSERT_ESCAPES("\xE2\x81\xA6x\xE2\x81\xA9", "x");
  ASSERT_ESCAPES("soft\xC2\xAD" "hyphen", "soft\xC2\xAD" "hyphen");
}

static void test_text_null_and_clip(void **state) {
  mem m;
  mem_open(&m);
  cr_html_text(m.f, NULL);
  cr_html_text_clip(m.f, NULL, 3);
  assert_string_equal(mem_done(&m), "");
  free(m.buf);

  mem_open(&m);
  cr_html_text_clip(m.f, "abcdef", 3);
  fputc('|', m.f);
  cr_html_text_clip(m.f, "abc", 3);
  fputc('|', m.f);
  cr_html_text_clip(m.f, "\xC3\xA9\xC3\xA9\xC3\xA9", 2); /* ééé: cut on a code point */
  fputc('|', m.f);
  cr_html_text_clip(m.f, "<<<<", 2);
  assert_string_equal(mem_done(&m), "abc\xE2\x80\xA6|abc|\xC3\xA9\xC3\xA9\xE2\x80\xA6|&lt;&lt;\xE2\x80\xA6");
  free(m.buf);
}

static void test_url_filter(void **state) {
  assert_true(cr_html_url_ok("https://apnews.com/article/x-123"));
  assert_true(cr_html_url_ok("http://example.org/a?b=c&d=e#f"));
  assert_true(cr_html_url_ok("HTTPS://EXAMPLE.ORG/"));
  assert_false(cr_html_url_ok(NULL));
  assert_false(cr_html_url_ok(""));
  assert_false(cr_html_url_ok("https://"));
  assert_false(cr_html_url_ok("javascript:alert(1)"));
  assert_false(cr_html_url_ok("JaVaScRiPt:alert(1)"));
  assert_false(cr_html_url_ok(" javascript:alert(1)"));
  assert_false(cr_html_url_ok("\tjavascript:alert(1)"));
  assert_false(cr_html_url_ok("data:text/html;base64,PHNjcmlwdD4="));
  assert_false(cr_html_url_ok("vbscript:x"));
  assert_false(cr_html_url_ok("//evil.example/x"));
  assert_false(cr_html_url_ok("/relative/path"));
  assert_false(cr_html_url_ok("https://x.org/\" onmouseover=\"alert(1)"));
  assert_false(cr_html_url_ok("https://x.org/' onmouseover='alert(1)"));
  assert_false(cr_html_url_ok("https://x.org/<script>"));
  assert_false(cr_html_url_ok("https://x.org/a b"));
  assert_false(cr_html_url_ok("https://x.org/\nx"));
  assert_false(cr_html_url_ok("https:\\\\evil.example"));
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
  return n;
}

static void test_matrix_svg(void **state) {
  const char *rows[] = {"First <b>statement</b>", "Second"};
  const char *cols[] = {"Outlet \"A\"", "B", "C"};
  /* row 0: origin col 0, carried by col 2 at 0.45; row 1: origin col 1,
   * carried by col 0 without a known sentence */
  float value[] = {1.0f, -1, 0.45f, 0.3f, 1.0f, -1};
  uint32_t sent[] = {4, CR_NO_ID, 9, CR_NO_ID, 2, CR_NO_ID};
  uint32_t origin[] = {0, 1};
  cr_html_matrix mx = {2, 3, rows, cols, value, sent, origin, NULL, 0, 2};
  mem m;
  mem_open(&m);
  cr_html_matrix_svg(m.f, &mx);
  const char *out = mem_done(&m);
  assert_int_equal(count(out, "<svg "), 1);
  assert_int_equal(count(out, "</svg>"), 1);
  /* the origin sentences are linked from their cell and the row number */
  assert_int_equal(count(out, "<a href=\"#src1-s4\""), 2);
  assert_int_equal(count(out, "<a href=\"#src3-s9\""), 1);
  assert_int_equal(count(out, "<a href=\"#src2-s2\""), 2);
  assert_int_equal(count(out, "aria-label=\"statement"), 3); /* linked cells only */
  /* 6 cells plus the legend's 6 swatches and its origin swatch */
  assert_int_equal(count(out, "<rect "), 6 + 7);
  assert_int_equal(count(out, "class=\"c0\""), 2 + 1);
  assert_int_equal(count(out, "class=\"c5 origin\""), 2 + 1);
  assert_int_equal(count(out, "class=\"c3\""), 1 + 1); /* 0.45 */
  assert_int_equal(count(out, "class=\"c2\""), 1 + 1); /* 0.3 */
  assert_null(strstr(out, "<b>"));
  assert_non_null(strstr(out, "First &lt;b&gt;statement&lt;/b&gt;"));
  assert_non_null(strstr(out, "Outlet &quot;A&quot;"));
  free(m.buf);

  /* columns mapped to sources 4, 6 and 10: links and headers follow */
  uint32_t col_doc[] = {3, 5, 9};
  cr_html_matrix mapped = {2, 3, rows, cols, value, sent, origin, col_doc, 7, 1};
  mem_open(&m);
  cr_html_matrix_svg(m.f, &mapped);
  out = mem_done(&m);
  assert_int_equal(count(out, "<a href=\"#src4-s4\""), 2);
  assert_int_equal(count(out, "<a href=\"#src10-s9\""), 1);
  assert_int_equal(count(out, "<a href=\"#src6-s2\""), 2);
  assert_int_equal(count(out, "<a href=\"#src6\">"), 1);
  /* row 2 is single-source: drawn under the label */
  assert_int_equal(count(out, "Only in one source:"), 1);
  assert_null(strstr(out, "#src1-"));
  assert_null(strstr(out, "#src1\""));
  assert_null(strstr(out, "#src2\""));
  free(m.buf);

  /* an empty matrix writes nothing */
  cr_html_matrix empty = {0, 3, rows, cols, value, sent, origin, NULL, 0, 0};
  mem_open(&m);
  cr_html_matrix_svg(m.f, &empty);
  assert_string_equal(mem_done(&m), "");
  free(m.buf);
}

static const char hostile[] = "<script>document.title='PWNED'</script>";

static void test_story_sections(void **state) {
  cr_corpus *c = cr_corpus_new(NULL);
  const char *a = "Officials said the bridge will stay closed until March for repairs.\n"
                  "The repairs will cost four million dollars, the mayor said.\n";
  const char *b = "The bridge stays closed until March, officials said on Monday.\n"
                  "Ferries will run every twenty minutes during the repairs.\n";
  assert_int_equal(cr_corpus_add_memory(c, "a.txt", a, strlen(a), CR_INPUT_TEXT), CR_OK);
  assert_int_equal(cr_corpus_add_memory(c, "b.txt", b, strlen(b), CR_INPUT_TEXT), CR_OK);
  cr_brief *br = NULL;
  assert_int_equal(cr_brief_new(c, NULL, &br), CR_OK);

  uint32_t both[] = {0, 1}, one[] = {1}, bogus[] = {0, 7};
  uint32_t sents[] = {1, CR_NO_ID};
  cr_html_variant vars[] = {{"until March", both, 2, sents}, {hostile, bogus, 2, NULL}};
  cr_html_discrepancy disc[] = {{"<i>reopening</i>", "a <b>note</b>", "It <em>reopens</em>", vars, 2}};
  const char *aliases[] = {"A. Ortiz", hostile};
  cr_html_quote quotes[] = {{"\"The bridge is not safe\" <img src=x onerror=alert(1)>", "direct", one, 1}};
  cr_html_speaker sp[] = {{"Ana Ortiz", aliases, 2, "mayor", "denies", quotes, 1},
                          {"Someone", NULL, 0, NULL, "\"><script>", NULL, 0}};
  cr_html_mark uniq[] = {{1, 1}};
  cr_html_story st = {br, NULL, sp, 2, disc, 1, uniq, 1, NULL};
  mem m;
  mem_open(&m);
  assert_int_equal(cr_html_story_page(&st, m.f), 0);
  const char *out = mem_done(&m);

  assert_int_equal(count(out, "<script"), 0);
  assert_int_equal(count(out, "<img"), 0);
  assert_int_equal(count(out, "<i>"), 0);
  assert_non_null(strstr(out, "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
  assert_non_null(strstr(out, "<section id=\"speakers\""));
  assert_non_null(strstr(out, "<section id=\"discrepancies\""));
  assert_non_null(strstr(out, "<a href=\"#speakers\">"));
  assert_non_null(strstr(out, "<a href=\"#discrepancies\">"));
  /* a known stance gets its class, an unknown one the neutral class but
   * its (escaped) text */
  assert_non_null(strstr(out, "<span class=\"badge st-denies\">denies</span>"));
  assert_non_null(strstr(out, "<span class=\"badge st-neutral\">&quot;&gt;&lt;script&gt;</span>"));
  /* chips: sources 1 and 2 for the first variant; the out-of-range index
   * 7 is skipped, never linked */
  assert_null(strstr(out, "#src8"));
  /* the first variant's first source links its sentence, the second (no
   * sentence known) its card */
  assert_int_equal(count(out, "<a class=\"cite\" href=\"#src1-s1\""), 1);
  assert_int_equal(count(out, "<a class=\"cite\" href=\"#src2\""), 2); /* + the quote */
  assert_int_equal(count(out, "<a class=\"cite\" href=\"#src1\""), 1);
  assert_non_null(strstr(out, "a &lt;b&gt;note&lt;/b&gt;"));
  assert_non_null(strstr(out, "in: \xE2\x80\x9CIt &lt;em&gt;reopens&lt;/em&gt;"));
  /* the unique mark lands on sentence 1 of source 2 */
  assert_non_null(strstr(out, "<span class=\"s uniq\" id=\"src2-s1\">"));
  assert_int_equal(count(out, "only here"), 1);
  /* coverage NULL: no coverage section and no link to it */
  assert_null(strstr(out, "id=\"coverage\""));
  assert_null(strstr(out, "href=\"#coverage\""));
  /* the CSP comes right after the charset */
  const char *csp = strstr(out, "Content-Security-Policy");
  assert_non_null(csp);
  assert_true(csp < strstr(out, "<title>"));
  assert_non_null(strstr(out, "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                              "form-action 'none'"));
  free(m.buf);

  /* without the later stages' data those sections are absent */
  cr_html_story plain = {br, NULL, NULL, 0, NULL, 0, NULL, 0, NULL};
  mem_open(&m);
  assert_int_equal(cr_html_story_page(&plain, m.f), 0);
  out = mem_done(&m);
  assert_null(strstr(out, "speakers"));
  assert_null(strstr(out, "discrepancies"));
  free(m.buf);

  /* the brief's own page: coverage matrix and summary sentences */
  mem_open(&m);
  assert_int_equal(cr_brief_html(br, m.f), 0);
  out = mem_done(&m);
  assert_non_null(strstr(out, "<section id=\"coverage\""));
  assert_int_equal(count(out, "<li id=\"sum-"), cr_brief_summary_count(br));
  free(m.buf);

  cr_brief_free(br);
  cr_corpus_free(c);
}

static void test_iso_day(void **state) {
  long d = 12345;
  assert_int_equal(cr_html_iso_day("1970-01-01", &d), 0);
  assert_int_equal(d, 0);
  assert_int_equal(cr_html_iso_day("2024-10-17T09:30:00Z", &d), 0);
  assert_int_equal(d, 20013);
  assert_int_equal(cr_html_iso_day("2000-02-29", &d), 0);
  assert_int_equal(d, 11016);
  assert_int_equal(cr_html_iso_day("1969-12-31", &d), 0);
  assert_int_equal(d, -1);
  assert_int_equal(cr_html_iso_day("1900-02-29", &d), -1); /* not a leap year */
  assert_int_equal(cr_html_iso_day("2023-02-29", &d), -1);
  assert_int_equal(cr_html_iso_day("2024-13-17", &d), -1);
  assert_int_equal(cr_html_iso_day("2024-04-31", &d), -1);
  assert_int_equal(cr_html_iso_day("2024-10-1", &d), -1);
  assert_int_equal(cr_html_iso_day("17/10/2024", &d), -1);
  assert_int_equal(cr_html_iso_day(NULL, &d), -1);
}

static void test_index_page(void **state) {
  cr_html_index_source s1[] = {{"Reuters", "2024-10-17"}, {"<b>AP</b>", "2024-10-18T10:00:00Z"},
                               {"Undated", NULL}, {"Bad date", "2024-13-17"}};
  cr_html_index_source s2[] = {{hostile, "2024-10-20"}};
  cr_html_index_story st[] = {
      {"../../etc/passwd \"><script>x</script>", "2024-10-20", "2024-10-20", 2, s2, 1},
      {"Brussels summit", "2024-10-17", "2024-10-18T10:00:00Z", 1, s1, 4}};
  mem m;
  mem_open(&m);
  assert_int_equal(cr_html_index_page(st, 2, m.f), 0);
  const char *out = mem_done(&m);
  assert_int_equal(count(out, "<script"), 0);
  assert_int_equal(count(out, "<b>"), 0);
  /* page links come from ordinals only */
  assert_int_equal(count(out, "href=\"story-2.html\""), 2); /* list + timeline */
  assert_int_equal(count(out, "href=\"story-1.html\""), 2);
  assert_null(strstr(out, "href=\"../"));
  /* a dot per validly dated source: 1 + 2 */
  assert_int_equal(count(out, "<circle "), 3);
  assert_non_null(strstr(out, "2024-10-17 \xE2\x80\x93 2024-10-18"));
  assert_non_null(strstr(out, "Reuters, &lt;b&gt;AP&lt;/b&gt;, Undated, Bad date"));
  assert_non_null(strstr(out, "default-src 'none'"));
  free(m.buf);

  /* no dated source: no timeline */
  cr_html_index_source u[] = {{"Undated", NULL}};
  cr_html_index_story one[] = {{"Story", NULL, NULL, 1, u, 1}};
  mem_open(&m);
  assert_int_equal(cr_html_index_page(one, 1, m.f), 0);
  out = mem_done(&m);
  assert_null(strstr(out, "<svg"));
  assert_null(strstr(out, "id=\"timeline\""));
  free(m.buf);

  char name[32];
  cr_html_story_page_name(name, sizeof name, 42);
  assert_string_equal(name, "story-42.html");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_escape_markup),    cmocka_unit_test(test_escape_unicode),
      cmocka_unit_test(test_text_null_and_clip), cmocka_unit_test(test_url_filter),
      cmocka_unit_test(test_matrix_svg),       cmocka_unit_test(test_story_sections),
      cmocka_unit_test(test_iso_day),          cmocka_unit_test(test_index_page),
  };
  return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
