/* speakers.c — who said what, and where each speaker stands.
 *
 * Every attribution of every source goes to the canonical entity of its
 * speaker (the analyze stage merged the spellings), so one speaker
 * gathers what all outlets report them saying.  Within a speaker, the
 * same statement carried by several outlets (identical quotes, or
 * indirect speech reworded) is collapsed by the overlap of its terms into
 * one quote that lists every outlet carrying it.
 *
 * The stance is on the story's central claim: the fact most sources carry
 * (the aligner's first), reduced to its key terms — the words at least
 * two sources use when they state it, outside the "X said" frame, each
 * weighed by how many of those sources use it and by how rare it is in
 * the story (so "North Korea" in a North Korea story weighs less than
 * "10,000" and "soldiers").  An attribution whose content covers enough
 * of that weight votes, with that weight, for the stance its cue and
 * content take (cr_attr_stance); a speaker's stance is the heaviest vote,
 * and a speaker with no vote is neutral.  Weighing by coverage is what
 * lets one "could not confirm Ukraine's claims that soldiers had been
 * sent" outweigh two background statements about arms supplies. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align/speakers.h"
#include "analyze/analyze.h"
#include "summarize/summarize.h"

/* ------------------------------------------------------------ text helpers */

static int is_alpha(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* 1 when s[0..n) holds word w (ASCII, case-insensitive, whole word). */
static int has_word(const char *s, size_t n, const char *w) {
  size_t m = strlen(w);
  for (size_t i = 0; i + m <= n; i++)
    if ((!i || !is_alpha(s[i - 1])) && (i + m == n || !is_alpha(s[i + m])) &&
        strncasecmp(s + i, w, m) == 0)
      return 1;
  return 0;
}

static int in_span(cr_span s, uint32_t b) { return b >= s.start && b < s.end; }

/* The end of what an attribution reports: its content, or its second
 * fragment when that comes later. */
static uint32_t content_end(const cr_attr *a) {
  return a->content2.end > a->content.end ? a->content2.end : a->content.end;
}

/* The sentence of d holding byte b, or NULL. */
static const cr_sentence *sentence_at(const cr_doc *d, uint32_t b) {
  size_t lo = cr_doc_sentence_at(d, b);
  return lo < d->nsents && d->sents[lo].span.start <= b ? &d->sents[lo] : NULL;
}

/* "said on Tuesday any involvement ...", "agreed in June to provide ...":
 * a date right after the cue says when it was said, not what; the
 * quote shown starts after it (and its comma).  Returns the new start. */
static uint32_t skip_leading_date(const cr_doc *d, uint32_t b, uint32_t e) {
  uint32_t k = cr_doc_token_at(d, b);
  if (k >= d->ntoks || d->toks[k].span.start != b) return b;
  uint32_t at = b;
  if (k + 1 < d->ntoks && (cr_tok_is(d, &d->toks[k], "on") || cr_tok_is(d, &d->toks[k], "in")))
    at = d->toks[k + 1].span.start;
  for (size_t i = 0; i < d->ndates; i++) {
    const cr_date *dt = &d->dates[i];
    if (dt->span.start != at && dt->span.start != b) continue;
    uint32_t j = cr_doc_token_at(d, dt->span.end);
    if (j < d->ntoks && d->text[d->toks[j].span.start] == ',') j++;
    if (j >= d->ntoks || d->toks[j].span.start >= e) return b;
    return d->toks[j].span.start;
  }
  return b;
}

/* What a quote shows of an attribution: reported speech is one clause,
 * so indirect content running past its sentence (into a caption or the
 * next paragraph) is cut there; quotations may run on. */
static cr_span shown_content(const cr_doc *d, const cr_attr *a) {
  cr_span s = {skip_leading_date(d, a->content.start, content_end(a)), content_end(a)};
  if (a->kind == CR_ATTR_INDIRECT) {
    const cr_sentence *se = sentence_at(d, a->content.start);
    if (se && se->span.end < s.end) s.end = se->span.end;
  }
  return s;
}

/* A clause the sentence adds after the content, opened by a contrast word
 * ("..., though reports of personnel being sent were still being
 * evaluated"): wire copy puts the speaker's reservation there, and it is
 * theirs as long as no other attribution starts in it.  {0,0} if none. */
static cr_span contrast_tail(const cr_doc *d, const cr_attr *a) {
  static const char *const openers[] = {"though", "although", "but", "yet", "while"};
  cr_span none = {0, 0};
  uint32_t end = content_end(a);
  const cr_sentence *s = end ? sentence_at(d, end - 1) : NULL;
  if (!s || s->span.end <= end) return none;
  uint32_t k = cr_doc_token_at(d, end);
  while (k < s->tok_end && d->toks[k].kind == CR_TOK_PUNCT &&
         d->text[d->toks[k].span.start] == ',')
    k++;
  if (k >= s->tok_end) return none;
  int opens = 0;
  for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
    opens |= cr_tok_is(d, &d->toks[k], openers[i]);
  if (!opens) return none;
  cr_span t = {d->toks[k].span.start, s->span.end};
  for (size_t i = 0; i < d->nattrs; i++)
    if (&d->attrs[i] != a && in_span(t, d->attrs[i].cue.start)) return none;
  return t;
}

/* A negated cue ("did not say", "never confirmed") takes no position
 * unless the classifier read it as not confirming. */
static int negated_cue(const char *s, size_t n) {
  if (has_word(s, n, "not") || has_word(s, n, "never")) return 1;
  for (size_t i = 0; i + 3 <= n; i++) /* "didn't", "didn’t" */
    if (s[i] == 'n' && (s[i + 1] == '\'' || (i + 5 <= n && !memcmp(s + i + 1, "\xe2\x80\x99", 3))))
      return 1;
  return 0;
}

cr_stance cr_attr_stance(const cr_doc *d, const cr_attr *a, cr_span tail) {
  const char *cue = d->text + a->cue.start;
  size_t cn = a->cue.end - a->cue.start;
  uint32_t e = tail.end > content_end(a) ? tail.end : content_end(a);
  const char *body = d->text + a->content.start;
  size_t bn = e > a->content.start ? e - a->content.start : 0;
  cr_stance s = cr_stance_classify(cue, cn, body, bn);
  if (s != CR_STANCE_ASSERTS && s != CR_STANCE_NEUTRAL) return s;
  if (negated_cue(cue, cn)) return CR_STANCE_NEUTRAL;
  /* the analyze stage's lexicon knows more cue verbs than the classifier:
   * "rejected", "cast doubt on", "played down" */
  if (a->polarity == CR_POL_DENIES) return CR_STANCE_DENIES;
  if (a->polarity == CR_POL_DOUBTS) return CR_STANCE_CANNOT_CONFIRM;
  /* any other reporting verb with content ("noted", "claimed",
   * "emphasized") puts the content forward as the speaker's */
  return CR_STANCE_ASSERTS;
}

/* ------------------------------------------------------------ terms */

typedef CR_VEC(uint32_t) u32_vec;
typedef CR_VEC(cr_span) span_vec;

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static void sort_unique(u32_vec *v) {
  if (v->n < 2) return;
  qsort(v->v, v->n, sizeof *v->v, cmp_u32);
  size_t m = 1;
  for (size_t i = 1; i < v->n; i++)
    if (v->v[i] != v->v[m - 1]) v->v[m++] = v->v[i];
  v->n = m;
}

/* Appends the terms of the tokens in [s.start, s.end) of d, skipping those
 * inside skip (the attribution frame), to out. */
static int span_terms(cr_alignment *al, const cr_doc *d, cr_span s, const cr_span *skip,
                      size_t nskip, u32_vec *out) {
  for (uint32_t k = cr_doc_token_at(d, s.start); k < d->ntoks && d->toks[k].span.start < s.end; k++) {
    int frame = 0;
    for (size_t i = 0; i < nskip && !frame; i++) frame = in_span(skip[i], d->toks[k].span.start);
    if (frame) continue;
    uint32_t t = cr_align_token_term(al, d, k);
    if (t != CR_NO_ID && cr_vec_push(out, t)) return -1;
  }
  return 0;
}

/* The distinct terms of what attribution a reports (content, second
 * fragment, contrast tail), sorted. */
static int attr_terms(cr_alignment *al, const cr_doc *d, const cr_attr *a, cr_span tail,
                      u32_vec *out) {
  out->n = 0;
  if (span_terms(al, d, a->content, NULL, 0, out)) return -1;
  if (a->content2.end > a->content2.start && span_terms(al, d, a->content2, NULL, 0, out))
    return -1;
  if (tail.end > tail.start && span_terms(al, d, tail, NULL, 0, out)) return -1;
  sort_unique(out);
  return 0;
}

/* ------------------------------------------------------------ central claim */

typedef struct term_count {
  uint32_t term, doc, nsrc;
  float w;
} term_count;

static int cmp_tc_term(const void *a, const void *b) {
  const term_count *x = a, *y = b;
  if (x->term != y->term) return x->term < y->term ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static int cmp_tc_weight(const void *a, const void *b) {
  const term_count *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return x->term < y->term ? -1 : x->term > y->term;
}

/* The frame of attributions in units of d: who speaks and the cue are
 * not the claim ("Smith said" is in every wording of it), and neither
 * is what a second speaker says in the same sentence ("..., although
 * NATO's chief said there was no evidence"): the sentence states its
 * first attribution's content. */
static int frame_spans(const cr_doc *d, cr_span range, span_vec *out) {
  out->n = 0;
  const cr_attr *first = NULL;
  for (size_t i = 0; i < d->nattrs; i++) {
    const cr_attr *a = &d->attrs[i];
    if (a->cue.start >= range.end || a->cue.end <= range.start) continue;
    if (cr_vec_push(out, a->cue) || cr_vec_push(out, a->source)) return -1;
    if (!first) {
      first = a;
    } else if (a->content.start >= content_end(first) || a->content.end <= first->content.start) {
      if (cr_vec_push(out, a->content)) return -1;
      if (a->content2.end > a->content2.start && cr_vec_push(out, a->content2)) return -1;
    }
  }
  return 0;
}

/* The key terms of the central claim with their weights. */
static int claim_terms(cr_speakers *sp, cr_alignment *al) {
  sp->claim_fact = -1;
  if (!al->nfacts) return 0;
  const cr_fact *f = &al->facts[0];
  sp->claim_fact = 0;
  CR_VEC(term_count) tc = {0};
  span_vec frame = {0};
  u32_vec terms = {0};
  int rc = -1;
  for (uint32_t i = 0; i < f->nunits; i++) {
    const cr_unit *u = &al->units[f->units[i]];
    const cr_doc *d = al->corpus->docs.v[u->doc];
    if (u->tok_end <= u->tok_begin) continue;
    cr_span r = {d->toks[u->tok_begin].span.start, d->toks[u->tok_end - 1].span.end};
    terms.n = 0;
    if (frame_spans(d, r, &frame) ||
        span_terms(al, d, r, frame.v, frame.n, &terms))
      goto done;
    sort_unique(&terms);
    for (size_t k = 0; k < terms.n; k++) {
      term_count t = {terms.v[k], u->doc, 0, 0};
      if (cr_vec_push(&tc, t)) goto done;
    }
  }
  /* distinct sources per term */
  if (tc.n) qsort(tc.v, tc.n, sizeof *tc.v, cmp_tc_term);
  size_t m = 0;
  uint32_t need = (uint32_t)ceilf(CR_CLAIM_MIN_SHARE * (float)f->nsources);
  if (need < CR_CLAIM_MIN_SOURCES) need = CR_CLAIM_MIN_SOURCES;
  if (need > f->nsources) need = f->nsources;
  double nu = (double)(al->nunits ? al->nunits : 1);
  for (size_t i = 0; i < tc.n;) {
    size_t j = i;
    uint32_t nsrc = 0;
    for (; j < tc.n && tc.v[j].term == tc.v[i].term; j++)
      nsrc += j == i || tc.v[j].doc != tc.v[j - 1].doc;
    if (nsrc >= need) {
      uint32_t t = tc.v[i].term;
      double df = t < al->ndf && al->df[t] ? al->df[t] : 1;
      tc.v[m] = tc.v[i];
      tc.v[m].nsrc = nsrc;
      tc.v[m].w = (float)((double)nsrc / f->nsources * log(1.0 + nu / df));
      m++;
    }
    i = j;
  }
  tc.n = m;
  if (tc.n) qsort(tc.v, tc.n, sizeof *tc.v, cmp_tc_weight);
  if (tc.n > CR_CLAIM_MAX_TERMS) tc.n = CR_CLAIM_MAX_TERMS;
  if (tc.n) qsort(tc.v, tc.n, sizeof *tc.v, cmp_tc_term);
  sp->claim_terms = cr_arena_alloc(sp->arena, (tc.n + 1) * sizeof *sp->claim_terms);
  sp->claim_weight = cr_arena_alloc(sp->arena, (tc.n + 1) * sizeof *sp->claim_weight);
  if (!sp->claim_terms || !sp->claim_weight) goto done;
  for (size_t i = 0; i < tc.n; i++) {
    sp->claim_terms[i] = tc.v[i].term;
    sp->claim_weight[i] = tc.v[i].w;
  }
  sp->nclaim = (uint32_t)tc.n;
  rc = 0;
done:
  cr_vec_free(&tc);
  cr_vec_free(&frame);
  cr_vec_free(&terms);
  return rc;
}

/* Share of the claim's weight that sorted terms t cover; *shared gets
 * how many key terms they share. */
static float claim_cover(const cr_speakers *sp, const uint32_t *t, size_t n, uint32_t *shared_out) {
  float got = 0, all = 0;
  uint32_t shared = 0;
  size_t j = 0;
  for (uint32_t i = 0; i < sp->nclaim; i++) {
    all += sp->claim_weight[i];
    while (j < n && t[j] < sp->claim_terms[i]) j++;
    if (j < n && t[j] == sp->claim_terms[i]) {
      got += sp->claim_weight[i];
      shared++;
    }
  }
  *shared_out = shared;
  return all > 0 ? got / all : 0;
}

/* ------------------------------------------------------------ speakers */

/* The speaker entity of an attribution: the analyze stage's, else a
 * mention spelling out the whole source ("Russia dismissed ...": a
 * country or institution speaking, which the analyze stage leaves
 * unresolved because a place is rarely the speaker). */
static uint32_t attr_entity(const cr_corpus *c, const cr_doc *d, const cr_attr *a) {
  uint32_t m = a->mention;
  if (m == CR_NO_ID || m >= d->nments) {
    m = CR_NO_ID;
    uint32_t s = a->source.start;
    if (a->source.end - s > 4 && strncasecmp(d->text + s, "the ", 4) == 0) s += 4;
    for (size_t i = 0; i < d->nments && m == CR_NO_ID; i++)
      if (d->ments[i].span.start == s && d->ments[i].span.end == a->source.end) m = (uint32_t)i;
    if (m == CR_NO_ID) return CR_NO_ID;
  }
  uint32_t e = d->ments[m].entity;
  if (e >= c->ents.n) return CR_NO_ID;
  while (c->ents.v[e].parent != e) e = c->ents.v[e].parent;
  return e;
}

/* The government an institution or a capital speaks for: "the Kremlin
 * said" and "Moscow denied" are Russia speaking, so they join the
 * speaker Russia when the story names it (data/places.tsv, third
 * column).  Anything else, or a country the story never names, is
 * itself. */
static uint32_t government_of(const cr_corpus *c, uint32_t e) {
  const cr_entity *en = &c->ents.v[e];
  if (en->type == CR_ENT_PERSON || !c->ent_keys) return e;
  for (size_t k = 0; k <= en->aliases.n; k++) {
    const char *name = k ? en->aliases.v[k - 1] : en->name;
    char key[64];
    size_t n = strlen(name);
    if (n >= sizeof key) continue;
    for (size_t i = 0; i < n; i++)
      key[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    const char *country = cr_place_speaks_for(key, n);
    while (country && *country) {
      const char *bar = strchr(country, '|');
      size_t len = bar ? (size_t)(bar - country) : strlen(country);
      uint32_t id = cr_strmap_find(c->ent_keys, country, len);
      if (id != CR_NO_ID && id < c->ents.n) {
        while (c->ents.v[id].parent != id) id = c->ents.v[id].parent;
        return id;
      }
      country = bar ? bar + 1 : NULL;
    }
  }
  return e;
}

typedef struct role_cand {
  char key[64];         /* folded, hyphens as spaces */
  const char *text;     /* as first written */
  size_t len;
  uint32_t count, words;
} role_cand;

typedef struct quote_build {
  cr_speaker_quote q;
  u32_vec src;
  float best;           /* claim cover of the member giving the stance */
} quote_build;

typedef struct speaker_build {
  uint32_t entity, nattrs;
  u32_vec src;
  u32_vec also;         /* institutions speaking for it (government_of) */
  CR_VEC(quote_build) quotes;
  CR_VEC(role_cand) roles;
  float weight[5];
} speaker_build;

typedef CR_VEC(speaker_build) speaker_build_vec;

/* How the source introduces a named speaker: the words of the source
 * before the name ("NATO Secretary General" Jane Smith), a role the
 * outlet vouches for. */
/* A role is names and a noun: "U.S. Deputy Secretary of State", "White
 * House spokesperson", "Playboy founder".  Lower-case words other than
 * the last and the small words of titles ("of", "for") mean a clause
 * ("A Congressional investigation initiated by Senator"), not a role. */
static int role_shaped(const char *s, size_t n) {
  static const char *const small[] = {"de", "for", "of", "on", "the"};
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (j < n && s[i] >= 'a' && s[i] <= 'z') { /* a lower-case word, not the last */
      int ok = 0;
      for (size_t k = 0; k < sizeof small / sizeof *small; k++)
        ok |= strlen(small[k]) == j - i && !strncmp(s + i, small[k], j - i);
      if (!ok) return 0;
    }
    i = j + 1;
  }
  return 1;
}

/* "Mr.", "Mrs", "Ms.": a form of address, not a role. */
static int honorific(const char *s, size_t n) {
  if (n && s[n - 1] == '.') n--;
  return (n == 2 && (!strncasecmp(s, "mr", 2) || !strncasecmp(s, "ms", 2))) ||
         (n == 3 && !strncasecmp(s, "mrs", 3));
}

static int role_words(const cr_doc *d, const cr_attr *a, uint32_t *s, uint32_t *e) {
  if (a->mention == CR_NO_ID || a->mention >= d->nments) return 0;
  const cr_mention *m = &d->ments[a->mention];
  if (m->via != CR_VIA_NAME || m->span.start <= a->source.start || m->span.end > a->source.end)
    return 0;
  uint32_t b = a->source.start, end = m->span.start;
  while (end > b && (d->text[end - 1] == ' ' || d->text[end - 1] == '\n')) end--;
  if (end - b > 4 && strncasecmp(d->text + b, "the ", 4) == 0) b += 4;
  if (end - b == 3 && strncasecmp(d->text + b, "the", 3) == 0) return 0; /* "The Kremlin" */
  if (end <= b || !(d->text[b] >= 'A' && d->text[b] <= 'Z')) return 0;
  uint32_t words = 1;
  for (uint32_t i = b; i < end; i++) {
    if (d->text[i] == ',' || d->text[i] == ';' || d->text[i] == '(') return 0;
    words += d->text[i] == ' ';
  }
  if (words > CR_ROLE_MAX_WORDS || has_word(d->text + b, end - b, "and") ||
      !role_shaped(d->text + b, end - b) || honorific(d->text + b, end - b))
    return 0;
  *s = b;
  *e = end;
  return (int)words;
}

static int add_role(speaker_build *sb, const cr_doc *d, const cr_attr *a) {
  uint32_t s, e;
  int words = role_words(d, a, &s, &e);
  if (!words) return 0;
  role_cand rc;
  memset(&rc, 0, sizeof rc);
  size_t n = 0;
  for (uint32_t i = s; i < e && n + 1 < sizeof rc.key; i++) {
    char ch = d->text[i];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
    if (ch == '-' || ch == '\n') ch = ' ';
    rc.key[n++] = ch;
  }
  for (size_t i = 0; i < sb->roles.n; i++)
    if (!strcmp(sb->roles.v[i].key, rc.key)) {
      sb->roles.v[i].count++;
      return 0;
    }
  rc.text = d->text + s;
  rc.len = e - s;
  rc.count = 1;
  rc.words = (uint32_t)words;
  return cr_vec_push(&sb->roles, rc);
}

/* 1 when b ends with a's words ("president" in "ukrainian president"). */
static int word_suffix(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  return na <= nb && !strcmp(b + nb - na, a) && (na == nb || b[nb - na - 1] == ' ');
}

/* The role most sources support: a shorter form ("President") counts for
 * the longer forms that end with it ("Ukrainian President"), which win
 * as the more informative. */
static const char *pick_role(cr_arena *ar, const speaker_build *sb) {
  const role_cand *best = NULL;
  uint32_t best_score = 0;
  for (size_t i = 0; i < sb->roles.n; i++) {
    uint32_t score = 0;
    for (size_t j = 0; j < sb->roles.n; j++)
      if (word_suffix(sb->roles.v[j].key, sb->roles.v[i].key)) score += sb->roles.v[j].count;
    if (!best || score > best_score || (score == best_score && sb->roles.v[i].words > best->words)) {
      best = &sb->roles.v[i];
      best_score = score;
    }
  }
  return best ? cr_arena_strndup(ar, best->text, best->len) : NULL;
}

/* Appends x to v unless it is there (v stays short: a few institutions). */
static int add_distinct_id(u32_vec *v, uint32_t x) {
  for (size_t i = 0; i < v->n; i++)
    if (v->v[i] == x) return 0;
  return cr_vec_push(v, x);
}

/* Sources arrive in corpus order, so a new one is never before the last. */
static int add_distinct(u32_vec *v, uint32_t x) {
  if (v->n && v->v[v->n - 1] == x) return 0;
  return cr_vec_push(v, x);
}

/* Dice overlap of two sorted term sets: symmetric, so a long quote
 * that contains a short one's few words is not the same statement. */
static float term_overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  size_t i = 0, j = 0, both = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) both++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return na + nb ? 2.0f * (float)both / (float)(na + nb) : 0;
}

