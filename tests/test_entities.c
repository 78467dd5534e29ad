/* test_entities.c — who a report's names, pronouns and institutions are:
 * pronoun speakers resolved to the person the text follows (never to a
 * name inside someone's quote), title-case headlines, acronyms and their
 * long forms, "X of Place", institutions speaking for their country in
 * the brief, and the numbers and dates the brief compares. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze_helpers.h"
#include "summarize/summarize.h"

/* The speaker of the attribution whose content holds `content`
 * ("(none)" when unresolved). */
static const char *speaker_of(const cr_corpus *c, const cr_doc *d, const char *content) {
  char b[256];
  for (size_t i = 0; i < d->nattrs; i++) {
    span_text(d, d->attrs[i].content, b, sizeof b);
    if (strstr(b, content)) {
      const char *s = cr_attr_speaker(c, d, &d->attrs[i]);
      return s ? s : "(none)";
    }
  }
  fail_msg("no attribution with content '%s'", content);
  return NULL;
}

/* The root entity whose canonical name or alias is exactly name. */
static const cr_entity *entity_named(const cr_corpus *c, const char *name) {
  for (uint32_t i = 0; i < c->ents.n; i++) {
    const cr_entity *e = &c->ents.v[i];
    if (!cr_entity_is_root(c->ents.v, i)) continue;
    if (!strcmp(e->name, name)) return e;
    for (size_t a = 0; a < e->aliases.n; a++)
      if (!strcmp(e->aliases.v[a], name)) return e;
  }
  return NULL;
}

/* ------------------------------------------------------------ pronouns */

/* "He" after a quote that names another leader continues the speaker,
 * not the leader named inside the quote. */
