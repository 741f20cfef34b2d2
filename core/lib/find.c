/*
** find.c: case- and accent-insensitive phrase search over the body.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_find(lede_article *a, const char *query, size_t qlen,
                              int flags, lede_span_fn fn, void *ud) {
  (void)a; (void)query; (void)qlen; (void)flags; (void)fn; (void)ud;
  return LEDE_OK;
}
