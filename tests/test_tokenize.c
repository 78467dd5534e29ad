/* test_tokenize.c — tokens of real news sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/strmap.h"
#include "text/text.h"

typedef struct toks {
  const char *text;
  cr_token_vec v;
} toks;

static void tok(toks *t, const char *s) {
  t->text = s;
  t->v.n = 0;
  cr_span r = {0, (uint32_t)strlen(s)};
  assert_int_equal(cr_tokenize(s, r, &t->v), 0);
}

/* Asserts token i has text want and kind k. */
static void is(const toks *t, size_t i, const char *want, int k) {
  assert_true(i < t->v.n);
  const cr_token *x = &t->v.v[i];
  size_t n = x->span.end - x->span.start;
  if (n != strlen(want) || memcmp(t->text + x->span.start, want, n))
    fail_msg("token %zu is '%.*s', want '%s'", i, (int)n, t->text + x->span.start, want);
  assert_int_equal(x->kind, k);
  assert_int_equal(x->term, CR_NO_ID);
}

static void test_words(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "Zelenskyy’s allies’ summit; don't O'Brien well-known two-and-a-half Moscow-Pyongyang");
  is(&t, 0, "Zelenskyy’s", CR_TOK_WORD);
  is(&t, 1, "allies’", CR_TOK_WORD);
  is(&t, 2, "summit", CR_TOK_WORD);
  is(&t, 3, ";", CR_TOK_PUNCT);
  is(&t, 4, "don't", CR_TOK_WORD);
  is(&t, 5, "O'Brien", CR_TOK_WORD);
  is(&t, 6, "well-known", CR_TOK_WORD);
  is(&t, 7, "two-and-a-half", CR_TOK_WORD);
  is(&t, 8, "Moscow-Pyongyang", CR_TOK_WORD);
  assert_int_equal(t.v.n, 9);
  /* Unicode letters: Cyrillic and a decomposed accent stay one word. */
  tok(&t, "Київ Orba\xCC\x81n");
  is(&t, 0, "Київ", CR_TOK_WORD);
  is(&t, 1, "Orba\xCC\x81n", CR_TOK_WORD);
  assert_true(t.v.v[0].flags & CR_TF_CAP);
  cr_vec_free(&t.v);
}

static void test_numbers(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "10,000 troops, 1.28 million, up to €35 billion of a $50 billion plan, £3, "
          "the 33rd member, 1st, the 1990s, 1,000,000 and 5% in 2024.");
  is(&t, 0, "10,000", CR_TOK_NUMBER);
  is(&t, 1, "troops", CR_TOK_WORD);
  is(&t, 2, ",", CR_TOK_PUNCT);
  is(&t, 3, "1.28", CR_TOK_NUMBER);
  is(&t, 8, "€35", CR_TOK_NUMBER);
  is(&t, 12, "$50", CR_TOK_NUMBER);
  is(&t, 16, "£3", CR_TOK_NUMBER);
  is(&t, 17, ",", CR_TOK_PUNCT);
  is(&t, 19, "33rd", CR_TOK_NUMBER);
  is(&t, 22, "1st", CR_TOK_NUMBER);
  is(&t, 25, "1990s", CR_TOK_NUMBER);
  is(&t, 27, "1,000,000", CR_TOK_NUMBER);
  is(&t, 29, "5", CR_TOK_NUMBER);
  is(&t, 30, "%", CR_TOK_SYMBOL);
  is(&t, 32, "2024", CR_TOK_NUMBER);
  is(&t, 33, ".", CR_TOK_PUNCT);
  cr_vec_free(&t.v);
}

