/* brief_json.c — the brief in the versioned JSON contract (docs/schema). */
#include <stdio.h>
#include <stdlib.h>

#include "align/speakers.h"
#include "analyze/analyze.h"
#include "report/jsonw.h"
#include "report/report.h"

size_t cr_doc_flags(const cr_doc *d, const char **names, size_t max) {
  size_t n = 0;
  if (d->invalid_bytes && n < max) names[n++] = "invalid-utf8";
  if (d->truncated && n < max) names[n++] = "truncated";
  if ((d->meta.date_valid < 0 || d->date_impossible) && n < max)
    names[n++] = "invalid-date";
  return n;
}

static void source(cr_jw *w, const cr_brief *b, size_t i) {
  const cr_doc *d = b->corpus->docs.v[i];
  cr_jw_object(w);
  cr_jw_kstr(w, "id", d->id);
  cr_jw_kstr(w, "file", d->file);
  cr_jw_kstr(w, "outlet", d->meta.outlet);
  cr_jw_kstr(w, "title", d->meta.title);
  cr_jw_kstr(w, "url", d->meta.url);
  if (d->meta.date_valid > 0) cr_jw_kstr(w, "date", d->meta.date);
  cr_jw_kstr(w, "date_raw", d->meta.date_raw);
  cr_jw_kstr(w, "agency", d->meta.agency);
  cr_jw_kint(w, "words", (long long)d->words);
  const char *flags[12];
  size_t nf = cr_source_flag_names(b, i, flags, 12);
  if (b->align && b->align->flags[i].duplicate_of >= 0) {
    cr_jw_kstr(w, "duplicate_of", b->corpus->docs.v[b->align->flags[i].duplicate_of]->id);
    cr_jw_key(w, "containment");
    cr_jw_double(w, b->align->flags[i].containment);
  }
  if (nf) {
    cr_jw_key(w, "flags");
    cr_jw_array(w);
    for (size_t k = 0; k < nf; k++) cr_jw_string(w, flags[k]);
    cr_jw_array_end(w);
  }
  if (b->align) cr_jw_kstr(w, "garbled_evidence", b->align->flags[i].garbled_why);
  cr_jw_object_end(w);
}

static void id_list(cr_jw *w, const cr_corpus *c, const uint32_t *docs, size_t n) {
  cr_jw_array(w);
  for (size_t i = 0; i < n; i++) cr_jw_string(w, c->docs.v[docs[i]]->id);
  cr_jw_array_end(w);
}

static void unit_text(cr_jw *w, const cr_alignment *al, uint32_t unit) {
  const cr_unit *u = &al->units[unit];
  const cr_doc *d = al->corpus->docs.v[u->doc];
  char *t = cr_sentence_text(NULL, d, d->sents[u->sent].span);
  cr_jw_string(w, t ? t : "");
  free(t);
}

