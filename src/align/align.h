/* align.h — cross-source fact alignment, discrepancies, unique details,
 * source flags and stance.
 *
 * Takes: analyzed documents (body sentences, tokens with stemmed terms).
 * Adds:  facts: groups of sentences from different sources that state the
 *        same thing (a representative wording, the variant wordings with
 *        their sources, the numbers in them); discrepancies: one fact with
 *        different numbers, days or quoted wording across sources; unique
 *        details per source; source flags (duplicate copy, garbled or
 *        machine-translated text, bad or missing date, short body).
 *
 * Stance (stance.c) classifies one attribution — a cue ("said", "denied")
 * and its content — and is fed by the quote/speaker stage when present
 * (cr_attribution below is the whole interface it needs). */
#ifndef CR_ALIGN_H
#define CR_ALIGN_H
#include "core/corpus.h"
#include "core/termvec.h"

/* Two sentences of different sources state the same fact when their
 * similarity (align_similarity in align.c: tf-idf cosine of stems with
 * news synonyms merged, plus shared numbers and names) reaches this.
 * Tuned on the example reports: paraphrases of one claim score 0.35-0.7,
 * different facts of one story under 0.3. */
#define CR_ALIGN_SIMILARITY 0.34f
/* Content terms kept of what a negation is about ("no evidence that
 * North Korean soldiers are involved" -> evidence, north, korean, ...). */
#define CR_ALIGN_MAX_SCOPE 8
/* Bounds that keep the alignment of a big story near linear: a stem in
 * more units than CR_ALIGN_MAX_POSTING is common like one in
 * CR_ALIGN_COMMON_SHARE of them (this binds from about 5,000 units, 1,300
 * reports); a common stem proposes only the next CR_ALIGN_COMMON_WINDOW
 * units carrying it; and each unit is compared exactly with at most
 * CR_ALIGN_MAX_CANDIDATES candidates, those sharing the most stem weight
 * with it. */
#define CR_ALIGN_MAX_POSTING 256
#define CR_ALIGN_COMMON_WINDOW 64
#define CR_ALIGN_MAX_CANDIDATES 128
/* Facts whose representative wordings are this similar state one claim
 * and are merged (among the CR_ALIGN_MERGE_FACTS most corroborated). */
#define CR_ALIGN_MERGE_SIMILARITY 0.45f
#define CR_ALIGN_MERGE_FACTS 64
/* Numbers and days are compared only between members this close to the
 * fact's representative: a looser member may be a neighbouring fact
 * (the same people on another day), and a false "discrepancy" misleads
 * more than a missed one. */
#define CR_DISC_SIMILARITY 0.45f
/* Bounds of the alignment: sentences per report and in all (the first
 * ones, which carry the news). */
#define CR_ALIGN_MAX_SENTS_PER_DOC 80
#define CR_ALIGN_MAX_UNITS 20000
/* A stem in more than this share of all sentences is too common to
 * propose every pair it could (see CR_ALIGN_COMMON_WINDOW; it still
 * counts in full in the similarity). */
#define CR_ALIGN_COMMON_SHARE 0.05f
/* Numbers and quoted strings kept per sentence. */
#define CR_ALIGN_MAX_NUMS 8
#define CR_ALIGN_MAX_QUOTES 4

/* A number found in a sentence: its value, its text and the stem of the
 * word it counts ("10,000 soldiers" -> soldier), merged with synonyms. */
typedef struct cr_num {
  double value;
  cr_span span;
  uint32_t what;   /* canonical term of the counted noun, CR_NO_ID if none */
} cr_num;

/* One sentence, or one clause of a long sentence, taking part in the
 * alignment. */
typedef struct cr_unit {
  uint32_t doc, sent;
  uint32_t tok_begin, tok_end; /* its tokens (the whole sentence or a clause) */
  uint32_t rank;       /* position among the doc's body sentences */
  uint32_t fact;       /* the fact it belongs to */
  cr_termvec vec;      /* tf-idf of canonical stems */
  cr_num nums[CR_ALIGN_MAX_NUMS];
  uint8_t nnums;
  cr_span quotes[CR_ALIGN_MAX_QUOTES]; /* quoted passages as token index
                                          ranges, marks excluded */
  uint8_t nquotes;
  uint16_t words;
  uint8_t negated;     /* its main clause says "no", "not", "never" ... */
  uint8_t nscope;
  uint32_t scope[CR_ALIGN_MAX_SCOPE]; /* sorted terms after the negation,
                                         to the end of its clause */
} cr_unit;

typedef struct cr_fact {
  uint32_t rep;         /* unit index of the representative wording */
  uint32_t *units;      /* every member unit, representative first */
  uint32_t nunits;
  uint32_t *sources;    /* corpus indexes of the docs carrying it, sorted */
  uint32_t nsources;
} cr_fact;

typedef enum cr_disc_kind {
  CR_DISC_NUMBER = 0,   /* the same count given as different values */
  CR_DISC_DAY,          /* a different weekday or date */
  CR_DISC_QUOTE         /* one quote rendered in different words */
} cr_disc_kind;

typedef struct cr_disc_value {
  const char *value;    /* as written in the first source giving it */
  uint32_t *sources;
  uint32_t nsources;
} cr_disc_value;

typedef struct cr_discrepancy {
  uint8_t kind;         /* cr_disc_kind */
  uint32_t fact;
  const char *about;    /* what differs, e.g. "number of soldiers" */
  const char *note;     /* a reading of it, or NULL */
  cr_disc_value *values;
  uint32_t nvalues;
} cr_discrepancy;

