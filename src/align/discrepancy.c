/* discrepancy.c — where sources carrying one fact disagree.
 *
 * Within a fact (sentences of several sources aligned as the same
 * statement):
 *   - numbers counting the same thing ("10,000 soldiers" / "12,000
 *     troops": same canonical noun) with different values;
 *   - different weekdays given for it;
 *   - one quote rendered in different words ("more than horrifying" /
 *     "beyond terrifying"): short quotes in aligned sentences whose words
 *     differ, which is what two translations of one statement look like.
 * Each value lists the sources behind it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align/align.h"

/* A quote longer than this is an excerpt of a statement, and two sources
 * excerpting different parts of it do not disagree. */
#define DISC_QUOTE_MAX_WORDS 12

typedef struct val {
  char text[96];
  uint32_t docs[64]; /* bounded: the first sources giving the value */
  uint32_t ndocs;
} val;

typedef CR_VEC(val) val_vec;
typedef CR_VEC(cr_discrepancy) disc_vec;

static int add_value(val_vec *vs, const char *text, uint32_t doc) {
  for (size_t i = 0; i < vs->n; i++)
    if (!strcasecmp(vs->v[i].text, text)) {
      for (uint32_t k = 0; k < vs->v[i].ndocs; k++)
        if (vs->v[i].docs[k] == doc) return 0;
      if (vs->v[i].ndocs < 64) vs->v[i].docs[vs->v[i].ndocs++] = doc;
      return 0;
    }
  val v;
  memset(&v, 0, sizeof v);
  snprintf(v.text, sizeof v.text, "%s", text);
  v.docs[v.ndocs++] = doc;
  return cr_vec_push(vs, v);
}

/* Sources that give one value and none of the others: only then is it a
 * disagreement and not one source giving two figures. */
static int values_conflict(const val_vec *vs) {
  if (vs->n < 2) return 0;
  for (size_t i = 0; i < vs->n; i++)
    for (uint32_t a = 0; a < vs->v[i].ndocs; a++)
      for (size_t j = 0; j < vs->n; j++) {
        if (j == i) continue;
        int shared = 0;
        for (uint32_t b = 0; b < vs->v[j].ndocs; b++)
          shared |= vs->v[j].docs[b] == vs->v[i].docs[a];
        if (!shared) return 1;
      }
  return 0;
}

static int emit(cr_alignment *al, disc_vec *out, uint8_t kind,
                uint32_t fact, const char *about, const char *note,
                const val_vec *vs) {
  cr_discrepancy d = {kind, fact, cr_arena_strdup(al->arena, about),
                      note ? cr_arena_strdup(al->arena, note) : NULL, NULL,
                      (uint32_t)vs->n};
  d.values = cr_arena_calloc(al->arena, vs->n, sizeof *d.values);
  if (!d.about || !d.values) return -1;
  for (size_t i = 0; i < vs->n; i++) {
    d.values[i].value = cr_arena_strdup(al->arena, vs->v[i].text);
    d.values[i].sources =
        cr_arena_memdup(al->arena, vs->v[i].docs, vs->v[i].ndocs, sizeof(uint32_t));
    d.values[i].nsources = vs->v[i].ndocs;
    if (!d.values[i].value || !d.values[i].sources) return -1;
  }
  return cr_vec_push(out, d);
}

static void span_text(const cr_doc *d, cr_span s, char *out, size_t cap) {
  size_t n = s.end - s.start;
  if (n >= cap) n = cap - 1;
  memcpy(out, d->text + s.start, n);
  out[n] = 0;
  for (size_t i = 0; i < n; i++)
    if (out[i] == '\n' || out[i] == '\r') out[i] = ' ';
}

/* Whether member k of f is close enough to compare numbers and days. */
static int close_member(const cr_alignment *al, const cr_fact *f, uint32_t k) {
  return f->units[k] == f->rep ||
         cr_align_similarity(&al->units[f->units[k]], &al->units[f->rep]) >= CR_DISC_SIMILARITY;
}

