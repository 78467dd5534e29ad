/* test_align.c — fact alignment, discrepancies, source flags and stance:
 * structural checks on the bundled example and unit checks on small real
 * sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/align.h"
#include "core/corpus.h"

#define EXAMPLE "examples/brussels-2024-10-17"

static cr_corpus *load_example(void) {
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_path(c, EXAMPLE, CR_INPUT_AUTO), CR_OK);
  assert_int_equal(cr_corpus_doc_count(c), 5);
  return c;
}

static cr_corpus *corpus_of(const char *const *texts, size_t n) {
  cr_corpus *c = cr_corpus_new(NULL);
  for (size_t i = 0; i < n; i++) {
    char name[32];
    snprintf(name, sizeof name, "s%zu.txt", i);
    assert_int_equal(cr_corpus_add_memory(c, name, texts[i], strlen(texts[i]), CR_INPUT_TEXT),
                     CR_OK);
  }
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  return c;
}

/* The text of a unit's sentence contains needle. */
static int unit_has(const cr_alignment *al, uint32_t unit, const char *needle) {
  const cr_unit *u = &al->units[unit];
  const cr_doc *d = al->corpus->docs.v[u->doc];
  cr_span s = d->sents[u->sent].span;
  size_t n = strlen(needle);
  for (uint32_t i = s.start; i + n <= s.end; i++)
    if (!memcmp(d->text + i, needle, n)) return 1;
  return 0;
}

/* The central claim is one fact carried by all five reports, though they
 * word it differently (troops / soldiers, send / deploy / join). */
