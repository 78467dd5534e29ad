/* ingest.h — reading inputs into documents.
 *
 * Takes: paths (files, directories, "-"), or bytes.
 * Adds:  one cr_doc per plain-text file or JSONL record, with the metadata
 *        the record carries (title, url, outlet, date).
 *
 * Every problem with one input is a diagnostic on the corpus naming the file
 * (and line); the other inputs go on. */
#ifndef CR_INGEST_H
#define CR_INGEST_H
#include "core/corpus.h"

/* Why a buffer is not usable as text, or NULL when it is. */
const char *cr_ingest_not_text(const char *p, size_t n);

/* Reads JSONL records from bytes[0..n); returns the number of documents
 * added.  Bad lines are diagnostics. */
size_t cr_ingest_jsonl(cr_corpus *c, const char *file, const char *bytes,
                       size_t n);

/* Parses one JSONL record (line is 1-based, for messages); returns 1 when
 * a document was added, 0 when the line was rejected (diagnostic given). */
int cr_ingest_jsonl_record(cr_corpus *c, const char *file, size_t line,
                           const char *rec, size_t n);
#endif
