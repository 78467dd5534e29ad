/* doc.h — the document model: one report.
 *
 * A document keeps the bytes it was read from untouched (raw) and the UTF-8
 * text every annotation points into (text: the same bytes when they were
 * valid UTF-8, a repaired copy otherwise, or the decoded "text" field of a
 * JSONL record).  Every annotation is a span of byte offsets into text;
 * stages add annotations, none rewrites the text. */
#ifndef CR_DOC_H
#define CR_DOC_H
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"
#include "text/text.h"

typedef enum cr_para_kind {
  CR_PARA_BODY = 0,
  CR_PARA_TITLE,       /* the headline line */
  CR_PARA_HEADING,     /* a subheading inside the body */
  CR_PARA_CAPTION,     /* photo caption: kept, but not body */
  CR_PARA_META,        /* date, tag, weather or byline header lines */
  CR_PARA_BOILERPLATE  /* site chrome: removed, with a reason */
} cr_para_kind;

const char *cr_para_kind_name(cr_para_kind k);

typedef struct cr_para {
  cr_span span;
  uint8_t kind;           /* cr_para_kind */
  const char *reason;     /* why it is not body (static string), or NULL */
  uint32_t sent_begin, sent_end; /* its sentences */
} cr_para;

/* Metadata; every string may be NULL when unknown. */
typedef struct cr_doc_meta {
  const char *title;
  const char *url;
  const char *outlet;
  const char *date_raw;  /* as found */
  const char *date;      /* ISO 8601, only when date_valid */
  int date_valid;        /* 1 valid, 0 none found, -1 found but impossible */
  const char *byline;
  const char *agency;
  const char *dateline;
  const char *language;
} cr_doc_meta;

struct cr_doc {
  uint32_t index;       /* position in the corpus */
  const char *id;       /* record id or file base name without extension */
  const char *file;     /* path as given ("-" for stdin) */
  size_t line;          /* JSONL line number, 0 for whole files */

  const char *raw;      /* original bytes, untouched */
  size_t raw_len;
  const char *text;     /* valid UTF-8 text; NUL-terminated */
  size_t text_len;
  size_t invalid_bytes; /* sequences replaced while repairing */
  int truncated;        /* text cut at limits.max_doc_bytes */

  cr_doc_meta meta;

  cr_para *paras;
  size_t nparas;
  cr_sentence *sents;
  size_t nsents;
  cr_token *toks;
  size_t ntoks;
  size_t words;         /* word and number tokens in body paragraphs */

  unsigned analyzed : 1;
  unsigned segmented : 1; /* paragraphs, tokens, sentences (no stems yet) */

  /* analyze stage (src/analyze/analyze.h): who said what */
  struct cr_attr *attrs;      /* attributions, in text order of their cue */
  size_t nattrs;
  struct cr_mention *ments;   /* entity mentions, in text order */
  size_t nments;
  struct cr_number *nums;     /* numbers with unit and counted noun */
  size_t nnums;
  struct cr_date *dates;      /* dates, resolved against meta.date */
  size_t ndates;
  unsigned attributed : 1;    /* the analyze stage ran */
  /* clean/extract: the text was extracted from an HTML page, whose title
   * (if any) is already in meta.title and not in the text. */
  int html;
  /* clean/meta: an impossible date written in a header or footer line
   * ("2024-13-17"), kept raw; the report is flagged invalid-date. */
  const char *date_impossible;
};

#endif