/* Puts one attribution into its speaker's quotes, collapsing it into a
 * quote of the same statement already met. */
static int add_quote(cr_speakers *sp, speaker_build *sb, const cr_doc *d, uint32_t ai,
                     const u32_vec *terms, cr_span tail, cr_stance st, float cover) {
  const cr_attr *a = &d->attrs[ai];
  size_t lim = sb->quotes.n < CR_QUOTE_MAX_COMPARE ? sb->quotes.n : CR_QUOTE_MAX_COMPARE;
  for (size_t i = 0; i < lim; i++) {
    quote_build *qb = &sb->quotes.v[i];
    /* quoted words and a paraphrase are not "the same quote" */
    const cr_attr *qa = &sp->align->corpus->docs.v[qb->q.doc]->attrs[qb->q.attr];
    if ((qa->kind == CR_ATTR_DIRECT) != (a->kind == CR_ATTR_DIRECT)) continue;
    /* a statement of one or two terms only matches itself exactly */
    size_t m = terms->n < qb->q.nterms ? terms->n : qb->q.nterms;
    float ov = term_overlap(terms->v, terms->n, qb->q.terms, qb->q.nterms);
    if (m == 0 || (m < 3 && (terms->n != qb->q.nterms || ov < 1)) || ov < CR_QUOTE_SAME)
      continue;
    qb->q.nattrs++;
    if (add_distinct(&qb->src, d->index)) return -1;
    if (cover > qb->best) {
      qb->best = cover;
      qb->q.claim = cover;
      qb->q.stance = (uint8_t)st;
    }
    return 0;
  }
  quote_build qb;
  memset(&qb, 0, sizeof qb);
  qb.q.doc = d->index;
  qb.q.attr = ai;
  qb.q.span = shown_content(d, a);
  if (tail.end > qb.q.span.end) qb.q.span.end = tail.end;
  qb.q.nattrs = 1;
  qb.q.claim = cover;
  qb.q.stance = (uint8_t)(cover > 0 ? st : CR_STANCE_NEUTRAL);
  qb.best = cover;
  qb.q.terms = cr_arena_memdup(sp->arena, terms->v, terms->n, sizeof *terms->v);
  qb.q.nterms = (uint32_t)terms->n;
  if ((terms->n && !qb.q.terms) || cr_vec_push(&qb.src, d->index)) {
    cr_vec_free(&qb.src);
    return -1;
  }
  if (cr_vec_push(&sb->quotes, qb)) {
    cr_vec_free(&qb.src);
    return -1;
  }
  return 0;
}

