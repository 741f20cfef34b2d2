/*
** keywords.c: key terms scored by stemmed frequency, position and title.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_keywords(lede_article *a, const lede_keyword **out,
                                  size_t *n) {
  a->have_keywords = 1;
  *out = a->keywords;
  *n = a->nkeywords;
  return LEDE_OK;
}
