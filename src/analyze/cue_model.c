/* cue_model.c — a learned cue detector: an averaged perceptron over
 * per-token features.
 *
 * The lexicon (cues.c) knows the common reporting verbs; PolNeAR's cues
 * have a long tail ("slammed", "took aim at", "is convinced") that no hand
 * list covers.  This scores each word token for "is part of a cue" from
 * the token, its neighbours, the quotation marks around it and the
 * lexicon's view of it.  The weights were learned offline on the PolNeAR
 * train split by scripts/train-cues (from the features that
 * build/bench/cue-features prints with this very function, so training and
 * run time cannot disagree), pruned and kept in data/cue_model.tsv, and
 * compiled into cue_model_data.c by scripts/gen-cue-model: an open-
 * addressing table of 64-bit feature hashes, so scoring costs one or two
 * slot probes per feature,
 * with no start-up work and no global mutable state. */
#include <string.h>

#include "analyze/analyze.h"

/* Walk for the nearest quotation mark: one past the last bucket (">10"). */
#define CR_CUE_QUOTE_WALK 11

extern const cr_cue_weight cr_cue_model_table[];
extern const size_t cr_cue_model_len;
extern const size_t cr_cue_model_slots;

uint64_t cr_cue_feat_hash(const char *s, size_t n) {
  uint64_t h = 14695981039346656037ULL; /* FNV-1a, 64 bits */
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* Appends the feature a+b (or a+b+"|"+c): plain copies, no formatting,
 * since this runs for every word of every report. */
void cr_feat_add(cr_cue_feats *f, const char *a, const char *b, const char *c) {
  if (f->n >= CR_CUE_FEAT_MAX) return;
  if (f->hash_only) {
    /* the hash of the string below without writing it: scoring needs no
     * more, and it runs for every word of every report */
    uint64_t h = 14695981039346656037ULL;
    size_t left = CR_CUE_FEAT_LEN - 1;
#define CR_FEAT_EAT(p)                                  \
  for (; *(p) && left; (p)++, left--) {                 \
    h ^= (unsigned char)*(p);                           \
    h *= 1099511628211ULL;                              \
  }
    CR_FEAT_EAT(a)
    CR_FEAT_EAT(b)
    if (c) {
      const char *bar = "|";
      CR_FEAT_EAT(bar)
      CR_FEAT_EAT(c)
    }
#undef CR_FEAT_EAT
    f->h[f->n++] = h;
    return;
  }
  char *o = f->s[f->n], *start = o, *end = o + CR_CUE_FEAT_LEN - 1;
  for (; *a && o < end; a++) *o++ = *a;
  for (; *b && o < end; b++) *o++ = *b;
  if (c) {
    if (o < end) *o++ = '|';
    for (; *c && o < end; c++) *o++ = *c;
  }
  *o = 0;
  f->h[f->n] = cr_cue_feat_hash(start, (size_t)(o - start));
  f->n++;
}
static void add(cr_cue_feats *f, const char *a, const char *b) { cr_feat_add(f, a, b, NULL); }
static void add2(cr_cue_feats *f, const char *a, const char *b, const char *c) {
  cr_feat_add(f, a, b, c);
}

static int is_quote_tok(const cr_doc *d, uint32_t i) {
  return (d->toks[i].flags & (CR_TF_OPEN | CR_TF_CLOSE)) != 0;
}

/* The token as a feature value: lower-cased ASCII, a marker for sentence
 * edges, numbers and long or non-ASCII words (their rarity is the signal). */
void cr_model_word(const cr_doc *d, uint32_t b, uint32_t e, long i, char *w,
                   size_t cap) {
  if (i < (long)b) { snprintf(w, cap, "<s>"); return; }
  if (i >= (long)e) { snprintf(w, cap, "</s>"); return; }
  const cr_token *t = &d->toks[i];
  if (t->kind == CR_TOK_NUMBER) { snprintf(w, cap, "<num>"); return; }
  if (is_quote_tok(d, (uint32_t)i)) { snprintf(w, cap, "<q>"); return; }
  if (!cr_tok_lower(d, t, w, cap)) snprintf(w, cap, "<other>");
}

/* Last k bytes of w (the whole word when shorter): a cheap stem. */
static const char *suffix(const char *w, size_t k) {
  size_t n = strlen(w);
  return n > k ? w + n - k : w;
}

static const char *bucket(long n) {
  static const char *const names[] = {"0", "1", "2", "3-5", "6-10", ">10"};
  if (n < 0) return "none";
  return names[n <= 2 ? n : n <= 5 ? 3 : n <= 10 ? 4 : 5];
}

/* The lexicon's class and polarity of w ("speech/asserts"), or "none". */
static const char *lex_class(const char *w) {
  static const char *const names[5][4] = {
      {"speech/asserts", "speech/denies", "speech/doubts", "speech/hedges"},
      {"thought/asserts", "thought/denies", "thought/doubts", "thought/hedges"},
      {"evidence/asserts", "evidence/denies", "evidence/doubts", "evidence/hedges"},
      {"according/asserts", "according/denies", "according/doubts", "according/hedges"},
      {"seem/asserts", "seem/denies", "seem/doubts", "seem/hedges"}};
  const cr_cue_entry *e = cr_cue_lookup(w, strlen(w));
  if (!e || e->cls >= 5 || e->polarity >= 4) return "none";
  return names[e->cls][e->polarity];
}

void cr_cue_sentence_quotes(const cr_doc *d, uint32_t b, uint32_t e,
                            cr_cue_quotes *q) {
  q->first = q->last = UINT32_MAX;
  for (uint32_t j = b; j < e; j++)
    if (is_quote_tok(d, j)) {
      if (q->first == UINT32_MAX) q->first = j;
      q->last = j;
    }
}

void cr_cue_features(const cr_doc *d, const uint8_t *inq, uint32_t b, uint32_t e,
                     const cr_cue_quotes *q, uint32_t i, cr_cue_feats *f) {
  char w[5][24];
  for (int k = -2; k <= 2; k++) cr_model_word(d, b, e, (long)i + k, w[k + 2], sizeof w[0]);
  const cr_token *t = &d->toks[i];
  f->n = 0;
  add(f, "b", "");
  add(f, "w=", w[2]);
  add(f, "s3=", suffix(w[2], 3));
  add(f, "s2=", suffix(w[2], 2));
  add(f, "shape=", (t->flags & CR_TF_UPPER) ? "upper" : (t->flags & CR_TF_CAP) ? "cap" : "lower");
  add(f, "w-2=", w[0]);
  add(f, "w-1=", w[1]);
  add(f, "w+1=", w[3]);
  add(f, "w+2=", w[4]);
  add(f, "s3-1=", suffix(w[1], 3));
  add(f, "s3+1=", suffix(w[3], 3));
  add2(f, "w-1w=", w[1], w[2]);
  add2(f, "ww+1=", w[2], w[3]);
  add2(f, "s3w+1=", suffix(w[2], 3), w[3]);
  const char *lx = lex_class(w[2]);
  add(f, "lex=", lx);
  add(f, "lex-1=", lex_class(w[1]));
  add(f, "lex+1=", lex_class(w[3]));
  add2(f, "lexw+1=", lx, w[3]);
  add2(f, "lexw-1=", lx, w[1]);
  add(f, "inq=", inq && inq[i] ? "1" : "0");
  /* distance to the nearest quotation mark on each side, in the sentence;
   * the buckets stop at ">10", so the walk is bounded by
   * CR_CUE_QUOTE_WALK and the sentence's first and last marks say whether
   * one lies further out */
  long ql = -1, qr = -1;
  int sq = q->first != UINT32_MAX;
  for (uint32_t j = i, k = 0; sq && j > b && k < CR_CUE_QUOTE_WALK; k++)
    if (is_quote_tok(d, --j)) { ql = (long)(i - j - 1); break; }
  if (sq && ql < 0 && q->first < i) ql = CR_CUE_QUOTE_WALK;
  for (uint32_t j = i + 1, k = 0; sq && j < e && k < CR_CUE_QUOTE_WALK; j++, k++)
    if (is_quote_tok(d, j)) { qr = (long)(j - i - 1); break; }
  if (sq && qr < 0 && q->last > i && q->last != UINT32_MAX) qr = CR_CUE_QUOTE_WALK;
  add(f, "ql=", bucket(ql));
  add(f, "qr=", bucket(qr));
  add(f, "sq=", sq ? "1" : "0");
  add2(f, "sqlex=", sq ? "1" : "0", lx);
  add2(f, "sqs3=", sq ? "1" : "0", suffix(w[2], 3));
  add(f, "pos=", bucket((long)(i - b)));
  add(f, "rpos=", bucket((long)(e - i - 1)));
  add2(f, "posw=", bucket((long)(i - b)), w[2]);
}

float cr_model_score(const cr_cue_weight *table, size_t slots, const cr_cue_feats *f) {
  float s = 0;
  size_t mask = slots - 1;
  for (int i = 0; i < f->n && slots; i++) {
    uint64_t h = f->h[i];
    for (size_t k = h & mask, n = 0; n < slots; k = (k + 1) & mask, n++) {
      if (table[k].hash == h) {
        s += table[k].weight;
        break;
      }
      if (!table[k].hash) break;
    }
  }
  return s;
}

float cr_cue_model_score(const cr_cue_feats *f) {
  return cr_model_score(cr_cue_model_table, cr_cue_model_slots, f);
}

size_t cr_cue_model_size(void) { return cr_cue_model_len; }
