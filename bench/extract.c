/* extract.c — HTML extraction throughput and predictions.
 *
 *   build/bench/extract PRED.json FILE...
 *
 * Reads each page the way `crossread extract` does (one corpus per page:
 * gunzip, charset, gumbo, extraction), writes the predictions in the
 * benchmark format {id: {"articleBody", "title", "author", "date"}} to
 * PRED.json, and prints pages/s and MB/s of HTML (decompressed bytes, CPU
 * time of this process, so one core) and the peak RSS.  bench/extract-eval
 * scores the predictions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/corpus.h"
#include "ingest/ingest.h"
#include "report/jsonw.h"

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_file(const char *path, cr_buf *b) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) cr_buf_append(b, chunk, n);
  fclose(f);
  return b->failed ? -1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: extract PRED.json FILE...\n", stderr);
    return 2;
  }
  FILE *out = fopen(argv[1], "w");
  if (!out) {
    perror(argv[1]);
    return 1;
  }
  cr_jw w;
  cr_jw_init(&w, out, 0);
  cr_jw_object(&w);
  double cpu = 0, html_bytes = 0;
  size_t pages = 0, failed = 0;
  cr_buf raw = CR_BUF_INIT, plain = CR_BUF_INIT;
  for (int i = 2; i < argc; i++) {
    cr_buf_clear(&raw);
    cr_buf_clear(&plain);
    if (read_file(argv[i], &raw)) {
      failed++;
      continue;
    }
    /* Decompressed size, for MB/s of HTML (not timed). */
    if (cr_is_gzip(raw.data, raw.len)) {
      if (!cr_gunzip(raw.data, raw.len, (size_t)1 << 30, 0, &plain)) html_bytes += (double)plain.len;
    } else {
      html_bytes += (double)raw.len;
    }
    double t0 = cpu_seconds();
    cr_corpus *c = cr_corpus_new(NULL);
    if (!c) return 1;
    cr_status st = cr_corpus_add_memory(c, argv[i], raw.data, raw.len, CR_INPUT_AUTO);
    cpu += cpu_seconds() - t0;
    pages++;
    if (st != CR_OK || c->docs.n == 0) failed++;
    for (size_t k = 0; k < c->docs.n; k++) {
      const cr_doc *d = c->docs.v[k];
      cr_jw_key(&w, d->id);
      cr_jw_object(&w);
      cr_jw_key(&w, "articleBody");
      cr_jw_stringn(&w, d->text, d->text_len);
      cr_jw_kstr(&w, "title", d->meta.title);
      cr_jw_kstr(&w, "author", d->meta.byline);
      cr_jw_kstr(&w, "date", d->meta.date_valid > 0 ? d->meta.date : d->meta.date_raw);
      cr_jw_object_end(&w);
    }
    t0 = cpu_seconds();
    cr_corpus_free(c);
    cpu += cpu_seconds() - t0;
  }
  cr_jw_object_end(&w);
  int bad = cr_jw_finish(&w);
  fclose(out);
  cr_buf_free(&raw);
  cr_buf_free(&plain);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("crossread  pages %zu  failed %zu  cpu %.2fs  pages/s %.1f  MB/s %.2f  "
         "peak RSS %.1f MB\n",
         pages, failed, cpu, cpu > 0 ? (double)pages / cpu : 0,
         cpu > 0 ? html_bytes / 1e6 / cpu : 0, (double)ru.ru_maxrss / 1024.0);
  return bad ? 1 : 0;
}
