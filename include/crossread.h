/*
 * crossread.h — the one public header of libcrossread.
 *
 * crossread reads many news reports of the same events and tells one
 * trustworthy story.  The library works on a corpus: reports are added to it
 * (ingest), annotated in place by the pipeline stages (clean, text, ...), and
 * read out through renderers (JSON, Markdown, text).
 *
 * Conventions:
 *   - every public name has the cr_ prefix;
 *   - types are opaque and made with *_new, released with *_free;
 *   - functions report errors by returning a cr_status, never by printing;
 *     per-input problems (a broken file among many) are recorded as
 *     diagnostics on the corpus so the other inputs go on;
 *   - there is no global mutable state: two corpora may live in one process,
 *     on different threads.
 */
#ifndef CROSSREAD_H
#define CROSSREAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CR_VERSION "0.1.0"
/* Version of the JSON output contract ("crossread" field). */
#define CR_SCHEMA_VERSION "1"

typedef enum cr_status {
  CR_OK = 0,
  CR_ERR_NOMEM,   /* an allocation failed */
  CR_ERR_IO,      /* a file could not be opened or read */
  CR_ERR_INPUT,   /* the input is malformed (and nothing usable was found) */
  CR_ERR_LIMIT,   /* the input exceeds a named limit (see cr_limits) */
  CR_ERR_USAGE    /* the caller passed invalid arguments */
} cr_status;

/* A short English description of a status code. */
const char *cr_status_str(cr_status s);

/* ---------------------------------------------------------------- limits
 * Every limit crossread enforces, in one place.  Inputs beyond a limit are
 * truncated or skipped with a diagnostic, never allowed to exhaust memory. */
typedef struct cr_limits {
  size_t max_input_bytes;   /* largest single input file or stream read */
  size_t max_line_bytes;    /* longest JSONL record line */
  size_t max_doc_bytes;     /* longest document text kept (truncated past) */
  size_t max_docs;          /* reports per corpus */
  size_t max_dir_depth;     /* directory recursion depth */
  size_t max_json_depth;    /* nesting depth of a JSONL record */
  /* clean/extract (HTML): */
  size_t max_html_bytes;    /* largest HTML page, after gzip decompression */
  size_t max_html_depth;    /* element nesting read; deeper tags unwrapped */
  size_t max_gzip_ratio;    /* decompressed bytes per compressed byte */
  /* store (crossread add): */
  size_t max_store_bytes;   /* story store file size; an add stops there */
  /* brief: */
  size_t max_story_reports; /* reports briefed per story (the rest left out) */
} cr_limits;

/* Fills *l with the defaults (documented in docs/limits.md). */
void cr_limits_default(cr_limits *l);

/* ---------------------------------------------------------------- spans */
/* A half-open byte range [start, end) into a document's text. */
typedef struct cr_span {
  uint32_t start, end;
} cr_span;

/* ---------------------------------------------------------------- corpus */
typedef struct cr_corpus cr_corpus;
typedef struct cr_doc cr_doc;

/* Returns NULL when out of memory.  limits may be NULL for the defaults. */
cr_corpus *cr_corpus_new(const cr_limits *limits);
void cr_corpus_free(cr_corpus *c);

/* Input formats.  CR_INPUT_AUTO chooses by file name and content. */
typedef enum cr_input_format {
  CR_INPUT_AUTO = 0,
  CR_INPUT_TEXT,   /* one plain-text report per file */
  CR_INPUT_JSONL,  /* one JSON record per line: id,url,outlet,title,date,text
                      (or html instead of text) */
  CR_INPUT_HTML    /* clean/extract: an HTML page, plain or gzip-compressed */
} cr_input_format;

/* Adds a file, a directory (recursively, in sorted order) or "-" (stdin).
 * Returns CR_OK when the path could be walked, even if some files in it
 * were rejected: those are diagnostics (see below).  Returns an error only
 * when nothing at all could be read from the path. */
cr_status cr_corpus_add_path(cr_corpus *c, const char *path,
                             cr_input_format fmt);

/* Adds reports from a buffer; name is used as file name and default id.
 * The bytes are copied. */
cr_status cr_corpus_add_memory(cr_corpus *c, const char *name,
                               const char *bytes, size_t len,
                               cr_input_format fmt);

/* Runs every analysis stage that has not yet run on every document:
 * text repair, paragraphs, metadata, sentences, tokens, stems.
 * Idempotent; called implicitly by cr_brief_new and the renderers. */