static void example_troops_fact_in_all_sources(void **state) {
  (void)state;
  cr_corpus *c = load_example();
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  assert_true(al->nfacts > 0);
  const cr_fact *f = &al->facts[0]; /* most sources first */
  assert_int_equal(f->nsources, 5);
  int troops = 0;
  for (uint32_t k = 0; k < f->nunits; k++) troops += unit_has(al, f->units[k], "10,000");
  assert_true(troops >= 3);
  /* facts are sorted by sources */
  for (size_t i = 1; i < al->nfacts; i++)
    assert_true(al->facts[i - 1].nsources >= al->facts[i].nsources);
  /* Rutte's "no evidence" is a fact of several sources */
  int rutte = 0;
  for (size_t i = 0; i < al->nfacts && al->facts[i].nsources >= 3; i++)
    rutte |= unit_has(al, al->facts[i].rep, "no evidence");
  assert_true(rutte);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* The Orbán quote rendered two ways is reported as one quote in two
 * translations, with the source behind each wording. */
static void example_quote_renderings(void **state) {
  (void)state;
  cr_corpus *c = load_example();
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  int found = 0;
  for (size_t i = 0; i < al->ndiscs; i++) {
    const cr_discrepancy *d = &al->discs[i];
    if (d->kind != CR_DISC_QUOTE || d->nvalues != 2) continue;
    int a = -1, b = -1;
    for (uint32_t v = 0; v < 2; v++) {
      if (!strcmp(d->values[v].value, "more than horrifying")) a = (int)v;
      if (!strcmp(d->values[v].value, "beyond terrifying")) b = (int)v;
    }
    if (a < 0 || b < 0) continue;
    found = 1;
    assert_non_null(d->note);
    assert_int_equal(d->values[a].nsources, 1);
    assert_int_equal(d->values[b].nsources, 1);
    assert_int_not_equal(d->values[a].sources[0], d->values[b].sources[0]);
  }
  assert_true(found);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* The Rutte "no evidence" fact: its sources say there is no evidence;
 * the report that only has Rutte non-committal about NATO membership
 * (same speaker, same title, another matter) is not among them. */
static void example_denial_fact_keeps_its_content(void **state) {
  (void)state;
  cr_corpus *c = load_example();
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  int found = 0;
  for (size_t i = 0; i < al->nfacts; i++) {
    const cr_fact *f = &al->facts[i];
    if (!unit_has(al, f->rep, "no evidence")) continue;
    if (!unit_has(al, f->rep, "Rutte")) continue;
    found = 1;
    assert_true(f->nsources >= 3);
    for (uint32_t k = 0; k < f->nunits; k++) {
      assert_false(unit_has(al, f->units[k], "non-committal"));
      assert_false(unit_has(al, f->units[k], "joint press conference"));
    }
  }
  assert_true(found);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* Only the copy with the garbled machine translation is flagged. */
static void example_garbled_flag(void **state) {
  (void)state;
  cr_corpus *c = load_example();
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  size_t flagged = 0;
  for (size_t i = 0; i < c->docs.n; i++)
    if (al->flags[i].flags & CR_FLAG_GARBLED) {
      flagged++;
      assert_non_null(strstr(c->docs.v[i]->file, "000_"));
      assert_non_null(al->flags[i].garbled_why);
    }
  assert_int_equal(flagged, 1);
  for (size_t i = 0; i < c->docs.n; i++) assert_int_equal(al->flags[i].duplicate_of, -1);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* Paraphrases align, an unrelated sentence does not, and a different
 * figure for the same count is a discrepancy with its sources. */
static void number_discrepancy(void **state) {
  (void)state;
  static const char *const t[] = {
      ("Ukrainian President Volodymyr Zelensky said North Korea is preparing to send "
      "10,000 troops to help Russia's war on Ukraine.\n\nThe weather in Brussels was mild.\n"),
      ("Ukrainian President Volodymyr Zelenskiy said Thursday that 12,000 soldiers from North "
      "Korea are ready to join Russian forces.\n\nMarkets in Tokyo closed higher on Friday.\n"),
      ("Zelenskyy said North Korea was preparing 10,000 soldiers to join Russian forces in "
      "Ukraine.\n")};
  cr_corpus *c = corpus_of(t, 3);
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  assert_int_equal(al->facts[0].nsources, 3);
  for (size_t i = 1; i < al->nfacts; i++) assert_int_equal(al->facts[i].nsources, 1);
  int found = 0;
  for (size_t i = 0; i < al->ndiscs; i++) {
    const cr_discrepancy *d = &al->discs[i];
    if (d->kind != CR_DISC_NUMBER) continue;
    found = 1;
    assert_int_equal(d->nvalues, 2);
    for (uint32_t v = 0; v < 2; v++) {
      if (!strcmp(d->values[v].value, "12,000")) {
        assert_int_equal(d->values[v].nsources, 1);
        assert_int_equal(d->values[v].sources[0], 1);
      } else {
        assert_string_equal(d->values[v].value, "10,000");
        assert_int_equal(d->values[v].nsources, 2);
      }
    }
  }
  assert_true(found);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* The same figure in every source is no discrepancy. */
static void agreeing_numbers(void **state) {
  (void)state;
  static const char *const t[] = {
      ("North Korea maintains around 1.28 million active troops, according to South Korea's "
      "defense white paper.\n"),
      ("According to a South Korean defense white paper, North Korea maintains 1.28 million "
      "active soldiers.\n")};
  cr_corpus *c = corpus_of(t, 2);
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  assert_int_equal(al->facts[0].nsources, 2);
  assert_int_equal(al->ndiscs, 0);
  const cr_unit *u = &al->units[al->facts[0].rep];
  assert_int_equal(u->nnums, 1);
  assert_true(u->nums[0].value > 1279999 && u->nums[0].value < 1280001);
  cr_align_free(al);
  cr_corpus_free(c);
}

static void copy_is_flagged(void **state) {
  (void)state;
  static const char *const t[] = {
      ("Russia last week dismissed the reports of North Korean troop deployment as one more "
      "fake. The deployment, if confirmed, would mark a major step in Pyongyang's cooperation "
      "with Moscow after Russian President Vladimir Putin and North Korean leader Kim Jong Un "
      "agreed in June to provide immediate military assistance if one of them is attacked.\n"),
      ("SEOUL (Reuters) - Russia last week dismissed the reports of North Korean troop "
      "deployment as one more fake. The deployment, if confirmed, would mark a major step in "
      "Pyongyang's cooperation with Moscow after Russian President Vladimir Putin and North "
      "Korean leader Kim Jong Un agreed in June to provide immediate military assistance if "
      "one of them is attacked. Kim visited a missile factory on Tuesday.\n"),
      ("Markets in Tokyo closed higher on Friday as exporters gained on a weaker yen, while "
      "investors awaited data on inflation due next week from the central bank.\n")};
  cr_corpus *c = corpus_of(t, 3);
  assert_true(cr_containment(c->docs.v[0], c->docs.v[1]) > 0.9f);
  assert_true(cr_containment(c->docs.v[1], c->docs.v[0]) < 0.95f);
  assert_true(cr_containment(c->docs.v[2], c->docs.v[0]) < 0.01f);
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  assert_true(al->flags[0].flags & CR_FLAG_DUPLICATE);
  assert_int_equal(al->flags[0].duplicate_of, 1);
  assert_false(al->flags[1].flags & CR_FLAG_DUPLICATE);
  assert_false(al->flags[2].flags & CR_FLAG_DUPLICATE);
  for (size_t i = 0; i < 3; i++) assert_true(al->flags[i].flags & CR_FLAG_SHORT);
  cr_align_free(al);
  cr_corpus_free(c);
}

static void garbled_detector(void **state) {
  (void)state;
  static const char *const t[] = {
      /* translation debris: stranded closing quotes, a clause cut off
       * after a full stop, a cue dangling after a quote */
      ("He warned that the conflict would turn into a “conflict” if a third country entered "
      "into hostilities. world war. ”\n\nThe minister called the plan “more than horrifying” "
      "in a post. ” he called. He said more.\n\nAnd that’s very worrying. ”\n"),
      /* clean reporting with quotes */
      ("“We know about 10,000 soldiers of North Korea,” Zelensky told reporters in Brussels on "
      "Thursday.\n\nNATO Secretary General Mark Rutte said there was “no evidence” of it.\n\n"
      "U.S. officials said reports were still being evaluated.\n")};
  cr_corpus *c = corpus_of(t, 2);
  assert_non_null(cr_garbled_evidence(c->docs.v[0]));
  assert_null(cr_garbled_evidence(c->docs.v[1]));
  cr_corpus_free(c);
}

static void name_keys(void **state) {
  (void)state;
  char a[32], b[32];
  const char *zs[] = {"Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyy’s", "ZELENSKY"};
  cr_name_key(zs[0], strlen(zs[0]), a, sizeof a);
  for (size_t i = 1; i < 5; i++) {
    cr_name_key(zs[i], strlen(zs[i]), b, sizeof b);
    assert_string_equal(a, b);
  }
  cr_name_key("Orbán", strlen("Orbán"), a, sizeof a);
  cr_name_key("Orban", 5, b, sizeof b);
  assert_string_equal(a, b);
  cr_name_key("Rutte", 5, a, sizeof a);
  cr_name_key("Putin", 5, b, sizeof b);
  assert_string_not_equal(a, b);
}

#define STANCE(cue, content) \
  cr_stance_classify(cue, strlen(cue), content, strlen(content))

static void stance(void **state) {
  (void)state;
  assert_int_equal(STANCE("said", "we have no evidence that North Korean soldiers are "
                                  "involved in the fight"),
                   CR_STANCE_DENIES);
  assert_int_equal(STANCE("dismissed", "the reports of North Korean troop deployment as "
                                       "one more fake"),
                   CR_STANCE_DENIES);
  assert_int_equal(STANCE("could not confirm", "Ukraine's claims that soldiers had been sent"),
                   CR_STANCE_CANNOT_CONFIRM);
  assert_int_equal(STANCE("said", "reports of personnel being sent were still being evaluated"),
                   CR_STANCE_CANNOT_CONFIRM);
  assert_int_equal(STANCE("said", "any North Korean troop involvement in Ukraine, if true, "
                                  "would mark a significant increase"),
                   CR_STANCE_CONDITIONAL);
  assert_int_equal(STANCE("told reporters", "We know about 10,000 soldiers of North Korea, "
                                            "that they are preparing to send to fight against us"),
                   CR_STANCE_ASSERTS);
  assert_int_equal(STANCE("", "the plan"), CR_STANCE_NEUTRAL);
  /* "undenied" or "confirmed" inside other words are not cues */
  assert_int_equal(STANCE("reconfirmed", "the plan"), CR_STANCE_NEUTRAL);
  assert_string_equal(cr_stance_name(CR_STANCE_CANNOT_CONFIRM), "cannot-confirm");
}

/* The unit of doc d whose sentence contains needle. */
static uint32_t unit_of(const cr_alignment *al, uint32_t d, const char *needle) {
  for (size_t i = 0; i < al->nunits; i++)
    if (al->units[i].doc == d && unit_has(al, (uint32_t)i, needle)) return (uint32_t)i;
  fail_msg("no unit with %s", needle);
  return 0;
}

/* Negation: the main clause's, and a negating sentence matches a plain
 * one only when the plain one carries what is negated. */
static void negation_scope(void **state) {
  (void)state;
  static const char *const t[] = {
      "European Commission President Ursula von der Leyen said there was no evidence "
      "that the grain shipments had been diverted to other markets.",
      "European Commission President Ursula von der Leyen was non-committal on Monday "
      "about the request to extend the import ban, saying talks would continue.",
      "Inspectors found the grain shipments had been diverted to other markets, "
      "European Commission President Ursula von der Leyen was told on Monday.",
      "Farmers protested at the border on Monday, although the minister said the ban "
      "would not be extended.",
  };
  cr_corpus *c = corpus_of(t, 4);
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  const cr_doc *d3 = c->docs.v[3];
  /* "not" sits in the second clause: the main clause does not negate */
  assert_int_equal(cr_align_negation(d3, d3->sents[0].tok_begin, d3->sents[0].tok_end),
                   UINT32_MAX);
  uint32_t denial = unit_of(al, 0, "no evidence");
  uint32_t other_matter = unit_of(al, 1, "non-committal");
  uint32_t claim = unit_of(al, 2, "Inspectors");
  assert_true(al->units[denial].negated);
  assert_false(al->units[other_matter].negated);
  assert_true(al->units[denial].nscope >= 4);
  /* the speaker and title alone make them look alike ... */
  assert_true(cr_align_similarity(&al->units[denial], &al->units[other_matter]) >=
              CR_ALIGN_SIMILARITY);
  /* ... but the other matter does not carry what is denied; the claim does */
  assert_false(cr_align_polarity_ok(&al->units[denial], &al->units[other_matter]));
  assert_true(cr_align_polarity_ok(&al->units[denial], &al->units[claim]));
  assert_int_not_equal(al->units[denial].fact, al->units[other_matter].fact);
  cr_align_free(al);
  cr_corpus_free(c);
}

/* A big story: 400 reports carry one claim in two wordings among
 * unrelated filler.  The per-unit candidate bound (CR_ALIGN_MAX_CANDIDATES,
 * far below 400) must not split the claim: stars and their second ring
 * still gather nearly every source. */
static void big_story_stays_one_fact(void **state) {
  (void)state;
  enum { N = 400 };
  static const char *const claim[] = {
      "The regional water board said on Monday that 3,000 homes would be without "
      "drinking water until the pipeline under the harbour is repaired.",
      "Some 3,000 homes will have no drinking water until the harbour pipeline is "
      "repaired, the regional water board said on Monday.",
  };
  static const char *const filler[] = {"Shops", "Schools", "Clinics", "Offices", "Farms",
                                       "Hotels", "Bakeries", "Garages"};
  char **texts = calloc(N, sizeof *texts);
  assert_non_null(texts);
  for (size_t i = 0; i < N; i++) {
    texts[i] = malloc(512);
    assert_non_null(texts[i]);
    snprintf(texts[i], 512, "%s\n\n%s near district %zu reported item %zu of list %zu.\n",
             claim[i % 2], filler[i % 8], i, i * 7 + 3, i * 13 + 1);
  }
  cr_corpus *c = corpus_of((const char *const *)texts, N);
  cr_alignment *al = cr_align_new(c);
  assert_non_null(al);
  assert_true(al->nfacts > 0);
  assert_true(al->facts[0].nsources >= N * 9 / 10);
  assert_true(unit_has(al, al->facts[0].rep, "3,000"));
  cr_align_free(al);
  cr_corpus_free(c);
  for (size_t i = 0; i < N; i++) free(texts[i]);
  free(texts);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(example_troops_fact_in_all_sources),
      cmocka_unit_test(example_quote_renderings),
      cmocka_unit_test(example_garbled_flag),
      cmocka_unit_test(example_denial_fact_keeps_its_content),
      cmocka_unit_test(negation_scope),
      cmocka_unit_test(big_story_stays_one_fact),
      cmocka_unit_test(number_discrepancy),
      cmocka_unit_test(agreeing_numbers),
      cmocka_unit_test(copy_is_flagged),
      cmocka_unit_test(garbled_detector),
      cmocka_unit_test(name_keys),
      cmocka_unit_test(stance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
