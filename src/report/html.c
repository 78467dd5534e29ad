/* html.c — the story page (see html.h): one function per section, each
 * reading only what it shows, so a section whose data a later stage
 * produces (speakers, discrepancies, fact rows of the coverage matrix) is
 * fed through cr_html_story without touching the others.
 *
 * Fragment ids are made from corpus indexes only: "src3" is the third
 * source, "src3-s12" its sentence 12 (the sentence index of the JSON
 * "from" field), "sum-2" the second summary sentence. */
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "report/html.h"
#include "report/report.h"

/* Content-Security-Policy of every page.  default-src 'none' forbids
 * scripts, frames, fonts, images, fetches and every other remote load;
 * style-src 'unsafe-inline' admits the page's own <style> (no input can
 * add markup, so no input can add a style either); base-uri and
 * form-action do not fall back to default-src and are closed explicitly.
 * Inline SVG is part of the document, so it needs no img-src. */
#define HTML_CSP                                                             \
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "         \
  "form-action 'none'"

/* A sentence a summary item cites, for the back-links in the sources. */
typedef struct cited {
  uint32_t doc, sent, item;
} cited;

static int cmp_cited(const void *a, const void *b) {
  const cited *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  if (x->sent != y->sent) return x->sent < y->sent ? -1 : 1;
  return (x->item > y->item) - (x->item < y->item);
}

/* Every (source, sentence, summary item) citation, sorted by source and
 * sentence so the sources panel can walk it in reading order. */
static cited *collect_cited(const cr_brief *b, size_t *n) {
  size_t total = 0;
  for (size_t i = 0; i < b->nitems; i++) total += b->items[i].nsources;
  cited *v = malloc((total ? total : 1) * sizeof *v);
  if (!v) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < b->nitems; i++) {
    const cr_summary_item *it = &b->items[i];
    for (size_t j = 0; j < it->nsources; j++)
      v[k++] = (cited){it->sources[j], it->source_sents[j], (uint32_t)i};
  }
  qsort(v, k, sizeof *v, cmp_cited);
  *n = k;
  return v;
}

/* The short name of a source: its outlet, else its id. */
static const char *source_name(const cr_doc *d) {
  return d->meta.outlet ? d->meta.outlet : d->id;
}

/* A numbered link to a source card. */
static void source_chip(FILE *f, const cr_corpus *c, uint32_t idx) {
  if (idx >= c->docs.n) return; /* a bad index from a later stage: skip it */
  fprintf(f, "<a class=\"cite\" href=\"#src%u\" title=\"", idx + 1);
  cr_html_text(f, source_name(c->docs.v[idx]));
  fprintf(f, "\">%u</a>", idx + 1);
}

void cr_html_page_open(FILE *f, const char *title) {
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" HTML_CSP "\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"crossread " CR_VERSION "\">\n<title>",
        f);
  cr_html_text(f, title);
  fputs(" \xE2\x80\x94 crossread</title>\n<style>", f);
  fputs(cr_html_css, f);
  fputs("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
        "<div class=\"wrap\">\n",
        f);
}

void cr_html_page_close(FILE *f, size_t nreports) {
  fprintf(f, "<footer>Made by crossread " CR_VERSION " from %zu report%s. This page "
             "runs no scripts and loads nothing from the network.</footer>\n</div>\n</body>\n"
             "</html>\n",
          nreports, nreports == 1 ? "" : "s");
}

/* First and last valid publication dates, as their ISO day. */
static void date_span(FILE *f, const cr_corpus *c) {
  const char *lo = NULL, *hi = NULL;
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    if (d->meta.date_valid <= 0 || !d->meta.date) continue;
    if (!lo || strcmp(d->meta.date, lo) < 0) lo = d->meta.date;
    if (!hi || strcmp(d->meta.date, hi) > 0) hi = d->meta.date;
  }
  if (!lo) return;
  size_t nl = strnlen(lo, 10), nh = strnlen(hi, 10);
  fputs(" \xC2\xB7 <time datetime=\"", f);
  cr_html_text(f, lo);
  fputs("\">", f);
  cr_html_textn(f, lo, nl);
  fputs("</time>", f);
  if (nl != nh || strncmp(lo, hi, nl) != 0) {
    fputs(" \xE2\x80\x93 <time datetime=\"", f);
    cr_html_text(f, hi);
    fputs("\">", f);
    cr_html_textn(f, hi, nh);
    fputs("</time>", f);
  }
}

