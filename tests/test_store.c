/* test_store.c — the story store: adding to an empty store finds the
 * stories clustering finds; re-adding skips; incremental adds join stored
 * stories; a schema 1 store is migrated; a newer schema, a non-SQLite
 * file, another application's database, a read-only store and a full disk
 * each give a clear error and leave the store consistent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store/store.h"

#define EXAMPLE "examples/brussels-2024-10-17"
#define ECB "../shared/data/clustering/ecbplus-dev.jsonl"

static char dir[64];

static int setup(void **state) {
  (void)state;
  strcpy(dir, "/tmp/crossread-store-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static const char *db_path(const char *name) {
  static char p[128];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  return p;
}

/* Reports of several stories: the first n lines of the ECB+ dev file when
 * present, else the example reports plus two unrelated texts. */
static cr_corpus *mixed_corpus(size_t from, size_t n) {
  cr_corpus *c = cr_corpus_new(NULL);
  FILE *f = fopen(ECB, "r");
  if (f) {
    char *line = NULL;
    size_t cap = 0, i = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0 && i < from + n) {
      if (i++ < from) continue;
      assert_true(cr_ingest_jsonl_record(c, ECB, i, line, (size_t)len));
    }
    free(line);
    fclose(f);
  } else {
    assert_int_equal(cr_corpus_add_path(c, EXAMPLE, CR_INPUT_AUTO), CR_OK);
    const char *a = "Quake hits coastal Peru\n\nA magnitude 6.1 earthquake struck "
                    "off the coast of southern Peru on Monday, the geological "
                    "institute said, damaging houses in Arequipa province.\n";
    const char *b = "Central bank holds rates\n\nThe Bank of Norway kept its key "
                    "interest rate at 4.5 percent on Thursday, citing inflation "
                    "that remains above its target of two percent.\n";
    assert_int_equal(cr_corpus_add_memory(c, "peru.txt", a, strlen(a), CR_INPUT_TEXT), CR_OK);
    assert_int_equal(cr_corpus_add_memory(c, "norway.txt", b, strlen(b), CR_INPUT_TEXT), CR_OK);
  }
  return c;
}

typedef struct events {
  cr_store_event v[2048];
  size_t n;
} events;

static void record(void *ctx, const cr_store_event *e) {
  events *ev = ctx;
  assert_true(ev->n < 2048);
  ev->v[ev->n++] = *e;
}

