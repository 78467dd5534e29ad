/* test_speakers.c — who said what across sources, and stances on the
 * central claim (src/align/speakers.c).  The example story is the seed
 * the issue names (tests may name its people; src/ never does); the
 * made-up story checks the same machinery on other names and verbs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/speakers.h"
#include "analyze/analyze.h"
#include "core/corpus.h"
#include "summarize/summarize.h"

#define EXAMPLE "examples/brussels-2024-10-17"

static const cr_speaker *find(const cr_brief *b, const char *name) {
  const cr_speakers *sp = b->speakers;
  for (size_t i = 0; i < sp->n; i++) {
    const cr_entity *e = &b->corpus->ents.v[sp->v[i].entity];
    if (strstr(e->name, name)) return &sp->v[i];
    for (size_t k = 0; k < sp->v[i].naliases; k++)
      if (strstr(sp->v[i].aliases[k], name)) return &sp->v[i];
  }
  return NULL;
}

static size_t count_named(const cr_brief *b, const char *name) {
  size_t n = 0;
  for (size_t i = 0; i < b->speakers->n; i++)
    n += strstr(b->corpus->ents.v[b->speakers->v[i].entity].name, name) != NULL;
  return n;
}

/* A corpus of in-memory plain-text reports. */
static cr_corpus *corpus_of(const char *const *texts, size_t n) {
  cr_corpus *c = cr_corpus_new(NULL);
  assert_non_null(c);
  for (size_t i = 0; i < n; i++) {
    char name[32];
    snprintf(name, sizeof name, "r%zu.txt", i);
    assert_int_equal(cr_corpus_add_memory(c, name, texts[i], strlen(texts[i]), CR_INPUT_TEXT),
                     CR_OK);
  }
  return c;
}

static cr_brief *brief_of(cr_corpus *c) {
  cr_brief *b = NULL;
  assert_int_equal(cr_brief_new(c, NULL, &b), CR_OK);
  assert_non_null(b->speakers);
  return b;
}

static void example_stances(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_path(c, EXAMPLE, CR_INPUT_AUTO), CR_OK);
  cr_brief *b = brief_of(c);
  /* the central claim is the 10,000 troops, carried by all five */
  assert_int_equal(b->speakers->claim_fact, 0);
  assert_int_equal(b->align->facts[0].nsources, 5);
  const cr_speaker *z = find(b, "Zelensk"), *r = find(b, "Rutte"), *k = find(b, "Kremlin"),
                   *cb = find(b, "Campbell");
  assert_non_null(z);
  assert_non_null(r);
  assert_non_null(k);
  assert_non_null(cb);
  /* one speaker for every spelling, quoted by all five sources */
  assert_int_equal(count_named(b, "Zelensk"), 1);
  assert_int_equal(z->nsources, 5);
  assert_int_equal(z->stance, CR_STANCE_ASSERTS);
  assert_true(r->stance == CR_STANCE_DENIES || r->stance == CR_STANCE_CANNOT_CONFIRM);
  assert_int_equal(k->stance, CR_STANCE_DENIES);
  /* the Kremlin speaks for Russia: one speaker, both denials */
  assert_ptr_equal(k, find(b, "Russia"));
  assert_int_equal(k->nsources, 2);
  assert_int_equal(cb->stance, CR_STANCE_CANNOT_CONFIRM);
  /* roles from how the sources introduce them */
  assert_non_null(r->role);
  assert_non_null(strstr(r->role, "NATO Secretary"));
  assert_non_null(z->role);
  assert_non_null(strstr(z->role, "President"));
  /* "We know about 10,000 soldiers ..." is one quote carried by three */
  int found = 0;
  for (uint32_t q = 0; q < z->nquotes; q++) {
    char *t = cr_speaker_quote_text(c, &z->quotes[q]);
    assert_non_null(t);
    if (strstr(t, "We know about 10,000 soldiers")) {
      assert_int_equal(z->quotes[q].nsources, 3);
      assert_int_equal(z->quotes[q].stance, CR_STANCE_ASSERTS);
      found = 1;
    }
    /* spans point at the quote in its first source */
    const cr_doc *d = c->docs.v[z->quotes[q].doc];
    assert_true(z->quotes[q].span.end <= d->text_len);
    assert_true(z->quotes[q].span.start < z->quotes[q].span.end);
    free(t);
  }
  assert_true(found);
  /* Rutte's "no evidence" in three sources, the quote behind his stance */
  assert_true(r->quotes[0].nsources >= 3);
  assert_int_equal(r->quotes[0].stance, r->stance);
  /* someone quoted only off the claim has no stance */
  const cr_speaker *n = find(b, "Nause");
  if (n) assert_int_equal(n->stance, CR_STANCE_NEUTRAL);
  cr_brief_free(b);
  cr_corpus_free(c);
}

