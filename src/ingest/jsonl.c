/* jsonl.c — one report per line: {"id","url","outlet","title","date","text"}.
 *
 * Lines are parsed one at a time with cJSON so a malformed line costs only
 * itself.  A record is checked for nesting depth before parsing because
 * cJSON recurses: a hostile line of a million '[' must not exhaust the
 * stack. */
#include <cjson/cJSON.h>
#include <string.h>

#include "ingest/ingest.h"

/* Depth of the deepest array/object nesting, ignoring brackets in strings;
 * stops counting at limit + 1. */
static size_t json_depth(const char *p, size_t n, size_t limit) {
  size_t depth = 0, max = 0;
  int in_str = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = p[i];
    if (in_str) {
      if (ch == '\\') i++;
      else if (ch == '"') in_str = 0;
    } else if (ch == '"') {
      in_str = 1;
    } else if (ch == '{' || ch == '[') {
      if (++depth > max && (max = depth) > limit) return max;
    } else if ((ch == '}' || ch == ']') && depth) {
      depth--;
    }
  }
  return max;
}

static const char *str_field(const cJSON *o, const char *name) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The id may be a string or a number in real dumps. */
static const char *id_field(const cJSON *o, char *tmp, size_t tmpn) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "id");
  if (cJSON_IsString(v)) return v->valuestring;
  if (cJSON_IsNumber(v)) {
    snprintf(tmp, tmpn, "%.17g", v->valuedouble);
    return tmp;
  }
  return NULL;
}

int cr_ingest_jsonl_record(cr_corpus *c, const char *file, size_t line,
                           const char *rec, size_t n) {
  if (json_depth(rec, n, c->limits.max_json_depth) > c->limits.max_json_depth) {
    cr_corpus_diagf(c, CR_ERROR, file, line,
                    "skipped record: JSON nested deeper than %zu "
                    "(limit max_json_depth)", c->limits.max_json_depth);
    c->failed_inputs++;
    return 0;
  }
  cJSON *o = cJSON_ParseWithLength(rec, n);
  if (!o || !cJSON_IsObject(o)) {
    cr_corpus_diagf(c, CR_ERROR, file, line,
                    o ? "skipped record: not a JSON object"
                      : "skipped record: malformed JSON");
    cJSON_Delete(o);
    c->failed_inputs++;
    return 0;
  }
  char idtmp[32];
  const char *text = str_field(o, "text");
  const char *id = id_field(o, idtmp, sizeof idtmp);
  const char *html = text ? NULL : str_field(o, "html");
  int ok = 0;
  if (!text && html) {
    /* An HTML record: the page is extracted like an .html file; the
     * record's own fields win over what the page declares. */
    char idbuf[64];
    if (!id) {
      snprintf(idbuf, sizeof idbuf, "line%zu", line);
      id = idbuf;
    }
    size_t before = c->docs.n;
    cr_ingest_html(c, file, line, id, html, strlen(html));
    if (c->docs.n > before) {
      cr_doc *d = c->docs.v[c->docs.n - 1];
      const char *t;
      if ((t = str_field(o, "title"))) d->meta.title = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "url"))) d->meta.url = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "outlet"))) d->meta.outlet = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "date"))) d->meta.date_raw = cr_arena_strdup(c->arena, t);
      ok = 1;
    }
  } else if (!text) {
    cr_corpus_diagf(c, CR_ERROR, file, line,
                    "skipped record: no \"text\" or \"html\" string field");
    c->failed_inputs++;
  } else {
    size_t len = strlen(text); /* cJSON strings stop at an escaped \u0000 */
    char idbuf[64];
    if (!id) {
      snprintf(idbuf, sizeof idbuf, "line%zu", line);
      id = idbuf;
    }
    cr_doc *d = cr_corpus_add_doc(c, file, line, id, rec, n, text, len);
    if (d) {
      const char *t;
      if ((t = str_field(o, "title"))) d->meta.title = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "url"))) d->meta.url = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "outlet"))) d->meta.outlet = cr_arena_strdup(c->arena, t);
      if ((t = str_field(o, "date"))) d->meta.date_raw = cr_arena_strdup(c->arena, t);
      ok = 1;
    }
  }
  cJSON_Delete(o);
  return ok;
}

/* Problems listed per JSONL file: a dump of a million broken lines would
 * otherwise cost a million diagnostics in memory and on stderr.  Past the
 * cap each is still counted (failed_inputs, exit status) and one summary
 * line says how many were not listed. */
#define CR_JSONL_DIAGS_LISTED 100

size_t cr_ingest_jsonl(cr_corpus *c, const char *file, const char *p,
                       size_t n) {
  size_t added = 0, line = 0, i = 0, diags0 = c->diags.n;
  size_t muted0 = c->diags_muted;
  while (i < n) {
    if (!c->diags_mute && c->diags.n - diags0 >= CR_JSONL_DIAGS_LISTED)
      c->diags_mute = 1;
    const char *nl = memchr(p + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - p) : n;
    line++;
    size_t s = i, e = end;
    while (s < e && (p[s] == ' ' || p[s] == '\t' || p[s] == '\r')) s++;
    while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r')) e--;
    if (e - s > c->limits.max_line_bytes) {
      cr_corpus_diagf(c, CR_ERROR, file, line,
                      "skipped record: line of %zu bytes exceeds %zu "
                      "(limit max_line_bytes)", e - s, c->limits.max_line_bytes);
      c->failed_inputs++;
    } else if (e > s) {
      added += (size_t)cr_ingest_jsonl_record(c, file, line, p + s, e - s);
    }
    i = end + 1;
  }
  if (c->diags_mute) {
    c->diags_mute = 0;
    cr_corpus_diagf(c, CR_ERROR, file, 0,
                    "%zu more problems in this file not listed (only the "
                    "first %d are)", c->diags_muted - muted0,
                    CR_JSONL_DIAGS_LISTED);
  }
  return added;
}