static void section_header(FILE *f, const cr_html_story *s) {
  const cr_corpus *c = s->brief->corpus;
  fputs("<header>\n<h1>", f);
  cr_html_text(f, s->brief->headline ? s->brief->headline : "(no headline)");
  fprintf(f, "</h1>\n<p class=\"dek\">%zu source%s", c->docs.n, c->docs.n == 1 ? "" : "s");
  date_span(f, c);
  fputs("</p>\n<nav aria-label=\"Sections\"><ul><li><a href=\"#summary\">Summary</a></li>", f);
  if (s->coverage && s->coverage->nrows && s->coverage->ncols)
    fputs("<li><a href=\"#coverage\">Coverage</a></li>", f);
  if (s->nspeakers) fputs("<li><a href=\"#speakers\">Who said what</a></li>", f);
  if (s->ndiscrepancies) fputs("<li><a href=\"#discrepancies\">Discrepancies</a></li>", f);
  fputs("<li><a href=\"#sources\">Sources</a></li></ul></nav>\n</header>\n<main id=\"main\">\n", f);
}

static void section_summary(FILE *f, const cr_brief *b) {
  const cr_corpus *c = b->corpus;
  fputs("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n"
        "<ol class=\"summary\">\n",
        f);
  for (size_t i = 0; i < b->nitems; i++) {
    const cr_summary_item *it = &b->items[i];
    fprintf(f, "<li id=\"sum-%zu\">", i + 1);
    cr_html_text(f, it->text);
    fputs(" <span class=\"cites\">", f);
    for (size_t j = 0; j < it->nsources; j++) {
      uint32_t d = it->sources[j];
      if (d >= c->docs.n) continue;
      int own = d == it->doc;
      fprintf(f, "<a class=\"cite%s\" href=\"#src%u-s%u\" title=\"", own ? " own" : "", d + 1,
              it->source_sents[j]);
      cr_html_text(f, source_name(c->docs.v[d]));
      if (own) fputs(": the wording shown", f);
      else fprintf(f, ": %d%% match", (int)(it->source_sims[j] * 100 + 0.5f));
      fprintf(f, "\">%u</a>", d + 1);
    }
    fputs("</span></li>\n", f);
  }
  fputs("</ol>\n<p class=\"note\">Each number is a source that carries the sentence and links to "
        "its closest sentence; the outlined number is the source whose wording is shown.</p>\n"
        "</section>\n",
        f);
}

static void section_coverage(FILE *f, const cr_html_matrix *m) {
  if (!m || !m->nrows || !m->ncols) return;
  fputs("<section id=\"coverage\" aria-labelledby=\"coverage-h\">\n<h2 id=\"coverage-h\">"
        "Coverage</h2>\n<figure class=\"matrix\">",
        f);
  cr_html_matrix_svg(f, m);
  fputs("<figcaption class=\"note\">Which source carries which statement, shaded by how "
        "closely its best sentence matches (tf-idf cosine); each cell links to that sentence.",
        f);
  if (m->omitted)
    fprintf(f, " %zu source%s carrying fewer of these statements %s not shown.", m->omitted,
            m->omitted == 1 ? "" : "s", m->omitted == 1 ? "is" : "are");
  fputs("</figcaption></figure>\n</section>\n", f);
}

/* The stance names of the JSON contract; anything else shows as neutral
 * styling, with its text still printed. */
static const char *stance_class(const char *stance) {
  static const char *const known[] = {"asserts", "denies", "cannot-confirm", "conditional",
                                      "neutral"};
  for (size_t i = 0; stance && i < sizeof known / sizeof *known; i++)
    if (strcmp(stance, known[i]) == 0) return known[i];
  return "neutral";
}

static void speaker_card(FILE *f, const cr_corpus *c, const cr_html_speaker *sp) {
  fputs("<div class=\"card\"><h3>", f);
  cr_html_text(f, sp->name);
  fputs("</h3>", f);
  if (sp->stance) {
    fprintf(f, "<span class=\"badge st-%s\">", stance_class(sp->stance));
    cr_html_text(f, sp->stance);
    fputs("</span>", f);
  }
  if (sp->role) {
    fputs("<span class=\"note\">", f);
    cr_html_text(f, sp->role);
    fputs("</span>", f);
  }
  if (sp->naliases) {
    fputs("<p class=\"note\">also written: ", f);
    for (size_t i = 0; i < sp->naliases; i++) {
      if (i) fputs(", ", f);
      cr_html_text(f, sp->aliases[i]);
    }
    fputs("</p>", f);
  }
  for (size_t q = 0; q < sp->nquotes; q++) {
    const cr_html_quote *qt = &sp->quotes[q];
    fputs("<blockquote>", f);
    cr_html_text(f, qt->text);
    fputs(" <span class=\"cites\">", f);
    for (size_t j = 0; j < qt->nsources; j++) source_chip(f, c, qt->sources[j]);
    fputs("</span>", f);
    if (qt->kind) {
      fputs(" <span class=\"note\">(", f);
      cr_html_text(f, qt->kind);
      fputs(")</span>", f);
    }
    fputs("</blockquote>", f);
  }
  fputs("</div>\n", f);
}

