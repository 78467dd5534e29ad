#include "analyze/analyze.h"
int cr_find_dates(const cr_doc *d, const char *ref_iso, cr_date_vec *out) { return 0; }
