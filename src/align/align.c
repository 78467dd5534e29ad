/* align.c — the same fact in several sources.
 *
 * Every body sentence is a unit with a tf-idf vector of its stems, where
 * stems of common news synonyms are merged ("troops" and "soldiers",
 * "send" and "deploy") and names and numbers weigh more, because they are
 * what identifies a fact across paraphrases: "preparing to send 10,000
 * soldiers" and "10,000 troops are ready to join" share 10,000, North
 * Korea and soldier.  Candidate pairs come from an inverted index of the
 * rarer stems (so a 1,000-report story is not compared all-pairs); pairs
 * from different sources at CR_ALIGN_SIMILARITY or more are linked.
 * Facts are stars: the unit linked to the most sources leads a fact and
 * takes its unassigned neighbours, then the next, and so on — stars do not
 * chain two different facts through a sentence that mentions both, as
 * single-link clustering would. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align/align.h"

/* News synonyms: each word maps to the first word of its row.  General
 * English wording variants of wire copy (rows are data, not keyed to any
 * story). */
static const char *const synonyms[][6] = {
    {"soldier", "troop", "troops", "soldiers", "servicemen", NULL},
    {"send", "deploy", "dispatch", "transfer", "sent", NULL},
    {"say", "said", "told", "stated", "announced", NULL},
    {"kill", "killed", "dead", "died", NULL, NULL},
    {"injure", "injured", "wounded", "hurt", NULL, NULL},
    {"president", "leader", NULL, NULL, NULL, NULL},
    {"warn", "warned", "cautioned", NULL, NULL, NULL},
    {"evidence", "proof", NULL, NULL, NULL, NULL},
    {"fight", "fighting", "combat", "battle", NULL, NULL},
    {"attack", "strike", "assault", NULL, NULL, NULL},
    {"buy", "purchase", "acquire", NULL, NULL, NULL},
    {"start", "begin", "launch", NULL, NULL, NULL},
};

/* Names and numbers identify a fact more than common words do. */
#define NAME_BOOST 1.5f
#define NUMBER_BOOST 2.0f

typedef struct align_ctx {
  cr_corpus *c;
  uint32_t *canon;  /* vocabulary id -> canonical id (identity by default) */
  size_t ncanon;
} align_ctx;

static uint32_t stem_id(cr_corpus *c, const char *w) {
  size_t n;
  const char *st = cr_stem(c->stemmer, w, strlen(w), &n);
  return st ? cr_corpus_term(c, st, n) : CR_NO_ID;
}

static int build_canon(align_ctx *x) {
  cr_corpus *c = x->c;
  /* intern the table's stems first so the map covers them */
  uint32_t ids[sizeof synonyms / sizeof *synonyms][6];
  for (size_t r = 0; r < sizeof synonyms / sizeof *synonyms; r++)
    for (size_t k = 0; k < 6; k++) {
      ids[r][k] = synonyms[r][k] ? stem_id(c, synonyms[r][k]) : CR_NO_ID;
      if (synonyms[r][k] && ids[r][k] == CR_NO_ID) return -1;
    }
  x->ncanon = cr_strmap_count(c->vocab);
  x->canon = malloc((x->ncanon ? x->ncanon : 1) * sizeof *x->canon);
  if (!x->canon) return -1;
  for (size_t i = 0; i < x->ncanon; i++) x->canon[i] = (uint32_t)i;
  for (size_t r = 0; r < sizeof synonyms / sizeof *synonyms; r++)
    for (size_t k = 1; k < 6 && ids[r][k] != CR_NO_ID; k++)
      x->canon[ids[r][k]] = ids[r][0];
  return 0;
}

static uint32_t canon_of(const align_ctx *x, uint32_t t) {
  return t < x->ncanon ? x->canon[t] : t;
}

/* Value of a number token: digits with thousands separators and a decimal
 * point, currency signs and suffixes ignored; "1.28 million" scaled by the
 * next word.  Returns 0 when it has no digits. */
static int number_value(const char *s, size_t n, double *out) {
  char buf[64];
  size_t k = 0;
  int digits = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++) {
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      buf[k++] = ch;
      digits = 1;
    } else if (ch == '.' && digits && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
      buf[k++] = '.';
    } else if (ch == ',' && digits) {
      continue;
    } else if (digits) {
      break;
    }
  }
  buf[k] = 0;
  if (!digits) return 0;
  *out = strtod(buf, NULL);
  return 1;
}

