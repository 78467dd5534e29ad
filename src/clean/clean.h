/* clean.h — separating the article from what surrounds it.
 *
 * Takes: a document's text.
 * Adds:  paragraphs, each with a kind (body, title, caption, meta,
 *        boilerplate) and the reason it is not body; the title.
 *
 * Plain-text reports are scraped pages flattened to lines: one line is one
 * paragraph, blank lines are separators.  Nothing is deleted: removed
 * pieces stay as paragraphs of kind boilerplate so `clean --explain` can
 * show them and the body can never silently lose text. */
#ifndef CR_CLEAN_H
#define CR_CLEAN_H
#include "core/corpus.h"

/* Splits d->text into paragraphs and classifies them; sets d->meta.title
 * from the title line when the input had none.  0, or -1 out of memory. */
int cr_clean_paragraphs(cr_corpus *c, cr_doc *d);

/* clean/meta: the date (ISO + validity), dateline place, agency and byline
 * found in the text or its declared fields.  0, or -1 out of memory. */
int cr_clean_meta(cr_corpus *c, cr_doc *d);
#endif
