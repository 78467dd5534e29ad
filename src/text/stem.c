/* stem.c — English Snowball stems via libstemmer.
 *
 * "deploy", "deployed" and "deploying" in three reports are one fact; the
 * Porter2 stemmer makes them one term.  Each stemmer owns its libstemmer
 * state, so corpora on different threads never share one. */
#include <libstemmer.h>
#include <stdlib.h>

#include "text/text.h"

struct cr_stemmer {
  struct sb_stemmer *sb;
};

cr_stemmer *cr_stemmer_new(void) {
  cr_stemmer *s = malloc(sizeof *s);
  if (!s) return NULL;
  s->sb = sb_stemmer_new("english", "UTF_8");
  if (!s->sb) {
    free(s);
    return NULL;
  }
  return s;
}

void cr_stemmer_free(cr_stemmer *s) {
  if (!s) return;
  sb_stemmer_delete(s->sb);
  free(s);
}

const char *cr_stem(cr_stemmer *s, const char *word, size_t n, size_t *outlen) {
  /* libstemmer takes an int length; a "word" this long is not a word. */
  if (n > 4096) {
    *outlen = n;
    return word;
  }
  const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)n);
  if (!r) { /* out of memory inside libstemmer: the unstemmed word still matches itself */
    *outlen = n;
    return word;
  }
  *outlen = (size_t)sb_stemmer_length(s->sb);
  return (const char *)r;
}
