/* speakers.h — who said what across the sources of a story, and where
 * each speaker stands on its central claim.
 *
 * Takes: the alignment of the story (facts, the synonym map and unit
 *        frequencies of its terms) and the analyze stage's annotations:
 *        per document the attributions (source, cue with polarity,
 *        content, kind, speaker mention) and the mentions, per corpus the
 *        entity registry with aliases merged across reports.
 * Adds:  one speaker per canonical entity that is quoted (so "Dostoevsky",
 *        "Dostoevskiy" and "Dostoyevsky" are one), with a role read from how
 *        the sources introduce them, the sources quoting them, their
 *        quotes (the same statement carried by several sources collapsed
 *        into one quote listing every source), and a stance on the
 *        story's central claim: the fact most sources carry, reduced to
 *        its key terms. */
#ifndef CR_ALIGN_SPEAKERS_H
#define CR_ALIGN_SPEAKERS_H
#include "align/align.h"

/* An attribution takes part in the stance only when its content shares
 * at least this many key terms with the central claim and covers at least
 * this share of the claim's weight (a reservation about "reports" or
 * "claims" needs one term: speakers.c, about_reports).  Tuned on the
 * example story: statements of the claim cover 0.3-1, a reservation
 * about it 0.3-0.45, the story's background ("Ukraine on a path to NATO
 * membership") 0.14 and under; statements on a neighbouring claim (arms
 * supplies) reach 0.39, which the weighted vote has to absorb. */
#define CR_STANCE_MIN_TERMS 2
#define CR_STANCE_MIN_COVER 0.20f
/* A key term of the claim is worded by at least this share of the
 * sources carrying it, and by at least this many of them (all when fewer
 * carry it): the words most outlets use to state it, not one outlet's
 * extra detail. */
#define CR_CLAIM_MIN_SHARE 0.5f
#define CR_CLAIM_MIN_SOURCES 2
/* Two quotes of one speaker are the same statement when the Dice overlap
 * of their terms reaches this: on the example, one quote in several
 * outlets scores 0.6-1, two statements on one subject 0.5-0.56 (so a
 * loose paraphrase of a quote stays apart from it: better two entries
 * than one entry crediting outlets with words they did not carry). */
#define CR_QUOTE_SAME 0.6f
/* Quote groups a new quote is compared with, per speaker: past this a
 * speaker quoted thousands of times costs linear time, and a quote that
 * matches none of the first groups starts its own. */
#define CR_QUOTE_MAX_COMPARE 256
/* Key terms of a claim kept (the heaviest). */
#define CR_CLAIM_MAX_TERMS 64
/* Words of a role read before a name ("U.S. Deputy Secretary of State"). */
#define CR_ROLE_MAX_WORDS 8

typedef struct cr_speaker_quote {
  uint32_t doc;         /* the first source carrying it (corpus index) */
  uint32_t attr;        /* its attribution in that source */
  cr_span span;         /* the quoted or reported content in that source,
                           with the contrast clause that goes with it */
  uint32_t *sources;    /* every source carrying it, sorted, distinct */
  uint32_t nsources;
  uint32_t nattrs;      /* attributions collapsed into it */
  float claim;          /* share of the central claim it covers (0: off) */
  uint8_t stance;       /* cr_stance on the claim; NEUTRAL when off it */
  uint32_t *terms;      /* its distinct terms, sorted (for collapsing) */
  uint32_t nterms;
} cr_speaker_quote;

typedef struct cr_speaker {
  uint32_t entity;      /* root entity in the corpus registry */
  const char **aliases; /* other names: the entity's other spellings, then
                           institutions speaking for it ("Kremlin" for
                           Russia: a capital or seat of government joins
                           the country it speaks for when the story
                           names that country) */
  size_t naliases;
  const char *role;     /* how sources introduce them, or NULL */
  uint32_t *sources;    /* corpus indexes of the sources quoting them */
  uint32_t nsources;
  uint32_t nattrs;      /* attributions in all sources */
  uint8_t stance;       /* cr_stance on the central claim */
  float weight[5];      /* per cr_stance: the claim share of the votes */
  cr_speaker_quote *quotes; /* claim quotes first (cover x sources), then
                               by sources carrying them */
  uint32_t nquotes;
} cr_speaker;

typedef struct cr_speakers {
  cr_arena *arena;      /* owns everything below */
  const cr_alignment *align;
  int32_t claim_fact;   /* the central claim (index into facts), -1: none */
  uint32_t *claim_terms;/* its key terms and their weights */
  float *claim_weight;
  uint32_t nclaim;
  cr_speaker *v;        /* those with a stance first, then most sources */
  size_t n;
} cr_speakers;

/* Groups the attributions of every source by speaker and classifies
 * stances.  NULL out of memory. */
cr_speakers *cr_speakers_new(cr_alignment *al);
void cr_speakers_free(cr_speakers *s);

/* The text of a quote, white space collapsed; a quote in two fragments
 * ("A," he said, "B.") is shown as "A … B".  malloc'd; NULL out of memory. */
char *cr_speaker_quote_text(const cr_corpus *c, const cr_speaker_quote *q);

/* The stance of one attribution of d toward what it reports, combining
 * cr_stance_classify on its cue and content (with tail, a clause the
 * sentence adds, e.g. "though reports ... were still being evaluated")
 * with the cue polarity of the analyze stage (exposed for tests). */
cr_stance cr_attr_stance(const cr_doc *d, const struct cr_attr *a, cr_span tail);
#endif
