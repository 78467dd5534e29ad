/* bench/summary_eval.c — briefs of NeuS events, and the Lead peer.
 *
 *   build/bench/summary_eval SPLIT.source OUTDIR [WORDS] [LIMIT]
 *
 * Each line of SPLIT.source is one event: reports "TITLE=> t ARTICLE=> a"
 * separated by " [SEP] ".  For every event the reports become one corpus
 * (title as metadata, article as text, exactly what `crossread brief`
 * builds from a JSONL of the same records) and the brief is made with
 * --words WORDS (default 66).  Writes, one line per event:
 *   OUTDIR/ours.txt    "TITLE=> headline ARTICLE=> summary"
 *   OUTDIR/lead.txt    the first sentence of each report (Lead peer)
 *   OUTDIR/peer.jsonl  {"docs": [article, ...]} for the LexRank peer
 * and prints events/s, MB/s and peak RSS on stdout.  bench/summary-eval
 * scores the files.
 *
 * For tuning, CR_BRIEF_TUNING="name=value,..." overrides the summarizer's
 * knobs (cr_brief_tuning; names in knobs[] below), e.g. "lead=3,ratio=1".
 * CR_BRIEF_FEATURES=PATH writes every candidate sentence's features, one
 * line each: event (0-based), then the features, a tab, the sentence
 * text (bench/summary_train.py fits the learned prior on them). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/buf.h"
#include "core/corpus.h"
#include "report/jsonw.h"
#include "summarize/summarize.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Trims spaces from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n) {
  while (*n && (*s == ' ' || *s == '\t')) s++, (*n)--;
  while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
    (*n)--;
  return s;
}

/* Finds needle in s[0..n). */
static const char *find(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (!memcmp(s + i, needle, k)) return s + i;
  return NULL;
}

/* The tunable knobs by name. */
static const struct knob {
  const char *name;
  size_t off;
} knobs[] = {
    {"single", offsetof(cr_brief_tuning, single_weight)},
    {"bigram", offsetof(cr_brief_tuning, bigram_weight)},
    {"length", offsetof(cr_brief_tuning, length_power)},
    {"lead", offsetof(cr_brief_tuning, lead_weight)},
    {"context", offsetof(cr_brief_tuning, context_penalty)},
    {"overshoot", offsetof(cr_brief_tuning, overshoot)},
    {"min_words", offsetof(cr_brief_tuning, min_words)},
    {"source_power", offsetof(cr_brief_tuning, source_power)},
    {"title", offsetof(cr_brief_tuning, title_weight)},
    {"quote", offsetof(cr_brief_tuning, quote_penalty)},
    {"share", offsetof(cr_brief_tuning, report_share)},
    {"redundancy", offsetof(cr_brief_tuning, redundancy)},
    {"fact", offsetof(cr_brief_tuning, fact_weight)},
    {"flagged", offsetof(cr_brief_tuning, flagged_penalty)},
    {"learned", offsetof(cr_brief_tuning, learned_power)},
};

/* Reads "name=value,name=value" into t; 0, or -1 on an unknown name. */
static int parse_tuning(const char *s, cr_brief_tuning *t) {
  while (*s) {
    const char *eq = strchr(s, '=');
    if (!eq) return -1;
    size_t n = (size_t)(eq - s), i;
    for (i = 0; i < sizeof knobs / sizeof *knobs; i++)
      if (strlen(knobs[i].name) == n && !strncmp(knobs[i].name, s, n)) break;
    if (i == sizeof knobs / sizeof *knobs) return -1;
    char *end;
    float v = strtof(eq + 1, &end);
    if (end == eq + 1) return -1;
    memcpy((char *)t + knobs[i].off, &v, sizeof v);
    s = *end == ',' ? end + 1 : end;
    if (*end && *end != ',') return -1;
  }
  return 0;
}

typedef struct report {
  const char *title, *article;
  size_t tn, an;
} report;

/* Splits one NeuS line into its reports (at most max). */
static size_t split_event(const char *line, size_t n, report *r, size_t max) {
  size_t k = 0;
  while (n && k < max) {
    const char *sep = find(line, n, " [SEP] ");
    size_t len = sep ? (size_t)(sep - line) : n;
    const char *art = find(line, len, "ARTICLE=>");
    const char *tit = find(line, len, "TITLE=>");
    report x = {NULL, NULL, 0, 0};
    if (art) {
      x.article = art + 9;
      x.an = len - (size_t)(x.article - line);
      x.article = trim(x.article, &x.an);
      if (tit && tit < art) {
        x.title = tit + 7;
        x.tn = (size_t)(art - x.title);
        x.title = trim(x.title, &x.tn);
      }
    } else {
      x.article = trim(line, &len);
      x.an = len;
    }
    if (x.an) r[k++] = x;
    if (!sep) break;
    n -= (size_t)(sep - line) + 7;
    line = sep + 7;
  }
  return k;
}

