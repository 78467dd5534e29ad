/* aliases.c — one entity for the many spellings of one name.
 *
 * Reports spell the same name differently: diacritics dropped (Müller,
 * Muller), transliterations from Cyrillic or Arabic (-sky, -skiy, -skyy;
 * Kyiv, Kiev), surnames alone where another report has the full name.
 * There is no list of such names: two registry entries are merged by
 * general rules on their folded, diacritic-free forms:
 *
 *   1. the same key once folded and stripped of diacritics;
 *   2. the same consonant skeleton (vowels and y/i/j variation removed,
 *      doubled letters collapsed) with a small edit distance, first
 *      names agreeing, for names of compatible type;
 *   3. a surname alone that matches, by rule 1 or 2, the surname of
 *      exactly one full name;
 *   4. an acronym and the one long form whose initials it spells (EU,
 *      European Union), neither a person;
 *   5. a person's name that is another person's full name with one word
 *      before it (an epithet: "Notorious Bettie Page");
 *   6. a person's name whose given names fit those of exactly one fuller
 *      name (Betty Page, Bettie Mae Page; Brian Nichols, Brian G. Nichols).
 *
 * Candidates are bucketed by the skeleton of their last word, so the
 * work is a sort plus comparisons inside small buckets. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analyze/analyze.h"

/* Longest name compared (bytes of the folded key). */
#define CR_ALIAS_KEY_MAX 96

/* Folded, diacritic-free, letters and spaces only. */
static size_t fold_key(const char *s, char *out, size_t cap) {
  utf8proc_uint8_t *m = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                        UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                        UTF8PROC_STRIPMARK);
  size_t o = 0;
  if (n < 0 || !m) {
    for (const char *p = s; *p && o + 1 < cap; p++)
      out[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  } else {
    for (utf8proc_ssize_t i = 0; i < n && o + 1 < cap; i++) {
      unsigned char ch = m[i];
      if ((ch >= 'a' && ch <= 'z') || ch >= 0x80) out[o++] = (char)ch;
      else if ((ch == ' ' || ch == '-') && o && out[o - 1] != ' ') out[o++] = ' ';
    }
  }
  free(m);
  out[o] = 0;
  return o;
}

/* The consonant skeleton of a word: first letter kept, vowels and the
 * letters transliterations swap for vowels (y, j, w) dropped, doubled
 * letters collapsed: zelensky, zelenskiy, zelenskyy -> zlnsk. */
static size_t skeleton(const char *w, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n && o + 1 < cap; i++) {
    char ch = w[i];
    if (i > 0 && strchr("aeiouyjw", ch)) continue;
    if (o && out[o - 1] == ch) continue;
    out[o++] = ch;
  }
  out[o] = 0;
  return o;
}

static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb) {
  size_t row[CR_ALIAS_KEY_MAX + 1];
  if (na > CR_ALIAS_KEY_MAX || nb > CR_ALIAS_KEY_MAX) return (size_t)-1;
  for (size_t j = 0; j <= nb; j++) row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t cur = row[j];
      size_t sub = prev + (a[i - 1] != b[j - 1]);
      size_t del = row[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      prev = cur;
    }
  }
  return row[nb];
}

typedef struct cand {
  uint32_t id;
  char key[CR_ALIAS_KEY_MAX];   /* folded full name */
  char last[CR_ALIAS_KEY_MAX];  /* folded last word */
  char skel[CR_ALIAS_KEY_MAX];  /* skeleton of the last word */
  size_t words;
} cand;

/* "jr", "sr", "iii" (folded): a generational suffix, never a surname. */
static int generational(const char *w) {
  static const char *const sfx[] = {"ii", "iii", "iv", "jr", "sr"};
  for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++)
    if (!strcmp(w, sfx[i])) return 1;
  return 0;
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  int r = strcmp(x->skel, y->skel);
  return r ? r : (x->id < y->id ? -1 : x->id > y->id);
}

static uint32_t find(cr_entity *e, uint32_t i) {
  while (e[i].parent != i) {
    e[i].parent = e[e[i].parent].parent;
    i = e[i].parent;
  }
  return i;
}

static void unite(cr_entity *e, uint32_t a, uint32_t b) {
  a = find(e, a);
  b = find(e, b);
  if (a == b) return;
  if (b < a) {
    uint32_t t = a;
    a = b;
    b = t;
  }
  e[b].parent = a;
}

