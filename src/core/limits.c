/* limits.c — the defaults of every enforced limit, in one place.
 * docs/limits.md lists them with the options that change them. */
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
}