static void section_speakers(FILE *f, const cr_corpus *c, const cr_html_speaker *sp, size_t n) {
  if (!n) return;
  fputs("<section id=\"speakers\" aria-labelledby=\"speakers-h\">\n<h2 id=\"speakers-h\">"
        "Who said what</h2>\n<div class=\"cards\">\n",
        f);
  for (size_t i = 0; i < n; i++) speaker_card(f, c, &sp[i]);
  fputs("</div>\n</section>\n", f);
}

static void section_discrepancies(FILE *f, const cr_corpus *c, const cr_html_discrepancy *d,
                                  size_t n) {
  if (!n) return;
  fputs("<section id=\"discrepancies\" aria-labelledby=\"discrepancies-h\">\n"
        "<h2 id=\"discrepancies-h\">Discrepancies</h2>\n<div class=\"cards\">\n",
        f);
  for (size_t i = 0; i < n; i++) {
    fputs("<div class=\"card\"><h3>", f);
    cr_html_text(f, d[i].about);
    fputs("</h3><ul class=\"variants\">", f);
    for (size_t v = 0; v < d[i].nvariants; v++) {
      const cr_html_variant *va = &d[i].variants[v];
      fputs("<li><strong>", f);
      cr_html_text(f, va->value);
      fputs("</strong> <span class=\"cites\">", f);
      for (size_t j = 0; j < va->nsources; j++) source_chip(f, c, va->sources[j]);
      fputs("</span></li>", f);
    }
    fputs("</ul></div>\n", f);
  }
  fputs("</div>\n</section>\n", f);
}

static void source_meta(FILE *f, const cr_doc *d) {
  fputs("<p class=\"meta\">", f);
  if (d->meta.outlet) {
    fputs("<span>", f);
    cr_html_text(f, d->meta.outlet);
    fputs("</span>", f);
  }
  if (d->meta.date_valid > 0 && d->meta.date) {
    fputs("<span><time datetime=\"", f);
    cr_html_text(f, d->meta.date);
    fputs("\">", f);
    cr_html_text(f, d->meta.date);
    fputs("</time></span>", f);
  } else if (d->meta.date_raw) {
    fputs("<span>date as given: ", f);
    cr_html_text(f, d->meta.date_raw);
    fputs("</span>", f);
  }
  if (d->meta.agency) {
    fputs("<span>", f);
    cr_html_text(f, d->meta.agency);
    fputs("</span>", f);
  }
  fprintf(f, "<span>%zu words</span>", d->words);
  const char *flags[8];
  size_t nf = cr_doc_flags(d, flags, 8);
  for (size_t k = 0; k < nf; k++) fprintf(f, "<span class=\"badge flag\">%s</span>", flags[k]);
  fputs("</p>\n<p class=\"meta\"><span class=\"file\">", f);
  cr_html_text(f, d->file);
  if (d->line) fprintf(f, ":%zu", d->line);
  fputs("</span>", f);
  if (d->meta.url) {
    fputs("<span>", f);
    if (cr_html_url_ok(d->meta.url)) {
      fputs("<a rel=\"noopener noreferrer nofollow\" href=\"", f);
      cr_html_text(f, d->meta.url);
      fputs("\">", f);
      cr_html_text_clip(f, d->meta.url, 60);
      fputs("</a>", f);
    } else {
      fputs("url (not a web link): ", f);
      cr_html_text_clip(f, d->meta.url, 60);
    }
    fputs("</span>", f);
  }
  fputs("</p>\n", f);
}

/* A body paragraph: each sentence is an anchor target; sentences the
 * summary cites link back to the summary sentences citing them.  *cur
 * walks the sorted citation list of this source. */
