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

const char *cr_html_source_name(const cr_doc *d) {
  return d->meta.outlet ? d->meta.outlet : d->id;
}

/* A numbered link to a source card. */
static void source_chip(FILE *f, const cr_corpus *c, uint32_t idx) {
  if (idx >= c->docs.n) return; /* a bad index from a later stage: skip it */
  fprintf(f, "<a class=\"cite\" href=\"#src%u\" title=\"", idx + 1);
  cr_html_text(f, cr_html_source_name(c->docs.v[idx]));
  fprintf(f, "\">%u</a>", idx + 1);
}

/* A numbered link to one sentence of a source. */
static void sentence_chip(FILE *f, const cr_corpus *c, uint32_t idx, uint32_t sent) {
  if (idx >= c->docs.n || sent >= c->docs.v[idx]->nsents) {
    source_chip(f, c, idx);
    return;
  }
  fprintf(f, "<a class=\"cite\" href=\"#src%u-s%u\" title=\"", idx + 1, sent);
  cr_html_text(f, cr_html_source_name(c->docs.v[idx]));
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
      cr_html_text(f, cr_html_source_name(c->docs.v[d]));
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
        "closely its sentence matches the wording shown (the outlined cell); each cell links "
        "to that sentence.",
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

static void section_speakers(FILE *f, const cr_corpus *c, const cr_html_speaker *sp, size_t n,
                             const char *claim) {
  if (!n) return;
  fputs("<section id=\"speakers\" aria-labelledby=\"speakers-h\">\n<h2 id=\"speakers-h\">"
        "Who said what</h2>\n",
        f);
  if (claim) {
    fputs("<p class=\"note\">Stances are on the central claim: ", f);
    cr_html_text(f, claim);
    fputs("</p>\n", f);
  }
  fputs("<div class=\"cards\">\n", f);
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
    fputs("</h3>", f);
    if (d[i].context) {
      fputs("<p class=\"note\">in: \xE2\x80\x9C", f);
      cr_html_text_clip(f, d[i].context, 140);
      fputs("\xE2\x80\x9D</p>", f);
    }
    fputs("<ul class=\"variants\">", f);
    for (size_t v = 0; v < d[i].nvariants; v++) {
      const cr_html_variant *va = &d[i].variants[v];
      fputs("<li><strong>", f);
      cr_html_text(f, va->value);
      fputs("</strong> <span class=\"cites\">", f);
      for (size_t j = 0; j < va->nsources; j++)
        if (va->sents && va->sents[j] != CR_NO_ID) sentence_chip(f, c, va->sources[j], va->sents[j]);
        else source_chip(f, c, va->sources[j]);
      fputs("</span></li>", f);
    }
    fputs("</ul>", f);
    if (d[i].note) {
      fputs("<p class=\"note\">", f);
      cr_html_text(f, d[i].note);
      fputs("</p>", f);
    }
    fputs("</div>\n", f);
  }
  fputs("</div>\n</section>\n", f);
}