/* Writes text with newlines turned into spaces (one summary per line). */
static void put_line(FILE *f, const char *s) {
  for (; *s; s++) fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

#define MAX_REPORTS 64

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: summary_eval SPLIT.source OUTDIR [WORDS] [LIMIT]\n", stderr);
    return 2;
  }
  size_t words = argc > 3 ? (size_t)atol(argv[3]) : 66;
  size_t limit = argc > 4 ? (size_t)atol(argv[4]) : 0;
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    fprintf(stderr, "summary_eval: %s: cannot open\n", argv[1]);
    return 2;
  }
  char path[4096];
  FILE *out[3];
  const char *names[3] = {"ours.txt", "lead.txt", "peer.jsonl"};
  for (int i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s", argv[2], names[i]);
    if (!(out[i] = fopen(path, "w"))) {
      fprintf(stderr, "summary_eval: %s: cannot write\n", path);
      return 2;
    }
  }
  cr_brief_tuning tune;
  cr_brief_tuning_default(&tune);
  const char *env = getenv("CR_BRIEF_TUNING");
  if (env && parse_tuning(env, &tune)) {
    fputs("summary_eval: CR_BRIEF_TUNING wants name=value,... with names:", stderr);
    for (size_t i = 0; i < sizeof knobs / sizeof *knobs; i++) fprintf(stderr, " %s", knobs[i].name);
    fputc('\n', stderr);
    return 2;
  }
  FILE *wfile = getenv("CR_WORDS_FILE") ? fopen(getenv("CR_WORDS_FILE"), "r") : NULL;
  FILE *feat = NULL;
  const char *fpath = getenv("CR_BRIEF_FEATURES");
  if (fpath && !(feat = fopen(fpath, "w"))) {
    fprintf(stderr, "summary_eval: %s: cannot write\n", fpath);
    return 2;
  }
  char *line = NULL;
  size_t cap = 0, events = 0, docs = 0, bytes = 0;
  ssize_t len;
  double t_brief = 0;
  report r[MAX_REPORTS];
  while ((len = getline(&line, &cap, in)) > 0 && (!limit || events < limit)) {
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    size_t nr = split_event(line, (size_t)len, r, MAX_REPORTS);
    events++;
    bytes += (size_t)len;

    /* peers' input */
    cr_jw w;
    cr_jw_init(&w, out[2], 0);
    cr_jw_object(&w);
    cr_jw_key(&w, "docs");
    cr_jw_array(&w);
    for (size_t i = 0; i < nr; i++) cr_jw_stringn(&w, r[i].article, r[i].an);
    cr_jw_array_end(&w);
    cr_jw_object_end(&w);
    cr_jw_finish(&w);

    double t0 = now();
    cr_corpus *c = cr_corpus_new(NULL);
    if (!c) return 3;
    for (size_t i = 0; i < nr; i++) {
      char id[32];
      snprintf(id, sizeof id, "r%zu", i);
      cr_doc *d = cr_corpus_add_doc(c, "neus", events, id, r[i].article,
                                    r[i].an, r[i].article, r[i].an);
      if (d && r[i].title)
        d->meta.title = cr_arena_strndup(c->arena, r[i].title, r[i].tn);
      docs++;
    }
    cr_brief_options bo = {1000, words};
    if (wfile) {
      long gw = 0;
      if (fscanf(wfile, "%ld", &gw) == 1 && gw > 0) bo.words = (size_t)gw;
    }
    cr_brief *b = NULL;
    if (cr_brief_new_tuned(c, &bo, &tune, &b) != CR_OK) {
      fprintf(stderr, "summary_eval: line %zu: brief failed\n", events);
      return 3;
    }
    t_brief += now() - t0;
    fputs("TITLE=> ", out[0]);
    if (b->headline) put_line(out[0], b->headline);
    fputs(" ARTICLE=>", out[0]);
    for (size_t i = 0; i < b->nitems; i++) {
      fputc(' ', out[0]);
      put_line(out[0], b->items[i].text);
    }
    fputc('\n', out[0]);

    for (size_t i = 0; feat && i < b->nfeat_units; i++) {
      const cr_doc *d = c->docs.v[b->feat_doc[i]];
      fprintf(feat, "%zu", events - 1);
      for (int k = 0; k < CR_BRIEF_NFEATURES; k++)
        fprintf(feat, " %.4g", b->features[i * CR_BRIEF_NFEATURES + k]);
      char *text = cr_sentence_text(NULL, d, d->sents[b->feat_sent[i]].span);
      if (!text) return 3;
      fputc('\t', feat);
      put_line(feat, text);
      fputc('\n', feat);
      free(text);
    }

    /* Lead: the first body sentence of each report, split by our splitter */
    int first = 1;
    for (size_t i = 0; i < c->docs.n; i++) {
      const cr_doc *d = c->docs.v[i];
      for (size_t s = 0; s < d->nsents; s++) {
        if (d->paras[d->sents[s].para].kind != CR_PARA_BODY) continue;
        if (!first) fputc(' ', out[1]);
        first = 0;
        cr_span sp = d->sents[s].span;
        for (uint32_t p = sp.start; p < sp.end; p++)
          fputc(d->text[p] == '\n' ? ' ' : d->text[p], out[1]);
        break;
      }
    }
    fputc('\n', out[1]);
    cr_brief_free(b);
    cr_corpus_free(c);
  }
  free(line);
  fclose(in);
  if (feat) fclose(feat);
  for (int i = 0; i < 3; i++) fclose(out[i]);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("crossread: %zu events, %zu reports, %.2f s: %.0f briefs/s, %.0f docs/s, "
         "%.2f MB/s, peak RSS %.1f MB\n",
         events, docs, t_brief, events / (t_brief > 0 ? t_brief : 1e-9),
         docs / (t_brief > 0 ? t_brief : 1e-9),
         bytes / 1e6 / (t_brief > 0 ? t_brief : 1e-9), ru.ru_maxrss / 1024.0);
  return 0;
}