static int word_is(const char *t, cr_span s, const char *w) {
  size_t n = strlen(w);
  return s.end - s.start == n && strncmp(t + s.start, w, n) == 0;
}

void cr_align_numbers(const cr_doc *d, cr_unit *u) {
  u->nnums = 0;
  for (uint32_t k = u->tok_begin; k < u->tok_end && u->nnums < CR_ALIGN_MAX_NUMS; k++) {
    const cr_token *t = &d->toks[k];
    if (t->kind != CR_TOK_NUMBER) continue;
    cr_num num = {0, t->span, CR_NO_ID};
    if (!number_value(d->text + t->span.start, t->span.end - t->span.start, &num.value))
      continue;
    /* the counted noun: the first lower-case content word within four
     * tokens ("10,000 North Korean soldiers" -> soldier) */
    for (uint32_t j = k + 1; j < u->tok_end && j <= k + 4; j++) {
      const cr_token *w = &d->toks[j];
      if (w->kind == CR_TOK_PUNCT || w->kind == CR_TOK_QUOTE) break;
      if (w->kind != CR_TOK_WORD) continue;
      if (word_is(d->text, w->span, "million")) { num.value *= 1e6; continue; }
      if (word_is(d->text, w->span, "billion")) { num.value *= 1e9; continue; }
      if (word_is(d->text, w->span, "thousand")) { num.value *= 1e3; continue; }
      if (w->term == CR_NO_ID || (w->flags & CR_TF_CAP)) continue;
      num.what = w->term;
      break;
    }
    u->nums[u->nnums++] = num;
  }
}

/* Quoted passages of two words or more, marks excluded. */
static void read_quotes(const cr_doc *d, cr_unit *u) {
  u->nquotes = 0;
  int open = 0;
  uint32_t start = 0, words = 0;
  for (uint32_t k = u->tok_begin; k < u->tok_end; k++) {
    const cr_token *t = &d->toks[k];
    if (t->kind == CR_TOK_QUOTE) {
      if (!open) {
        open = 1;
        start = k + 1;
        words = 0;
      } else {
        open = 0;
        if (words >= 2 && start < k && u->nquotes < CR_ALIGN_MAX_QUOTES) {
          cr_span q = {start, k};
          u->quotes[u->nquotes++] = q;
        }
      }
    } else if (open && t->kind == CR_TOK_WORD) {
      words++;
    }
  }
}

static int cmp_tw(const void *a, const void *b) {
  const cr_tw *x = a, *y = b;
  return (x->term > y->term) - (x->term < y->term);
}

size_t cr_name_key(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    char ch = s[i];
    /* a possessive ends the name: Morales's, Morales’s */
    if (ch == '\'' || (i + 2 < n && !memcmp(s + i, "\xe2\x80\x99", 3))) break;
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
    if (ch < 'a' || ch > 'z') continue; /* accents, apostrophes, hyphens */
    if (k && strchr("aeiouy", ch)) continue;
    if (k && out[k - 1] == ch) continue;
    out[k++] = ch;
  }
  out[k] = 0;
  return k;
}

/* Names of five letters or more are matched by their key (cr_name_key):
 * transliterations of one name are the commonest paraphrase in wire copy
 * translated from other languages. */
#define NAME_KEY_MIN 5

static uint32_t name_term(cr_corpus *c, const char *s, size_t n) {
  char key[48];
  key[0] = '#';
  if (n < NAME_KEY_MIN) return CR_NO_ID;
  size_t k = cr_name_key(s, n, key + 1, sizeof key - 1);
  return k >= 3 ? cr_corpus_term(c, key, k + 1) : CR_NO_ID;
}

/* The term a token counts as: its stem with synonyms merged, or for a
 * capitalised word its spelling-tolerant name key (the plain stem when
 * the key cannot be interned; the caller skips stop words). */
static uint32_t token_term(cr_corpus *c, const uint32_t *canon, size_t ncanon,
                           const cr_doc *d, const cr_token *t) {
  uint32_t term = t->term < ncanon ? canon[t->term] : t->term;
  if (t->kind == CR_TOK_WORD && (t->flags & CR_TF_CAP)) {
    uint32_t nt = name_term(c, d->text + t->span.start, t->span.end - t->span.start);
    if (nt != CR_NO_ID) term = nt;
  }
  return term;
}

