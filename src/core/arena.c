/* arena.c — see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks grow geometrically up to this size; larger requests get a block of
 * their own so a single 200 MB document does not force 200 MB of slack. */
#define ARENA_MIN_BLOCK (64u * 1024u)
#define ARENA_MAX_BLOCK (4u * 1024u * 1024u)

typedef struct block {
  struct block *next;
  size_t size, used;
  /* Aligned so that data[] starts on a max_align_t boundary. */
  _Alignas(16) unsigned char data[];
} block;

struct cr_arena {
  block *head;
  size_t next_size;
  size_t used;
};

cr_arena *cr_arena_new(void) {
  cr_arena *a = calloc(1, sizeof *a);
  if (a) a->next_size = ARENA_MIN_BLOCK;
  return a;
}

void cr_arena_free(cr_arena *a) {
  if (!a) return;
  block *b = a->head;
  while (b) {
    block *n = b->next;
    free(b);
    b = n;
  }
  free(a);
}

static block *arena_new_block(cr_arena *a, size_t need) {
  size_t size = a->next_size;
  if (need > size) size = need;
  if (size > SIZE_MAX - sizeof(block)) return NULL;
  block *b = malloc(sizeof(block) + size);
  if (!b) return NULL;
  b->size = size;
  b->used = 0;
  if (a->next_size < ARENA_MAX_BLOCK) a->next_size *= 2;
  /* An oversized block goes second so the current block keeps serving
   * small requests. */
  if (need > a->next_size && a->head) {
    b->next = a->head->next;
    a->head->next = b;
  } else {
    b->next = a->head;
    a->head = b;
  }
  return b;
}

void *cr_arena_alloc(cr_arena *a, size_t n) {
  if (n == 0) n = 1;
  if (n > SIZE_MAX - 16) return NULL;
  n = (n + 15u) & ~(size_t)15u;
  block *b = a->head;
  if (!b || b->size - b->used < n) {
    b = arena_new_block(a, n);
    if (!b) return NULL;
  }
  void *p = b->data + b->used;
  b->used += n;
  a->used += n;
  return p;
}

void *cr_arena_calloc(cr_arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  void *p = cr_arena_alloc(a, count * size);
  if (p) memset(p, 0, count * size);
  return p;
}

char *cr_arena_strndup(cr_arena *a, const char *s, size_t n) {
  char *p = cr_arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *cr_arena_strdup(cr_arena *a, const char *s) {
  return s ? cr_arena_strndup(a, s, strlen(s)) : NULL;
}

void *cr_arena_memdup(cr_arena *a, const void *p, size_t count, size_t size) {
  if (count == 0) return NULL;
  if (count > SIZE_MAX / size) return NULL;
  void *q = cr_arena_alloc(a, count * size);
  if (q) memcpy(q, p, count * size);
  return q;
}

size_t cr_arena_used(const cr_arena *a) { return a->used; }
