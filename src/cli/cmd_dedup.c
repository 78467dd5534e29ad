/* cmd_dedup.c — crossread dedup: duplicate groups with their similarity. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread dedup [options] INPUT...\n"
      "\n"
      "Finds exact duplicates (same normalized body), near-duplicates (word\n"
      "5-shingle Jaccard >= threshold, verified exactly) and derived copies\n"
      "(a shorter report most of whose shingles are in a longer one) and\n"
      "prints one JSON line per group:\n"
      "  {\"original\", \"copies\": [{\"id\", \"kind\": \"exact|near|derived\",\n"
      "   \"similarity\"}]}\n"
      "\n"
      "options:\n"
      "  -t, --threshold J      near-duplicate Jaccard (default 0.8)\n"
      "  -c, --containment C    share of shingles for a derived copy (0.8)\n"
      "  -k, --shingle N        words per shingle (default 5)\n"
      "  -p, --perms N          MinHash permutations (default 128)\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet            no progress on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed, 2 usage error.\n",
      f);
}

static int parse_frac(const char *s, double *v) {
  char *end;
  *v = strtod(s, &end);
  return end != s && !*end && *v > 0 && *v <= 1;
}

/* The group root of doc i: duplicate and derived links followed up. */
static size_t group_root(const cr_dedup *dd, size_t i) {
  for (int hops = 0; hops < 64; hops++) {
    size_t g = cr_dedup_group(dd, i);
    if (g != i) {
      i = g;
      continue;
    }
    long up = cr_dedup_derived_from(dd, i, NULL);
    if (up < 0) break;
    i = (size_t)up;
  }
  return i;
}

int cmd_dedup(int argc, char **argv) {
  static const struct option opts[] = {
      {"threshold", required_argument, 0, 't'}, {"containment", required_argument, 0, 'c'},
      {"shingle", required_argument, 0, 'k'},   {"perms", required_argument, 0, 'p'},
      {"output", required_argument, 0, 'o'},    {"quiet", no_argument, 0, 'q'},
      {"help", no_argument, 0, 'h'},            CLI_LIMIT_OPT, {0, 0, 0, 0}};
  cr_dedup_options o = {0, 0, 0, 0};
  int quiet = 0, ch;
  long v;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "t:c:k:p:o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 't':
      case 'c':
        if (!parse_frac(optarg, ch == 't' ? &o.threshold : &o.containment)) {
          fprintf(stderr, "crossread dedup: -%c wants a number in (0, 1], got '%s'\n", ch, optarg);
          return CLI_USAGE;
        }
        break;
      case 'k':
        if ((v = cli_count(optarg, 32)) < 0) {
          fprintf(stderr, "crossread dedup: --shingle wants 1..32, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        o.shingle = (size_t)v;
        break;
      case 'p':
        if ((v = cli_count(optarg, 1024)) < 0) {
          fprintf(stderr, "crossread dedup: --perms wants 1..1024, got '%s'\n", optarg);
          return CLI_USAGE;
        }
        o.perms = (size_t)v;
        break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "dedup")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("dedup", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_dedup *dd = NULL;
  size_t *root = NULL;
  cr_status st = cr_dedup_new(c, &o, &dd);
  if (st != CR_OK) {
    fprintf(stderr, "crossread dedup: %s\n", cr_status_str(st));
    goto done;
  }
  size_t n = cr_corpus_doc_count(c);
  if (!(root = malloc((n ? n : 1) * sizeof *root))) goto done;
  for (size_t i = 0; i < n; i++) root[i] = group_root(dd, i);
  FILE *f = cli_output(out);
  if (!f) goto done;
  int bad = 0;
  /* one line per group, in the order of the originals; copies in input
   * order (quadratic in the worst case only over the copies of a group) */
  for (size_t g = 0; g < n; g++) {
    if (root[g] != g) continue;
    int any = 0;
    cr_jw w;
    for (size_t i = 0; i < n; i++) {
      if (root[i] != g || i == g) continue;
      if (!any) {
        cr_jw_init(&w, f, 0);
        cr_jw_object(&w);
        cr_jw_kstr(&w, "original", cr_doc_id(cr_corpus_doc(c, g)));
        cr_jw_key(&w, "copies");
        cr_jw_array(&w);
        any = 1;
      }
      double sim;
      long up = cr_dedup_partner(dd, i, &sim);
      const char *kind = cr_dedup_is_exact(dd, i) ? "exact" : "near";
      if (up < 0) {
        up = cr_dedup_derived_from(dd, i, &sim);
        kind = "derived";
      }
      cr_jw_object(&w);
      cr_jw_kstr(&w, "id", cr_doc_id(cr_corpus_doc(c, i)));
      cr_jw_kstr(&w, "kind", kind);
      cr_jw_kstr(&w, "of", cr_doc_id(cr_corpus_doc(c, (size_t)up)));
      cr_jw_key(&w, "similarity");
      cr_jw_double(&w, sim);
      cr_jw_object_end(&w);
    }
    if (any) {
      cr_jw_array_end(&w);
      cr_jw_object_end(&w);
      bad |= cr_jw_finish(&w);
    }
  }
  if (cli_close_output(f, out) || bad) goto done;
  rc = cli_exit_code(c);
done:
  free(root);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  return rc;
}