uint32_t cr_align_token_term(cr_alignment *al, const cr_doc *d, uint32_t k) {
  const cr_token *t = &d->toks[k];
  if (t->term == CR_NO_ID) return CR_NO_ID;
  return token_term(al->corpus, al->canon, al->ncanon, d, t);
}

/* The unit's vector of canonical terms, names and numbers boosted (raw
 * counts; idf is applied once every unit is known). */
static int unit_vector(const align_ctx *x, cr_arena *a, cr_doc *d, cr_unit *u) {
  uint32_t n = 0;
  for (uint32_t k = u->tok_begin; k < u->tok_end; k++) n += d->toks[k].term != CR_NO_ID;
  u->vec.v = n ? cr_arena_alloc(a, n * sizeof *u->vec.v) : NULL;
  u->vec.n = 0;
  if (n && !u->vec.v) return -1;
  for (uint32_t k = u->tok_begin; k < u->tok_end; k++) {
    const cr_token *t = &d->toks[k];
    if (t->term == CR_NO_ID) continue;
    float w = 1;
    uint32_t term = token_term(x->c, x->canon, x->ncanon, d, t);
    if (t->kind == CR_TOK_NUMBER) {
      w = NUMBER_BOOST;
    } else if ((t->flags & CR_TF_CAP) && t->kind == CR_TOK_WORD) {
      if (k > u->tok_begin) w = NAME_BOOST;
    }
    cr_tw tw = {term, w};
    u->vec.v[u->vec.n++] = tw;
  }
  if (u->vec.n > 1) qsort(u->vec.v, u->vec.n, sizeof *u->vec.v, cmp_tw);
  uint32_t m = 0;
  for (uint32_t i = 0; i < u->vec.n; i++) {
    if (m && u->vec.v[m - 1].term == u->vec.v[i].term) {
      if (u->vec.v[i].w > u->vec.v[m - 1].w) u->vec.v[m - 1].w = u->vec.v[i].w;
      u->vec.v[m - 1].w += 0.5f; /* a repeated term counts, sublinearly */
    } else {
      u->vec.v[m++] = u->vec.v[i];
    }
  }
  u->vec.n = m;
  return 0;
}

static const char *const clause_openers[] = {"although", "though", "while", "whereas",
                                             "but", "which", "citing", NULL};

static int is_word(const cr_doc *d, const cr_token *t, const char *w) {
  size_t n = strlen(w);
  return t->kind == CR_TOK_WORD && t->span.end - t->span.start == n &&
         strncasecmp(d->text + t->span.start, w, n) == 0;
}

/* Where a clause starts after token k: after ";" or a dash, or after ","
 * before a subordinating or contrasting word. */
static int clause_break(const cr_doc *d, uint32_t k, uint32_t end) {
  const cr_token *t = &d->toks[k];
  if (t->kind == CR_TOK_DASH) return 1;
  if (t->kind != CR_TOK_PUNCT || k + 1 >= end) return 0;
  char ch = d->text[t->span.start];
  if (ch == ';') return 1;
  if (ch != ',') return 0;
  for (size_t i = 0; clause_openers[i]; i++)
    if (is_word(d, &d->toks[k + 1], clause_openers[i])) return 1;
  return 0;
}

static uint16_t count_words(const cr_doc *d, uint32_t b, uint32_t e) {
  uint16_t w = 0;
  for (uint32_t k = b; k < e; k++) {
    uint8_t kind = d->toks[k].kind;
    w += kind == CR_TOK_WORD || kind == CR_TOK_NUMBER || kind == CR_TOK_ABBREV;
  }
  return w;
}

static int clause_break(const cr_doc *d, uint32_t k, uint32_t end);
static int is_word(const cr_doc *d, const cr_token *t, const char *w);

/* The polarity of a unit is that of its main clause: in "X accused Y of
 * sending troops, although Z said there was no evidence" the negation
 * belongs to the second clause, which is a unit of its own. */
