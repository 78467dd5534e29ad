/* schema.c — opening a story store: identity and version checks,
 * migrations, pragmas, and the error messages every store call shares.
 *
 * A store is identified by PRAGMA application_id (CR_STORE_APP_ID) and
 * versioned by PRAGMA user_version.  Migrations run in order, each in its
 * own transaction that also bumps user_version, so a store is always at
 * one version or the next, never in between.  A new store is made by the
 * same chain (0 -> 1 -> 2), so every migration runs on every new store. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/dates.h"
#include "store/store.h"

cr_status cr_store_fail(cr_store *s, cr_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = snprintf(s->err, sizeof s->err, "%s: ", s->path ? s->path : "store");
  if (n < 0 || (size_t)n >= sizeof s->err) n = 0;
  vsnprintf(s->err + n, sizeof s->err - (size_t)n, fmt, ap);
  va_end(ap);
  return st;
}

cr_status cr_store_sqlfail(cr_store *s, int rc, const char *doing) {
  switch (rc & 0xff) {
    case SQLITE_FULL:
      if (s->max_bytes)
        return cr_store_fail(s, CR_ERR_LIMIT,
                             "the store reached its size limit (limit max_store_bytes, "
                             "%zu bytes) or the disk is full while %s; that write was "
                             "rolled back",
                             s->max_bytes, doing);
      return cr_store_fail(s, CR_ERR_IO,
                           "disk full (or the store's size limit reached) while "
                           "%s; that write was rolled back",
                           doing);
    case SQLITE_IOERR:
      return cr_store_fail(s, CR_ERR_IO,
                           "I/O error while %s (%s: a full disk or a "
                           "file size limit?); that write was rolled back",
                           doing, sqlite3_errstr(rc));
    case SQLITE_READONLY:
      return cr_store_fail(s, CR_ERR_IO, "the store is read-only (while %s)", doing);
    case SQLITE_NOTADB:
      return cr_store_fail(s, CR_ERR_INPUT, "not a crossread store: not a SQLite database");
    case SQLITE_CORRUPT:
      return cr_store_fail(s, CR_ERR_INPUT, "the store file is damaged (while %s)", doing);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return cr_store_fail(s, CR_ERR_IO,
                           "the store is locked by another process (while %s)", doing);
    case SQLITE_CANTOPEN:
      return cr_store_fail(s, CR_ERR_IO, "cannot open the store (missing, or its "
                                         "folder is not writable)");
    case SQLITE_NOMEM: return cr_store_fail(s, CR_ERR_NOMEM, "out of memory while %s", doing);
    default:
      return cr_store_fail(s, CR_ERR_IO, "%s while %s", sqlite3_errmsg(s->db), doing);
  }
}

int cr_store_exec(cr_store *s, const char *sql) {
  return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

long cr_store_query_int(sqlite3 *db, const char *sql, int *rc) {
  sqlite3_stmt *st;
  long v = 0;
  *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (*rc != SQLITE_OK) return 0;
  *rc = sqlite3_step(st);
  if (*rc == SQLITE_ROW) {
    v = (long)sqlite3_column_int64(st, 0);
    *rc = SQLITE_OK;
  } else if (*rc == SQLITE_DONE) {
    *rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return v;
}

/* ------------------------------------------------------------ migrations */

/* Schema 1, the first release: reports, stories, terms. */
static const char SCHEMA_1[] =
    "CREATE TABLE terms(id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE,"
    " df INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, headline TEXT,"
    " size INTEGER NOT NULL, day_lo INTEGER, day_hi INTEGER,"
    " first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
    " centroid BLOB NOT NULL);"
    "CREATE TABLE reports(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,"
    " doc_id TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,"
    " format TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT, day INTEGER,"
    " seen TEXT NOT NULL, added TEXT NOT NULL,"
    " story INTEGER NOT NULL REFERENCES stories(id),"
    " vector BLOB NOT NULL, raw BLOB NOT NULL);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "INSERT INTO meta VALUES('df_upto', 0);";

/* Schema 2: a story's number of distinct sources is kept on the story
 * (listing stories no longer scans their reports), and reports are
 * indexed by story (loading one story reads only its reports). */
static const char SCHEMA_2[] =
    "ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX reports_story ON reports(story);"
    "UPDATE stories SET sources = (SELECT count(DISTINCT coalesce(outlet, doc_id))"
    " FROM reports WHERE reports.story = stories.id);";

/* Schema 3: stories indexed by their heaviest terms (filled from the
 * stored centroids by index_stories), so an add seeds the engine with the
 * stories its reports can reach instead of reading every centroid. */
static const char SCHEMA_3[] =
    "CREATE TABLE story_terms(term INTEGER NOT NULL, story INTEGER NOT NULL,"
    " PRIMARY KEY(term, story)) WITHOUT ROWID;";

