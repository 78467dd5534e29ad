/* cmd_brief.c — crossread brief: one cited brief of all inputs. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread brief [options] INPUT...\n"
      "       crossread brief --db FILE --story ID [options]\n"
      "\n"
      "Reads the reports (files, directories, or - for stdin; plain text or\n"
      "JSONL), groups them into stories (one per real-world event, as\n"
      "crossread cluster does) and prints a brief of each, largest story\n"
      "first: a headline, a summary whose sentences cite every source that\n"
      "carries them, and the sources.\n"
      "\n"
      "options:\n"
      "  -f, --format md|json|html  output format (default md); html is one\n"
      "                         self-contained page: no scripts, no network\n"
      "  -n, --sentences N      summary sentences (default 5)\n"
      "  -w, --words N          stop the summary at about N words (whole\n"
      "                         sentences: the last may pass N by 30%)\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      "      --one-story        brief all the reports as one story (html\n"
      "                         always does)\n"
      "      --db FILE          with --story: brief a story of this store\n"
      "      --story ID         the story to brief (see crossread stories)\n"
      "  -L, --limit NAME=VALUE change an input limit, e.g.\n"
      "                         --limit max_input_bytes=1G (see 'crossread limits')\n"
      "  -q, --quiet            no progress on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed (the rest was briefed),\n"
      "2 usage error.\n",
      f);
}

typedef struct story_docs {
  size_t first, n;   /* first report (input order), reports */
  size_t *docs;
} story_docs;

/* Largest story first; ties in input order. */
static int cmp_story(const void *a, const void *b) {
  const story_docs *x = a, *y = b;
  if (x->n != y->n) return x->n < y->n ? 1 : -1;
  return (x->first > y->first) - (x->first < y->first);
}

/* Clusters c into stories and briefs each (one story: the same brief as
 * without clustering).  CR_ERR_IO when the output failed (said already). */
static cr_status brief_stories(cr_corpus *c, const cr_brief_options *bo,
                               size_t max_story, cr_format fmt, const char *out) {
  size_t n = cr_corpus_doc_count(c), ns = 0;
  cr_dedup *dd = NULL;
  cr_clustering *k = NULL;
  story_docs *sd = NULL;
  cr_corpus **sub = NULL;
  cr_brief **b = NULL;
  size_t *slot = NULL;
  cr_status st = cr_dedup_new(c, NULL, &dd);
  if (st == CR_OK) st = cr_cluster_new(c, NULL, dd, &k);
  if (st != CR_OK) goto done;
  ns = cr_clustering_count(k);
  st = CR_ERR_NOMEM;
  sd = calloc(ns ? ns : 1, sizeof *sd);
  slot = malloc(n * sizeof *slot);
  sub = calloc(ns ? ns : 1, sizeof *sub);
  b = calloc(ns ? ns : 1, sizeof *b);
  if (!sd || !slot || !sub || !b) goto done;
  for (size_t i = 0; i < n; i++) {
    size_t s = cr_clustering_story(k, i);
    if (!sd[s].n++) sd[s].first = i;
  }
  for (size_t s = 0; s < ns; s++)
    if (!(sd[s].docs = malloc(sd[s].n * sizeof *sd[s].docs))) goto done;
  for (size_t s = 0; s < ns; s++) sd[s].n = 0;
  for (size_t i = 0; i < n; i++) {
    story_docs *x = &sd[cr_clustering_story(k, i)];
    x->docs[x->n++] = i;
  }
  qsort(sd, ns, sizeof *sd, cmp_story);
  for (size_t s = 0; s < ns; s++) {
    if (sd[s].n > max_story) {
      fprintf(stderr,
              "crossread brief: warning: story %zu has %zu reports: briefed the first %zu"
              " (limit max_story_reports)\n",
              s + 1, sd[s].n, max_story);
      sd[s].n = max_story;
    }
    if (ns == 1 && sd[s].n == n) {
      st = cr_brief_new(c, bo, &b[s]); /* one story: the corpus as it is */
    } else {
      st = cr_corpus_subset(c, sd[s].docs, sd[s].n, &sub[s]);
      if (st == CR_OK) st = cr_brief_new(sub[s], bo, &b[s]);
    }
    if (st != CR_OK) goto done;
  }
  FILE *f = cli_output(out);
  if (!f) {
    st = CR_ERR_IO;
    goto done;
  }
  st = cr_render_briefs((const cr_brief *const *)b, ns, fmt, f);
  if (cli_close_output(f, out) && st == CR_OK) st = CR_ERR_IO;
done:
  for (size_t s = 0; s < ns; s++) {
    if (b) cr_brief_free(b[s]);
    if (sub) cr_corpus_free(sub[s]);
    if (sd) free(sd[s].docs);
  }
  free(sd);
  free(slot);
  free(sub);
  free(b);
  cr_clustering_free(k);
  cr_dedup_free(dd);
  return st;
}