cr_status cr_corpus_analyze(cr_corpus *c);

size_t cr_corpus_doc_count(const cr_corpus *c);
const cr_doc *cr_corpus_doc(const cr_corpus *c, size_t i);

/* ---------------------------------------------------------------- diagnostics */
typedef enum cr_severity { CR_WARNING = 1, CR_ERROR = 2 } cr_severity;

typedef struct cr_diag {
  cr_severity severity;
  const char *file;    /* the input it concerns ("-" for stdin) */
  size_t line;         /* 1-based line for line-oriented inputs, else 0 */
  const char *message;
} cr_diag;

size_t cr_corpus_diag_count(const cr_corpus *c);
const cr_diag *cr_corpus_diag(const cr_corpus *c, size_t i);
/* Number of inputs (files or records) that could not be used at all. */
size_t cr_corpus_failed_inputs(const cr_corpus *c);

/* ---------------------------------------------------------------- documents */
const char *cr_doc_id(const cr_doc *d);     /* record id or file base name */
const char *cr_doc_file(const cr_doc *d);   /* path as given */
const char *cr_doc_title(const cr_doc *d);  /* NULL when none was found */
/* The document's UTF-8 text, which every span refers to. */
const char *cr_doc_text(const cr_doc *d, size_t *len);
size_t cr_doc_word_count(const cr_doc *d);
size_t cr_doc_sentence_count(const cr_doc *d);
cr_span cr_doc_sentence(const cr_doc *d, size_t i);

/* ---------------------------------------------------------------- brief */
typedef struct cr_brief cr_brief;

typedef struct cr_brief_options {
  size_t sentences;  /* summary length in sentences (0 = default 5) */
  size_t words;      /* if > 0, stop adding sentences once this many words
                        are reached; sentences stay whole, so the last one
                        may pass it by up to 30% */
} cr_brief_options;

/* Builds a brief of every document of the corpus as one story.
 * opts may be NULL for the defaults.  *out is NULL on error. */
cr_status cr_brief_new(cr_corpus *c, const cr_brief_options *opts,
                       cr_brief **out);
void cr_brief_free(cr_brief *b);

size_t cr_brief_summary_count(const cr_brief *b);
/* The text of summary sentence i, and the number of sources citing it. */
const char *cr_brief_summary_text(const cr_brief *b, size_t i,
                                  size_t *n_sources);
/* The corpus index of the j-th source cited by summary sentence i. */
size_t cr_brief_summary_source(const cr_brief *b, size_t i, size_t j);
const char *cr_brief_headline(const cr_brief *b);

/* ---------------------------------------------------------------- renderers */
typedef enum cr_format {
  CR_FORMAT_JSON = 0,
  CR_FORMAT_MARKDOWN,
  CR_FORMAT_TEXT,
  CR_FORMAT_JSONL,
  CR_FORMAT_HTML   /* one self-contained page (brief only) */
} cr_format;

/* Writes the brief.  Returns CR_ERR_IO when out could not be written. */
cr_status cr_render_brief(const cr_brief *b, cr_format fmt, FILE *out);

/* Writes the cleaned documents: paragraphs (with their kind), sentences,
 * title.  fmt is CR_FORMAT_JSON or CR_FORMAT_TEXT. */
cr_status cr_render_clean(cr_corpus *c, cr_format fmt, FILE *out);

/* ---------------------------------------------------------------- dedup and stories
 * Stage: dedup (src/dedup/) and cluster (src/cluster/), issue 5.
 *
 * Dedup finds exact duplicates (same normalized body), near-duplicates
 * (Jaccard of word shingles >= threshold, estimated by MinHash + LSH and
 * then verified exactly, so no pair below the threshold is reported) and
 * derived copies (a shortened or lightly edited wire copy: most of its
 * shingles are contained in a longer report).  Clustering groups reports
 * into stories, one per real-world event; a duplicate joins its original's
 * story. */
typedef struct cr_dedup_options {
  double threshold;   /* near-duplicate Jaccard (0 = default 0.8) */
  size_t shingle;     /* words per shingle (0 = default 5) */
  size_t perms;       /* MinHash permutations (0 = default 128) */
  double containment; /* share of a report's shingles found in a longer
                         one for it to be derived from it (0 = 0.8) */
} cr_dedup_options;

typedef struct cr_dedup cr_dedup;

/* Runs dedup over every document of the corpus (analyzing it first).
 * opts may be NULL.  *out is NULL on error. */