static int types_compatible(uint8_t a, uint8_t b) {
  return a == b || a == CR_ENT_OTHER || b == CR_ENT_OTHER;
}

/* Two spellings of one word: same skeleton (the bucket guarantees it),
 * same first letter, lengths and edit distance within a third of the
 * word (at least 2, for four-letter romanisations like Kyiv/Kiev). */
static int word_variant(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (!strcmp(a, b)) return 1;
  if (na < 4 || nb < 4 || a[0] != b[0]) return 0;
  size_t lim = (na > nb ? na : nb) / 3;
  if (lim < 2) lim = 2;
  size_t diff = na > nb ? na - nb : nb - na;
  if (diff > 2) return 0;
  return edit_distance(a, na, b, nb) <= lim;
}

/* Everything before the last word agrees (first names, initials). */
static int first_names_agree(const cand *a, const cand *b) {
  size_t la = strlen(a->key) - strlen(a->last), lb = strlen(b->key) - strlen(b->last);
  if (la != lb) return 0;
  return !strncmp(a->key, b->key, la);
}

/* The skeleton of the word of key starting at *p (advanced past it). */
static size_t next_word_skel(const char **p, char *out, size_t cap) {
  const char *w = *p;
  size_t n = 0;
  while (w[n] && w[n] != ' ') n++;
  *p = w[n] ? w + n + 1 : w + n;
  return skeleton(w, n, out, cap);
}

/* The given names of short ("brian nichols", "betty page") fit those of
 * long ("brian g nichols", "bettie mae page"): the first words have the
 * same skeleton and first letter, and every middle word of short is,
 * in order, one of long's (which may have more).  Last words are
 * compared by the caller. */
static int given_names_fit(const char *shortk, const char *longk) {
  char a[CR_ALIAS_KEY_MAX], b[CR_ALIAS_KEY_MAX];
  const char *p = shortk, *q = longk;
  if (shortk[0] != longk[0]) return 0;
  /* first names: one spelling of one word (Betty, Bettie; not Dan, Don) */
  char fa[CR_ALIAS_KEY_MAX], fb[CR_ALIAS_KEY_MAX];
  size_t la = strcspn(shortk, " "), lb = strcspn(longk, " ");
  if (la >= sizeof fa || lb >= sizeof fb) return 0;
  memcpy(fa, shortk, la);
  fa[la] = 0;
  memcpy(fb, longk, lb);
  fb[lb] = 0;
  next_word_skel(&p, a, sizeof a);
  next_word_skel(&q, b, sizeof b);
  if (strcmp(a, b) || !word_variant(fa, fb)) return 0;
  const char *ps = strrchr(shortk, ' '), *ql = strrchr(longk, ' ');
  while (p < ps) { /* each middle word of short, found in order in long */
    next_word_skel(&p, a, sizeof a);
    int found = 0;
    while (q < ql && !found) {
      next_word_skel(&q, b, sizeof b);
      found = !strcmp(a, b);
    }
    if (!found) return 0;
  }
  return 1;
}

/* Roots get the canonical name (the spelling mentioned most, then the
 * longest), their aliases and totals; mentions are re-pointed at roots. */
static int finish(cr_corpus *c) {
  cr_entity *e = c->ents.v;
  size_t n = c->ents.n;
  uint32_t *best = malloc(n * sizeof *best);
  if (!best) return -1;
  for (size_t i = 0; i < n; i++) {
    e[i].aliases.n = 0;
    e[i].mentions = 0;
    e[i].docs = 0;
    e[i].last_doc = UINT32_MAX;
    best[i] = (uint32_t)i;
  }
  for (size_t i = 0; i < n; i++) {
    uint32_t r = find(e, (uint32_t)i);
    e[i].parent = r;
    e[r].mentions += e[i].own_mentions;
    if (e[r].type == CR_ENT_OTHER) e[r].type = e[i].type;
    const cr_entity *cur = &e[best[r]];
    if (e[i].own_mentions > cur->own_mentions ||
        (e[i].own_mentions == cur->own_mentions && strlen(e[i].own) > strlen(cur->own)))
      best[r] = (uint32_t)i;
  }
  for (size_t i = 0; i < n; i++) e[i].name = e[best[e[i].parent]].own;
  free(best);
  for (size_t i = 0; i < n; i++) {
    uint32_t r = e[i].parent;
    if (e[i].own != e[r].name && cr_vec_push(&e[r].aliases, e[i].own)) return -1;
  }
  for (size_t di = 0; di < c->docs.n; di++) {
    cr_doc *d = c->docs.v[di];
    for (size_t m = 0; m < d->nments; m++) {
      cr_mention *mm = &d->ments[m];
      if (mm->entity >= n) continue;
      mm->entity = e[mm->entity].parent;
      cr_entity *r = &e[mm->entity];
      mm->type = r->type;
      if (r->last_doc != di) {
        r->last_doc = (uint32_t)di;
        r->docs++;
      }
    }
  }
  return 0;
}

