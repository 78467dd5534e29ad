/* read.c — reading the story store: the list of stories, and one story's
 * reports back into a corpus (to brief it). */
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "store/store.h"

static const char *col_text(sqlite3_stmt *st, int i) {
  return (const char *)sqlite3_column_text(st, i);
}

cr_status cr_store_stories(cr_store *s,
                           int (*cb)(void *ctx, const cr_story_info *st),
                           void *ctx) {
  if (!s || !cb) return CR_ERR_USAGE;
  s->err[0] = '\0';
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT id, headline, size, sources, first_seen, last_seen, day_lo, day_hi"
                              " FROM stories ORDER BY last_seen DESC, id",
                              -1, &st, NULL);
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "listing stories");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    cr_story_info info;
    info.id = sqlite3_column_int64(st, 0);
    info.headline = col_text(st, 1);
    info.reports = (size_t)sqlite3_column_int64(st, 2);
    info.sources = (size_t)sqlite3_column_int64(st, 3);
    info.first_seen = col_text(st, 4);
    info.last_seen = col_text(st, 5);
    char lo[11], hi[11];
    info.first_date = info.last_date = NULL;
    if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
      cr_store_iso_day(sqlite3_column_int(st, 6), lo);
      cr_store_iso_day(sqlite3_column_int(st, 7), hi);
      info.first_date = lo;
      info.last_date = hi;
    }
    if (cb(ctx, &info)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? CR_OK : cr_store_sqlfail(s, rc, "listing stories");
}

cr_status cr_store_load_story(cr_store *s, int64_t story, cr_corpus *c) {
  if (!s || !c) return CR_ERR_USAGE;
  s->err[0] = '\0';
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT doc_id, file, line, format, raw FROM reports"
                              " WHERE story = ? ORDER BY id",
                              -1, &st, NULL);
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "reading a story");
  sqlite3_bind_int64(st, 1, story);
  size_t n = 0;
  cr_status out = CR_OK;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *id = col_text(st, 0), *file = col_text(st, 1), *fmt = col_text(st, 3);
    size_t line = (size_t)sqlite3_column_int64(st, 2);
    const char *raw = sqlite3_column_blob(st, 4);
    size_t len = (size_t)sqlite3_column_bytes(st, 4);
    if (!raw) raw = "";
    n++;
    /* read back the way it was first read (a rejected record is a
     * diagnostic on c) */
    int jsonl = fmt && !strcmp(fmt, "jsonl");
    if (cr_corpus_reread(c, file ? file : "-", jsonl ? (line ? line : 1) : 0,
                         id ? id : "-", raw, len) < 0) {
      out = cr_store_fail(s, CR_ERR_NOMEM, "out of memory (or limit max_docs) reading story %lld",
                          (long long)story);
      break;
    }
  }
  sqlite3_finalize(st);
  if (out != CR_OK) return out;
  if (rc != SQLITE_DONE) return cr_store_sqlfail(s, rc, "reading a story");
  if (!n) return cr_store_fail(s, CR_ERR_INPUT, "no story %lld in the store", (long long)story);
  return CR_OK;
}