uint32_t cr_align_negation(const cr_doc *d, uint32_t b, uint32_t e) {
  static const char *const words[] = {"no",      "not",     "never", "none", "nothing",
                                      "nobody",  "neither", "nor",   "cannot", NULL};
  for (uint32_t k = b; k < e; k++) {
    const cr_token *t = &d->toks[k];
    if (k > b && clause_break(d, k, e)) break;
    if (t->kind != CR_TOK_WORD) continue;
    const char *w = d->text + t->span.start;
    size_t n = t->span.end - t->span.start;
    for (size_t i = 0; words[i]; i++)
      if (is_word(d, t, words[i])) return k;
    /* didn't, isn't, won't: ASCII or typographic apostrophe */
    if (n > 3 && !strncasecmp(w + n - 3, "n't", 3)) return k;
    if (n > 5 && !memcmp(w + n - 5, "n\xe2\x80\x99t", 5)) return k;
  }
  return UINT32_MAX;
}

static int has_term(const cr_termvec *v, uint32_t term) {
  uint32_t lo = 0, hi = v->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (v->v[mid].term == term) return 1;
    if (v->v[mid].term < term) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

int cr_align_polarity_ok(const cr_unit *a, const cr_unit *b) {
  if (a->negated == b->negated) return 1;
  const cr_unit *neg = a->negated ? a : b, *plain = a->negated ? b : a;
  if (!neg->nscope) return 1;
  uint32_t shared = 0;
  for (uint8_t i = 0; i < neg->nscope; i++) shared += (uint32_t)has_term(&plain->vec, neg->scope[i]);
  return shared * 2 >= neg->nscope;
}

/* Marks a negating unit and keeps the terms of what it negates: from the
 * negation to the end of its clause. */
static void read_negation(const align_ctx *x, const cr_doc *d, cr_unit *u) {
  uint32_t k = cr_align_negation(d, u->tok_begin, u->tok_end);
  u->negated = k != UINT32_MAX;
  u->nscope = 0;
  if (!u->negated) return;
  for (k++; k < u->tok_end && u->nscope < CR_ALIGN_MAX_SCOPE; k++) {
    const cr_token *t = &d->toks[k];
    if (clause_break(d, k, u->tok_end)) break;
    if (t->term == CR_NO_ID) continue;
    uint32_t term = token_term(x->c, x->canon, x->ncanon, d, t), i = u->nscope;
    int dup = 0;
    for (uint8_t j = 0; j < u->nscope; j++) dup |= u->scope[j] == term;
    if (dup) continue;
    while (i > 0 && u->scope[i - 1] > term) {
      u->scope[i] = u->scope[i - 1];
      i--;
    }
    u->scope[i] = term;
    u->nscope++;
  }
}

typedef CR_VEC(cr_unit) unit_vec;

static int add_unit(align_ctx *x, cr_alignment *al, unit_vec *v, cr_doc *d,
                    uint32_t di, uint32_t si, uint32_t rank, uint32_t b, uint32_t e) {
  cr_unit u;
  memset(&u, 0, sizeof u);
  u.doc = di;
  u.sent = si;
  u.rank = rank;
  u.fact = UINT32_MAX;
  u.tok_begin = b;
  u.tok_end = e;
  u.words = count_words(d, b, e);
  read_negation(x, d, &u);
  if (unit_vector(x, al->arena, d, &u)) return -1;
  cr_align_numbers(d, &u);
  for (uint8_t k = 0; k < u.nnums; k++)
    if (u.nums[k].what != CR_NO_ID) u.nums[k].what = canon_of(x, u.nums[k].what);
  read_quotes(d, &u);
  return cr_vec_push(v, u);
}

static int collect(align_ctx *x, cr_alignment *al) {
  cr_corpus *c = x->c;
  unit_vec v = {0};
  for (size_t di = 0; di < c->docs.n; di++) {
    cr_doc *d = c->docs.v[di];
    uint32_t rank = 0;
    for (size_t si = 0; si < d->nsents && rank < CR_ALIGN_MAX_SENTS_PER_DOC; si++) {
      const cr_sentence *s = &d->sents[si];
      if (d->paras[s->para].kind != CR_PARA_BODY) continue;
      if (v.n >= CR_ALIGN_MAX_UNITS) break;
      if (add_unit(x, al, &v, d, (uint32_t)di, (uint32_t)si, rank, s->tok_begin, s->tok_end))
        goto oom;
      if (count_words(d, s->tok_begin, s->tok_end) >= CR_ALIGN_CLAUSE_SENTENCE) {
        uint32_t b = s->tok_begin, nclauses = 0;
        for (uint32_t k = s->tok_begin; k <= s->tok_end; k++) {
          if (k < s->tok_end && !clause_break(d, k, s->tok_end)) continue;
          /* the first clause of a split sentence, or a later one */
          if (count_words(d, b, k) >= CR_ALIGN_CLAUSE_MIN_WORDS &&
              !(b == s->tok_begin && k == s->tok_end) && v.n < CR_ALIGN_MAX_UNITS) {
            if (add_unit(x, al, &v, d, (uint32_t)di, (uint32_t)si, rank, b, k)) goto oom;
            nclauses++;
          }
          b = k + 1;
        }
        (void)nclauses;
      }
      rank++;
    }
  }
  al->units = cr_arena_memdup(al->arena, v.v, v.n, sizeof *v.v);
  al->nunits = v.n;
  cr_vec_free(&v);
  return al->nunits && !al->units ? -1 : 0;
oom:
  cr_vec_free(&v);
  return -1;
}

/* idf over sentences; returns the df table (caller frees) for the index. */
static uint32_t *apply_idf(cr_alignment *al, size_t nterms) {
  uint32_t *df = calloc(nterms ? nterms : 1, sizeof *df);
  if (!df) return NULL;
  for (size_t i = 0; i < al->nunits; i++)
    for (uint32_t k = 0; k < al->units[i].vec.n; k++) df[al->units[i].vec.v[k].term]++;
  double n = (double)al->nunits;
  for (size_t i = 0; i < al->nunits; i++) {
    cr_termvec *v = &al->units[i].vec;
    double norm = 0;
    for (uint32_t k = 0; k < v->n; k++) {
      v->v[k].w *= (float)log(1.0 + n / df[v->v[k].term]);
      norm += (double)v->v[k].w * v->v[k].w;
    }
    v->norm = (float)sqrt(norm);
  }
  return df;
}

float cr_align_similarity(const cr_unit *a, const cr_unit *b) {
  return cr_termvec_cosine(&a->vec, &b->vec);
}

typedef struct link {
  uint32_t other;
  float sim;
} link;

typedef CR_VEC(link) link_vec;

/* The k-th largest of acc[touched[0..nt)] (1 <= k <= nt): quickselect
 * with a three-way partition (shared weights tie often) on a copy in
 * scratch, linear on average. */
static float kth_largest(const float *acc, const uint32_t *touched, size_t nt, size_t k,
                         float *scratch) {
  for (size_t i = 0; i < nt; i++) scratch[i] = acc[touched[i]];
  long lo = 0, hi = (long)nt - 1, want = (long)k - 1;
  while (lo < hi) {
    float pv = scratch[lo + (hi - lo) / 2], t;
    /* [lo, lt) > pv, [lt, i) == pv, (gt, hi] < pv */
    long lt = lo, i = lo, gt = hi;
    while (i <= gt) {
      if (scratch[i] > pv) {
        t = scratch[lt], scratch[lt] = scratch[i], scratch[i] = t;
        lt++, i++;
      } else if (scratch[i] < pv) {
        t = scratch[gt], scratch[gt] = scratch[i], scratch[i] = t;
        gt--;
      } else {
        i++;
      }
    }
    if (want < lt) hi = lt - 1;
    else if (want > gt) lo = gt + 1;
    else return pv;
  }
  return scratch[want];
}

/* The first index in post[b..e) (ascending unit indexes) above unit i. */
static uint32_t posting_after(const uint32_t *post, uint32_t b, uint32_t e, uint32_t i) {
  while (b < e) {
    uint32_t mid = b + (e - b) / 2;
    if (post[mid] <= i) b = mid + 1;
    else e = mid;
  }
  return b;
}

/* Links every unit to the units of other sources similar enough to it. */
static int find_links(cr_alignment *al, const uint32_t *df, size_t nterms,
                      link_vec *links) {
  size_t n = al->nunits;
  uint32_t common = (uint32_t)(CR_ALIGN_COMMON_SHARE * (float)n);
  if (common < 8) common = 8;
  if (common > CR_ALIGN_MAX_POSTING) common = CR_ALIGN_MAX_POSTING;
  /* postings of every term in two units or more: term -> units */
  uint32_t *start = calloc(nterms + 1, sizeof *start);
  float *acc = calloc(n ? n : 1, sizeof *acc);
  float *scratch = malloc((n ? n : 1) * sizeof *scratch);
  uint32_t *touched = malloc((n ? n : 1) * sizeof *touched);
  uint32_t *post = NULL;
  int rc = -1;
  if (!start || !acc || !touched || !scratch) goto done;
  size_t total = 0;
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < al->units[i].vec.n; k++) {
      uint32_t t = al->units[i].vec.v[k].term;
      if (df[t] >= 2) start[t + 1]++, total++;
    }
  for (size_t t = 0; t < nterms; t++) start[t + 1] += start[t];
  post = malloc((total ? total : 1) * sizeof *post);
  uint32_t *fill = calloc(nterms ? nterms : 1, sizeof *fill);
  if (!post || !fill) {
    free(fill);
    goto done;
  }
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < al->units[i].vec.n; k++) {
      uint32_t t = al->units[i].vec.v[k].term;
      if (df[t] >= 2) post[start[t] + fill[t]++] = (uint32_t)i;
    }
  free(fill);
  for (size_t i = 0; i < n; i++) {
    const cr_unit *u = &al->units[i];
    size_t nt = 0;
    for (uint32_t k = 0; k < u->vec.n; k++) {
      uint32_t t = u->vec.v[k].term;
      if (df[t] < 2) continue;
      uint32_t p = start[t], end = start[t + 1];
      if (df[t] > common) {
        /* a common stem: only the next units carrying it (postings are in
         * unit order), so a claim every report repeats in the same words
         * still links report to report, and stars and their second ring
         * gather it, at a bounded cost */
        p = posting_after(post, p, end, (uint32_t)i);
        if (end - p > CR_ALIGN_COMMON_WINDOW) end = p + CR_ALIGN_COMMON_WINDOW;
      }
      for (; p < end; p++) {
        uint32_t j = post[p];
        if (j <= i || al->units[j].doc == u->doc) continue;
        if (acc[j] == 0) touched[nt++] = j;
        acc[j] += u->vec.v[k].w;
      }
    }
    float floor = nt > CR_ALIGN_MAX_CANDIDATES
                      ? kth_largest(acc, touched, nt, CR_ALIGN_MAX_CANDIDATES, scratch)
                      : 0;
    size_t compared = 0;
    for (size_t q = 0; q < nt; q++) {
      uint32_t j = touched[q];
      float shared = acc[j];
      acc[j] = 0;
      /* ties at the floor could pass the bound: count them */
      if (shared < floor || compared >= CR_ALIGN_MAX_CANDIDATES) continue;
      compared++;
      float s = cr_align_similarity(u, &al->units[j]);
      if (s < CR_ALIGN_SIMILARITY) continue;
      if (!cr_align_polarity_ok(u, &al->units[j])) continue;
      link a = {j, s}, b = {(uint32_t)i, s};
      if (cr_vec_push(&links[i], a) || cr_vec_push(&links[j], b)) goto done;
    }
  }
  rc = 0;