/* Longest acronym merged with its expansion (letters). */
#define CR_ACRONYM_MAX 8

typedef struct initials {
  char key[CR_ACRONYM_MAX + 1];
  uint32_t id;
  uint8_t acronym; /* 1: the short form ("EU"), 0: a long form */
} initials;

/* "EU", "U.S.", "NATO": the letters of an all-capitals single word, lower
 * case; 0 when s is not one. */
static size_t acronym_key(const char *s, char *out) {
  size_t n = 0, caps = 0;
  for (const char *p = s; *p; p++) {
    if (*p == '.') continue;
    if (*p < 'A' || *p > 'Z' || n >= CR_ACRONYM_MAX) return 0;
    out[n++] = (char)(*p + 32);
    caps++;
  }
  out[n] = 0;
  return n >= 2 && caps == n ? n : 0;
}

/* "European Union" -> "eu", "North Atlantic Treaty Organization" ->
 * "nato": the initials of the capitalised words (lower-case words such
 * as "of" skipped); 0 for a single word. */
static size_t expansion_key(const char *s, char *out) {
  size_t n = 0, words = 0;
  for (const char *p = s; *p; p++) {
    if (p != s && p[-1] != ' ' && p[-1] != '-') continue;
    if (*p >= 'a' && *p <= 'z') continue;
    if (*p < 'A' || *p > 'Z' || n >= CR_ACRONYM_MAX) return 0;
    if (p[1] >= 'A' && p[1] <= 'Z') return 0; /* "AP Photo" is no expansion */
    out[n++] = (char)(*p + 32);
    words++;
  }
  out[n] = 0;
  return words >= 2 ? n : 0;
}

static int cmp_initials(const void *a, const void *b) {
  const initials *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  if (r) return r;
  if (x->acronym != y->acronym) return x->acronym - y->acronym;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Rule 4: an acronym joins the one long form whose initials it spells
 * (EU, European Union; U.S., United States), neither being a person: a
 * sort on the initials, then one pass.  Two long forms of different
 * entities with the same initials leave the acronym alone. */
static int merge_acronyms(cr_entity *e, size_t n) {
  initials *v = malloc(n * sizeof *v);
  if (!v) return -1;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (e[i].type == CR_ENT_PERSON) continue;
    initials k;
    k.id = (uint32_t)i;
    if (acronym_key(e[i].own, k.key)) k.acronym = 1;
    else if (expansion_key(e[i].own, k.key)) k.acronym = 0;
    else continue;
    v[m++] = k;
  }
  qsort(v, m, sizeof *v, cmp_initials);
  for (size_t b = 0; b < m;) {
    size_t end = b + 1;
    while (end < m && !strcmp(v[end].key, v[b].key)) end++;
    uint32_t root = UINT32_MAX;
    int ambiguous = 0;
    for (size_t i = b; i < end; i++) {
      if (v[i].acronym) continue;
      uint32_t r = find(e, v[i].id);
      if (root != UINT32_MAX && r != root) ambiguous = 1;
      root = r;
    }
    if (root != UINT32_MAX && !ambiguous)
      for (size_t i = b; i < end; i++)
        if (v[i].acronym && types_compatible(e[v[i].id].type, e[root].type))
          unite(e, v[i].id, root);
    b = end;
  }
  free(v);
  return 0;
}

