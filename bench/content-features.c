/* bench/content-features.c — prints the content-end ranker's candidates
 * and features for every reported clause the rules find in a directory,
 * for the offline trainer (scripts/train-content).
 *
 *   build/bench/content-features DIR > features.txt
 *
 * A reported clause is an attribution whose content starts after its cue
 * in the cue's sentence without a quotation mark (the contents that
 * cr_content_end ranks).  One line per candidate end:
 * DOC<TAB>N<TAB>CUE_START<TAB>CUE_END<TAB>START<TAB>END<TAB>FEATURES,
 * N numbering the clauses, offsets in Unicode code points (the PolNeAR
 * convention), END the end of the candidate's last token before trailing
 * punctuation is trimmed. */
#include <stdio.h>
#include <stdlib.h>

#include "analyze/analyze.h"

/* The token starting at byte offset `at` (or ending there, when end). */
static uint32_t tok_at(const cr_doc *d, uint32_t at, int end) {
  uint32_t lo = 0, hi = d->ntoks;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if ((end ? d->toks[mid].span.end : d->toks[mid].span.start) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: content-features DIR\n", stderr);
    return 2;
  }
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 1;
  if (cr_corpus_add_path(c, argv[1], CR_INPUT_AUTO) != CR_OK || !c->docs.n) {
    printf("bench/content-features: no reports in %s, skipping\n", argv[1]);
    return 0;
  }
  if (cr_corpus_analyze(c) != CR_OK) return 1;
  static cr_cue_feats f;
  size_t ex = 0;
  for (size_t di = 0; di < c->docs.n; di++) {
    const cr_doc *d = c->docs.v[di];
    uint8_t *inq = malloc(d->ntoks + 1);
    uint32_t *close = malloc((d->ntoks + 1) * sizeof *close);
    size_t *cp = malloc((d->text_len + 1) * sizeof *cp); /* byte -> code point */
    if (!inq || !close || !cp) return 1;
    cr_quote_marks(d, inq, close);
    for (size_t b = 0, n = 0; b <= d->text_len; b++) {
      cp[b] = n;
      if (b < d->text_len && ((unsigned char)d->text[b] & 0xC0) != 0x80) n++;
    }
    for (size_t ai = 0; ai < d->nattrs; ai++) {
      const cr_attr *a = &d->attrs[ai];
      if (a->content2.end > a->content2.start || a->cue.end >= a->content.start) continue;
      const cr_sentence *se = &d->sents[a->sent];
      uint32_t cue = tok_at(d, a->cue.end, 1), lo = tok_at(d, a->content.start, 0);
      if (lo >= se->tok_end || lo < se->tok_begin || lo + 2 >= se->tok_end) continue;
      if (d->toks[lo].kind == CR_TOK_QUOTE && (d->toks[lo].flags & CR_TF_OPEN)) continue;
      uint32_t k[CR_CONTENT_CANDS_MAX];
      size_t n = cr_content_candidates(d, inq, se->tok_begin, se->tok_end, lo, k);
      for (size_t i = 0; i < n; i++) {
        cr_content_features(d, inq, se->tok_begin, se->tok_end, lo, cue, k[i], &f);
        printf("%s\t%zu\t%zu\t%zu\t%zu\t%zu\t", d->id, ex, cp[a->cue.start], cp[a->cue.end],
               cp[d->toks[lo].span.start], cp[d->toks[k[i] - 1].span.end]);
        for (int j = 0; j < f.n; j++) printf(j ? " %s" : "%s", f.s[j]);
        putchar('\n');
      }
      ex++;
    }
    free(inq);
    free(close);
    free(cp);
  }
  cr_corpus_free(c);
  return 0;
}
