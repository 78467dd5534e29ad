#include "analyze/analyze.h"
int cr_merge_aliases(cr_corpus *c) { return 0; }
