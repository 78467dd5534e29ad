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

/* ---- HTML (html.c, gunzip.c, charset.c) */

/* 1 when the name or the first bytes say HTML. */
int cr_looks_like_html(const char *name, const char *p, size_t n);
/* Reads one HTML page (gzip-compressed or not) as a document whose text is
 * the extracted article; id may be NULL (from the file name).  Problems are
 * diagnostics; returns CR_OK when a document was added. */
cr_status cr_ingest_html(cr_corpus *c, const char *name, size_t line,
                         const char *id, const char *bytes, size_t len);
/* 1 when p starts with the gzip magic bytes. */
int cr_is_gzip(const char *p, size_t n);
/* Appends the decompressed gzip data p[0..n) to out, never more than
 * limit bytes nor (past 1 MB) ratio times n (0: no ratio limit); returns
 * NULL, or why it failed (static English text). */
const char *cr_gunzip(const char *p, size_t n, size_t limit, size_t ratio, cr_buf *out);
/* The charset label declared by a page (BOM, <meta>, XML declaration),
 * lower case, in lab; 1 when one was found. */
int cr_html_declared_charset(const char *p, size_t n, char *lab, size_t cap);
/* Appends p[0..n) converted to UTF-8 to out; label receives the charset
 * used; *unknown is set when the declared charset is not known (the bytes
 * are then copied as they are).  NULL, or "out of memory". */
const char *cr_html_to_utf8(const char *p, size_t n, cr_buf *out,
                            char *label, size_t cap, int *unknown);
#endif
