/* analyze.h — who said what: entities, attributions, numbers and dates.
 *
 * Takes: a document's paragraphs (with kinds), sentences and tokens, as the
 *        text and clean stages left them; the report's date (d->meta.date,
 *        ISO, may be NULL).
 * Adds:  per document (fields at the end of struct cr_doc)
 *          - d->attrs:    attributions: source, cue (with polarity), content
 *                         spans, kind (direct, indirect, mixed), speaker;
 *          - d->ments:    entity mentions (person, org, place) with the
 *                         corpus entity each resolves to;
 *          - d->nums:     numbers normalised, with unit/currency and the
 *                         noun they count;
 *          - d->dates:    absolute and relative dates, resolved against the
 *                         report's date when it is known;
 *        per corpus (end of struct cr_corpus)
 *          - c->ents:     the entity registry: one entry per real-world
 *                         entity, its canonical name, aliases (spelling and
 *                         transliteration variants merged across reports),
 *                         type and mention count.
 *
 * Every span is a byte range into d->text.  Nothing here allocates per
 * token: work is linear in the tokens of a sentence, with every window
 * bounded by a named constant, so pathological input (a 100 KB paragraph
 * without punctuation, quotes that never close) stays cheap. */
#ifndef CR_ANALYZE_H
#define CR_ANALYZE_H
#include <stdint.h>

#include "core/corpus.h"
#include "core/doc.h"

/* ------------------------------------------------------------ cues.c */

/* What a cue says about the speaker's stance on the content. */
typedef enum cr_polarity {
  CR_POL_ASSERTS = 0, /* said, told, announced, confirmed */
  CR_POL_DENIES,      /* denied, rejected, dismissed */
  CR_POL_DOUBTS,      /* questioned, doubted, cast doubt */
  CR_POL_HEDGES       /* suggested, believes, claimed, could not confirm */
} cr_polarity;

const char *cr_polarity_name(cr_polarity p);

/* What kind of verb a cue is; decides which patterns it may head. */
typedef enum cr_cue_class {
  CR_CUE_SPEECH = 0, /* said, told, wrote: every pattern */
  CR_CUE_THOUGHT,    /* believes, thinks, fears: source first only */
  CR_CUE_EVIDENCE,   /* shows, found: source first only, inanimate source */
  CR_CUE_ACCORDING,  /* "according to": source follows the cue */
  CR_CUE_SEEM        /* seems, appeared: no source; the subject and the
                        complement are the content */
} cr_cue_class;

typedef struct cr_cue_entry {
  const char *word;   /* lower-case word form */
  uint8_t polarity;   /* cr_polarity */
  uint8_t cls;        /* cr_cue_class */
} cr_cue_entry;

/* The lexicon entry for a lower-case word form, or NULL. */
const cr_cue_entry *cr_cue_lookup(const char *word, size_t n);

/* ------------------------------------------------------------ cue_model.c */

/* Most features per token, and the longest feature string. */
#define CR_CUE_FEAT_MAX 40
#define CR_CUE_FEAT_LEN 64

typedef struct cr_cue_feats {
  char s[CR_CUE_FEAT_MAX][CR_CUE_FEAT_LEN];
  uint64_t h[CR_CUE_FEAT_MAX]; /* cr_cue_feat_hash of each string */
  int n;
  int hash_only; /* set by the caller: 1 keeps only the hashes (scoring),
                    0 the strings too (training dumps, tests) */
} cr_cue_feats;

/* One learned weight: the FNV-1a hash of a feature string and its weight. */
typedef struct cr_cue_weight {
  uint64_t hash;
  float weight;
} cr_cue_weight;

uint64_t cr_cue_feat_hash(const char *s, size_t n);
/* The first and last quotation-mark tokens of a sentence (UINT32_MAX when
 * it has none), found once per sentence for cr_cue_features. */
typedef struct cr_cue_quotes {
  uint32_t first, last;
} cr_cue_quotes;
void cr_cue_sentence_quotes(const cr_doc *d, uint32_t b, uint32_t e,
                            cr_cue_quotes *q);
/* The features of token i of the sentence toks[b..e) (inq: quotation
 * depth per token, may be NULL).  Training (bench/cue-features) and
 * scoring both use this function. */
void cr_cue_features(const cr_doc *d, const uint8_t *inq, uint32_t b, uint32_t e,
                     const cr_cue_quotes *q, uint32_t i, cr_cue_feats *f);
