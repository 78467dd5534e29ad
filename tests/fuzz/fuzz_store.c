/* fuzz_store.c — a damaged story store: the store readers on any values
 * in its rows.
 *
 * A store on disk can be damaged by a disk, a tool or a hand with sqlite3,
 * and every read decodes what it finds: vector and centroid blobs, day
 * numbers, raw report bytes read back as text or JSONL.  Each input builds
 * a small valid store, then reads the input as a list of row edits (a
 * blob, a number or a text into one column of one row, or a row deleted),
 * then lists the stories, reads each back into a corpus and briefs it, and
 * adds two more reports (which reads every centroid and term).  Errors are
 * fine; a crash, a leak or undefined behaviour is not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

static const char *const REPORTS[] = {
    "Storm floods the harbour town\n\nA storm flooded the harbour town of Kellby on "
    "Monday, March 4, 2024, officials said. Dozens of homes were evacuated.\n",
    "Harbour town flooded by storm\n\nOfficials in Kellby said on Monday that a storm "
    "flooded the harbour and forced dozens of families from their homes.\n",
    "Budget vote delayed again\n\nThe council delayed its budget vote to April, the "
    "mayor said on Tuesday, citing missing figures.\n"};

/* Column edits: the SQL and the kind of value it takes. */
static const struct edit {
  const char *sql;
  char kind; /* b blob, i integer, t text, - none */
} EDITS[] = {
    {"UPDATE reports SET vector = ?1 WHERE id = ?2", 'b'},
    {"UPDATE stories SET centroid = ?1 WHERE id = ?2", 'b'},
    {"UPDATE reports SET raw = ?1 WHERE id = ?2", 'b'},
    {"UPDATE reports SET format = ?1 WHERE id = ?2", 't'},
    {"UPDATE reports SET line = ?1 WHERE id = ?2", 'i'},
    {"UPDATE reports SET story = ?1 WHERE id = ?2", 'i'},
    {"UPDATE reports SET day = ?1 WHERE id = ?2", 'i'},
    {"UPDATE reports SET doc_id = ?1 WHERE id = ?2", 't'},
    {"UPDATE stories SET day_lo = ?1 WHERE id = ?2", 'i'},
    {"UPDATE stories SET day_hi = ?1 WHERE id = ?2", 'i'},
    {"UPDATE stories SET size = ?1 WHERE id = ?2", 'i'},
    {"UPDATE stories SET sources = ?1 WHERE id = ?2", 'i'},
    {"UPDATE stories SET headline = ?1 WHERE id = ?2", 't'},
    {"UPDATE stories SET first_seen = ?1 WHERE id = ?2", 't'},
    {"UPDATE terms SET df = ?1 WHERE id = ?2", 'i'},
    {"UPDATE terms SET stem = ?1 WHERE id = ?2", 't'},
    {"UPDATE meta SET value = ?1 WHERE rowid = ?2", 'i'},
    {"DELETE FROM reports WHERE id = ?2", '-'},
    {"DELETE FROM stories WHERE id = ?2", '-'},
    {"DELETE FROM terms WHERE id = ?2", '-'},
    {"UPDATE reports SET vector = NULL WHERE id = ?2", '-'},
};
#define NEDITS (sizeof EDITS / sizeof *EDITS)

static cr_corpus *reports(size_t from, size_t n) {
  cr_corpus *c = cr_corpus_new(NULL);
  for (size_t i = from; c && i < from + n; i++) {
    char name[32];
    snprintf(name, sizeof name, "r%zu.txt", i);
    cr_corpus_add_memory(c, name, REPORTS[i % 3], strlen(REPORTS[i % 3]), CR_INPUT_TEXT);
  }
  return c;
}

static int brief_story(void *ctx, const cr_story_info *st) {
  cr_store *s = ctx;
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c) return 1;
  if (cr_store_load_story(s, st->id, c) == CR_OK && cr_corpus_doc_count(c)) {
    cr_brief *b = NULL;
    if (cr_brief_new(c, NULL, &b) == CR_OK) cr_brief_free(b);
  }
  cr_corpus_free(c);
  return 0;
}

/* Reads n bytes of the input as a little-endian integer. */
static int64_t take_int(const uint8_t **p, size_t *left, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n && *left; i++, (*p)++, (*left)--) v |= (uint64_t)**p << (8 * i);
  return (int64_t)v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/crossread-fuzz-store-%ld.db", (long)getpid());
  char wal[80], shm[80];
  snprintf(wal, sizeof wal, "%s-wal", path);
  snprintf(shm, sizeof shm, "%s-shm", path);
  unlink(path), unlink(wal), unlink(shm);

  cr_store *s = NULL;
  cr_corpus *c = reports(0, 3);
  if (!c || cr_store_open(path, CR_STORE_WRITE, &s, NULL, 0) != CR_OK ||
      cr_store_add(s, c, NULL, NULL) != CR_OK)
    abort(); /* a valid store must build */
  cr_corpus_free(c);

  const uint8_t *p = data;
  size_t left = size;
  while (left >= 2) {
    const struct edit *e = &EDITS[*p++ % NEDITS];
    int64_t row = *p++ % 5;
    left -= 2;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, e->sql, -1, &st, NULL) != SQLITE_OK) abort();
    sqlite3_bind_int64(st, 2, row);
    if (e->kind == 'i') {
      size_t w = 0;
      if (left) w = (size_t)(*p++ % 9), left--;
      sqlite3_bind_int64(st, 1, take_int(&p, &left, w));
    } else if (e->kind == 'b' || e->kind == 't') {
      size_t n = 0;
      if (left) n = (size_t)(*p++ % 64), left--;
      if (n > left) n = left;
      if (e->kind == 'b') sqlite3_bind_blob(st, 1, p, (int)n, SQLITE_TRANSIENT);
      else sqlite3_bind_text(st, 1, (const char *)p, (int)n, SQLITE_TRANSIENT);
      p += n, left -= n;
    }
    sqlite3_step(st); /* a constraint may refuse the edit: fine */
    sqlite3_finalize(st);
  }

  cr_store_stories(s, brief_story, s);
  c = reports(3, 2);
  if (c) cr_store_add(s, c, NULL, NULL);
  cr_corpus_free(c);
  cr_store_stories(s, brief_story, s);
  cr_store_close(s);
  unlink(path), unlink(wal), unlink(shm);
  return 0;
}
