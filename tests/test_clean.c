/* test_clean.c — paragraphs of scraped plain text: title line, header
 * lines, captions, repeats and site chrome set aside with a reason,
 * and no body text lost. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/corpus.h"

static const cr_doc *load(cr_corpus *c, const char *text) {
  assert_int_equal(cr_corpus_add_memory(c, "t.txt", text, strlen(text), CR_INPUT_TEXT), CR_OK);
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  return cr_corpus_doc(c, cr_corpus_doc_count(c) - 1);
}

static int kind_of(const cr_doc *d, const char *start) {
  size_t n = strlen(start);
  for (size_t i = 0; i < d->nparas; i++)
    if (d->paras[i].span.end - d->paras[i].span.start >= n &&
        memcmp(d->text + d->paras[i].span.start, start, n) == 0)
      return d->paras[i].kind;
  return -1;
}

static void scraped_header_and_footer(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = load(c,
      "1.7 C\nGlasgow\nSaturday, November 23, 2024\n\n"
      "Zelensky Claims Russia Plans to Deploy 10,000 North Korean Soldiers\n\n"
      "NewsZelensky Claims Russia Plans to Deploy 10,000 North Korean Soldiers\n\n"
      "Ukrainian President Volodymyr Zelensky announced on Thursday that Russia "
      "is preparing to deploy 10,000 North Korean soldiers.\n\n"
      "Check out our other content\n\nCheck out other tags:\n\nMost Popular Articles\n");
  assert_string_equal(d->meta.title,
                      "Zelensky Claims Russia Plans to Deploy 10,000 North Korean Soldiers");
  assert_int_equal(kind_of(d, "1.7 C"), CR_PARA_META);
  assert_int_equal(kind_of(d, "Glasgow"), CR_PARA_META);
  assert_int_equal(kind_of(d, "Saturday, November"), CR_PARA_META);
  assert_int_equal(kind_of(d, "NewsZelensky"), CR_PARA_BOILERPLATE);
  assert_int_equal(kind_of(d, "Ukrainian President"), CR_PARA_BODY);
  assert_int_equal(kind_of(d, "Check out our"), CR_PARA_BOILERPLATE);
  assert_int_equal(kind_of(d, "Most Popular"), CR_PARA_BOILERPLATE);
  assert_int_equal(d->nparas, 9);
  cr_corpus_free(c);
}

static void captions_and_repeats(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const char *cap =
      "NATO Secretary-General Mark Rutte speaks during the NATO-Ukraine Council "
      "at NATO Headquarters in Brussels, Thursday, October 17, 2024. (Olivier "
      "Matisse, pool photo, via AP)\n";
  char text[2048];
  snprintf(text, sizeof text,
           "BRUSSELS (AP) – The president said Thursday that 10,000 troops are "
           "ready.\n%s%s%sThe talks went on.\n___\nFor more AP coverage, "
           "see the hub. All rights reserved.\n", cap, cap, cap);
  const cr_doc *d = load(c, text);
  /* No title line here: the first line is a dateline sentence. */
  assert_null(d->meta.title);
  assert_int_equal(kind_of(d, "BRUSSELS (AP)"), CR_PARA_BODY);
  int captions = 0, repeats = 0;
  for (size_t i = 0; i < d->nparas; i++) {
    captions += d->paras[i].kind == CR_PARA_CAPTION;
    repeats += d->paras[i].reason && strcmp(d->paras[i].reason, "repeated line") == 0;
  }
  assert_int_equal(captions, 1);
  assert_int_equal(repeats, 2);
  assert_int_equal(kind_of(d, "___"), CR_PARA_BOILERPLATE);
  assert_int_equal(kind_of(d, "The talks went on."), CR_PARA_BODY);
  /* Body words only: captions and chrome are not counted. */
  assert_true(d->words >= 14 && d->words <= 20);
  cr_corpus_free(c);
}

static void body_mentioning_chrome_words_is_kept(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = load(c,
      "Top officials said on Monday that the newsletter scandal, which the "
      "paper first reported in its weekly newsletter to readers across the "
      "region last spring, had cost the minister his job.\n");
  assert_int_equal(d->nparas, 1);
  assert_int_equal(d->paras[0].kind, CR_PARA_BODY);
  cr_corpus_free(c);
}

/* A hard-wrapped paragraph is one paragraph: its lines are not judged
 * alone (a line with a chrome word, a short last line after a wrapped
 * copyright notice, a first line that looks like a headline). */
static void wrapped_lines_are_one_paragraph(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = load(c,
      "Advertisement\n\n"
      "Regulators Fine Three Banks Over Misleading Savings Rates For\n"
      "Young Savers.\n\n"
      "The regulator said on Tuesday that the banks sent a newsletter\n"
      "to account holders promising rates that were never paid, and\n"
      "that customers lost more than two million pounds in interest\n"
      "over the years.\n\n"
      "The banks said they would repay every affected customer within\n"
      "three months, and that the mistake came from a software fault\n"
      "they had since fixed.\n\n"
      "Copyright 2016 The Example Press. All rights reserved. This\n"
      "material may not be published, broadcast, rewritten or\n"
      "redistributed.\n");
  assert_int_equal(kind_of(d, "Advertisement"), CR_PARA_BOILERPLATE);
  assert_int_equal(kind_of(d, "Regulators Fine"), CR_PARA_BODY);
  assert_int_equal(kind_of(d, "The regulator said"), CR_PARA_BODY);
  assert_int_equal(kind_of(d, "The banks said"), CR_PARA_BODY);
  assert_int_equal(kind_of(d, "Copyright 2016"), CR_PARA_BOILERPLATE);
  /* the wrapped lines joined: 3 paragraphs of prose, 2 of chrome */
  assert_int_equal(d->nparas, 5);
  assert_int_equal(kind_of(d, "over the years."), -1);
  assert_null(d->meta.title);
  cr_corpus_free(c);
}

/* Lines of one-line paragraphs are not joined, however short. */
static void short_lines_are_not_unwrapped(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = load(c,
      "Bank Fined Over Savings Rates\n"
      "The regulator fined the bank on Tuesday for misleading savers.\n"
      "The bank said it would repay every affected customer.\n"
      "It said a software fault caused the mistake last year.\n"
      "Sign up for our newsletter\n");
  assert_int_equal(d->nparas, 5);
  assert_string_equal(d->meta.title, "Bank Fined Over Savings Rates");
  assert_int_equal(kind_of(d, "Sign up"), CR_PARA_BOILERPLATE);
  cr_corpus_free(c);
}

/* A whole sentence ends the title search: a later line ending with "!"
 * is a quote in the body, not the headline. */
static void prose_ends_the_title_search(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const cr_doc *d = load(c,
      "www.example.com/news/host-named\n"
      "8:13 AM PDT 8/2/2013\n"
      "She will make her second appearance as host on the March 2 broadcast of the show.\n"
      "The host announced the news on Friday morning, writing: \"It's official, I am back!\"\n"
      "The academy said the choice signals a different tone for the show this year.\n");
  assert_null(d->meta.title);
  assert_int_equal(kind_of(d, "The host announced"), CR_PARA_BODY);
  cr_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(scraped_header_and_footer),
      cmocka_unit_test(captions_and_repeats),
      cmocka_unit_test(body_mentioning_chrome_words_is_kept),
      cmocka_unit_test(wrapped_lines_are_one_paragraph),
      cmocka_unit_test(short_lines_are_not_unwrapped),
      cmocka_unit_test(prose_ends_the_title_search),
  };
  return cmocka_run_group_tests_name("clean", tests, NULL, NULL);
}
