/* content_model.c — where a reported clause ends: a learned ranker.
 *
 * "Officials said the talks had failed, citing ..." — the content of a
 * source-first cue runs from the word after the cue to somewhere in the
 * rest of the sentence: the full stop, or a comma, dash or conjunction
 * where the reporter's own words take over.  PolNeAR's annotators stop at
 * very different boundaries ("the talks had failed, and the envoys went
 * home" is one content, "the talks had failed, as the envoys went home"
 * two clauses), so no short rule list gets them right.  This ranks the
 * candidate ends of a content (cr_content_candidates) with an averaged
 * structured perceptron: the candidate with the highest sum of feature
 * weights wins.  The weights were learned offline on the PolNeAR train
 * split by scripts/train-content (from the features bench/content-features
 * prints with this very function), kept in data/content_model.tsv and
 * compiled into content_model_data.c by scripts/gen-cue-model. */
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"

extern const cr_cue_weight cr_content_model_table[];
extern const size_t cr_content_model_len;
extern const size_t cr_content_model_slots;

size_t cr_content_model_size(void) { return cr_content_model_len; }

/* Words at which a reported clause may stop: conjunctions, subordinators,
 * relative pronouns and the prepositions that open adjuncts ("... failed
 * in a statement on Tuesday").  Sorted for bsearch. */
static const char *const stops[] = {
    "according", "after", "although", "amid", "and", "as", "at", "because",
    "before", "but", "by", "despite", "during", "even", "for", "from",
    "if", "in", "including", "on", "or", "over", "said", "says", "since",
    "so", "than", "then", "though", "to", "unless", "until", "when",
    "where", "whereas", "which", "while", "who", "with", "without"};

static int candidate_at(const cr_doc *d, const uint8_t *inq, uint32_t k) {
  const cr_token *t = &d->toks[k];
  if (t->kind == CR_TOK_QUOTE) return (t->flags & CR_TF_OPEN) != 0;
  if (inq && inq[k]) return 0;
  if (t->kind == CR_TOK_PUNCT || t->kind == CR_TOK_DASH || t->kind == CR_TOK_ELLIPSIS)
    return 1;
  if (k > 0 && d->toks[k - 1].kind == CR_TOK_QUOTE && (d->toks[k - 1].flags & CR_TF_CLOSE))
    return 1;
  return t->kind == CR_TOK_WORD && !(t->flags & CR_TF_CAP) &&
         cr_tok_in(d, t, stops, sizeof stops / sizeof *stops);
}

/* Conjunctions after which a sentence contrasts the report with
 * something the reporter adds ("..., though reports of damage were still
 * being evaluated"): the content ends right there, so that the stance of
 * the attribution can read the reservation in that tail
 * (src/align/speakers.c).  ", but" is no such end: PolNeAR's contents run
 * on over it about as often as they stop ("... should be punished, but
 * not women"), so the ranker weighs it like any other candidate. */
static const char *const contrast[] = {"although", "though", "whereas", "while"};

static int contrast_at(const cr_doc *d, const uint8_t *inq, uint32_t j, uint32_t e) {
  const cr_token *t = &d->toks[j];
  return j + 1 < e && !(inq && inq[j]) && t->kind == CR_TOK_PUNCT &&
         (d->text[t->span.start] == ',' || d->text[t->span.start] == ';') &&
         cr_tok_in(d, &d->toks[j + 1], contrast, sizeof contrast / sizeof *contrast);
}

size_t cr_content_candidates(const cr_doc *d, const uint8_t *inq, uint32_t b,
                             uint32_t e, uint32_t lo, uint32_t *k) {
  (void)b;
  size_t n = 0;
  for (uint32_t j = lo + 2; j < e && n + 1 < CR_CONTENT_CANDS_MAX; j++) {
    if (!candidate_at(d, inq, j)) continue;
    /* the final full stop ends the content as the sentence end does */
    if (j + 1 == e && d->toks[j].kind == CR_TOK_PUNCT && d->text[d->toks[j].span.start] == '.')
      continue;
    if (contrast_at(d, inq, j, e)) { /* the one end: see contrast[] */
      k[0] = j;
      return 1;
    }
    k[n++] = j;
  }
  k[n++] = e;
  return n;
}

/* Length buckets, finer than the cue model's: a content's length is much
 * of the signal. */
