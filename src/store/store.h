/* store.h — the story store: reports and stories in a SQLite file.
 *
 * Takes: analyzed documents (their normalized body, event vector, date,
 *        metadata) and the clustering engine (cluster.h).
 * Adds:  a persistent record of every report (raw bytes to re-read it,
 *        metadata, body hash, event vector, story) and of every story
 *        (headline, size, sources, dates, centroid).
 *
 * Schema (CR_STORE_SCHEMA = 3, kept in PRAGMA user_version; the file is
 * marked with PRAGMA application_id = CR_STORE_APP_ID):
 *   terms(id, stem UNIQUE, df)     stems of the stored vectors; df counts
 *                                  the reports folded in (meta df_upto)
 *   stories(id, headline, size, day_lo, day_hi, first_seen, last_seen,
 *           centroid BLOB, sources)           sources: added by schema 2
 *   reports(id, hash UNIQUE, doc_id, file, line, format, title, outlet,
 *           url, day, seen, added, story, vector BLOB, raw BLOB)
 *   meta(key PRIMARY KEY, value)   df_upto: reports id folded into df
 *   index reports_story (schema 2)
 *   story_terms(term, story)       schema 3: each story under the
 *                                  CR_INDEX_TERMS heaviest terms its
 *                                  centroid has had, so an add reads only
 *                                  the stories its reports can reach
 *
 * Vectors and centroids are blobs of (uint32 term id, float32 weight)
 * pairs, little-endian, sorted by term id: store term ids, not corpus
 * ids, so they mean the same thing in every run.  A story's centroid is
 * the sum of its members' unit vectors (what the engine's average-linkage
 * similarity needs), truncated to its heaviest terms.
 *
 *   schema.c  open, pragmas, version check and migrations, errors;
 *   add.c     adding a corpus: dedup against the store, clustering seeded
 *             with stored stories, one transaction per report;
 *   read.c    listing stories, loading a story's reports into a corpus. */
#ifndef CR_STORE_H
#define CR_STORE_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/corpus.h"
#include "core/termvec.h"

/* 'CRDR' */
#define CR_STORE_APP_ID 0x43524452
/* Centroid terms kept (the engine's max_centroid_terms): enough for the
 * average-linkage similarity, bounded so a story of thousands of reports
 * stays a few tens of KB. */
#define CR_STORE_CENTROID_TERMS 2000
/* A SQLite busy handler wait: another crossread adding to the same store
 * holds the write lock for one report at a time. */
#define CR_STORE_BUSY_MS 10000
/* Stories read under one term by an add (the newest): the engine's
 * postings cap (ONLINE_MAX_POSTINGS); a term that many stories share
 * names no event. */
#define CR_STORE_TERM_STORIES 4096
/* Puts a story under a term (schema 3). */
#define CR_STORE_SQL_INDEX "INSERT OR IGNORE INTO story_terms(term, story) VALUES(?, ?)"

struct cr_store {
  sqlite3 *db;
  char *path;
  int readonly;
  size_t max_bytes; /* limit max_store_bytes of the add, 0 before one */
  char err[512];
};

/* Records a formatted error message on s; returns st. */
cr_status cr_store_fail(cr_store *s, cr_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records the SQLite error of rc on s with what was being done. */
cr_status cr_store_sqlfail(cr_store *s, int rc, const char *doing);

/* One integer from a query (a pragma, a count); rc in *rc (SQLITE_OK when
 * it ran, 0 returned when it has no row). */
long cr_store_query_int(sqlite3 *db, const char *sql, int *rc);
/* Runs one SQL statement without results. */
int cr_store_exec(cr_store *s, const char *sql);

/* Creates the schema at version 1 (the first release), for tests of the
 * migration.  0 or a SQLite code. */
int cr_store_create_v1(sqlite3 *db);

/* Caps the store at n pages (PRAGMA max_page_count): for tests of a full
 * disk. */
int cr_store_limit_pages(cr_store *s, long n);
/* Caps the store file at about max bytes (limit max_store_bytes): a write
 * past it fails with SQLITE_FULL, rolled back like a full disk. */
cr_status cr_store_cap(cr_store *s, size_t max);

/* Indexes story under the heaviest terms of its centroid c[0..n) (store
 * term ids) with ins, a statement of CR_STORE_SQL_INDEX.  SQLITE_OK or
 * the error. */
int cr_store_index_story(sqlite3_stmt *ins, int64_t story, const cr_tw *c,
                         uint32_t n);

/* Vector blobs. */
size_t cr_store_blob_size(uint32_t n);
void cr_store_blob_put(const cr_tw *v, uint32_t n, unsigned char *out);
/* Decodes a blob of nbytes into v (n entries). */
uint32_t cr_store_blob_count(size_t nbytes);
void cr_store_blob_get(const unsigned char *p, uint32_t n, cr_tw *v);

/* ISO 8601 date of a day count since 1970-01-01. */
void cr_store_iso_day(int32_t day, char out[11]);
#endif