/* The heaviest vote; ties go to the first in this order, the reservation
 * before the assertion (a reader is better warned than reassured). */
static uint8_t pick_stance(const float *w) {
  static const uint8_t order[] = {CR_STANCE_DENIES, CR_STANCE_CANNOT_CONFIRM,
                                  CR_STANCE_CONDITIONAL, CR_STANCE_ASSERTS};
  uint8_t best = CR_STANCE_NEUTRAL;
  float bw = 0;
  for (size_t i = 0; i < sizeof order / sizeof *order; i++)
    if (w[order[i]] > bw) {
      bw = w[order[i]];
      best = order[i];
    }
  return best;
}

static int cmp_quote(const void *a, const void *b) {
  const cr_speaker_quote *x = a, *y = b;
  int xc = x->claim > 0, yc = y->claim > 0;
  if (xc != yc) return yc - xc;
  /* on the claim: the most carried and most covering first */
  float xs = x->claim * (float)x->nsources, ys = y->claim * (float)y->nsources;
  if (xc && xs != ys) return xs > ys ? -1 : 1;
  if (x->nsources != y->nsources) return x->nsources > y->nsources ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->attr < y->attr ? -1 : x->attr > y->attr;
}

static int cmp_speaker(const void *a, const void *b) {
  const cr_speaker *x = a, *y = b;
  /* those with a position on the claim first: they are the story */
  int xp = x->stance != CR_STANCE_NEUTRAL, yp = y->stance != CR_STANCE_NEUTRAL;
  if (xp != yp) return yp - xp;
  if (x->nsources != y->nsources) return x->nsources > y->nsources ? -1 : 1;
  if (x->nattrs != y->nattrs) return x->nattrs > y->nattrs ? -1 : 1;
  return x->entity < y->entity ? -1 : x->entity > y->entity;
}

