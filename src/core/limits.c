/* limits.c — every enforced input limit, in one place: its default (with
 * the reason for it), its name, the largest value it may be set to, and
 * what happens to an input past it.  docs/limits.md lists the same table
 * (tests/test_limits.c checks that it names every limit here), and
 * `crossread limits` prints it from this code. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crossread.h"

void cr_limits_default(cr_limits *l) {
  /* A news report is rarely over 1 MB of text; 256 MB lets a large JSONL
   * dump through while refusing a multi-gigabyte accident. */
  l->max_input_bytes = (size_t)256 << 20;
  /* One JSONL record: an HTML page with inline assets can reach several
   * MB; past 64 MB the record is almost surely not an article. */
  l->max_line_bytes = (size_t)64 << 20;
  /* Text kept per document: longer bodies are truncated with a warning,
   * which bounds every per-document quadratic step. */
  l->max_doc_bytes = (size_t)8 << 20;
  l->max_docs = 1000000;
  /* Deep enough for any real archive layout, shallow enough to stop a
   * symlink loop quickly. */
  l->max_dir_depth = 32;
  l->max_json_depth = 64;
  /* An HTML page, decompressed: real article pages are under 3 MB; the
   * parse tree costs about ten times the page, so 32 MB bounds a page at a
   * few hundred MB of memory and stops a gzip bomb at the same point. */
  l->max_html_bytes = (size_t)32 << 20;
  /* Real pages nest under ~100 elements; tree building costs depth per
   * tag, so unbounded nesting is quadratic (200,000 divs: minutes). */
  l->max_html_depth = 512;
  /* Pages compress 4-10x, very repetitive ones under 100x; deflate cannot
   * pass ~1030x, which only runs of one byte reach: past 1000x the file
   * is a bomb, stopped before it grows to max_html_bytes. */
  l->max_gzip_ratio = 1000;
  /* A store keeps each report's raw bytes and vector (~10-20 KB a
   * report): 64 GB is millions of reports, and stops a runaway add before
   * it fills the disk the user's other files live on. */
  l->max_store_bytes = (size_t)64 << 30;
  /* A brief aligns every report of its story: 5,000 reports take a few
   * seconds; a story that grows past that over months of adds is briefed
   * from a bounded sample rather than slowing every brief. */
  l->max_story_reports = 5000;
}

/* Upper bounds on what a limit may be raised to, where the code has one:
 * spans are 32-bit offsets, and cJSON refuses nesting past 1000 itself. */
#define CR_MAX_DOC_BYTES_CEIL ((size_t)UINT32_MAX - 1)
#define CR_JSON_DEPTH_CEIL 1000
/* A directory path nested deeper than this exceeds PATH_MAX anyway. */
#define CR_DIR_DEPTH_CEIL 2048
/* Past this, HTML tree building (depth x tags) is slow again. */
#define CR_HTML_DEPTH_CEIL 100000

static const struct cr_limit_row {
  cr_limit_info info;
  size_t offset;  /* of the field in cr_limits */
  size_t ceil;    /* largest accepted value */
} cr_limit_rows[] = {
    {{"max_input_bytes", "bytes", "largest input file or stream read",
      "the file is skipped (error), checked before reading when its size is known"},
     offsetof(cr_limits, max_input_bytes), SIZE_MAX},
    {{"max_line_bytes", "bytes", "longest JSONL record line",
      "the record is skipped (error naming its line)"},
     offsetof(cr_limits, max_line_bytes), SIZE_MAX},
    {{"max_doc_bytes", "bytes", "longest report text kept",
      "the text is truncated on a character boundary (warning)"},
     offsetof(cr_limits, max_doc_bytes), CR_MAX_DOC_BYTES_CEIL},
    {{"max_docs", "reports", "reports in one corpus (one run)",
      "later reports are skipped (error)"},
     offsetof(cr_limits, max_docs), SIZE_MAX},
    {{"max_dir_depth", "levels", "directory recursion depth",
      "deeper directories are skipped (error); symlink loops are refused at once"},
     offsetof(cr_limits, max_dir_depth), CR_DIR_DEPTH_CEIL},
    {{"max_json_depth", "levels", "nesting depth of a JSONL record",
      "the record is skipped before parsing (error naming its line)"},
     offsetof(cr_limits, max_json_depth), CR_JSON_DEPTH_CEIL},
    {{"max_html_bytes", "bytes", "largest HTML page, after gzip decompression",
      "the page is skipped (error); decompression stops at the limit"},
     offsetof(cr_limits, max_html_bytes), SIZE_MAX},
    {{"max_html_depth", "levels", "HTML element nesting read",
      "deeper start tags (and as many end tags) are ignored, their text kept (warning)"},
     offsetof(cr_limits, max_html_depth), CR_HTML_DEPTH_CEIL},
    {{"max_gzip_ratio", "times", "decompressed size per compressed byte of a .gz page (past 1 MB)",
      "the page is skipped (error); decompression stops there"},
     offsetof(cr_limits, max_gzip_ratio), SIZE_MAX},
    {{"max_store_bytes", "bytes", "story store file size (crossread add)",
      "the add stops before the report that would pass it (error); the store keeps every report stored before"},
     offsetof(cr_limits, max_store_bytes), SIZE_MAX},
    {{"max_story_reports", "reports", "reports briefed in one story (brief, brief --db --story, report)",
      "the story is briefed from its first (stored: newest) reports up to the limit (warning)"},
     offsetof(cr_limits, max_story_reports), SIZE_MAX},
};

#define CR_NLIMITS (sizeof cr_limit_rows / sizeof *cr_limit_rows)

const cr_limit_info *cr_limit_info_at(size_t i) {
  return i < CR_NLIMITS ? &cr_limit_rows[i].info : NULL;
}

static size_t *field(cr_limits *l, size_t i) {
  return (size_t *)((char *)l + cr_limit_rows[i].offset);
}

size_t cr_limits_get(const cr_limits *l, size_t i) {
  return i < CR_NLIMITS ? *field((cr_limits *)l, i) : 0;
}

/* "64M", "1G", "100000", "8KiB": a positive count with an optional binary
 * suffix.  0 on a malformed or overflowing value. */
static size_t parse_size(const char *s) {
  if (*s < '0' || *s > '9') return 0;
  errno = 0;
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || v == 0) return 0;
  unsigned shift = 0;
  switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
  }
  if (shift && (!strcmp(end, "iB") || !strcmp(end, "B"))) end += strlen(end);
  if (*end) return 0;
  if (v > (unsigned long long)(SIZE_MAX >> shift)) return 0;
  return (size_t)v << shift;
}

cr_status cr_limits_set(cr_limits *l, const char *name, const char *value) {
  if (!l || !name || !value) return CR_ERR_USAGE;
  for (size_t i = 0; i < CR_NLIMITS; i++) {
    if (strcmp(name, cr_limit_rows[i].info.name)) continue;
    size_t v = parse_size(value);
    if (v == 0 || v > cr_limit_rows[i].ceil) return CR_ERR_USAGE;
    *field(l, i) = v;
    return CR_OK;
  }
  return CR_ERR_USAGE;
}