/* --db FILE --story ID: the story's stored reports as the corpus. */
static int load_story(const char *db, long story, int ninputs, const cr_limits *lim,
                      cr_corpus **out) {
  *out = NULL;
  if (!db || !story || ninputs) {
    fputs(ninputs ? "crossread brief: --db takes no inputs\n"
                  : "crossread brief: --db and --story go together\n",
          stderr);
    return CLI_USAGE;
  }
  char err[512];
  cr_store *s = NULL;
  if (cr_store_open(db, CR_STORE_READ, &s, err, sizeof err) != CR_OK) {
    fprintf(stderr, "crossread brief: %s\n", err);
    return CLI_INPUT_FAILED;
  }
  cr_corpus *c = cr_corpus_new(lim);
  cr_status st = c ? cr_store_load_story(s, story, c) : CR_ERR_NOMEM;
  if (st != CR_OK) {
    fprintf(stderr, "crossread brief: %s\n", c ? cr_store_errmsg(s) : "out of memory");
    cr_corpus_free(c);
    cr_store_close(s);
    return CLI_INPUT_FAILED;
  }
  size_t shown = 0;
  cli_print_diags(c, &shown);
  cr_store_close(s);
  *out = c;
  return CLI_OK;
}

int cmd_brief(int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, 0, 'f'}, {"sentences", required_argument, 0, 'n'},
      {"words", required_argument, 0, 'w'},  {"output", required_argument, 0, 'o'},
      {"quiet", no_argument, 0, 'q'},        {"help", no_argument, 0, 'h'},
      {"db", required_argument, 0, 'D'},     {"story", required_argument, 0, 'S'},
      {"one-story", no_argument, 0, '1'},    {"limit", required_argument, 0, 'L'},
      {0, 0, 0, 0}};
  int one = 0;
  const char *db = NULL;
  long story = 0;
  cr_brief_options bo = {0, 0};
  int fmt = CR_FORMAT_MARKDOWN, quiet = 0, ch;
  const char *out = NULL;
  long v;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:n:w:o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        if ((fmt = cli_format(optarg)) < 0 || fmt == CR_FORMAT_TEXT) {
          fprintf(stderr, "crossread brief: unknown format '%s' (md, json, html)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'n':
        if ((v = cli_count(optarg, 1000)) < 0) {
          fprintf(stderr, "crossread brief: --sentences wants 1..1000, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        bo.sentences = (size_t)v;
        break;
      case 'w':
        if ((v = cli_count(optarg, 1000000)) < 0) {
          fprintf(stderr, "crossread brief: --words wants a positive number, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        bo.words = (size_t)v;
        if (!bo.sentences) bo.sentences = 1000;
        break;
      case 'o': out = optarg; break;
      case 'D': db = optarg; break;
      case '1': one = 1; break;
      case 'S':
        if ((story = cli_count(optarg, 0x7fffffffL)) < 0) {
          fprintf(stderr, "crossread brief: --story wants a story id, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "brief")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc;
  if (db || story) rc = load_story(db, story, argc - optind, &lim, &c);
  else rc = cli_read_inputs("brief", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_brief *b = NULL;
  if (cr_corpus_doc_count(c) == 0) {
    fputs("crossread brief: no readable reports in the input\n", stderr);
    goto done;
  }
  cr_status st;
  /* an HTML page is one story: the reports are briefed together there */
  if (!one && !db && fmt != CR_FORMAT_HTML && cr_corpus_doc_count(c) > 1) {
    st = brief_stories(c, &bo, lim.max_story_reports, (cr_format)fmt, out);
    if (st == CR_OK) rc = cli_exit_code(c);
    else if (st != CR_ERR_IO) fprintf(stderr, "crossread brief: %s\n", cr_status_str(st));
    goto done;
  }
  st = cr_brief_new(c, &bo, &b);
  if (st != CR_OK) {
    fprintf(stderr, "crossread brief: %s\n", cr_status_str(st));
    goto done;
  }
  FILE *f = cli_output(out);
  if (!f) goto done;
  st = cr_render_brief(b, (cr_format)fmt, f);
  if (cli_close_output(f, out) || st != CR_OK) goto done;
  rc = cli_exit_code(c);
done:
  cr_brief_free(b);
  cr_corpus_free(c);
  return rc;
}