/* The names a speaker is shown with besides its canonical one: the
 * entity's other spellings, then the institutions speaking for it. */
static int speaker_aliases(cr_speakers *sp, cr_speaker *s, const speaker_build *sb) {
  const cr_corpus *c = sp->align->corpus;
  const cr_entity *e = &c->ents.v[sb->entity];
  size_t n = e->aliases.n + sb->also.n;
  s->aliases = cr_arena_calloc(sp->arena, n + 1, sizeof *s->aliases);
  if (!s->aliases) return -1;
  for (size_t k = 0; k < e->aliases.n; k++) s->aliases[s->naliases++] = e->aliases.v[k];
  for (size_t k = 0; k < sb->also.n; k++) s->aliases[s->naliases++] = c->ents.v[sb->also.v[k]].name;
  return 0;
}

/* Copies the builders into the arena at their exact sizes. */
static int finish(cr_speakers *sp, speaker_build *sb, size_t n) {
  sp->v = cr_arena_calloc(sp->arena, n + 1, sizeof *sp->v);
  if (!sp->v) return -1;
  for (size_t i = 0; i < n; i++) {
    cr_speaker *s = &sp->v[i];
    s->entity = sb[i].entity;
    s->nattrs = sb[i].nattrs;
    s->role = pick_role(sp->arena, &sb[i]);
    if (speaker_aliases(sp, s, &sb[i])) return -1;
    memcpy(s->weight, sb[i].weight, sizeof s->weight);
    s->stance = pick_stance(s->weight);
    sort_unique(&sb[i].src);
    s->sources = cr_arena_memdup(sp->arena, sb[i].src.v, sb[i].src.n, sizeof *s->sources);
    s->nsources = (uint32_t)sb[i].src.n;
    s->quotes = cr_arena_calloc(sp->arena, sb[i].quotes.n + 1, sizeof *s->quotes);
    if (!s->sources || !s->quotes) return -1;
    for (size_t q = 0; q < sb[i].quotes.n; q++) {
      quote_build *qb = &sb[i].quotes.v[q];
      sort_unique(&qb->src);
      qb->q.sources = cr_arena_memdup(sp->arena, qb->src.v, qb->src.n, sizeof *qb->src.v);
      qb->q.nsources = (uint32_t)qb->src.n;
      if (!qb->q.sources) return -1;
      s->quotes[q] = qb->q;
    }
    s->nquotes = (uint32_t)sb[i].quotes.n;
    qsort(s->quotes, s->nquotes, sizeof *s->quotes, cmp_quote);
  }
  sp->n = n;
  if (n > 1) qsort(sp->v, n, sizeof *sp->v, cmp_speaker);
  return 0;
}

