/* bench/cue-features.c — prints the cue detector's features for every
 * candidate token of a directory, for the offline trainer
 * (scripts/train-cues).
 *
 *   build/bench/cue-features DIR > features.txt
 *
 * One line per word token outside quotation marks in a body or title
 * paragraph: DOC<TAB>CP_START<TAB>CP_END<TAB>SCORE<TAB>FEATURES (space-
 * separated), offsets in Unicode code points (the PolNeAR convention), and
 * SCORE the compiled model's score (for checking a regenerated model). */
#include <stdio.h>
#include <stdlib.h>

#include "analyze/analyze.h"

/* code points in text[0..byte) counted incrementally from a known point */
static size_t cp_advance(const char *text, size_t *at_byte, size_t cp, size_t byte) {
  for (size_t k = *at_byte; k < byte; k++)
    if (((unsigned char)text[k] & 0xC0) != 0x80) cp++;
  *at_byte = byte;
  return cp;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: cue-features DIR\n", stderr);
    return 2;
  }
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 1;
  if (cr_corpus_add_path(c, argv[1], CR_INPUT_AUTO) != CR_OK || !c->docs.n) {
    printf("bench/cue-features: no reports in %s, skipping\n", argv[1]);
    return 0;
  }
  if (cr_corpus_analyze(c) != CR_OK) return 1;
  static cr_cue_feats f;
  for (size_t di = 0; di < c->docs.n; di++) {
    const cr_doc *d = c->docs.v[di];
    uint8_t *inq = malloc(d->ntoks + 1);
    uint32_t *close = malloc((d->ntoks + 1) * sizeof *close);
    if (!inq || !close) return 1;
    cr_quote_marks(d, inq, close);
    size_t at = 0, cp = 0;
    for (size_t s = 0; s < d->nsents; s++) {
      const cr_sentence *se = &d->sents[s];
      uint8_t pk = d->paras[se->para].kind;
      if (pk != CR_PARA_BODY && pk != CR_PARA_TITLE) continue;
      cr_cue_quotes q;
      cr_cue_sentence_quotes(d, se->tok_begin, se->tok_end, &q);
      for (uint32_t i = se->tok_begin; i < se->tok_end; i++) {
        const cr_token *t = &d->toks[i];
        if (t->kind != CR_TOK_WORD || inq[i]) continue;
        cp = cp_advance(d->text, &at, cp, t->span.start);
        size_t cs = cp;
        size_t ce = cp_advance(d->text, &at, cp, t->span.end);
        cp = ce;
        cr_cue_features(d, inq, se->tok_begin, se->tok_end, &q, i, &f);
        printf("%s\t%zu\t%zu\t%.4f\t", d->id, cs, ce, cr_cue_model_score(&f));
        for (int k = 0; k < f.n; k++) printf(k ? " %s" : "%s", f.s[k]);
        putchar('\n');
      }
    }
    free(inq);
    free(close);
  }
  cr_corpus_free(c);
  return 0;
}