static void source_meta(FILE *f, const cr_brief *b, size_t idx) {
  const cr_doc *d = b->corpus->docs.v[idx];
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
  const char *flags[12];
  size_t nf = cr_source_flag_names(b, idx, flags, 12);
  for (size_t k = 0; k < nf; k++) fprintf(f, "<span class=\"badge flag\">%s</span>", flags[k]);
  const cr_source_flags *sf = b->align ? &b->align->flags[idx] : NULL;
  if (sf && sf->duplicate_of >= 0 && (size_t)sf->duplicate_of < b->corpus->docs.n)
    fprintf(f, "<span>copy of <a href=\"#src%d\">[%d]</a> (%.0f%% of its text)</span>",
            sf->duplicate_of + 1, sf->duplicate_of + 1, 100.0 * sf->containment);
  fputs("</p>\n<p class=\"meta\"><span class=\"file\">", f);
  cr_html_text(f, d->file);
  if (d->line) fprintf(f, ":%zu", d->line);
  fputs("</span>", f);
  if (sf && sf->garbled_why) {
    fputs("<span>machine translation: ", f);
    cr_html_text(f, sf->garbled_why);
    fputs("</span>", f);
  }
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

/* The marks of one source, walked in reading order by the paragraphs. */
typedef struct marks {
  const cited *cur, *end;             /* summary citations */
  const cr_html_mark *ucur, *uend;    /* unique details */
} marks;

/* A body paragraph: each sentence is an anchor target; sentences the
 * summary cites link back to the summary sentences citing them, and a
 * detail no other source carries is marked "only here". */
static void body_paragraph(FILE *f, const cr_doc *d, const cr_para *p, marks *mk) {
  fputs(p->kind == CR_PARA_HEADING ? "<p class=\"sub\">" : "<p>", f);
  uint32_t at = p->span.start;
  for (uint32_t s = p->sent_begin; s < p->sent_end; s++) {
    cr_span sp = d->sents[s].span;
    if (sp.start > at) cr_html_textn(f, d->text + at, sp.start - at);
    while (mk->cur < mk->end && mk->cur->sent < s) mk->cur++;
    while (mk->ucur < mk->uend && mk->ucur->sent < s) mk->ucur++;
    int is_cited = mk->cur < mk->end && mk->cur->sent == s;
    int unique = mk->ucur < mk->uend && mk->ucur->sent == s;
    fprintf(f, "<span class=\"s%s%s\" id=\"src%u-s%u\">", is_cited ? " cited" : "",
            unique ? " uniq" : "", d->index + 1, s);
    cr_html_textn(f, d->text + sp.start, sp.end - sp.start);
    fputs("</span>", f);
    if (unique) fputs("<span class=\"badge only\">only here</span>", f);
    for (; mk->cur < mk->end && mk->cur->sent == s; mk->cur++)
      fprintf(f, "<a class=\"back\" href=\"#sum-%u\" aria-label=\"summary sentence %u\">"
                 "\xE2\x86\x91%u</a>",
              mk->cur->item + 1, mk->cur->item + 1, mk->cur->item + 1);
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

static void source_card(FILE *f, const cr_brief *b, size_t idx, marks *mk) {
  const cr_doc *d = b->corpus->docs.v[idx];
  unsigned n = d->index + 1;
  fprintf(f, "<article class=\"source\" id=\"src%u\" aria-labelledby=\"src%u-h\">\n"
             "<h3 id=\"src%u-h\"><span class=\"num\">[%u]</span> <bdi>",
          n, n, n, n);
  cr_html_text(f, d->meta.title ? d->meta.title : d->id);
  fputs("</bdi></h3>\n", f);
  source_meta(f, b, idx);
  fputs("<div class=\"body\">\n", f);
  for (size_t i = 0; i < d->nparas; i++) {
    const cr_para *p = &d->paras[i];
    if (p->kind == CR_PARA_BODY || p->kind == CR_PARA_HEADING) body_paragraph(f, d, p, mk);
  }
  fputs("</div>\n", f);
  removed_paragraphs(f, d);
  fputs("</article>\n", f);
}

static void section_sources(FILE *f, const cr_html_story *st, const cited *cv, size_t ncv) {
  const cr_brief *b = st->brief;
  const cr_corpus *c = b->corpus;
  fputs("<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources"
        "</h2>\n<div class=\"sources\">\n",
        f);
  size_t k = 0, u = 0;
  for (size_t i = 0; i < c->docs.n; i++) {
    marks mk;
    while (k < ncv && cv[k].doc < i) k++;
    mk.cur = cv + k;
    while (k < ncv && cv[k].doc == i) k++;
    mk.end = cv + k;
    mk.ucur = mk.uend = NULL;
    if (st->unique) {
      while (u < st->nunique && st->unique[u].doc < i) u++;
      mk.ucur = st->unique + u;
      while (u < st->nunique && st->unique[u].doc == i) u++;
      mk.uend = st->unique + u;
    }
    source_card(f, b, i, &mk);
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
  section_speakers(out, b->corpus, s->speakers, s->nspeakers, s->claim);
  section_discrepancies(out, b->corpus, s->discrepancies, s->ndiscrepancies);
  section_sources(out, s, cv, ncv);
  fputs("</main>\n", out);
  cr_html_page_close(out, b->corpus->docs.n);
  free(cv);
  return ferror(out) || fflush(out) ? -1 : 0;
}