/* An attribution whose content holds another attribution with a known
 * speaker ("Smith said Jones said ...") reports that speaker's words,
 * which the inner attribution already carries: counting it for the outer
 * speaker would put Jones's words in Smith's mouth. */
static int reports_other(const cr_corpus *c, const cr_doc *d, const cr_attr *a) {
  for (size_t i = 0; i < d->nattrs; i++) {
    const cr_attr *b = &d->attrs[i];
    if (b == a || b->source.end <= b->source.start || !in_span(a->content, b->source.start) ||
        !in_span(a->content, b->cue.start) || !in_span(a->content, b->content.start))
      continue;
    /* the same speaker too: "He said he called on X to ..." is carried by
     * the inner "called on"; a garbled frame (". ” he called.") whose
     * content swallowed the whole sentence before it repeats it */
    if (attr_entity(c, d, b) != CR_NO_ID) return 1;
  }
  return 0;
}

/* 1 when the content is about reports or claims ("dismissed reports of
 * North Korean involvement", "could not confirm Ukraine's claims"): a
 * reservation names what it rejects by a short handle, not by restating
 * it, so one key term of the claim is enough for it to be about it. */
static int about_reports(const cr_doc *d, const cr_attr *a) {
  static const char *const handles[] = {"report", "reports", "claim", "claims",
                                        "allegation", "allegations", "accusation",
                                        "accusations", "rumours", "rumors", "speculation"};
  const char *s = d->text + a->content.start;
  size_t n = a->content.end - a->content.start;
  for (size_t i = 0; i < sizeof handles / sizeof *handles; i++)
    if (has_word(s, n, handles[i])) return 1;
  return 0;
}

