/* corpus.c — corpus lifetime, documents, diagnostics, vocabulary. */
#include "analyze/analyze.h"
#include "core/corpus.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cr_corpus *cr_corpus_new(const cr_limits *limits) {
  cr_corpus *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  if (limits)
    c->limits = *limits;
  else
    cr_limits_default(&c->limits);
  /* Spans are 32-bit offsets: a caller's larger max_doc_bytes cannot be
   * honoured, so it is capped rather than allowed to wrap offsets. */
  if (c->limits.max_doc_bytes > (size_t)UINT32_MAX - 1)
    c->limits.max_doc_bytes = (size_t)UINT32_MAX - 1;
  c->arena = cr_arena_new();
  c->vocab = c->arena ? cr_strmap_new(c->arena) : NULL;
  c->stemmer = cr_stemmer_new();
  c->term_cache = c->arena ? cr_strmap_new(c->arena) : NULL;
  if (!c->arena || !c->vocab || !c->stemmer || !c->term_cache) {
    cr_corpus_free(c);
    return NULL;
  }
  return c;
}

void cr_corpus_free(cr_corpus *c) {
  if (!c) return;
  cr_vec_free(&c->docs);
  cr_vec_free(&c->diags);
  cr_strmap_free(c->vocab);
  cr_strmap_free(c->term_cache);
  cr_vec_free(&c->term_of);
  cr_stemmer_free(c->stemmer);
  cr_buf_free(&c->fold);
  cr_vec_free(&c->toks);
  cr_vec_free(&c->sents);
  cr_analyze_free(c); /* the entity registry */
  cr_arena_free(c->arena);
  free(c);
}

void cr_corpus_diagf(cr_corpus *c, cr_severity sev, const char *file,
                     size_t line, const char *fmt, ...) {
  if (c->diags_mute) {
    c->diags_muted++;
    return;
  }
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  cr_diag d = {sev, cr_arena_strdup(c->arena, file ? file : "-"), line,
               cr_arena_strdup(c->arena, msg)};
  /* Diagnostics are best effort: losing one to an allocation failure must
   * not turn into a failure of the input it describes. */
  if (d.file && d.message) (void)cr_vec_push(&c->diags, d);
}

/* The id of a file: its base name without the last extension(s) we read,
 * matching how evaluation files name documents ("0001.html.gz" -> "0001"). */
static char *id_from_file(cr_arena *a, const char *file) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  size_t n = strlen(base);
  static const char *const exts[] = {".gz", ".txt", ".html", ".htm", ".jsonl",
                                     ".json", ".text"};
  for (int again = 0; again < 2; again++)
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
      size_t e = strlen(exts[i]);
      if (n > e && strncmp(base + n - e, exts[i], e) == 0) {
        n -= e;
        break;
      }
    }
  return cr_arena_strndup(a, base, n);
}

/* The largest cut <= n of s (which has more than n bytes) that does not
 * split a character: back over at most three continuation bytes, since
 * no valid sequence has more; invalid bytes are the repair's business. */
static size_t utf8_cut(const char *s, size_t n) {
  size_t cut = n;
  for (int k = 0; k < 3 && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; k++)
    cut--;
  return ((unsigned char)s[cut] & 0xC0) == 0x80 ? n : cut;
}

