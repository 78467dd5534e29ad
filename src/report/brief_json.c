/* brief_json.c — the brief in the versioned JSON contract (docs/schema). */
#include "report/jsonw.h"
#include "report/report.h"

size_t cr_doc_flags(const cr_doc *d, const char **names, size_t max) {
  size_t n = 0;
  if (d->invalid_bytes && n < max) names[n++] = "invalid-utf8";
  if (d->truncated && n < max) names[n++] = "truncated";
  if (d->meta.date_valid < 0 && n < max) names[n++] = "invalid-date";
  return n;
}

static void source(cr_jw *w, const cr_doc *d) {
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
  const char *flags[8];
  size_t nf = cr_doc_flags(d, flags, 8);
  if (nf) {
    cr_jw_key(w, "flags");
    cr_jw_array(w);
    for (size_t i = 0; i < nf; i++) cr_jw_string(w, flags[i]);
    cr_jw_array_end(w);
  }
  cr_jw_object_end(w);
}

static void story(cr_jw *w, const cr_brief *b, size_t k) {
  const cr_corpus *c = b->corpus;
  char id[32];
  snprintf(id, sizeof id, "story-%zu", k + 1);
  cr_jw_object(w);
  cr_jw_kstr(w, "id", id);
  cr_jw_kstr(w, "headline", b->headline);
  cr_jw_key(w, "sources");
  cr_jw_array(w);
  for (size_t i = 0; i < c->docs.n; i++) source(w, c->docs.v[i]);
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
