/* stopwords.c — English function words that carry no topic.
 *
 * Sentence similarity and term weighting would otherwise be dominated by
 * "the" and "would".  "said" is kept on purpose: reporting verbs belong to
 * the quote layer, not to this list.  The list is the Snowball English stop list plus
 * contractions with both apostrophe forms folded to '.  It is a const sorted
 * array searched by bisection: no state, no initialisation. */
#include <string.h>

#include "text/text.h"

/* An entry with its length, so lookups never call strlen. */
typedef struct stopword {
  const char *w;
  unsigned char n;
} stopword;
#define W(s) {s, sizeof s - 1}

/* Sorted by strcmp (bytewise); tests check the order. */
static const stopword cr_stopwords[] = {
    W("a"), W("about"), W("above"), W("after"), W("again"), W("against"),
    W("ain't"), W("all"), W("am"), W("an"), W("and"), W("any"), W("are"),
    W("aren't"), W("as"), W("at"), W("be"), W("because"), W("been"),
    W("before"), W("being"), W("below"), W("between"), W("both"), W("but"),
    W("by"), W("can"), W("can't"), W("cannot"), W("could"), W("couldn't"),
    W("did"), W("didn't"), W("do"), W("does"), W("doesn't"), W("doing"),
    W("don't"), W("down"), W("during"), W("each"), W("few"), W("for"),
    W("from"), W("further"), W("had"), W("hadn't"), W("has"), W("hasn't"),
    W("have"), W("haven't"), W("having"), W("he"), W("he'd"), W("he'll"),
    W("he's"), W("her"), W("here"), W("here's"), W("hers"), W("herself"),
    W("him"), W("himself"), W("his"), W("how"), W("how's"), W("i"), W("i'd"),
    W("i'll"), W("i'm"), W("i've"), W("if"), W("in"), W("into"), W("is"),
    W("isn't"), W("it"), W("it's"), W("its"), W("itself"), W("let's"), W("me"),
    W("more"), W("most"), W("mustn't"), W("my"), W("myself"), W("no"), W("nor"),
    W("not"), W("of"), W("off"), W("on"), W("once"), W("only"), W("or"),
    W("other"), W("ought"), W("our"), W("ours"), W("ourselves"), W("out"),
    W("over"), W("own"), W("same"), W("shan't"), W("she"), W("she'd"),
    W("she'll"), W("she's"), W("should"), W("shouldn't"), W("so"), W("some"),
    W("such"), W("than"), W("that"), W("that's"), W("the"), W("their"),
    W("theirs"), W("them"), W("themselves"), W("then"), W("there"),
    W("there's"), W("these"), W("they"), W("they'd"), W("they'll"),
    W("they're"), W("they've"), W("this"), W("those"), W("through"), W("to"),
    W("too"), W("under"), W("until"), W("up"), W("very"), W("was"), W("wasn't"),
    W("we"), W("we'd"), W("we'll"), W("we're"), W("we've"), W("were"),
    W("weren't"), W("what"), W("what's"), W("when"), W("when's"), W("where"),
    W("where's"), W("which"), W("while"), W("who"), W("who's"), W("whom"),
    W("why"), W("why's"), W("will"), W("with"), W("won't"), W("would"),
    W("wouldn't"), W("you"), W("you'd"), W("you'll"), W("you're"), W("you've"),
    W("your"), W("yours"), W("yourself"), W("yourselves"),};

/* Compares a counted string with a C string the way strcmp orders them. */
static int cmp_counted(const char *a, size_t n, const stopword *e) {
  const char *b = e->w;
  size_t bn = e->n;
  /* The first byte settles most comparisons without a call. */
  if (a[0] != b[0]) return (unsigned char)a[0] < (unsigned char)b[0] ? -1 : 1;
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
    int c = cmp_counted(folded, n, &cr_stopwords[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

/* For tests: the list and its size, to check it stays sorted. */
const char *cr_stopword_at(size_t i) {
  return i < sizeof cr_stopwords / sizeof *cr_stopwords ? cr_stopwords[i].w : NULL;
}
