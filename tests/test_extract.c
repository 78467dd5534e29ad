/* test_html.c — HTML pages: main-content extraction (chrome out, article
 * in, reading order), metadata, charsets, gzip, and every kind of bad
 * input (truncated, unclosed, 10,000-deep, 50 MB, not-gzip, bomb, empty,
 * unknown charset): a clear per-file message and no crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "clean/extract.h"
#include "core/corpus.h"
#include "ingest/ingest.h"

static int has_diag(const cr_corpus *c, const char *needle) {
  for (size_t i = 0; i < cr_corpus_diag_count(c); i++)
    if (strstr(cr_corpus_diag(c, i)->message, needle)) return 1;
  return 0;
}

static const cr_doc *add(cr_corpus *c, const char *name, const char *html) {
  cr_corpus_add_memory(c, name, html, strlen(html), CR_INPUT_AUTO);
  return cr_corpus_doc_count(c) ? cr_corpus_doc(c, cr_corpus_doc_count(c) - 1) : NULL;
}

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Leaders meet in Brussels | Example News</title>"
    "<meta property=\"og:site_name\" content=\"Example News\">"
    "<meta property=\"article:published_time\" content=\"2024-10-17T17:13:00Z\">"
    "<link rel=\"canonical\" href=\"https://example.org/a\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
    "{\"@type\":\"NewsArticle\",\"headline\":\"Leaders meet in Brussels\","
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Writer\"}]}]}</script>"
    "<style>p{color:red}</style></head><body>"
    "<header><nav class=\"main-nav\"><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav></header>"
    "<div class=\"cookie-banner\">We use cookies to improve your experience, accept them all.</div>"
    "<main><article><h1>Leaders meet in Brussels</h1>"
    "<p>BRUSSELS (AP) &ndash; Leaders of the union met on Thursday, officials said, to discuss "
    "aid for the coming winter, including air defence and energy.</p>"
    "<h2>The plan</h2>"
    "<p>The plan, which has five points, was presented to parliament on Wednesday, and "
    "allies were asked to support it in the weeks ahead.</p>"
    "<div class=\"share-tools\"><a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div>"
    "<p>Officials said a decision was not expected before the end of the year, however.</p>"
    "</article>"
    "<aside class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/b\">Another long "
    "story title about something else entirely</a></li></ul></aside>"
    "<section id=\"comments\"><p>Reader one: this is a comment, with an opinion, quite long "
    "indeed, and more words.</p></section></main>"
    "<footer><p>&copy; 2024 Example News. All rights reserved.</p></footer>"
    "<script>var x = '<p>not text</p>';</script></body></html>";

static void extracts_article_without_chrome(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = add(c, "page.html", page);
  assert_non_null(d);
  const char *t = d->text;
  assert_non_null(strstr(t, "BRUSSELS (AP) \xE2\x80\x93 Leaders of the union met"));
  assert_non_null(strstr(t, "The plan\n\nThe plan, which has five points"));
  assert_non_null(strstr(t, "not expected before the end of the year"));
  /* Reading order: the first paragraph comes before the heading. */
  assert_true(strstr(t, "Leaders of the union") < strstr(t, "The plan,"));
  static const char *const junk[] = {"Home", "cookies", "Share on X", "Another long",
                                     "comment", "All rights", "not text", "color:red"};
  for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
    if (strstr(t, junk[i])) fail_msg("chrome kept: %s\n%s", junk[i], t);
  /* The headline is metadata, not body. */
  assert_null(strstr(t, "Leaders meet in Brussels"));
  assert_string_equal(d->meta.title, "Leaders meet in Brussels");
  assert_string_equal(d->meta.byline, "Ann Writer");
  assert_string_equal(d->meta.outlet, "Example News");
  assert_string_equal(d->meta.url, "https://example.org/a");
  assert_string_equal(d->meta.language, "en");
  assert_string_equal(d->meta.date, "2024-10-17T17:13:00Z");
  assert_int_equal(d->meta.date_valid, 1);
  assert_string_equal(d->raw, page); /* the original bytes are kept */
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  assert_string_equal(d->meta.dateline, "BRUSSELS");
  assert_string_equal(d->meta.agency, "AP");
  assert_int_equal(cr_corpus_failed_inputs(c), 0);
  cr_corpus_free(c);
}