static void test_pronoun_skips_quoted_name(void **st) {
  (void)st;
  const char *t[1] = {
      "Prime Minister Anna Berg met allies on Monday.\n\n"
      "Secretary General Tomas Halvorsen said allies would \xe2\x80\x9c"
      "make sure that President Ivo Marek does not have his way.\xe2\x80\x9d "
      "He reiterated that the alliance was united.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  assert_string_equal(speaker_of(c, d, "that the alliance"), "Tomas Halvorsen");
  cr_corpus_free(c);
}

/* A name in the speaker's relative clause ("who is close to X") is not
 * the speaker, and the next "he said" goes to the speaker. */
static void test_pronoun_skips_relative_clause(void **st) {
  (void)st;
  const char *t[1] = {
      "Prime Minister Karl Vossberg, who is close to President Ivo Marek, "
      "called the plan dangerous on Friday. He said talks should start soon.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  assert_string_equal(speaker_of(c, d, "the plan"), "Karl Vossberg");
  assert_string_equal(speaker_of(c, d, "talks should"), "Karl Vossberg");
  cr_corpus_free(c);
}

/* "She" never goes to a man the report titles "Mr."; and a pronoun with
 * two people of equal standing before it stays unresolved. */
static void test_pronoun_gender_and_ambiguity(void **st) {
  (void)st;
  const char *t[1] = {
      "Mrs. Lena Okafor met Mr. Daniel Ruiz on Tuesday.\n\n"
      "Mr. Ruiz said the deal was close. She said it was not.\n\n"
      "Paula Grant and Omar Haddad met in the capital. He said nothing new had been agreed.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  assert_string_equal(speaker_of(c, d, "the deal"), "Daniel Ruiz");
  assert_string_equal(speaker_of(c, d, "it was not"), "Lena Okafor");
  assert_string_equal(speaker_of(c, d, "nothing new"), "(none)");
  cr_corpus_free(c);
}

/* Of two people in the sentence before, the one in subject position. */
static void test_pronoun_subject(void **st) {
  (void)st;
  const char *t[1] = {
      "On Thursday, Ellen Park criticised Martin Cole over the budget. "
      "\xe2\x80\x9cIt is a mistake,\xe2\x80\x9d she said.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  assert_string_equal(speaker_of(c, d, "It is a mistake"), "Ellen Park");
  cr_corpus_free(c);
}

/* A role phrase resolves to the one titled person it fits, possessive
 * role word included ("the Ukrainian leader's comments"); a qualifier no
 * titled person carries resolves to no one. */
static void test_role_phrases(void **st) {
  (void)st;
  const char *t[1] = {
      "Ukrainian President Olena Dovzhenko met NATO Secretary General Piet Vermeer. "
      "The Ukrainian leader\xe2\x80\x99s comments came late. Vermeer spoke first. "
      "Russia's president stayed silent.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  char b[64];
  int leader = 0, russia = 0;
  for (size_t i = 0; i < d->nments; i++) {
    if (d->ments[i].via != CR_VIA_ROLE) continue;
    span_text(d, d->ments[i].span, b, sizeof b);
    if (!strcmp(b, "The Ukrainian leader")) {
      leader = 1;
      assert_string_equal(c->ents.v[d->ments[i].entity].name, "Olena Dovzhenko");
    }
    if (strstr(b, "president")) russia = 1;
  }
  assert_true(leader);
  assert_false(russia);
  cr_corpus_free(c);
}

/* ------------------------------------------------------------ names */

/* A title-case headline yields no people from its capitalised verbs and
 * nouns, only the names the body introduces. */
static void test_title_case_headline(void **st) {
  (void)st;
  const char *t[1] = {
      "Marek Claims Russia Plans to Deploy 10,000 North Korean Soldiers in Ukraine Conflict\n\n"
      "President Ivo Marek said on Thursday that soldiers were ready and the "
      "plans were made.\n"};
  cr_corpus *c = corpus_of(t, 1);
  assert_null(entity_named(c, "Claims Russia"));
  assert_null(entity_named(c, "North Korean Soldiers"));
  assert_null(entity_named(c, "Ukraine Conflict"));
  const cr_entity *m = entity_named(c, "Ivo Marek");
  assert_non_null(m);
  assert_int_equal(m->mentions, 2); /* the headline's surname counts */
  assert_non_null(entity_named(c, "Russia"));
  cr_corpus_free(c);
}

/* An acronym and the long form it abbreviates are one entity; a name
 * holding an acronym ("AP Photo") is not a long form. */
static void test_acronyms(void **st) {
  (void)st;
  const char *t[2] = {
      "The European Union pledged aid. The United States agreed. (AP Photo)\n",
      "EU leaders met. U.S. officials said the AP reported it.\n"};
  cr_corpus *c = corpus_of(t, 2);
  const cr_entity *eu = entity_named(c, "EU");
  assert_non_null(eu);
  assert_ptr_equal(eu, entity_named(c, "European Union"));
  assert_ptr_equal(entity_named(c, "U.S."), entity_named(c, "United States"));
  const cr_entity *ap = entity_named(c, "AP");
  assert_non_null(ap);
  assert_ptr_not_equal(ap, entity_named(c, "AP Photo"));
  cr_corpus_free(c);
}

/* Across reports: an epithet before a full name, a first name spelt
 * differently, a middle initial left out, a plural possessive; a
 * shorter name fitting two different fuller ones joins neither. */
static void test_person_variants(void **st) {
  (void)st;
  const char *t[4] = {
      "Bettie Mae Page died on Thursday. The pinup model was 85.\n",
      "The film The Notorious Bettie Page came out in 2005. Bettie Page and Betty Page "
      "are one woman.\n",
      "Brian G. Nichols was sentenced on Tuesday. Nichols' lawyers said he would appeal.\n",
      "Brian Nichols appeared in court. George H. Walker and George W. Walker met George "
      "Walker there. Dan Ortega and Don Ortega are brothers. Arcade Joseph Comeaux Jr. "
      "escaped, and officers said Comeaux was armed.\n"};
  cr_corpus *c = corpus_of(t, 4);
  /* a generational suffix is not the surname */
  const cr_entity *ac = entity_named(c, "Arcade Joseph Comeaux Jr.");
  assert_non_null(ac);
  assert_int_equal(ac->mentions, 2);
  for (size_t k = 0; k < ac->aliases.n; k++) assert_string_not_equal(ac->aliases.v[k], "Jr.");
  const cr_entity *p = entity_named(c, "Bettie Mae Page");
  assert_non_null(p);
  assert_ptr_equal(entity_named(c, "Notorious Bettie Page"), p);
  assert_ptr_equal(entity_named(c, "Betty Page"), p);
  const cr_entity *n = entity_named(c, "Brian G. Nichols");
  assert_non_null(n);
  assert_ptr_equal(entity_named(c, "Brian Nichols"), n);
  assert_null(entity_named(c, "Nichols'"));
  const cr_entity *g = entity_named(c, "George Walker");
  assert_non_null(g);
  assert_ptr_not_equal(g, entity_named(c, "George H. Walker"));
  assert_ptr_not_equal(g, entity_named(c, "George W. Walker"));
  assert_ptr_not_equal(entity_named(c, "George H. Walker"), entity_named(c, "George W. Walker"));
  assert_non_null(entity_named(c, "Dan Ortega"));
  assert_ptr_not_equal(entity_named(c, "Dan Ortega"), entity_named(c, "Don Ortega"));
  cr_corpus_free(c);
}

/* "Senator Jo Reyes of Ohio" is Jo Reyes; "Tennis great Billie Jean
 * King" keeps her surname although "King" is a title; "Former Democratic
 * candidate" makes no person of "Democratic"; "in Des Moines" is where. */
static void test_name_edges(void **st) {
  (void)st;
  const char *t[1] = {
      "Senator Jo Reyes of Ohio said the vote would be close.\n\n"
      "Tennis great Billie Jean King praised the players.\n\n"
      "Former Democratic candidate Sam Ortiz spoke in Des Moines on Monday.\n\n"
      "Mr. Geoff Garin said the economy mattered. For African-Americans, jobs "
      "matter more. He cited polling.\n\n"
      "Party leader Park Min Jun met officials on Friday. Park said talks would resume.\n\n"
      "Brianne Stone, 29, of Huntsville, worries about the climate.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  assert_string_equal(speaker_of(c, d, "the vote"), "Jo Reyes");
  const cr_entity *k = entity_named(c, "Billie Jean King");
  assert_non_null(k);
  assert_int_equal(k->type, CR_ENT_PERSON);
  const cr_entity *dem = entity_named(c, "Democratic");
  assert_true(!dem || dem->type != CR_ENT_PERSON);
  const cr_entity *dm = entity_named(c, "Des Moines");
  assert_true(!dm || dm->type != CR_ENT_PERSON);
  /* a hyphenated demonym is nobody, so "He cited" is the pollster */
  const cr_entity *aa = entity_named(c, "African-Americans");
  assert_true(!aa || aa->type != CR_ENT_PERSON);
  assert_string_equal(speaker_of(c, d, "polling"), "Geoff Garin");
  /* a family name written first, then alone */
  assert_string_equal(speaker_of(c, d, "talks would resume"), "Park Min Jun");
  /* ", of Huntsville" is where she is from */
  const cr_entity *hv = entity_named(c, "Huntsville");
  assert_true(!hv || hv->type != CR_ENT_PERSON);
  assert_non_null(entity_named(c, "Brianne Stone"));
  cr_corpus_free(c);
}

/* ------------------------------------------------------------ numbers, dates */

/* The counted noun past the names that qualify it, a duration's unit,
 * and no verb or "ago" in the noun. */
static void test_counted_nouns(void **st) {
  (void)st;
  const char *t[1] = {
      "Pyongyang sent 10,000 North Korean soldiers. All 27 EU leaders met, and 32 NATO "
      "members agreed. A third country entered the war, which began two-and-a-half "
      "years ago.\n"};
  cr_corpus *c = corpus_of(t, 1);
  const cr_doc *d = c->docs.v[0];
  char b[64];
  const cr_number *n = number_at(d, "10,000");
  assert_non_null(n);
  assert_string_equal(span_text(d, n->noun, b, sizeof b), "soldiers");
  assert_string_equal(span_text(d, number_at(d, "27")->noun, b, sizeof b), "leaders");
  assert_string_equal(span_text(d, number_at(d, "32")->noun, b, sizeof b), "members");
  assert_string_equal(span_text(d, number_at(d, "third")->noun, b, sizeof b), "country");
  n = number_at(d, "two-and-a-half");
  assert_non_null(n);
  assert_true(fabs(n->value - 2.5) < 1e-9);
  assert_non_null(n->unit);
  assert_string_equal(n->unit, "years");
  assert_string_equal(span_text(d, n->noun, b, sizeof b), "years");
  cr_corpus_free(c);
}

static const cr_date *date_text(const cr_doc *d, const char *text) {
  char b[64];
  for (size_t i = 0; i < d->ndates; i++)
    if (!strcmp(span_text(d, d->dates[i].span, b, sizeof b), text)) return &d->dates[i];
  return NULL;
}

static int ymd(const cr_date *x) { return x->year * 10000 + x->month * 100 + x->day; }

/* Months and years by the calendar, "next"/"last" weekdays, the future
 * tense, and a weekday that names the date after it. */
static void test_relative_dates(void **st) {
  (void)st;
  static const char *const j =
      "{\"id\":\"a\",\"date\":\"2024-12-31\",\"text\":\"The ministers will meet on "
      "Thursday. Talks ended last Thursday and resumed on Tuesday. Prices rose last month "
      "and last year. Next Monday is a holiday.\"}\n"
      "{\"id\":\"b\",\"date\":\"2024-03-31\",\"text\":\"Prices rose last month. The "
      "photo was taken on Thursday, October 17, 2024.\"}\n";
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_memory(c, "d.jsonl", j, strlen(j), CR_INPUT_JSONL), CR_OK);
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  assert_int_equal(c->docs.n, 2);
  const cr_doc *a = c->docs.v[0], *b = c->docs.v[1];
  const cr_date *x = date_text(a, "Thursday");
  assert_non_null(x);
  assert_int_equal(ymd(x), 20250102); /* "will meet": the coming Thursday */
  assert_non_null(x = date_text(a, "last Thursday"));
  assert_int_equal(ymd(x), 20241226);
  assert_non_null(x = date_text(a, "Tuesday"));
  assert_int_equal(ymd(x), 20241231);
  assert_non_null(x = date_text(a, "last month"));
  assert_int_equal(x->year * 100 + x->month, 202411);
  assert_non_null(x = date_text(a, "last year"));
  assert_int_equal(x->year, 2023); /* 2024 is a leap year: not 365 days back */
  assert_non_null(x = date_text(a, "Next Monday"));
  assert_int_equal(ymd(x), 20250106);
  assert_non_null(x = date_text(b, "last month"));
  assert_int_equal(x->year * 100 + x->month, 202402); /* not March 1 */
  /* the weekday before an explicit date is that date, not "last Thursday" */
  assert_null(date_text(b, "Thursday"));
  assert_non_null(x = date_text(b, "October 17, 2024"));
  assert_int_equal(ymd(x), 20241017);
  assert_int_equal(x->relative, 0);
  cr_corpus_free(c);
}

/* ------------------------------------------------------------ bad input */

/* Bad input through the whole who-said-what path (names, pronouns,
 * aliases, speakers): a 100 KB paragraph of names, pronouns, speech
 * verbs and quote marks without a full stop; a quote that never closes;
 * stray closing marks; a report in capitals.  Each must finish with sane
 * spans (the bounds: CR_PRONOUN_LOOKBACK, CR_HEADLINE_MAX_TOKS, the sorted
 * sweep of mark_mentions). */
static void test_bad_input_speakers(void **st) {
  (void)st;
  static const char *const words[] = {"President", "Ivo", "Marek", "said", "he", "told",
                                      "\xe2\x80\x9c", "Lena", "Okafor", "she", "and",
                                      "the", "Kremlin", "denied", "10,000", "troops",
                                      "\xe2\x80\x9d", "Mr.", "Ruiz", "Moscow"};
  size_t n = 100 * 1024;
  char *big = malloc(n + 1);
  assert_non_null(big);
  size_t o = 0;
  uint32_t r = 12345;
  while (o + 16 < n) {
    r = r * 1103515245u + 12345u;
    const char *w = words[(r >> 16) % (sizeof words / sizeof *words)];
    memcpy(big + o, w, strlen(w));
    o += strlen(w);
    big[o++] = ' ';
  }
  big[o] = 0;
  const char *t[4] = {
      big,
      "Marek said \xe2\x80\x9cthe quote never closes\n\nand runs on, he said, and on "
      "as she told Okafor \xe2\x80\x9c" "again\n",
      "\xe2\x80\x9d Stray closing marks \xe2\x80\x9d he said. \xe2\x80\x9d she said "
      "\xe2\x80\x9d.\n",
      "PRESIDENT IVO MAREK SAID THE KREMLIN DENIED IT. HE SAID MOSCOW LIED. SHE SAID "
      "NOTHING.\n"};
  cr_corpus *c = corpus_of(t, 4);
  for (size_t di = 0; di < c->docs.n; di++) {
    const cr_doc *d = c->docs.v[di];
    for (size_t i = 0; i < d->nments; i++) {
      assert_true(d->ments[i].span.end <= d->text_len);
      assert_true(d->ments[i].entity < c->ents.n);
    }
    for (size_t i = 0; i < d->nattrs; i++)
      if (d->attrs[i].mention != CR_NO_ID) assert_true(d->attrs[i].mention < d->nments);
  }
  cr_brief *b = NULL;
  assert_int_equal(cr_brief_new(c, NULL, &b), CR_OK);
  assert_non_null(b);
  cr_brief_free(b);
  cr_corpus_free(c);
  free(big);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pronoun_skips_quoted_name),
      cmocka_unit_test(test_pronoun_skips_relative_clause),
      cmocka_unit_test(test_pronoun_gender_and_ambiguity),
      cmocka_unit_test(test_pronoun_subject),
      cmocka_unit_test(test_role_phrases),
      cmocka_unit_test(test_title_case_headline),
      cmocka_unit_test(test_acronyms),
      cmocka_unit_test(test_name_edges),
      cmocka_unit_test(test_person_variants),
      cmocka_unit_test(test_counted_nouns),
      cmocka_unit_test(test_relative_dates),
      cmocka_unit_test(test_bad_input_speakers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