static void test_abbrevs(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "U.S. Deputy Secretary of State Kurt Campbell said Sen. Ron Wyden, D-Oregon, "
          "met Gen. Smith and Mr. Jones on Oct. 17 at 5 p.m., e.g. George W. Bush.");
  is(&t, 0, "U.S.", CR_TOK_ABBREV);
  assert_true(t.v.v[0].flags & CR_TF_UPPER);
  is(&t, 1, "Deputy", CR_TOK_WORD);
  assert_true(t.v.v[1].flags & CR_TF_CAP);
  assert_false(t.v.v[1].flags & CR_TF_UPPER);
  is(&t, 7, "said", CR_TOK_WORD);
  is(&t, 8, "Sen.", CR_TOK_ABBREV);
  is(&t, 11, ",", CR_TOK_PUNCT);
  is(&t, 12, "D-Oregon", CR_TOK_WORD);
  is(&t, 15, "Gen.", CR_TOK_ABBREV);
  is(&t, 18, "Mr.", CR_TOK_ABBREV);
  is(&t, 21, "Oct.", CR_TOK_ABBREV);
  is(&t, 22, "17", CR_TOK_NUMBER);
  is(&t, 25, "p.m.", CR_TOK_ABBREV);
  is(&t, 27, "e.g.", CR_TOK_ABBREV);
  is(&t, 29, "W.", CR_TOK_ABBREV);
  is(&t, 30, "Bush", CR_TOK_WORD);
  is(&t, 31, ".", CR_TOK_PUNCT);
  /* "no." at a sentence end keeps its full stop; "No. 5" is a title. */
  tok(&t, "He said no. No. 5 won.");
  is(&t, 2, "no", CR_TOK_WORD);
  is(&t, 3, ".", CR_TOK_PUNCT);
  is(&t, 4, "No.", CR_TOK_ABBREV);
  cr_vec_free(&t.v);
}

static void test_urls_email(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "Follow at https://apnews.com/hub/russia-ukraine. Write to tips@reuters.com, "
          "(see www.nato.int/cps/en) or http://x.org/a_(b).");
  is(&t, 2, "https://apnews.com/hub/russia-ukraine", CR_TOK_URL);
  is(&t, 3, ".", CR_TOK_PUNCT);
  is(&t, 6, "tips@reuters.com", CR_TOK_EMAIL);
  is(&t, 7, ",", CR_TOK_PUNCT);
  is(&t, 10, "www.nato.int/cps/en", CR_TOK_URL);
  is(&t, 11, ")", CR_TOK_PUNCT);
  is(&t, 13, "http://x.org/a_(b)", CR_TOK_URL);
  is(&t, 14, ".", CR_TOK_PUNCT);
  tok(&t, "john.doe@ap.org not@home");
  is(&t, 0, "john.doe@ap.org", CR_TOK_EMAIL);
  is(&t, 1, "not", CR_TOK_WORD);
  cr_vec_free(&t.v);
}

static void test_quotes(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "“We know,” he said, calling it a \"first step.\" She said ‘no’ -- fine");
  is(&t, 0, "“", CR_TOK_QUOTE);
  assert_int_equal(t.v.v[0].flags & (CR_TF_OPEN | CR_TF_CLOSE), CR_TF_OPEN);
  is(&t, 3, ",", CR_TOK_PUNCT);
  is(&t, 4, "”", CR_TOK_QUOTE);
  assert_int_equal(t.v.v[4].flags & (CR_TF_OPEN | CR_TF_CLOSE), CR_TF_CLOSE);
  is(&t, 11, "\"", CR_TOK_QUOTE);
  assert_true(t.v.v[11].flags & CR_TF_OPEN);
  is(&t, 14, ".", CR_TOK_PUNCT);
  is(&t, 15, "\"", CR_TOK_QUOTE);
  assert_true(t.v.v[15].flags & CR_TF_CLOSE);
  is(&t, 18, "‘", CR_TOK_QUOTE);
  assert_true(t.v.v[18].flags & CR_TF_OPEN);
  is(&t, 19, "no", CR_TOK_WORD);
  is(&t, 20, "’", CR_TOK_QUOTE);
  assert_true(t.v.v[20].flags & CR_TF_CLOSE);
  is(&t, 21, "--", CR_TOK_DASH);
  /* Straight quotes around a word, with a closing one after punctuation. */
  tok(&t, "as \"one more fake.\"");
  assert_true(t.v.v[1].flags & CR_TF_OPEN);
  assert_true(t.v.v[6].flags & CR_TF_CLOSE);
  cr_vec_free(&t.v);
}

