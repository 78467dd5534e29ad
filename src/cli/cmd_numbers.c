/* cmd_numbers.c — crossread numbers: the quantities and dates of each
 * report, normalised (value, unit or currency, counted noun; dates
 * resolved against the report's date when it is known). */
#include <getopt.h>
#include <stdio.h>

#include "analyze/analyze.h"
#include "cli/cli.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread numbers [options] INPUT...\n"
      "\n"
      "Prints one JSON line per report: its numbers (text, value, unit,\n"
      "counted noun, ordinal) and dates (text, resolved YYYY[-MM[-DD]],\n"
      "granularity, relative).  Spans are byte offsets into the text.\n"
      "\n"
      "options:\n"
      "  -o, --output FILE   write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet         no progress on stderr\n"
      "  -h, --help          this help\n",
      f);
}

static void span(cr_jw *w, const char *key, cr_span s) {
  cr_jw_key(w, key);
  cr_jw_array(w);
  cr_jw_int(w, s.start);
  cr_jw_int(w, s.end);
  cr_jw_array_end(w);
}

static int write_doc(const cr_doc *d, FILE *f) {
  cr_jw w;
  cr_jw_init(&w, f, 0);
  cr_jw_object(&w);
  cr_jw_kstr(&w, "doc", d->id);
  cr_jw_kstr(&w, "date", d->meta.date_valid > 0 ? d->meta.date : NULL);
  cr_jw_key(&w, "numbers");
  cr_jw_array(&w);
  for (size_t i = 0; i < d->nnums; i++) {
    const cr_number *n = &d->nums[i];
    cr_jw_object(&w);
    cr_jw_key(&w, "text");
    cr_jw_stringn(&w, d->text + n->span.start, n->span.end - n->span.start);
    span(&w, "span", n->span);
    cr_jw_key(&w, "value");
    cr_jw_double(&w, n->value);
    cr_jw_kstr(&w, "unit", n->unit);
    if (n->noun.end > n->noun.start) {
      cr_jw_key(&w, "counts");
      cr_jw_stringn(&w, d->text + n->noun.start, n->noun.end - n->noun.start);
    }
    if (n->ordinal) {
      cr_jw_key(&w, "ordinal");
      cr_jw_bool(&w, 1);
    }
    cr_jw_object_end(&w);
  }
  cr_jw_array_end(&w);
  cr_jw_key(&w, "dates");
  cr_jw_array(&w);
  for (size_t i = 0; i < d->ndates; i++) {
    const cr_date *t = &d->dates[i];
    char iso[16] = "";
    if (t->year && t->month && t->day) snprintf(iso, sizeof iso, "%04d-%02d-%02d", t->year, t->month, t->day);
    else if (t->year && t->month) snprintf(iso, sizeof iso, "%04d-%02d", t->year, t->month);
    else if (t->year) snprintf(iso, sizeof iso, "%04d", t->year);
    cr_jw_object(&w);
    cr_jw_key(&w, "text");
    cr_jw_stringn(&w, d->text + t->span.start, t->span.end - t->span.start);
    span(&w, "span", t->span);
    cr_jw_key(&w, "value");
    if (iso[0]) cr_jw_string(&w, iso);
    else cr_jw_null(&w);
    char g[2] = {(char)t->granularity, 0};
    cr_jw_kstr(&w, "granularity", t->granularity == 'd' ? "day" : t->granularity == 'w' ? "week"
                                  : t->granularity == 'm' ? "month" : g[0] ? "year" : NULL);
    cr_jw_key(&w, "relative");
    cr_jw_bool(&w, t->relative);
    cr_jw_object_end(&w);
  }
  cr_jw_array_end(&w);
  cr_jw_object_end(&w);
  return cr_jw_finish(&w);
}

int cmd_numbers(int argc, char **argv) {
  static const struct option opts[] = {{"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  int quiet = 0, ch;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "o:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "numbers")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("numbers", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) {
    fprintf(stderr, "crossread numbers: %s\n", cr_status_str(st));
    goto done;
  }
  FILE *f = cli_output(out);
  if (!f) goto done;
  int bad = 0;
  for (size_t i = 0; i < cr_corpus_doc_count(c) && !bad; i++)
    bad = write_doc(cr_corpus_doc(c, i), f) != 0;
  if (cli_close_output(f, out) || bad) goto done;
  rc = cr_corpus_doc_count(c) ? cli_exit_code(c) : CLI_INPUT_FAILED;
done:
  cr_corpus_free(c);
  return rc;
}