static long long q1(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  long long v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* integrity_check passes, every report's story exists, story sizes add up
 * to the reports, and df was folded for every report. */
static void assert_consistent(const char *path, long long reports) {
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
  sqlite3_finalize(st);
  assert_int_equal(q1(db, "SELECT count(*) FROM reports"), reports);
  assert_int_equal(q1(db, "SELECT count(*) FROM reports r LEFT JOIN stories s "
                          "ON r.story = s.id WHERE s.id IS NULL"), 0);
  assert_int_equal(q1(db, "SELECT coalesce(sum(size), 0) FROM stories"), reports);
  assert_int_equal(q1(db, "SELECT count(*) FROM stories s WHERE size != "
                          "(SELECT count(*) FROM reports r WHERE r.story = s.id)"), 0);
  sqlite3_close(db);
}

static void empty_store_add_matches_clustering(void **state) {
  (void)state;
  cr_corpus *c = mixed_corpus(0, 60), *k = mixed_corpus(0, 60);
  cr_dedup *dd;
  cr_clustering *cl;
  assert_int_equal(cr_dedup_new(k, NULL, &dd), CR_OK);
  assert_int_equal(cr_cluster_new(k, NULL, dd, &cl), CR_OK);
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(db_path("a.db"), CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  static events ev;
  ev.n = 0;
  assert_int_equal(cr_store_add(s, c, record, &ev), CR_OK);
  size_t n = cr_corpus_doc_count(c);
  assert_int_equal(ev.n, n);
  assert_true(cr_clustering_count(cl) > 1);
  /* same partition: two reports share a stored story iff they share a
   * cluster (exact copies are skipped, so compare stored ones only) */
  size_t stored = 0;
  for (size_t i = 0; i < n; i++) {
    if (ev.v[i].outcome > CR_STORE_NEW_STORY) continue;
    stored++;
    for (size_t j = 0; j < i; j++) {
      if (ev.v[j].outcome > CR_STORE_NEW_STORY) continue;
      assert_int_equal(ev.v[i].story == ev.v[j].story,
                       cr_clustering_story(cl, i) == cr_clustering_story(cl, j));
    }
  }
  cr_store_close(s);
  assert_consistent(db_path("a.db"), (long long)stored);
  /* adding the same reports again stores nothing and names the copies */
  cr_corpus *again = mixed_corpus(0, 60);
  assert_int_equal(cr_store_open(db_path("a.db"), CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  events ev2;
  ev2.n = 0;
  assert_int_equal(cr_store_add(s, again, record, &ev2), CR_OK);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(ev2.v[i].outcome, CR_STORE_SKIPPED_SAME);
    if (ev.v[i].outcome <= CR_STORE_NEW_STORY) {
      assert_int_equal(ev2.v[i].report, ev.v[i].report);
      assert_int_equal(ev2.v[i].story, ev.v[i].story);
    }
  }
  cr_store_close(s);
  assert_consistent(db_path("a.db"), (long long)stored);
  cr_corpus_free(again);
  cr_clustering_free(cl);
  cr_dedup_free(dd);
  cr_corpus_free(c);
  cr_corpus_free(k);
}

static void incremental_add_joins_stored_stories(void **state) {
  (void)state;
  cr_corpus *a = mixed_corpus(0, 30), *b = mixed_corpus(30, 30);
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(db_path("b.db"), CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  static events ev;
  ev.n = 0;
  assert_int_equal(cr_store_add(s, a, record, &ev), CR_OK);
  int64_t max_story = 0;
  for (size_t i = 0; i < ev.n; i++)
    if (ev.v[i].story > max_story) max_story = ev.v[i].story;
  ev.n = 0;
  assert_int_equal(cr_store_add(s, b, record, &ev), CR_OK);
  size_t joined_old = 0;
  for (size_t i = 0; i < ev.n; i++)
    joined_old += ev.v[i].outcome == CR_STORE_JOINED && ev.v[i].story <= max_story;
  if (cr_corpus_doc_count(b) > 0) assert_true(joined_old > 0);
  cr_store_close(s);
  /* the story of a stored report reads back as the same reports */
  assert_int_equal(cr_store_open(db_path("b.db"), CR_STORE_READ, &s, err, sizeof err), CR_OK);
  cr_corpus *back = cr_corpus_new(NULL);
  assert_int_equal(cr_store_load_story(s, 1, back), CR_OK);
  assert_true(cr_corpus_doc_count(back) >= 1);
  const cr_doc *d0 = cr_corpus_doc(back, 0), *o0 = cr_corpus_doc(a, 0);
  assert_string_equal(cr_doc_id(d0), cr_doc_id(o0));
  size_t l0, l1;
  const char *t0 = cr_doc_text(d0, &l0), *t1 = cr_doc_text(o0, &l1);
  assert_int_equal(l0, l1);
  assert_memory_equal(t0, t1, l0);
  assert_int_equal(cr_store_load_story(s, 99999, back), CR_ERR_INPUT);
  assert_non_null(strstr(cr_store_errmsg(s), "no story 99999"));
  cr_store_close(s);
  cr_corpus_free(back);
  cr_corpus_free(a);
  cr_corpus_free(b);
}

static void schema_1_is_migrated(void **state) {
  (void)state;
  const char *p = db_path("v1.db");
  sqlite3 *db;
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(cr_store_create_v1(db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db,
      "INSERT INTO stories(id, headline, size, first_seen, last_seen, centroid)"
      " VALUES(1, 'h', 3, '2024-01-01', '2024-01-02',"
      /* terms 1 and 2, weights 1.0 and 0.5 */
      " x'010000000000803f020000000000003f');"
      "INSERT INTO reports(hash, doc_id, file, line, format, outlet, seen, added, story, vector, raw)"
      " VALUES('a', 'r1', 'f', 0, 'text', 'Reuters', 's', 's', 1, x'', 'x'),"
      " ('b', 'r2', 'f', 0, 'text', 'Reuters', 's', 's', 1, x'', 'y'),"
      " ('c', 'r3', 'f', 0, 'text', NULL, 's', 's', 1, x'', 'z');",
      NULL, NULL, NULL), SQLITE_OK);
  assert_int_equal(q1(db, "PRAGMA user_version"), 1);
  sqlite3_close(db);
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  cr_store_close(s);
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(q1(db, "PRAGMA user_version"), CR_STORE_SCHEMA);
  /* Reuters twice, and r3 with no outlet: two sources */
  assert_int_equal(q1(db, "SELECT sources FROM stories WHERE id = 1"), 2);
  assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_master WHERE name = 'reports_story'"), 1);
  /* schema 3: the story is indexed under its centroid's terms */
  assert_int_equal(q1(db, "SELECT count(*) FROM story_terms WHERE story = 1 AND term IN (1, 2)"), 2);
  sqlite3_close(db);
  assert_consistent(p, 3);
}

struct opener {
  const char *path;
  cr_status st;
  char err[256];
};

static void *open_for_writing(void *arg) {
  struct opener *o = arg;
  cr_store *s = NULL;
  o->st = cr_store_open(o->path, CR_STORE_WRITE, &s, o->err, sizeof o->err);
  cr_store_close(s);
  return NULL;
}

/* Another process migrates the store while this one waits for the write
 * lock: the version must be read again under the lock, or the steps run
 * twice and fail ("duplicate column"). Before the fix a reader of a store
 * being created failed this way at random. */
static void migration_by_another_process_meanwhile(void **state) {
  (void)state;
  const char *p = db_path("race.db");
  sqlite3 *db;
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(cr_store_create_v1(db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), SQLITE_OK);
  /* hold the write lock, as a migrating process does */
  assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
  struct opener o = {.path = p};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, open_for_writing, &o), 0);
  /* let the opener read schema 1 and block on the lock (if it is slower,
   * it reads schema 2 and the test passes without testing the race) */
  struct timespec pause = {0, 300 * 1000 * 1000};
  nanosleep(&pause, NULL);
  assert_int_equal(sqlite3_exec(db,
      "ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;"
      "CREATE INDEX reports_story ON reports(story);"
      "PRAGMA user_version=2; COMMIT;", NULL, NULL, NULL), SQLITE_OK);
  pthread_join(t, NULL);
  assert_string_equal(o.err, "");
  assert_int_equal(o.st, CR_OK);
  assert_int_equal(q1(db, "PRAGMA user_version"), CR_STORE_SCHEMA);
  sqlite3_close(db);
}

static void bad_stores_are_refused(void **state) {
  (void)state;
  cr_store *s = NULL;
  char err[256];
  /* newer schema */
  const char *p = db_path("new.db");
  sqlite3 *db;
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(cr_store_create_v1(db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_ERR_INPUT);
  assert_null(s);
  assert_non_null(strstr(err, "newer crossread"));
  assert_int_equal(cr_store_open(p, CR_STORE_READ, &s, err, sizeof err), CR_ERR_INPUT);
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(q1(db, "PRAGMA user_version"), 99); /* untouched */
  sqlite3_close(db);
  /* not a SQLite file: refused, and not overwritten */
  p = db_path("notes.txt");
  FILE *f = fopen(p, "w");
  for (int i = 0; i < 100; i++) fputs("these are my notes, not a database\n", f);
  fclose(f);
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_ERR_INPUT);
  assert_non_null(strstr(err, "not a SQLite database"));
  f = fopen(p, "r");
  char line[64];
  assert_non_null(fgets(line, sizeof line, f));
  fclose(f);
  assert_string_equal(line, "these are my notes, not a database\n");
  /* another application's database */
  p = db_path("other.db");
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_ERR_INPUT);
  assert_non_null(strstr(err, "not a crossread store"));
  /* a missing store is not created by a reader */
  p = db_path("missing.db");
  assert_int_equal(cr_store_open(p, CR_STORE_READ, &s, err, sizeof err), CR_ERR_IO);
  assert_int_equal(access(p, F_OK), -1);
}

static void read_only_store_is_refused_for_writing(void **state) {
  (void)state;
  const char *p = db_path("ro.db");
  cr_store *s;
  char err[256], uri[256];
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  cr_corpus *c = mixed_corpus(0, 5);
  assert_int_equal(cr_store_add(s, c, NULL, NULL), CR_OK);
  cr_store_close(s);
  long long n = 0;
  {
    sqlite3 *db;
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    n = q1(db, "SELECT count(*) FROM reports");
    sqlite3_close(db);
  }
  snprintf(uri, sizeof uri, "file:%s?mode=ro", p);
  assert_int_equal(cr_store_open(uri, CR_STORE_WRITE, &s, err, sizeof err), CR_ERR_IO);
  assert_non_null(strstr(err, "read-only"));
  /* reading it works */
  assert_int_equal(cr_store_open(uri, CR_STORE_READ, &s, err, sizeof err), CR_OK);
  assert_int_equal(cr_store_add(s, c, NULL, NULL), CR_ERR_IO);
  assert_non_null(strstr(cr_store_errmsg(s), "read-only"));
  cr_store_close(s);
  assert_consistent(p, n);
  cr_corpus_free(c);
}

/* Adds c to a new store capped at `extra` pages past its empty size;
 * returns the reports stored before the cap stopped it (or all). */
static size_t add_capped(const char *p, cr_corpus *c, long extra, cr_status *st,
                         events *ev) {
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &q, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(q), SQLITE_ROW);
  long pages = (long)sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  assert_int_equal(cr_store_limit_pages(s, pages + extra), SQLITE_OK);
  ev->n = 0;
  *st = cr_store_add(s, c, record, ev);
  if (*st != CR_OK) assert_non_null(strstr(cr_store_errmsg(s), "disk full"));
  cr_store_close(s);
  size_t stored = 0;
  for (size_t i = 0; i < ev->n; i++) stored += ev->v[i].outcome <= CR_STORE_NEW_STORY;
  return stored;
}

