/* bench/dedup_shingles.c — the word 5-shingles crossread's dedup compares,
 * for the dedup benchmark's truth and its peer.
 *
 *   build/bench/dedup_shingles ARTICLES.jsonl > shingles.jsonl
 *
 * Reads JSONL records {"id", "text"} and prints, per record, {"id",
 * "shingles": [hex, ...]}: the shingle hashes of its normalized body
 * (dedup.h: word tokens of the body paragraphs, ASCII-lowercased), so the
 * true Jaccard of two edited texts is computed on exactly what crossread
 * calls the text of a report. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "dedup/dedup.h"
#include "report/jsonw.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: dedup_shingles ARTICLES.jsonl\n", stderr);
    return 2;
  }
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c || cr_corpus_add_path(c, argv[1], CR_INPUT_JSONL) != CR_OK ||
      cr_corpus_analyze(c) != CR_OK) {
    fprintf(stderr, "dedup_shingles: cannot read %s\n", argv[1]);
    return 1;
  }
  for (size_t i = 0; i < cr_corpus_doc_count(c); i++) {
    const cr_doc *d = cr_corpus_doc(c, i);
    size_t nw, ns = 0;
    uint64_t *w = cr_dedup_words(d, &nw), *sh = NULL;
    if (nw == SIZE_MAX) return 1;
    if (w) sh = cr_dedup_shingles(w, nw, CR_DEDUP_SHINGLE, &ns);
    cr_jw jw;
    cr_jw_init(&jw, stdout, 0);
    cr_jw_object(&jw);
    cr_jw_kstr(&jw, "id", cr_doc_id(d));
    cr_jw_key(&jw, "shingles");
    cr_jw_array(&jw);
    for (size_t k = 0; k < ns; k++) {
      char hex[17];
      snprintf(hex, sizeof hex, "%016" PRIx64, sh[k]);
      cr_jw_string(&jw, hex);
    }
    cr_jw_array_end(&jw);
    cr_jw_object_end(&jw);
    if (cr_jw_finish(&jw)) return 1;
    free(w);
    free(sh);
  }
  cr_corpus_free(c);
  return 0;
}
