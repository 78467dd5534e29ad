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
  size_t words;      /* if > 0, stop adding sentences past this many words */
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
  CR_FORMAT_JSONL
} cr_format;

/* Writes the brief.  Returns CR_ERR_IO when out could not be written. */
cr_status cr_render_brief(const cr_brief *b, cr_format fmt, FILE *out);

/* Writes the cleaned documents: paragraphs (with their kind), sentences,
 * title.  fmt is CR_FORMAT_JSON or CR_FORMAT_TEXT. */
cr_status cr_render_clean(cr_corpus *c, cr_format fmt, FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* CROSSREAD_H */