cr_status cr_dedup_new(cr_corpus *c, const cr_dedup_options *opts,
                       cr_dedup **out);
void cr_dedup_free(cr_dedup *d);
/* The document doc i duplicates (the earliest copy in input order), or -1;
 * *sim (may be NULL) receives the shingle Jaccard (1 for exact copies). */
long cr_dedup_duplicate_of(const cr_dedup *d, size_t i, double *sim);
/* The first report (in input order) of doc i's duplicate group: the
 * reports joined by verified exact or near-duplicate pairs, directly or
 * through others (near duplication is not transitive: two edits of one
 * text can each be a copy of it without being copies of each other).
 * i itself when it has no duplicate. */
size_t cr_dedup_group(const cr_dedup *d, size_t i);
/* A verified near-duplicate partner of doc i: its original when it has
 * one (cr_dedup_duplicate_of), else a later report it was verified with;
 * -1 when none.  *sim (may be NULL) receives their Jaccard. */
long cr_dedup_partner(const cr_dedup *d, size_t i, double *sim);
/* 1 when doc i is a byte-for-byte copy of its original's normalized body. */
int cr_dedup_is_exact(const cr_dedup *d, size_t i);
/* The longer report doc i was derived from, or -1; *containment (may be
 * NULL) receives the share of i's shingles found in it. */
long cr_dedup_derived_from(const cr_dedup *d, size_t i, double *containment);

typedef struct cr_cluster_options {
  double assign;    /* join a story at this similarity (0 = default) */
  double merge;     /* merge two stories at this similarity (0 = default) */
  int rounds;       /* refinement rounds (0 = default, -1 = none) */
  double day_scale; /* use dates: days of gap that halve a similarity
                       (0 = default: dates off; negative = off) */
} cr_cluster_options;

typedef struct cr_clustering cr_clustering;

/* Clusters the corpus into stories; dedup may be NULL (then duplicates
 * are clustered like any report).  opts may be NULL. */
cr_status cr_cluster_new(cr_corpus *c, const cr_cluster_options *opts,
                         const cr_dedup *dedup, cr_clustering **out);
void cr_clustering_free(cr_clustering *k);
size_t cr_clustering_count(const cr_clustering *k);
/* Story of doc i: 0 .. count-1, numbered by first appearance in the input. */
size_t cr_clustering_story(const cr_clustering *k, size_t i);

/* ---------------------------------------------------------------- who said what
 * The analyze stage (run by cr_corpus_analyze): attributions of each report.
 * Spans are byte ranges into cr_doc_text(); a span with start == end is
 * absent (no explicit source, no second content fragment). */
typedef struct cr_attribution_info {
  cr_span source;        /* who says it ("Jane Smith, a spokeswoman,") */
  cr_span cue;           /* "said", "according to", "has denied" */
  cr_span content;       /* what is said */
  cr_span content2;      /* the rest of a split quotation, or empty */
  const char *speaker;   /* canonical entity name, or NULL if unresolved */
  const char *kind;      /* "direct", "indirect" or "mixed" */
  const char *polarity;  /* "asserts", "denies", "doubts" or "hedges" */
} cr_attribution_info;

size_t cr_doc_attribution_count(const cr_doc *d);
/* Fills *out with attribution i of d; CR_ERR_USAGE when i is out of range. */
cr_status cr_doc_attribution(const cr_corpus *c, const cr_doc *d, size_t i,
                             cr_attribution_info *out);
/* ---------------------------------------------------------------- hardening: limits by name
 * The limits of cr_limits as a table, so a front end can set any of them
 * by name (crossread --limit NAME=VALUE) and list them with their defaults
 * without knowing the struct.  docs/limits.md documents the same table. */
typedef struct cr_limit_info {
  const char *name;       /* the cr_limits field: "max_input_bytes" ... */
  const char *unit;       /* "bytes", "reports", "levels" */
  const char *what;       /* what it bounds, one line */
  const char *on_excess;  /* what happens to an input past it */
} cr_limit_info;

/* The i-th limit, NULL past the last. */
const cr_limit_info *cr_limit_info_at(size_t i);
/* The value of the i-th limit in l (0 past the last). */
size_t cr_limits_get(const cr_limits *l, size_t i);
/* Sets the limit called name from value: a positive whole number with an
 * optional K, M or G suffix (binary: 1K = 1024).  CR_ERR_USAGE for an
 * unknown name, a malformed value, 0, or a value past what the code can
 * honour (max_doc_bytes < 4 GiB: spans are 32-bit). */
