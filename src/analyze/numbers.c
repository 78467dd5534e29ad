/* numbers.c — quantities: "10,000 troops", "1.28 million active troops",
 * "€35 billion", "two-and-a-half years", "33rd", "46 percent".
 *
 * Each number gets its value (scale words applied), its unit or currency
 * and the noun it counts, so reports can be compared on the quantity
 * rather than on how it was written.  Years and the day numbers of dates
 * are left to dates.c. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

/* Most words a counted noun phrase may take ("active troops"). */
#define CR_NOUN_MAX_WORDS 2

typedef struct word_val {
  const char *w;
  double v;
} word_val;

/* Sorted for bsearch. */
static const word_val number_words[] = {
    {"dozen", 12},  {"eight", 8},    {"eighteen", 18}, {"eighty", 80},
    {"eleven", 11}, {"fifteen", 15}, {"fifty", 50},    {"five", 5},
    {"forty", 40},  {"four", 4},     {"fourteen", 14}, {"nine", 9},
    {"nineteen", 19}, {"ninety", 90}, {"one", 1},      {"seven", 7},
    {"seventeen", 17}, {"seventy", 70}, {"six", 6},    {"sixteen", 16},
    {"sixty", 60},  {"ten", 10},     {"thirteen", 13}, {"thirty", 30},
    {"three", 3},   {"twelve", 12},  {"twenty", 20},   {"two", 2}};
static const word_val ordinal_words[] = {
    {"eighth", 8}, {"fifth", 5}, {"first", 1}, {"fourth", 4}, {"ninth", 9},
    {"second", 2}, {"seventh", 7}, {"sixth", 6}, {"tenth", 10}, {"third", 3}};
static const word_val scales[] = {
    {"billion", 1e9}, {"bn", 1e9},  {"hundred", 100}, {"m", 1e6},
    {"million", 1e6}, {"mln", 1e6}, {"thousand", 1e3}, {"trillion", 1e12}};
static const struct {
  const char *w, *unit;
} unit_words[] = {{"dollars", "USD"}, {"euros", "EUR"}, {"percent", "%"},
                  {"pounds", "GBP"},  {"yen", "JPY"}};
static const char *const months[] = {"apr", "april", "aug", "august", "dec",
                                     "december", "feb", "february", "jan",
                                     "january", "jul", "july", "jun", "june",
                                     "mar", "march", "may", "nov", "november",
                                     "oct", "october", "sep", "sept",
                                     "september"};

static int wv_cmp(const void *k, const void *e) {
  return strcmp((const char *)k, ((const word_val *)e)->w);
}

static const word_val *wv_find(const word_val *t, size_t n, const char *w) {
  return bsearch(w, t, n, sizeof *t, wv_cmp);
}
#define WV(t, w) wv_find(t, sizeof t / sizeof *t, w)

/* "two-and-a-half", "twenty-five", "two": a value, or -1. */
static double parse_words(const char *w) {
  char buf[64];
  size_t n = strlen(w);
  if (n >= sizeof buf) return -1;
  memcpy(buf, w, n + 1);
  double v = 0;
  int any = 0;
  char *save = NULL;
  for (char *p = strtok_r(buf, "-", &save); p; p = strtok_r(NULL, "-", &save)) {
    const word_val *e = WV(number_words, p);
    if (e) {
      v += e->v;
      any = 1;
    } else if (!strcmp(p, "half") && any) {
      v += 0.5;
    } else if (strcmp(p, "and") && strcmp(p, "a")) {
      return -1;
    }
  }
  return any ? v : -1;
}