static void body_paragraph(FILE *f, const cr_doc *d, const cr_para *p, const cited **cur,
                           const cited *end) {
  fputs(p->kind == CR_PARA_HEADING ? "<p class=\"sub\">" : "<p>", f);
  uint32_t at = p->span.start;
  for (uint32_t s = p->sent_begin; s < p->sent_end; s++) {
    cr_span sp = d->sents[s].span;
    if (sp.start > at) cr_html_textn(f, d->text + at, sp.start - at);
    while (*cur < end && (*cur)->sent < s) (*cur)++;
    int is_cited = *cur < end && (*cur)->sent == s;
    fprintf(f, "<span class=\"s%s\" id=\"src%u-s%u\">", is_cited ? " cited" : "",
            d->index + 1, s);
    cr_html_textn(f, d->text + sp.start, sp.end - sp.start);
    fputs("</span>", f);
    for (; *cur < end && (*cur)->sent == s; (*cur)++)
      fprintf(f, "<a class=\"back\" href=\"#sum-%u\" aria-label=\"summary sentence %u\">"
                 "\xE2\x86\x91%u</a>",
              (*cur)->item + 1, (*cur)->item + 1, (*cur)->item + 1);
    at = sp.end;
  }
  if (p->span.end > at) cr_html_textn(f, d->text + at, p->span.end - at);
  fputs("</p>\n", f);
}

/* What the cleaner took out of the body, folded away with its reasons. */
static void removed_paragraphs(FILE *f, const cr_doc *d) {
  size_t n = 0;
  for (size_t i = 0; i < d->nparas; i++)
    n += d->paras[i].kind != CR_PARA_BODY && d->paras[i].kind != CR_PARA_HEADING &&
         d->paras[i].kind != CR_PARA_TITLE;
  if (!n) return;
  fprintf(f, "<details><summary>Not in the body: %zu paragraph%s</summary><ul class=\"removed\">",
          n, n == 1 ? "" : "s");
  for (size_t i = 0; i < d->nparas; i++) {
    const cr_para *p = &d->paras[i];
    if (p->kind == CR_PARA_BODY || p->kind == CR_PARA_HEADING || p->kind == CR_PARA_TITLE)
      continue;
    fprintf(f, "<li><span class=\"kind\">%s</span>", cr_para_kind_name((cr_para_kind)p->kind));
    if (p->reason) {
      fputs("<em>", f);
      cr_html_text(f, p->reason);
      fputs("</em>: ", f);
    }
    cr_html_textn(f, d->text + p->span.start, p->span.end - p->span.start);
    fputs("</li>", f);
  }
  fputs("</ul></details>\n", f);
}

static void source_card(FILE *f, const cr_doc *d, const cited *cur, const cited *end) {
  unsigned n = d->index + 1;
  fprintf(f, "<article class=\"source\" id=\"src%u\" aria-labelledby=\"src%u-h\">\n"
             "<h3 id=\"src%u-h\"><span class=\"num\">[%u]</span> <bdi>",
          n, n, n, n);
  cr_html_text(f, d->meta.title ? d->meta.title : d->id);
  fputs("</bdi></h3>\n", f);
  source_meta(f, d);
  fputs("<div class=\"body\">\n", f);
  for (size_t i = 0; i < d->nparas; i++) {
    const cr_para *p = &d->paras[i];
    if (p->kind == CR_PARA_BODY || p->kind == CR_PARA_HEADING) body_paragraph(f, d, p, &cur, end);
  }
  fputs("</div>\n", f);
  removed_paragraphs(f, d);
  fputs("</article>\n", f);
}

static void section_sources(FILE *f, const cr_corpus *c, const cited *cv, size_t ncv) {
  fputs("<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources"
        "</h2>\n<div class=\"sources\">\n",
        f);
  size_t k = 0;
  for (size_t i = 0; i < c->docs.n; i++) {
    size_t first = k;
    while (k < ncv && cv[k].doc == i) k++;
    source_card(f, c->docs.v[i], cv + first, cv + k);
  }
  fputs("</div>\n</section>\n", f);
}

int cr_html_story_page(const cr_html_story *s, FILE *out) {
  const cr_brief *b = s->brief;
  size_t ncv = 0;
  cited *cv = collect_cited(b, &ncv);
  if (!cv) return -1;
  cr_html_page_open(out, b->headline ? b->headline : "Story");
  section_header(out, s);
  section_summary(out, b);
  section_coverage(out, s->coverage);
  section_speakers(out, b->corpus, s->speakers, s->nspeakers);
  section_discrepancies(out, b->corpus, s->discrepancies, s->ndiscrepancies);
  section_sources(out, b->corpus, cv, ncv);
  fputs("</main>\n", out);
  cr_html_page_close(out, b->corpus->docs.n);
  free(cv);
  return ferror(out) || fflush(out) ? -1 : 0;
}

/* The coverage matrix of the summary: its sentences by the sources that
 * carry at least one of them (a source carrying none adds an empty
 * column), at most CR_HTML_MATRIX_MAX_COLS of those carrying the most. */
typedef struct summary_matrix {
  cr_html_matrix m;
  const char **rows, **cols;
  float *value;
  uint32_t *sent, *origin, *col_doc, *cover, *col_of;
} summary_matrix;

