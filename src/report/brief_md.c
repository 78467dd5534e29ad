/* brief_md.c — the brief as Markdown a journalist reads in a terminal or
 * pastes into notes.  Input text is untrusted here too: a title must not
 * become a heading, a list, a link or raw HTML when the Markdown is later
 * rendered, so markup characters are escaped and URLs are printed as code,
 * never as links (CommonMark autolinks accept javascript: too). */
#include <string.h>

#include "report/report.h"

/* Length of a bidi embedding/override/isolate (U+202A..U+202E,
 * U+2066..U+2069) at s, else 0: dropped so a title cannot reorder the
 * text printed after it. */
static size_t bidi_control(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] != 0xE2) return 0;
  if (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) return 3;
  if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9) return 3;
  return 0;
}

/* Markdown-active characters in input text are escaped so a title like
 * "*Breaking*", "[link](x)" or "&lt;" prints as written; line breaks and
 * tabs become spaces (a newline in a title would start a new block) and
 * other control characters are dropped. */
static void md_text(FILE *f, const char *s) {
  for (; *s; s++) {
    size_t skip = bidi_control(s);
    if (skip) {
      s += skip - 1;
      continue;
    }
    unsigned char ch = (unsigned char)*s;
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    else if (ch < 0x20 || ch == 0x7f) continue;
    if (strchr("\\`*_[]<>#|!&", ch)) fputc('\\', f);
    fputc(ch, f);
  }
}

/* A code span: backticks would end it, line breaks would end the line. */
static void md_code(FILE *f, const char *s) {
  fputc('`', f);
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '`') ch = '\'';
    else if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    else if (ch < 0x20 || ch == 0x7f) continue;
    fputc(ch, f);
  }
  fputc('`', f);
}

static void md_source(FILE *out, size_t i, const cr_doc *d) {
  fprintf(out, "[%zu] ", i + 1);
  if (d->meta.title) {
    fputs("**", out);
    md_text(out, d->meta.title);
    fputs("** — ", out);
  }
  if (d->meta.outlet) {
    md_text(out, d->meta.outlet);
    fputs(", ", out);
  }
  if (d->meta.date_valid > 0 && d->meta.date) {
    md_text(out, d->meta.date);
    fputs(", ", out);
  }
  md_code(out, d->file);
  if (d->line) fprintf(out, ":%zu", d->line);
  fprintf(out, ", %zu words", d->words);
  const char *flags[8];
  size_t nf = cr_doc_flags(d, flags, 8);
  for (size_t k = 0; k < nf; k++) fprintf(out, "%s%s", k ? ", " : " (", flags[k]);
  if (nf) fputc(')', out);
  if (d->meta.url) {
    fputs(", ", out);
    md_code(out, d->meta.url);
  }
  fputs("  \n", out);
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
  fputs("\n## Sources\n\n", out);
  for (size_t i = 0; i < c->docs.n; i++) md_source(out, i, c->docs.v[i]);
  return ferror(out) || fflush(out) ? -1 : 0;
}