/* The weight of an attribution's vote on the central claim: the share of
 * the claim it covers, or 0 when it is not about the claim. */
static float vote_weight(const cr_speakers *sp, const cr_doc *d, const cr_attr *a,
                         cr_stance st, const u32_vec *terms) {
  if (st == CR_STANCE_NEUTRAL) return 0;
  uint32_t shared;
  float cover = claim_cover(sp, terms->v, terms->n, &shared);
  if (shared >= CR_STANCE_MIN_TERMS && cover >= CR_STANCE_MIN_COVER) return cover;
  if (st != CR_STANCE_ASSERTS && shared >= 1 && about_reports(d, a))
    return cover > CR_STANCE_MIN_COVER ? cover : CR_STANCE_MIN_COVER;
  return 0;
}

/* Puts attribution ai of d into the speaker of entity own (or of the
 * government own speaks for); with_role: the source's words before the
 * name describe this speaker (not so for the second of "A and B"). */
static int add_to_speaker(cr_speakers *sp, cr_alignment *al, speaker_build_vec *sbs,
                          uint32_t *which, const cr_doc *d, uint32_t ai, uint32_t own,
                          int with_role, u32_vec *terms) {
  const cr_corpus *c = al->corpus;
  const cr_attr *a = &d->attrs[ai];
  uint32_t e = government_of(c, own);
  if (which[e] == CR_NO_ID) {
    speaker_build nb;
    memset(&nb, 0, sizeof nb);
    nb.entity = e;
    if (cr_vec_push(sbs, nb)) return -1;
    which[e] = (uint32_t)(sbs->n - 1);
  }
  speaker_build *sb = &sbs->v[which[e]];
  sb->nattrs++;
  if (own != e && add_distinct_id(&sb->also, own)) return -1;
  cr_span tail = contrast_tail(d, a);
  cr_stance st = cr_attr_stance(d, a, tail);
  if (add_distinct(&sb->src, d->index) || (with_role && add_role(sb, d, a)) ||
      attr_terms(al, d, a, tail, terms))
    return -1;
  float cover = vote_weight(sp, d, a, st, terms);
  sb->weight[st] += cover;
  return add_quote(sp, sb, d, ai, terms, tail, st, cover);
}

