/* facts_view.c — what the renderers show of the alignment: a fact's
 * distinct wordings (one per source sentence; the clause units of a long
 * sentence and a paragraph a source repeats are shown once), its numbers,
 * each source's unique details and flags. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

size_t cr_fact_wordings(const cr_alignment *al, const cr_fact *f, uint32_t *out,
                        size_t max) {
  size_t n = 0;
  for (uint32_t k = 0; k < f->nunits && n < max; k++) {
    const cr_unit *u = &al->units[f->units[k]];
    const cr_doc *d = al->corpus->docs.v[u->doc];
    cr_span s = d->sents[u->sent].span;
    int dup = 0;
    for (size_t j = 0; j < n && !dup; j++) {
      const cr_unit *v = &al->units[out[j]];
      const cr_doc *e = al->corpus->docs.v[v->doc];
      cr_span t = e->sents[v->sent].span;
      dup = (v->doc == u->doc && v->sent == u->sent) ||
            (s.end - s.start == t.end - t.start &&
             !memcmp(d->text + s.start, e->text + t.start, s.end - s.start));
    }
    if (!dup) out[n++] = f->units[k];
  }
  return n;
}

int cr_fact_is_detail(const cr_alignment *al, const cr_fact *f) {
  const cr_unit *u = &al->units[f->rep];
  const cr_doc *d = al->corpus->docs.v[u->doc];
  const cr_sentence *s = &d->sents[u->sent];
  /* a whole sentence with enough words to say something on its own */
  if (f->nsources != 1 || u->tok_begin != s->tok_begin || u->tok_end != s->tok_end ||
      u->words < CR_UNIQUE_MIN_WORDS)
    return 0;
  /* not unique when one of its clauses is carried by another source (the
   * clause units of a sentence follow its whole-sentence unit) */
  for (size_t k = f->rep + 1; k < al->nunits; k++) {
    const cr_unit *c = &al->units[k];
    if (c->doc != u->doc || c->sent != u->sent) break;
    if (c->fact < al->nfacts && al->facts[c->fact].nsources > 1) return 0;
  }
  /* a paragraph the page repeats is listed once */
  for (uint32_t i = 0; i < u->sent; i++) {
    cr_span t = d->sents[i].span;
    if (d->paras[d->sents[i].para].kind == CR_PARA_BODY &&
        t.end - t.start == s->span.end - s->span.start &&
        !memcmp(d->text + t.start, d->text + s->span.start, t.end - t.start))
      return 0;
  }
  return 1;
}

size_t cr_source_flag_names(const cr_brief *b, size_t i, const char **names, size_t max) {
  const cr_doc *d = b->corpus->docs.v[i];
  size_t n = cr_doc_flags(d, names, max);
  if (!b->align) return n;
  uint32_t f = b->align->flags[i].flags;
  if ((f & CR_FLAG_DUPLICATE) && n < max) names[n++] = "duplicate";
  if ((f & CR_FLAG_GARBLED) && n < max) names[n++] = "machine-translated";
  if ((f & CR_FLAG_NO_DATE) && n < max) names[n++] = "no-date";
  if ((f & CR_FLAG_SHORT) && n < max) names[n++] = "short";
  return n;
}