static void test_dashes_ellipsis(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "BRUSSELS (AP) – in many ways — by weapon - yes... so … well. . . end");
  is(&t, 0, "BRUSSELS", CR_TOK_WORD);
  assert_true(t.v.v[0].flags & CR_TF_UPPER);
  is(&t, 1, "(", CR_TOK_PUNCT);
  is(&t, 2, "AP", CR_TOK_WORD);
  is(&t, 4, "–", CR_TOK_DASH);
  is(&t, 8, "—", CR_TOK_DASH);
  is(&t, 11, "-", CR_TOK_DASH);
  is(&t, 13, "...", CR_TOK_ELLIPSIS);
  is(&t, 15, "…", CR_TOK_ELLIPSIS);
  is(&t, 17, ". . .", CR_TOK_ELLIPSIS);
  is(&t, 18, "end", CR_TOK_WORD);
  cr_vec_free(&t.v);
}

static void test_flags_spaces(void **st) {
  (void)st;
  toks t = {0};
  /* NBSP and a line break separate words; offsets respect the range. */
  const char *s = "xx NATO\xC2\xA0" "chief\nsaid,ok";
  t.text = s;
  cr_span r = {3, (uint32_t)strlen(s)};
  assert_int_equal(cr_tokenize(s, r, &t.v), 0);
  is(&t, 0, "NATO", CR_TOK_WORD);
  assert_true(t.v.v[0].flags & CR_TF_SPACE_BEFORE);
  assert_true(t.v.v[0].flags & CR_TF_UPPER);
  is(&t, 1, "chief", CR_TOK_WORD);
  assert_true(t.v.v[1].flags & CR_TF_SPACE_BEFORE);
  assert_false(t.v.v[1].flags & (CR_TF_CAP | CR_TF_NEWLINE_BEFORE));
  is(&t, 2, "said", CR_TOK_WORD);
  assert_true(t.v.v[2].flags & CR_TF_NEWLINE_BEFORE);
  is(&t, 3, ",", CR_TOK_PUNCT);
  assert_false(t.v.v[3].flags & CR_TF_SPACE_BEFORE);
  assert_int_equal(t.v.n, 5);
  cr_vec_free(&t.v);
}

static void test_invalid_bytes(void **st) {
  (void)st;
  toks t = {0};
  const char s[] = "ab\xFF\xC0\x80 c\xED\xA0\x80" "d \xE2\x82";
  t.text = s;
  cr_span r = {0, sizeof s - 1};
  assert_int_equal(cr_tokenize(s, r, &t.v), 0);
  /* Tokens tile without overlap and never run past the range. */
  uint32_t last = 0;
  for (size_t i = 0; i < t.v.n; i++) {
    assert_true(t.v.v[i].span.start >= last);
    assert_true(t.v.v[i].span.end > t.v.v[i].span.start);
    last = t.v.v[i].span.end;
  }
  assert_true(last <= r.end);
  is(&t, 0, "ab", CR_TOK_WORD);
  is(&t, 1, "\xFF", CR_TOK_SYMBOL);
  cr_vec_free(&t.v);
}

static void test_appends(void **st) {
  (void)st;
  toks t = {0};
  tok(&t, "one two");
  assert_int_equal(cr_tokenize("three", (cr_span){0, 5}, &t.v), 0);
  assert_int_equal(t.v.n, 3);
  assert_int_equal(t.v.v[2].span.start, 0); /* spans are into the new text */
  assert_int_equal(t.v.v[2].span.end, 5);
  cr_vec_free(&t.v);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_words),         cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_abbrevs),       cmocka_unit_test(test_urls_email),
      cmocka_unit_test(test_quotes),        cmocka_unit_test(test_dashes_ellipsis),
      cmocka_unit_test(test_flags_spaces),  cmocka_unit_test(test_invalid_bytes),
      cmocka_unit_test(test_appends)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
