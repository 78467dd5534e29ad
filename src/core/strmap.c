/* strmap.c — open addressing with linear probing over (hash, id) slots;
 * keys live in the arena, the slot table and key index on the heap. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct {
  uint64_t hash;
  uint32_t id; /* CR_NO_ID marks an empty slot */
} slot;

typedef struct {
  const char *s;
  size_t len;
} key;

struct cr_strmap {
  cr_arena *arena;
  slot *slots;
  size_t nslots; /* a power of two */
  key *keys;
  size_t nkeys, capkeys;
};

cr_strmap *cr_strmap_new(cr_arena *a) {
  cr_strmap *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->arena = a;
  m->nslots = 1024;
  m->slots = malloc(m->nslots * sizeof *m->slots);
  if (!m->slots) {
    free(m);
    return NULL;
  }
  for (size_t i = 0; i < m->nslots; i++) m->slots[i].id = CR_NO_ID;
  return m;
}

void cr_strmap_free(cr_strmap *m) {
  if (!m) return;
  free(m->slots);
  free(m->keys);
  free(m);
}

static size_t probe(const cr_strmap *m, uint64_t h, const char *k, size_t len) {
  size_t mask = m->nslots - 1, i = (size_t)h & mask;
  for (;;) {
    const slot *s = &m->slots[i];
    if (s->id == CR_NO_ID) return i;
    if (s->hash == h && m->keys[s->id].len == len &&
        memcmp(m->keys[s->id].s, k, len) == 0)
      return i;
    i = (i + 1) & mask;
  }
}

static int grow(cr_strmap *m) {
  size_t n = m->nslots * 2;
  slot *ns = malloc(n * sizeof *ns);
  if (!ns) return -1;
  for (size_t i = 0; i < n; i++) ns[i].id = CR_NO_ID;
  for (size_t i = 0; i < m->nslots; i++) {
    if (m->slots[i].id == CR_NO_ID) continue;
    size_t j = (size_t)m->slots[i].hash & (n - 1);
    while (ns[j].id != CR_NO_ID) j = (j + 1) & (n - 1);
    ns[j] = m->slots[i];
  }
  free(m->slots);
  m->slots = ns;
  m->nslots = n;
  return 0;
}

uint32_t cr_strmap_find(const cr_strmap *m, const char *k, size_t len) {
  uint64_t h = XXH3_64bits(k, len);
  return m->slots[probe(m, h, k, len)].id;
}

uint32_t cr_strmap_intern(cr_strmap *m, const char *k, size_t len) {
  uint64_t h = XXH3_64bits(k, len);
  size_t i = probe(m, h, k, len);
  if (m->slots[i].id != CR_NO_ID) return m->slots[i].id;
  if (m->nkeys >= CR_NO_ID - 1) return CR_NO_ID;
  if (m->nkeys == m->capkeys) {
    size_t cap = m->capkeys ? m->capkeys * 2 : 1024;
    key *nk = realloc(m->keys, cap * sizeof *nk);
    if (!nk) return CR_NO_ID;
    m->keys = nk;
    m->capkeys = cap;
  }
  char *copy = cr_arena_strndup(m->arena, k, len);
  if (!copy) return CR_NO_ID;
  uint32_t id = (uint32_t)m->nkeys++;
  m->keys[id].s = copy;
  m->keys[id].len = len;
  m->slots[i].hash = h;
  m->slots[i].id = id;
  /* Keep the load factor under 1/2 so probes stay short. */
  if (m->nkeys * 2 > m->nslots && grow(m)) return CR_NO_ID;
  return id;
}

const char *cr_strmap_key(const cr_strmap *m, uint32_t id, size_t *len) {
  if (id >= m->nkeys) return NULL;
  if (len) *len = m->keys[id].len;
  return m->keys[id].s;
}

size_t cr_strmap_count(const cr_strmap *m) { return m->nkeys; }
