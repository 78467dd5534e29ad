/* analyze.c — runs the analyze stage: quotation marks, attributions,
 * entities (and speakers), numbers and dates per document, then the
 * cross-report alias merge.  Also the small token helpers the analyze
 * files share. */
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"

const char *cr_attr_kind_name(cr_attr_kind k) {
  switch (k) {
    case CR_ATTR_DIRECT: return "direct";
    case CR_ATTR_INDIRECT: return "indirect";
    case CR_ATTR_MIXED: return "mixed";
  }
  return "indirect";
}

int cr_tok_is(const cr_doc *d, const cr_token *t, const char *w) {
  size_t n = t->span.end - t->span.start;
  return strlen(w) == n && strncasecmp(d->text + t->span.start, w, n) == 0;
}

size_t cr_tok_lower(const cr_doc *d, const cr_token *t, char *buf, size_t cap) {
  size_t n = t->span.end - t->span.start;
  if (n == 0 || n >= cap) return 0;
  const char *s = d->text + t->span.start;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x80) return 0; /* the word lists are ASCII */
    buf[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  buf[n] = 0;
  return n;
}

int cr_tok_in(const cr_doc *d, const cr_token *t, const char *const *list,
              size_t n) {
  char w[24];
  if (t->kind != CR_TOK_WORD && t->kind != CR_TOK_ABBREV) return 0;
  size_t wn = cr_tok_lower(d, t, w, sizeof w);
  if (!wn) return 0;
  /* a binary search with the comparison inline: the rules ask this for
   * nearly every token, many times over */
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const unsigned char *a = (const unsigned char *)list[mid], *b = (const unsigned char *)w;
    while (*a && *a == *b) a++, b++;
    if (*a == *b) return 1;
    if (*a < *b) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/* Per-document work; the scratch arrays live only for the call. */
static int analyze_doc(cr_corpus *c, cr_doc *d) {
  int rc = -1;
  uint8_t *inq = d->ntoks ? malloc(d->ntoks) : NULL;
  uint32_t *close = d->ntoks ? malloc(d->ntoks * sizeof *close) : NULL;
  cr_attr_vec attrs = {0};
  cr_number_vec nums = {0};
  cr_date_vec dates = {0};
  if (d->ntoks && (!inq || !close)) goto done;
  cr_quote_marks(d, inq, close);
  if (cr_find_attributions(d, inq, close, &attrs)) goto done;
  if (cr_find_entities(c, d, attrs.v, attrs.n)) goto done;
  if (cr_find_numbers(d, &nums)) goto done;
  if (cr_find_dates(d, d->meta.date_valid > 0 ? d->meta.date : NULL, &dates))
    goto done;
  d->attrs = cr_arena_memdup(c->arena, attrs.v, attrs.n, sizeof *attrs.v);
  d->nattrs = attrs.n;
  d->nums = cr_arena_memdup(c->arena, nums.v, nums.n, sizeof *nums.v);
  d->nnums = nums.n;
  d->dates = cr_arena_memdup(c->arena, dates.v, dates.n, sizeof *dates.v);
  d->ndates = dates.n;
  if ((attrs.n && !d->attrs) || (nums.n && !d->nums) || (dates.n && !d->dates))
    goto done;
  d->attributed = 1;
  rc = 0;
done:
  free(inq);
  free(close);
  cr_vec_free(&attrs);
  cr_vec_free(&nums);
  cr_vec_free(&dates);
  return rc;
}

int cr_analyze_corpus(cr_corpus *c) {
  int added = 0;
  for (size_t i = 0; i < c->docs.n; i++) {
    cr_doc *d = c->docs.v[i];
    if (d->attributed) continue;
    if (analyze_doc(c, d)) return -1;
    added = 1;
  }
  if (added || !c->ents_merged) {
    if (cr_merge_aliases(c)) return -1;
    c->ents_merged = 1;
  }
  return 0;
}

const char *cr_attr_speaker(const cr_corpus *c, const cr_doc *d,
                            const cr_attr *a) {
  if (a->mention == CR_NO_ID || a->mention >= d->nments) return NULL;
  uint32_t e = d->ments[a->mention].entity;
  if (e >= c->ents.n) return NULL;
  return c->ents.v[e].name;
}

void cr_analyze_free(cr_corpus *c) {
  for (size_t i = 0; i < c->ents.n; i++) cr_vec_free(&c->ents.v[i].aliases);
  cr_vec_free(&c->ents);
  cr_strmap_free(c->ent_keys);
  c->ent_keys = NULL;
}

size_t cr_doc_attribution_count(const cr_doc *d) { return d ? d->nattrs : 0; }

cr_status cr_doc_attribution(const cr_corpus *c, const cr_doc *d, size_t i,
                             cr_attribution_info *out) {
  if (!c || !d || !out || i >= d->nattrs) return CR_ERR_USAGE;
  const cr_attr *a = &d->attrs[i];
  out->source = a->source;
  out->cue = a->cue;
  out->content = a->content;
  out->content2 = a->content2;
  out->speaker = cr_attr_speaker(c, d, a);
  out->kind = cr_attr_kind_name((cr_attr_kind)a->kind);
  out->polarity = cr_polarity_name((cr_polarity)a->polarity);
  return CR_OK;
}