/* The same machinery on a made-up story: other names, other verbs. */
static void invented_story(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Dam breach floods Velmora valley\n\n"
      "Governor Ilse Marwick said on Monday that the Harlan dam breached overnight and "
      "flooded 3,000 homes in the Velmora valley. The dam operator Corvane Energy denied "
      "that the Harlan dam had breached, calling the reports false. Emergency official "
      "Tomas Reyl said the numbers were still being evaluated.\n",
      "Governor says dam breach flooded thousands of homes\n\n"
      "The Harlan dam breached overnight and flooded 3,000 homes in the Velmora valley, "
      "Governor Ilse Marwick said. Corvane Energy denied that the dam breached. "
      "Meteorologist Anja Pell said heavy rain would continue through Thursday.\n",
      "Velmora valley under water\n\n"
      "Governor Ilse Marwick said the Harlan dam breached and 3,000 homes in the Velmora "
      "valley were flooded. \"The Harlan dam breached at midnight and 3,000 homes are "
      "under water,\" Marwick told reporters. Anja Pell said more rain would fall.\n"};
  cr_corpus *c = corpus_of(texts, sizeof texts / sizeof *texts);
  cr_brief *b = brief_of(c);
  const cr_speaker *g = find(b, "Marwick"), *o = find(b, "Corvane"), *p = find(b, "Pell");
  assert_non_null(g);
  assert_non_null(o);
  assert_int_equal(g->stance, CR_STANCE_ASSERTS);
  assert_int_equal(g->nsources, 3);
  assert_int_equal(o->stance, CR_STANCE_DENIES);
  /* rain is not the claim */
  if (p) assert_int_equal(p->stance, CR_STANCE_NEUTRAL);
  /* those with a stance come first */
  assert_true(b->speakers->v[0].stance != CR_STANCE_NEUTRAL);
  cr_brief_free(b);
  cr_corpus_free(c);
}

/* Institutions and capitals speak for their country; "A and B agreed"
 * is said by both; a stray frame repeating a sentence adds nothing; a
 * date after the cue is not shown as what was said. */
static void institutions_and_compound_sources(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Talks stall over grain corridor\n\n"
      "The Kremlin on Tuesday dismissed reports that the grain corridor would close. "
      "President Ivo Marek and Prime Minister Lena Okafor agreed in June to keep "
      "the corridor open. Prime Minister Karl Vossberg called the plan \u201chorrifying\u201d "
      "in a post. \u201d he called.\n",
      "Grain corridor to stay open, officials say\n\n"
      "Moscow denied that the grain corridor would close. Russia said the reports were "
      "false. Officials said the corridor carried 3,000 tonnes a day.\n"};
  cr_corpus *c = corpus_of(texts, sizeof texts / sizeof *texts);
  cr_brief *b = brief_of(c);
  const cr_speaker *r = find(b, "Russia");
  assert_non_null(r);
  assert_string_equal(b->corpus->ents.v[r->entity].name, "Russia");
  assert_ptr_equal(find(b, "Kremlin"), r);
  assert_ptr_equal(find(b, "Moscow"), r);
  assert_int_equal(r->nsources, 2);
  /* both leaders agreed; the quote shown starts after "in June" */
  const cr_speaker *m = find(b, "Marek"), *o = find(b, "Okafor");
  assert_non_null(m);
  assert_non_null(o);
  assert_ptr_not_equal(m, o);
  char *t = cr_speaker_quote_text(c, &o->quotes[0]);
  assert_non_null(t);
  assert_int_equal(strncmp(t, "to keep the corridor open", 25), 0);
  free(t);
  /* a stray closing mark and "he called" after the statement make no
   * second quote of it */
  const cr_speaker *v = find(b, "Vossberg");
  assert_non_null(v);
  assert_int_equal(v->nquotes, 1);
  /* "The Kremlin": an article is no role */
  assert_null(r->role);
  cr_brief_free(b);
  cr_corpus_free(c);
}

