/* cmd_cluster.c — crossread cluster: one story id per report. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread cluster [options] INPUT...\n"
      "\n"
      "Groups the reports into stories (one per real-world event) and prints\n"
      "one JSON line per report: {\"id\", \"cluster\", \"duplicate_of\"?,\n"
      "\"derived_from\"?}.  Duplicates join their original's story.\n"
      "\n"
      "options:\n"
      "  -f, --format jsonl     output format (jsonl, the only one)\n"
      "      --assign S         similarity to join a story (default 0.2)\n"
      "      --merge S          similarity to merge two stories (default 0.25)\n"
      "      --days D           use dates: D days of gap halve a similarity\n"
      "                         (default 0: dates ignored)\n"
      "      --rounds N         refinement rounds (default 3; 0 none)\n"
      "      --no-dedup         cluster duplicates like any report\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet            no progress on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed, 2 usage error.\n",
      f);
}

static int parse_unit(const char *s, double *v) {
  char *end;
  *v = strtod(s, &end);
  return end != s && !*end && *v >= 0 && *v <= 1;
}

int cmd_cluster(int argc, char **argv) {
  enum { O_ASSIGN = 256, O_MERGE, O_DAYS, O_ROUNDS, O_NODEDUP };
  static const struct option opts[] = {
      {"format", required_argument, 0, 'f'}, {"assign", required_argument, 0, O_ASSIGN},
      {"merge", required_argument, 0, O_MERGE}, {"days", required_argument, 0, O_DAYS},
      {"rounds", required_argument, 0, O_ROUNDS}, {"no-dedup", no_argument, 0, O_NODEDUP},
      {"output", required_argument, 0, 'o'}, {"quiet", no_argument, 0, 'q'},
      {"help", no_argument, 0, 'h'}, CLI_LIMIT_OPT, {0, 0, 0, 0}};
  cr_cluster_options co = {0, 0, 0, 0};
  int quiet = 0, dedup = 1, ch;
  const char *out = NULL;
  char *end;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        if (strcmp(optarg, "jsonl")) {
          fprintf(stderr, "crossread cluster: unknown format '%s' (jsonl)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case O_ASSIGN:
      case O_MERGE:
        if (!parse_unit(optarg, ch == O_ASSIGN ? &co.assign : &co.merge)) {
          fprintf(stderr, "crossread cluster: a similarity is 0..1, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        break;
      case O_DAYS:
        co.day_scale = strtod(optarg, &end);
        if (end == optarg || *end || co.day_scale < 0) {
          fprintf(stderr, "crossread cluster: --days wants a number >= 0, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        if (co.day_scale == 0) co.day_scale = -1;
        break;
      case O_ROUNDS:
        co.rounds = (int)strtol(optarg, &end, 10);
        if (end == optarg || *end || co.rounds < 0 || co.rounds > 100) {
          fprintf(stderr, "crossread cluster: --rounds wants 0..100, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        if (co.rounds == 0) co.rounds = -1;
        break;
      case O_NODEDUP: dedup = 0; break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "cluster")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("cluster", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_dedup *dd = NULL;
  cr_clustering *k = NULL;
  cr_status st;
  if (dedup && (st = cr_dedup_new(c, NULL, &dd)) != CR_OK) {
    fprintf(stderr, "crossread cluster: %s\n", cr_status_str(st));
    goto done;
  }
  if ((st = cr_cluster_new(c, &co, dd, &k)) != CR_OK) {
    fprintf(stderr, "crossread cluster: %s\n", cr_status_str(st));
    goto done;
  }
  FILE *f = cli_output(out);
  if (!f) goto done;
  cr_jw w;
  int bad = 0;
  for (size_t i = 0; i < cr_corpus_doc_count(c); i++) {
    const cr_doc *d = cr_corpus_doc(c, i);
    cr_jw_init(&w, f, 0);
    cr_jw_object(&w);
    cr_jw_kstr(&w, "id", cr_doc_id(d));
    cr_jw_kint(&w, "cluster", (long long)cr_clustering_story(k, i));
    double sim;
    long o = dd ? cr_dedup_duplicate_of(dd, i, &sim) : -1;
    if (o >= 0) {
      cr_jw_kstr(&w, "duplicate_of", cr_doc_id(cr_corpus_doc(c, (size_t)o)));
      cr_jw_key(&w, "similarity");
      cr_jw_double(&w, sim);
    }
    o = dd ? cr_dedup_derived_from(dd, i, &sim) : -1;
    if (o >= 0) {
      cr_jw_kstr(&w, "derived_from", cr_doc_id(cr_corpus_doc(c, (size_t)o)));
      cr_jw_key(&w, "containment");
      cr_jw_double(&w, sim);
    }
    cr_jw_object_end(&w);
    bad |= cr_jw_finish(&w);
  }
  if (cli_close_output(f, out) || bad) goto done;
  rc = cli_exit_code(c);
done:
  cr_clustering_free(k);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  return rc;
}