cr_doc *cr_corpus_add_doc(cr_corpus *c, const char *file, size_t line,
                          const char *id, const char *raw, size_t raw_len,
                          const char *text, size_t len) {
  if (c->docs.n >= c->limits.max_docs) {
    cr_corpus_diagf(c, CR_ERROR, file, line,
                    "skipped: the corpus already holds %zu reports "
                    "(limit max_docs)", c->limits.max_docs);
    c->failed_inputs++; /* refused, not lost to memory: it counts */
    return NULL;
  }
  cr_doc *d = cr_arena_calloc(c->arena, 1, sizeof *d);
  if (!d) return NULL;
  d->index = (uint32_t)c->docs.n;
  d->file = cr_arena_strdup(c->arena, file ? file : "-");
  d->line = line;
  d->id = id ? cr_arena_strdup(c->arena, id) : id_from_file(c->arena, d->file);
  /* max_doc_bytes bounds the text kept, after repair: cut the input first
   * (so a huge input is never repaired whole), then again if replacement
   * characters (3 bytes for 1) pushed the repaired text past the limit. */
  size_t max = c->limits.max_doc_bytes;
  if (len > max) {
    len = utf8_cut(text, max);
    d->truncated = 1;
  }
  if (cr_utf8_valid(text, len) && !memchr(text, '\0', len)) {
    d->text = cr_arena_strndup(c->arena, text, len);
    d->text_len = len;
  } else {
    cr_buf fixed = CR_BUF_INIT;
    size_t bad = cr_utf8_repair(text, len, &fixed);
    if (bad == (size_t)-1) {
      cr_buf_free(&fixed);
      return NULL;
    }
    size_t keep = fixed.len;
    if (keep > max) {
      keep = utf8_cut(fixed.data, max);
      d->truncated = 1;
    }
    d->text = cr_arena_strndup(c->arena, cr_buf_cstr(&fixed), keep);
    d->text_len = keep;
    d->invalid_bytes = bad;
    cr_buf_free(&fixed);
    cr_corpus_diagf(c, CR_WARNING, file, line,
                    "%zu invalid UTF-8 sequence%s or NUL byte%s replaced", bad,
                    bad == 1 ? "" : "s", bad == 1 ? "" : "s");
  }
  if (d->truncated)
    cr_corpus_diagf(c, CR_WARNING, file, line,
                    "text truncated to %zu bytes (limit max_doc_bytes)",
                    d->text_len);
  if (raw == text && !d->invalid_bytes && !d->truncated) {
    d->raw = d->text; /* the common case: one copy serves both */
    d->raw_len = d->text_len;
  } else {
    d->raw = cr_arena_strndup(c->arena, raw, raw_len);
    d->raw_len = raw_len;
  }
  if (!d->file || !d->id || !d->text || !d->raw) return NULL;
  if (cr_vec_push(&c->docs, d)) return NULL;
  return d;
}

uint32_t cr_corpus_term(cr_corpus *c, const char *s, size_t n) {
  return cr_strmap_intern(c->vocab, s, n);
}

uint32_t cr_doc_token_at(const cr_doc *d, uint32_t b) {
  size_t lo = 0, hi = d->ntoks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->toks[mid].span.start < b) lo = mid + 1;
    else hi = mid;
  }
  return (uint32_t)lo;
}

size_t cr_doc_sentence_at(const cr_doc *d, uint32_t b) {
  size_t lo = 0, hi = d->nsents;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->sents[mid].span.end <= b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

size_t cr_corpus_doc_count(const cr_corpus *c) { return c->docs.n; }

const cr_doc *cr_corpus_doc(const cr_corpus *c, size_t i) {
  return i < c->docs.n ? c->docs.v[i] : NULL;
}

size_t cr_corpus_diag_count(const cr_corpus *c) { return c->diags.n; }

const cr_diag *cr_corpus_diag(const cr_corpus *c, size_t i) {
  return i < c->diags.n ? &c->diags.v[i] : NULL;
}

size_t cr_corpus_failed_inputs(const cr_corpus *c) { return c->failed_inputs; }

const char *cr_doc_id(const cr_doc *d) { return d->id; }
const char *cr_doc_file(const cr_doc *d) { return d->file; }
const char *cr_doc_title(const cr_doc *d) { return d->meta.title; }
const char *cr_doc_text(const cr_doc *d, size_t *len) {
  if (len) *len = d->text_len;
  return d->text;
}
size_t cr_doc_word_count(const cr_doc *d) { return d->words; }
size_t cr_doc_sentence_count(const cr_doc *d) { return d->nsents; }
cr_span cr_doc_sentence(const cr_doc *d, size_t i) {
  cr_span none = {0, 0};
  return i < d->nsents ? d->sents[i].span : none;
}

const char *cr_para_kind_name(cr_para_kind k) {
  switch (k) {
    case CR_PARA_BODY: return "body";
    case CR_PARA_TITLE: return "title";
    case CR_PARA_HEADING: return "heading";
    case CR_PARA_CAPTION: return "caption";
    case CR_PARA_META: return "meta";
    case CR_PARA_BOILERPLATE: return "boilerplate";
  }
  return "body";
}
