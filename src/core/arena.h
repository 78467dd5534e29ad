/* arena.h — a bump allocator: one per corpus, freed in one call.
 *
 * Documents, their annotations and every string derived from them live in
 * the corpus arena, so releasing a corpus is one walk over a few large
 * blocks instead of thousands of free() calls, and no annotation can
 * outlive the text it points into. */
#ifndef CR_ARENA_H
#define CR_ARENA_H
#include <stddef.h>

typedef struct cr_arena cr_arena;

cr_arena *cr_arena_new(void);
void cr_arena_free(cr_arena *a);
/* Returns 8-byte-aligned memory, or NULL when out of memory (or n overflows). */
void *cr_arena_alloc(cr_arena *a, size_t n);
/* Zeroed memory for count elements of size bytes; NULL on overflow. */
void *cr_arena_calloc(cr_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *cr_arena_strndup(cr_arena *a, const char *s, size_t n);
char *cr_arena_strdup(cr_arena *a, const char *s);
/* Copies n elements of size bytes (NULL when n == 0). */
void *cr_arena_memdup(cr_arena *a, const void *p, size_t count, size_t size);
/* Bytes handed out so far (for benchmarks and limits). */
size_t cr_arena_used(const cr_arena *a);
#endif
