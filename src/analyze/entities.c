#include "analyze/analyze.h"
const char *cr_ent_type_name(cr_ent_type t) { (void)t; return "person"; }
int cr_find_entities(cr_corpus *c, cr_doc *d, cr_attr *attrs, size_t nattrs) { return 0; }
