/* corpus.h — the corpus internals shared by the stages: documents, the
 * arena they live in, the vocabulary, diagnostics and scratch space.
 * Scratch buffers belong to the corpus (not to statics) so two corpora can
 * be processed on two threads. */
#ifndef CR_CORPUS_H
#define CR_CORPUS_H
#include "core/arena.h"
#include "core/buf.h"
#include "core/doc.h"
#include "core/strmap.h"
#include "core/vec.h"
#include "text/text.h"

struct cr_corpus {
  cr_limits limits;
  cr_arena *arena;
  CR_VEC(cr_doc *) docs;
  CR_VEC(cr_diag) diags;
  size_t failed_inputs;
  cr_strmap *vocab;     /* stems -> term ids */
  cr_stemmer *stemmer;
  /* Token bytes -> term id (CR_NO_ID for stop words): news text repeats
   * its words, so folding and stemming each distinct spelling once makes
   * the stem stage several times faster. */
  cr_strmap *term_cache;
  CR_VEC(uint32_t) term_of;
  /* scratch, reused across documents */
  cr_buf fold;
  cr_token_vec toks;
  cr_sentence_vec sents;

  /* analyze stage (src/analyze/analyze.h): the entity registry */
  CR_VEC(struct cr_entity) ents;
  cr_strmap *ent_keys;   /* exact name -> entity id, before merging */
  unsigned ents_merged : 1;
  /* hardening: while set, diagnostics are counted in diags_muted instead
   * of recorded (a JSONL file past its listing cap; see jsonl.c). */
  int diags_mute;
  size_t diags_muted;
};

/* Records a diagnostic (message formatted into the arena). */
void cr_corpus_diagf(cr_corpus *c, cr_severity sev, const char *file,
                     size_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Adds a document whose text is text[0..len) (copied and repaired into the
 * arena); raw may equal text.  Returns NULL when out of memory or when
 * limits.max_docs is reached (then a diagnostic says so and the report
 * counts as a failed input; tell the two apart by the document count). */
cr_doc *cr_corpus_add_doc(cr_corpus *c, const char *file, size_t line,
                          const char *id, const char *raw, size_t raw_len,
                          const char *text, size_t len);

/* The first stages only: paragraphs, tokens and sentences of every
 * document, without metadata, stems or attributions (token terms stay
 * CR_NO_ID).  What reading a report's words needs (dedup of millions of
 * reports); cr_corpus_analyze goes on from there.  0, -1 out of memory. */
int cr_corpus_segment(cr_corpus *c);

/* The first token of d starting at or after byte b (binary search: tokens
 * are in text order); d->ntoks when none does. */
uint32_t cr_doc_token_at(const cr_doc *d, uint32_t b);

/* The index of the first sentence of d ending after byte b (the one
 * holding b, when b is inside a sentence); d->nsents when none does. */
size_t cr_doc_sentence_at(const cr_doc *d, uint32_t b);

/* The term id of a folded, stemmed word (interned in the vocabulary). */
uint32_t cr_corpus_term(cr_corpus *c, const char *s, size_t n);

/* Tokenizes and stems a free string (a title, a query) the way document
 * sentences are, into a term vector allocated in a.  0, or -1 out of memory. */
struct cr_termvec;
int cr_corpus_vectorize(cr_corpus *c, const char *s, size_t n,
                        const float *idf, cr_arena *a, struct cr_termvec *out);

#endif