int cr_merge_aliases(cr_corpus *c) {
  size_t n = c->ents.n;
  if (!n) return 0;
  cr_entity *e = c->ents.v;
  for (size_t i = 0; i < n; i++) e[i].parent = (uint32_t)i;
  cand *cs = malloc(n * sizeof *cs);
  if (!cs) return -1;
  for (size_t i = 0; i < n; i++) {
    cand *k = &cs[i];
    k->id = (uint32_t)i;
    size_t kl = fold_key(e[i].own, k->key, sizeof k->key);
    const char *sp = strrchr(k->key, ' ');
    const char *lw = sp ? sp + 1 : k->key;
    size_t ll = kl - (size_t)(lw - k->key);
    if (sp && generational(lw)) { /* "comeaux jr": the surname is comeaux */
      const char *pe = sp;
      while (pe > k->key && pe[-1] != ' ') pe--;
      ll = (size_t)(sp - pe);
      lw = pe;
    }
    memcpy(k->last, lw, ll);
    k->last[ll] = 0;
    skeleton(k->last, ll, k->skel, sizeof k->skel);
    k->words = 1;
    for (const char *p = k->key; *p; p++) k->words += *p == ' ';
  }
  qsort(cs, n, sizeof *cs, cmp_cand);
  for (size_t b = 0; b < n;) {
    size_t end = b + 1;
    while (end < n && !strcmp(cs[end].skel, cs[b].skel)) end++;
    /* rules 1 and 2: full forms */
    for (size_t i = b; i < end; i++)
      for (size_t j = i + 1; j < end; j++) {
        cand *x = &cs[i], *y = &cs[j];
        if (!types_compatible(e[x->id].type, e[y->id].type)) continue;
        if (!strcmp(x->key, y->key) ||
            (x->words == y->words && first_names_agree(x, y) &&
             word_variant(x->last, y->last)))
          unite(e, x->id, y->id);
      }
    /* rule 5: "Notorious Bettie Page", "Rev Billy Graham": a person's
     * name that is another person's full name with one word before it
     * (a title or epithet the lists do not know) is that person */
    for (size_t i = b; i < end; i++) {
      cand *x = &cs[i];
      if (x->words < 3 || e[x->id].type != CR_ENT_PERSON) continue;
      size_t kl = strlen(x->key);
      for (size_t j = b; j < end; j++) {
        cand *y = &cs[j];
        size_t yl = strlen(y->key);
        if (y->words + 1 != x->words || e[y->id].type != CR_ENT_PERSON || yl >= kl) continue;
        if (x->key[kl - yl - 1] == ' ' && !strcmp(x->key + kl - yl, y->key)) unite(e, x->id, y->id);
      }
    }
    /* rule 6: first names spelt differently (Bettie, Betty: the same
     * skeleton) or a middle name or initial left out (Brian G. Nichols,
     * Brian Nichols): joined when the fuller form is the only one fitting */
    for (size_t i = b; i < end; i++) /* same length: Betty Page, Bettie Page */
      for (size_t j = i + 1; j < end; j++) {
        cand *x = &cs[i], *y = &cs[j];
        if (x->words >= 2 && x->words == y->words && e[x->id].type == CR_ENT_PERSON &&
            e[y->id].type == CR_ENT_PERSON && word_variant(x->last, y->last) &&
            given_names_fit(x->key, y->key))
          unite(e, x->id, y->id);
      }
    for (size_t i = b; i < end; i++) { /* shorter: the one fuller name */
      cand *x = &cs[i];
      if (x->words < 2 || e[x->id].type != CR_ENT_PERSON) continue;
      uint32_t target = UINT32_MAX;
      int ambiguous = 0;
      for (size_t j = b; j < end; j++) {
        cand *y = &cs[j];
        if (y->words <= x->words || e[y->id].type != CR_ENT_PERSON ||
            !word_variant(x->last, y->last) || !given_names_fit(x->key, y->key))
          continue;
        uint32_t r = find(e, y->id);
        if (target != UINT32_MAX && target != r) ambiguous = 1;
        target = r;
      }
      if (target != UINT32_MAX && !ambiguous) unite(e, x->id, target);
    }
    /* rule 3: a surname alone joins the one full name it fits */
    for (size_t i = b; i < end; i++) {
      cand *x = &cs[i];
      if (x->words != 1 || e[x->id].type == CR_ENT_PLACE || generational(x->key)) continue;
      uint32_t target = UINT32_MAX;
      int ambiguous = 0;
      for (size_t j = b; j < end; j++) {
        cand *y = &cs[j];
        if (y->words < 2 || e[y->id].type != CR_ENT_PERSON) continue;
        if (!word_variant(x->last, y->last)) continue;
        uint32_t r = find(e, y->id);
        if (target != UINT32_MAX && target != r) ambiguous = 1;
        target = r;
      }
      if (target != UINT32_MAX && !ambiguous) unite(e, x->id, target);
    }
    b = end;
  }
  free(cs);
  if (merge_acronyms(e, n)) return -1;
  return finish(c);
}