/* facts (two sources or more), discrepancies, unique details */
static void align_json(cr_jw *w, const cr_brief *b) {
  const cr_alignment *al = b->align;
  const cr_corpus *c = b->corpus;
  uint32_t wd[CR_FACT_MAX_WORDINGS];
  cr_jw_key(w, "facts");
  cr_jw_array(w);
  for (size_t f = 0; f < al->nfacts && al->facts[f].nsources >= 2; f++) {
    const cr_fact *fa = &al->facts[f];
    cr_jw_object(w);
    cr_jw_kint(w, "id", (long long)f + 1);
    cr_jw_key(w, "text");
    unit_text(w, al, fa->rep);
    cr_jw_key(w, "sources");
    id_list(w, c, fa->sources, fa->nsources);
    size_t nw = cr_fact_wordings(al, fa, wd, CR_FACT_MAX_WORDINGS);
    cr_jw_key(w, "variants");
    cr_jw_array(w);
    for (size_t k = 1; k < nw; k++) {
      cr_jw_object(w);
      cr_jw_key(w, "text");
      unit_text(w, al, wd[k]);
      cr_jw_key(w, "sources");
      id_list(w, c, &al->units[wd[k]].doc, 1);
      cr_jw_object_end(w);
    }
    cr_jw_array_end(w);
    const cr_unit *r = &al->units[fa->rep];
    if (r->nnums) {
      const cr_doc *d = c->docs.v[r->doc];
      cr_jw_key(w, "numbers");
      cr_jw_array(w);
      for (uint8_t k = 0; k < r->nnums; k++)
        cr_jw_stringn(w, d->text + r->nums[k].span.start,
                      r->nums[k].span.end - r->nums[k].span.start);
      cr_jw_array_end(w);
    }
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  cr_jw_key(w, "discrepancies");
  cr_jw_array(w);
  for (size_t i = 0; i < al->ndiscs; i++) {
    const cr_discrepancy *d = &al->discs[i];
    cr_jw_object(w);
    cr_jw_kstr(w, "about", d->about);
    cr_jw_kint(w, "fact", (long long)d->fact + 1);
    cr_jw_kstr(w, "note", d->note);
    cr_jw_key(w, "variants");
    cr_jw_array(w);
    for (uint32_t v = 0; v < d->nvalues; v++) {
      cr_jw_object(w);
      cr_jw_kstr(w, "value", d->values[v].value);
      cr_jw_key(w, "sources");
      id_list(w, c, d->values[v].sources, d->values[v].nsources);
      cr_jw_object_end(w);
    }
    cr_jw_array_end(w);
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  cr_jw_key(w, "unique");
  cr_jw_array(w);
  for (size_t s = 0; s < c->docs.n; s++) {
    size_t shown = 0;
    for (size_t f = 0; f < al->nfacts && shown < CR_UNIQUE_MAX_PER_SOURCE; f++) {
      const cr_fact *fa = &al->facts[f];
      if (al->units[fa->rep].doc != s || !cr_fact_is_detail(al, fa)) continue;
      if (!shown++) {
        cr_jw_object(w);
        cr_jw_kstr(w, "source", c->docs.v[s]->id);
        cr_jw_key(w, "facts");
        cr_jw_array(w);
      }
      unit_text(w, al, fa->rep);
    }
    if (shown) {
      cr_jw_array_end(w);
      cr_jw_object_end(w);
    }
  }
  cr_jw_array_end(w);
}

/* speakers: canonical name, aliases, role, sources, stance on the
 * central claim, and quotes (each with every source carrying it) */
static void speakers_json(cr_jw *w, const cr_brief *b) {
  const cr_speakers *sp = b->speakers;
  const cr_corpus *c = b->corpus;
  if (sp->claim_fact >= 0) {
    cr_jw_key(w, "central_claim");
    cr_jw_object(w);
    cr_jw_kint(w, "fact", (long long)sp->claim_fact + 1);
    cr_jw_key(w, "text");
    unit_text(w, sp->align, sp->align->facts[sp->claim_fact].rep);
    cr_jw_object_end(w);
  }
  cr_jw_key(w, "speakers");
  cr_jw_array(w);
  for (size_t i = 0; i < sp->n; i++) {
    const cr_speaker *s = &sp->v[i];
    const cr_entity *e = &c->ents.v[s->entity];
    cr_jw_object(w);
    cr_jw_kstr(w, "name", e->name);
    cr_jw_key(w, "aliases");
    cr_jw_array(w);
    for (size_t k = 0; k < s->naliases; k++) cr_jw_string(w, s->aliases[k]);
    cr_jw_array_end(w);
    cr_jw_kstr(w, "role", s->role);
    if (e->type != CR_ENT_OTHER) cr_jw_kstr(w, "type", cr_ent_type_name((cr_ent_type)e->type));
    cr_jw_key(w, "sources");
    id_list(w, c, s->sources, s->nsources);
    cr_jw_kstr(w, "stance", cr_stance_name((cr_stance)s->stance));
    cr_jw_key(w, "quotes");
    cr_jw_array(w);
    for (uint32_t q = 0; q < s->nquotes; q++) {
      const cr_speaker_quote *qt = &s->quotes[q];
      const cr_doc *d = c->docs.v[qt->doc];
      const cr_attr *a = &d->attrs[qt->attr];
      cr_jw_object(w);
      char *t = cr_speaker_quote_text(c, qt);
      cr_jw_kstr(w, "text", t ? t : "");
      free(t);
      cr_jw_kstr(w, "kind", cr_attr_kind_name((cr_attr_kind)a->kind));
      cr_jw_key(w, "cue");
      cr_jw_stringn(w, d->text + a->cue.start, a->cue.end - a->cue.start);
      cr_jw_kstr(w, "source", d->id);
      cr_jw_key(w, "span");
      cr_jw_array(w);
      cr_jw_int(w, qt->span.start);
      cr_jw_int(w, qt->span.end);
      cr_jw_array_end(w);
      cr_jw_key(w, "sources");
      id_list(w, c, qt->sources, qt->nsources);
      if (qt->claim > 0) {
        cr_jw_kstr(w, "stance", cr_stance_name((cr_stance)qt->stance));
        cr_jw_key(w, "claim_cover");
        cr_jw_double(w, qt->claim);
      }
      cr_jw_object_end(w);
    }
    cr_jw_array_end(w);
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
}

typedef struct ent_doc {
  uint32_t ent, doc;
} ent_doc;

static int cmp_ent_doc(const void *a, const void *b) {
  const ent_doc *x = a, *y = b;
  if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* entities of the registry, most mentioned first, with the sources
 * mentioning them; nothing when out of memory (the list is a summary,
 * the brief stands without it) */
static void entities_json(cr_jw *w, const cr_corpus *c) {
  size_t n = 0;
  for (size_t i = 0; i < c->docs.n; i++) n += c->docs.v[i]->nments;
  ent_doc *ed = malloc((n ? n : 1) * sizeof *ed);
  if (!ed) return;
  n = 0;
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    for (size_t m = 0; m < d->nments; m++)
      if (d->ments[m].entity < c->ents.n) {
        ed[n].ent = d->ments[m].entity;
        ed[n++].doc = (uint32_t)i;
      }
  }
  if (n) qsort(ed, n, sizeof *ed, cmp_ent_doc);
  /* one row per entity: [first, end) in ed, ordered by mentions */
  size_t *first = malloc((n + 1) * sizeof *first), nr = 0;
  if (!first) {
    free(ed);
    return;
  }
  for (size_t i = 0; i < n; i++)
    if (!i || ed[i].ent != ed[i - 1].ent) first[nr++] = i;
  first[nr] = n;
  cr_jw_key(w, "entities");
  cr_jw_array(w);
  /* repeated passes by falling mention count would be quadratic; the
   * registry order (first met) is stable and the counts are given */
  for (size_t r = 0; r < nr; r++) {
    const cr_entity *e = &c->ents.v[ed[first[r]].ent];
    cr_jw_object(w);
    cr_jw_kstr(w, "name", e->name);
    if (e->type != CR_ENT_OTHER) cr_jw_kstr(w, "type", cr_ent_type_name((cr_ent_type)e->type));
    cr_jw_key(w, "aliases");
    cr_jw_array(w);
    for (size_t k = 0; k < e->aliases.n; k++) cr_jw_string(w, e->aliases.v[k]);
    cr_jw_array_end(w);
    cr_jw_kint(w, "mentions", (long long)(first[r + 1] - first[r]));
    cr_jw_key(w, "sources");
    cr_jw_array(w);
    for (size_t k = first[r]; k < first[r + 1]; k++)
      if (k == first[r] || ed[k].doc != ed[k - 1].doc) cr_jw_string(w, c->docs.v[ed[k].doc]->id);
    cr_jw_array_end(w);
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  free(first);
  free(ed);
}

/* Story k of a brief document (id story-<k+1>). */
static void story(cr_jw *w, const cr_brief *b, size_t k) {
  const cr_corpus *c = b->corpus;
  char id[32];
  snprintf(id, sizeof id, "story-%zu", k + 1);
  cr_jw_object(w);
  cr_jw_kstr(w, "id", id);
  cr_jw_kstr(w, "headline", b->headline);
  cr_jw_key(w, "sources");
  cr_jw_array(w);
  for (size_t i = 0; i < c->docs.n; i++) source(w, b, i);
  cr_jw_array_end(w);
  cr_jw_key(w, "summary");
  cr_jw_array(w);
  for (size_t i = 0; i < b->nitems; i++) {
    const cr_summary_item *it = &b->items[i];
    cr_jw_object(w);
    cr_jw_kstr(w, "text", it->text);
    cr_jw_key(w, "sources");
    cr_jw_array(w);
    for (size_t j = 0; j < it->nsources; j++)
      cr_jw_string(w, c->docs.v[it->sources[j]]->id);
    cr_jw_array_end(w);
    cr_jw_key(w, "from");
    cr_jw_object(w);
    cr_jw_kstr(w, "source", c->docs.v[it->doc]->id);
    cr_jw_kint(w, "sentence", it->sent);
    cr_jw_object_end(w);
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  if (b->align) align_json(w, b);
  if (b->speakers) speakers_json(w, b);
  entities_json(w, c);
  cr_jw_object_end(w);
}

int cr_briefs_json(const cr_brief *const *b, size_t n, FILE *out, int pretty) {
  cr_jw w;
  cr_jw_init(&w, out, pretty);
  cr_jw_object(&w);
  cr_jw_kstr(&w, "crossread", CR_SCHEMA_VERSION);
  cr_jw_key(&w, "stories");
  cr_jw_array(&w);
  for (size_t k = 0; k < n; k++) story(&w, b[k], k);
  cr_jw_array_end(&w);
  cr_jw_object_end(&w);
  return cr_jw_finish(&w);
}

int cr_brief_json(const cr_brief *b, FILE *out, int pretty) {
  return cr_briefs_json(&b, 1, out, pretty);
}