static const char *len_bucket(uint32_t n) {
  return n <= 3 ? "0-3" : n <= 6 ? "4-6" : n <= 10 ? "7-10" : n <= 15 ? "11-15"
       : n <= 25 ? "16-25" : n <= 40 ? "26-40" : ">40";
}

static const char *shape(const cr_doc *d, uint32_t e, uint32_t i) {
  if (i >= e) return "none";
  const cr_token *t = &d->toks[i];
  if (t->kind != CR_TOK_WORD && t->kind != CR_TOK_ABBREV) return "other";
  return (t->flags & CR_TF_UPPER) ? "upper" : (t->flags & CR_TF_CAP) ? "cap" : "lower";
}

void cr_content_features(const cr_doc *d, const uint8_t *inq, uint32_t b,
                         uint32_t e, uint32_t lo, uint32_t cue, uint32_t k,
                         cr_cue_feats *f) {
  char w[4][24], first[24], cw[24], nb[8];
  (void)inq;
  cr_model_word(d, b, e, (long)k - 1, w[0], sizeof w[0]);
  cr_model_word(d, b, e, (long)k, w[1], sizeof w[1]);
  cr_model_word(d, b, e, (long)k + 1, w[2], sizeof w[2]);
  cr_model_word(d, b, e, (long)k + 2, w[3], sizeof w[3]);
  cr_model_word(d, b, e, (long)lo, first, sizeof first);
  cr_model_word(d, b, e, (long)cue, cw, sizeof cw);
  uint32_t commas = 0, quotes = 0;
  for (uint32_t j = lo; j < k; j++) {
    const cr_token *t = &d->toks[j];
    commas += t->kind == CR_TOK_PUNCT && d->text[t->span.start] == ',';
    quotes += t->kind == CR_TOK_QUOTE;
  }
  const char *len = len_bucket(k - lo);
  const char *b1s = w[2];
  size_t n1 = strlen(b1s);
  const char *s3 = n1 > 3 ? b1s + n1 - 3 : b1s;
  f->n = 0;
  cr_feat_add(f, "b=", w[1], NULL);
  cr_feat_add(f, "b1=", w[2], NULL);
  cr_feat_add(f, "bb1=", w[1], w[2]);
  cr_feat_add(f, "b1b2=", w[2], w[3]);
  cr_feat_add(f, "p=", w[0], NULL);
  cr_feat_add(f, "pb=", w[0], w[1]);
  cr_feat_add(f, "bs3=", w[1], s3);
  cr_feat_add(f, "bsh1=", w[1], shape(d, e, k + 1));
  cr_feat_add(f, "len=", len, NULL);
  cr_feat_add(f, "lenb=", len, w[1]);
  cr_feat_add(f, "rest=", len_bucket(e - k), NULL);
  snprintf(nb, sizeof nb, "%u", commas > 4 ? 5 : commas);
  cr_feat_add(f, "com=", nb, w[1]);
  cr_feat_add(f, "q=", quotes & 1 ? "odd" : quotes ? "even" : "0", w[1]);
  cr_feat_add(f, "lo=", first, w[1]);
  cr_feat_add(f, "cue=", cw, w[1]);
  const cr_cue_entry *c1 = NULL;
  if (k + 1 < e && d->toks[k + 1].kind == CR_TOK_WORD) {
    char lw[24];
    size_t ln = cr_tok_lower(d, &d->toks[k + 1], lw, sizeof lw);
    c1 = ln ? cr_cue_lookup(lw, ln) : NULL;
  }
  cr_feat_add(f, "lex1=", c1 ? "1" : "0", w[1]);
}

uint32_t cr_content_end(const cr_doc *d, const uint8_t *inq, uint32_t b,
                        uint32_t e, uint32_t lo, uint32_t cue) {
  if (!cr_content_model_len || lo + 2 >= e) return e;
  uint32_t k[CR_CONTENT_CANDS_MAX];
  size_t n = cr_content_candidates(d, inq, b, e, lo, k);
  cr_cue_feats f;
  f.hash_only = 1;
  uint32_t best = e;
  float top = 0;
  for (size_t i = 0; i < n; i++) {
    cr_content_features(d, inq, b, e, lo, cue, k[i], &f);
    float s = cr_model_score(cr_content_model_table, cr_content_model_slots, &f);
    if (i == 0 || s > top) {
      top = s;
      best = k[i];
    }
  }
  return best;
}