/* The learned score of a feature set: > 0 means "part of a cue". */
float cr_cue_model_score(const cr_cue_feats *f);
/* Number of weights in the compiled model (0: no model). */
size_t cr_cue_model_size(void);
/* Helpers the learned models share.  The feature a+b (or a+b+"|"+c)
 * appended to f with its hash; the token i of toks[b..e) as a feature
 * value (lower case; <s>, </s>, <num>, <q>, <other>); the sum of the
 * weights of f's features in a compiled table of `slots` slots. */
void cr_feat_add(cr_cue_feats *f, const char *a, const char *b, const char *c);
void cr_model_word(const cr_doc *d, uint32_t b, uint32_t e, long i, char *w,
                   size_t cap);
float cr_model_score(const cr_cue_weight *table, size_t slots, const cr_cue_feats *f);

/* ------------------------------------------------------------ content_model.c */

/* Most end positions weighed for one content (the sentence end is always
 * one of them). */
#define CR_CONTENT_CANDS_MAX 48

/* The end positions a content starting at token lo of the sentence
 * toks[b..e) may take: token indices k (the content is toks[lo..k) before
 * trailing punctuation is trimmed) at punctuation, after a quotation mark
 * and at words that open clauses or adjuncts, and e itself.  Returns how
 * many were written to k (at most CR_CONTENT_CANDS_MAX, ascending). */
size_t cr_content_candidates(const cr_doc *d, const uint8_t *inq, uint32_t b,
                             uint32_t e, uint32_t lo, uint32_t *k);
/* The features of ending the content toks[lo..) at candidate k, after the
 * cue whose last token is cue.  Training (bench/content-features) and
 * ranking both use this function. */
void cr_content_features(const cr_doc *d, const uint8_t *inq, uint32_t b,
                         uint32_t e, uint32_t lo, uint32_t cue, uint32_t k,
                         cr_cue_feats *f);
/* The best-scoring end of a content starting at lo (a candidate of
 * cr_content_candidates), or e when there is no model. */
uint32_t cr_content_end(const cr_doc *d, const uint8_t *inq, uint32_t b,
                        uint32_t e, uint32_t lo, uint32_t cue);
/* Number of weights in the compiled content-end model (0: no model). */
size_t cr_content_model_size(void);

/* ------------------------------------------------------------ attributions */

typedef enum cr_attr_kind {
  CR_ATTR_DIRECT = 0, /* the content is one quotation */
  CR_ATTR_INDIRECT,   /* reported speech, no quotation marks */
  CR_ATTR_MIXED       /* reported speech with a quoted fragment */
} cr_attr_kind;

const char *cr_attr_kind_name(cr_attr_kind k);

typedef struct cr_attr {
  cr_span source;    /* {0,0} when there is no explicit source */
  cr_span cue;
  cr_span content;   /* may run over several sentences and paragraphs */
  cr_span content2;  /* a second fragment ("A," he said, "B."), or {0,0} */
  uint32_t sent;     /* sentence holding the cue */
  uint32_t mention;  /* index into d->ments of the speaker, or CR_NO_ID */
  uint8_t kind;      /* cr_attr_kind */
  uint8_t polarity;  /* cr_polarity */
} cr_attr;

/* Marks every token of the document that lies inside quotation marks
 * (inq[i] = nesting depth, capped) and, for each opening mark, the token
 * index of its closing mark (close[i], or UINT32_MAX when it never closes
 * in its paragraph).  Quotes are paired per paragraph with a bounded stack;
 * stray closing marks are ignored. */
void cr_quote_marks(const cr_doc *d, uint8_t *inq, uint32_t *close);

/* Finds the attributions of d (tokens, sentences, quote marks), appending
 * to out.  0, or -1 out of memory. */
typedef CR_VEC(cr_attr) cr_attr_vec;
int cr_find_attributions(const cr_doc *d, const uint8_t *inq,
                         const uint32_t *close, cr_attr_vec *out);

/* Extends each attribution's content over the cue-less quotation
 * sentences right after it ("He said X. “Y.”"), as PolNeAR does
 * (follow_quotes.c).  0, or -1 out of memory. */
int cr_follow_quotes(const cr_doc *d, const uint32_t *close, cr_attr_vec *attrs);

/* ------------------------------------------------------------ entities */

typedef enum cr_ent_type {
  CR_ENT_PERSON = 0,
  CR_ENT_ORG,
  CR_ENT_PLACE,
  CR_ENT_OTHER
} cr_ent_type;

const char *cr_ent_type_name(cr_ent_type t);

typedef struct cr_mention {
  cr_span span;      /* the name as written (without title or possessive) */
  uint32_t entity;   /* corpus entity id (index into c->ents) */
  uint32_t local;    /* document-local entity (after surname merging) */
  uint8_t type;      /* cr_ent_type */
  uint8_t via;       /* how it was found: CR_VIA_* */
} cr_mention;

