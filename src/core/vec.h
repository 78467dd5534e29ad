/* vec.h — a typed growable array on the heap, for scratch work whose size
 * is unknown until the end (token lists while a document is scanned).
 * Finished arrays are copied into the corpus arena at their exact size. */
#ifndef CR_VEC_H
#define CR_VEC_H
#include <stdint.h>
#include <stdlib.h>

#define CR_VEC(T) \
  struct {        \
    T *v;         \
    size_t n, cap; \
  }

/* Makes room for one more element; evaluates to 0 on success, -1 when out
 * of memory (the vector is unchanged). */
#define cr_vec_grow(vec)                                                     \
  ((vec)->n < (vec)->cap                                                     \
       ? 0                                                                   \
       : cr_vec_grow_impl((void **)&(vec)->v, &(vec)->cap, sizeof *(vec)->v))

#define cr_vec_push(vec, x) \
  (cr_vec_grow(vec) ? -1 : ((vec)->v[(vec)->n++] = (x), 0))

#define cr_vec_free(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0)

static inline int cr_vec_grow_impl(void **p, size_t *cap, size_t elem) {
  size_t ncap = *cap ? *cap * 2 : 16;
  if (ncap > SIZE_MAX / elem) return -1;
  void *q = realloc(*p, ncap * elem);
  if (!q) return -1;
  *p = q;
  *cap = ncap;
  return 0;
}
#endif
