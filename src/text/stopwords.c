/* stopwords.c — English function words that carry no topic.
 *
 * Sentence similarity and term weighting would otherwise be dominated by
 * "the" and "would".  "said" is kept on purpose: reporting verbs belong to
 * the quote layer, not to this list.  The list is the Snowball English stop list plus
 * contractions with both apostrophe forms folded to '.  It is a const sorted
 * array searched by bisection: no state, no initialisation. */
#include <string.h>

#include "text/text.h"

/* Sorted by strcmp (bytewise); tests check the order. */
static const char *const cr_stopwords[] = {
    "a", "about", "above", "after", "again", "against", "ain't", "all", "am",
    "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can",
    "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "down", "during", "each", "few", "for",
    "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't",
    "having", "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers",
    "herself", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll",
    "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its",
    "itself", "let's", "me", "more", "most", "mustn't", "my", "myself", "no",
    "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought",
    "our", "ours", "ourselves", "out", "over", "own", "same", "shan't", "she",
    "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such",
    "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
    "then", "there", "there's", "these", "they", "they'd", "they'll",
    "they're", "they've", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're",
    "we've", "were", "weren't", "what", "what's", "when", "when's", "where",
    "where's", "which", "while", "who", "who's", "whom", "why", "why's",
    "will", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll",
    "you're", "you've", "your", "yours", "yourself", "yourselves"};

/* Compares a counted string with a C string the way strcmp orders them. */
static int cmp_counted(const char *a, size_t n, const char *b) {
  size_t bn = strlen(b);
  int c = memcmp(a, b, n < bn ? n : bn);
  if (c) return c;
  return n < bn ? -1 : n > bn;
}

int cr_is_stopword(const char *folded, size_t n) {
  /* No stop word is longer than 10 bytes; skip the search for long words. */
  if (n == 0 || n > 10) return 0;
  size_t lo = 0, hi = sizeof cr_stopwords / sizeof *cr_stopwords;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_counted(folded, n, cr_stopwords[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

/* For tests: the list and its size, to check it stays sorted. */
const char *const *cr_stopword_list(size_t *n) {
  *n = sizeof cr_stopwords / sizeof *cr_stopwords;
  return cr_stopwords;
}