/* Source flags (bits). */
enum {
  CR_FLAG_DUPLICATE = 1,     /* its body is contained in another source */
  CR_FLAG_GARBLED = 2,       /* likely machine-translated or garbled text */
  CR_FLAG_INVALID_DATE = 4,  /* a date was found but is impossible */
  CR_FLAG_NO_DATE = 8,       /* no publication date found */
  CR_FLAG_SHORT = 16         /* body too short to brief */
};

/* A body shorter than this many words is flagged short. */
#define CR_SHORT_BODY_WORDS 80
/* A source whose word 5-gram shingles are this much contained in another
 * source's is its copy. */
#define CR_DUPLICATE_CONTAINMENT 0.8f

typedef struct cr_source_flags {
  uint32_t flags;
  int32_t duplicate_of;     /* corpus index, -1 when none */
  float containment;        /* share of its shingles found in duplicate_of */
  const char *garbled_why;  /* the evidence, when CR_FLAG_GARBLED */
} cr_source_flags;

typedef struct cr_alignment {
  cr_arena *arena;          /* owns everything below */
  cr_corpus *corpus;
  cr_unit *units;
  size_t nunits;
  cr_fact *facts;           /* sorted: most sources first */
  size_t nfacts;
  cr_discrepancy *discs;
  size_t ndiscs;
  cr_source_flags *flags;   /* one per document */
  /* kept for readers of the alignment (speakers.c): the synonym map
   * (vocabulary id -> canonical id) and each term's number of units */
  uint32_t *canon;
  size_t ncanon;
  uint32_t *df;
  size_t ndf;
} cr_alignment;

/* Aligns every document of the corpus as one story.  NULL out of memory. */
cr_alignment *cr_align_new(cr_corpus *c);
void cr_align_free(cr_alignment *al);

/* The term token k of d counts as in the alignment's vectors (stem with
 * news synonyms merged, names by their key); CR_NO_ID for a stop word or
 * punctuation (or out of memory).  Terms met after the alignment was
 * built are past ndf: their unit frequency is 0. */
uint32_t cr_align_token_term(cr_alignment *al, const cr_doc *d, uint32_t k);

/* The token index of the negation in the main clause of tokens [b, e)
 * of d (up to the first clause break): "no", "not", "never", "cannot", a
 * "-n't" contraction ...; UINT32_MAX when it does not negate (exposed for
 * tests). */
uint32_t cr_align_negation(const cr_doc *d, uint32_t b, uint32_t e);

/* Whether a negating unit and a plain one can state the same fact: the
 * plain one must carry at least half of what the negation is about, so
 * "Smith said there was no evidence that foreign soldiers are
 * involved" is not matched by "Smith was non-committal about NATO
 * membership" on the speaker's name and title alone, while "Russia said
 * there were no North Korean troops" still meets "Moscow dismissed
 * reports of North Korean troops" (exposed for tests). */
int cr_align_polarity_ok(const cr_unit *a, const cr_unit *b);

/* Similarity of two units (exposed for tests). */
float cr_align_similarity(const cr_unit *a, const cr_unit *b);

/* Reads the numbers of tokens [u->tok_begin, u->tok_end) of d into u
 * (exposed for tests). */
void cr_align_numbers(const cr_doc *d, cr_unit *u);

/* A sentence of this many words or more is also split into clauses (at
 * ";" and at ", although", ", but", ", while" ...), each aligned on its
 * own: a long sentence often joins two facts. */
#define CR_ALIGN_CLAUSE_SENTENCE 25
#define CR_ALIGN_CLAUSE_MIN_WORDS 6

/* The spelling-tolerant key of a name: folded ASCII consonants, vowels and
 * y dropped after the first letter, doubles collapsed, so transliterations
 * meet ("Dostoevsky", "Dostoevskiy", "Dostoyevsky" share one key; "Müller",
 * "Muller" share another).  Writes at most cap-1 bytes + NUL; returns the length. */
size_t cr_name_key(const char *s, size_t n, char *out, size_t cap);

/* Discrepancies of the facts (discrepancy.c); 0, or -1 out of memory. */
int cr_align_discrepancies(cr_alignment *al);

/* Flags of every source (flags.c); 0, or -1 out of memory. */
int cr_align_flags(cr_alignment *al);

/* Garbled-text evidence in one document, or NULL when it reads cleanly
 * (flags.c; exposed for tests). */
const char *cr_garbled_evidence(const cr_doc *d);

/* Share of a's word 5-grams also in b (flags.c; exposed for tests). */
float cr_containment(const cr_doc *a, const cr_doc *b);

/* ---------------------------------------------------------------- stance */

typedef enum cr_stance {
  CR_STANCE_NEUTRAL = 0,
  CR_STANCE_ASSERTS,
  CR_STANCE_DENIES,
  CR_STANCE_CANNOT_CONFIRM,
  CR_STANCE_CONDITIONAL
} cr_stance;

const char *cr_stance_name(cr_stance s);

/* One attribution as the quote stage will hand it over: who, the cue
 * verb phrase and the reported content, as text. */
typedef struct cr_attribution {
  const char *speaker;
  const char *cue, *content;
  size_t cue_len, content_len;
} cr_attribution;

/* The stance an attribution takes toward its content, from the cue verb
 * ("denied", "dismissed"), negation ("no evidence"), inability ("could not
 * confirm") and hedges ("if confirmed", "still being evaluated"). */
cr_stance cr_stance_classify(const char *cue, size_t cue_len,
                             const char *content, size_t content_len);
#endif