/* Fills story_terms from every stored centroid (the 2 -> 3 migration). */
static int index_stories(cr_store *s) {
  sqlite3_stmt *sel = NULL, *ins = NULL;
  cr_tw *v = NULL;
  size_t nv = 0;
  int rc = sqlite3_prepare_v2(s->db, "SELECT id, centroid FROM stories", -1, &sel, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(s->db, CR_STORE_SQL_INDEX, -1, &ins, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
    uint32_t n = cr_store_blob_count((size_t)sqlite3_column_bytes(sel, 1));
    if (n + (size_t)1 > nv) {
      cr_tw *t = realloc(v, (n + (size_t)1) * sizeof *t);
      if (!t) {
        rc = SQLITE_NOMEM;
        break;
      }
      v = t;
      nv = n + (size_t)1;
    }
    cr_store_blob_get(sqlite3_column_blob(sel, 1), n, v);
    rc = cr_store_index_story(ins, sqlite3_column_int64(sel, 0), v, n);
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  free(v);
  sqlite3_finalize(sel);
  sqlite3_finalize(ins);
  return rc;
}

int cr_store_create_v1(sqlite3 *db) {
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA application_id=%d;", CR_STORE_APP_ID);
  int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, SCHEMA_1, NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA user_version=1;", NULL, NULL, NULL);
  return rc;
}

/* Runs the migration from version v to v + 1 (inside the caller's
 * transaction). */
static int migrate_step(cr_store *s, long v) {
  int rc = SQLITE_OK;
  if (v == 0) rc = cr_store_create_v1(s->db);
  else if (v == 1) {
    rc = cr_store_exec(s, SCHEMA_2);
    if (rc == SQLITE_OK) rc = cr_store_exec(s, "PRAGMA user_version=2;");
  } else if (v == 2) {
    rc = cr_store_exec(s, SCHEMA_3);
    if (rc == SQLITE_OK) rc = index_stories(s);
    if (rc == SQLITE_OK) rc = cr_store_exec(s, "PRAGMA user_version=3;");
  }
  return rc;
}

/* Brings the store to CR_STORE_SCHEMA in one write transaction. The
 * version is read again once the write lock is held: another process may
 * have migrated (or created) the store since check_identity read it, and
 * running its steps twice would fail on the tables they add. One
 * transaction for all steps means no reader ever sees a store half-way
 * (schema 1 of a store being created), which it would try to migrate
 * itself. */
static cr_status migrate(cr_store *s, long seen) {
  int rc = cr_store_exec(s, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK)
    return cr_store_sqlfail(s, rc, seen ? "migrating the store schema" : "creating the store");
  long v = cr_store_query_int(s->db, "PRAGMA user_version", &rc);
  for (; rc == SQLITE_OK && v < CR_STORE_SCHEMA; v++) rc = migrate_step(s, v);
  if (rc == SQLITE_OK) rc = cr_store_exec(s, "COMMIT");
  if (rc == SQLITE_OK) return CR_OK;
  /* the message first: ROLLBACK resets sqlite3_errmsg to "not an error" */
  cr_status st = cr_store_sqlfail(s, rc, seen ? "migrating the store schema" : "creating the store");
  cr_store_exec(s, "ROLLBACK");
  return st;
}

/* ------------------------------------------------------------ open */

int cr_store_limit_pages(cr_store *s, long n) {
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA max_page_count=%ld;", n);
  return cr_store_exec(s, sql);
}

cr_status cr_store_cap(cr_store *s, size_t max) {
  int rc;
  long page = cr_store_query_int(s->db, "PRAGMA page_size", &rc);
  if (rc != SQLITE_OK || page <= 0) return cr_store_sqlfail(s, rc, "reading the page size");
  /* only ever lowered: a cap already set (a test's full disk) stays */
  long cur = cr_store_query_int(s->db, "PRAGMA max_page_count", &rc);
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "reading the store size limit");
  size_t pages = max / (size_t)page;
  if (pages < 1) pages = 1;
  if (cur > 0 && pages >= (size_t)cur) return CR_OK;
  s->max_bytes = max;
  rc = cr_store_limit_pages(s, (long)pages);
  return rc == SQLITE_OK ? CR_OK : cr_store_sqlfail(s, rc, "setting the store size limit");
}

/* Checks the file is a crossread store this build can read; *version
 * receives its schema (0: an empty database, to be created). */
static cr_status check_identity(cr_store *s, long *version) {
  /* One read transaction: read one by one, the three could straddle the
   * commit of another process creating the store (application_id still
   * 0, tables already there) and call it another application's file. */
  int rc = cr_store_exec(s, "BEGIN");
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "reading the store header");
  long app = cr_store_query_int(s->db, "PRAGMA application_id", &rc), v = 0, tables = 0;
  if (rc == SQLITE_OK) v = cr_store_query_int(s->db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK) tables = cr_store_query_int(s->db, "SELECT count(*) FROM sqlite_master", &rc);
  cr_store_exec(s, "COMMIT");
  if (rc != SQLITE_OK) return cr_store_sqlfail(s, rc, "reading the store header");
  if (app == 0 && v == 0 && tables == 0) {
    *version = 0;
    return CR_OK;
  }
  if (app != CR_STORE_APP_ID)
    return cr_store_fail(s, CR_ERR_INPUT,
                         "not a crossread store (a SQLite database of another "
                         "application)");
  if (v > CR_STORE_SCHEMA)
    return cr_store_fail(s, CR_ERR_INPUT,
                         "written by a newer crossread (store schema %ld; this "
                         "build reads schema %d and older): upgrade crossread",
                         v, CR_STORE_SCHEMA);
  *version = v;
  return CR_OK;
}

