/* brief_md.c — the brief as Markdown a journalist reads in a terminal. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/* Markdown-active characters in input text are escaped so a title like
 * "*Breaking*" or "[link](x)" prints as written. */
static void md_text(FILE *f, const char *s) {
  for (; *s; s++) {
    if (strchr("\\`*_[]<>#|", *s)) fputc('\\', f);
    fputc(*s, f);
  }
}

static void cites(FILE *out, const uint32_t *docs, size_t n) {
  for (size_t j = 0; j < n; j++) fprintf(out, "[%u]", docs[j] + 1);
}

static void unit_md(FILE *out, const cr_alignment *al, uint32_t unit) {
  const cr_unit *u = &al->units[unit];
  const cr_doc *d = al->corpus->docs.v[u->doc];
  char *t = cr_sentence_text(NULL, d, d->sents[u->sent].span);
  md_text(out, t ? t : "");
  free(t);
}

/* Facts by corroboration, discrepancies, unique details. */
static void align_md(const cr_brief *b, FILE *out) {
  const cr_alignment *al = b->align;
  uint32_t wd[CR_FACT_MAX_WORDINGS];
  size_t nd = b->corpus->docs.n, shown = 0;
  fputs("\n## Facts reported by several sources\n\n", out);
  for (size_t f = 0; f < al->nfacts && al->facts[f].nsources >= 2; f++) {
    const cr_fact *fa = &al->facts[f];
    fprintf(out, "%zu. (%u of %zu sources) ", f + 1, fa->nsources, nd);
    unit_md(out, al, fa->rep);
    fputc(' ', out);
    cites(out, &al->units[fa->rep].doc, 1);
    fputc('\n', out);
    size_t nw = cr_fact_wordings(al, fa, wd, CR_FACT_MAX_WORDINGS);
    for (size_t k = 1; k < nw; k++) {
      fputs("   - ", out);
      unit_md(out, al, wd[k]);
      fputc(' ', out);
      cites(out, &al->units[wd[k]].doc, 1);
      fputc('\n', out);
    }
    shown++;
  }
  if (!shown) fputs("(none: no two sources state the same thing)\n", out);
  if (al->ndiscs) {
    fputs("\n## Discrepancies\n\n", out);
    for (size_t i = 0; i < al->ndiscs; i++) {
      const cr_discrepancy *d = &al->discs[i];
      fprintf(out, "- %s (fact %u): ", d->about, d->fact + 1);
      for (uint32_t v = 0; v < d->nvalues; v++) {
        fputs(v ? " vs \"" : "\"", out);
        md_text(out, d->values[v].value);
        fputs("\" ", out);
        cites(out, d->values[v].sources, d->values[v].nsources);
      }
      if (d->note) fprintf(out, " — %s", d->note);
      fputc('\n', out);
    }
  }
  fputs("\n## Only in one source\n", out);
  for (size_t s = 0; s < nd; s++) {
    size_t n = 0;
    for (size_t f = 0; f < al->nfacts && n < CR_UNIQUE_MAX_PER_SOURCE; f++) {
      const cr_fact *fa = &al->facts[f];
      if (al->units[fa->rep].doc != s || !cr_fact_is_detail(al, fa)) continue;
      if (!n++) fprintf(out, "\n[%zu]\n", s + 1);
      fputs("- ", out);
      unit_md(out, al, fa->rep);
      fputc('\n', out);
    }
  }
}

int cr_brief_markdown(const cr_brief *b, FILE *out) {
  const cr_corpus *c = b->corpus;
  fputs("# ", out);
  md_text(out, b->headline ? b->headline : "(no headline)");
  fprintf(out, "\n\n%zu source%s\n\n## Summary\n\n", c->docs.n,
          c->docs.n == 1 ? "" : "s");
  for (size_t i = 0; i < b->nitems; i++) {
    const cr_summary_item *it = &b->items[i];
    fprintf(out, "%zu. ", i + 1);
    md_text(out, it->text);
    fputc(' ', out);
    for (size_t j = 0; j < it->nsources; j++)
      fprintf(out, "[%u]", it->sources[j] + 1);
    fputc('\n', out);
  }
  if (b->align) align_md(b, out);
  fputs("\n## Sources\n\n", out);
  for (size_t i = 0; i < c->docs.n; i++) {
    const cr_doc *d = c->docs.v[i];
    fprintf(out, "[%zu] ", i + 1);
    if (d->meta.title) {
      fputs("**", out);
      md_text(out, d->meta.title);
      fputs("** — ", out);
    }
    fputc('`', out);
    for (const char *p = d->file; *p; p++) fputc(*p == '`' ? '\'' : *p, out);
    fprintf(out, "`, %zu words", d->words);
    const char *flags[12];
    size_t nf = cr_source_flag_names(b, i, flags, 12);
    for (size_t k = 0; k < nf; k++) fprintf(out, "%s%s", k ? ", " : " — **", flags[k]);
    if (nf) fputs("**", out);
    if (b->align && b->align->flags[i].duplicate_of >= 0)
      fprintf(out, "; copy of [%d] (%.0f%% of its text)", b->align->flags[i].duplicate_of + 1,
              100.0 * b->align->flags[i].containment);
    if (b->align && b->align->flags[i].garbled_why) {
      fputs("; ", out);
      md_text(out, b->align->flags[i].garbled_why);
    }
    fputs("  \n", out);
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}