static void summary_matrix_free(summary_matrix *sm) {
  free(sm->rows);
  free(sm->cols);
  free(sm->value);
  free(sm->sent);
  free(sm->origin);
  free(sm->col_doc);
  free(sm->cover);
  free(sm->col_of);
}

/* Orders sources by how many statements they carry, most first, then by
 * corpus order. */
typedef struct by_cover {
  uint32_t doc, cover;
} by_cover;

static int cmp_by_cover(const void *a, const void *b) {
  const by_cover *x = a, *y = b;
  if (x->cover != y->cover) return x->cover > y->cover ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Fills col_doc with the chosen sources in corpus order; returns how many. */
static size_t pick_columns(const uint32_t *cover, size_t nd, uint32_t *col_doc) {
  by_cover *v = malloc((nd ? nd : 1) * sizeof *v);
  if (!v) return (size_t)-1;
  size_t n = 0;
  for (size_t d = 0; d < nd; d++)
    if (cover[d]) v[n++] = (by_cover){(uint32_t)d, cover[d]};
  qsort(v, n, sizeof *v, cmp_by_cover);
  if (n > CR_HTML_MATRIX_MAX_COLS) n = CR_HTML_MATRIX_MAX_COLS;
  for (size_t i = 0; i < n; i++) col_doc[i] = v[i].doc;
  free(v);
  qsort(col_doc, n, sizeof *col_doc, cmp_u32);
  return n;
}

static int summary_matrix_build(const cr_brief *b, summary_matrix *sm) {
  const cr_corpus *c = b->corpus;
  size_t nr = b->nitems, nd = c->docs.n;
  memset(sm, 0, sizeof *sm);
  sm->cover = calloc(nd ? nd : 1, sizeof *sm->cover);
  sm->col_of = malloc((nd ? nd : 1) * sizeof *sm->col_of);
  sm->col_doc = malloc((nd ? nd : 1) * sizeof *sm->col_doc);
  if (!sm->cover || !sm->col_of || !sm->col_doc) goto oom;
  for (size_t r = 0; r < nr; r++)
    for (size_t j = 0; j < b->items[r].nsources; j++)
      if (b->items[r].sources[j] < nd) sm->cover[b->items[r].sources[j]]++;
  size_t nc = pick_columns(sm->cover, nd, sm->col_doc);
  if (nc == (size_t)-1) goto oom;
  for (size_t d = 0; d < nd; d++) sm->col_of[d] = CR_NO_ID;
  for (size_t k = 0; k < nc; k++) sm->col_of[sm->col_doc[k]] = (uint32_t)k;

  size_t cells = nr * nc;
  sm->rows = malloc((nr ? nr : 1) * sizeof *sm->rows);
  sm->cols = malloc((nc ? nc : 1) * sizeof *sm->cols);
  sm->value = malloc((cells ? cells : 1) * sizeof *sm->value);
  sm->sent = malloc((cells ? cells : 1) * sizeof *sm->sent);
  sm->origin = malloc((nr ? nr : 1) * sizeof *sm->origin);
  if (!sm->rows || !sm->cols || !sm->value || !sm->sent || !sm->origin) goto oom;
  for (size_t i = 0; i < cells; i++) {
    sm->value[i] = -1;
    sm->sent[i] = CR_NO_ID;
  }
  for (size_t k = 0; k < nc; k++) sm->cols[k] = source_name(c->docs.v[sm->col_doc[k]]);
  for (size_t r = 0; r < nr; r++) {
    const cr_summary_item *it = &b->items[r];
    sm->rows[r] = it->text;
    sm->origin[r] = it->doc < nd ? sm->col_of[it->doc] : CR_NO_ID;
    for (size_t j = 0; j < it->nsources; j++) {
      if (it->sources[j] >= nd || sm->col_of[it->sources[j]] == CR_NO_ID) continue;
      size_t i = r * nc + sm->col_of[it->sources[j]];
      sm->value[i] = it->source_sims[j];
      sm->sent[i] = it->source_sents[j];
    }
  }
  sm->m = (cr_html_matrix){nr, nc, sm->rows, sm->cols, sm->value, sm->sent,
                           sm->origin, sm->col_doc, nd - nc};
  return 0;
oom:
  summary_matrix_free(sm);
  return -1;
}

int cr_brief_html(const cr_brief *b, FILE *out) {
  summary_matrix sm;
  if (summary_matrix_build(b, &sm)) return -1;
  cr_html_story s = {b, &sm.m, NULL, 0, NULL, 0};
  int rc = cr_html_story_page(&s, out);
  summary_matrix_free(&sm);
  return rc;
}
