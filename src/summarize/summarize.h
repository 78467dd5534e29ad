/* summarize.h — the cited multi-source summary and the headline.
 *
 * Takes: analyzed documents (body sentences with stemmed terms).
 * Adds:  a brief: summary sentences chosen for covering what most
 *        sources report (concepts weighted by sources, within a word
 *        budget), each citing every source that carries it; a headline
 *        chosen among the sources' titles. */
#ifndef CR_SUMMARIZE_H
#define CR_SUMMARIZE_H
#include "align/align.h"
#include "core/corpus.h"

typedef struct cr_summary_item {
  uint32_t doc, sent;     /* the sentence the wording comes from */
  char *text;             /* its text, whitespace collapsed */
  uint32_t *sources;      /* corpus indexes of every citing document, sorted */
  size_t nsources;
  float score;
  /* per cited source, parallel to sources: the sentence of that source
   * that states it best, and the cosine of that match (1 for doc itself);
   * the HTML page links each citation to that sentence */
  uint32_t *source_sents;
  float *source_sims;
} cr_summary_item;

struct cr_brief {
  cr_corpus *corpus;
  cr_arena *arena;
  char *headline;
  cr_summary_item *items;
  size_t nitems;
  /* align stage: facts, discrepancies, flags (NULL if it failed) */
  cr_alignment *align;
  /* speakers and stances (src/align/speakers.h; NULL if it failed) */
  struct cr_speakers *speakers;
  /* every candidate sentence (doc, sent) with its CR_BRIEF_NFEATURES
   * features, row by row, for training the learned prior */
  size_t nfeat_units;
  uint32_t *feat_doc, *feat_sent;
  float *features;
};

/* Two sentences from different sources state the same information when
 * the cosine of their tf-idf vectors reaches this (tuned on the example
 * reports: paraphrases of one claim score 0.3-0.6, unrelated sentences of
 * one story under 0.2). */
#define CR_CITE_SIMILARITY 0.28f

/* The summarizer's knobs, with the defaults cr_brief_new uses (tuned on
 * NeuS train/val by bench/summary-eval); exposed internally so the bench
 * can explore them. */
typedef struct cr_brief_tuning {
  float single_weight;  /* weight of a concept only one source mentions */
  float bigram_weight;  /* weight of a stem pair relative to a stem */
  float length_power;   /* gain is divided by words^length_power */
  float lead_weight;    /* gain multiplier 1 + lead_weight / (1 + rank) */
  float context_penalty;/* multiplier for sentences opening with "He", "But" */
  float overshoot;      /* the last sentence may pass --words by this share */
  float min_words;      /* sentences shorter than this are not candidates */
  float source_power;   /* weight grows as (sources carrying it)^source_power */
  float title_weight;   /* added per source title that names the stem */
  float quote_penalty;  /* multiplier for sentences carrying a direct quote */
  float report_share;   /* the budget is at most this share of the mean
                           report's words (0 = no such cap) */
  float redundancy;     /* a sentence this similar to a chosen one (the
                           aligner's similarity) is passed over (0 = off) */
  float fact_weight;    /* gain multiplier 1 + fact_weight * (share of the
                           other sources stating the sentence's fact) */
  float flagged_penalty;/* multiplier for sentences of garbled or copied
                           sources */
  float learned_power;  /* gain multiplier (learned prior)^learned_power,
                           the prior from sentence_features (0 = off) */
} cr_brief_tuning;

/* Per-sentence features the learned prior weighs (brief.c
 * sentence_features); the brief keeps them for the trainer,
 * bench/summary_train.py. */
#define CR_BRIEF_NFEATURES 14

void cr_brief_tuning_default(cr_brief_tuning *t);

/* Text of s in d with runs of white space collapsed to one space, in a
 * (or malloc'd when a is NULL); NULL out of memory. */
char *cr_sentence_text(cr_arena *a, const cr_doc *d, cr_span s);

/* cr_brief_new with explicit knobs (t NULL = defaults). */
cr_status cr_brief_new_tuned(cr_corpus *c, const cr_brief_options *opts,
                             const cr_brief_tuning *t, cr_brief **out);
#endif