/* "€35", "10,000", "1.28", "33rd": value, currency, ordinal flag. */
static int parse_numeral(const char *s, size_t n, double *v, const char **unit,
                         uint8_t *ordinal) {
  size_t i = 0;
  *unit = NULL;
  *ordinal = 0;
  if (n >= 1 && s[0] == '$') *unit = "USD", i = 1;
  else if (n >= 2 && !memcmp(s, "\xc2\xa3", 2)) *unit = "GBP", i = 2;
  else if (n >= 3 && !memcmp(s, "\xe2\x82\xac", 3)) *unit = "EUR", i = 3;
  else if (n >= 2 && !memcmp(s, "\xc2\xa5", 2)) *unit = "JPY", i = 2;
  double val = 0, frac = 0.1;
  int digits = 0, dot = 0;
  for (; i < n; i++) {
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      if (dot) {
        val += (ch - '0') * frac;
        frac /= 10;
      } else {
        val = val * 10 + (ch - '0');
      }
      digits++;
    } else if (ch == ',' && !dot) {
      continue;
    } else if (ch == '.' && !dot) {
      dot = 1;
    } else {
      break;
    }
  }
  if (!digits) return 0;
  const char *rest = s + i;
  size_t rn = n - i;
  if (rn == 2 && (!memcmp(rest, "st", 2) || !memcmp(rest, "nd", 2) ||
                  !memcmp(rest, "rd", 2) || !memcmp(rest, "th", 2)))
    *ordinal = 1;
  else if (rn == 1 && (*rest == 'm' || *rest == 'M')) val *= 1e6;
  else if (rn == 2 && (!memcmp(rest, "bn", 2))) val *= 1e9;
  else if (rn == 1 && *rest == '%') *unit = "%";
  *v = val;
  return 1;
}

/* Capitalised words between a number and its noun are names qualifying
 * it ("North Korean", "EU", "NATO"): at most CR_NOUN_MAX_WORDS + 1 of
 * them are skipped, and only when a lower-case word follows (else the
 * number is followed by a name, not a noun).  Returns the first token of
 * the noun. */
static uint32_t skip_name_modifiers(const cr_doc *d, uint32_t j, uint32_t e) {
  uint32_t k = j;
  while (k < e && k < j + CR_NOUN_MAX_WORDS + 1 && d->toks[k].kind == CR_TOK_WORD &&
         (d->toks[k].flags & (CR_TF_CAP | CR_TF_UPPER)))
    k++;
  if (k == j || k >= e || d->toks[k].kind != CR_TOK_WORD ||
      (d->toks[k].flags & (CR_TF_CAP | CR_TF_UPPER)))
    return j;
  return k;
}

/* "country entered", "leaders met", "years ago", "three barely": a
 * second word that is a past tense (ends in -ed, or a common irregular
 * one: a verb after the noun), an adverb in -ly, or "ago" is not part
 * of the counted noun. */
static int not_noun(const char *w, int second) {
  /* irregular past tenses news uses after a subject ("27 leaders met") */
  static const char *const past[] = {"began", "brought", "came", "fell", "fled", "fought",
                                     "gave", "got", "held", "kept", "led", "left", "lost",
                                     "made", "met", "ran", "rose", "sent", "spent", "stood",
                                     "took", "went", "won"};
  static const char *const ly_nouns[] = {"anomaly", "assembly", "family", "monopoly",
                                         "supply"};
  size_t n = strlen(w);
  if (!strcmp(w, "ago")) return 1;
  if (n > 5 && !strcmp(w + n - 2, "ly")) { /* "three barely made": an adverb */
    for (size_t i = 0; i < sizeof ly_nouns / sizeof *ly_nouns; i++)
      if (!strcmp(w, ly_nouns[i])) return 0;
    return 1;
  }
  if (!second) return 0;
  for (size_t i = 0; i < sizeof past / sizeof *past; i++)
    if (!strcmp(w, past[i])) return 1;
  return n > 4 && !strcmp(w + n - 2, "ed");
}

/* The unit of a duration word ("years" -> "years"), or NULL. */
static const char *time_unit(const char *w) {
  static const char *const units[] = {"seconds", "minutes", "hours", "days", "weeks",
                                      "months", "years", "decades", "centuries"};
  static const char *const one[] = {"second", "minute", "hour", "day", "week",
                                    "month", "year", "decade", "century"};
  for (size_t i = 0; i < sizeof units / sizeof *units; i++)
    if (!strcmp(w, units[i]) || !strcmp(w, one[i])) return units[i];
  return NULL;
}

static int lower(const cr_doc *d, uint32_t i, char *buf, size_t cap) {
  return i < d->ntoks && cr_tok_lower(d, &d->toks[i], buf, cap) > 0;
}

