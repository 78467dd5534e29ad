/* text.h — the text layer: UTF-8, normalization, tokens, sentences, stems.
 *
 * Takes: UTF-8 bytes (any bytes, for cr_utf8_repair).
 * Adds:  tokens and sentences as byte spans into the unchanged text, folded
 *        forms and Snowball stems for matching.
 *
 * Every later stage reads text through these functions, so they never
 * allocate per token and never modify the text they are given. */
#ifndef CR_TEXT_H
#define CR_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "crossread.h"
#include "core/buf.h"
#include "core/vec.h"

/* ------------------------------------------------------------ utf8.c */

/* Decodes the code point at s[*i] (n = total length) and advances *i.
 * Invalid or truncated sequences, overlongs and surrogates return -1 and
 * advance by one byte, so a caller can never loop forever. */
int32_t cr_utf8_next(const char *s, size_t n, size_t *i);

/* Writes cp as UTF-8 into out (4 bytes room); returns the length (0 for an
 * invalid code point). */
size_t cr_utf8_encode(int32_t cp, char out[4]);

/* Returns 1 when s[0..n) is valid UTF-8 (no overlongs, no surrogates). */
int cr_utf8_valid(const char *s, size_t n);

/* Copies s[0..n) to out with every invalid sequence replaced by U+FFFD and
 * NUL bytes dropped; returns the number of replacements/drops.
 * Returns (size_t)-1 when out of memory. */
size_t cr_utf8_repair(const char *s, size_t n, cr_buf *out);

/* Number of code points in s[0..n) (invalid bytes count one each). */
size_t cr_utf8_count(const char *s, size_t n);

/* Typographic classes the tokenizer and quote finder need. */
typedef enum cr_char_class {
  CR_CH_OTHER = 0,
  CR_CH_QUOTE_OPEN,   /* “ ‘ « „ ‚ */
  CR_CH_QUOTE_CLOSE,  /* ” » */
  CR_CH_QUOTE_AMBIG,  /* " (straight), and ’ when not an apostrophe */
  CR_CH_APOSTROPHE,   /* ' ’ ʼ between letters */
  CR_CH_DASH,         /* – — ‒ ― − and a spaced hyphen */
  CR_CH_ELLIPSIS      /* … */
} cr_char_class;

/* Class of a code point out of context ("’" is reported as APOSTROPHE;
 * the tokenizer decides from its neighbours whether it closes a quote). */
cr_char_class cr_char_classify(int32_t cp);

/* ------------------------------------------------------------ normalize.c */

/* Appends the matching form of s[0..n) to out: NFC, Unicode case folding,
 * typographic apostrophes to ', dashes to -.  Returns 0, or -1 when out of
 * memory or on a utf8proc error (out then holds a plain lowercase copy). */
int cr_fold(const char *s, size_t n, cr_buf *out);

/* ------------------------------------------------------------ tokenize.c */

typedef enum cr_tok_kind {
  CR_TOK_WORD = 0,  /* letters, with inner apostrophes/hyphens: Morales’s, well-known */
  CR_TOK_NUMBER,    /* 10,000  1.28  33rd  €35  $50  1990s */
  CR_TOK_ABBREV,    /* U.S.  Gen.  Sen.  e.g. (period included) */
  CR_TOK_URL,       /* https://apnews.com/hub/x  www.x.org */
  CR_TOK_EMAIL,
  CR_TOK_PUNCT,     /* . , ; : ! ? ( ) and the like */
  CR_TOK_QUOTE,     /* a quotation mark; CR_TF_OPEN / CR_TF_CLOSE tell which */
  CR_TOK_DASH,      /* – — and " - " */
  CR_TOK_ELLIPSIS,  /* … or ... */
  CR_TOK_SYMBOL     /* anything else: & % | © */
} cr_tok_kind;

enum {
  CR_TF_CAP = 1,        /* first letter upper case */
  CR_TF_UPPER = 2,      /* every letter upper case (and at least two) */
  CR_TF_OPEN = 4,       /* quote that opens */
  CR_TF_CLOSE = 8,      /* quote that closes */
  CR_TF_SPACE_BEFORE = 16, /* whitespace (or paragraph start) precedes */
  CR_TF_NEWLINE_BEFORE = 32 /* a line break precedes */
};

typedef struct cr_token {
  cr_span span;    /* bytes in the text */
  uint8_t kind;    /* cr_tok_kind */
  uint8_t flags;   /* CR_TF_* */
  uint32_t term;   /* vocabulary id of the stem; CR_NO_ID for stop words,
                      punctuation, or before the stem stage ran */
} cr_token;

typedef CR_VEC(cr_token) cr_token_vec;

/* Appends the tokens of text[range.start..range.end) to out; returns 0, or
 * -1 when out of memory. */
int cr_tokenize(const char *text, cr_span range, cr_token_vec *out);

/* ------------------------------------------------------------ sentences.c */

typedef struct cr_sentence {
  cr_span span;              /* bytes, trimmed of surrounding space */
  uint32_t para;             /* index of its paragraph */
  uint32_t tok_begin, tok_end; /* its tokens: [tok_begin, tok_end) */
} cr_sentence;

typedef CR_VEC(cr_sentence) cr_sentence_vec;

/* Splits the tokens toks[0..ntok) of one paragraph into sentences and
 * appends them to out (para and token indexes are relative to tok_base:
 * tok_begin = tok_base + local index).  Survives abbreviations, initials,
 * decimals, ellipses inside sentences, closing quotes after the final
 * punctuation (…war,” he said.), and datelines (BRUSSELS (AP) –).
 * A paragraph without final punctuation is one sentence. */
int cr_split_sentences(const char *text, const cr_token *toks, size_t ntok,
                       uint32_t tok_base, uint32_t para, cr_sentence_vec *out);

/* ------------------------------------------------------------ stem.c */

typedef struct cr_stemmer cr_stemmer;

/* English Snowball stemmer; NULL when out of memory. Not thread-safe: use
 * one per corpus. */
cr_stemmer *cr_stemmer_new(void);
void cr_stemmer_free(cr_stemmer *s);
/* Stems a folded (lower-case) word; the result is valid until the next call.
 * *outlen receives its length. */
const char *cr_stem(cr_stemmer *s, const char *word, size_t n, size_t *outlen);

/* ------------------------------------------------------------ stopwords.c */

/* 1 when the folded word is an English stop word (function words,
 * pronouns, auxiliaries: the, of, it, would ...). */
int cr_is_stopword(const char *folded, size_t n);

/* The i-th word of the stop list (sorted bytewise), NULL past its end; for
 * tests and documentation output. */
const char *cr_stopword_at(size_t i);

#endif
