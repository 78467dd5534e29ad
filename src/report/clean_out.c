/* clean_out.c — the cleaned documents.
 *
 * JSON (the `clean --format json` contract): one object per input — a
 * pretty object for a single report, JSON Lines for several — with the
 * metadata (title, author, date as ISO or null, date_raw, date_valid,
 * outlet, agency, dateline, language, url), the clean body as `text`
 * (paragraphs separated by a blank line), `removed` (every piece set
 * aside, with its kind and reason) and the paragraphs with sentences.
 *
 * Text: the title and body sentences; with explain, every removed or
 * demoted piece with its reason. */
#include "report/jsonw.h"
#include "report/report.h"

/* Body text: paragraphs and subheadings, not captions or chrome. */
static int in_body(uint8_t kind) {
  return kind == CR_PARA_BODY || kind == CR_PARA_HEADING;
}

static void clean_doc_json(cr_jw *w, const cr_doc *d) {
  cr_jw_object(w);
  cr_jw_kstr(w, "id", d->id);
  cr_jw_kstr(w, "file", d->file);
  cr_jw_key(w, "title"); cr_jw_string(w, d->meta.title);
  cr_jw_key(w, "author"); cr_jw_string(w, d->meta.byline);
  cr_jw_key(w, "date"); cr_jw_string(w, d->meta.date_valid > 0 ? d->meta.date : NULL);
  cr_jw_key(w, "date_raw"); cr_jw_string(w, d->meta.date_raw);
  cr_jw_kint(w, "date_valid", d->meta.date_valid);
  if (d->date_impossible) cr_jw_kstr(w, "date_impossible", d->date_impossible);
  cr_jw_key(w, "outlet"); cr_jw_string(w, d->meta.outlet);
  cr_jw_key(w, "agency"); cr_jw_string(w, d->meta.agency);
  cr_jw_key(w, "dateline"); cr_jw_string(w, d->meta.dateline);
  cr_jw_key(w, "language"); cr_jw_string(w, d->meta.language);
  cr_jw_key(w, "url"); cr_jw_string(w, d->meta.url);
  cr_jw_kint(w, "words", (long long)d->words);
  const char *flags[8];
  size_t nf = cr_doc_flags(d, flags, 8);
  cr_jw_key(w, "flags");
  cr_jw_array(w);
  for (size_t i = 0; i < nf; i++) cr_jw_string(w, flags[i]);
  cr_jw_array_end(w);
  /* The body as one string: built in a buffer since the writer takes whole
   * strings. */
  cr_buf body = CR_BUF_INIT;
  for (size_t p = 0; p < d->nparas; p++) {
    const cr_para *pa = &d->paras[p];
    if (!in_body(pa->kind)) continue;
    if (body.len) cr_buf_puts(&body, "\n\n");
    cr_buf_append(&body, d->text + pa->span.start, pa->span.end - pa->span.start);
  }
  cr_jw_key(w, "text");
  cr_jw_stringn(w, body.data ? body.data : "", body.len);
  cr_buf_free(&body);
  cr_jw_key(w, "removed");
  cr_jw_array(w);
  for (size_t p = 0; p < d->nparas; p++) {
    const cr_para *pa = &d->paras[p];
    if (in_body(pa->kind) || pa->kind == CR_PARA_TITLE) continue;
    cr_jw_object(w);
    cr_jw_key(w, "text");
    cr_jw_stringn(w, d->text + pa->span.start, pa->span.end - pa->span.start);
    cr_jw_kstr(w, "kind", cr_para_kind_name(pa->kind));
    cr_jw_kstr(w, "reason", pa->reason ? pa->reason : cr_para_kind_name(pa->kind));
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  cr_jw_key(w, "paragraphs");
  cr_jw_array(w);
  for (size_t p = 0; p < d->nparas; p++) {
    const cr_para *pa = &d->paras[p];
    cr_jw_object(w);
    cr_jw_kstr(w, "kind", cr_para_kind_name(pa->kind));
    cr_jw_kstr(w, "reason", pa->reason);
    cr_jw_key(w, "span");
    cr_jw_array(w);
    cr_jw_int(w, pa->span.start);
    cr_jw_int(w, pa->span.end);
    cr_jw_array_end(w);
    cr_jw_key(w, "text");
    cr_jw_stringn(w, d->text + pa->span.start, pa->span.end - pa->span.start);
    if (pa->sent_end > pa->sent_begin) {
      cr_jw_key(w, "sentences");
      cr_jw_array(w);
      for (uint32_t s = pa->sent_begin; s < pa->sent_end; s++)
        cr_jw_stringn(w, d->text + d->sents[s].span.start,
                      d->sents[s].span.end - d->sents[s].span.start);
      cr_jw_array_end(w);
    }
    cr_jw_object_end(w);
  }
  cr_jw_array_end(w);
  cr_jw_object_end(w);
}

int cr_clean_json(const cr_corpus *c, FILE *out, int pretty) {
  /* One report: one (pretty) object.  Several: JSON Lines. */
  int lines = c->docs.n != 1;
  for (size_t i = 0; i < c->docs.n; i++) {
    cr_jw w;
    cr_jw_init(&w, out, pretty && !lines);
    clean_doc_json(&w, c->docs.v[i]);
    if (cr_jw_finish(&w)) return -1;
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}

int cr_clean_text(const cr_corpus *c, FILE *out, int explain) {
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    fprintf(out, "%s== %s\n", i ? "\n" : "", d->file);
    if (d->meta.title) fprintf(out, "title: %s\n", d->meta.title);
    if (explain) {
      const cr_doc_meta *m = &d->meta;
      if (m->byline) fprintf(out, "author: %s\n", m->byline);
      if (m->date_raw)
        fprintf(out, "date: %s (%s)\n", m->date_valid > 0 ? m->date : "invalid",
                m->date_raw);
      if (m->outlet) fprintf(out, "outlet: %s\n", m->outlet);
      if (m->agency) fprintf(out, "agency: %s\n", m->agency);
      if (m->dateline) fprintf(out, "dateline: %s\n", m->dateline);
    }
    for (size_t p = 0; p < d->nparas; p++) {
      const cr_para *pa = &d->paras[p];
      if (pa->kind != CR_PARA_BODY) continue;
      fputc('\n', out);
      for (uint32_t s = pa->sent_begin; s < pa->sent_end; s++)
        fprintf(out, "%.*s\n", (int)(d->sents[s].span.end - d->sents[s].span.start),
                d->text + d->sents[s].span.start);
    }
    if (!explain) continue;
    fputs("\nset aside:\n", out);
    for (size_t p = 0; p < d->nparas; p++) {
      const cr_para *pa = &d->paras[p];
      if (pa->kind == CR_PARA_BODY) continue;
      int len = (int)(pa->span.end - pa->span.start);
      fprintf(out, "  [%s: %s] %.*s%s\n", cr_para_kind_name(pa->kind),
              pa->reason ? pa->reason : "headline", len > 100 ? 100 : len,
              d->text + pa->span.start, len > 100 ? "..." : "");
    }
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}
