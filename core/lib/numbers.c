/*
** numbers.c: counts, ranges, years, ordinals, percentages and money.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_numbers(lede_article *a, const lede_number **out,
                                 size_t *n) {
  a->have_numbers = 1;
  *out = a->numbers;
  *n = a->nnumbers;
  return LEDE_OK;
}

const char *lede_number_kind_name(lede_number_kind kind) {
  static const char *const names[LEDE_NUMBER_KIND_COUNT] = {
    "cardinal", "ordinal", "year", "percent", "money"
  };
  if ((int)kind < 0 || kind >= LEDE_NUMBER_KIND_COUNT) return NULL;
  return names[kind];
}
