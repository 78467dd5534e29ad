/* strmap.h — interns byte strings to dense ids (0, 1, 2, ...).
 *
 * The corpus vocabulary: stems, folded words and entity keys become small
 * integers so sentence vectors are arrays of ids, not strings.  Keys are
 * copied into the map's arena; ids are stable for the map's lifetime. */
#ifndef CR_STRMAP_H
#define CR_STRMAP_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define CR_NO_ID UINT32_MAX

typedef struct cr_strmap cr_strmap;

/* Keys are stored in arena a (which must outlive the map). */
cr_strmap *cr_strmap_new(cr_arena *a);
void cr_strmap_free(cr_strmap *m);
/* Returns the id of key, adding it if absent; CR_NO_ID when out of memory. */
uint32_t cr_strmap_intern(cr_strmap *m, const char *key, size_t len);
/* Returns the id of key or CR_NO_ID. */
uint32_t cr_strmap_find(const cr_strmap *m, const char *key, size_t len);
/* The key of id (NUL-terminated), its length in *len if len is not NULL. */
const char *cr_strmap_key(const cr_strmap *m, uint32_t id, size_t *len);
size_t cr_strmap_count(const cr_strmap *m);
#endif
