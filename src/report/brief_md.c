/* brief_md.c — the brief as Markdown a journalist reads in a terminal or
 * pastes into notes.  Input text is untrusted here too: a title must not
 * become a heading, a list, a link or raw HTML when the Markdown is later
 * rendered, so markup characters are escaped and URLs are printed as code,
 * never as links (CommonMark autolinks accept javascript: too). */
#include <stdlib.h>
#include <string.h>

#include "align/speakers.h"
#include "analyze/analyze.h"
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

static void md_source(FILE *out, const cr_brief *b, size_t i) {
  const cr_doc *d = b->corpus->docs.v[i];
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
  if (d->meta.url) {
    fputs(", ", out);
    md_code(out, d->meta.url);
  }
  fputs("  \n", out);
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
      fputs("- ", out);
      md_text(out, d->about);
      fprintf(out, " (fact %u): ", d->fact + 1);
      for (uint32_t v = 0; v < d->nvalues; v++) {
        fputs(v ? " vs \"" : "\"", out);
        md_text(out, d->values[v].value);
        fputs("\" ", out);
        cites(out, d->values[v].sources, d->values[v].nsources);
      }
      if (d->note) {
        fputs(" — ", out);
        md_text(out, d->note);
      }
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

/* What a stance says, as a phrase after the speaker's name. */
static const char *stance_phrase(uint8_t st) {
  switch (st) {
    case CR_STANCE_ASSERTS: return "asserts";
    case CR_STANCE_DENIES: return "denies";
    case CR_STANCE_CANNOT_CONFIRM: return "cannot confirm";
    case CR_STANCE_CONDITIONAL: return "conditional";
    default: return "no position";
  }
}

/* Who said what: each speaker's stance on the central claim, then their
 * quotes (those on the claim first) with the sources carrying each. */
static void speakers_md(const cr_brief *b, FILE *out) {
  const cr_speakers *sp = b->speakers;
  const cr_corpus *c = b->corpus;
  if (!sp->n) return;
  fputs("\n## Who said what\n\n", out);
  if (sp->claim_fact >= 0) {
    fprintf(out, "Stances are on the central claim (fact %d): ", sp->claim_fact + 1);
    unit_md(out, sp->align, sp->align->facts[sp->claim_fact].rep);
    fputs("\n\n", out);
  }
  size_t shown = 0;
  for (size_t i = 0; i < sp->n && shown < CR_MD_MAX_SPEAKERS; i++) {
    const cr_speaker *s = &sp->v[i];
    const cr_entity *e = &c->ents.v[s->entity];
    fputs("- **", out);
    md_text(out, e->name);
    fputs("**", out);
    if (s->role) {
      fputs(", ", out);
      md_text(out, s->role);
    }
    if (s->naliases) {
      fputs(" (also ", out);
      for (size_t k = 0; k < s->naliases; k++) {
        if (k) fputs(", ", out);
        md_text(out, s->aliases[k]);
      }
      fputc(')', out);
    }
    fprintf(out, " — **%s** — quoted by ", stance_phrase(s->stance));
    cites(out, s->sources, s->nsources);
    fputc('\n', out);
    for (uint32_t q = 0; q < s->nquotes && q < CR_MD_MAX_QUOTES; q++) {
      const cr_speaker_quote *qt = &s->quotes[q];
      const cr_doc *d = c->docs.v[qt->doc];
      const cr_attr *a = &d->attrs[qt->attr];
      char *t = cr_speaker_quote_text(c, qt);
      fputs("  - ", out);
      if (qt->claim > 0) fprintf(out, "*%s:* ", stance_phrase(qt->stance));
      md_text(out, t ? t : "");
      free(t);
      fputs(" (", out);
      char cue[80];
      size_t n = a->cue.end - a->cue.start;
      if (n >= sizeof cue) n = sizeof cue - 1;
      memcpy(cue, d->text + a->cue.start, n);
      cue[n] = 0;
      md_text(out, cue);
      fprintf(out, ", %s) ", cr_attr_kind_name((cr_attr_kind)a->kind));
      cites(out, qt->sources, qt->nsources);
      fputc('\n', out);
    }
    if (s->nquotes > CR_MD_MAX_QUOTES)
      fprintf(out, "  - (%u more in the JSON output)\n", s->nquotes - CR_MD_MAX_QUOTES);
    shown++;
  }
  if (sp->n > shown) fprintf(out, "\n(%zu more speakers in the JSON output)\n", sp->n - shown);
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
  if (b->speakers) speakers_md(b, out);
  if (b->align) align_md(b, out);
  fputs("\n## Sources\n\n", out);
  for (size_t i = 0; i < c->docs.n; i++) md_source(out, b, i);
  return ferror(out) || fflush(out) ? -1 : 0;
}

/* Several stories: "# N stories", then each story's brief with every
 * heading one level down.  md_text escapes '#' in input text, so a line
 * that starts with '#' is one of our headings. */
int cr_briefs_markdown(const cr_brief *const *b, size_t n, FILE *out) {
  if (n == 1) return cr_brief_markdown(b[0], out);
  fprintf(out, "# %zu stories\n", n);
  for (size_t k = 0; k < n; k++) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) return -1;
    int rc = cr_brief_markdown(b[k], m);
    if (fclose(m) || rc) {
      free(buf);
      return -1;
    }
    fputc('\n', out);
    for (size_t i = 0; i < len; i++) {
      if ((i == 0 || buf[i - 1] == '\n') && buf[i] == '#') fputc('#', out);
      fputc(buf[i], out);
    }
    free(buf);
  }
  return ferror(out) || fflush(out) ? -1 : 0;
}
