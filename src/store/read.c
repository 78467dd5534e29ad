/* read.c — reading the story store: the list of stories, and one story's
 * reports back into a corpus (to brief it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "core/corpus.h"
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
  /* the newest max_story_reports reports, oldest first: a story that
   * grew past the limit is briefed from its latest coverage */
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT doc_id, file, line, format, raw FROM reports"
                              " WHERE id IN (SELECT id FROM reports WHERE story = ?1"
                              " ORDER BY id DESC LIMIT ?2) ORDER BY id",
                              -1, &st, NULL);
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "reading a story");
  size_t cap = c->limits.max_story_reports;
  sqlite3_bind_int64(st, 1, story);
  sqlite3_bind_int64(st, 2, cap > (size_t)INT64_MAX ? INT64_MAX : (int64_t)cap);
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
  if (n == cap) {
    char sql[96];
    int qrc;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM reports WHERE story = %lld", (long long)story);
    long all = cr_store_query_int(s->db, sql, &qrc);
    if (qrc == SQLITE_OK && all > (long)n)
      cr_corpus_diagf(c, CR_WARNING, "-", 0,
                      "story %lld has %ld reports: briefed the newest %zu (limit max_story_reports)",
                      (long long)story, all, n);
  }
  return CR_OK;
}