cr_status cr_store_open(const char *path, cr_store_mode mode, cr_store **out,
                        char *err, size_t errlen) {
  if (err && errlen) err[0] = '\0';
  if (!out) return CR_ERR_USAGE;
  *out = NULL;
  if (!path || !*path) {
    if (err && errlen) snprintf(err, errlen, "no store file given");
    return CR_ERR_USAGE;
  }
  cr_store *s = calloc(1, sizeof *s);
  if (!s || !(s->path = strdup(path))) {
    free(s);
    if (err && errlen) snprintf(err, errlen, "%s: out of memory", path);
    return CR_ERR_NOMEM;
  }
  int flags = SQLITE_OPEN_READWRITE;
  if (mode == CR_STORE_WRITE) flags |= SQLITE_OPEN_CREATE;
  if (!strncmp(path, "file:", 5)) flags |= SQLITE_OPEN_URI;
  cr_status st = CR_OK;
  int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
  if (rc != SQLITE_OK) {
    st = mode == CR_STORE_READ && (rc & 0xff) == SQLITE_CANTOPEN
             ? cr_store_fail(s, CR_ERR_IO, "cannot open the store (no such file, "
                                           "or not readable)")
             : cr_store_sqlfail(s, rc, "opening the store");
    goto fail;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, CR_STORE_BUSY_MS);
  long version = 0;
  if ((st = check_identity(s, &version)) != CR_OK) goto fail;
  s->readonly = sqlite3_db_readonly(s->db, "main") == 1;
  if (mode == CR_STORE_READ && version == 0) {
    st = cr_store_fail(s, CR_ERR_INPUT, "an empty database, not a crossread store");
    goto fail;
  }
  if (mode == CR_STORE_WRITE && s->readonly) {
    st = cr_store_fail(s, CR_ERR_IO, "the store is read-only: cannot add to it");
    goto fail;
  }
  if (version < CR_STORE_SCHEMA && s->readonly) {
    st = cr_store_fail(s, CR_ERR_IO,
                       "store schema %ld needs an upgrade to %d, and the store "
                       "is read-only",
                       version, CR_STORE_SCHEMA);
    goto fail;
  }
  if (!s->readonly) {
    /* WAL: a commit is one append to the log, readers never block the
     * writer, and a killed writer leaves the last commit intact.
     * synchronous=NORMAL in WAL mode loses no committed transaction on a
     * process crash (only, at worst, the last ones on a power cut). */
    rc = cr_store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    if (rc != SQLITE_OK) {
      st = cr_store_sqlfail(s, rc, "setting the journal mode");
      goto fail;
    }
  }
  if (version < CR_STORE_SCHEMA && (st = migrate(s, version)) != CR_OK) goto fail;
  *out = s;
  return CR_OK;
fail:
  if (err && errlen) snprintf(err, errlen, "%s", s->err);
  cr_store_close(s);
  return st;
}

void cr_store_close(cr_store *s) {
  if (!s) return;
  sqlite3_close(s->db);
  free(s->path);
  free(s);
}

const char *cr_store_errmsg(const cr_store *s) { return s ? s->err : ""; }

/* ------------------------------------------------------------ blobs */

size_t cr_store_blob_size(uint32_t n) { return (size_t)n * 8; }

uint32_t cr_store_blob_count(size_t nbytes) { return (uint32_t)(nbytes / 8); }

static void put32(unsigned char *p, uint32_t x) {
  p[0] = (unsigned char)x;
  p[1] = (unsigned char)(x >> 8);
  p[2] = (unsigned char)(x >> 16);
  p[3] = (unsigned char)(x >> 24);
}

static uint32_t get32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

void cr_store_blob_put(const cr_tw *v, uint32_t n, unsigned char *out) {
  for (uint32_t i = 0; i < n; i++) {
    uint32_t w;
    memcpy(&w, &v[i].w, 4);
    put32(out + 8 * (size_t)i, v[i].term);
    put32(out + 8 * (size_t)i + 4, w);
  }
}

void cr_store_blob_get(const unsigned char *p, uint32_t n, cr_tw *v) {
  for (uint32_t i = 0; i < n; i++) {
    uint32_t w = get32(p + 8 * (size_t)i + 4);
    v[i].term = get32(p + 8 * (size_t)i);
    memcpy(&v[i].w, &w, 4);
  }
}

void cr_store_iso_day(int32_t day, char out[11]) {
  int y, m, d;
  cr_civil_from_days(day, &y, &m, &d);
  if (y < 0 || y > 9999) y = 0;
  snprintf(out, 11, "%04d-%02u-%02u", y, (unsigned)m % 13u, (unsigned)d % 32u);
}
