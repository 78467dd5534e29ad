/* subset.c — some reports of a corpus as a corpus of their own (one
 * story's reports, to brief it alone), read again from their original
 * bytes so every stage sees them exactly as it saw them the first time. */
#include "cluster/cluster.h"
#include "ingest/ingest.h"

int cr_corpus_reread(cr_corpus *c, const char *file, size_t line,
                     const char *id, const char *raw, size_t len) {
  /* a JSONL record keeps its id, title, outlet and date; a file is read
   * again the way it was chosen the first time (the reader depends only
   * on its name and bytes: text, HTML, gzip), so its id is the same */
  (void)id;
  if (line) return cr_ingest_jsonl_record(c, file, line, raw, len) ? 0 : 1;
  cr_status st = cr_corpus_add_memory(c, file, raw, len, CR_INPUT_AUTO);
  return st == CR_OK ? 0 : st == CR_ERR_NOMEM || st == CR_ERR_LIMIT ? -1 : 1;
}

cr_status cr_corpus_subset(const cr_corpus *c, const size_t *docs, size_t n,
                           cr_corpus **out) {
  if (!c || !out || (n && !docs)) return CR_ERR_USAGE;
  *out = cr_corpus_new(&c->limits);
  if (!*out) return CR_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    if (docs[i] >= c->docs.n) {
      cr_corpus_free(*out);
      *out = NULL;
      return CR_ERR_USAGE;
    }
    const cr_doc *d = c->docs.v[docs[i]];
    if (cr_corpus_reread(*out, d->file, d->line, d->id, d->raw, d->raw_len) < 0) {
      cr_corpus_free(*out);
      *out = NULL;
      return CR_ERR_NOMEM;
    }
  }
  return CR_OK;
}
