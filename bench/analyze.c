/* bench/analyze.c — throughput of the analyze stage alone (quotation
 * marks, attributions, entities, numbers, dates) over a directory.
 *
 *   build/bench/analyze DIR [MIN_MB]
 *
 * Loads DIR (files or directories, as crossread does) and runs the whole
 * pipeline once; then re-runs only the analyze stage's per-document work
 * over every document until MIN_MB (default 20) megabytes of text were
 * analysed, timing CPU with clock().  The re-runs register entities in a
 * scratch corpus so the real one is untouched.  Prints MB/s and docs/s per
 * core and the peak RSS. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "analyze/analyze.h"

static int run_once(cr_corpus *scratch, cr_doc *d) {
  int rc = -1;
  uint8_t *inq = malloc(d->ntoks + 1);
  uint32_t *close = malloc((d->ntoks + 1) * sizeof *close);
  cr_attr_vec attrs = {0};
  cr_number_vec nums = {0};
  cr_date_vec dates = {0};
  if (!inq || !close) goto done;
  cr_quote_marks(d, inq, close);
  if (cr_find_attributions(d, inq, close, &attrs)) goto done;
  /* entities write d->ments; keep the real ones */
  cr_mention *m = d->ments;
  size_t nm = d->nments;
  if (cr_find_entities(scratch, d, attrs.v, attrs.n)) goto done;
  d->ments = m;
  d->nments = nm;
  if (cr_find_numbers(d, &nums) || cr_find_dates(d, d->meta.date, &dates)) goto done;
  rc = 0;
done:
  free(inq);
  free(close);
  cr_vec_free(&attrs);
  cr_vec_free(&nums);
  cr_vec_free(&dates);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: analyze DIR [MIN_MB]\n", stderr);
    return 2;
  }
  double min_mb = argc > 2 ? atof(argv[2]) : 20;
  cr_corpus *c = cr_corpus_new(NULL), *scratch = cr_corpus_new(NULL);
  if (!c || !scratch) return 1;
  if (cr_corpus_add_path(c, argv[1], CR_INPUT_AUTO) != CR_OK || !c->docs.n) {
    printf("bench/analyze: no reports in %s, skipping\n", argv[1]);
    return 0;
  }
  clock_t t0 = clock();
  if (cr_corpus_analyze(c) != CR_OK) return 1;
  double full = (double)(clock() - t0) / CLOCKS_PER_SEC;
  size_t bytes = 0, attrs = 0, ments = 0, nums = 0;
  for (size_t i = 0; i < c->docs.n; i++) {
    bytes += c->docs.v[i]->text_len;
    attrs += c->docs.v[i]->nattrs;
    ments += c->docs.v[i]->nments;
    nums += c->docs.v[i]->nnums;
  }
  size_t done_bytes = 0, rounds = 0;
  t0 = clock();
  while (done_bytes < min_mb * 1e6) {
    for (size_t i = 0; i < c->docs.n; i++)
      if (run_once(scratch, c->docs.v[i])) return 1;
    done_bytes += bytes;
    rounds++;
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("analyze: %zu reports, %.2f MB; %zu attributions, %zu entity mentions, %zu numbers\n",
         c->docs.n, bytes / 1e6, attrs, ments, nums);
  printf("analyze stage (quotes+entities+numbers+dates): %.2f MB/s per core, %.0f docs/s "
         "(%zu rounds, %.2fs cpu)\n",
         done_bytes / 1e6 / secs, rounds * c->docs.n / secs, rounds, secs);
  printf("whole pipeline once (clean, tokens, stems, analyze): %.2f MB/s per core\n",
         bytes / 1e6 / full);
  printf("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
  cr_corpus_free(scratch);
  cr_corpus_free(c);
  return 0;
}
