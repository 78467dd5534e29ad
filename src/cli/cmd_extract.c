/* cmd_extract.c — crossread extract: the article text and metadata the
 * ingest stage found in each input, before any further analysis.  The JSON
 * form is the prediction format of the extraction benchmarks
 * ({id: {"articleBody", "title", "author", "date"}}), so
 * ../shared/tools/eval_extraction.py reads it directly. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/corpus.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread extract [options] INPUT...\n"
      "\n"
      "Prints the article text extracted from each input (HTML pages,\n"
      ".html.gz, text, JSONL), one input at a time so memory stays bounded.\n"
      "\n"
      "options:\n"
      "  -f, --format text|json  text: '== FILE' then the text; json: one\n"
      "                          object {id: {articleBody, title, author,\n"
      "                          date, url, outlet, language}} (default text)\n"
      "  -o, --output FILE       write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet             no progress on stderr\n"
      "  -h, --help              this help\n",
      f);
}

static void emit_json(cr_jw *w, const cr_doc *d) {
  cr_jw_key(w, d->id);
  cr_jw_object(w);
  cr_jw_key(w, "articleBody");
  cr_jw_stringn(w, d->text, d->text_len);
  cr_jw_kstr(w, "title", d->meta.title);
  cr_jw_kstr(w, "author", d->meta.byline);
  cr_jw_kstr(w, "date", d->meta.date_valid > 0 ? d->meta.date : d->meta.date_raw);
  cr_jw_kstr(w, "url", d->meta.url);
  cr_jw_kstr(w, "outlet", d->meta.outlet);
  cr_jw_kstr(w, "language", d->meta.language);
  cr_jw_object_end(w);
}

int cmd_extract(int argc, char **argv) {
  static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                       {"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  int fmt = CR_FORMAT_TEXT, quiet = 0, ch;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        fmt = cli_format(optarg);
        if (fmt != CR_FORMAT_TEXT && fmt != CR_FORMAT_JSON) {
          fprintf(stderr, "crossread extract: unknown format '%s' (text, json)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "extract")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  if (optind >= argc) {
    fputs("crossread extract: no input (give files, directories or -)\n", stderr);
    usage(stderr);
    return CLI_USAGE;
  }
  FILE *f = cli_output(out);
  if (!f) return CLI_INPUT_FAILED;
  cr_jw w;
  cr_jw_init(&w, f, 0);
  if (fmt == CR_FORMAT_JSON) cr_jw_object(&w);
  int failed = 0, any = 0;
  for (int i = optind; i < argc; i++) {
    /* One corpus per input: a directory of thousands of pages never holds
     * more than one input's pages at once. */
    cr_corpus *c = cr_corpus_new(&lim);
    if (!c) {
      fputs("crossread: out of memory\n", stderr);
      failed = 1;
      break;
    }
    if (cli_load(c, argv + i, 1, quiet)) failed = 1;
    if (cr_corpus_failed_inputs(c)) failed = 1;
    for (size_t k = 0; k < c->docs.n; k++) {
      const cr_doc *d = c->docs.v[k];
      any = 1;
      if (fmt == CR_FORMAT_JSON) emit_json(&w, d);
      else fprintf(f, "%s== %s\n%s\n", any > 1 ? "\n" : "", d->file, d->text);
      any = 2;
    }
    cr_corpus_free(c);
  }
  int bad = 0;
  if (fmt == CR_FORMAT_JSON) {
    cr_jw_object_end(&w);
    bad = cr_jw_finish(&w);
  }
  if (cli_close_output(f, out) || bad) return CLI_INPUT_FAILED;
  return failed || !any ? CLI_INPUT_FAILED : CLI_OK;
}