static void title_falls_back_to_stripped_title_tag(void **state) {
  (void)state;
  cr_extract x;
  const char *h = "<title>Storm hits the coast - Daily Example</title><body><p>Rain "
                  "fell all night along the coast, and roads were closed.</p>";
  assert_int_equal(cr_extract_html(h, strlen(h), 0, &x), 0);
  assert_string_equal(x.title, "Storm hits the coast");
  assert_string_equal(x.text.data, "Rain fell all night along the coast, and roads were closed.");
  cr_extract_free(&x);
}

static void json_ld_article_body_when_markup_is_thin(void **state) {
  (void)state;
  char body[4000] = "";
  for (int i = 0; i < 40; i++) strcat(body, "The council agreed new rules today. ");
  char h[6000];
  snprintf(h, sizeof h,
           "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"articleBody\":\"%s\"}"
           "</script><body><div id=\"app\"><a href=\"/\">Home</a></div></body>", body);
  cr_extract x;
  assert_int_equal(cr_extract_html(h, strlen(h), 0, &x), 0);
  assert_non_null(strstr(x.text.data, "The council agreed new rules today."));
  assert_string_equal(x.strategy, "JSON-LD articleBody");
  cr_extract_free(&x);
}

static void charsets(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  /* Declared windows-1252: curly quotes 0x93/0x94 and e-acute 0xE9. */
  const cr_doc *d = add(c, "w.html",
                        "<html><head><meta charset=\"windows-1252\"></head><body><p>\x93" "Caf\xE9 "
                        "talks,\x94 he said, were long and the outcome uncertain.</p></body></html>");
  assert_non_null(d);
  assert_non_null(strstr(d->text, "\xE2\x80\x9C" "Caf\xC3\xA9 talks,\xE2\x80\x9D"));
  /* Declared ISO-8859-1 is read as windows-1252 (WHATWG). */
  d = add(c, "l.html",
          "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
          "</head><body><p>Z\xFCrich \x96 a long sentence about the city and its banks.</p></body></html>");
  assert_non_null(strstr(d->text, "Z\xC3\xBCrich \xE2\x80\x93 a long"));
  /* Undeclared and not UTF-8: repaired as windows-1252, no U+FFFD. */
  d = add(c, "u.html", "<html><body><p>Mus\xE9" "e du Louvre reopened its doors on Monday morning.</p></body></html>");
  assert_non_null(strstr(d->text, "Mus\xC3\xA9" "e du Louvre"));
  assert_int_equal(d->invalid_bytes, 0);
  /* Declared UTF-8: kept as is. */
  d = add(c, "8.html", "<meta charset=utf-8><p>Kyiv \xE2\x80\x94 the capital, where officials spoke.</p>");
  assert_non_null(strstr(d->text, "Kyiv \xE2\x80\x94 the capital"));
  /* Unknown charset: a warning naming it, the page still read. */
  d = add(c, "x.html", "<meta charset=\"x-klingon-9\"><p>Officials met in Brussels on Thursday afternoon.</p>");
  assert_non_null(d);
  assert_non_null(strstr(d->text, "Officials met in Brussels"));
  assert_true(has_diag(c, "unknown character set \"x-klingon-9\""));
  assert_int_equal(cr_corpus_failed_inputs(c), 0);
  cr_corpus_free(c);
}

/* gzip-compresses src into a new heap buffer (*n its length). */
static char *gz(const char *src, size_t len, size_t *n) {
  z_stream z = {0};
  assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  size_t cap = deflateBound(&z, (uLong)len) + 64;
  char *out = malloc(cap);
  z.next_in = (Bytef *)(uintptr_t)src;
  z.avail_in = (uInt)len;
  z.next_out = (Bytef *)out;
  z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  *n = cap - z.avail_out;
  deflateEnd(&z);
  return out;
}

