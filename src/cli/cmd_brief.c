/* cmd_brief.c — crossread brief: one cited brief of all inputs. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread brief [options] INPUT...\n"
      "\n"
      "Reads the reports (files, directories, or - for stdin; plain text or\n"
      "JSONL) as one story and prints a brief: a headline, a summary whose\n"
      "sentences cite every source that carries them, and the sources.\n"
      "\n"
      "options:\n"
      "  -f, --format md|json|html  output format (default md); html is one\n"
      "                         self-contained page: no scripts, no network\n"
      "  -n, --sentences N      summary sentences (default 5)\n"
      "  -w, --words N          stop the summary at about N words (whole\n"
      "                         sentences: the last may pass N by 30%)\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      "  -L, --limit NAME=VALUE change an input limit, e.g.\n"
      "                         --limit max_input_bytes=1G (see 'crossread limits')\n"
      "  -q, --quiet            no progress on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed (the rest was briefed),\n"
      "2 usage error.\n",
      f);
}

int cmd_brief(int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, 0, 'f'}, {"sentences", required_argument, 0, 'n'},
      {"words", required_argument, 0, 'w'},  {"output", required_argument, 0, 'o'},
      {"quiet", no_argument, 0, 'q'},        {"help", no_argument, 0, 'h'},
      {"limit", required_argument, 0, 'L'},
      {0, 0, 0, 0}};
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
      case 'L':
        if (cli_limit_option(&lim, optarg, "brief")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("brief", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_brief *b = NULL;
  if (cr_corpus_doc_count(c) == 0) {
    fputs("crossread brief: no readable reports in the input\n", stderr);
    goto done;
  }
  cr_status st = cr_brief_new(c, &bo, &b);
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
