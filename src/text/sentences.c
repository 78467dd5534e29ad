/* sentences.c — one paragraph's tokens to sentences.
 *
 * A sentence is the unit reports are compared by, so a wrong split costs
 * twice: a fact is cut in two and neither half matches the other report.
 * The splitter therefore prefers to keep text together when unsure.  It
 * splits only after a full stop, ! or ? (or an ellipsis, or an abbreviation
 * with evidence that it ends the sentence), and only when the next token
 * looks like a sentence start.  Closing quotes and brackets after the stop
 * stay with the sentence they close. */
#include <string.h>

#include "text/text.h"

static inline size_t tlen(const cr_token *t) { return t->span.end - t->span.start; }

static inline int is_text(const char *text, const cr_token *t, const char *s) {
  size_t n = strlen(s);
  return tlen(t) == n && !memcmp(text + t->span.start, s, n);
}

/* A full stop, ! or ?; "?!" arrives as two such tokens. */
static int is_terminal(const char *text, const cr_token *t) {
  if (t->kind != CR_TOK_PUNCT || tlen(t) == 0) return 0;
  if (tlen(t) == 1) {
    char c = text[t->span.start];
    return c == '.' || c == '!' || c == '?';
  }
  /* Full-width and other scripts' stops: 。 ！ ？ */
  return is_text(text, t, "\xE3\x80\x82") || is_text(text, t, "\xEF\xBC\x81") ||
         is_text(text, t, "\xEF\xBC\x9F");
}

/* Titles precede a name, so their period never ends a sentence. */
static const char *const cr_titles[] = {
    "Adm.", "Capt.", "Cmdr.", "Col.", "Det.", "Dr.", "Gen.", "Gov.", "Hon.",
    "Lt.", "Maj.", "Messrs.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.", "Prof.",
    "Rep.", "Reps.", "Rev.", "Sen.", "Sens.", "Sgt.", "St.", "Ft.", "Supt."};

/* Words that start sentences far more often than they follow "U.S." or
 * "Inc." inside one; after such a word an abbreviation's period is taken
 * as a full stop as well. */
static const char *const cr_starters[] = {
    "A", "After", "Also", "An", "And", "As", "At", "But", "During", "For",
    "He", "Her", "His", "However", "I", "If", "In", "It", "Its", "Last",
    "Meanwhile", "Most", "On", "Our", "She", "Since", "So", "That", "The",
    "Their", "There", "These", "They", "This", "Those", "We", "When", "While",
    "Yet", "You"};

static int in_list(const char *text, const cr_token *t, const char *const *list, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (is_text(text, t, list[k])) return 1;
  return 0;
}

/* An abbreviation ends the sentence only when it is not a title or an
 * initial and the next word is a typical sentence opener ("... the U.S. He
 * said"). */
static int abbrev_ends(const char *text, const cr_token *t, const cr_token *next) {
  if (tlen(t) <= 2) return 0; /* an initial: "George W. Bush" */
  if (in_list(text, t, cr_titles, sizeof cr_titles / sizeof *cr_titles)) return 0;
  if (!next) return 1;
  return next->kind == CR_TOK_WORD &&
         in_list(text, next, cr_starters, sizeof cr_starters / sizeof *cr_starters);
}

static int is_close(const char *text, const cr_token *t) {
  if (t->kind == CR_TOK_QUOTE) return !(t->flags & CR_TF_OPEN);
  return t->kind == CR_TOK_PUNCT && tlen(t) == 1 &&
         (text[t->span.start] == ')' || text[t->span.start] == ']');
}

/* Whether toks[j] can begin a sentence: a capital, a digit, an opening
 * quote or bracket before a capital. */
static int starts_sentence(const char *text, const cr_token *toks, size_t ntok, size_t j) {
  const cr_token *t = &toks[j];
  if (t->flags & CR_TF_CAP) return 1;
  if (t->kind == CR_TOK_NUMBER) return 1;
  if (t->kind == CR_TOK_QUOTE && (t->flags & CR_TF_OPEN)) return 1;
  if (t->kind == CR_TOK_DASH) return 0;
  if ((t->kind == CR_TOK_QUOTE ||
       (t->kind == CR_TOK_PUNCT && tlen(t) == 1 &&
        (text[t->span.start] == '(' || text[t->span.start] == '['))) &&
      j + 1 < ntok)
    return (toks[j + 1].flags & CR_TF_CAP) || toks[j + 1].kind == CR_TOK_NUMBER;
  return 0;
}