static void gzip_pages(void **state) {
  (void)state;
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_html_bytes = 1 << 20;
  cr_corpus *c = cr_corpus_new(&lim);
  size_t n;
  char *z = gz(page, strlen(page), &n);
  assert_int_equal(cr_corpus_add_memory(c, "p.html.gz", z, n, CR_INPUT_AUTO), CR_OK);
  assert_non_null(strstr(cr_corpus_doc(c, 0)->text, "Leaders of the union met"));
  /* Truncated gzip: a clear error. */
  assert_int_equal(cr_corpus_add_memory(c, "cut.html.gz", z, n / 2, CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_true(has_diag(c, "truncated gzip data"));
  /* Not gzip at all, though named .gz. */
  assert_int_equal(cr_corpus_add_memory(c, "fake.html.gz", page, strlen(page), CR_INPUT_AUTO),
                   CR_ERR_INPUT);
  assert_true(has_diag(c, "not gzip data"));
  /* Corrupt data after a gzip header. */
  char bad[64];
  memcpy(bad, z, 10);
  memset(bad + 10, 0xFF, sizeof bad - 10);
  assert_int_equal(cr_corpus_add_memory(c, "bad.html.gz", bad, sizeof bad, CR_INPUT_AUTO),
                   CR_ERR_INPUT);
  assert_true(has_diag(c, "corrupt gzip data"));
  free(z);
  /* A bomb: 8 MB of zeros compress to a few KB; decompression stops at
   * the limit with an error instead of filling memory. */
  size_t big = 8u << 20;
  char *zeros = calloc(1, big);
  z = gz(zeros, big, &n);
  free(zeros);
  assert_true(n < 64 * 1024);
  assert_int_equal(cr_corpus_add_memory(c, "bomb.html.gz", z, n, CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_true(has_diag(c, "max_html_bytes"));
  free(z);
  assert_int_equal(cr_corpus_doc_count(c), 1);
  assert_int_equal(cr_corpus_failed_inputs(c), 4);
  cr_corpus_free(c);
}

/* The ratio limit stops a bomb long before max_html_bytes, and lets a
 * page of ordinary text (a few times smaller compressed) through. */
static void gzip_ratio(void **state) {
  (void)state;
  cr_limits lim;
  cr_limits_default(&lim);
  lim.max_gzip_ratio = 100;
  cr_corpus *c = cr_corpus_new(&lim);
  size_t big = 4u << 20, n;
  char *zeros = calloc(1, big);
  char *z = gz(zeros, big, &n);
  assert_int_equal(cr_corpus_add_memory(c, "bomb.html.gz", z, n, CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_true(has_diag(c, "limit max_gzip_ratio"));
  free(z);
  /* 2 MB of varied words in paragraphs: compresses about 3x */
  char *text = zeros;
  size_t k = 0;
  unsigned r = 12345;
  k += (size_t)snprintf(text, big, "<html><body><article>");
  while (k < (2u << 20)) {
    k += (size_t)snprintf(text + k, big - k, "<p>");
    for (int w = 0; w < 40; w++) {
      int len = 2 + (int)((r = r * 1103515245u + 12345u) >> 16) % 8;
      for (int i = 0; i < len; i++)
        text[k++] = (char)('a' + ((r = r * 1103515245u + 12345u) >> 16) % 26);
      text[k++] = ' ';
    }
    k += (size_t)snprintf(text + k, big - k, ".</p>\n");
  }
  k += (size_t)snprintf(text + k, big - k, "</article></body></html>");
  z = gz(text, k, &n);
  assert_true(k / n < 10);
  assert_int_equal(cr_corpus_add_memory(c, "page.html.gz", z, n, CR_INPUT_AUTO), CR_OK);
  free(z);
  free(zeros);
  assert_int_equal(cr_corpus_failed_inputs(c), 1);
  cr_corpus_free(c);
}

static void broken_markup(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  /* Truncated mid-paragraph, mid-tag. */
  const cr_doc *d = add(c, "t.html",
                        "<html><body><div><p>The talks in Brussels lasted late into the night, "
                        "officials said, and resumed<span cla");
  assert_non_null(d);
  assert_non_null(strstr(d->text, "The talks in Brussels lasted"));
  /* Unclosed tags everywhere. */
  d = add(c, "u.html", "<div><p>First paragraph of the report, long enough to count as prose here."
                       "<p>Second paragraph <b>bold <i>italic, also long enough to be kept as text");
  assert_non_null(strstr(d->text, "Second paragraph bold italic"));
  /* No body text at all: an error naming the file. */
  assert_int_equal(cr_corpus_add_memory(c, "empty.html", "<html><head><title>x</title></head>"
                                        "<body><script>a()</script></body></html>", 73,
                                        CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_true(has_diag(c, "no article text found"));
  assert_int_equal(cr_corpus_failed_inputs(c), 1);
  cr_corpus_free(c);
}

static void deep_nesting(void **state) {
  (void)state;
  /* 10,000 nested divs around the article, then unclosed: every pass over
   * the tree is a loop, and gumbo's own tree is freed with its arena. */
  size_t depth = 10000;
  const char *p = "<p>The article sits at the bottom of a very deep tree, officials said.</p>";
  size_t n = depth * 5 + strlen(p) + 1;
  char *h = malloc(n);
  for (size_t i = 0; i < depth; i++) memcpy(h + i * 5, "<div>", 5);
  strcpy(h + depth * 5, p);
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = add(c, "deep.html", h);
  assert_non_null(d);
  assert_non_null(strstr(d->text, "The article sits at the bottom"));
  assert_true(has_diag(c, "limit max_html_depth"));
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  cr_corpus_free(c);
  free(h);
}

static void depth_cap_is_linear(void **state) {
  (void)state;
  /* 200,000 unclosed divs: quadratic in any HTML tree builder (minutes);
   * capped before parsing, so it is read at once with a warning.  Optional
   * end tags (a flat run of unclosed <p>) and comments/scripts holding
   * tags do not count as nesting. */
  size_t depth = 200000;
  const char *p = "<p>The text under two hundred thousand divs is still read, officials said.</p>";
  char *h = malloc(depth * 5 + strlen(p) + 1);
  for (size_t i = 0; i < depth; i++) memcpy(h + i * 5, "<div>", 5);
  strcpy(h + depth * 5, p);
  cr_buf out = CR_BUF_INIT;
  assert_int_equal(cr_html_cap_depth(h, strlen(h), 512, &out), 1);
  assert_non_null(strstr(out.data, "<p>The text under"));
  assert_int_equal(out.len, 512 * 5 + strlen(p));
  cr_buf_free(&out);
  free(h);
  const char *flat = "<p>a<p>b<p>c<li>d<li>e<!-- <div><div><div> --><script>'<div><div>'</script><div>x</div>";
  assert_int_equal(cr_html_cap_depth(flat, strlen(flat), 2, &out), 0);
  const char *deep3 = "<div><section><div><p>three</div></section></div><div>after</div>";
  assert_int_equal(cr_html_cap_depth(deep3, strlen(deep3), 2, &out), 1);
  assert_string_equal(cr_buf_cstr(&out), "<div><section><p>three</section></div><div>after</div>");
  cr_buf_free(&out);
}

static void huge_page_is_refused(void **state) {
  (void)state;
  /* 50 MB of HTML: over max_html_bytes, refused with an error before any
   * parsing, the next page still read. */
  size_t n = 50u << 20;
  char *h = malloc(n + 1);
  memcpy(h, "<html><body>", 12);
  memset(h + 12, 'a', n - 12);
  h[n] = 0;
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_memory(c, "huge.html", h, n, CR_INPUT_AUTO), CR_ERR_INPUT);
  assert_true(has_diag(c, "limit max_html_bytes"));
  free(h);
  assert_non_null(add(c, "next.html", page));
  assert_int_equal(cr_corpus_doc_count(c), 1);
  cr_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(extracts_article_without_chrome),
      cmocka_unit_test(title_falls_back_to_stripped_title_tag),
      cmocka_unit_test(json_ld_article_body_when_markup_is_thin),
      cmocka_unit_test(charsets),
      cmocka_unit_test(gzip_pages),
      cmocka_unit_test(gzip_ratio),
      cmocka_unit_test(broken_markup),
      cmocka_unit_test(deep_nesting),
      cmocka_unit_test(depth_cap_is_linear),
      cmocka_unit_test(huge_page_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