enum {
  CR_VIA_NAME = 0,   /* a capitalised name */
  CR_VIA_ROLE,       /* a role phrase resolved to a person ("the president") */
  CR_VIA_PRONOUN     /* a pronoun subject of a speech verb */
};

/* One entity of the corpus registry.  Entries are exact spellings; the
 * alias merge links variants to a root entry (parent == own index), and
 * only roots carry the canonical name, aliases and totals.  Mentions
 * always point at roots after cr_analyze_corpus. */
typedef struct cr_entity {
  const char *name;        /* canonical (roots): the most mentioned form */
  const char *own;         /* this entry's own spelling */
  CR_VEC(const char *) aliases; /* roots: the other spellings merged in */
  uint8_t type;            /* cr_ent_type */
  uint32_t mentions;       /* roots: mentions of every spelling */
  uint32_t docs;           /* roots: reports mentioning it */
  uint32_t own_mentions;   /* mentions of this spelling */
  uint32_t last_doc;       /* internal: for counting docs */
  uint32_t parent;         /* union-find parent; self for a root */
} cr_entity;

/* 1 when entity i of the registry is a root (a real-world entity). */
static inline int cr_entity_is_root(const cr_entity *e, uint32_t i) {
  return e[i].parent == i;
}

/* Finds entity mentions in d (names, role phrases, pronoun speakers)
 * and registers them in c->ents.  attrs gets its speaker mentions. */
int cr_find_entities(cr_corpus *c, cr_doc *d, cr_attr *attrs, size_t nattrs);

/* Merges spelling and transliteration variants across the registry
 * (Kyiv/Kiev-style pairs found by general rules, never by a name list)
 * and re-points every mention at its canonical entity. */
int cr_merge_aliases(cr_corpus *c);

/* Looks up a place or demonym in the bundled list (data/places.tsv,
 * compiled into places_data.c); returns 1 for a place, 2 for a demonym,
 * 3 for a seat of government (Kremlin, White House). */
int cr_place_kind(const char *folded, size_t n);
/* For a national capital or a seat of government ("moscow", "kremlin"),
 * the country whose government it speaks for in news copy, its spellings
 * separated by '|' ("United States|U.S.|US|America"); else NULL. */
const char *cr_place_speaks_for(const char *folded, size_t n);

/* ------------------------------------------------------------ numbers.c */

typedef struct cr_number {
  cr_span span;        /* the whole expression: "€35 billion", "33rd" */
  double value;        /* 35e9, 33 */
  const char *unit;    /* "EUR", "%", "years" ... static or arena; NULL */
  cr_span noun;        /* the noun it counts ("troops"); {0,0} if none */
  uint8_t ordinal;     /* 33rd */
} cr_number;

typedef CR_VEC(cr_number) cr_number_vec;
int cr_find_numbers(const cr_doc *d, cr_number_vec *out);

/* ------------------------------------------------------------ dates.c */

typedef struct cr_date {
  cr_span span;        /* "Thursday", "last week", "June 12, 2024" */
  int year, month, day;/* resolved; 0 when unknown (e.g. "in June" with no
                          report date leaves the year 0) */
  uint8_t relative;    /* 1 when resolved from the report's date */
  uint8_t granularity; /* 'd' day, 'w' week, 'm' month, 'y' year */
} cr_date;

typedef CR_VEC(cr_date) cr_date_vec;
/* ref_iso: the report's date (YYYY-MM-DD...), or NULL. */
int cr_find_dates(const cr_doc *d, const char *ref_iso, cr_date_vec *out);

/* ------------------------------------------------------------ analyze.c */

/* Runs the stage on every document not yet analysed, then merges the
 * registry across reports.  0, or -1 out of memory. */
int cr_analyze_corpus(cr_corpus *c);

/* Frees what the stage keeps outside the arena (the registry). */
void cr_analyze_free(cr_corpus *c);

/* The canonical name of the speaker of attribution a of d, or NULL. */
const char *cr_attr_speaker(const cr_corpus *c, const cr_doc *d,
                            const cr_attr *a);

/* ------------------------------------------------------------ token helpers
 * (shared by the analyze files; defined in analyze.c) */

/* 1 when token t of d spells w (ASCII, case-insensitive). */
int cr_tok_is(const cr_doc *d, const cr_token *t, const char *w);
/* Lower-cases token t into buf (size cap); returns its length, 0 when it
 * does not fit. */
size_t cr_tok_lower(const cr_doc *d, const cr_token *t, char *buf, size_t cap);
/* 1 when t is a word in the given static list (sorted, lower-case). */
int cr_tok_in(const cr_doc *d, const cr_token *t, const char *const *list,
              size_t n);

#endif