/* Numbers: grouped by what they count. */
static int number_discs(cr_alignment *al, const cr_fact *f, uint32_t fi,
                        void *outp) {
  disc_vec *out = outp;
  val_vec vs = {0};
  int rc = 0;
  for (uint32_t a = 0; a < f->nunits && !rc; a++) {
    const cr_unit *ua = &al->units[f->units[a]];
    if (!close_member(al, f, a)) continue;
    for (uint8_t p = 0; p < ua->nnums && !rc; p++) {
      uint32_t what = ua->nums[p].what;
      if (what == CR_NO_ID) continue;
      /* done already for an earlier unit with the same noun? */
      int seen = 0;
      for (uint32_t b = 0; b < a && !seen; b++) {
        const cr_unit *ub = &al->units[f->units[b]];
        for (uint8_t q = 0; q < ub->nnums; q++) seen |= ub->nums[q].what == what;
      }
      for (uint8_t q = 0; q < p; q++) seen |= ua->nums[q].what == what;
      if (seen) continue;
      vs.n = 0;
      for (uint32_t b = a; b < f->nunits && !rc; b++) {
        const cr_unit *ub = &al->units[f->units[b]];
        if (!close_member(al, f, b)) continue;
        const cr_doc *d = al->corpus->docs.v[ub->doc];
        for (uint8_t q = 0; q < ub->nnums && !rc; q++) {
          if (ub->nums[q].what != what) continue;
          char txt[96];
          span_text(d, ub->nums[q].span, txt, sizeof txt);
          rc = add_value(&vs, txt, ub->doc);
        }
      }
      /* "10,000" and "10000" are one value: compare numerically */
      if (!rc && values_conflict(&vs)) {
        double v0 = 0;
        int differ = 0;
        for (size_t i = 0; i < vs.n; i++) {
          double v = 0;
          char digits[96];
          size_t k = 0;
          for (const char *s = vs.v[i].text; *s && k + 1 < sizeof digits; s++)
            if ((*s >= '0' && *s <= '9') || *s == '.') digits[k++] = *s;
          digits[k] = 0;
          v = atof(digits);
          if (i == 0) v0 = v;
          else differ |= v != v0;
        }
        if (differ) {
          char about[128];
          size_t kl;
          const char *key = cr_strmap_key(al->corpus->vocab, what, &kl);
          snprintf(about, sizeof about, "number of %s", key ? key : "?");
          rc = emit(al, out, CR_DISC_NUMBER, fi, about, NULL, &vs);
        }
      }
    }
  }
  cr_vec_free(&vs);
  return rc;
}

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

static int day_discs(cr_alignment *al, const cr_fact *f, uint32_t fi, void *outp) {
  disc_vec *out = outp;
  val_vec vs = {0};
  int rc = 0;
  for (uint32_t a = 0; a < f->nunits && !rc; a++) {
    const cr_unit *u = &al->units[f->units[a]];
    const cr_doc *d = al->corpus->docs.v[u->doc];
    if (!close_member(al, f, a)) continue;
    for (uint32_t k = u->tok_begin; k < u->tok_end && !rc; k++) {
      cr_span sp = d->toks[k].span;
      for (size_t w = 0; w < 7; w++)
        if (sp.end - sp.start == strlen(weekdays[w]) &&
            !strncmp(d->text + sp.start, weekdays[w], sp.end - sp.start))
          rc = add_value(&vs, weekdays[w], u->doc);
    }
  }
  if (!rc && values_conflict(&vs)) rc = emit(al, out, CR_DISC_DAY, fi, "day", NULL, &vs);
  cr_vec_free(&vs);
  return rc;
}

static int quote_words(const cr_doc *d, cr_span q) {
  int n = 0;
  for (uint32_t k = q.start; k < q.end; k++) n += d->toks[k].kind == CR_TOK_WORD;
  return n;
}

/* Quotes: within a fact, short quotes from different sources that differ. */
static int quote_discs(cr_alignment *al, const cr_fact *f, uint32_t fi, void *outp) {
  disc_vec *out = outp;
  val_vec vs = {0};
  int rc = 0;
  for (uint32_t a = 0; a < f->nunits && !rc; a++) {
    const cr_unit *u = &al->units[f->units[a]];
    const cr_doc *d = al->corpus->docs.v[u->doc];
    for (uint8_t q = 0; q < u->nquotes && !rc; q++) {
      if (quote_words(d, u->quotes[q]) > DISC_QUOTE_MAX_WORDS) continue;
      cr_span sp = {d->toks[u->quotes[q].start].span.start,
                    d->toks[u->quotes[q].end - 1].span.end};
      char txt[96];
      span_text(d, sp, txt, sizeof txt);
      /* trailing punctuation inside the marks is not wording */
      size_t n = strlen(txt);
      while (n && strchr(".,;:!?", txt[n - 1])) txt[--n] = 0;
      rc = add_value(&vs, txt, u->doc);
    }
  }
  /* one value per source, else it is several quotes, not renderings */
  int one_each = vs.n >= 2;
  for (size_t i = 0; i < vs.n && one_each; i++)
    for (size_t j = i + 1; j < vs.n; j++)
      for (uint32_t x = 0; x < vs.v[i].ndocs; x++)
        for (uint32_t y = 0; y < vs.v[j].ndocs; y++)
          if (vs.v[i].docs[x] == vs.v[j].docs[y]) one_each = 0;
  if (!rc && one_each && values_conflict(&vs))
    rc = emit(al, out, CR_DISC_QUOTE, fi, "quoted wording",
              "one statement quoted in different words: likely different "
              "translations of the same quote",
              &vs);
  cr_vec_free(&vs);
  return rc;
}

int cr_align_discrepancies(cr_alignment *al) {
  disc_vec out = {0};
  for (size_t fi = 0; fi < al->nfacts; fi++) {
    const cr_fact *f = &al->facts[fi];
    if (f->nsources < 2) continue;
    if (number_discs(al, f, (uint32_t)fi, &out) || day_discs(al, f, (uint32_t)fi, &out) ||
        quote_discs(al, f, (uint32_t)fi, &out)) {
      cr_vec_free(&out);
      return -1;
    }
  }
  al->discs = cr_arena_memdup(al->arena, out.v, out.n, sizeof *out.v);
  al->ndiscs = out.n;
  int rc = out.n && !al->discs ? -1 : 0;
  cr_vec_free(&out);
  return rc;
}
