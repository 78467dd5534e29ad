/* cmd_brief.c — crossread brief: one cited brief of all inputs. */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread brief [options] INPUT...\n"
      "       crossread brief --db FILE --story ID [options]\n"
      "\n"
      "Reads the reports (files, directories, or - for stdin; plain text or\n"
      "JSONL) as one story and prints a brief: a headline, a summary whose\n"
      "sentences cite every source that carries them, and the sources.\n"
      "\n"
      "options:\n"
      "  -f, --format md|json   output format (default md)\n"
      "  -n, --sentences N      summary sentences (default 5)\n"
      "  -w, --words N          stop the summary at about N words\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      "      --db FILE          with --story: brief a story of this store\n"
      "      --story ID         the story to brief (see crossread stories)\n"
      "  -q, --quiet            no progress on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed (the rest was briefed),\n"
      "2 usage error.\n",
      f);
}

/* --db FILE --story ID: the story's stored reports as the corpus. */
static int load_story(const char *db, long story, int ninputs, cr_corpus **out) {
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
  cr_corpus *c = cr_corpus_new(NULL);
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
      {0, 0, 0, 0}};
  const char *db = NULL;
  long story = 0;
  cr_brief_options bo = {0, 0};
  int fmt = CR_FORMAT_MARKDOWN, quiet = 0, ch;
  const char *out = NULL;
  long v;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:n:w:o:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        if ((fmt = cli_format(optarg)) < 0 || fmt == CR_FORMAT_TEXT) {
          fprintf(stderr, "crossread brief: unknown format '%s' (md, json)\n", optarg);
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
      case 'S':
        if ((story = cli_count(optarg, 0x7fffffffL)) < 0) {
          fprintf(stderr, "crossread brief: --story wants a story id, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc;
  if (db || story) rc = load_story(db, story, argc - optind, &c);
  else rc = cli_read_inputs("brief", argc, argv, optind, quiet, &c);
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
