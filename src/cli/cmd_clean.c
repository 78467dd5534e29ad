/* cmd_clean.c — crossread clean: the documents as paragraphs and
 * sentences, with the title line and what was set aside. */
#include <getopt.h>

#include "cli/cli.h"
#include "report/report.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread clean [options] INPUT...\n"
      "\n"
      "Prints each report's title and body split into paragraphs and\n"
      "sentences.  JSON is one object per report (JSON Lines for several)\n"
      "with the metadata, the clean text and the pieces removed, each with\n"
      "its reason.\n"
      "\n"
      "options:\n"
      "  -f, --format text|json  output format (default text)\n"
      "  -e, --explain           (text) list every removed or demoted piece\n"
      "                          with its reason, and the metadata found\n"
      "  -o, --output FILE       write to FILE instead of stdout\n"
      "  -L, --limit NAME=VALUE  change an input limit, e.g.\n"
      "                          --limit max_doc_bytes=16M (see 'crossread limits')\n"
      "  -q, --quiet             no progress on stderr\n"
      "  -h, --help              this help\n",
      f);
}

int cmd_clean(int argc, char **argv) {
  static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                       {"output", required_argument, 0, 'o'},
                                       {"limit", required_argument, 0, 'L'},
                                       {"explain", no_argument, 0, 'e'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  int fmt = CR_FORMAT_TEXT, quiet = 0, explain = 0, ch;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:o:L:eqh", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        if ((fmt = cli_format(optarg)) < 0 || fmt == CR_FORMAT_MARKDOWN || fmt == CR_FORMAT_HTML) {
          fprintf(stderr, "crossread clean: unknown format '%s' (text, json)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "clean")) return CLI_USAGE;
        break;
      case 'e': explain = 1; break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("clean", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  FILE *f = cli_output(out);
  if (!f) goto done;
  cr_status st;
  if (explain && fmt == CR_FORMAT_TEXT) {
    st = cr_corpus_analyze(c);
    if (st == CR_OK && cr_clean_text(c, f, 1)) st = CR_ERR_IO;
  } else {
    st = cr_render_clean(c, (cr_format)fmt, f);
  }
  if (st != CR_OK) fprintf(stderr, "crossread clean: %s\n", cr_status_str(st));
  if (cli_close_output(f, out) || st != CR_OK) goto done;
  rc = cr_corpus_doc_count(c) ? cli_exit_code(c) : CLI_INPUT_FAILED;
done:
  cr_corpus_free(c);
  return rc;
}
