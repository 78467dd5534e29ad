/* tokenize.c — news text to typed byte spans.
 *
 * Tokens never copy text: each is a span into the caller's buffer plus a
 * kind and a few flags, so later stages can quote the exact bytes a report
 * used.  The scanner is a single left-to-right pass.  ASCII, which is most
 * of English news, is classified with one table load per byte; only bytes
 * >= 0x80 are decoded and looked up in utf8proc's category table.
 *
 * The hard cases are the ones news copy is full of: abbreviations whose
 * period is not a full stop (U.S., Sen., Oct.), apostrophes that are not
 * quotes (Morales’s, allies’), numbers with separators (10,000  €35),
 * and straight quotes whose direction must be guessed from their
 * neighbours. */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "core/strmap.h"
#include "text/text.h"

/* Character classes the scanner cares about. */
enum {
  C_OTHER = 0,
  C_LOWER, /* lower-case letter */
  C_UPPER, /* upper- or title-case letter */
  C_LETTER, /* caseless letter (CJK, Arabic, modifier letters) */
  C_MARK,  /* combining mark: continues whatever it follows */
  C_DIGIT,
  C_SPACE,
  C_NEWLINE
};

#define IS_ALNUM(c) ((c) >= C_LOWER && (c) <= C_DIGIT)
#define IS_ALPHA(c) ((c) >= C_LOWER && (c) <= C_MARK)

/* ASCII classes, built once by the compiler: no runtime init, no ctype
 * locale surprises. */