/* "President A and North Korean leader B agreed ...": the second person
 * of a source joining two names with "and" (no comma or relative clause
 * between them) says it too.  Their root entity, or CR_NO_ID. */
static uint32_t co_speaker(const cr_corpus *c, const cr_doc *d, const cr_attr *a) {
  if (a->mention == CR_NO_ID || a->mention >= d->nments) return CR_NO_ID;
  const cr_mention *m = &d->ments[a->mention];
  if (m->via != CR_VIA_NAME || m->type != CR_ENT_PERSON) return CR_NO_ID;
  /* names and roles come first in d->ments, sorted by position: the
   * next person after the speaker's name, if inside the source */
  const cr_mention *best = NULL;
  for (size_t i = a->mention + 1; i < d->nments && !best; i++) {
    const cr_mention *n = &d->ments[i];
    if (n->span.start >= a->source.end || n->via == CR_VIA_PRONOUN) break;
    if (n->via == CR_VIA_NAME && n->type == CR_ENT_PERSON && n->span.end <= a->source.end)
      best = n;
  }
  if (!best) return CR_NO_ID;
  const char *gap = d->text + m->span.end;
  size_t gn = best->span.start - m->span.end, words = 0;
  if (gn < 5 || strncmp(gap, " and ", 5) != 0 || gn > 80) return CR_NO_ID;
  for (size_t i = 0; i < gn; i++) {
    if (gap[i] == ',' || gap[i] == ';' || gap[i] == '(' || gap[i] == '\n') return CR_NO_ID;
    words += gap[i] == ' ';
  }
  if (words > CR_ROLE_MAX_WORDS || has_word(gap, gn, "who") || has_word(gap, gn, "whose"))
    return CR_NO_ID;
  uint32_t e = best->entity;
  if (e >= c->ents.n) return CR_NO_ID;
  while (c->ents.v[e].parent != e) e = c->ents.v[e].parent;
  return e;
}