static void full_disk_rolls_back_the_report_in_flight(void **state) {
  (void)state;
  cr_corpus *c = mixed_corpus(0, 60);
  static events ev;
  /* the smallest cap that lets some reports in but not all */
  char name[32];
  const char *p = NULL;
  size_t stored = 0;
  cr_status st = CR_OK;
  for (long extra = 8; extra <= 4096; extra *= 2) {
    snprintf(name, sizeof name, "full%ld.db", extra);
    p = db_path(name);
    stored = add_capped(p, c, extra, &st, &ev);
    if (st != CR_OK) assert_consistent(p, (long long)stored);
    if (st != CR_OK && stored > 0) break;
  }
  assert_int_equal(st, CR_ERR_IO);
  assert_true(stored > 0 && ev.n < cr_corpus_doc_count(c));
  /* with room again, the add completes the rest exactly once */
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(p, CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  ev.n = 0;
  assert_int_equal(cr_store_add(s, c, record, &ev), CR_OK);
  cr_store_close(s);
  size_t skipped = 0, now = 0;
  for (size_t i = 0; i < ev.n; i++) {
    skipped += ev.v[i].outcome == CR_STORE_SKIPPED_SAME;
    now += ev.v[i].outcome <= CR_STORE_NEW_STORY;
  }
  assert_true(skipped >= stored);
  assert_true(now > 0);
  assert_consistent(p, (long long)(stored + now));
  sqlite3 *db;
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(q1(db, "SELECT value FROM meta WHERE key = 'df_upto'"),
                   q1(db, "SELECT max(id) FROM reports"));
  sqlite3_close(db);
  cr_corpus_free(c);
}

static void empty_body_is_not_stored(void **state) {
  (void)state;
  cr_corpus *c = cr_corpus_new(NULL);
  const char *rec = "{\"id\": \"blank\", \"text\": \"--- * ---\"}";
  assert_int_equal(cr_corpus_add_memory(c, "blank.jsonl", rec, strlen(rec), CR_INPUT_JSONL),
                   CR_OK);
  assert_int_equal(cr_corpus_add_path(c, EXAMPLE, CR_INPUT_AUTO), CR_OK);
  cr_store *s;
  char err[256];
  assert_int_equal(cr_store_open(db_path("e.db"), CR_STORE_WRITE, &s, err, sizeof err), CR_OK);
  events ev;
  ev.n = 0;
  assert_int_equal(cr_store_add(s, c, record, &ev), CR_OK);
  assert_int_equal(ev.v[0].outcome, CR_STORE_SKIPPED_EMPTY);
  assert_true(cr_corpus_failed_inputs(c) >= 1);
  int named = 0;
  for (size_t i = 0; i < cr_corpus_diag_count(c); i++)
    named |= strstr(cr_corpus_diag(c, i)->message, "empty body") != NULL &&
             !strcmp(cr_corpus_diag(c, i)->file, "blank.jsonl");
  assert_true(named);
  cr_store_close(s);
  assert_consistent(db_path("e.db"), (long long)cr_corpus_doc_count(c) - 1);
  cr_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(empty_store_add_matches_clustering),
      cmocka_unit_test(incremental_add_joins_stored_stories),
      cmocka_unit_test(schema_1_is_migrated),
      cmocka_unit_test(migration_by_another_process_meanwhile),
      cmocka_unit_test(bad_stores_are_refused),
      cmocka_unit_test(read_only_store_is_refused_for_writing),
      cmocka_unit_test(full_disk_rolls_back_the_report_in_flight),
      cmocka_unit_test(empty_body_is_not_stored),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
