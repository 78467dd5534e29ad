/* cues.c — the attribution cue lexicon.
 *
 * The word forms live in data/cues.tsv (with their source) and are
 * compiled into cues_data.c by scripts/gen-cues, sorted, so a lookup is a
 * binary search over a constant table: no start-up work and no global
 * mutable state. */
#include <string.h>

#include "analyze/analyze.h"

extern const cr_cue_entry cr_cue_table[];
extern const size_t cr_cue_table_len;

const char *cr_polarity_name(cr_polarity p) {
  switch (p) {
    case CR_POL_ASSERTS: return "asserts";
    case CR_POL_DENIES: return "denies";
    case CR_POL_DOUBTS: return "doubts";
    case CR_POL_HEDGES: return "hedges";
  }
  return "asserts";
}

const cr_cue_entry *cr_cue_lookup(const char *word, size_t n) {
  size_t lo = 0, hi = cr_cue_table_len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    /* compared inline, not with strncmp: this runs for every word */
    const unsigned char *w = (const unsigned char *)cr_cue_table[mid].word;
    const unsigned char *q = (const unsigned char *)word;
    size_t i = 0;
    while (i < n && w[i] && w[i] == q[i]) i++;
    int cmp = i == n ? (w[n] ? 1 : 0) : (w[i] < q[i] ? -1 : 1); /* w longer: w > word */
    if (cmp == 0) return &cr_cue_table[mid];
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}
