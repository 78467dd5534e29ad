/* test_sentences.c — splitting whole paragraphs from the example reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/text.h"

typedef struct split {
  const char *text;
  cr_token_vec toks;
  cr_sentence_vec s;
} split;

static size_t run(split *x, const char *text, uint32_t base, uint32_t para) {
  x->text = text;
  x->toks.n = x->s.n = 0;
  assert_int_equal(cr_tokenize(text, (cr_span){0, (uint32_t)strlen(text)}, &x->toks), 0);
  assert_int_equal(cr_split_sentences(text, x->toks.v, x->toks.n, base, para, &x->s), 0);
  return x->s.n;
}

/* Asserts sentence i starts with head and ends with tail. */
static void sent(const split *x, size_t i, const char *head, const char *tail) {
  assert_true(i < x->s.n);
  const cr_sentence *s = &x->s.v[i];
  const char *p = x->text + s->span.start;
  size_t n = s->span.end - s->span.start, hn = strlen(head), tn = strlen(tail);
  if (n < hn || n < tn || memcmp(p, head, hn) || memcmp(p + n - tn, tail, tn))
    fail_msg("sentence %zu is '%.*s'", i, (int)n, p);
}

static void free_split(split *x) {
  cr_vec_free(&x->toks);
  cr_vec_free(&x->s);
}

static void test_dateline(void **st) {
  (void)st;
  split x = {0};
  const char *p =
      "BRUSSELS (AP) – Ukrainian President Volodymyr Zelenskiy said Thursday that his "
      "government has intelligence that 10,000 troops from North Korea are ready to join "
      "Russian forces fighting the country. He warned that the conflict would turn into a "
      "“conflict” if a third country entered into hostilities.";
  assert_int_equal(run(&x, p, 0, 0), 2);
  sent(&x, 0, "BRUSSELS (AP) – Ukrainian", "fighting the country.");
  sent(&x, 1, "He warned", "hostilities.");
  assert_int_equal(run(&x, "KYIV, Ukraine (Reuters) — The talks ended. Both sides left.", 0, 0), 2);
  sent(&x, 0, "KYIV, Ukraine (Reuters) — The", "ended.");
  assert_int_equal(run(&x, "ST. LOUIS (AP) — A storm hit the city.", 0, 0), 1);
  free_split(&x);
}

static void test_quote_then_attribution(void **st) {
  (void)st;
  split x = {0};
  const char *p =
      "“We know about 10,000 soldiers of North Korea, that they are preparing to send to "
      "fight against us,” Zelensky told reporters in Brussels on Thursday. Ukraine officials "
      "have for weeks said that North Korean soldiers were fighting in Ukraine, without "
      "providing evidence.";
  assert_int_equal(run(&x, p, 100, 7), 2);
  sent(&x, 0, "“We know", "on Thursday.");
  sent(&x, 1, "Ukraine officials", "evidence.");
  /* Token indexes are based at tok_base and tile the paragraph. */
  assert_int_equal(x.s.v[0].tok_begin, 100);
  assert_int_equal(x.s.v[0].tok_end, x.s.v[1].tok_begin);
  assert_int_equal(x.s.v[1].tok_end, 100 + x.toks.n);
  assert_int_equal(x.s.v[1].para, 7);
  free_split(&x);
}

static void test_no_split_inside_quote(void **st) {
  (void)st;
  split x = {0};
  const char *p =
      "\"We have information from our intelligence that ... some officers of the North "
      "Korean army are already on Ukrainian territory temporarily occupied by the Russian "
      "enemies. So they joined the Russian army,\" Zelenskyy told a press conference in "
      "Brussels.";
  assert_int_equal(run(&x, p, 0, 0), 1);
  sent(&x, 0, "\"We have", "in Brussels.");
  free_split(&x);
}

static void test_closing_quote_belongs(void **st) {
  (void)st;
  split x = {0};
  const char *p =
      "“We have received information from our intelligence that North Korea has sent "
      "tactical personnel and officers to Ukraine,” Zelensky told reporters at NATO "
      "headquarters. “They have prepared 10,000 soldiers on their own soil, but they have "
      "not yet transferred them to Ukraine or Russia.” He left.";
  assert_int_equal(run(&x, p, 0, 0), 3);
  sent(&x, 0, "“We have received", "headquarters.");
  sent(&x, 1, "“They have", "or Russia.”");
  sent(&x, 2, "He left.", "He left.");
  /* …war,” he said. stays one sentence. */
  assert_int_equal(run(&x, "It is “the first step towards a world war,” he said.", 0, 0), 1);
  free_split(&x);
}

static void test_abbreviations(void **st) {
  (void)st;
  split x = {0};
  const char *p =
      "U.S. Deputy Secretary of State Kurt Campbell said on Oct. 17 that Sen. Ron Wyden, "
      "D-Oregon, met former President George W. Bush at 5 p.m. on Thursday. The aid fell "
      "1.5 percent.";
  assert_int_equal(run(&x, p, 0, 0), 2);
  sent(&x, 0, "U.S. Deputy", "on Thursday.");
  sent(&x, 1, "The aid", "percent.");
  /* Sentence-final U.S. before a typical opener ends the sentence. */
  assert_int_equal(run(&x, "Troops were sent to the U.S. The move angered Moscow.", 0, 0), 2);
  sent(&x, 0, "Troops", "the U.S.");
  /* A title never does, whatever follows. */
  assert_int_equal(run(&x, "It was signed by Gen. The Rock.", 0, 0), 1);
  free_split(&x);
}

static void test_ellipsis_and_case(void **st) {
  (void)st;
  split x = {0};
  assert_int_equal(run(&x, "We waited … and waited. Then … Nothing came.", 0, 0), 3);
  sent(&x, 0, "We waited", "waited.");
  sent(&x, 1, "Then …", "Then …");
  /* A lowercase word after a period is no sentence start. */
  assert_int_equal(run(&x, "He said it was 5 a.m. when troops arrived.", 0, 0), 1);
  assert_int_equal(run(&x, "Is it war? Yes! 2024 was worse.", 0, 0), 3);
  free_split(&x);
}

static void test_no_final_punct(void **st) {
  (void)st;
  split x = {0};
  assert_int_equal(run(&x, "Read More: Inside Ukraine’s Effort to Win Over Donald Trump", 0, 0), 1);
  sent(&x, 0, "Read More", "Donald Trump");
  assert_int_equal(run(&x, "   ", 0, 0), 0);
  /* Trimmed: spans start and end on tokens, not spaces. */
  assert_int_equal(run(&x, "  He left.  ", 0, 0), 1);
  assert_int_equal(x.s.v[0].span.start, 2);
  assert_int_equal(x.s.v[0].span.end, 10);
  free_split(&x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dateline),           cmocka_unit_test(test_quote_then_attribution),
      cmocka_unit_test(test_no_split_inside_quote), cmocka_unit_test(test_closing_quote_belongs),
      cmocka_unit_test(test_abbreviations),      cmocka_unit_test(test_ellipsis_and_case),
      cmocka_unit_test(test_no_final_punct)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