cr_status cr_limits_set(cr_limits *l, const char *name, const char *value);
/* A new corpus holding docs[0..n) of c, read again from their original
 * bytes (same ids, metadata and text), in that order: one story's
 * reports, to brief it alone.  *out is NULL on error. */
cr_status cr_corpus_subset(const cr_corpus *c, const size_t *docs, size_t n,
                           cr_corpus **out);

/* Writes several briefs as one document: JSON {"stories": [...]} with one
 * entry per brief (ids story-1, story-2, ...), Markdown one section per
 * story; HTML only for n == 1 (CR_ERR_USAGE otherwise).  With n == 1 the
 * output is cr_render_brief's. */
cr_status cr_render_briefs(const cr_brief *const *b, size_t n, cr_format fmt,
                           FILE *out);

/* ---------------------------------------------------------------- story store
 * Stage: store (src/store/), issue 5.
 *
 * A SQLite file that keeps reports and their stories across runs.  Adding
 * reports assigns each to a stored story or a new one (the clustering
 * engine, seeded with the stored story centroids); a report whose
 * normalized body is already stored is skipped.  Every report is written
 * in its own transaction (WAL journal): a process killed mid-add leaves
 * the store with every report whose add completed, and nothing of the one
 * in flight.  The schema is versioned (PRAGMA user_version) and older
 * stores are migrated when opened for writing. */
typedef struct cr_store cr_store;

/* The store schema this build writes (older ones are migrated). */
#define CR_STORE_SCHEMA 3

typedef enum cr_store_mode {
  CR_STORE_READ = 0,  /* an existing store, read only */
  CR_STORE_WRITE      /* created when missing; migrated when older */
} cr_store_mode;

/* Opens path (a file name, or a SQLite "file:" URI).  On error *out is
 * NULL and err (errlen bytes, may be NULL) receives a message naming the
 * file and what is wrong: not a SQLite database, not a crossread store,
 * written by a newer schema, read-only, cannot be opened. */
cr_status cr_store_open(const char *path, cr_store_mode mode, cr_store **out,
                        char *err, size_t errlen);
void cr_store_close(cr_store *s);
/* The message of the last failed cr_store_* call ("" when none). */
const char *cr_store_errmsg(const cr_store *s);

typedef enum cr_store_outcome {
  CR_STORE_JOINED = 0,   /* stored, in an existing story */
  CR_STORE_NEW_STORY,    /* stored, as the first report of a new story */
  CR_STORE_SKIPPED_SAME, /* not stored: the same body is already stored */
  CR_STORE_SKIPPED_EMPTY /* not stored: no body text */
} cr_store_outcome;

typedef struct cr_store_event {
  size_t doc;                 /* corpus index of the report */
  cr_store_outcome outcome;
  int64_t report;             /* its stored id, or the stored copy's */
  int64_t story;              /* its story (or the stored copy's), else 0 */
} cr_store_event;

typedef void (*cr_store_cb)(void *ctx, const cr_store_event *e);

/* Adds every document of c (analyzing it first), each in its own
 * transaction; cb (may be NULL) hears about each report after its
 * transaction committed (or when it was skipped).  On a write error (disk
 * full, read-only, I/O) the report in flight is rolled back, the add
 * stops, and the error is returned (message in cr_store_errmsg). */
cr_status cr_store_add(cr_store *s, cr_corpus *c, cr_store_cb cb, void *ctx);

typedef struct cr_story_info {
  int64_t id;
  const char *headline;     /* the first titled report's title, or NULL */
  size_t reports;           /* stored reports */
  size_t sources;           /* distinct outlets (or files) among them */
  const char *first_seen;   /* ISO 8601 UTC: when the store got its first */
  const char *last_seen;    /* and its latest report */
  const char *first_date;   /* ISO 8601: its reports' earliest and latest */
  const char *last_date;    /* publication dates, NULL when none is known */
} cr_story_info;

/* Calls cb for every story, newest last seen first; cb returns nonzero to
 * stop.  The strings live until cb returns. */
cr_status cr_store_stories(cr_store *s,
                           int (*cb)(void *ctx, const cr_story_info *st),
                           void *ctx);

/* Adds the stored reports of story to c as they were read (same ids, same
 * metadata), oldest first.  CR_ERR_INPUT when there is no such story. */
cr_status cr_store_load_story(cr_store *s, int64_t story, cr_corpus *c);

#ifdef __cplusplus
}
#endif
#endif /* CROSSREAD_H */