int cr_find_numbers(const cr_doc *d, cr_number_vec *out) {
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = d->paras[se->para].kind;
    if (pk != CR_PARA_BODY && pk != CR_PARA_TITLE) continue;
    for (uint32_t i = se->tok_begin; i < se->tok_end; i++) {
      const cr_token *t = &d->toks[i];
      char w[64], nx[32];
      cr_number num;
      memset(&num, 0, sizeof num);
      num.span = t->span;
      if (t->kind == CR_TOK_NUMBER) {
        const char *p = d->text + t->span.start;
        size_t n = t->span.end - t->span.start;
        if (!parse_numeral(p, n, &num.value, &num.unit, &num.ordinal)) continue;
        /* years and day numbers belong to dates */
        if (!num.unit && !num.ordinal && num.value >= 1800 && num.value <= 2100 &&
            n == 4)
          continue;
        if (i > se->tok_begin && lower(d, i - 1, w, sizeof w) &&
            cr_tok_in(d, &d->toks[i - 1], months, sizeof months / sizeof *months))
          continue;
        if (i + 1 < se->tok_end && cr_tok_in(d, &d->toks[i + 1], months,
                                             sizeof months / sizeof *months))
          continue;
      } else if (t->kind == CR_TOK_WORD && !(t->flags & CR_TF_UPPER) &&
                 strchr("defnostDEFNOST", d->text[t->span.start]) &&
                 lower(d, i, w, sizeof w)) {
        /* number words all start with one of d e f n o s t */
        const word_val *o = WV(ordinal_words, w);
        double v = parse_words(w);
        if (o) {
          /* "first" is usually not a count; keep "third", "33rd" */
          if (o->v < 2) continue;
          num.value = o->v;
          num.ordinal = 1;
        } else if (v >= 0 && strcmp(w, "one")) {
          num.value = v;
        } else {
          continue;
        }
      } else {
        continue;
      }
      uint32_t j = i + 1;
      /* "two and a half" as separate words */
      if (!num.ordinal && j + 2 < se->tok_end && cr_tok_is(d, &d->toks[j], "and") &&
          cr_tok_is(d, &d->toks[j + 1], "a") && cr_tok_is(d, &d->toks[j + 2], "half")) {
        num.value += 0.5;
        j += 3;
      }
      if (j < se->tok_end && lower(d, j, nx, sizeof nx)) {
        const word_val *sc = WV(scales, nx);
        if (sc && !num.ordinal) {
          num.value *= sc->v;
          j++;
        }
      }
      if (j < se->tok_end && d->text[d->toks[j].span.start] == '%') {
        num.unit = "%";
        j++;
      } else if (j < se->tok_end && lower(d, j, nx, sizeof nx)) {
        for (size_t u = 0; u < sizeof unit_words / sizeof *unit_words; u++)
          if (!strcmp(nx, unit_words[u].w)) {
            num.unit = unit_words[u].unit;
            j++;
            break;
          }
        if (j + 1 < se->tok_end && cr_tok_is(d, &d->toks[j], "per") &&
            cr_tok_is(d, &d->toks[j + 1], "cent")) {
          num.unit = "%";
          j += 2;
        }
      }
      num.span.end = d->toks[j - 1].span.end;
      /* the counted noun: up to two lower-case content words, after the
       * names that qualify it ("10,000 North Korean soldiers", "27 EU
       * leaders") */
      uint32_t n0 = skip_name_modifiers(d, j, se->tok_end);
      uint32_t k = n0;
      while (k < se->tok_end && k < n0 + CR_NOUN_MAX_WORDS) {
        const cr_token *u = &d->toks[k];
        char uw[32];
        if (u->kind != CR_TOK_WORD || (u->flags & CR_TF_CAP) ||
            !cr_tok_lower(d, u, uw, sizeof uw) || cr_is_stopword(uw, strlen(uw)) ||
            cr_cue_lookup(uw, strlen(uw)) || not_noun(uw, k > n0))
          break;
        k++;
        /* "two-and-a-half years": a duration's unit is the time word */
        const char *tu = time_unit(uw);
        if (tu && k == n0 + 1) {
          if (!num.unit) num.unit = tu;
          break;
        }
      }
      if (k > n0) {
        num.noun.start = d->toks[n0].span.start;
        num.noun.end = d->toks[k - 1].span.end;
      }
      if (cr_vec_push(out, num)) return -1;
      i = j - 1;
    }
  }
  return 0;
}