done:
  free(start);
  free(scratch);
  free(acc);
  free(touched);
  free(post);
  return rc;
}

/* Order in which units lead facts: linked to more sources first, then
 * more total similarity, then earlier in their report. */
typedef struct lead_key {
  uint32_t unit, nsrc, rank;
  float sum;
} lead_key;

static int cmp_lead(const void *a, const void *b) {
  const lead_key *x = a, *y = b;
  if (x->nsrc != y->nsrc) return x->nsrc > y->nsrc ? -1 : 1;
  if (x->sum != y->sum) return x->sum > y->sum ? -1 : 1;
  if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
  return (x->unit > y->unit) - (x->unit < y->unit);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_fact(const void *a, const void *b) {
  const cr_fact *x = a, *y = b;
  if (x->nsources != y->nsources) return x->nsources > y->nsources ? -1 : 1;
  if (x->nunits != y->nunits) return x->nunits > y->nunits ? -1 : 1;
  return (x->rep > y->rep) - (x->rep < y->rep);
}

/* Members of a fact checked for polarity against a newcomer. */
#define POLARITY_CHECKED_MEMBERS 16

/* A star's members need not be linked to each other: a newcomer joins
 * only if it does not contradict a member's polarity (cr_align_polarity_ok),
 * so a leader that mentions a speaker does not gather both the speaker's
 * denial and another statement of the same speaker. */
static int fits_polarity(const cr_alignment *al, const uint32_t *members, size_t n,
                         uint32_t j) {
  for (size_t m = 0; m < n && m < POLARITY_CHECKED_MEMBERS; m++)
    if (!cr_align_polarity_ok(&al->units[members[m]], &al->units[j])) return 0;
  return 1;
}

/* Sets f's sources from its units (seen: one byte per document). */
static int fact_sources(cr_alignment *al, cr_fact *f, uint8_t *seen) {
  size_t nd = al->corpus->docs.n;
  memset(seen, 0, nd);
  f->nsources = 0;
  for (uint32_t k = 0; k < f->nunits; k++) {
    uint32_t d = al->units[f->units[k]].doc;
    f->nsources += !seen[d];
    seen[d] = 1;
  }
  f->sources = cr_arena_alloc(al->arena, (f->nsources ? f->nsources : 1) * sizeof *f->sources);
  if (!f->sources) return -1;
  uint32_t q = 0;
  for (size_t d = 0; d < nd; d++)
    if (seen[d]) f->sources[q++] = (uint32_t)d;
  return 0;
}

/* Two facts of several sources each whose representatives are linked
 * closely (and agree in polarity) state one claim: a star is a unit's
 * neighbourhood, so a claim repeated by hundreds of reports, or quoted
 * by some and reported by others, can end up in two stars.  Only the
 * CR_ALIGN_MERGE_FACTS most corroborated facts are compared (they are
 * what a brief shows); facts are sorted (cmp_fact) before and after. */
static int merge_restated(cr_alignment *al, cr_fact *facts, size_t *nfacts, uint8_t *seen) {
  size_t n = *nfacts, top = n < CR_ALIGN_MERGE_FACTS ? n : CR_ALIGN_MERGE_FACTS;
  int merged = 0;
  for (size_t a = 0; a < top; a++) {
    if (!facts[a].nunits || facts[a].nsources < 2) continue;
    for (size_t b = a + 1; b < top; b++) {
      cr_fact *fa = &facts[a], *fb = &facts[b];
      if (!fb->nunits || fb->nsources < 2) continue;
      const cr_unit *x = &al->units[fa->rep], *y = &al->units[fb->rep];
      if (!cr_align_polarity_ok(x, y) || cr_align_similarity(x, y) < CR_ALIGN_MERGE_SIMILARITY)
        continue;
      uint32_t *u = cr_arena_alloc(al->arena, (fa->nunits + fb->nunits) * sizeof *u);
      if (!u) return -1;
      memcpy(u, fa->units, fa->nunits * sizeof *u);
      memcpy(u + fa->nunits, fb->units, fb->nunits * sizeof *u);
      fa->units = u;
      fa->nunits += fb->nunits;
      fb->nunits = 0;
      if (fact_sources(al, fa, seen)) return -1;
      merged = 1;
    }
  }
  if (!merged) return 0;
  size_t m = 0;
  for (size_t f = 0; f < n; f++)
    if (facts[f].nunits) facts[m++] = facts[f];
  *nfacts = m;
  if (m > 1) qsort(facts, m, sizeof *facts, cmp_fact);
  return 0;
}

static int build_facts(cr_alignment *al, link_vec *links) {
  size_t n = al->nunits, nd = al->corpus->docs.n;
  lead_key *order = malloc((n ? n : 1) * sizeof *order);
  uint8_t *seen = calloc(nd ? nd : 1, 1);
  CR_VEC(cr_fact) facts = {0};
  CR_VEC(uint32_t) members = {0};
  int rc = -1;
  if (!order || !seen) goto done;
  for (size_t i = 0; i < n; i++) {
    memset(seen, 0, nd);
    uint32_t ns = 0;
    float sum = 0;
    for (size_t k = 0; k < links[i].n; k++) {
      uint32_t d = al->units[links[i].v[k].other].doc;
      ns += !seen[d];
      seen[d] = 1;
      sum += links[i].v[k].sim;
    }
    lead_key key = {(uint32_t)i, ns, al->units[i].rank, sum};
    order[i] = key;
  }
  qsort(order, n, sizeof *order, cmp_lead);
  for (size_t o = 0; o < n; o++) {
    uint32_t i = order[o].unit;
    if (al->units[i].fact != UINT32_MAX) continue;
    uint32_t f = (uint32_t)facts.n;
    members.n = 0;
    al->units[i].fact = f;
    if (cr_vec_push(&members, i)) goto done;
    for (size_t k = 0; k < links[i].n; k++) {
      uint32_t j = links[i].v[k].other;
      if (al->units[j].fact != UINT32_MAX) continue;
      if (!fits_polarity(al, members.v, members.n, j)) continue;
      al->units[j].fact = f;
      if (cr_vec_push(&members, j)) goto done;
    }
    /* second ring: a unit linked to two members states what they state,
     * even when its wording is far from the leader's */
    size_t ring = members.n;
    for (size_t m = 1; m < ring; m++)
      for (size_t k = 0; k < links[members.v[m]].n; k++) {
        uint32_t j = links[members.v[m]].v[k].other;
        if (al->units[j].fact != UINT32_MAX) continue;
        /* members of two different other sources vouch for it */
        uint32_t d1 = UINT32_MAX;
        int hits = 0;
        for (size_t q = 0; q < links[j].n && hits < 2; q++) {
          const cr_unit *m2 = &al->units[links[j].v[q].other];
          if (m2->fact != f || m2->doc == al->units[j].doc || m2->doc == d1) continue;
          d1 = m2->doc;
          hits++;
        }
        if (hits < 2 || !fits_polarity(al, members.v, members.n, j)) continue;
        al->units[j].fact = f;
        if (cr_vec_push(&members, j)) goto done;
      }
    cr_fact fact = {i, NULL, (uint32_t)members.n, NULL, 0};
    fact.units = cr_arena_memdup(al->arena, members.v, members.n, sizeof *members.v);
    memset(seen, 0, nd);
    for (size_t k = 0; k < members.n; k++) {
      uint32_t d = al->units[members.v[k]].doc;
      fact.nsources += !seen[d];
      seen[d] = 1;
    }
    fact.sources = cr_arena_alloc(al->arena, fact.nsources * sizeof *fact.sources);
    if (!fact.units || !fact.sources) goto done;
    uint32_t q = 0;
    for (size_t d = 0; d < nd; d++)
      if (seen[d]) fact.sources[q++] = (uint32_t)d;
    if (cr_vec_push(&facts, fact)) goto done;
  }
  if (facts.n > 1) qsort(facts.v, facts.n, sizeof *facts.v, cmp_fact);
  if (merge_restated(al, facts.v, &facts.n, seen)) goto done;
  for (size_t f = 0; f < facts.n; f++)
    for (uint32_t k = 0; k < facts.v[f].nunits; k++)
      al->units[facts.v[f].units[k]].fact = (uint32_t)f;
  al->facts = cr_arena_memdup(al->arena, facts.v, facts.n, sizeof *facts.v);
  al->nfacts = facts.n;
  rc = facts.n && !al->facts ? -1 : 0;
done:
  (void)cmp_u32;
  free(order);
  free(seen);
  cr_vec_free(&facts);
  cr_vec_free(&members);
  return rc;
}

cr_alignment *cr_align_new(cr_corpus *c) {
  if (!c || cr_corpus_analyze(c) != CR_OK) return NULL;
  cr_alignment *al = calloc(1, sizeof *al);
  if (!al) return NULL;
  al->corpus = c;
  al->arena = cr_arena_new();
  align_ctx x = {c, NULL, 0};
  link_vec *links = NULL;
  uint32_t *df = NULL;
  if (!al->arena || build_canon(&x) || collect(&x, al)) goto fail;
  size_t nterms = cr_strmap_count(c->vocab);
  if (!(df = apply_idf(al, nterms))) goto fail;
  links = calloc(al->nunits ? al->nunits : 1, sizeof *links);
  if (!links || find_links(al, df, nterms, links) || build_facts(al, links) ||
      cr_align_discrepancies(al) || cr_align_flags(al))
    goto fail;
  for (size_t i = 0; i < al->nunits; i++) cr_vec_free(&links[i]);
  free(links);
  /* kept for later readers of the alignment (speakers.c) */
  al->canon = x.canon;
  al->ncanon = x.ncanon;
  al->df = df;
  al->ndf = nterms;
  return al;
fail:
  if (links)
    for (size_t i = 0; i < al->nunits; i++) cr_vec_free(&links[i]);
  free(links);
  free(df);
  free(x.canon);
  cr_align_free(al);
  return NULL;
}

void cr_align_free(cr_alignment *al) {
  if (!al) return;
  cr_arena_free(al->arena);
  free(al->canon);
  free(al->df);
  free(al);
}