static const unsigned char cr_ascii_class[128] = {
    ['\t'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE, ['\n'] = C_NEWLINE,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT,
    ['4'] = C_DIGIT, ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT,
    ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER,
    ['E'] = C_UPPER, ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER,
    ['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
    ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER,
    ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
    ['Y'] = C_UPPER, ['Z'] = C_UPPER,
    ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
    ['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER,
    ['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
    ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER,
    ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
    ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
    ['y'] = C_LOWER, ['z'] = C_LOWER};

/* Class of a non-ASCII code point (cp < 0 is an invalid byte). */
static int uclass(int32_t cp) {
  if (cp < 0) return C_OTHER;
  /* Zero-width space, BOM and word joiner separate words but are invisible;
   * the soft hyphen sits inside words. */
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) return C_SPACE;
  if (cp == 0x00AD) return C_MARK;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085) return C_NEWLINE;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return C_UPPER;
    case UTF8PROC_CATEGORY_LL: return C_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return C_MARK;
    case UTF8PROC_CATEGORY_ND: return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return C_NEWLINE;
    default: return C_OTHER;
  }
}

/* Scanner state for one range.  Quote depths let an apostrophe-like mark
 * after "s" close a quote that a ‘ or ' opened, and let an isolated
 * straight " alternate between opening and closing. */
typedef struct scanner {
  const char *s;
  size_t end;
  int dq_open; /* a straight " is open */
  int sq_open; /* single quotes open (‘ or ') */
} scanner;

/* The code point at i with its length; an out-of-range i reads as -2 so
 * look-ahead needs no bounds checks at the call sites. */
static inline int32_t peek(const scanner *sc, size_t i, size_t *len) {
  if (i >= sc->end) {
    *len = 0;
    return -2;
  }
  unsigned char b = (unsigned char)sc->s[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  size_t j = i;
  int32_t cp = cr_utf8_next(sc->s, sc->end, &j);
  *len = j - i;
  return cp;
}

static inline int cls(int32_t cp) {
  if (cp == -2) return C_SPACE; /* the range end behaves like a space */
  return cp >= 0 && cp < 0x80 ? cr_ascii_class[cp] : uclass(cp);
}

static inline int cls_at(const scanner *sc, size_t i) {
  size_t l;
  return cls(peek(sc, i, &l));
}

static inline int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static inline int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

/* Letter statistics gathered while a word is scanned, for CAP / UPPER. */
typedef struct letters {
  unsigned n, upper, first; /* first: class of the first letter */
} letters;

static inline void count_letter(letters *lt, int c) {
  if (c == C_LOWER || c == C_UPPER || c == C_LETTER) {
    if (!lt->n) lt->first = (unsigned)c;
    lt->n++;
    lt->upper += c == C_UPPER;
  }
}

/* Scans letters, digits and marks from i, crossing an apostrophe or hyphen
 * only when an alphanumeric follows: "don't", "O'Brien", "D-Oregon",
 * "two-and-a-half" are one word; "Ukraine -" and "'em" are not. */
static size_t scan_word(const scanner *sc, size_t i, letters *lt) {
  const char *s = sc->s;
  for (;;) {
    while (i < sc->end && (unsigned char)s[i] < 0x80 &&
           IS_ALNUM(cr_ascii_class[(unsigned char)s[i]])) {
      count_letter(lt, cr_ascii_class[(unsigned char)s[i]]);
      i++;
    }
    size_t l, l2;
    int32_t cp = peek(sc, i, &l);
    if (cp == -2) return i;
    int c = cls(cp);
    if (IS_ALNUM(c)) {
      count_letter(lt, c);
      i += l;
      continue;
    }
    if (is_apos(cp) && IS_ALPHA(cls(peek(sc, i + l, &l2)))) {
      i += l;
      continue;
    }
    if (is_hyphen(cp) && IS_ALNUM(cls(peek(sc, i + l, &l2)))) {
      i += l;
      continue;
    }
    return i;
  }
}

/* Abbreviations whose period is not a full stop.  Case matters: "No." is a
 * title before a number but "no." ends "he said no."; lower-case entries
 * also match with a capital first letter ("Etc." at a clause start). */
static const char *const cr_abbrevs[] = {
    "Adm", "Apr", "Aug", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col",
    "Corp", "Dec", "Det", "Dr", "Feb", "Ft", "Gen", "Gov", "Hon", "Inc",
    "Jan", "Jr", "Lt", "Ltd", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "No",
    "Nov", "Oct", "Prof", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept",
    "Sgt", "Sr", "St", "Supt", "al", "approx", "cf", "est", "etc", "vs"};

static int is_abbrev_word(const char *w, size_t n) {
  if (n > 6) return 0;
  for (size_t k = 0; k < sizeof cr_abbrevs / sizeof *cr_abbrevs; k++) {
    const char *a = cr_abbrevs[k];
    if (strlen(a) != n) continue;
    if (!memcmp(a, w, n)) return 1;
    if (a[0] >= 'a' && w[0] == a[0] - 32 && !memcmp(a + 1, w + 1, n - 1)) return 1;
  }
  return 0;
}

/* Length of letter-period pairs from i: "U.S." "e.g." "a.m." (>= 2 pairs).
 * Returns 0 when the pattern does not hold. */
static size_t scan_dotted(const scanner *sc, size_t i) {
  size_t j = i, pairs = 0;
  while (j + 1 < sc->end) {
    unsigned char c = (unsigned char)sc->s[j];
    int k = c < 0x80 ? cr_ascii_class[c] : C_OTHER;
    if ((k != C_UPPER && k != C_LOWER) || sc->s[j + 1] != '.') break;
    j += 2;
    pairs++;
  }
  /* "U.S.A" without the final dot still counts up to its last dot. */
  return pairs >= 2 ? j - i : 0;
}

/* URL starts: scheme or www. (case-insensitive, ASCII). */
static int url_start(const scanner *sc, size_t i) {
  size_t left = sc->end - i;
  const char *p = sc->s + i;
  if (left >= 8 && !strncasecmp(p, "https://", 8)) return 1;
  if (left >= 7 && !strncasecmp(p, "http://", 7)) return 1;
  if (left >= 5 && !strncasecmp(p, "www.", 4) && !((unsigned char)p[4] & 0x80) &&
      IS_ALNUM(cr_ascii_class[(unsigned char)p[4]]))
    return 1;
  return 0;
}

/* A URL runs to whitespace or a quote; trailing sentence punctuation and an
 * unbalanced closing paren belong to the prose, not the address. */
static size_t scan_url(const scanner *sc, size_t i) {
  size_t j = i;
  int depth = 0;
  while (j < sc->end) {
    size_t l;
    int32_t cp = peek(sc, j, &l);
    int c = cls(cp);
    if (c == C_SPACE || c == C_NEWLINE || cp < 0 || cp == '"' || cp == '<' || cp == '>') break;
    if (cp >= 0x80 && cr_char_classify(cp) != CR_CH_OTHER) break;
    if (cp == '(') depth++;
    if (cp == ')') depth--;
    j += l;
  }
  while (j > i) {
    char c = sc->s[j - 1];
    if (c == ')' && depth < 0) {
      depth++;
      j--;
    } else if (strchr(".,;:!?'", c)) {
      j--;
    } else {
      break;
    }
  }
  return j;
}

static inline int email_local(unsigned char c) {
  return c < 0x80 && (IS_ALNUM(cr_ascii_class[c]) || c == '.' || c == '_' || c == '%' ||
                      c == '+' || c == '-');
}

/* An address is local@label(.label)+ in ASCII; returns its end or 0. */
static size_t scan_email(const scanner *sc, size_t i) {
  const char *s = sc->s;
  size_t j = i;
  while (j < sc->end && email_local((unsigned char)s[j])) j++;
  if (j == i || j >= sc->end || s[j] != '@' || s[j - 1] == '.') return 0;
  j++;
  size_t labels = 0, last_ok = 0;
  for (;;) {
    size_t b = j;
    while (j < sc->end && (unsigned char)s[j] < 0x80 &&
           (IS_ALNUM(cr_ascii_class[(unsigned char)s[j]]) || s[j] == '-'))
      j++;
    if (j == b) break;
    labels++;
    last_ok = j;
    if (j + 1 < sc->end && s[j] == '.' && (unsigned char)s[j + 1] < 0x80 &&
        IS_ALNUM(cr_ascii_class[(unsigned char)s[j + 1]]))
      j++;
    else
      break;
  }
  return labels >= 2 ? last_ok : 0;
}

/* 1 when s[j..end) opens with exactly two digits (an optional "s" after
 * them): the year after an elision mark ("'08", "'80s"). */
static int elided_year(const char *s, size_t j, size_t end) {
  if (j + 2 > end || s[j] < '0' || s[j] > '9' || s[j + 1] < '0' || s[j + 1] > '9') return 0;
  size_t k = j + 2;
  if (k < end && s[k] == 's') k++;
  return k >= end || !((unsigned char)s[k] < 0x80 && IS_ALNUM(cr_ascii_class[(unsigned char)s[k]]));
}

/* A number: digits with , or . groups (10,000  1.28), an hh:mm time, and a
 * letter suffix (33rd 1990s 5pm).  A following hyphen-word makes the whole
 * thing a word ("10-year-old"); *kind reports which. */
static size_t scan_number(const scanner *sc, size_t i, letters *lt, int *kind) {
  const char *s = sc->s;
  size_t e = sc->end;
  while (i < e && s[i] >= '0' && s[i] <= '9') i++;
  while (i + 1 < e && (s[i] == ',' || s[i] == '.' || s[i] == ':') && s[i + 1] >= '0' &&
         s[i + 1] <= '9') {
    i++;
    while (i < e && s[i] >= '0' && s[i] <= '9') i++;
  }
  while (i < e && (unsigned char)s[i] < 0x80 &&
         (cr_ascii_class[(unsigned char)s[i]] == C_LOWER ||
          cr_ascii_class[(unsigned char)s[i]] == C_UPPER)) {
    count_letter(lt, cr_ascii_class[(unsigned char)s[i]]);
    i++;
  }
  *kind = CR_TOK_NUMBER;
  if (i + 1 < e && s[i] == '-' && (unsigned char)s[i + 1] < 0x80 &&
      (cr_ascii_class[(unsigned char)s[i + 1]] == C_LOWER ||
       cr_ascii_class[(unsigned char)s[i + 1]] == C_UPPER)) {
    *kind = CR_TOK_WORD;
    i = scan_word(sc, i, lt);
  }
  return i;
}

/* Whether a quote at [i, j) opens: space or an opening bracket before and
 * a non-space after means open; the reverse means close; otherwise the
 * running parity of that quote kind decides. */
static int quote_opens(const scanner *sc, size_t i, size_t j, int was_space, int open_now) {
  int before = was_space;
  if (!before && i > 0) {
    unsigned char p = (unsigned char)sc->s[i - 1];
    before = p == '(' || p == '[' || p == '{' || p == '-' || p == '/';
    if (p >= 0x80) {
      /* a dash or another opening quote before it: “‘ or — " */
      size_t k = i - 1;
      while (k > 0 && ((unsigned char)sc->s[k] & 0xC0) == 0x80) k--;
      size_t kk = k;
      int32_t cp = cr_utf8_next(sc->s, sc->end, &kk);
      cr_char_class cc = cr_char_classify(cp);
      before = cc == CR_CH_DASH || cc == CR_CH_QUOTE_OPEN;
    }
  }
  size_t l;
  int32_t n = peek(sc, j, &l);
  int nc = cls(n);
  int after = nc == C_SPACE || nc == C_NEWLINE ||
              (n >= 0 && n < 0x80 && strchr(".,;:!?)]}", (int)n) && n != 0);
  if (n >= 0x80 && (cr_char_classify(n) == CR_CH_QUOTE_CLOSE || cr_char_classify(n) == CR_CH_DASH))
    after = 1;
  if (before && !after) return 1;
  if (after && !before) return 0;
  return !open_now;
}

/* Scans one token at i (not whitespace); sets *kind and updates letters. */
static size_t scan_token(scanner *sc, size_t i, int was_space, letters *lt, int *kind, int *qflags) {
  const char *s = sc->s;
  size_t l, l2;
  int32_t cp = peek(sc, i, &l);
  int c = cls(cp);
  *qflags = 0;

  if ((cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') && url_start(sc, i)) {
    *kind = CR_TOK_URL;
    return scan_url(sc, i);
  }
  if (c == C_DIGIT || IS_ALPHA(c)) {
    size_t j;
    if (c == C_DIGIT && cp < 0x80) {
      j = scan_number(sc, i, lt, kind);
    } else {
      /* U.S. / e.g. first: "U" alone would become an initial. */
      size_t d = cp < 0x80 ? scan_dotted(sc, i) : 0;
      if (d) {
        for (size_t k = i; k < i + d; k += 2) count_letter(lt, cr_ascii_class[(unsigned char)s[k]]);
        *kind = CR_TOK_ABBREV;
        return i + d;
      }
      j = scan_word(sc, i, lt);
      *kind = c == C_DIGIT ? CR_TOK_NUMBER : CR_TOK_WORD;
    }
    if (j < sc->end && cp < 0x80 && strchr("@._+%-", s[j]) && s[j]) {
      size_t m = scan_email(sc, i);
      if (m) {
        *kind = CR_TOK_EMAIL;
        return m;
      }
    }
    if (*kind == CR_TOK_WORD && j < sc->end && s[j] == '.') {
      /* An initial (J.) or a listed abbreviation keeps its period; "No."
       * only before a number, or "he said no." would lose its stop. */
      size_t wl = j - i;
      int initial = wl == 1 && cls(cp) == C_UPPER && cp < 0x80;
      if (initial || is_abbrev_word(s + i, wl)) {
        int ok = 1;
        if (wl == 2 && (s[i] == 'N' || s[i] == 'n') && s[i + 1] == 'o') {
          size_t k = j + 1;
          while (k < sc->end && s[k] == ' ') k++;
          ok = k < sc->end && s[k] >= '0' && s[k] <= '9';
        }
        if (ok && !(j + 2 < sc->end && s[j + 1] == '.' && s[j + 2] == '.')) {
          *kind = CR_TOK_ABBREV;
          return j + 1;
        }
      }
    }
    /* Plural possessive: "allies’ summit" — the mark after s is an
     * apostrophe unless a single quote is open and this closes it. */
    if (*kind == CR_TOK_WORD && j > i && (s[j - 1] == 's' || s[j - 1] == 'S') && !sc->sq_open) {
      int32_t a = peek(sc, j, &l);
      if (is_apos(a) && !IS_ALNUM(cls(peek(sc, j + l, &l2)))) return j + l;
    }
    return j;
  }

  /* Currency prefix: "€35 billion" and "$50" are one amount. */
  if ((cp == '$' || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC)) &&
      i + l < sc->end && s[i + l] >= '0' && s[i + l] <= '9') {
    return scan_number(sc, i + l, lt, kind);
  }

  /* An elided year ("in ‘08", "the '80s"): the mark is an apostrophe
   * of the number, not a quotation mark that would open and swallow the
   * rest of the paragraph (its speech verbs would read as quoted words). */
  if ((cp == 0x2018 || is_apos(cp)) && elided_year(s, i + l, sc->end))
    return scan_number(sc, i + l, lt, kind);

  cr_char_class cc = cp >= 0 ? cr_char_classify(cp) : CR_CH_OTHER;
  switch (cc) {
    case CR_CH_QUOTE_OPEN:
      *kind = CR_TOK_QUOTE;
      *qflags = CR_TF_OPEN;
      if (cp == 0x2018) sc->sq_open++;
      return i + l;
    case CR_CH_QUOTE_CLOSE:
      *kind = CR_TOK_QUOTE;
      *qflags = CR_TF_CLOSE;
      return i + l;
    case CR_CH_QUOTE_AMBIG:
      *kind = CR_TOK_QUOTE;
      if (quote_opens(sc, i, i + l, was_space, sc->dq_open)) {
        *qflags = CR_TF_OPEN;
        sc->dq_open = 1;
      } else {
        *qflags = CR_TF_CLOSE;
        sc->dq_open = 0;
      }
      return i + l;
    case CR_CH_APOSTROPHE:
      /* Not inside a word (scan_word took those): a single quote. */
      *kind = CR_TOK_QUOTE;
      if (quote_opens(sc, i, i + l, was_space, sc->sq_open > 0)) {
        *qflags = CR_TF_OPEN;
        sc->sq_open++;
      } else {
        *qflags = CR_TF_CLOSE;
        if (sc->sq_open) sc->sq_open--;
      }
      return i + l;
    case CR_CH_DASH:
      *kind = CR_TOK_DASH;
      return i + l;
    case CR_CH_ELLIPSIS:
      *kind = CR_TOK_ELLIPSIS;
      return i + l;
    default: break;
  }
  if (cp == '.') {
    /* "..." and ". . ." are an ellipsis, not three full stops. */
    if (i + 2 < sc->end && s[i + 1] == '.' && s[i + 2] == '.') {
      size_t j = i + 3;
      while (j < sc->end && s[j] == '.') j++;
      *kind = CR_TOK_ELLIPSIS;
      return j;
    }
    if (i + 4 < sc->end && s[i + 1] == ' ' && s[i + 2] == '.' && s[i + 3] == ' ' && s[i + 4] == '.') {
      *kind = CR_TOK_ELLIPSIS;
      return i + 5;
    }
    *kind = CR_TOK_PUNCT;
    return i + 1;
  }
  if (cp == '-') {
    /* A spaced hyphen or "--" is typed where a dash was meant. */
    if (i + 1 < sc->end && s[i + 1] == '-') {
      size_t j = i + 2;
      while (j < sc->end && s[j] == '-') j++;
      *kind = CR_TOK_DASH;
      return j;
    }
    int after = cls_at(sc, i + 1);
    *kind = was_space && (after == C_SPACE || after == C_NEWLINE) ? CR_TOK_DASH : CR_TOK_PUNCT;
    return i + 1;
  }
  if (cp < 0) {
    *kind = CR_TOK_SYMBOL; /* an invalid byte: keep it visible, one byte */
    return i + l;
  }
  if (cp < 0x80) {
    *kind = strchr(".,;:!?()[]{}/\\*#@_", (int)cp) && cp ? CR_TOK_PUNCT : CR_TOK_SYMBOL;
    return i + 1;
  }
  utf8proc_category_t cat = utf8proc_category(cp);
  *kind = cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO ? CR_TOK_PUNCT : CR_TOK_SYMBOL;
  return i + l;
}

int cr_tokenize(const char *text, cr_span range, cr_token_vec *out) {
  scanner sc = {text, range.end, 0, 0};
  size_t i = range.start;
  int space = 1, newline = 0;
  while (i < sc.end) {
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
      int c = cr_ascii_class[b];
      if (c == C_SPACE) {
        space = 1;
        i++;
        continue;
      }
      if (c == C_NEWLINE) {
        space = newline = 1;
        i++;
        continue;
      }
    } else {
      size_t l;
      int c = cls(peek(&sc, i, &l));
      if (c == C_SPACE || c == C_NEWLINE) {
        space = 1;
        newline |= c == C_NEWLINE;
        i += l;
        continue;
      }
    }
    letters lt = {0, 0, 0};
    int kind = CR_TOK_SYMBOL, qflags = 0;
    size_t j = scan_token(&sc, i, space, &lt, &kind, &qflags);
    if (j <= i) j = i + 1; /* never stall, whatever the scanner decided */
    unsigned flags = (unsigned)qflags;
    if (space) flags |= CR_TF_SPACE_BEFORE;
    if (newline) flags |= CR_TF_NEWLINE_BEFORE;
    if (lt.first == C_UPPER) flags |= CR_TF_CAP;
    if (lt.n >= 2 && lt.upper == lt.n) flags |= CR_TF_UPPER;
    cr_token t = {{(uint32_t)i, (uint32_t)j}, (uint8_t)kind, (uint8_t)flags, CR_NO_ID};
    if (cr_vec_push(out, t)) return -1;
    i = j;
    space = newline = 0;
  }
  return 0;
}
