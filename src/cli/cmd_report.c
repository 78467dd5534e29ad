/* cmd_report.c — crossread report: a static site from a story store:
 * index.html (stories newest first, their sources, a coverage timeline)
 * and one self-contained page per story.  Page names come from story ids
 * only, never from input, so no input can write outside -o. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/corpus.h"
#include "report/html.h"

typedef struct site_story {
  int64_t id;
  char *headline, *first, *last;
} site_story;

typedef CR_VEC(site_story) story_vec;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int collect(void *ctx, const cr_story_info *st) {
  story_vec *v = ctx;
  site_story s = {st->id, dup_or_null(st->headline),
                  dup_or_null(st->first_date ? st->first_date : st->first_seen),
                  dup_or_null(st->last_date ? st->last_date : st->last_seen)};
  return cr_vec_push(v, s);
}

static void usage(FILE *f) {
  fputs("usage: crossread report --db FILE -o DIR\n"
        "\n"
        "Writes DIR/index.html (the stories of the store, newest first, with\n"
        "their sources and a timeline) and DIR/story-ID.html for each story.\n"
        "\n"
        "options:\n"
        "  --db FILE        the story store (see crossread add)\n"
        "  -o, --output DIR the site folder (created if missing)\n"
        CLI_LIMIT_HELP
        "  -q, --quiet      no progress on stderr\n"
        "  -h, --help       this help\n", f);
}

/* Briefs one stored story into DIR/story-ID.html and fills its index row. */
static int story_page(cr_store *s, const cr_limits *lim, const char *dir, site_story *st,
                      cr_html_index_story *row, cr_html_index_source **srcs) {
  cr_corpus *c = cr_corpus_new(lim);
  cr_brief *b = NULL;
  int rc = -1;
  if (!c || cr_store_load_story(s, st->id, c) != CR_OK) {
    fprintf(stderr, "crossread report: %s\n", c ? cr_store_errmsg(s) : "out of memory");
    goto done;
  }
  size_t shown = 0;
  cli_print_diags(c, &shown);
  if (!cr_corpus_doc_count(c) || cr_brief_new(c, NULL, &b) != CR_OK) goto done;
  char name[64], path[4096];
  cr_html_story_page_name(name, sizeof name, (size_t)st->id);
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "crossread report: %s: cannot write: %s\n", path, strerror(errno));
    goto done;
  }
  cr_status r = cr_render_brief(b, CR_FORMAT_HTML, f);
  if (fclose(f) || r != CR_OK) goto done;
  size_t n = cr_corpus_doc_count(c);
  *srcs = calloc(n, sizeof **srcs);
  if (!*srcs) goto done;
  for (size_t i = 0; i < n; i++) {
    const cr_doc *d = cr_corpus_doc(c, i);
    (*srcs)[i].name = strdup(d->meta.outlet ? d->meta.outlet : d->id);
    (*srcs)[i].date = d->meta.date_valid > 0 && d->meta.date ? strdup(d->meta.date) : NULL;
  }
  row->headline = st->headline ? st->headline : cr_brief_headline(b) ? strdup(cr_brief_headline(b)) : NULL;
  if (!st->headline) st->headline = (char *)row->headline;
  row->first_seen = st->first;
  row->last_seen = st->last;
  row->ordinal = (size_t)st->id;
  row->sources = *srcs;
  row->nsources = n;
  rc = 0;
done:
  cr_brief_free(b);
  cr_corpus_free(c);
  return rc;
}

int cmd_report(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                       {"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  const char *db = NULL, *dir = NULL;
  int ch, quiet = 0;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "d:o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'd': db = optarg; break;
      case 'o': dir = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "report")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  if (!db || !dir || optind < argc) {
    fputs("crossread report: give --db FILE and -o DIR\n", stderr);
    usage(stderr);
    return CLI_USAGE;
  }
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "crossread report: %s: cannot create: %s\n", dir, strerror(errno));
    return CLI_INPUT_FAILED;
  }
  char err[512];
  cr_store *s = NULL;
  if (cr_store_open(db, CR_STORE_READ, &s, err, sizeof err) != CR_OK) {
    fprintf(stderr, "crossread report: %s\n", err);
    return CLI_INPUT_FAILED;
  }
  story_vec v = {0};
  int rc = CLI_INPUT_FAILED;
  cr_html_index_story *rows = NULL;
  cr_html_index_source **srcs = NULL;
  if (cr_store_stories(s, collect, &v) != CR_OK) {
    fprintf(stderr, "crossread report: %s: %s\n", db, cr_store_errmsg(s));
    goto done;
  }
  rows = calloc(v.n + 1, sizeof *rows);
  srcs = calloc(v.n + 1, sizeof *srcs);
  if (!rows || !srcs) goto done;
  size_t nrows = 0, failed = 0;
  int progress = !quiet && isatty(2);
  for (size_t i = 0; i < v.n; i++) {
    if (progress) fprintf(stderr, "\rcrossread report: story %zu/%zu", i + 1, v.n);
    if (story_page(s, &lim, dir, &v.v[i], &rows[nrows], &srcs[nrows]) == 0) nrows++;
    else failed++;
  }
  if (progress) fputc('\n', stderr);
  char path[4096];
  snprintf(path, sizeof path, "%s/index.html", dir);
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "crossread report: %s: cannot write: %s\n", path, strerror(errno));
    goto done;
  }
  int bad = cr_html_index_page(rows, nrows, f);
  bad |= fclose(f) != 0;
  if (bad) fprintf(stderr, "crossread report: %s: write error\n", path);
  else if (!quiet) fprintf(stderr, "crossread report: %s (%zu stories)\n", path, nrows);
  rc = bad || failed ? CLI_INPUT_FAILED : CLI_OK;
done:
  for (size_t i = 0; i < v.n; i++) {
    if (srcs && i < v.n && srcs[i]) {
      for (size_t k = 0; k < rows[i].nsources; k++) {
        free((char *)srcs[i][k].name);
        free((char *)srcs[i][k].date);
      }
      free(srcs[i]);
    }
    free(v.v[i].headline);
    free(v.v[i].first);
    free(v.v[i].last);
  }
  free(rows);
  free(srcs);
  cr_vec_free(&v);
  cr_store_close(s);
  return rc;
}
