/* clean_out.c — the cleaned documents: paragraphs with their kind and the
 * reason for any that are not body, and the sentences of each. */
#include "report/jsonw.h"
#include "report/report.h"

int cr_clean_json(const cr_corpus *c, FILE *out, int pretty) {
  cr_jw w;
  cr_jw_init(&w, out, pretty);
  cr_jw_object(&w);
  cr_jw_kstr(&w, "crossread", CR_SCHEMA_VERSION);
  cr_jw_key(&w, "documents");
  cr_jw_array(&w);
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    cr_jw_object(&w);
    cr_jw_kstr(&w, "id", d->id);
    cr_jw_kstr(&w, "file", d->file);
    cr_jw_kstr(&w, "title", d->meta.title);
    cr_jw_kint(&w, "words", (long long)d->words);
    cr_jw_key(&w, "paragraphs");
    cr_jw_array(&w);
    for (size_t p = 0; p < d->nparas; p++) {
      const cr_para *pa = &d->paras[p];
      cr_jw_object(&w);
      cr_jw_kstr(&w, "kind", cr_para_kind_name(pa->kind));
      cr_jw_kstr(&w, "reason", pa->reason);
      cr_jw_key(&w, "span");
      cr_jw_array(&w);
      cr_jw_int(&w, pa->span.start);
      cr_jw_int(&w, pa->span.end);
      cr_jw_array_end(&w);
      cr_jw_key(&w, "text");
      cr_jw_stringn(&w, d->text + pa->span.start, pa->span.end - pa->span.start);
      if (pa->sent_end > pa->sent_begin) {
        cr_jw_key(&w, "sentences");
        cr_jw_array(&w);
        for (uint32_t s = pa->sent_begin; s < pa->sent_end; s++)
          cr_jw_stringn(&w, d->text + d->sents[s].span.start,
                        d->sents[s].span.end - d->sents[s].span.start);
        cr_jw_array_end(&w);
      }
      cr_jw_object_end(&w);
    }
    cr_jw_array_end(&w);
    cr_jw_object_end(&w);
  }
  cr_jw_array_end(&w);
  cr_jw_object_end(&w);
  return cr_jw_finish(&w);
}

int cr_clean_text(const cr_corpus *c, FILE *out) {
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    fprintf(out, "%s== %s\n", i ? "\n" : "", d->file);
    if (d->meta.title) fprintf(out, "title: %s\n", d->meta.title);
    for (size_t p = 0; p < d->nparas; p++) {
      const cr_para *pa = &d->paras[p];
      if (pa->kind != CR_PARA_BODY) continue;
      fputc('\n', out);
      for (uint32_t s = pa->sent_begin; s < pa->sent_end; s++)
        fprintf(out, "%.*s\n", (int)(d->sents[s].span.end - d->sents[s].span.start),
                d->text + d->sents[s].span.start);
    }
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}