static int collect(cr_speakers *sp, cr_alignment *al, speaker_build_vec *sbs) {
  cr_corpus *c = al->corpus;
  uint32_t *which = malloc((c->ents.n ? c->ents.n : 1) * sizeof *which);
  u32_vec terms = {0};
  int rc = -1;
  if (!which) return -1;
  for (size_t i = 0; i < c->ents.n; i++) which[i] = CR_NO_ID;
  for (size_t di = 0; di < c->docs.n; di++) {
    const cr_doc *d = c->docs.v[di];
    for (uint32_t ai = 0; ai < d->nattrs; ai++) {
      const cr_attr *a = &d->attrs[ai];
      uint32_t own = attr_entity(c, d, a);
      if (own == CR_NO_ID || a->content.end <= a->content.start || reports_other(c, d, a))
        continue;
      if (add_to_speaker(sp, al, sbs, which, d, ai, own, 1, &terms)) goto done;
      uint32_t co = co_speaker(c, d, a);
      if (co != CR_NO_ID && government_of(c, co) != government_of(c, own) &&
          add_to_speaker(sp, al, sbs, which, d, ai, co, 0, &terms))
        goto done;
    }
  }
  rc = 0;
done:
  free(which);
  cr_vec_free(&terms);
  return rc;
}

cr_speakers *cr_speakers_new(cr_alignment *al) {
  if (!al) return NULL;
  cr_speakers *sp = calloc(1, sizeof *sp);
  if (!sp) return NULL;
  sp->align = al;
  sp->arena = cr_arena_new();
  speaker_build_vec sbs = {0};
  int ok = sp->arena && !claim_terms(sp, al) && !collect(sp, al, &sbs) &&
           !finish(sp, sbs.v, sbs.n);
  for (size_t i = 0; i < sbs.n; i++) {
    for (size_t q = 0; q < sbs.v[i].quotes.n; q++) cr_vec_free(&sbs.v[i].quotes.v[q].src);
    cr_vec_free(&sbs.v[i].quotes);
    cr_vec_free(&sbs.v[i].roles);
    cr_vec_free(&sbs.v[i].src);
    cr_vec_free(&sbs.v[i].also);
  }
  cr_vec_free(&sbs);
  if (!ok) {
    cr_speakers_free(sp);
    return NULL;
  }
  return sp;
}

char *cr_speaker_quote_text(const cr_corpus *c, const cr_speaker_quote *q) {
  const cr_doc *d = c->docs.v[q->doc];
  const cr_attr *a = &d->attrs[q->attr];
  /* "A," he said, "B.": the two fragments without the frame between */
  if (a->content2.start >= a->content.end && a->content2.end <= q->span.end &&
      a->content2.end > a->content2.start) {
    cr_span p1 = {q->span.start, a->content.end}, p2 = {a->content2.start, q->span.end};
    char *x = cr_sentence_text(NULL, d, p1), *y = cr_sentence_text(NULL, d, p2);
    char *t = x && y ? malloc(strlen(x) + strlen(y) + 6) : NULL;
    if (t) {
      strcpy(t, x);
      strcat(t, " \xe2\x80\xa6 ");
      strcat(t, y);
    }
    free(x);
    free(y);
    return t;
  }
  return cr_sentence_text(NULL, d, q->span);
}

void cr_speakers_free(cr_speakers *s) {
  if (!s) return;
  cr_arena_free(s->arena);
  free(s);
}
