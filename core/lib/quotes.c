/*
** quotes.c: direct quotations and who said them.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_quotes(lede_article *a, const lede_quote **out,
                                size_t *n) {
  a->have_quotes = 1;
  *out = a->quotes;
  *n = a->nquotes;
  return LEDE_OK;
}