/* A role is how a source introduces someone, not a clause before the
 * name or a form of address. */
static void roles_not_clauses(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Court hears case\n\nA congressional inquiry led by Senator Ada Lind said the case was weak. "
      "Mr. Tom Berg said the case was strong. Chief Justice Mara Holt said the case would go on.\n",
      "Case goes on\n\nSenator Ada Lind said the case was weak. Tom Berg said the case was strong, "
      "and Chief Justice Mara Holt said the case would go on.\n"};
  cr_corpus *c = corpus_of(texts, sizeof texts / sizeof *texts);
  cr_brief *b = brief_of(c);
  const cr_speaker *l = find(b, "Lind"), *t = find(b, "Berg"), *h = find(b, "Holt");
  assert_non_null(l);
  assert_non_null(t);
  assert_non_null(h);
  if (l->role) assert_null(strstr(l->role, "inquiry"));
  assert_null(t->role);
  assert_non_null(h->role);
  assert_string_equal(h->role, "Chief Justice");
  cr_brief_free(b);
  cr_corpus_free(c);
}

/* The stance of single attributions: cue polarity, negation, tails. */
static void attribution_stance(void **state) {
  (void)state;
  static const char text[] =
      "Officials said the bridge was closed. Officials did not say when the bridge would open. "
      "The ministry rejected the account of the bridge closure. Police said the bridge was "
      "closed, though reports of damage were still being evaluated.";
  cr_corpus *c = cr_corpus_new(NULL);
  assert_int_equal(cr_corpus_add_memory(c, "s.txt", text, strlen(text), CR_INPUT_TEXT), CR_OK);
  assert_int_equal(cr_corpus_analyze(c), CR_OK);
  const cr_doc *d = c->docs.v[0];
  int seen[4] = {0};
  for (size_t i = 0; i < d->nattrs; i++) {
    const cr_attr *a = &d->attrs[i];
    const char *cue = d->text + a->cue.start;
    cr_span none = {0, 0};
    cr_span tail = {(uint32_t)(strstr(d->text, "though") - d->text),
                    (uint32_t)(strstr(d->text, "evaluated.") - d->text) + 10};
    if (!strncmp(cue, "did not say", 11)) {
      assert_int_equal(cr_attr_stance(d, a, none), CR_STANCE_NEUTRAL);
      seen[0] = 1;
    } else if (!strncmp(cue, "rejected", 8)) {
      assert_int_equal(cr_attr_stance(d, a, none), CR_STANCE_DENIES);
      seen[1] = 1;
    } else if (a->content.start > tail.start - 40 && a->content.start < tail.start) {
      assert_int_equal(cr_attr_stance(d, a, none), CR_STANCE_ASSERTS);
      assert_int_equal(cr_attr_stance(d, a, tail), CR_STANCE_CANNOT_CONFIRM);
      seen[2] = 1;
    } else {
      assert_int_equal(cr_attr_stance(d, a, none), CR_STANCE_ASSERTS);
      seen[3] = 1;
    }
  }
  assert_true(seen[0] && seen[1] && seen[2] && seen[3]);
  cr_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(example_stances),
      cmocka_unit_test(invented_story),
      cmocka_unit_test(institutions_and_compound_sources),
      cmocka_unit_test(roles_not_clauses),
      cmocka_unit_test(attribution_stance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
