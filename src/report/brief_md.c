/* brief_md.c — the brief as Markdown a journalist reads in a terminal. */
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

/* One story; sub is "" for a brief alone, "#" when it is a section of
 * several (its headings one level down). */
static void story_md(const cr_brief *b, FILE *out, const char *sub) {
  const cr_corpus *c = b->corpus;
  fprintf(out, "%s# ", sub);
  md_text(out, b->headline ? b->headline : "(no headline)");
  fprintf(out, "\n\n%zu source%s\n\n%s## Summary\n\n", c->docs.n,
          c->docs.n == 1 ? "" : "s", sub);
  for (size_t i = 0; i < b->nitems; i++) {
    const cr_summary_item *it = &b->items[i];
    fprintf(out, "%zu. ", i + 1);
    md_text(out, it->text);
    fputc(' ', out);
    for (size_t j = 0; j < it->nsources; j++)
      fprintf(out, "[%u]", it->sources[j] + 1);
    fputc('\n', out);
  }
  fprintf(out, "\n%s## Sources\n\n", sub);
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
    const char *flags[8];
    size_t nf = cr_doc_flags(d, flags, 8);
    for (size_t k = 0; k < nf; k++) fprintf(out, "%s%s", k ? ", " : " (", flags[k]);
    if (nf) fputc(')', out);
    fputs("  \n", out);
  }
}

int cr_brief_markdown(const cr_brief *b, FILE *out) {
  story_md(b, out, "");
  return ferror(out) || fflush(out) ? -1 : 0;
}

int cr_briefs_markdown(const cr_brief *const *b, size_t n, FILE *out) {
  if (n == 1) return cr_brief_markdown(b[0], out);
  fprintf(out, "# %zu stories\n", n);
  for (size_t k = 0; k < n; k++) {
    fputc('\n', out);
    story_md(b[k], out, "#");
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}