/* End of a dateline ("BRUSSELS (AP) –", "KYIV, Ukraine (Reuters) —"): the
 * index just past its dash, or 0.  It opens with an all-caps word and
 * reaches a dash within a few tokens; its periods ("ST. LOUIS") never
 * split. */
static size_t dateline_end(const cr_token *toks, size_t ntok) {
  if (ntok < 2 || !(toks[0].flags & CR_TF_UPPER)) return 0;
  for (size_t k = 1; k < ntok && k < 12; k++)
    if (toks[k].kind == CR_TOK_DASH) return k + 1;
  return 0;
}

/* A quote still open at a candidate split keeps the sentence together when
 * it closes later in the paragraph and is not very long: "We have
 * information ... enemies. So they joined," the minister told ... is one
 * reported statement.  A quote that never closes (news style leaves a
 * multi-paragraph quote open) must not swallow the paragraph. */
#define CR_QUOTE_SPAN_MAX 80

/* The close is looked for only within CR_QUOTE_SPAN_MAX tokens of the
 * candidate split: a "not very long" quote closes that soon, and an
 * unbounded look-ahead made a paragraph of quotes that never close cost
 * quadratic time (one scan to the paragraph's end per sentence). */
static int quote_closes_later(const cr_token *toks, size_t ntok, size_t from, int depth) {
  size_t stop = ntok - from > CR_QUOTE_SPAN_MAX ? from + CR_QUOTE_SPAN_MAX : ntok;
  for (size_t k = from; k < stop; k++) {
    if (toks[k].kind != CR_TOK_QUOTE) continue;
    if (toks[k].flags & CR_TF_OPEN) depth++;
    else if (--depth <= 0) return 1;
  }
  return 0;
}

static int emit(const cr_token *toks, size_t b, size_t e, uint32_t base, uint32_t para,
                cr_sentence_vec *out) {
  if (e <= b) return 0;
  cr_sentence s = {{toks[b].span.start, toks[e - 1].span.end}, para, base + (uint32_t)b,
                   base + (uint32_t)e};
  return cr_vec_push(out, s);
}

int cr_split_sentences(const char *text, const cr_token *toks, size_t ntok, uint32_t tok_base,
                       uint32_t para, cr_sentence_vec *out) {
  size_t begin = 0, no_split_before = dateline_end(toks, ntok);
  int depth = 0;
  size_t quote_start = 0;
  size_t k = 0;
  while (k < ntok) {
    const cr_token *t = &toks[k];
    if (t->kind == CR_TOK_QUOTE) {
      if (t->flags & CR_TF_OPEN) {
        if (depth++ == 0) quote_start = k;
      } else if (depth > 0) {
        depth--;
      }
    }
    int cand = is_terminal(text, t) || t->kind == CR_TOK_ELLIPSIS ||
               (t->kind == CR_TOK_ABBREV &&
                abbrev_ends(text, t, k + 1 < ntok ? &toks[k + 1] : NULL));
    if (!cand || k + 1 < no_split_before) {
      k++;
      continue;
    }
    /* Take further stops, closing quotes and brackets into this sentence. */
    size_t j = k + 1;
    while (j < ntok && (is_terminal(text, &toks[j]) || is_close(text, &toks[j]))) {
      if (toks[j].kind == CR_TOK_QUOTE && depth > 0) depth--;
      j++;
    }
    int split = j >= ntok || starts_sentence(text, toks, ntok, j);
    /* "(R-S.C.)", "(D-N.Y.)": a full stop glued to the next word is inside
     * an abbreviation the tokenizer cut in two, not the end of a sentence */
    if (split && j < ntok && j == k + 1 && is_text(text, t, ".") &&
        toks[j].kind != CR_TOK_QUOTE && !(toks[j].flags & CR_TF_SPACE_BEFORE))
      split = 0;
    if (split && j < ntok && depth > 0 && k - quote_start < CR_QUOTE_SPAN_MAX &&
        quote_closes_later(toks, ntok, j, depth))
      split = 0;
    if (split) {
      if (emit(toks, begin, j, tok_base, para, out)) return -1;
      begin = j;
      depth = 0; /* a new sentence starts outside any quote we lost track of */
    }
    k = j;
  }
  if (begin < ntok && emit(toks, begin, ntok, tok_base, para, out)) return -1;
  return 0;
}
